"""Wiki-links once every term is known: what each one points to, reported where it points to
nothing, and the links that take the place of the placeholders conversion left (markup.py).

Conversion cannot link a wiki-link, as it runs before the graph exists and, from the cache,
without it; filling a page's placeholders needs only what each target shows (a `Face`), so a
page can be remade from its saved record alone (term_edits.py).
"""

from __future__ import annotations

import html
import re

from glossary_site.diagnostics import Diagnostics, did_you_mean
from glossary_site.graph import may_name_unreadable, resolve, unknown_reference
from glossary_site.indentation import outside_all_code
from glossary_site.model import (
    PLACEHOLDER_HREF,
    Body,
    Breaks,
    Face,
    Glossary,
    RawBody,
    TermSource,
    Toolbox,
    WikiLink,
)
from glossary_site.slugs import heading_anchor
from glossary_site.tools import PREFIX as TOOL_PREFIX
from glossary_site.tools import resolve as tool_resolve
from glossary_site.yaml_lines import lines_down

#: Classless: sanitising removes the class `wikilink` (sanitise.THEME_CLASSES); fill_links gives it back.
PLACEHOLDER_RE = re.compile(rf'<a href="{PLACEHOLDER_HREF}(\d{{1,9}})">(.*?)</a>', re.DOTALL)
#: The ids the theme gives every term page (term.html, its partials, base.html): a link to one
#: leads somewhere, or at worst to the top of a page that has no such section (a term without
#: practice questions), which the build does not tell apart.
TERM_PAGE_IDS = frozenset(
    {
        "main", "site-search", "site-search-label", "term-backlinks", "term-cta", "term-definition",
        "term-faq", "term-graph", "term-related", "term-sources", "term-toc", "term-tools",
    }
)  # fmt: skip
ANCHOR_RE = re.compile(r"<a\b[^>]*>(.*?)</a>", re.DOTALL)


def theme_ids(term: TermSource) -> frozenset[str]:
    """The theme's ids on a term's page: its practice questions and further reading are there
    only when the term has them, so a link to them on another term's page leads nowhere."""
    return TERM_PAGE_IDS - {name for name, has in _optional_sections(term) if not has}


def present_sections(term: TermSource) -> list[str]:
    """The theme's sections a term's page has, after its definition, as a message lists them."""
    return [name for name, has in _optional_sections(term) if has]


def _optional_sections(term: TermSource) -> tuple[tuple[str, bool], ...]:
    return (("term-faq", bool(term.faq)), ("term-sources", bool(term.sources)))


def resolve_targets(
    path: str,
    wikilinks: tuple[WikiLink, ...],
    glossary: Glossary,
    diagnostics: Diagnostics,
    toolbox: Toolbox | None = None,
) -> tuple[str | None, ...]:
    """What each wiki-link of a file points to: a term's slug, "tool:" and a tool's slug for
    [[tool:Name]], or None where it cannot be linked."""
    targets: list[str | None] = []
    for link in wikilinks:
        if not link.target:
            diagnostics.error(path, link.line, f"wiki-link '[[|{link.label}]]' names no term before its '|'")
            targets.append(None)
            continue
        if link.target[: len(TOOL_PREFIX)].casefold() == TOOL_PREFIX:
            name = link.target[len(TOOL_PREFIX) :].strip()
            box = toolbox or Toolbox()
            slug = tool_resolve(box, name, path, link.line, diagnostics, "tool link")
            targets.append(TOOL_PREFIX + slug if slug else None)
            continue
        slug = resolve(glossary.names, link.target)
        if slug is None and may_name_unreadable(glossary.unreadable, link.target):
            pass
        elif slug is None:
            if "#" in link.target:
                message = _section_message(link, glossary)
            elif toolbox is not None and resolve(toolbox.names, link.target) is not None:
                message = f"'{link.target}' is a tool, not a term; write [[tool:{link.target}]]"
            else:
                message = unknown_reference(
                    glossary.spellings, link.target, "wiki-link target", glossary.terms.values()
                )
            diagnostics.error(path, link.line, message)
        elif slug not in glossary.terms:
            message = f"wiki-link '{link.target}' points to a draft; it is shown as plain text"
            diagnostics.warning(path, link.line, message)
            slug = None
        targets.append(slug)
    return tuple(targets)


#: How many of a page's sections a message about a link to none of them lists.
LISTED_SECTIONS = 12


def section_ids(term: TermSource) -> list[str]:
    """The ids of a term page's own sections, which a message offers a link: its headings',
    tables' and the editor's, not its footnotes' (TermSource.ids holds those too)."""
    return [i for i in term.ids if not i.startswith(("fn:", "fnref:"))]


