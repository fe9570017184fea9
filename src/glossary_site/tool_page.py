"""A tool's page and the tools index: the record each page is made from, and its view.

A tool page's key is the digest of its ToolPage record, which holds its file's hash, its body
as HTML (so the titles and summaries its links show) and the faces of the terms that mention
it; the tools index's key is its whole view, like every listing page.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, NamedTuple, Protocol

from glossary_site import structured
from glossary_site.a_to_z import a_to_z_key
from glossary_site.config import SiteConfig
from glossary_site.graph import same_name
from glossary_site.labels import say
from glossary_site.markup import permalinks_titled
from glossary_site.model import Face, PageJob, Toolbox, ToolSource, distinct_aliases
from glossary_site.render import TEMPLATES
from glossary_site.slugs import group_slug
from glossary_site.urls import (
    STACK_BUILDER,
    absolute,
    absolute_link,
    edit_address,
    link_url,
    term_path,
    tool_path,
)
from glossary_site.views import LinkView

ROOT = "../../"


@dataclass(frozen=True, slots=True)
class ToolPage:
    """The inputs of one tool page; every field is part of its key."""

    slug: str
    #: The tool file's content hash: it stands for every field of the tool.
    source: str
    #: Where the file is (content/tools/ollama.md), which the page's edit link names.
    file: str
    body: str
    #: The terms that mention the tool, in title order.
    mentions: tuple[Face, ...]


class ToolData(NamedTuple):
    """One tool as tools.json holds it."""

    slug: str
    title: str
    aliases: tuple[str, ...]
    summary: str
    url: str
    category: str | None
    tags: tuple[str, ...]
    attributes: tuple[tuple[str, tuple[str, ...]], ...]
    terms: tuple[str, ...]
    page: str


class Jobs(Protocol):
    """What makes page jobs (pages.SitePages): keys, templates and the site's context."""

    def page_job(self, template: str, path: str, root: str | None = None, **view: Any) -> PageJob: ...

    def record_job(
        self, template: str, path: str, record: object, view: Callable[[], dict[str, Any]]
    ) -> PageJob: ...

    def data_job(self, path: str, record: object, produce: Callable[[], bytes]) -> PageJob: ...


def tool_jobs(jobs: Jobs, config: SiteConfig, toolbox: Toolbox, faces: dict[str, Face]) -> list[PageJob]:
    """Every tool's page, the tools index and tools.json; nothing when the site has no tools."""
    if not toolbox.tools:
        return []
    found = [
        jobs.record_job(
            TEMPLATES["tool"], tool_path(tool.slug), record, partial(tool_view, record, tool, config)
        )
        for tool in toolbox.tools.values()
        for record in [tool_record(tool, toolbox, faces)]
    ]
    found.append(jobs.page_job(TEMPLATES["tools"], "tools/index.html", **tools_index_view(config, toolbox)))
    data = tuple(tool_data(tool, toolbox, config) for tool in toolbox.tools.values())
    found.append(jobs.data_job("tools.json", data, lambda: _json(data)))
    return found


def tool_record(tool: ToolSource, toolbox: Toolbox, faces: dict[str, Face]) -> ToolPage:
    return ToolPage(
        slug=tool.slug,
        source=tool.digest,
        file=tool.path,
        body=toolbox.bodies.get(tool.slug, ""),
        mentions=tuple(faces[slug] for slug in toolbox.mentions.get(tool.slug, ())),
    )


def tool_data(tool: ToolSource, toolbox: Toolbox, config: SiteConfig) -> ToolData:
    return ToolData(
        slug=tool.slug,
        title=tool.title,
        aliases=distinct_aliases(tool.title, tool.aliases),
        summary=tool.summary,
        url=absolute_link(config, tool_path(tool.slug), tool.url),
        category=tool.category,
        tags=tool.tags,
        attributes=tool.attributes,
        terms=toolbox.mentions.get(tool.slug, ()),
        page=absolute(config, tool_path(tool.slug)),
    )


