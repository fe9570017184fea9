"""A reference link whose label holds code links, as CommonMark matches labels as written."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from glossary_site.markup import Converter, site_markdown

COMMONMARK = MarkdownIt("commonmark")
DEFINITIONS = (
    "\n\n[`go.sum`]: https://go.dev/ref/mod#go-sum-files\n[`a<b`]: https://example.org/lt\n"
    "[plain]: https://example.org/plain\n[`pic`]: /images/pic.png"
)


def links(html: str) -> list[tuple[str, str]]:
    page = BeautifulSoup(html, "html.parser")
    return [(str(a.get_text()), str(a["href"])) for a in page.find_all("a")] + [
        (str(img["alt"]), str(img["src"])) for img in page.find_all("img")
    ]


@pytest.mark.parametrize(
    "written",
    [
        "Generate a [`go.sum`][] file.",
        "Shortcut: [`go.sum`], and one with an id: [the `go.sum` file][plain].",
        "Escaped code: [`a<b`][].",
        "A picture: ![`pic`][].",
        "Undefined: [`nowhere`][] stays as written.",
    ],
)
def test_a_reference_whose_label_holds_code_links_as_in_commonmark(written: str) -> None:
    """Was shown as written, brackets and all."""
    text = written + DEFINITIONS
    assert links(site_markdown(text, "/")) == links(COMMONMARK.render(text))


def test_the_fast_and_the_stock_engine_link_it_alike() -> None:
    text = "Generate a [`go.sum`][] file." + DEFINITIONS
    fast, stock = (
        Converter(fast=True).convert_text(text, 1)[0],
        Converter(fast=False).convert_text(text, 1)[0],
    )
    assert fast == stock
    assert links(fast) == [("go.sum", "https://go.dev/ref/mod#go-sum-files")]
