"""Markdown → safe HTML for one term, with wiki-links resolved and recorded with their lines."""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree
from collections.abc import Mapping
from dataclasses import dataclass, field

import markdown
import nh3
from markdown.inlinepatterns import InlineProcessor

from glossary_site.diagnostics import Diagnostic, Diagnostics, Severity
from glossary_site.graph import resolve, unknown_reference
from glossary_site.model import Body, Glossary, TermSource

WIKILINK_RE = r"\[\[([^\]\|]+?)(?:\|([^\]]+?))?\]\]"
INLINE_SPECIALS = re.compile(r"[*_`\[\]<>&!\\~]|https?://")

_TAGS = set(nh3.ALLOWED_TAGS) - {"center", "strike", "tt", "acronym", "map", "area"}
_ATTRIBUTES = {
    "*": {"id", "class", "title", "lang", "dir"},
    "a": {"href", "hreflang"},
    "img": {"src", "alt", "width", "height"},
    "td": {"colspan", "rowspan", "style"},
    "th": {"colspan", "rowspan", "scope", "style"},
    "ol": {"start"},
    "blockquote": {"cite"},
    "time": {"datetime"},
}


def sanitise(fragment: str) -> str:
    """Raw HTML in Markdown comes from many editors; keep structure, drop anything active."""
    return nh3.clean(
        fragment,
        tags=_TAGS,
        attributes=_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        filter_style_properties={"text-align"},
        link_rel=None,
    )


def demote_h1(fragment: str) -> str:
    """The term title is the page's only h1, so a '# Heading' in Markdown becomes an h2."""
    return fragment.replace("<h1", "<h2").replace("</h1>", "</h2>") if "<h1" in fragment else fragment


@dataclass
class _LinkContext:
    """What the wiki-link processor needs to know about the text being converted right now."""

    names: Mapping[str, str]
    glossary: Glossary
    source: str = ""
    first_line: int = 1
    cursor: int = 0
    links: list[str] = field(default_factory=list)
    path: str = ""
    problems: list[Diagnostic] = field(default_factory=list)

    def start(self, source: str, first_line: int) -> None:
        self.source, self.first_line, self.cursor = source, first_line, 0

    def line_of(self, raw: str) -> int:
        """Find the link in the source text after the previous one, for its file line."""
        at = self.source.find(raw, self.cursor)
        if at < 0:
            return self.first_line
        self.cursor = at + len(raw)
        return self.first_line + self.source.count("\n", 0, at)


class _WikiLinkProcessor(InlineProcessor):
    def __init__(self, context: _LinkContext) -> None:
        super().__init__(WIKILINK_RE)
        self.context = context

    def handleMatch(  # type: ignore[override]
        self, m: re.Match[str], data: str
    ) -> tuple[etree.Element, int, int]:
        target = " ".join(m.group(1).split())
        label = " ".join((m.group(2) or m.group(1)).split())
        line = self.context.line_of(m.group(0))
        slug = resolve(self.context.names, target)
        glossary = self.context.glossary
        if slug is None or slug not in glossary.terms:
            if slug is None:
                message = unknown_reference(self.context.names, target, "wiki-link target")
                severity = Severity.ERROR
            else:
                message = f"wiki-link '{target}' points to a draft; it is shown as plain text"
                severity = Severity.WARNING
            self.context.problems.append(Diagnostic(self.context.path, line, message, severity))
            element = etree.Element("span", {"class": "wikilink-missing"})
        else:
            self.context.links.append(slug)
            element = etree.Element("a", {"class": "wikilink", "href": f"../{slug}/index.html"})
            element.set("title", glossary.terms[slug].summary)
        element.text = label
        return element, m.start(0), m.end(0)


class _WikiLinkExtension(markdown.Extension):
    def __init__(self, context: _LinkContext) -> None:
        super().__init__()
        self.context = context

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        md.inlinePatterns.register(_WikiLinkProcessor(self.context), "glossary-wikilink", 175)


class Converter:
    """One Markdown engine per process, reused for every term (building one is slow)."""

    def __init__(self, glossary: Glossary) -> None:
        self.context = _LinkContext(glossary.names, glossary)
        self.md = markdown.Markdown(
            extensions=[
                "tables",
                "fenced_code",
                "footnotes",
                "sane_lists",
                "codehilite",
                "toc",
                _WikiLinkExtension(self.context),
            ],
            extension_configs={
                "codehilite": {"guess_lang": False, "css_class": "highlight"},
                "toc": {
                    "permalink": "#",
                    "permalink_class": "headerlink",
                    "permalink_title": "Link to this section",
                },
                "footnotes": {"UNIQUE_IDS": False},
            },
            output_format="html",
        )

    def convert(self, text: str, first_line: int) -> str:
        self.context.start(text, first_line)
        self.md.reset()
        return demote_h1(sanitise(self.md.convert(text)))

    def inline(self, text: str, first_line: int) -> str:
        """Inline Markdown for table cells; plain text skips the engine, as most cells are."""
        if not INLINE_SPECIALS.search(text):
            return html.escape(text, quote=False)
        converted = self.convert(text, first_line)
        if converted.startswith("<p>") and converted.endswith("</p>"):
            return converted[3:-4]
        return converted

    def render_term(self, term: TermSource, diagnostics: Diagnostics) -> Body:
        self.context.links = []
        self.context.problems = []
        self.context.path = term.path
        definition = self.convert(term.definition, term.definition_line)
        body = self.convert(term.body, term.body_line)
        answers = tuple(self.convert(faq.answer, faq.answer_line) for faq in term.faq)
        cells = tuple(
            tuple(tuple(self.inline(cell, table.line) for cell in row) for row in table.rows)
            for table in term.tables
        )
        for problem in self.context.problems:
            diagnostics.add(problem)
        links = tuple(dict.fromkeys(self.context.links))
        return Body(definition, body, answers, cells, links)


def render_bodies(glossary: Glossary, diagnostics: Diagnostics) -> dict[str, Body]:
    converter = Converter(glossary)
    return {slug: converter.render_term(term, diagnostics) for slug, term in glossary.terms.items()}
