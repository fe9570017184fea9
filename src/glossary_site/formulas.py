"""TeX formulas in Markdown (`$…$`, and `$$` lines around a displayed one), as MathML.

Converted when the site is built, so a page needs no script and no web font: browsers draw
MathML themselves. The formula's text is taken out before Markdown sees it, so its `_`, `*`,
`[[` and backticks stay TeX. latex2mathml turns `\\href` into an attribute and `\\text{…}` into
text: its output is sanitised like all raw HTML, with only the MathML elements and attributes below
allowed, so a formula can carry no script and no link.

The same patterns find formulas in the Markdown engine and in `formula_problems`, which reports,
at its line, each formula that cannot be converted.
"""

from __future__ import annotations

import functools
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterator

import markdown
from markdown import util
from markdown.blockprocessors import BlockProcessor
from markdown.inlinepatterns import BacktickInlineProcessor, InlineProcessor
from markdown.postprocessors import RawHtmlPostprocessor

from glossary_site.fences import outside_code
from glossary_site.html_tags import within_tag
from glossary_site.model import Breaks
from glossary_site.yaml_lines import lines_down

#: pandoc's rule: `$` then a non-space, a non-space then `$` not followed by a digit, so that
#: "$5 and $10" is text. `\$` is a dollar, in a formula or out of one. A formula may go on past
#: the end of a line, as hard-wrapped paragraphs need, but never past a blank line.
INLINE_RE = re.compile(r"(?<![\\$])\$(?=[^\s$])((?:\\[^\n]|\\?\n(?![ \t]*\n)|[^\\$\n])+?)(?<!\s)\$(?!\d)")
#: A line of its own that opens or closes a displayed formula.
DISPLAY_LINE_RE = re.compile(r"[ \t]*\$\$[ \t]*$")
#: A displayed formula on one line: `$$ x^2 $$`.
ONE_LINE_RE = re.compile(r"[ \t]*\$\$([^\n$]*[^\s$][^\n$]*)\$\$[ \t]*$")
#: A whole displayed formula within a Markdown block, which holds no blank line.
DISPLAY_RE = re.compile(
    r"^[ \t]*\$\$[ \t]*\n(.+?)\n[ \t]*\$\$[ \t]*$|^[ \t]*\$\$([^\n$]*[^\s$][^\n$]*)\$\$[ \t]*$",
    re.MULTILINE | re.DOTALL,
)
#: A formula, or the backticks that may open a code span (not after an odd number of
#: backslashes, which escape the first), found as the engine's backtick pattern finds them.
#: Group 2 is a formula's TeX.
_PROSE_RE = re.compile(r"(?<!\\)(?:\\{2})*(?P<ticks>`+)|" + INLINE_RE.pattern)
_TICKS_RE = re.compile(r"(?<!\\)(?:\\{2})*(`+)")
#: A command latex2mathml does not know, which it writes out as a letter: `<mi>\foo</mi>`.
_UNKNOWN_RE = re.compile(r"<m[io]\b[^>]*>(\\[A-Za-z]+)")

#: The MathML elements latex2mathml writes, which the sanitiser keeps.
MATHML_TAGS = frozenset(
    {
        "math", "mrow", "mi", "mn", "mo", "mtext", "mspace", "mpadded", "mphantom", "mstyle",
        "msub", "msup", "msubsup", "munder", "mover", "munderover", "mfrac", "msqrt", "mroot",
        "mtable", "mtr", "mtd", "menclose",
    }
)  # fmt: skip
#: Their attributes that latex2mathml writes and that only change how the formula is drawn;
#: not its `href` (from `\\href`) nor `style` (from `\\style`), nor colours, which could hide
#: text from a reader in the dark theme. `alttext` is this module's own.
MATHML_ATTRIBUTES: dict[str, set[str]] = {
    "math": {"display", "alttext"},
    "mi": {"mathvariant"},
    "mn": {"mathvariant"},
    "mtext": {"mathvariant"},
    "mo": {
        "mathvariant", "stretchy", "fence", "form", "largeop", "movablelimits", "minsize", "maxsize",
        "lspace", "rspace", "separator", "accent",
    },
    "mstyle": {"displaystyle", "scriptlevel", "mathsize"},
    "mover": {"accent"},
    "munder": {"accentunder"},
    "munderover": {"accent", "accentunder"},
    "mfrac": {"linethickness"},
    "mspace": {"width", "height", "depth", "linebreak"},
    "mpadded": {"width", "height", "depth", "lspace", "voffset"},
    "mtable": {"rowspacing", "columnspacing", "rowlines", "columnlines", "displaystyle"},
    "mtd": {"columnalign"},
    "menclose": {"notation"},
}  # fmt: skip


