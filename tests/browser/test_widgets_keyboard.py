"""The theme's widgets as a keyboard and screen-reader user meets them, beyond what axe sees:
content shown on focus stays while the focus does, and a live region says a result once the
reader has paused rather than at every keystroke."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

if TYPE_CHECKING:  # tests/conftest.py shares the module name "conftest", so no runtime import
    from conftest import ServedSite

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
