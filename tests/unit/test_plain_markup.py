"""plain_markup: Markdown, HTML, wiki-links and formulas written in a plain-text field, which
the page shows as written, are named once a kind, and words that only look like markup are not."""

from __future__ import annotations

import pytest

from glossary_site import yaml_lines
from glossary_site.diagnostics import Diagnostics
from glossary_site.plain_markup import (
    EACH,
    Field,
    FieldPath,
    plain_markup,
    plain_markup_problems,
    warn_of_markup,
)
from glossary_site.tools import parse_tool

SUMMARY = Field("a summary", "the definition and body", "and link the term from the definition or body")

MARKUP = [
    ("The **loss** of a model.", "'**loss**' is Markdown", "without the marks"),
    ("The __whole loss__ of a model.", "'__whole loss__' is Markdown", "without the marks"),
    ("The *loss* of a model.", "'*loss*' is Markdown", "without the marks"),
    ("The _loss_ of a model.", "'_loss_' is Markdown", "without the marks"),
    ("The ~~old~~ loss of a model.", "'~~old~~' is Markdown", "without the marks"),
    ("Says how [wrong](https://x.org/) it is.", "'[wrong](https://x.org/)' is a Markdown link", "link"),
    ("Close to [[Transformer]] models.", "'[[Transformer]]' is a wiki-link", "definition or body"),
    ("Calls `fit()` first.", "'`fit()`' is a Markdown code span", "without the backticks"),
    ("A <b>bold</b> claim.", "'<b>' is an HTML tag", "without the tag"),
    ('See <a href="https://x.org/">this</a>.', "'<a href=\"https://x.org/\">' is an HTML tag", "tag"),
    ("Its loss, $L = -\\log p$.", "'$L = -\\log p$' is a formula", "words or with Unicode"),
]


@pytest.mark.parametrize(("text", "said", "instead"), MARKUP, ids=[m[1][:24] for m in MARKUP])
def test_each_kind_of_markup_is_named_with_what_to_write(text: str, said: str, instead: str) -> None:
    found = plain_markup(text, SUMMARY)

    assert len(found) == 1, found
    offset, message = found[0]
    assert said in message and instead in message
    assert "a summary is plain text and shows it as written" in message
    assert "the definition" in message
    assert text[offset:].startswith(said.split("'")[1][:3])


@pytest.mark.parametrize(
    "text",
    [
        "C++", "C#", "F#", "__init__", "__main__ module", "$5 plan", "$5 and $10", "US$25 to US$30",
        "A*B search", "A* search", "R&D", "<3", "C*-algebra", "snake_case_name", "2*3*4", "a * b * c",
        "*args and **kwargs", "*nix and *BSD", "Vec<String>", "x < y > z", "[citation needed]",
        "It's 5 o'clock", "Rock `n' roll", "~5 km to ~10 km", "a ~~ b", "x~~y",
    ],
)  # fmt: skip
def test_words_that_only_look_like_markup_are_quiet(text: str) -> None:
    assert plain_markup(text, SUMMARY) == []


def test_one_warning_per_kind_in_text_order_and_marks_in_code_or_formulas_are_not_emphasis() -> None:
    text = "A **b** and **c**, `*d*` and $x_1 * y_1$, [e](f) and [g](h), *i*."

    found = plain_markup(text, SUMMARY)

    assert [message.split("'")[1] for _, message in found] == ["**b**", "`*d*`", "$x_1 * y_1$", "[e](f)"]
    assert [offset for offset, _ in found] == sorted(offset for offset, _ in found)


def test_the_line_is_the_one_the_markup_is_on_in_a_value_over_several_lines() -> None:
    """A plain YAML value folded over lines loads as one line; `breaks` say where each file
    line starts in it (yaml_lines.Located.breaks_of)."""
    text = "How wrong a model is, written as a number that training brings down, [[Loss]]"
    second = text.index("written")
    third = text.index("[[")

    found = list(plain_markup_problems(text, SUMMARY, 7, (second, third)))

    assert [line for line, _ in found] == [9]


def _warned(text: str, fields: dict[str | FieldPath, Field]) -> list[tuple[int, str]]:
    diagnostics = Diagnostics()
    warn_of_markup("content/site.yml", yaml_lines.load(text), fields, diagnostics)
    return [(found.line, found.message.split("'")[1]) for found in diagnostics.warnings]


def test_a_field_inside_lists_and_mappings_is_reached_by_its_path_and_its_neighbours_are_not() -> None:
    """A table's title and column names, a block's heading, a question's answers: plain text
    beside Markdown (the table's intro) in the same item, so only the named keys are checked.
    A value of another shape on the way (its own check's error) is passed over."""
    text = (
        "tables:\n"
        "  - title: The *first*\n"
        "    intro: The **intro** is Markdown.\n"
        "    columns: [Name, '`lr`']\n"
        "  - title: Second\n"
        "    columns:\n"
        "      - Plain\n"
        "      - A <b>bold</b> one\n"
        "blocks:\n"
        "  start: {heading: '[[Go]]', url: 'https://x.org/[[y]]'}\n"
        "sources: Not a list, *marks* and all\n"
        "cta: false\n"
    )
    fields: dict[str | FieldPath, Field] = {
        ("tables", EACH, "title"): SUMMARY,
        ("tables", EACH, "columns"): SUMMARY,
        ("blocks", EACH, "heading"): SUMMARY,
        ("sources", EACH, "title"): SUMMARY,
        ("cta", "heading"): SUMMARY,
    }

    assert sorted(_warned(text, fields)) == [(2, "*first*"), (4, "`lr`"), (8, "<b>"), (10, "[[Go]]")]


def test_a_tools_category_is_plain_text() -> None:
    text = "---\ntitle: Hammer\nsummary: A hammer.\nurl: https://x.org/\ncategory: '**Hand** tools'\n---\n"
    diagnostics = Diagnostics()

    parse_tool("content/tools/hammer.md", text, "digest", None, diagnostics)

    assert [(found.line, found.message) for found in diagnostics.warnings] == [
        (
            5,
            "'**Hand**' is Markdown, but a category is plain text and shows it as written; "
            "write the words without the marks (Markdown works in the body)",
        )
    ]
