"""Markdown → safe HTML for one term, with wiki-links left as numbered placeholders.

Converting a term depends only on that term's own text, so the result can be cached by the
file's hash and computed in any worker process. Wiki-links are resolved afterwards, against
the whole glossary, and their placeholders filled by a cheap string substitution, to a term
or, for [[tool:Name]], to a tool (wikilinks.py).
"""

from __future__ import annotations

import bisect
import functools
import hashlib
import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, ClassVar

import markdown
from markdown import util
from markdown.inlinepatterns import InlineProcessor
from pygments.formatters.html import HtmlFormatter

from glossary_site import long_runs, placement
from glossary_site.bare_addresses import BareAddressExtension
from glossary_site.collapsible_admonitions import CollapsibleAdmonitionsExtension
from glossary_site.commonmark_lists import CommonMarkListsExtension
from glossary_site.content_tabs import ContentTabsExtension
from glossary_site.custom_ids import THEME_IDS
from glossary_site.diagnostics import ContentError, Diagnostics
from glossary_site.emoji_shortcodes import EmojiShortcodesExtension
from glossary_site.fences import FenceAttributesExtension, HighlightRangesExtension
from glossary_site.formulas import FormulaExtension
from glossary_site.github_alerts import GitHubAlertsExtension
from glossary_site.hash_headings import HashHeadingExtension
from glossary_site.html_tags import in_tags, tags, within_tag
from glossary_site.hugo_shortcodes import HugoShortcodesExtension
from glossary_site.indentation import IndentedFencesExtension
from glossary_site.inline_marks import InlineMarksExtension
from glossary_site.line_breaks import LineBreakExtension
from glossary_site.link_attributes import LinkAttributesExtension
from glossary_site.markdown_limits import limit_problem
from glossary_site.model import PLACEHOLDER_HREF, Breaks, Glossary, RawBody, TermSource, Toolbox, WikiLink
from glossary_site.note_backlinks import NoteBacklinksExtension
from glossary_site.obsidian_comments import ObsidianCommentsExtension
from glossary_site.quick_markdown import TextGatedStages
from glossary_site.quoted_fences import QuotedFencesExtension
from glossary_site.reference_labels import ReferenceLabelExtension
from glossary_site.sanitise import sanitise
from glossary_site.slugs import heading_anchor
from glossary_site.strikethrough import StrikethroughExtension
from glossary_site.table_pipes import EscapedPipeTableExtension
from glossary_site.task_lists import TaskListExtension
from glossary_site.tools import PREFIX as TOOL_PREFIX
from glossary_site.urls import as_read, link_url
from glossary_site.wikilinks import FORGED, faces_of, fill_links, forged_line, resolve_targets
from glossary_site.yaml_lines import lines_down

WIKILINK_RE = r"\[\[([^\]\|]*?)(?:\|([^\]]*?))?\]\]"
#: A link as fill_links reads a placeholder, but without the engine's mark: an editor's.
FORGED_RE = re.compile(rf'<a href="{PLACEHOLDER_HREF}\d')
#: What Python-Markdown's escape pattern leaves for `\|`, stashed before wiki-links are seen.
ESCAPED_PIPE = f"{util.STX}{ord('|')}{util.ETX}"
INLINE_SPECIALS = re.compile(r"[*_`\[\]<>&!\\~$@]|https?://|www\.|:[a-z0-9_+-]+:")
# A paragraph, not an HTML comment: text without '<' skips Python-Markdown's HTML parser.
PART_MARK = "glossary-site-part-break"
# The lookahead is redundant but lets the regex engine skip to the next '`' or '~' at C speed.
CODE_RE = re.compile(
    r"(?=[`~])(?:^(```+|~~~+)[^\n]*\n.*?^\1[ \t]*$|(`+)(?!`).+?(?<!`)\2(?!`))", re.MULTILINE | re.DOTALL
)
# Raw HTML blocks and footnotes can reach across parts joined into one document; parts
# that have either are converted one by one instead.
ENTANGLING_RE = re.compile(r"^\s{0,3}<[A-Za-z!/?]|\[\^", re.MULTILINE)
#: Abbreviations apply to the whole document they are defined in: a part that defines one is
#: converted on its own, so that it stays within its field.
ABBREVIATION_RE = re.compile(r"^ {0,3}\*\[", re.MULTILINE)
#: The Markdown extensions shipped with Python-Markdown that every Markdown field gets, those
#: MkDocs sites use most among them: definition lists, abbreviations, admonitions, and
#: md_in_html, which converts the Markdown inside `<div markdown>` (a MkDocs Material grid).
EXTENSIONS = ("tables", "fenced_code", "footnotes", "def_list", "abbr", "admonition", "md_in_html")
CODE_CELL_RE = re.compile(r"^`([^`]+)`$")
THEME_ID_RE = re.compile(r'id="({})"'.format("|".join(sorted(THEME_IDS))))  # a literal start: quick
FOOTNOTE_ID_RE = re.compile(r'(id="|href="#)(fn|fnref):')
#: What would start a block in a cell: a heading, a quote, a list item, a rule ('***', '___').
BLOCK_START_RE = re.compile(r"^(?:(#|>|[-+*](?=\s)|[-*_](?=[-*_\s]*$))|(\d+)(?=[.)]\s))")

