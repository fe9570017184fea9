"""The persistent build cache: prepared term files by content hash, and their bodies.

The index (one small record per term file) is loaded whole on every build. Converted bodies
are appended to pack files (creating one file per term is slow) and read back one by one,
only for pages that must be re-rendered. A cache that cannot be read, was written by another
version or signed with another key is discarded with a note.
"""

from __future__ import annotations

import dataclasses
import hashlib
import hmac
import json
import os
import pickle
import re
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from glossary_site import collector
from glossary_site.fingerprint import FINGERPRINT, digest
from glossary_site.model import BodyRef, PreparedFile, RawBody
from glossary_site.workers import in_background

INDEX = "index"
STATE = "state.json"
PACKS = "packs"


SIGNATURE = 32
#: An environment variable that, when set and not empty, holds the cache's signing secret.
KEY_VARIABLE = "GLOSSARY_CACHE_KEY"


#: The first line of the state file: its signature.
STATE_MAC = re.compile(rb"[0-9a-f]{%d}" % (2 * SIGNATURE))
#: Why a cache signed with another key is not used.
FOREIGN = f"was signed with another key (another user or machine, another {KEY_VARIABLE}) or is damaged"


#: Said by serve, which has no --cache-dir: where its cache is cannot be changed.
ALWAYS_HERE = " (serve always keeps its cache there)"


class CacheUnusable(Exception):
    """The cache folder cannot be made or written in: found before the build, not half-way."""


#: What a cache folder holds: the build's own (term_edits.py keeps the pages' records in
#: "pages" and "pages.json") and atomic_write's temporary files.
OWN_NAMES = (INDEX, STATE, PACKS, "pages", ".tmp-")
#: The folders among them.
OWN_FOLDERS = (INDEX, PACKS, "pages")


def check_folder(folder: Path, movable: bool = True) -> None:
    """Raise CacheUnusable unless a file can be made in `folder` (created if missing) and the
    folder holds nothing but a cache: a build rewrites and deletes files in it. A symbolic link
    in it (index, packs, pages), which no build makes, is removed itself: the build would
    write and delete files wherever it leads, as through a cache planted in a repository. So is
    a file where the build keeps a folder, damage that would otherwise stop every build.
    `movable`: whether the command takes --cache-dir and --no-cache; serve takes neither, so
    its message says what to do with the one folder it always uses."""
    found = list(folder.iterdir()) if folder.is_dir() else []
    if foreign := [p.name for p in found if not p.name.startswith(OWN_NAMES)]:
        raise CacheUnusable(
            f"{folder} holds files a build cache never has ({sorted(foreign)[0]}); a build would "
            "overwrite or delete some of them: "
            + ("choose another folder with --cache-dir" if movable else f"move them out of it{ALWAYS_HERE}")
        )
    for stray in (
        path for path in found if path.is_symlink() or (path.name in OWN_FOLDERS and not path.is_dir())
    ):
        stray.unlink()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as exc:
        raise CacheUnusable(
            f"cannot use {folder} for the build cache ({exc.strerror or exc}); "
            + (
                "choose another folder with --cache-dir, or build with --no-cache"
                if movable
                else f"make it a folder that can be written in{ALWAYS_HERE}"
            )
        ) from None


class ForeignSignature(ValueError):
    """Cache data signed with another key: never unpickled."""


class Stamp(NamedTuple):
    """Size, modification and change time: when all match, the stored content hash is trusted.
    The change time too, because an edit can keep the size and get its old modification time
    back (`touch -r`, `cp -p`, `rsync -t`, `tar x`), and no tool sets the change time back."""

    size: int
    mtime_ns: int
    ctime_ns: int = 0

    @classmethod
    def of(cls, info: os.stat_result) -> Stamp:
        return cls(info.st_size, info.st_mtime_ns, info.st_ctime_ns)


Entries = dict[str, tuple[Stamp, PreparedFile]]


