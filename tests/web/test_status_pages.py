"""Status, progress and the dashboard on every page, for visitors and logged-in users.

The world (fixtures of tests/monitoring/conftest.py): the plan "Veilig Fietsen" with A1
and A2, both owed by the Minister of Mobility, and a second plan for Work.

- round "Rapportering 2025" (period 2024): A2 published as on schedule, 20 %.
- round "Rapportering 2026" (period 2025): A1 published as on schedule, 40 %, with an
  indicator value of 150; A2 submitted (not published) as delayed, 10 %, with a
  narrative holding the word SECRET.

A visitor must see A2 as on schedule (its latest *published* status) and nothing of the
submitted update, on every page; a logged-in user sees it delayed.
"""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import Client

from beleidsmonitor.monitoring import followup
from beleidsmonitor.monitoring.models import ActionUpdate, UpdateStatus, WorkflowState
from beleidsmonitor.monitoring.operations.approve import approve_update
from beleidsmonitor.monitoring.operations.close_round import close_round
from beleidsmonitor.monitoring.operations.open_round import open_round
from beleidsmonitor.monitoring.operations.publish import publish_update
from beleidsmonitor.monitoring.operations.save_update import save_update
from beleidsmonitor.monitoring.operations.submit import submit_update
from beleidsmonitor.plans.models import Action
from beleidsmonitor.search.indexing import reindex_plan
from beleidsmonitor.search.models import SearchDocument
from beleidsmonitor.web import status as action_status
from tests.monitoring.conftest import login, update_of

pytestmark = pytest.mark.django_db

SECRET = "kasseiproblemen"
PUBLIC = "schoolpoorten"
DELAYED = "lopend - vertraagd"
ON_SCHEDULE = "lopend - op schema"


def report(reporter, coordinator, update, status, progress, narrative, *, publish=True, **extra):
    save_update(
        reporter,
        update,
        {"status": status, "progress": progress, "narrative": narrative, **extra},
        expected_version=update.version,
    )
    submit_update(reporter, update)
    if publish:
        approve_update(coordinator, update)
        publish_update(coordinator, update)


@pytest.fixture
def earlier(admin, plan, other_plan, coordinator, mobility_reporter):
    round_ = open_round(
        admin,
        name="Rapportering 2025",
        period_start=dt.date(2024, 1, 1),
        period_end=dt.date(2024, 12, 31),
        deadline=dt.date(2025, 3, 31),
        plans=[plan, other_plan],
    )
    report(
        mobility_reporter,
        coordinator,
        update_of(round_, plan, "A2"),
        UpdateStatus.ON_SCHEDULE,
        20,
        "Het meldpunt is aanbesteed.",
    )
    close_round(admin, round_)
    return round_


@pytest.fixture
def world(
    earlier,
    round_,
    plan,
    coordinator,
    mobility_reporter,
    django_capture_on_commit_callbacks,
):
    reindex_plan(plan)
    # The search index follows the updates after each commit; run those callbacks.
    with django_capture_on_commit_callbacks(execute=True):
        a1 = update_of(round_, plan, "A1")
        count = a1.indicator_values.get(indicator__text__startswith="Aantal meldingen")
        report(
            mobility_reporter,
            coordinator,
            a1,
            UpdateStatus.ON_SCHEDULE,
            40,
            f"Twaalf {PUBLIC} zijn heringericht.",
            indicators={count.indicator_id: Decimal(150)},
        )
        report(
            mobility_reporter,
            coordinator,
            update_of(round_, plan, "A2"),
            UpdateStatus.DELAYED,
            10,
            f"Vertrouwelijk: {SECRET} bij de aannemer.",
            publish=False,
        )
    return plan


def visitor_and_member(reader):
    return Client(), login(Client(), reader)


def count_shown(html: str, count: int, label: str) -> bool:
    """Whether a status count such as "1 lopend - vertraagd" is on the page."""
    return re.search(rf">\s*{count} {re.escape(label)}\s*<", html) is not None


def pages(plan, round_):
    a2 = Action.objects.get(plan=plan, key="A2")
    return [
        "/",
        f"/plannen/{plan.pk}/",
        f"/plannen/{plan.pk}/matrix/",
        f"/plannen/{plan.pk}/tijdlijn/",
        f"/plannen/{plan.pk}/dashboard/",
        f"/plannen/{plan.pk}/dashboard/?ronde={round_.pk}",
        f"/acties/{a2.pk}/",
        "/actoren/minister-van-mobiliteit/",
        f"/zoeken/?q={SECRET}",
        "/zoeken/?q=vertrouwelijk",
    ]


