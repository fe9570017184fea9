"""Put a build on disk so that a failed or killed build never leaves a broken site.

A full build is written to a staging folder beside the output and swapped in with two
renames. An incremental build writes only the changed files to an update folder, records a
commit mark, then moves them into place; a build killed during that move is finished by the
next one. Nothing outside the output folder and its dot-named siblings is written or removed:
a symbolic link found there, which no build makes, is removed or replaced itself, and an
incremental build that would write or delete through a linked folder is refused before it
changes anything. (rsync replaces a linked folder instead of writing through it; an
incremental build cannot, as the pages its manifest lists live behind the link.)
"""

from __future__ import annotations

import contextlib
import fcntl
import glob
import json
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO

from glossary_site import content_files, search
from glossary_site.cache import INDEX as CACHE_INDEX
from glossary_site.cache import STATE as CACHE_STATE
from glossary_site.fingerprint import FINGERPRINT

MARKER = ".glossary-site"
COMMIT = ".commit"
#: What a whole build carries over from the output it replaces: a git repository kept in the
#: output folder to push the site from (ghp-import's way, or `git init` in _site/) is history
#: no build can make again, where any other file put there by hand is only lost work.
CARRIED = (".git",)
#: The folders a build makes beside the output (see _sibling): a whole new output, an update's
#: changed pages, an update's new search bundle, what is being replaced.
STAGING, UPDATE, BUNDLE, OLD = "staging", "update", "index", "old"
SOURCE_DIRS = ("content", "templates", "static")


class OutputRefused(Exception):
    """The output folder is somewhere the generator must not write."""


@dataclass(frozen=True)
class Update:
    """What a build changes in the output, decided from page keys before anything is written."""

    written: list[str]
    deleted: list[str]
    keys: dict[str, str]
    full: bool
    search_key: str | None = None
    old_search_key: str | None = None
    #: A build without search removes an index an earlier build left, which no longer
    #: matches the pages (serve's builds keep it: serve indexes aside, after them).
    drop_index: bool = False

    @property
    def reindex(self) -> bool:
        return self.search_key is not None and self.search_key != self.old_search_key

    def manifest(self, search_key: str | None) -> dict[str, str]:
        return {**self.keys, search.MANIFEST_KEY: search_key} if search_key else self.keys


#: Writes the changed files into the folder it is given; False when it failed.
WritePages = Callable[[Path], bool]
#: Indexes the site, each page read from the first of the folders given that holds it
#: (pagefind_run.located), into a bundle under the folder given last; False when it failed.
IndexSite = Callable[[Sequence[Path], Path], bool]


def current_manifest(out: Path) -> dict[str, str] | None:
    """The keys of the output as it stands, once an interrupted build is finished or undone."""
    recover(out)
    return read_manifest(out)


def is_whole(out: Path) -> bool:
    """Whether every file the manifest lists is still in the output."""
    files = read_manifest(out)
    return files is not None and len(present(out, files)) == len(files)


def present(out: Path, files: dict[str, str]) -> dict[str, str]:
    """The manifest's entries whose file is still there (one removed by hand has no key, so it
    is made again); the search index's, when its listing is. A stat per file: 40 ms at 10,000
    pages, which a whole build can spend and a save in serve should not."""
    base = os.fspath(out)
    index = os.path.join(base, search.FOLDER, search.LISTING)
    return {
        path: key
        for path, key in files.items()
        if os.path.exists(index if path == search.MANIFEST_KEY else os.path.join(base, path))
    }


def publish(out: Path, update: Update, write_pages: WritePages, index: IndexSite) -> bool:
    """Make the output what `update` says, or leave it as it was: a failure or a kill at any
    moment leaves a complete site. A full build is swapped in whole. An update makes its
    changed pages and its new search bundle aside, the bundle from those pages and the
    output's others, before anything moves: then the pages go in under a journal and the
    bundle replaces the old one with renames."""
    if update.full:
        return _publish_all(out, update, write_pages, index)
    changes = bool(update.written or update.deleted)
    with staged(out, UPDATE) as staging, staged(out, BUNDLE) as fresh:
        if changes and not write_pages(staging):
            return False
        if update.reindex and not index([staging, out], fresh):
            return False
        if changes:
            _move_in(staging, out, update)
        if update.drop_index and os.path.lexists(out / search.FOLDER):
            write_manifest(out, update.manifest(None))
            _remove(out / search.FOLDER)
        if update.reindex:
            replace_folder(out, search.FOLDER, fresh)
            write_manifest(out, update.manifest(update.search_key))
    return True