@functools.cache
def _problems() -> dict[type[Exception], str]:
    """What each of latex2mathml's errors means, in the editor's words. Made when a formula
    first fails, as latex2mathml is imported only once a page has a formula (30 ms)."""
    from latex2mathml import exceptions

    return {
        exceptions.NumeratorNotFoundError: "a fraction has no numerator",
        exceptions.DenominatorNotFoundError: "a fraction has no denominator",
        exceptions.ExtraLeftOrMissingRightError: "a \\left has no \\right to close it",
        exceptions.MissingSuperScriptOrSubscriptError: "a ^ or _ has nothing after it",
        exceptions.DoubleSubscriptsError: "a letter has two subscripts (write x_{ab}, or {x_a}_b)",
        exceptions.DoubleSuperscriptsError: "a letter has two superscripts (write x^{ab}, or {x^a}^b)",
        exceptions.NoAvailableTokensError: (
            "it ends too early: a '{' is not closed, or a command lacks its argument"
        ),
        exceptions.InvalidStyleForGenfracError: "\\genfrac has a style that is not 0, 1, 2 or 3",
        exceptions.MissingEndError: "a \\begin{…} has no \\end{…}",
        exceptions.InvalidAlignmentError: "an array's column alignment is not l, c or r",
        exceptions.InvalidWidthError: "a width is not a length (such as 1em)",
        exceptions.LimitsMustFollowMathOperatorError: "\\limits follows no operator such as \\sum",
    }


UNCLOSED = (
    "this '$$' opens a formula that no '$$' line closes before a blank line or the end; close it "
    "(a formula holds no blank line), or write \\$\\$ for two dollar signs"
)


class FormulaError(ValueError):
    """A formula that cannot be drawn; the message says why, in the editor's words."""


#: What latex2mathml draws wrongly without a word, written as what it draws right: `aligned`
#: (and `alignedat`, whose column count it shows) showed every '&' as text, and a one-letter
#: `\mathrm{E}` came out italic, as a plain E does.
_REWRITES = (
    (re.compile(r"\\(begin|end)\{aligned(?:at)?\}(?:\{\d+\})?"), r"\\\1{align*}"),
    (re.compile(r"\\mathrm\{([A-Za-z])\}"), r"\\mathrm \1"),
)
#: The delimiters `\big`, `\Big`... take, which latex2mathml leaves as written: "\{ x \}".
_DELIMITERS = {
    "\\{": "{", "\\}": "}", "\\|": "\u2016", "\\vert": "|", "\\Vert": "\u2016", "\\lvert": "|",
    "\\rvert": "|", "\\lVert": "\u2016", "\\rVert": "\u2016", "\\langle": "\u27e8", "\\rangle": "\u27e9",
    "\\lfloor": "\u230a", "\\rfloor": "\u230b", "\\lceil": "\u2308", "\\rceil": "\u2309",
    "\\uparrow": "\u2191", "\\downarrow": "\u2193", "\\updownarrow": "\u2195", "\\Uparrow": "\u21d1",
    "\\Downarrow": "\u21d3", "\\Updownarrow": "\u21d5", "\\backslash": "\\",
}  # fmt: skip


