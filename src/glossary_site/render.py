"""Pages: each template gets a small, ready view; each page gets a key naming its inputs.

A page's key is a hash of everything it shows plus the templates it is rendered with, so a
build can tell which pages changed without rendering them. Views are built lazily: a term
page's body is loaded only if that page must be rendered.
"""

from __future__ import annotations

import dataclasses
import json
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple

import jinja2
import jinja2.meta
import markupsafe

from glossary_site import feeds, sitemap, structured
from glossary_site.autolink import Autolinker
from glossary_site.cache import digest
from glossary_site.config import SiteConfig
from glossary_site.diagnostics import Diagnostic
from glossary_site.markup import fill_links
from glossary_site.model import Body, CtaBlock, Glossary, Group, PreparedFile, RawBody, TermSource
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


class LinkView(NamedTuple):
    """A link as a template shows it; a tuple because pages hold hundreds of thousands."""

    title: str
    href: str
    summary: str = ""


class TableView(NamedTuple):
    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


class FaqView(NamedTuple):
    question: str
    answer: str


@dataclass(frozen=True)
class PageJob:
    """One output file: where it goes, what decides its bytes, and how to make them."""

    path: str
    key: str
    produce: Callable[[], bytes]


@dataclass(frozen=True)
class LinkedTerms:
    """Per term: what the renderer needs beyond the graph, all small."""

    prepared: dict[str, PreparedFile]
    targets: dict[str, tuple[str | None, ...]]


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
    """Turns the glossary into page jobs; rendering happens when a job is produced."""

    def __init__(
        self,
        config: SiteConfig,
        glossary: Glossary,
        linked: LinkedTerms,
        load_body: Callable[[PreparedFile], RawBody],
    ) -> None:
        self.config = config
        self.glossary = glossary
        self.linked = linked
        self.load_body = load_body
        self.env = environment(config.root)
        self.site = {
            "title": config.title,
            "description": config.description,
            "language": config.language,
            "base_url": config.base_url,
        }
        self.site_key = repr(dataclasses.replace(config, root=Path(".")))
        self._template_digests: dict[str, str] = {}
        self._links: dict[tuple[str, str], LinkView] = {}
        self._faces = {slug: _face(term) for slug, term in glossary.terms.items()}
        self._ctas: dict[tuple[CtaBlock, str], CtaBlock] = {}
        self._cta_keys: dict[CtaBlock | None, str] = {}
        self.autolinker = Autolinker(glossary) if config.autolink else None
        self.names_key = self.names_digest(self.autolinker) if self.autolinker else ""
        self.memberships = {
            "categories": _memberships(glossary.categories),
            "tags": _memberships(glossary.tags),
        }

    # -- jobs ---------------------------------------------------------------------------------

    def jobs(self) -> list[PageJob]:
        jobs = [self.term_job(term) for term in self.glossary.terms.values()]
        jobs.append(self.page_job(TEMPLATES["index"], "index.html", **self.index_view()))
        for kind, plural, singular in TAXONOMIES:
            groups = self.glossary.categories if kind == "categories" else self.glossary.tags
            jobs.append(
                self.page_job(
                    TEMPLATES["groups"], f"{kind}/index.html", **self.groups_view(kind, plural, groups)
                )
            )
            jobs += [
                self.page_job(
                    TEMPLATES["group"], group_path(kind, g.slug), **self.group_view(kind, singular, g)
                )
                for g in groups
            ]
        title = f"Search {self.config.title}"
        jobs.append(
            self.page_job(TEMPLATES["search"], "search/index.html", title="Search", description=title)
        )
        jobs.append(
            self.page_job(
                TEMPLATES["404"],
                "404.html",
                root=self.config.base_path,
                title="Page not found",
                description="",
            )
        )
        jobs.append(self.template_job("sitemap.xml", sitemap.sitemap_view(self.config, self.glossary)))
        jobs.append(self.template_job("robots.txt", {"sitemap": absolute(self.config, "sitemap.xml")}))
        feed = feeds.feed_view(self.config, self.glossary, self.definition)
        jobs.append(self.template_job("feed.xml", feed))
        jobs.append(self.terms_json_job())
        return jobs

    def page_job(self, template: str, path: str, root: str | None = None, **view: Any) -> PageJob:
        context = {
            "site": self.site,
            "root": root if root is not None else root_of(path),
            "canonical": absolute(self.config, path),
            "nav": self.nav(path),
            **view,
        }
        key = self.key(template, repr(sorted(context.items())))
        return PageJob(path, key, lambda: self.render(template, context))

    def template_job(self, template: str, view: dict[str, Any]) -> PageJob:
        context = {"site": self.site, **view}
        key = self.key(template, repr(sorted(context.items())))
        return PageJob(template, key, lambda: self.render(template, context))

    def terms_json_job(self) -> PageJob:
        """Keyed by the fields the JSON holds, joined: encoding the JSON of 10,000 definitions
        just to hash it would cost a tenth of a rebuild. YAML refuses control characters, so
        the separators cannot occur in the fields."""
        fields = [self.site_key]
        for slug, term in self.glossary.terms.items():
            lists = ("\1".join(names) for names in (term.aliases, term.tags, self.glossary.related[slug]))
            values = (slug, term.title, term.summary, term.definition, term.category or "", str(term.updated))
            fields.append("\0".join((*values, *lists)))
        return PageJob("terms.json", digest("\n".join(fields).encode()), lambda: self.terms_json().encode())

    def key(self, template: str, view: str) -> str:
        return digest(f"{self.template_digest(template)}\n{self.site_key}\n{view}".encode())

    def render(self, template: str, context: dict[str, Any]) -> bytes:
        try:
            return self.env.get_template(template).render(**context).encode()
        except jinja2.TemplateError as exc:
            raise TemplateProblem(template_diagnostic(exc, template)) from None

    def template_digest(self, name: str) -> str:
        """Hash of a template and every template it extends, includes or imports."""
        if name not in self._template_digests:
            self._template_digests[name] = ""  # guards against a template that includes itself
            loader = self.env.loader
            assert loader is not None
            try:
                source, filename, _ = loader.get_source(self.env, name)
                parsed = self.env.parse(source, name, filename)
            except jinja2.TemplateError as exc:
                raise TemplateProblem(template_diagnostic(exc, name)) from None
            parts = [source] + [
                self.template_digest(child)
                for child in sorted(n for n in jinja2.meta.find_referenced_templates(parsed) if n)
            ]
            self._template_digests[name] = digest("\0".join(parts).encode())
        return self._template_digests[name]

    # -- views --------------------------------------------------------------------------------

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
        link = self._links.get((slug, root))
        if link is None:
            term = self.glossary.terms[slug]
            link = self._links[slug, root] = LinkView(term.title, root + term_path(slug), term.summary)
        return link

    def group_link(self, kind: str, group: Group, root: str) -> LinkView:
        return LinkView(group.name, root + group_path(kind, group.slug))

    def term_job(self, term: TermSource) -> PageJob:
        """The key covers the file's hash and the face of every other term the page shows."""
        root = "../../"
        slug = term.slug
        prepared = self.linked.prepared[slug]
        categories = self.memberships["categories"].get(slug, [])
        tags = self.memberships["tags"].get(slug, [])
        related, backlinks = self.glossary.related[slug], self.glossary.backlinks[slug]
        cta = self.cta_for(term, root)
        faces = self._faces
        shown = (
            prepared.digest,
            " ".join(faces[s] if s else "-" for s in self.linked.targets[slug]),
            " ".join(faces[s] for s in related),
            " ".join(faces[s] for s in backlinks),
            "\1".join(f"{g.slug}\0{g.name}" for g in categories[:1] + tags),
            self._cta_keys.get(cta) or self._cta_keys.setdefault(cta, repr(cta)),
            self.names_key,
        )
        path = term_path(slug)
        key = self.key(TEMPLATES["term"], "\n".join(shown))

        def produce() -> bytes:
            view = self.term_view(term, self.fill(prepared), root, categories[0] if categories else None)
            context = {"site": self.site, "root": root, "canonical": absolute(self.config, path)}
            shown = {
                "category": self.group_link("categories", categories[0], root) if categories else None,
                "tags": [self.group_link("tags", g, root) for g in tags],
                "related": [self.term_link(s, root) for s in related],
                "backlinks": [self.term_link(s, root) for s in backlinks],
                "cta": cta,
            }
            return self.render(TEMPLATES["term"], {**context, "nav": self.nav(path), **view, **shown})

        return PageJob(path, key, produce)

    def names_digest(self, autolinker: Autolinker) -> str:
        """With auto-linking, any page may mention any term: every name and face counts."""
        names = sorted(f"{' '.join(words)}\0{self._faces[slug]}" for words, slug in autolinker.names.items())
        return digest("\n".join(names).encode())

    def fill(self, prepared: PreparedFile) -> Body:
        term = prepared.term
        assert term is not None
        body = fill_links(self.load_body(prepared), self.linked.targets[term.slug], self.glossary)
        if self.autolinker is None:
            return body
        return dataclasses.replace(body, body=self.autolinker.link(body.body, term.slug, body.links))

    def term_view(
        self, term: TermSource, body: Body, root: str, category: Group | None = None
    ) -> dict[str, Any]:
        tables = [
            TableView(table.title, table.columns, cells)
            for table, cells in zip(term.tables, body.table_cells, strict=True)
        ]
        return {
            "title": term.title,
            "description": term.summary,
            "term": term,
            "body": body,
            "tables": tables,
            "faq": [FaqView(q, a) for q, a in zip(body.faq_questions, body.faq_answers, strict=True)],
            "sources": [LinkView(s.title, link_url(s.url, root)) for s in term.sources],
            "json_ld": structured.term_blocks(self.config, term, body, category.slug if category else None),
        }

    def definition(self, slug: str) -> str:
        """A term's definition as HTML with its links filled, for the feed."""
        prepared = self.linked.prepared[slug]
        raw = RawBody(prepared.definition_html, "", (), (), prepared.wikilinks)
        return fill_links(raw, self.linked.targets[slug], self.glossary).definition

    def cta_for(self, term: TermSource, root: str) -> CtaBlock | None:
        chosen = term.cta
        if chosen is False:
            return None
        if chosen is None or chosen is True:
            chosen = self.config.cta_default
        block = self.config.cta_blocks.get(chosen) if isinstance(chosen, str) else chosen
        if block is None:
            return None
        if (block, root) not in self._ctas:  # most terms share the site's default block
            self._ctas[block, root] = block._replace(url=link_url(block.url, root))
        return self._ctas[block, root]

    def index_view(self) -> dict[str, Any]:
        sections: dict[str, list[LinkView]] = {}
        for term in self.glossary.terms.values():
            sections.setdefault(letter_of(term.title), []).append(self.term_link(term.slug, ""))
        letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
        if "#" in sections:
            letters.append("#")
        return {
            "title": self.config.title,
            "description": self.config.description,
            "letters": [(letter, letter in sections) for letter in letters],
            "sections": [(letter, sections[letter]) for letter in letters if letter in sections],
            "count": len(self.glossary.terms),
        }

    def groups_view(self, kind: str, title: str, groups: tuple[Group, ...]) -> dict[str, Any]:
        return {
            "title": title,
            "description": f"{title} of {self.config.title}",
            "groups": [(self.group_link(kind, g, "../"), len(g.terms)) for g in groups],
        }

    def group_view(self, kind: str, singular: str, group: Group) -> dict[str, Any]:
        root = "../../"
        return {
            "title": group.name,
            "description": f"{singular}: {group.name}, {len(group.terms)} terms",
            "kind": singular,
            "parent": LinkView("Categories" if kind == "categories" else "Tags", root + f"{kind}/index.html"),
            "terms": [self.term_link(slug, root) for slug in group.terms],
        }

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
        return json.dumps(data, ensure_ascii=False, separators=(",", ":"), sort_keys=True) + "\n"


def _face(term: TermSource) -> str:
    """What a page shows of another term (title and summary), as a short stable text."""
    shown = "\0".join((term.title, term.summary))
    return f"{term.slug}:{digest(shown.encode())[:16]}"


def _memberships(groups: tuple[Group, ...]) -> dict[str, list[Group]]:
    """Groups by member slug, so a term page finds its own without scanning every group."""
    found: dict[str, list[Group]] = {}
    for group in groups:
        for slug in group.terms:
            found.setdefault(slug, []).append(group)
    return found


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
