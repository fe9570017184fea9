"""`glossary serve` in Chromium: the page an editor has open follows their saves by itself."""

from __future__ import annotations

import re
from pathlib import Path

from conftest import OpenPage
from playwright.sync_api import Page, expect
from support import copy_site, free_port, serving, wait_for_line

PHONE = {"width": 390, "height": 844}


def test_the_open_page_reloads_into_each_save_and_follows_base_url(page: Page, tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path / "site")
    tensor, settings = site / "content/terms/tensor.md", site / "content/site.yml"
    log = tmp_path / "serve.log"
    with serving(site, free_port(), log) as origin:
        wait_for_line(log, "serving on")
        page.goto(f"{origin}/docs/terms/tensor/")
        expect(page.locator("h1")).to_have_text("Tensor")

        tensor.write_text(tensor.read_text().replace("array of numbers.", "array of numbers, edited."))
        expect(page.get_by_text("A multi-dimensional array of numbers, edited.").first).to_be_visible()

        tensor.write_text(tensor.read_text().replace("related: [GPU,", "related: [GPX,"))
        expect(page.locator("h1")).to_have_text("The glossary has problems")
        expect(page.locator(".problems")).to_contain_text("content/terms/tensor.md:7")

        tensor.write_text(tensor.read_text().replace("related: [GPX,", "related: [GPU,"))
        expect(page.locator("h1")).to_have_text("Tensor")

        # was: the reload after the move asked for the old address, and the editor saw a 404
        settings.write_text(settings.read_text().replace("example.org/docs/", "example.org/pantry/"))
        expect(page).to_have_url(re.compile(r"/pantry/terms/tensor/$"))
        expect(page.locator("h1")).to_have_text("Tensor")
        canonical = page.locator('link[rel="canonical"]')
        expect(canonical).to_have_attribute("href", "https://example.org/pantry/terms/tensor/")


def test_the_problem_page_fits_a_phone(open_page: OpenPage, tmp_path: Path) -> None:
    """serve --host 0.0.0.0 is how the preview is tried on a phone. Was: the problem page had
    no viewport, so a phone laid it out 980 pixels wide and showed its lines at a third of
    their size."""
    site = copy_site("minimal", tmp_path / "site")
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("related: [GPU,", "related: [GPX,"))
    log = tmp_path / "serve.log"
    with serving(site, free_port(), log) as origin:
        wait_for_line(log, "serving on")
        page = open_page(viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2)
        page.goto(f"{origin}/docs/terms/tensor/")
        expect(page.locator("h1")).to_have_text("The glossary has problems")
        expect(page.locator(".problems")).to_contain_text("content/terms/tensor.md:7")
        assert page.evaluate("window.innerWidth") == PHONE["width"]
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_a_page_left_open_while_serve_was_stopped_shows_the_saves_made_meanwhile(
    page: Page, tmp_path: Path
) -> None:
    """Was: the page's live-reload script connected again to the new serve, which told it
    nothing, so it showed the site from before the save until the next one."""
    site = copy_site("minimal", tmp_path / "site")
    tensor = site / "content/terms/tensor.md"
    port = free_port()
    with serving(site, port, tmp_path / "first.log") as origin:
        wait_for_line(tmp_path / "first.log", "serving on")
        page.goto(f"{origin}/docs/terms/tensor/")
        expect(page.locator("h1")).to_have_text("Tensor")
    tensor.write_text(tensor.read_text().replace("array of numbers.", "array of numbers, edited."))
    with serving(site, port, tmp_path / "second.log"):
        edited = page.get_by_text("A multi-dimensional array of numbers, edited.").first
        expect(edited).to_be_visible(timeout=30_000)


def test_a_search_page_left_open_finds_a_word_just_saved(page: Page, tmp_path: Path) -> None:
    """Was: the save reloaded it before the search index was made again, and it went on
    saying no term holds the word until reloaded by hand."""
    site = copy_site("minimal", tmp_path / "site")
    tensor = site / "content/terms/tensor.md"
    log = tmp_path / "serve.log"
    with serving(site, free_port(), log) as origin:
        wait_for_line(log, "search index updated")
        page.goto(f"{origin}/docs/search/index.html?q=frobnicate")
        expect(page.locator("#search-status")).to_contain_text("frobnicate")
        expect(page.locator("#search-results li")).to_have_count(0)

        tensor.write_text(tensor.read_text() + "\nTensors frobnicate.\n")

        expect(page.locator("#search-results li").first).to_contain_text("Tensor", timeout=30_000)
