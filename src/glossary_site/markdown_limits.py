"""What Markdown an editor may write before Python-Markdown, or the sanitiser after it,
would take minutes over it.

Checked before converting, in every Markdown field (terms, tools' bodies, site.yml's intros),
so a problem is reported at its line instead of a build that seems to hang.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter
from collections.abc import Iterator

#: Python-Markdown scans to the end of the text for every '[' that might open a link, so
#: time grows with the square of their number: 10,000 take minutes. No glossary needs this many.
MAX_BRACKETS = 2_000
#: Python-Markdown recurses for each level of a nested list, block quote or definition. Near the
#: interpreter's limit it stops: 3.11.3 raised RecursionError there, after time that grows with
#: the text's size times its depth (40 s for 1,200 levels); 3.11.4 keeps the deeper markers as
#: text. Where it stops depends on how deep the call stack already is, which differs between
#: the build, its worker processes and `serve`, so the same text would give different pages:
#: deeper nesting is reported before converting, far enough below any of those.
MAX_NESTING = 100
#: A line that may start MAX_NESTING levels deep: indented 4 columns (or a tab) for each level
#: of a list or definition, or starting with a '>', a list marker or a ':' for each block quote,
#: list or definition it opens.
DEEP_LINE_RE = re.compile(rf"^[ \t>*+\-.):0-9]{{{MAX_NESTING},}}", re.MULTILINE)
#: The block quotes, list items and definitions a line opens, after its indentation:
#: `> - > 1. x` opens four.
NESTED_RE = re.compile(r"^([ \t]*)((?:(?:>|(?:[-+*:]|\d+[.)])[ \t])[ \t]*)+)", re.MULTILINE)
MARKER_RE = re.compile(r">|(?:[-+*:]|\d+[.)])[ \t]")
#: `- - -` opens no list: it is a horizontal rule.
RULE_RE = re.compile(r"[ ]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
#: For a start tag of these elements, the HTML parser in nh3 (the sanitiser) looks through every
#: element still open, so time grows with the square of the depth: 50,000 nested <div> took
#: 17 s. Inline elements (<i>) it does not look through, and void elements (<br>) and those
#: whose end tag may be left out (<p>, <li>) never nest, so they do not count: ordinary HTML
#: is far from the limit. A <ruby> counts too, as an <rt> or <rp> left open in one is closed
#: by the next, or by its </ruby>.
MAX_HTML_DEPTH = 200
BLOCK_TAG_RE = re.compile(
    r"(?<!\\)<(/?)(address|article|aside|blockquote|center|details|dialog|dir|div|dl|fieldset"
    r"|figcaption|figure|footer|header|hgroup|listing|main|menu|nav|ol|optgroup|pre|rp|rt|ruby"
    r"|search|section|summary|ul)(?=[\s/>])",
    re.IGNORECASE,
)
#: Each '[' sends Python-Markdown's link patterns scanning for its matching ']', to the end of
#: the paragraph when there is none, at about 0.3 µs a character here: 500 unclosed '[' before
#: 20,000 characters took 3 s, well within MAX_BRACKETS. This many characters scanned is a
#: second or so, far beyond any paragraph a person writes.
MAX_BRACKET_SCAN = 3_000_000
BRACKET_RE = re.compile(r"(?<!\\)[\[\]]")
#: Python's HTML parser, which Python-Markdown gives a text's HTML to, looks for the '>' of
#: each start tag that has none ('x <y', '<a href') to the end of the text, so time grows with
#: their number times the text's length: 2,000 in 210 KB took 7 s, 4,000 in 420 KB 47 s. This
#: many characters looked through is about half a second; an 8 KB text may hold 3,600 such tags.
MAX_TAG_SCAN = 30_000_000
#: A '<' and a letter, as a start tag begins, with no '>' before the next '<' or the end.
UNCLOSED_TAG_RE = re.compile(r"<[A-Za-z][^<>]*+(?!>)")
#: A code span on one line, closed by a run of as many backticks; like fenced code, it is
#: not given to the HTML parser (plain_markup finds code in plain-text fields with it too).
CODE_SPAN_RE = re.compile(r"(?<!`)(`+)(?!`).+?(?<!`)\1(?!`)")
#: A '[' that counts towards MAX_BRACKETS: one not written as '\['.
OPENING_RE = re.compile(r"(?<!\\)\[")
#: A line that opens or closes fenced code, which no link pattern reads.
FENCE_RE = re.compile(r"[ \t]*(`{3,}|~{3,})")
#: The first character of a heading, a quote or a list item, and a table's header separator.
BLOCK_RE = re.compile(r"[ \t]*(?:(#)|(>)|([-+*]|\d+[.)])[ \t])")
TABLE_SEPARATOR_RE = re.compile(r"[ \t]*\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$")


def limit_problem(text: str) -> tuple[int, str] | None:
    """Why `text` is too much for Python-Markdown, with where in it (an offset) the limit is
    passed, so that the problem is reported at that line rather than the field's first; or
    None. Where is sought only once a limit is known to be passed."""
    if text.count("[") - text.count("\\[") > MAX_BRACKETS:
        return (
            next(itertools.islice(OPENING_RE.finditer(text), MAX_BRACKETS, None)).start(),
            f"more than {MAX_BRACKETS:,} '[' in one field; escape them as \\[ or split it",
        )
    too_deep = _nesting_too_deep(text) if DEEP_LINE_RE.search(text) else None
    if too_deep is not None:
        return (
            too_deep,
            f"lists, block quotes and definitions nested more than {MAX_NESTING} levels deep; flatten them",
        )
    too_deep = _html_too_deep(text) if text.count("<") > MAX_HTML_DEPTH else None
    if too_deep is not None:
        return (
            too_deep,
            f"HTML elements nested more than {MAX_HTML_DEPTH} levels deep; flatten them "
            "(an element left open holds all that follows it: close each one)",
        )
    passed = _bracket_scan_passed(text)
    if passed is not None:
        return (
            passed,
            "too many '[' without a matching ']' in one paragraph; escape them as \\[ or split the paragraph",
        )
    passed = _tag_scan_passed(text)
    if passed is not None:
        return (
            passed,
            "too many '<' that start an HTML tag no '>' ends ('x <y', '<a href') in one field; write "
            "such a '<' as &lt;, close the tags, or split the text",
        )
    return None


def _tag_scan_passed(text: str) -> int | None:
    """Where the characters the HTML parser would look through for start tags' missing '>'
    pass MAX_TAG_SCAN: at the unclosed tag that takes them past it, or None."""
    if text.count("<") * len(text) <= MAX_TAG_SCAN:
        return None
    allowed = MAX_TAG_SCAN // len(text)
    tags = UNCLOSED_TAG_RE.finditer(_code_blanked(text))
    return next((tag.start() for tag in itertools.islice(tags, allowed, None)), None)


def _code_blanked(text: str) -> str:
    """The text with its fenced code and code spans written as spaces, so that what is left
    is what the HTML parser reads, at the same offsets."""
    lines = text.split("\n")
    fence = ""
    for number, line in enumerate(lines):
        opened = None if fence else FENCE_RE.match(line)
        if fence or opened:
            lines[number] = " " * len(line)
        if fence and line.lstrip(" \t").startswith(fence):
            fence = ""
        elif opened:
            fence = opened.group(1)
    return CODE_SPAN_RE.sub(lambda span: " " * len(span.group()), "\n".join(lines))


def _bracket_scan_passed(text: str) -> int | None:
    """Where the characters Python-Markdown's link patterns would scan for matching brackets
    pass MAX_BRACKET_SCAN: at the first '[' left open in the paragraph that takes them past it
    (its start if it closes them all), or None. Text that holds too few '[' to matter is not
    looked at."""
    if text.count("[") * len(text) <= MAX_BRACKET_SCAN:
        return None
    lines = text.split("\n")
    scanned = 0
    for first, run in _inline_runs(lines):
        run_scanned, left_open = _run_scan("\n".join(run))
        scanned += run_scanned
        if scanned > MAX_BRACKET_SCAN:
            return sum(len(line) + 1 for line in lines[:first]) + left_open
    return None


def _inline_runs(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """The lines grouped near enough as Python-Markdown gives them to its inline patterns,
    each group with the index of its first line.

    A paragraph ends at a blank line or a heading; lines after its first starting `- ` or
    holding `|` are still the paragraph, but each item of a list, each row of a table and
    each heading is a text of its own; consecutive quoted lines are one paragraph. Fenced
    code is left out.
    """
    run: list[str] = []
    kind = fence = ""
    first = 0
    for number, line in enumerate(lines):
        if fence:
            fence = "" if line.lstrip(" \t").startswith(fence) else fence
            continue
        opened = FENCE_RE.match(line)
        if opened or not line.strip():
            yield first, run
            run, kind, fence = [], "", opened.group(1) if opened else ""
            continue
        starts = _block_kind(line, lines[number + 1] if number + 1 < len(lines) else "")
        if run and (
            kind in ("heading", "table")
            or starts == "heading"
            or starts == kind == "item"
            or (starts == "quote" and kind != "quote")
        ):
            yield first, run
            run = []
        if not run:
            first = number
            kind = starts if kind != "table" else kind
        run.append(line)
    yield first, run


def _block_kind(line: str, following: str) -> str:
    block = BLOCK_RE.match(line)
    if block is not None:
        return ("heading", "quote", "item")[(block.lastindex or 1) - 1]
    return "table" if "|" in line and TABLE_SEPARATOR_RE.match(following) else ""


def _run_scan(run: str) -> tuple[int, int]:
    """Characters from each '[' to its matching ']', or to the end of the text; and where the
    first '[' left open is (0 when none is)."""
    scanned = 0
    open_at: list[int] = []
    for bracket in BRACKET_RE.finditer(run):
        if bracket.group() == "[":
            open_at.append(bracket.start())
        elif open_at:
            scanned += bracket.start() - open_at.pop()
    return scanned + sum(len(run) - start for start in open_at), open_at[0] if open_at else 0


def _nesting_too_deep(text: str) -> int | None:
    """Where the first line more than MAX_NESTING levels deep starts, or None.

    Levels are counted as CommonMark reads them, which commonmark_lists writes out for this
    engine: a line is inside each open list item, quote or definition whose text it is indented
    as far as (2 spaces under '- ' will do, as 4 do), and opens one more for each marker it
    starts with; a line indented 4 more than the text it is inside is code, not nesting.
    """
    columns: list[int] = []  # where the text of each open container starts
    for opened in NESTED_RE.finditer(text):
        line_end = text.find("\n", opened.end())
        if RULE_RE.match(text, opened.start(), len(text) if line_end < 0 else line_end):
            continue
        indent = len(opened.group(1).expandtabs(4))
        while columns and indent < columns[-1]:
            columns.pop()
        if indent >= (columns[-1] if columns else 0) + 4:
            continue
        columns += [indent + marker.end() for marker in MARKER_RE.finditer(opened.group(2))]
        if len(columns) > MAX_NESTING:
            return opened.start()
    return None


def _html_too_deep(text: str) -> int | None:
    """Where the first start tag more than MAX_HTML_DEPTH elements deep is, or None.

    An end tag closes the last element of its name still open and all opened after it, as
    HTML parsers do; one with none open is ignored.
    """
    opened: list[str] = []
    still_open: Counter[str] = Counter()
    for tag in BLOCK_TAG_RE.finditer(text):
        name = tag.group(2).lower()
        if not tag.group(1):
            if name in ("rp", "rt") and opened and opened[-1] in ("rp", "rt") and still_open["ruby"]:
                still_open[opened.pop()] -= 1
            opened.append(name)
            still_open[name] += 1
            if len(opened) > MAX_HTML_DEPTH:
                return tag.start()
        elif still_open[name]:
            while (closed := opened.pop()) != name:
                still_open[closed] -= 1
            still_open[name] -= 1
    return None
