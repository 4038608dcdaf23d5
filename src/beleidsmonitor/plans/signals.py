"""Signals other parts of the system listen to, so that `plans` depends on none of them."""

from django.dispatch import Signal

# Sent inside the import transaction after a new plan (or plan version) is stored, with
# `plan`. Receivers (the search index, report matching) run in the same transaction: a
# failing receiver rolls the import back rather than leaving a plan half-processed.
plan_imported = Signal()
