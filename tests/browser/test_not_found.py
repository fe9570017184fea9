"""The 404 page as a host shows it: at whatever address the reader mistyped, however deep."""

from __future__ import annotations

from pathlib import Path

from conftest import SUB_PATH, NotFoundPageHandler, OpenPage, serve
from playwright.sync_api import Page, expect

#: What the style sheet gives every page: the header's background and the font.
LOOK = (
    "[getComputedStyle(document.querySelector('.site-header')).backgroundColor,"
    " getComputedStyle(document.body).fontFamily]"
)


def look(page: Page) -> list[str]:
    return list(page.evaluate(LOOK))


def test_a_missing_address_deep_in_the_site_shows_the_styled_not_found_page_whose_links_work(
    open_page: OpenPage, example_build: Path
) -> None:
    """The page is served at the missing address, not at /404.html, so its links and assets
    must not be relative to where it was written."""
    with serve(example_build.parent, NotFoundPageHandler) as address:
        site = f"{address}/{SUB_PATH}"
        page = open_page()
        page.goto(f"{site}/index.html")
        home_look = look(page)
        response = page.goto(f"{site}/terms/no-such-term/old/")
        assert response is not None and response.status == 404
        expect(page.locator("h1")).to_have_text("Page not found")
        assert look(page) == home_look, "the site's style sheet applies"
        expect(page.locator("header .theme-toggle")).to_be_visible()  # the theme's scripts ran

        page.keyboard.press("Control+k")
        expect(page.locator("#site-search")).to_be_focused()  # keys typed before it is are lost
        page.keyboard.type("token")
        options = page.get_by_role("listbox", name="Matching terms").get_by_role("option")
        expect(options.first).to_contain_text("Token")

        page.goto(f"{site}/terms/no-such-term/old/")
        page.locator("main").get_by_role("link", name="search", exact=True).click()
        expect(page).to_have_url(f"{site}/search/index.html")
        expect(page.get_by_role("searchbox", name="Full-text search", exact=True)).to_be_visible()
        page.go_back()
        page.locator("main").get_by_role("link", name="A–Z index").click()
        expect(page).to_have_url(f"{site}/index.html")


def test_on_a_phone_the_a_to_z_link_is_never_split_after_its_dash(
    open_page: OpenPage, example_build: Path
) -> None:
    """Was: 'A\u2013' at the end of one line and 'Z index' on the next, at 390 px."""
    with serve(example_build.parent, NotFoundPageHandler) as address:
        page = open_page(viewport={"width": 390, "height": 844})
        page.goto(f"{address}/{SUB_PATH}/terms/no-such-term/")
        for link in page.locator("main a.az-link").all():
            assert len(link.evaluate("a => [...a.getClientRects()]")) == 1, "one line box"
        expect(page.locator("main a.az-link")).to_have_text("A\u2013Z index")
