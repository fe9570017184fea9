"""Jinja: the theme's and the site's templates, rendering a view to bytes, and template digests.

Views (what each template receives) are made elsewhere (views.py, term_page.py); this module
knows nothing of glossaries. A template that fails raises ContentError with its file and line.
A template's digest covers every template it extends, includes or imports, so a page's key
changes when any template it is rendered with changes.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import markupsafe

from glossary_site.cache import user_folder
from glossary_site.diagnostics import ContentError, Diagnostic
from glossary_site.fingerprint import FINGERPRINT, digest

THEME = Path(__file__).parent / "theme"
TEMPLATES = {
    "term": "term.html",
    "index": "index.html",
    "group": "group.html",
    "groups": "groups.html",
    "search": "search.html",
    "404": "404.html",
    "tool": "tool.html",
    "tools": "tools.html",
    "stack_builder": "stack_builder.html",
    "graph": "graph.html",
    "feed": "feed.xml",
    "sitemap": "sitemap.xml",
    "robots": "robots.txt",
}


def environment(root: Path) -> jinja2.Environment:
    """Site templates first, then the package theme, so a site overrides file by file.

    Templates are not checked for changes on every render: a build's templates never change
    under it, and serve makes new ones for a build after a template is saved.
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader([root / "templates", THEME / "templates"]),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_compiled_templates(),
    )
    env.filters["markup"] = markupsafe.Markup
    env.filters["isodate"] = lambda d: d.isoformat() if d else ""
    env.filters["longdate"] = lambda d: f"{d.day} {d:%B %Y}" if d else ""
    return env


def _compiled_templates() -> jinja2.BytecodeCache | None:
    try:
        return _CompiledTemplates(os.fspath(user_folder() / "templates"))
    except OSError:  # no user folder at all: templates are compiled at every build
        return None


class _CompiledTemplates(jinja2.FileSystemBytecodeCache):
    """Compiled templates kept between builds, as Python keeps its own bytecode: compiling the
    theme is a good part of a small site's build. Jinja checks each against its template's
    source, so an edited template is compiled again; a folder that cannot be written, or a
    file in it that cannot be read, costs only that time."""

    def get_source_checksum(self, source: str) -> str:
        """Jinja's own check is the source alone; another release of Jinja or of this generator
        (other environment options or filters) may compile the same source differently."""
        return super().get_source_checksum(f"{FINGERPRINT}; jinja2 {jinja2.__version__}\n{source}")

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # missing, truncated, unreadable: compiled afresh and written again
            bucket.reset()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        with contextlib.suppress(OSError):
            os.makedirs(self.directory, exist_ok=True)
            super().dump_bytecode(bucket)


class Templates:
    """One site's templates: rendered on demand, each digested once."""

    def __init__(self, root: Path, digests: dict[str, str] | None = None) -> None:
        """`digests`: those a build made from these very files (term_edits.py saves them)."""
        self.env = environment(root)
        self._digests: dict[str, str] = dict(digests or {})

    @property
    def digests(self) -> dict[str, str]:
        return {name: found for name, found in self._digests.items() if found}

    def render(self, template: str, context: dict[str, Any]) -> bytes:
        try:
            return self.env.get_template(template).render(**context).encode()
        except jinja2.TemplateError as exc:
            raise ContentError.of(template_diagnostic(exc, template)) from None

    def ready(self, names: Iterable[str]) -> None:
        """Digest and compile these templates and all they use, ahead of need: a build does
        this while worker processes convert Markdown, and the workers it starts later to
        render inherit them compiled instead of each compiling its own. A broken template is
        left for keying or rendering to report."""
        for name in names:
            with contextlib.suppress(ContentError):
                self.digest(name)
        for name in self.digests:
            with contextlib.suppress(jinja2.TemplateError):
                self.env.get_template(name)

    def digest(self, name: str) -> str:
        """Hash of a template and every template it extends, includes or imports."""
        if name not in self._digests:
            self._digests[name] = ""  # guards against a template that includes itself
            try:
                self._digests[name] = self._digest_of(name)
            except ContentError:
                del self._digests[name]  # asked again, it fails again
                raise
        return self._digests[name]

    def _digest_of(self, name: str) -> str:
        loader = self.env.loader
        assert loader is not None
        try:
            source, filename, _ = loader.get_source(self.env, name)
            parsed = self.env.parse(source, name, filename)
        except jinja2.TemplateError as exc:
            raise ContentError.of(template_diagnostic(exc, name)) from None
        children = sorted(n for n in jinja2.meta.find_referenced_templates(parsed) if n)
        return digest("\0".join([source, *map(self.digest, children)]).encode())


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
