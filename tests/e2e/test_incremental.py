"""Cached, incremental and parallel builds give exactly the bytes of a clean build."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from support import (
    attribute,
    copy_site,
    fake_pagefind,
    parse_html,
    present,
    run_glossary,
    tree_digest,
    write_files,
)

from glossary_site import incremental
from glossary_site.cache import Cache
from glossary_site.name_lookup import BUCKETS, bucket
from glossary_site.pipeline import BuildOptions, build

NEW_TERM = """---
title: Activation function
summary: The non-linear step applied to each neuron's output.
definition: An **activation function** such as ReLU bends a layer's output.
category: Concepts
related: [tensor]
updated: 2025-05-01
---

Used after every [[tensor]] multiplication in [[model training]].
"""


def clean_build(site: Path, dest: Path) -> dict[str, str]:
    result = run_glossary("build", "--no-cache", "--out", dest, cwd=site)
    assert result.returncode == 0, result.stderr
    return tree_digest(dest)


def cached_build(site: Path) -> tuple[dict[str, str], str]:
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    return tree_digest(site / "_site"), result.stdout


def file_stamps(folder: Path) -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in sorted(folder.rglob("*")) if p.is_file()}


def changed_since(path: Path, stamp: int) -> bool:
    """Rewritten or gone (the search index names its files by their content)."""
    return not path.exists() or path.stat().st_mtime_ns != stamp


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def delete_a_term(site: Path) -> None:
    (site / "content/terms/model-training.md").unlink()
    edit(site / "content/terms/tensor.md", "[[model training|weights]]", "weights")
    edit(site / "content/terms/tensor.md", "related: [GPU, model-training]", "related: [GPU]")
    edit(
        site / "content/terms/graphics-processing-unit.md",
        "related: [tensor, Model training]",
        "related: [tensor]",
    )


CHANGES: dict[str, Callable[[Path], object]] = {
    "add a term": lambda site: write_files(site, {"content/terms/activation-function.md": NEW_TERM}),
    "edit a summary shown in other sidebars": lambda site: edit(
        site / "content/terms/tensor.md", "A multi-dimensional array", "An n-dimensional array"
    ),
    "edit a body only": lambda site: edit(
        site / "content/terms/tensor.md", "multiply tensors fast", "multiply fast"
    ),
    "edit a date, which the feeds show": lambda site: edit(
        site / "content/terms/tensor.md", "updated: 2025-02-01", "updated: 2025-04-01"
    ),
    "move a term to another category, whose feed lists it": lambda site: edit(
        site / "content/terms/tensor.md", "category: Concepts", "category: Hardware"
    ),
    "change a term's tags, whose feeds list it": lambda site: edit(
        site / "content/terms/tensor.md", "tags: [math, hardware]", "tags: [hardware, arrays]"
    ),
    "rename a term file": lambda site: (site / "content/terms/tensor.md").rename(
        site / "content/terms/tensors.md"
    ),
    "delete a term": delete_a_term,
    "change site.yml": lambda site: edit(site / "content/site.yml", "Mini Glossary", "Tiny Glossary"),
    "change a template": lambda site: write_files(
        site,
        {
            "templates/group.html": "{% extends 'base.html' %}{% block main %}<h1>{{ title }}</h1>"
            "{% endblock %}"
        },
    ),
    "change a static file": lambda site: write_files(site, {"static/assets/extra.css": "p { margin: 0; }\n"}),
    "add the first tool": lambda site: write_files(
        site,
        {
            "content/tools/torch.md": "---\ntitle: Torch\nsummary: A tensor library.\n"
            "url: https://pytorch.org/\ncategory: Frameworks\nupdated: 2025-06-01\n---\n\n"
            "Runs every [[tensor]] product on a GPU.\n"
        },
    ),
    "change a partial of the term page": lambda site: write_files(
        site, {"templates/partials/cta.html": '<aside class="cta"><p>{{ cta.heading }}</p></aside>\n'}
    ),
}


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_incremental_build_after_a_change_equals_a_clean_build(tmp_path: Path, change: str) -> None:
    site = copy_site("minimal", tmp_path)
    cached_build(site)
    CHANGES[change](site)
    incremental, _ = cached_build(site)
    assert incremental == clean_build(site, tmp_path / "clean")


@pytest.mark.parametrize(
    ("edited", "old", "new"),
    [
        (
            "content/terms/tensor.md",
            "[[GPUs]], which multiply tensors fast",
            "[[GPUz]], which multiply tensors FAST",
        ),
        ("templates/partials/cta.html", None, None),
    ],
)
def test_an_edit_that_keeps_the_size_and_gets_its_old_time_back_is_seen(
    tmp_path: Path, edited: str, old: str | None, new: str | None
) -> None:
    """Was: unseen, as `touch -r`, `cp -p`, `rsync -t` or `tar x` leave an edit: the cached
    build kept the old page, and `check` passed a link to no term, until a --no-cache run."""
    site = copy_site("minimal", tmp_path)
    if old is None:
        write_files(site, {edited: '<aside class="cta"><p>one</p></aside>\n'})
    cached_build(site)
    path = site / edited
    before = path.stat()
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(old, new) if old and new else text.replace("one", "two"), encoding="utf-8")
    assert path.stat().st_size == before.st_size
    os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))

    if old is not None:
        result = run_glossary("check", cwd=site)
        assert result.returncode == 1
        assert "content/terms/tensor.md:22: unknown wiki-link target 'GPUz'" in result.stderr
        path.write_text(text.replace(old, old.replace("fast", "FAST")), encoding="utf-8")
        os.utime(path, ns=(before.st_atime_ns, before.st_mtime_ns))
    built, _ = cached_build(site)
    assert built == clean_build(site, tmp_path / "clean")
    page = (site / "_site/terms/tensor/index.html").read_text(encoding="utf-8")
    assert ("multiply tensors FAST" if old else "<p>two</p>") in page


def test_a_template_named_by_a_variable_is_followed_as_it_comes_and_goes(tmp_path: Path) -> None:
    """Was: its page kept the old text until a --no-cache build."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site, {"templates/partials/cta.html": '{% include "extra/" ~ term.slug ~ ".html" ignore missing %}\n'}
    )
    cached_build(site)
    write_files(site, {"templates/extra/tensor.html": "<p>Tensor extra</p>\n"})
    added, _ = cached_build(site)
    assert "Tensor extra" in (site / "_site/terms/tensor/index.html").read_text(encoding="utf-8")
    assert added == clean_build(site, tmp_path / "clean-added")
    (site / "templates/extra/tensor.html").unlink()
    removed, _ = cached_build(site)
    assert removed == clean_build(site, tmp_path / "clean-removed")


