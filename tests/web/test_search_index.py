"""Search over the index, on the backend of the test database (SQLite or PostgreSQL)."""

import pytest
from django.db import connection

from beleidsmonitor.plans.models import Action, Plan
from beleidsmonitor.plans.operations.import_plan import import_plan
from beleidsmonitor.search import documents
from beleidsmonitor.search.documents import Entry, register
from beleidsmonitor.search.indexing import reindex_all, reindex_plan
from beleidsmonitor.search.models import SearchDocument
from beleidsmonitor.search.query import parse_query, search
from tests.web.plans_for_tests import VDAB_LONG, work_plan

pytestmark = pytest.mark.django_db


def titles(text: str, **options) -> list[str]:
    result = search(text, **options)
    by_id = SearchDocument.objects.in_bulk(result.ids)
    return [by_id[pk].title for pk in result.ids]


def test_the_backend_is_the_one_of_the_database():
    assert connection.vendor in {"sqlite", "postgresql"}


def test_plural_finds_singular(cycling_plan):
    assert "Actie 1: Schoolstraten in elke gemeente" in titles("gemeenten")


def test_lokale_besturen_finds_lokaal_bestuur(work):
    assert "Actie 1: Jobpunten in elk lokaal bestuur" in titles("lokale besturen", kinds=["action"])


def test_abbreviation_finds_the_spelled_out_name(work):
    found = titles("VDAB", kinds=["action"])
    assert "Actie 3: Een opleidingscheque voor knelpuntberoepen" in found  # spelled out only
    assert "Actie 2: Trajecten met de VDAB voor langdurig werklozen" in found


def test_spelled_out_name_finds_the_abbreviation(work):
    found = titles(VDAB_LONG.lower(), kinds=["action"])
    assert "Actie 2: Trajecten met de VDAB voor langdurig werklozen" in found
    assert "Actie 3: Een opleidingscheque voor knelpuntberoepen" in found


def test_without_the_abbreviation_table_there_is_no_expansion(work):
    work.abbreviations.all().delete()
    assert titles("VDAB", kinds=["action"]) == [
        "Actie 2: Trajecten met de VDAB voor langdurig werklozen"
    ]


def test_every_word_must_match(work):
    assert titles("jobpunten opleidingscheque") == []
    assert titles("jobpunten gemeente", kinds=["action"]) == [
        "Actie 1: Jobpunten in elk lokaal bestuur"
    ]


def test_a_title_match_ranks_above_a_body_match(work):
    assert titles("knelpuntberoep", kinds=["action"]) == [
        "Actie 3: Een opleidingscheque voor knelpuntberoepen",  # in the title
        "Actie 2: Trajecten met de VDAB voor langdurig werklozen",  # in the description
    ]


def test_results_are_limited_to_a_kind_and_a_plan(work, cycling_plan):
    assert titles("gemeente", kinds=["plan"]) == ["Actieplan Veilig Fietsen 2025-2029"]
    assert titles("gemeente", plan_id=work.pk, kinds=["action"]) == [
        "Actie 1: Jobpunten in elk lokaal bestuur"
    ]


def test_goals_and_indicators_are_indexed(work):
    assert "OD 1.2 Opleidingen sluiten aan op vacatures" in titles("opleiding vacature")
    assert "Aantal jobpunten" in titles("jobpunten", kinds=["indicator"])


@pytest.mark.parametrize("text", ['"VDAB OR', "NEAR(", "a:b*", "de het een", "   ", "(-)&|!"])
def test_odd_input_never_breaks_the_query(work, text):
    search(text)  # no exception, whatever the backend's query syntax


def test_only_stop_words_is_an_empty_query(work):
    assert parse_query("de het van").groups == ()


def test_a_new_version_replaces_the_old_one_in_results(work):
    changed = work_plan()
    changed["source"]["sha256"] = "feedc0de02"
    changed["actions"][0]["title"] = "Jobpunten in elke deelgemeente"
    new = import_plan(changed).plan
    reindex_plan(new)
    assert Plan.objects.get(pk=work.pk).is_current is False
    assert titles("jobpunten", kinds=["action"]) == ["Actie 1: Jobpunten in elke deelgemeente"]


def test_deleting_a_plan_empties_its_part_of_the_index(work):
    assert search("jobpunten").ids
    work.delete()
    assert search("jobpunten").ids == []
    if connection.vendor == "sqlite":  # the FTS5 table follows through its triggers
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'jobpunt'")
            assert cursor.fetchone()[0] == 0


def test_reindex_all_rebuilds_from_the_plans(work):
    SearchDocument.objects.all().delete()
    assert search("jobpunten").ids == []
    assert reindex_all() == (1, SearchDocument.objects.count())
    assert search("jobpunten").ids


def test_another_document_type_can_be_registered(work):
    def notes(plan):
        action = plan.actions.get(key="A2")
        yield Entry("note", action.pk, "Voortgang trajecten", "Er liepen veertig trajecten", "/x")

    register("note", "notitie", notes)
    try:
        reindex_plan(work)
        assert titles("veertig") == ["Voortgang trajecten"]
    finally:
        del documents.DOCUMENT_TYPES["note"]


def test_highlighted_hits_in_rank_order(work):
    result = search("lokale besturen")
    hits = result.hits(result.ids)
    action = Action.objects.get(plan=work, key="A1")
    first = next(hit for hit in hits if hit.document.object_id == action.pk)
    assert "<mark>lokaal</mark> <mark>bestuur</mark>" in first.title


def test_the_backend_index_exists():
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name = 'search_fts'")
        else:
            cursor.execute(
                "SELECT indexname FROM pg_indexes WHERE indexname = 'search_document_fts'"
            )
        assert cursor.fetchone() is not None


def test_reindex_command_and_cli(work):
    from click.testing import CliRunner
    from django.core.management import call_command

    from beleidsmonitor.cli import main

    SearchDocument.objects.all().delete()
    call_command("reindex")
    assert search("jobpunten").ids
    SearchDocument.objects.all().delete()
    result = CliRunner().invoke(main, ["reindex", "--plan", str(work.pk)])
    assert result.exit_code == 0, result.output
    assert f"of plan {work.pk}" in result.output
    assert search("jobpunten").ids
    assert CliRunner().invoke(main, ["reindex", "--plan", "987654"]).exit_code == 1
