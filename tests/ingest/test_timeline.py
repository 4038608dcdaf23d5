"""Timeline texts to ISO dates.

The first table lists every distinct `Tijdspad` value of the 2025-2029 action plans (corpus
000 and 003) with the dates we read from it; the second covers the other forms the
normaliser knows.
"""

import pytest

from beleidsmonitor.ingest.timeline import normalise_timeline

CORPUS_TIMELINES = [
    ("Volledige regeerperiode", "2025-01-01", "2029-12-31"),
    ("09/2025 tot einde legislatuur", "2025-09-01", "2029-12-31"),
    ("2025", "2025-01-01", "2025-12-31"),
    ("2026", "2026-01-01", "2026-12-31"),
    ("2027", "2027-01-01", "2027-12-31"),
    ("2025 - 2026", "2025-01-01", "2026-12-31"),
    ("2025-2026", "2025-01-01", "2026-12-31"),
    ("2025 - 2027", "2025-01-01", "2027-12-31"),
    ("2025 - 2028", "2025-01-01", "2028-12-31"),
    ("2025 - 2029", "2025-01-01", "2029-12-31"),
    ("2025 -2029", "2025-01-01", "2029-12-31"),
    ("2025-2029", "2025-01-01", "2029-12-31"),
    ("2026 - 2027", "2026-01-01", "2027-12-31"),
    ("2026 - 2028", "2026-01-01", "2028-12-31"),
    ("2026 - 2029", "2026-01-01", "2029-12-31"),
    ("2026 -2029", "2026-01-01", "2029-12-31"),
    ("2026-2029", "2026-01-01", "2029-12-31"),
    ("2026 -2040", "2026-01-01", "2040-12-31"),
    ("2027 - 2028", "2027-01-01", "2028-12-31"),
    ("2027 - 2029", "2027-01-01", "2029-12-31"),
    ("2027-2029", "2027-01-01", "2029-12-31"),
    ("Vanaf 2025 - 2029", "2025-01-01", "2029-12-31"),
    ("Vanaf 2025", "2025-01-01", None),
    ("Projectoproep vanaf 1 maart 2026", "2026-03-01", None),
    ("De aangepaste regelgeving treedt in werking op 1 januari 2026.", "2026-01-01", "2026-01-01"),
    ("Streefdatum 1/1/2028", None, "2028-01-01"),
    ("Opstart najaar 2026 tot najaar 2027", "2026-09-01", "2027-11-30"),
    ("Timing nog te bepalen", None, None),
    ("Campagne in 2026", "2026-01-01", "2026-12-31"),
    ("Evaluatie in 2025 Herziening van het actieplan in 2027", "2025-01-01", "2027-12-31"),
    ("Evaluatie in 2025. Herziening van het actieplan in 2027.", "2025-01-01", "2027-12-31"),
    (
        "Mapping in 2026. De uitkomst van de mapping zal de opvolgacties en bijhorende "
        "timing bepalen.",
        "2026-01-01",
        None,
    ),
    (
        "Oplevering onderzoek in 2026; Timing regelgevende wijzigingen nog te bepalen",
        "2026-01-01",
        None,
    ),
    ("De pioniersscholen gaan van start in schooljaar 2026 - 2027.", "2026-09-01", None),
    (
        "Vanaf 2025 analyse leegstandproblematiek, daarna worden de opvolgacties bepaald.",
        "2025-01-01",
        None,
    ),
    ("Voorbereiding start in 2026, uitvoering in 2027", "2026-01-01", "2027-12-31"),
    (
        "De opstart van het lerend netwerk is voorzien in 2026. De actie loopt gedurende "
        "de hele legislatuur.",
        "2026-01-01",
        "2029-12-31",
    ),
    (
        "De opstart van het lerend netwerk is voorzien in 2026. De actie loopt gedurende "
        "de hele legislatuur",
        "2026-01-01",
        "2029-12-31",
    ),
    (
        "De opstart van de interfederale werkgroep is voorzien in 2026. De actie loopt "
        "gedurende de hele legislatuur",
        "2026-01-01",
        "2029-12-31",
    ),
]

OTHER_FORMS = [
    ("najaar 2026", "2026-09-01", "2026-11-30"),
    ("voorjaar 2027", "2027-03-01", "2027-05-31"),
    ("zomer 2025", "2025-06-01", "2025-08-31"),
    ("winter 2026", "2026-12-01", "2027-02-28"),
    ("eind 2027", "2027-10-01", "2027-12-31"),
    ("begin 2028", "2028-01-01", "2028-03-31"),
    ("Q2 2026", "2026-04-01", "2026-06-30"),
    ("tweede helft van 2026", "2026-07-01", "2026-12-31"),
    ("februari 2028", "2028-02-01", "2028-02-29"),
    ("sept. 2026", "2026-09-01", "2026-09-30"),
    ("van maart 2026 tot juni 2027", "2026-03-01", "2027-06-30"),
    ("15 oktober 2025 - 31 december 2025", "2025-10-15", "2025-12-31"),
    ("tegen eind 2027", None, "2027-12-31"),
    ("uiterlijk 30/06/2026", None, "2026-06-30"),
    ("tijdens deze legislatuur", "2025-01-01", "2029-12-31"),
    ("2026 tot einde regeerperiode", "2026-01-01", "2029-12-31"),
    ("schooljaar 2025-2026", "2025-09-01", "2026-08-31"),
    ("Doorlopend", None, None),
    ("31/02/2026", None, None),  # no such day: no date rather than a guess
]


@pytest.mark.parametrize(("text", "start", "end"), CORPUS_TIMELINES + OTHER_FORMS)
def test_normalise_timeline(text, start, end):
    timeline = normalise_timeline(text, 2025, 2029)
    assert (timeline.text, timeline.start, timeline.end) == (text, start, end)


def test_plan_period_unknown_leaves_period_phrases_without_dates():
    timeline = normalise_timeline("Volledige regeerperiode", None, None)
    assert (timeline.start, timeline.end) == (None, None)
    assert normalise_timeline("09/2025 tot einde legislatuur", None, None).start == "2025-09-01"


def test_missing_text_gives_an_empty_timeline():
    for text in (None, "", "   "):
        timeline = normalise_timeline(text, 2025, 2029)
        assert (timeline.text, timeline.start, timeline.end) == (None, None, None)


def test_period_phrase_follows_the_plan_period():
    timeline = normalise_timeline("Volledige regeerperiode", 2019, 2024)
    assert (timeline.start, timeline.end) == ("2019-01-01", "2024-12-31")
