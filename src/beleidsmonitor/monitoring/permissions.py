"""The one place that answers "may user U do operation O on object X".

Views, the CLI and the future API all ask here, and every operation asks again before
it changes anything, so a button that is hidden is also refused on the server.

Roles:
- administrator: a Django superuser; may do everything.
- coordinator: per plan (`PlanCoordinator`); opens and closes rounds over plans they
  coordinate, and reviews (send back, approve, publish, restore from history) the
  updates of those plans' actions. Coordinators do not fill in updates: the one who
  checks a report is not the one who wrote it.
- reporter: per actor (`ActorReporter`); fills in and submits the updates of actions
  where that actor is responsible, co-operating, or the administration.
- reader: any logged-in user; reads everything, the history of updates included.
- anonymous: reads published updates only.

Importing plans and deciding on proposals (links across plans, report-to-note matches,
figure candidates, actor merges) is work of the coordinating team: administrators,
staff members (Django's staff flag) and anyone who coordinates at least one plan.
"""

from __future__ import annotations

from enum import StrEnum

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from beleidsmonitor.exceptions import BeleidsmonitorError
from beleidsmonitor.monitoring.models import (
    ActionUpdate,
    ActorReporter,
    PlanCoordinator,
    ReportingRound,
    WorkflowState,
)
from beleidsmonitor.plans.models import Action, ActionActor, Actor, ActorRole, Plan

# The roles through which an actor reports on an action; partners only contribute.
REPORTING_ROLES = (ActorRole.RESPONSIBLE, ActorRole.COOPERATING, ActorRole.ADMINISTRATION)


class Operation(StrEnum):
    OPEN_ROUND = "open_round"
    CLOSE_ROUND = "close_round"
    SAVE_UPDATE = "save_update"
    SUBMIT = "submit"
    SEND_BACK = "send_back"
    APPROVE = "approve"
    PUBLISH = "publish"
    RESTORE = "restore_from_history"
    VIEW_HISTORY = "view_history"
    VIEW_UPDATE = "view_update"
    DOWNLOAD_SHEET = "download_sheet"
    UPLOAD_SHEET = "apply_xlsx"
    REMIND = "remind"
    IMPORT_PLAN = "import_plan"
    REPLACE_PLAN = "replace_plan"  # import a new version of a stored plan
    DECIDE = "decide"


# The refusal per operation, one whole sentence each so it translates as one.
REFUSALS = {
    Operation.OPEN_ROUND: _("%(who)s mag een rapporteringsronde voor deze plannen niet openen."),
    Operation.CLOSE_ROUND: _("%(who)s mag deze rapporteringsronde niet afsluiten."),
    Operation.SAVE_UPDATE: _("%(who)s mag deze rapportering niet bewerken."),
    Operation.SUBMIT: _("%(who)s mag deze rapportering niet indienen."),
    Operation.SEND_BACK: _("%(who)s mag deze rapportering niet terugsturen."),
    Operation.APPROVE: _("%(who)s mag deze rapportering niet goedkeuren."),
    Operation.PUBLISH: _("%(who)s mag deze rapportering niet publiceren."),
    Operation.RESTORE: _("%(who)s mag een vroegere waarde niet herstellen."),
    Operation.VIEW_HISTORY: _("%(who)s mag de historiek niet bekijken."),
    Operation.VIEW_UPDATE: _("%(who)s mag deze rapportering niet bekijken."),
    Operation.DOWNLOAD_SHEET: _(
        "%(who)s mag het rapporteringsblad van deze actor niet downloaden."
    ),
    Operation.UPLOAD_SHEET: _("%(who)s mag een rapporteringsblad voor deze actor niet opladen."),
    Operation.REMIND: _("%(who)s mag voor deze ronde herinneringen niet versturen."),
    Operation.IMPORT_PLAN: _("%(who)s mag plannen niet importeren."),
    Operation.REPLACE_PLAN: _(
        "%(who)s mag geen nieuwe versie van dit plan inlezen: dat doen de coördinatoren "
        "van het plan of een beheerder."
    ),
    Operation.DECIDE: _("%(who)s mag over voorstellen niet beslissen."),
}


class NotAllowed(PermissionDenied, BeleidsmonitorError):
    """The user may not do this operation on this object (HTTP 403, CLI exit 1)."""

    def __init__(self, operation: Operation, user=None):
        self.operation = operation
        if user is None or not user.is_authenticated:
            # "U" is the polite "you" the refusal addresses an anonymous reader with
            who = pgettext("wie iets niet mag", "U")
        else:
            who = user.get_username()
        super().__init__(REFUSALS[operation] % {"who": who})


def is_admin(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active and user.is_superuser)


def _active(user) -> bool:
    return bool(user and user.is_authenticated and user.is_active)