def _section_message(link: WikiLink, glossary: Glossary) -> str:
    """`[[Term#section]]`, as Obsidian and some wikis write a link to a section, which a
    wiki-link cannot be: the Markdown link that is one, when the part before '#' names a term."""
    name, _, section = link.target.partition("#")
    name, section = name.strip(), section.strip()
    slug = resolve(glossary.names, name) if name else None
    if slug is None:
        return (
            f"unknown wiki-link target '{link.target}': a wiki-link cannot name a section, and "
            f"'{name}' names no term{did_you_mean(name, glossary.spellings)}"
        )
    label = name if link.label == link.target else link.label
    term = glossary.terms[slug]
    if section not in term.ids and heading_anchor(section, "-") in term.ids:
        section = heading_anchor(section, "-")  # named by its heading's words, as Obsidian names it
    if section in term.ids or section in theme_ids(term):
        return f"a wiki-link cannot name a section: write [{label}](/terms/{slug}/#{section})"
    # the link written as said would name no section either, and be warned of in turn
    sections = section_ids(term)[:LISTED_SECTIONS] or ["term-definition"]
    return (
        f"a wiki-link cannot name a section, and '{term.title}' has no section '#{section}': write a "
        f"link to one of its sections ({', '.join(f'#{i}' for i in sections)}), "
        f"e.g. [{label}](/terms/{slug}/#{sections[0]})"
    )


def term_anchor(term: Face | TermSource, label_html: str, kind: str = "wikilink", terms: str = "../") -> str:
    """A link to a term's page, carrying what its preview card shows; `terms` leads from the
    page to the terms folder."""
    title, summary = html.escape(term.title), html.escape(term.summary)
    return (
        f'<a class="{kind}" href="{terms}{term.slug}/index.html" data-title="{title}" title="{summary}">'
        f"{label_html}</a>"
    )


def tool_anchor(tool: Face, label_html: str) -> str:
    """A link from a term page to a tool's page on this site."""
    summary = html.escape(tool.summary)
    slug = tool.slug.removeprefix(TOOL_PREFIX)
    return f'<a class="toollink" href="../../tools/{slug}/index.html" title="{summary}">{label_html}</a>'


def faces_of(
    targets: tuple[str | None, ...], glossary: Glossary, toolbox: Toolbox
) -> tuple[Face | None, ...]:
    """What each wiki-link shows of its target: None where the link has none."""
    tools = {TOOL_PREFIX + slug: tool for slug, tool in toolbox.tools.items()}

    def face(slug: str | None) -> Face | None:
        if slug is None:
            return None
        found = tools.get(slug) if slug.startswith(TOOL_PREFIX) else glossary.terms[slug]
        return Face(slug, found.title, found.summary) if found else None

    return tuple(map(face, targets))


FORGED = (
    "a link to '#wikilink-…' is how the generator marks a wiki-link while it works, and would be "
    "filled in as one that was never checked; link to a term with [[Term]]"
)


#: A link to a placeholder as written: '#', or its character reference, then wikilink-N.
_WRITTEN_FORGED_RE = re.compile(r"(?:#|&#0*35;|&#x0*23;)wikilink-\d", re.IGNORECASE)


def forged_line(text: str, line: int, breaks: Breaks | None) -> int:
    """The line of the text (a field that holds a forged link) where it is written: its first
    mention outside code, as one in code (an example of it) is text; else the text's first."""
    lines = text.split("\n")
    found = [
        index
        for index, written in outside_all_code(lines)
        if (hit := _WRITTEN_FORGED_RE.search(written)) and written[: hit.start()].count("`") % 2 == 0
    ]
    if not found:
        return line
    return line + lines_down(text, sum(len(before) + 1 for before in lines[: found[0]]), breaks)


def fill_links(raw: RawBody, faces: tuple[Face | None, ...], terms: str = "../") -> Body:
    """Swap each placeholder for a link to what its wiki-link points to (`faces`, by number),
    or plain text when it has none: no glossary is needed, so a page can be made from its
    record alone."""

    def replace(match: re.Match[str]) -> str:
        number = int(match.group(1))
        face = faces[number] if number < len(faces) else None
        if face is None:
            return f'<span class="wikilink-missing">{match.group(2)}</span>'
        if face.slug.startswith(TOOL_PREFIX):
            return tool_anchor(face, match.group(2))
        return term_anchor(face, match.group(2), terms=terms)

    def fill(fragment: str) -> str:
        return PLACEHOLDER_RE.sub(replace, fragment) if PLACEHOLDER_HREF in fragment else fragment

    return Body(
        definition=fill(raw.definition),
        body=fill(raw.body),
        faq_answers=tuple(fill(a) for a in raw.faq_answers),
        # A question is the control that opens its answer; a link inside it could not be used.
        faq_questions=tuple(ANCHOR_RE.sub(r"\1", fill(q)) for q in raw.faq_questions),
        table_cells=tuple(tuple(tuple(fill(c) for c in row) for row in t) for t in raw.table_cells),
        table_intros=tuple(fill(intro) for intro in raw.table_intros),
        links=tuple(dict.fromkeys(f.slug for f in faces if f and not f.slug.startswith(TOOL_PREFIX))),
    )
