"""A heading's own id (`## Byte-pair encoding in brief {#bpe}` in the example's tokenizer) as a
reader meets it: a link from another term lands on the section, which "On this page" marks,
and the page shows the heading's words without the braces."""

from __future__ import annotations

from conftest import OpenPage, ServedSite
from playwright.sync_api import expect


def test_a_link_to_a_headings_own_id_lands_on_its_section(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(
        viewport={"width": 1280, "height": 700}, permissions=["clipboard-read", "clipboard-write"]
    )
    page.goto(served.page_url("terms/token/index.html"))
    page.locator("article .prose").get_by_role("link", name="byte-pair encoding", exact=True).click()
    expect(page).to_have_url(served.page_url("terms/tokenizer/index.html#bpe"))
    heading = page.get_by_role("heading", name="Byte-pair encoding in brief", exact=True)
    expect(heading).to_be_in_viewport()
    expect(heading).to_have_attribute("id", "bpe")
    expect(page.locator(".toc a[aria-current=true]")).to_have_attribute("href", "#bpe")
    expect(page.locator("article")).not_to_contain_text("{#")
    page.get_by_role("button", name="Copy link to Byte-pair encoding in brief", exact=True).click()
    assert page.evaluate("navigator.clipboard.readText()") == served.page_url(
        "terms/tokenizer/index.html#bpe"
    )
