"""Beleidsmonitor: steering multi-year government policy plans."""

__version__ = "0.1.0"
