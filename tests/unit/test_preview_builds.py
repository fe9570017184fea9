"""How `glossary serve` rebuilds: worker processes only for its first build, before it starts
any thread (a process forked while other threads hold locks can hang for ever), and a save the
warm preview cannot apply is built."""

from __future__ import annotations

import os
import threading
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import copy_site, parse_html, present, write_files

from glossary_site import pipeline, server, warm
from glossary_site.diagnostics import Diagnostics


def built_preview(
    site_dir: Path, tmp_path: Path, report: Callable[[Diagnostics], None] = lambda found: None
) -> server.Site:
    """serve's rebuilding, without its server, after its first build of `site_dir`."""
    options = pipeline.BuildOptions(root=site_dir, out=tmp_path / "out", search=False, jobs=1)
    site = server.Site(options, server.Preview(tmp_path / "out"), report, tmp_path, "http://x")
    site.rebuild()
    return site


def prose(page: Path) -> str:
    """The text of a term page's body, as a reader sees it."""
    return present(parse_html(page).select_one("article .prose")).get_text()


def group_links(page: Path, kind: str) -> list[str]:
    """The names a term page's category or tags line shows, in order."""
    return [a.get_text() for a in present(parse_html(page).select_one(f"article p.{kind}")).find_all("a")]


def test_only_the_first_preview_build_uses_worker_processes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Real builds, each fork seen on its way through: the first build forks its workers;
    saves built later from the watcher thread, while the server's threads run, fork none and
    still show what was saved."""
    site_dir = copy_site("minimal", tmp_path)
    forks: list[str] = []
    real_fork = os.fork

    def fork() -> int:
        forks.append(threading.current_thread().name)
        return real_fork()

    monkeypatch.setattr(os, "fork", fork)
    options = pipeline.BuildOptions(root=site_dir, out=tmp_path / "out", search=False, jobs=2)
    site = server.Site(options, server.Preview(tmp_path / "out"), lambda found: None, tmp_path, "http://x")
    settings = site_dir / "content/site.yml"
    written = settings.read_text(encoding="utf-8")
    title = next(line for line in written.splitlines() if line.startswith("title:"))

    def two_saves() -> None:
        for new_title in ("Second title", "Third title"):
            settings.write_text(written.replace(title, f"title: {new_title}"), encoding="utf-8")
            site.rebuild(["content/site.yml"])

    site.rebuild()
    first = list(forks)
    watcher = threading.Thread(target=two_saves, name="watcher")
    watcher.start()
    watcher.join()

    assert first and set(first) == {threading.current_thread().name}, "the first build forks workers"
    assert forks == first, "saves rebuild in the server's process, from its watcher thread"
    home = parse_html(tmp_path / "out/index.html")
    assert present(home.select_one("header .site-title")).get_text(strip=True) == "Third title"


def test_a_save_the_warm_preview_fails_on_is_built_and_the_preview_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A bug in applying a save from the warm state must not stop the watcher: the save is
    built instead, and the next save is applied from the state that build leaves."""
    site_dir = copy_site("minimal", tmp_path)
    site = built_preview(site_dir, tmp_path)
    tensor = site_dir / "content/terms/tensor.md"
    page = tmp_path / "out/terms/tensor/index.html"

    def broken(*args: object) -> int:
        raise KeyError("a bug")

    with monkeypatch.context() as patch:
        patch.setattr(warm, "apply_edit", broken)
        tensor.write_text(tensor.read_text().replace("multiply tensors fast", "multiply tensors swiftly"))
        site.rebuild(["content/terms/tensor.md"])
    assert "multiply tensors swiftly" in prose(page)
    assert "applying content/terms/tensor.md failed" in capsys.readouterr().out
    tensor.write_text(tensor.read_text().replace("swiftly", "briskly"))
    site.rebuild(["content/terms/tensor.md"])
    assert "multiply tensors briskly" in prose(page)
    assert "content/terms/tensor.md applied, 1 page(s) rewritten" in capsys.readouterr().out


