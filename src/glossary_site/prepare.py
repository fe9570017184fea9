"""Prepare every term file once: read, validate, convert its Markdown; reuse the cache.

Each file is independent of every other here, so misses are spread over worker processes,
and a file whose content hash is unchanged is not read twice.
"""

from __future__ import annotations

import dataclasses
import os
import urllib.parse
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import NamedTuple

from glossary_site import content, content_files, front_matter, markup, wikilinks
from glossary_site.cache import Cache, PackWriter, Stamp
from glossary_site.custom_ids import clashes
from glossary_site.diagnostics import ContentError, Diagnostic, Diagnostics
from glossary_site.fingerprint import digest
from glossary_site.model import PreparedFile, RawBody, TermSource
from glossary_site.workers import split_map

Prepared = dict[str, tuple[Stamp, PreparedFile]]


def prepare_terms(
    root: Path, cache: Cache, jobs: int, meanwhile: Callable[[], None] | None = None
) -> Prepared:
    """Every term file by path, in sorted order, with the stamp it was prepared at.
    `meanwhile` is work for this process while workers convert files (none when none need
    converting)."""
    found: Prepared = {}
    todo: list[tuple[str, Stamp]] = []
    base = os.fspath(root)
    for path in content_files.find_term_files(root):
        info = _stat(os.path.join(base, path), path)
        if isinstance(info, Diagnostic):
            found[path] = (Stamp(0, 0), PreparedFile(path, "", None, diagnostics=(info,)))
            continue
        stamp = Stamp.of(info)
        cached = cache.lookup(path, stamp)
        if cached is not None:
            found[path] = (stamp, cached)
        else:
            todo.append((path, stamp))
    if todo:
        key = cache.key
        found.update(split_map(lambda items: _prepare_chunk(root, cache, key, items), todo, jobs, meanwhile))
    return dict(sorted(found.items()))


def _stat(file: str, path: str) -> os.stat_result | Diagnostic:
    """The file's stat, or why it cannot be read. The finder passed only regular files, but one
    may have been swapped for a named pipe since, and reading that would hang the build."""
    try:
        info = os.stat(file)
    except OSError as exc:
        return ContentError(path, 1, f"cannot read file: {exc.strerror or exc}").diagnostic
    problem = content_files.special_file_message(info.st_mode)
    return info if problem is None else Diagnostic(path, 1, problem)


def _prepare_chunk(
    root: Path, cache: Cache, key: bytes, items: Iterable[tuple[str, Stamp]]
) -> Iterator[tuple[str, tuple[Stamp, PreparedFile]]]:
    converter = markup.Converter()
    with PackWriter(cache.folder, key) as pack:
        for path, stamp in items:
            yield path, (stamp, prepare_file(root, path, cache, converter, pack))


def prepare_file(
    root: Path, path: str, cache: Cache, converter: markup.Converter, pack: PackWriter
) -> PreparedFile:
    read = read_term(root, path)
    if isinstance(read, PreparedFile):
        return read
    known = cache.entry(path)
    if known is not None and known[1].digest == read.digest:
        return known[1]
    return convert(read, converter, pack)


class ReadTerm(NamedTuple):
    """A term file read and validated on its own, not yet converted."""

    digest: str
    term: TermSource
    diagnostics: tuple[Diagnostic, ...]


def read_term(root: Path, path: str) -> ReadTerm | PreparedFile:
    """The file's term, or (as a PreparedFile) why it has none."""
    diagnostics = Diagnostics()
    try:
        data = front_matter.read_bytes(root / path, path)
    except ContentError as problem:
        return PreparedFile(path, "", None, diagnostics=(problem.diagnostic,))
    try:
        term = content.parse_term(path, front_matter.decode(data, path), diagnostics)
    except ContentError as problem:  # with what was found before it (the body's problems)
        names = content.names_in_broken_file(data)
        found = (problem.diagnostic, *diagnostics.items)
        return PreparedFile(path, "", None, diagnostics=found, names=names)
    return ReadTerm(digest(data), term, tuple(diagnostics.items))


def convert(read: ReadTerm, converter: markup.Converter, pack: PackWriter) -> PreparedFile:
    """The term's Markdown converted, its body into the pack."""
    term, path = read.term, read.term.path
    names = (term.slug, term.title, *term.aliases)
    try:
        raw = converter.convert_term(term)
    except RecursionError:  # Python-Markdown recurses per nesting level
        too_deep = Diagnostic(path, term.body_line, "Markdown is nested too deeply to convert; flatten it")
        return PreparedFile(path, "", None, diagnostics=(*read.diagnostics, too_deep), names=names)
    ids, own, repeated = _anchors(term, raw)
    found = [Diagnostic(path, problem.line, str(problem)) for problem in converter.too_complex]
    if repeated:
        texts = content.markdown_texts(term)
        found += (Diagnostic(path, line, message) for line, message in clashes(texts, repeated))
    if converter.forged is not None:
        found.append(Diagnostic(path, wikilinks.forged_line(*converter.forged), wikilinks.FORGED))
    return PreparedFile(
        path=path,
        digest=read.digest,
        term=dataclasses.replace(term, body="", site_urls=_site_urls(term, raw.site_urls, own), ids=ids),
        definition_html=raw.definition,
        wikilinks=raw.wikilinks,
        diagnostics=(*read.diagnostics, *found),
        body=pack.add(raw),
    )


def _site_urls(term: TermSource, in_markdown: tuple[str, ...], own: tuple[str, ...]) -> tuple[str, ...]:
    """Its sources' addresses are checked as its links are, when they are on this site, and so
    are its links to places on its own page (`own`)."""
    return tuple(dict.fromkeys((*in_markdown, *(s.url for s in term.sources), *own)))


def _anchors(term: TermSource, raw: RawBody) -> tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]:
    """The ids of the term's page but the theme's, and its links to places on its own page
    that name none of them ('#x', to be checked against the theme's too): most such links are
    a footnote's or lead to a heading, and are known good here, so they are not kept. Third,
    the ids given twice (markup.page_anchors)."""
    ids, linked, repeated = markup.page_anchors(raw)
    tables = markup.table_anchors(tuple(table.id for table in term.tables), raw.body)
    ids += tuple(anchor for pair in tables for anchor in pair)
    known = set(ids)
    own = tuple(f"#{place}" for place in linked if urllib.parse.unquote(place) not in known)
    return ids, own, repeated


def load_body(root: Path, prepared: PreparedFile, cache: Cache) -> RawBody:
    """The converted body from the cache, or converted again if it went missing."""
    raw = cache.read_body(prepared.body) if prepared.body is not None else None
    if raw is not None:
        return raw
    data = front_matter.read_bytes(root / prepared.path, prepared.path)
    term = content.parse_term(prepared.path, front_matter.decode(data, prepared.path), Diagnostics())
    return markup.Converter().convert_term(term)
