"""Lists written as CommonMark reads them (Hugo, GitHub, Prettier), nested by 2 spaces or right
under a paragraph, come out on the page as markdown-it-py's CommonMark reads them, and lists
written for this engine are left alone."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup, Tag
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from glossary_site.commonmark_lists import as_commonmark
from glossary_site.markdown_limits import MAX_NESTING
from glossary_site.markup import site_markdown

Shape = list[Any]


def shape(html: str) -> Shape:
    """The lists of a page as readers see them: each list's kind and, per item, its words and
    the code and lists inside it; paragraphs aside (CommonMark and this engine wrap an item's
    text in <p> after different blank lines)."""
    return _blocks(BeautifulSoup(html, "html.parser"))


def _blocks(node: Tag) -> Shape:
    found: Shape = []
    for child in node.children:
        if not isinstance(child, Tag):
            continue
        if child.name in ("ul", "ol"):
            found.append((child.name, [_item(item) for item in child.find_all("li", recursive=False)]))
        elif child.name == "pre":
            found.append(("code", child.get_text().strip("\n")))
        else:
            found += _blocks(child)
    return found


def _item(item: Tag) -> tuple[str, Shape]:
    return " ".join(_words(item)), _blocks(item)


def _words(node: Tag) -> list[str]:
    words: list[str] = []
    for child in node.children:
        if isinstance(child, Tag):
            words += [] if child.name in ("ul", "ol", "pre") else _words(child)
        else:
            words += child.get_text().split()
    return words


COMMONMARK = MarkdownIt("commonmark")


def reference(text: str) -> Shape:
    return shape(COMMONMARK.render(text))


def ours(text: str) -> Shape:
    return shape(site_markdown(text, "/"))


NESTED_AS_COMMONMARK = [
    "- a\n  - b\n    - c\n  - d\n- e",
    "1. one\n   - sub\n   - sub2\n2. two",
    "1. one\n\n   A second paragraph of one.\n\n2. two",
    "- a\n\n  para of a\n\n  ```python\n  x = 1\n  ```\n- b",
    "- a\n  - b\n\n    ```\n    code in b\n    ```\n\n  back in a\n\n- c",
    "- a\n  - b\n\n        indented code in b\n\nAfter the list.",
    "- a\n\n      indented code in a\n\n- b",
    "1. a\n\n       code in a\n\n   text in a",
    "10. ten\n    - under ten\n11. eleven",
    "* a\n   * three spaces in\n      * six",
    "- a\n  - b\n  lazy text\n- c",
    "- a\n\n  A paragraph of a.\n- b",
    "- a\n  - b\n\n    A paragraph of b,\n    on two lines.\n- c",
    "Intro.\n\n- a\n  - b\n\n# Heading\n\n- c\n  - d",
    "- a\n  - b\n\n```\n- not an item\n  - nor this\n```",
    "- a\n  - b\n\n---\n\n- c",
    "The steps:\n- one\n  - one and a half\n- two\n\nOrdered:\n1. a\n2. b\n\nNot a list:\n2. x",
    "Title\n-----\n- a",
    "Text\n* * *\n- a",
    "Text\n-\n- a",
    "Wrapped text that\n  - goes on",
    "1) one\n2) two\n   1) two and a half\n\nText\n2) is no list",
    "- bullet\n1) one\n2) two",
    "- bullet\n1. one\n2. two",
    "- a\n- b\n1. c\n- d",
    "- a\n  - b\n1. one",
    "1. one\n- bullet\n- more",
    "- bullet\n2. starts a list too",
    "- a\n  text of a\n  more text\n1. one",
    "- a\n  - b\n  text\n1. one\n   - c\n2. two\n- d",
    "- a\n\n    ```python\n    x = 1\n    ```\n\n- b\n\n  text",
]


@pytest.mark.parametrize("text", NESTED_AS_COMMONMARK)
def test_a_list_as_commonmark_reads_it_comes_out_so(text: str) -> None:
    """Was a flat list: its nested items were made items of the list above, and an item's
    paragraph or code 2 spaces in was shown after the list; a list right under a paragraph, or
    right under an item of a list of the other kind, was run into it as text; a fence in an
    item of a list whose next item is indented 2 spaces showed ':::python' in its code."""
    assert ours(text) == reference(text)


#: Each item: its words; "", a paragraph after it ("¶ " first: with no blank line after it), or
#: "```" or "    " for fenced or indented code after it; its items.
Tree = list[tuple[str, str, "Tree"]]

phrases = st.lists(
    st.sampled_from(["alpha", "beta", "gamma", "delta", "x", "y2"]), min_size=1, max_size=3
).map(" ".join)
trees: st.SearchStrategy[Tree] = st.recursive(
    st.just([]),
    lambda below: st.lists(
        st.tuples(phrases, st.sampled_from(["", "```", "    "]) | phrases | phrases.map("¶ ".__add__), below),
        min_size=1,
        max_size=3,
    ),
    max_leaves=12,
)
#: The first list's marker, then the nested lists': CommonMark lets only a list that starts at
#: 1 interrupt a paragraph, so a nested one directly under its item's text starts there.
markers = st.tuples(
    st.sampled_from(["-", "1.", "10.", "1)"]),
    st.lists(st.sampled_from(["-", "*", "+", "1.", "1)"]), min_size=7, max_size=7),
).map(lambda marks: [marks[0], *marks[1]])
#: Those Python-Markdown reads as written.
its_own = markers.filter(lambda marks: not any(mark in ("10.", "1)") for mark in marks))


def written(tree: Tree, marks: list[str], indent: int, commonmark: bool, depth: int = 0) -> list[str]:
    """The Markdown of a list: nested as far as its items' text (CommonMark's way, 2 spaces
    under '- ') or by 4 spaces a level; an item's paragraph or code has a blank line on each
    side."""
    mark = marks[depth % len(marks)]
    lines: list[str] = []
    for words, paragraph, items in tree:
        lines.append(f"{' ' * indent}{mark} {words}")
        inner = indent + (len(mark) + 1 if commonmark else 4)
        if paragraph == "```":
            lines += ["", *(" " * inner + line for line in ("```python", "x = 1", "  y = [2]", "```")), ""]
        elif paragraph == "    ":
            lines += ["", " " * (inner + 4) + "x = [1]", " " * (inner + 6) + "y = 2", ""]
        elif paragraph.startswith("¶ "):  # with no blank line after it
            lines += ["", " " * inner + paragraph[2:]]
        elif paragraph:
            lines += ["", " " * inner + paragraph, ""]
        lines += written(items, marks, inner, commonmark, depth + 1)
    return lines


@given(trees.filter(bool), markers)
@settings(max_examples=300, deadline=None)
def test_any_list_nested_as_commonmark_nests_it_comes_out_so(tree: Tree, marks: list[str]) -> None:
    intro = "Intro.\n\n" if marks[0] == "10." else "Intro:\n"  # only 1 starts a list under text
    text = intro + "\n".join(written(tree, marks, 0, commonmark=True)) + "\n\nAfter."
    assert ours(text) == reference(text)


@given(trees.filter(bool), its_own)
@settings(max_examples=300, deadline=None)
def test_a_list_nested_by_4_spaces_a_level_keeps_its_lines(tree: Tree, marks: list[str]) -> None:
    """Only blank lines are added (see the test below); every written line stays as it is."""
    lines = ["Intro.", "", *written(tree, marks, 0, commonmark=False), "", "After."]
    assert [line for line in as_commonmark(lines) if line] == [line for line in lines if line]


@given(trees.filter(bool), markers.filter(lambda marks: "10." not in marks))
@settings(max_examples=300, deadline=None)
def test_a_list_nested_either_way_comes_out_the_same(tree: Tree, marks: list[str]) -> None:
    """Was not so for a list nested by 4 spaces either: Python-Markdown took an item that
    followed an item's indented paragraph or nested list, after a blank line, into it."""
    by_4, commonmark = (
        "\n".join(["Intro.", "", *written(tree, marks, 0, commonmark=style), "", "After."])
        for style in (False, True)
    )
    assert ours(by_4) == reference(commonmark)


