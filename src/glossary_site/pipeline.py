"""The spine: load → graph → plan → render → publish. Orchestrates; each stage lives elsewhere.

Everything is gathered and checked before anything is written, so `check` is exactly
`build` without the final write, and a failed build leaves the previous site as it was.
Each page carries a key of its inputs; a build renders only pages whose key changed
(incremental.py decides what can be skipped, output.py makes the change on disk safely).
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary_site import (
    collector,
    content,
    content_files,
    graph,
    health,
    incremental,
    link_graph,
    markup,
    output,
    pagefind_run,
    plan,
    prepare,
    redirects,
    search,
    slugs,
    stack_builder,
    term_edits,
    tools,
    wikilinks,
)
from glossary_site import config as site_config
from glossary_site.cache import Cache, CacheUnusable, check_folder
from glossary_site.diagnostics import ContentError, Diagnostic, Diagnostics
from glossary_site.front_matter import count
from glossary_site.link_graph import LinkGraph
from glossary_site.model import Glossary, PageJob, PreparedFile, RawBody, TermSource, Toolbox
from glossary_site.pages import PreparedTerms, SitePages
from glossary_site.render import TEMPLATES, TemplateRunError, Templates
from glossary_site.search import BUNDLE_PAGES
from glossary_site.search_body import unmarked_term_pages
from glossary_site.stray_blocks import stray_blocks
from glossary_site.template_links import dead_template_links
from glossary_site.unused_templates import unused_templates
from glossary_site.warm import WarmState
from glossary_site.workers import default_jobs, split_map

CACHE_DIR = ".glossary-cache"


@dataclass(frozen=True)
class BuildOptions:
    root: Path
    out: Path
    strict: bool = False
    drafts: bool = False
    base_url: str | None = None
    jobs: int = field(default_factory=default_jobs)
    cache_dir: Path | None = None
    use_cache: bool = True
    search: bool = True
    #: How many pages one Pagefind run indexes (see search.py); tests make it small.
    bundle_pages: int = BUNDLE_PAGES
    #: Save every term page's record for the next build (term_edits.py). serve does not: its
    #: output folder is new each run and it keeps that state in memory.
    save_records: bool = True
    #: Leave the search index an earlier build wrote (serve: it indexes after its builds).
    keep_index: bool = False
    #: A --strict build failing on warnings alone renders every page all the same, writing none,
    #: to report template errors with them (_render_unpublished). serve does not: every save
    #: while a warning stands would take a whole render, and the save that fixes it shows them.
    render_refused: bool = True
    #: The command takes --cache-dir and --no-cache, which a cache folder refused may name;
    #: serve takes neither.
    cache_options: bool = True
    #: What a command a message suggests needs to name this site (` --source DIR`) when run
    #: where this one was; empty when it finds the site from there.
    source_option: str = ""
    #: The output is what gets published (`build`): a base_url left as the starter's placeholder
    #: is warned of. check and serve are not: see config.PLACEHOLDER_BASE_URL.
    deploying: bool = False
    progress: Callable[[str], None] | None = field(default=None, compare=False)


@dataclass
class BuildResult:
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    notes: list[str] = field(default_factory=list)
    written: int = 0
    reused: int = 0
    #: Term files (of all found) whose conversion came from the cache.
    from_cache: tuple[int, int] = (0, 0)
    deleted: int = 0
    #: An earlier build's search index was removed (a build with --no-search).
    index_removed: bool = False
    refused: str | None = None
    timings: dict[str, float] = field(default_factory=dict)
    #: The term graph and its shape, once content loaded (for check's report and --graph).
    graph: tuple[Glossary, LinkGraph] | None = None
    #: A successful build's state, for serve's next save (see warm.py).
    warm: WarmState | None = None
    #: The URL path base_url gave the pages, once site.yml's base_url was read without a fault:
    #: serve follows it, from what was built rather than a second reading of a file that may
    #: have changed since.
    base_path: str | None = None

    progress: Callable[[str], None] | None = None

    @contextlib.contextmanager
    def timed(self, stage: str) -> Iterator[None]:
        if self.progress is not None:
            self.progress(stage)
        started = time.perf_counter()
        try:
            yield
        finally:
            self.timings[stage] = self.timings.get(stage, 0.0) + time.perf_counter() - started

    def ok(self, strict: bool) -> bool:
        return self.refused is None and not self.diagnostics.failed(strict)


@dataclass(frozen=True)
class Loaded:
    """Everything a build needs once content is known good: the output files, the cache entries."""

    jobs: list[PageJob]
    prepared: prepare.Prepared
    pages: SitePages


def load(
    options: BuildOptions,
    cache: Cache,
    result: BuildResult,
    earlier: SitePages | None = None,
    prepared_hook: Callable[[prepare.Prepared], None] = lambda _: None,
) -> Loaded | None:
    """Every validating stage, over everything that loaded; None when there are errors.
    `earlier`, the pages of the last build in this process, spares re-keying unchanged pages;
    `prepared_hook` is given the term files as soon as they are all prepared."""
    diagnostics = result.diagnostics
    config = site_config.load(
        options.root, diagnostics, options.base_url, flawed=True, deploying=options.deploying
    )
    if config is not None and "base_url" not in config.flawed:
        result.base_path = config.base_path
    if config is not None and options.search:
        diagnostics.items += search.unsplit_words(config.language)
    templates = Templates(options.root)
    with result.timed("prepare"):
        # Compiled while workers convert, templates are inherited by the render workers.
        ready = functools.partial(templates.ready, TEMPLATES.values()) if options.jobs > 1 else None
        prepared = prepare.prepare_terms(options.root, cache, options.jobs, meanwhile=ready)
    files = [p for _, p in prepared.values()]
    known = {path: entry.digest for path, (_, entry) in cache.entries.items()}
    result.from_cache = (sum(bool(f.digest) and known.get(f.path) == f.digest for f in files), len(files))
    prepared_hook(prepared)
    walked = content_files.walk_problems(options.root)
    if not files and not any(problem.path == content_files.TERMS_DIR for problem in walked):
        elsewhere = content_files.terms_elsewhere(walked)
        if elsewhere is not None:
            walked = elsewhere
        else:
            diagnostics.warning(
                content_files.TERMS_DIR,
                1,
                f'no term files yet; add one with glossary new{options.source_option} "Title"',
            )
    for problem in walked:
        diagnostics.add(problem)
    for file in files:
        for problem in file.diagnostics:
            diagnostics.add(problem)
    # The graph and the page keys make hundreds of thousands of objects that live as long as
    # the build, and next to no garbage: collecting while they are made only rescans them.
    with collector.paused():
        loaded = _link(options, cache, result, config, templates, prepared, earlier)
        collector.keep_for_the_build()
    # After the page keys, which have read and parsed the templates this follows.
    for problem in unused_templates(options.root, templates):
        diagnostics.add(problem)
    for problem in stray_blocks(templates):
        diagnostics.add(problem)
    if options.search:
        for problem in unmarked_term_pages(templates):
            diagnostics.add(problem)
    if result.diagnostics.failed(options.strict):
        # With errors no page will render, and with it the templates' check; failing on
        # warnings alone, pages render but may not use every template. What the templates
        # hold that is found without rendering is reported now, with the content's problems.
        for template in TEMPLATES.values():
            for problem in templates.problems(template):
                diagnostics.add(problem)
    return loaded


def _link(
    options: BuildOptions,
    cache: Cache,
    result: BuildResult,
    config: site_config.SiteConfig | None,
    templates: Templates,
    prepared: prepare.Prepared,
    earlier: SitePages | None,
) -> Loaded | None:
    """The graph, then every page's job; None when there are errors. The jobs are listed even
    after errors, as only the full list shows links to no page and static files in a page's
    place, and every problem is reported in one run."""
    diagnostics = result.diagnostics
    files = [p for _, p in prepared.values()]
    terms = [f.term for f in files if f.term is not None]
    with result.timed("graph"):
        glossary, toolbox, by_slug, targets, network = _graph(terms, files, config, options, diagnostics)
        result.graph = (glossary, network)
    if config is None:
        return None
    diagnostics.items += plan.site_wikilinks(config)

    def load_body(file: PreparedFile) -> RawBody:
        return prepare.load_body(options.root, file, cache)

    site_pages = SitePages(
        config, glossary, PreparedTerms(by_slug, targets), load_body, toolbox, network, earlier, templates
    )
    try:
        with result.timed("plan"):
            pages = site_pages.jobs()
    except ContentError as problem:
        diagnostics.add(problem.diagnostic)
        return None
    jobs, found = plan.site_files(pages, config, glossary, toolbox)
    found += dead_template_links(options.root, templates, {job.path for job in jobs})
    diagnostics.items += found
    return None if diagnostics.errors else Loaded(jobs, prepared, site_pages)


def _graph(
    terms: list[TermSource],
    files: list[PreparedFile],
    config: site_config.SiteConfig | None,
    options: BuildOptions,
    diagnostics: Diagnostics,
) -> tuple[Glossary, Toolbox, dict[str, PreparedFile], dict[str, tuple[str | None, ...]], LinkGraph]:
    unreadable = frozenset(
        slugs.slugify(name)
        for f in files
        if f.term is None
        for name in (slugs.slug_of_file(f.path), *f.names)
    ) | content.misnamed_names(options.root, content_files.TERMS_DIR)
    glossary = graph.build_glossary(terms, config, diagnostics, options.drafts, unreadable)
    redirects.check_former_slugs(glossary.terms, glossary.drafts, "term", diagnostics, glossary.names)
    by_slug = {f.term.slug: f for f in files if f.term is not None and f.term.slug in glossary.terms}
    settings, builder = (
        (None if "tools" in config.flawed else config.tools, config.stack_builder) if config else (None, None)
    )
    loaded = tools.load_tools(options.root, settings, diagnostics)
    language = config.language if config else ""
    toolbox = tools.build_toolbox(
        loaded.sources, glossary, diagnostics, options.drafts, language, loaded.unreadable
    )
    redirects.check_former_slugs(toolbox.tools, toolbox.drafts, "tool", diagnostics, toolbox.names)
    targets = {
        slug: wikilinks.resolve_targets(f.path, f.wikilinks, glossary, diagnostics, toolbox)
        for slug, f in by_slug.items()
    }
    links, inline = tools.split_links(targets)
    toolbox = tools.with_mentions(toolbox, glossary, inline)
    site_urls: dict[str, tuple[str, ...]] = {}
    bodies = markup.tool_bodies(toolbox, glossary, diagnostics, site_urls)
    toolbox = dataclasses.replace(toolbox, bodies=bodies, site_urls=site_urls)
    if builder is not None:
        left_out = [tool for tool in loaded.sources if tool.slug in toolbox.drafts]
        stack_builder.check(builder, toolbox, diagnostics, left_out)
    glossary = graph.add_backlinks(glossary, links, diagnostics)
    network = LinkGraph.of(glossary, links)
    if not diagnostics.errors:  # a broken graph would give misleading health warnings
        link_graph.check_islands(glossary, network, diagnostics)
        health.check_health(glossary, diagnostics)
    return glossary, toolbox, by_slug, targets, network


def check(options: BuildOptions) -> BuildResult:
    """Build without writing: renders every page too, so template errors are caught.

    It reads the build cache, if there is one, and writes what it converts into a throwaway
    one, so checking never writes into the site folder.
    """
    result = BuildResult()
    base = cache_folder(options) if options.use_cache else None
    try:
        if base is not None:  # checked here too, so CI learns it before `build`
            output.check_cache(options.root, options.out, base)
        with tempfile.TemporaryDirectory(prefix="glossary-check-") as scratch:
            cache = Cache(Path(scratch), base=base)
            loaded = load(options, cache, result)
            result.notes += cache.notes
            if loaded is not None:
                _render(loaded.jobs, None, options.jobs, result)
    except output.OutputRefused as refusal:
        result.refused = str(refusal)
    except OSError as exc:
        result.refused = _stopped_by(exc, "check")
    return result


def build(options: BuildOptions, warm: WarmState | None = None) -> BuildResult:
    """check_target → lock → (replay, or load → plan → render → publish) → remember.

    `warm`, the state the last build in this process left (serve keeps it), lends its opened
    cache and its pages' keys, so a build after a small change skips reading the cache index
    and re-keying every unchanged term page."""
    result = BuildResult(progress=options.progress)
    if warm is not None:
        collector.keep_for_the_build()  # the state and open cache outlive it, as on a first build
    try:
        output.check_target(options.root, options.out)
        if options.use_cache:
            output.check_cache(options.root, options.out, cache_folder(options))
        with output.locked(options.out), _cache(options, warm) as cache:
            _build(options, cache, result, warm)
            result.notes += cache.notes
    except (output.OutputRefused, CacheUnusable) as refusal:
        result.refused = str(refusal)
    except OSError as exc:
        result.refused = _stopped_by(exc)
    return result


def _stopped_by(exc: OSError, what: str = "build") -> str:
    """A file that could not be written or read half-way (a full disk, a permission) is the
    machine's doing, not the content's: one line, not a traceback. A build that stops leaves
    a complete site whatever the moment (output.py), so there is nothing more to say."""
    return f"the {what} stopped: {exc.strerror or exc}" + (f" ({exc.filename})" if exc.filename else "")


def _build(options: BuildOptions, cache: Cache, result: BuildResult, warm: WarmState | None) -> None:
    settings = incremental.settings_text(
        options.out,
        # the source option too: a replayed warning would suggest the command of another run,
        # the Pagefind build: its warning (search.unsplit_words) comes and goes with it, and
        # `deploying`, as the placeholder base_url's does
        (
            options.drafts,
            options.base_url,
            options.search,
            options.search and pagefind_run.splits_unspaced_text(),
            options.bundle_pages,
            options.source_option,
            options.deploying,
        ),
    )
    inputs = incremental.inputs_of(options.root, settings)
    state = cache.read_state() if options.use_cache else None
    replayed = incremental.replay(state, inputs, options.out)
    if replayed is not None:
        result.diagnostics.items += replayed.diagnostics
        result.reused = replayed.files
        return
    if state is not None and warm is None and _edit_terms(options, cache, inputs, settings, state, result):
        return
    unused_packs: list[Path] = []

    def write_index(prepared: prepare.Prepared) -> None:
        """Started as soon as the files are prepared, as it needs nothing else: with workers, a
        forked child writes it on the core that the graph and plan stages leave idle. A failed
        build's entries are still right for their files; only a good build writes the state
        that lets the next one trust them."""
        if options.use_cache:
            with result.timed("cache"):
                unused_packs.extend(cache.write(prepared, options.jobs))

    try:
        loaded = load(options, cache, result, warm.pages if warm else None, write_index)
        if loaded is None:
            return
        if not result.ok(options.strict):
            if options.render_refused:
                _render_unpublished(loaded.jobs, options, result)
            return

        def save_records() -> None:
            """Written while the pages render: no page reads them."""
            if options.use_cache and options.save_records:
                with result.timed("cache"):
                    term_edits.save(cache, inputs, settings, loaded.pages, len(loaded.prepared))

        if not _publish(loaded.jobs, options, result, meanwhile=save_records):
            return
    except BaseException:
        cache.settle(redo=False)  # Ctrl-C stops the child too; no index is written again here
        raise
    finally:
        cache.settle()
    if options.use_cache:
        cache.drop(unused_packs)
        incremental.remember(cache, inputs, options.out, result.diagnostics.items, len(loaded.jobs))
        keys = {job.path: job.key for job in loaded.jobs}
        reported = tuple(result.diagnostics.sorted())
        paths = inputs.paths(options.root)
        result.warm = WarmState(loaded.pages, cache, loaded.prepared, keys, paths, reported, options.strict)


def _render_unpublished(jobs: list[PageJob], options: BuildOptions, result: BuildResult) -> None:
    """A build that fails on warnings alone (--strict) renders every page as `check` does, so
    a template error that shows only as a page is made is reported with the warnings, in the
    same run. Nothing is written: the output, and the state and records that let the next
    build trust it, stay those of the last good build."""
    with result.timed("render"):
        _render(jobs, None, options.jobs, result)


def _edit_terms(
    options: BuildOptions,
    cache: Cache,
    inputs: incremental.Inputs,
    settings: str,
    state: dict[str, Any],
    result: BuildResult,
) -> bool:
    """Apply edits that changed only terms' own pages from the last build's saved records
    (term_edits.py); False when the whole build must run. The report is the last build's:
    such edits change nothing any check reads."""
    last = incremental.reported(state)
    manifest = output.read_manifest(options.out)
    if last is None or manifest is None or not incremental.left_as_built(state, options.out):
        return False
    if Diagnostics(list(last.diagnostics)).failed(options.strict):
        return False
    with result.timed("edits"):
        edits = term_edits.plan(options.root, cache, inputs, settings, state, options.base_url)
        if edits is None:
            return False
        keys = {path: key for path, key in manifest.items() if path != search.MANIFEST_KEY}
        keys.update((job.path, job.key) for job in edits.jobs)
        published = _publish(edits.jobs, options, result, keys)
        if published:
            term_edits.commit(cache, edits, inputs)
    result.diagnostics.items += last.diagnostics
    if published:
        incremental.remember(cache, inputs, options.out, last.diagnostics, last.files)
        result.from_cache = (edits.term_files - edits.converted, edits.term_files)
    return True


def cache_folder(options: BuildOptions) -> Path:
    return options.cache_dir or options.root / CACHE_DIR


@contextlib.contextmanager
def _cache(options: BuildOptions, warm: WarmState | None = None) -> Iterator[Cache]:
    """The site's cache (the one a warm state has open), or a throwaway one for --no-cache."""
    if options.use_cache:
        folder = cache_folder(options)
        if warm is not None and warm.cache.folder == folder:
            yield warm.cache
            return
        check_folder(folder, options.cache_options)
        yield Cache(folder)
        return
    with tempfile.TemporaryDirectory(prefix="glossary-build-") as scratch:
        yield Cache(Path(scratch))


