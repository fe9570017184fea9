"""Tools: content/tools/*.md read and checked like terms, then indexed by name and linked to
the terms that mention them.

Tools are few next to terms (tens to hundreds), so they are read in the main process on
every build; their pages' keys use each file's content hash like term pages do.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from glossary_site import content, content_files, front_matter, graph, title_heading
from glossary_site.a_to_z import a_to_z_key
from glossary_site.diagnostics import (
    ContentError,
    Diagnostics,
    clipped,
    did_you_mean,
    first_of_each,
    listed_again,
)
from glossary_site.fingerprint import digest
from glossary_site.model import Glossary, TermSource, Toolbox, ToolSource
from glossary_site.plain_markup import Field, FieldPath, warn_of_markup
from glossary_site.slugs import slug_of_file, slugify
from glossary_site.tool_settings import ToolSettings, split_values, undeclared, value_at
from glossary_site.url_checks import link_url_problem

FIELDS = (
    "title", "slug", "former_slugs", "summary", "url", "aliases", "category", "tags", "attributes",
    "updated", "draft",
)  # fmt: skip
#: The fields shown as written, where Markdown an editor writes reaches the page as marks.
PLAIN: dict[str | FieldPath, Field] = {
    "title": Field("a title", "the body", "and link the term from the body"),
    "summary": Field("a summary", "the body", "and link the term from the body"),
    "aliases": Field("an alias", "the body", "and link the term from the body"),
    "category": Field("a category", "the body", "and link the term from the body"),
}
#: The fields a tool's page or cards show, where a TODO or words YAML cut off are warned of.
SHOWN = ("title", "summary", "aliases", "category", "tags")
#: How a wiki-link names a tool rather than a term: [[tool:Midjourney]].
PREFIX = "tool:"


class LoadedTools(NamedTuple):
    sources: list[ToolSource]
    #: The slugs the files that failed to load seem to have (Toolbox.unreadable).
    unreadable: frozenset[str]


def load_tools(root: Path, settings: ToolSettings | None, diagnostics: Diagnostics) -> LoadedTools:
    """Every tool file, in path order; `settings` is None when site.yml is broken, and then the
    attributes are not checked against it."""
    tools: list[ToolSource] = []
    unreadable: set[str] = set()
    for path in content_files.find_tool_files(root):
        data = b""
        try:
            data = front_matter.read_bytes(root / path, path)
            tools.append(
                parse_tool(path, front_matter.decode(data, path), digest(data), settings, diagnostics)
            )
        except ContentError as problem:
            diagnostics.add(problem.diagnostic)
            names = (slug_of_file(path), *(content.names_in_broken_file(data) if data else ()))
            unreadable.update(filter(None, map(slugify, names)))
    unreadable |= content.misnamed_names(root, content_files.TOOLS_DIR)
    having = [tool for tool in tools if tool.attributes]
    if settings is not None and not settings.attributes and having:
        first = having[0]
        what = f"{len(having)} tools have" if len(having) > 1 else "this tool has"
        used = [name for tool in having for name, _ in tool.attributes]
        diagnostics.error(first.path, first.key_lines.get("attributes", 1), undeclared(what, used))
    return LoadedTools(tools, frozenset(unreadable))


def parse_tool(
    path: str, text: str, file_digest: str, settings: ToolSettings | None, diagnostics: Diagnostics
) -> ToolSource:
    front, located, body, body_line = content.read_front_matter(path, text, diagnostics, markers=False)
    fields = front_matter.Fields(path, located, diagnostics)
    content.check_body(path, body, body_line, diagnostics, markers=False)
    content.check_ids(path, [(body, body_line, None)], diagnostics)
    fields.unknown_keys(FIELDS)
    warn_of_markup(path, located, PLAIN, diagnostics)
    content.check_shown_text(path, front, located, diagnostics, SHOWN)
    url = fields.text("url", required=True, one_line=True)
    url_problem = link_url_problem(url) if url else None
    if url_problem is not None:  # reported once: the check of links on the site passes it by
        fields.error("url", f"url '{url}' {url_problem}")
        url = ""
    category = fields.optional_name("category")
    if category and settings is not None and settings.categories and category not in settings.categories:
        hint = did_you_mean(category, settings.categories) or "; add it to tools.categories in site.yml"
        fields.error("category", f"unknown tool category '{category}'{hint}")
    slug = fields.slug()
    tool = ToolSource(
        path=path,
        slug=slug,
        former_slugs=fields.former_slugs(slug, "tool"),
        title=fields.text("title", required=True, one_line=True),
        summary=fields.text("summary", required=True, one_line=True),
        url=url,
        body=body,
        body_line=body_line,
        digest=file_digest,
        aliases=fields.text_list("aliases", one_line=True),
        alias_lines=tuple(ref.line for ref in fields.refs("aliases", report=False)),
        category=category,
        tags=_distinct_tags(fields),
        attributes=_attributes(fields, settings),
        updated=fields.date("updated"),
        draft=fields.flag("draft"),
        key_lines={str(k[0]): v for k, v in located.lines.items() if len(k) == 1},
    )
    repeated = title_heading.repeated_title(body, body_line, tool.title)
    if repeated is not None:
        diagnostics.warning(path, repeated, title_heading.message("tool"))
    return tool


def _attributes(
    fields: front_matter.Fields, settings: ToolSettings | None
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    raw: Any = fields.data.get("attributes")
    if raw is None:
        return ()
    if not isinstance(raw, dict):
        fields.error("attributes", "'attributes' must map each attribute to a value or a list of values")
        return ()
    declared = (settings.attributes or None) if settings is not None else None  # none: see load_tools
    found: dict[str, tuple[str, ...]] = {}
    for name, value in raw.items():
        items, bad = split_values(value)
        if not items:
            fields.error(
                "attributes", f"attribute '{clipped(str(name))}' needs a value or a list of values", str(name)
            )
            continue
        if bad is not None:
            message = f"item {bad} of attribute '{clipped(str(name))}' is no value; write one or remove it"
            fields.error("attributes", message, str(name))
        values = _distinct_values(fields, str(name), [str(v).strip() for v in items], isinstance(value, list))
        if declared is not None and name not in declared:
            hint = did_you_mean(str(name), declared) or "; declare it in tools.attributes in site.yml"
            fields.error("attributes", f"unknown tool attribute '{clipped(str(name))}'{hint}", str(name))
            continue
        allowed = declared[name] if declared is not None else values
        for wrong in (v for v in values if v not in allowed):
            hint = did_you_mean(wrong, allowed) or f"; allowed: {', '.join(allowed)}"
            message = f"'{wrong}' is not a value of the attribute '{name}'{hint}"
            fields.error("attributes", message, str(name), *value_at(value, wrong))
        found[str(name)] = values
    order = list(declared) if declared is not None else sorted(found)
    return tuple((name, found[name]) for name in order if name in found)


def _distinct_tags(fields: front_matter.Fields) -> tuple[str, ...]:
    """Each tag once in tools.json, as a term's page and terms.json give a term's; one listed
    again (in any letter case, Unicode form or spacing, as for a term) is a warning."""
    tags = fields.text_list("tags", one_line=True)
    lines = [ref.line for ref in fields.refs("tags", report=False)]
    first: dict[str, int] = {}
    found: list[str] = []
    if len(lines) != len(tags):
        lines = [fields.located.line("tags")] * len(tags)
    for tag, line in zip(tags, lines, strict=True):
        key = graph.same_name(tag)
        if key in first:
            fields.diagnostics.warning(fields.path, line, listed_again(f"tag '{tag}'", first[key], line))
        else:
            first[key] = line
            found.append(tag)
    return tuple(found)


def _distinct_values(
    fields: front_matter.Fields, name: str, values: list[str], listed: bool
) -> tuple[str, ...]:
    """Each value once, as the page and tools.json give it; one listed again is a warning."""
    lines = [fields.located.line("attributes", name, *((i,) if listed else ())) for i in range(len(values))]
    distinct, repeats = first_of_each(
        values, lines, lambda value: f"value '{value}' of the attribute '{name}'"
    )
    for line, message in repeats:
        fields.diagnostics.warning(fields.path, line, message)
    return distinct


def build_toolbox(
    tools: Iterable[ToolSource],
    glossary: Glossary,
    diagnostics: Diagnostics,
    include_drafts: bool,
    language: str,
    unreadable: frozenset[str] = frozenset(),
) -> Toolbox:
    """Index the tools by name and resolve each term's `tools:` list; mentions come later,
    with the inline links (`with_mentions`)."""
    everything = sorted(tools, key=lambda t: t.path)
    names, spellings, owners = graph.index_names(everything, diagnostics)
    drafts = frozenset(t.slug for t in everything if t.draft and not include_drafts)
    published = sorted(
        (t for t in everything if t.slug not in drafts and owners.get(t.slug) is t),
        key=lambda t: (a_to_z_key(t.title, language), t.slug),
    )
    for tool in published:
        diagnostics.items += graph.alias_repeats(tool) + graph.date_warnings(tool)
    unreadable |= graph.lost_slug_names(everything, owners)
    box = Toolbox({t.slug: t for t in published}, names, spellings, drafts, unreadable=unreadable)
    listed = {slug: _listed_tools(term, box, diagnostics) for slug, term in glossary.terms.items()}
    return dataclasses.replace(box, of_term={s: t for s, t in listed.items() if t})


def _listed_tools(term: TermSource, box: Toolbox, diagnostics: Diagnostics) -> tuple[str, ...]:
    """Each tool once, as the sidebar shows it; one named again (by any of its names) is a
    warning, as a related term named again is."""
    found: dict[str, int] = {}
    for ref in term.tools:
        slug = resolve(box, ref.text, term.path, ref.line, diagnostics, "tool", in_list=True)
        if slug is not None and slug in found:
            diagnostics.warning(
                term.path, ref.line, listed_again(f"tool '{ref.text}'", found[slug], ref.line)
            )
        elif slug is not None:
            found[slug] = ref.line
    return tuple(found)


def resolve(
    box: Toolbox, name: str, path: str, line: int, diagnostics: Diagnostics, what: str, in_list: bool = False
) -> str | None:
    """The slug of the published tool `name` names, or None with the problem reported; `in_list`
    for an entry of a term's `tools`, which may be several names written as one text."""
    slug = graph.resolve(box.names, name)
    if slug is None:
        if not graph.may_name_unreadable(box.unreadable, name):
            problem = (
                graph.unknown_listed(box.names, box.spellings, name, what, "tools", box.tools.values())
                if in_list
                else graph.unknown_reference(box.spellings, name, what, box.tools.values())
            )
            diagnostics.error(path, line, problem)
    elif slug in box.drafts:
        diagnostics.warning(path, line, f"{what} '{name}' is a draft; it is left out")
        return None
    return slug


