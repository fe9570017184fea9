"""Editorial health warnings: things that are valid but make a weaker glossary.

They are warnings, so they fail a build only with --strict, and they run in `build` and
`check` alike. Each is linear in the number of terms, so 10,000 terms cost nothing.
"""

from __future__ import annotations

import re
import unicodedata

from glossary_site.a_to_z import folded_name
from glossary_site.content import TODO_RE
from glossary_site.diagnostics import Diagnostic, Diagnostics, Severity
from glossary_site.model import Glossary, TermSource

MIN_RELATED = 2
#: Letters and digits, of any script.
WORD_RE = re.compile(r"[^\W_]+")
#: Scripts written without spaces between words, where a name is found inside a longer run of
#: letters ("计算是一种过程" mentions "计算"): the start of a Unicode character name.
UNSPACED = ("CJK ", "HIRAGANA ", "KATAKANA ", "HALFWIDTH KATAKANA ", "THAI ", "LAO ", "KHMER ", "MYANMAR ")
#: How many letters a word of the definition may have past a word of the name and still name
#: it: a plural or another form of it in most languages that write words apart ("tokens",
#: "réseaux de neurones", "Sprachmodellen", "redes neuronales").
ENDING = 2


def check_health(glossary: Glossary, diagnostics: Diagnostics) -> None:
    for slug, term in glossary.terms.items():
        diagnostics.items += related_warnings(term, len(glossary.related[slug]))
        _check_own_text(term, diagnostics)
    _check_summaries(list(glossary.terms.values()), diagnostics)


def related_warnings(term: TermSource, related: int) -> list[Diagnostic]:
    """The warning about a term that lists too few related terms (`related` of them)."""
    if related >= MIN_RELATED:
        return []
    message = f"only {related} related term(s); list at least {MIN_RELATED}"
    return [Diagnostic(term.path, term.key_lines.get("related", 1), message, Severity.WARNING)]


def summary_warnings(glossary: Glossary) -> list[Diagnostic]:
    """The warnings about summaries that read alike, which any term's summary can change."""
    found = Diagnostics()
    _check_summaries(list(glossary.terms.values()), found)
    return found.items


def own_warnings(term: TermSource) -> list[Diagnostic]:
    """The warnings about the term's own text alone: the definition never naming the term."""
    found = Diagnostics()
    _check_own_text(term, found)
    return found.items


def _check_own_text(term: TermSource, diagnostics: Diagnostics) -> None:
    if not _mentions_itself(term):
        diagnostics.warning(
            term.path,
            term.definition_line,
            f"the definition never mentions '{term.title}' or an alias; readers landing here "
            "should see the term they looked up",
        )


def _check_summaries(terms: list[TermSource], diagnostics: Diagnostics) -> None:
    """Same words (ignoring case, punctuation and order) means two terms read alike in lists.
    A summary still TODO is warned of as such, not as the same as every other stub's."""
    groups: dict[frozenset[str], list[TermSource]] = {}
    for term in terms:
        if TODO_RE.search(term.summary):
            continue
        words = WORD_RE.findall(term.summary.casefold())
        key = frozenset(words) if len(words) >= 4 else frozenset([" ".join(words)])
        groups.setdefault(key, []).append(term)
    for group in groups.values():
        if len(group) < 2:
            continue
        for term in group:
            other = group[1] if term is group[0] else group[0]
            how = "the same" if other.summary.casefold() == term.summary.casefold() else "almost the same"
            diagnostics.warning(
                term.path,
                term.key_lines.get("summary", 1),
                f"summary is {how} as the one of '{other.title}' ({other.path}); say what sets it apart",
            )


def _mentions_itself(term: TermSource) -> bool:
    """Compared as words, case, accents and punctuation aside ("fine tuning" names
    "Fine-tuning", "oeuvre" "Œuvre"), each word of the definition with up to ENDING letters
    past the name's: a French, German or Spanish definition names its term in the plural or
    another case as often as not ("Les réseaux de neurones…", "des Sprachmodells").

    Most definitions name their term verbatim, which a plain substring test confirms; only
    the rest pay for splitting the definition into words.
    """
    definition = term.definition.casefold()
    names = [name.casefold() for name in (term.title, *term.aliases) if WORD_RE.search(name.casefold())]
    if any(_has_word(definition, name) for name in names):
        return True
    text = WORD_RE.findall(folded_name(term.definition))
    return any(_named_in(text, WORD_RE.findall(folded_name(name))) for name in names)


def _named_in(text: list[str], name: list[str]) -> bool:
    """Whether the words of `name` follow one another in `text`, each maybe with an ending."""
    size = len(name)
    return size > 0 and any(
        all(map(_names, text[at : at + size], name)) for at in range(len(text) - size + 1)
    )


def _names(word: str, part: str) -> bool:
    """A word of 3 letters or more may take any ending ("GANs", "réseaux"); a shorter one only
    an English plural's ("AIs"), or "aim" would name "AI"."""
    if len(part) < 3:
        return word in (part, f"{part}s", f"{part}es")
    return word.startswith(part) and len(word) - len(part) <= ENDING


def _has_word(text: str, name: str) -> bool:
    at = text.find(name)
    if at < 0:
        return False
    before, after = text[at - 1 : at] if at else "", text[at + len(name) : at + len(name) + 1]
    return _word_edge(before, name[:1]) and _word_edge(after, name[-1:])


def _word_edge(neighbour: str, edge: str) -> bool:
    """Whether a name ends here: the neighbour is no letter or digit, or either side is in a
    script written without spaces."""
    if not WORD_RE.match(neighbour or " "):
        return True
    return any(unicodedata.name(char, "").startswith(UNSPACED) for char in (neighbour, edge))
