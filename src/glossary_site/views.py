"""What the listing pages' templates receive: small, ready views with relative links.

A listing page's key is the digest of its whole view (see pages.py), so anything added here
is covered by the key without further thought.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any, NamedTuple

from glossary_site.a_to_z import FOLDER as A_TO_Z_FOLDER
from glossary_site.a_to_z import SECTION_ID as A_TO_Z_ID
from glossary_site.a_to_z import filed_key, jump_letters, letter_of_key, letter_path
from glossary_site.config import SiteConfig
from glossary_site.feeds import group_feed_title
from glossary_site.graph import same_name
from glossary_site.labels import fill, say
from glossary_site.model import Glossary, Group, distinct_aliases
from glossary_site.plaintext import plain_text, snippet
from glossary_site.urls import address, group_feed_path, group_url, term_path

RECENT = 6
#: Each kind of group: its folder, also the label of its listing's title ("Categories"), and
#: the label of its singular ("Category: Firing").
TAXONOMIES = (("categories", "category"), ("tags", "tag"))
#: The navigation's entries: the label of each title, and where it leads.
NAV = (
    ("a_to_z", f"index.html#{A_TO_Z_ID}"),
    ("categories", "categories/index.html"),
    ("tags", "tags/index.html"),
    ("graph", "graph/index.html"),
    ("search", "search/index.html"),
)
TOOLS_NAV = ("tools", "tools/index.html")
#: A category or tag page with more terms than this gets the A to Z's jump bar and letter
#: sections: 860 terms of a 10,000-term glossary in one list, 185 kB, had no way to jump on.
LETTERED_GROUP = 100
#: Above this many A to Z entries (terms and their other names) the home page's A to Z is its
#: jump bar alone, each letter with its count, leading to the letter's own page (letter_pages.py).
#: An entry is about 245 bytes of HTML (3 elements), so 1,000 are about 250 kB (16 kB
#: compressed) and 3,000 elements: a page a phone on a slow connection shows in a second or two,
#: still one a reader searches with Ctrl+F. The 20,000 entries of a 10,000-term glossary were a
#: 4.9 MB home page, downloaded before anything showed. Glossaries of a few hundred terms, most
#: of them, keep their one list.
LETTER_PAGES_ABOVE = 1_000


class LinkView(NamedTuple):
    """A link as a template shows it; a tuple because pages hold hundreds of thousands."""

    title: str
    href: str
    summary: str = ""


class Words(NamedTuple):
    """A piece of a title in words: a label's own words (`label`), or the name or the spaces
    between them."""

    text: str
    label: bool


def labelled_title(text: str, name: str) -> tuple[Words, ...]:
    """A label holding `{name}` as the pieces a heading shows, so a theme can set the label's
    words apart from the name wherever a translation puts them: "{kind}: {name}" is "Category:",
    " ", "Firing". The spaces at the words' ends are pieces of their own, outside the words."""
    pieces: list[Words] = []
    for index, chunk in enumerate(text.split("{name}")):
        if index:
            pieces.append(Words(name, False))
        words = chunk.strip()
        start = chunk.find(words) if words else len(chunk)
        before, after = chunk[:start], chunk[start + len(words) :]
        pieces += [Words(t, label) for t, label in ((before, False), (words, True), (after, False)) if t]
    return tuple(pieces)


class TermLinks:
    """Links to terms, made once per term and depth: most pages link the same few terms."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._links: dict[tuple[str, str], LinkView] = {}

    def __call__(self, slug: str, root: str) -> LinkView:
        link = self._links.get((slug, root))
        if link is None:
            term = self.glossary.terms[slug]
            link = self._links[slug, root] = LinkView(term.title, root + term_path(slug), term.summary)
        return link


def nav(
    path: str,
    labels: Mapping[str, str],
    tools: bool = False,
    graph: bool = True,
    categories: bool = True,
    tags: bool = True,
) -> list[dict[str, Any]]:
    """The main navigation: an entry only for what the site has (a reader sent to a page that
    says "None yet." has been sent nowhere), so Categories and Tags once a term has one, Tools
    after Tags once there are tools, and Graph once there is a term."""
    section = path.split("/", 1)[0]
    section = "index.html" if section == A_TO_Z_FOLDER else section  # a letter's page: the A to Z
    shown = {"categories": categories, "tags": tags, "tools": tools, "graph": graph}
    entries = [entry for entry in (*NAV[:3], TOOLS_NAV, *NAV[3:]) if shown.get(entry[0], True)]
    return [
        {"title": labels[title], "path": target, "current": target.split("#")[0].split("/")[0] == section}
        for title, target in entries
    ]


def group_link(kind: str, group: Group, root: str) -> LinkView:
    return LinkView(group.name, group_url(kind, group.slug, root))


class AzEntry(NamedTuple):
    """A line of the A to Z: a term, or another of its names pointing to it."""

    name: str
    link: LinkView
    alias: bool
    #: The name a title is filed under instead (its term's `sort_as`); "" for the name itself.
    sort_as: str = ""


class LetterLink(NamedTuple):
    """A letter of a big glossary's jump bar: its page, its entries, and whether it is this page."""

    href: str
    entries: int
    current: bool


def a_to_z_entries(glossary: Glossary, term_link: TermLinks) -> list[AzEntry]:
    """Every term and each of its other names, linked from the home page."""
    entries: list[AzEntry] = []
    for term in glossary.terms.values():
        link = term_link(term.slug, "")
        entries.append(AzEntry(term.title, link, False, term.sort_as))
        entries += [AzEntry(alias, link, True) for alias in distinct_aliases(term.title, term.aliases)]
    return entries