def _mended(math: etree.Element) -> None:
    """An operator made of more than one token (`\\mathop{E}`) holds them as elements, which
    no operator may: the page showed none of it. It holds their text instead. A delimiter
    latex2mathml left as TeX is the character it stands for."""
    for node in math.iter("mo"):
        if len(node):
            node.text = "".join(node.itertext())
            for child in list(node):
                node.remove(child)
        if node.text in _DELIMITERS:
            node.text = _DELIMITERS[node.text]


@functools.lru_cache(maxsize=1024)
def to_mathml(tex: str, display: bool) -> str:
    """The formula as MathML, its TeX as the text read out where MathML is not understood.

    Raises FormulaError. Cached: the build converts each formula twice (check, then page)."""
    from latex2mathml import converter

    shown = "block" if display else "inline"
    drawn = tex
    for pattern, replacement in _REWRITES:
        drawn = pattern.sub(replacement, drawn)
    try:
        math = converter.convert_to_element(drawn, display=shown)
    except Exception as problem:  # latex2mathml raises others (IndexError) on broken input too
        reason = _problems().get(type(problem), "it is not TeX that can be converted")
        if "\\middle" in tex and "\\left" not in tex:
            reason = "a \\middle is outside a \\left … \\right pair"
        raise FormulaError(reason) from None
    # latex2mathml's own `convert` unescapes its whole output, the formula's text included
    # (`\text{<b>}`); its text holds character references (`&#x0003D;`) meant to survive that.
    for node in math.iter():
        node.text = html.unescape(node.text) if node.text else node.text
        node.tail = html.unescape(node.tail) if node.tail else node.tail
    _mended(math)
    math.attrib = {"display": shown, "alttext": " ".join(tex.split())}
    written = etree.tostring(math, encoding="unicode", short_empty_elements=False)
    unknown = _UNKNOWN_RE.search(written)
    if unknown:
        raise FormulaError(f"'{unknown.group(1)}' is not a command the formula converter knows")
    return written


def formula_html(tex: str, display: bool) -> str | None:
    """What a page shows for a formula: a displayed one in a box of its own, which scrolls
    sideways when wider than the screen. None if it cannot be converted (reported elsewhere).

    Python-Markdown strips STX and ETX from the text, so TeX holding one holds a placeholder
    for what another stage took out (a fenced block): that is no formula, and the placeholder,
    left in the text, is put back in its place, never shown."""
    if util.STX in tex or util.ETX in tex:
        return None
    try:
        mathml = to_mathml(tex, display)
    except FormulaError:
        return None
    return f'<div class="formula">{mathml}</div>' if display else mathml


#: Only its search for where a code span ends, which is the engine's own.
_CODE_SPANS = BacktickInlineProcessor("`")


def _code_span(opened: int, text: str) -> tuple[int, int | None]:
    """Where the code span of the backticks at `opened` starts and ends: (after the backticks,
    None) if none is closed. Typed here: the stubs say it returns None instead."""
    found: tuple[int, int | None] = _CODE_SPANS.find_code_spans(opened, text)  # type: ignore[assignment]
    return found


def _extent(found: re.Match[str], text: str) -> tuple[int, str | None]:
    """Where what a match of _PROSE_RE opens ends, and its TeX if it is a formula.

    A code span or a formula is whichever opens first, so a formula's backticks are TeX
    (`$\\text{`a'}$`) and a code span's dollars code. A formula that would close inside a code
    span opened within it is not one, as "$5 and `$x$`" shows: its `$` is text."""
    if found.group("ticks") is not None:
        opened = found.start("ticks")
        start, end = _code_span(opened, text)
        return (start if end is None else end + start - opened), None
    if "`" in found.group(2) and _closes_in_code(text, found.start(2), found.end(2)):
        return found.start() + 1, None
    return found.end(), found.group(2)


def _closes_in_code(text: str, start: int, close: int) -> bool:
    ticks = _TICKS_RE.search(text, start, close)
    while ticks is not None:
        opened = ticks.start(1)
        after, end = _code_span(opened, text)
        if end is not None and end > close:
            return True
        ticks = _TICKS_RE.search(text, after if end is None else end + after - opened, close)
    return False


