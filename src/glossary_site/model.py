"""The values that flow between stages: no I/O, no behaviour beyond naming.

The small records are NamedTuples: a 10,000-term cache holds hundreds of thousands of them,
and tuples pickle and load several times faster than dataclasses.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from glossary_site.a_to_z import filed_key
from glossary_site.diagnostics import Diagnostic
from glossary_site.slugs import APOSTROPHES

#: For a YAML value whose line breaks are not the file's: the offset in the value at which each
#: file line after its first begins; a line not found in it (an escape changed it) takes the
#: offset of the next one found, so a position is never placed below its line.
Breaks = tuple[int, ...]


class Ref(NamedTuple):
    """A reference to another term as the editor wrote it, with where it was written."""

    text: str
    line: int


class Table(NamedTuple):
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    line: int
    #: What a `{{< table id >}}` marker in the body names; also the heading's anchor.
    id: str = ""
    #: Markdown shown between the table's heading and the table.
    intro: str = ""
    intro_line: int = 0
    intro_breaks: Breaks | None = None  # see TermSource.definition_breaks
    #: The file line of each row, where problems in its cells are reported (else `line`).
    row_lines: tuple[int, ...] = ()
    #: (row, column, first line, breaks) of each cell holding a '[': a wiki-link, or too many
    #: '[', are the only problems found in a cell once converted, and a cell may start below its
    #: row's line (a row written as a '- ' list) or go on over several lines.
    cell_lines: tuple[tuple[int, int, int, Breaks | None], ...] = ()


class Faq(NamedTuple):
    question: str
    answer: str
    line: int
    answer_line: int
    answer_breaks: Breaks | None = None  # see TermSource.definition_breaks
    #: Where the question's text starts (0: on `line`), which a block (`q: >`) puts below it.
    question_line: int = 0
    question_breaks: Breaks | None = None  # see TermSource.definition_breaks


class Source(NamedTuple):
    title: str
    url: str


class Face(NamedTuple):
    """What a page shows of another term: where it is, what it is called, what it is."""

    slug: str
    title: str
    summary: str


class CtaBlock(NamedTuple):
    heading: str
    text: str
    button: str
    url: str


def _set_fields(self: Any, state: list[Any]) -> None:
    """Unpickling for slots dataclasses: theirs calls dataclasses.fields() for every object,
    and the cache index holds two such objects per term. Like theirs it does not check the
    field count; the cache checks the generator's fingerprint once the shard is loaded."""
    for name, value in zip(self.__slots__, state, strict=False):
        object.__setattr__(self, name, value)


@dataclass(frozen=True, slots=True)
class TermSource:
    """One term file after validation of that file alone."""

    __setstate__ = _set_fields

    path: str
    slug: str
    title: str
    summary: str
    definition: str
    definition_line: int
    body: str
    body_line: int
    aliases: tuple[str, ...] = ()
    alias_lines: tuple[int, ...] = ()
    #: The name its title is sorted and filed under A to Z instead of the title ("" for the
    #: title itself): a reading (`jiqi xuexi` for `机器学习`), or `NET` for `.NET`.
    sort_as: str = ""
    category: str | None = None
    tags: tuple[str, ...] = ()
    tag_lines: tuple[int, ...] = ()
    related: tuple[Ref, ...] = ()
    tables: tuple[Table, ...] = ()
    faq: tuple[Faq, ...] = ()
    sources: tuple[Source, ...] = ()
    cta: str | CtaBlock | bool | None = None
    cta_line: int = 1
    updated: dt.date | None = None
    draft: bool = False
    #: The tools this term lists, by slug, title or alias.
    tools: tuple[Ref, ...] = ()
    #: The slugs the term had before it was renamed, each valid and once, with its line: each
    #: address gets a page that sends readers on to this one (redirects.py).
    former_slugs: tuple[Ref, ...] = ()
    #: Where the definition's file lines begin, when its line breaks are not the file's (a
    #: quoted, folded or plain YAML value over several lines); None: count its "\n".
    definition_breaks: Breaks | None = None
    #: The addresses on this site (`/images/x.png`) its Markdown and sources link to, as
    #: written, once converted: each must lead to a file of the built site.
    site_urls: tuple[str, ...] = ()
    #: The ids its page's converted Markdown and tables give it (besides the theme's own), once
    #: converted: a link to `/terms/<slug>/#id` must name one of them.
    ids: tuple[str, ...] = ()
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True, slots=True)
class ToolSource:
    """One tool file after validation of that file alone: a product or resource the site
    recommends, with the attributes the Stack Builder selects by."""

    path: str
    slug: str
    title: str
    summary: str
    url: str
    body: str
    body_line: int
    #: The file's content hash: it stands for every field in page keys.
    digest: str
    aliases: tuple[str, ...] = ()
    alias_lines: tuple[int, ...] = ()
    category: str | None = None
    tags: tuple[str, ...] = ()
    #: attribute → values, in site.yml's order of attributes.
    attributes: tuple[tuple[str, tuple[str, ...]], ...] = ()
    updated: dt.date | None = None
    draft: bool = False
    #: As a term's: each former address gets a page that sends readers on (redirects.py).
    former_slugs: tuple[Ref, ...] = ()
    key_lines: dict[str, int] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class Toolbox:
    """Every published tool and the terms that mention each; empty when a site has no tools."""

    tools: dict[str, ToolSource] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)
    spellings: tuple[str, ...] = ()
    drafts: frozenset[str] = frozenset()
    #: Term slug → the tools its page shows: those it lists in `tools:`, else those it links.
    of_term: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Tool slug → the terms that mention it, in title order.
    mentions: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: Tool slug → its body as HTML, links filled (absent when it has none).
    bodies: dict[str, str] = field(default_factory=dict)
    #: Tool slug → the addresses on this site its body links to, as written.
    site_urls: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: The slugs a tool file that failed to load may have had: a reference to one is not an
    #: error of its own, nor is a Stack Builder value only such a file might hold.
    unreadable: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Group:
    """A category or tag with the terms in it, sorted by title."""

    name: str
    slug: str
    terms: tuple[str, ...]


