"""A glossary past 1,000 A to Z entries opened in Chromium: the home page's jump bar leads to each
letter's own page, which lists that letter's entries, and axe finds nothing on either page in
the light or the dark scheme."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from conftest import OpenPage, serve
from forced_colours import system_colours
from playwright.sync_api import Page, expect
from support import big_a_to_z_site, run_glossary


@pytest.fixture(scope="module")
def big_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = big_a_to_z_site(tmp_path_factory.mktemp("big") / "site")
    built = run_glossary("build", "--no-search", "--out", site / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(site / "www") as address:
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
