"""Opt-in auto-linking: the first mention of another term in a body becomes a link.

Works on the sanitised HTML: text inside links, code, pre, formulas and headings is never touched.
Names match as whole words, ignoring case and Unicode form (model.name_key), with simple
English plurals, longest name first, and each term is linked at most once per page (and never
from its own page).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from glossary_site.model import Glossary, name_key
from glossary_site.wikilinks import term_anchor

TAG_RE = re.compile(r"(<[^>]*>)")
#: A word, with the accents written apart from their letters (e and U+0301 for é, as macOS
#: tools often write it), which are no word characters to `\w` and would end it at its "e".
WORD = r"\w(?:\w|[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f])*"
WORD_RE = re.compile(WORD)
TOKEN_RE = re.compile(rf"(?<![&#\w]){WORD}")
SKIP = {"a", "code", "pre", "math", "kbd", "samp", "script", "style", "h1", "h2", "h3", "h4", "h5", "h6"}
TAG_NAME_RE = re.compile(r"^</?\s*([a-zA-Z0-9]+)")


def _words(text: str) -> tuple[str, ...]:
    return tuple(name_key(w) for w in WORD_RE.findall(text))


class Autolinker:
    """Built once per build: every name of every term, as sequences of words."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self.names: dict[tuple[str, ...], str] = {}
        for slug, term in glossary.terms.items():
            for name in (term.title, *term.aliases):
                words = _words(name)
                if words:
                    self.names.setdefault(words, slug)
        self.longest = max((len(words) for words in self.names), default=0)

    def find(self, words: list[str], start: int) -> tuple[str, int] | None:
        """The term named by the longest run of words from `start`, and that run's length."""
        for size in range(min(self.longest, len(words) - start), 0, -1):
            run = words[start : start + size]
            for last in _singulars(run[-1]):
                slug = self.names.get((*run[:-1], last))
                if slug is not None:
                    return slug, size
        return None

    def link(self, fragment: str, own: str, linked: Iterable[str]) -> str:
        done = {own, *linked}
        parts = TAG_RE.split(fragment)
        depth = 0
        for index, part in enumerate(parts):
            if index % 2:
                depth = _depth(part, depth)
            elif depth == 0 and part.strip():
                parts[index] = self._link_text(part, done)
        return "".join(parts)

    def _link_text(self, text: str, done: set[str]) -> str:
        tokens = list(TOKEN_RE.finditer(text))
        words = [name_key(t.group(0)) for t in tokens]
        out, cursor, position = [], 0, 0
        while position < len(tokens):
            found = self.find(words, position)
            if found is None or found[0] in done:
                position += found[1] if found else 1
                continue
            slug, size = found
            start, end = tokens[position].start(), tokens[position + size - 1].end()
            out.append(text[cursor:start])
            out.append(term_anchor(self.glossary.terms[slug], text[start:end], "wikilink autolink"))
            cursor, position = end, position + size
            done.add(slug)
        out.append(text[cursor:])
        return "".join(out)


def _singulars(word: str) -> list[str]:
    found = [word]
    if word.endswith("ies") and len(word) > 4:
        found.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 3:
        found.append(word[:-2])
    if word.endswith("s") and len(word) > 2:
        found.append(word[:-1])
    return found


def _depth(tag: str, depth: int) -> int:
    """Inside how many elements that must not get links we are, after this tag."""
    name = TAG_NAME_RE.match(tag)
    if name is None or name.group(1).lower() not in SKIP or tag.endswith("/>"):
        return depth
    return max(0, depth - 1) if tag.startswith("</") else depth + 1
