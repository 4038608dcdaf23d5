"""The shared ingest steps: clean-up, joining, layout detection."""

import pytest

from beleidsmonitor.ingest.clean import clean_lines
from beleidsmonitor.ingest.layout import detect_layout
from beleidsmonitor.ingest.text import join_text, split_items


def test_clean_keeps_original_line_numbers_and_drops_footnotes_at_page_end():
    raw = [
        "Eerste alinea over het plan van de regering.1 Meer tekst",
        "loopt verder.",
        "1 Een voetnoot met een bron.",
        " Tweede pagina begint hier.",
    ]
    lines = clean_lines(raw)
    assert [(line.number, line.text) for line in lines] == [
        (1, "Eerste alinea over het plan van de regering. Meer tekst"),
        (2, "loopt verder."),
        (4, "Tweede pagina begint hier."),
    ]
    assert lines[-1].page_start


def test_clean_keeps_numbered_content_that_is_not_the_next_footnote():
    raw = ["Tekst.", "2023 AO TO LO", " Volgende pagina"]
    assert [line.text for line in clean_lines(raw)] == [
        "Tekst.",
        "2023 AO TO LO",
        "Volgende pagina",
    ]


def test_clean_drops_page_numbers_before_a_page_break():
    raw = ["Tekst op pagina een.", "7", " Tekst op pagina twee."]
    assert [line.text for line in clean_lines(raw)] == [
        "Tekst op pagina een.",
        "Tekst op pagina twee.",
    ]


@pytest.mark.parametrize(
    ("parts", "expected"),
    [
        (["het be-", "leid van de regering"], "het beleid van de regering"),
        (["integratie-", "en inburgeringsbeleid"], "integratie- en inburgeringsbeleid"),
        (["het NT2-", "aanbod"], "het NT2-aanbod"),
        (["één  regel ", "", " en nog een"], "één regel en nog een"),
        ([], None),
    ],
)
def test_join_text(parts, expected):
    assert join_text(parts) == expected


def test_split_items_one_entry_per_bullet_with_wrapped_lines_joined():
    parts = ["• Eerste punt dat", "doorloopt", "", "• Tweede punt", "- Derde punt"]
    assert split_items(parts) == ["Eerste punt dat doorloopt", "Tweede punt", "Derde punt"]


def test_split_items_without_bullets_splits_on_blank_lines():
    assert split_items(["Een zin die", "wrapt", "", "Nog een"]) == ["Een zin die wrapt", "Nog een"]


@pytest.mark.parametrize(
    ("text", "layout"),
    [
        ("2.1 HD 1: Doel\nActie 1. Iets doen\nActie 2. Nog iets", "actieplan"),
        ("SD 1: Doel\nOD 1.1: Sub\nMaatregel Een\nMaatregel Twee", "maatregelenfiches"),
        ("SD 1 Doel\nOD 1.1 We zullen\nOD 1.2 Nog", "beleidsnota"),
        ("SD 1 Doel\nOD 1.1 Sub\n2023 AO TO LO\nOD 1.2 Meer", "voortgangsrapport"),
        ("Een boodschappenlijst\nmelk\nbrood", None),
    ],
)
def test_detect_layout(text, layout):
    assert detect_layout(clean_lines(text.splitlines())) == layout


def test_clean_keeps_a_date_or_a_table_row_that_looks_like_a_footnote():
    raw = ["Tekst.", "1 januari 2026 treedt het decreet in werking.", "3 3 Herverdeling", " Pagina"]
    kept = [line.text for line in clean_lines(raw)]
    assert kept[1:3] == ["1 januari 2026 treedt het decreet in werking.", "3 3 Herverdeling"]