#: A link or image address with a scheme sanitise drops (`htps:`, `ftp:`, `javascript:`), in
#: HTML as the engine or an editor writes it: the link would be left going nowhere. The value is
#: read with its character references (`&#106;avascript:`), as nh3 and browsers read it.
LINK_VALUE_RE = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
REFUSED_URL_RE = re.compile(r"(?!(?:https?|mailto):)[A-Za-z][A-Za-z0-9+.-]*:", re.I)
#: The attributes sanitise keeps that hold an address: a link's, an image's and a quotation's
#: source (`<blockquote cite="/terms/gpu/">`), which must lead where the others do.
URL_ATTRIBUTES = ("href", "src", "cite")
#: An address on this site, in sanitised HTML (nh3 writes "..." always).
SITE_URL_RE = re.compile(r'\b(href|src|cite)="(/(?!/)[^"]*)"')
#: One written relative to its page (`chart.png`, `../gpu/`): no scheme, not from the root,
#: not only a '#fragment' or '?query' (wiki-links and footnotes are '#...' at this stage).
RELATIVE_URL_RE = re.compile(r'\b(?:href|src|cite)="(?![A-Za-z][A-Za-z0-9+.-]*:|[/#?])([^"]+)"')
#: One that keeps only the page's scheme (`//host/x`): another site's, checked by plan.py.
PROTOCOL_RELATIVE_URL_RE = re.compile(r'\b(?:href|src|cite)="(//[^"]*)"')
#: A full http(s) address, which leads to this site when it is under base_url (plan.py).
ABSOLUTE_URL_RE = re.compile(r'\b(?:href|src|cite)="(https?://[^"]+)"', re.IGNORECASE)
#: How the addresses the engine and nh3 leave begin, when they are not relative.
_NOT_RELATIVE = tuple(f'{attribute}="{start}' for attribute in URL_ATTRIBUTES for start in ("#", "/", "http"))
#: Term and tool pages, where converted Markdown is shown, sit two folders down (terms/x/),
#: and the feed gives each entry its page's address as xml:base.
PAGE_ROOT = "../../"


def demote_h1(fragment: str) -> str:
    """The term title is the page's only h1, so a '# Heading' in Markdown becomes an h2."""
    return fragment.replace("<h1", "<h2").replace("</h1>", "</h2>") if "<h1" in fragment else fragment


def _focusable_scrollers(fragment: str) -> str:
    """A long code line, a wide table and a wide formula scroll sideways (the theme shows a
    Markdown table as a scrolling block); keyboard users can scroll only what takes focus."""
    if '<div class="formula">' in fragment:
        fragment = fragment.replace('<div class="formula">', '<div class="formula" tabindex="0">')
    if "<pre>" in fragment:
        fragment = fragment.replace("<pre>", '<pre tabindex="0">')
    return fragment.replace("<table>", '<table tabindex="0">') if "<table>" in fragment else fragment


def site_markdown(text: str, root: str) -> str:
    """Markdown from site.yml, such as the home page's introduction: sanitised, no wiki-links
    (site.yml is read before the terms), and clear of the theme's ids as a term's is: an
    element of its own called `stack-data` above the Stack Builder's data was read as the data,
    and its tools' addresses followed; `root` leads from its page to the site's root, for
    addresses written from there."""
    if not text:
        return ""
    fragment = _clear_of_theme_ids(sanitise(_site_html(text)))
    return _site_relative(_focusable_scrollers(long_runs.in_tables(demote_h1(fragment))), [], root)