@dataclass
class Cache:
    """Opened cheaply: the index is read on first use, which a no-change build never needs."""

    folder: Path
    #: A cache read but never written: `glossary check` converts only what the last build's
    #: cache does not hold, and writes what it converts in its own throwaway folder.
    base: Path | None = None
    notes: list[str] = field(default_factory=list)
    _entries: Entries | None = None
    _shards: dict[str, Entries] = field(default_factory=dict)
    _key: bytes | None = None
    #: The index write under way: whether it succeeded (waiting for it), and the write itself.
    _writing: tuple[Callable[[], bool], Callable[[], None]] | None = None

    @property
    def key(self) -> bytes:
        """Read before any worker starts, so that all of them sign with the same key."""
        if self._key is None:
            try:
                self._key = secret_key()
            except OSError as exc:
                self._key = os.urandom(SIGNATURE)
                self.notes.append(
                    f"the cache key cannot be kept: {exc.strerror or exc}"
                    f"{f' ({exc.filename})' if exc.filename else ''}; this build's cache cannot be reused"
                )
        return self._key

    def verified(self, signed: bytes) -> bytes:
        """Unpickling runs code, so only data signed with this user's own key is unpickled."""
        data = signed[SIGNATURE:]
        if not hmac.compare_digest(signed[:SIGNATURE], _mac(self.key, data)):
            raise ForeignSignature
        return data

    @property
    def entries(self) -> Entries:
        if self._entries is None:
            self._entries = self._load_index()
        return self._entries

    def _load_index(self) -> Entries:
        """The index lives as long as the build, so it is kept out of the collector's sight."""
        with collector.paused():
            entries = self._read_shards()
            collector.keep_for_the_build()
        return entries

    def _read_shards(self) -> Entries:
        entries: Entries = {}
        for shard in sorted(((self.base or self.folder) / INDEX).glob("*.pickle")):
            found = self._read_shard(shard)
            if found is None:
                return {}
            self._shards[shard.stem] = found
            entries.update(found)
        return entries

    def _read_shard(self, shard: Path) -> Entries | None:
        """A shard's entries; None, with a note, when the cache must be rebuilt."""
        try:
            fingerprint, found = pickle.loads(self.verified(shard.read_bytes()))
        except ForeignSignature:
            self._note(FOREIGN)
            return None
        except Exception as exc:  # any unreadable cache only makes this build slower
            self.notes.append(f"cache {shard} could not be read ({type(exc).__name__}); {self._then}")
            return None
        if fingerprint != FINGERPRINT or not isinstance(found, dict):
            self._note("was written by another version")
            return None
        return found

    def _note(self, why: str) -> None:
        note = f"cache {self.base or self.folder} {why}; {self._then}"
        if note not in self.notes:  # the state and then the index found so
            self.notes.append(note)

    @property
    def _then(self) -> str:
        """A build rebuilds a cache it cannot use; a check (which has a base) only reads it."""
        return "rebuilding it" if self.base is None else "not used; the next build rebuilds it"

    def entry(self, path: str) -> tuple[Stamp, PreparedFile] | None:
        """One file's entry; without the whole index loaded, only its shard is read."""
        if self._entries is not None:
            return self._entries.get(path)
        return self._shard(shard_name(path)).get(path)

    def _shard(self, name: str) -> Entries:
        if name not in self._shards:
            shard = (self.base or self.folder) / INDEX / f"{name}.pickle"
            self._shards[name] = (self._read_shard(shard) if shard.exists() else None) or {}
        return self._shards[name]

    def put(self, changed: Entries) -> None:
        """Store a few files' entries, rewriting only their shards (term_edits.py)."""
        self.settle()
        for name in sorted({shard_name(path) for path in changed}):
            found = {**self._shard(name), **{p: e for p, e in changed.items() if shard_name(p) == name}}
            self._write_shard(name, dict(sorted(found.items())))
            self._shards[name] = found
        if self._entries is not None:
            self._entries.update(changed)

    def _write_shard(self, name: str, entries: Entries) -> None:
        data = pickle.dumps((FINGERPRINT, entries), pickle.HIGHEST_PROTOCOL)
        atomic_write(self.folder / INDEX / f"{name}.pickle", sign(self.key, data))

    def read_state(self) -> dict[str, Any] | None:
        """What the last successful build saw and said, to skip a build when nothing changed.

        It is signed like the index, so a build with nothing changed, which reads nothing
        else, still finds a cache signed with another key (and gives the note) at the cost of
        one small file: None then, and the build that runs rebuilds the cache."""
        try:
            signed = (self.folder / STATE).read_bytes()
        except OSError:
            return None
        mac, newline, data = signed.partition(b"\n")
        if not newline or not STATE_MAC.fullmatch(mac):  # none, or an older version's: its index says so
            return None
        if not hmac.compare_digest(bytes.fromhex(mac.decode()), _mac(self.key, data)):
            self._note(FOREIGN)
            return None
        try:
            state = json.loads(data)
        except ValueError:
            return None
        return state if isinstance(state, dict) else None

    def write_state(self, state: dict[str, Any]) -> None:
        """Written last: the state vouches for the index, so that must be on disk first. The
        signature in hex, a line of its own, then the state in JSON."""
        self.settle()
        self.folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(state, sort_keys=True).encode()
        atomic_write(self.folder / STATE, _mac(self.key, data).hex().encode() + b"\n" + data)

    def lookup(self, path: str, stamp: Stamp) -> PreparedFile | None:
        entry = self.entries.get(path)
        return entry[1] if entry is not None and entry[0] == stamp else None

    def read_body(self, ref: BodyRef) -> RawBody | None:
        try:
            pack = self.folder / PACKS / ref.pack
            if self.base is not None and not pack.exists():
                pack = self.base / PACKS / ref.pack
            fd = os.open(pack, os.O_RDONLY)  # no file object: one read
            try:
                signed = os.pread(fd, ref.length, ref.offset)
            finally:
                os.close(fd)
            raw = pickle.loads(self.verified(signed))
        except Exception:  # a missing or damaged body is converted again
            return None
        return raw if isinstance(raw, RawBody) else None

    def save(self, entries: Entries) -> None:
        """Write the new index atomically; drop packs no body lives in, compact mostly dead ones."""
        self.drop(self.write(entries))

    def write(self, entries: Entries, jobs: int = 1) -> list[Path]:
        """`save` but for the packs left without a body, which it returns: a build writes the
        index while it goes on, and a page may still read a body from a compacted pack.
        With `jobs` > 1 a forked child writes the index files (see `settle`)."""
        self.folder.mkdir(parents=True, exist_ok=True)
        live: dict[str, int] = {}
        for _, file in entries.values():
            if file.body is not None:
                live[file.body.pack] = live.get(file.body.pack, 0) + file.body.length
        packs = self.folder / PACKS
        dead = []
        for pack in sorted(packs.glob("*.pack")) if packs.is_dir() else []:
            if pack.name not in live:
                dead.append(pack)
            elif live[pack.name] * 2 < pack.stat().st_size:
                entries = self._compact(pack.name, entries)
                dead.append(pack)
        self._write_index(entries, jobs)
        self._entries = entries
        return dead

    def drop(self, packs: list[Path]) -> None:
        """Delete the packs `write` left without a body, once no page can read them."""
        for pack in packs:
            pack.unlink(missing_ok=True)

    def _write_index(self, entries: Entries, jobs: int = 1) -> None:
        """The index is split in shards by path, so one edited term rewrites one small shard."""
        shards: dict[str, Entries] = {}
        for path, entry in entries.items():
            shards.setdefault(shard_name(path), {})[path] = entry
        folder = self.folder / INDEX
        folder.mkdir(parents=True, exist_ok=True)
        changed = [(name, found) for name, found in shards.items() if self._shards.get(name) != found]

        def write_shards() -> None:
            for name, found in changed:
                self._write_shard(name, found)
            for stale in folder.glob("*.pickle"):
                if stale.stem not in shards:
                    stale.unlink(missing_ok=True)

        self.settle()
        self._writing = (in_background(write_shards, jobs if changed else 1), write_shards)
        self._shards = shards

    def settle(self, redo: bool = True) -> None:
        """Wait for the index files a forked child is writing; if it failed, write them here
        (so any error is raised in this process) unless `redo` is false, as when the build
        was interrupted: the next build then converts those files again."""
        if self._writing is not None:
            (done, write), self._writing = self._writing, None
            if not done() and redo:
                write()

    def _compact(self, name: str, entries: Entries) -> Entries:
        moved = dict(entries)
        with PackWriter(self.folder, self.key) as writer:
            for path, (stamp, file) in entries.items():
                if file.body is not None and file.body.pack == name:
                    raw = self.read_body(file.body)
                    if raw is not None:
                        moved[path] = (stamp, dataclasses.replace(file, body=writer.add(raw)))
        return moved


