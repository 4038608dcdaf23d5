"""Actors: ministers' portfolios, cabinets, administrations and partners."""

from __future__ import annotations

from typing import Any, Literal

from django.db.models import Count
from django.shortcuts import get_object_or_404
from ninja import Query, Router, Schema

from beleidsmonitor.api.auth import read_auth
from beleidsmonitor.api.v1.common import Id, ListParams, PageMeta, order, paginate, words_filter
from beleidsmonitor.plans.models import Actor

router = Router(tags=["actors"])


class ActorOut(Schema):
    id: int
    kind: str
    name: str
    slug: str
    aliases: list[str]
    merged_into: int | None
    action_count: int


class ActorPage(PageMeta):
    items: list[ActorOut]


class ActorFilters(ListParams):
    plan: Id | None = None
    kind: Literal["minister", "cabinet", "administration", "partner"] | None = None
    ordering: Literal["name", "-name", "kind", "-kind", "id", "-id"] = "name"


def actor_out(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.pk,
        "kind": actor.kind,
        "name": actor.name,
        "slug": actor.slug,
        "aliases": [alias.text for alias in actor.aliases.all()],
        "merged_into": actor.merged_into_id,
        "action_count": actor.action_count,
    }


def _actors():
    return Actor.objects.prefetch_related("aliases").annotate(
        action_count=Count("action_links__action", distinct=True)
    )


@router.get("/actors", response=ActorPage, auth=read_auth, summary="List actors")
def list_actors(request, filters: Query[ActorFilters]):
    actors = words_filter(_actors(), filters.text, "name", "aliases__text")
    if filters.plan:
        actors = actors.filter(action_links__action__plan_id=filters.plan)
    if filters.kind:
        actors = actors.filter(kind=filters.kind)
    return paginate(order(actors.distinct(), filters.ordering), filters, actor_out)


@router.get("/actors/{actor_id}", response=ActorOut, auth=read_auth, summary="One actor")
def get_actor(request, actor_id: Id):
    return actor_out(get_object_or_404(_actors(), pk=actor_id))