def test_a_quiet_preview_prints_only_problems(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`glossary serve -q`: saves that go well print nothing, not even the line saying when
    and what changed; a broken save still says so, after that line. The file an editor saved
    into and renamed over the term, gone by the time the build runs, is not named."""
    site_dir = copy_site("minimal", tmp_path)
    options = pipeline.BuildOptions(root=site_dir, out=tmp_path / "out", search=False, jobs=1)
    site = server.Site(
        options, server.Preview(tmp_path / "out"), lambda d: None, tmp_path, "http://x", quiet=True
    )
    site.rebuild()
    at = datetime(2026, 12, 6, 18, 22, 3)
    tensor = site_dir / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("multiply tensors fast", "multiply tensors swiftly"))
    site.rebuild(["content/terms/tensor.md"], at)
    assert "multiply tensors swiftly" in prose(tmp_path / "out/terms/tensor/index.html")
    assert capsys.readouterr().out == ""
    tensor.write_text(tensor.read_text().replace("title:", "title: [", 1))
    write_files(site_dir, {"static/note.txt": "x"})
    site.rebuild(["content/terms/.goutputstream-5X2", "content/terms/tensor.md", "static/note.txt"], at)
    assert capsys.readouterr().out == (
        "glossary serve: 18:22:03 content/terms/tensor.md and 1 more changed; rebuilding\n"
        "glossary serve: build failed; the browser shows the problems\n"
    )


@pytest.mark.parametrize(
    ("written", "repeated", "fixed", "warning"),
    [
        ("tags: [math, hardware]", "tags: [math, hardware, Math]", "tags: [math, hardware]", "tag 'Math'"),
        ("related: [GPU", "related: [graphics processing unit, GPU", "related: [GPU", "related term 'GPU'"),
        ("related: [GPU", "aliases: [nd, ND]\nrelated: [GPU", "aliases: [nd]\nrelated: [GPU", "alias 'ND'"),
    ],
    ids=["tag", "related", "alias"],
)
def test_a_save_that_removes_a_repeated_name_no_longer_reports_it(
    tmp_path: Path, written: str, repeated: str, fixed: str, warning: str
) -> None:
    """Was: the save was applied without a build and serve went on reporting the warning."""
    site_dir = copy_site("minimal", tmp_path)
    tensor = site_dir / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace(written, repeated, 1))
    reports: list[list[str]] = []
    site = built_preview(
        site_dir,
        tmp_path,
        lambda found: reports.append([d.message for d in found.sorted() if "is listed" in d.message]),
    )
    assert reports[-1] == [f"{warning} is listed twice; remove one"]

    tensor.write_text(tensor.read_text().replace(repeated, fixed, 1))
    site.rebuild(["content/terms/tensor.md"])
    assert reports[-1] == []

    tensor.write_text(tensor.read_text().replace(fixed, repeated, 1))
    site.rebuild(["content/terms/tensor.md"])
    assert reports[-1] == [f"{warning} is listed twice; remove one"]


@pytest.mark.parametrize(
    ("old", "new", "kind", "shown"),
    [
        ("tags: [hardware]", "tags: [Hardware]", "tags", ["Hardware", "math"]),
        ("category: Hardware", "category: hardware", "category", ["hardware"]),
    ],
    ids=["tag", "category"],
)
def test_a_group_spelt_anew_shows_so_on_every_page_of_its_terms(
    tmp_path: Path, old: str, new: str, kind: str, shown: list[str]
) -> None:
    """A group shows the spelling of its first term A to Z. Was: the save applied warm, and
    the other terms' pages kept the old spelling until a build."""
    site_dir = copy_site("minimal", tmp_path)
    gpu, tensor = site_dir / "content/terms/graphics-processing-unit.md", site_dir / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("category: Concepts", "category: Hardware"))
    site = built_preview(site_dir, tmp_path)

    gpu.write_text(gpu.read_text().replace(old, new))
    site.rebuild(["content/terms/graphics-processing-unit.md"])

    assert group_links(tmp_path / "out/terms/tensor/index.html", kind) == shown


