"""The warm preview: what `glossary serve` keeps between saves, so that editing the text of one
term re-renders the pages that show that text instead of running a whole build.

A whole build, even one that renders a single page, first loads the cache index, builds the
graph and keys every page: at 10,000 terms that is seconds. After each successful build serve
keeps the build's state here. A save that changes one term file in what only that term's own
page shows (its body, tables, questions and sources; links to the same terms, the same
warnings and section ids) is applied from that state: the file is prepared again, its page made with the same
job and key a build would make, and moved into the output under the output's journal. A save
that also changes its definition or date makes again the pages that show those (the feeds,
terms.json; for a date the home page and the sitemap), if the warnings about the term's own
text stay the same. One that also changes its summary, which other pages show, makes again
the term pages whose records show its face and every page that is not a term page (listings,
feeds, tools, data files; the graph pages show no summary), if the editorial warnings, which
read summaries, stay the same. One that also changes its title, sort_as or aliases makes those
pages again and the term pages beside it A to Z, with the names index, backlinks, groups and link
graph put in the new title order, if every reference still means the term it meant. A save
that changes its category or tags instead (besides the fields above but the summary) makes
again its page and every page but the term pages (and the graph pages, unless the category
changed), and removes the pages of a group it alone was in, unless a build would report
something the change brings. Anything else (another field, a new
or deleted file, a template, static files, site.yml) runs the normal build, lent this state's
open cache (no index to read again) and page records (a page whose record is unchanged keeps
its key without being written out and digested again); it leaves the next state. So what is
served is always what a build writes.

Saves that change which terms a term links or lists as related are applied here too: the
related terms, backlinks and link graph are updated in memory, and the pages of the terms whose
backlinks changed and the graph pages are made again. Unlike the others they may change
warnings (a term left unlinked, too few related terms, an island): the state keeps what the
last build reported, and those warnings are made again and given as the build would give them.
"""

from __future__ import annotations

import dataclasses
import functools
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glossary_site import (
    feeds,
    graph,
    graph_page,
    health,
    letter_pages,
    link_graph,
    markup,
    output,
    plan,
    prepare,
    tools,
    wikilinks,
)
from glossary_site.cache import Cache, PackWriter, Stamp
from glossary_site.config import SiteConfig
from glossary_site.diagnostics import ContentError, Diagnostic, Diagnostics, Severity
from glossary_site.link_graph import LinkGraph
from glossary_site.model import (
    GROUP_KINDS,
    Glossary,
    PageJob,
    Ref,
    TermSource,
    Toolbox,
    WikiLink,
    name_key,
    title_key,
)
from glossary_site.pages import SitePages
from glossary_site.tools import PREFIX as TOOL
from glossary_site.urls import group_feed_path, group_path

Targets = tuple[str | None, ...]

#: What only the term's own page shows. A change to any other field (the title and summary
#: other pages show, the definition in terms.json and the feeds, dates, category, related
#: terms...) needs the whole build, except as below.
#: (Its site_urls and ids too, which a save must leave as they were: the build checks links
#: against them.)
PAGE_ONLY = ("body", "body_line", "tables", "faq", "sources", "key_lines", "site_urls", "ids")
#: What only the feeds, terms.json and the dated pages show besides the term's own page: with
#: PAGE_ONLY, when the term's own warnings stay the same, its page, the feeds and terms.json
#: are made again, and for a new date the home page (recently updated) and the sitemap.
DATA = ("definition", "updated")
#: What other pages show of a term that a save can change without a build, with PAGE_ONLY and
#: DATA, when the editorial warnings stay the same and auto-linking is off: the pages showing
#: the term's face (its term pages' sidebars, the listings, feeds, tools and data files) are
#: made again.
FACE = ("summary",)
#: What a save can also change, with PAGE_ONLY, DATA and FACE, when every reference still means
#: the term it meant and auto-linking is off: what the term is called, and what its title is
#: filed under (sort_as). Its page, the term pages showing its face or standing next to it A to
#: Z, and every page but the term pages are made again (titles order the listings, graphs and
#: backlinks).
NAMES = ("title", "sort_as", "aliases", "alias_lines")
#: What a save can also change and be applied without a build, with PAGE_ONLY and DATA, when
#: the warnings stay the same: its page and every page but the term pages (the graph pages when
#: its category changed) are made again, and the pages of a group no term is in any more are
#: removed.
GROUPS = ("category", "tags", "tag_lines")
#: What a save can also change, with PAGE_ONLY and DATA, besides which terms its text links:
#: with the same tools linked, its page, the pages of the terms whose backlinks change and the
#: graph pages are made again (and, for related terms, terms.json), and the warnings about
#: links are given again as the build gives them.
LINKS = ("related",)


