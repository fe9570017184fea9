"""A term's page: one record of everything it shows, and the view its template receives.

The page's key is the digest of the whole record (fingerprint.record_text walks every field),
and the view is made from the record and the term file the record names by its hash, so a
page cannot show something its key leaves out.
"""

from __future__ import annotations

import dataclasses
import functools
import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, NamedTuple

from glossary_site import placement, structured
from glossary_site.config import SiteConfig
from glossary_site.heading_attributes import CONTENTS_LABEL
from glossary_site.markup import permalinks_titled, table_anchors
from glossary_site.model import Body, CtaBlock, Face, PageJob, TermSource, distinct_aliases
from glossary_site.neighbourhood import neighbourhood
from glossary_site.page_jobs import PageMaker, face_texts
from glossary_site.render import TEMPLATES
from glossary_site.tools import PREFIX as TOOL
from glossary_site.urls import edit_address, group_url, link_url, term_path, tool_path
from glossary_site.views import LinkView

ROOT = "../../"
H2_RE = re.compile(r"<h2\s([^>]*)>(.*?)</h2>", re.DOTALL)
#: A section heading's id, or its words in "On this page" (heading_attributes.CONTENTS_LABEL).
_HEADING_ATTRIBUTE_RE = re.compile(rf'(?<![\w-])(id|{CONTENTS_LABEL})="([^"]*)"')
HEADERLINK_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>', re.DOTALL)
TAG_RE = re.compile(r"<[^>]+>")


class GroupName(NamedTuple):
    name: str
    slug: str


class TermName(NamedTuple):
    """A term as the previous/next links show it: without its summary, whose edits they ignore."""

    title: str
    slug: str


class TableView(NamedTuple):
    """`name_id` is on the heading's text alone, which names the table: the heading itself would
    give it the permalink's '#' as well."""

    anchor: str
    name_id: str
    title: str
    intro: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class BodyPart(NamedTuple):
    """A run of the body's HTML, then the table the editor placed after it (if any)."""

    html: str
    table: TableView | None


class FaqView(NamedTuple):
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class TermPage:
    """The inputs of one term page; every field is part of its key."""

    slug: str
    #: The term file's content hash: it stands for every field of the term and its body.
    source: str
    #: Where the file is (content/terms/gpu.md), which the page's edit link names.
    file: str
    #: The term each wiki-link points to, in order; None where the link is shown as text.
    links: tuple[Face | None, ...]
    related: tuple[Face, ...]
    backlinks: tuple[Face, ...]
    category: GroupName | None
    tags: tuple[GroupName, ...]
    #: The call to action shown, its url already relative to the page.
    cta: CtaBlock | None
    #: With auto-linking any text may link any term: a digest of every name and face, else "".
    autolinked: str
    #: The tools the term lists or links ("Related on <site>"), their faces keyed "tool:slug".
    tools: tuple[Face, ...] = ()
    #: The terms before and after this one, A to Z.
    previous: TermName | None = None
    next: TermName | None = None


class Surroundings(NamedTuple):
    """What a term's page shows of other terms and tools, by slug: saved after each build so
    that term_edits.py can make the record again without the rest of the glossary."""

    links: tuple[str | None, ...]
    related: tuple[str, ...]
    backlinks: tuple[str, ...]
    categories: tuple[GroupName, ...]
    tags: tuple[GroupName, ...]
    #: Tool slugs, without the "tool:" their faces are keyed by.
    tools: tuple[str, ...]
    previous: TermName | None
    next: TermName | None


def term_record(
    slug: str,
    source: str,
    file: str,
    around: Surroundings,
    faces: Mapping[str, Face],
    cta: CtaBlock | None,
    autolinked: str,
) -> TermPage:
    face = faces.__getitem__
    return TermPage(
        slug=slug,
        source=source,
        file=file,
        links=tuple(map(faces.get, around.links)),  # type: ignore[arg-type]
        related=tuple(map(face, around.related)),
        backlinks=tuple(map(face, around.backlinks)),
        category=around.categories[0] if around.categories else None,
        tags=around.tags,
        cta=cta,
        tools=tuple(face(TOOL + s) for s in around.tools),
        autolinked=autolinked,
        previous=around.previous,
        next=around.next,
    )


def term_job(
    maker: PageMaker,
    page: TermPage,
    term: TermSource,
    body: Callable[[], Body],
    known: Mapping[object, str] | None = None,
) -> PageJob:
    """The page of `term`, made from its record; `body` gives its converted text, filled."""
    view = lambda: term_view(page, term, body(), maker.config)  # noqa: E731
    return maker.record_job(TEMPLATES["term"], term_path(page.slug), page, view, known)


