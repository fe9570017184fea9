"""A build after edits to terms' own text, from the page records the last build saved.

Even when one term's body changed, a build loads every term's cache entry, builds the graph
and keys every page before it finds the one page to write: at 10,000 terms that is seconds
in a new process (serve keeps that state in memory instead, see warm.py). So each good build
also saves every term page's record and key, in shards by file like the cache index, and the
stamps of all its inputs. The next build compares stamps. When only term files changed, and
each only in what its own page shows (warm.PAGE_ONLY: body, tables, questions, sources; the
same key lines, links to the same pages, the same ids for links to its sections, no warning
about it before or now), its page is
made again from its saved record, with only the new file's source swapped in, and nothing
else is loaded. Anything else runs the whole build. The page, its key and the build's report
are what the whole build would give: every other page shows nothing a page-only field holds,
and every check that reports on the file reads other fields.
"""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

from glossary_site import config as site_config
from glossary_site import content_files, markup, prepare, wikilinks
from glossary_site.cache import Cache, Entries, PackWriter, Stamp, atomic_write, shard_name, sign
from glossary_site.diagnostics import Diagnostics
from glossary_site.fingerprint import FINGERPRINT, digest, lines_digest, stamped_file
from glossary_site.incremental import Inputs
from glossary_site.model import Body, CtaBlock, Face, PageJob, PreparedFile
from glossary_site.page_jobs import PageMaker
from glossary_site.pages import SitePages
from glossary_site.plan import checked_urls
from glossary_site.term_page import Surroundings, TermPage, known_for, term_job, term_record
from glossary_site.tools import PREFIX as TOOL
from glossary_site.urls import term_path
from glossary_site.warm import PAGE_ONLY, lines_moved, links_same_terms, unchanged_but

FOLDER = "pages"
LISTING = "pages.json"


class Saved(NamedTuple):
    """What a term page's record is made of, and its key. The faces it shows are saved once
    for the site (a record holds each face it shows; pickling those took a second at 10,000)."""

    slug: str
    source: str
    around: Surroundings
    cta: CtaBlock | None
    key: str


#: By term file.
Records = dict[str, Saved]


@dataclass(frozen=True)
class Edits:
    """The pages of the edited terms, and what to save once they are in the output."""

    jobs: list[PageJob]
    prepared: Entries
    records: Records
    #: How many term files were converted again (the others, of all found, came from the cache).
    converted: int
    term_files: int
    listing: dict[str, Any]
    #: The shards the records were read from, to be written back with the new ones.
    shards: dict[str, Records]


def save(cache: Cache, inputs: Inputs, settings: str, pages: SitePages, term_files: int) -> None:
    """Save every term page's record and key after a good build; shards whose keys are all
    unchanged are not written again."""
    records: Records = {}
    for slug, file in pages.prepared.files.items():
        _, record, key = pages.record_keys[term_path(slug)]
        assert isinstance(record, TermPage)
        records[file.path] = Saved(slug, record.source, pages.surroundings[slug], record.cta, key)
    listing = _read_listing(cache)
    kept = listing.get("shards", {}) if listing is not None else {}
    shards = _write_shards(cache, records, kept if isinstance(kept, dict) else {})
    site = {
        "settings": settings,
        "nav_shows": pages.nav_shows,
        "site_key": pages.site_key,
        "faces": {slug: [face.title, face.summary] for slug, face in pages.faces.items()},
        "templates": pages.templates.digests,
    }
    _write_listing(cache, inputs, site, shards, term_files)


