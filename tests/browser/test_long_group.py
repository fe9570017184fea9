"""A category of hundreds of terms, opened in Chromium: its page lists them by letter under the
home page's jump bar (it was one long list, 860 terms at 10,000, with nothing to jump to), and
the letter links lead to their letters though the runs between are laid out only when near."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from bs4 import BeautifulSoup
from conftest import OpenPage, serve
from playwright.sync_api import Page, expect
from support import assert_nu_checker_passes, needs_nu_checker, run_glossary, write_files

PER_LETTER = 60
LETTERS = "BMW"
PAGE = "categories/big/index.html"
TERM = """---
title: {title}
summary: {title}, one of many terms of a big category.
definition: "The definition of {title}."
category: Big
---
"""


@pytest.fixture(scope="module")
def long_group(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A category 'Big' of 'Beta 00'... 'Mu 59'... 'Wave 59' and '3D printing', built."""
    names = {"B": "Beta", "M": "Mu", "W": "Wave"}
    files = {
        f"content/terms/{names[letter].lower()}-{i:02d}.md": TERM.format(title=f"{names[letter]} {i:02d}")
        for letter in LETTERS
        for i in range(PER_LETTER)
    }
    files["content/terms/printing.md"] = TERM.format(title="3D printing")
    files["content/site.yml"] = "title: Big category\nbase_url: https://big.example.com/\n"
    site = write_files(tmp_path_factory.mktemp("long-group"), files)
    built = run_glossary("build", "--no-search", "--out", site / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    return site / "www"


@pytest.fixture(scope="module")
def long_group_site(long_group: Path) -> Iterator[str]:
    with serve(long_group) as address:
        yield address


def test_the_letter_links_of_a_long_category_page_lead_to_their_letters(
    page: Page, long_group_site: str
) -> None:
    page.goto(f"{long_group_site}/{PAGE}")
    bar = page.locator("nav.letters")
    assert bar.get_by_role("link").all_text_contents() == [*LETTERS, "#"]
    far = page.locator("#letter-W ~ .term-list a", has_text="Wave 00")
    assert far.evaluate("link => link.checkVisibility({contentVisibilityAuto: true})") is False
    bar.get_by_role("link", name="W", exact=True).click()
    expect(page.locator("h2#letter-W")).to_be_in_viewport()
    expect(far).to_be_in_viewport()
    page.goto(f"{long_group_site}/{PAGE}")
    page.locator("nav.letters").get_by_role("link", name="#", exact=True).click()
    expect(page.locator("#letter-other ~ .term-list a", has_text="3D printing")).to_be_in_viewport()


def test_axe_finds_nothing_above_minor_on_a_long_category_page(
    open_page: OpenPage, long_group_site: str
) -> None:
    page = open_page()
    page.goto(f"{long_group_site}/{PAGE}")
    expect(page.locator("#letter-M ~ .term-list dl.term-run")).to_have_count(2)
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, f"{PAGE} with {PER_LETTER} terms a letter")


@needs_nu_checker
def test_a_long_category_page_passes_the_nu_html_checker(long_group: Path) -> None:
    """The e2e tests check small category pages, which are one list."""
    file = long_group / PAGE
    sections = BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser").select("section.letter-group")
    assert len(sections) == len(LETTERS) + 1, "the page is written as it is for a long category"
    assert_nu_checker_passes(file)
