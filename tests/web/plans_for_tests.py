"""Plan JSON written for these tests (not corpus text): work, local government, the VDAB."""

from __future__ import annotations

import copy
import datetime

VDAB_LONG = "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"

_THIS_YEAR = datetime.date.today().year

WORK_PLAN: dict = {
    "format": "beleidsmonitor.plan/1",
    "source": {"file": "werkplan.txt", "sha256": "feedc0de01", "lines": 12},
    "plan": {
        "title": "Actieplan Werk Dichtbij 2024-2028",
        "kind": "actieplan",
        "policy_field": "Werk",
        "period": {"start": 2024, "end": 2028},
    },
    "goals": [
        {
            "id": "SD1",
            "level": "SD",
            "number": "1",
            "title": "Iedereen vindt werk in de buurt",
            "parent": None,
            "lines": [1, 1],
        },
        {
            "id": "OD1.1",
            "level": "OD",
            "number": "1.1",
            "title": "Lokale besturen helpen werkzoekenden",
            "parent": "SD1",
            "lines": [2, 2],
        },
        {
            "id": "OD1.2",
            "level": "OD",
            "number": "1.2",
            "title": "Opleidingen sluiten aan op vacatures",
            "parent": "SD1",
            "lines": [7, 7],
        },
        {
            "id": "SD2",
            "level": "SD",
            "number": "2",
            "title": "Een wendbare arbeidsmarkt",
            "parent": None,
            "lines": [10, 10],
        },
    ],
    "actions": [
        {
            "id": "A1",
            "number": "1",
            "title": "Jobpunten in elk lokaal bestuur",
            "goal": "OD1.1",
            "description": "Elke gemeente opent een jobpunt met een vaste contactpersoon.",
            "responsible": ["Minister van Werk"],
            "cooperating": ["Minister van Binnenlands Bestuur"],
            "administrations": [],
            "partners": [],
            "timeline": {"text": "2020", "start": "2020-01-01", "end": "2020-12-31"},
            "indicators": [{"text": "Aantal jobpunten", "target": "300", "kind": "count"}],
            "lines": [3, 6],
        },
        {
            "id": "A2",
            "number": "2",
            "title": "Trajecten met de VDAB voor langdurig werklozen",
            "goal": "OD1.2",
            "description": "Begeleiding op maat, ook naar knelpuntberoepen.",
            "responsible": ["Minister van Werk"],
            "cooperating": [],
            "administrations": [],
            "partners": [],
            "timeline": {
                "text": "lopend",
                "start": f"{_THIS_YEAR}-01-01",
                "end": f"{_THIS_YEAR + 2}-12-31",
            },
            "indicators": [],
            "lines": [8, 9],
        },
        {
            "id": "A3",
            "number": "3",
            "title": "Een opleidingscheque voor knelpuntberoepen",
            "goal": "SD2",
            "description": f"De {VDAB_LONG} reikt de cheques uit.",
            "responsible": ["Minister van Onderwijs"],
            "cooperating": ["Minister van Werk"],
            "administrations": [],
            "partners": [],
            "timeline": {"text": None},
            "indicators": [],
            "lines": [11, 12],
        },
    ],
    "abbreviations": [{"short": "VDAB", "long": VDAB_LONG}],
    "warnings": [],
}

WORK_SOURCE = "\n".join(f"regel {n} van het werkplan" for n in range(1, 13))


def work_plan() -> dict:
    return copy.deepcopy(WORK_PLAN)