class _InlineFormula(InlineProcessor):
    """Before every other inline pattern, so a formula's backticks, escapes, wiki-links and
    emphasis stay TeX; a code span that opens before a `$` is passed over, left to the backtick
    pattern, so it stays code."""

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[str | None, int | None, int | None]:
        end, tex = _extent(m, data)
        if tex is None:  # passed over: a code span stays one, for the backtick pattern
            return None, m.start(0), end
        if within_tag(data, m.start(0)):
            return None, None, None
        shown = formula_html(tex, display=False)
        if shown is None:
            return None, None, None
        return self.md.htmlStash.store(shown), m.start(0), m.end(0)


class _DisplayFormula(BlockProcessor):
    """A displayed formula; the text before and after it in its block is left to the others.
    One indented under a list item with no blank line above it is left to the list, which
    reads it in its item (taken here first, it ended the list and a new one began after it)."""

    def test(self, parent: etree.Element, block: str) -> bool:
        found = DISPLAY_RE.search(block) if "$$" in block else None
        return found is not None and not (block[found.start()] in " \t" and _ITEM_RE.match(block))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        found = DISPLAY_RE.search(blocks[0])
        shown = formula_html(found.group(1) or found.group(2), display=True) if found else None
        if found is None or shown is None:
            return False
        block = blocks.pop(0)
        before, after = block[: found.start()], block[found.end() :]
        if before.strip():
            self.parser.parseBlocks(parent, [before.rstrip("\n")])
        holder = etree.SubElement(parent, "p")
        holder.text = self.parser.md.htmlStash.store(shown)
        if after.strip():
            blocks.insert(0, after.lstrip("\n"))
        return True


class _RawHtml(RawHtmlPostprocessor):
    """Python-Markdown takes `<math>` for a block of its own, and a paragraph holding only one
    for raw HTML written between blank lines, which it leaves without its `<p>`. An inline
    formula is text in its paragraph, alone or not."""

    def isblocklevel(self, html: str) -> bool:
        return not html.startswith('<math display="inline"') and super().isblocklevel(html)


class FormulaExtension(markdown.Extension):
    """Formulas, and `\\$` for a dollar sign."""

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.ESCAPED_CHARS.append("$")
        md.postprocessors.register(_RawHtml(md), "raw_html", 30)
        md.inlinePatterns.register(_InlineFormula(_PROSE_RE.pattern, md), "glossary-formula", 195)
        md.parser.blockprocessors.register(_DisplayFormula(md.parser), "glossary-formula", 77)


#: A quotation's '>' marks, which the engine takes off before it reads the text inside.
_QUOTE_RE = re.compile(r"(?:[ ]{0,3}>[ ]?)+")
#: A list item's first line: in a list, it ends the item before it; a formula indented under
#: it belongs to it (_DisplayFormula).
_ITEM_RE = re.compile(r"[ ]{0,3}(?:[-+*]|\d+\.)[ \t]")


def _runs(lines: list[str]) -> Iterator[tuple[list[int], str]]:
    """The line indexes and joined text of each run of lines that the engine reads as one
    paragraph, heading or item, so an inline formula may go on from one line to the next: not
    past a blank line, a displayed formula, code, a heading, a deeper quotation nor, in a list,
    the next item. Quotation marks are blanked out, keeping each line's length."""
    run: list[tuple[int, str]] = []
    math = False
    depth = 0
    for index, line in outside_code(lines):
        text = _unquoted(line)
        level = line[: len(text) - len(text.lstrip())].count(">")
        if math:
            math = bool(text.strip()) and not DISPLAY_LINE_RE.match(text)
            continue
        stop = not text.strip() or DISPLAY_LINE_RE.match(text) or ONE_LINE_RE.match(text)
        if run and (
            stop
            or index != run[-1][0] + 1
            or level > depth
            or text.startswith("#")
            or run[-1][1].startswith("#")
            or (_ITEM_RE.match(text) and _ITEM_RE.match(run[0][1]))
        ):
            yield _joined(run)
            run = []
        if stop:
            math = bool(DISPLAY_LINE_RE.match(text))
            continue
        depth = depth if run else level
        run.append((index, text))
    if run:
        yield _joined(run)


