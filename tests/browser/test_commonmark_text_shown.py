"""Bare web addresses, `\\` line breaks, `~~strikethrough~~` and emoji shortcodes, as Hugo and
GitHub write them, in Chromium on a phone."""

from __future__ import annotations

from pathlib import Path

from conftest import OpenPage, serve
from playwright.sync_api import expect
from support import run_glossary, write_files

ADDRESS = "https://arxiv.org/abs/1706.03762?utm_source=a-long-query-string-that-runs-on-and-on"

TERM = f"""\
---
title: Transformer
summary: The neural network architecture behind most language models.
definition: A transformer is a neural network built on attention.
---

The paper is at {ADDRESS}, from ~~2016~~ 2017 :tada:. Corrections to editor@example.org.

Google Brain\\
Mountain View, California

| Step | Command |
| --- | --- |
| count the lines | `wc -l \\| sort` |

See [`wc`][] for its options.

> [!TIP]
> Count words with `wc -w`.

> [!WARNING] Pipes and spaces
> Quote file names.

[`wc`]: https://man7.org/linux/man-pages/man1/wc.1.html
"""


def test_a_bare_address_is_a_link_that_fits_and_a_backslash_breaks_the_line(
    open_page: OpenPage, tmp_path: Path
) -> None:
    """Were text: the address to copy by hand, the backslash shown with no break, the reference
    link with code in its label in brackets. The long address wraps inside the phone's width,
    and is reached by keyboard like any link."""
    site = write_files(
        tmp_path,
        {
            "content/site.yml": "title: Models\nbase_url: https://models.example.com/\n",
            "content/terms/transformer.md": TERM,
        },
    )
    assert run_glossary("build", "--no-search", "--out", site / "www", cwd=site).returncode == 0
    page = open_page(viewport={"width": 390, "height": 800})
    with serve(site / "www") as address:
        page.goto(f"{address}/terms/transformer/index.html")
        link = page.locator("article").get_by_role("link", name=ADDRESS)
        expect(link).to_be_visible()
        expect(link).to_have_attribute("href", ADDRESS)
        assert page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"), (
            "the page scrolls sideways"
        )
        box = link.bounding_box()
        assert box and box["x"] + box["width"] <= 390
        link.focus()
        expect(link).to_be_focused()
        mail = page.locator("article").get_by_role("link", name="editor@example.org")
        expect(mail).to_have_attribute("href", "mailto:editor@example.org")
        year = page.locator("article del")
        expect(year).to_have_text("2016")
        assert "line-through" in year.evaluate("del => getComputedStyle(del).textDecorationLine")
        paper = page.locator("article p", has_text="The paper is at")
        expect(paper).to_contain_text("2017 \U0001f389.")  # :tada:, as the emoji
        lines = page.locator("article p", has_text="Google Brain")
        assert lines.evaluate("p => p.innerText") == "Google Brain\nMountain View, California"
        expect(page.locator("article td code")).to_have_text("wc -l | sort")
        tip = page.locator("article .admonition.tip")
        expect(tip).to_be_visible()
        expect(tip.locator(".admonition-title")).to_have_text("Tip")
        expect(tip).to_contain_text("Count words with wc -w.")
        titled = page.locator("article .admonition.warning")
        expect(titled.locator(".admonition-title")).to_have_text("Pipes and spaces")
        expect(titled).to_contain_text("Quote file names.")
        manual = page.locator("article").get_by_role("link", name="wc", exact=True)
        expect(manual).to_have_attribute("href", "https://man7.org/linux/man-pages/man1/wc.1.html")