def _publish(
    jobs: list[PageJob],
    options: BuildOptions,
    result: BuildResult,
    keys: dict[str, str] | None = None,
    meanwhile: Callable[[], None] = lambda: None,
) -> bool:
    """Render only the pages whose key changed, into the output through output.publish.
    `keys`: every page's key, when the jobs are only a few pages made again (term_edits.py).
    `meanwhile` runs while the pages render, or before publishing when none need to."""
    previous = output.current_manifest(options.out)  # also finishes what a killed build left
    if not options.use_cache:
        previous = None
    elif previous is not None and keys is None:  # term_edits checked the output is whole
        previous = output.present(options.out, previous)
    assert keys is None or previous is not None, "a few pages alone never make a whole site"
    bundle_pages = options.bundle_pages if options.search else None
    changed, update = incremental.plan(jobs, previous, bundle_pages, keys, options.keep_index)

    def write_pages(staging: Path) -> bool:
        nonlocal meanwhile
        with result.timed("render"):
            rendered = _render(changed, staging, options.jobs, result, meanwhile)
        meanwhile = lambda: None  # noqa: E731  # done
        return rendered

    def index(site: Sequence[Path], bundle_parent: Path) -> bool:
        with result.timed("search"):
            reuse = None if update.full else options.out / search.FOLDER
            problem = search.build_index(
                site,
                bundle_parent / search.FOLDER,
                update.keys,
                reuse,
                options.bundle_pages,
                runs=options.jobs,
            )
        if problem is not None:
            result.diagnostics.add(problem)
        return problem is None

    dropped = not options.search and not options.keep_index and os.path.lexists(options.out / search.FOLDER)
    if not output.publish(options.out, update, write_pages, index):
        return False
    meanwhile()  # if no page needed writing
    result.written, result.deleted = len(update.written), len(update.deleted)
    result.index_removed = dropped
    result.reused = len(update.keys) - len(changed)
    return True


