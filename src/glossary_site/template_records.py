"""What reading a template found (the templates it names, and how), kept between builds beside
its compiled code: parsing and compiling every theme template to learn it took most of a small
site's build, again at every one. The answer depends only on the template's text, its name
and this generator's release, which its key covers, so an edited template is read afresh; a
template with a problem is never kept, so its problem is found at every build."""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass
from pathlib import Path

import jinja2

from glossary_site import template_names
from glossary_site.cache import atomic_write
from glossary_site.fingerprint import FINGERPRINT, digest

SUFFIX = ".names.json"


@dataclass(frozen=True, slots=True)
class Record:
    #: The templates it names outright, sorted.
    children: tuple[str, ...]
    uses: tuple[template_names.Use, ...]
    #: Whether it names a template by a variable, so that any template may be one it uses.
    dynamic: bool


def key(name: str, shown: str, source: str) -> str:
    return digest(f"{FINGERPRINT}; jinja2 {jinja2.__version__}\0{name}\0{shown}\0{source}".encode())


def load(folder: Path, found: str) -> Record | None:
    """The record kept under the key `found`; None when there is none or it cannot be read as
    one (cut short by a full disk, or written by hand): the template is then read afresh."""
    try:
        data = json.loads((folder / f"{found}{SUFFIX}").read_bytes())
        uses = tuple((int(line), tuple(map(str, names)), bool(kept)) for line, names, kept in data["uses"])
        return Record(tuple(map(str, data["children"])), uses, bool(data["dynamic"]))
    except (OSError, ValueError, TypeError, KeyError):
        return None


def save(folder: Path, found: str, record: Record) -> None:
    """Written whole or not at all (builds running side by side may read it as it is written);
    a folder that cannot be written costs only the time the record would have saved."""
    text = json.dumps({"children": record.children, "uses": record.uses, "dynamic": record.dynamic})
    with contextlib.suppress(OSError):
        folder.mkdir(parents=True, exist_ok=True)
        atomic_write(folder / f"{found}{SUFFIX}", text.encode())
