"""A picture sized as MkDocs sizes it, `![Chart](/images/chart.svg){ width="240" }`, is shown
that wide (or that high, given a height alone), in its own proportions, and the braces are gone
(they were shown as written)."""

from __future__ import annotations

from pathlib import Path

from conftest import OpenPage, built_terms, serve
from playwright.sync_api import expect

CHART = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 480 120" width="480" height="120"></svg>'
TERM = """\
---
title: Chart
summary: A picture of numbers.
definition: A chart shows numbers as a picture.
---

Sized: ![A small chart](/images/chart.svg){ width="240" }

As drawn: ![The chart as drawn](/images/chart.svg)

Lower: ![A low chart](/images/chart.svg){: height=30 }
and ![A narrow chart](/images/chart.svg){ width=120 height=90 }
"""


def test_a_sized_picture_is_shown_at_its_width_and_the_list_is_gone(
    open_page: OpenPage, tmp_path: Path
) -> None:
    page = open_page(viewport={"width": 1280, "height": 800})
    with serve(built_terms(tmp_path, {"chart": TERM}, {"static/images/chart.svg": CHART})) as address:
        page.goto(f"{address}/terms/chart/index.html")
        sized, drawn = (
            page.get_by_role("img", name="A small chart"),
            page.get_by_role("img", name="The chart as drawn"),
        )
        expect(sized).to_be_visible()
        expect(drawn).to_be_visible()
        sized_box, drawn_box = sized.bounding_box(), drawn.bounding_box()
        assert sized_box and drawn_box
        assert (round(sized_box["width"]), round(sized_box["height"])) == (240, 60)
        assert (round(drawn_box["width"]), round(drawn_box["height"])) == (480, 120)
        for name, size in (("A low chart", (120, 30)), ("A narrow chart", (120, 30))):  # in proportion
            box = page.get_by_role("img", name=name).bounding_box()
            assert box and (round(box["width"]), round(box["height"])) == size, name
        expect(page.locator(".prose")).not_to_contain_text("{")