def _own_extensions() -> list[markdown.Extension]:
    r"""The site's own changes to Python-Markdown, the same in every Markdown field: CommonMark's
    closing '#'s, lists and `\` line breaks, `hl_lines` ranges, other generators' fence
    attributes, fences indented in a list item, bare web addresses, `~~strikethrough~~`, emoji
    shortcodes, Hugo shortcodes without a space shown as written, `\|` in table cells, code in
    reference labels, GitHub's alerts, MkDocs Material's collapsible admonitions and content
    tabs, task lists, pymdownx's marks (==, ^^, ~, ^, ++), classes and pictures' sizes after
    them (attr_list's `{ .md-button }`, `{ width="300" }`), formulas, a footnote's note no
    reference leads to without a link back."""
    return [
        HashHeadingExtension(),
        LineBreakExtension(),
        BareAddressExtension(),
        StrikethroughExtension(),
        EmojiShortcodesExtension(),
        HugoShortcodesExtension(),
        EscapedPipeTableExtension(),
        ReferenceLabelExtension(),
        HighlightRangesExtension(),
        FenceAttributesExtension(),
        ObsidianCommentsExtension(),
        GitHubAlertsExtension(),
        QuotedFencesExtension(),
        CollapsibleAdmonitionsExtension(),
        ContentTabsExtension(),
        TaskListExtension(),
        InlineMarksExtension(),
        LinkAttributesExtension(),
        CommonMarkListsExtension(),
        IndentedFencesExtension(),
        FormulaExtension(),
        NoteBacklinksExtension(),
    ]


def _site_html(text: str) -> str:
    """The same Markdown as in terms (tables, fenced code, footnotes), but for wiki-links.
    Without footnotes, `[^note]` was shown as written and its note read as a link to 'note'.
    The intro is its page's only Markdown, so its notes keep their plain ids (`#fn:note`)."""
    return markdown.markdown(
        text,
        extensions=[*EXTENSIONS, "sane_lists", "codehilite", *_own_extensions()],
        extension_configs={
            "codehilite": {"guess_lang": False, "css_class": "highlight"},
            "footnotes": {"UNIQUE_IDS": False},
        },
        output_format="html",
    )


def site_markdown_urls(text: str) -> tuple[str, ...]:
    """The addresses on this site that site.yml's Markdown `text` links to, as written."""
    found: list[str] = []
    if text:
        converted = _site_html(text)
        found += _refused_urls(converted)
        _site_relative(sanitise(converted), found, "")
    return tuple(dict.fromkeys(found))


#: The title of a heading's permalink ('#') in converted HTML, which the cache keeps whatever
#: the site's labels say; `permalinks_titled` gives it the site's words when a page is made.
PERMALINK_TITLE = "Link to this section"


def permalinks_titled(fragment: str, title: str) -> str:
    """The fragment with its headings' permalinks titled `title` (the label link_to_this_section)."""
    if title == PERMALINK_TITLE:
        return fragment
    return fragment.replace(f'title="{PERMALINK_TITLE}"', f'title="{html.escape(title)}"')


#: Code in HTML the engine wrote, whose text is shown as written, brackets and all.
HTML_CODE_RE = re.compile(r"<(pre|code)\b.*?</\1>", re.DOTALL)


def site_markdown_wikilinks(text: str) -> tuple[str, ...]:
    """The wiki-links written in site.yml's Markdown `text` outside code, as written: with no
    terms to link to yet, site_markdown would show their brackets."""
    if "[[" not in text:
        return ()
    shown = HTML_CODE_RE.sub("", _site_html(text))
    return tuple(dict.fromkeys(html.unescape(found.group(0)) for found in re.finditer(WIKILINK_RE, shown)))


class _CachedStyleFormatter(HtmlFormatter):  # type: ignore[misc]
    """Pygments rebuilds its style table for every code block; ours are all the same style."""

    _tables: ClassVar[dict[object, tuple[dict[Any, str], dict[str, Any]]]] = {}

    def _create_stylesheet(self) -> None:
        cached = self._tables.get(self.style)
        if cached is None:
            super()._create_stylesheet()
            cached = self._tables[self.style] = (self.ttype2class, self.class2style)
        self.ttype2class: dict[Any, str] = cached[0]
        self.class2style: dict[str, Any] = cached[1]