def test_second_build_with_nothing_changed_writes_nothing(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    first, _ = cached_build(site)
    stamps = file_stamps(site / "_site")
    second, stdout = cached_build(site)
    assert second == first
    assert "0 written" in stdout
    assert file_stamps(site / "_site") == stamps


def test_a_date_warned_of_as_to_come_is_checked_again_on_a_later_day(tmp_path: Path) -> None:
    """Was: a build with nothing changed repeated the last build's report, so a warning that
    an 'updated' date was still to come stayed after the day had come. The state written on
    an earlier day is made to say so, as the build that day would have."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    cache = Cache(site / ".glossary-cache")
    state = cache.read_state()
    assert state is not None
    line = (
        (site / "content/terms/tensor.md")
        .read_text(encoding="utf-8")
        .splitlines()
        .index("updated: 2025-02-01")
    )
    warned = "'updated' date 2025-02-01 is in the future; write the day of the last change"
    state["diagnostics"].append(["content/terms/tensor.md", line + 1, warned, "warning"])
    state["day"] = "2025-01-29"
    cache.write_state(state)  # signed as the build signs it

    later = run_glossary("build", "--no-search", cwd=site)

    assert later.returncode == 0, later.stderr
    assert warned not in later.stderr
    again = run_glossary("build", "--no-search", cwd=site)
    assert "0 written" in again.stdout and again.stderr == ""  # replayed again from then on


def test_files_editors_write_beside_their_work_are_not_inputs(tmp_path: Path) -> None:
    """Backups, auto-saves, locks and swap files, and file browsers' settings files, neither
    start a build nor reach the output; a site's own dot files in static/ still do."""
    site = copy_site("minimal", tmp_path)
    write_files(site, {"static/.nojekyll": "", "static/.well-known/security.txt": "Contact: x@example.org\n"})
    first, _ = cached_build(site)
    editors = {
        "content/terms/tensor.md~": "old text",
        "content/terms/#tensor.md#": "auto-saved",
        "content/terms/.#tensor.md": "user@host.1234",
        "content/terms/.tensor.md.swp": "b0VIM",
        "static/.style.css.swo": "b0VIM",
        "static/.style.css.kate-swp": "Kate Swap File 2.0",  # rewritten every 15 s of typing
        "content/terms/.tensor.md.kate-swp": "Kate Swap File 2.0",
        "static/style.css~": "body {}",
        "content/terms/4913": "",  # Vim's test of the folder, on each save
        "static/.DS_Store": "Bud1",  # Finder's, as a folder is browsed
        "static/.well-known/Thumbs.db": "",
        "static/desktop.ini": "[.ShellClassInfo]",
        "content/terms/.DS_Store": "Bud1",
    }
    write_files(site, editors)

    again = run_glossary("build", "-v", cwd=site)

    assert again.returncode == 0, again.stderr
    assert "0 written" in again.stdout
    assert "prepare" not in again.stdout, "the last build's report is given again; nothing is loaded"
    assert tree_digest(site / "_site") == first
    clean = clean_build(site, tmp_path / "clean")
    assert ".nojekyll" in clean and ".well-known/security.txt" in clean
    stray = ("~", ".swp", ".swo", "-swp", "#", "4913", ".DS_Store", "Thumbs.db", "desktop.ini")
    assert not [path for path in clean if path.endswith(stray)]


def test_editing_one_body_rewrites_only_that_page(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    cached_build(site)
    stamps = file_stamps(site / "_site")
    CHANGES["edit a body only"](site)
    _, stdout = cached_build(site)
    assert "1 written" in stdout
    changed = [p.relative_to(site / "_site").as_posix() for p, t in stamps.items() if changed_since(p, t)]
    pages = [path for path in changed if not path.startswith("pagefind/")]
    assert pages == [".glossary-site", "terms/tensor/index.html"], "the page and the output's manifest"
    assert any(path.startswith("pagefind/") for path in changed), "the body's words are indexed again"


def test_summary_change_rerenders_the_pages_that_show_it(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    cached_build(site)
    stamps = file_stamps(site / "_site")
    CHANGES["edit a summary shown in other sidebars"](site)
    cached_build(site)
    changed = {p.relative_to(site / "_site").as_posix() for p, t in stamps.items() if changed_since(p, t)}
    assert {
        "terms/tensor/index.html",
        "terms/graphics-processing-unit/index.html",
        "terms/model-training/index.html",
        "index.html",
        "categories/concepts/index.html",
        "terms.json",
    } <= changed
    assert "assets/style.css" not in changed


def test_search_index_is_not_rebuilt_when_no_term_page_changed(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    cached_build(site)
    index = site / "_site/pagefind/bundles.json"
    before = index.stat().st_mtime_ns
    CHANGES["change a template"](site)
    _, stdout = cached_build(site)
    assert "1 written" not in stdout
    assert index.stat().st_mtime_ns == before


def test_a_build_without_search_says_it_removed_the_earlier_index(tmp_path: Path) -> None:
    """Was: "0 removed" while the whole pagefind/ folder went."""
    site = copy_site("minimal", tmp_path)
    cached_build(site)
    assert (site / "_site/pagefind").is_dir()
    for args, said in (
        (["--no-search"], True),
        (["--no-search"], False),
        (["--no-search", "--no-cache"], False),
    ):
        result = run_glossary("build", *args, cwd=site)
        assert result.returncode == 0, result.stderr
        assert ("0 removed and the search index;" in result.stdout) is said, (args, result.stdout)
        assert not (site / "_site/pagefind").exists()


@pytest.mark.parametrize("damage", ["garbage", "empty", "foreign"])
def test_a_damaged_cache_is_discarded_with_a_note(tmp_path: Path, damage: str) -> None:
    site = copy_site("minimal", tmp_path)
    cached_build(site)
    for shard in (site / ".glossary-cache/index").glob("*.pickle"):
        if damage == "garbage":
            shard.write_bytes(b"\x80\x05not a pickle")
        elif damage == "empty":
            shard.write_bytes(b"")
        else:
            shard.write_bytes(b"\x80\x04\x95\x0b\x00\x00\x00\x00\x00\x00\x00\x8c\x07foreign\x94.")
    (site / ".glossary-cache/state.json").unlink()
    CHANGES["edit a body only"](site)
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "note: cache" in result.stderr
    assert "Traceback" not in result.stderr
    assert tree_digest(site / "_site") == clean_build(site, tmp_path / "clean")


def test_output_is_identical_for_one_and_several_workers(tmp_path: Path) -> None:
    site = copy_site("example", tmp_path)
    for jobs in ("1", "3"):
        result = run_glossary(
            "build", "--no-cache", "--jobs", jobs, "--out", tmp_path / f"out{jobs}", cwd=site
        )
        assert result.returncode == 0, result.stderr
    assert tree_digest(tmp_path / "out1") == tree_digest(tmp_path / "out3")


def test_deleted_output_is_rebuilt_even_when_the_cache_says_nothing_changed(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    first, _ = cached_build(site)
    shutil.rmtree(site / "_site")
    again, _ = cached_build(site)
    assert again == first


def test_a_page_or_search_index_removed_from_the_output_is_made_again(tmp_path: Path) -> None:
    """Was: "0 written, N unchanged" with the page still missing, and after an edit every build
    stopped with "No such file or directory" until --no-cache."""
    site = copy_site("minimal", tmp_path)
    first, _ = cached_build(site)

    shutil.rmtree(site / "_site/terms/tensor")
    shutil.rmtree(site / "_site/pagefind")
    again, stdout = cached_build(site)
    assert again == first, stdout

    shutil.rmtree(site / "_site/terms/tensor")
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    edited, _ = cached_build(site)
    assert edited == clean_build(site, tmp_path / "clean")


def test_a_build_without_search_after_one_with_it_writes_what_a_clean_one_does(tmp_path: Path) -> None:
    """Was: the earlier search index stayed, no longer matching the pages it searches."""
    site = copy_site("minimal", tmp_path)
    assert "pagefind/bundles.json" in cached_build(site)[0]

    def no_search_build(out: Path, *options: str) -> dict[str, str]:
        result = run_glossary("build", "--no-search", "--out", out, *options, cwd=site)
        assert result.returncode == 0, result.stderr
        return tree_digest(out)

    clean = tmp_path / "clean"
    assert no_search_build(site / "_site") == no_search_build(clean, "--no-cache")
    edit(site / "content/terms/tensor.md", "fast.", "fast and in bulk.")
    assert no_search_build(site / "_site") == no_search_build(clean, "--no-cache")


def test_an_empty_folder_added_is_a_change_the_next_build_reports(tmp_path: Path) -> None:
    """Was: only files were stamped, so a cached build replayed the last report without the
    warning `check` gave for an empty folder named like a term file."""
    site = copy_site("minimal", tmp_path)
    cached_build(site)
    (site / "content/terms/drafts.md").mkdir()

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0
    assert "content/terms/drafts.md:1: warning: a folder, not a term file" in result.stderr


@pytest.mark.parametrize("change", ["add a term", "delete a term"])
def test_an_update_whose_indexing_fails_leaves_the_output_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """Was: the changed pages were moved in before Pagefind ran, so a failed index left new pages
    beside the old index ("search index not updated"). Now nothing moves until both are made,
    and the next build, with Pagefind working, still makes what a clean build makes."""
    site = copy_site("minimal", tmp_path)
    before, _ = cached_build(site)
    CHANGES[change](site)
    failing = fake_pagefind(tmp_path / "fake", "raise SystemExit('no index today')\n")

    with monkeypatch.context() as patched:
        patched.setenv("PAGEFIND_BINARY_PATH", failing)
        result = run_glossary("build", cwd=site)

    assert result.returncode == 1
    assert result.stderr.splitlines()[-1].endswith(f"; {Path('_site')} left unchanged."), result.stderr
    assert tree_digest(site / "_site") == before
    assert [p.name for p in site.iterdir() if p.name.startswith("._site.") and p.is_dir()] == []
    after, _ = cached_build(site)
    assert after == clean_build(site, tmp_path / "clean")


def test_indexing_an_output_with_a_page_removed_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    """serve indexes its own output once saves settle; was: a traceback in its indexing thread."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    shutil.rmtree(site / "_site/terms/tensor")

    key, problem = incremental.index_aside(site / "_site", tmp_path / "bundle", 1500)

    assert key is None and problem is not None
    assert str(problem) == (
        "(search):1: search indexing cannot read terms/tensor/index.html: No such file or directory"
    )


def test_builds_in_one_process_that_reuse_the_last_ones_state_equal_clean_builds(tmp_path: Path) -> None:
    """What serve does: each build lends the next its open cache and its pages' keys; after
    every kind of change, one after another, the output is still what a clean build writes
    (the term deleted is the one added first, which nothing links to)."""
    site = copy_site("minimal", tmp_path)
    options = BuildOptions(site, site / "_site", search=False, jobs=1)
    warm = build(options).warm
    steps: dict[str, Callable[[Path], object]] = {
        **CHANGES,
        "delete a term": lambda site: (site / "content/terms/activation-function.md").unlink(),
    }
    order = ["add a term", *sorted(set(CHANGES) - {"add a term", "delete a term"}), "delete a term"]
    for step, change in enumerate(order):
        steps[change](site)
        result = build(options, warm)
        assert result.ok(strict=False) and result.warm is not None, change
        warm = result.warm
        clean = build(BuildOptions(site, tmp_path / f"clean-{step}", search=False, use_cache=False))
        assert clean.ok(strict=False)
        assert tree_digest(site / "_site") == tree_digest(tmp_path / f"clean-{step}"), change


def test_bundles_indexed_side_by_side_give_the_index_one_after_another_gives(tmp_path: Path) -> None:
    """With several workers, Pagefind indexes several bundles at once; the bytes must not
    depend on it."""
    site = copy_site("minimal", tmp_path)
    digests = []
    for jobs in (1, 3):
        out = tmp_path / f"out{jobs}"
        result = build(BuildOptions(site, out, jobs=jobs, bundle_pages=1, use_cache=False))
        assert result.ok(strict=False), result.diagnostics.sorted()
        digests.append(tree_digest(out))
    assert len([path for path in digests[0] if path.endswith("/pagefind.js")]) >= 2
    assert digests[0] == digests[1]


def test_an_edit_indexes_again_only_the_bundle_of_its_page(tmp_path: Path) -> None:
    """A big glossary's index is in bundles (here of about a page each, as if of 1,500): an
    edited body is indexed again in its own bundle, the others are kept, and the output is what a
    clean build writes."""
    site = copy_site("minimal", tmp_path)

    def bundled(out: Path, use_cache: bool = True) -> dict[str, str]:
        result = build(BuildOptions(site, out, bundle_pages=1, use_cache=use_cache))
        assert result.ok(strict=False), result.diagnostics.sorted()
        return tree_digest(out)

    bundled(site / "_site")
    index = site / "_site/pagefind"
    before = {path.parent.name: path.stat().st_ino for path in index.glob("*/pagefind.js")}
    assert len(before) > 1, "pages are spread over bundles by their path"
    CHANGES["edit a body only"](site)
    after = bundled(site / "_site")
    now = {path.parent.name: path.stat().st_ino for path in index.glob("*/pagefind.js")}
    assert len(now) == len(before) and len(set(now) - set(before)) == 1, (
        "only the tensor page's bundle is new"
    )
    assert {name: now[name] for name in set(now) & set(before)} == {
        name: before[name] for name in set(now) & set(before)
    }, "the other bundles were kept, not indexed again"
    assert after == bundled(tmp_path / "clean", use_cache=False)


NAMES = "pagefind/names.json"
NAMED = "pagefind/named/"


def test_the_names_did_you_mean_offers_are_every_title_and_alias_with_its_page(tmp_path: Path) -> None:
    """The search page's "Did you mean" reads names.json, next to the index: each published
    title and alias (a tool's too, tools being searchable) with its page, relative to the file,
    sorted; a draft's names are not there, and a build without search writes none."""
    site = write_files(
        copy_site("minimal", tmp_path),
        {
            "content/tools/tpu-cloud.md": "---\ntitle: TPU Cloud\nsummary: Rented tensor chips.\n"
            "url: https://cloud.example.org/tpu\naliases: [TPUs]\n---\n",
            "content/terms/quantisation.md": "---\ntitle: Quantisation\nsummary: Fewer bits.\n"
            "definition: Fewer bits per weight.\ndraft: true\n---\n",
        },
    )
    cached_build(site)
    names = json.loads((site / "_site" / NAMES).read_text(encoding="utf-8"))
    assert names == [
        ["GPU", "../terms/graphics-processing-unit/"],
        ["Graphics processing unit", "../terms/graphics-processing-unit/"],
        ["Model training", "../terms/model-training/"],
        ["TPU Cloud", "../tools/tpu-cloud/"],
        ["TPUs", "../tools/tpu-cloud/"],
        ["Tensor", "../terms/tensor/"],
    ]
    for _, url in names:
        assert (site / "_site/pagefind" / url / "index.html").is_file(), url
    assert run_glossary("build", "--no-search", "--out", tmp_path / "no-search", cwd=site).returncode == 0
    assert (tmp_path / "no-search/index.html").is_file() and not (tmp_path / "no-search/pagefind").exists()


def test_names_follow_a_renamed_title_alias_and_slug_as_a_clean_build_writes_them(tmp_path: Path) -> None:
    """A cached build after a new title, alias or file name writes the names a clean build
    writes, byte for byte, whatever the number of workers and bundles."""
    site = copy_site("minimal", tmp_path)
    cached_build(site)
    gpu = site / "content/terms/graphics-processing-unit.md"
    edit(gpu, "title: Graphics processing unit", "title: Graphics processor")
    edit(gpu, "aliases: [GPU]", "aliases: [GPU, Graphics card]")
    CHANGES["rename a term file"](site)
    built, _ = cached_build(site)
    names = json.loads((site / "_site" / NAMES).read_text(encoding="utf-8"))
    assert names == [
        ["GPU", "../terms/graphics-processing-unit/"],
        ["Graphics card", "../terms/graphics-processing-unit/"],
        ["Graphics processor", "../terms/graphics-processing-unit/"],
        ["Model training", "../terms/model-training/"],
        ["Tensor", "../terms/tensors/"],
    ]
    clean = clean_build(site, tmp_path / "clean")
    assert built[NAMES] == clean[NAMES]
    named = {path: built[path] for path in built if path.startswith(NAMED)}
    assert len(named) == BUCKETS and named == {path: clean[path] for path in clean if path.startswith(NAMED)}
    renamed = ["graphics processor", "../../terms/graphics-processing-unit/", "Graphics processor"]
    file = site / "_site" / f"{NAMED}{bucket('graphics processor')}.json"
    assert [row[:3] for row in json.loads(file.read_text(encoding="utf-8"))] == [renamed]
    for jobs, bundle_pages in ((1, 1), (3, 1), (2, 1500)):
        out = tmp_path / f"out-{jobs}-{bundle_pages}"
        result = build(BuildOptions(site, out, jobs=jobs, bundle_pages=bundle_pages, use_cache=False))
        assert result.ok(strict=False), result.diagnostics.sorted()
        assert (out / NAMES).read_bytes() == (site / "_site" / NAMES).read_bytes()


def test_a_template_edited_through_a_linked_folder_in_templates_is_built_again(tmp_path: Path) -> None:
    """A template is looked up by its path, through any linked folder in templates/, so the
    stamps of the inputs go through them too; a link there to a folder that holds it (a loop)
    is not entered twice. A linked folder in static/ is published by no build, so a change
    behind one is none. Was: "0 written, 30 unchanged", every page with the old head."""
    site = copy_site("minimal", tmp_path)
    head = site / "common-partials/head.html"
    write_files(site, {"common-partials/head.html": '<meta name="edited" content="no">\n'})
    (site / "templates").mkdir()
    (site / "templates/partials").symlink_to("../common-partials")
    (site / "common-partials/site").symlink_to("..")  # templates/partials/site: the site folder
    (site / "templates/itself").symlink_to(".")
    (site / "elsewhere").mkdir()  # two folders linked to each other: a loop too
    (site / "common-partials/elsewhere").symlink_to("../elsewhere")
    (site / "elsewhere/partials").symlink_to("../common-partials")
    (site / "static").mkdir()
    (site / "static/notes").symlink_to(tmp_path / "outside", target_is_directory=True)
    write_files(tmp_path, {"outside/todo.md": "not read\n"})

    assert edited_mark(site) == "no"
    head.write_text('<meta name="edited" content="yes">\n', encoding="utf-8")
    assert edited_mark(site) == "yes"
    assert tree_digest(site / "_site") == no_search_clean_build(site, tmp_path / "clean")
    (tmp_path / "outside/todo.md").write_text("still not read, nor published\n", encoding="utf-8")
    again = run_glossary("build", "--no-search", "-v", cwd=site)
    assert "0 written" in again.stdout and "prepare" not in again.stdout, again.stdout


def test_a_template_named_by_a_variable_behind_a_linked_folder_is_rendered_again_when_edited(
    tmp_path: Path,
) -> None:
    """A template that names others by a variable counts as naming every template, those the
    loader finds through a linked folder in templates/ too. Was: "0 written, 30 unchanged",
    every page with the old head, though the build saw the edit."""
    site = copy_site("minimal", tmp_path)
    note = site / "extra-templates/note.html"
    write_files(
        site,
        {
            "templates/partials/head.html": '{% for name in ["note"] %}'
            '{% include "extra/" ~ name ~ ".html" %}{% endfor %}\n',
            "extra-templates/note.html": '<meta name="edited" content="no">\n',
        },
    )
    (site / "templates/extra").symlink_to("../extra-templates")

    assert edited_mark(site) == "no"
    note.write_text('<meta name="edited" content="yes">\n', encoding="utf-8")
    assert edited_mark(site) == "yes"
    assert tree_digest(site / "_site") == no_search_clean_build(site, tmp_path / "clean")


def edited_mark(site: Path) -> str:
    """Build without search; the home page's <meta name="edited"> content, which a template sets."""
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr
    meta = present(parse_html(site / "_site/index.html").find("meta", attrs={"name": "edited"}))
    return attribute(meta, "content")


def no_search_clean_build(site: Path, dest: Path) -> dict[str, str]:
    result = run_glossary("build", "--no-search", "--no-cache", "--out", dest, cwd=site)
    assert result.returncode == 0, result.stderr
    return tree_digest(dest)


def test_a_body_edited_after_a_build_with_drafts_leaves_no_draft_in_one_without(tmp_path: Path) -> None:
    """The pages remade from the last build's saved records (term_edits.py) are that build's:
    after `--drafts`, a build without it must not keep the draft's page and listings. Was: "1
    written", the draft still on its own page, the home page and its category's."""
    site = write_files(
        copy_site("minimal", tmp_path),
        {
            "content/terms/optimizer.md": "---\ntitle: Optimizer\nsummary: Turns gradients into "
            "updates.\ndefinition: An **optimizer** turns gradients into weight updates.\n"
            "category: Methods\nrelated: [tensor, model-training]\ndraft: true\n---\n\n"
            "Runs on the [[GPU]].\n"
        },
    )
    assert run_glossary("build", "--drafts", cwd=site).returncode == 0
    assert (site / "_site/terms/optimizer/index.html").is_file()
    CHANGES["edit a body only"](site)

    built, _ = cached_build(site)

    assert not (site / "_site/terms/optimizer").exists()
    home = parse_html(site / "_site/index.html")
    assert "Optimizer" not in home.get_text()
    assert not (site / "_site/categories/methods").exists()
    assert built == clean_build(site, tmp_path / "clean")
