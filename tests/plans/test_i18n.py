"""Plans in English: model labels, the matching, figures and glossary pages; Dutch stays
the default. The language is switched with the site's switcher (`/i18n/setlang/`)."""

from __future__ import annotations

import pytest
from django.urls import reverse
from django.utils import translation

import beleidsmonitor.plans
from beleidsmonitor.plans.models import (
    Action,
    ActorKind,
    ActorRole,
    IndicatorKind,
    MatchStatus,
    PlanKind,
)
from beleidsmonitor.plans.operations.after_import import after_import
from tests.monitoring.catalogue import problems


@pytest.fixture
def matched(note, report):
    after_import(report)
    return report, note


def english(client):
    assert client.post("/i18n/setlang/", {"language": "en", "next": "/"}).status_code == 302
    return client


def test_the_english_catalogue_is_complete_and_compiled():
    assert problems(beleidsmonitor.plans) == []


def test_role_kind_and_status_labels_in_both_languages():
    with translation.override("en"):
        assert [str(label) for label in ActorRole.labels] == [
            "responsible",
            "in cooperation with",
            "administration",
            "partner",
        ]
        assert str(ActorKind.MINISTER.label) == "minister’s portfolio"
        assert str(PlanKind.POLICY_NOTE.label) == "policy note"
        assert str(IndicatorKind.DELIVERABLE.label) == "deliverable"
        assert str(MatchStatus.CONFIRMED.label) == "confirmed"
    with translation.override("nl"):
        assert str(ActorRole.COOPERATING.label) == "in samenwerking met"
        assert str(PlanKind.POLICY_NOTE.label) == "beleidsnota"
        assert str(MatchStatus.CONFIRMED.label) == "bevestigd"


def test_an_action_is_named_in_the_readers_language():
    action = Action(key="A3", number="3", title="Schoolstraten in elke gemeente")
    with translation.override("en"):
        assert str(action) == "Action 3: Schoolstraten in elke gemeente"
    with translation.override("nl"):
        assert str(action) == "Actie 3: Schoolstraten in elke gemeente"


def test_matching_pages_in_dutch_by_default(client, matched):
    report, _note = matched
    html = client.get(reverse("plans:match-review", args=[report.pk])).content.decode()
    assert '<html lang="nl">' in html
    assert "Afstemming op de beleidsnota" in html and "Niet gekoppeld in de beleidsnota (2)" in html
    assert "voorgesteld" in html  # a match's status


def test_matching_pages_in_english(client, matched, coordinator):
    report, note = matched
    client.force_login(coordinator)
    english(client)
    html = client.get(reverse("plans:match-review", args=[report.pk])).content.decode()
    assert '<html lang="en">' in html
    assert "Matching to the policy note" in html and "Not matched in the policy note (2)" in html
    assert ">proposed</span>" in html and ">Confirm</button>" in html
    assert "Afstemming op de beleidsnota" not in html
    index = client.get(reverse("plans:match-index")).content.decode()
    assert "Progress reports and policy notes" in index
    figures = client.get(reverse("plans:figures", args=[report.pk])).content.decode()
    assert "Figures from the report" in figures and "4 figures" in figures

    # a decision's message comes back in English too
    match = note.report_matches.get(report_goal__key="OD1.1")
    decided = client.post(
        reverse("plans:match-decide", args=[match.pk]), {"status": "confirmed"}, follow=True
    ).content.decode()
    assert "OD1.1 → OD1.1: confirmed." in decided


def test_glossary_in_english_keeps_the_terms_as_written(client, matched):
    english(client)
    html = client.get(reverse("plans:glossary"), {"q": "VDAB"}).content.decode()
    assert ">Glossary</h1>" in html and "1 abbreviation" in html
    assert 'Goals that mention "VDAB" or "Vlaamse Dienst' in html


def test_a_refused_match_decision_says_why_in_english(client, matched, coordinator):
    report, note = matched
    client.force_login(coordinator)
    english(client)
    match = note.report_matches.get(report_goal__key="OD1.1")
    refused = client.post(
        reverse("plans:match-decide", args=[match.pk]), {"status": "corrected"}, follow=True
    ).content.decode()
    assert "choose the goal of the policy note" in refused
    assert "kies de doelstelling" not in refused
