"""A heading's own id (`## Byte-pair encoding in brief {#bpe}` in the example's tokenizer) as a
reader meets it: a link from another term lands on the section, which "On this page" marks,
and the page shows the heading's words without the braces; a heading's shorter words for
"On this page" (`{ data-toc-label="Diffusion over GANs" }`) are the entry that leads to it."""

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


def test_on_this_page_names_a_section_by_the_words_its_heading_gives_it(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page(viewport={"width": 1280, "height": 700})
    page.goto(served.page_url("terms/generative-ai/index.html"))
    contents = page.get_by_role("navigation", name="On this page")
    contents.get_by_role("link", name="Diffusion over GANs", exact=True).click()
    heading = page.get_by_role("heading", name="Why diffusion overtook GANs for images", exact=True)
    expect(heading).to_be_in_viewport()
    expect(page).to_have_url(served.page_url(f"terms/generative-ai/index.html#{heading.get_attribute('id')}"))
    expect(contents.locator("a[aria-current=true]")).to_have_text("Diffusion over GANs")
    expect(page.locator("article")).not_to_contain_text("data-toc-label")
