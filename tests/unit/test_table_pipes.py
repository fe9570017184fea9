"""`\\|` in a table cell is a pipe, in code too, as GitHub's tables read it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from glossary_site.markup import Converter, site_markdown
from glossary_site.quick_markdown import PlainPipeTable, TextGatedBlockProcessor

GFM = MarkdownIt("commonmark").enable("table")


def cells(html: str) -> list[list[str]]:
    """Each row's cells as a reader sees them."""
    rows = BeautifulSoup(html, "html.parser").find_all("tr")
    return [[cell.get_text() for cell in row.find_all(["th", "td"])] for row in rows]


@pytest.mark.parametrize(
    "row",
    [
        "| `a \\| b` | grep x \\| wc |",
        "| `x\\|y` and `z` | \\| alone |",
        "| plain | cells |",
    ],
)
def test_an_escaped_pipe_in_a_cell_is_a_pipe_in_code_too(row: str) -> None:
    """Was shown as `\\|` inside code."""
    table = f"| command | text |\n| --- | --- |\n{row}"
    assert cells(site_markdown(table, "/")) == cells(GFM.render(table))


def test_the_quick_table_stage_keeps_the_escaped_pipes() -> None:
    """The fast engine's table stage is built on this one, so it is still used, and reads the
    same."""
    table = "| a | b |\n| --- | --- |\n| `x \\| y` | z |"
    fast, stock = Converter(fast=True), Converter(fast=False)
    gated = fast.md.parser.blockprocessors["table"]
    assert isinstance(gated, TextGatedBlockProcessor) and isinstance(gated.stock, PlainPipeTable)
    assert (
        cells(fast.convert_text(table, 1)[0])
        == cells(stock.convert_text(table, 1)[0])
        == [
            ["a", "b"],
            ["x | y", "z"],
        ]
    )


def test_a_wiki_link_s_own_pipe_does_not_end_its_cell() -> None:
    """Was: "[[term" and "alias text]]" in two cells, and the row's last cell lost, with no word."""
    table = (
        "| A | B | C |\n| --- | --- | --- |\n| [[Tensor\\|Gloss]] | [[Tensor|its text]] | end |\n"
        "| `a|b` | x | y |\n| [[Tensor|plain]] | row | here |"
    )
    fast, stock = Converter(fast=True), Converter(fast=False)
    shown = [cells(engine.convert_text(table, 1)[0]) for engine in (fast, stock)]
    expected = [["A", "B", "C"], ["Gloss", "its text", "end"], ["a|b", "x", "y"], ["plain", "row", "here"]]
    assert shown[0] == shown[1] == expected
    assert [link.target for link in fast.source.links] == ["Tensor", "Tensor", "Tensor"]
    # each at its row's line (was: the bare '|' ones at the text's first line)
    assert [link.line for link in fast.source.links] == [3, 3, 5]


@pytest.mark.parametrize(
    "text",
    [
        "Text\n| A | B |\n| --- | --- |\n| 1 | 2 |",
        "- Text\n  | A | B |\n  | --- | --- |\n  | 1 | 2 |",
        "> Text\n> | A | B |\n> |---|---|\n> | 1 | 2 |",
    ],
)
def test_a_table_right_under_a_line_of_text_is_a_table(text: str) -> None:
    """As on GitHub; was: the table's lines shown as more of the paragraph, pipes and dashes."""
    fast, stock = Converter(fast=True), Converter(fast=False)
    html = fast.convert_text(text, 1)[0]
    assert html == stock.convert_text(text, 1)[0]
    page = BeautifulSoup(html, "html.parser")
    assert [p.get_text() for p in page.find_all("p")] == ["Text"]
    assert cells(html) == [["A", "B"], ["1", "2"]]


@pytest.mark.parametrize(
    "text",
    [
        "Title\n---",
        "a | b\n| A | B |\n| --- | --- |",
        "Text\n| A | B |\n| --- |",
        "```\nText\n| A |\n| - |\n```",
    ],
)
def test_what_is_no_table_under_text_stays_as_it_was(text: str) -> None:
    """A setext heading, a line with a pipe of its own above, a header with more cells than the
    delimiter row, and code."""
    assert BeautifulSoup(site_markdown(text, "/"), "html.parser").find("table") is None
