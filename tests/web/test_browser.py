"""The main paths in a real browser.

Import: log in, import, open the plan, filter, open an action, search. Monitoring: a
reporter opens an action, follows its link to the update form, files and submits an
update; a coordinator approves and publishes it; the dashboard counts change and the
search finds the narrative.

Playwright drives Debian's Chromium (`make browser-deps`), headless. Screenshots of the
main pages at laptop and phone widths go to `test-artifacts/screenshots/`.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.web.plans_for_tests import work_plan

# Playwright's sync API runs an event loop in this thread; Django then refuses ORM calls
# from it (creating the user) unless told that this is safe, which it is in a test.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "screenshots"
LAPTOP = {"width": 1366, "height": 800}
PHONE = {"width": 390, "height": 844}
PASSWORD = "een-lang-wachtwoord-7"

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(scope="module")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: run `make browser-deps`")
        pytest.skip(f"{CHROMIUM} is missing: run `make browser-deps`")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport=LAPTOP, locale="nl-BE")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


def shoot(page, name: str) -> None:
    """Save the page at laptop and phone widths, then return to the laptop width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(LAPTOP)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-laptop.png"), full_page=True)
    page.set_viewport_size(PHONE)
    page.screenshot(path=str(SCREENSHOTS / f"{name}-phone.png"), full_page=True)
    page.set_viewport_size(LAPTOP)


def log_in(page, base: str, django_user_model) -> None:
    django_user_model.objects.create_user("beleidsmedewerker", password=PASSWORD, is_staff=True)
    sign_in(page, base, "beleidsmedewerker")


