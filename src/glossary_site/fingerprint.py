"""Fingerprints: the digest every key and content hash uses, the generator's own identity,
and the stamp of a build's inputs (name, size and time of every file it reads)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import hashlib
import importlib.metadata
import operator
import os
import re
import sys
from collections.abc import Callable, Collection, Mapping, Sequence
from pathlib import Path
from types import MappingProxyType

import markdown
import nh3
import pygments

from glossary_site import __version__


def digest(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=20).hexdigest()


def record_text(value: object, known: Mapping[object, str] = MappingProxyType({})) -> str:
    """Every field of a record (dataclass, tuple, text, number, date), as one unambiguous text.

    Records are made of front-matter text, which YAML keeps free of control characters, so
    the separators cannot occur inside a value; each tuple and record is bracketed, so where
    one ends is never in doubt. Every page's key is made this way, a few hundred thousand
    values a build, so tuples of text or of `known` values (a term's face, given once per
    build) are joined in one C call; the result is the same as value by value.
    """
    if value.__class__ is str:
        return value
    if isinstance(value, tuple):
        first = value[0] if value else ""
        try:
            if first.__class__ is str and value.__class__ is tuple:  # a record's fields vary in kind
                return "\x02" + "\x1f".join(value) + "\x03"
            if first in known:
                return "\x02" + "\x1f".join(map(known.__getitem__, value)) + "\x03"
        except (TypeError, KeyError):  # a value further on is of another kind
            pass
        parts, separator = value, "\x1f"
    elif dataclasses.is_dataclass(value) and not isinstance(value, type):
        parts, separator = _fields_of(type(value))(value), "\x1e"
    elif value is None:
        return "\x00"
    elif isinstance(value, str | bool | int | float | dt.date):
        return value if isinstance(value, str) else repr(value)
    else:
        raise TypeError(f"no record text for {type(value).__name__}")
    get = known.get
    texts = [v if v.__class__ is str else (get(v) or record_text(v, known)) for v in parts]
    return "\x02" + separator.join(texts) + "\x03"


@functools.cache
def _fields_of(kind: type) -> Callable[[object], tuple[object, ...]]:
    """A getter of every field of a record kind at once (one C call per record)."""
    names = [field.name for field in dataclasses.fields(kind)]
    getter = operator.attrgetter(*names)
    return getter if len(names) > 1 else lambda value: (getter(value),)


def _code_digest() -> str:
    """Our own code is part of every cached result, so an edited checkout invalidates the cache."""
    sources = sorted(Path(__file__).parent.glob("*.py"))
    return hashlib.blake2b(b"".join(p.read_bytes() for p in sources), digest_size=8).hexdigest()


def _version(package: str) -> str:
    """A package's version read from its metadata, so that naming it in the fingerprint does
    not import it: emoji and latex2mathml take 40 ms to import, which every command paid,
    though few pages need them."""
    return importlib.metadata.version(package)


FINGERPRINT = (
    f"glossary-site {__version__} ({_code_digest()}); markdown {markdown.__version__}; "
    f"nh3 {nh3.__version__}; pygments {pygments.__version__}; "  # type: ignore[attr-defined]
    f"latex2mathml {_version('latex2mathml')}; emoji {_version('emoji')}; "
    f"python {sys.version_info[0]}.{sys.version_info[1]}"
)


def inputs_digest(folders: list[Path], files: list[Path], extra: str) -> str:
    """Name, size and mtime of every input file: equal digests mean an identical build."""
    return lines_digest(input_stamps(folders, files), extra)


#: What editors write beside the file being edited: backups (`name~`), Emacs's auto-saves
#: (`#name#`) and locks (`.#name`), Vim's swap files (`.name.swp`, `.swo`, ...) and the file
#: `4913` it writes and deletes to test a folder on each save, Kate's swap files
#: (`.name.kate-swp`). Vim and Kate rewrite their swap files every few seconds of typing, so
#: were these inputs, `serve` would build again and again, and `static/` would publish them.
EDITOR_FILE = re.compile(r".*~|#.*#|\.#.*|\..*\.sw[a-p]|\..*\.kate-swp|4913", re.DOTALL)
#: What file browsers write into a folder they show: macOS Finder's view settings, Windows
#: Explorer's thumbnail cache and folder settings (in any letter case, as Windows writes them).
#: No site means to publish one, and Finder rewrites `.DS_Store` as a folder is browsed.
OS_FILES = frozenset({".ds_store", "thumbs.db", "desktop.ini"})


def is_stray_file(name: str) -> bool:
    """Whether a file of this name is an editor's or a file browser's, never the site's (see
    EDITOR_FILE and OS_FILES)."""
    return EDITOR_FILE.fullmatch(name) is not None or name.casefold() in OS_FILES


def input_stamps(folders: list[Path], files: list[Path], linked: Collection[Path] = ()) -> list[str]:
    """One line per input file: its path, size and mtime (or why it could not be read); and
    one per folder, so a folder that comes or goes (even an empty one, which a build warns
    of when its name ends in .md) is a change.

    Linked folders are entered only below the folders in `linked`: a template is looked up by
    its path, through any link, while content/ and static/ are walked without entering one.
    Stamped as a link's size and time, an edit of a file behind it went unseen."""
    lines = list(map(_stamp_line, files))
    for folder in folders:
        path = os.fspath(folder)
        lines += _folder_stamps(path, (os.path.realpath(path),) if folder in linked else None)
    return lines