class TooComplex(ContentError):
    """Text that Python-Markdown would take minutes over; reported rather than converted.
    Raised where the file is not known; the caller reports it at `line` of its file."""

    def __init__(self, line: int, message: str) -> None:
        super().__init__("", line, message)
        self.line = line


Part = tuple[str, int, Breaks | None]  # Markdown text, its first file line, where its file lines begin


@dataclass
class _Source:
    """The text being converted, split into parts that each start on a known file line."""

    text: str = ""
    offsets: list[int] = field(default_factory=list)
    first_lines: list[int] = field(default_factory=list)
    breaks: list[Breaks | None] = field(default_factory=list)
    cursor: int = 0
    searchable: str | None = None
    links: list[WikiLink] = field(default_factory=list)
    #: What the engine's wiki-link placeholders carry (_mark); editors' links cannot.
    mark: str = ""

    def line_of(self, raw: str) -> int:
        """Find the link after the previous one, then count lines within its part.

        A link text that occurs once in the whole text is the link. Otherwise code is blanked
        out first, so a link-like text in code is never mistaken for the link; footnotes are
        converted last, so a link not found after the cursor is sought again. The engine
        expands tabs, so a link written with one is sought by its words, and a link's bare '|' in
        a table row reaches it escaped (table_pipes), so it is sought as written.
        """
        if "\\|" in raw and raw not in self.text:
            raw = raw.replace("\\|", "|")
        if self.text.count(raw) == 1:
            at = self.text.find(raw)
        else:
            at = self._without_code().find(raw, self.cursor)
            if at < 0:
                at = self._without_code().find(raw)
        end = at + len(raw)
        if at < 0:
            words = re.compile(r"\s+".join(map(re.escape, raw.split())))
            found = words.search(self._without_code(), self.cursor) or words.search(self._without_code())
            if found is None:
                return self.first_lines[0] if self.first_lines else 1
            at, end = found.span()
        self.cursor = end
        part = bisect.bisect_right(self.offsets, at) - 1
        breaks = self.breaks[part]
        if breaks is not None:
            return self.first_lines[part] + bisect.bisect_right(breaks, at - self.offsets[part])
        return self.first_lines[part] + self.text.count("\n", self.offsets[part], at)

    def _without_code(self) -> str:
        if self.searchable is None:
            self.searchable = CODE_RE.sub(lambda m: " " * len(m.group(0)), self.text)
        return self.searchable


class _WikiLinkProcessor(InlineProcessor):
    def __init__(self, source: _Source, md: markdown.Markdown) -> None:
        super().__init__(WIKILINK_RE, md)
        self.source = source

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element | None, int | None, int | None]:
        written, found = m.group(0), m
        if util.STX in written:
            written = self._escaped_pipes(written, "\\|")
            found = self.compiled_re.match(self._escaped_pipes(m.group(0), "|")) or m
        target = " ".join(found.group(1).split())
        if not target and found.group(2) is None:  # "[[]]" is brackets, as in code written as prose
            return None, None, None
        if data[m.start(0) - 1 : m.start(0)] == "!":  # Obsidian's embed, shown as written and warned of
            return None, None, None
        if within_tag(data, m.start(0)):
            return None, None, None
        named = target[len(TOOL_PREFIX) :].strip() if target.casefold().startswith(TOOL_PREFIX) else target
        label = " ".join((found.group(2) or "").split()) or named
        number = len(self.source.links)
        self.source.links.append(WikiLink(target, label, self.source.line_of(written)))
        element = etree.Element("a", {"href": f"{PLACEHOLDER_HREF}{self.source.mark}{number}"})
        element.text = label
        return element, m.start(0), m.end(0)

    def _escaped_pipes(self, text: str, pipe: str) -> str:
        """`[[Term\\|text]]`, as a Markdown table cell must write it, with `pipe` for its `\\|`."""
        stash = self.md.treeprocessors["inline"].stashed_nodes  # type: ignore[attr-defined]
        return util.INLINE_PLACEHOLDER_RE.sub(
            lambda p: pipe if stash.get(p.group(1)) == ESCAPED_PIPE else p.group(0), text
        )


class _WikiLinkExtension(markdown.Extension):
    def __init__(self, source: _Source) -> None:
        super().__init__()
        self.source = source

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(_WikiLinkProcessor(self.source, md), "glossary-wikilink", 175)


