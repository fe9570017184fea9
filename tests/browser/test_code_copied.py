"""A code block's Copy button, as MkDocs Material, Docusaurus and Hugo's `{copy=true}` give one:
on the block's top bar, never over its code, copying the code as written in the term's file."""

from __future__ import annotations

import re

import pytest
from conftest import OpenPage, ServedSite
from playwright.sync_api import Locator, Page, expect
from support import PROJECT

CLIPBOARD = ["clipboard-read", "clipboard-write"]
PHONE = {"width": 390, "height": 800}


def written_code(slug: str) -> str:
    """The first fenced block of the example term's file, as its editor wrote it."""
    text = (PROJECT / "content" / "terms" / f"{slug}.md").read_text(encoding="utf-8")
    found = re.search(r"^```[^\n]*\n(.*?)\n```$", text, re.MULTILINE | re.DOTALL)
    assert found is not None, f"{slug}.md has no fenced block"
    return found.group(1)


def assert_above_the_code(button: Locator, code: Locator) -> None:
    over, block = button.bounding_box(), code.bounding_box()
    assert over is not None and block is not None
    assert over["y"] + over["height"] <= block["y"] + 0.5, f"the button covers the code: {over} {block}"


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_a_titled_blocks_button_sits_in_its_title_bar_and_copies_its_code(
    open_page: OpenPage, served: ServedSite, scheme: str
) -> None:
    page = open_page(color_scheme=scheme, permissions=CLIPBOARD)
    page.goto(served.page_url("terms/embedding/index.html"))
    button = page.get_by_role("button", name="Copy similarity.py", exact=True)
    expect(button).to_be_visible()
    expect(page.locator("article p.code-title")).to_have_text("similarity.py")  # the title is still its text
    code = page.locator("article p.code-title + div.highlight pre")
    assert_above_the_code(button, code)
    button.click()
    expect(button).to_contain_text("Copied")
    expect(page.locator("[role=status][aria-live=polite]", has_text="Code copied")).to_have_count(1)
    expect(button).to_be_focused()
    assert page.evaluate("navigator.clipboard.readText()") == written_code("embedding")
    expect(button).not_to_contain_text("Copied", timeout=4000)


def test_on_a_phone_an_untitled_block_gets_a_bar_for_its_button_under_the_scroll_hint(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page(viewport=PHONE, permissions=CLIPBOARD)
    page.goto(served.page_url("terms/tokenizer/index.html"))
    bar = page.locator("article div.code-title")
    expect(bar).to_have_count(1)
    button = bar.get_by_role("button", name="Copy code", exact=True)
    code = page.locator("article div.code-title + div.highlight pre")
    expect(code).to_contain_text("import tiktoken")
    top, block = bar.bounding_box(), code.bounding_box()
    assert top is not None and block is not None
    assert abs(top["y"] + top["height"] - block["y"]) < 1, "a gap between the bar and its block"
    assert abs(top["x"] - block["x"]) < 1 and abs(top["width"] - block["width"]) < 1, (top, block)
    assert_above_the_code(button, code)
    hint = bar.locator("xpath=preceding-sibling::*[1]")
    expect(hint).to_have_class("scroll-hint")  # the block scrolls at this width: its hint is above the bar
    expect(hint).to_be_visible()
    button.click()
    assert page.evaluate("navigator.clipboard.readText()") == written_code("tokenizer")
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), "it scrolls sideways"


def refuse_copying(page: Page) -> None:
    page.add_init_script(
        "navigator.clipboard.writeText = () => Promise.reject(new Error('denied'));"
        " document.execCommand = () => false;"
    )


def test_where_the_browser_refuses_to_copy_the_code_is_selected_and_the_reader_told(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page()
    refuse_copying(page)
    page.goto(served.page_url("terms/attention/index.html"))
    button = page.get_by_role("button", name="Copy code", exact=True)
    button.click()
    said = "Could not copy; the code is now selected, to copy by hand"
    expect(page.locator("[role=status][aria-live=polite]", has_text=said)).to_have_count(1)
    assert page.evaluate("getSelection().toString()").rstrip("\n") == written_code("attention")
    expect(button).not_to_contain_text("Copied")


def test_without_javascript_there_is_no_button_and_no_empty_bar(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page(java_script_enabled=False)
    page.goto(served.page_url("terms/attention/index.html"))
    expect(page.locator("article pre")).to_have_count(1)
    expect(page.locator(".copy-code, div.code-title")).to_have_count(0)


def test_a_printed_page_shows_the_code_and_its_title_without_the_buttons(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page()
    page.emulate_media(media="print")
    for slug, title in (("embedding", "similarity.py"), ("attention", None)):
        page.goto(served.page_url(f"terms/{slug}/index.html"))
        expect(page.locator("article pre")).to_be_visible()
        expect(page.locator(".copy-code")).to_be_hidden()
        expect(page.locator("div.code-title")).to_be_hidden()
        if title:
            expect(page.locator("p.code-title")).to_have_text(title)
            expect(page.locator("p.code-title")).to_be_visible()