def lines_digest(stamps: list[str], extra: str) -> str:
    """A file name that is not UTF-8 is digested as the bytes it is on disk (os.fsdecode kept
    them as surrogates), so stamping never fails before such a name can be reported."""
    return digest("\n".join([FINGERPRINT, extra, *stamps]).encode("utf-8", "surrogateescape"))


def stamped_path(line: str) -> str:
    """The path a line of input_stamps is about, whatever its stamp: a file's size and times,
    `missing`, or a folder's `folder -`, `loop -` or `unlisted <errno>`."""
    if line.endswith(" missing"):
        return line[: -len(" missing")]
    return stamped_file(line) or line.rsplit(" ", 2)[0]


def stamped_file(line: str) -> str | None:
    """The file a line of input_stamps is about, when it was read (else None)."""
    path, *stamp = [*line.rsplit(" ", 3), "", "", ""][:4]
    return path if all(number.isdigit() for number in stamp) else None


def _folder_stamps(folder: str, walked: tuple[str, ...] | None = None) -> list[str]:
    """A folder that cannot be listed is stamped by its error, so it never reads as unchanged:
    a chmod keeps names, sizes and times, and a replayed build would lose its terms silently.

    `walked`, when linked folders are entered: the real paths of the folders walked down to
    this one. A link to one of them or to a folder holding one (`up -> ..`) is a loop, stamped
    as such and not entered; what it leads to is stamped already, where the walk came from."""
    try:
        entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
    except OSError as exc:
        return [f"{folder} unlisted {exc.errno}"]
    lines = []
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            lines.append(f"{entry.path} folder -")
            below = None if walked is None else (*walked, os.path.join(walked[-1], entry.name))
            lines += _folder_stamps(entry.path, below)
        elif walked is not None and _leads_to_folder(entry):
            target = os.path.realpath(entry.path)
            if leads_back(target, walked):
                lines.append(f"{entry.path} loop -")
            else:
                lines.append(f"{entry.path} folder -")
                lines += _folder_stamps(entry.path, (*walked, target))
        elif not is_stray_file(entry.name):
            lines.append(_stamp_line(entry))
    return lines


def _leads_to_folder(entry: os.DirEntry[str]) -> bool:
    try:
        return entry.is_dir()
    except OSError:  # stamped by _stamp_line as what cannot be read
        return False


def leads_back(target: str, walked: Sequence[str]) -> bool:
    """Whether a linked folder whose real path is `target` is one of the folders `walked` down
    to it (real paths too) or holds one: entering it would walk them again, without end."""
    return any(_holds(target, place) for place in walked)


def _holds(folder: str, path: str) -> bool:
    """Whether `path` is `folder` or below it; both real paths."""
    return path == folder or path.startswith(os.path.join(folder, ""))


def _stamp_line(file: Path | os.DirEntry[str]) -> str:
    try:
        info = file.stat()
    except OSError:
        return f"{os.fspath(file)} missing"
    return f"{os.fspath(file)} {info.st_size} {info.st_mtime_ns} {info.st_ctime_ns}"
