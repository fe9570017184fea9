"""The spine: load → validate → graph → render → write. Orchestrates; each stage lives elsewhere.

Everything is gathered and checked before anything is written, so `check` is exactly
`build` without the final write, and a failed build leaves the previous site as it was.
Each page carries a key of its inputs; a build renders only pages whose key changed.
"""

from __future__ import annotations

import contextlib
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary_site import config as site_config
from glossary_site import content, graph, health, markup, output, prepare, search, term_files
from glossary_site.cache import Cache, digest, inputs_digest
from glossary_site.diagnostics import Diagnostic, Diagnostics, Severity
from glossary_site.model import CtaBlock, Glossary, PreparedFile, RawBody, TermSource
from glossary_site.render import THEME, LinkedTerms, PageJob, Renderer, TemplateProblem
from glossary_site.urls import missing_site_file
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
    progress: Callable[[str], None] | None = field(default=None, compare=False)


@dataclass
class BuildResult:
    diagnostics: Diagnostics = field(default_factory=Diagnostics)
    notes: list[str] = field(default_factory=list)
    written: int = 0
    reused: int = 0
    deleted: int = 0
    refused: str | None = None
    timings: dict[str, float] = field(default_factory=dict)

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
    renderer: Renderer
    jobs: list[PageJob]
    prepared: prepare.Prepared


def load(options: BuildOptions, cache: Cache, result: BuildResult) -> Loaded | None:
    """Every validating stage, over everything that loaded; None when there are errors."""
    diagnostics = result.diagnostics
    config = site_config.load(options.root, diagnostics, options.base_url)
    with result.timed("prepare"):
        prepared = prepare.prepare_terms(options.root, cache, options.jobs)
    files = [p for _, p in prepared.values()]
    terms_folder = options.root / term_files.TERMS_DIR
    if not files and (terms_folder.is_dir() or not terms_folder.exists()):
        diagnostics.warning(term_files.TERMS_DIR, 1, 'no term files yet; add one with glossary new "Title"')
    for problem in term_files.walk_problems(options.root):
        diagnostics.add(problem)
    for file in files:
        for problem in file.diagnostics:
            diagnostics.add(problem)
    terms = [f.term for f in files if f.term is not None]
    with result.timed("graph"):
        glossary, by_slug, targets = _graph(terms, files, config, options, diagnostics)
    if config is None or diagnostics.errors:
        return None

    def load_body(file: PreparedFile) -> RawBody:
        return prepare.load_body(options.root, file, cache)

    renderer = Renderer(config, glossary, LinkedTerms(by_slug, targets), load_body)
    try:
        with result.timed("plan"):
            pages = renderer.jobs()
    except TemplateProblem as problem:
        diagnostics.add(problem.diagnostic)
        return None
    jobs = pages + static_jobs(options.root)
    found = output_clashes([page.path for page in pages], options.root)
    found += dead_cta_links(config, glossary, {job.path for job in jobs})
    for clash in found:
        diagnostics.add(clash)
    return None if found else Loaded(renderer, jobs, prepared)


def _graph(
    terms: list[TermSource],
    files: list[PreparedFile],
    config: site_config.SiteConfig | None,
    options: BuildOptions,
    diagnostics: Diagnostics,
) -> tuple[Glossary, dict[str, PreparedFile], dict[str, tuple[str | None, ...]]]:
    unreadable = frozenset(
        content.slugify(name)
        for f in files
        if f.term is None
        for name in (content.slug_of_file(f.path), *f.names)
    )
    glossary = graph.build_glossary(terms, config, diagnostics, options.drafts, unreadable)
    by_slug = {f.term.slug: f for f in files if f.term is not None and f.term.slug in glossary.terms}
    targets = {
        slug: markup.resolve_targets(f.path, f.wikilinks, glossary, diagnostics)
        for slug, f in by_slug.items()
    }
    links = {slug: [t for t in found if t] for slug, found in targets.items()}
    glossary = graph.add_backlinks(glossary, links, diagnostics)
    if not diagnostics.errors:  # a broken graph would give misleading health warnings
        health.check_health(glossary, diagnostics)
    return glossary, by_slug, targets


def static_jobs(root: Path) -> list[PageJob]:
    def job(path: str, source: Path) -> PageJob:
        data = source.read_bytes()
        return PageJob(path, digest(data), lambda: data)

    return [
        job(path, source) for path, source in output.static_files([THEME / "static", root / "static"]).items()
    ]


