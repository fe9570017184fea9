"""Content tabs (`=== "Vague"`, `=== "Specific"` in the example's prompt-engineering page, as
MkDocs Material writes them) as a reader uses them: one tab's text at a time, chosen with a
click or the arrow keys; without scripts, and on paper, every tab's text under its title."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import OpenPage, ServedSite, built_terms, serve
from playwright.sync_api import expect

PAGE = "terms/prompt-engineering/index.html"
VAGUE, SPECIFIC = "Write about electric cars.", "Write a 150-word paragraph"


@pytest.mark.parametrize("width", [1280, 390])
def test_a_tab_shows_its_text_alone_when_clicked_or_reached_with_the_arrow_keys(
    open_page: OpenPage, served: ServedSite, width: int
) -> None:
    page = open_page(viewport={"width": width, "height": 800})
    page.goto(served.page_url(PAGE))
    tabs = page.get_by_role("tablist").get_by_role("tab")
    expect(tabs).to_have_text(["Vague", "Specific"])
    vague, specific = tabs.nth(0), tabs.nth(1)
    expect(vague).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tabpanel", name="Vague")).to_contain_text(VAGUE)
    expect(page.get_by_text(SPECIFIC)).to_be_hidden()
    expect(page.locator(".tabbed-title").first).to_be_hidden()  # the tab says it

    specific.click()
    expect(page.get_by_role("tabpanel", name="Specific")).to_contain_text(SPECIFIC)
    expect(page.get_by_text(VAGUE)).to_be_hidden()

    specific.press("ArrowRight")  # past the last: back to the first
    expect(vague).to_be_focused()
    expect(vague).to_have_attribute("aria-selected", "true")
    expect(page.get_by_text(VAGUE)).to_be_visible()
    vague.press("End")
    expect(specific).to_be_focused()
    expect(page.get_by_text(SPECIFIC)).to_be_visible()
    specific.press("Home")
    expect(vague).to_be_focused()
    vague.press("ArrowLeft")
    expect(specific).to_be_focused()
    expect(vague).to_have_attribute("tabindex", "-1")  # one Tab stop for the list: the tab shown
    page.keyboard.press("Tab")
    expect(page.get_by_role("tabpanel", name="Specific")).to_be_focused()
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), "it scrolls sideways"


def test_without_scripts_or_on_paper_every_tab_is_shown_under_its_title(
    open_page: OpenPage, served: ServedSite
) -> None:
    for page in (open_page(java_script_enabled=False), open_page()):
        page.goto(served.page_url(PAGE))
        if page.locator("[role=tablist]").count():
            page.locator("[role=tab]").nth(1).click()
            page.emulate_media(media="print")
            expect(page.locator("[role=tablist]")).to_be_hidden()
        titles = page.locator(".tabbed-title")
        expect(titles).to_have_text(["Vague", "Specific"])
        for title in titles.all():
            expect(title).to_be_visible()
        expect(page.get_by_text(VAGUE)).to_be_visible()
        expect(page.get_by_text(SPECIFIC)).to_be_visible()


TABBED = """\
---
title: Tokenizer
summary: What splits text into tokens.
definition: A tokenizer splits text into tokens.
---

## Trying one

=== "Python"

    Install it with pip.

=== "JavaScript"

    ## Running in a browser {#in-a-browser}

    Bundle it with the page.

## Afterwards

The end.
"""


def test_a_link_to_a_place_in_a_tab_not_shown_shows_that_tab(open_page: OpenPage, tmp_path: Path) -> None:
    page = open_page(viewport={"width": 1280, "height": 600})
    with serve(built_terms(tmp_path, {"tokenizer": TABBED})) as address:
        page.goto(f"{address}/terms/tokenizer/index.html#in-a-browser")
        heading = page.get_by_role("heading", name="Running in a browser")
        expect(heading).to_be_in_viewport()
        expect(page.get_by_role("tab", name="JavaScript")).to_have_attribute("aria-selected", "true")
        page.get_by_role("tab", name="Python").click()
        expect(heading).to_be_hidden()
        page.goto(f"{address}/terms/tokenizer/index.html#afterwards")
        page.locator(".toc a[href='#in-a-browser']").click()  # "On this page" leads there too
        expect(heading).to_be_in_viewport()


def test_on_this_page_never_marks_a_heading_in_a_tab_not_shown_as_the_one_being_read(
    open_page: OpenPage, tmp_path: Path
) -> None:
    page = open_page(viewport={"width": 1280, "height": 600})
    long_tab = TABBED.replace("Bundle it with the page.\n", "Bundle it with the page.\n\n    More.\n" * 40)
    with serve(built_terms(tmp_path, {"tokenizer": long_tab})) as address:
        page.goto(f"{address}/terms/tokenizer/index.html")
        read = page.locator(".toc a[aria-current]")
        expect(read).to_have_text("Definition")  # the hidden tab's heading has no place to pass
        page.get_by_role("tab", name="JavaScript").click()
        heading = page.get_by_role("heading", name="Running in a browser")
        heading.evaluate("h => window.scrollTo(0, h.offsetTop)")
        expect(read).to_have_text("Running in a browser")
        page.get_by_role("tab", name="Python").click()  # its heading hidden again
        expect(read).to_have_count(1)
        expect(read).not_to_have_text("Running in a browser")
