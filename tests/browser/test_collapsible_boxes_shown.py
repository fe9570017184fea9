"""A collapsible box (`??? question "…"` in the example's embedding page, as MkDocs Material
writes it) as a reader uses it: closed until its title is clicked or pressed, in its kind's
colours in light and dark, and printed open."""

from __future__ import annotations

from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from conftest import OpenPage, ServedSite
from playwright.sync_api import expect

EMBEDDING = "terms/embedding/index.html"
TITLE = "Why the angle and not the distance?"


def test_a_closed_box_opens_on_a_click_or_a_key_and_passes_axe_open(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page()
    page.goto(served.page_url(EMBEDDING))
    box = page.locator("article details.admonition.question")
    text = box.get_by_text("The angle ignores that length", exact=False)
    title = box.locator("summary")
    expect(title).to_have_text(TITLE)
    expect(text).to_be_hidden()
    title.click()
    expect(text).to_be_visible()
    title.press("Enter")  # the title is a control a keyboard reaches and works
    expect(text).to_be_hidden()
    title.press("Space")
    expect(text).to_be_visible()
    colours = box.evaluate(
        "b => [getComputedStyle(b).borderInlineStartColor,"
        " getComputedStyle(b.querySelector('summary')).color]"
    )
    assert colours[0] == colours[1], f"the edge and the title share the kind's colour: {colours}"
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, f"{EMBEDDING} with its box open")


def test_a_closed_box_is_printed_open(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page()
    page.goto(served.page_url(EMBEDDING))
    page.emulate_media(media="print")
    box = page.locator("article details.admonition.question")
    expect(box).not_to_have_attribute("open", "")
    expect(box.get_by_text("The angle ignores that length", exact=False)).to_be_visible()
