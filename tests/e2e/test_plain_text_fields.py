"""Markup in plain-text fields (titles, summaries, aliases, site.yml's description): the page
shows it as written, so each is a warning at its line, all in one run."""

from __future__ import annotations

from pathlib import Path

from support import copy_site, parse_html, present, run_glossary, write_files

LOSS = """---
title: "**Loss**"
summary: How wrong a model is, as
  a number training brings `down`,
  see [[Tensor]].
definition: The **loss** of a model says how wrong it is.
aliases: [Cost <em>function</em>, "$L$", snake_case_loss]
related: [tensor]
updated: 2025-01-01
---
"""
HAMMER = """---
title: Hammer
summary: A *sturdy* hammer, see [the shop](https://hammer.example/).
url: https://hammer.example/
---
"""


def test_markup_in_plain_text_fields_is_a_warning_at_its_line_for_each_field(tmp_path: Path) -> None:
    """Was silent: the heading read "**Loss**", the summary showed its backticks and brackets
    in every list and search result, and site.yml's description its link, with no word."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("description: Three terms for tests.", "description: Three [terms](/) for tests.")
    settings.write_text(text + "categories:\n  Concepts: The __core ideas__.\n", encoding="utf-8")
    write_files(site, {"content/terms/loss.md": LOSS, "content/tools/hammer.md": HAMMER})

    built = run_glossary("build", cwd=site)
    strict = run_glossary("build", "--strict", cwd=site)

    assert built.returncode == 0, built.stderr
    plain = "plain text and shows it as written"
    for result in (built, strict):
        said = [line for line in result.stderr.splitlines() if plain in line]
        assert [line.split(": warning: '")[0] + " " + line.split("'")[1] for line in said] == [
            "content/site.yml:2 [terms](/)",
            "content/site.yml:14 __core ideas__",
            "content/terms/loss.md:2 **Loss**",
            "content/terms/loss.md:4 `down`",
            "content/terms/loss.md:5 [[Tensor]]",
            "content/terms/loss.md:7 $L$",
            "content/terms/loss.md:7 <em>",
            "content/tools/hammer.md:3 *sturdy*",
            "content/tools/hammer.md:3 [the shop](https://hammer.example/)",
        ]
        assert "Traceback" not in result.stderr
    assert strict.returncode == 1
    lines = built.stderr.splitlines()
    assert (
        "content/terms/loss.md:2: warning: '**Loss**' is Markdown, but a title is plain text and shows "
        "it as written; write the words without the marks (Markdown works in the definition and body)"
    ) in lines
    assert (
        "content/terms/loss.md:5: warning: '[[Tensor]]' is a wiki-link, but a summary is plain text and "
        "shows it as written; write the name without the brackets, and link the term from the "
        "definition or body, or list it in 'related'"
    ) in lines
    page = parse_html(site / "_site/terms/loss/index.html")
    assert present(page.find("h1")).get_text(strip=True) == "**Loss**"
