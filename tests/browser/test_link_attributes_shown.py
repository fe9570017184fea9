"""Attribute lists right after a picture or a link, as MkDocs (attr_list) writes them, as a reader
sees them: a picture sized `![Chart](/images/chart.svg){ width="240" }` is that wide (or that
high, given a height alone), in its own proportions; a link written
`[Get started](/start/){ .md-button }` is a button, `.md-button--primary` a filled one, in light
and dark; the braces are gone (they were shown as written)."""

from __future__ import annotations

from pathlib import Path

from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
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

[Read the guide](/search/){ .md-button } or [search now](/search/){ .md-button .md-button--primary }
"""


def test_a_sized_picture_is_shown_at_its_size_and_the_list_is_gone(
    open_page: OpenPage, tmp_path: Path
) -> None:
    page = open_page(viewport={"width": 1280, "height": 800})
    with serve(built_terms(tmp_path, {"chart": TERM}, {"static/images/chart.svg": CHART})) as address:
        page.goto(f"{address}/terms/chart/index.html")
        sizes = {
            "A small chart": (240, 60),
            "The chart as drawn": (480, 120),
            "A low chart": (120, 30),
            "A narrow chart": (120, 30),  # in proportion
        }
        for name, size in sizes.items():
            picture = page.get_by_role("img", name=name)
            expect(picture).to_be_visible()
            box = picture.bounding_box()
            assert box and (round(box["width"]), round(box["height"])) == size, name
        expect(page.locator(".prose")).not_to_contain_text("{")


def test_a_button_link_looks_like_a_button_in_light_and_dark(open_page: OpenPage, tmp_path: Path) -> None:
    page = open_page(viewport={"width": 1280, "height": 800})
    with serve(built_terms(tmp_path, {"chart": TERM}, {"static/images/chart.svg": CHART})) as address:
        page.goto(f"{address}/terms/chart/index.html")
        plain = page.get_by_role("link", name="Read the guide")
        primary = page.get_by_role("link", name="search now")
        expect(plain).to_have_class("md-button")
        expect(primary).to_have_class("md-button md-button--primary")
        for button in (plain, primary):
            style = button.evaluate(
                "e => { const s = getComputedStyle(e);"
                " return [s.borderTopWidth, s.paddingTop, s.textDecorationLine, s.display] }"
            )
            assert (
                style[0] != "0px" and style[1] != "0px" and style[2] == "none" and style[3] == "inline-block"
            )
        backgrounds = [b.evaluate("e => getComputedStyle(e).backgroundColor") for b in (plain, primary)]
        assert backgrounds[0] == "rgba(0, 0, 0, 0)" and backgrounds[1] != backgrounds[0]  # filled
        primary.click()
        expect(page).to_have_url(f"{address}/search/index.html")
        page.go_back()
        assert_axe_finds_nothing_above_minor_in_either_scheme(page, "button links")
