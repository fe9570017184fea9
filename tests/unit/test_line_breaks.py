"""A `\\` at the end of a line breaks it, as CommonMark (Hugo, GitHub) reads it."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt

from glossary_site.markup import site_markdown

COMMONMARK = MarkdownIt("commonmark")


def seen(html: str) -> list[list[str]]:
    """Each paragraph's, item's or code block's lines as a reader sees them."""
    page = BeautifulSoup(html, "html.parser")
    for br in page.find_all("br"):
        br.replace_with("\u2028")
    return [
        [" ".join(line.split()) for line in block.get_text().split("\u2028")]
        for block in page.find_all(["p", "li", "pre"])
    ]


@pytest.mark.parametrize(
    "written",
    [
        "Line one\\\nline two",
        "Street 1\\\nTown\\\nCountry",
        "Escaped \\\\\nbackslash",
        "A backslash at the end\\",
        "`code\\`\nafter",
        "    code\\\n    block",
        "Two spaces  \nbreak too",
        "- an item\\\n  goes on",
    ],
)
def test_a_backslash_at_a_line_end_reads_as_in_commonmark(written: str) -> None:
    """Was shown as a backslash with no break."""
    assert seen(site_markdown(written, "/")) == seen(COMMONMARK.render(written))
