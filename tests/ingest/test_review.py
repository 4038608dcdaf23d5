"""The review text the CLI prints before anything is stored."""

from beleidsmonitor.ingest.review import review_text


def test_review_names_a_warnings_line_only_when_it_has_one():
    plan = {
        "plan": {"title": "Actieplan Fietsen"},
        "goals": [],
        "actions": [],
        "warnings": [
            {"line": None, "message": "fietsplan.txt is not UTF-8; it was read as Windows-1252"},
            {"line": 12, "message": "action without a timeline"},
        ],
    }
    text = review_text(plan)
    assert "  fietsplan.txt is not UTF-8; it was read as Windows-1252" in text
    assert "line -" not in text
    assert "  line 12: action without a timeline" in text
