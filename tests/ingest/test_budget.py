"""Budget text to an amount in euro."""

import pytest

from beleidsmonitor.ingest.budget import find_amounts, parse_amount


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("€ 1.250.000", 1250000.0),
        ("1,5 miljoen euro", 1500000.0),
        ("250 k€", 250000.0),
        ("Binnen de reguliere budgetten", None),
        ("Geen specifieke budgettaire impact", None),
        ("", None),
        (None, None),
        ("75.000 euro", 75000.0),
        ("75.000€ voor de eerste fase", 75000.0),
        ("EUR 3.400,50", 3400.5),
        ("12 000 euro per jaar", 12000.0),
        ("1.5 miljoen euro", 1500000.0),
        ("2 mio euro", 2000000.0),
        ("Ongeveer 40 duizend euro", 40000.0),
        # Thousands separators make a number money even without a currency word.
        ("Werkingsmiddelen: 90.000", 90000.0),
        # Years and small counts are no money.
        ("Looptijd 2021-2023, 3 partners", None),
        ("2022: € 30.000", 30000.0),
        # Parts of one engagement are added up, one amount a year too.
        ("Europese middelen: 600.000 euro Vlaamse middelen: 200.000 euro", 800000.0),
        ("2021: 10.000 2022: 15.000", 25000.0),
        # A breakdown in parentheses does not count twice.
        ("1 miljoen euro (800.000 euro Vlaams, 200.000 euro Europees)", 1000000.0),
        # Only amounts in parentheses: they are the amounts.
        ("Projectmiddelen (45.000 euro)", 45000.0),
        # A range counts once, at its upper bound.
        ("100.000 euro-150.000 euro", 150000.0),
        ("tussen 20.000 tot 30.000 euro", 30000.0),
        ("Bedrag nog te bepalen", None),
    ],
)
def test_parse_amount(text, amount):
    assert parse_amount(text) == amount


def test_find_amounts_marks_amounts_in_parentheses():
    found = find_amounts("500 euro (waarvan 200 euro Vlaams)")
    assert [(a.value, a.in_parentheses) for a in found] == [(500.0, False), (200.0, True)]