class Converter:
    """One Markdown engine per process, reused for every term (building one is slow).

    `fast` adds the text-gated stages of `quick_markdown` (which leave the stock ones in place,
    with a warning, on a Python-Markdown release they are not tested with) and a Pygments
    formatter that reuses its style table: conversion takes less than half the time, for the
    same HTML. `fast=False` is Python-Markdown's and Pygments' stock code throughout, the
    reference the tests compare the fast engine with.
    """

    def __init__(self, fast: bool = True) -> None:
        self.fast = fast
        self.source = _Source()
        self.md = self._engine()
        #: The addresses on this site the last text converted links to (_site_relative).
        self.site_urls: tuple[str, ...] = ()
        #: The fields of the last term converted that were too complex to convert, left empty.
        self.too_complex: tuple[TooComplex, ...] = ()
        #: The text (of the last term or tool converted) that holds a link written as a
        #: wiki-link's placeholder, if one does.
        self.forged: Part | None = None

    def _engine(self) -> markdown.Markdown:
        return markdown.Markdown(
            extensions=[
                *EXTENSIONS,
                "sane_lists",
                "codehilite",
                "toc",
                _WikiLinkExtension(self.source),
                *_own_extensions(),
                *([TextGatedStages()] if self.fast else []),
            ],
            extension_configs={
                "codehilite": {
                    "guess_lang": False,
                    "css_class": "highlight",
                    "pygments_formatter": _CachedStyleFormatter if self.fast else HtmlFormatter,
                },
                "toc": {
                    "permalink": "#",
                    "permalink_class": "headerlink",
                    "permalink_title": PERMALINK_TITLE,
                    "slugify": _section_anchor,
                },
                "footnotes": {"UNIQUE_IDS": False},
            },
            output_format="html",
        )

    def convert_term(self, term: TermSource) -> RawBody:
        """All Markdown fields of a term in one pass of the engine, which has a high fixed cost.

        The body goes last so its footnotes stay with it. If a part's raw HTML swallows a
        separator, the parts are converted one by one instead. A part too complex to convert
        is left empty and recorded in `too_complex`, so the others' wiki-links are still checked.
        """
        self.source.links = []
        parts = [(term.definition, term.definition_line, term.definition_breaks)]
        parts += [(faq.answer, faq.answer_line, faq.answer_breaks) for faq in term.faq]
        parts += [(table.intro, table.intro_line, table.intro_breaks) for table in term.tables]
        parts += [_inline_part(*written) for written in _inline_texts(term) if _needs_engine(written[0])]
        table_ids = tuple(table.id for table in term.tables)
        parts.append((placement.mark_body(term.body, table_ids), term.body_line, None))
        problems = [limit_problem(text) for text, _, _ in parts]
        self.too_complex = tuple(
            TooComplex(line + lines_down(text, problem[0], breaks), problem[1])
            for (text, line, breaks), problem in zip(parts, problems, strict=True)
            if problem
        )
        if self.too_complex:
            parts = [
                ("" if problem else text, line, breaks)
                for (text, line, breaks), problem in zip(parts, problems, strict=True)
            ]
        try:
            converted = self._convert_parts(parts)
        except RecursionError:
            self.md = self._engine()  # reset() leaves a half-built tree behind; start afresh
            raise
        definition, answers = converted[0], converted[1 : 1 + len(term.faq)]
        after_answers = 1 + len(term.faq)
        intros = converted[after_answers : after_answers + len(term.tables)]
        rich = iter(converted[after_answers + len(term.tables) : -1])

        def inline_html(text: str) -> str:
            return _unwrap_paragraph(next(rich)) if _needs_engine(text) else _simple_cell(text)

        questions = tuple(inline_html(faq.question) for faq in term.faq)
        cells = tuple(
            tuple(tuple(long_runs.mark(inline_html(cell)) for cell in row) for row in table.rows)
            for table in term.tables
        )
        body = placement.slot_tables(converted[-1])
        return RawBody(
            definition,
            body,
            tuple(answers),
            cells,
            tuple(self.source.links),
            questions,
            tuple(intros),
            self.site_urls,
        )

    def convert_text(self, text: str, first_line: int) -> tuple[str, tuple[WikiLink, ...], tuple[str, ...]]:
        """One Markdown text on its own (a tool's body), with its wiki-links and site addresses."""
        _check_limits(text, first_line)
        self.source.links = []
        html_text = self._convert_parts([(text, first_line, None)])[0]
        return html_text, tuple(self.source.links), self.site_urls

    def _convert_parts(self, parts: list[Part]) -> list[str]:
        self.source.mark = _mark(text for text, _, _ in parts)
        self.forged = None
        pieces: list[str] = []
        if len(parts) == 1 or not (
            any(ENTANGLING_RE.search(text) for text, _, _ in parts[:-1])
            or any(ABBREVIATION_RE.search(text) for text, _, _ in parts)
        ):
            joined = f"\n\n{PART_MARK}\n\n".join(text for text, _, _ in parts)
            self._start(joined, parts)
            pieces = self.md.convert(joined).split(f"<p>{PART_MARK}</p>")
        if len(pieces) != len(parts):
            self.source.links = []
            pieces = []
            for number, part in enumerate(parts, 1):
                self._start(part[0], [part])
                piece = self.md.convert(part[0])
                # Each part numbers its footnotes from 1; the body's keep their plain ids.
                pieces.append(FOOTNOTE_ID_RE.sub(rf"\1\2:{number}-", piece) if number < len(parts) else piece)
            pieces = _unique_anchors(pieces)
        found: list[str] = []
        html_pieces = []
        for part, piece in zip(parts, pieces, strict=True):
            found += _refused_urls(piece)  # checked: sanitise drops them
            clean = sanitise(piece.strip())
            if FORGED_RE.search(clean) and self.forged is None:
                self.forged = part
            html_pieces.append(
                _site_relative(
                    _focusable_scrollers(
                        long_runs.in_tables(demote_h1(_clear_of_theme_ids(self._unmarked(clean))))
                    ),
                    found,
                )
            )
        self.site_urls = tuple(dict.fromkeys(found))
        return html_pieces

    def _unmarked(self, fragment: str) -> str:
        """The engine's placeholders as wiki-links.fill_links reads them, once an editor's link
        written as one (`<a href="#wikilink-0">`, FORGED_RE), which lacks the mark, is known."""
        if PLACEHOLDER_HREF not in fragment:
            return fragment
        return fragment.replace(
            f'<a href="{PLACEHOLDER_HREF}{self.source.mark}', f'<a href="{PLACEHOLDER_HREF}'
        )

    def _start(self, text: str, parts: list[Part]) -> None:
        self.md.reset()
        offsets, position = [], 0
        for part, _, _ in parts:
            offsets.append(position)
            position += len(part) + len(PART_MARK) + 4
        self.source.text, self.source.cursor = text, 0
        self.source.searchable = None
        self.source.offsets = offsets
        self.source.first_lines = [line for _, line, _ in parts]
        self.source.breaks = [breaks for _, _, breaks in parts]


