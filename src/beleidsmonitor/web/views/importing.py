"""Import a document from the browser: upload, preview, confirm.

The parsed plan waits in a `PendingImport` row between preview and confirmation, so the
stored plan is exactly the previewed one. Parser errors are English (they are the CLI's);
they are shown here as Dutch sentences chosen by exception class.
"""

from __future__ import annotations

import datetime
import logging
from functools import wraps

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from beleidsmonitor.exceptions import BeleidsmonitorError, PlanJsonError
from beleidsmonitor.ingest.errors import EmptyPlan, IngestError, UnreadableDocument
from beleidsmonitor.ingest.review import missing_fields
from beleidsmonitor.monitoring.permissions import Operation, allowed
from beleidsmonitor.plans.operations.import_plan import import_plan
from beleidsmonitor.plans.operations.load_document import load_uploaded
from beleidsmonitor.plans.operations.planjson import validate_plan_json
from beleidsmonitor.web.models import PendingImport
from beleidsmonitor.web.views.common import paginate

logger = logging.getLogger(__name__)

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
PENDING_LIFETIME = datetime.timedelta(days=1)
PREVIEW_GOALS_PER_PAGE = 30

MISSING_LABELS = {
    "description": gettext_lazy("beschrijving"),
    "responsible": gettext_lazy("verantwoordelijke"),
    "timeline": gettext_lazy("tijdspad"),
    "indicators": gettext_lazy("indicatoren"),
}


def can_import(user) -> bool:
    """Who may import plans: the rule lives in monitoring.permissions, as for the API."""
    return allowed(user, Operation.IMPORT_PLAN)


def import_permission_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not can_import(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def error_message(error: Exception) -> str:
    """A Dutch sentence for a failed parse, by the kind of error."""
    if isinstance(error, UnreadableDocument):
        return _(
            "Dit bestand kan niet gelezen worden: het is geen geldig PDF-, DOCX- of "
            "tekstbestand, of het is beschadigd."
        )
    if isinstance(error, EmptyPlan):
        return _(
            "In dit document zijn geen doelstellingen of acties gevonden. "
            "Is het een beleidsplan, actieplan of voortgangsrapport?"
        )
    if isinstance(error, PlanJsonError):
        return _("Dit JSON-bestand is geen geldig plan (formaat beleidsmonitor.plan/1).")
    if isinstance(error, IngestError | BeleidsmonitorError):
        return _("Dit document kon niet verwerkt worden.")
    return _("Er ging iets mis bij het inlezen van dit document.")


class UploadForm(forms.Form):
    document = forms.FileField(
        label=gettext_lazy("Document"),
        help_text=gettext_lazy("PDF, DOCX, tekst of plan-JSON, ten hoogste 20 MB."),
    )

    def clean_document(self):
        document = self.cleaned_data["document"]
        if document.size > MAX_UPLOAD_BYTES:
            raise forms.ValidationError(
                _("Dit bestand is %(size)d MB groot; bestanden boven 20 MB worden geweigerd."),
                params={"size": document.size // (1024 * 1024)},
            )
        return document


@import_permission_required
def upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        document = form.cleaned_data["document"]
        try:
            plan_json, source_text = load_uploaded(document.read(), document.name)
            validate_plan_json(plan_json)
        except Exception as error:  # every failure is a message on the form, nothing stored
            if not isinstance(error, IngestError | BeleidsmonitorError):
                logger.exception("parsing upload %s failed", document.name)
            form.add_error("document", error_message(error))
        else:
            PendingImport.objects.filter(created_at__lt=timezone.now() - PENDING_LIFETIME).delete()
            pending = PendingImport.objects.create(
                user=request.user,
                file_name=document.name[:300],
                plan_json=plan_json,
                source_text=source_text,
            )
            return redirect("import-preview", pending_id=pending.pk)
    return render(
        request, "web/import_upload.html", {"form": form, "max_mb": MAX_UPLOAD_BYTES >> 20}
    )


@import_permission_required
def preview(request, pending_id):
    pending = PendingImport.objects.filter(pk=pending_id).first()
    if pending is not None and pending.user_id != request.user.pk:
        raise Http404  # someone else's upload: as if it did not exist
    if pending is None:
        # confirmed or cancelled already (a second tab, the back button): say so
        messages.info(
            request,
            _(
                "Deze import is al afgehandeld: opgeslagen of geannuleerd. Er is niets dubbel opgeslagen."
            ),
        )
        return redirect("import-upload")
    if request.method == "POST":
        if request.POST.get("action") == "cancel":
            pending.delete()
            messages.info(request, _("De import is geannuleerd; er is niets opgeslagen."))
            return redirect("import-upload")
        with transaction.atomic():
            result = import_plan(
                pending.plan_json, source_text=pending.source_text, user=request.user
            )
            pending.delete()
        if result.status == "unchanged":
            messages.info(request, _("Dit plan was al opgeslagen; er is niets veranderd."))
        elif result.status == "new_version":
            messages.success(
                request,
                _("Opgeslagen als versie %(version)d van het plan.")
                % {"version": result.plan.version},
            )
        else:
            messages.success(request, _("Het plan is opgeslagen."))
        return redirect("plan-detail", plan_id=result.plan.pk)
    return render(request, "web/import_preview.html", preview_context(request, pending))


def preview_context(request, pending: PendingImport) -> dict:
    data = pending.plan_json
    goals = data.get("goals") or []
    actions = data.get("actions") or []
    by_goal: dict[str | None, list[dict]] = {}
    for action in actions:
        entry = {
            "id": action.get("id"),
            "number": action.get("number") or action.get("id"),
            "title": action.get("title") or "",
            "missing": [MISSING_LABELS.get(f, f) for f in missing_fields(action)],
        }
        by_goal.setdefault(action.get("goal"), []).append(entry)
    depth: dict[str, int] = {}
    rows = []
    for goal in goals:
        depth[goal["id"]] = depth.get(goal.get("parent"), -1) + 1 if goal.get("parent") else 0
        rows.append(
            {"goal": goal, "depth": depth[goal["id"]], "actions": by_goal.get(goal["id"], [])}
        )
    known = {goal["id"] for goal in goals}
    loose = [a for key, found in by_goal.items() if key not in known for a in found]
    meta = data.get("plan") or {}
    page = paginate(request, rows, PREVIEW_GOALS_PER_PAGE)
    return {
        "pending": pending,
        "meta": meta,
        "period": meta.get("period") or {},
        "page": page,
        "rows": page.object_list,
        "loose": loose if not page.has_next() else [],
        "goal_count": len(goals),
        "action_count": len(actions),
        "incomplete_count": sum(1 for a in actions if missing_fields(a)),
        "warnings": data.get("warnings") or [],
    }
