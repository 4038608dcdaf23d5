"""Actors: the list, and everything one minister or administration answers for."""

from __future__ import annotations

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from beleidsmonitor.linking.permissions import can_decide
from beleidsmonitor.plans.models import Action, ActionActor, Actor, ActorKind, ActorRole
from beleidsmonitor.web import status as action_status
from beleidsmonitor.web.filters import today
from beleidsmonitor.web.views.common import paginate, query_without_page


def actor_list(request):
    kind = request.GET.get("soort", "")
    name = request.GET.get("naam", "").strip()
    actors = (
        Actor.objects.filter(merged_into__isnull=True)
        .annotate(
            action_count=Count(
                "action_links__action",
                filter=Q(action_links__action__plan__is_current=True),
                distinct=True,
            )
        )
        .filter(action_count__gt=0)
        .order_by("-action_count", "name")
    )
    if kind in ActorKind.values:
        actors = actors.filter(kind=kind)
    if name:
        actors = actors.filter(
            Q(name__icontains=name) | Q(aliases__text__icontains=name)
        ).distinct()
    return render(
        request,
        "web/actor_list.html",
        {
            "page": paginate(request, actors),
            "kinds": ActorKind.choices,
            "kind": kind,
            "name": name,
            "query": query_without_page(request),
        },
    )


def actor_detail(request, slug: str):
    actor = get_object_or_404(Actor, slug=slug)
    current = actor.current()
    if current.pk != actor.pk:
        # merged away: its actions live on the actor it was merged into
        return redirect("actor-detail", slug=current.slug)
    ids = [actor.pk, *actor.merged_actors.values_list("pk", flat=True)]
    links = ActionActor.objects.filter(actor__in=ids, action__plan__is_current=True)
    role_counts = dict(
        links.values_list("role").annotate(n=Count("action", distinct=True)).order_by()
    )
    role = request.GET.get("rol", "")
    if role in ActorRole.values:
        links = links.filter(role=role)
    actions = (
        Action.objects.filter(pk__in=links.values("action"))
        .select_related("plan")
        # what the list shows: the long texts (the plan's source above all) stay behind
        .only("plan__title", "key", "number", "title", "end_date", "order")
        .order_by("plan__title", "plan_id", "order")
    )
    total = actions.count()
    page = paginate(request, actions)
    action_status.attach(list(page.object_list), request.user)
    day = today()
    for action in page.object_list:
        action.late = action_status.is_late(action, action.status, day)
    # The roles this actor has on each action of the page, in one query.
    roles_by_action: dict[int, list[str]] = {}
    labels = dict(ActorRole.choices)
    for action_id, link_role in ActionActor.objects.filter(
        actor__in=ids, action__in=[a.pk for a in page.object_list]
    ).values_list("action_id", "role"):
        roles_by_action.setdefault(action_id, []).append(str(labels.get(link_role, link_role)))
    for action in page.object_list:
        action.actor_roles = sorted(set(roles_by_action.get(action.pk, [])))
    return render(
        request,
        "web/actor_detail.html",
        {
            "actor": actor,
            # other written forms only: the name itself is an alias too
            "aliases": list(actor.aliases.exclude(text__iexact=actor.name)[:20]),
            "can_change_actor": can_decide(request.user),
            "role_counts": [
                (value, label, role_counts.get(value, 0)) for value, label in ActorRole.choices
            ],
            "role": role,
            "total": total,
            "late_count": action_status.with_status(actions, request.user)
            .filter(action_status.late_q(request.user, today()))
            .count(),
            "status_counts": action_status.counts(actions, request.user),
            "plan_count": actions.values("plan").distinct().count(),
            "page": page,
            "query": query_without_page(request),
            "today": today(),
            "all_label": _("alle rollen"),
        },
    )
