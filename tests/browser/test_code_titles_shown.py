"""A code block's title (a fence's `title="…"`, as MkDocs Material, Hugo and Docusaurus write
it) as a reader sees it: a bar on top of its block, as wide, in light and dark, on a phone
with the block's scroll hint above the two."""

from __future__ import annotations

import pytest
from conftest import OpenPage, ServedSite
from playwright.sync_api import expect

EMBEDDING = "terms/embedding/index.html"


@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 390)])
def test_a_titled_block_shows_its_title_in_a_bar_joined_to_its_top(
    open_page: OpenPage, served: ServedSite, scheme: str, width: int
) -> None:
    """Was: the example's fence, written as MkDocs Material writes it, failed the build."""
    page = open_page(color_scheme=scheme, viewport={"width": width, "height": 800})
    page.goto(served.page_url(EMBEDDING))
    title = page.locator("article p.code-title")
    expect(title).to_have_text("similarity.py")
    code = page.locator("article p.code-title ~ div.highlight pre").first
    expect(code).to_contain_text("def cosine_similarity")
    bar, block = title.bounding_box(), code.bounding_box()
    assert bar is not None and block is not None
    assert abs(bar["y"] + bar["height"] - block["y"]) < 1, "a gap between the title and its block"
    assert abs(bar["x"] - block["x"]) < 1 and abs(bar["width"] - block["width"]) < 1, (bar, block)
    if width < 500:  # the code's longest line scrolls: its hint stands above the title, not between
        hint = title.locator("xpath=preceding-sibling::*[1]")
        expect(hint).to_have_class("scroll-hint")
        expect(hint).to_be_visible()
    marked = code.locator(".hll")
    expect(marked).to_have_count(1)
    expect(marked).to_contain_text("return float")
    assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), "it scrolls sideways"