def letter_links(
    counts: Mapping[str, int], language: str, root: str, current: str = ""
) -> dict[str, LetterLink]:
    """Each letter's page and count, for the jump bar of the home page or of letter `current`'s."""
    return {
        letter: LetterLink(root + address(letter_path(letter, language)), count, letter == current)
        for letter, count in counts.items()
    }


def index_view(
    config: SiteConfig, glossary: Glossary, term_link: TermLinks, intro_html: str
) -> dict[str, Any]:
    entries = a_to_z_entries(glossary, term_link)
    a_to_z = lettered(entries, config.language)
    if len(entries) > LETTER_PAGES_ABOVE:
        a_to_z = {**a_to_z, "sections": [], "letter_pages": letter_links(counts(a_to_z), config.language, "")}
    descriptions = group_descriptions(config, "categories")
    return {
        "title": config.title,
        "description": config.description or snippet(plain_text(intro_html)),
        "intro": intro_html,
        "categories": [
            GroupCard(group_link("categories", g, ""), len(g.terms), described(descriptions, g))
            for g in glossary.categories
        ],
        "recent": recent_terms(glossary, term_link),
        **a_to_z,
        "count": len(glossary.terms),
    }


def lettered(entries: list[AzEntry], language: str) -> dict[str, Any]:
    """A list's jump bar (`letters`: each letter, and whether any entry is under it) and its
    entries by letter (`sections`), as the A to Z and long category and tag pages show them,
    in the order of the site's `language`."""
    sections: dict[str, list[AzEntry]] = {}
    keyed = (((filed_key(e.name, e.sort_as, language), e.alias, e.link.href), e) for e in entries)
    for key, entry in sorted(keyed):
        sections.setdefault(letter_of_key(key[0]), []).append(entry)
    letters = jump_letters(sections, language)
    return {
        "letters": [(letter, letter in sections) for letter in letters],
        "sections": [(letter, sections[letter]) for letter in letters if letter in sections],
    }


def counts(a_to_z: Mapping[str, Any]) -> dict[str, int]:
    """How many entries each letter of a lettered() list has."""
    return {letter: len(entries) for letter, entries in a_to_z["sections"]}


def recent_terms(
    glossary: Glossary, term_link: TermLinks, count: int = RECENT
) -> list[tuple[LinkView, dt.date]]:
    """The terms updated last, newest first, with the day each was updated."""
    dated = [(t.updated, t.slug) for t in glossary.terms.values() if t.updated]
    dated.sort(key=lambda pair: -pair[0].toordinal())  # stable: same-day terms stay A to Z
    return [(term_link(slug, ""), day) for day, slug in dated[:count]]


class GroupCard(NamedTuple):
    link: LinkView
    terms: int
    description: str


def group_descriptions(config: SiteConfig, kind: str) -> dict[str, str]:
    """site.yml's descriptions of `kind`'s groups by their spelling-free names (graph.same_name):
    a group is named as its first term spells it (`chemistry`), which need not be the spelling
    site.yml describes (`Chemistry`)."""
    found: dict[str, str] = {}
    for name, text in (config.categories if kind == "categories" else {}).items():
        found.setdefault(same_name(name), text)
    return found


def described(descriptions: Mapping[str, str], group: Group) -> str:
    return descriptions.get(same_name(group.name), "")


def groups_view(config: SiteConfig, kind: str, groups: tuple[Group, ...]) -> dict[str, Any]:
    """The list of every category or tag (`kind`, a TAXONOMIES folder)."""
    descriptions = group_descriptions(config, kind)
    return {
        "title": config.labels[kind],
        "description": say(config.labels, f"{kind}_description", site=config.title),
        "groups": [
            GroupCard(group_link(kind, g, "../"), len(g.terms), described(descriptions, g)) for g in groups
        ],
    }


def group_view(
    config: SiteConfig,
    kind: str,
    singular: str,
    group: Group,
    term_link: TermLinks,
    description: str,
    feed: bool,
) -> dict[str, Any]:
    """A category's or tag's page; `singular` is the label of its kind's name ("category"),
    and `feed` whether it has a feed to link to (feeds.has_feed)."""
    labels = config.labels
    root = "../../"
    size = len(group.terms)
    told = say(labels, f"{singular}_description", count=size, name=group.name)
    titled = fill(labels["group_page_title"], {"kind": labels[singular], "name": "{name}"})
    terms = [term_link(slug, root) for slug in group.terms]
    long = size > LETTERED_GROUP
    return {
        # A shorter one is one list, without a jump bar: both empty, as themes.md says.
        **(
            lettered(
                [  # filed as the A to Z files them
                    AzEntry(link.title, link, False, term_link.glossary.terms[slug].sort_as)
                    for slug, link in zip(group.terms, terms, strict=True)
                ],
                config.language,
            )
            if long
            else {"letters": [], "sections": []}
        ),
        "title": group.name,
        "summary": description,
        "description": description or told,
        "kind": labels[singular],
        "page_title": say(labels, "group_page_title", kind=labels[singular], name=group.name),
        "heading": labelled_title(titled, group.name),
        "parent": LinkView(labels[kind], root + f"{kind}/index.html"),
        "terms": terms,
        # A category's or tag's Atom feed (feeds.py) is announced by its own title.
        "feed": root + address(group_feed_path(kind, group.slug)) if feed else "",
        "feed_title": group_feed_title(labels, singular, group.name, config.title),
        "feed_label": labels[f"{singular}_feed"],
    }
