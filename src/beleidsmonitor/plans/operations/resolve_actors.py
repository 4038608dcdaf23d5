"""Written actor names to canonical actors, keeping every written form as an alias.

`Minister van Werk`, `Vlaams minister van Werk`, `kabinet Werk` and (in a cabinet
column) `Werk` are the one portfolio actor `Minister van Werk`. An acronym and its
spelled-out form (`VDAB`, `Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding`)
are one actor where a stored glossary (`Abbreviation`) pairs them, or where the document
writes both (`VDAB (Vlaamse Dienst ...)`).

Coordinators' changes (merges, splits, renames; `beleidsmonitor.linking.operations.
actors`) live in the alias table and in `merged_into`, both of which `resolve_actor`
consults first, so a re-import lands on the actor as the coordinator left it.
"""

from __future__ import annotations

import re

from beleidsmonitor.plans.models import Abbreviation, Actor, ActorAlias, ActorKind, ActorRole
from beleidsmonitor.plans.models.actors import alias_key

PORTFOLIO_PREFIX = re.compile(
    r"^(?:de\s+)?(?:vlaamse?\s+)?(?:vice-?minister-president|minister-president|minister|kabinet)"
    r"(?:\s+van)?(?:\s+de)?\s+",
    re.IGNORECASE,
)
GOVERNMENT = re.compile(r"^(?:de\s+)?vlaamse\s+regering$", re.IGNORECASE)
ORGANISATION_WORDS = re.compile(
    r"\b(?:agentschap|departement|dienst|instituut|raad|team|vzw|vsa|centrum|huis|unia|"
    r"administratie|entiteit|steunpunt|netwerk|federatie|vereniging|overheid|stad|gemeente)\b",
    re.IGNORECASE,
)
ACRONYM = re.compile(r"^[A-Z0-9&\-]{2,}(?:\s*\(.*\))?$")
BARE_ACRONYM = re.compile(r"^[A-Z][A-Za-z0-9&\-]*[A-Z][A-Za-z0-9&\-]*$")
WITH_EXPANSION = re.compile(r"^(?P<first>[^()]+?)\s*\((?P<second>[^()]+)\)$")

MINISTER_ROLES = (ActorRole.RESPONSIBLE, ActorRole.COOPERATING)
ROLE_KIND = {
    ActorRole.RESPONSIBLE: ActorKind.MINISTER,
    ActorRole.COOPERATING: ActorKind.MINISTER,
    ActorRole.ADMINISTRATION: ActorKind.ADMINISTRATION,
    ActorRole.PARTNER: ActorKind.PARTNER,
}


def canonical_actor(written: str, role: str) -> tuple[str, str]:
    """The (kind, canonical name) a written name stands for in a given role."""
    text = " ".join(written.split()).strip(" -–•;,.")
    if GOVERNMENT.match(text):
        return ActorKind.MINISTER, "Vlaamse Regering"
    prefixed = PORTFOLIO_PREFIX.match(text)
    if prefixed:
        portfolio = text[prefixed.end() :].strip()
        if portfolio:
            return ActorKind.MINISTER, f"Minister van {portfolio[0].upper()}{portfolio[1:]}"
    kind = ROLE_KIND.get(role, ActorKind.PARTNER)
    if kind == ActorKind.MINISTER and re.search(r"minister", text, re.IGNORECASE):
        # `Ministers bevoegd voor ...`, `deelstaatministers voor ...`: a group, no portfolio
        return ActorKind.MINISTER, text
    if kind == ActorKind.MINISTER:
        if ACRONYM.match(text) or ORGANISATION_WORDS.search(text):
            return ActorKind.ADMINISTRATION, text
        return ActorKind.MINISTER, f"Minister van {text[0].upper()}{text[1:]}"
    return kind, text


def resolve_actor(written: str, role: str) -> Actor:
    """Find or create the actor for a written name; the written form becomes an alias."""
    key = alias_key(written)
    alias = ActorAlias.objects.select_related("actor").filter(key=key).first()
    if alias is not None:
        actor = alias.actor.current()
        if actor.kind != ActorKind.MINISTER and role in MINISTER_ROLES:
            # `Welzijn` first met in a partner column, now in a cabinet column: here it
            # names the minister's portfolio, not the partner
            kind, name = canonical_actor(written, role)
            if kind == ActorKind.MINISTER:
                return _portfolio_actor(name)
        return actor
    if role not in MINISTER_ROLES:
        # a bare portfolio word (`Jeugd`) in a partner column, where that minister exists
        known = ActorAlias.objects.select_related("actor").filter(
            key=alias_key(f"Minister van {written}")
        )
        minister = known.first()
        if minister is not None and minister.actor.kind == ActorKind.MINISTER:
            return minister.actor.current()
    for other in equivalent_forms(written):
        known = ActorAlias.objects.select_related("actor").filter(key=alias_key(other)).first()
        if known is not None:
            actor = known.actor.current()
            ActorAlias.objects.get_or_create(
                key=key, defaults={"actor": actor, "text": " ".join(written.split())}
            )
            return actor
    kind, name = canonical_actor(written, role)
    actor = Actor.objects.filter(aliases__key=alias_key(name)).first()
    if actor is None:
        actor, _created = Actor.objects.get_or_create(kind=kind, name=name)
        ActorAlias.objects.get_or_create(
            key=alias_key(name), defaults={"actor": actor, "text": name}
        )
    actor = actor.current()
    ActorAlias.objects.get_or_create(
        key=key, defaults={"actor": actor, "text": " ".join(written.split())}
    )
    return actor


def _portfolio_actor(name: str) -> Actor:
    """The minister actor of a canonical portfolio name, created where it is new."""
    known = ActorAlias.objects.select_related("actor").filter(key=alias_key(name)).first()
    if known is not None:
        return known.actor.current()
    actor, _created = Actor.objects.get_or_create(kind=ActorKind.MINISTER, name=name)
    ActorAlias.objects.get_or_create(key=alias_key(name), defaults={"actor": actor, "text": name})
    return actor.current()


def equivalent_forms(written: str) -> list[str]:
    """Other ways of writing the same actor that the data itself vouches for.

    `VDAB (Vlaamse Dienst voor ...)` gives both halves; an acronym or a spelled-out name
    gives its partner from any stored glossary. No guessing from initials here: that is
    a suggestion for a person (see the actor review list), not an automatic merge.
    """
    text = " ".join(written.split()).strip(" -–•;,.")
    forms: list[str] = []
    match = WITH_EXPANSION.match(text)
    if match:
        forms += [match.group("first").strip(), match.group("second").strip()]
    for form in [text, *forms]:
        if BARE_ACRONYM.match(form) and len(form) <= 12:
            forms += [
                a.long for a in Abbreviation.objects.filter(short__iexact=form).order_by("pk")[:3]
            ]
        else:
            forms += [
                a.short for a in Abbreviation.objects.filter(long__iexact=form).order_by("pk")[:3]
            ]
    seen = {alias_key(text)}
    unique = []
    for form in forms:
        if form and alias_key(form) not in seen:
            seen.add(alias_key(form))
            unique.append(form)
    return unique