def coordinates(user, plan: Plan | int) -> bool:
    if not _active(user):
        return False
    plan_id = plan if isinstance(plan, int) else plan.pk
    return PlanCoordinator.objects.filter(user=user, plan_id=plan_id).exists()


def coordinates_round(user, round_: ReportingRound) -> bool:
    """Coordinator of every plan in the round: only then may they steer it as a whole."""
    if not _active(user):
        return False
    plan_ids = set(round_.plans.values_list("pk", flat=True))
    mine = set(
        PlanCoordinator.objects.filter(user=user, plan_id__in=plan_ids).values_list(
            "plan_id", flat=True
        )
    )
    return bool(plan_ids) and plan_ids == mine


def reporter_actor_ids(user) -> set[int]:
    """The actors the user reports for: the ones assigned, as they stand now. A merged
    actor's actions moved to the actor it was merged into, and its reporters follow
    them there, so a merge (by hand or from a glossary) never strands a reporter."""
    if not _active(user):
        return set()
    assigned = ActorReporter.objects.filter(user=user).select_related("actor")
    return {assignment.actor.current().pk for assignment in assigned}


def reports_for(user, action: Action) -> bool:
    """Whether the user reports for one of the actors that report on this action."""
    actors = reporter_actor_ids(user)
    return (
        bool(actors)
        and action.actor_links.filter(actor_id__in=actors, role__in=REPORTING_ROLES).exists()
    )


def reportable_actions_q(actor_ids: set[int] | list[int], prefix: str = "") -> Q:
    """A filter for actions (or, with prefix `action__`, updates) these actors report on."""
    links = ActionActor.objects.filter(actor_id__in=actor_ids, role__in=REPORTING_ROLES)
    return Q(**{f"{prefix}pk__in": links.values("action_id")})


def allowed(user, operation: Operation, obj=None) -> bool:
    """Whether `user` may do `operation` on `obj` (a round, update, plans or actor)."""
    if operation in (Operation.VIEW_UPDATE,):
        return obj.state == WorkflowState.PUBLISHED or _active(user)
    if is_admin(user):
        return True
    if not _active(user):
        return False
    match operation:
        case Operation.OPEN_ROUND:
            # obj: the plans the new round will cover
            plans = list(obj or [])
            return bool(plans) and all(coordinates(user, plan) for plan in plans)
        case Operation.CLOSE_ROUND | Operation.REMIND:
            return coordinates_round(user, obj)
        case Operation.SAVE_UPDATE | Operation.SUBMIT:
            return reports_for(user, _update(obj).action)
        case Operation.VIEW_HISTORY:
            # readers read everything, the history included; restoring is for reviewers
            return True
        case Operation.SEND_BACK | Operation.APPROVE | Operation.PUBLISH | Operation.RESTORE:
            return coordinates(user, _update(obj).action.plan_id)
        case Operation.DOWNLOAD_SHEET:
            round_, actor = obj
            return actor.pk in reporter_actor_ids(user) or any(
                coordinates(user, plan) for plan in round_.plans.all()
            )
        case Operation.REPLACE_PLAN:
            # the new version takes over the plan's open rounds and coordinators
            return user.is_staff or coordinates(user, obj)
        case Operation.IMPORT_PLAN | Operation.DECIDE:
            return user.is_staff or PlanCoordinator.objects.filter(user=user).exists()
        case Operation.UPLOAD_SHEET:
            _round, actor = obj
            return actor.pk in reporter_actor_ids(user)
    return False


def check(user, operation: Operation, obj=None) -> None:
    """Raise `NotAllowed` unless `allowed(...)`."""
    if not allowed(user, operation, obj):
        raise NotAllowed(operation, user)


def visible_updates(user, queryset: QuerySet[ActionUpdate] | None = None) -> QuerySet:
    """What a user may read: everything when logged in, published updates otherwise."""
    queryset = ActionUpdate.objects.all() if queryset is None else queryset
    if _active(user):
        return queryset
    return queryset.filter(state=WorkflowState.PUBLISHED)


def sheet_actors(user, round_: ReportingRound) -> QuerySet[Actor]:
    """Actors whose Excel sheet this user may download in this round."""
    in_round = ActionActor.objects.filter(
        action__plan__in=round_.plans.all(), role__in=REPORTING_ROLES
    ).values("actor_id")
    actors = Actor.objects.filter(pk__in=in_round)
    if is_admin(user) or any(coordinates(user, plan) for plan in round_.plans.all()):
        return actors
    return actors.filter(pk__in=reporter_actor_ids(user))


def _update(obj) -> ActionUpdate:
    if not isinstance(obj, ActionUpdate):
        raise TypeError(f"expected an ActionUpdate, got {type(obj).__name__}")
    return obj