def dead_cta_links(config: site_config.SiteConfig, glossary: Glossary, files: set[str]) -> list[Diagnostic]:
    """A call to action that leads to no page of the site is a dead end for every reader."""
    blocks = [
        (block, site_config.CONFIG_PATH, config.cta_url_lines.get(name, 1))
        for name, block in config.cta_blocks.items()
    ]
    blocks += [(t.cta, t.path, t.cta_line) for t in glossary.terms.values() if isinstance(t.cta, CtaBlock)]
    return [
        Diagnostic(path, line, f"cta url '{block.url}' leads to no page of this site; check the path")
        for block, path, line in blocks
        if missing_site_file(block.url, files)
    ]


def output_clashes(generated: list[str], root: Path) -> list[Diagnostic]:
    """A static file must not take the place of a page, nor of a folder pages live in."""
    pages = set(generated)
    folders = {"/".join(p.split("/")[:end]) for p in generated for end in range(1, p.count("/") + 1)}
    clashes = []
    for path, source in output.static_files([root / "static"]).items():
        if path in pages or path in folders:
            where = source.relative_to(root).as_posix()
            clashes.append(Diagnostic(where, 1, f"static file would replace the generated {path}; rename it"))
    return clashes


def check(options: BuildOptions) -> BuildResult:
    """Build without writing: renders every page too, so template errors are caught.

    It uses a throwaway cache, so checking never writes into the site folder.
    """
    result = BuildResult()
    with tempfile.TemporaryDirectory(prefix="glossary-check-") as scratch:
        loaded = load(options, Cache(Path(scratch)), result)
        if loaded is not None:
            _render(loaded.jobs, None, options.jobs, result)
    return result


def build(options: BuildOptions) -> BuildResult:
    result = BuildResult(progress=options.progress)
    try:
        output.check_target(options.root, options.out)
    except output.OutputRefused as refusal:
        result.refused = str(refusal)
        return result
    try:
        with output.locked(options.out):
            return _cached_build(options, result)
    except output.OutputRefused as refusal:
        result.refused = str(refusal)
        return result


def _cached_build(options: BuildOptions, result: BuildResult) -> BuildResult:
    if not options.use_cache:
        with tempfile.TemporaryDirectory(prefix="glossary-build-") as scratch:
            return _build(options, Cache(Path(scratch)), result)
    cache = Cache(options.cache_dir or options.root / CACHE_DIR)
    inputs = _inputs_digest(options)
    state = cache.read_state()
    if state is not None and state.get("inputs") == inputs and _replay(state, options, result):
        return result
    _build(options, cache, result)
    result.notes += cache.notes
    if result.ok(options.strict):
        found = [[d.path, d.line, d.message, d.severity.value] for d in result.diagnostics.items]
        files = result.written + result.reused
        state = {"inputs": inputs, "output": _output_stamp(options), "diagnostics": found, "files": files}
        cache.write_state(state)
    return result


def _inputs_digest(options: BuildOptions) -> str:
    """Name, size and time of everything a build reads, and the options that shape it."""
    folders = [options.root / name for name in ("content", "templates", "static")] + [THEME]
    settings = repr((options.out.resolve(), options.drafts, options.base_url, options.search))
    return inputs_digest(folders, [], settings)


def _output_stamp(options: BuildOptions) -> str:
    """The output's manifest as the last build left it; any other means the output was touched."""
    return inputs_digest([], [options.out / output.MARKER], "")


def _replay(state: dict[str, Any], options: BuildOptions, result: BuildResult) -> bool:
    """Nothing changed since the last good build: report what it reported, write nothing."""
    if output.has_leftovers(options.out) or state.get("output") != _output_stamp(options):
        return False
    try:
        for path, line, message, severity in state["diagnostics"]:
            result.diagnostics.add(Diagnostic(path, line, message, Severity(severity)))
        result.reused = int(state["files"])
    except (KeyError, TypeError, ValueError):
        result.diagnostics = Diagnostics()
        return False
    return True


@dataclass(frozen=True)
class Update:
    """What a build changes in the output, decided from page keys before anything is written."""

    changed: list[PageJob]
    deleted: list[str]
    keys: dict[str, str]
    full: bool
    search_key: str | None = None
    old_search_key: str | None = None

    @property
    def reindex(self) -> bool:
        return self.search_key is not None and self.search_key != self.old_search_key

    def manifest(self, search_key: str | None) -> dict[str, str]:
        return {**self.keys, search.MANIFEST_KEY: search_key} if search_key else self.keys