def known_for(page: TermPage) -> dict[object, str]:
    """The texts a whole build gives the faces this record shows (pages.SitePages.known), so
    its key comes out the same without the rest of the glossary."""
    return face_texts((*page.links, *page.related, *page.backlinks, *page.tools))


def cta_link(block: CtaBlock) -> CtaBlock:
    return block._replace(url=link_url(block.url, ROOT))


def term_view(page: TermPage, term: TermSource, body: Body, config: SiteConfig) -> dict[str, Any]:
    """What term.html receives; `term` and `body` are the file `page.source` names."""
    titled = functools.partial(permalinks_titled, title=config.labels["link_to_this_section"])
    body = dataclasses.replace(
        body,
        definition=titled(body.definition),
        body=titled(body.body),
        faq_answers=tuple(map(titled, body.faq_answers)),
        table_intros=tuple(map(titled, body.table_intros)),
    )
    pieces, slots = placement.split_at_slots(body.body)
    headings = [_heading(piece) for piece in pieces]
    anchors = table_anchors(tuple(table.id for table in term.tables), body.body)
    tables = [
        TableView(anchor, name_id, table.title, intro, table.columns, cells)
        for (anchor, name_id), table, intro, cells in zip(
            anchors, term.tables, body.table_intros, body.table_cells, strict=True
        )
    ]
    parts = [BodyPart(html, tables[index]) for html, index in zip(pieces, slots, strict=False)]
    parts.append(BodyPart(pieces[-1], None))
    after = [table for index, table in enumerate(tables) if index not in slots]
    said = config.labels
    toc = [LinkView(said["definition"], "#term-definition")]
    for found, part in zip(headings, parts, strict=True):
        toc += [LinkView(text, f"#{anchor}") for anchor, text in found]
        if part.table:
            toc.append(LinkView(part.table.title, f"#{part.table.anchor}"))
    toc += [LinkView(table.title, f"#{table.anchor}") for table in after]
    if term.faq:
        toc.append(LinkView(said["practice_questions"], "#term-faq"))
    if term.sources:
        toc.append(LinkView(said["further_reading"], "#term-sources"))
    category = page.category
    return {
        "title": term.title,
        "description": term.summary,
        "term": term,
        "aliases": distinct_aliases(term.title, term.aliases),
        "body": body,
        "parts": [part for part in parts if part.html.strip() or part.table],
        "tables": after,
        "toc": toc,
        "previous": _name_link(page.previous),
        "next": _name_link(page.next),
        "faq": [FaqView(q, a) for q, a in zip(body.faq_questions, body.faq_answers, strict=True)],
        "sources": [LinkView(s.title, link_url(s.url, ROOT)) for s in term.sources],
        "json_ld": structured.term_blocks(config, term, body, category),
        "category": LinkView(category.name, group_url("categories", category.slug, ROOT))
        if category
        else None,
        "tags": [LinkView(g.name, group_url("tags", g.slug, ROOT)) for g in page.tags],
        "related": [_link(face) for face in page.related],
        "tools": [
            LinkView(face.title, ROOT + tool_path(face.slug.removeprefix(TOOL)), face.summary)
            for face in page.tools
        ],
        "backlinks": [_link(face) for face in page.backlinks],
        "graph": neighbourhood(page, term.title, said, config.language),
        "cta": page.cta,
        "edit": edit_address(config, page.file),
    }


def _heading(fragment: str) -> list[tuple[str, str]]:
    """The anchor and words of each section heading in a piece of the body: those an attribute
    list gave it for "On this page", if any, without tags, as Python-Markdown's toc reads them."""
    if "<h2" not in fragment:
        return []
    headings = []
    for attributes, inner in H2_RE.findall(fragment):
        given = dict(_HEADING_ATTRIBUTE_RE.findall(attributes))
        if "id" in given:
            label = TAG_RE.sub("", html.unescape(given.get(CONTENTS_LABEL, "")))
            words = label or html.unescape(TAG_RE.sub("", HEADERLINK_RE.sub("", inner)))
            headings.append((html.unescape(given["id"]), words.strip()))
    return headings


def _name_link(name: TermName | None) -> LinkView | None:
    return LinkView(name.title, ROOT + term_path(name.slug)) if name else None


def _link(face: Face) -> LinkView:
    return LinkView(face.title, ROOT + term_path(face.slug), face.summary)
