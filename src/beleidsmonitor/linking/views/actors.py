"""Pages about actors across plans: the resolution review list, one actor with what it
owes in every plan and period, and the merge, split and rename forms."""

from __future__ import annotations

from collections import defaultdict

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from beleidsmonitor.exceptions import BeleidsmonitorError
from beleidsmonitor.linking.models import ActorChange, ActorChangeKind
from beleidsmonitor.linking.operations.actors import (
    actor_suggestions,
    keep_apart,
    merge_actors,
    rename_actor,
    split_actor,
)
from beleidsmonitor.linking.permissions import can_decide, check_can_decide
from beleidsmonitor.plans.models import ActionActor, Actor


def actor_review(request):
    """Actors that may be one (with the reason), and the automatic merges to check."""
    return render(
        request,
        "linking/actor_review.html",
        {
            "suggestions": actor_suggestions(),
            "automatic": ActorChange.objects.filter(kind=ActorChangeKind.AUTO_MERGE).select_related(
                "actor", "other"
            )[:100],
            "recent": ActorChange.objects.exclude(kind=ActorChangeKind.AUTO_MERGE).select_related(
                "actor", "other", "user"
            )[:50],
            "can_decide": can_decide(request.user),
        },
    )


def actor_obligations(request, actor_id: int):
    """Everything an actor owes, across all current plans and periods, by role."""
    actor = get_object_or_404(Actor, pk=actor_id)
    live = actor.current()
    if live.pk != actor.pk:
        return redirect("linking:actor", actor_id=live.pk)
    links = (
        ActionActor.objects.filter(actor=live, action__plan__is_current=True)
        .select_related("action__plan", "action__goal")
        .order_by("-action__plan__period_start", "action__plan__title", "action__order")
    )
    by_plan: dict[int, dict] = {}
    for link in links:
        plan = link.action.plan
        entry = by_plan.setdefault(plan.pk, {"plan": plan, "rows": defaultdict(list)})
        entry["rows"][link.action].append(link)
    plans = [
        {
            "plan": entry["plan"],
            "rows": [
                {
                    "action": action,
                    "roles": sorted({link.get_role_display() for link in found}),
                    "written": sorted({link.written_as for link in found}),
                }
                for action, found in entry["rows"].items()
            ],
        }
        for entry in by_plan.values()
    ]
    return render(
        request,
        "linking/actor_obligations.html",
        {
            "actor": live,
            "aliases": live.aliases.all(),
            "merged": Actor.objects.filter(merged_into=live),
            "plans": plans,
            "total": sum(len(p["rows"]) for p in plans),
            "changes": ActorChange.objects.filter(actor=live).select_related("other", "user")[:20],
            "others": Actor.objects.filter(merged_into__isnull=True).exclude(pk=live.pk),
            "can_decide": can_decide(request.user),
        },
    )


@require_POST
def actor_change(request, actor_id: int):
    """Merge, split, rename or keep apart, from the forms on the actor and review pages."""
    check_can_decide(request.user)
    actor = get_object_or_404(Actor, pk=actor_id)
    what = request.POST.get("wijziging", "")
    reason = request.POST.get("reden", "")
    try:
        if what == "samenvoegen":
            other = get_object_or_404(Actor, pk=request.POST.get("met") or 0)
            target = merge_actors(other, actor, user=request.user, reason=reason)
            messages.success(
                request,
                _("%(other)s is samengevoegd met %(target)s.")
                % {"other": other.name, "target": target.name},
            )
            return redirect("linking:actor", actor_id=target.pk)
        if what == "hernoemen":
            renamed = rename_actor(
                actor, request.POST.get("naam", ""), user=request.user, reason=reason
            )
            messages.success(request, _("Hernoemd tot %(name)s.") % {"name": renamed.name})
        elif what == "splitsen":
            new = split_actor(
                actor,
                request.POST.getlist("alias"),
                request.POST.get("naam", ""),
                user=request.user,
                reason=reason,
            )
            messages.success(request, _("Afgesplitst: %(name)s.") % {"name": new.name})
            return redirect("linking:actor", actor_id=new.pk)
        elif what == "apart":
            other = get_object_or_404(Actor, pk=request.POST.get("met") or 0)
            keep_apart(actor, other, user=request.user, reason=reason)
            messages.success(
                request,
                _("%(actor)s en %(other)s blijven apart.")
                % {"actor": actor.name, "other": other.name},
            )
            return redirect("linking:actor-review")
        else:
            messages.error(request, _("Onbekende wijziging."))
    except BeleidsmonitorError as error:
        messages.error(request, str(error))
    return redirect("linking:actor", actor_id=actor.current().pk)
