"""bidi_marks: a block of a right-to-left site that holds Arabic or Hebrew but opens with a
Latin letter gets a right-to-left mark, so that it runs right to left as its reader expects."""

from __future__ import annotations

import pytest

from glossary_site.bidi_marks import RLM, with_marks


@pytest.mark.parametrize(
    ("block", "marked"),
    [
        ("<p><strong>5G والحوسبة</strong> تعني</p>", f"<p>{RLM}<strong>5G والحوسبة</strong> تعني</p>"),
        ('<td class="x">AlphaGo عام 2016</td>', f'<td class="x">{RLM}AlphaGo عام 2016</td>'),
        ("<h1>GPU הוא מעבד</h1>", f"<h1>{RLM}GPU הוא מעבד</h1>"),
        ("<li>GPU هو معالج<ul><li>نص</li></ul></li>", f"<li>{RLM}GPU هو معالج<ul><li>نص</li></ul></li>"),
    ],
    ids=["paragraph", "cell", "hebrew", "list item"],
)
def test_a_block_with_arabic_or_hebrew_that_opens_with_a_latin_letter_is_marked(
    block: str, marked: str
) -> None:
    assert with_marks(block) == marked


@pytest.mark.parametrize(
    "block",
    [
        "<p>تعني 5G شبكة</p>",
        "<p>قُدّمت في ورقة «Attention Is All You Need» عام 2017</p>",
        "<p>An English paragraph.</p><p>نص عربي</p>",
        "<p>2016</p>",
        "<pre><code>GPU هو</code></pre>",
        '<a href="x">GPU</a> هو',
    ],
    ids=["arabic first", "quoted title", "english alone", "number", "code", "no block"],
)
def test_a_block_that_already_runs_its_way_or_is_no_block_is_left_alone(block: str) -> None:
    assert with_marks(block) == block


def test_only_the_text_before_a_nested_block_decides_for_its_parent() -> None:
    """A list item's own words, not those of the list inside it."""
    page = "<li>Topics<ul><li>GPU هو</li></ul></li>"

    assert with_marks(page) == f"<li>Topics<ul><li>{RLM}GPU هو</li></ul></li>"
