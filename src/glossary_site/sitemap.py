"""sitemap.xml and robots.txt views: every published page, absolute under base_url."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any, NamedTuple

from glossary_site import graph_page, letter_pages
from glossary_site.config import SiteConfig
from glossary_site.model import GROUP_KINDS, Glossary, Toolbox
from glossary_site.urls import STACK_BUILDER, absolute, group_path, term_path, tool_path

#: The sitemap protocol's most addresses in one file; a bigger site gets several files and
#: sitemap.xml lists them (a sitemap index), which is where robots.txt points either way.
URLS_PER_FILE = 50_000


class SitemapFile(NamedTuple):
    template: str  # a key of render.TEMPLATES
    path: str
    view: dict[str, Any]


def sitemap_files(config: SiteConfig, glossary: Glossary, toolbox: Toolbox) -> list[SitemapFile]:
    urls, per_file = _urls(config, glossary, toolbox), URLS_PER_FILE
    if len(urls) <= per_file:
        return [SitemapFile("sitemap", "sitemap.xml", {"urls": urls})]
    parts = [urls[start : start + per_file] for start in range(0, len(urls), per_file)]
    files = [SitemapFile("sitemap", f"sitemap-{n}.xml", {"urls": part}) for n, part in enumerate(parts, 1)]
    listed = [
        {
            "loc": absolute(config, file.path),
            "lastmod": max(filter(None, (u["lastmod"] for u in part)), default=None),
        }
        for file, part in zip(files, parts, strict=True)
    ]
    return [*files, SitemapFile("sitemap_index", "sitemap.xml", {"sitemaps": listed})]


def _urls(config: SiteConfig, glossary: Glossary, toolbox: Toolbox) -> list[dict[str, Any]]:
    """A list page's lastmod is its newest term's `updated`, as Hugo dates a section by its
    newest page: the page changes when they do."""

    def newest(slugs: Iterable[str]) -> dt.date | None:
        return max(filter(None, (glossary.terms[slug].updated for slug in slugs)), default=None)

    urls: list[tuple[str, dt.date | None]] = [(absolute(config, "index.html"), newest(glossary.terms))]
    urls += [
        (absolute(config, path), newest(slugs))
        for path, slugs in letter_pages.letter_slugs(glossary, config.language).items()
    ]
    urls += [(absolute(config, term_path(t.slug)), t.updated) for t in glossary.terms.values()]
    for kind in GROUP_KINDS:
        groups = glossary.groups(kind)
        if groups:  # an empty listing only says "None yet.", and asks not to be indexed
            listed = newest(slug for g in groups for slug in g.terms)
            urls.append((absolute(config, f"{kind}/index.html"), listed))
        urls += [(absolute(config, group_path(kind, g.slug)), newest(g.terms)) for g in groups]
    if toolbox.tools:
        tools_updated = max(filter(None, (t.updated for t in toolbox.tools.values())), default=None)
        urls.append((absolute(config, "tools/index.html"), tools_updated))
        urls += [(absolute(config, tool_path(t.slug)), t.updated) for t in toolbox.tools.values()]
    urls += [(absolute(config, path), None) for path in graph_page.graph_paths(glossary)]
    if config.stack_builder is not None:
        urls.append((absolute(config, STACK_BUILDER), None))
    return [{"loc": loc, "lastmod": lastmod} for loc, lastmod in urls]
