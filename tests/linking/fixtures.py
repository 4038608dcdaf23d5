"""Three small plans written for these tests: measures of 2016-2019, an integration
plan and an equal-opportunities plan of 2025-2029. Some items continue or overlap each
other on purpose; others only share common words."""

from __future__ import annotations

import copy


def _action(
    id_: str,
    title: str,
    goal: str,
    description: str = "",
    *,
    responsible: list[str] | None = None,
    cooperating: list[str] | None = None,
    administrations: list[str] | None = None,
    indicators: list[str] | None = None,
    number: str | None = None,
) -> dict:
    return {
        "id": id_,
        "number": number,
        "title": title,
        "goal": goal,
        "description": description or None,
        "objectives": [],
        "results": [],
        "responsible": responsible or [],
        "cooperating": cooperating or [],
        "administrations": administrations or [],
        "partners": [],
        "timeline": {"text": None, "start": None, "end": None},
        "indicators": [{"text": t, "target": None} for t in indicators or []],
        "budget": {"text": None, "amount_eur": None},
        "lines": [1, 2],
    }


MEASURES_2016 = {
    "format": "beleidsmonitor.plan/1",
    "source": {"file": "maatregelen-2016.txt", "sha256": "m2016-v1", "lines": 100},
    "plan": {
        "title": "Horizontaal integratiebeleidsplan 2016-2019",
        "kind": "actieplan",
        "period": {"start": 2016, "end": 2019},
    },
    "goals": [
        {
            "id": "SD1",
            "level": "SD",
            "number": "1",
            "title": "Participatie is verbeterd",
            "parent": None,
            "lines": [1, 1],
        },
        {
            "id": "OD1.1",
            "level": "OD",
            "number": "1.1",
            "title": "Werkzoekenden van buitenlandse herkomst vinden werk",
            "parent": "SD1",
            "lines": [2, 2],
        },
        {
            "id": "SD2",
            "level": "SD",
            "number": "2",
            "title": "De kennis van het Nederlands is versterkt",
            "parent": None,
            "lines": [3, 3],
        },
        {
            "id": "OD2.1",
            "level": "OD",
            "number": "2.1",
            "title": "Een behoeftedekkend aanbod Nederlands als tweede taal",
            "parent": "SD2",
            "lines": [4, 4],
        },
    ],
    "actions": [
        _action(
            "OD1.1/M1",
            "Maatwerk in de bemiddeling van anderstalige werkzoekenden naar werk",
            "OD1.1",
            "De VDAB begeleidt anderstalige werkzoekenden met een traject op maat naar werk, "
            "met taalondersteuning op de werkvloer.",
            responsible=["Werk"],
            administrations=["VDAB"],
            indicators=["Aantal anderstalige werkzoekenden in een traject naar werk"],
        ),
        _action(
            "OD2.1/M1",
            "Kwalitatief en kwantitatief behoeftedekkend aanbod NT2",
            "OD2.1",
            "Het aanbod Nederlands als tweede taal sluit aan bij de vraag; wachtlijsten voor "
            "NT2-cursussen worden weggewerkt.",
            responsible=["Onderwijs"],
            administrations=["Agentschap voor Onderwijsdiensten"],
            indicators=["Wachtlijsten NT2-cursussen"],
        ),
        _action(
            "OD2.1/M2",
            "Uitbouw van het woonwagenterrein voor doortrekkers",
            "OD2.1",
            "Lokale besturen krijgen subsidies voor standplaatsen op doortrekkersterreinen.",
            responsible=["Wonen"],
        ),
    ],
    "abbreviations": [
        {"short": "VDAB", "long": "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"}
    ],
    "warnings": [],
}