def plan(
    root: Path, cache: Cache, inputs: Inputs, settings: str, state: dict[str, Any], base_url: str | None
) -> Edits | None:
    """The edited terms' pages, made from their saved records; None when the edits need the
    whole build (or nothing was saved, or the saved records are not the last build's, or were
    made with other options: a draft shown with --drafts is on many pages but its own)."""
    listing = _read_listing(cache)
    if listing is None or listing.get("inputs") != state.get("inputs"):
        return None
    before = listing.get("stamps")
    if not isinstance(before, list) or listing.get("settings") != settings:
        return None
    if lines_digest(before, settings) != listing["inputs"]:
        return None
    changed = _changed_files(before, inputs.stamps, root)
    named = {str(found[0]) for found in state.get("diagnostics", []) if found}
    if not changed or named & set(changed):
        return None
    config = site_config.load(root, Diagnostics(), base_url)
    if config is None or config.autolink:  # with auto-linking a body may link any term
        return None
    # No template changed (only term files did), so their saved digests hold.
    maker = PageMaker(config, dict(listing.get("nav_shows", {})), None, dict(listing.get("templates", {})))
    if maker.site_key != listing.get("site_key"):
        return None
    shards = _read_shards(cache, listing, changed)
    if shards is None or any(path not in shards[shard_name(path)] for path in changed):
        return None
    saved = {path: shards[shard_name(path)][path] for path in changed}
    return _remake(root, cache, maker, saved, listing, shards)


def commit(cache: Cache, edits: Edits, inputs: Inputs) -> None:
    """Save what the edits changed: the cache entries, the records and the stamps."""
    cache.put(edits.prepared)
    listing = edits.listing
    shards = dict(listing["shards"])
    for name, found in sorted(edits.shards.items()):
        found.update({p: r for p, r in edits.records.items() if shard_name(p) == name})
        shards[name] = _write_shard(cache, name, found)
    site = {name: listing[name] for name in ("settings", "nav_shows", "site_key", "faces", "templates")}
    _write_listing(cache, inputs, site, shards, edits.term_files)


def _remake(
    root: Path,
    cache: Cache,
    maker: PageMaker,
    saved: Records,
    listing: dict[str, Any],
    shards: dict[str, Records],
) -> Edits | None:
    jobs: list[PageJob] = []
    prepared: Entries = {}
    records: Records = {}
    shown = listing.get("faces", {})
    with PackWriter(cache.folder, cache.key) as pack:
        converter = markup.Converter()
        for path, before in saved.items():
            known = cache.entry(path)
            if known is None or known[1].term is None or known[1].digest != before.source:
                return None
            try:
                info = os.stat(root / path)
            except OSError:
                return None
            read = prepare.read_term(root, path)
            if isinstance(read, PreparedFile):
                return None
            # The last build reported nothing about the file (`plan`), so its lines show nowhere.
            if not unchanged_but(PAGE_ONLY, lines_moved(known[1].term, read.term), read.term):
                return None
            fresh = prepare.convert(read, converter, pack) if read.digest != known[1].digest else known[1]
            links = _same_links(known[1], fresh, before.around.links)
            if links is None or fresh.term is None:
                return None
            checked = checked_urls(fresh.term.site_urls, maker.config.addresses)
            if checked != checked_urls(known[1].term.site_urls, maker.config.addresses):
                return None
            if fresh.term.ids != known[1].term.ids:  # links to its sections are checked again
                return None
            around = before.around._replace(links=links)
            faces = {slug: Face(slug, *shown[slug]) for slug in _slugs(around) if slug in shown}
            record = term_record(before.slug, fresh.digest, path, around, faces, before.cta, "")
            job = term_job(maker, record, fresh.term, _body(root, cache, fresh, record), known_for(record))
            jobs.append(job)
            prepared[path] = (Stamp.of(info), fresh)
            records[path] = before._replace(source=fresh.digest, around=around, key=job.key)
    converted = sum(1 for path, found in records.items() if found.source != saved[path].source)
    return Edits(jobs, prepared, records, converted, int(listing.get("term_files", 0)), listing, shards)


def _slugs(around: Surroundings) -> list[str]:
    """The faces a record shows, by the slug they are saved under."""
    tools = [TOOL + slug for slug in around.tools]
    return [*filter(None, around.links), *around.related, *around.backlinks, *tools]


def _body(root: Path, cache: Cache, file: PreparedFile, record: TermPage) -> Callable[[], Body]:
    return lambda: wikilinks.fill_links(prepare.load_body(root, file, cache), record.links)


