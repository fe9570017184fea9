"""A code fence indented in a list item, as MkDocs Material and Hugo write it, in Chromium."""

from __future__ import annotations

from pathlib import Path

from conftest import OpenPage, serve
from playwright.sync_api import expect
from support import run_glossary, write_files

TERM = """\
---
title: Install
summary: How to install the tool.
definition: The steps that put the tool on a machine.
---

1. Install it:
   ```bash
   pip install "glossary-site @ git+https://github.com/example/glossary-site@a-long-commit-name-that-runs-on"
   ```
2. Preview the site.
"""


def test_a_fence_in_a_list_item_reads_as_a_code_block_inside_the_step(
    open_page: OpenPage, tmp_path: Path
) -> None:
    """Was a paragraph of text with the fences in it. The block starts under the step's text,
    not at the list's edge, and its long line scrolls inside it, by keyboard too."""
    site = write_files(
        tmp_path,
        {
            "content/site.yml": "title: Tools\nbase_url: https://tools.example.com/\n",
            "content/terms/install.md": TERM,
        },
    )
    assert run_glossary("build", "--no-search", "--out", site / "www", cwd=site).returncode == 0
    page = open_page(viewport={"width": 390, "height": 800})
    with serve(site / "www") as address:
        page.goto(f"{address}/terms/install/index.html")
        steps = page.locator("article ol > li")
        expect(steps).to_have_count(2)
        code = steps.first.locator("pre")
        expect(code).to_be_visible()
        expect(code).to_have_text(
            'pip install "glossary-site @ git+https://github.com/example/glossary-site@a-long-commit-name-that-runs-on"'
        )
        expect(steps.first).not_to_contain_text("```")
        step, block = steps.first.bounding_box(), code.bounding_box()
        assert (
            step
            and block
            and block["x"] >= step["x"]
            and block["x"] + block["width"] <= step["x"] + step["width"] + 1
        )
        assert code.evaluate("pre => pre.scrollWidth > pre.clientWidth"), "the long line scrolls in the block"
        code.focus()
        expect(code).to_be_focused()
        page.keyboard.press("ArrowRight")
        page.wait_for_function("pre => pre.scrollLeft > 0", arg=code.element_handle())