INTEGRATION_2025 = {
    "format": "beleidsmonitor.plan/1",
    "source": {"file": "integratie-2025.txt", "sha256": "i2025-v1", "lines": 100},
    "plan": {
        "title": "Geïntegreerd actieplan horizontaal integratiebeleid",
        "kind": "actieplan",
        "period": {"start": 2025, "end": 2029},
    },
    "goals": [
        {
            "id": "HD1",
            "level": "HD",
            "number": "1",
            "title": "We versterken de Nederlandse taal als verbindende factor",
            "parent": None,
            "lines": [1, 1],
        },
        {
            "id": "HD2",
            "level": "HD",
            "number": "2",
            "title": "We bestrijden discriminatie en racisme",
            "parent": None,
            "lines": [2, 2],
        },
    ],
    "actions": [
        _action(
            "A1",
            "Toeleiding van anderstalige werkzoekenden naar werk met taalondersteuning",
            "HD1",
            "VDAB zet trajecten op maat in voor anderstalige werkzoekenden, met "
            "taalondersteuning op de werkvloer en begeleiding naar werk.",
            responsible=["Minister van Werk"],
            administrations=["Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"],
            indicators=["Aantal anderstalige werkzoekenden dat uitstroomt naar werk"],
            number="1",
        ),
        _action(
            "A2",
            "Projectoproep toeleiding anderstalige ouders tot NT2",
            "HD1",
            "Anderstalige ouders volgen een cursus Nederlands als tweede taal op de school "
            "van hun kinderen; wachtlijsten voor NT2 worden opgevolgd.",
            responsible=["Minister van Onderwijs"],
            indicators=["Aantal ouders in een NT2-cursus"],
            number="2",
        ),
        _action(
            "A3",
            "Praktijktesten tegen discriminatie op de huurmarkt",
            "HD2",
            "Steden voeren praktijktesten uit om discriminatie door verhuurders op de private "
            "huurmarkt vast te stellen en aan te pakken.",
            responsible=["Minister van Wonen"],
            cooperating=["Minister van Gelijke Kansen"],
            indicators=["Aantal praktijktesten op de huurmarkt"],
            number="3",
        ),
    ],
    "abbreviations": [],
    "warnings": [],
}

EQUAL_2025 = {
    "format": "beleidsmonitor.plan/1",
    "source": {"file": "gelijkekansen-2025.txt", "sha256": "g2025-v1", "lines": 100},
    "plan": {
        "title": "Horizontaal gelijkekansenbeleidsplan",
        "kind": "actieplan",
        "period": {"start": 2025, "end": 2029},
    },
    "goals": [
        {
            "id": "HD1",
            "level": "HD",
            "number": "1",
            "title": "We bestrijden alle vormen van discriminatie",
            "parent": None,
            "lines": [1, 1],
        },
        {
            "id": "HD2",
            "level": "HD",
            "number": "2",
            "title": "We streven naar een digitaal inclusief Vlaanderen",
            "parent": None,
            "lines": [2, 2],
        },
    ],
    "actions": [
        _action(
            "A1",
            "Evaluatie van de praktijktesten tegen discriminatie op de private huurmarkt",
            "HD1",
            "We evalueren het actieplan antidiscriminatie op de private huurmarkt en de "
            "praktijktesten die steden uitvoeren bij verhuurders.",
            responsible=["Minister van Gelijke Kansen"],
            cooperating=["Minister van Wonen"],
            indicators=["Evaluatierapport praktijktesten huurmarkt"],
            number="1",
        ),
        _action(
            "A2",
            "Digitale inclusie via lokale ondersteuningsplekken",
            "HD2",
            "Burgers met digitale vragen vinden hulp in een lokaal digitaal "
            "ondersteuningspunt van de gemeente.",
            responsible=["Minister van Digitalisering"],
            indicators=["Aantal digitale ondersteuningsplekken"],
            number="2",
        ),
    ],
    "abbreviations": [],
    "warnings": [],
}


def plans() -> list[dict]:
    return [copy.deepcopy(p) for p in (MEASURES_2016, INTEGRATION_2025, EQUAL_2025)]
