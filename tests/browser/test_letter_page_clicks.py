"""A glossary past 1,000 A to Z entries opened in Chromium: the home page's jump bar leads to each
letter's own page, which lists that letter's entries, and axe finds nothing on either page in
the light or the dark scheme."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from conftest import OpenPage, serve
from forced_colours import system_colours
from playwright.sync_api import Page, expect
from support import LONG_S_PARTS, big_a_to_z_site, long_letter_site, run_glossary


@contextlib.contextmanager
def built_and_served(site: Path) -> Iterator[str]:
    built = run_glossary("build", "--no-search", "--out", site / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(site / "www") as address:
        yield address


@pytest.fixture(scope="module")
def big_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with built_and_served(big_a_to_z_site(tmp_path_factory.mktemp("big") / "site")) as address:
        yield address


def test_a_reader_on_the_home_page_clicks_a_letter_and_reaches_its_page(page: Page, big_home: str) -> None:
    page.goto(f"{big_home}/index.html")
    expect(page.locator("section.letter-group")).to_have_count(0)
    page.locator("nav.letters").get_by_role("link", name="M 50", exact=True).click()
    expect(page).to_have_url(f"{big_home}/a-z/m/index.html")
    expect(page.locator("h1")).to_have_text("A–Z: M")
    expect(page.locator("h2#letter-M")).to_be_visible()
    expect(page.locator("section.letter-group dt a").first).to_have_text("Mex 010")
    page.locator("nav.letters").get_by_role("link", name="Q 1", exact=True).click()
    expect(page).to_have_url(f"{big_home}/a-z/q/index.html")
    page.get_by_role("link", name="Quasar", exact=True).click()
    expect(page.locator("h1")).to_have_text("Quasar")


@pytest.mark.parametrize("path", ["index.html", "a-z/m/index.html"])
def test_axe_finds_nothing_above_minor_on_the_home_and_a_letter_page(
    open_page: OpenPage, big_home: str, path: str
) -> None:
    page = open_page()
    page.goto(f"{big_home}/{path}")
    expect(page.locator("nav.letters a").first).to_be_visible()
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, f"{path} of a glossary split by letter")


def test_in_forced_colours_the_jump_bar_still_marks_the_letter_being_read(
    open_page: OpenPage, big_home: str
) -> None:
    """Was: the current letter was told apart by its background and the colour of its border,
    both of which Windows high contrast replaces, so on M's page M looked like every other letter."""
    page = open_page(forced_colors="active")
    page.goto(f"{big_home}/a-z/m/index.html")
    edges = page.locator(".letters a").evaluate_all(
        "links => links.map(a => { const s = getComputedStyle(a); return"
        " [a.getAttribute('aria-current') === 'page', s.borderTopColor, s.borderTopWidth]; })"
    )
    current = {(colour, width) for is_current, colour, width in edges if is_current}
    others = {(colour, width) for is_current, colour, width in edges if not is_current}
    assert current == {(system_colours(page, "Highlight")["Highlight"], "3px")}
    assert current.isdisjoint(others)


@pytest.fixture(scope="module")
def long_letter(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """S's page of a glossary whose S has more than 100 entries, so is in parts ('Sa', 'Sc'...)."""
    with built_and_served(long_letter_site(tmp_path_factory.mktemp("long-letter") / "site")) as address:
        yield f"{address}/a-z/s/index.html"


def test_a_reader_on_a_long_letters_page_jumps_to_a_part_of_it(page: Page, long_letter: str) -> None:
    page.goto(long_letter)
    within = page.get_by_role("navigation", name="Jump within S")
    expect(within.get_by_role("link")).to_have_count(len(LONG_S_PARTS))
    within.get_by_role("link", name="Si 13", exact=True).click()
    expect(page).to_have_url(f"{long_letter}#within-Si")
    expect(page.locator("h3#within-Si")).to_be_in_viewport()
    expect(page.get_by_role("link", name="Σ notation", exact=True)).to_be_in_viewport()
    page.goto(long_letter)
    within.get_by_role("link", name="Sy 12", exact=True).click()
    expect(page.locator("h3#within-Sy")).to_be_in_viewport()
    expect(page.get_by_role("link", name="Syket 011", exact=True)).to_be_in_viewport()


def test_axe_finds_nothing_above_minor_on_a_letter_page_in_parts(
    open_page: OpenPage, long_letter: str
) -> None:
    page = open_page()
    page.goto(long_letter)
    expect(page.locator("section.letter-part h3")).to_have_count(len(LONG_S_PARTS))
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, "a-z/s/index.html in parts")