def test_no_page_shows_a_visitor_the_unpublished_update(world, round_, reader):
    visitor, member = visitor_and_member(reader)
    for url in pages(world, round_):
        response = visitor.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        if url.startswith("/zoeken/"):  # the page repeats the query: judge the results
            html = html[html.index('<ol class="results">') :]
            assert "0 resultaten" in response.content.decode(), url
        assert SECRET not in html, url
        assert 'class="status status-vertraagd"' not in html, url
        assert not count_shown(html, 1, DELAYED), url
    # ... while a logged-in reader does see it where status is shown.
    for url in ("/", f"/plannen/{world.pk}/", "/actoren/minister-van-mobiliteit/"):
        assert count_shown(member.get(url).content.decode(), 1, DELAYED), url


def test_home_counts_statuses_per_plan(world, reader):
    visitor, member = visitor_and_member(reader)
    public = visitor.get("/").content.decode()
    assert count_shown(public, 2, ON_SCHEDULE)
    logged_in = member.get("/").content.decode()
    assert count_shown(logged_in, 1, ON_SCHEDULE) and count_shown(logged_in, 1, DELAYED)
    # the other plan has only empty drafts: no report for its actions
    assert count_shown(logged_in, 2, "geen rapportering")


def test_plan_page_shows_status_and_progress_per_action(world, reader):
    visitor, member = visitor_and_member(reader)
    public = visitor.get(f"/plannen/{world.pk}/").content.decode()
    assert '<span class="status status-op-schema">lopend - op schema · 40%</span>' in public
    assert '<span class="status status-op-schema">lopend - op schema · 20%</span>' in public
    logged_in = member.get(f"/plannen/{world.pk}/").content.decode()
    assert '<span class="status status-vertraagd">lopend - vertraagd · 10%</span>' in logged_in


def titles(html: str) -> list[str]:
    return re.findall(r'class="action-link"[^>]*><span class="code">[^<]*</span> ([^<]+)</a>', html)


def test_status_filter_reads_what_the_viewer_may_see(world, reader):
    visitor, member = visitor_and_member(reader)
    url = f"/plannen/{world.pk}/?status="
    assert titles(visitor.get(url + "vertraagd").content.decode()) == []
    assert titles(member.get(url + "vertraagd").content.decode()) == [
        "Meldpunt voor gaten in fietspaden"
    ]
    assert len(titles(visitor.get(url + "op-schema").content.decode())) == 2
    assert titles(member.get(url + "op-schema").content.decode()) == [
        "Schoolstraten in elke gemeente"
    ]
    assert titles(member.get(url + "geen").content.decode()) == []
    # an unknown status is no filter (the form is invalid), not an error
    assert member.get(url + "onbekend").status_code == 200


def test_status_filter_geen_finds_actions_without_report(plan, reader):
    member = login(Client(), reader)
    html = member.get(f"/plannen/{plan.pk}/?status=geen").content.decode()
    assert len(titles(html)) == 2


def dashboard_totals(html: str) -> dict[str, int]:
    row = html[html.index('<tr class="total">') :]
    row = row[: row.index("</tr>")]
    return {slug: int(n) for slug, n in re.findall(r'data-status="([\w-]+)">(\d+)<', row)}


def test_dashboard_counts_per_round_for_visitor_and_member(world, round_, earlier, reader):
    visitor, member = visitor_and_member(reader)
    url = f"/plannen/{world.pk}/dashboard/"
    public = dashboard_totals(visitor.get(url).content.decode())
    assert public["op-schema"] == 1 and public["vertraagd"] == 0 and public["geen"] == 1
    logged_in = dashboard_totals(member.get(url).content.decode())
    assert logged_in["op-schema"] == 1 and logged_in["vertraagd"] == 1 and logged_in["geen"] == 0
    # the earlier round: A2 on schedule, A1 never reported
    older = dashboard_totals(member.get(f"{url}?ronde={earlier.pk}").content.decode())
    assert older["op-schema"] == 1 and older["geen"] == 1
    # a round that does not cover the plan is not found
    assert member.get(f"{url}?ronde=999999").status_code == 404


def test_dashboard_has_accessible_charts_and_progress_over_rounds(world, reader):
    visitor, member = visitor_and_member(reader)
    url = f"/plannen/{world.pk}/dashboard/"
    public = visitor.get(url).content.decode()
    assert '<svg class="stacked"' in public and 'role="img"' in public
    assert 'aria-label="Status van de acties per doelstelling in Rapportering 2026"' in public
    assert '<svg class="progress-chart"' in public
    # mean progress: 2025 round A2 20 %; 2026 round A1 40 % published (+ A2 10 % for members)
    assert re.search(r"Rapportering 2025</a></td><td class=\"num\">20%", public)
    assert re.search(r"Rapportering 2026</a></td><td class=\"num\">40%", public)
    logged_in = member.get(url).content.decode()
    assert re.search(r"Rapportering 2026</a></td><td class=\"num\">25%", logged_in)