class PackWriter:
    """Appends converted bodies to a new pack file; one per worker, so none collide."""

    def __init__(self, folder: Path, key: bytes) -> None:
        self.key = key
        packs = folder / PACKS
        packs.mkdir(parents=True, exist_ok=True)
        self.name = f"{os.getpid()}-{time.time_ns()}.pack"
        self.handle = (packs / self.name).open("ab")

    def add(self, raw: RawBody) -> BodyRef:
        data = sign(self.key, pickle.dumps(raw, pickle.HIGHEST_PROTOCOL))
        offset = self.handle.tell()
        self.handle.write(data)
        return BodyRef(self.name, offset, len(data))

    def __enter__(self) -> PackWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()


def shard_name(path: str) -> str:
    """Index files and page records are kept in shards by path, so one edit rewrites one."""
    return digest(path.encode())[:2]


def user_folder() -> Path:
    """This user's own glossary-site folder, shared by every site they build. OSError when
    there is none to be had (no HOME and no entry in the password database, as in some
    containers); callers then do without it. A relative XDG_CACHE_HOME is ignored, as the XDG
    specification says: it would put the cache's signing key in whatever folder the command
    runs in, a site's content/ among them, from where it could be committed."""
    given = os.environ.get("XDG_CACHE_HOME", "")
    if os.path.isabs(given):
        return Path(given) / "glossary-site"
    try:
        return Path.home() / ".cache" / "glossary-site"
    except RuntimeError as exc:
        raise OSError(f"no home folder ({exc})") from None


