"""Written actor names to canonical actors, keeping every written form as an alias.

`Minister van Werk`, `Vlaams minister van Werk`, `kabinet Werk` and (in a cabinet
column) `Werk` are the one portfolio actor `Minister van Werk`.
"""

from __future__ import annotations

import re

from beleidsmonitor.plans.models import Actor, ActorAlias, ActorKind, ActorRole
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
        return _follow_merges(alias.actor)
    kind, name = canonical_actor(written, role)
    actor = Actor.objects.filter(aliases__key=alias_key(name)).first()
    if actor is None:
        actor, _created = Actor.objects.get_or_create(kind=kind, name=name)
        ActorAlias.objects.get_or_create(
            key=alias_key(name), defaults={"actor": actor, "text": name}
        )
    actor = _follow_merges(actor)
    ActorAlias.objects.get_or_create(
        key=key, defaults={"actor": actor, "text": " ".join(written.split())}
    )
    return actor


def _follow_merges(actor: Actor) -> Actor:
    seen = set()
    while actor.merged_into_id and actor.pk not in seen:
        seen.add(actor.pk)
        actor = actor.merged_into
    return actor