def test_a_new_title_that_puts_another_spelling_of_a_tag_first_shows_it_everywhere(tmp_path: Path) -> None:
    """Was: applied warm, and the renamed term's own page kept the old spelling until a build."""
    site_dir = copy_site("minimal", tmp_path)
    gpu, tensor = site_dir / "content/terms/graphics-processing-unit.md", site_dir / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("tags: [math, hardware]", "tags: [math, Hardware]"))
    site = built_preview(site_dir, tmp_path)

    gpu.write_text(gpu.read_text().replace("title: Graphics", "title: Zz graphics"))  # now after Tensor
    site.rebuild(["content/terms/graphics-processing-unit.md"])

    assert group_links(tmp_path / "out/terms/tensor/index.html", "tags") == ["Hardware", "math"]
    assert group_links(tmp_path / "out/terms/graphics-processing-unit/index.html", "tags") == ["Hardware"]


def test_a_new_title_that_moves_a_warning_about_a_shared_tag_page_reports_it_where_a_build_does(
    tmp_path: Path,
) -> None:
    """'C' and 'C++' share the page tags/c/; 'C++' is warned of at the first term A to Z that
    gives it. A new title that puts another such term first keeps 'C' first, so every page
    but the renamed term's and the listings stays as it was, but the warning moves: the
    preview reports it where a clean build does."""
    site_dir = copy_site("minimal", tmp_path)
    activation = "---\ntitle: Activation\nsummary: What a layer outputs.\ndefinition: An **activation**.\n"
    write_files(site_dir, {"content/terms/activation.md": f"{activation}tags: [C]\nrelated: [tensor]\n---\n"})
    gpu, tensor = (site_dir / f"content/terms/{name}.md" for name in ("graphics-processing-unit", "tensor"))
    gpu.write_text(gpu.read_text().replace("tags: [hardware]", "tags: [hardware, C++]"))
    tensor.write_text(tensor.read_text().replace("tags: [math, hardware]", "tags: [math, C++]"))
    reports: list[list[str]] = []
    site = built_preview(site_dir, tmp_path, lambda found: reports.append([str(d) for d in found.sorted()]))
    shared = "warning: tag 'C++' shares its page tags/c/ with tag 'C' (content/terms/activation.md)"
    assert [line.split("; ")[0] for line in reports[-1] if "shares its page" in line] == [
        f"content/terms/graphics-processing-unit.md:8: {shared}"
    ]

    gpu.write_text(gpu.read_text().replace("title: Graphics", "title: Zz graphics"))  # now after Tensor
    site.rebuild(["content/terms/graphics-processing-unit.md"])

    assert [line.split("; ")[0] for line in reports[-1] if "shares its page" in line] == [
        f"content/terms/tensor.md:6: {shared}"
    ]
    clean = pipeline.build(pipeline.BuildOptions(site_dir, tmp_path / "clean", search=False, use_cache=False))
    assert [str(d) for d in clean.diagnostics.sorted()] == reports[-1]


@pytest.mark.parametrize(
    ("edits", "warned"),
    [
        ([("updated: 2025-02-01", "updated: 2999-01-01")], "updated:"),
        (
            [  # the summary written last, just above the date, and the same as Model training's
                ("summary: A multi-dimensional array of numbers.\n", ""),
                ("updated:", "summary: Adjusting a model's weights so its outputs improve.\nupdated:"),
            ],
            "summary:",
        ),
    ],
    ids=["future-date", "same-summary"],
)
def test_a_line_put_above_a_warned_field_moves_the_warning_where_a_build_reports_it(
    tmp_path: Path, edits: list[tuple[str, str]], warned: str
) -> None:
    """A comment put above the field a warning stands at changes nothing a page shows. Was:
    the save was applied without a build, and the preview went on reporting the warning at the
    line the field had left (printed as soon as another save changed what it reports)."""
    site_dir = copy_site("minimal", tmp_path)
    tensor = site_dir / "content/terms/tensor.md"
    text = tensor.read_text()
    for old, new in edits:
        text = text.replace(old, new, 1)
    tensor.write_text(text)
    reports: list[list[str]] = []
    site = built_preview(site_dir, tmp_path, lambda found: reports.append([str(d) for d in found.sorted()]))

    def warned_at() -> list[str]:
        return [d.split(": warning")[0] for d in reports[-1] if d.startswith("content/terms/tensor.md")]

    line = text.splitlines().index(next(x for x in text.splitlines() if x.startswith(warned))) + 1
    assert warned_at() == [f"content/terms/tensor.md:{line}"]

    tensor.write_text(text.replace(f"\n{warned}", f"\n# reviewed every year\n{warned}", 1))
    site.rebuild(["content/terms/tensor.md"])

    assert warned_at() == [f"content/terms/tensor.md:{line + 1}"]
    clean = pipeline.build(pipeline.BuildOptions(site_dir, tmp_path / "clean", search=False, use_cache=False))
    assert [str(d) for d in clean.diagnostics.sorted()] == reports[-1]


