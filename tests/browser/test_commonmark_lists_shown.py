"""Lists as CommonMark reads them (nested 2 spaces under '- ', or right under a paragraph), in
Chromium on a phone."""

from __future__ import annotations

from pathlib import Path

from conftest import OpenPage, serve
from playwright.sync_api import expect
from support import run_glossary, write_files

TERM = """\
---
title: Fine-tuning
summary: Adapting a trained model to a narrower task.
definition: Fine-tuning trains a pre-trained model further on a smaller dataset.
---

1) Collect examples:
   - prompts
     - written by experts
2) Train.

   Start from the checkpoint, with a lower learning rate.

Watch for:
- overfitting
- forgetting
"""


def test_lists_nested_by_2_spaces_or_under_text_are_shown_as_lists(
    open_page: OpenPage, tmp_path: Path
) -> None:
    """Was one flat list, the step's second paragraph shown after the list at its edge, and the
    list under 'Watch for:' one line of text. Each nested item starts right of the text of the
    item it is in, with a marker of its own, and the paragraph lines up with its step's text."""
    site = write_files(
        tmp_path,
        {
            "content/site.yml": "title: Models\nbase_url: https://models.example.com/\n",
            "content/terms/fine-tuning.md": TERM,
        },
    )
    assert run_glossary("build", "--no-search", "--out", site / "www", cwd=site).returncode == 0
    page = open_page(viewport={"width": 390, "height": 800})
    with serve(site / "www") as address:
        page.goto(f"{address}/terms/fine-tuning/index.html")
        steps = page.locator("article ol > li")
        expect(steps).to_have_count(2)
        nested = steps.first.locator(":scope > ul > li")
        expect(nested).to_have_count(1)
        expect(nested).to_contain_text("prompts")
        deeper = nested.locator(":scope > ul > li")
        expect(deeper).to_have_text("written by experts")
        lefts = [
            item.evaluate("li => li.getBoundingClientRect().left") for item in (steps.first, nested, deeper)
        ]
        assert lefts[0] < lefts[1] < lefts[2], lefts
        markers = [item.evaluate("li => getComputedStyle(li).display") for item in (nested, deeper)]
        assert markers == ["list-item", "list-item"]
        paragraph = steps.nth(1).locator("p", has_text="Start from the checkpoint")
        expect(paragraph).to_be_visible()
        step_text = steps.nth(1).locator("p").first.bounding_box()
        box = paragraph.bounding_box()
        assert step_text and box and abs(box["x"] - step_text["x"]) < 1
        watch = page.locator("article p", has_text="Watch for:")
        expect(watch).to_have_text("Watch for:")
        risks = page.locator("article p:has-text('Watch for:') + ul > li")
        expect(risks).to_have_text(["overfitting", "forgetting"])
        assert [item.evaluate("li => getComputedStyle(li).display") for item in risks.all()] == [
            "list-item",
            "list-item",
        ]