#: The folders of the two kinds of group, categories and tags (Glossary.groups).
GROUP_KINDS = ("categories", "tags")


@dataclass(frozen=True)
class Glossary:
    """The term graph: every published term and the edges between them, all sorted."""

    terms: dict[str, TermSource]
    related: dict[str, tuple[str, ...]]
    backlinks: dict[str, tuple[str, ...]]
    categories: tuple[Group, ...]
    tags: tuple[Group, ...]
    names: dict[str, str]
    spellings: tuple[str, ...] = ()
    drafts: frozenset[str] = frozenset()
    #: The slugs of term files that failed to load or lost their slug to another file: a
    #: reference that may mean one is not an error of its own.
    unreadable: frozenset[str] = frozenset()

    def groups(self, kind: str) -> tuple[Group, ...]:
        """The categories or the tags: `kind` is the folder their pages are in."""
        return self.categories if kind == "categories" else self.tags


class WikiLink(NamedTuple):
    target: str
    label: str
    line: int


#: A wiki-link in converted HTML until its target is known: `<a href="#wikilink-N">words</a>`,
#: N its number in the file (markup.py writes them, wikilinks.py fills them).
PLACEHOLDER_HREF = "#wikilink-"


@dataclass(frozen=True)
class RawBody:
    """A term's Markdown fields as HTML, wiki-links still numbered placeholders."""

    definition: str
    body: str
    faq_answers: tuple[str, ...]
    table_cells: tuple[tuple[tuple[str, ...], ...], ...]
    wikilinks: tuple[WikiLink, ...]
    faq_questions: tuple[str, ...] = ()
    table_intros: tuple[str, ...] = ()
    site_urls: tuple[str, ...] = ()


class BodyRef(NamedTuple):
    """Where a converted body is kept in the cache's pack files."""

    pack: str
    offset: int
    length: int


@dataclass(frozen=True, slots=True)
class PreparedFile:
    """What the graph needs from one term file; the full RawBody is kept aside by digest.

    Kept small on purpose: the parent process holds one per term, and the persistent cache
    loads all of them on every build.
    """

    __setstate__ = _set_fields

    path: str
    digest: str
    term: TermSource | None
    definition_html: str = ""
    wikilinks: tuple[WikiLink, ...] = ()
    diagnostics: tuple[Diagnostic, ...] = ()
    body: BodyRef | None = None
    #: For a file that failed to load: the names it seems to give its term, as far as they
    #: could be read, so references to them are not reported as unknown as well.
    names: tuple[str, ...] = ()


@dataclass(frozen=True)
class Body:
    """Rendered HTML of one term's Markdown fields plus the terms they link to."""

    definition: str
    body: str
    faq_answers: tuple[str, ...]
    table_cells: tuple[tuple[tuple[str, ...], ...], ...]
    links: tuple[str, ...]
    faq_questions: tuple[str, ...] = ()
    table_intros: tuple[str, ...] = ()


def title_key(term: TermSource, language: str) -> tuple[str, str, str, str, str]:
    """A term's place in glossary.terms, which is the A to Z's order in the site's language
    (a_to_z.py), its title filed as its `sort_as` when it has one."""
    return (*filed_key(term.title, term.sort_as, language), term.slug)


def name_key(name: str) -> str:
    """The key of a term's or tool's name (slug, title or alias) in every index and comparison,
    the one place names are made alike: spellings that differ in letter case or Unicode form
    alone are one name, as "Café" with é as one letter and with e and a combining accent (as
    macOS tools often write it) look the same, and so are those that differ in their apostrophe
    alone ("L'œuvre" with U+2019, as a French keyboard types it, and with '; slugs.APOSTROPHES).
    Compatibility forms stay apart, unlike in graph.same_name for categories: "x²" and "x2" may
    be two terms. Turkish and Azerbaijani "İ" is the capital of "i" ("İstanbul", "istanbul"),
    where casefold makes it an i with a dot above it. German "ß" stays itself (casefold makes
    it "ss"): "Maße" (measures) and "Masse" (mass) are two words, and may be two terms. It runs
    for every name and reference, so ASCII and text already composed skip the normalising."""
    if name.isascii():
        return name.casefold()
    name = name.translate(APOSTROPHES)
    if not unicodedata.is_normalized("NFC", name):
        name = unicodedata.normalize("NFC", name)
    folded = _folded(name)  # folding can take a letter apart again: "ǰ" is j and a caron
    if "\u0307" in folded:
        folded = folded.replace("i\u0307", "i")
    return folded if unicodedata.is_normalized("NFC", folded) else unicodedata.normalize("NFC", folded)


def _folded(name: str) -> str:
    if "ß" not in name and "ẞ" not in name:
        return name.casefold()
    return "ß".join(part.casefold() for part in name.replace("ẞ", "ß").split("ß"))


def distinct_aliases(title: str, aliases: Iterable[str]) -> tuple[str, ...]:
    """Aliases once each, ignoring case and Unicode form (name_key), as first written, and not
    the title: a repeat names nothing new, so the build warns about it and pages and data files
    leave it out."""
    first = {name_key(title): ""}
    for alias in aliases:
        first.setdefault(name_key(alias), alias)
    return tuple(first.values())[1:]


@dataclass(frozen=True)
class PageJob:
    """One output file: where it goes, what decides its bytes, and how to make them."""

    path: str
    key: str
    produce: Callable[[], bytes]