@dataclass
class WarmState:
    """A successful build's pages, cache and output keys, for the next save."""

    pages: SitePages
    cache: Cache
    prepared: prepare.Prepared
    #: The output's manifest as the build left it: path → key.
    keys: dict[str, str]
    #: The files the build read, relative to the site (incremental.Inputs.paths).
    inputs: frozenset[str] = frozenset()
    #: What the build reported (warnings only: it succeeded), as a save applied here leaves it.
    diagnostics: tuple[Diagnostic, ...] = ()
    #: Whether warnings fail the build (`--strict`): then a save that brings one needs the build.
    strict: bool = False


def apply_edit(state: WarmState, root: Path, out: Path, path: str) -> int | None:
    """Apply a save of the term file `path` (relative to the site) from the warm state: the
    number of pages written, or None when the edit needs a whole build (which the caller then
    runs, replacing this state)."""
    known = state.prepared.get(path)
    if known is None or known[1].term is None:
        return None
    try:
        info = os.stat(root / path)
    except OSError:  # deleted: the build reports what that breaks
        return None
    with PackWriter(state.cache.folder, state.cache.key) as pack:
        fresh = prepare.prepare_file(root, path, state.cache, markup.Converter(), pack)
    before, after = known[1].term, fresh.term
    if after is None or fresh.diagnostics != known[1].diagnostics:
        return None
    addresses = state.pages.config.addresses
    if plan.checked_urls(after.site_urls, addresses) != plan.checked_urls(before.site_urls, addresses):
        return None
    if after.ids != before.ids:  # a link to one of its sections may now lead nowhere, or somewhere
        return None
    pages = state.pages
    if after.slug != before.slug or before.slug not in pages.prepared.files:  # a draft, or renamed
        return None
    if not any(reported.path == path for reported in state.diagnostics):
        before = lines_moved(before, after)
    elif before.key_lines != after.key_lines:  # a warning may stand at a field that moved
        return None
    problems = Diagnostics()
    targets = wikilinks.resolve_targets(path, fresh.wikilinks, pages.glossary, problems, pages.toolbox)
    if problems.items:
        return None
    planned = _plan(state, before, after, targets, fresh.wikilinks)
    if planned is None:
        return None
    pages.prepared.targets[after.slug] = targets
    pages.prepared.files[after.slug] = fresh
    jobs, gone = planned()
    state.prepared[path] = (Stamp.of(info), fresh)
    return _publish(state, out, jobs, gone)


#: Applies a save to the state: the pages to make again, and those to remove.
Planned = Callable[[], tuple[list[PageJob], list[str]]]


