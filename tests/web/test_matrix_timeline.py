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