@pytest.mark.parametrize(
    ("path", "old", "new"),
    [
        ("tensor.md", "category: Concepts", "aliases: [GPUs]\ncategory: Concepts"),
        ("graphics-processing-unit.md", "aliases: [GPU]", "aliases: [GPU, Box]"),
    ],
    ids=["plural-gained", "singular-gained"],
)
def test_a_save_that_gives_a_name_a_plural_of_another_reports_it_as_a_build_does(
    tmp_path: Path, path: str, old: str, new: str
) -> None:
    """A name that is a plural of another term's takes its links, a warning. Was: the save
    was applied without a build, and the preview neither reported it nor, once the name was
    gone again, stopped reporting it."""
    site_dir = copy_site("minimal", tmp_path)
    edited = site_dir / "content/terms" / path
    training = site_dir / "content/terms/model-training.md"  # a plural of the alias GPU gains
    training.write_text(training.read_text().replace("category:", "aliases: [Boxes]\ncategory:"))
    written = edited.read_text()
    reports: list[list[str]] = []
    site = built_preview(site_dir, tmp_path, lambda found: reports.append([str(d) for d in found.sorted()]))
    before = reports[-1]
    assert not any("is also a plural" in line for line in before)

    edited.write_text(written.replace(old, new, 1))
    site.rebuild([f"content/terms/{path}"])

    assert any("is also a plural" in line for line in reports[-1])
    clean = pipeline.build(pipeline.BuildOptions(site_dir, tmp_path / "clean", search=False, use_cache=False))
    assert [str(d) for d in clean.diagnostics.sorted()] == reports[-1]

    edited.write_text(written)
    site.rebuild([f"content/terms/{path}"])

    assert reports[-1] == before


def test_the_problem_page_shows_the_errors_first_under_headings_with_counts(tmp_path: Path) -> None:
    """Was: one list in file order, where the error that failed the build came after every
    warning of the files sorted before it; the lines themselves are as the terminal prints them."""
    site_dir = write_files(
        copy_site("minimal", tmp_path),
        {
            "content/terms/a-1.md": "---\ntitle: A1\nsummary: S\ndefinition: Once :material-twice:.\n---\n",
            "content/terms/z-broken.md": "---\ntitle: Zed\nsummary: S\ndefinition: Zed.\nrelated: [tensr]\n"
            "---\n",
        },
    )
    site = built_preview(site_dir, tmp_path)

    page = BeautifulSoup(server.error_page(site.preview.problems), "html.parser")

    headings = [h2.get_text() for h2 in page.select("main h2")]
    assert headings == ["1 error(s)", "5 warning(s)"]
    errors, warnings = ([li.get_text() for li in ol.select("li")] for ol in page.select("ol.problems"))
    assert errors == ["content/terms/z-broken.md:5: unknown related term 'tensr'; did you mean 'tensor'?"]
    assert len(warnings) == 5 and all(": warning: " in line for line in warnings)
    assert warnings[0].startswith("content/terms/a-1.md:1: warning: ")