def sign_in(page, base: str, username: str) -> None:
    page.goto(f"{base}/accounts/login/")
    page.get_by_label("Gebruikersnaam").fill(username)
    page.get_by_label("Wachtwoord").fill(PASSWORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url(f"{base}/")


def sign_out(page, base: str) -> None:
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url(f"{base}/")


def test_import_browse_filter_and_search(page, live_server, django_user_model, tmp_path):
    base = live_server.url
    log_in(page, base, django_user_model)
    shoot(page, "01-home-empty")

    # Upload and confirm.
    document = tmp_path / "werkplan.json"
    document.write_text(json.dumps(work_plan()), encoding="utf-8")
    page.get_by_role("link", name="Importeren").first.click()
    page.get_by_label("Document").set_input_files(str(document))
    shoot(page, "02-import-upload")
    page.get_by_role("button", name="Inlezen en tonen").click()
    page.wait_for_url("**/importeren/*-*/")
    assert page.get_by_role("heading", name="Voorbeeld van de import").is_visible()
    assert page.get_by_text("ontbreekt: tijdspad, indicatoren").is_visible()
    shoot(page, "03-import-preview")
    page.get_by_role("button", name="Bevestigen en opslaan").click()

    # The plan page.
    page.wait_for_url("**/plannen/*/")
    assert page.get_by_role("heading", name="Actieplan Werk Dichtbij 2024-2028").is_visible()
    assert page.get_by_text("Het plan is opgeslagen.").is_visible()
    assert page.locator("li.action").count() == 3
    shoot(page, "04-plan")

    # Filter by a minister.
    page.get_by_text("Filters").first.click()
    page.get_by_label("Actor").select_option(label="Minister van Onderwijs")
    page.get_by_role("button", name="Filter", exact=True).click()
    page.wait_for_url("**actor=minister-van-onderwijs**")
    assert page.locator("li.action").count() == 1
    assert page.get_by_text("1 actie voldoet aan de filters").is_visible()
    shoot(page, "05-plan-filtered")

    # Open the action.
    page.get_by_role("link", name="Een opleidingscheque voor knelpuntberoepen").click()
    page.wait_for_url("**/acties/*/")
    assert page.get_by_role(
        "heading", name="Een opleidingscheque voor knelpuntberoepen"
    ).is_visible()
    assert page.get_by_role("link", name="Minister van Onderwijs").is_visible()
    shoot(page, "06-action")

    # An action with a numeric target has a chart.
    page.go_back()
    page.get_by_text("Alle filters wissen").click()
    page.get_by_role("link", name="Jobpunten in elk lokaal bestuur").click()
    assert page.locator("svg.bars").is_visible()
    shoot(page, "06-action-indicator")

    # Matrix, timeline and the actor page.
    page.go_back()
    page.get_by_role("link", name="Verantwoordelijkheden").click()
    assert page.locator("table.matrix").is_visible()
    shoot(page, "07-matrix")
    page.get_by_role("link", name="Tijdlijn").click()
    assert page.locator("svg.timeline").is_visible()
    assert page.locator("svg.timeline a.late").count() == 1
    shoot(page, "08-timeline")
    page.goto(f"{base}/actoren/minister-van-werk/")
    assert page.get_by_role("heading", name="Minister van Werk").is_visible()
    shoot(page, "09-actor")

    # Search from the header, with stemming and highlighting.
    page.get_by_label("Zoek in plannen, doelstellingen en acties").fill("lokale besturen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/?q=lokale+besturen**")
    assert page.locator("mark", has_text="lokaal").first.is_visible()
    assert page.get_by_role("link", name="Actie 1: Jobpunten in elk lokaal bestuur").is_visible()
    shoot(page, "10-search")

    page.goto(f"{base}/")
    shoot(page, "11-home")


def test_a_refused_upload_shows_a_dutch_message(page, live_server, django_user_model, tmp_path):
    log_in(page, live_server.url, django_user_model)
    broken = tmp_path / "kapot.pdf"
    broken.write_bytes(b"%PDF-1.7 this is no pdf")
    page.goto(f"{live_server.url}/importeren/")
    page.get_by_label("Document").set_input_files(str(broken))
    page.get_by_role("button", name="Inlezen en tonen").click()
    alert = page.get_by_role("alert")
    alert.wait_for()
    assert "kan niet gelezen worden" in alert.inner_text()
    shoot(page, "12-import-error")


def test_keyboard_reaches_the_skip_link_first(page, live_server):
    page.goto(f"{live_server.url}/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.textContent")
    assert focused.strip() == "Naar de inhoud"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhoud"


def test_english_can_be_chosen(page, live_server):
    page.goto(f"{live_server.url}/")
    page.get_by_role("button", name="English").click()
    page.get_by_role("heading", name="Plans").wait_for()
    assert page.evaluate("document.documentElement.lang") == "en"


def test_the_import_shows_progress_while_it_runs(page, live_server, django_user_model, tmp_path):
    log_in(page, live_server.url, django_user_model)
    document = tmp_path / "werkplan.json"
    document.write_text(json.dumps(work_plan()), encoding="utf-8")
    page.goto(f"{live_server.url}/importeren/")
    status = page.locator("#import-progress")
    assert status.is_hidden()
    # Hold the form on the page, so what it shows while the server works can be seen.
    page.evaluate(
        "document.getElementById('import-form')"
        ".addEventListener('submit', event => event.preventDefault())"
    )
    page.get_by_label("Document").set_input_files(str(document))
    page.get_by_role("button", name="Inlezen en tonen").click()
    assert status.is_visible()
    assert "wordt opgeladen en ingelezen" in status.inner_text()
    # the page disables the button just after the submit (a button disabled during the
    # submit would drop out of the form data): wait for it
    page.wait_for_function("() => document.querySelector('#import-form button').disabled")
    assert page.get_by_role("button", name="Inlezen en tonen").is_disabled()
    shoot(page, "02b-import-progress")


def dashboard_totals(page) -> dict[str, int]:
    """The totals row of the dashboard's status table, by status."""
    cells = page.locator("table.status-table tr.total td[data-status]")
    return {
        cells.nth(i).get_attribute("data-status"): int(cells.nth(i).text_content())
        for i in range(cells.count())
    }


def test_report_approve_publish_and_see_the_dashboard_change(page, live_server, django_user_model):
    from beleidsmonitor.monitoring.models import ActorReporter, PlanCoordinator
    from beleidsmonitor.monitoring.operations.open_round import open_round
    from beleidsmonitor.plans.models import Actor
    from beleidsmonitor.plans.operations.import_plan import import_plan
    from beleidsmonitor.search.indexing import reindex_plan

    base = live_server.url
    plan = import_plan(work_plan()).plan
    reindex_plan(plan)
    admin = django_user_model.objects.create_user("beheerder", password=PASSWORD)
    admin.is_superuser = True
    admin.save()
    reporter = django_user_model.objects.create_user("rapporteur", password=PASSWORD)
    ActorReporter.objects.create(user=reporter, actor=Actor.objects.get(name="Minister van Werk"))
    coordinator = django_user_model.objects.create_user("coordinator", password=PASSWORD)
    PlanCoordinator.objects.create(user=coordinator, plan=plan)
    open_round(
        admin,
        name="Rapportering 2026",
        period_start=dt.date(2025, 1, 1),
        period_end=dt.date(2025, 12, 31),
        deadline=dt.date(2026, 3, 31),
        plans=[plan],
    )
    dashboard = f"{base}/plannen/{plan.pk}/dashboard/"

    # Before: a visitor's dashboard has no status yet.
    page.goto(dashboard)
    page.get_by_text("Dezelfde cijfers als tabel").first.click()
    before = dashboard_totals(page)
    assert before["geen"] == 3 and before["op-schema"] == 0

    # The reporter opens the action and follows the link to its update form.
    sign_in(page, base, "rapporteur")
    page.goto(f"{base}/plannen/{plan.pk}/")
    page.get_by_role("link", name="Trajecten met de VDAB voor langdurig werklozen").click()
    page.wait_for_url("**/acties/*/")
    shoot(page, "14a-action-for-the-reporter")
    page.get_by_role("link", name="Rapporteren voor Rapportering 2026").click()
    page.wait_for_url("**/rapportering/rapporteringen/*/")
    update_url = page.url
    page.get_by_label("Status").select_option(label="lopend - op schema")
    page.get_by_label("Voortgang (%)").fill("35")
    page.get_by_label("Toelichting").fill("Tweehonderd langdurig werklozen startten een traject.")
    shoot(page, "14b-update-form")
    page.get_by_role("button", name="Bewaren").click()
    page.get_by_text("Bewaard.").wait_for()
    page.get_by_role("button", name="Indienen").click()
    page.get_by_text("Ingediend ter goedkeuring.").wait_for()
    sign_out(page, base)

    # Submitted is not published: a visitor's dashboard has not changed.
    page.goto(dashboard)
    page.get_by_text("Dezelfde cijfers als tabel").first.click()
    assert dashboard_totals(page) == before

    # The coordinator approves and publishes.
    sign_in(page, base, "coordinator")
    page.goto(update_url)
    page.get_by_role("button", name="Goedkeuren").click()
    page.get_by_text("Goedgekeurd.").wait_for()
    page.get_by_role("button", name="Publiceren").click()
    page.get_by_text("Gepubliceerd.").wait_for()
    sign_out(page, base)

    # The visitor's dashboard counts the published status now.
    page.goto(dashboard)
    page.get_by_text("Dezelfde cijfers als tabel").first.click()
    after = dashboard_totals(page)
    assert after["op-schema"] == 1 and after["geen"] == 2
    assert page.locator("svg.stacked").is_visible()
    assert page.locator("svg.progress-chart").is_visible()
    shoot(page, "13-dashboard")

    # The action page shows the status and the published update.
    page.goto(f"{base}/plannen/{plan.pk}/?status=op-schema")
    assert page.locator("li.action").count() == 1
    page.get_by_role("link", name="Trajecten met de VDAB voor langdurig werklozen").click()
    page.wait_for_url("**/acties/*/")
    assert page.locator(".current-status .status-op-schema").is_visible()
    assert page.get_by_text("Tweehonderd langdurig werklozen").is_visible()
    shoot(page, "14-action-with-update")

    # The search finds the narrative, for anyone.
    page.get_by_label("Zoek in plannen, doelstellingen en acties").fill("langdurige werklozen")
    page.keyboard.press("Enter")
    page.wait_for_url("**/zoeken/**")
    result = page.locator("ol.results li", has_text="Rapportering 2026")
    assert result.count() == 1
    assert re.search(r"Tweehonderd", result.inner_text())
    shoot(page, "15-search-update")

    page.goto(f"{base}/")
    shoot(page, "16-home-with-status")


# --- links between plans: lineage and overlap -------------------------------------


def _link_plan(title: str, start: int, end: int, sha: str, actions: list[tuple]) -> dict:
    """A small plan in our own words: one goal per action, keys A1, A2, ..."""
    goals, items = [], []
    for n, (goal_title, action_title, text) in enumerate(actions, start=1):
        goals.append(
            {
                "id": f"SD{n}",
                "level": "SD",
                "number": str(n),
                "title": goal_title,
                "parent": None,
                "lines": [n, n],
            }
        )
        items.append(
            {
                "id": f"A{n}",
                "number": str(n),
                "title": action_title,
                "goal": f"SD{n}",
                "description": text,
                "objectives": [],
                "results": [],
                "responsible": ["Minister van Mobiliteit"],
                "cooperating": [],
                "administrations": [],
                "partners": [],
                "timeline": {"text": None, "start": None, "end": None},
                "indicators": [],
                "budget": {"text": None, "amount_eur": None},
                "lines": [n, n],
            }
        )
    return {
        "format": "beleidsmonitor.plan/1",
        "source": {"file": f"{sha}.txt", "sha256": sha, "lines": 20},
        "plan": {"title": title, "kind": "actieplan", "period": {"start": start, "end": end}},
        "goals": goals,
        "actions": items,
        "abbreviations": [],
        "warnings": [],
    }


BIKES = (
    "Veilige fietsroutes naar school",
    "Gescheiden fietspaden langs gewestwegen naar scholen aanleggen",
    "Het gewest legt gescheiden fietspaden aan langs gewestwegen zodat leerlingen veilig "
    "met de fiets naar school rijden.",
)
BUSES = (
    "Openbaar vervoer op het platteland",
    "Belbussen in landelijke gemeenten behouden",
    "De Lijn houdt de belbus in landelijke gemeenten in stand voor wie geen auto heeft.",
)
OLD_MOBILITY = _link_plan(
    "Mobiliteitsplan Fietsland 2019-2024", 2019, 2024, "fiets19", [BIKES, BUSES]
)
NEW_MOBILITY = _link_plan(
    "Mobiliteitsplan Fietsland 2025-2029",
    2025,
    2029,
    "fiets25",
    [
        (
            "Veilig met de fiets naar school",
            "Meer gescheiden fietspaden langs gewestwegen naar scholen",
            "Het gewest legt extra gescheiden fietspaden aan langs gewestwegen zodat "
            "leerlingen veilig met de fiets naar school rijden.",
        )
    ],
)
SCHOOLS_2025 = _link_plan(
    "Actieplan Gezonde Scholen 2025-2029",
    2025,
    2029,
    "school25",
    [
        (
            "Leerlingen bewegen meer",
            "Gescheiden fietspaden naar scholen samen met het gewest plannen",
            "Scholen en het gewest plannen samen gescheiden fietspaden langs gewestwegen "
            "zodat leerlingen veilig met de fiets naar school rijden.",
        )
    ],
)


def test_coordinator_reviews_lineage_and_overlap_and_sees_the_link_on_the_action(
    page, live_server, django_user_model
):
    from beleidsmonitor.linking.models import LinkKind, LinkProposal
    from beleidsmonitor.linking.operations.compute_links import compute_links
    from beleidsmonitor.plans.operations.import_plan import import_plan

    old = import_plan(OLD_MOBILITY).plan
    new = import_plan(NEW_MOBILITY).plan
    import_plan(SCHOOLS_2025)
    compute_links()
    assert LinkProposal.objects.filter(kind=LinkKind.LINEAGE).exists()
    assert LinkProposal.objects.filter(kind=LinkKind.OVERLAP).exists()

    base = live_server.url
    log_in(page, base, django_user_model)  # a staff user: the coordinating team
    # the header reaches the links; the plan page reaches its lineage view
    page.get_by_role("navigation", name="Hoofdmenu").get_by_role("link", name="Koppelingen").click()
    page.wait_for_url(f"{base}/koppelingen/")
    page.goto(f"{base}/")
    page.get_by_role("link", name="Mobiliteitsplan Fietsland 2019-2024").first.click()
    page.get_by_role("navigation", name="Weergaven van dit plan").get_by_role(
        "link", name="Opvolging"
    ).click()
    page.wait_for_url(f"{base}/koppelingen/opvolging/{old.pk}/")
    row = page.locator("table.lineage tbody tr").filter(has_text="Gescheiden fietspaden")
    assert "2025" in row.inner_text()  # proposed successor in the new period
    shoot(page, "lineage-view")

    # the overlap matrix of the two 2025 plans: open the one cell, confirm its pair
    page.goto(f"{base}/koppelingen/overlap/")
    page.get_by_role("link", name=re.compile("×")).first.click()
    page.wait_for_url(re.compile(r"/koppelingen/overlap/\d+/\d+/$"))
    page.locator("table.matrix td.hit a").first.click()
    pair = page.locator("#paren + table tbody tr").first
    pair.get_by_role("button", name="Bevestigen").click()
    expect_text(page, "bevestigd")
    shoot(page, "overlap-matrix")

    # the confirmed overlap shows on the action page of the new mobility plan
    action = new.actions.get(key="A1")
    page.goto(f"{base}/acties/{action.pk}/")
    section = page.locator("table.action-links")
    assert "overlapt met" in section.inner_text()
    assert "Actieplan Gezonde Scholen" in section.inner_text()
    assert "bevestigd" in section.inner_text().lower()

    # the header stays usable on a phone: every menu link is on screen
    page.set_viewport_size(PHONE)
    menu = page.get_by_role("navigation", name="Hoofdmenu")
    for name in ("Rapporten", "Koppelingen", "Afstemming", "Woordenlijst", "API-documentatie"):
        box = menu.get_by_role("link", name=name).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / "header-phone.png"))
    page.set_viewport_size(LAPTOP)


def expect_text(page, text: str) -> None:
    page.wait_for_function(
        "t => document.body.innerText.toLowerCase().includes(t)", arg=text.lower()
    )