def test_dashboard_lists_at_risk_only_on_visible_updates(world, reader):
    visitor, member = visitor_and_member(reader)
    url = f"/plannen/{world.pk}/dashboard/"
    logged_in = member.get(url).content.decode()
    risks = logged_in[logged_in.index('id="te-laat-en-in-gevaar"') :]
    assert "Meldpunt voor gaten in fietspaden" in risks
    assert "vertraagd; verslechterd sinds Rapportering 2025" in risks
    public = visitor.get(url).content.decode()
    assert "Geen acties die te laat of in gevaar zijn." in public


def test_worsened_agrees_with_followup_for_members(world, round_, reader):
    updates = action_status.round_updates(round_, world.pk, reader)
    previous = action_status.previous_statuses(round_, list(updates), reader)
    mine = {a: p.pk for a, p in action_status.worsened(updates, previous).items()}
    theirs = {
        w.update.action_id: w.previous.pk
        for w in followup.worsened(round_)
        if w.update.action.plan_id == world.pk
    }
    assert mine == theirs and mine


def test_late_and_at_risk_rules():
    today = dt.date(2026, 6, 1)
    action = Action(pk=1, end_date=dt.date(2026, 5, 1))
    soon = Action(pk=2, end_date=dt.date(2026, 9, 1))
    later = Action(pk=3, end_date=dt.date(2028, 1, 1))
    late, at_risk = action_status.risks([action, soon, later], {}, {}, today)
    assert [r.action.pk for r in late] == [1]
    assert [r.action.pk for r in at_risk] == [2]  # ends within 6 months, no progress known
    # a realised action is neither late nor at risk, whatever its dates
    assert not action_status.is_late(action, UpdateStatus.REALISED, today)
    assert action_status.is_late(action, action_status.NO_REPORT, today)


def test_dashboard_names_who_has_not_reported_to_members_only(
    world,
    other_plan,
    reader,
):
    visitor, member = visitor_and_member(reader)
    url = f"/plannen/{other_plan.pk}/dashboard/"
    logged_in = member.get(url).content.decode()
    block = logged_in[logged_in.index('id="niet-gerapporteerd"') :]
    assert "Minister van Werk" in block
    assert '<td class="num">2</td>' in block
    public = visitor.get(url).content.decode()
    block = public[public.index('id="niet-gerapporteerd"') :]
    assert "Minister van Werk" not in block
    assert "2 acties hebben in deze ronde nog geen gepubliceerde rapportering." in block


def test_dashboard_without_rounds(plan, client):
    html = client.get(f"/plannen/{plan.pk}/dashboard/").content.decode()
    assert "Er is nog geen rapporteringsronde voor dit plan." in html


def test_action_page_shows_updates_values_and_history(world, round_, reader):
    visitor, member = visitor_and_member(reader)
    a1 = Action.objects.get(plan=world, key="A1")
    public = visitor.get(f"/acties/{a1.pk}/").content.decode()
    assert PUBLIC in public
    assert "Nulmeting, gemeten waarden en streefwaarde van Aantal meldingen" in public
    assert '<td class="num">150</td>' in public
    assert 'id="historiek"' not in public  # the history shows unpublished values
    logged_in = member.get(f"/acties/{a1.pk}/").content.decode()
    assert 'id="historiek"' in logged_in and "gepubliceerd" in logged_in
    update = update_of(round_, world, "A1")
    assert f'href="/rapportering/rapporteringen/{update.pk}/historiek/"' in logged_in


def test_action_page_links_the_form_for_who_may_report(
    round_,
    plan,
    mobility_reporter,
    reader,
):
    a1 = Action.objects.get(plan=plan, key="A1")
    update = update_of(round_, plan, "A1")
    link = f'href="/rapportering/rapporteringen/{update.pk}/">Rapporteren voor Rapportering 2026'
    assert link in login(Client(), mobility_reporter).get(f"/acties/{a1.pk}/").content.decode()
    assert link not in login(Client(), reader).get(f"/acties/{a1.pk}/").content.decode()
    assert link not in Client().get(f"/acties/{a1.pk}/").content.decode()


def test_search_finds_published_narratives_only(world, round_, coordinator, reader):
    visitor, member = visitor_and_member(reader)
    for client in (visitor, member):
        assert PUBLIC in client.get(f"/zoeken/?q={PUBLIC}").content.decode()
        assert "0 resultaten" in client.get(f"/zoeken/?q={SECRET}").content.decode()
    assert SearchDocument.objects.filter(kind="update").count() == 2  # A2 of 2025, A1 of 2026


