"""The glossary per plan and for the store, and marking abbreviations up in text."""

from beleidsmonitor.plans import glossary
from beleidsmonitor.plans.models import Abbreviation
from beleidsmonitor.plans.templatetags.glossary import mark_abbreviations


def test_store_glossary_merges_plans_and_lists_them(note, report):
    entries = glossary.entries()
    assert [e.short for e in entries] == ["OESO", "VDAB"]
    vdab = entries[1]
    assert vdab.long == "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"
    assert {p.pk for p in vdab.plans} == {note.pk, report.pk}


def test_plan_glossary_has_only_its_own(note, report):
    assert [e.short for e in glossary.entries(note)] == ["VDAB"]


def test_text_filter_finds_the_short_by_the_long_form_and_the_reverse(note, report):
    assert [e.short for e in glossary.entries(text="Arbeidsbemiddeling")] == ["VDAB"]
    assert [e.short for e in glossary.entries(text="vdab")] == ["VDAB"]
    assert [e.short for e in glossary.entries(text="Economische Samenwerking")] == ["OESO"]
    assert glossary.entries(text="fietspad") == []


def test_letter_filter(note, report):
    assert [e.short for e in glossary.entries(letter="o")] == ["OESO"]
    assert glossary.letters() == ["O", "V"]


def test_variants_both_ways(note):
    long = "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"
    assert glossary.variants("VDAB") == {long}
    assert glossary.variants(long.lower()) == {"VDAB"}
    assert glossary.variants("ABC") == set()


def test_goals_mentioning_finds_text_that_spells_it_out(note, report):
    od11 = report.goals.get(key="OD1.1")
    od11.text = "De Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding begeleidde hen."
    od11.save()
    od22 = note.goals.get(key="OD2.2")
    od22.text = "De VDABX-regeling noemt het niet als woord."
    od22.save()
    found = glossary.goals_mentioning("VDAB")
    # the note's OD1.1 names VDAB, the report's OD1.1 only spells it out
    assert {(g.plan_id, g.key) for g in found} == {(note.pk, "OD1.1"), (report.pk, "OD1.1")}
    back = glossary.goals_mentioning("Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding")
    assert {(g.plan_id, g.key) for g in back} == {(note.pk, "OD1.1"), (report.pk, "OD1.1")}


def test_mark_abbreviations_escapes_and_wraps(note):
    Abbreviation.objects.create(plan=note, short="BA", long="begroting <aangepast>")
    Abbreviation.objects.create(plan=note, short="BA-JR", long="begroting & jaarrekening")
    html = mark_abbreviations("<b>VDAB</b> en BA-JR, BA; VDABX en BAR niet", note)
    assert html.startswith('&lt;b&gt;<abbr title="Vlaamse Dienst')
    assert '<abbr title="begroting &amp; jaarrekening">BA-JR</abbr>' in html
    assert '<abbr title="begroting &lt;aangepast&gt;">BA</abbr>;' in html
    assert "VDABX" in html and "BAR" in html and html.count("<abbr") == 3


def test_mark_abbreviations_uses_the_store_for_a_plan_without_the_entry(note, report):
    # OESO is only in the report's glossary; the note's text still gets it explained
    assert '<abbr title="Organisatie voor' in mark_abbreviations("de OESO", note)
    Abbreviation.objects.create(plan=note, short="OESO", long="iets anders")
    note = type(note).objects.get(pk=note.pk)  # a fresh object: the cache is per object
    assert '<abbr title="iets anders">' in mark_abbreviations("de OESO", note)


def test_mark_abbreviations_without_glossary_only_escapes(db):
    assert mark_abbreviations("a < b", None) == "a &lt; b"
