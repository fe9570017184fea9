"""Slugs: the URL-safe names of terms, categories and tags (lowercase letters, digits, hyphens)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NON_SLUG_RE = re.compile(r"[^a-z0-9]+")


def slug_of_file(path: str) -> str:
    """The slug a term file has when its front matter says none."""
    stem = Path(path).stem
    return stem if SLUG_RE.match(stem) else slugify(stem)


def slugify(text: str) -> str:
    """A URL-safe slug for category and tag names, and the suggestion for bad file names."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return NON_SLUG_RE.sub("-", ascii_text.lower()).strip("-")