def plan_update(jobs: list[PageJob], previous: dict[str, str] | None, with_search: bool) -> Update:
    keys = {job.path: job.key for job in jobs}
    search_key = _search_key(jobs) if with_search else None
    if previous is None:
        return Update(jobs, [], keys, full=True, search_key=search_key)
    return Update(
        changed=[job for job in jobs if previous.get(job.path) != job.key],
        deleted=sorted(set(previous) - set(keys) - {search.MANIFEST_KEY}),
        keys=keys,
        full=False,
        search_key=search_key,
        old_search_key=previous.get(search.MANIFEST_KEY) if with_search else None,
    )


def _build(options: BuildOptions, cache: Cache, result: BuildResult) -> BuildResult:
    loaded = load(options, cache, result)
    if loaded is None or not result.ok(options.strict):
        return result
    output.recover(options.out)
    previous = output.read_manifest(options.out) if options.use_cache else None
    update = plan_update(loaded.jobs, previous, options.search)
    result.reused = len(loaded.jobs) - len(update.changed)
    if (update.full or update.changed or update.deleted) and not _write(update, options, result):
        return result
    if not update.full and update.reindex:
        # Pages are in place already; the index is rebuilt from them and swapped in whole.
        fresh = output.new_staging(options.out, full=False)
        if not _index(options.out, fresh, result):
            output.discard(fresh)
            return result
        output.replace_folder(options.out, search.FOLDER, fresh)
        output.write_manifest(options.out, update.manifest(update.search_key))
    result.written, result.deleted = len(update.changed), len(update.deleted)
    if options.use_cache:
        with result.timed("cache"):
            cache.save(loaded.prepared)
    return result


def _write(update: Update, options: BuildOptions, result: BuildResult) -> bool:
    """Render the changed pages aside, then swap them in (full) or move them in (update)."""
    staging = output.new_staging(options.out, full=update.full)
    try:
        with result.timed("render"):
            rendered = _render(update.changed, staging, options.jobs, result)
        if not rendered or (update.full and update.reindex and not _index(staging, staging, result)):
            output.discard(staging)
            return False
        if update.full:
            output.swap_in(staging, options.out, update.manifest(update.search_key))
        else:
            written = [job.path for job in update.changed]
            output.apply_update(
                staging, options.out, written, update.deleted, update.manifest(update.old_search_key)
            )
    except BaseException:
        output.discard(staging)
        raise
    return True


def _search_key(jobs: Sequence[PageJob]) -> str:
    return _pages_search_key({job.path: job.key for job in jobs})


def _pages_search_key(keys: dict[str, str]) -> str:
    """Only term pages are indexed, so only their keys decide whether to index again."""
    return digest("\n".join(keys[path] for path in sorted(keys) if path.startswith("terms/")).encode())


def index_aside(options: BuildOptions, bundle_parent: Path) -> tuple[str | None, BuildResult]:
    """Index the pages already in the output folder, writing the bundle elsewhere.

    `glossary serve` builds without search and calls this once edits settle, so a save never
    waits for Pagefind. Returns the key of the pages indexed, or None when the index is
    already up to date or indexing failed.
    """
    result = BuildResult()
    manifest = output.read_manifest(options.out)
    if manifest is None:
        return None, result
    key = _pages_search_key({path: page for path, page in manifest.items() if path != search.MANIFEST_KEY})
    if manifest.get(search.MANIFEST_KEY) == key or not _index(options.out, bundle_parent, result):
        return None, result
    return key, result


def swap_in_index(options: BuildOptions, bundle_parent: Path, key: str) -> None:
    """Put a bundle from index_aside in place; the caller makes sure no build runs meanwhile."""
    with output.locked(options.out):
        output.replace_folder(options.out, search.FOLDER, bundle_parent)
        manifest = output.read_manifest(options.out) or {}
        output.write_manifest(options.out, {**manifest, search.MANIFEST_KEY: key})


def _index(site: Path, bundle_parent: Path, result: BuildResult) -> bool:
    with result.timed("search"):
        problem = search.build_index(site, bundle_parent / search.FOLDER)
    if problem is not None:
        result.diagnostics.add(problem)
    return problem is None


def _render(jobs: Sequence[PageJob], staging: Path | None, workers: int, result: BuildResult) -> bool:
    """Render (and write, given a staging folder) every job, spread over worker processes."""

    def render_chunk(chunk: Iterable[PageJob]) -> Iterator[Diagnostic]:
        for job in chunk:
            try:
                data = job.produce()
            except TemplateProblem as problem:
                yield problem.diagnostic
                return
            if staging is not None:
                output.write_file(staging, job.path, data)

    problems = sorted(set(split_map(render_chunk, jobs, workers)))
    for problem in problems[:1]:
        result.diagnostics.add(problem)
    return not problems
