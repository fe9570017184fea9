"""output: the site is written aside and swapped in whole; unsafe targets are refused."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from glossary_site import output
from glossary_site.fingerprint import FINGERPRINT


def digest(folder: Path) -> dict[str, str]:
    """Every file under a folder with a hash of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def publish(out: Path, files: dict[str, str]) -> None:
    """A full build: every file written into a fresh staging folder, then swapped in."""
    staging = output.new_staging(out, output.STAGING)
    for path, text in files.items():
        output.write_file(staging, path, text.encode())
    output.swap_in(staging, out, keys(files))


def keys(files: dict[str, str]) -> dict[str, str]:
    """Page keys for a manifest; here simply a hash of each file's text."""
    return {path: hashlib.sha256(text.encode()).hexdigest() for path, text in files.items()}


def siblings(out: Path) -> list[str]:
    return sorted(p.name for p in out.parent.iterdir())


OLD_SITE = {
    "index.html": "old home",
    "terms/gone/index.html": "old term",
    "terms/kept/index.html": "kept term",
}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    for name in ("content/terms", "templates", "static/img"):
        (root / name).mkdir(parents=True)
    return root


@pytest.fixture()
def previous_site(project: Path) -> Path:
    """A site published by an earlier build."""
    out = project / "_site"
    publish(out, OLD_SITE)
    return out


# Where output may go


def refusal(project: Path, out: Path) -> str:
    with pytest.raises(output.OutputRefused) as refused:
        output.check_target(project, out)
    return str(refused.value)


def test_output_into_the_project_itself_is_refused(project: Path) -> None:
    assert refusal(project, project) == (
        f"output folder {project.resolve()} would replace the project itself; choose e.g. _site"
    )


def test_output_into_a_parent_of_the_project_is_refused(project: Path) -> None:
    parent = project.parent

    assert refusal(project, parent) == (
        f"output folder {parent.resolve()} would replace the project itself; choose e.g. _site"
    )


def test_output_given_with_dot_dot_that_lands_on_the_project_is_refused(project: Path) -> None:
    assert "would replace the project itself" in refusal(project, project / "_site" / "..")


@pytest.mark.parametrize("folder", ["content", "templates", "static", "content/terms", "static/img/new"])
def test_output_into_a_source_folder_or_below_it_is_refused(project: Path, folder: str) -> None:
    out = project / folder
    name = folder.split("/")[0]

    assert refusal(project, out) == (
        f"output folder {out.resolve()} is inside {name}/; choose a folder outside it"
    )


def test_output_inside_a_built_site_is_refused(project: Path, previous_site: Path) -> None:
    """Was: accepted, and the site written there was deleted by the next build of the other."""
    out = previous_site / "preview"

    assert refusal(project, out) == (
        f"output folder {out.resolve()} is inside {previous_site.resolve()}, a built site, "
        "whose next build would delete it; choose a folder outside it"
    )


def test_output_onto_a_file_is_refused(project: Path) -> None:
    out = project / "site.zip"
    out.write_bytes(b"zip")

    assert refusal(project, out) == f"output path {out.resolve()} is a file, not a folder"
    below = out / "site"
    message = f"output path {below.resolve()} is inside {out.resolve()}, which is a file, not a folder"
    assert refusal(project, below) == message, "was: 'the build stopped: File exists'"


def test_output_into_a_non_empty_folder_not_made_by_us_is_refused(project: Path) -> None:
    out = project / "docs"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")

    assert refusal(project, out) == (
        f"output folder {out.resolve()} is not empty and was not made by glossary-site; "
        "empty it or choose another folder"
    )


def test_output_into_a_new_an_empty_or_an_earlier_output_folder_is_accepted(
    project: Path, previous_site: Path
) -> None:
    empty = project / "empty"
    empty.mkdir()
    repository = project / "repository"  # `git init` before the first build, to push the site from
    (repository / ".git").mkdir(parents=True)

    for out in (project / "_new", empty, repository, previous_site, project.parent / "elsewhere"):
        output.check_target(project, out)


# Full builds: staged aside, swapped in whole


def test_swap_in_replaces_the_output_with_the_complete_staging_folder(
    project: Path, previous_site: Path
) -> None:
    new_site = {"index.html": "new home", "terms/gpu/index.html": "gpu", "feed.xml": "<feed/>"}

    publish(previous_site, new_site)

    assert sorted(digest(previous_site)) == [
        ".glossary-site",
        "feed.xml",
        "index.html",
        "terms/gpu/index.html",
    ]
    assert (previous_site / "index.html").read_text(encoding="utf-8") == "new home"
    assert output.read_manifest(previous_site) == keys(new_site)
    assert siblings(previous_site) == ["_site", "content", "static", "templates"]


