"""The theme's widgets as a keyboard and screen-reader user meets them, beyond what axe sees:
content shown on focus stays while the focus does, and a live region says a result once the
reader has paused rather than at every keystroke."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

if TYPE_CHECKING:  # tests/conftest.py shares the module name "conftest", so no runtime import
    from conftest import OpenPage, ServedSite

FLAGSHIP = "terms/generative-ai/index.html"


def test_a_focused_links_preview_comes_back_after_the_pointer_passes_over_another_link(
    page: Page, served: ServedSite
) -> None:
    """Was: with a link focused and its card shown, a pointer passing over another link took
    the card away for good while the focus stayed (WCAG 1.4.13: content shown on focus stays
    until the focus moves or the reader dismisses it). Escape still dismisses it, the focus
    staying on the link, and a card Escape closed does not come back by itself."""
    page.goto(served.page_url(FLAGSHIP))
    links = page.locator(".prose a.wikilink")
    focused, other = links.nth(1), links.nth(0)
    card = page.locator(".term-preview")
    focused.focus()
    title = card.locator("strong").inner_text()
    other.hover()
    expect(card.locator("strong")).not_to_have_text(title)
    page.mouse.move(0, 0)
    expect(card.locator("strong")).to_have_text(title)
    expect(focused).to_be_focused()
    expect(focused).to_have_attribute("aria-describedby", "term-preview")

    page.keyboard.press("Escape")
    expect(card).to_have_count(0)
    expect(focused).to_be_focused()
    other.hover()
    expect(card).to_be_visible()
    page.mouse.move(0, 0)
    page.wait_for_timeout(600)
    expect(card).to_have_count(0)


#: Records each text a live region is given, from now on, in window.said.
RECORD_SAID = """(selector) => {
  window.said = [];
  const region = document.querySelector(selector);
  new MutationObserver(() => window.said.push(region.textContent))
    .observe(region, { childList: true, subtree: true, characterData: true });
}"""


@pytest.mark.parametrize(
    ("path", "field", "region", "final"),
    [
        ("index.html", "#site-search", "form.search-box [role=status]", "14 results found"),
        (
            "search/index.html",
            "#search-query",
            "#search-status",
            "14 results found for \u201ctransformer\u201d",
        ),
    ],
    ids=["header-box", "search-page"],
)
def test_a_word_typed_a_letter_at_a_time_has_its_count_said_once(
    page: Page, served: ServedSite, path: str, field: str, region: str, final: str
) -> None:
    """Was: the count went into the live region at each pause of 100 ms, so typing
    "transformer" at a steady pace had a screen reader say eleven counts one after another
    ("62 results found", "45 results found", …), and on the search page "Searching…" before
    each: 21 announcements for one word. Now only the count for what the reader stopped at."""
    page.goto(served.page_url(path))
    page.evaluate(RECORD_SAID, region)
    page.locator(field).focus()
    page.keyboard.type("transformer", delay=180)
    expect(page.locator(region)).to_have_text(final)
    page.wait_for_timeout(1500)
    said = [text for text in page.evaluate("window.said") if text and text != "Searching\u2026"]
    assert said == [final]


# --- true and untested: what a keyboard or screen-reader user relies on -------------------


def test_a_copy_link_button_pressed_with_enter_keeps_the_focus_and_says_link_copied(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(served.page_url(FLAGSHIP))
    button = page.locator("article.term button.copy-link").nth(1)
    button.focus()
    page.keyboard.press("Enter")
    expect(page.locator("[role=status][aria-live=polite]", has_text="Link copied")).to_have_count(1)
    expect(button).to_be_focused()
    heading = page.locator("article.term h2[id]").nth(1)
    assert page.evaluate("navigator.clipboard.readText()").endswith(
        "#" + (heading.get_attribute("id") or "?")
    )


def test_after_a_letter_of_the_jump_bar_tab_goes_on_in_that_letters_section(
    page: Page, served: ServedSite
) -> None:
    page.goto(served.page_url("index.html"))
    letter = page.locator("nav.letters a").nth(3)
    target = letter.get_attribute("href") or "?"
    letter.focus()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    page.keyboard.press("Tab")
    first = page.locator(f"{target} ~ * a, {target} a").first  # the section's first link
    assert page.evaluate("document.activeElement.href") == first.evaluate("a => a.href")


def test_the_header_box_is_a_combobox_that_names_the_listbox_it_controls(
    page: Page, served: ServedSite
) -> None:
    page.goto(served.page_url("index.html"))
    box = page.get_by_role("combobox", name="Search the glossary")
    box.focus()
    page.keyboard.type("token")
    listbox = page.get_by_role("listbox", name="Matching terms")
    expect(listbox).to_be_visible()
    expect(box).to_have_attribute("aria-controls", listbox.get_attribute("id") or "?")
    expect(box).to_have_attribute("aria-autocomplete", "list")
    expect(listbox.get_by_role("option").first).to_have_attribute("tabindex", "-1")  # focus stays in the box
    page.keyboard.press("ArrowDown")
    expect(box).to_be_focused()


def test_each_stack_builder_question_groups_its_answers_under_the_question(
    page: Page, served: ServedSite
) -> None:
    page.goto(served.page_url("stack-builder/index.html"))
    questions = page.locator("fieldset.stack-question")
    assert questions.count() >= 3
    for question in questions.all():
        legend = question.locator("legend").inner_text()
        group = page.get_by_role("group", name=legend, exact=True)
        expect(group.get_by_role("radio")).to_have_count(question.locator("input[type=radio]").count())


def test_a_practice_answer_opens_and_closes_from_the_keyboard(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(FLAGSHIP))
    question = page.locator(".faq details").first
    answer = question.locator("summary ~ *").first
    question.locator("summary").focus()
    expect(answer).to_be_hidden()
    page.keyboard.press("Enter")
    expect(answer).to_be_visible()
    expect(question.locator("summary")).to_be_focused()
    page.keyboard.press("Space")
    expect(answer).to_be_hidden()