def _render(
    jobs: Sequence[PageJob],
    staging: Path | None,
    workers: int,
    result: BuildResult,
    meanwhile: Callable[[], None] | None = None,
) -> bool:
    """Render (and write, given a staging folder) every job, spread over worker processes.

    Every page is rendered even after one fails, as each may fail in its own way; once one
    has, nothing more is written, as the staging folder will be thrown away. A broken
    template fails every page made with it alike: each problem is reported once, naming the
    first page it failed (by path) when it failed as it ran, which may be for some pages only."""

    def render_chunk(chunk: Iterable[PageJob]) -> Iterator[tuple[Diagnostic, str]]:
        found: set[tuple[Diagnostic, str]] = set()
        for job in chunk:
            try:
                data = job.produce()
            except ContentError as problem:
                page = job.path if isinstance(problem, TemplateRunError) else ""
                new = {(found_problem, page) for found_problem in Templates.reported(problem)} - found
                found |= new
                yield from sorted(new)
                continue
            if staging is not None and not found:
                output.write_file(staging, job.path, data)

    pages: dict[Diagnostic, set[str]] = {}
    for problem, page in split_map(render_chunk, jobs, workers, meanwhile):
        pages.setdefault(problem, set()).add(page)
    for problem, failed in sorted(pages.items()):
        result.diagnostics.add(_naming_pages(problem, sorted(filter(None, failed))))
    return not pages


def _naming_pages(problem: Diagnostic, pages: list[str]) -> Diagnostic:
    if not pages:
        return problem
    more = f" and {count(len(pages) - 1, 'other page')}" if len(pages) > 1 else ""
    return dataclasses.replace(problem, message=f"{problem.message} (making {pages[0]}{more})")
