"""Helpers every page family uses: pagination and the query string of the other filters."""

from __future__ import annotations

from django.core.paginator import Page, Paginator
from django.db.models import Prefetch, Q
from django.http import HttpRequest

from beleidsmonitor.plans.models import ActionActor, ActorRole

PAGE_SIZE = 50


def paginate(request: HttpRequest, items, per_page: int = PAGE_SIZE) -> Page:
    """One page of a list; a page number out of range gives the last page, not an error."""
    return Paginator(items, per_page).get_page(request.GET.get("pagina"))


def query_without_page(request: HttpRequest) -> str:
    """The current filters as a query string, for the links to other pages."""
    params = request.GET.copy()
    params.pop("pagina", None)
    return params.urlencode()


def responsible_prefetch() -> Prefetch:
    """Who answers for an action: the responsible minister, else the administration."""
    return Prefetch(
        "actor_links",
        queryset=ActionActor.objects.filter(
            Q(role=ActorRole.RESPONSIBLE) | Q(role=ActorRole.ADMINISTRATION)
        )
        .select_related("actor")
        .only("action_id", "role", "order", "actor__name", "actor__slug"),
        to_attr="responsible_links",
    )
