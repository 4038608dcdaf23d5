"""The gold set's two fixed halves: one to tune on, one to check."""

from tests.linking.gold import half
from tests.linking.gold_pairs import LINKED, NOT_LINKED


def test_halves_are_fixed_by_index_and_balanced():
    for pairs in (LINKED, NOT_LINKED):
        halves = [half(pair) for pair in pairs]
        assert halves == [index % 2 for index in range(len(pairs))]
        assert abs(halves.count(0) - halves.count(1)) <= 1


def test_both_halves_hold_lineage_and_overlap_pairs():
    for wanted in (0, 1):
        kinds = {pair.source_doc == "002" for pair in LINKED if half(pair) == wanted}
        assert kinds == {True, False}