def split_links(
    targets: dict[str, tuple[str | None, ...]],
) -> tuple[dict[str, list[str]], dict[str, list[str]]]:
    """Each term's resolved wiki-links, split into terms it links and tools it links."""
    terms: dict[str, list[str]] = {}
    linked_tools: dict[str, list[str]] = {}
    for slug, found in targets.items():
        terms[slug] = [t for t in found if t and not t.startswith(PREFIX)]
        if len(terms[slug]) < len(found):
            linked_tools[slug] = [t.removeprefix(PREFIX) for t in found if t and t.startswith(PREFIX)]
    return terms, linked_tools


def with_mentions(box: Toolbox, glossary: Glossary, inline: dict[str, list[str]]) -> Toolbox:
    """Every tool's mentions: the terms that list it or link it inline. A term's page shows the
    tools it lists, or, when it lists none, those it links."""
    shown: dict[str, tuple[str, ...]] = {}
    mentions: dict[str, list[str]] = {}
    for slug in glossary.terms:  # title order
        listed, linked = box.of_term.get(slug, ()), tuple(dict.fromkeys(inline.get(slug, ())))
        if listed or linked:
            shown[slug] = listed or linked
        for tool in dict.fromkeys((*listed, *linked)):
            mentions.setdefault(tool, []).append(slug)
    return dataclasses.replace(
        box, of_term=shown, mentions={tool: tuple(terms) for tool, terms in mentions.items()}
    )
