"""A term's page: one record of everything it shows, and the view its template receives.

The page's key is the digest of the whole record (fingerprint.record_text walks every field),
and the view is made from the record and the term file the record names by its hash, so a
page cannot show something its key leaves out.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from glossary_site import structured
from glossary_site.config import SiteConfig
from glossary_site.model import Body, CtaBlock, Face, TermSource
from glossary_site.urls import group_path, link_url, term_path
from glossary_site.views import LinkView

ROOT = "../../"


class GroupName(NamedTuple):
    name: str
    slug: str


class TableView(NamedTuple):
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class FaqView(NamedTuple):
    question: str
    answer: str


@dataclass(frozen=True, slots=True)
class TermPage:
    """The inputs of one term page; every field is part of its key."""

    slug: str
    #: The term file's content hash: it stands for every field of the term and its body.
    source: str
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


def cta_link(block: CtaBlock) -> CtaBlock:
    return block._replace(url=link_url(block.url, ROOT))


def term_view(page: TermPage, term: TermSource, body: Body, config: SiteConfig) -> dict[str, Any]:
    """What term.html receives; `term` and `body` are the file `page.source` names."""
    tables = [
        TableView(table.title, table.columns, cells)
        for table, cells in zip(term.tables, body.table_cells, strict=True)
    ]
    category = page.category
    return {
        "title": term.title,
        "description": term.summary,
        "term": term,
        "body": body,
        "tables": tables,
        "faq": [FaqView(q, a) for q, a in zip(body.faq_questions, body.faq_answers, strict=True)],
        "sources": [LinkView(s.title, link_url(s.url, ROOT)) for s in term.sources],
        "json_ld": structured.term_blocks(config, term, body, category.slug if category else None),
        "category": LinkView(category.name, ROOT + group_path("categories", category.slug))
        if category
        else None,
        "tags": [LinkView(g.name, ROOT + group_path("tags", g.slug)) for g in page.tags],
        "related": [_link(face) for face in page.related],
        "backlinks": [_link(face) for face in page.backlinks],
        "cta": page.cta,
    }


def _link(face: Face) -> LinkView:
    return LinkView(face.title, ROOT + term_path(face.slug), face.summary)