def _unquoted(line: str) -> str:
    """The line with its quotation marks blanked out: the formulas in a quotation are its text's."""
    marks = _QUOTE_RE.match(line)
    return " " * marks.end() + line[marks.end() :] if marks else line


def _joined(run: list[tuple[int, str]]) -> tuple[list[int], str]:
    return [index for index, _ in run], "\n".join(line for _, line in run)


def _prose(text: str) -> Iterator[tuple[int, int, str | None]]:
    """(start, end, TeX or None) of each formula and code span, as the engine finds them."""
    found = _PROSE_RE.search(text)
    while found is not None:
        end, tex = _extent(found, text)
        if tex is not None:
            yield found.start(), end, tex
        elif found.group("ticks") is not None and end > found.end():  # a code span, not lone ticks
            yield found.start("ticks"), end, None
        found = _PROSE_RE.search(text, end)


def _blank(text: str) -> str:
    return re.sub(r"[^\n]", " ", text)


def without_formulas(text: str) -> list[str]:
    """The text's lines, with the code spans and formulas in its prose blanked out, for checks
    of what the engine reads as Markdown; quotation marks are kept."""
    lines = text.split("\n")
    shown = [("" if ONE_LINE_RE.match(line) else line) for line in lines]
    if "$" not in text and "`" not in text:
        return shown
    for indexes, joined in _runs(lines):
        pieces, kept = [], 0
        for start, end, _ in _prose(joined) if "$" in joined or "`" in joined else ():
            pieces += [joined[kept:start], _blank(joined[start:end])]
            kept = end
        blanked = "".join(pieces) + joined[kept:]
        for index, prose in zip(indexes, blanked.split("\n"), strict=True):
            marks = _QUOTE_RE.match(lines[index])
            shown[index] = lines[index][: marks.end()] + prose[marks.end() :] if marks else prose
    return shown


def formula_problems(text: str, first_line: int, breaks: Breaks | None = None) -> Iterator[tuple[int, str]]:
    """(file line, message) for each formula outside code that cannot be converted, at the line
    it starts on, and each '$$' line that opens a formula no '$$' line closes."""
    if "$" not in text:
        return
    lines = text.split("\n")
    found: list[tuple[int, str]] = []
    opened: int | None = None
    formula: list[str] = []
    for index, line in ((index, _unquoted(line)) for index, line in outside_code(lines)):
        if opened is not None:
            if not line.strip():
                found.append((opened, UNCLOSED))
                opened = None
            elif DISPLAY_LINE_RE.match(line):
                found += _problem(opened, "\n".join(formula), True)
                opened = None
            else:
                formula.append(line)
            continue
        if DISPLAY_LINE_RE.match(line):
            opened, formula = index, []
            continue
        one_line = ONE_LINE_RE.match(line)
        if one_line:
            found += _problem(index, one_line.group(1), True)
    if opened is not None:
        found.append((opened, UNCLOSED))
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    at = [(starts[index], message) for index, message in found]
    for indexes, joined in _runs(lines):
        for start, _, tex in _prose(joined) if "$" in joined else ():
            if tex is None:
                continue
            # its column too: a line of a folded YAML text holds several of the file's lines
            index = indexes[joined.count("\n", 0, start)]
            column = start - joined.rfind("\n", 0, start) - 1
            at += ((starts[index] + column, message) for _, message in _problem(index, tex, False))
    for offset, message in sorted(at, key=lambda problem: problem[0]):
        yield first_line + lines_down(text, offset, breaks), message


def _problem(index: int, tex: str, display: bool) -> list[tuple[int, str]]:
    try:
        to_mathml(tex, display)
    except FormulaError as problem:
        return [(index, f"the formula '{' '.join(tex.split())}' cannot be shown: {problem}")]
    return []
