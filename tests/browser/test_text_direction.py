"""A glossary with text in a right-to-left script, opened in Chromium as its readers see it."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import OpenPage, serve
from playwright.sync_api import Locator
from support import copy_site, run_glossary

ARABIC = """---
title: شبكة عصبية
slug: shabaka
summary: نموذج حسابي مستوحى من الدماغ.
definition: "**شبكة عصبية** نموذج حسابي يتكون من طبقات."
related: [tensor, gpu]
updated: 2025-01-01
---

تتكون الشبكة العصبية من طبقات (مدخلات، ومخرجات).

An English paragraph after it.
"""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = copy_site("minimal", tmp_path_factory.mktemp("languages"))
    (site / "content/terms/shabaka.md").write_text(ARABIC, encoding="utf-8")
    built = run_glossary("build", "--no-search", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(site / "_site") as address:
        yield address


def text_edges(block: Locator) -> dict[str, float]:
    """Where the block's text starts and ends on screen, and where its first and last
    characters are: in a right-to-left line the last one (a full stop) is the leftmost."""
    return dict(
        block.evaluate(
            """(block) => {
                const range = document.createRange();
                range.selectNodeContents(block);
                const whole = range.getBoundingClientRect();
                const box = block.getBoundingClientRect();
                const node = block.lastChild;
                range.setStart(node, node.length - 1); range.setEnd(node, node.length);
                const last = range.getBoundingClientRect();
                const first = block.firstChild;
                range.setStart(first, 0); range.setEnd(first, 1);
                const start = range.getBoundingClientRect();
                return {left: whole.left - box.left, right: box.right - whole.right,
                        last: last.left, first: start.left};
            }"""
        )
    )


def test_a_paragraph_in_arabic_reads_from_the_right_and_ends_with_its_own_full_stop(
    open_page: OpenPage, site_url: str
) -> None:
    """Was: it lined up on the left like the English around it, its full stop sat at its right
    end (its start, to an Arabic reader) and '(مدخلات، ومخرجات).' was torn apart."""
    page = open_page()
    page.goto(f"{site_url}/terms/shabaka/index.html")
    for block in [page.locator(".term-summary"), page.locator(".prose p").first]:
        edges = text_edges(block)
        assert edges["right"] < 1 < edges["left"], edges  # flush right
        assert edges["last"] < edges["first"], edges  # the full stop ends the line on its left
    english = text_edges(page.locator(".prose p").last)
    assert english["left"] < 1 < english["right"] and english["first"] < english["last"], english
