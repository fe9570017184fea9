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


def markup_warnings(site: Path, expected: list[str]) -> list[str]:
    """Build the site, then build it with --strict: both say `expected` (each warning's place
    and the markup it quotes), --strict fails, neither with a traceback; the build's lines."""
    built = run_glossary("build", cwd=site)
    strict = run_glossary("build", "--strict", cwd=site)
    assert built.returncode == 0, built.stderr
    for result in (built, strict):
        said = [line for line in result.stderr.splitlines() if "plain text and shows it as written" in line]
        assert [line.split(": warning: '")[0] + " " + line.split("'")[1] for line in said] == expected
        assert "Traceback" not in result.stderr
    assert strict.returncode == 1
    return built.stderr.splitlines()


def test_markup_in_plain_text_fields_is_a_warning_at_its_line_for_each_field(tmp_path: Path) -> None:
    """Was silent: the heading read "**Loss**", the summary showed its backticks and brackets
    in every list and search result, and site.yml's description its link, with no word."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("description: Three terms for tests.", "description: Three [terms](/) for tests.")
    settings.write_text(text + "categories:\n  Concepts: The __core ideas__.\n", encoding="utf-8")
    write_files(site, {"content/terms/loss.md": LOSS, "content/tools/hammer.md": HAMMER})

    lines = markup_warnings(
        site,
        [
            "content/site.yml:2 [terms](/)",
            "content/site.yml:14 __core ideas__",
            "content/terms/loss.md:2 **Loss**",
            "content/terms/loss.md:4 `down`",
            "content/terms/loss.md:5 [[Tensor]]",
            "content/terms/loss.md:7 $L$",
            "content/terms/loss.md:7 <em>",
            "content/tools/hammer.md:3 *sturdy*",
            "content/tools/hammer.md:3 [the shop](https://hammer.example/)",
        ],
    )
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


GRADIENT = """---
title: Gradient
summary: The slope of the loss.
definition: The **gradient** points uphill, see [[Tensor]].
category: _Maths_
tags: [calculus, "<b>key</b>"]
related: [tensor, model-training]
tables:
  - title: "Steps by
      *optimiser*"
    intro: Each **optimiser** takes [[Tensor|tensors]].
    columns: [Optimiser, "`lr`", "Rate, $\\\\eta$"]
    rows:
      - [SGD, "**0.1**", "$10^{-2}$"]
sources:
  - title: The [[Tensor]] paper
    url: https://example.org/paper/
cta:
  heading: Try <b>it</b>
  text: >-
    Plan a stack
    with **one** question.
  button: Go
  url: https://example.org/go/
updated: 2025-01-01
---
"""
TOOLS = """tools:
  categories:
    Hand tools: Things you [hold](https://hammer.example/).
  attributes:
    pricing: [free]
stack_builder:
  title: The `stack`
  intro: Answer **one** question, see [Tensor](/terms/tensor/).
  questions:
    - id: budget
      question: What is your <em>budget</em>?
      answers:
        - id: free
          label: Free, like [[Hammer]]
          prefer: {pricing: free}
        - id: any
          label: Anything
          prefer: {}
  layers:
    - id: kit
      title: The $K$ kit
      tools: {pricing: free}
"""
FREE_HAMMER = """---
title: Hammer
summary: A sturdy hammer.
url: https://hammer.example/
category: Hand tools
attributes: {pricing: free}
---
"""


def test_markup_in_tables_sources_names_calls_to_action_and_the_stack_builder_is_a_warning(
    tmp_path: Path,
) -> None:
    """Was silent: a table's heading and column names, a source's link text, a category or tag,
    a call to action's words, a tool category's description and the Stack Builder's title,
    questions, answers and layers all showed their marks. Their Markdown neighbours (the table's
    intro and cells, the Stack Builder's intro) say nothing."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    text = settings.read_text(encoding="utf-8").replace("a tool for each", "a *tool* for each")
    settings.write_text(text + TOOLS, encoding="utf-8")
    write_files(site, {"content/terms/gradient.md": GRADIENT, "content/tools/hammer.md": FREE_HAMMER})

    lines = markup_warnings(
        site,
        [
            "content/site.yml:10 *tool*",
            "content/site.yml:15 [hold](https://hammer.example/)",
            "content/site.yml:19 `stack`",
            "content/site.yml:23 <em>",
            "content/site.yml:26 [[Hammer]]",
            "content/site.yml:33 $K$",
            "content/terms/gradient.md:5 _Maths_",
            "content/terms/gradient.md:6 <b>",
            "content/terms/gradient.md:10 *optimiser*",
            "content/terms/gradient.md:12 $\\eta$",
            "content/terms/gradient.md:12 `lr`",
            "content/terms/gradient.md:16 [[Tensor]]",
            "content/terms/gradient.md:19 <b>",
            "content/terms/gradient.md:22 **one**",
        ],
    )
    assert (
        "content/site.yml:26: warning: '[[Hammer]]' is a wiki-link, but an answer's label is plain "
        "text and shows it as written; write the name without the brackets, and link the term's page "
        "from the Stack Builder's intro with a Markdown link: [Transformer](/terms/transformer/)"
    ) in lines
    assert (
        "content/terms/gradient.md:10: warning: '*optimiser*' is Markdown, but a table's title is plain "
        "text and shows it as written; write the words without the marks (Markdown works in the "
        "table's intro and cells)"
    ) in lines
    page = parse_html(site / "_site/terms/gradient/index.html")
    assert present(page.select_one(".data-table h2")).get_text().startswith("Steps by *optimiser*")
    assert present(page.select_one(".cta h2")).get_text() == "Try <b>it</b>"
    builder = parse_html(site / "_site/stack-builder/index.html")
    assert present(builder.find("legend")).get_text() == "What is your <em>budget</em>?"
