"""cache: prepared files survive between builds; a cache that cannot be trusted is dropped."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from glossary_site import cache, fingerprint
from glossary_site.cache import Cache, Entries, PackWriter, Stamp
from glossary_site.diagnostics import Diagnostic, Severity
from glossary_site.model import PreparedFile, RawBody, TermSource, WikiLink

MakeTerm = Callable[..., TermSource]
Reopen = Callable[[Path], Cache]


def raw_body(text: str) -> RawBody:
    return RawBody(
        definition=f"<p>{text}</p>",
        body=f'<p>See <a class="wikilink" href="#wikilink-0">{text}</a>.</p>',
        faq_answers=("<p>Yes.</p>",),
        table_cells=((("<strong>a</strong>", "b"),),),
        wikilinks=(WikiLink("GPU", text, 12),),
    )


def prepared(slug: str, make_term: MakeTerm, writer: PackWriter | None = None) -> PreparedFile:
    raw = raw_body(f"{slug} body")
    return PreparedFile(
        path=f"content/terms/{slug}.md",
        digest=fingerprint.digest(slug.encode()),
        term=make_term(slug, key_lines={"title": 2}),
        definition_html=raw.definition,
        wikilinks=raw.wikilinks,
        diagnostics=(Diagnostic(f"content/terms/{slug}.md", 1, "no updated date", Severity.WARNING),),
        body=writer.add(raw) if writer is not None else None,
    )


def packs(folder: Path) -> list[str]:
    return sorted(p.name for p in (folder / cache.PACKS).glob("*.pack"))


# The index


def test_saved_cache_reopens_with_the_same_entries(
    tmp_path: Path, make_term: MakeTerm, reopen_cache: Reopen
) -> None:
    with PackWriter(tmp_path, cache.secret_key()) as writer:
        entries: Entries = {
            f"content/terms/{slug}.md": (
                Stamp(100 + n, 1_700_000_000_000_000_000 + n),
                prepared(slug, make_term, writer),
            )
            for n, slug in enumerate(["gpu", "tpu"])
        }
    Cache(tmp_path).save(entries)

    reopened = reopen_cache(tmp_path)

    assert reopened.notes == []
    assert reopened.entries == entries
    gpu = reopened.entries["content/terms/gpu.md"][1]
    assert gpu.term is not None and gpu.term.key_lines == {"title": 2}
    assert gpu.diagnostics[0].severity is Severity.WARNING


@pytest.mark.parametrize(
    ("child_fails", "redo"), [(False, True), (True, True), (False, False), (True, False)]
)
def test_an_index_written_in_the_background_is_complete_once_settled(
    tmp_path: Path,
    make_term: MakeTerm,
    reopen_cache: Reopen,
    monkeypatch: pytest.MonkeyPatch,
    child_fails: bool,
    redo: bool,
) -> None:
    """A failed child's index is written again in this process, unless the build was stopped."""
    parent = os.getpid()
    write_shard = Cache._write_shard

    def in_child_fails(self: Cache, name: str, found: Entries) -> None:
        if child_fails and os.getpid() != parent:
            raise OSError("disk full")
        write_shard(self, name, found)

    monkeypatch.setattr(Cache, "_write_shard", in_child_fails)
    with PackWriter(tmp_path, cache.secret_key()) as writer:
        entries: Entries = {
            f"content/terms/{slug}.md": (
                Stamp(100 + n, 1_700_000_000_000_000_000 + n),
                prepared(slug, make_term, writer),
            )
            for n, slug in enumerate(["gpu", "tpu", "npu", "fpga"])
        }
    written = Cache(tmp_path)
    assert written.write(entries, jobs=2) == []
    written.settle(redo=redo)

    assert reopen_cache(tmp_path).entries == ({} if child_fails and not redo else entries)


def test_an_entry_is_found_only_at_the_stamp_it_was_prepared_at(
    tmp_path: Path, make_term: MakeTerm, reopen_cache: Reopen
) -> None:
    file = prepared("gpu", make_term)
    Cache(tmp_path).save({file.path: (Stamp(10, 20), file)})
    reopened = reopen_cache(tmp_path)

    assert reopened.lookup(file.path, Stamp(10, 20)) == file
    assert reopened.lookup(file.path, Stamp(10, 21)) is None
    assert reopened.lookup(file.path, Stamp(11, 20)) is None
    assert reopened.lookup("content/terms/other.md", Stamp(10, 20)) is None


