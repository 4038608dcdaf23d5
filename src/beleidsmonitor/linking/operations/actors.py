"""Changes to actors: merge, split, rename, keep apart, and the automatic glossary merges.

Each change is written where `resolve_actor` looks first (the alias table and
`merged_into`), so a re-import of any plan lands on the actor as a coordinator left it,
and each is logged as an `ActorChange`. An automatic merge never joins two actors a person
split or kept apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _
from rapidfuzz import fuzz

from beleidsmonitor.exceptions import BeleidsmonitorError
from beleidsmonitor.linking.models import ActorChange, ActorChangeKind
from beleidsmonitor.linking.permissions import check_can_decide
from beleidsmonitor.linking.text import STOP_WORDS, fold
from beleidsmonitor.plans.models import Abbreviation, ActionActor, Actor, ActorAlias, ActorKind
from beleidsmonitor.plans.models.actors import alias_key
from beleidsmonitor.plans.operations.resolve_actors import BARE_ACRONYM, WITH_EXPANSION

PORTFOLIO_NAME = re.compile(r"^minister van\s+", re.IGNORECASE)
# words that name no portfolio or organisation by themselves
GENERIC = STOP_WORDS | {"agentschap", "departement", "dienst", "en", "beleid", "zaken"}


def _already_exists(name: str) -> str:
    return _("er bestaat al een actor '%(name)s': voeg samen in de plaats") % {"name": name}


class ActorChangeError(BeleidsmonitorError):
    """A merge, split or rename that cannot be done as asked."""


NAME_LIMIT = 200  # a name a person gives; imported names may be longer (whole sentences)


def _new_name(text: str, when_empty: str) -> str:
    name = " ".join(text.split())
    if not name:
        raise ActorChangeError(when_empty)
    if len(name) > NAME_LIMIT:
        raise ActorChangeError(
            _("een naam telt hoogstens %(limit)d tekens; deze telt er %(length)d")
            % {"limit": NAME_LIMIT, "length": len(name)}
        )
    return name


def _kept_apart(a: Actor, b: Actor) -> bool:
    pair = [a.pk, b.pk]
    return ActorChange.objects.filter(
        kind__in=[ActorChangeKind.SPLIT, ActorChangeKind.KEEP_APART],
        actor__in=pair,
        other__in=pair,
    ).exists()


def _merge(source: Actor, target: Actor) -> None:
    ActorAlias.objects.filter(actor=source).update(actor=target)
    ActionActor.objects.filter(actor=source).update(actor=target)
    Actor.objects.filter(merged_into=source).update(merged_into=target)
    source.merged_into = target
    source.save(update_fields=["merged_into"])


def merge_actors(source: Actor, target: Actor, *, user=None, reason: str = "") -> Actor:
    """Fold `source` into `target`: every written form and every action of `source` now
    belongs to `target`; `source` stays, pointing at `target`, for history."""
    check_can_decide(user)
    source, target = source.current(), target.current()
    if source.pk == target.pk:
        raise ActorChangeError(_("een actor kan niet met zichzelf samengevoegd worden"))
    with transaction.atomic():
        aliases = list(source.aliases.values_list("text", flat=True))
        _merge(source, target)
        ActorChange.objects.create(
            kind=ActorChangeKind.MERGE,
            actor=target,
            other=source,
            old_name=source.name,
            new_name=target.name,
            aliases=aliases,
            reason=reason,
            user=user,
        )
    return target


def split_actor(
    actor: Actor, alias_texts: list[str], new_name: str, *, user=None, reason: str = ""
) -> Actor:
    """Move some written forms of `actor` (and the actions that wrote them) to a new actor
    named `new_name`; the two are kept apart from then on."""
    check_can_decide(user)
    actor = actor.current()
    new_name = _new_name(new_name, _("geef de nieuwe actor een naam"))
    keys = {alias_key(text) for text in alias_texts}
    moving = list(ActorAlias.objects.filter(actor=actor, key__in=keys))
    if not moving:
        raise ActorChangeError(_("kies minstens één schrijfwijze om af te splitsen"))
    if len(moving) == actor.aliases.count():
        raise ActorChangeError(_("laat minstens één schrijfwijze bij de oorspronkelijke actor"))
    if Actor.objects.filter(kind=actor.kind, name=new_name).exists():
        raise ActorChangeError(_already_exists(new_name))
    with transaction.atomic():
        new = Actor.objects.create(kind=actor.kind, name=new_name)
        ActorAlias.objects.filter(pk__in=[a.pk for a in moving]).update(actor=new)
        ActorAlias.objects.get_or_create(
            key=alias_key(new_name), defaults={"actor": new, "text": new_name}
        )
        moved_keys = {a.key for a in moving}
        for link in ActionActor.objects.filter(actor=actor):
            if alias_key(link.written_as) in moved_keys:
                link.actor = new
                link.save(update_fields=["actor"])
        ActorChange.objects.create(
            kind=ActorChangeKind.SPLIT,
            actor=actor,
            other=new,
            old_name=actor.name,
            new_name=new_name,
            aliases=[a.text for a in moving],
            reason=reason,
            user=user,
        )
    return new


def rename_actor(actor: Actor, new_name: str, *, user=None, reason: str = "") -> Actor:
    """Give an actor a new canonical name; the old name stays an alias, so documents that
    write it still resolve here."""
    check_can_decide(user)
    actor = actor.current()
    new_name = _new_name(new_name, _("de naam kan niet leeg zijn"))
    clash = Actor.objects.filter(kind=actor.kind, name=new_name).exclude(pk=actor.pk).first()
    if clash is not None:
        raise ActorChangeError(_already_exists(new_name))
    existing_alias = ActorAlias.objects.filter(key=alias_key(new_name)).first()
    if existing_alias is not None and existing_alias.actor.current().pk != actor.pk:
        raise ActorChangeError(
            _("'%(name)s' is al een schrijfwijze van %(actor)s")
            % {"name": new_name, "actor": existing_alias.actor}
        )
    with transaction.atomic():
        old = actor.name
        ActorAlias.objects.get_or_create(key=alias_key(old), defaults={"actor": actor, "text": old})
        ActorAlias.objects.get_or_create(
            key=alias_key(new_name), defaults={"actor": actor, "text": new_name}
        )
        actor.name = new_name
        actor.save(update_fields=["name"])
        ActorChange.objects.create(
            kind=ActorChangeKind.RENAME,
            actor=actor,
            old_name=old,
            new_name=new_name,
            reason=reason,
            user=user,
        )
    return actor


def keep_apart(a: Actor, b: Actor, *, user=None, reason: str = "") -> None:
    """Record that two actors are different, so neither the review list nor an automatic
    merge proposes them together again."""
    check_can_decide(user)
    ActorChange.objects.create(
        kind=ActorChangeKind.KEEP_APART,
        actor=a.current(),
        other=b.current(),
        reason=reason,
        user=user,
    )


def reconcile_actors() -> list[ActorChange]:
    """Merge actors that a stored glossary says are one (`VDAB` = its spelled-out name).

    The evidence is the documents' own abbreviation lists: clear enough to act on without
    asking, and logged so a coordinator sees and can undo it (split).
    """
    changes: list[ActorChange] = []
    pairs = set(Abbreviation.objects.values_list("short", "long"))
    # `Agentschap Integratie en Inburgering (AgII)` written in a plan vouches for the pair
    # as much as a glossary does
    for text in ActorAlias.objects.filter(text__contains="(").values_list("text", flat=True):
        match = WITH_EXPANSION.match(text)
        if match:
            first, second = match.group("first").strip(), match.group("second").strip()
            if BARE_ACRONYM.match(second):
                pairs.add((second, first))
            elif BARE_ACRONYM.match(first):
                pairs.add((first, second))
    keys = {alias_key(text) for pair in pairs for text in pair}
    actor_of = {
        alias.key: alias.actor_id
        for alias in ActorAlias.objects.filter(key__in=keys).only("key", "actor_id")
    }
    for short, long in sorted(pairs):
        a, b = actor_of.get(alias_key(short)), actor_of.get(alias_key(long))
        if a is None or b is None or a == b:
            continue
        first = Actor.objects.get(pk=a).current()
        second = Actor.objects.get(pk=b).current()
        if first.pk == second.pk or _kept_apart(first, second):
            continue
        if ActorKind.MINISTER in (first.kind, second.kind) and first.kind != second.kind:
            continue  # an acronym of a minister's portfolio is not the minister
        with transaction.atomic():
            aliases = list(second.aliases.values_list("text", flat=True))
            _merge(second, first)
            changes.append(
                ActorChange.objects.create(
                    kind=ActorChangeKind.AUTO_MERGE,
                    actor=first,
                    other=second,
                    old_name=second.name,
                    new_name=first.name,
                    aliases=aliases,
                    reason=f"afkortingenlijst of schrijfwijze in een plan: {short} = {long}",
                )
            )
    return changes


@dataclass
class ActorSuggestion:
    """Two actors that may be one; for a person to merge or keep apart."""

    first: Actor
    second: Actor
    score: int
    evidence: str


def _content_words(name: str) -> set[str]:
    text = PORTFOLIO_NAME.sub("", fold(name))
    return {w for w in re.findall(r"[a-z0-9]+", text) if w not in GENERIC and len(w) > 2}


def _initials(name: str) -> str:
    return "".join(
        w[0] for w in re.findall(r"[a-z]+", fold(name)) if w not in {"en", "van", "voor"}
    )


def _acronym_of(short: str, long: str) -> bool:
    """`VDAB` for `Vlaamse Dienst voor Arbeidsbemiddeling ...`; also after a shared
    leading word: `Departement OV` for `Departement Onderwijs en Vorming`."""
    short_words, long_words = short.split(), long.split()
    while len(short_words) > 1 and long_words and fold(short_words[0]) == fold(long_words[0]):
        short_words, long_words = short_words[1:], long_words[1:]
    if len(short_words) != 1 or len(long_words) < 2:
        return False
    acronym = short_words[0]
    return (
        len(acronym) >= 2
        and acronym.upper() == acronym
        and _initials(" ".join(long_words)) == fold(acronym)
    )


def actor_suggestions(limit: int = 200) -> list[ActorSuggestion]:
    """Pairs of live actors that look like one, each with the reason in words."""
    actors = list(
        Actor.objects.filter(merged_into__isnull=True).prefetch_related("aliases").order_by("pk")
    )
    apart = {
        frozenset((c.actor_id, c.other_id))
        for c in ActorChange.objects.filter(
            kind__in=[ActorChangeKind.SPLIT, ActorChangeKind.KEEP_APART]
        )
    }
    words = {a.pk: _content_words(a.name) for a in actors}
    suggestions: list[ActorSuggestion] = []
    for i, first in enumerate(actors):
        for second in actors[i + 1 :]:
            if frozenset((first.pk, second.pk)) in apart:
                continue
            found = _evidence(first, second, words[first.pk], words[second.pk])
            if found:
                suggestions.append(ActorSuggestion(first, second, *found))
    suggestions.sort(key=lambda s: (-s.score, s.first.name))
    return suggestions[:limit]


def _evidence(first: Actor, second: Actor, a: set[str], b: set[str]) -> tuple[int, str] | None:
    ministers = (first.kind == ActorKind.MINISTER) + (second.kind == ActorKind.MINISTER)
    if ministers == 2:
        if a and b and (a <= b or b <= a):
            shared = ", ".join(sorted(a & b))
            return 90, _(
                "portefeuille '%(portfolio)s' zit in beide namen (samengevoegd of opgesplitst?)"
            ) % {"portfolio": shared}
        return None
    if ministers == 1:
        # `Jeugd` written in a partner column is most likely the minister's portfolio
        minister, other = (first, second) if first.kind == ActorKind.MINISTER else (second, first)
        portfolio = PORTFOLIO_NAME.sub("", fold(minister.name))
        if fold(other.name) == portfolio:
            return 80, _("'%(name)s' is de portefeuille van %(minister)s") % {
                "name": other.name,
                "minister": minister.name,
            }
        return None
    for short, long in ((first, second), (second, first)):
        if _acronym_of(short.name, long.name):
            return 85, _("'%(short)s' zijn de beginletters van '%(long)s'") % {
                "short": short.name,
                "long": long.name,
            }
    ratio = fuzz.token_sort_ratio(fold(first.name), fold(second.name))
    if ratio >= 90:
        return int(ratio), _("namen lijken sterk op elkaar (%(percent)d%%)") % {
            "percent": int(ratio)
        }
    return None