def _publish_all(out: Path, update: Update, write_pages: WritePages, index: IndexSite) -> bool:
    with staged(out, STAGING) as staging:
        if not write_pages(staging) or (update.reindex and not index([staging], staging)):
            return False
        swap_in(staging, out, update.manifest(update.search_key))
    return True


def _move_in(staging: Path, out: Path, update: Update) -> None:
    try:
        apply_update(staging, out, update.written, update.deleted, update.manifest(update.old_search_key))
    except OutputRefused:
        raise
    except BaseException:
        if (staging / COMMIT).exists():  # moving in had begun (Ctrl-C): finish it, so no mix is left
            _roll_forward(staging, out.resolve())
        raise


def check_target(root: Path, out: Path) -> None:
    if out.is_symlink() and not out.exists():  # a build would make folders wherever it leads
        raise OutputRefused(
            f"output folder {out} is a symbolic link to nothing; remove it or make its folder"
        )
    root, out = root.resolve(), out.resolve()
    if out == root or out in root.parents:
        raise OutputRefused(f"output folder {out} would replace the project itself; choose e.g. _site")
    for name in SOURCE_DIRS:
        source = root / name
        if out == source or source in out.parents:
            raise OutputRefused(f"output folder {out} is inside {name}/; choose a folder outside it")
    built = next((folder for folder in out.parents if made_by_a_build(folder)), None)
    if built is not None:
        raise OutputRefused(
            f"output folder {out} is inside {built}, a built site, whose next build would delete it; "
            "choose a folder outside it"
        )
    for place in (out, *out.parents):
        if place.exists() and not place.is_dir():
            inside = "" if place == out else f" is inside {place}, which"
            raise OutputRefused(f"output path {out}{inside} is a file, not a folder")
    if out.is_dir() and any(p.name not in CARRIED for p in out.iterdir()) and not made_by_a_build(out):
        raise OutputRefused(
            f"output folder {out} is not empty and was not made by glossary-site; "
            "empty it or choose another folder"
        )


def check_export(root: Path, path: Path, caches: Iterable[Path]) -> None:
    """A file `check` writes on request (the graph) must not replace one the site is made of,
    nor sit in a build cache (`caches`: the one this check reads and the site's own, which the
    next build without --cache-dir uses; or any folder holding a cache's state), whose next
    build would refuse a folder holding a file of ours, nor in a built site (wherever --out
    put it) or over its lock file."""
    root, path = root.resolve(), path.resolve()
    for name in SOURCE_DIRS:
        source = root / name
        if path == source or source in path.parents:
            raise OutputRefused(f"{path} is inside {name}/, which the site is made of; write it elsewhere")
    known = {cache.resolve() for cache in caches}
    held = next((f for f in (path, *path.parents) if f in known or holds_a_cache(f)), None)
    if held is not None:
        raise OutputRefused(
            f"{path} is inside the build cache {held}, which the next build would refuse; write it elsewhere"
        )
    built = next((folder for folder in path.parents if made_by_a_build(folder)), None)
    if built is not None:
        raise OutputRefused(
            f"{path} is inside {built}, a built site, whose next build would not put back a file "
            "it believes unchanged; write it elsewhere"
        )
    if (
        path.name.startswith(".")
        and path.name.endswith(".lock")
        and made_by_a_build(path.with_name(path.name[1:-5]))
    ):
        raise OutputRefused(f"{path} is the lock file of the built site beside it; write it elsewhere")
    if path.is_dir():
        raise OutputRefused(f"{path} is a folder; name a file")
    _check_writable(path)


def holds_a_cache(folder: Path) -> bool:
    """A build cache another site or --cache-dir keeps, told by its state file and index."""
    return (folder / CACHE_STATE).is_file() and (folder / CACHE_INDEX).is_dir()


