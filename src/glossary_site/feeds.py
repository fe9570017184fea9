"""The Atom feeds: feed.xml, the most recently updated terms, newest first, and one per
category and tag (categories/<slug>/feed.xml, tags/<slug>/feed.xml), the same for that
group's terms alone."""

from __future__ import annotations

import datetime as dt
import html
import re
import urllib.parse
from collections.abc import Callable, Iterable, Mapping
from typing import Any

from glossary_site.config import SiteConfig
from glossary_site.html_tags import in_tags
from glossary_site.labels import fill
from glossary_site.model import Glossary, Group, TermSource
from glossary_site.urls import absolute, group_feed_path, group_path, term_path

FEED_SIZE = 20
#: A link, image or quotation-source address in the HTML the build writes (always double-quoted).
ADDRESS_RE = re.compile(r'\b(href|src|cite)="([^"]*)"')


def feed_view(config: SiteConfig, glossary: Glossary, definition: Callable[[str], str]) -> dict[str, Any]:
    """The site's feed, of every term; its id and alternate link are the home page's address."""
    terms = glossary.terms.values()
    view = _view(config, terms, definition, absolute(config, "feed.xml"), config.base_url)
    return {"title": config.title, "subtitle": config.description, **view}


def has_feed(glossary: Glossary, group: Group) -> bool:
    """An Atom feed must have a date (RFC 4287, 4.1.1), and it is that of its newest entry:
    a group none of whose terms is dated gets no feed, nor a link to one, until one is."""
    return any(glossary.terms[slug].updated for slug in group.terms)


def group_feed_view(
    config: SiteConfig,
    glossary: Glossary,
    kind: str,
    singular: str,
    group: Group,
    description: str,
    definition: Callable[[str], str],
) -> dict[str, Any]:
    """A category's or tag's feed (`kind`, a views.TAXONOMIES folder): its id and alternate
    link are the group page's address, which is the group's own as long as its name is, as an
    Atom feed's id must be; its subtitle the group's description from site.yml
    (`description`; tags have none), as its page shows."""
    terms = (glossary.terms[slug] for slug in group.terms)
    feed_url = absolute(config, group_feed_path(kind, group.slug))
    view = _view(config, terms, definition, feed_url, absolute(config, group_path(kind, group.slug)))
    title = group_feed_title(config.labels, singular, group.name, config.title)
    return {"title": title, "subtitle": description, **view}


def group_feed_title(labels: Mapping[str, str], singular: str, name: str, site: str) -> str:
    """The label `category_feed_title` or `tag_feed_title` filled in: the feed's own title, and
    the one its group's page announces it by, which must be the same."""
    return fill(labels[f"{singular}_feed_title"], {singular: name, "site": site})


def _view(
    config: SiteConfig,
    terms: Iterable[TermSource],
    definition: Callable[[str], str],
    feed_url: str,
    page_url: str,
) -> dict[str, Any]:
    """Undated terms are left out: an Atom entry needs a date, and we never invent one. Nor
    for the feed itself: with no dated term its `updated` is empty and the theme leaves the
    element out, where a made-up date (the epoch, or the day of the build) would be untrue
    or would change the output of the same content from one build to the next."""
    dated = [t for t in terms if t.updated]
    dated.sort(key=lambda t: (-t.updated.toordinal() if t.updated else 0, t.title.casefold(), t.slug))
    entries = []
    for t in dated[:FEED_SIZE]:
        url = absolute(config, term_path(t.slug))
        content = _absolute_links(definition(t.slug), url)
        entries.append(
            {
                "title": t.title,
                "id": _entry_id(config, t),
                "url": url,
                "updated": _timestamp(t.updated),
                "summary": t.summary,
                "content": content,
            }
        )
    newest = dated[0].updated if dated else None
    return {
        "feed_url": feed_url,
        "page_url": page_url,
        "home_url": config.base_url,
        "updated": _timestamp(newest),
        "entries": entries,
    }


def _entry_id(config: SiteConfig, term: TermSource) -> str:
    """An Atom entry's id must never change (RFC 4287, 4.2.6), or a reader shows the renamed
    term as a new entry beside the old: a term keeps the address it was first published at,
    its first former slug (they are listed oldest first), or its own if never renamed."""
    first = term.former_slugs[0].text if term.former_slugs else term.slug
    return absolute(config, term_path(first))


def _absolute_links(fragment: str, page: str) -> str:
    """The page's links made absolute: the entry's xml:base says where they are read from, but
    some feed readers ignore it and would follow '../gpu/index.html' from their own address.
    A quotation's source (`<blockquote cite="../gpu/">`) is an address too. The attribute is
    read and written as HTML: a base_url path holding '&' (`/r&copy/`) must not become '©'.
    A page of the site is named by its canonical address (`.../gpu/`, not `.../gpu/index.html`),
    and a footnote's links, whose targets are in the entry too, stay in it."""

    def made_absolute(match: re.Match[str]) -> str:
        written = html.unescape(match.group(2))
        if written.startswith("#") and f' id="{match.group(2)[1:]}"' in fragment:
            return match.group(0)
        address = urllib.parse.urljoin(page, written)
        if not urllib.parse.urlsplit(written).netloc:
            address = re.sub(r"/index\.html(?=#|$)", "/", address)
        return f'{match.group(1)}="{html.escape(address)}"'

    return in_tags(fragment, lambda tag: ADDRESS_RE.sub(made_absolute, tag))


def _timestamp(day: dt.date | None) -> str:
    return f"{day.isoformat()}T00:00:00Z" if day else ""
