"""Problems found in content, collected so one run can report all of them."""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from enum import Enum


class Severity(Enum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True, slots=True)
class Diagnostic:
    path: str
    line: int
    message: str
    severity: Severity = field(default=Severity.ERROR, compare=False)

    def __post_init__(self) -> None:
        """A message that quoted a text of content whole (a title of megabytes, a name pasted
        with a page of text) would bury the path and the advice: each long quotation is cut as
        `clipped` cuts a key, once the message is longer than any written in full needs to be."""
        if len(self.message) > LONGEST_MESSAGE:
            cut = _LONG_QUOTATION_RE.sub(lambda found: f"'{clipped(found.group(1))}'", self.message)
            object.__setattr__(self, "message", cut)

    def __str__(self) -> str:
        """One printable line: text quoted from content cannot break it or drive the terminal."""
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{printable(self.path)}:{self.line}: {prefix}{printable(self.message)}"


class ContentError(Exception):
    """Raised where one file cannot go on; the loop over files records it and moves on."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(message)
        self.diagnostic = Diagnostic(path, line, message)

    @classmethod
    def of(cls, diagnostic: Diagnostic) -> ContentError:
        return cls(diagnostic.path, diagnostic.line, diagnostic.message)


@dataclass
class Diagnostics:
    items: list[Diagnostic] = field(default_factory=list)

    def error(self, path: str, line: int, message: str) -> None:
        self.items.append(Diagnostic(path, line, message, Severity.ERROR))

    def warning(self, path: str, line: int, message: str) -> None:
        self.items.append(Diagnostic(path, line, message, Severity.WARNING))

    def add(self, diagnostic: Diagnostic) -> None:
        self.items.append(diagnostic)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.ERROR]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.items if d.severity is Severity.WARNING]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))

    def sorted(self) -> list[Diagnostic]:
        """Sorted by path then line, so output is the same whatever order stages ran in."""
        return sorted(set(self.items), key=lambda d: (d.path, d.line, d.message))

    def errors_first(self) -> list[Diagnostic]:
        """The errors, then the warnings, each in file and line order: on a big site the error
        that stopped the build would otherwise come after hundreds of warnings, to scroll to."""
        return sorted(self.sorted(), key=lambda d: d.severity is not Severity.ERROR)


#: Control characters, line separators and the direction controls that reorder a terminal's
#: line (a title's U+202E would turn the rest of the message around).
CONTROL_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def printable(text: object) -> str:
    """One line whatever an editor or a command's argument holds, and no escape code reaching
    the terminal: each control character shown as \\uXXXX."""
    return CONTROL_RE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", str(text))


#: Keys other generators and habits use for the ones here, which no spelling rule finds.
KEY_SYNONYMS = {
    "question": "q",
    "answer": "a",
    "name": "title",
    "link": "url",
    "href": "url",
    "header": "columns",
    "headers": "columns",
    "lastmod": "updated",
    "date": "updated",
    "created": "updated",
    "modified": "updated",
    "description": "summary",
    "sort_key": "sort_as",
    "sortkey": "sort_as",
    "sort_title": "sort_as",
    "sort_name": "sort_as",
    "lang": "language",
    "languagecode": "language",
    "baseurl": "base_url",
    # the heading a term's page shows its faq under
    "practice_questions": "faq",
    "questions": "faq",
}

#: Fields other generators have for what has no counterpart here: what the message says instead
#: of "did you mean".
UNMATCHED_FIELDS = {
    "weight": "; lists here are in A–Z order, and there is no order set by hand: delete it",
    "url": "; a term's address is terms/<slug>/, its slug the file name or 'slug': use 'slug'",
    "publishdate": "; a term is published unless it is a draft (draft: true): delete it",
    "expirydate": "; no date takes a page down: delete it, and mark the file draft: true when it is to go",
    "layout": "; each kind of page has one template (term.html, tool.html), set in templates/: delete it",
}


#: How much of a text from content a message quotes: enough to find it in the file.
QUOTED = 40
#: Longer than this, a message has quoted some text whole that it should have clipped.
LONGEST_MESSAGE = 1000
_LONG_QUOTATION_RE = re.compile(f"'([^'\n]{{{QUOTED + 1},}})'")


def clipped(text: str, limit: int = QUOTED) -> str:
    """`text` as a message quotes it, cut with an ellipsis after `limit` characters: a key of
    thousands of characters would otherwise make a line too long to read, or to find the
    file's name in. Whatever is worked out from the text ("did you mean") uses all of it."""
    return text if len(text) <= limit else text[:limit] + "…"


def listed_again(what: str, first: int, line: int) -> str:
    """The warning for a name a file lists twice, pointing to where it was listed first."""
    where = "twice" if first == line else f"already (line {first})"
    return f"{what} is listed {where}; remove one"