def _check_writable(path: Path) -> None:
    """Found before the check runs, as a cache folder that cannot be written in is: found after,
    the run's problems would be lost behind the one line saying the file could not be written."""
    if path.exists():
        if not os.access(path, os.W_OK):
            raise OutputRefused(f"{path} cannot be written (no permission); write elsewhere")
        return
    if not path.parent.is_dir():
        if path.parent.exists():
            raise OutputRefused(f"{path}: {path.parent} is a file, not a folder; write elsewhere")
        raise OutputRefused(f"{path}: there is no folder {path.parent}; make it or write elsewhere")
    try:
        with tempfile.TemporaryFile(dir=path.parent):
            pass
    except OSError as exc:
        reason = exc.strerror or exc
        raise OutputRefused(f"cannot write in {path.parent} ({reason}); write elsewhere") from None


def check_cache(root: Path, out: Path, cache: Path) -> None:
    """The build cache is the generator's own: never published, never among the sources, and
    apart from the output, which a build replaces whole."""
    root, out, cache = root.resolve(), out.resolve(), cache.resolve()
    if cache == out:
        raise OutputRefused(
            f"cache folder {cache} is the output folder, which is published; give each its own folder"
        )
    if out in cache.parents:
        raise OutputRefused(
            f"cache folder {cache} is inside the output folder, which is published; "
            "choose a folder outside it, e.g. .glossary-cache"
        )
    if cache == root or cache in root.parents:
        raise OutputRefused(
            f"cache folder {cache} is the site folder or holds it; "
            "choose a folder of its own, e.g. .glossary-cache"
        )
    if cache in out.parents:
        raise OutputRefused(f"output folder {out} is inside the cache folder {cache}; choose one outside it")
    for name in SOURCE_DIRS:
        source = root / name
        if cache == source or source in cache.parents:
            raise OutputRefused(f"cache folder {cache} is inside {name}/; choose a folder outside it")


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
    """One build at a time per output folder; a second one is told so instead of waiting.

    A build that ends with no output folder (it failed, or was stopped, before publishing a
    first one) removes the lock file it made and the folders it made for it, as it found
    things. It removes the file while still holding the lock, and a build that then locks the
    removed file tries again: two builds must never hold locks on two files for one output
    folder."""
    out = out.resolve()
    made = [folder for folder in (out.parent, *out.parent.parents) if not folder.exists()]
    path = out.parent / f".{out.name}.lock"
    while True:
        out.parent.mkdir(parents=True, exist_ok=True)
        created, handle = _lock_file(path)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise OutputRefused(f"another build is writing {out}; wait for it to finish") from None
        if _still_named(path, handle):
            break
        handle.close()
    left_nothing = False
    try:
        with handle:
            try:
                yield
            finally:
                left_nothing = created and not out.exists()
                if left_nothing:
                    path.unlink(missing_ok=True)
                # a forked worker may still share the open file, so closing alone might not unlock it
                fcntl.flock(handle, fcntl.LOCK_UN)
    finally:  # a first build stopped by Ctrl-C too
        for folder in made if left_nothing else ():
            with contextlib.suppress(OSError):  # another build's lock file is in it, say
                folder.rmdir()


def _still_named(path: Path, handle: BinaryIO) -> bool:
    """Whether the locked file is still the one at `path`, not one a failed build removed."""
    try:
        named = os.stat(path, follow_symlinks=False)
    except FileNotFoundError:
        return False
    held = os.fstat(handle.fileno())
    return (named.st_dev, named.st_ino) == (held.st_dev, held.st_ino)


def _lock_file(path: Path) -> tuple[bool, BinaryIO]:
    """Whether this build made the lock file, and the file, never opened through a link: no
    build makes one there, and opening one (committed to a repository, say) would create an
    empty file wherever it leads."""
    flags = os.O_RDWR | os.O_NOFOLLOW | os.O_CLOEXEC
    while True:
        try:
            return True, os.fdopen(os.open(path, flags | os.O_CREAT | os.O_EXCL, 0o644), "a+b")
        except FileExistsError:
            pass
        try:
            return False, os.fdopen(os.open(path, flags), "a+b")
        except FileNotFoundError:  # a build that failed removed it meanwhile
            continue
        except OSError:
            if not path.is_symlink():
                raise
            path.unlink()  # the link itself, never what it leads to