def _plan(
    state: WarmState, before: TermSource, after: TermSource, targets: Targets, wikilinks: tuple[WikiLink, ...]
) -> Planned | None:
    """How to apply the save, or None when it needs a build. Nothing changes until the plan runs
    (after the caller has taken the term's new file and links)."""
    pages = state.pages
    same_links = links_same_terms(targets, pages.prepared.targets[after.slug])
    if same_links and unchanged_but(PAGE_ONLY, before, after):
        return functools.partial(_retext, pages, after, None)
    if not _same_own_warnings(before, after, pages.glossary, pages.config.language):
        return None
    dates = before.updated != after.updated
    if same_links and unchanged_but((*PAGE_ONLY, *DATA), before, after):
        return functools.partial(_retext, pages, after, dates)
    if unchanged_but((*PAGE_ONLY, *DATA, *LINKS), before, after):
        relinked = _relink(pages, after, targets, state.diagnostics)
        if relinked is None:
            return None
        glossary, network, shown, reported = relinked
        if state.strict and any(d.severity is Severity.WARNING for d in reported):
            return None
        dated = not unchanged_but(PAGE_ONLY, before, after)  # related terms, definition or date

        def relink() -> tuple[list[PageJob], list[str]]:
            pages.relink(glossary, network)
            state.diagnostics = reported
            jobs = [pages.term_job(glossary.terms[slug]) for slug in shown]
            jobs += graph_page.graph_jobs(
                pages, glossary, network, pages.config.labels, pages.config.language
            )
            return jobs + (pages.dated_jobs(dates) if dated else []), []

        return relink
    if not same_links:
        return None
    if (
        unchanged_but((*PAGE_ONLY, *DATA, *FACE), before, after)
        and pages.autolinker is None  # with it, every page's key holds every face
        and _same_summary_warnings(pages, after)
    ):

        def refresh() -> tuple[list[PageJob], list[str]]:
            shown = pages.refresh_face(after)
            return [pages.term_job(pages.glossary.terms[slug]) for slug in shown] + pages.site_jobs(
                graphs=False
            ), []

        return refresh
    if unchanged_but((*PAGE_ONLY, *DATA, *FACE, *NAMES), before, after) and pages.autolinker is None:
        renamed = _rename(state, before, after, targets, wikilinks)
        if renamed is None:
            return None
        glossary, toolbox, network, reported = renamed

        def rename() -> tuple[list[PageJob], list[str]]:
            language = pages.config.language  # a letter may lose its last name:
            letters = set(letter_pages.letter_paths(pages.glossary, language))
            shown = pages.rename(glossary, toolbox, network, after)
            state.diagnostics = reported
            gone = sorted(letters.difference(letter_pages.letter_paths(glossary, language)))
            return [pages.term_job(glossary.terms[slug]) for slug in shown] + pages.site_jobs(), gone

        return rename
    if unchanged_but((*PAGE_ONLY, *DATA, *GROUPS), before, after):
        regrouped = _regroup(state, before, after)
        if regrouped is None:
            return None
        glossary_regrouped, gone = regrouped

        def regroup() -> tuple[list[PageJob], list[str]]:
            pages.regroup(glossary_regrouped)
            return [pages.term_job(after), *pages.site_jobs(graphs=before.category != after.category)], gone

        return regroup
    return None


def _relink(
    pages: SitePages, term: TermSource, targets: Targets, reported: tuple[Diagnostic, ...]
) -> tuple[Glossary, LinkGraph, list[str], tuple[Diagnostic, ...]] | None:
    """The glossary and its link graph with the term's new links and related terms, the terms
    whose pages show that (the term and those whose backlinks changed), and what the build
    would report: `reported` with the warnings about too few related terms, terms no other
    term links to and islands made again. None when the build must report a problem: a related
    term that is unknown, a draft or the term itself, or a tool linked or no longer linked."""
    glossary, slug = pages.glossary, term.slug
    if _tools(targets) != _tools(pages.prepared.targets[slug]):
        return None
    problems = Diagnostics()
    related = graph.resolve_related(
        term, glossary.names, glossary.spellings, glossary.drafts, glossary.unreadable, problems
    )
    if problems.items:
        return None
    links, _ = tools.split_links({**pages.prepared.targets, slug: targets})
    relinked = dataclasses.replace(
        glossary, terms={**glossary.terms, slug: term}, related={**glossary.related, slug: related}
    )
    relinked = graph.add_backlinks(relinked, links, Diagnostics())
    network = LinkGraph.of(relinked, links)
    before = _link_warnings(glossary, pages.network, glossary.terms[slug], len(glossary.related[slug]))
    after = _link_warnings(relinked, network, term, len(related))
    shown = [s for s in relinked.terms if s == slug or relinked.backlinks[s] != glossary.backlinks[s]]
    return relinked, network, shown, _rewarned(reported, before, after)