def test_a_list_nested_deeper_than_the_limit_is_left_as_written() -> None:
    """Re-indented, it would be deeper than markdown_limits lets a text be, which it checks on
    the text as written, and Python-Markdown would convert it differently from one process to
    another; at the limit it is re-indented."""
    at_limit = [" " * (2 * level) + f"- level {level}" for level in range(MAX_NESTING)]
    assert as_commonmark(at_limit)[-1] == " " * (4 * (MAX_NESTING - 1)) + f"- level {MAX_NESTING - 1}"
    deeper = [*at_limit, " " * (2 * MAX_NESTING) + "- one more"]
    assert as_commonmark(deeper) == deeper


def test_a_list_under_text_after_a_list_gets_one_blank_line() -> None:
    lines = ["- a", "", "  A paragraph of a.", "", "Text", "- b"]
    assert as_commonmark(lines) == ["- a", "", "    A paragraph of a.", "", "Text", "", "- b"]


def test_code_that_shows_a_list_is_not_re_indented() -> None:
    text = ["Intro.", "", "    - a", "      - b", "", "```", "- c", "  - d", "```"]
    assert as_commonmark(text) == text


def test_a_list_right_under_text_in_an_admonition_is_a_list_there() -> None:
    box = BeautifulSoup(site_markdown("!!! note\n    Steps:\n    - one\n    - two", "/"), "html.parser")
    assert [item.get_text() for item in box.select("div.admonition > ul > li")] == ["one", "two"]
    assert [p.get_text() for p in box.select("div.admonition > p")] == ["Note", "Steps:"]
