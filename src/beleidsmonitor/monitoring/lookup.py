"""Finding a round from what a user typed on the command line."""

from __future__ import annotations

from beleidsmonitor.exceptions import NotFound
from beleidsmonitor.monitoring.models import ReportingRound


def find_round(text: str) -> ReportingRound:
    """A round by number or exact name."""
    text = text.strip()
    round_ = None
    if text.isdigit():
        round_ = ReportingRound.objects.filter(pk=int(text)).first()
    round_ = round_ or ReportingRound.objects.filter(name=text).first()
    if round_ is None:
        raise NotFound(f"no reporting round {text!r}")
    return round_