def test_publishing_puts_the_narrative_in_the_index(
    world,
    round_,
    coordinator,
    django_capture_on_commit_callbacks,
):
    update = update_of(round_, world, "A2")
    with django_capture_on_commit_callbacks(execute=True):
        approve_update(coordinator, update)
    assert not SearchDocument.objects.filter(kind="update", object_id=update.pk).exists()
    with django_capture_on_commit_callbacks(execute=True):
        publish_update(coordinator, update)
    document = SearchDocument.objects.get(kind="update", object_id=update.pk)
    assert SECRET in document.body and document.url.endswith(f"/{update.pk}/")
    html = Client().get(f"/zoeken/?q={SECRET}").content.decode()
    assert "1 resultaat" in html and "rapportering" in html


def test_the_plan_page_fetches_statuses_in_a_constant_number_of_queries(
    world,
    reader,
    django_assert_max_num_queries,
):
    member = login(Client(), reader)
    with django_assert_max_num_queries(16):
        assert member.get(f"/plannen/{world.pk}/").status_code == 200


@pytest.fixture
def empty_newer(admin, world, other_plan):
    """A newer round over the plan, opened and closed without anyone reporting (as one
    made through the API for 2027 and closed again): only empty drafts."""
    newer = open_round(
        admin,
        name="Rapportering 2027",
        period_start=dt.date(2026, 1, 1),
        period_end=dt.date(2026, 12, 31),
        deadline=dt.date(2027, 3, 31),
        plans=[world, other_plan],
    )
    close_round(admin, newer)
    return newer


def shown_round(html: str) -> str:
    return re.search(r'<option value="\d+" selected>([^(<]+) \(', html).group(1)


def home_round(html: str, plan) -> str:
    found = re.search(
        rf'href="/plannen/{plan.pk}/dashboard/" class="small-link">Dashboard \(([^)]+)\)', html
    )
    return found.group(1)


def test_dashboard_opens_on_the_open_round_not_a_newer_empty_one(world, empty_newer, reader):
    for client in visitor_and_member(reader):
        html = client.get(f"/plannen/{world.pk}/dashboard/").content.decode()
        assert shown_round(html) == "Rapportering 2026"
        assert home_round(client.get("/").content.decode(), world) == "Rapportering 2026"


def test_dashboard_without_open_round_opens_on_the_latest_round_with_data(
    world, round_, empty_newer, admin, reader
):
    close_round(admin, round_)
    visitor, member = visitor_and_member(reader)
    url = f"/plannen/{world.pk}/dashboard/"
    for client in (visitor, member):
        html = client.get(url).content.decode()
        assert shown_round(html) == "Rapportering 2026"
        assert home_round(client.get("/").content.decode(), world) == "Rapportering 2026"
        assert "0</strong> met een status" not in html
    assert dashboard_totals(member.get(url).content.decode())["geen"] == 0
    # the empty round can still be chosen
    html = member.get(f"{url}?ronde={empty_newer.pk}").content.decode()
    assert shown_round(html) == "Rapportering 2027"
    assert dashboard_totals(html)["geen"] == 2


def test_default_round_follows_what_the_viewer_may_see(world, round_, earlier, admin, reader):
    # Round 2026 holds a published status for A1 and an unpublished one for A2: once A1
    # is unpublished too, a visitor sees no status in 2026 and gets the 2025 round.
    close_round(admin, round_)
    ActionUpdate.objects.filter(round=round_, action__plan=world, action__key="A1").update(
        state=WorkflowState.SUBMITTED
    )
    assert action_status.default_round(world.pk, AnonymousUser()) == earlier
    assert action_status.default_round(world.pk, reader) == round_
    visitor, member = visitor_and_member(reader)
    url = f"/plannen/{world.pk}/dashboard/"
    assert shown_round(visitor.get(url).content.decode()) == "Rapportering 2025"
    assert shown_round(member.get(url).content.decode()) == "Rapportering 2026"


def test_dashboard_counts_one_action_in_the_singular(admin, db):
    import copy

    from beleidsmonitor.plans.operations.import_plan import import_plan
    from tests.web.plans_for_tests import work_plan

    data = work_plan()
    data["actions"] = copy.deepcopy(data["actions"][:1])
    single = import_plan(data).plan
    open_round(
        admin,
        name="Rapportering 2030",
        period_start=dt.date(2029, 1, 1),
        period_end=dt.date(2029, 12, 31),
        deadline=dt.date(2030, 3, 31),
        plans=[single],
    )
    html = Client().get(f"/plannen/{single.pk}/dashboard/").content.decode()
    assert "<li><strong>1</strong> actie</li>" in html
