"""A small policy note and a progress report on it, as plan JSON, for the matching tests.

What the right answer is, by construction:
- SD1, OD1.1 (title shortened in the report), SD2, OD2.1 (title lengthened): same number;
- report OD1.2 is the note's OD1.3 (renumbered, same title);
- report OD1.3 is new: no counterpart;
- the note's OD1.2 and OD2.2 get no report: unmatched in the note.
"""

from __future__ import annotations

import copy

FIELD = "Werk en Sociale Economie"


def _goal(key: str, title: str, text: str | None = None, line: int = 1) -> dict:
    level, number = key[:2], key[2:]
    parent = None if level == "SD" else f"SD{number.split('.')[0]}"
    return {
        "id": key,
        "level": level,
        "number": number,
        "title": title,
        "parent": parent,
        "text": text,
        "lines": [line, line + 1],
    }


def note_json() -> dict:
    return {
        "format": "beleidsmonitor.plan/1",
        "source": {"file": "nota-werk.txt", "sha256": "note-1", "lines": 40},
        "plan": {
            "title": "Beleidsnota Werk en Sociale Economie 2019-2024",
            "kind": "beleidsnota",
            "policy_field": FIELD,
            "period": {"start": 2019, "end": 2024},
        },
        "goals": [
            _goal("SD1", "We begeleiden meer mensen naar duurzaam werk", line=1),
            _goal(
                "OD1.1",
                "We versterken de begeleiding van werkzoekenden door de VDAB op maat",
                line=5,
            ),
            _goal("OD1.2", "We investeren in levenslang leren voor alle werkenden", line=9),
            _goal("OD1.3", "We bestrijden discriminatie op de arbeidsmarkt", line=13),
            _goal("SD2", "De sociale economie groeit en vernieuwt", line=17),
            _goal("OD2.1", "Maatwerkbedrijven krijgen meer ondersteuning", line=21),
            _goal("OD2.2", "De lokale diensteneconomie wordt versterkt", line=25),
        ],
        "actions": [],
        "abbreviations": [
            {"short": "VDAB", "long": "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"}
        ],
        "warnings": [],
    }


REPORT_SOURCE = "\n".join(
    [
        "SD 1 We begeleiden meer mensen naar duurzaam werk",
        "",
        "OD 1.1 We versterken de begeleiding van werkzoekenden",
        "In 2022 begeleidde de VDAB 12.500 werkzoekenden naar een job.",
        "Het aantal deelnemende gemeenten steeg van 103 naar 147 lokale besturen.",
        "OD 1.2 We bestrijden discriminatie op de arbeidsmarkt",
        "Bijna 35% van de werkgevers kent de praktijktesten.",
        "OD 1.3 We maken werkenden digitaal vaardiger",
        "",
        "SD 2 De sociale economie groeit en vernieuwt",
        "OD 2.1 Maatwerkbedrijven krijgen meer ondersteuning en middelen",
        "Er werden 4 nieuwe maatwerkbedrijven erkend.",
    ]
)


def report_json() -> dict:
    return {
        "format": "beleidsmonitor.plan/1",
        "source": {"file": "rapport-werk-2022.txt", "sha256": "report-1", "lines": 12},
        "plan": {
            "title": "Beleids- en begrotingstoelichting Werk en Sociale Economie 2022",
            "kind": "voortgangsrapport",
            "policy_field": FIELD,
            "period": {"start": 2019, "end": 2024},
            "report_year": 2022,
        },
        "goals": [
            _goal("SD1", "We begeleiden meer mensen naar duurzaam werk", line=1),
            _goal(
                "OD1.1",
                "We versterken de begeleiding van werkzoekenden",
                "In 2022 begeleidde de VDAB 12.500 werkzoekenden naar een job. Het aantal "
                "deelnemende gemeenten steeg van 103 naar 147 lokale besturen.",
                line=3,
            ),
            _goal(
                "OD1.2",
                "We bestrijden discriminatie op de arbeidsmarkt",
                "Bijna 35% van de werkgevers kent de praktijktesten.",
                line=6,
            ),
            _goal("OD1.3", "We maken werkenden digitaal vaardiger", line=8),
            _goal("SD2", "De sociale economie groeit en vernieuwt", line=10),
            _goal(
                "OD2.1",
                "Maatwerkbedrijven krijgen meer ondersteuning en middelen",
                "Er werden 4 nieuwe maatwerkbedrijven erkend.",
                line=11,
            ),
        ],
        "actions": [],
        "abbreviations": [
            {"short": "VDAB", "long": "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"},
            {"short": "OESO", "long": "Organisatie voor Economische Samenwerking en Ontwikkeling"},
        ],
        "warnings": [],
    }


def changed(data: dict, sha: str) -> dict:
    """The same plan as a changed document: a re-import makes a new version."""
    data = copy.deepcopy(data)
    data["source"]["sha256"] = sha
    return data
