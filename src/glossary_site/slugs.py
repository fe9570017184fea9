"""Slugs: the URL-safe names of terms, categories and tags (lowercase letters, digits, hyphens)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NON_SLUG_RE = re.compile(r"[^a-z0-9]+")
# A folder name must fit the file systems' 255 bytes, with room for a suffix while writing.
MAX_SLUG = 200
# Latin letters that Unicode does not decompose into a base letter and an accent, written the
# way their languages spell them in ASCII; without this, 'Straße' would become 'strae'.
_LATIN_LETTERS = str.maketrans(
    {
        "ß": "ss", "ẞ": "SS", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "ø": "o", "Ø": "O",
        "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "đ": "d", "Đ": "D",
        "ħ": "h", "Ħ": "H", "ı": "i", "ŀ": "l", "Ŀ": "L", "ŋ": "ng", "Ŋ": "NG", "ĸ": "k",
    }
)  # fmt: skip


def slug_of_file(path: str) -> str:
    """The slug a term file has when its front matter says none."""
    stem = Path(path).stem
    return stem if SLUG_RE.match(stem) else slugify(stem)


def slugify(text: str) -> str:
    """A URL-safe slug for category and tag names, and the suggestion for bad file names."""
    latin = unicodedata.normalize("NFKD", text.translate(_LATIN_LETTERS))
    ascii_text = latin.encode("ascii", "ignore").decode()
    return NON_SLUG_RE.sub("-", ascii_text.lower()).strip("-")


def slug_problem(slug: str) -> str | None:
    """Why `slug` cannot name a page, worded to follow it, or None."""
    if not SLUG_RE.match(slug):
        return "must be lowercase letters, digits and single hyphens"
    if len(slug) > MAX_SLUG:
        return f"is {len(slug)} characters long; a slug has at most {MAX_SLUG}"
    return None
