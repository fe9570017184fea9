"""A home page listing hundreds of entries under one letter, opened in Chromium: entries far off
screen wait to be laid out until the reader scrolls near them (a 10,000-term glossary's home
page froze for seconds while every entry was laid out), yet every entry is in the page and the
letter links and the End key still lead where they should. Its A to Z is split into runs of
entries, which a small glossary's is not, so axe and the Nu HTML checker read it here too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from bs4 import BeautifulSoup
from conftest import OpenPage, serve
from playwright.sync_api import Page, expect
from support import assert_nu_checker_passes, needs_nu_checker, run_glossary, write_files

COUNT = 300
TERM = """---
title: {title}
summary: {title}, one of many terms the home page lists under one letter.
definition: "The definition of {title}."
aliases: [{alias}]
---
"""


@pytest.fixture(scope="module")
def long_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Terms 'Term 000' to 'Term 299' (aliases 'Other name 000'...) and one 'Zeta', built."""
    files = {
        f"content/terms/term-{i:03d}.md": TERM.format(title=f"Term {i:03d}", alias=f"Other name {i:03d}")
        for i in range(COUNT)
    }
    files["content/terms/zeta.md"] = TERM.format(title="Zeta", alias="Last letter")
    files["content/site.yml"] = "title: Long A to Z\nbase_url: https://long.example.com/\n"
    site = write_files(tmp_path_factory.mktemp("long-home"), files)
    built = run_glossary("build", "--no-search", "--out", site / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    return site / "www"


@pytest.fixture(scope="module")
def long_home(long_build: Path) -> Iterator[str]:
    with serve(long_build) as address:
        yield address


def test_every_entry_is_in_the_page_but_only_those_near_the_screen_are_laid_out(
    page: Page, long_home: str
) -> None:
    page.goto(f"{long_home}/index.html")
    titles = page.locator("#letter-T ~ .term-list dt:not(.cross-ref) a").all_text_contents()
    assert titles == [f"Term {i:03d}" for i in range(COUNT)]
    far = page.locator(".term-list dt:not(.cross-ref) a", has_text="Term 250")
    assert far.evaluate("link => link.checkVisibility({contentVisibilityAuto: true})") is False
    far.scroll_into_view_if_needed()
    expect(far).to_be_in_viewport()
    assert far.evaluate("link => link.checkVisibility({contentVisibilityAuto: true})") is True


def test_the_letter_links_and_the_end_key_reach_the_last_entries(page: Page, long_home: str) -> None:
    page.goto(f"{long_home}/index.html")
    page.locator("nav.letters").get_by_role("link", name="Z", exact=True).click()
    expect(page.locator("h3#letter-Z")).to_be_in_viewport()
    expect(page.locator("#letter-Z ~ .term-list a", has_text="Zeta")).to_be_in_viewport()
    # The runs End passes are laid out at other heights than estimated, which could leave it
    # short of the end (in one try of three, or more on a busy machine): it is tried a few times.
    for _ in range(3):
        page.goto(f"{long_home}/index.html")
        page.locator("h1").click()
        page.keyboard.press("End")
        expect(page.locator("footer")).to_be_in_viewport()
        expect(page.locator("#letter-Z ~ .term-list a", has_text="Zeta")).to_be_in_viewport()


def test_axe_finds_nothing_above_minor_on_the_long_home_page(open_page: OpenPage, long_home: str) -> None:
    page = open_page()
    page.goto(f"{long_home}/index.html")
    expect(page.locator("#letter-T ~ .term-list dl.term-run")).to_have_count(8)
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, f"index.html with {COUNT} entries under T")


@needs_nu_checker
def test_the_long_home_page_passes_the_nu_html_checker(long_build: Path) -> None:
    """Only the home page: the term pages are those of any glossary, checked in tests/e2e."""
    home = long_build / "index.html"
    runs = BeautifulSoup(home.read_text(encoding="utf-8"), "html.parser").select("#letter-T ~ .term-list dl")
    assert len(runs) > 1, "the A to Z is written as it is for a long glossary"
    assert_nu_checker_passes(home)
