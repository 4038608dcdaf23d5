"""No lost update: the second of two simultaneous edits is refused and told what changed."""

from __future__ import annotations

import pytest
from django.test import Client

from beleidsmonitor.monitoring.errors import ConflictError
from beleidsmonitor.monitoring.operations.save_update import save_update
from tests.monitoring.conftest import login

pytestmark = pytest.mark.django_db


def test_a_save_from_an_older_version_is_refused_and_overwrites_nothing(
    reporter, mobility_reporter, own_update
):
    # both opened version 1; the Mobility reporter saves first
    save_update(mobility_reporter, own_update, {"narrative": "door Mobiliteit"}, expected_version=1)
    with pytest.raises(ConflictError) as refused:
        save_update(reporter, own_update, {"narrative": "door Onderwijs"}, expected_version=1)
    own_update.refresh_from_db()
    assert own_update.narrative == "door Mobiliteit" and own_update.version == 2
    message = str(refused.value)
    assert "intussen gewijzigd" in message and "nu versie 2" in message
    assert "toelichting: (leeg) → door Mobiliteit (mobiliteit," in message
    assert [c.field for c in refused.value.changes] == ["toelichting"]


def test_a_save_after_a_workflow_step_is_refused_too(reporter, mobility_reporter, own_update):
    from beleidsmonitor.monitoring.operations.submit import submit_update

    save_update(mobility_reporter, own_update, {"status": "gerealiseerd"}, expected_version=1)
    submit_update(mobility_reporter, own_update)
    with pytest.raises(ConflictError):
        save_update(reporter, own_update, {"progress": 80}, expected_version=2)


def _form(update, **changes) -> dict:
    data = {
        "version": str(update.version),
        "status": update.status,
        "progress": "" if update.progress is None else str(update.progress),
        "narrative": update.narrative,
        "budget_spent": "",
        "evidence_links": "",
    }
    for value in update.indicator_values.all():
        data[f"indicator_{value.indicator_id}"] = ""
    data.update(changes)
    return data


def test_two_browsers_editing_at_once_the_second_sees_what_changed(
    reporter, mobility_reporter, own_update
):
    first = login(Client(), mobility_reporter)
    second = login(Client(), reporter)
    url = f"/rapportering/rapporteringen/{own_update.pk}/"
    # both load the form at version 1
    assert 'name="version" value="1"' in first.get(url).content.decode()
    assert 'name="version" value="1"' in second.get(url).content.decode()
    form_seen_by_both = _form(own_update)

    saved = first.post(url, {**form_seen_by_both, "status": "lopend - op schema", "progress": "30"})
    assert saved.status_code == 302
    refused = second.post(
        url, {**form_seen_by_both, "status": "lopend - vertraagd", "narrative": "vertraging"}
    )
    assert refused.status_code == 409
    html = refused.content.decode()
    assert "Niet bewaard." in html and "niets werd overschreven" in html
    assert "status: (leeg) → lopend - op schema" in html
    assert "voortgang (%): (leeg) → 30" in html
    assert "vertraging" in html  # the second editor's input is still in the form
    own_update.refresh_from_db()
    assert (own_update.status, own_update.progress, own_update.narrative) == (
        "lopend - op schema",
        30,
        "",
    )


def test_the_database_update_itself_refuses_a_stale_version(
    reporter, mobility_reporter, own_update
):
    """The guard that holds when two saves pass the first check at the same moment."""
    from beleidsmonitor.monitoring.operations import _history

    stale = type(own_update).objects.get(pk=own_update.pk)  # both read version 1
    save_update(mobility_reporter, own_update, {"narrative": "eerst"}, expected_version=1)
    with pytest.raises(ConflictError):
        _history.bump(stale, reporter, expected_version=1, narrative="overschreven")
    own_update.refresh_from_db()
    assert own_update.narrative == "eerst" and own_update.version == 2
