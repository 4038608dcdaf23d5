"""E-mail each reporter the updates they still have to fill in for a round."""

from __future__ import annotations

from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from beleidsmonitor.monitoring import permissions
from beleidsmonitor.monitoring.errors import WorkflowError
from beleidsmonitor.monitoring.models import OPEN_STATES, ActorReporter, ReportingRound


@dataclass
class ReminderResult:
    sent: dict[str, int] = field(default_factory=dict)  # username -> open updates
    without_email: list[str] = field(default_factory=list)

    def summary(self) -> str:
        lines = [f"{name}: {count} open" for name, count in sorted(self.sent.items())]
        lines += [f"{name}: no e-mail address, not reminded" for name in self.without_email]
        lines.append(f"{len(self.sent)} reminder(s) sent")
        return "\n".join(lines)


def send_reminders(round_: ReportingRound, *, user=None) -> ReminderResult:
    """One e-mail per reporter with open updates. `user` None: the system (cron) sends.

    A named user must be allowed to remind for the round (coordinator of all its plans
    or administrator); the shell operator running it without a user is the system.
    """
    if user is not None:
        permissions.check(user, permissions.Operation.REMIND, round_)
    if not round_.is_open:
        raise WorkflowError(
            _("De ronde '%(round)s' is afgesloten; er valt niets te herinneren.")
            % {"round": round_}
        )
    result = ReminderResult()
    messages = []
    reporter_ids = ActorReporter.objects.values("user_id")
    for reporter in get_user_model().objects.filter(pk__in=reporter_ids, is_active=True):
        actor_ids = permissions.reporter_actor_ids(reporter)
        open_updates = list(
            round_.updates.filter(state__in=OPEN_STATES)
            .filter(permissions.reportable_actions_q(actor_ids, prefix="action__"))
            .select_related("action", "action__plan")
        )
        if not open_updates:
            continue
        if not reporter.email:
            result.without_email.append(reporter.get_username())
            continue
        # In the site's language, whoever sends them (the English command line, a page in
        # English): reporters have no language of their own stored.
        with translation.override(settings.LANGUAGE_CODE):
            messages.append(_message(round_, reporter, open_updates))
        result.sent[reporter.get_username()] = len(open_updates)
    with get_connection() as connection:
        connection.send_messages(messages)
    return result


def _message(round_: ReportingRound, reporter, updates) -> EmailMessage:
    lines = [
        _("Beste %(name)s,") % {"name": reporter.get_full_name() or reporter.get_username()},
        "",
        _(
            "Voor '%(round)s' (uiterlijk %(deadline)s) staan deze rapporteringen nog open "
            "(%(count)d):"
        )
        % {
            "round": round_.name,
            "deadline": f"{round_.deadline:%d/%m/%Y}",
            "count": len(updates),
        },
        "",
    ]
    for update in updates:
        action = update.action
        label = _("Actie %(number)s") % {"number": action.number} if action.number else action.key
        lines.append(
            f"- {action.plan.title}: {label} {action.title} ({update.get_state_display()})"
        )
        lines.append(f"  {reverse('monitoring:update', args=[update.pk])}")
    lines += ["", _("Met dank,"), "Beleidsmonitor"]
    subject = _("%(round)s: %(count)d rapportering(en) open") % {
        "round": round_.name,
        "count": len(updates),
    }
    return EmailMessage(
        subject=subject,
        body="\n".join(lines),
        from_email=getattr(settings, "DEFAULT_FROM_EMAIL", None),
        to=[reporter.email],
    )
