"""The built site works under a strict Content-Security-Policy, search included."""

from __future__ import annotations

from typing import TYPE_CHECKING

from playwright.sync_api import expect

if TYPE_CHECKING:
    from conftest import OpenPage


def test_pages_and_search_work_under_a_strict_policy(strict_site: str, open_page: OpenPage) -> None:
    page = open_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    for path in ("index.html", "categories/index.html", "terms/generative-ai/index.html"):
        page.goto(f"{strict_site}/{path}")
        page.wait_for_load_state("load")
    page.hover("main .prose a.wikilink >> nth=0")
    page.wait_for_selector(".term-preview", state="visible")
    page.goto(f"{strict_site}/search/index.html?q=GenAI")
    first = page.wait_for_selector("#search-results li a")
    assert first is not None and first.inner_text() == "Generative AI"
    assert page.wait_for_selector("#search-results .search-excerpt mark") is not None
    page.goto(f"{strict_site}/terms/generative-ai/index.html")
    page.keyboard.press("Control+k")
    expect(page.locator("#site-search")).to_be_focused()  # keys typed before it is are lost
    page.keyboard.type("token")
    option = page.wait_for_selector("#site-search-results [role=option]")
    assert option is not None and "Token" in option.inner_text()
    assert violations == []