def test_missing_cache_folder_is_an_empty_cache_without_a_note(tmp_path: Path, reopen_cache: Reopen) -> None:
    opened = reopen_cache(tmp_path / "never-built")

    assert (opened.entries, opened.notes) == ({}, [])


def saved_index(folder: Path, make_term: MakeTerm) -> Path:
    """The file a saved one-entry cache keeps its index in (anything outside the packs)."""
    file = prepared("gpu", make_term)
    Cache(folder).save({file.path: (Stamp(1, 2), file)})
    (index,) = [
        p for p in folder.rglob("*") if p.is_file() and cache.PACKS not in p.relative_to(folder).parts
    ]
    return index


@pytest.mark.parametrize(
    "data",
    [
        b"not a pickle at all",
        b"",
        pickle.dumps(("one", "two", "three")),
        cache.sign(b"k" * cache.SIGNATURE, pickle.dumps((fingerprint.FINGERPRINT, {}))),
    ],
)
def test_unreadable_or_foreign_index_is_discarded_with_a_note(
    tmp_path: Path, make_term: MakeTerm, data: bytes, reopen_cache: Reopen
) -> None:
    index = saved_index(tmp_path, make_term)
    index.write_bytes(data)

    opened = reopen_cache(tmp_path)

    assert opened.entries == {}
    assert opened.notes == [
        f"cache {tmp_path} was signed with another key (another user or machine, another "
        "GLOSSARY_CACHE_KEY) or is damaged; rebuilding it"
    ]


def test_a_cache_with_a_file_where_a_folder_was_or_a_folder_where_a_file_was_is_made_anew(
    tmp_path: Path, make_term: MakeTerm, reopen_cache: Reopen
) -> None:
    """Was: every later build stopped with 'File exists (…/.glossary-cache/index)' (or 'Is a
    directory') until the cache folder was deleted by hand."""
    index = saved_index(tmp_path, make_term)
    index.unlink()
    index.mkdir()
    (tmp_path / cache.STATE).mkdir()
    for name in (cache.PACKS, "pages"):
        (tmp_path / name).write_bytes(b"damaged")

    cache.check_folder(tmp_path)
    file = prepared("gpu", make_term)
    Cache(tmp_path).save({file.path: (Stamp(1, 2), file)})
    Cache(tmp_path).write_state({"inputs": "key"})
    with PackWriter(tmp_path, cache.secret_key()) as writer:
        writer.add(raw_body("tpu"))

    assert reopen_cache(tmp_path).entries == {file.path: (Stamp(1, 2), file)}
    assert Cache(tmp_path).read_state() == {"inputs": "key"}
    assert not (tmp_path / "pages").exists()


def test_index_written_by_another_version_is_discarded_with_a_note(
    tmp_path: Path, make_term: MakeTerm, reopen_cache: Reopen
) -> None:
    index = saved_index(tmp_path, make_term)
    written_by, entries = pickle.loads(index.read_bytes()[cache.SIGNATURE :])
    assert written_by == fingerprint.FINGERPRINT
    old = pickle.dumps(("glossary-site 0.0.1; markdown 3.0; nh3 0.1; python 3.9", entries))
    index.write_bytes(cache.sign(cache.secret_key(), old))

    opened = reopen_cache(tmp_path)

    assert opened.entries == {}
    assert opened.notes == [f"cache {tmp_path} was written by another version; rebuilding it"]


class _Payload:
    """A pickle that, when loaded, writes a file: what a planted cache could do instead."""

    def __init__(self, target: Path) -> None:
        self.target = target

    def __reduce__(self) -> tuple[object, tuple[object, ...]]:
        return (Path.write_text, (self.target, "pwned"))


def test_cache_files_cannot_run_code_when_loaded(
    tmp_path: Path, make_term: MakeTerm, reopen_cache: Reopen
) -> None:
    folder, planted = tmp_path / ".glossary-cache", tmp_path / "planted.txt"
    saved_index(folder, make_term).write_bytes(pickle.dumps((fingerprint.FINGERPRINT, _Payload(planted))))

    reopen_cache(folder)

    assert not planted.exists()


# Bodies in pack files


def test_bodies_round_trip_through_a_pack(tmp_path: Path) -> None:
    bodies = [raw_body("first"), raw_body("second " * 50), raw_body("third")]

    with PackWriter(tmp_path, cache.secret_key()) as writer:
        refs = [writer.add(body) for body in bodies]

    assert len({ref.pack for ref in refs}) == 1
    assert [Cache(tmp_path).read_body(ref) for ref in refs] == bodies


