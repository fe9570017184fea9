"""A task list (`- [x] done`, `- [ ] to do`, as GitHub, Hugo and MkDocs write it) as a reader
sees it: each box where the item's bullet was, its text lined up with the other items', in
light and dark."""

from __future__ import annotations

from pathlib import Path

from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from conftest import OpenPage, built_terms, serve
from playwright.sync_api import expect

TERM = """\
---
title: Release
summary: Publishing a new version of a model.
definition: A release publishes a new version of a model, with its weights and its card.
---

## Checklist

- [x] Write the model card
- [ ] Publish the weights
- Announce it
"""


def test_each_box_stands_where_the_bullet_was(open_page: OpenPage, tmp_path: Path) -> None:
    """Was: "[x]" and "[ ]" shown as written, after the bullets."""
    page = open_page(viewport={"width": 390, "height": 800})
    with serve(built_terms(tmp_path, {"release": TERM})) as address:
        page.goto(f"{address}/terms/release/index.html")
        items = page.locator("article .prose li")
        expect(items).to_have_text(["☑ Write the model card", "☐ Publish the weights", "Announce it"])
        expect(page.locator("article")).not_to_contain_text("[x]")
        bullets = items.evaluate_all("items => items.map(item => getComputedStyle(item).listStyleType)")
        assert bullets == ["none", "none", "disc"], bullets
        texts = items.evaluate_all(
            "items => items.map(item => { const r = document.createRange();"
            " const text = [...item.childNodes].find(n => n.nodeType === 3 && n.textContent.trim());"
            " r.selectNodeContents(text); return r.getBoundingClientRect().left; })"
        )
        assert max(texts) - min(texts) < 4, f"the items' text starts at {texts}"
        box = page.locator(".task-box").first.bounding_box()
        assert box is not None and box["x"] + box["width"] <= texts[0] + 1, "the box overlaps the text"
        assert_axe_finds_nothing_above_minor_in_either_scheme(page, "a task list")
