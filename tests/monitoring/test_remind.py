"""Reminders: each reporter gets one e-mail listing their open updates."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from django.core import mail
from django.core.management import call_command

from beleidsmonitor.cli import main
from beleidsmonitor.monitoring.errors import WorkflowError
from beleidsmonitor.monitoring.operations.close_round import close_round
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.monitoring.operations.submit import submit_update
from beleidsmonitor.monitoring.permissions import NotAllowed
from beleidsmonitor.monitoring.reminders import send_reminders
from tests.monitoring.conftest import update_of

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def outbox(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    return mail.outbox


def test_each_reporter_gets_their_own_open_updates(
    round_, plan, reporter, mobility_reporter, admin, outbox
):
    save_update(
        admin, update_of(round_, plan, "A2"), {"status": "gerealiseerd"}, expected_version=1
    )
    submit_update(admin, update_of(round_, plan, "A2"))
    result = send_reminders(round_)
    assert result.sent == {"rapporteur": 1, "mobiliteit": 1}
    by_recipient = {message.to[0]: message for message in outbox}
    assert set(by_recipient) == {"rapporteur@example.org", "mobiliteit@example.org"}
    mobility = by_recipient["mobiliteit@example.org"]
    assert mobility.subject == "Rapportering 2026: 1 rapportering(en) open"
    assert "Schoolstraten in elke gemeente" in mobility.body
    assert "Meldpunt voor gaten" not in mobility.body  # submitted already
    assert "uiterlijk 31/03/2026" in mobility.body
    assert f"/rapportering/rapporteringen/{update_of(round_, plan, 'A1').pk}/" in mobility.body


def test_a_reporter_without_open_updates_or_address_gets_nothing(round_, reporter, outbox):
    reporter.email = ""
    reporter.save()
    result = send_reminders(round_)
    assert outbox == [] and result.without_email == ["rapporteur"]


def test_only_coordinators_of_the_round_may_send_as_themselves(round_, reporter, coordinator):
    # the round also covers the Work plan, which this coordinator does not coordinate
    with pytest.raises(NotAllowed):
        send_reminders(round_, user=coordinator)
    with pytest.raises(NotAllowed):
        send_reminders(round_, user=reporter)


def test_a_closed_round_sends_no_reminders(round_, admin, reporter, outbox):
    close_round(admin, round_)
    with pytest.raises(WorkflowError):
        send_reminders(round_)
    assert outbox == []


def test_the_cli_command_reminds_by_round_name(round_, reporter, outbox):
    result = CliRunner().invoke(main, ["remind", "Rapportering 2026"])
    assert result.exit_code == 0, result.output
    assert "rapporteur: 1 open" in result.output and "1 reminder(s) sent" in result.output
    assert [m.to for m in outbox] == [["rapporteur@example.org"]]
    # the command line speaks English; the reporters still get their mail in Dutch
    assert outbox[0].body.startswith("Beste ") and "Met dank," in outbox[0].body
    unknown = CliRunner().invoke(main, ["remind", "Rapportering 1999"])
    assert unknown.exit_code == 1 and "no reporting round 'Rapportering 1999'" in unknown.output


def test_the_management_command_does_the_same(round_, reporter, outbox, capsys):
    call_command("remind", str(round_.pk))
    assert len(outbox) == 1 and "1 reminder(s) sent" in capsys.readouterr().out
