"""Editorial health warnings: things that are valid but make a weaker glossary.

They are warnings, so they fail a build only with --strict, and they run in `build` and
`check` alike. Each is linear in the number of terms, so 10,000 terms cost nothing.
"""

from __future__ import annotations

import re

from glossary_site.diagnostics import Diagnostics
from glossary_site.model import Glossary, TermSource

MIN_RELATED = 2
WORD_RE = re.compile(r"[a-z0-9]+")
TODO_RE = re.compile(r"\bTODO\b")


def check_health(glossary: Glossary, diagnostics: Diagnostics) -> None:
    for slug, term in glossary.terms.items():
        if len(glossary.related[slug]) < MIN_RELATED:
            diagnostics.warning(
                term.path,
                term.key_lines.get("related", 1),
                f"only {len(glossary.related[slug])} related term(s); list at least {MIN_RELATED}",
            )
        if not _mentions_itself(term):
            diagnostics.warning(
                term.path,
                term.definition_line,
                f"the definition never mentions '{term.title}' or an alias; readers landing here "
                "should see the term they looked up",
            )
        if TODO_RE.search(" ".join((term.title, term.summary, term.definition, term.category or ""))):
            diagnostics.warning(term.path, 1, "TODO placeholders are left in this term; replace them")
    _check_summaries(list(glossary.terms.values()), diagnostics)


def _check_summaries(terms: list[TermSource], diagnostics: Diagnostics) -> None:
    """Same words (ignoring case, punctuation and order) means two terms read alike in lists."""
    groups: dict[frozenset[str], list[TermSource]] = {}
    for term in terms:
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
    """Compared as space-separated lower-case words: a regex per term would cost seconds at 10k."""
    text = f" {' '.join(WORD_RE.findall(term.definition.casefold()))} "
    for name in (term.title, *term.aliases):
        words = " ".join(WORD_RE.findall(name.casefold()))
        if words and any(f" {words}{plural} " in text for plural in ("", "s", "es")):
            return True
    return False
