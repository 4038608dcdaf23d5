"""Keeping the index in step with stored plans."""

from __future__ import annotations

from django.db import transaction

from beleidsmonitor.plans.models import Plan
from beleidsmonitor.search import backends
from beleidsmonitor.search.analysis import analysed_text
from beleidsmonitor.search.documents import DOCUMENT_TYPES, Entry, public_updates, update_entry
from beleidsmonitor.search.models import SearchDocument


def reindex_plan(plan: Plan) -> int:
    """Replace the index entries of one plan; returns how many there are now."""
    rows = [
        _document(entry, plan)
        for document_type in DOCUMENT_TYPES.values()
        for entry in document_type.collect(plan)
    ]
    with transaction.atomic():
        SearchDocument.objects.filter(plan=plan).delete()
        # Older versions are never shown in results; their entries only cost space.
        SearchDocument.objects.filter(plan__is_current=False).delete()
        SearchDocument.objects.bulk_create(rows, batch_size=500)
    return len(rows)


def reindex_all() -> tuple[int, int]:
    """Rebuild the whole index: (plans, documents)."""
    with transaction.atomic():
        SearchDocument.objects.all().delete()
        backends.ensure_index()
        plans = list(Plan.objects.filter(is_current=True))
        documents = sum(reindex_plan(plan) for plan in plans)
    return len(plans), documents


def _document(entry: Entry, plan: Plan) -> SearchDocument:
    return SearchDocument(
        kind=entry.kind,
        object_id=entry.object_id,
        plan=plan,
        title=entry.title,
        body=entry.body,
        url=entry.url[:300],
        analysed_title=analysed_text(entry.title),
        analysed_body=analysed_text(entry.body),
    )


def reindex_update(update_id: int) -> bool:
    """Put one update's entry in step with it; returns whether it is in the index now.

    An update that is not public (or has no narrative, or belongs to an old plan
    version) has no entry: removing it here is what keeps text that stopped being
    public out of results.
    """
    update = (
        public_updates()
        .filter(pk=update_id, action__plan__is_current=True)
        .select_related("action", "action__plan", "round")
        .first()
    )
    with transaction.atomic():
        SearchDocument.objects.filter(kind="update", object_id=update_id).delete()
        if update is None:
            return False
        _document(update_entry(update), update.action.plan).save()
    return True
