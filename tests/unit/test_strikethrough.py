"""`~~text~~` is struck through, as GitHub, Hugo and MkDocs Material show it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from support import stops_within

from glossary_site.foreign_markdown import foreign_problems
from glossary_site.markup import site_markdown

#: GitHub's Markdown, whose strikethrough is the one Hugo's goldmark and MkDocs Material follow.
GFM = MarkdownIt("commonmark").enable("strikethrough")


def struck(html: str) -> list[str]:
    """The text of each struck-through part, as a reader sees it."""
    return [
        " ".join(part.get_text().split())
        for part in BeautifulSoup(html, "html.parser").find_all(["del", "s"])
    ]


@pytest.mark.parametrize(
    "written",
    [
        "It is ~~gone~~ now.",
        "~~**old** name~~, renamed",
        "~~a~~b~~c~~",
        "a ~~struck\nover a line~~ b",
        "~~ spaced ~~ is not struck",
        "~~~x~~~ nor a run of three",
        "`~~in code~~` nor code",
        "    ~~indented code~~",
        "a ~single~ tilde, MkDocs Material's subscript, is not struck",
    ],
)
def test_tildes_strike_text_through_as_in_github(written: str) -> None:
    """Was shown as written, with a warning to write <del> instead."""
    assert struck(site_markdown(written, "/")) == struck(GFM.render(written))


def test_struck_text_is_no_warning_any_more() -> None:
    assert list(foreign_problems("It is ~~gone~~ now.", 1)) == []


def test_many_tildes_that_nothing_closes_do_not_hang_the_build() -> None:
    """Each looked for its closing `~~` to the end of the text: 8,000 took 3.5 s, and the time
    grew with the square of their number; now a fraction of a second for 50,000."""
    with stops_within(10):
        page = site_markdown("~~open " * 50_000, "/")
    assert struck(page) == []
