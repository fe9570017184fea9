"""sitemap.xml and robots.txt views: every published page, absolute under base_url."""

from __future__ import annotations

from typing import Any

from glossary_site import graph_page
from glossary_site.config import SiteConfig
from glossary_site.model import Glossary, Toolbox
from glossary_site.urls import STACK_BUILDER, absolute, group_path, term_path, tool_path


def sitemap_view(config: SiteConfig, glossary: Glossary, toolbox: Toolbox) -> dict[str, Any]:
    latest = max((t.updated for t in glossary.terms.values() if t.updated), default=None)
    urls = [(absolute(config, "index.html"), latest)]
    urls += [(absolute(config, term_path(t.slug)), t.updated) for t in glossary.terms.values()]
    for kind, groups in (("categories", glossary.categories), ("tags", glossary.tags)):
        urls.append((absolute(config, f"{kind}/index.html"), None))
        urls += [(absolute(config, group_path(kind, g.slug)), None) for g in groups]
    if toolbox.tools:
        urls.append((absolute(config, "tools/index.html"), None))
        urls += [(absolute(config, tool_path(t.slug)), t.updated) for t in toolbox.tools.values()]
    urls += [(absolute(config, path), None) for path in graph_page.graph_paths(glossary)]
    if config.stack_builder is not None:
        urls.append((absolute(config, STACK_BUILDER), None))
    return {"urls": [{"loc": loc, "lastmod": lastmod} for loc, lastmod in urls]}