def _rename(
    state: WarmState, before: TermSource, term: TermSource, targets: Targets, wikilinks: tuple[WikiLink, ...]
) -> tuple[Glossary, Toolbox, LinkGraph, tuple[Diagnostic, ...]] | None:
    """The glossary, toolbox and link graph with the term's new title or aliases (the terms in
    the new title order), and what the build would report: `state.diagnostics` with the
    islands, which name their terms A to Z, made again. None when the build must report a
    problem or a change: a name another term or a draft has, a reference (in a term, a tool's
    text or the term's own new text) that means another term or none now, or new warnings
    about summaries, which name the term that reads alike."""
    pages = state.pages
    glossary = pages.glossary
    renamed_names = _renamed_names(glossary, before, term)
    if renamed_names is None:
        return None
    names, spellings, moved = renamed_names
    for slug, source in glossary.terms.items():
        written = wikilinks if slug == term.slug else pages.prepared.files[slug].wikilinks
        for text in (*(ref.text for ref in source.related), *(link.target for link in written)):
            key = name_key(text.strip())
            if key in moved and graph.resolve(names, key) != graph.resolve(glossary.names, key):
                return None
    terms = {**glossary.terms, term.slug: term}
    language = pages.config.language
    ordered = {slug: terms[slug] for slug in sorted(terms, key=lambda s: title_key(terms[s], language))}
    rank = {slug: index for index, slug in enumerate(ordered)}
    # the term's place changes in the backlinks of the terms it links, and only there
    backlinks = dict(glossary.backlinks)
    for slug in {*glossary.related[term.slug], *(t for t in targets if t in backlinks)} - {term.slug}:
        backlinks[slug] = tuple(sorted(backlinks[slug], key=rank.__getitem__))
    grouped = Diagnostics()
    categories, tags = graph.groups_of(ordered, grouped, language, pages.config.category_lines)
    renamed = dataclasses.replace(
        glossary,
        terms=ordered,
        backlinks=backlinks,
        categories=categories,
        tags=tags,
        names=names,
        spellings=spellings,
    )
    if not _names_kept(glossary, renamed):  # a new title may put another spelling first
        return None
    # or another term first among those giving a name that shares a group's page
    if grouped.sorted() != _group_warnings(glossary, pages.config):
        return None
    # a warning about summaries that read alike names the other term: the new title shows only
    # in those of the term's own group, and a term the last build gave none is alone in it
    line = before.key_lines.get("summary", 1)
    same = (before.summary, line) == (term.summary, term.key_lines.get("summary", 1))
    alone = same and all((d.path, d.line) != (term.path, line) for d in state.diagnostics)
    if not alone and health.summary_warnings(glossary) != health.summary_warnings(renamed):
        return None
    problems = Diagnostics()
    bodies = markup.tool_bodies(pages.toolbox, renamed, problems)
    if problems.items:
        return None
    mentions = pages.toolbox.mentions.items()
    toolbox = dataclasses.replace(
        pages.toolbox,
        bodies=bodies,
        mentions={tool: tuple(sorted(slugs, key=rank.__getitem__)) for tool, slugs in mentions},
    )
    network = pages.network.reordered(renamed)
    gone, found = Diagnostics(), Diagnostics()
    link_graph.check_islands(glossary, pages.network, gone)
    link_graph.check_islands(renamed, network, found)
    return renamed, toolbox, network, _rewarned(state.diagnostics, gone.items, found.items)


def _renamed_names(
    glossary: Glossary, before: TermSource, after: TermSource
) -> tuple[dict[str, str], tuple[str, ...], frozenset[str]] | None:
    """The names index and spellings with the term's new names, and the references whose
    meaning that may change (keyed by name_key): a name gained or lost, or its plural. None when a
    new name is another term's or a draft's, or when a name gained or lost is a plural of another
    term's name or has one among them, as a warning may then come or go (plural_takeovers)."""
    old, new = _names_of(before), _names_of(after)
    if any(glossary.names.get(key, after.slug) != after.slug for key in new.keys() - old.keys()):
        return None
    names = {key: slug for key, slug in glossary.names.items() if slug != after.slug or key in new}
    names.update(dict.fromkeys(new, after.slug))
    spellings = tuple(sorted(set(glossary.spellings) - set(old.values()) | set(new.values())))
    changed = old.keys() ^ new.keys()
    plurals = {plural for key in changed for plural in (f"{key}s", f"{key}es", f"{key[:-1]}ies")}
    if _near_another_name((glossary.names, names), changed, plurals, after.slug):
        return None
    return names, spellings, frozenset(changed | plurals)


def _near_another_name(
    indexes: tuple[Mapping[str, str], ...], changed: set[str], plurals: set[str], slug: str
) -> bool:
    """Whether a name gained or lost (`changed`) is, in the names before or after, a plural of
    another term's name, or has a plural among them: a warning that it or that name takes the
    other's references (graph.plural_takeovers) may come or go."""
    for index in indexes:
        if any(index.get(key, slug) != slug for key in plurals):
            return True
        for key in changed:
            singular = graph.as_plural(index, key)
            if singular is not None and index[singular] != slug:
                return True
    return False


