"""Ids an editor gives the places of a page: `## Heading {#id}`, and `id="…"` in HTML.

A heading's anchor is made from its words, so renaming the heading broke every link to it;
Hugo and MkDocs (attr_list) let the editor fix it with `{#id}` after an `#` heading's words,
and editors coming from them write it. Two places with the same id are a page that fails HTML
checks, where a link to the id reaches the first only, so an id given twice is an error at the
second.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from glossary_site.heading_attributes import LIST, HeadingAttributes, read, trailing
from glossary_site.indentation import outside_all_code
from glossary_site.model import Breaks
from glossary_site.yaml_lines import lines_down

#: The ids the default theme gives its own elements. A heading in an editor's Markdown that
#: would take one (a section called "Term graph") gets '_1' after it, as a second heading of
#: the same name does, so the page's own links still lead where they should.
THEME_IDS = frozenset(
    {
        "main", "site-search", "term-backlinks", "term-cta", "term-definition", "term-faq",
        "term-graph", "term-related", "term-sources", "term-toc", "term-tools",
        "tool-about", "tool-mentions", "home-recent", "home-categories", "home-az", "graph-linked",
        "search-query", "search-status", "search-results", "search-more", "stack-data",
        "stack-result-title", "site-search-label", "search-query-label", "graph-table-name",
        "graph-lines", "graph-after",
    }
)  # fmt: skip
#: An `#` heading with words and then an attribute list (and CommonMark's closing '#'s, if any).
_HEADING_LIST_RE = re.compile(rf"[ ]{{0,3}}#{{1,6}}(?!#)[ \t]*[^ \t].*?{LIST}(?:[ \t]+#+)?[ \t]*$")
#: What stands before a heading's '#' in a container: quotation marks and list items' markers,
#: then indentation (a list item's text, an admonition's, a tab's).
_CONTAINED_RE = re.compile(r"((?:[ \t]*(?:>|(?:[-+*]|\d{1,9}[.)])(?=[ \t])))*)([ \t]*)")
#: The line under a setext heading's words (`Title {#id}` over `---`), as Python-Markdown reads it.
_UNDERLINE_RE = re.compile(r"(?:=+|-+)[ ]*$")
#: What a text or line that gives an id holds: most hold none, and are not looked at further.
_MAY_GIVE_RE = re.compile(r"\{[^{}\n]*(?:#|id=)|\sid\s*=")
#: What HTML counts as a space, which an id may not hold.
SPACE_RE = re.compile(r"[\t\n\f\r ]")
#: An id in an HTML tag, in any of the three ways to write an attribute's value.
_HTML_ID_RE = re.compile(r"""<[A-Za-z][^<>]*?\sid\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""")


def heading_id(line: str, above: str = "", below: str = "") -> str | None:
    """The id a line outside code written as a heading with `{#id}` gives its heading, if any."""
    attributes = heading_attributes(line, above, below)
    return attributes.id if attributes else None


def heading_attributes(line: str, above: str = "", below: str = "") -> HeadingAttributes | None:
    """What the attribute list read at the end of a line outside code gives its heading, if the
    line is one: an `#` heading, in a quotation, list item, admonition or tab too, or the words
    of a setext heading, which start a block (`above` is blank) and have their underline `below`."""
    if "{" not in line:
        return None
    found = _HEADING_LIST_RE.match(line[_contained(line) :])
    if found is not None:
        return read(found.group(1))
    if not above.strip() and _UNDERLINE_RE.match(below) and not line.startswith("    "):
        taken = trailing(line)
        return taken[1] if taken else None
    return None


def _contained(line: str) -> int:
    """Where the line's text starts after its containers' marks and indentation, or at its start
    when the indentation could make it code: past 4 columns after a mark, 8 without (an indented
    block in a list item or an admonition; a heading in a list nested that deep goes unread)."""
    found = _CONTAINED_RE.match(line)
    if found is None:
        return 0
    indent = len(found.group(2).expandtabs(4))
    return found.end() if indent < (5 if found.group(1) else 8) else 0


def written_ids(text: str) -> Iterator[tuple[int, str]]:
    """(line index, id) of each id the text gives, outside code, in the order written."""
    if ("{" not in text and "=" not in text) or not _MAY_GIVE_RE.search(text):
        return
    lines = text.split("\n")
    for index, line in outside_all_code(lines):
        if not _MAY_GIVE_RE.search(line):
            continue
        own = heading_id(line, *around(lines, index))
        if own is not None:
            yield index, own
        if "<" in line:
            for found in _HTML_ID_RE.finditer(line):
                yield index, next(value for value in found.groups() if value is not None)


def around(lines: list[str], index: int) -> tuple[str, str]:
    """The lines above and below line `index` ("" at the text's ends), for heading_id."""
    return (lines[index - 1] if index else "", lines[index + 1] if index + 1 < len(lines) else "")


#: A page's Markdown texts, each with its first line and breaks (yaml_lines.Located.breaks).
Texts = Iterable[tuple[str, int, Breaks | None]]


def given_ids(texts: Texts) -> Iterator[tuple[int, str]]:
    """(file line, id) of each id the texts give, in their order."""
    for text, first_line, breaks in texts:
        for index, given in written_ids(text):
            yield first_line + (index if breaks is None else _line_of(text, index, breaks)), given


def malformed_ids(texts: Texts) -> Iterator[tuple[int, str]]:
    """(line, message) of each id that HTML does not allow, empty or holding a space, which
    sanitise leaves out of the page: a link to it could never reach it."""
    for line, given in given_ids(texts):
        if not given:
            yield line, 'an empty id (id="") is left out of the page; give it a name or remove it'
        elif SPACE_RE.search(given):
            written = "-".join(filter(None, SPACE_RE.split(given)))
            message = f"the id '{given}' holds a space, which an id may not, so it is left out of the page"
            yield line, f"{message}; write it as '{written}'" if written else message


def repeated_ids(texts: Texts) -> Iterator[tuple[int, str]]:
    """(line, message) of each id given again in a page's Markdown texts (malformed_ids are
    left out of the page, so they repeat nothing)."""
    first: dict[str, int] = {}
    for line, given in given_ids(texts):
        if not given or SPACE_RE.search(given):
            continue
        if given not in first:
            first[given] = line
            continue
        message = (
            f"the id '{given}' is given twice on this page (first on line {first[given]}): a link "
            f"to '#{given}' reaches the first only; give this one another"
        )
        yield line, message


def theme_ids_given(texts: Texts) -> Iterator[tuple[int, str]]:
    """(line, message) of each id given that the theme gives one of its own parts: the page
    renames the editor's (markup._clear_of_theme_ids), which a link from elsewhere misses."""
    for line, given in given_ids(texts):
        if given in THEME_IDS:
            yield (
                line,
                (
                    f"the id '{given}' is the theme's own (a part of every page has it), so this one "
                    f"becomes '{given}_1' and a link to '#{given}' leads to the theme's; give it another"
                ),
            )


def clashes(texts: Texts, repeated: Iterable[str]) -> Iterator[tuple[int, str]]:
    """(line, message) of each id that the converted page has twice (`repeated`) and the texts
    give once: the other is the anchor a heading's words make (the engine makes its headings'
    anchors unlike each other and unlike the ids it sees, but not unlike the ids of HTML)."""
    lines: dict[str, list[int]] = {}
    for line, given in given_ids(texts):
        lines.setdefault(given, []).append(line)
    for anchor in repeated:
        if len(lines.get(anchor, ())) == 1:
            message = (
                f"the id '{anchor}' is also the anchor a heading's words make on this page: a link "
                f"to '#{anchor}' reaches the first only; give this one another, or the heading its "
                "own with '{#…}' after its words"
            )
            yield lines[anchor][0], message


def _line_of(text: str, index: int, breaks: Breaks) -> int:
    """How many file lines below the text's first its line `index` starts (a folded text's
    lines are not the file's)."""
    offset = sum(len(line) + 1 for line in text.split("\n")[:index])
    return lines_down(text, offset, breaks)
