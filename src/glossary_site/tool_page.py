"""A tool's page and the tools index: the record each page is made from, and its view.

A tool page's key is the digest of its ToolPage record, which holds its file's hash, its body
as HTML (so the titles and summaries its links show) and the faces of the terms that mention
it; the tools index's key is its whole view, like every listing page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from glossary_site import structured
from glossary_site.config import SiteConfig
from glossary_site.model import Face, Toolbox, ToolSource
from glossary_site.urls import absolute, link_url, term_path, tool_path
from glossary_site.views import LinkView

ROOT = "../../"
OTHER = "Other tools"


@dataclass(frozen=True, slots=True)
class ToolPage:
    """The inputs of one tool page; every field is part of its key."""

    slug: str
    #: The tool file's content hash: it stands for every field of the tool.
    source: str
    body: str
    #: The terms that mention the tool, in title order.
    mentions: tuple[Face, ...]


class Attribute(NamedTuple):
    name: str
    values: tuple[str, ...]


def tool_view(page: ToolPage, tool: ToolSource, config: SiteConfig) -> dict[str, Any]:
    """What tool.html receives; `tool` is the file `page.source` names."""
    url = absolute(config, tool_path(tool.slug))
    return {
        "title": tool.title,
        "description": tool.summary,
        "tool": tool,
        "visit": link_url(tool.url, ROOT),
        "attributes": [
            Attribute(name.replace("-", " ").capitalize(), values) for name, values in tool.attributes
        ],
        "body": page.body,
        "mentions": [
            LinkView(face.title, ROOT + term_path(face.slug), face.summary) for face in page.mentions
        ],
        "tools_index": ROOT + "tools/index.html",
        "json_ld": [structured.tool_block(config, tool, url)],
    }


def _label(attribute: str) -> str:
    return attribute.replace("-", " ").capitalize()


class ToolGroup(NamedTuple):
    name: str
    description: str
    tools: list[LinkView]


def tools_index_view(config: SiteConfig, toolbox: Toolbox) -> dict[str, Any]:
    """Every tool under its category, in site.yml's order of categories; the rest last."""
    grouped: dict[str, list[LinkView]] = {name: [] for name in config.tools.categories}
    for tool in toolbox.tools.values():
        grouped.setdefault(tool.category or OTHER, []).append(
            LinkView(tool.title, "../" + tool_path(tool.slug), tool.summary)
        )
    names = [*config.tools.categories, *sorted(n for n in grouped if n not in config.tools.categories)]
    return {
        "title": "Tools",
        "description": f"The tools {config.title} recommends, by category",
        "groups": [
            ToolGroup(name, config.tools.categories.get(name, ""), grouped[name])
            for name in names
            if grouped[name]
        ],
        "count": len(toolbox.tools),
    }