def _mark(texts: Iterable[str]) -> str:
    """A mark made from the texts themselves: a link an editor writes as a placeholder would
    have to hold the digest of the text it is in."""
    digest = hashlib.blake2b(digest_size=6)
    for text in texts:
        digest.update(text.encode("utf-8", "surrogatepass") + b"\0")
    return f"m{digest.hexdigest()}-"


def _unique_anchors(pieces: list[str]) -> list[str]:
    """Parts converted one by one each make their headings' anchors afresh, so two parts could
    give one id twice (a table's intro and the body, both with '## Notes'): an anchor an earlier
    part has gets the first free '_N' after it, with the links to it, as one conversion does."""
    taken: set[str] = set()
    unique = []
    for piece in pieces:
        own = {value for name, _, value in _ID_OR_FRAGMENT_RE.findall(piece) if name == "id"}
        renamed: dict[str, str] = {}
        for anchor in sorted(own & taken):
            number = 1
            while f"{anchor}_{number}" in taken | own | set(renamed.values()):
                number += 1
            renamed[anchor] = f"{anchor}_{number}"
        if renamed:
            piece = in_tags(piece, functools.partial(_renamed_anchors, renamed))
        taken |= (own - renamed.keys()) | set(renamed.values())
        unique.append(piece)
    return unique


def _renamed_anchors(renamed: dict[str, str], tag: str) -> str:
    def rename(found: re.Match[str]) -> str:
        name, hash_mark, value = found.groups()
        if value in renamed and (name == "id" or hash_mark):
            return f' {name}="{hash_mark}{renamed[value]}"'
        return found.group(0)

    return _ID_OR_FRAGMENT_RE.sub(rename, tag)


