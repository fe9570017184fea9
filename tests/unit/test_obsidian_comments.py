"""Obsidian's syntax: comments (`%% … %%`) are left out of the page, embeds (`![[…]]`) are no links."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from glossary_site.foreign_markdown import foreign_problems
from glossary_site.markup import Converter


def shown(text: str) -> tuple[str, list[str]]:
    fast, stock = Converter(fast=True), Converter(fast=False)
    html = fast.convert_text(text, 1)[0]
    assert html == stock.convert_text(text, 1)[0]
    return BeautifulSoup(html, "html.parser").get_text(), [link.target for link in fast.source.links]


@pytest.mark.parametrize(
    "text",
    [
        "Text. %% check this with Sam %% More.",
        "Text.\n\n%%\nA note to self, [[Nowhere]]\n%%\n\nMore.",
    ],
)
def test_a_comment_is_on_no_page(text: str) -> None:
    """Was: shown as text, the editor's notes to self published."""
    page, links = shown(text)
    assert "%%" not in page and "Sam" not in page and "self" not in page
    assert page.split() == ["Text.", "More."]
    assert links == []


@pytest.mark.parametrize("text", ["Code `a %% b %% c` here.", "```\n%% kept %%\n```", "100%% sure"])
def test_percent_signs_in_code_or_alone_are_kept(text: str) -> None:
    assert "%%" in shown(text)[0]


def test_nothing_in_a_comment_is_warned_of() -> None:
    assert list(foreign_problems("Text %% <script> and {{< ref x >}} %% done.", 1)) == []


def test_an_embed_is_shown_as_written_not_as_a_link_after_a_bang() -> None:
    """Was: '!' then a link to the note (and an unknown target for a picture's file name)."""
    page, links = shown("See ![[Attention]] and ![[diagram.png]], and [[Token]].")
    assert "![[Attention]]" in page and "![[diagram.png]]" in page
    assert links == ["Token"]