def _json(data: tuple[ToolData, ...]) -> bytes:
    items = [
        {
            **item._asdict(),
            "aliases": list(item.aliases),
            "tags": list(item.tags),
            "attributes": {name: list(values) for name, values in item.attributes},
            "terms": list(item.terms),
        }
        for item in data
    ]
    return (json.dumps(items, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n").encode()


class Attribute(NamedTuple):
    name: str
    values: tuple[str, ...]


def _shown(values: tuple[str, ...], labels: dict[str, str]) -> tuple[str, ...]:
    return tuple(labels.get(value, value) for value in values)


def tool_view(page: ToolPage, tool: ToolSource, config: SiteConfig) -> dict[str, Any]:
    """What tool.html receives; `tool` is the file `page.source` names."""
    url = absolute(config, tool_path(tool.slug))
    return {
        "title": tool.title,
        "description": tool.summary,
        "tool": tool,
        "aliases": distinct_aliases(tool.title, tool.aliases),
        "visit": link_url(tool.url, ROOT),
        "attributes": [
            Attribute(name.replace("-", " ").capitalize(), _shown(values, config.tools.labels.get(name, {})))
            for name, values in tool.attributes
        ],
        "body": permalinks_titled(page.body, config.labels["link_to_this_section"]),
        "mentions": [
            LinkView(face.title, ROOT + term_path(face.slug), face.summary) for face in page.mentions
        ],
        "tools_index": ROOT + "tools/index.html",
        "json_ld": [structured.tool_block(config, tool, url)],
        "edit": edit_address(config, page.file),
    }


class ToolGroup(NamedTuple):
    name: str
    description: str
    tools: list[LinkView]
    #: The heading's id: from the name, as headings' ids are, so a link to a category's tools
    #: (tools/#tools-databases) still leads there after site.yml reorders the categories.
    anchor: str


def tools_index_view(config: SiteConfig, toolbox: Toolbox) -> dict[str, Any]:
    """Every tool under its category, in site.yml's order of categories; the rest last, under
    the label `other_tools`. Categories site.yml does not declare are grouped as terms' are:
    spellings differing in letter case, Unicode form or spacing alone are one group, named as
    the first tool in title order spells it."""
    grouped: dict[str, list[LinkView]] = {name: [] for name in config.tools.categories}
    uncategorised: list[LinkView] = []  # apart, even from a category named as their group is
    spelt: dict[str, str] = {}
    for tool in toolbox.tools.values():
        link = LinkView(tool.title, "../" + tool_path(tool.slug), tool.summary)
        if not tool.category:
            uncategorised.append(link)
            continue
        name = (
            tool.category
            if tool.category in grouped
            else spelt.setdefault(same_name(tool.category), tool.category)
        )
        grouped.setdefault(name, []).append(link)
    others = sorted(
        (n for n in grouped if n not in config.tools.categories), key=lambda n: a_to_z_key(n, config.language)
    )
    groups = [
        (name, config.tools.categories.get(name, ""), grouped[name])
        for name in [*config.tools.categories, *others]
        if grouped[name]
    ]
    if uncategorised:
        groups.append((config.labels["other_tools"], "", uncategorised))
    anchors = _anchors([name for name, _, _ in groups])
    builder = config.stack_builder
    return {
        # the way to the Stack Builder from the tools it picks among: no other page links it
        # but a call to action the editor may not write
        "stack_builder": LinkView(
            builder.title or config.labels["stack_builder_title"], "../" + STACK_BUILDER
        )
        if builder is not None
        else None,
        "title": config.labels["tools"],
        "description": say(config.labels, "tools_description", site=config.title),
        "groups": [
            ToolGroup(name, description, links, anchor)
            for (name, description, links), (_, anchor) in zip(groups, anchors, strict=True)
        ],
        "count": len(toolbox.tools),
    }


def _anchors(names: list[str]) -> list[tuple[str, str]]:
    """Each category with its heading's id; a name that makes an id already taken ('C++' and
    'C') gets a number after it, in site.yml's order."""
    taken: set[str] = set()
    anchors = []
    for name in names:
        stem = f"tools-{group_slug(name)}"
        anchor, number = stem, 1
        while anchor in taken:
            number += 1
            anchor = f"{stem}-{number}"
        taken.add(anchor)
        anchors.append((name, anchor))
    return anchors