def test_body_in_a_missing_or_damaged_pack_reads_as_none(tmp_path: Path) -> None:
    with PackWriter(tmp_path, cache.secret_key()) as writer:
        ref = writer.add(raw_body("gone"))
    cache_now = Cache(tmp_path)
    (tmp_path / cache.PACKS / ref.pack).write_bytes(b"\0" * ref.length)

    assert cache_now.read_body(ref) is None
    (tmp_path / cache.PACKS / ref.pack).unlink()
    assert cache_now.read_body(ref) is None


def test_save_deletes_packs_no_entry_refers_to(
    tmp_path: Path, make_term: MakeTerm, reopen_cache: Reopen
) -> None:
    with PackWriter(tmp_path, cache.secret_key()) as writer:
        gpu = prepared("gpu", make_term, writer)
    with PackWriter(tmp_path, cache.secret_key()) as stale:
        stale.add(raw_body("from a file since deleted"))
    assert len(packs(tmp_path)) == 2

    Cache(tmp_path).save({gpu.path: (Stamp(1, 2), gpu)})

    assert gpu.body is not None
    assert packs(tmp_path) == [gpu.body.pack]
    assert reopen_cache(tmp_path).read_body(gpu.body) == raw_body("gpu body")


def test_save_compacts_a_mostly_dead_pack_and_keeps_its_bodies_readable(
    tmp_path: Path, make_term: MakeTerm, reopen_cache: Reopen
) -> None:
    with PackWriter(tmp_path, cache.secret_key()) as writer:
        writer.add(raw_body("replaced long ago " * 200))
        gpu = prepared("gpu", make_term, writer)
        writer.add(raw_body("also replaced " * 200))
    assert gpu.body is not None
    old_pack = gpu.body.pack
    store = Cache(tmp_path)

    store.save({gpu.path: (Stamp(1, 2), gpu)})

    reopened = reopen_cache(tmp_path)
    moved = reopened.entries[gpu.path][1]
    assert moved.body is not None and moved.body.pack != old_pack
    assert packs(tmp_path) == [moved.body.pack]
    assert (tmp_path / cache.PACKS / moved.body.pack).stat().st_size == moved.body.length
    assert reopened.read_body(moved.body) == raw_body("gpu body")
    assert dataclasses.replace(moved, body=gpu.body) == gpu
    assert store.entries == reopened.entries


def test_a_mostly_live_pack_is_kept_as_it_is(
    tmp_path: Path, make_term: MakeTerm, reopen_cache: Reopen
) -> None:
    with PackWriter(tmp_path, cache.secret_key()) as writer:
        gpu, tpu = prepared("gpu", make_term, writer), prepared("tpu", make_term, writer)
        writer.add(raw_body("dead"))
    entries: Entries = {gpu.path: (Stamp(1, 2), gpu), tpu.path: (Stamp(3, 4), tpu)}

    Cache(tmp_path).save(entries)

    assert reopen_cache(tmp_path).entries == entries


def _key_in_new_process(home: str) -> bytes:
    import os

    os.environ["XDG_CACHE_HOME"] = home
    return cache.secret_key()


def test_processes_making_the_first_key_at_once_all_sign_with_one_key(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: a build's worker processes each made a key on the very first build, the last one
    written won, and the next build found its whole cache 'signed with another key'."""
    monkeypatch.delenv(cache.KEY_VARIABLE, raising=False)
    with multiprocessing.get_context("spawn").Pool(6) as pool:
        for attempt in range(8):
            home = str(tmp_path / f"home{attempt}")
            keys = pool.map(_key_in_new_process, [home] * 12, chunksize=1)
            assert len(set(keys)) == 1
            assert (Path(home) / "glossary-site" / "cache-key").read_bytes() == keys[0]


def test_a_cache_folder_holding_other_files_is_refused_and_left_as_it_is(tmp_path: Path) -> None:
    """Was: accepted, and the build overwrote state.json and deleted index/*.pickle among them."""
    folder = tmp_path / "data"
    (folder / "index").mkdir(parents=True)
    (folder / "state.json").write_text("{}", encoding="utf-8")
    (folder / "notes.txt").write_text("mine", encoding="utf-8")

    with pytest.raises(cache.CacheUnusable) as refused:
        cache.check_folder(folder)

    assert "holds files a build cache never has (notes.txt)" in str(refused.value)
    assert sorted(p.name for p in folder.iterdir()) == ["index", "notes.txt", "state.json"]
    cache.check_folder(tmp_path / "new")  # a new or an empty folder is fine
    cache.check_folder(tmp_path / "new")
