"""`glossary build` after edits to terms' own text remakes their pages from the records the last
build saved, and writes exactly what a clean build writes; any other edit runs the whole build."""

from __future__ import annotations

import os
import pickle
import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from support import copy_site, run_glossary, tree_digest, write_files

TENSOR = "content/terms/tensor.md"
TRAINING = "content/terms/model-training.md"
UNDATED = """---
title: Backpropagation
summary: Passing the error backwards to find each weight's gradient.
definition: "**Backpropagation** computes gradients layer by layer, for [[model training]]."
related: [tensor]
---

It runs once per batch.
"""


def build(site: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return run_glossary("build", "-v", "--no-search", *args, cwd=site)


def short_path(result: subprocess.CompletedProcess[str]) -> bool:
    """Whether the build remade pages from saved records (-v names its stages)."""
    assert result.returncode == 0, result.stdout + result.stderr
    stages = result.stdout.splitlines()[0]
    return bool(re.search(r"\bedits \d", stages)) and not re.search(r"\bgraph \d", stages)


def clean(site: Path, dest: Path, *args: str) -> dict[str, str]:
    result = run_glossary("build", "--no-cache", "--no-search", "--out", dest, *args, cwd=site)
    assert result.returncode == 0, result.stderr
    return tree_digest(dest)


def edit(site: Path, path: str, old: str, new: str) -> None:
    file = site / path
    text = file.read_text(encoding="utf-8")
    assert old in text
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


def reported(result: subprocess.CompletedProcess[str]) -> list[str]:
    return sorted(line for line in (result.stdout + result.stderr).splitlines() if ": warning: " in line)


PAGE_ONLY: dict[str, Callable[[Path], None]] = {
    "a sentence of the body": lambda site: edit(site, TENSOR, "multiply tensors fast", "multiply them fast"),
    "a table cell": lambda site: edit(site, TENSOR, '["0", Scalar, "`3.0`"]', '["0", Scalar, "`4.0`"]'),
    "a practice answer": lambda site: edit(site, TENSOR, "a **rank-2** tensor", "a **rank two** tensor"),
    "a practice answer a line longer (the lines below move)": lambda site: edit(
        site, TENSOR, "a: Yes, a matrix is", "a: |\n      Yes, every matrix\n      is"
    ),
    "a source's title": lambda site: edit(site, TRAINING, "Deep Learning book", "The deep learning book"),
    "a source's address elsewhere": lambda site: edit(
        site, TRAINING, "https://www.deeplearningbook.org/", "https://www.deeplearningbook.org/contents/"
    ),
    "a link to another site": lambda site: edit(
        site, TENSOR, "multiply tensors fast", "multiply tensors [fast](https://example.com/fast/)"
    ),
    "a second link with the same words": lambda site: edit(
        site, TENSOR, "multiply tensors fast.", "multiply tensors fast, for [[model training]]."
    ),
}


@pytest.mark.parametrize("change", sorted(PAGE_ONLY))
def test_an_edit_to_a_terms_own_text_remakes_its_page_alone(tmp_path: Path, change: str) -> None:
    site = copy_site("minimal", tmp_path)
    assert not short_path(build(site))
    before = tree_digest(site / "_site")
    PAGE_ONLY[change](site)
    result = build(site)
    assert short_path(result)
    assert "1 written" in result.stdout
    after = tree_digest(site / "_site")
    assert after == clean(site, tmp_path / "clean")
    assert sorted(p for p in after if after[p] != before.get(p)) in (
        [".glossary-site", "terms/model-training/index.html"],
        [".glossary-site", "terms/tensor/index.html"],
    )


def test_edits_one_after_another_each_give_what_a_clean_build_gives(tmp_path: Path) -> None:
    """Each build starts from what the one before saved: its records, cache and stamps."""
    site = copy_site("minimal", tmp_path)
    run_glossary("build", cwd=site)
    steps: list[tuple[Callable[[], object], bool]] = [
        (lambda: edit(site, TENSOR, "multiply tensors fast", "multiply tensors quickly"), True),
        (lambda: edit(site, TENSOR, "multiply tensors quickly", "multiply them quickly"), True),
        (lambda: (PAGE_ONLY["a table cell"](site), PAGE_ONLY["a source's title"](site)), True),
        (lambda: edit(site, TENSOR, "A multi-dimensional array", "An n-dimensional array"), False),
        (lambda: edit(site, TENSOR, "multiply them quickly", "multiply them fast"), True),
        (lambda: os.utime(site / TRAINING), True),
    ]
    for number, (change, short) in enumerate(steps):
        change()
        result = run_glossary("build", "-v", cwd=site)  # with search, as a user builds
        assert short_path(result) is short, number
        dest = tmp_path / f"clean{number}"
        assert run_glossary("build", "--no-cache", "--out", dest, cwd=site).returncode == 0
        assert tree_digest(site / "_site") == tree_digest(dest), number
    assert "0 written" in result.stdout, "a file saved unchanged writes nothing"


WHOLE_BUILD: dict[str, Callable[[Path], object]] = {
    "a summary other pages show": lambda site: edit(site, TENSOR, "A multi-dimensional", "An n-dimensional"),
    "a link to a term not linked before": lambda site: edit(
        site, TRAINING, "---\n\n", "---\n\nSee [[tensor]] for the data.\n\n"
    ),
    "a link removed (the target's backlinks change)": lambda site: edit(
        site, TENSOR, '"[[model training|weights]] of one layer"', "weights of one layer"
    ),
    "new words for a linked term": lambda site: edit(
        site, TENSOR, "[[GPUs]]", "[[graphics-processing-unit]]"
    ),
    "a body and a static file": lambda site: (
        PAGE_ONLY["a sentence of the body"](site),
        write_files(site, {"static/extra.css": "p { margin: 0; }\n"}),
    ),
    "a body and a new term": lambda site: (
        PAGE_ONLY["a sentence of the body"](site),
        write_files(site, {"content/terms/backpropagation.md": UNDATED}),
    ),
}


@pytest.mark.parametrize("change", sorted(WHOLE_BUILD))
def test_other_edits_run_the_whole_build(tmp_path: Path, change: str) -> None:
    site = copy_site("minimal", tmp_path)
    build(site)
    WHOLE_BUILD[change](site)
    result = build(site)
    assert not short_path(result)
    assert tree_digest(site / "_site") == clean(site, tmp_path / "clean")


def test_a_broken_link_in_an_edit_is_reported_and_the_site_is_kept(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    build(site)
    before = tree_digest(site / "_site")
    edit(site, TENSOR, "multiply tensors fast", "multiply [[tensr cores]] fast")
    result = build(site)
    assert result.returncode == 1
    assert re.search(r"content/terms/tensor\.md:22: unknown wiki-link target 'tensr cores'", result.stderr)
    assert tree_digest(site / "_site") == before


def test_the_report_is_the_one_a_whole_build_gives(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    write_files(site, {"content/terms/backpropagation.md": UNDATED})
    first = build(site)
    assert reported(first), "the site has warnings"
    PAGE_ONLY["a sentence of the body"](site)
    short = build(site)
    assert short_path(short)
    assert reported(short) == reported(first)
    edit(site, "content/terms/backpropagation.md", "once per batch", "once per step")
    named = build(site)
    assert not short_path(named), "a file with a warning is built whole: the warning may move"
    assert reported(named) == reported(first)
    assert tree_digest(site / "_site") == clean(site, tmp_path / "clean")


def test_strict_fails_on_the_last_builds_warnings_without_writing(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    write_files(site, {"content/terms/backpropagation.md": UNDATED})
    build(site)
    before = tree_digest(site / "_site")
    PAGE_ONLY["a sentence of the body"](site)
    result = run_glossary("build", "--no-search", "--strict", cwd=site)
    assert result.returncode == 1
    assert "no 'updated' date" in result.stdout + result.stderr
    assert tree_digest(site / "_site") == before


class Planted:
    """Unpickling this writes a file: proof that a planted record ran."""

    def __init__(self, proof: Path) -> None:
        self.proof = proof

    def __reduce__(self) -> tuple[object, ...]:
        return (Path.write_text, (self.proof, "ran"))


def test_records_planted_in_the_cache_are_never_unpickled(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    build(site)
    proof = tmp_path / "proof"
    shards = sorted((site / ".glossary-cache" / "pages").glob("*.pickle"))
    assert shards
    for shard in shards:
        shard.write_bytes(b"\0" * 32 + pickle.dumps(("marker", Planted(proof))))
    PAGE_ONLY["a sentence of the body"](site)
    result = build(site)
    assert not short_path(result)
    assert not proof.exists()
    assert tree_digest(site / "_site") == clean(site, tmp_path / "clean")
