"""The "Edit this page" link a site with `edit_url` gives every term and tool page, in Chromium."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from conftest import OpenPage, serve, tab_to
from playwright.sync_api import expect
from support import copy_site, run_glossary

EDITOR = "https://github.com/acme/glossary/edit/main/"


@pytest.fixture(scope="module")
def edited_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site with an edit_url, served at the root of its own address."""
    root = tmp_path_factory.mktemp("edit-link")
    site = copy_site("example", root)
    with (site / "content/site.yml").open("a", encoding="utf-8") as settings:
        settings.write(f"edit_url: {EDITOR}\n")
    built = run_glossary("build", "--strict", "--no-search", "--out", root / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(root / "www") as address:
        yield address


@pytest.mark.parametrize(
    ("path", "file"),
    [("terms/transformer/", "content/terms/transformer.md"), ("tools/chroma/", "content/tools/chroma.md")],
)
def test_the_edit_link_is_reached_by_keyboard_after_the_article_and_leads_to_the_file(
    open_page: OpenPage, edited_url: str, path: str, file: str
) -> None:
    page = open_page()
    page.goto(f"{edited_url}/{path}")
    link = page.get_by_role("link", name="Edit this page")
    expect(link).to_be_visible()
    expect(link).to_have_attribute("href", EDITOR + file)
    assert link.evaluate("a => !!a.closest('article')"), "with the article it edits"
    tab_to(page, link)


def test_the_edit_link_is_left_out_of_a_printed_term(open_page: OpenPage, edited_url: str) -> None:
    page = open_page()
    page.goto(f"{edited_url}/terms/transformer/")
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Edit this page")).to_be_hidden()
    expect(page.locator("article.term .updated")).to_be_visible()


@pytest.mark.parametrize("path", ["terms/transformer/", "tools/chroma/"])
def test_axe_finds_nothing_above_minor_on_pages_with_an_edit_link(
    open_page: OpenPage, edited_url: str, path: str
) -> None:
    page = open_page()
    page.goto(f"{edited_url}/{path}")
    page.get_by_role("link", name="Edit this page").scroll_into_view_if_needed()
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, f"{path} with an edit link")
