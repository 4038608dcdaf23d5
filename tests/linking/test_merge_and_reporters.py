"""A reporter follows their actor into a merge: the actions moved, so do the updates."""

import datetime as dt

from django.contrib.auth import get_user_model

from beleidsmonitor.linking.operations.actors import merge_actors
from beleidsmonitor.monitoring.models import ActorReporter
from beleidsmonitor.monitoring.operations.open_round import open_round
from beleidsmonitor.monitoring.permissions import reporter_actor_ids, reports_for
from beleidsmonitor.plans.models import Action, Actor


def test_a_reporter_keeps_the_updates_of_an_actor_merged_away(client, three_plans, coordinator):
    _measures, integration, _equal = three_plans
    action = Action.objects.filter(plan=integration, actor_links__role="responsible").first()
    werk = action.actor_links.get(role="responsible").actor
    duplicate = Actor.objects.create(kind=werk.kind, name="Minister van Werk (oud)")
    reporter = get_user_model().objects.create_user("rapporteur", password="pw")
    ActorReporter.objects.create(user=reporter, actor=duplicate)
    open_round(
        get_user_model().objects.create_superuser("admin", password="pw"),
        name="Rapportering 2026",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        deadline=dt.date(2027, 1, 31),
        plans=[integration],
    )
    assert not reports_for(reporter, action)

    merge_actors(duplicate, werk, user=coordinator)  # the reporter's actor is merged away

    assert reporter_actor_ids(reporter) == {werk.pk}
    assert reports_for(reporter, action)
    client.force_login(reporter)
    page = client.get("/rapportering/mijn/").content.decode()
    assert action.title[:40] in page and werk.name in page