def _names_of(term: TermSource) -> dict[str, str]:
    """Each name of the term, keyed as the index holds it (name_key), with its spelling."""
    return {key: name for name in (term.slug, term.title, *term.aliases) if (key := name_key(name))}


def _rewarned(
    reported: tuple[Diagnostic, ...], before: list[Diagnostic], after: list[Diagnostic]
) -> tuple[Diagnostic, ...]:
    """What the last build reported with the warnings of one kind made again: `before` as the
    state gave them, `after` as the build would now."""
    gone = set(before)
    return tuple(Diagnostics([*(d for d in reported if d not in gone), *after]).sorted())


def _link_warnings(
    glossary: Glossary, network: LinkGraph, term: TermSource, related: int
) -> list[Diagnostic]:
    """The warnings a change of one term's links or related terms can bring or remove."""
    found = Diagnostics(graph.backlink_warnings(glossary) + health.related_warnings(term, related))
    link_graph.check_islands(glossary, network, found)
    return found.items


def _retext(pages: SitePages, term: TermSource, dates: bool | None) -> tuple[list[PageJob], list[str]]:
    """A term that links the same terms and shows other pages nothing new: its page, and unless
    `dates` is None the pages showing definitions (and, if it is true, dates)."""
    pages.glossary.terms[term.slug] = term
    jobs = [pages.term_job(term)]
    return (jobs if dates is None else [*jobs, *pages.dated_jobs(dates)]), []


def _tools(targets: Targets) -> list[str]:
    return [target for target in dict.fromkeys(targets) if target and target.startswith(TOOL)]


def _regroup(state: WarmState, old: TermSource, term: TermSource) -> tuple[Glossary, list[str]] | None:
    """The glossary with the term's new category and tags, and the pages of groups no term is in
    any more; None when the build must report what they bring: a name with no letters or
    digits, a name that shares a page with another (while any does, every such save builds), a
    new page where a static file is, a call to action leading to a page that is gone,
    or, for a new category, a change in which categories described in site.yml no term is in;
    and None when a group is spelt anew (shown on every page of its terms), or when the site
    gets its first category or tag or loses its last (the menu on every page shows them)."""
    glossary, config = state.pages.glossary, state.pages.config
    terms = {**glossary.terms, term.slug: term}
    problems = Diagnostics()
    categories, tags = graph.groups_of(terms, problems, config.language, config.category_lines)
    if bool(categories) != bool(glossary.categories) or bool(tags) != bool(glossary.tags):
        return None  # the first category or tag, or the last gone: every page's menu changes
    regrouped = dataclasses.replace(glossary, terms=terms, categories=categories, tags=tags)
    if not _names_kept(glossary, regrouped):
        return None
    before, after = _group_pages(glossary), _group_pages(regrouped)
    gone = sorted(before - after)
    problems.items += plan.output_clashes(sorted(after - before), config.root)
    links = plan.dead_site_links(config, regrouped, state.pages.toolbox, (state.keys.keys() - before) | after)
    problems.items += [d for d in links if d.severity is Severity.ERROR]  # a warning stays as it was
    if problems.items:
        return None
    if old.category != term.category:
        everything = {path: file.term for path, (_, file) in state.prepared.items() if file.term is not None}
        if _described(config, everything) != _described(config, {**everything, term.path: term}):
            return None
    return regrouped, gone


def _group_warnings(glossary: Glossary, config: SiteConfig) -> list[Diagnostic]:
    """What the build warns about the glossary's categories and tags (graph.groups_of)."""
    found = Diagnostics()
    graph.groups_of(glossary.terms, found, config.language, config.category_lines)
    return found.sorted()


def _names_kept(old: Glossary, new: Glossary) -> bool:
    """Whether every category and tag in both is still spelt as it was: a group shows the
    spelling most of its terms write (graph.groups_of), so a save may respell it ('foundations' to
    'Foundations') on the page of every term in it, which only a build rewrites."""

    def names(glossary: Glossary) -> dict[tuple[str, str], str]:
        return {(kind, group.slug): group.name for kind in GROUP_KINDS for group in glossary.groups(kind)}

    before = names(old)
    return all(before.get(key, name) == name for key, name in names(new).items())


