"""Every page of the site as a job: where it goes, its key, and how to render it.

A page's key is the digest of the record of its inputs, plus its templates and the site's
settings: a term page's record is a TermPage (a tool page's a ToolPage, see tool_page.py),
terms.json's the data of every term, and a listing page's its whole view. A build renders
only pages whose key changed, so a key must never leave out anything the page shows;
deriving it from the record the page is made from guarantees that. Views are built lazily:
a term page's body is read only if it is rendered.
"""

from __future__ import annotations

import dataclasses
import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from glossary_site import (
    feeds,
    graph_page,
    labels,
    letter_pages,
    redirects,
    sitemap,
    stack_builder,
    tool_page,
    views,
)
from glossary_site.autolink import Autolinker
from glossary_site.config import SiteConfig
from glossary_site.diagnostics import Diagnostics
from glossary_site.fingerprint import digest, record_text
from glossary_site.link_graph import LinkGraph
from glossary_site.markup import site_markdown, tool_bodies
from glossary_site.model import (
    Body,
    CtaBlock,
    Face,
    Glossary,
    Group,
    PageJob,
    PreparedFile,
    RawBody,
    TermSource,
    Toolbox,
    distinct_aliases,
)
from glossary_site.page_jobs import PageMaker, face_texts
from glossary_site.render import TEMPLATES, Templates
from glossary_site.term_page import (
    GroupName,
    Surroundings,
    TermName,
    TermPage,
    cta_link,
    term_job,
    term_record,
)
from glossary_site.tools import PREFIX as TOOL
from glossary_site.urls import STACK_BUILDER, absolute, group_feed_path, group_path, term_path
from glossary_site.wikilinks import fill_links


@dataclass(frozen=True)
class PreparedTerms:
    """Per published term: its prepared file, and the term each of its wiki-links points to."""

    files: dict[str, PreparedFile]
    targets: dict[str, tuple[str | None, ...]]


class TermData(NamedTuple):
    """One term as terms.json holds it."""

    slug: str
    title: str
    aliases: tuple[str, ...]
    summary: str
    definition: str
    category: str | None
    tags: tuple[str, ...]
    related: tuple[str, ...]
    updated: str | None
    url: str


