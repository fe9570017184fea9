"""A home page listing hundreds of entries under one letter, opened in Chromium: entries far off
screen wait to be laid out until the reader scrolls near them (a 10,000-term glossary's home
page froze for seconds while every entry was laid out), yet every entry is in the page and the
letter links and the End key still lead where they should."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import serve
from playwright.sync_api import Page, expect
from support import run_glossary, write_files

COUNT = 300
TERM = """---
title: {title}
summary: {title}, one of many terms the home page lists under one letter.
definition: "The definition of {title}."
aliases: [{alias}]
---
"""


@pytest.fixture(scope="module")
def long_home(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Terms 'Term 000' to 'Term 299' (aliases 'Other name 000'...) and one 'Zeta', served."""
    files = {
        f"content/terms/term-{i:03d}.md": TERM.format(title=f"Term {i:03d}", alias=f"Other name {i:03d}")
        for i in range(COUNT)
    }
    files["content/terms/zeta.md"] = TERM.format(title="Zeta", alias="Last letter")
    files["content/site.yml"] = "title: Long A to Z\nbase_url: https://long.example.com/\n"
    site = write_files(tmp_path_factory.mktemp("long-home"), files)
    built = run_glossary("build", "--no-search", "--out", site / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(site / "www") as address:
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