def secret_key() -> bytes:
    """The key from KEY_VARIABLE, or else a per-user key outside the site folder: either way a
    cache planted in a repository cannot be signed. The variable is for CI, whose runners keep
    no user folder between runs: a repository secret keeps the key out of the repository."""
    given = os.environ.get(KEY_VARIABLE, "")
    if given:
        return hashlib.blake2b(given.encode(), digest_size=SIGNATURE, person=b"glossary-cache").digest()
    folder = user_folder()
    path = folder / "cache-key"
    try:
        key = path.read_bytes()
        if len(key) == SIGNATURE:
            return key
    except FileNotFoundError:
        pass
    folder.mkdir(parents=True, exist_ok=True)
    key = os.urandom(SIGNATURE)
    handle, temporary = tempfile.mkstemp(dir=folder, prefix=".tmp-")
    with os.fdopen(handle, "wb") as out:
        out.write(key)
    try:
        os.link(temporary, path)  # never replaces a key a worker of the same build made meanwhile
    except FileExistsError:
        made = path.read_bytes()
        if len(made) == SIGNATURE:
            return made
        os.replace(temporary, path)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return key


def _mac(key: bytes, data: bytes) -> bytes:
    return hashlib.blake2b(data, key=key, digest_size=SIGNATURE).digest()


def sign(key: bytes, data: bytes) -> bytes:
    return _mac(key, data) + data


def atomic_write(path: Path, data: bytes) -> None:
    """A folder in the file's place (a damaged cache: no build makes one) goes first, or no
    build could write the file again."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