class SitePages(PageMaker):
    """Turns the glossary into page jobs; rendering happens when a job is produced."""

    def __init__(
        self,
        config: SiteConfig,
        glossary: Glossary,
        prepared: PreparedTerms,
        load_body: Callable[[PreparedFile], RawBody],
        toolbox: Toolbox,
        network: LinkGraph,
        earlier: SitePages | None = None,
        templates: Templates | None = None,
    ) -> None:
        shows = {
            "tools": bool(toolbox.tools),
            "graph": bool(glossary.terms),
            "categories": bool(glossary.categories),
            "tags": bool(glossary.tags),
        }
        super().__init__(config, shows, earlier, templates=templates)
        self.glossary = glossary
        self.toolbox = toolbox
        self.network = network
        self.prepared = prepared
        self.load_body = load_body
        self.term_link = views.TermLinks(glossary)
        self.faces = {slug: Face(slug, term.title, term.summary) for slug, term in glossary.terms.items()}
        for slug, tool in self.toolbox.tools.items():
            self.faces[TOOL + slug] = Face(TOOL + slug, tool.title, tool.summary)
        self.categories = _memberships(glossary.categories)
        self.tags = _memberships(glossary.tags)
        self._ctas: dict[CtaBlock, CtaBlock] = {}
        #: Each term's terms.json entry, by what it holds (terms_json_job).
        self._entries: dict[TermData, str] = earlier._entries if earlier is not None else {}
        self.known = self._known_texts()
        self.neighbours = _neighbours(glossary)
        self.autolinker = Autolinker(glossary) if config.autolink else None
        self.autolinked = self._names_digest(self.autolinker) if self.autolinker else ""
        #: Each term page's surroundings, as its record was last made (term_edits.py saves them).
        self.surroundings: dict[str, Surroundings] = {}
        #: The last build's pages in this process (serve), whose term records are taken again
        #: where nothing in them changed: making 10,000 records is most of planning a build.
        self._earlier = earlier if earlier is not None and self._earlier_keys else None
        before = self._earlier.faces if self._earlier is not None else self.faces
        self._moved = frozenset(slug for slug, face in self.faces.items() if before.get(slug) != face)

    def jobs(self) -> list[PageJob]:
        """The pages of the whole glossary come first: each takes as long as dozens of term
        pages, and workers that met them last would finish far apart."""
        return [*self.site_jobs(), *(self.term_job(term) for term in self.glossary.terms.values())]

    def site_jobs(self, graphs: bool = True) -> list[PageJob]:
        """Every page but the term pages: listings, tools, redirects, graphs, feeds and data files.
        Without `graphs` the graph pages are left out, for a save that changes none of what they
        show (titles, categories, links): laying them out is a third of the work at 10,000 terms."""
        jobs = self.dated_jobs()
        jobs += letter_pages.letter_jobs(self, self.glossary, self.faces, self.term_link)
        said = self.config.labels
        for kind, singular in views.TAXONOMIES:
            groups = self.glossary.groups(kind)
            descriptions = views.group_descriptions(self.config, kind)
            listing = views.groups_view(self.config, kind, groups)
            jobs.append(self.page_job(TEMPLATES["groups"], f"{kind}/index.html", **listing))
            jobs += [self.group_job(kind, singular, g, views.described(descriptions, g)) for g in groups]
        description = labels.say(said, "search_description", site=self.config.title)
        jobs.append(
            self.page_job(
                TEMPLATES["search"], "search/index.html", title=said["search"], description=description
            )
        )
        jobs.append(
            self.page_job(
                TEMPLATES["404"],
                "404.html",
                root=self.config.base_path,
                canonical="",  # shown at every missing address, it has no address of its own
                title=said["page_not_found"],
                description="",
            )
        )
        jobs += tool_page.tool_jobs(self, self.config, self.toolbox, self.faces)
        jobs += redirects.redirect_jobs(self, self.config, "terms", self.glossary.terms)
        jobs += redirects.redirect_jobs(self, self.config, "tools", self.toolbox.tools)
        jobs += redirects.section_jobs(self, self.config)
        if graphs:
            jobs += graph_page.graph_jobs(self, self.glossary, self.network, said, self.config.language)
        builder = self.config.stack_builder
        if builder is not None:
            intro = site_markdown(builder.intro, "../")
            view = stack_builder.page_view(builder, self.toolbox, intro, said)
            jobs.append(self.page_job(TEMPLATES["stack_builder"], STACK_BUILDER, **view))
        jobs.append(self.template_job(TEMPLATES["robots"], {"sitemap": absolute(self.config, "sitemap.xml")}))
        script_labels = {"labels_json": labels.as_json(self.config.labels)}
        jobs.append(self.template_job(TEMPLATES["labels"], script_labels, labels.SCRIPT_PATH))
        return jobs

    def dated_jobs(self, dates: bool = True) -> list[PageJob]:
        """The pages that show terms' definitions or dates, besides the terms' own: the feeds and
        terms.json, and with `dates` the home page (its recently updated list) and the sitemap."""
        jobs = [*self.feed_jobs(), self.terms_json_job()]
        if dates:
            jobs.append(self.index_job())
            jobs += [
                self.template_job(TEMPLATES[file.template], file.view, file.path)
                for file in sitemap.sitemap_files(self.config, self.glossary, self.toolbox)
            ]
        return jobs

    def feed_jobs(self) -> list[PageJob]:
        """feed.xml and each category's and tag's feed, each keyed by its whole view; a term in
        several feeds has its definition made once."""
        definition = functools.cache(self.definition)
        jobs = [self.template_job(TEMPLATES["feed"], feeds.feed_view(self.config, self.glossary, definition))]
        for kind, singular in views.TAXONOMIES:
            descriptions = views.group_descriptions(self.config, kind)
            for group in self.glossary.groups(kind):
                described = views.described(descriptions, group)
                if feeds.has_feed(self.glossary, group):
                    view = feeds.group_feed_view(
                        self.config, self.glossary, kind, singular, group, described, definition
                    )
                    jobs.append(self.template_job(TEMPLATES["feed"], view, group_feed_path(kind, group.slug)))
        return jobs

    def group_job(self, kind: str, singular: str, group: Group, description: str) -> PageJob:
        """A category's or tag's page: its record holds its members' faces, which the key
        text gives as digests, so keying every group page on a save costs little (its words
        are labels, site settings that are part of every key)."""
        feed = feeds.has_feed(self.glossary, group)
        record = (kind, group.name, description, feed, tuple(self.faces[slug] for slug in group.terms))

        def view() -> dict[str, Any]:
            return views.group_view(self.config, kind, singular, group, self.term_link, description, feed)

        return self.record_job(TEMPLATES["group"], group_path(kind, group.slug), record, view)

    def index_job(self) -> PageJob:
        """The home page shows every term: its record is what it shows of each, built far
        faster than its whole view (the intro and category descriptions are site settings)."""
        record = tuple(
            (t.slug, t.title, t.summary, "\x1f".join(t.aliases), t.category or "", str(t.updated or ""))
            for t in self.glossary.terms.values()
        )

        def view() -> dict[str, Any]:
            intro = site_markdown(self.config.intro, "")
            return views.index_view(self.config, self.glossary, self.term_link, intro)

        return self.record_job(TEMPLATES["index"], "index.html", record, view)

    def refresh_face(self, term: TermSource) -> list[str]:
        """Take a term whose summary alone changed (besides its own page's fields; its new file
        is taken already): every view reads the new face from here on. Returns the term pages
        that show the term."""
        self.glossary.terms[term.slug] = term
        self._take(self.glossary)
        self.toolbox = dataclasses.replace(
            self.toolbox, bodies=tool_bodies(self.toolbox, self.glossary, Diagnostics())
        )
        return self._new_face(term)

    def rename(self, glossary: Glossary, toolbox: Toolbox, network: LinkGraph, term: TermSource) -> list[str]:
        """Take the glossary, toolbox and link graph after a term's title or aliases changed
        (besides its summary and its own page's fields; its new file is taken already). Returns
        the term pages that show the term, before or after, or stand next to it A to Z."""
        before = self.neighbours[term.slug]
        self.relink(glossary, network)
        self.toolbox = toolbox
        self.neighbours = _neighbours(glossary)
        beside = [name.slug for name in (*before, *self.neighbours[term.slug]) if name is not None]
        return list(dict.fromkeys([*self._new_face(term), *beside]))

    def _new_face(self, term: TermSource) -> list[str]:
        """Show the term's new face from here on; returns the term pages that showed the old."""
        before = self.faces[term.slug]
        face = self.faces[term.slug] = Face(term.slug, term.title, term.summary)
        self.known = {**self.known, face: digest(record_text(face).encode())}
        self._moved |= {term.slug}  # a record of the last build shows the face it had then
        shown = [term.slug]
        for _, record, _ in self.record_keys.values():
            if isinstance(record, TermPage) and before in (*record.links, *record.related, *record.backlinks):
                shown.append(record.slug)
        return shown

    def regroup(self, glossary: Glossary) -> None:
        """Take the glossary regrouped (graph.groups_of) after a term's category or tags changed
        (besides its own page's fields; its new file is taken already)."""
        self._take(glossary)
        self.categories = _memberships(glossary.categories)
        self.tags = _memberships(glossary.tags)
        self.known = {**self.known, **_group_texts(glossary)}

    def relink(self, glossary: Glossary, network: LinkGraph) -> None:
        """Take the glossary and link graph after a term's links or related terms changed
        (besides its own page's fields); its new file and links are taken already."""
        self._take(glossary)
        self.network = network

    def _take(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.term_link = views.TermLinks(glossary)

    def term_record(self, term: TermSource) -> TermPage:
        slug = term.slug
        around = Surroundings(
            self.prepared.targets[slug],
            self.glossary.related[slug],
            self.glossary.backlinks[slug],
            self.categories.get(slug, ()),
            self.tags.get(slug, ()),
            self.toolbox.of_term.get(slug, ()),
            *self.neighbours[slug],
        )
        self.surroundings[slug] = around
        source = self.prepared.files[slug].digest
        cta = self.cta_for(term)
        return self._earlier_record(slug, around, source, term.path, cta) or term_record(
            slug, source, term.path, around, self.faces, cta, self.autolinked
        )

    def _earlier_record(
        self, slug: str, around: Surroundings, source: str, file: str, cta: CtaBlock | None
    ) -> TermPage | None:
        """The last build's record of the term's page, if the term, what surrounds it and the
        faces of the terms and tools it shows are all unchanged."""
        if self._earlier is None or self._earlier.surroundings.get(slug) != around:
            return None
        found = self._earlier_keys.get(term_path(slug))
        record = found[1] if found is not None else None
        if not isinstance(record, TermPage) or (
            record.source,
            record.file,
            record.cta,
            record.autolinked,
        ) != (
            source,
            file,
            cta,
            self.autolinked,
        ):
            return None
        shown = (*around.links, *around.related, *around.backlinks, *(TOOL + tool for tool in around.tools))
        return record if self._moved.isdisjoint(shown) else None

    def term_job(self, term: TermSource) -> PageJob:
        page = self.term_record(term)
        return term_job(self, page, term, lambda: self.body(page))

    def body(self, page: TermPage) -> Body:
        """The term's Markdown fields as HTML, its links filled from the page's record."""
        body = fill_links(self.load_body(self.prepared.files[page.slug]), page.links)
        if self.autolinker is None:
            return body
        return dataclasses.replace(body, body=self.autolinker.link(body.body, page.slug, body.links))

    def definition(self, slug: str) -> str:
        """A term's definition as HTML with its links filled, for the feed."""
        prepared = self.prepared.files[slug]
        raw = RawBody(prepared.definition_html, "", (), (), prepared.wikilinks)
        return fill_links(raw, tuple(map(self.faces.get, self.prepared.targets[slug]))).definition  # type: ignore[arg-type]

    def cta_for(self, term: TermSource) -> CtaBlock | None:
        chosen = term.cta
        if chosen is False:
            return None
        if chosen is None or chosen is True:
            chosen = self.config.cta_default
        block = self.config.cta_blocks.get(chosen) if isinstance(chosen, str) else chosen
        if block is None:
            return None
        if block not in self._ctas:  # most terms share the site's default block
            self._ctas[block] = cta_link(block)
        return self._ctas[block]

    def _known_texts(self) -> dict[object, str]:
        """The text of what many term pages show, made once: faces (as digests, which keep each
        page's key text short), groups, call-to-action blocks and "nothing"."""
        known = face_texts(self.faces.values())
        known.update(_group_texts(self.glossary))
        blocks = [cta_link(b) for b in self.config.cta_blocks.values()]
        known.update((block, record_text(block)) for block in blocks)
        return known

    def terms_json_job(self) -> PageJob:
        """terms.json's record is each term's entry as written: in serve, entries are kept from
        one save to the next, as writing 10,000 of them anew took a quarter of a save's time."""
        earlier, self._entries = self._entries, {}
        for term in self.glossary.terms.values():
            data = self.term_data(term)
            self._entries[data] = earlier.get(data) or _json_entry(data)
        entries = tuple(self._entries.values())
        return self.data_job("terms.json", entries, lambda: f"[{','.join(entries)}]\n".encode())

    def term_data(self, term: TermSource) -> TermData:
        """The term's category and tags as its page names them: spellings that give one address
        are one group, named by its first term A to Z, and listed once."""
        category = self.categories.get(term.slug)
        return TermData(
            slug=term.slug,
            title=term.title,
            aliases=distinct_aliases(term.title, term.aliases),
            summary=term.summary,
            definition=term.definition,
            category=category[0].name if category else None,
            tags=tuple(group.name for group in self.tags.get(term.slug, ())),
            related=self.glossary.related[term.slug],
            updated=term.updated.isoformat() if term.updated else None,
            url=absolute(self.config, term_path(term.slug)),
        )

    def _names_digest(self, autolinker: Autolinker) -> str:
        """With auto-linking, any page may mention any term: every name and face counts."""
        names = sorted(
            f"{' '.join(words)}\0{record_text(self.faces[slug])}" for words, slug in autolinker.names.items()
        )
        return digest("\n".join(names).encode())


def _json_entry(data: TermData) -> str:
    item = {
        **data._asdict(),
        "aliases": list(data.aliases),
        "tags": list(data.tags),
        "related": list(data.related),
    }
    return json.dumps(item, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def _group_texts(glossary: Glossary) -> dict[object, str]:
    """The record text of every category's and tag's name, as term pages' records hold them."""
    groups = (*glossary.categories, *glossary.tags)
    return {name: record_text(name) for name in (GroupName(group.name, group.slug) for group in groups)}


def _neighbours(glossary: Glossary) -> dict[str, tuple[TermName | None, TermName | None]]:
    """Each term's previous and next term A to Z, which its page links."""
    order = [TermName(term.title, slug) for slug, term in glossary.terms.items()]
    return {
        name.slug: (order[i - 1] if i else None, order[i + 1] if i + 1 < len(order) else None)
        for i, name in enumerate(order)
    }


def _memberships(groups: tuple[Group, ...]) -> dict[str, tuple[GroupName, ...]]:
    """Groups by member slug, so a term page finds its own without scanning every group."""
    found: dict[str, list[GroupName]] = {}
    for group in groups:
        for slug in group.terms:
            found.setdefault(slug, []).append(GroupName(group.name, group.slug))
    return {slug: tuple(names) for slug, names in found.items()}
