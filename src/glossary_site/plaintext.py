"""Plain text from rendered HTML, for descriptions in structured data, feeds and meta tags."""

from __future__ import annotations

import html
import re

TAG_RE = re.compile(r"<[^>]+>")
SPACE_RE = re.compile(r"\s+")
#: What a page shows around the text but a description must not say: a heading's '#' link
#: and a footnote's number.
FURNITURE_RE = re.compile(r'<a class="headerlink"[^>]*>.*?</a>|<sup id="fnref:[^"]*">.*?</sup>', re.DOTALL)
#: What a description says for a formula (its TeX, which formulas.py keeps as `alttext`) and
#: for an image (its alt text): the text of their elements would read "12" for \frac{1}{2}.
SPOKEN_RE = re.compile(
    r'<math\b[^>]*?\balttext="([^"]*)"[^>]*>.*?</math>|<img\b[^>]*?\balt="([^"]*)"[^>]*>', re.DOTALL
)
#: The notes themselves, which close a field's HTML.
FOOTNOTES = '<div class="footnote">'
#: About what a search result shows of a meta description before cutting it off itself.
SNIPPET = 160


def plain_text(fragment: str) -> str:
    text = FURNITURE_RE.sub("", fragment.partition(FOOTNOTES)[0])
    text = SPOKEN_RE.sub(lambda found: found[1] or found[2] or "", text)
    return SPACE_RE.sub(" ", html.unescape(TAG_RE.sub("", text))).strip()


def snippet(text: str, limit: int = SNIPPET) -> str:
    """`text` cut at a word to at most `limit` characters, so a search result does not cut it
    mid-word at its own length."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    return (cut.rsplit(" ", 1)[0] if " " in cut else cut).rstrip(" ,;:.–—-") + "…"
