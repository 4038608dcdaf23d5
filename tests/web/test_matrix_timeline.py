"""The responsibility matrix and the timeline of a plan."""

import re

import pytest

pytestmark = pytest.mark.django_db


def row_cells(html: str, actor_name: str) -> list[str]:
    row = re.search(
        rf"<tr>\s*<th scope=\"row\"><a [^>]*>{actor_name}</a></th>(.*?)</tr>", html, re.S
    )
    assert row, actor_name
    return [
        re.sub(r"<[^>]+>", "", cell).strip()
        for cell in re.findall(r"<td[^>]*>(.*?)</td>", row.group(1), re.S)
    ]


def test_matrix_counts_actions_per_actor_and_top_level_goal(client, work):
    html = client.get(f"/plannen/{work.pk}/matrix/").content.decode()
    # Columns: SD 1, SD 2, total. Werk: A1 + A2 under SD1, A3 (cooperating) under SD2.
    assert row_cells(html, "Minister van Werk") == ["2", "1", "3"]
    assert row_cells(html, "Minister van Onderwijs") == ["·", "1", "1"]


def test_matrix_cells_link_to_the_filtered_plan_page(client, work):
    html = client.get(f"/plannen/{work.pk}/matrix/").content.decode()
    goal = work.goals.get(key="SD1")
    link = f'href="/plannen/{work.pk}/?actor=minister-van-werk&amp;doel={goal.pk}"'
    assert link in html
    listed = client.get(f"/plannen/{work.pk}/?actor=minister-van-werk&doel={goal.pk}")
    assert "2 acties voldoen aan de filters" in listed.content.decode()


def test_matrix_by_role(client, work):
    html = client.get(f"/plannen/{work.pk}/matrix/?rol=responsible").content.decode()
    assert row_cells(html, "Minister van Werk") == ["2", "·", "2"]


def test_timeline_draws_dated_actions_and_marks_late_ones(client, work):
    html = client.get(f"/plannen/{work.pk}/tijdlijn/").content.decode()
    svg = re.search(r"<svg class=\"timeline\".*?</svg>", html, re.S).group(0)
    assert svg.count('<rect x="') == 2  # A3 has no dates
    late_rows = re.findall(r'<a href="[^"]+" class="row late">.*?</a>', svg, re.S)
    assert len(late_rows) == 1 and "Jobpunten" in late_rows[0]
    assert "te laat" in late_rows[0]
    assert "1 actie heeft geen datum" in html


def test_timeline_uses_the_plan_filters(client, work):
    html = client.get(f"/plannen/{work.pk}/tijdlijn/?tijd=te-laat").content.decode()
    svg = re.search(r"<svg class=\"timeline\".*?</svg>", html, re.S).group(0)
    assert svg.count('<rect x="') == 1


# Every number of the matrix is the length of the list its link opens, in every role.


@pytest.fixture
def tangled(db):
    """The work plan with actors in several roles, an action that also serves a second
    top-level goal and an action without a goal."""
    from beleidsmonitor.plans.operations.import_plan import import_plan
    from tests.web.plans_for_tests import work_plan

    data = work_plan()
    data["actions"][1]["also_goals"] = ["SD2"]  # A2: OD1.2 (under SD1), also SD2
    data["actions"][1]["partners"] = ["Minister van Onderwijs"]
    data["actions"][0]["administrations"] = ["Minister van Onderwijs"]
    data["actions"].append(
        {
            "id": "A4",
            "number": "4",
            "title": "Een actie zonder doelstelling",
            "goal": None,
            "responsible": ["Minister van Onderwijs"],
            "cooperating": ["Minister van Werk"],
            "partners": ["Minister van Onderwijs"],  # the same actor in two roles
            "administrations": [],
            "timeline": {"text": None},
            "indicators": [],
            "lines": [12, 12],
        }
    )
    return import_plan(data).plan


def listed_count(client, url: str) -> int:
    html = client.get(url).content.decode()
    found = re.search(r"(\d+) acties? (?:voldoet|voldoen) aan de filters", html)
    assert found, url
    return int(found.group(1))


def matrix_links(html: str) -> list[tuple[str, int]]:
    """(link, number) of every cell and total of the matrix."""
    body = html[html.index("<tbody>") : html.index("</tbody>")]
    return [
        (href.replace("&amp;", "&"), int(n))
        for href, n in re.findall(r'<a href="(/plannen/[^"]+)"[^>]*>(\d+)</a>', body)
    ]


@pytest.mark.parametrize("role", ["", "responsible", "cooperating", "administration", "partner"])
def test_every_matrix_number_is_the_length_of_its_list(client, tangled, role):
    html = client.get(f"/plannen/{tangled.pk}/matrix/?rol={role}").content.decode()
    links = matrix_links(html)
    assert links, role
    for url, count in links:
        if role:
            assert f"rol={role}" in url
        assert listed_count(client, url) == count, (url, count)


def test_matrix_with_role_links_to_the_list_with_that_role(client, work):
    html = client.get(f"/plannen/{work.pk}/matrix/?rol=responsible").content.decode()
    goal = work.goals.get(key="SD1")
    url = f"/plannen/{work.pk}/?actor=minister-van-werk&doel={goal.pk}&rol=responsible"
    assert f'href="{url.replace("&", "&amp;")}"' in html
    # Werk is co-operating on A3 under SD2: that action is not in the responsible list
    listed = f"/plannen/{work.pk}/?actor=minister-van-werk&rol=responsible"
    assert listed_count(client, listed) == 2
    # the role filter is on the page, chosen
    page = client.get(listed).content.decode()
    assert '<label for="id_rol">' in page
    assert '<option value="responsible" selected>' in page


def test_matrix_counts_an_action_without_goal_in_its_own_column(client, tangled):
    html = client.get(f"/plannen/{tangled.pk}/matrix/").content.decode()
    # Columns: SD 1, SD 2, zonder doel, total. Onderwijs: A1 (administration) and A2
    # (partner) under SD1, A2 (also SD2) and A3 under SD2, A4 without goal.
    assert row_cells(html, "Minister van Onderwijs") == ["2", "2", "1", "4"]
    assert f"/plannen/{tangled.pk}/?actor=minister-van-onderwijs&amp;doel=geen" in html


def test_matrix_says_one_action_in_the_singular(client, work):
    html = client.get(f"/plannen/{work.pk}/matrix/").content.decode()
    assert 'aria-label="1 actie van Minister van Onderwijs"' in html
    assert 'aria-label="2 acties van Minister van Werk"' in html
