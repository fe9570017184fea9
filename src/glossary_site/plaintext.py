"""Plain text from rendered HTML, for descriptions in structured data and feeds."""

from __future__ import annotations

import html
import re

TAG_RE = re.compile(r"<[^>]+>")
SPACE_RE = re.compile(r"\s+")


def plain_text(fragment: str) -> str:
    return SPACE_RE.sub(" ", html.unescape(TAG_RE.sub("", fragment))).strip()
