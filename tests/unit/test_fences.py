"""Code fences the Markdown engine would not read are found at their lines, and only those."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from glossary_site import markup
from glossary_site.fences import fence_problems, unclosed_fences

GOOD = [
    "```\ncode\n```",
    "```python\ncode\n```",
    "``` python\ncode\n```",
    "~~~~ .python\ncode\n~~~~",
    '```python hl_lines="1 2"\ncode\n```',
    '```{.python hl_lines="1"}\ncode\n```',
    # code that shows a fence the engine would not read is only code
    "````markdown\n```python app.py\nx = 1\n```\n````",
    "Text with ``` in it, and ``inline`` code.",
    "```print()``` writes a line.\n\n```\ncode\n```",
    "``` is how a fence starts, as the last line",
]


@pytest.mark.parametrize("text", GOOD)
def test_fences_the_engine_reads_and_code_that_shows_them_are_not_reported(text: str) -> None:
    assert list(fence_problems(text, 1)) == []


def test_words_after_a_fences_language_are_reported_at_its_line() -> None:
    text = "Intro.\n\n```python app.py\nx = 1\n```\n\n## Next\n\n```js the client\ny\n```\n"
    assert [(line, message.split(", or ")[0]) for line, message in fence_problems(text, 1)] == [
        (3, 'a code fence takes a language, title="…" and hl_lines="…" only, not \'app.py\''),
        (9, 'a code fence takes a language, title="…" and hl_lines="…" only, not \'the client\''),
    ]


def test_what_is_reported_is_what_the_engine_garbles() -> None:
    """The check follows the engine: a fence it reports swallows the heading after it."""
    text = "```python app.py\nx = 1\n```\n\n## Next\n\nText.\n\n```\ny\n```\n"
    assert "<h2" not in markup.site_markdown(text, "")
    assert "<h2" in markup.site_markdown(text.replace(" app.py", ""), "")
    assert [line for line, _ in fence_problems(text, 1)] == [1]


def test_a_myst_directive_with_an_argument_is_named_with_what_to_write() -> None:
    """The engine garbles it as any fence with more than a language; the message says what it is."""
    text = "Intro.\n\n```{admonition} Mind the gap\nText.\n```\n\n```{code-block} python\nx = 1\n```\n"

    assert list(fence_problems(text, 5)) == [
        (
            7,
            "'```{admonition} Mind the gap' is a MyST directive, which is not read here: a code fence "
            'takes a language, title="…" and hl_lines="…" only, so this block and the text after it '
            "come out garbled; write '!!! note \"Mind the gap\"' with its text indented by 4 spaces for a "
            "box, or a quotation (> …)",
        ),
        (
            11,
            "'```{code-block} python' is a MyST directive, which is not read here: a code fence takes "
            'a language, title="…" and hl_lines="…" only, so this block and the text after it come out '
            "garbled; write a fenced code block with the language alone: ```python",
        ),
    ]


def test_hl_lines_takes_ranges_and_a_value_naming_no_lines_is_reported_at_its_line() -> None:
    """MkDocs Material writes ranges ("1 3-5"); Python-Markdown highlighted nothing for them."""
    code = "a\nb\nc\nd\ne\n```"
    text = (
        f'Intro.\n\n```python hl_lines="1 3-4"\n{code}\n\n~~~{{.python hl_lines="2-3"}}\na\nb\nc\n~~~\n\n'
        f"```python hl_lines=\"3-1\"\n{code}\n\n```js hl_lines='a'\n{code}\n"
    )
    pages = [markup.site_markdown(text, "")]
    pages += [markup.Converter(fast=fast).convert_text(text, 1)[0] for fast in (True, False)]

    for page in pages:
        blocks = BeautifulSoup(page, "html.parser").find_all("div", class_="highlight")
        marked = [
            [line.get_text().strip() for line in block.find_all("span", class_="hll")] for block in blocks
        ]
        assert marked == [["a", "c", "d"], ["b", "c"], [], []]
    message = (
        'hl_lines="{}" names no lines, so none are highlighted: write line numbers and ranges of the '
        'block\'s lines, from first to last, separated by spaces: hl_lines="1 3-5"'
    )
    assert list(fence_problems(text, 5)) == [(21, message.format("3-1")), (29, message.format("a"))]


def test_a_fence_in_a_quotation_is_checked_as_one_at_the_top_is() -> None:
    """Was: no word of a fence in a quotation with words after its language, nor of one no line
    of its quotation closes (the page shows each as text); in code, a quotation is an example."""
    text = (
        "> ```python app.py\n> z = 3\n> ```\n\n> ```python\n> never closed\n\n"
        "> > ```\n> > nested, open\n\n```\n> ```shown as code\n```\n"
    )
    assert [line for line, _ in fence_problems(text, 10)] == [10]
    unclosed = [index for index, _ in unclosed_fences(text)]
    assert unclosed == [4, 7]
