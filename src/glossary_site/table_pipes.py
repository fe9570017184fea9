"""`\\|` in a table cell is a pipe, in code too, as GitHub's tables (and Hugo's) read it; a
wiki-link's own pipe (`[[Term|its text]]`) is the link's, not the end of the cell; and a table
may start right under a paragraph's last line, as on GitHub (`TablesAfterText`: Python-Markdown
showed the table's lines as text of the paragraph).

A pipe ends a cell, so GitHub's rule has `\\|` for one in a cell's text, inside a code span as
well (`` `a \\| b` ``). Python-Markdown does not split a cell at a pipe inside code and showed
the backslash there; outside code it already read `\\|` as a pipe.
"""

from __future__ import annotations

import re

import markdown
from markdown.extensions import tables
from markdown.preprocessors import Preprocessor

from glossary_site.fences import outside_code

#: A wiki-link, `[[Term|its text]]`, whose pipe the editor meant for it, not to end the cell
#: (GitHub's rule would have it written `[[Term\\|its text]]`, and the row lost a cell).
_WIKILINK_RE = re.compile(r"\[\[[^\]\n]*\]\]")
_BARE_PIPE_RE = re.compile(r"(?<!\\)\|")
#: A code span: a run of backticks, its code, and a run as long (CommonMark's rule).
_CODE_RE = re.compile(r"(?<!`)(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)


class EscapedPipeTable(tables.TableProcessor):
    """The stock table stage, with `\\|` in a cell's code spans a pipe. (Outside code, the
    escape stage makes it one, and the wiki-link stage needs it as written.)"""

    def _split_row(self, row: str) -> list[str]:
        if "[[" in row:
            row = _WIKILINK_RE.sub(_escaped, row)
        cells: list[str] = super()._split_row(row)  # type: ignore[misc]  # not in the stubs
        return [_CODE_RE.sub(_unescaped, cell) for cell in cells] if "\\|" in row else cells


def _escaped(link: re.Match[str]) -> str:
    return _BARE_PIPE_RE.sub(r"\\|", link.group(0))


def _unescaped(code: re.Match[str]) -> str:
    return code.group(1) + code.group(2).replace("\\|", "|") + code.group(1)


#: A table's delimiter row, `| --- | :-: |`: cells of dashes, a colon at either end, and pipes.
_DELIMITER_RE = re.compile(r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)*[ \t]*:?-+:?[ \t]*\|?[ \t]*")


def _cells(row: str) -> int:
    return len(_BARE_PIPE_RE.split(row.strip().removeprefix("|").removesuffix("|")))


class TablesAfterText(Preprocessor):
    """A blank line before a table's header row right under a line of text, as the table stage
    reads a table only as a block of its own."""

    def run(self, lines: list[str]) -> list[str]:
        found = [
            index
            for index in range(1, len(lines) - 1)
            if "|" in lines[index + 1]
            and "|" in lines[index]
            and lines[index - 1].strip()
            and "|" not in lines[index - 1]
            and _DELIMITER_RE.fullmatch(lines[index + 1])
            and _cells(lines[index]) == _cells(lines[index + 1])
        ]
        if not found:  # most texts: a table, if any, after a blank line
            return lines
        free = {index for index, _ in outside_code(lines)}
        written = list(lines)
        for index in reversed(found):  # from the last, so the others stay put
            if {index - 1, index, index + 1} <= free:
                written.insert(index, "")
        return written


class EscapedPipeTableExtension(markdown.Extension):
    """In the stock table stage's place (75), with its settings; after the tables extension.
    TablesAfterText after quotations' text is read (29.4), before lists are (29)."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.preprocessors.register(TablesAfterText(md), "glossary-tables-after-text", 29.2)
        blocks = md.parser.blockprocessors
        if "table" in blocks and type(blocks["table"]) is tables.TableProcessor:
            stock = blocks["table"]
            blocks.register(EscapedPipeTable(md.parser, stock.config), "table", 75)  # type: ignore[attr-defined]
