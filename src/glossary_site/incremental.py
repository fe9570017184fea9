"""What a build can skip: all of it when no input changed, else every page whose key is the same.

Three decisions live here, all made before anything is written: whether the last good build
can be replayed (its inputs' stamps are unchanged and its output untouched), which pages
changed (their keys differ from the output's manifest), and whether search must be indexed
again (the keys of the term pages differ from those it was last indexed with).
"""

from __future__ import annotations

import datetime as dt
import os
import threading
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glossary_site import graph, output, search
from glossary_site.cache import Cache
from glossary_site.content_files import TEMPLATES_DIR
from glossary_site.diagnostics import Diagnostic, Severity
from glossary_site.fingerprint import input_stamps, inputs_digest, lines_digest, stamped_path
from glossary_site.model import PageJob
from glossary_site.template_files import THEME


@dataclass(frozen=True)
class Replayed:
    """What the last good build reported, given again because nothing changed since."""

    diagnostics: list[Diagnostic]
    files: int


@dataclass(frozen=True)
class Inputs:
    """Everything a build reads, stamped (see fingerprint.input_stamps), and their digest with
    the options that shape the build: equal keys mean an identical build."""

    key: str
    stamps: list[str]

    def paths(self, root: Path) -> frozenset[str]:
        """Every input's path relative to `root`, as serve's file watcher names them. Those
        below `root` begin with it as given (see input_stamps), which is cut off: relpath on
        each took a third of a second at 10,000 terms."""
        base = os.fspath(root)
        inside = "" if base == "." else os.path.join(base, "")
        found = map(stamped_path, self.stamps)
        return frozenset(
            path[len(inside) :]
            if path.startswith(inside) and not os.path.isabs(path[len(inside) :])
            else os.path.relpath(path, base)
            for path in found
        )


def inputs_of(root: Path, settings: str) -> Inputs:
    folders = [root / name for name in output.SOURCE_DIRS] + [THEME]
    stamps = input_stamps(folders, [], linked=[root / TEMPLATES_DIR])
    return Inputs(lines_digest(stamps, settings), stamps)


def settings_text(out: Path, settings: Iterable[object]) -> str:
    """The options that shape a build's output, as text."""
    return repr((out.resolve(), *settings))


def replay(state: dict[str, Any] | None, inputs: Inputs, out: Path) -> Replayed | None:
    """The last good build's report, if its inputs were these and its output is as it left it."""
    if state is None or state.get("inputs") != inputs.key or not left_as_built(state, out):
        return None
    return reported(state)


def left_as_built(state: dict[str, Any], out: Path) -> bool:
    """Whether the output is as the build that saved `state` left it, every file still there."""
    return (
        not output.has_leftovers(out) and state.get("output") == _output_stamp(out) and output.is_whole(out)
    )


def reported(state: dict[str, Any]) -> Replayed | None:
    """What the build that saved `state` reported; None when it warned of a date still to come
    on another day than today, as that date may have come since."""
    today = dt.date.today().isoformat()
    if state.get("day", today) != today:
        return None
    try:
        found = [
            Diagnostic(path, line, message, Severity(level))
            for path, line, message, level in state["diagnostics"]
        ]
        return Replayed(found, int(state["files"]))
    except (KeyError, TypeError, ValueError):
        return None


def remember(cache: Cache, inputs: Inputs, out: Path, diagnostics: Sequence[Diagnostic], files: int) -> None:
    """Keep a good build's report, so the same inputs next time write nothing."""
    found = [[d.path, d.line, d.message, d.severity.value] for d in diagnostics]
    state: dict[str, Any] = {
        "inputs": inputs.key,
        "output": _output_stamp(out),
        "diagnostics": found,
        "files": files,
    }
    if any(graph.is_date_warning(d) for d in diagnostics):
        state["day"] = dt.date.today().isoformat()
    cache.write_state(state)


def _output_stamp(out: Path) -> str:
    """The output's manifest as the last build left it; any other means the output was touched."""
    return inputs_digest([], [out / output.MARKER], "")


def plan(
    jobs: list[PageJob],
    previous: dict[str, str] | None,
    bundle_pages: int | None,
    keys: dict[str, str] | None = None,
    keep_index: bool = False,
) -> tuple[list[PageJob], output.Update]:
    """The pages to render and what the output must become; with no manifest, everything.
    Search is indexed in bundles of `bundle_pages`, or not at all when None (an index left
    from an earlier build is then removed, unless `keep_index`). `keys`, every page's key,
    defaults to the jobs' (term_edits gives a few jobs and the rest's keys)."""
    keys = keys if keys is not None else {job.path: job.key for job in jobs}
    search_key = search.index_key(keys, bundle_pages) if bundle_pages else None
    if previous is None:
        return jobs, output.Update([job.path for job in jobs], [], keys, full=True, search_key=search_key)
    changed = [job for job in jobs if previous.get(job.path) != job.key]
    update = output.Update(
        written=[job.path for job in changed],
        deleted=sorted(set(previous) - set(keys) - {search.MANIFEST_KEY}),
        keys=keys,
        full=False,
        search_key=search_key,
        old_search_key=previous.get(search.MANIFEST_KEY) if bundle_pages else None,
        drop_index=not bundle_pages and not keep_index,
    )
    return changed, update


def index_aside(
    out: Path, bundle_parent: Path, bundle_pages: int, stop: threading.Event | None = None
) -> tuple[str | None, Diagnostic | None]:
    """Index the pages already in the output folder, writing the bundle elsewhere; `stop`
    ends the indexing early (with a problem).

    `glossary serve` builds without search and calls this once edits settle, so a save never
    waits for Pagefind. Returns the key of the pages indexed (None when the index is already
    up to date or indexing failed) and the problem, if any.
    """
    manifest = output.read_manifest(out)
    if manifest is None:
        return None, None
    keys = {path: page for path, page in manifest.items() if path != search.MANIFEST_KEY}
    key = search.index_key(keys, bundle_pages)
    if manifest.get(search.MANIFEST_KEY) == key:
        return None, None
    problem = search.build_index(
        [out], bundle_parent / search.FOLDER, keys, out / search.FOLDER, bundle_pages, stop
    )
    return (None, problem) if problem is not None else (key, None)


def swap_in_index(out: Path, bundle_parent: Path, key: str) -> None:
    """Put a bundle from index_aside in place; the caller makes sure no build runs meanwhile."""
    with output.locked(out):
        output.replace_folder(out, search.FOLDER, bundle_parent)
        manifest = output.read_manifest(out) or {}
        output.write_manifest(out, {**manifest, search.MANIFEST_KEY: key})
