"""The pages each title and alias names, in small files the browser looks a query up in.

Search puts the page a query names exactly first (search-engine.js), but it can only tell
which page that is among the results whose data it loads, a bounded number of Pagefind's
best. On a 10,000-term glossary Pagefind can rank "Weight Sampling" below dozens of
"... Weight Sampling ..." titles that repeat its words, past every result looked at, so the
very term typed was not listed. These files name the page outright: BUCKETS of them, each
holding the names whose key (below) hashes to it, so one query reads one file of a few
kilobytes, never the whole list of names (names.json, read only for "Did you mean").

search-engine.js computes the same key and hash; the two must agree letter for letter.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

#: The folder, inside the index's, of the files; each is named by its bucket in two hex digits.
FOLDER = "named"
#: Enough that a 10,000-term glossary's 20,000 names make files of about 10 kB; every file is
#: written, empty or not, so the browser never asks for one that is missing.
BUCKETS = 256
_QUOTES = re.compile('["\u201c\u201d]')
_SPACE = re.compile(r"\s+")
#: The accents search-engine.js drops (Unicode's combining diacritical marks), as Pagefind
#: matches "elagage" to "élagage".
_ACCENTS = re.compile("[\u0300-\u036f]")
#: The letters a French or German keyboard without them spells as two: "oeuvre" names Œuvre,
#: "massstab" Maßstab; and those with a stroke or without their dot, which a keyboard without
#: them types as the plain letter: "zrodlo" names Źródło, "isik" the Turkish for light. No accent
#: to drop, so NFD keeps them whole; the capitals are lowered first.
_SPELLED_OUT = str.maketrans(
    {"œ": "oe", "æ": "ae", "ß": "ss", "ł": "l", "\u0131": "i", "ø": "o", "đ": "d", "ħ": "h"}
)
#: A query may name a title in another form (search-engine.js otherForms): only its end
#: changes, by "s", "es", "'s" or "ies" for "y", so without its last run of these letters a
#: name and each of its forms have one key and are in one file.
_ENDING = re.compile("[se'iy]+$")


@dataclass(frozen=True)
class Named:
    """A page with every name it goes by; `url` is its address from the site's root (terms/<slug>/),
    as the index's folder is at the root."""

    url: str
    title: str
    summary: str
    names: tuple[str, ...]


def normal(text: str) -> str:
    """The query as search-engine.js compares it: quotes and accents aside, one case, œ æ ß
    spelled out, ł, dotless i, ø, đ, ħ plain, compatibility forms (full-width, half-width) as
    their plain ones, spaces collapsed; "elagage", typed where a keyboard has no É, names
    Élagage, and LLM in full-width letters, typed by a Japanese input method, LLM."""
    lower = _QUOTES.sub("", text).replace("\u2019", "'").lower().translate(_SPELLED_OUT)
    bare = unicodedata.normalize("NFKC", _ACCENTS.sub("", unicodedata.normalize("NFKD", lower)))
    return _SPACE.sub(" ", bare).strip()


def bucket(text: str) -> str:
    """The file a name or query (already normal) is in: FNV-1a of its key's UTF-8 bytes."""
    value = 0x811C9DC5
    for byte in _ENDING.sub("", text).encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) & 0xFFFFFFFF
    return f"{value % BUCKETS:02x}"


def files(pages: Iterable[Named]) -> dict[str, str]:
    """Every bucket's file name and JSON text: [name, url, title, summary] rows, the name
    normal, the url relative to the file, sorted so the same site gives the same bytes."""
    rows: dict[str, set[tuple[str, str, str, str]]] = {f"{index:02x}": set() for index in range(BUCKETS)}
    for page in pages:
        for name in {normal(name) for name in page.names if normal(name)}:
            rows[bucket(name)].add((name, f"../../{page.url}", page.title, page.summary))
    return {
        f"{key}.json": json.dumps(sorted(found), ensure_ascii=False, separators=(",", ":")) + "\n"
        for key, found in rows.items()
    }