def _inline_texts(term: TermSource) -> list[Part]:
    """The questions, then the cells, each with where its text is in the file: a question
    written as a block starts below its `q:`, a cell of a row written as a list below its row."""
    inline: list[Part] = [
        (faq.question, faq.question_line or faq.line, faq.question_breaks) for faq in term.faq
    ]
    for table in term.tables:
        placed = {(r, c): (line, breaks) for r, c, line, breaks in table.cell_lines}
        row_lines = table.row_lines or (table.line,) * len(table.rows)
        for r, (row, line) in enumerate(zip(table.rows, row_lines, strict=True)):
            for c, cell in enumerate(row):
                inline.append((cell, *placed[r, c]) if (r, c) in placed else (cell, line, None))
    return inline


def _inline_part(text: str, line: int, breaks: Breaks | None) -> Part:
    """The text as the engine gets it: a backslash before what would start a block moves
    the rest, and so where each file line begins, one character on."""
    escaped = BLOCK_START_RE.sub(_escape_block_start, text)
    if breaks and len(escaped) != len(text):
        breaks = tuple(at + len(escaped) - len(text) for at in breaks)
    return escaped, line, breaks


def _check_limits(text: str, line: int) -> None:
    problem = limit_problem(text)
    if problem is not None:
        raise TooComplex(line + lines_down(text, problem[0], None), problem[1])


def _section_anchor(text: str, separator: str) -> str:
    """A heading that would take a theme id starts at '_1', so the engine numbers a second one
    '_2' as it numbers any repeat; renamed only afterwards, both would be '_1'."""
    anchor = heading_anchor(text, separator)
    return f"{anchor}_1" if anchor in THEME_IDS else anchor


#: An id, or a link to a place on the same page, in a tag of sanitised HTML (nh3 writes "...").
_ID_OR_FRAGMENT_RE = re.compile(r'\s(id|href)="(#?)([^"]*)"')
_H2_ID_RE = re.compile(r'<h2\b[^>]*?\sid="([^"]+)"')


def page_anchors(raw: RawBody) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The ids a term's converted Markdown gives its page (headings, footnotes, the editor's
    own HTML), and the places on the same page its links lead to ('#x' as `x`, as read), both
    once each in the order written: a link to a section is checked against them (plan.py).
    Third, the ids given more than once, which the page must not have."""
    fragments = [raw.definition, raw.body, *raw.faq_answers, *raw.faq_questions, *raw.table_intros]
    fragments += (cell for table in raw.table_cells for row in table for cell in row)
    ids: dict[str, None] = {}
    linked: dict[str, None] = {}
    repeated: dict[str, None] = {}
    for fragment in fragments:
        if ' id="' not in fragment and 'href="#' not in fragment:
            continue
        for tag in tags(fragment):
            for attribute, hash_mark, value in _ID_OR_FRAGMENT_RE.findall(tag):
                if attribute == "id":
                    given = html.unescape(value)
                    if given in ids:
                        repeated[given] = None
                    ids[given] = None
                elif hash_mark and not (hash_mark + value).startswith(PLACEHOLDER_HREF):
                    linked[html.unescape(value)] = None
    return tuple(ids), tuple(linked), tuple(repeated)


def table_anchors(wanted: tuple[str, ...], body: str) -> list[tuple[str, str]]:
    """Each table's heading id and the id of its name, unlike every other on the page (the
    theme's, the body's section headings'): its own, or with '-table' after it (and a number,
    if a heading or another table has that too). Both the page and the check of links to its
    sections read them here."""
    taken = set(THEME_IDS).union(_H2_ID_RE.findall(body) if "<h2" in body else ())
    anchors = [_table_anchor(table_id, taken) for table_id in wanted]
    return list(zip(anchors, [_table_anchor(f"{anchor}-name", taken) for anchor in anchors], strict=True))


def _table_anchor(wanted: str, taken: set[str]) -> str:
    anchor, number = wanted, 1
    while anchor in taken:
        anchor = f"{wanted}-table" + (f"-{number}" if number > 1 else "")
        number += 1
    taken.add(anchor)
    return anchor


def _clear_of_theme_ids(fragment: str) -> str:
    if not THEME_ID_RE.search(fragment):
        return fragment
    taken = {found for tag in tags(fragment) for found in THEME_ID_RE.findall(tag)}

    def rename(tag: str) -> str:
        for name in taken:
            tag = tag.replace(f'id="{name}"', f'id="{name}_1"').replace(
                f'href="#{name}"', f'href="#{name}_1"'
            )
        return tag

    return in_tags(fragment, rename) if taken else fragment


def _refused_urls(fragment: str) -> list[str]:
    """The addresses in `fragment` whose scheme sanitise drops, as written. Most links start
    with http, / or # (wiki-links and footnotes at this stage): counted, they need no search."""
    links = sum(fragment.count(f"{attribute}=") for attribute in URL_ATTRIBUTES)
    if links == sum(map(fragment.count, _NOT_RELATIVE)):
        return []
    values = ("".join(value) for tag in tags(fragment) for value in LINK_VALUE_RE.findall(tag))
    return [
        url
        for url in (html.unescape(value).strip() for value in values)
        if REFUSED_URL_RE.match(as_read(url))
    ]


