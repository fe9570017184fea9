"""What the listing pages' templates receive: small, ready views with relative links.

A listing page's key is the digest of its whole view (see pages.py), so anything added here
is covered by the key without further thought.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from glossary_site.config import SiteConfig
from glossary_site.model import Glossary, Group
from glossary_site.urls import group_path, term_path

TAXONOMIES = (("categories", "Categories", "Category"), ("tags", "Tags", "Tag"))
NAV = (
    ("A–Z", "index.html"),
    ("Categories", "categories/index.html"),
    ("Tags", "tags/index.html"),
    ("Search", "search/index.html"),
)


class LinkView(NamedTuple):
    """A link as a template shows it; a tuple because pages hold hundreds of thousands."""

    title: str
    href: str
    summary: str = ""


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


def nav(path: str) -> list[dict[str, Any]]:
    section = path.split("/", 1)[0]
    return [
        {"title": title, "path": target, "current": target.split("/")[0] == section} for title, target in NAV
    ]


def group_link(kind: str, group: Group, root: str) -> LinkView:
    return LinkView(group.name, root + group_path(kind, group.slug))


def index_view(config: SiteConfig, glossary: Glossary, term_link: TermLinks) -> dict[str, Any]:
    sections: dict[str, list[LinkView]] = {}
    for term in glossary.terms.values():
        sections.setdefault(letter_of(term.title), []).append(term_link(term.slug, ""))
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    if "#" in sections:
        letters.append("#")
    return {
        "title": config.title,
        "description": config.description,
        "letters": [(letter, letter in sections) for letter in letters],
        "sections": [(letter, sections[letter]) for letter in letters if letter in sections],
        "count": len(glossary.terms),
    }


def groups_view(config: SiteConfig, kind: str, title: str, groups: tuple[Group, ...]) -> dict[str, Any]:
    return {
        "title": title,
        "description": f"{title} of {config.title}",
        "groups": [(group_link(kind, g, "../"), len(g.terms)) for g in groups],
    }


def group_view(kind: str, singular: str, group: Group, term_link: TermLinks) -> dict[str, Any]:
    root = "../../"
    return {
        "title": group.name,
        "description": f"{singular}: {group.name}, {len(group.terms)} terms",
        "kind": singular,
        "parent": LinkView("Categories" if kind == "categories" else "Tags", root + f"{kind}/index.html"),
        "terms": [term_link(slug, root) for slug in group.terms],
    }


def letter_of(title: str) -> str:
    first = title[:1].upper()
    return first if "A" <= first <= "Z" else "#"
