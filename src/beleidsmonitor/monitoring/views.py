"""The monitoring pages. Every change goes through an operation, which checks again.

Buttons are shown only to who may use them (`permissions.allowed`), but the operation
behind each POST refuses on its own, so a hand-made request gets a 403 all the same.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Count, Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from beleidsmonitor.monitoring import followup, permissions
from beleidsmonitor.monitoring.errors import ConflictError, InvalidValues, WorkflowError
from beleidsmonitor.monitoring.forms import (
    OpenRoundForm,
    SendBackForm,
    SheetUploadForm,
    UpdateForm,
)
from beleidsmonitor.monitoring.models import (
    OPEN_STATES,
    ActionUpdate,
    ReportingRound,
    RoundState,
    UpdateChange,
    WorkflowState,
)
from beleidsmonitor.monitoring.operations.apply_xlsx import apply_xlsx
from beleidsmonitor.monitoring.operations.approve import approve_update
from beleidsmonitor.monitoring.operations.close_round import close_round
from beleidsmonitor.monitoring.operations.open_round import open_round
from beleidsmonitor.monitoring.operations.publish import publish_update
from beleidsmonitor.monitoring.operations.restore_from_history import restore_from_history
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.monitoring.operations.send_back import send_back
from beleidsmonitor.monitoring.operations.submit import submit_update
from beleidsmonitor.monitoring.permissions import Operation, allowed
from beleidsmonitor.monitoring.xlsx import build_sheet
from beleidsmonitor.plans.models import Actor, Plan

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _openable_plans(user):
    current = Plan.objects.filter(is_current=True)
    if permissions.is_admin(user):
        return current
    return current.filter(coordinators__user=user)


def round_list(request):
    if not request.user.is_authenticated:
        # visitors see only what is published
        return redirect("monitoring:published")
    rounds = ReportingRound.objects.annotate(
        total=Count("updates"),
        reported=Count("updates", filter=~Q(updates__state__in=OPEN_STATES)),
    ).prefetch_related("plans")
    return render(
        request,
        "monitoring/round_list.html",
        {
            "rounds": rounds,
            "current_round": followup.current_round(),
            "can_open": _openable_plans(request.user).exists(),
        },
    )


@login_required
def round_open(request):
    plans = _openable_plans(request.user)
    if not plans.exists():
        raise permissions.NotAllowed(Operation.OPEN_ROUND, request.user)
    # The form offers only the plans the user may open a round for, but a posted plan is
    # checked by the operation (403), not silently dropped by the form.
    choices = Plan.objects.filter(is_current=True) if request.method == "POST" else plans
    form = OpenRoundForm(choices, request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            round_ = open_round(
                request.user,
                name=data["name"],
                period_start=data["period_start"],
                period_end=data["period_end"],
                deadline=data["deadline"],
                plans=data["plans"],
            )
        except InvalidValues as error:
            for field, message in error.errors.items():
                form.add_error(field if field in form.fields else None, message)
        else:
            count = round_.updates.count()
            messages.success(
                request,
                ngettext(
                    "Ronde '%(name)s' geopend met %(count)d actie.",
                    "Ronde '%(name)s' geopend met %(count)d acties.",
                    count,
                )
                % {"name": round_.name, "count": count},
            )
            return redirect("monitoring:round-detail", round_id=round_.pk)
    return render(request, "monitoring/round_open.html", {"form": form})


@login_required
def round_detail(request, round_id: int):
    round_ = get_object_or_404(ReportingRound, pk=round_id)
    updates = round_.updates.select_related("action", "action__plan").order_by(
        "action__plan__title", "action__order"
    )
    return render(
        request,
        "monitoring/round_detail.html",
        {
            "round": round_,
            "updates": updates,
            "missing": followup.not_reported(round_),
            "late": followup.late_actions(round_),
            "worsened": followup.worsened(round_),
            "sheets": [
                (actor, allowed(request.user, Operation.UPLOAD_SHEET, (round_, actor)))
                for actor in permissions.sheet_actors(request.user, round_)
            ],
            "can_close": round_.is_open and allowed(request.user, Operation.CLOSE_ROUND, round_),
        },
    )


@require_POST
@login_required
def round_close(request, round_id: int):
    round_ = get_object_or_404(ReportingRound, pk=round_id)
    if request.POST.get("bevestigd") != "ja":
        # closing cannot be undone: one click on the wrong button must not do it
        messages.error(request, _("Vink aan dat u de ronde wilt afsluiten; er is niets veranderd."))
        return redirect("monitoring:round-detail", round_id=round_.pk)
    try:
        close_round(request.user, round_)
    except WorkflowError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Ronde '%(name)s' is afgesloten.") % {"name": round_.name})
    return redirect("monitoring:round-detail", round_id=round_.pk)


def _visible_update(request, update_id: int) -> ActionUpdate:
    queryset = permissions.visible_updates(request.user).select_related(
        "round", "action", "action__plan"
    )
    # an unpublished update does not exist for a visitor: 404, not a hint that it does
    return get_object_or_404(queryset, pk=update_id)


def update_detail(request, update_id: int):
    update = _visible_update(request, update_id)
    user = request.user
    may_edit = (
        update.is_open and update.round.is_open and allowed(user, Operation.SAVE_UPDATE, update)
    )
    form = None
    conflict = None
    status = 200
    if request.method == "POST":
        if not user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        form = UpdateForm(update, request.POST)
        if form.is_valid():
            try:
                changed = save_update(
                    user, update, form.values(), expected_version=form.cleaned_data["version"]
                )
            except ConflictError as error:
                conflict, status = error, 409
            except InvalidValues as error:
                for field, message in error.errors.items():
                    name = field.replace("indicator:", "indicator_")
                    form.add_error(name if name in form.fields else None, message)
                status = 400
            except WorkflowError as error:
                messages.error(request, str(error))
                return redirect("monitoring:update", update_id=update.pk)
            else:
                messages.success(
                    request, _("Bewaard.") if changed else _("Niets gewijzigd, niets bewaard.")
                )
                return redirect("monitoring:update", update_id=update.pk)
        else:
            status = 400
    elif may_edit:
        form = UpdateForm(update)
    return render(
        request,
        "monitoring/update_detail.html",
        {
            "update": update,
            "form": form,
            "conflict": conflict,
            "indicator_values": update.indicator_values.select_related("indicator"),
            "send_back_form": SendBackForm(),
            "can": _buttons(user, update),
        },
        status=status,
    )


def _buttons(user, update: ActionUpdate) -> dict[str, bool]:
    open_round = update.round.is_open
    state = update.state
    return {
        "submit": open_round and update.is_open and allowed(user, Operation.SUBMIT, update),
        "send_back": open_round
        and state in (WorkflowState.SUBMITTED, WorkflowState.APPROVED)
        and allowed(user, Operation.SEND_BACK, update),
        "approve": state == WorkflowState.SUBMITTED and allowed(user, Operation.APPROVE, update),
        "publish": state == WorkflowState.APPROVED and allowed(user, Operation.PUBLISH, update),
        "history": allowed(user, Operation.VIEW_HISTORY, update),
    }


def _workflow_view(operation):
    @require_POST
    @login_required
    def view(request, update_id: int):
        update = get_object_or_404(ActionUpdate, pk=update_id)
        try:
            done = operation(request, update)
        except InvalidValues as error:
            # the messages alone: the field names in `str(error)` are for logs and the API
            for message in error.errors.values():
                messages.error(request, message)
        except (WorkflowError, ConflictError) as error:
            messages.error(request, str(error))
        else:
            messages.success(request, done)
        return redirect("monitoring:update", update_id=update.pk)

    return view


def _submit(request, update):
    submit_update(request.user, update, expected_version=_version(request))
    return _("Ingediend ter goedkeuring.")


def _send_back(request, update):
    form = SendBackForm(request.POST)
    comment = form.data.get("comment", "")
    send_back(request.user, update, comment, expected_version=_version(request))
    return _("Teruggestuurd naar de rapporteur.")


def _approve(request, update):
    approve_update(request.user, update, expected_version=_version(request))
    return _("Goedgekeurd.")


def _publish(request, update):
    publish_update(request.user, update, expected_version=_version(request))
    return _("Gepubliceerd.")


def _version(request) -> int | None:
    text = request.POST.get("version", "")
    return int(text) if text.isdigit() else None


update_submit = _workflow_view(_submit)
update_send_back = _workflow_view(_send_back)
update_approve = _workflow_view(_approve)
update_publish = _workflow_view(_publish)


@login_required
def update_history(request, update_id: int):
    update = get_object_or_404(
        ActionUpdate.objects.select_related("round", "action", "action__plan"), pk=update_id
    )
    permissions.check(request.user, Operation.VIEW_HISTORY, update)
    changes = update.changes.select_related("user").order_by("-pk")
    return render(
        request,
        "monitoring/update_history.html",
        {
            "update": update,
            "changes": changes,
            "can_restore": allowed(request.user, Operation.RESTORE, update)
            and update.state != WorkflowState.PUBLISHED,
        },
    )


@require_POST
@login_required
def update_restore(request, update_id: int, change_id: int):
    change = get_object_or_404(UpdateChange, pk=change_id, update_id=update_id)
    try:
        restore_from_history(request.user, change, expected_version=_version(request))
    except (WorkflowError, ConflictError) as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Vroegere waarde van '%(field)s' hersteld.") % {"field": change.field_label}
        )
    return redirect("monitoring:update-history", update_id=update_id)


@login_required
def sheet_download(request, round_id: int, actor_id: int):
    round_ = get_object_or_404(ReportingRound, pk=round_id)
    actor = get_object_or_404(Actor, pk=actor_id)
    permissions.check(request.user, Operation.DOWNLOAD_SHEET, (round_, actor))
    response = HttpResponse(build_sheet(round_, actor), content_type=XLSX_TYPE)
    filename = f"{round_.name}-{actor.slug}.xlsx".replace(" ", "-").replace('"', "")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def sheet_upload(request, round_id: int, actor_id: int):
    round_ = get_object_or_404(ReportingRound, pk=round_id)
    actor = get_object_or_404(Actor, pk=actor_id)
    permissions.check(request.user, Operation.UPLOAD_SHEET, (round_, actor))
    form = SheetUploadForm(request.POST or None, request.FILES or None)
    result = None
    status = 200
    if request.method == "POST" and form.is_valid():
        result = apply_xlsx(request.user, round_, actor, form.cleaned_data["file"])
        if result.ok:
            messages.success(
                request,
                _(
                    "Blad verwerkt: %(changed)d rapportering(en) bijgewerkt, %(unchanged)d ongewijzigd."
                )
                % {"changed": result.changed, "unchanged": result.unchanged},
            )
            return redirect("monitoring:round-detail", round_id=round_.pk)
        status = 400
    return render(
        request,
        "monitoring/sheet_upload.html",
        {"round": round_, "actor": actor, "form": form, "result": result},
        status=status,
    )


@login_required
def my_open_updates(request):
    actor_ids = permissions.reporter_actor_ids(request.user)
    updates = (
        ActionUpdate.objects.filter(state__in=OPEN_STATES, round__state=RoundState.OPEN)
        .filter(permissions.reportable_actions_q(actor_ids, prefix="action__"))
        .select_related("round", "action", "action__plan")
        .order_by("round__deadline", "action__plan__title", "action__order")
        if actor_ids
        else ActionUpdate.objects.none()
    )
    return render(
        request,
        "monitoring/my_open.html",
        {"updates": updates, "actors": Actor.objects.filter(pk__in=actor_ids)},
    )


def published(request):
    updates = (
        ActionUpdate.objects.filter(state=WorkflowState.PUBLISHED)
        .select_related("round", "action", "action__plan")
        .prefetch_related("indicator_values__indicator")
        .order_by("-round__period_end", "action__plan__title", "action__order")
    )
    return render(request, "monitoring/published.html", {"updates": updates})