def _group_pages(glossary: Glossary) -> set[str]:
    """Each category's and tag's page and feed (a group of undated terms has none), and the
    graph pages: what a regrouping save may bring or leave behind."""
    pages = set(graph_page.graph_paths(glossary))
    for kind in GROUP_KINDS:
        for group in glossary.groups(kind):
            pages.add(group_path(kind, group.slug))
            if feeds.has_feed(glossary, group):
                pages.add(group_feed_path(kind, group.slug))
    return pages


def _described(config: SiteConfig, terms: dict[str, TermSource]) -> list[Diagnostic]:
    """The warnings for categories site.yml describes that no term file (drafts too) is in."""
    found = Diagnostics()
    graph.check_described_categories(terms.values(), config, found)
    return found.items


def _publish(state: WarmState, out: Path, jobs: list[PageJob], gone: list[str]) -> int | None:
    """Put the pages whose key changed in the output and take out those that are `gone`, under
    the output's journal."""
    changed = [job for job in jobs if state.keys.get(job.path) != job.key]
    if not changed and not gone:
        return 0
    keys = {path: key for path, key in state.keys.items() if path not in gone}
    keys.update((job.path, job.key) for job in changed)

    def write_pages(staging: Path) -> bool:
        try:
            for job in changed:
                output.write_file(staging, job.path, job.produce())
        except ContentError:  # the build will report it
            return False
        return True

    with output.locked(out):
        previous = output.current_manifest(out)
        if previous is None or {p: k for p, k in previous.items() if p in state.keys} != state.keys:
            return None  # the output is not the one this state was made for
        update = output.Update([job.path for job in changed], gone, keys, full=False)
        if not output.publish(out, update, write_pages, lambda site, bundle: True):
            return None
    state.keys = keys
    return len(changed)


def _same_own_warnings(before: TermSource, after: TermSource, glossary: Glossary, language: str) -> bool:
    """Whether the warnings about the term's own text and lists, and about a missing or future
    date, stay the same. (A date that does not parse is an error already, caught with the file's
    diagnostics.)"""
    same_dated = (before.updated is None) == (after.updated is None)
    return (
        same_dated
        and health.own_warnings(before) == health.own_warnings(after)
        and graph.date_warnings(before) == graph.date_warnings(after)
        and graph.list_warnings(before, glossary, language) == graph.list_warnings(after, glossary, language)
    )


def _same_summary_warnings(pages: SitePages, after: TermSource) -> bool:
    """Whether the warnings about summaries that read alike stay as the last build gave them."""
    glossary = dataclasses.replace(pages.glossary, terms={**pages.glossary.terms, after.slug: after})
    return health.summary_warnings(pages.glossary) == health.summary_warnings(glossary)


def unchanged_but(fields: tuple[str, ...], before: TermSource, after: TermSource) -> bool:
    """Whether the term changed in these fields alone (key_lines compares only when named)."""
    kept = {name: getattr(before, name) for name in fields if name != "key_lines"}
    same_lines = "key_lines" in fields or before.key_lines == after.key_lines
    return same_lines and before.slug == after.slug and dataclasses.replace(after, **kept) == before


def lines_moved(before: TermSource, after: TermSource) -> TermSource:
    """`before` at the lines of `after` where nothing but a line differs: a line added to the
    definition moves the fields below it, whose lines no page shows, only messages. For a term
    the last build reported nothing about (and whose file's own messages stay the same), the
    save then goes the way its other changes alone would go, not to a build. A term the build
    did report something about goes to a build when any field moved, even one only messages
    show (key_lines): the warning may stand at that field's line."""
    moved: dict[str, Any] = {"definition_line": after.definition_line, "cta_line": after.cta_line}
    if before.aliases == after.aliases:
        moved["alias_lines"] = after.alias_lines
    if before.tags == after.tags:
        moved["tag_lines"] = after.tag_lines
    for name in ("related", "tools", "former_slugs"):
        refs: tuple[Ref, ...] = getattr(after, name)
        if [ref.text for ref in getattr(before, name)] == [ref.text for ref in refs]:
            moved[name] = refs
    return dataclasses.replace(before, **moved)


def links_same_terms(targets: tuple[str | None, ...], before: tuple[str | None, ...]) -> bool:
    """Other pages show which terms a term links, in the order first linked (backlinks, graphs,
    tools), never how often: that alone must stay."""
    return list(dict.fromkeys(targets)) == list(dict.fromkeys(before))
