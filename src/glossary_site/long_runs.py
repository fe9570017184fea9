"""Long unbroken runs of text in table cells, marked so that print may break them.

Paper cannot scroll a wide table, and a table column is never narrower than the longest run
of characters without a space in it: one web address or 60-letter word made a printed table
twice the page's width, its last columns lost. Letting every word of a cell break (CSS
`overflow-wrap: anywhere` on the cells) lets the table squeeze ordinary words too
("Autoregressi|ve"); marking the long runs alone lets those break while each column stays as
wide as its longest ordinary word.
"""

from __future__ import annotations

import re

from glossary_site.html_tags import TAG_RE

#: Longer than an ordinary word ("internationalization" has 20 letters): an address, a file
#: name, an identifier, a chemical's name.
LONGEST_WORD = 20
#: A tag (kept whole, with its attributes) or a long run of text between tags.
TAG_OR_RUN_RE = re.compile(rf"{TAG_RE.pattern}|</[A-Za-z][^\s>]*\s*>|(?P<run>[^\s<]{{{LONGEST_WORD + 1},}})")
LONG_RUN_RE = re.compile(rf"[^\s<>]{{{LONGEST_WORD + 1},}}")
TABLE_RE = re.compile(r"<table\b.*?</table>", re.DOTALL)


def mark(fragment: str) -> str:
    """`fragment`, inline HTML, with each long run of its text in a span.long-run."""
    if not LONG_RUN_RE.search(fragment):
        return fragment
    return TAG_OR_RUN_RE.sub(_marked, fragment)


def in_tables(fragment: str) -> str:
    """`fragment`, converted Markdown, with the long runs in its tables marked."""
    if "<table" not in fragment:
        return fragment
    return TABLE_RE.sub(lambda table: mark(table.group()), fragment)


def _marked(match: re.Match[str]) -> str:
    run = match.group("run")
    return f'<span class="long-run">{run}</span>' if run else match.group()