def _site_relative(fragment: str, found: list[str], root: str = PAGE_ROOT) -> str:
    """Addresses on this site in an editor's Markdown (`/images/x.png`, `/search/`, a
    quotation's `cite`) made relative to the page, as every link the site makes is, so they
    work under base_url's sub-path and opened from disk; `found` gets each as written, to be
    checked, and so do the addresses written relative to the page, which are left as they are,
    the full http(s) ones, which may be this site's own, and those starting with '//'."""
    links = sum(fragment.count(f'{attribute}="') for attribute in URL_ATTRIBUTES)
    if links != sum(map(fragment.count, _NOT_RELATIVE)):  # rare, so counted before searched
        found += (html.unescape(url) for tag in tags(fragment) for url in RELATIVE_URL_RE.findall(tag))
    if '="http' in fragment:
        found += (html.unescape(url) for tag in tags(fragment) for url in ABSOLUTE_URL_RE.findall(tag))
    if '="/' not in fragment:
        return fragment
    if '="//' in fragment:
        found += (html.unescape(u) for tag in tags(fragment) for u in PROTOCOL_RELATIVE_URL_RE.findall(tag))

    def relative(match: re.Match[str]) -> str:
        url = html.unescape(match.group(2))
        found.append(url)
        return f'{match.group(1)}="{html.escape(link_url(url, root))}"'

    return in_tags(fragment, lambda tag: SITE_URL_RE.sub(relative, tag))


def _needs_engine(cell: str) -> bool:
    return bool(INLINE_SPECIALS.search(cell)) and not CODE_CELL_RE.match(cell)


def _simple_cell(cell: str) -> str:
    """Most cells and questions are plain text or one code span; the engine's fixed cost is
    not worth it."""
    code = CODE_CELL_RE.match(cell)
    return f"<code>{html.escape(code.group(1).strip())}</code>" if code else html.escape(cell)


def _escape_block_start(match: re.Match[str]) -> str:
    """Cells are inline Markdown: '> 5', '# of', '1. first' or '***' must not start a block."""
    return "\\" + match.group(1) if match.group(1) else match.group(2) + "\\"


def _unwrap_paragraph(fragment: str) -> str:
    if fragment.startswith("<p>") and fragment.endswith("</p>") and fragment.count("<p>") == 1:
        return fragment[3:-4]
    return fragment


def tool_bodies(
    toolbox: Toolbox,
    glossary: Glossary,
    diagnostics: Diagnostics,
    site_urls: dict[str, tuple[str, ...]] | None = None,
) -> dict[str, str]:
    """Each tool's body as HTML, its wiki-links resolved (and reported) like a term's; into
    `site_urls`, when given, the addresses on this site each links to (the build checks them)."""
    converter = Converter()
    bodies: dict[str, str] = {}
    for slug, tool in toolbox.tools.items():
        if not tool.body.strip():
            continue
        try:
            text, links, found = converter.convert_text(tool.body, tool.body_line)
        except TooComplex as problem:
            diagnostics.error(tool.path, problem.line, str(problem))
            continue
        except RecursionError:
            diagnostics.error(tool.path, tool.body_line, "Markdown is too complex to convert; simplify it")
            continue
        targets = resolve_targets(tool.path, links, glossary, diagnostics, toolbox)
        if converter.forged is not None:  # after its links are checked: all problems in one run
            diagnostics.error(tool.path, forged_line(*converter.forged), FORGED)
            continue
        raw = RawBody("", text, (), (), links)
        if site_urls is not None and found:
            site_urls[slug] = found
        bodies[slug] = fill_links(raw, faces_of(targets, glossary, toolbox), terms="../../terms/").body
    return bodies
