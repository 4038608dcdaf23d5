"""Reindex an update when it changes, without touching the monitoring operations.

The operations store an update's fields with a conditional UPDATE (no `post_save` for
`ActionUpdate`), but every change they make is recorded as an `UpdateChange` row: a
save, a workflow step (publish included) and a restore. So a receiver on that row sees
them all; `ActionUpdate.save()` is listened to as well, for code that saves directly.
The reindex runs after the commit, so a rolled-back change never reaches the index.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from beleidsmonitor.monitoring.models import ActionUpdate, UpdateChange
from beleidsmonitor.plans.signals import plan_imported
from beleidsmonitor.search.indexing import reindex_plan, reindex_update


def _later(update_id: int) -> None:
    transaction.on_commit(lambda: reindex_update(update_id))


@receiver(post_save, sender=UpdateChange, dispatch_uid="search-reindex-update-change")
def update_changed(sender, instance: UpdateChange, created: bool, **kwargs) -> None:
    if created:
        _later(instance.update_id)


@receiver(post_save, sender=ActionUpdate, dispatch_uid="search-reindex-update-save")
def update_saved(sender, instance: ActionUpdate, **kwargs) -> None:
    _later(instance.pk)


@receiver(post_delete, sender=ActionUpdate, dispatch_uid="search-reindex-update-delete")
def update_deleted(sender, instance: ActionUpdate, **kwargs) -> None:
    _later(instance.pk)


@receiver(plan_imported, dispatch_uid="search-index-imported-plan")
def plan_stored(sender, plan, **kwargs) -> None:
    # Inside the import transaction: a plan is never stored without its index entries.
    reindex_plan(plan)
