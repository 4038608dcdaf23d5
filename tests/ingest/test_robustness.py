"""The parser never crashes: any input gives plan JSON or an IngestError with a message."""

from __future__ import annotations

import string

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from beleidsmonitor.ingest import IngestError, parse_bytes

PLAN_WORDS = [
    "Actie 1.",
    "Actie 12.",
    "2.1 HD 1:",
    "2.1.1 OD 1.1:",
    "SD 2:",
    "OD 2.3",
    "Maatregel",
    "Tijdspad",
    "Verantwoordelijke minister(s)",
    "In samenwerking met",
    "Indicator(en)",
    "Doelstellingen",
    "Beoogde resultaten",
    "Raming",
    "Streefwaarde",
    "outputindicator",
    "verantwoordelijken kabinet",
    "Duiding maatregel",
    "2025 - 2027",
    "•",
    "-",
    "1",
    "Minister van Werk",
    "VDAB: Vlaamse Dienst",
    "Lijst met afkortingen",
    "2023 AO TO LO",
]
plan_like_lines = st.lists(
    st.one_of(
        st.sampled_from(PLAN_WORDS),
        st.text(alphabet=string.ascii_letters + " .:-•0123456789éë", max_size=60),
        st.builds(lambda a, b: f"{a} {b}", st.sampled_from(PLAN_WORDS), st.text(max_size=30)),
    ),
    max_size=80,
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _parse_without_crash(data: bytes, name: str) -> None:
    try:
        plan = parse_bytes(data, name)
    except IngestError as error:
        assert str(error)
        return
    assert plan["goals"] or plan["actions"]
    for action in plan["actions"]:
        assert action["title"]
        assert action["goal"] is None or any(g["id"] == action["goal"] for g in plan["goals"])


@SETTINGS
@given(plan_like_lines)
def test_plan_like_text_never_crashes(lines):
    _parse_without_crash("\n".join(lines).encode(), "plan.txt")


@SETTINGS
@given(st.binary(max_size=4000))
@example(b"\xfe\xff\x00")  # a UTF-16 mark and then half a character
def test_binary_input_never_crashes(data):
    _parse_without_crash(data, "onbekend.txt")


@SETTINGS
@given(st.binary(max_size=2000), st.sampled_from(["x.pdf", "x.docx"]))
def test_garbage_pdf_and_docx_never_crash(data, name):
    prefix = b"%PDF-1.4\n" if name.endswith(".pdf") else b"PK\x03\x04"
    _parse_without_crash(prefix + data, name)


@SETTINGS
@given(st.data())
def test_truncated_fixture_never_crashes(data):
    from beleidsmonitor.cli import DEMO_DOCUMENT

    text = DEMO_DOCUMENT.read_bytes()
    cut = data.draw(st.integers(min_value=0, max_value=len(text)))
    _parse_without_crash(text[:cut], "afgebroken.txt")


def test_a_utf16_mark_before_invalid_bytes_is_refused_plainly():
    from beleidsmonitor.ingest.errors import UnreadableDocument
    from beleidsmonitor.ingest.read import decode_text

    with pytest.raises(UnreadableDocument, match="not valid UTF-16"):
        decode_text(b"\xfe\xff\x00", "kapot.txt")
