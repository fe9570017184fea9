"""Slugs: the URL-safe names of terms, categories and tags (lowercase letters, digits, hyphens;
a category or tag named in a script with no a-z spelling keeps its own letters), and the
anchors of Markdown headings."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NON_SLUG_RE = re.compile(r"[^a-z0-9]+")
#: What Python-Markdown's heading ids leave out of text spelled in ASCII.
_NOT_ANCHOR_RE = re.compile(r"[^\w\s-]")  # on ASCII text: its \w is ASCII too
#: The apostrophes that look like ' (U+2019, which French keyboards and autocorrect type; U+02BC;
#: U+2018, autocorrect's for one before a word): "L'œil" written with any is one name to a reader.
APOSTROPHES = str.maketrans(dict.fromkeys("\u2019\u02bc\u2018", "'"))
# A folder name must fit the file systems' 255 bytes, with room for a suffix while writing.
MAX_SLUG = 200
# Letters that Unicode does not decompose into an ASCII letter and an accent, spelled as
# their languages usually write them in Latin letters: without this, 'Straße' became 'strae'
# and a category written in Greek or Cyrillic had no address at all. Heading ids spell the
# Latin ones alike: 'Cœur' is 'coeur' in both.
_LATIN_SPELLED = {
    "ß": "ss", "æ": "ae", "œ": "oe", "ø": "o", "ł": "l", "þ": "th", "ð": "d", "đ": "d",
    "ħ": "h", "ı": "i", "ŀ": "l", "ŋ": "ng", "ĸ": "k",
}  # fmt: skip
_SPELLED = str.maketrans(
    _LATIN_SPELLED
    | APOSTROPHES  # a word break, as ' is: "l-oeil", not "loeil"
    | {
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th",
        "ι": "i", "κ": "k", "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p",
        "ρ": "r", "σ": "s", "ς": "s", "τ": "t", "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps",
        "ω": "o",
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
        "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch",
        "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        "і": "i", "є": "ye", "ґ": "g", "ђ": "dj", "ј": "j", "љ": "lj", "њ": "nj", "ћ": "c",
        "џ": "dz",
    }
)  # fmt: skip


def slug_of_file(path: str) -> str:
    """The slug a term file has when its front matter says none."""
    stem = Path(path).stem
    return stem if SLUG_RE.match(stem) else slugify(stem)


def slugify(text: str) -> str:
    """A URL-safe slug for category and tag names, and the suggestion for bad file names."""
    latin = unicodedata.normalize("NFKD", text.lower()).translate(_SPELLED)
    return NON_SLUG_RE.sub("-", latin.encode("ascii", "ignore").decode()).strip("-")


def group_slug(name: str) -> str:
    """The last part of a category's or tag's address: slugify's a-z spelling of its name, as
    it always was; a name that leaves nothing in a-z or 0-9 (one written in Arabic, Chinese,
    Japanese or Hindi) keeps its letters and digits as written, lowercased and NFC-normalised,
    with a hyphen between words (`تعلم الآلة` is `تعلم-الآلة`, `機械学習` stays `機械学習`), as
    Hugo's urlize keeps them: such a name had no page at all. Links give it percent-encoded
    (urls.address)."""
    return slugify(name) or _native_slug(name)


def _native_slug(name: str) -> str:
    words = []
    in_word = False  # a combining mark (Arabic's vowel signs, Devanagari's) stays with its letter
    for char in unicodedata.normalize("NFC", unicodedata.normalize("NFC", name).lower()):
        kind = unicodedata.category(char)
        if kind[0] in "LN" or (kind[0] == "M" and in_word):
            words.append(char)
            in_word = True
        elif kind != "Cf":  # a joiner or direction mark is invisible: it ends no word
            words.append(" ")
            in_word = False
    return "-".join("".join(words).split())


def heading_anchor(text: str, separator: str) -> str:
    """A Markdown heading's id: Python-Markdown's own (`Über uns` is `uber-uns`) for every
    letter it can spell in ASCII, and every other letter as written (`概述`, `كيف-تعمل`,
    `история`), as Hugo and GitHub keep them; Python-Markdown drops those, which left headings
    in Chinese, Arabic or Greek the ids `_1`, `_2`… that say nothing and change when a heading
    is added above them. Latin letters with no accent to drop are spelled as slugify spells
    them (`Cœur` is `coeur`, `Straße` `strasse`), as a title or tag of those words is. A
    combining mark stays with a letter kept as written (Devanagari's vowel signs, Hebrew points)
    and goes with one spelled in ASCII, as it always did."""
    # most headings are ASCII, where no character needs looking at on its own
    kept = _NOT_ANCHOR_RE.sub("", text) if text.isascii() else _letters_kept(text)
    return re.sub(rf"[{re.escape(separator)}\s]+", separator, kept.strip().lower())


def _letters_kept(text: str) -> str:
    kept: list[str] = []
    native = False  # the last character kept is a letter as written, whose marks stay with it
    for char in unicodedata.normalize("NFC", text):
        spelled = unicodedata.normalize("NFKD", char).encode("ascii", "ignore").decode()
        spelled = spelled or _LATIN_SPELLED.get(char.lower(), "")
        kind = unicodedata.category(char)[0]
        if spelled:
            kept.append(_NOT_ANCHOR_RE.sub("", spelled))
            native = False
        elif kind in "LN" or (kind == "M" and native):
            kept.append(char)
            native = True
        else:
            native = False
    return "".join(kept)


def slug_problem(slug: str) -> str | None:
    """Why `slug` cannot name a page, worded to follow it, or None."""
    if not SLUG_RE.match(slug):
        return "must be lowercase letters, digits and single hyphens"
    if len(slug) > MAX_SLUG:
        return f"is {len(slug)} characters long; a slug has at most {MAX_SLUG}"
    return None
