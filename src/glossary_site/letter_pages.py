"""A big glossary's A to Z, a page per letter: past views.LETTER_PAGES_ABOVE entries the home
page keeps only the jump bar, and each letter's entries are listed on `a-z/<letter>/`
(a_to_z.letter_path) as the home page lists them below that; a letter A to Z of more than
views.LETTERED_GROUP entries in parts by their first two letters (parts_of), with a jump bar
to them.

A letter page's record is what it shows: each of its entries' name and whether it is another
name, the face of the term it leads to (a digest in the key text, see fingerprint.record_text),
and every letter's count for its jump bar; the parts come from the entries' names and
`sort_as`, so the record covers them too. So a save that renames a term, adds an alias or
edits a summary changes the keys of the letter pages showing it, and of all of them when a
count changes, and nothing else; warm.py removes a letter page no entry is under any more.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from glossary_site import views
from glossary_site.a_to_z import jump_letters, letter_of, letter_parts, letter_path
from glossary_site.labels import say
from glossary_site.model import Face, Glossary, PageJob, distinct_aliases
from glossary_site.page_jobs import PageMaker
from glossary_site.render import TEMPLATES

#: An entry of a letter page's record: its name, whether it is another name, its term's face,
#: and the name a title is filed under instead (its term's `sort_as`, else "").
Entry = tuple[str, bool, Face, str]


class LetterPart(NamedTuple):
    """A part of a long letter's page: the entries filed under two letters ('Sa'), under a
    heading whose `id` the jump bar within the letter links to."""

    label: str
    id: str
    entries: list[views.AzEntry]


def letter_entries(glossary: Glossary, faces: Mapping[str, Face], language: str) -> dict[str, list[Entry]]:
    """Each letter's entries in jump-bar order (the site's `language`'s), or none when the home
    page lists them all."""
    found: dict[str, list[Entry]] = {}
    total = 0
    for slug, term in glossary.terms.items():
        face = faces[slug]
        for name, alias, sort_as in (
            (term.title, False, term.sort_as),
            *((a, True, "") for a in distinct_aliases(term.title, term.aliases)),
        ):
            found.setdefault(letter_of(sort_as or name, language), []).append((name, alias, face, sort_as))
            total += 1
    if total <= views.LETTER_PAGES_ABOVE:
        return {}
    return {letter: found[letter] for letter in jump_letters(found, language) if letter in found}


def letter_paths(glossary: Glossary, language: str) -> list[str]:
    """The letter pages a build writes, in jump-bar order (for warm.py)."""
    return list(letter_slugs(glossary, language))


def letter_slugs(glossary: Glossary, language: str) -> dict[str, set[str]]:
    """Each letter page's path and the terms it lists, in jump-bar order (for the sitemap)."""
    faces = {slug: Face(slug, term.title, term.summary) for slug, term in glossary.terms.items()}
    return {
        letter_path(letter, language): {face.slug for _, _, face, _ in entries}
        for letter, entries in letter_entries(glossary, faces, language).items()
    }


def letter_jobs(
    maker: PageMaker, glossary: Glossary, faces: Mapping[str, Face], term_link: views.TermLinks
) -> list[PageJob]:
    language = maker.config.language
    by_letter = letter_entries(glossary, faces, language)
    counts = tuple((letter, len(entries)) for letter, entries in by_letter.items())
    jobs = []
    for letter, entries in by_letter.items():
        record = (letter, counts, tuple(entries))

        def view(letter: str = letter, entries: list[Entry] = entries) -> dict[str, Any]:
            return letter_view(maker.config.labels, language, letter, entries, dict(counts), term_link)

        jobs.append(maker.record_job(TEMPLATES["a_to_z_letter"], letter_path(letter, language), record, view))
    return jobs


def letter_view(
    labels: Mapping[str, str],
    language: str,
    letter: str,
    entries: list[Entry],
    counts: Mapping[str, int],
    term_link: views.TermLinks,
) -> dict[str, Any]:
    """A letter's page: its entries under its one letter, and the jump bar to the others."""
    root = "../../"
    lines = [
        views.AzEntry(name, term_link(face.slug, root), alias, as_) for name, alias, face, as_ in entries
    ]
    title = say(labels, "a_to_z_letter", letter=letter)
    sections = views.lettered(lines, language)["sections"]
    return {
        "title": title,
        "description": say(labels, "a_to_z_letter_count", count=len(entries), letter=letter),
        "letter": letter,
        "count": len(entries),
        "letters": [(shown, shown in counts) for shown in jump_letters(counts, language)],
        "sections": sections,
        "letter_pages": views.letter_links(counts, language, root, letter),
        "letter_parts": parts_of(letter, sections[0][1]),
    }


def parts_of(letter: str, entries: list[views.AzEntry]) -> list[LetterPart]:
    """A letter A to Z's entries in parts by their first two letters (a_to_z.letter_parts) when
    they are more than a long category lists in one (views.LETTERED_GROUP): S's 3,380 entries
    at 10,000 terms were one list, ~350 phone screens, with nowhere to jump to. Another
    alphabet's letter, a kana row, a language's own letter and '#' keep their one list: their
    second letters would each need the folding and order of their own script."""
    if not ("A" <= letter <= "Z" and len(entries) > views.LETTERED_GROUP):
        return []
    parts, start = [], 0
    for label, count in letter_parts(letter, (entry.sort_as or entry.name for entry in entries)):
        parts.append(LetterPart(label, f"within-{label}", entries[start : start + count]))
        start += count
    return parts
