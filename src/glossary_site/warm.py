"""The warm preview: what `glossary serve` keeps between saves, so that editing the text of one
term re-renders that term's page alone instead of running a whole build.

A whole build, even one that renders a single page, first loads the cache index, builds the
graph and keys every page: at 10,000 terms that is seconds. After each successful build serve
keeps the build's state here. A save that changes one term file in what only that term's own
page shows (its body, tables, questions and sources; the same links, the same warnings) is
applied from that state: the file is prepared again, its page made with the same job and key
a build would make, and moved into the output under the output's journal. Anything else
(another field, a new or deleted file, a template, static files, site.yml) runs the normal
build, lent this state's open cache (no index to read again) and page records (a page whose
record is unchanged keeps its key without being written out and digested again); it leaves
the next state. So what is served is always what a build writes.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from pathlib import Path

from glossary_site import markup, output, prepare
from glossary_site.cache import Cache, PackWriter, Stamp
from glossary_site.diagnostics import ContentError, Diagnostics
from glossary_site.model import TermSource
from glossary_site.pages import SitePages

#: What only the term's own page shows. A change to any other field (the title and summary
#: other pages show, the definition in terms.json and the feed, dates, groups, related terms...)
#: needs the whole build.
PAGE_ONLY = ("body", "body_line", "tables", "faq", "sources", "key_lines")


@dataclass
class WarmState:
    """A successful build's pages, cache and output keys, for the next save."""

    pages: SitePages
    cache: Cache
    prepared: prepare.Prepared
    #: The output's manifest as the build left it: path → key.
    keys: dict[str, str]


def apply_edit(state: WarmState, root: Path, out: Path, path: str) -> bool:
    """Apply a save of the term file `path` (relative to the site) from the warm state; False
    when the edit needs a whole build (which the caller then runs, replacing this state)."""
    known = state.prepared.get(path)
    if known is None or known[1].term is None:
        return False
    try:
        info = (root / path).stat()
    except OSError:  # deleted: the build reports what that breaks
        return False
    with PackWriter(state.cache.folder, state.cache.key) as pack:
        fresh = prepare.prepare_file(root, path, state.cache, markup.Converter(), pack)
    before, after = known[1].term, fresh.term
    if after is None or fresh.diagnostics != known[1].diagnostics or not _page_only(before, after):
        return False
    pages = state.pages
    slug = after.slug
    problems = Diagnostics()
    targets = markup.resolve_targets(path, fresh.wikilinks, pages.glossary, problems, pages.toolbox)
    if problems.items or targets != pages.prepared.targets[slug]:
        return False
    pages.prepared.files[slug] = fresh
    pages.glossary.terms[slug] = after
    state.prepared[path] = (Stamp(info.st_size, info.st_mtime_ns), fresh)
    job = pages.term_job(after)
    if state.keys.get(job.path) == job.key:
        return True
    keys = {**state.keys, job.path: job.key}

    def write_page(staging: Path) -> bool:
        try:
            output.write_file(staging, job.path, job.produce())
        except ContentError:  # the build will report it
            return False
        return True

    with output.locked(out):
        previous = output.current_manifest(out)
        if previous is None or {p: k for p, k in previous.items() if p in state.keys} != state.keys:
            return False  # the output is not the one this state was made for
        update = output.Update([job.path], [], keys, full=False)
        if not output.publish(out, update, write_page, lambda site, bundle: True):
            return False
    state.keys = keys
    return True


def _page_only(before: TermSource, after: TermSource) -> bool:
    kept = {name: getattr(before, name) for name in PAGE_ONLY}
    return before.slug == after.slug and dataclasses.replace(after, **kept) == before
