"""Jinja environment and pages: each template gets a small, ready view of its page."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import markupsafe

from glossary_site import feeds, search, sitemap
from glossary_site.config import SiteConfig
from glossary_site.diagnostics import Diagnostic
from glossary_site.model import Body, CtaBlock, Glossary, Group, OutputFile, TermSource
from glossary_site.urls import absolute, group_path, link_url, root_of, term_path

THEME = Path(__file__).parent / "theme"
TEMPLATES = {
    "term": "term.html",
    "index": "index.html",
    "group": "group.html",
    "groups": "groups.html",
    "search": "search.html",
    "404": "404.html",
}
TAXONOMIES = (("categories", "Categories", "Category"), ("tags", "Tags", "Tag"))


class TemplateProblem(Exception):
    """A template failed; carries the template file and line so the CLI can print them."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        super().__init__(str(diagnostic))
        self.diagnostic = diagnostic


@dataclass(frozen=True)
class LinkView:
    title: str
    href: str
    summary: str = ""


@dataclass(frozen=True)
class TableView:
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class FaqView:
    question: str
    answer: str


def environment(root: Path) -> jinja2.Environment:
    """Site templates first, then the package theme, so a site overrides file by file."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([root / "templates", THEME / "templates"]),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["markup"] = markupsafe.Markup
    env.filters["isodate"] = lambda d: d.isoformat() if d else ""
    env.filters["longdate"] = lambda d: f"{d.day} {d:%B %Y}" if d else ""
    return env


class Renderer:
    """Turns the glossary and its rendered bodies into output files."""

    def __init__(self, config: SiteConfig, glossary: Glossary, bodies: dict[str, Body]) -> None:
        self.config = config
        self.glossary = glossary
        self.bodies = bodies
        self.env = environment(config.root)
        self.site = {
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "base_url": config.base_url,
            "year": max((t.updated.year for t in glossary.terms.values() if t.updated), default=None),
        }

    def pages(self) -> Iterator[OutputFile]:
        for term in self.glossary.terms.values():
            yield self.term_page(term)
        yield self.index_page()
        for kind, plural, singular in TAXONOMIES:
            groups = self.glossary.categories if kind == "categories" else self.glossary.tags
            yield self.groups_page(kind, plural, groups)
            for group in groups:
                yield self.group_page(kind, singular, group)
        yield self.page(
            TEMPLATES["search"],
            "search/index.html",
            title="Search",
            description=f"Search {self.config.title}",
        )
        yield self.page(
            TEMPLATES["404"], "404.html", root=self.config.base_path, title="Page not found", description=""
        )
        yield OutputFile("search/index.js", search.index_script(self.glossary, self.bodies).encode())
        yield self.data_file("sitemap.xml", sitemap.sitemap_view(self.config, self.glossary))
        yield self.data_file("robots.txt", {"sitemap": absolute(self.config, "sitemap.xml")})
        yield self.data_file("feed.xml", feeds.feed_view(self.config, self.glossary, self.bodies))
        yield OutputFile("terms.json", self.terms_json().encode())

    def page(self, template: str, path: str, root: str | None = None, **view: Any) -> OutputFile:
        prefix = root if root is not None else root_of(path)
        text = self.render(
            template,
            site=self.site,
            root=prefix,
            canonical=absolute(self.config, path),
            nav=self.nav(path),
            **view,
        )
        return OutputFile(path, text.encode())

    def data_file(self, name: str, view: dict[str, Any]) -> OutputFile:
        return OutputFile(name, self.render(name, site=self.site, **view).encode())

    def render(self, template: str, **context: Any) -> str:
        try:
            return self.env.get_template(template).render(**context)
        except jinja2.TemplateError as exc:
            raise TemplateProblem(template_diagnostic(exc, template)) from None

    def nav(self, path: str) -> list[dict[str, Any]]:
        section = path.split("/", 1)[0] if "/" in path else "index.html"
        items = [
            ("A–Z", "index.html"),
            ("Categories", "categories/index.html"),
            ("Tags", "tags/index.html"),
            ("Search", "search/index.html"),
        ]
        return [
            {"title": title, "path": target, "current": target.split("/")[0] == section}
            for title, target in items
        ]

    def term_link(self, slug: str, root: str) -> LinkView:
        term = self.glossary.terms[slug]
        return LinkView(term.title, root + term_path(slug), term.summary)

    def group_link(self, kind: str, group: Group, root: str) -> LinkView:
        return LinkView(group.name, root + group_path(kind, group.slug))

    def term_page(self, term: TermSource) -> OutputFile:
        root = "../../"
        body = self.bodies[term.slug]
        category = next(
            (
                self.group_link("categories", g, root)
                for g in self.glossary.categories
                if term.slug in g.terms
            ),
            None,
        )
        tags = [self.group_link("tags", g, root) for g in self.glossary.tags if term.slug in g.terms]
        tables = [
            TableView(table.title, table.columns, cells)
            for table, cells in zip(term.tables, body.table_cells, strict=True)
        ]
        faq = [FaqView(f.question, a) for f, a in zip(term.faq, body.faq_answers, strict=True)]
        sources = [LinkView(s.title, link_url(s.url, root)) for s in term.sources]
        return self.page(
            TEMPLATES["term"],
            term_path(term.slug),
            title=term.title,
            description=term.summary,
            term=term,
            body=body,
            category=category,
            tags=tags,
            tables=tables,
            faq=faq,
            sources=sources,
            related=[self.term_link(s, root) for s in self.glossary.related[term.slug]],
            backlinks=[self.term_link(s, root) for s in self.glossary.backlinks[term.slug]],
            cta=self.cta_for(term, root),
        )

    def cta_for(self, term: TermSource, root: str) -> CtaBlock | None:
        chosen = term.cta
        if chosen is False:
            return None
        if chosen is None or chosen is True:
            chosen = self.config.cta_default
        block = self.config.cta_blocks.get(chosen) if isinstance(chosen, str) else chosen
        if block is None:
            return None
        return CtaBlock(block.heading, block.text, block.button, link_url(block.url, root))

    def index_page(self) -> OutputFile:
        sections: dict[str, list[LinkView]] = {}
        for term in self.glossary.terms.values():
            sections.setdefault(letter_of(term.title), []).append(self.term_link(term.slug, ""))
        letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
        if "#" in sections:
            letters.append("#")
        return self.page(
            TEMPLATES["index"],
            "index.html",
            title=self.config.title,
            description=self.config.description,
            letters=[(letter, letter in sections) for letter in letters],
            sections=[(letter, sections[letter]) for letter in letters if letter in sections],
            count=len(self.glossary.terms),
        )

    def groups_page(self, kind: str, title: str, groups: tuple[Group, ...]) -> OutputFile:
        path = f"{kind}/index.html"
        return self.page(
            TEMPLATES["groups"],
            path,
            title=title,
            description=f"{title} of {self.config.title}",
            groups=[(self.group_link(kind, g, "../"), len(g.terms)) for g in groups],
        )

    def group_page(self, kind: str, singular: str, group: Group) -> OutputFile:
        root = "../../"
        return self.page(
            TEMPLATES["group"],
            group_path(kind, group.slug),
            title=group.name,
            description=f"{singular}: {group.name}, {len(group.terms)} terms",
            kind=singular,
            parent=LinkView("Categories" if kind == "categories" else "Tags", root + f"{kind}/index.html"),
            terms=[self.term_link(slug, root) for slug in group.terms],
        )

    def terms_json(self) -> str:
        data = [
            {
                "slug": term.slug,
                "title": term.title,
                "aliases": list(term.aliases),
                "summary": term.summary,
                "definition": term.definition,
                "category": term.category,
                "tags": list(term.tags),
                "related": list(self.glossary.related[term.slug]),
                "updated": term.updated.isoformat() if term.updated else None,
                "url": absolute(self.config, term_path(term.slug)),
            }
            for term in self.glossary.terms.values()
        ]
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def letter_of(title: str) -> str:
    first = title[:1].upper()
    return first if "A" <= first <= "Z" else "#"


def template_diagnostic(exc: jinja2.TemplateError, template: str) -> Diagnostic:
    """Point at the template line: syntax errors carry it, runtime errors are in the traceback."""
    if isinstance(exc, jinja2.TemplateSyntaxError):
        return Diagnostic(_template_path(exc.filename or template), exc.lineno, exc.message or str(exc))
    tb = sys.exc_info()[2]
    where = (template, 1)
    while tb is not None:
        filename = tb.tb_frame.f_code.co_filename
        if filename.endswith((".html", ".xml", ".txt")):
            where = (filename, tb.tb_lineno)
        tb = tb.tb_next
    return Diagnostic(_template_path(where[0]), where[1], f"template error: {exc}")


def _template_path(filename: str) -> str:
    path = Path(filename)
    if THEME in path.parents:
        return "(theme)/" + path.relative_to(THEME).as_posix()
    parts = path.parts
    return "/".join(parts[parts.index("templates") :]) if "templates" in parts else filename