def _same_links(
    before: PreparedFile, after: PreparedFile, targets: tuple[str | None, ...]
) -> tuple[str | None, ...] | None:
    """What each of the new file's wiki-links shows, from what the same words showed before;
    None when a link is new words, or the terms linked changed (other pages show those)."""
    if after.diagnostics or before.diagnostics or len(targets) != len(before.wikilinks):
        return None
    shown = {link.target: target for link, target in zip(before.wikilinks, targets, strict=True)}
    if any(link.target not in shown for link in after.wikilinks):
        return None
    links = tuple(shown[link.target] for link in after.wikilinks)
    return links if links_same_terms(links, targets) else None


def _changed_files(before: list[str], now: list[str], root: Path) -> list[str] | None:
    """The term files (relative to the site) whose stamps changed; None when anything else
    changed, or a file came or went."""
    old, new = set(before) - set(now), set(now) - set(before)
    files = {stamped_file(line) for line in old}
    if files != {stamped_file(line) for line in new} or None in files:
        return None
    terms = os.fspath(root / content_files.TERMS_DIR) + os.sep
    changed = []
    for file in sorted(f for f in files if f is not None):
        if not file.startswith(terms) or not file.endswith(".md"):
            return None
        changed.append(Path(os.path.relpath(file, root)).as_posix())
    return changed


def _write_shards(cache: Cache, records: Records, kept: dict[str, Any]) -> dict[str, str]:
    by_shard: dict[str, Records] = {}
    for path, entry in records.items():
        by_shard.setdefault(shard_name(path), {})[path] = entry
    shards = {}
    folder = cache.folder / FOLDER
    for name, found in sorted(by_shard.items()):
        marker = _marker(found)
        if kept.get(name) == marker and (folder / f"{name}.pickle").exists():
            shards[name] = marker
        else:
            shards[name] = _write_shard(cache, name, found)
    for stale in folder.glob("*.pickle") if folder.is_dir() else []:
        if stale.stem not in shards:
            stale.unlink(missing_ok=True)
    return shards


def _marker(records: Records) -> str:
    """What a shard holds, by its keys: a record's key is the digest of all it holds."""
    lines = sorted(f"{path}\0{saved.key}" for path, saved in records.items())
    return digest("\n".join([FINGERPRINT, *lines]).encode())


def _write_shard(cache: Cache, name: str, records: Records) -> str:
    marker = _marker(records)
    data = pickle.dumps((marker, dict(sorted(records.items()))), pickle.HIGHEST_PROTOCOL)
    folder = cache.folder / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    atomic_write(folder / f"{name}.pickle", sign(cache.key, data))
    return marker


def _read_shard(cache: Cache, name: str, marker: object) -> Records | None:
    """A shard, if it is the one the listing names; records are unpickled, so they must be
    signed with this user's key like the cache."""
    try:
        signed = (cache.folder / FOLDER / f"{name}.pickle").read_bytes()
        found_marker, records = pickle.loads(cache.verified(signed))
    except Exception:  # missing, damaged or foreign: only means the whole build runs
        return None
    return records if found_marker == marker and isinstance(records, dict) else None


def _read_shards(cache: Cache, listing: dict[str, Any], changed: list[str]) -> dict[str, Records] | None:
    """The shards holding the changed files' records, whole, as the listing names them."""
    shards: dict[str, Records] = {}
    for name in sorted({shard_name(path) for path in changed}):
        found = _read_shard(cache, name, listing.get("shards", {}).get(name))
        if found is None:
            return None
        shards[name] = found
    return shards


def _read_listing(cache: Cache) -> dict[str, Any] | None:
    try:
        listing = json.loads((cache.folder / LISTING).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return listing if isinstance(listing, dict) else None


def _write_listing(
    cache: Cache, inputs: Inputs, site: dict[str, Any], shards: dict[str, str], term_files: int
) -> None:
    listing = {"inputs": inputs.key, "stamps": inputs.stamps, "shards": shards, "term_files": term_files}
    atomic_write(cache.folder / LISTING, json.dumps({**listing, **site}).encode())
