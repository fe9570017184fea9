"""The site `glossary init` writes, opened in Chromium as its new owner first sees it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from conftest import OpenPage, serve
from playwright.sync_api import expect
from support import assert_nu_checker_passes, needs_nu_checker, run_glossary

#: Where the new owner publishes: a strict build warns of the placeholder base_url init writes.
PUBLISHED = "https://kitchen.example.org/"


@pytest.fixture(scope="module")
def starter_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("starter")
    assert run_glossary("init", "mysite", "--title", "Kitchen Words", cwd=root).returncode == 0
    built = run_glossary("build", "--strict", "--base-url", PUBLISHED, cwd=root / "mysite")
    assert built.returncode == 0, built.stderr
    return root / "mysite/_site"


@pytest.fixture(scope="module")
def starter_url(starter_site: Path) -> Iterator[str]:
    with serve(starter_site) as address:
        yield address


def test_a_new_owner_can_walk_from_the_index_to_a_term_and_its_practice_answers(
    open_page: OpenPage, starter_url: str
) -> None:
    page = open_page()
    page.goto(f"{starter_url}/")
    expect(page.locator("h1")).to_have_text("Kitchen Words")
    page.get_by_role("link", name="Glossary", exact=True).first.click()
    expect(page.locator("h1")).to_have_text("Glossary")
    expect(page.locator("table")).to_be_visible()

    item = page.locator(".faq details").filter(has_text="Which terms deserve an entry of their own?")
    answer = item.locator(".answer")
    expect(answer).to_be_hidden()
    item.locator("summary").click()
    expect(answer).to_contain_text("newcomer")

    page.locator(".prose").get_by_role("link", name="term", exact=True).first.click()
    expect(page.locator("h1")).to_have_text("Term")


def test_a_menu_entry_for_what_the_site_has_none_of_yet_is_left_out(
    open_page: OpenPage, tmp_path: Path
) -> None:
    """Was: Categories and Tags in every page's menu of a glossary without either, each leading
    to a page that said only "None yet."."""
    assert run_glossary("init", "plain", cwd=tmp_path).returncode == 0
    site = tmp_path / "plain"
    for term in (site / "content/terms").glob("*.md"):
        text = term.read_text(encoding="utf-8")
        kept = [line for line in text.splitlines() if not line.startswith(("category:", "tags:"))]
        term.write_text("\n".join(kept) + "\n", encoding="utf-8")
    built = run_glossary("build", "--strict", "--base-url", PUBLISHED, cwd=site)
    assert built.returncode == 0, built.stderr

    page = open_page()
    with serve(site / "_site") as address:
        page.goto(f"{address}/terms/glossary/index.html")
        menu = page.get_by_role("navigation", name="Main")
        expect(menu.get_by_role("link")).to_have_text(["A–Z", "Graph", "Search"])
        for name in ("Graph", "A–Z"):
            menu.get_by_role("link", name=name, exact=True).click()
            expect(page.get_by_text("None yet.")).to_have_count(0)
            expect(page.get_by_role("navigation", name="Main").get_by_role("link")).to_have_count(3)


def test_the_starter_term_page_has_no_accessibility_violations_above_minor(
    open_page: OpenPage, starter_url: str
) -> None:
    page = open_page()
    page.goto(f"{starter_url}/terms/glossary/index.html")
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, "the starter's term page")


@needs_nu_checker
def test_every_page_of_the_starter_passes_the_nu_html_checker(starter_site: Path) -> None:
    """The e2e tests check the example's and the fixtures' pages; a new owner's first site is
    built from the starter's own content (its tables, practice questions and links)."""
    assert_nu_checker_passes(starter_site)