def test_swap_in_creates_missing_parent_folders(tmp_path: Path) -> None:
    out = tmp_path / "build" / "public"

    publish(out, {"index.html": "home"})

    assert sorted(digest(out)) == [".glossary-site", "index.html"]


def test_failure_before_the_swap_leaves_the_previous_site_untouched(
    project: Path, previous_site: Path
) -> None:
    before = digest(previous_site)

    with pytest.raises(KeyboardInterrupt), output.staged(previous_site, output.STAGING) as staging:
        output.write_file(staging, "index.html", b"half-built home")
        raise KeyboardInterrupt  # rendering stopped, by Ctrl-C or a failure

    assert digest(previous_site) == before
    assert siblings(previous_site) == ["_site", "content", "static", "templates"]


@pytest.mark.parametrize(
    ("kind", "path"),
    [
        (output.STAGING, "index.html"),
        # an update makes its new search bundle aside before anything moves in
        (output.BUNDLE, "pagefind/pagefind.js"),
    ],
)
def test_staging_left_by_a_killed_build_is_removed_and_the_site_kept(
    project: Path, previous_site: Path, kind: str, path: str
) -> None:
    before = digest(previous_site)
    staging = output.new_staging(previous_site, kind)
    output.write_file(staging, path, b"half made")

    output.recover(previous_site)

    assert digest(previous_site) == before
    assert siblings(previous_site) == ["_site", "content", "static", "templates"]


def test_binary_files_are_written_byte_for_byte(project: Path, tmp_path: Path) -> None:
    logo = project / "static" / "img" / "logo.png"
    logo.write_bytes(bytes(range(256)))
    out = tmp_path / "out"
    staging = output.new_staging(out, output.STAGING)

    for path, source in output.static_files([project / "static"]).items():
        output.write_file(staging, path, source.read_bytes())
    output.swap_in(staging, out, {"img/logo.png": "k"})

    assert (out / "img" / "logo.png").read_bytes() == bytes(range(256))


@pytest.mark.parametrize("path", ["../escape.html", "terms/../../escape.html", "(absolute)", ""])
def test_path_outside_the_output_folder_is_refused(project: Path, previous_site: Path, path: str) -> None:
    if path == "(absolute)":
        path = str(project.parent / "escape.html")
    staging = output.new_staging(previous_site, output.STAGING)
    before = digest(project.parent)

    with pytest.raises(output.OutputRefused) as refused:
        output.write_file(staging, path, b"x")

    assert str(refused.value) == f"refusing to write {path!r} outside the output folder"
    assert digest(project.parent) == before


def test_manifest_from_another_generator_version_is_not_trusted(previous_site: Path) -> None:
    marker = previous_site / output.MARKER
    data = json.loads(marker.read_text(encoding="utf-8"))
    marker.write_text(json.dumps({**data, "generator": "glossary-site 0.0"}), encoding="utf-8")

    assert output.read_manifest(previous_site) is None


def test_damaged_or_missing_manifest_is_not_trusted(previous_site: Path, tmp_path: Path) -> None:
    (previous_site / output.MARKER).write_text("{not json", encoding="utf-8")

    assert output.read_manifest(previous_site) is None
    assert output.read_manifest(tmp_path / "nowhere") is None


# Incremental builds: only changed files move into the live site


def update(out: Path, written: dict[str, str], deleted: list[str], files: dict[str, str]) -> None:
    staging = output.new_staging(out, output.UPDATE)
    for path, text in written.items():
        output.write_file(staging, path, text.encode())
    output.apply_update(staging, out, list(written), deleted, keys(files))


def test_update_replaces_changed_files_removes_deleted_ones_and_leaves_the_rest(
    project: Path, previous_site: Path
) -> None:
    kept = previous_site / "terms" / "kept" / "index.html"
    kept_inode = kept.stat().st_ino
    new_site = {"index.html": "new home", "terms/kept/index.html": "kept term", "terms/new/index.html": "new"}

    update(
        previous_site,
        {"index.html": "new home", "terms/new/index.html": "new"},
        ["terms/gone/index.html"],
        new_site,
    )

    assert {path: p.read_text(encoding="utf-8") for path, p in files_of(previous_site).items()} == new_site
    assert kept.stat().st_ino == kept_inode, "an unchanged file is not rewritten"
    assert not (previous_site / "terms" / "gone").exists(), "an emptied folder is pruned"
    assert output.read_manifest(previous_site) == keys(new_site)
    assert siblings(previous_site) == ["_site", "content", "static", "templates"]


