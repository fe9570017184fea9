"""Markdown inside HTML marked `markdown` (a MkDocs Material page's `<details markdown>` and
`<div class="grid cards" markdown>`) as a reader sees it: formatted, its links followed."""

from __future__ import annotations

from pathlib import Path

from conftest import OpenPage, built_terms, serve
from playwright.sync_api import expect

TERM = """\
---
title: Tensor
summary: A multi-dimensional array of numbers.
definition: A tensor is an array with any number of axes.
---

<details markdown="1">
<summary>Shapes in practice</summary>

An image batch is a **rank-4** tensor, trained on a [[GPU]].

</details>

<div class="grid cards" markdown>

- **Scalars** have no axes
- **Vectors** have one

</div>
"""
GPU = """\
---
title: GPU
summary: A processor built for parallel arithmetic.
definition: A GPU runs many arithmetic operations at once, which is why a tensor trains fast on it.
---
"""


def test_marked_html_shows_its_markdown_formatted_and_its_links_work(
    open_page: OpenPage, tmp_path: Path
) -> None:
    """Was: the asterisks and the brackets shown as written."""
    page = open_page()
    with serve(built_terms(tmp_path, {"tensor": TERM, "gpu": GPU})) as address:
        page.goto(f"{address}/terms/tensor/index.html")
        article = page.locator("article")
        expect(article).not_to_contain_text("**")
        expect(article.locator("li strong")).to_have_text(["Scalars", "Vectors"])
        link = article.get_by_role("link", name="GPU", exact=True)
        expect(link).to_be_hidden()  # in the closed box
        article.get_by_text("Shapes in practice").click()
        expect(article.locator("details strong")).to_have_text("rank-4")
        link.click()
        expect(page).to_have_url(f"{address}/terms/gpu/index.html")
