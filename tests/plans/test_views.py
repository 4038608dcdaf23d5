"""The pages of matching, figures and the glossary, through the Django test client."""

import pytest
from django.urls import reverse

from beleidsmonitor.plans.models import FigureCandidate, FigureStatus, ObjectiveMatch
from beleidsmonitor.plans.operations.after_import import after_import


@pytest.fixture
def matched(note, report):
    after_import(report)
    return report, note


def _match(note, key):
    return ObjectiveMatch.objects.get(report_goal__key=key, note_plan=note)


def test_the_urls_do_not_clash_with_the_web_pages():
    assert reverse("plans:match-index") == "/afstemming/"
    assert reverse("plans:glossary") == "/woordenlijst/"
    assert reverse("home") == "/"


def test_index_lists_the_report_and_its_note(client, matched):
    report, note = matched
    page = client.get(reverse("plans:match-index"))
    assert page.status_code == 200
    assert report.title in page.content.decode() and note.title in page.content.decode()


def test_review_shows_pairs_and_unmatched_both_sides(client, matched):
    report, note = matched
    page = client.get(reverse("plans:match-review", args=[report.pk]))
    assert page.status_code == 200
    linked = [m.report_goal.key for m in page.context["linked"]]
    assert linked == ["SD1", "OD1.1", "OD1.2", "SD2", "OD2.1"]
    assert [g.key for g, _m in page.context["unmatched_report"]] == ["OD1.3"]
    assert [g.key for g in page.context["unmatched_note"]] == ["OD1.2", "OD2.2"]
    html = page.content.decode()
    assert "Niet gekoppeld in de beleidsnota (2)" in html
    assert "Bevestigen" not in html, "a reader gets no decision buttons"
    # abbreviations are explained
    assert '<abbr title="Vlaamse Dienst voor Arbeidsbemiddeling' in html


def test_review_of_a_plan_that_is_no_report_is_404(client, matched):
    _report, note = matched
    assert client.get(reverse("plans:match-review", args=[note.pk])).status_code == 404


def test_a_reader_cannot_decide(client, matched, reader):
    _report, note = matched
    client.force_login(reader)
    match = _match(note, "OD1.1")
    response = client.post(reverse("plans:match-decide", args=[match.pk]), {"status": "confirmed"})
    assert response.status_code == 403
    match.refresh_from_db()
    assert match.status == "proposed"


def test_a_coordinator_confirms_corrects_and_rejects(client, matched, coordinator):
    report, note = matched
    client.force_login(coordinator)
    page = client.get(reverse("plans:match-review", args=[report.pk]))
    assert "Bevestigen" in page.content.decode()
    url = lambda key: reverse("plans:match-decide", args=[_match(note, key).pk])  # noqa: E731
    assert client.post(url("OD1.1"), {"status": "confirmed"}).status_code == 302
    od12 = note.goals.get(key="OD1.2")
    client.post(url("OD1.3"), {"status": "corrected", "note_goal": od12.pk})
    client.post(url("SD2"), {"status": "rejected"})
    assert _match(note, "OD1.1").status == "confirmed"
    corrected = _match(note, "OD1.3")
    assert (corrected.status, corrected.note_goal.key) == ("corrected", "OD1.2")
    assert corrected.decided_by == coordinator
    assert _match(note, "SD2").status == "rejected"
    page = client.get(reverse("plans:match-review", args=[report.pk]))
    assert [g.key for g in page.context["unmatched_note"]] == ["SD2", "OD2.2"]


def test_a_coordinator_reruns_the_matching_and_decisions_stay(client, matched, coordinator):
    report, note = matched
    client.force_login(coordinator)
    match = _match(note, "OD1.1")
    client.post(reverse("plans:match-decide", args=[match.pk]), {"status": "rejected"})
    response = client.post(reverse("plans:match-run", args=[report.pk]), {"nota": note.pk})
    assert response.status_code == 302
    assert _match(note, "OD1.1").status == "rejected"


def test_goal_page_shows_what_was_reported_per_year(client, matched):
    _report, note = matched
    goal = note.goals.get(key="OD1.3")  # the report wrote it up as OD1.2
    page = client.get(reverse("plans:goal-reported", args=[goal.pk]))
    assert page.status_code == 200
    html = page.content.decode()
    assert "2022" in html and "Bijna 35% van de werkgevers" in html
    empty = client.get(reverse("plans:goal-reported", args=[note.goals.get(key="OD2.2").pk]))
    assert "Nog geen voortgangsrapport gekoppeld" in empty.content.decode()


def test_figures_page_and_accepting_one(client, matched, coordinator):
    report, note = matched
    page = client.get(reverse("plans:figures", args=[report.pk]))
    assert page.status_code == 200
    assert page.context["page"].paginator.count == 4
    figure = FigureCandidate.objects.get(report_goal__plan=report, value=147)
    url = reverse("plans:figure-decide", args=[figure.pk])
    assert client.post(url, {"status": "accepted"}).status_code == 403
    client.force_login(coordinator)
    client.post(url, {"status": "accepted", "indicator_text": "Deelnemende lokale besturen"})
    figure.refresh_from_db()
    assert figure.status == FigureStatus.ACCEPTED
    assert figure.indicator.text == "Deelnemende lokale besturen"
    accepted = client.get(reverse("plans:figures", args=[report.pk]), {"status": "accepted"})
    assert [f.pk for f in accepted.context["page"]] == [figure.pk]
    goal_page = client.get(reverse("plans:goal-reported", args=[figure.note_goal.pk]))
    assert "Deelnemende lokale besturen" in goal_page.content.decode()


def test_glossary_pages_filter_both_ways(client, matched):
    report, note = matched
    page = client.get(reverse("plans:glossary"), {"q": "Arbeidsbemiddeling"})
    assert [e.short for e in page.context["page"]] == ["VDAB"]
    by_short = client.get(reverse("plans:glossary"), {"q": "VDAB"})
    assert [e.short for e in by_short.context["page"]] == ["VDAB"]
    assert 'Doelstellingen die "VDAB" of "Vlaamse Dienst' in by_short.content.decode()
    assert note.goals.get(key="OD1.1") in by_short.context["goals"]
    letter = client.get(reverse("plans:glossary"), {"letter": "O"})
    assert [e.short for e in letter.context["page"]] == ["OESO"]
    of_note = client.get(reverse("plans:plan-glossary", args=[note.pk]))
    assert [e.short for e in of_note.context["page"]] == ["VDAB"]


def test_glossary_is_paginated(client, note):
    from beleidsmonitor.plans.models import Abbreviation

    Abbreviation.objects.bulk_create(
        Abbreviation(plan=note, short=f"A{n:03}", long=f"afkorting {n}") for n in range(60)
    )
    first = client.get(reverse("plans:glossary"))
    assert len(first.context["page"]) == 50 and first.context["page"].has_next()
    second = client.get(reverse("plans:glossary"), {"pagina": 2})
    assert len(second.context["page"]) == 11  # 60 + VDAB