def files_of(folder: Path) -> dict[str, Path]:
    return {
        p.relative_to(folder).as_posix(): p
        for p in sorted(folder.rglob("*"))
        if p.is_file() and p.name != output.MARKER
    }


def test_deleting_the_last_file_of_nested_folders_prunes_them_all(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    publish(out, {"index.html": "home", "tags/a/b/index.html": "deep"})

    update(out, {}, ["tags/a/b/index.html"], {"index.html": "home"})

    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == [".glossary-site", "index.html"]


def test_file_that_becomes_a_folder_in_an_update_is_replaced(tmp_path: Path) -> None:
    out = tmp_path / "_site"
    publish(out, {"index.html": "home", "guide": "old guide"})

    update(out, {"guide/index.html": "new guide"}, ["guide"], {"index.html": "home", "guide/index.html": "g"})

    assert (out / "guide" / "index.html").read_text(encoding="utf-8") == "new guide"


# Recovering from a build killed part-way


def interrupted_update(out: Path, written: dict[str, str], deleted: list[str], files: dict[str, str]) -> Path:
    """What a build killed during apply_update leaves: changed files, manifest, commit journal."""
    staging = output.new_staging(out, output.UPDATE)
    for path, text in written.items():
        output.write_file(staging, path, text.encode())
    manifest = {"generator": FINGERPRINT, "files": keys(files)}
    (staging / output.MARKER).write_text(json.dumps(manifest), encoding="utf-8")
    journal = {"written": list(written), "deleted": deleted}
    (staging / output.COMMIT).write_text(json.dumps(journal), encoding="utf-8")
    return staging


def test_interrupted_update_with_a_commit_mark_is_rolled_forward(project: Path, previous_site: Path) -> None:
    new_site = {"index.html": "new home", "terms/kept/index.html": "kept term"}
    interrupted_update(previous_site, {"index.html": "new home"}, ["terms/gone/index.html"], new_site)

    output.recover(previous_site)

    assert {path: p.read_text(encoding="utf-8") for path, p in files_of(previous_site).items()} == new_site
    assert output.read_manifest(previous_site) == keys(new_site)
    assert siblings(previous_site) == ["_site", "content", "static", "templates"]


def test_interrupted_update_without_a_commit_mark_is_discarded(project: Path, previous_site: Path) -> None:
    before = digest(previous_site)
    staging = output.new_staging(previous_site, output.UPDATE)
    output.write_file(staging, "index.html", b"never committed")

    output.recover(previous_site)

    assert digest(previous_site) == before
    assert siblings(previous_site) == ["_site", "content", "static", "templates"]


def test_previous_output_set_aside_by_a_killed_swap_is_restored(project: Path, previous_site: Path) -> None:
    """Killed between the two renames of swap_in: the output is gone, the old one is beside it."""
    before = digest(previous_site)
    staging = output.new_staging(previous_site, output.STAGING)
    output.write_file(staging, "index.html", b"new home")
    previous_site.rename(project / f".{previous_site.name}.old-{os.getpid() + 1}")

    output.recover(previous_site)

    assert digest(previous_site) == before
    assert siblings(previous_site) == ["_site", "content", "static", "templates"]


def test_old_output_left_after_a_finished_swap_is_removed(project: Path, previous_site: Path) -> None:
    retired = project / f".{previous_site.name}.old-{os.getpid() + 1}"
    retired.mkdir()
    (retired / "index.html").write_text("older home", encoding="utf-8")
    before = digest(previous_site)

    output.recover(previous_site)

    assert digest(previous_site) == before
    assert siblings(previous_site) == ["_site", "content", "static", "templates"]


def test_a_git_repository_in_the_output_is_kept_by_a_whole_build(project: Path, previous_site: Path) -> None:
    """Was deleted with the old output: `git init` in _site/ to push the site from lost its history."""
    (previous_site / ".git/objects").mkdir(parents=True)
    (previous_site / ".git/HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    (previous_site / "notes.txt").write_text("put here by hand", encoding="utf-8")

    publish(previous_site, {"index.html": "new home"})

    assert sorted(digest(previous_site)) == [".git/HEAD", ".glossary-site", "index.html"]
    assert (previous_site / ".git/objects").is_dir()
    assert siblings(previous_site) == ["_site", "content", "static", "templates"]


def test_a_git_repository_left_in_the_old_output_by_a_killed_swap_is_moved_into_the_new_one(
    project: Path, previous_site: Path
) -> None:
    """Killed after the new output was renamed into place, before its .git was moved in."""
    (previous_site / ".git").mkdir()
    (previous_site / ".git/HEAD").write_text("ref: refs/heads/gh-pages\n", encoding="utf-8")
    previous_site.rename(project / f".{previous_site.name}.old-{os.getpid() + 1}")
    publish(previous_site, {"index.html": "new home"})

    output.recover(previous_site)

    assert sorted(digest(previous_site)) == [".git/HEAD", ".glossary-site", "index.html"]
    assert siblings(previous_site) == ["_site", "content", "static", "templates"]


def test_committed_update_for_a_deleted_output_does_not_leave_a_partial_site_trusted(
    project: Path, previous_site: Path
) -> None:
    interrupted_update(previous_site, {"index.html": "new home"}, [], {**OLD_SITE, "index.html": "new home"})
    shutil.rmtree(previous_site)  # the user clears the output before building again

    output.recover(previous_site)

    manifest = output.read_manifest(previous_site)
    assert manifest is None or set(manifest) <= set(files_of(previous_site))


# Static files


def test_static_file_from_a_later_folder_overrides_an_earlier_one(tmp_path: Path) -> None:
    theme, site = tmp_path / "theme", tmp_path / "site"
    for folder, files in (
        (theme, ("assets/style.css", "assets/search.js")),
        (site, ("assets/style.css", "favicon.ico")),
    ):
        for rel in files:
            (folder / rel).parent.mkdir(parents=True, exist_ok=True)
            (folder / rel).write_text(f"{folder.name} {rel}", encoding="utf-8")

    found = output.static_files([theme, site, tmp_path / "missing"])

    assert list(found) == ["assets/search.js", "assets/style.css", "favicon.ico"]
    assert {rel: path.read_text(encoding="utf-8") for rel, path in found.items()} == {
        "assets/search.js": "theme assets/search.js",
        "assets/style.css": "site assets/style.css",
        "favicon.ico": "site favicon.ico",
    }


def test_ctrl_c_while_changed_files_move_in_finishes_the_move(
    project: Path, previous_site: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: the interrupt discarded the journal with half the files moved, a mix of old and new
    pages that the next build took for the new site ("0 written")."""
    new_site = {"index.html": "new home", "terms/kept/index.html": "new kept", "terms/new/index.html": "new"}
    written = ["index.html", "terms/kept/index.html", "terms/new/index.html"]
    moves = 0
    replace = os.replace

    def interrupted(source: object, target: object) -> None:
        nonlocal moves
        moves += 1
        if moves == 2:
            raise KeyboardInterrupt
        replace(source, target)  # type: ignore[arg-type]

    def write_pages(staging: Path) -> bool:
        for path in written:
            output.write_file(staging, path, new_site[path].encode())
        return True

    monkeypatch.setattr(os, "replace", interrupted)
    change = output.Update(written, ["terms/gone/index.html"], keys(new_site), full=False)
    with pytest.raises(KeyboardInterrupt):
        output.publish(previous_site, change, write_pages, lambda site, bundle: True)

    assert {path: p.read_text(encoding="utf-8") for path, p in files_of(previous_site).items()} == new_site
    assert output.read_manifest(previous_site) == keys(new_site)
    assert siblings(previous_site) == ["_site", "content", "static", "templates"]


@pytest.mark.parametrize("full", [True, False])
def test_ctrl_c_just_as_the_staging_folder_is_made_leaves_nothing_beside_the_site(
    previous_site: Path, monkeypatch: pytest.MonkeyPatch, full: bool
) -> None:
    """Was: the folder was made before the cleanup was in reach, and a Ctrl-C that came then
    (the moment it appears, a CI run saw) left '._site.update-<pid>' behind."""
    before = digest(previous_site)
    make = Path.mkdir

    def interrupted(folder: Path, *args: Any, **kwargs: Any) -> None:
        make(folder, *args, **kwargs)
        if folder.name.startswith(("._site.staging-", "._site.update-")):
            raise KeyboardInterrupt

    monkeypatch.setattr(Path, "mkdir", interrupted)
    change = output.Update(["index.html"], [], {"index.html": "new"}, full=full)
    with pytest.raises(KeyboardInterrupt):
        output.publish(previous_site, change, lambda staging: True, lambda site, bundle: True)

    assert digest(previous_site) == before
    assert siblings(previous_site) == ["_site", "content", "static", "templates"]


@pytest.mark.parametrize("record", ["hello\n", "{}", '{"files": {}}', None])
def test_a_folder_with_a_record_not_written_by_a_build_is_refused(project: Path, record: str | None) -> None:
    """Was: any entry named .glossary-site made the folder an output, and a build emptied it."""
    out = project / "mine"
    (out / ".git").mkdir(parents=True)
    (out / "thesis.tex").write_text("precious", encoding="utf-8")
    if record is None:
        (out / output.MARKER).mkdir()
    else:
        (out / output.MARKER).write_text(record, encoding="utf-8")

    assert "is not empty and was not made by glossary-site" in refusal(project, out)


def test_recovery_touches_only_folders_a_build_names(project: Path, previous_site: Path) -> None:
    """Was: '._site.staging-mine' removed, and for an output named 'o?t' the leftovers of 'out';
    and a link named as no build names its folders ('._site.notes-12') deleted."""
    mine = project / "._site.staging-mine"
    other = project / ".out.staging-12"
    for folder in (mine, other):
        folder.mkdir()
        (folder / "a.txt").write_text("kept", encoding="utf-8")
    link = project / "._site.notes-12"
    link.symlink_to(mine)

    output.recover(previous_site)
    output.recover(project / "o?t")

    assert (mine / "a.txt").is_file() and (other / "a.txt").is_file()
    assert link.is_symlink()


def test_output_that_is_a_link_to_nothing_is_refused(project: Path, tmp_path: Path) -> None:
    """Was: followed, making folders where it led ('../elsewhere/new/deeper') and the site there."""
    out = project / "lo"
    out.symlink_to(tmp_path / "elsewhere" / "new" / "deeper")

    assert refusal(project, out) == (
        f"output folder {out} is a symbolic link to nothing; remove it or make its folder"
    )
    assert not (tmp_path / "elsewhere").exists()


# One build at a time


def test_a_build_that_publishes_nothing_leaves_no_lock_file_or_folder_it_made(tmp_path: Path) -> None:
    """Was: a failed first build into new/deeper/site left new/deeper/ holding '.site.lock'."""
    out = tmp_path / "new" / "deeper" / "site"

    with output.locked(out):
        with pytest.raises(output.OutputRefused, match="another build is writing"), output.locked(out):
            pass
        assert (out.parent / ".site.lock").is_file(), "held while the build runs"

    assert sorted(tmp_path.iterdir()) == []


def test_a_first_build_stopped_before_publishing_leaves_no_lock_file_or_folder_it_made(
    tmp_path: Path,
) -> None:
    """Was: stopped (Ctrl-C) rather than failed, it left new/deeper/ behind, empty."""
    out = tmp_path / "new" / "deeper" / "site"

    with pytest.raises(KeyboardInterrupt), output.locked(out):
        raise KeyboardInterrupt

    assert sorted(tmp_path.iterdir()) == []


def test_a_lock_file_that_was_there_already_or_beside_a_published_site_is_kept(tmp_path: Path) -> None:
    kept = tmp_path / "kept"
    (tmp_path / ".kept.lock").write_bytes(b"")
    published = tmp_path / "site"

    with output.locked(kept):
        pass
    with output.locked(published):
        publish(published, OLD_SITE)

    assert siblings(published) == [".kept.lock", ".site.lock", "site"]


def test_a_lock_file_removed_by_a_failed_build_before_it_was_locked_is_made_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A build that opened the lock file just before a failed build removed it would hold a
    lock on no file, and a third build would lock a new one beside it: two builds at once."""
    out = tmp_path / "site"
    lock_file = output._lock_file
    calls: list[Path] = []

    def removed_meanwhile(path: Path) -> tuple[bool, Any]:
        calls.append(path)
        opened = lock_file(path)
        if len(calls) == 1:
            path.unlink()
        return opened

    monkeypatch.setattr(output, "_lock_file", removed_meanwhile)
    with output.locked(out):
        monkeypatch.undo()
        assert len(calls) == 2
        with pytest.raises(output.OutputRefused, match="another build is writing"), output.locked(out):
            pass
