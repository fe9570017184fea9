"""Full-text search: Pagefind indexes the built term and tool pages; the search pages query it.

Pagefind splits its index into small chunks that the browser loads on demand, so a reader
downloads a few kilobytes per query even at 10,000 terms. While indexing, though, Pagefind holds
the words of every page it is given (about 3 GB for the 10,000 pages of the benchmark corpus),
so the pages are split into as many bundles as BUNDLE_PAGES goes into their number (rounded
up), each indexed by a Pagefind run of its own (a build runs as many at once as it has workers,
up to MAX_RUNS), and the browser merges the bundles (Pagefind's mergeIndex) as it loads them.
A hash of its path places each page and a bundle is named by its pages' keys, so an edit
indexes one bundle again and the others are kept as they are.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import threading
from collections.abc import Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from glossary_site import name_lookup, pagefind_run
from glossary_site.diagnostics import Diagnostic, Severity
from glossary_site.fingerprint import digest
from glossary_site.urls import address

FOLDER = "pagefind"
MANIFEST_KEY = "pagefind/"
#: The bundles' folder names in the order the browser loads them, as a JSON list.
LISTING = "bundles.json"
#: Every name of an indexed page (see names): the browser reads it only when a query finds
#: nothing, to ask "Did you mean" the closest.
NAMES = "names.json"
#: The data files (pages.py, tool_page.py) the names are read from, with the folder of the
#: pages of their entries; a site with no tools writes no tools.json.
NAMED = (("terms.json", "terms"), ("tools.json", "tools"))
#: The folders of the pages whose templates mark an article for the index
#: (`data-pagefind-body`): terms/<slug>/index.html and tools/<slug>/index.html.
INDEXED = ("terms", "tools")
#: How the key of a page in one of those folders that holds no article starts (a renamed
#: term's or tool's former address, redirects.py): it is left out of the index, as Pagefind would index
#: the whole of such a page in a bundle that holds no article to tell it apart.
UNINDEXED = "unindexed:"
#: Small enough that one Pagefind run stays well under a gigabyte on long pages; large enough
#: that a 10,000-term glossary is a handful of bundles for the browser to merge.
BUNDLE_PAGES = 1500
#: Section permalinks ("#") and copy-link buttons would show up in every excerpt.
IGNORED = ".headerlink, .copy-link"
#: The most Pagefind runs at once, whatever the number of cores: each holds its bundle's words.
MAX_RUNS = 4
#: The longest one Pagefind run may take.
TIMEOUT_SECONDS = 900


def bundles(keys: Mapping[str, str], size: int = BUNDLE_PAGES) -> dict[str, list[str]]:
    """The indexed pages grouped into bundles, each under the name its pages' keys give it."""
    pages = sorted(path for path, key in keys.items() if _indexed(path, key))
    groups: list[list[str]] = [[] for _ in range(max(1, -(-len(pages) // size)))]
    for path in pages:
        place = int.from_bytes(hashlib.blake2b(path.encode(), digest_size=8).digest(), "big")
        groups[place % len(groups)].append(path)
    flavour = "extended\n" if pagefind_run.splits_unspaced_text() else ""
    return {_name(group, keys, flavour): group for group in groups if group}


def _indexed(path: str, key: str) -> bool:
    parts = path.split("/")
    article = len(parts) == 3 and parts[0] in INDEXED and parts[2] == "index.html"
    return article and not key.startswith(UNINDEXED)


def _name(pages: list[str], keys: Mapping[str, str], flavour: str) -> str:
    """A bundle is named for its pages and for the Pagefind build that indexes them (`flavour`),
    since the extended one splits Chinese and Japanese into words: installing it makes every
    bundle anew."""
    return digest((flavour + "".join(f"{path}\0{keys[path]}\n" for path in pages)).encode())[:16]


def index_key(keys: Mapping[str, str], size: int = BUNDLE_PAGES) -> str:
    """What the index as a whole is made of; the same key means nothing to index again."""
    return digest("\n".join(sorted(bundles(keys, size))).encode())


#: The languages written without spaces that Pagefind's extended build splits into words.
UNSPACED = {"ja": "Japanese", "zh": "Chinese"}


def unsplit_words(language: str) -> list[Diagnostic]:
    """A warning when the site's language needs Pagefind's extended build and it is not
    installed: the standard build takes a run of such text, up to a space or punctuation, for
    one word, so readers find most words of a page by no query at all."""
    name = UNSPACED.get(language.split("-")[0].lower())
    if name is None or pagefind_run.splits_unspaced_text():
        return []
    message = (
        f"Pagefind's standard build does not split {name} text into words, so search finds a word "
        "only where a run of text starts; install its extended build: pip install 'pagefind[extended]'"
    )
    return [Diagnostic("(search)", 1, message, Severity.WARNING)]


def build_index(
    site: Sequence[Path],
    into: Path,
    keys: Mapping[str, str],
    reuse: Path | None = None,
    size: int = BUNDLE_PAGES,
    stop: threading.Event | None = None,
    runs: int = 1,
) -> Diagnostic | None:
    """Index the site's pages into the folder `into`; a problem is returned. The site is read
    from its folders in `site`, each page from the first that holds it (pagefind_run.located):
    an update's changed pages are indexed before they replace the output's. Bundles
    already in `reuse` (the index in place) are linked from there instead of indexed again.
    Setting `stop` ends a Pagefind run under way (serve sets it when it stops) with a problem.

    Up to `runs` bundles are indexed at once (at most MAX_RUNS): one Pagefind run, fed by this
    process, keeps about 1.2 cores busy, so on two cores two runs together take about 30 % less
    time than one after the other, for the memory of two."""
    shutil.rmtree(into, ignore_errors=True)
    into.mkdir(parents=True)
    planned = bundles(keys, size)
    todo: list[tuple[str, list[str]]] = []
    for name, pages in planned.items():
        if reuse is not None and (reuse / name / "pagefind.js").is_file():
            shutil.copytree(reuse / name, into / name, copy_function=_link)
        else:
            todo.append((name, pages))

    def index(bundle: tuple[str, list[str]]) -> Diagnostic | None:
        return _index(site, bundle[1], into / bundle[0], stop)

    with ThreadPoolExecutor(max_workers=max(1, min(runs, MAX_RUNS, len(todo)))) as pool:
        problem = next((found for found in pool.map(index, todo) if found is not None), None)
    if problem is not None:
        return problem
    try:
        published = named(site)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return Diagnostic("(search)", 1, f"search indexing cannot read the names of the pages: {exc}")
    (into / NAMES).write_text(names(published), encoding="utf-8")
    (into / name_lookup.FOLDER).mkdir()
    for file, text in name_lookup.files(published).items():
        (into / name_lookup.FOLDER / file).write_text(text, encoding="utf-8")
    (into / LISTING).write_text(json.dumps(sorted(planned)) + "\n", encoding="utf-8")
    return None


def named(site: Sequence[Path]) -> list[name_lookup.Named]:
    """Every term and tool page the site publishes, with its names. They are read from the
    site's terms.json and tools.json, as the index is made from its pages, so the names always
    go with the index beside them: serve indexes after its builds, from the output alone."""
    pages: list[name_lookup.Named] = []
    for file, folder in NAMED:
        path = pagefind_run.located(site, file)
        if not path.is_file():
            continue
        for entry in json.loads(path.read_text(encoding="utf-8")):
            names = tuple(str(name) for name in (entry["title"], *entry["aliases"]) if name)
            url = f"{folder}/{address(entry['slug'])}/"
            pages.append(name_lookup.Named(url, str(entry["title"]), str(entry["summary"]), names))
    return pages


def names(pages: list[name_lookup.Named]) -> str:
    """names.json: every title and alias of the pages, each with the address of its page
    relative to this file (`../terms/<slug>/`), as [name, url] pairs sorted by name and
    address. A name and its page is all the browser needs to suggest one: 40 to 70 bytes a
    name, 1.3 MB (140 kB compressed) for the 20,000 names of the benchmark's 10,000 terms,
    fetched only once a query has found nothing.
    """
    pairs = {(name, f"../{page.url}") for page in pages for name in page.names}
    return json.dumps(sorted(pairs), ensure_ascii=False, separators=(",", ":")) + "\n"


def _index(
    site: Sequence[Path], pages: list[str], bundle: Path, stop: threading.Event | None
) -> Diagnostic | None:
    """One Pagefind run over just these pages, numbered in address order (pagefind_run.py)."""
    outcome = pagefind_run.index_pages(site, pages, bundle, IGNORED, stop, TIMEOUT_SECONDS)
    if outcome.stopped:
        return Diagnostic("(search)", 1, "search indexing was stopped")
    if outcome.not_run is not None:
        return Diagnostic("(search)", 1, f"search indexing could not run: {outcome.not_run}")
    if outcome.unreadable is not None:  # removed from the output meanwhile: the next build makes it again
        path, why = outcome.unreadable
        return Diagnostic("(search)", 1, f"search indexing cannot read {path}: {why}")
    if outcome.exit_status != 0 or outcome.refused or "pagefind.js" not in outcome.files:
        reason = (outcome.refused or [outcome.last_words or "no output"])[0]
        return Diagnostic(
            "(search)",
            1,
            f"search indexing failed: {reason}; is pagefind installed (pip install 'pagefind[bin]')?",
        )
    try:
        pagefind_run.write_files(bundle, outcome.files)
    except (OSError, ValueError) as exc:
        why = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        return Diagnostic("(search)", 1, f"search indexing cannot write its index: {why}")
    return None


def _link(source: str | Path, target: str | Path) -> None:
    """Files in a finished bundle or output are replaced, never changed, so sharing is safe."""
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)
