"""The regular expressions and word lists by which `extract` tells a figure (a count, a
percentage, a change) from a number that is none (a year, a date, an amount, a code).
"""

from __future__ import annotations

import re

NUMBER = re.compile(
    r"(?<![\w.,/’'€-])"  # not the tail of a code, a decimal, a date or an amount
    r"(?P<int>\d{1,3}(?:\.\d{3})+|\d+)(?:,(?P<frac>\d+))?"
    r"(?![\w/’-]|[.,]\d)"  # not followed by letters (1e), a slash, a range or more digits
    r"(?P<pct>\s*(?:%|procent\b))?"
    r"(?P<mult>\s+(?:miljoen|miljard)\b)?",
    re.UNICODE,
)
YEAR = re.compile(r"(?<![\w.,’'-])(19[5-9]\d|20\d\d)(?![\w%]|[.,]\d)")
CHANGE = re.compile(r"\bvan\s+(?:\w+\s+)?$", re.I)  # "van" (+ one word) before a number
CHANGE_TO = re.compile(r"^\s*naar\s+(?:\w+\s+){0,2}$", re.I)
RANGE_AFTER = re.compile(r"^\s*%?\s*(?:tot|à|–)\s*\d", re.I)
RANGE_BEFORE = re.compile(r"(?:\btussen|\btussen\s+\S+\s+en|\d\s*%?\s*(?:tot|à|–))\s*$", re.I)
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"‘'(ÀÉÈÖ])")
# A word (`referentieregio’s`, `LGBTI+`, `studie-`), or a mark that ends a phrase.
TOKEN = re.compile(r"[^\W\d_][\w’'+-]*|[^\w\s]|\d+", re.UNICODE)
# `opgestart`, `bereikt`, `ontwikkeld`: a past participle after a count says what was
# done with what was counted, not what was counted.
PARTICIPLE = re.compile(
    r"^(?:(?:op|in|uit|aan|af|mee|door|toe|bij|voor|na|om|samen)?ge\w+[dt]"
    r"|(?:op|in|uit|aan|af|mee|door|toe|bij|voor|na|om|samen)ge\w+en|(?:be|ver|ont|her)\w+[dt])$"
)
MONTHS_TEXT = """
    januari februari maart april mei juni juli augustus september oktober november december
    jan feb mrt apr jun jul aug sep sept okt nov dec
"""
MONTHS = frozenset(MONTHS_TEXT.split())
REFERENCE_WORDS_TEXT = """
    sd od hd vr bvr actie acties artikel art hoofdstuk punt punten fase pijler niveau versie nr nummer
    bijlage deel stap module ronde pagina p blz editie golf tabel figuur lijn zone covid
    agenda horizon cf zie decreet besluit code maatregel isce ise wave
    """
REFERENCE_WORDS = frozenset(REFERENCE_WORDS_TEXT.split())
# What a count of these is, is no indicator value of an objective.
EXCLUDED_UNITS_TEXT = """
    jaar jaren maand maanden week weken dag dagen uur uren minuten minuut seconden
    euro eur keer maal procentpunt procentpunten
    """
EXCLUDED_UNITS = frozenset(EXCLUDED_UNITS_TEXT.split())
UNIT_STOP_TEXT = """
    van die dat in met en of voor op aan uit naar door te om bij tot werden werd zijn is
    was waren hebben heeft hadden had wordt worden kregen kreeg konden kunnen zullen zal
    daarvan waarvan waarvoor waarin waarop waarmee hiervan de het een er ook nog al reeds
    tegen binnen
    over onder via per zoals sinds tijdens dan als maar want
    gaven gaf namen nam volgden volgde deden deed kwamen kwam bereikten bereikte maakten
    maakte ontvingen ontving telden telde stonden stond gingen ging krijgen krijgt nemen
    neemt volgen volgt zich iets
"""
UNIT_STOP = frozenset(UNIT_STOP_TEXT.split())
QUALIFIERS = (
    "meer dan",
    "minder dan",
    "ten minste",
    "tenminste",
    "minstens",
    "bijna",
    "ruim",
    "ongeveer",
    "circa",
    "ca.",
    "zo'n",
    "zo’n",
    "nagenoeg",
    "maximaal",
    "minimaal",
)
ABBREVIATION_END = re.compile(r"(?:\b\w\.){2,}$|\b(?:bv|nr|art|ca|resp|incl|excl|o\.a|vzw)\.$")
PARTITIVE = frozenset(["de", "deze", "die", "het", "hun", "onze", "alle"])
UNIT_WORDS = 3  # words after a count taken as what it counts
PERCENT_WORDS = 6  # words after a percentage taken as what it is a share of
