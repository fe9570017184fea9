"""Categories and tags named in a script with no a-z spelling, opened in Chromium: a term's
link to its category or tag leads to that page, served and opened from disk alike."""

from __future__ import annotations

import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import OpenPage, serve
from playwright.sync_api import expect
from support import copy_site, run_glossary

TERM = "terms/shabaka/index.html"  # شبكة عصبية: category التعلم العميق, tags شبكات and نماذج


@pytest.fixture(scope="module")
def arabic_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site written in Arabic, built into www/ar/, its base_url's path."""
    site = copy_site("arabic", tmp_path_factory.mktemp("groups"))
    built = run_glossary("build", "--no-search", "--out", site / "www/ar", cwd=site)
    assert built.returncode == 0, built.stderr
    return site / "www/ar"


@pytest.fixture(scope="module")
def arabic_url(arabic_site: Path) -> Iterator[str]:
    with serve(arabic_site.parent) as address:
        yield f"{address}/ar"


@pytest.mark.parametrize(
    ("link", "folder", "heading"),
    [
        (".category a", "categories/التعلم-العميق", "Category: التعلم العميق"),
        (".tags a >> nth=1", "tags/نماذج", "Tag: نماذج"),
    ],
    ids=["category", "tag"],
)
def test_a_terms_link_to_its_arabic_category_or_tag_lands_on_that_page(
    open_page: OpenPage, arabic_url: str, link: str, folder: str, heading: str
) -> None:
    """Was: no such page; the build failed, as 'التعلم العميق' had no a-z letter for its address."""
    page = open_page()
    page.goto(f"{arabic_url}/{TERM}")

    page.locator(link).click()

    expect(page).to_have_url(f"{arabic_url}/{urllib.parse.quote(folder)}/index.html")
    expect(page.locator("h1")).to_contain_text(heading)  # after the mark of a right-to-left site
    expect(page.locator(".term-list a", has_text="شبكة عصبية")).to_be_visible()


def test_links_between_arabic_categories_work_on_pages_opened_from_disk(
    open_page: OpenPage, arabic_site: Path
) -> None:
    page = open_page()
    page.goto((arabic_site / TERM).as_uri())

    page.locator(".category a").click()
    expect(page).to_have_url((arabic_site / "categories/التعلم-العميق/index.html").as_uri())
    expect(page.locator("h1")).to_contain_text("Category: التعلم العميق")
    page.locator(".breadcrumb a").nth(1).click()  # all categories
    page.locator(".cards a", has_text="الرياضيات").click()

    expect(page.locator("h1")).to_contain_text("Category: الرياضيات")
    expect(page.locator(".term-list a", has_text="موتر")).to_be_visible()
