"""Reading the English catalogues (`locale/en/LC_MESSAGES/django.po` and `.mo`) of an app.

Shared by the i18n tests of monitoring, plans and reports: every message translated, the
placeholders and HTML kept, the committed `.mo` compiled from the `.po` as it is now, and
a message that two apps both translate translated the same way (Django merges the
catalogues of all apps into one, so the first app in INSTALLED_APPS would silently win).
"""

from __future__ import annotations

import ast
import gettext
import re
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

# %(name)s and %(name)d (Python), {name} (str.format / format_html)
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|\{\w+\}")
TAG = re.compile(r"</?[a-z]+\b")


@dataclass(frozen=True)
class Entry:
    context: str | None
    msgid: str
    plural: str | None
    msgstrs: tuple[str, ...]

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.msgid)


def po_path(app: ModuleType) -> Path:
    return Path(app.__file__).parent / "locale" / "en" / "LC_MESSAGES" / "django.po"


def read_po(path: Path) -> list[Entry]:
    """The entries of a .po file, header left out."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        fields: dict[str, str] = {}
        current = None
        for line in block.strip().splitlines():
            if line.startswith("#"):
                continue
            if line.startswith('"'):
                fields[current] += ast.literal_eval(line)
                continue
            current, _space, rest = line.partition(" ")
            fields[current] = ast.literal_eval(rest)
        if not fields.get("msgid"):
            continue  # the header (or an empty block)
        msgstrs = tuple(
            fields[name] for name in ("msgstr", "msgstr[0]", "msgstr[1]") if name in fields
        )
        entries.append(
            Entry(fields.get("msgctxt"), fields["msgid"], fields.get("msgid_plural"), msgstrs)
        )
    return entries


def problems(app: ModuleType) -> list[str]:
    """What is wrong with an app's English catalogue; empty when all is well."""
    path = po_path(app)
    entries = read_po(path)
    found = []
    if not entries:
        found.append(f"{path}: no messages")
    for entry in entries:
        name = repr(entry.msgid)
        if not all(entry.msgstrs):
            found.append(f"untranslated: {name}")
            continue
        sources = [entry.msgid] if entry.plural is None else [entry.msgid, entry.plural]
        for source, translation in zip(sources, entry.msgstrs, strict=True):
            if sorted(set(PLACEHOLDER.findall(source))) != sorted(
                set(PLACEHOLDER.findall(translation))
            ):
                found.append(f"placeholders differ: {name} -> {translation!r}")
            if sorted(TAG.findall(source)) != sorted(TAG.findall(translation)):
                found.append(f"HTML tags differ: {name} -> {translation!r}")
    found += _stale_mo(path, entries)
    return found


def _stale_mo(po: Path, entries: list[Entry]) -> list[str]:
    """Differences between the committed .mo and the .po (run msgfmt after editing)."""
    mo = po.with_suffix(".mo")
    if not mo.exists():
        return [f"{mo} is missing: compile it with msgfmt"]
    with mo.open("rb") as handle:
        catalog = dict(gettext.GNUTranslations(handle)._catalog)
    catalog.pop("", None)  # the header
    expected: dict = {}
    for entry in entries:
        msgid = entry.msgid if entry.context is None else f"{entry.context}\x04{entry.msgid}"
        if entry.plural is None:
            expected[msgid] = entry.msgstrs[0]
        else:
            for index, text in enumerate(entry.msgstrs):
                expected[(msgid, index)] = text
    if catalog != expected:
        return [f"{mo} does not match {po.name}: compile it again with msgfmt"]
    return []


def translations(app: ModuleType) -> dict[tuple[str | None, str], tuple[str, ...]]:
    return {entry.key: entry.msgstrs for entry in read_po(po_path(app))}


def disagreements(apps: list[ModuleType], others: list[ModuleType]) -> list[str]:
    """Messages of `apps` that another catalogue (of `apps` or `others`) translates
    differently. Only catalogues that exist are compared."""
    tables = {app.__name__: translations(app) for app in apps + others if po_path(app).exists()}
    found = []
    for app in apps:
        mine = tables[app.__name__]
        for name, table in tables.items():
            if name == app.__name__:
                continue
            for key, text in mine.items():
                if key in table and table[key] != text:
                    found.append(f"{app.__name__} and {name} differ on {key[1]!r}")
    return sorted(set(found))
