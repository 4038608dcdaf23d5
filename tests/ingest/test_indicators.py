"""Indicator kinds and targets."""

import pytest

from beleidsmonitor.ingest.indicators import classify_indicator, indicator_target, make_indicator


@pytest.mark.parametrize(
    ("text", "kind", "target"),
    [
        ("Aantal bezoekers van de nieuwe speelpleinen", "count", None),
        ("Tussentijds: aantal deelnemende scholen", "count", None),
        ("Stijging van het aantal vrijwilligers", "count", None),
        ("4 regionale netwerken", "count", "4"),
        ("Minstens 3 infosessies per jaar", "count", "3"),
        ("De brochure werd 12 keer verspreid", "count", "12"),
        ("Percentage gemeenten met een toegankelijk loket", "percentage", None),
        ("Aandeel vrouwen in de raden van bestuur", "percentage", None),
        ("80% van de scholen bereikt", "percentage", "80%"),
        ("Groei van het aandeel tot 35 %", "percentage", "35%"),
        ("1 analyserapport", "deliverable", "1"),
        ("Minstens 1 bevraging bij de doelgroep", "deliverable", "1"),
        ("Jaarlijks minstens 1 overleg met de sector", "deliverable", "1"),
        ("één handleiding voor lokale besturen", "deliverable", "1"),
        ("Analyserapport", "deliverable", None),
        ("Rapportering", "deliverable", None),
        ("Evaluatierapport van de proefprojecten", "deliverable", None),
        ("Een vernieuwde handleiding op de website", "deliverable", None),
        ("Methodologisch en eindrapport met aanbevelingen", "deliverable", None),
        ("Sport: 1 campagne per seizoen", "deliverable", "1"),
        ("Kwalitatieve tevredenheid van de deelnemers", "qualitative", None),
        ("De 10 steden werken elk hun eigen plan uit", "qualitative", None),
        ("Betere samenwerking tussen de diensten", "qualitative", None),
        # `een (klein) aantal` is a quantity word, not a number to count.
        ("Een klein aantal buurten krijgt een nieuw plein", "qualitative", None),
        ("Wijken waar een aantal diensten samenzitten", "qualitative", None),
        ("Een klein aantal buurten; aantal nieuwe pleinen", "count", None),
    ],
)
def test_classify_and_target(text, kind, target):
    assert classify_indicator(text) == kind
    assert indicator_target(text) == target


def test_make_indicator_fills_every_field():
    indicator = make_indicator("2 studiedagen per jaar")
    assert (indicator.text, indicator.target, indicator.kind) == (
        "2 studiedagen per jaar",
        "2",
        "count",
    )
    assert make_indicator("Overzicht van de partners", level="output").level == "output"


def test_kind_is_written_to_plan_json():
    assert make_indicator("Aantal deelnemers").to_json() == {
        "text": "Aantal deelnemers",
        "target": None,
        "kind": "count",
    }