#: A wiki-link as written in Markdown, `[[Name]]` or `[[Name|shown]]`: the name, and the rest.
_WIKI_LINK = re.compile(r"\[\[([^\]|]*)(?:\|[^\]]*)?\]\]")


def wiki_bracketed(text: str) -> bool:
    """Whether a name is written with the `[[ ]]` of a wiki-link, which a list of names in front
    matter (`related`, `aliases`, `tags`) does not take."""
    return "[[" in text or "]]" in text


def listed_names(text: str) -> list[str]:
    """The names in one text meant as several (`[[Stock]], fond`): its comma-separated parts,
    without the `[[ ]]` of a wiki-link, as a list in front matter names them."""
    bare = _WIKI_LINK.sub(r"\1", text).replace("[[", "").replace("]]", "")
    return [part.strip() for part in bare.split(",")]


def first_of_each(
    values: Sequence[str], lines: Sequence[int], what: Callable[[str], str]
) -> tuple[tuple[str, ...], list[tuple[int, str]]]:
    """Each value once, in order, and a warning (line, message) at each value given again,
    pointing to the first: the repeat changes nothing, but may be a slip for another value.
    `what` names a value in the message."""
    first: dict[str, int] = {}
    repeats: list[tuple[int, str]] = []
    for value, line in zip(values, lines, strict=True):
        if value in first:
            repeats.append((line, listed_again(what(value), first[value], line)))
        first.setdefault(value, line)
    return tuple(first), repeats


def did_you_mean(value: str, candidates: Iterable[str]) -> str:
    """A ' did you mean ...?' suffix naming the closest candidate, or '' when none is close."""
    return suggesting(meant_by(value, candidates))


def suggesting(meant: str | None) -> str:
    return f"; did you mean '{meant}'?" if meant is not None else ""


def meant_by(value: str, candidates: Iterable[str]) -> str | None:
    """The candidate closest to `value`, or None when none is close; for a key (KEY_SYNONYMS)
    also the one it stands for."""
    pool = {str(c).casefold(): str(c) for c in candidates}
    synonyms = {word: key for word, key in KEY_SYNONYMS.items() if key in pool}
    word = value.casefold()
    close = synonyms.get(word) or closest(word, pool)
    if close is None:  # a slip in a word that stands for a key ('questin': 'question', so 'q')
        close = synonyms.get(closest(word, synonyms) or "")
    return pool[close] if close is not None else None


def closest(word: str, candidates: Iterable[str], cutoff: float = 0.6) -> str | None:
    """`difflib.get_close_matches(word, candidates, n=1, cutoff)[0]`, or None, without working
    out the full similarity of a candidate that cannot win.

    difflib works it out for every candidate close enough, a millisecond each among a big
    glossary's similar titles: a second per unknown name at 10,000 terms, and renaming a term
    others link to by title leaves dozens. Its quick ratio bounds the full one from above, so
    candidates are tried best bound first until the bound falls below the best found; ties go to
    the greater text, as in difflib.
    """
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(word)
    bounds = []
    for candidate in candidates:
        matcher.set_seq1(candidate)
        if matcher.real_quick_ratio() >= cutoff and (bound := matcher.quick_ratio()) >= cutoff:
            bounds.append((bound, candidate))
    bounds.sort(reverse=True)
    best: tuple[float, str] | None = None
    for bound, candidate in bounds:
        if best is not None and bound < best[0]:
            break
        matcher.set_seq1(candidate)
        score = matcher.ratio()
        if score >= cutoff and (best is None or (score, candidate) > best):
            best = (score, candidate)
    return best[1] if best is not None else None


def github_annotation(diagnostic: Diagnostic) -> str:
    """One GitHub Actions workflow command, so problems appear on the pull request's lines."""
    level = "warning" if diagnostic.severity is Severity.WARNING else "error"
    path = _escape_property(diagnostic.path)
    message = _escape_data(diagnostic.message)
    return f"::{level} file={path},line={diagnostic.line},title=glossary::{message}"


def _escape_data(value: str) -> str:
    """GitHub's escapes for the line breaks that would end the command, then, as in the text
    format, every other control character shown as \\uXXXX (U+0085 breaks lines too)."""
    return printable(value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A"))


def _escape_property(value: str) -> str:
    return _escape_data(value).replace(":", "%3A").replace(",", "%2C")


def as_json(diagnostics: Diagnostics, ok: bool, extra: dict[str, object] | None = None) -> str:
    items = [
        {"path": d.path, "line": d.line, "severity": d.severity.value, "message": d.message}
        for d in diagnostics.sorted()
    ]
    summary = {"ok": ok, "errors": len(diagnostics.errors), "warnings": len(diagnostics.warnings)}
    return json.dumps({**summary, "diagnostics": items, **(extra or {})}, ensure_ascii=False, indent=2)
