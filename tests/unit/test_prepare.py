"""prepare: every term file is read, checked and converted once, then reused from the cache."""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from support import write_files

from glossary_site import content_files, prepare
from glossary_site.cache import Cache, Stamp
from glossary_site.model import PreparedFile


def term_file(title: str, body: str = "See [[GPU]].\n") -> str:
    return f"---\ntitle: {title}\nsummary: About {title}.\ndefinition: {title} is a thing.\n---\n{body}"


GPU, TPU = "content/terms/gpu.md", "content/terms/tpu.md"


@pytest.fixture()
def site(tmp_path: Path) -> Path:
    return write_files(tmp_path / "site", {GPU: term_file("GPU", "Fast.\n"), TPU: term_file("TPU")})


@pytest.fixture()
def cache(site: Path, tmp_path: Path, reopen_cache: Callable[[Path], Cache]) -> Cache:
    """After a first build: every file prepared, the cache saved and opened as the next build does."""
    folder = tmp_path / "cache"
    Cache(folder).save(prepare.prepare_terms(site, Cache(folder), jobs=1))
    return reopen_cache(folder)


def stamp_of(file: Path) -> Stamp:
    return Stamp.of(file.stat())


def without_body_refs(found: prepare.Prepared) -> dict[str, PreparedFile]:
    """Pack names depend on the process that wrote them; everything else must not."""
    return {path: dataclasses.replace(file, body=None) for path, (_, file) in found.items()}


def test_every_term_file_is_prepared_in_path_order(site: Path, tmp_path: Path) -> None:
    found = prepare.prepare_terms(site, Cache(tmp_path / "cache"), jobs=1)

    assert list(found) == [GPU, TPU]
    tpu = found[TPU][1]
    assert tpu.term is not None and (tpu.term.slug, tpu.term.title) == ("tpu", "TPU")
    assert [(link.target, link.line) for link in tpu.wikilinks] == [("GPU", 6)]
    assert tpu.diagnostics == ()
    assert found[TPU][0] == stamp_of(site / TPU)


def test_unchanged_files_are_taken_from_the_cache(site: Path, cache: Cache) -> None:
    again = prepare.prepare_terms(site, cache, jobs=1)

    assert all(again[path][1] is cache.entries[path][1] for path in (GPU, TPU))


def test_a_file_with_the_same_stamp_is_trusted_without_being_read(
    site: Path, cache: Cache, monkeypatch: pytest.MonkeyPatch
) -> None:
    def unread(root: Path, path: str) -> prepare.ReadTerm:
        raise AssertionError(f"{path} was read")

    monkeypatch.setattr(prepare, "read_term", unread)

    again = prepare.prepare_terms(site, cache, jobs=1)

    gpu = again[GPU][1]
    assert gpu.term is not None and gpu.term.title == "GPU"


def test_an_edit_with_the_same_size_and_its_old_modification_time_is_read(site: Path, cache: Cache) -> None:
    """As `touch -r`, `cp -p` or `rsync -t` leave it: the change time tells it apart."""
    stamp = stamp_of(site / GPU)
    (site / GPU).write_text(term_file("CPU", "Fast.\n"), encoding="utf-8")  # same length
    os.utime(site / GPU, ns=(stamp.mtime_ns, stamp.mtime_ns))

    again = prepare.prepare_terms(site, cache, jobs=1)

    gpu = again[GPU][1]
    assert gpu.term is not None and gpu.term.title == "CPU"


def test_an_edited_file_is_prepared_again_and_the_others_reused(site: Path, cache: Cache) -> None:
    (site / GPU).write_text(term_file("Graphics Processing Unit", "Fast.\n"), encoding="utf-8")

    again = prepare.prepare_terms(site, cache, jobs=1)

    gpu = again[GPU][1]
    assert gpu.term is not None and gpu.term.title == "Graphics Processing Unit"
    assert again[GPU][0] == stamp_of(site / GPU)
    assert again[TPU][1] is cache.entries[TPU][1]


def test_a_touched_file_with_the_same_bytes_is_reused_at_its_new_stamp(site: Path, cache: Cache) -> None:
    old = stamp_of(site / GPU)
    os.utime(site / GPU, ns=(old.mtime_ns + 10**9, old.mtime_ns + 10**9))

    again = prepare.prepare_terms(site, cache, jobs=1)

    assert again[GPU][0] == stamp_of(site / GPU) != old
    assert again[GPU][1] is cache.entries[GPU][1]


def test_a_new_file_is_found_and_a_deleted_one_is_gone(site: Path, cache: Cache) -> None:
    (site / TPU).unlink()
    write_files(site, {"content/terms/npu.md": term_file("NPU")})

    again = prepare.prepare_terms(site, cache, jobs=1)

    assert list(again) == [GPU, "content/terms/npu.md"]


def test_file_that_is_not_utf8_becomes_a_diagnostic_at_its_line(site: Path, tmp_path: Path) -> None:
    (site / "content/terms/latin.md").write_bytes(b"---\ntitle: Caf\xe9\n---\n")

    found = prepare.prepare_terms(site, Cache(tmp_path / "cache"), jobs=1)

    latin = found["content/terms/latin.md"][1]
    assert latin.term is None
    assert [str(d) for d in latin.diagnostics] == [
        "content/terms/latin.md:2: file is not valid UTF-8; save it as UTF-8"
    ]


def test_broken_symbolic_link_is_skipped_and_reported(site: Path, tmp_path: Path) -> None:
    (site / "content/terms/moved.md").symlink_to(tmp_path / "nowhere.md")

    found = prepare.prepare_terms(site, Cache(tmp_path / "cache"), jobs=1)

    assert list(found) == [GPU, TPU]
    assert [str(d) for d in content_files.walk_problems(site)] == [
        "content/terms/moved.md:1: symbolic link is broken or loops; fix or remove it (it is not read)"
    ]


def test_link_to_a_file_outside_content_is_not_read(site: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.md"
    secret.write_text("---\ntitle: Secret\nsummary: s\ndefinition: d\n---\n", encoding="utf-8")
    (site / "content/terms/secret.md").symlink_to(secret)

    found = prepare.prepare_terms(site, Cache(tmp_path / "cache"), jobs=1)

    assert "content/terms/secret.md" not in found
    assert [str(d) for d in content_files.walk_problems(site)] == [
        "content/terms/secret.md:1: symbolic link points outside content/; it is not followed"
    ]


def test_results_are_the_same_with_one_or_several_workers(site: Path, tmp_path: Path) -> None:
    write_files(
        site, {f"content/terms/t{n:02}.md": term_file(f"Term {n}", "[[Nowhere]]\n") for n in range(12)}
    )
    (site / "content/terms/latin.md").write_bytes(b"---\ntitle: Caf\xe9\n---\n")
    single, several = Cache(tmp_path / "one"), Cache(tmp_path / "three")

    one = prepare.prepare_terms(site, single, jobs=1)
    three = prepare.prepare_terms(site, several, jobs=3)

    assert list(one) == list(three)
    assert without_body_refs(one) == without_body_refs(three)
    assert [single.read_body(f.body) for _, f in one.values() if f.body] == [
        several.read_body(f.body) for _, f in three.values() if f.body
    ]


def test_body_is_read_from_the_cache_or_converted_again_if_its_pack_is_gone(site: Path, cache: Cache) -> None:
    tpu = cache.entries[TPU][1]
    from_pack = prepare.load_body(site, tpu, cache)

    for pack in (cache.folder / "packs").iterdir():
        pack.unlink()

    assert prepare.load_body(site, tpu, cache) == from_pack
    assert 'href="#wikilink-0">GPU</a>' in from_pack.body