def static_files(folders: list[Path]) -> dict[str, Path]:
    """Static files by output path; a later folder (the site's) overrides an earlier (theme's).
    Only what content_files.static_files publishes: no special file, broken link, name that is
    not UTF-8, editor's working file or file browser's settings."""
    found: dict[str, Path] = {}
    for folder in folders:
        found.update(content_files.static_files(folder))
    return dict(sorted(found.items()))


def read_manifest(out: Path) -> dict[str, str] | None:
    """Keys of the files in the current output, if it was written by this same generator."""
    record = _record(out)
    return record["files"] if record is not None and record["generator"] == FINGERPRINT else None


def made_by_a_build(out: Path) -> bool:
    """Whether a build of any version wrote the folder: its record is a build's, not merely a
    file of that name (which would let a build empty a folder of someone else's files)."""
    return _record(out) is not None


def _record(out: Path) -> dict[str, Any] | None:
    try:
        data = json.loads((out / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if isinstance(data, dict) and "generator" in data and isinstance(data.get("files"), dict):
        return data
    return None


def _sibling(out: Path, kind: str) -> Path:
    return out.parent / f".{out.name}.{kind}-{os.getpid()}"


def recover(out: Path) -> None:
    """Finish or discard what an interrupted build left beside the output folder."""
    out = out.resolve()
    if not out.parent.is_dir():
        return
    for leftover in _leftovers(out):
        kind = leftover.name[len(out.name) + 2 :].split("-", 1)[0]
        if kind not in (STAGING, UPDATE, BUNDLE, OLD):
            continue
        if leftover.is_symlink():  # no build makes one: never followed, never renamed into place
            leftover.unlink()
            continue
        if kind == UPDATE and (leftover / COMMIT).exists() and out.is_dir():
            _roll_forward(leftover, out)
        elif kind == OLD and not out.exists():
            leftover.rename(out)
            continue
        elif kind == OLD and out.is_dir():
            _carry_over(leftover, out)
        shutil.rmtree(leftover, ignore_errors=True)


def has_leftovers(out: Path) -> bool:
    out = out.resolve()
    return out.parent.is_dir() and any(_leftovers(out))


def _leftovers(out: Path) -> list[Path]:
    """The folders a build makes beside the output, named '.<name>.<kind>-<process id>'."""
    found = out.parent.glob(f".{glob.escape(out.name)}.*-*")
    return sorted(path for path in found if path.name.rsplit("-", 1)[1].isdigit())


@contextlib.contextmanager
def staged(out: Path, kind: str) -> Iterator[Path]:
    """A new folder beside the output to build in, gone afterwards whatever happens, unless it
    was moved into place: made within the cleanup's reach, so that a Ctrl-C that comes just as
    it is made leaves nothing behind either."""
    staging = _sibling(out.resolve(), kind)
    try:
        yield new_staging(out, kind)
    finally:
        _remove(staging)


def new_staging(out: Path, kind: str) -> Path:
    staging = _sibling(out.resolve(), kind)
    _remove(staging)
    staging.mkdir(parents=True)
    return staging


def _remove(path: Path) -> None:
    """Remove a folder with all in it, or a file, or a link itself: never what a link leads to
    (shutil.rmtree leaves links inside a folder unfollowed, but refuses a link given to it)."""
    if path.is_symlink() or (path.exists() and not path.is_dir()):
        path.unlink(missing_ok=True)
    else:
        shutil.rmtree(path, ignore_errors=True)


def write_file(staging: Path, path: str, data: bytes) -> None:
    target = _inside(staging, path)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)


def _inside(folder: Path, path: str) -> Path:
    parts = Path(path).parts
    if not parts or Path(path).is_absolute() or ".." in parts:
        raise OutputRefused(f"refusing to write {path!r} outside the output folder")
    return folder / path


def _manifest_text(files: dict[str, str]) -> str:
    """One file per line, as json.dumps(indent=0) writes it, by json's C encoder (an indent
    means its Python one, 50 ms at 10,000 files)."""
    listed = json.dumps(dict(sorted(files.items())), separators=(",\n", ": "))
    listed = "{\n" + listed[1:-1] + "\n}" if files else "{}"
    return f'{{\n"files": {listed},\n"generator": {json.dumps(FINGERPRINT)}\n}}\n'


def write_manifest(out: Path, files: dict[str, str]) -> None:
    """Written beside the manifest and renamed over it; an old temporary file, or a link in its
    place, is removed first, so the write cannot go through a link ("x" fails on any name)."""
    temporary = out / f"{MARKER}.tmp"
    temporary.unlink(missing_ok=True)
    with temporary.open("x", encoding="utf-8") as handle:
        handle.write(_manifest_text(files))
    os.replace(temporary, out / MARKER)


def replace_folder(out: Path, name: str, fresh: Path) -> None:
    """Swap in a rebuilt sub-folder (the search bundle) with renames; `fresh` holds it."""
    out = out.resolve()
    target, retired = out / name, _sibling(out, OLD)
    _remove(retired)
    if target.is_symlink():
        target.unlink()
    elif target.exists():
        target.rename(retired)
    (fresh / name).rename(target)
    _remove(retired)
    _remove(fresh)


def swap_in(staging: Path, out: Path, files: dict[str, str]) -> None:
    """Make a complete staging folder the output; the old output goes only after it."""
    out = out.resolve()
    (staging / MARKER).write_text(_manifest_text(files), encoding="utf-8")
    retired = _sibling(out, OLD)
    if out.exists():
        out.rename(retired)
    staging.rename(out)
    _carry_over(retired, out)
    _remove(retired)  # links in the old output go with it, unfollowed


def _carry_over(retired: Path, out: Path) -> None:
    """Move CARRIED into the new output, each with one rename, before the old output goes: a
    build killed before that leaves the old output beside the new one, and recover() ends it."""
    for name in CARRIED:
        if os.path.lexists(retired / name) and not os.path.lexists(out / name):
            os.rename(retired / name, out / name)


def apply_update(
    staging: Path, out: Path, written: list[str], deleted: list[str], files: dict[str, str]
) -> None:
    """Move changed files into the live output; the commit mark makes this resumable."""
    (staging / MARKER).write_text(_manifest_text(files), encoding="utf-8")
    journal = {"written": written, "deleted": deleted}
    (staging / COMMIT).write_text(json.dumps(journal), encoding="utf-8")
    _roll_forward(staging, out.resolve())
    shutil.rmtree(staging, ignore_errors=True)


def _roll_forward(staging: Path, out: Path) -> None:
    """Checked whole before the first move, so a refused update changes nothing."""
    journal = json.loads((staging / COMMIT).read_text(encoding="utf-8"))
    linked = _linked_folder(out, [*journal["deleted"], *journal["written"]])
    if linked is not None:
        raise OutputRefused(
            f"{linked} is a symbolic link, which no build makes; the build would write or delete "
            f"through it, outside the output folder, so it changed nothing. Delete {out} (the link "
            "goes with it, what it leads to stays) and build again"
        )
    for path in journal["deleted"]:  # first, so a file may become a folder and back
        target = _inside(out, path)
        target.unlink(missing_ok=True)
        _prune_empty_parents(target.parent, out)
    for path in journal["written"]:
        source = staging / path
        if source.exists():
            target = _inside(out, path)
            _clear_way(target, out)
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(source, target)
    if (staging / MARKER).exists():
        os.replace(staging / MARKER, out / MARKER)


def _linked_folder(out: Path, paths: Iterable[str]) -> Path | None:
    """The first folder on the way to one of `paths` in `out` that is a symbolic link, if any;
    each folder is looked at once (a few thousand lstat calls when every page changed)."""
    seen: set[str] = set()
    for path in paths:
        parts = path.split("/")[:-1]
        for end in range(1, len(parts) + 1):
            folder = "/".join(parts[:end])
            if folder not in seen:
                seen.add(folder)
                if (out / folder).is_symlink():
                    return out / folder
    return None


def _clear_way(target: Path, out: Path) -> None:
    """Remove an old file standing where a new file's folder goes, or an empty old folder; a
    link in the target's place is replaced by the move itself."""
    for parent in reversed(target.relative_to(out).parents[:-1]):
        if (out / parent).is_file():
            (out / parent).unlink()
    if target.is_dir() and not target.is_symlink():
        shutil.rmtree(target)


def _prune_empty_parents(folder: Path, out: Path) -> None:
    while folder != out and out in folder.parents:
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent
