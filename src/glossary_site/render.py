"""Jinja: the theme's and the site's templates, rendering a view to bytes, and template digests.

Views (what each template receives) are made elsewhere (views.py, term_page.py); this module
knows nothing of glossaries. A template that fails raises ContentError with its file and line,
whatever failed: a site's templates are content, so nothing in them may end a build in a
traceback. Before a page's template runs, it and every template it names are read and parsed,
and all that stops them is raised at once (TemplateProblems), so a build reports every broken
template, even one only a branch no page takes yet would include.
A template's digest covers every template it extends, includes or imports, so a page's key
changes when any template it is rendered with changes.
"""

from __future__ import annotations

import contextlib
import functools
import os
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import jinja2
import jinja2.meta
import markupsafe
from jinja2 import nodes

from glossary_site import labels as theme_labels
from glossary_site import template_fields, template_names, template_records, template_words
from glossary_site.bidi_marks import with_marks
from glossary_site.cache import user_folder
from glossary_site.diagnostics import ContentError, Diagnostic, did_you_mean
from glossary_site.fingerprint import FINGERPRINT, digest
from glossary_site.template_files import THEME_LABEL, Loader, TemplateFileError
from glossary_site.template_nesting import unclosed_line

TEMPLATES = {
    "term": "term.html",
    "index": "index.html",
    "a_to_z_letter": "a_to_z_letter.html",
    "group": "group.html",
    "groups": "groups.html",
    "search": "search.html",
    "404": "404.html",
    "tool": "tool.html",
    "tools": "tools.html",
    "stack_builder": "stack_builder.html",
    "graph": "graph.html",
    "redirect": "redirect.html",
    "feed": "feed.xml",
    "sitemap": "sitemap.xml",
    "sitemap_index": "sitemap_index.xml",
    "robots": "robots.txt",
    "labels": "labels.js",
}


def environment(root: Path) -> ThemeEnvironment:
    """Site templates first, then the package theme, so a site overrides file by file.

    Templates are not checked for changes on every render: a build's templates never change
    under it, and serve makes new ones for a build after a template is saved.
    """
    env = ThemeEnvironment(
        loader=Loader(root),
        autoescape=jinja2.select_autoescape(["html", "xml"]),
        undefined=template_fields.FieldUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=_compiled_templates(),
    )
    env.filters["markup"] = markupsafe.Markup
    env.filters["isodate"] = lambda d: d.isoformat() if d else ""
    return env


class ThemeEnvironment(jinja2.Environment):
    """Jinja's, speaking the site's words (labels.py): `labels.name` shows one, `t(...)` fills
    one's placeholders, `longdate` and `number` write dates and numbers. A template binds its
    filters when it is loaded, so they read `words`, which `speak` changes in place."""

    def __init__(self, **options: Any) -> None:
        super().__init__(**options)
        self.words: dict[str, str] = {}
        self.globals["t"] = functools.partial(template_words.fill, self.words)
        self.filters["longdate"] = lambda day: theme_labels.long_date(self.words, day) if day else ""
        # Taking the context keeps Jinja from writing `{{ 12345|number }}` out as it compiles,
        # into code kept between builds whatever separator a later one speaks.
        self.filters["number"] = jinja2.pass_context(lambda _, value: theme_labels.number(self.words, value))
        self.speak(theme_labels.defaults())

    def speak(self, labels: Mapping[str, str]) -> None:
        self.words.clear()
        self.words.update(labels)
        self.globals["labels"] = template_words.Labels(labels)


class TemplateProblems(ContentError):
    """Everything that stops a page's templates before they run (Templates.problems); a page
    raises all of them, as it cannot be made until all are fixed."""

    def __init__(self, problems: Sequence[Diagnostic]) -> None:
        super().__init__(problems[0].path, problems[0].line, problems[0].message)
        self.diagnostics = tuple(problems)


class TemplateRunError(ContentError):
    """A template failed as it ran for one page: others may not fail alike, so the report
    names the page."""


def _user_templates() -> Path | None:
    """Where compiled templates and what each names are kept; None with no user folder at
    all: templates are then compiled and read at every build."""
    try:
        return user_folder() / "templates"
    except OSError:
        return None


def _compiled_templates() -> jinja2.BytecodeCache | None:
    folder = _user_templates()
    return None if folder is None else _CompiledTemplates(os.fspath(folder))


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


@dataclass(frozen=True)
class _Examined:
    """One template as read and parsed, before it runs."""

    #: Its source, or for a file that cannot be read, why not; "" when there is none.
    text: str = ""
    #: As diagnostics name it; "" when there is no such template.
    shown: str = ""
    #: The templates it names, for its digest.
    children: tuple[str, ...] = ()
    uses: tuple[template_names.Use, ...] = ()
    problems: tuple[Diagnostic, ...] = ()
    #: Whether it names a template by a variable, so that any template may be one it uses.
    dynamic: bool = False
    #: Its syntax tree, for the checks that read its blocks (stray_blocks.py); parsed when
    #: one asks, for a template whose record was kept (template_records.py).
    tree: nodes.Template | None = None
    filename: str = ""


class Templates:
    """One site's templates: rendered on demand, each digested and examined once."""

    def __init__(self, root: Path, digests: dict[str, str] | None = None) -> None:
        """`digests`: those a build made from these very files (term_edits.py saves them)."""
        self.env = environment(root)
        loader = self.env.loader
        assert isinstance(loader, Loader)
        self._loader = loader
        self._digests: dict[str, str] = dict(digests or {})
        #: Those digested by a good build from these very files: it found nothing to stop
        #: them, and examining them again would parse them, when term_edits.py remakes a page
        #: in milliseconds.
        self._good = frozenset(self._digests)
        self._examined: dict[str, _Examined] = {}
        self._records = _user_templates()
        self._problems: dict[str, tuple[Diagnostic, ...]] = {}

    @property
    def digests(self) -> dict[str, str]:
        return {name: found for name, found in self._digests.items() if found}

    def render(self, template: str, context: dict[str, Any]) -> bytes:
        problems = () if template in self._good else self.problems(template)
        if problems:
            raise TemplateProblems(problems)
        try:
            page = self.env.get_template(template).render(**context)
        except Exception as exc:  # a template can fail in any way Python can, or recurse without end
            raise TemplateRunError.of(self._diagnostic(exc, template)) from None
        right_to_left = template.endswith(".html") and context.get("site", {}).get("direction") == "rtl"
        return (with_marks(page) if right_to_left else page).encode()

    @staticmethod
    def reported(problem: ContentError) -> tuple[Diagnostic, ...]:
        """What a page that raised `problem` reports: every problem of its templates, when
        those stopped it before it ran."""
        return problem.diagnostics if isinstance(problem, TemplateProblems) else (problem.diagnostic,)

    def ready(self, names: Iterable[str]) -> None:
        """Digest and compile these templates and all they use, ahead of need: a build does
        this while worker processes convert Markdown, and the workers it starts later to
        render inherit them compiled instead of each compiling its own. A broken template is
        left for rendering to report."""
        for name in names:
            self.digest(name)
        for name in self.digests:
            with contextlib.suppress(Exception):
                self.env.get_template(name)

    def digest(self, name: str) -> str:
        """Hash of a template and every template it extends, includes or imports; a broken
        one has one too (of its text, or of why it cannot be read), so that keying pages never
        fails and rendering reports every problem."""
        if name not in self._digests:
            self._digests[name] = ""  # guards against a template that includes itself
            examined = self._examine(name)
            parts = [examined.text, *map(self.digest, examined.children)]
            if examined.dynamic:
                parts += (f"{other}\0{self._examine(other).text}" for other in self._loader.list_templates())
            self._digests[name] = digest("\0".join(parts).encode())
        return self._digests[name]

    def named(self, name: str) -> tuple[str, ...] | None:
        """What `name` extends, includes or imports by name; None when that is not known: it
        names a template by a variable, and so may use any, or it cannot be read or parsed."""
        examined = self._examine(name)
        return None if examined.dynamic or examined.problems else examined.children

    def shown(self, name: str) -> str:
        """The template's name as diagnostics give it (the theme's marked as such); "" when
        there is no such template."""
        return self._examine(name).shown

    def parsed(self, name: str) -> tuple[str, nodes.Template] | None:
        """A template's name as diagnostics give it and its syntax tree, parsed once for all
        checks; None when it cannot be read or parsed, which problems() reports."""
        examined = self._examine(name)
        if examined.tree is None and examined.shown and not examined.problems:
            examined = replace(examined, tree=self.env.parse(examined.text, name, examined.filename))
            self._examined[name] = examined
        return None if examined.tree is None else (examined.shown, examined.tree)

    def problems(self, name: str) -> tuple[Diagnostic, ...]:
        """What stops a template before it runs, in it and in every template it names: a file
        that cannot be read, a syntax error, a template named that does not exist. All of them,
        sorted, and in templates only a branch not taken would include, which rendering alone
        would leave until a page took it."""
        if name not in self._problems:
            found: set[Diagnostic] = set()
            seen: set[str] = set()
            waiting = [name]
            while waiting:
                if (current := waiting.pop()) in seen:
                    continue
                seen.add(current)
                examined = self._examine(current)
                found.update(examined.problems)
                for line, names, optional in examined.uses:
                    present = [n for n in names if self._examine(n).shown]
                    if not present and not optional:
                        found.add(Diagnostic(examined.shown, line, self._not_found(names)))
                    waiting += present
            self._problems[name] = tuple(sorted(found))
        return self._problems[name]

    def _examine(self, name: str) -> _Examined:
        if name not in self._examined:
            self._examined[name] = self._read_and_parse(name)
        return self._examined[name]

    def _read_and_parse(self, name: str) -> _Examined:
        try:
            source, filename, _ = self._loader.get_source(self.env, name)
        except jinja2.TemplateNotFound:
            return _Examined()
        except TemplateFileError as exc:
            return _Examined(str(exc.diagnostic), exc.diagnostic.path, problems=(exc.diagnostic,))
        shown = self._loader.shown[filename]
        key = template_records.key(name, shown, source)
        kept = None if self._records is None else template_records.load(self._records, key)
        if kept is not None:
            return _Examined(source, shown, kept.children, kept.uses, (), kept.dynamic, filename=filename)
        try:
            parsed = self.env.parse(source, name, filename)
            # Compiled too: an unknown filter or test is found only then, else as a page is made.
            self.env.compile(parsed, name, filename, raw=True)
        except jinja2.TemplateSyntaxError as exc:
            problem = Diagnostic(shown, exc.lineno, _syntax_message(self.env, exc))
            return _Examined(source, shown, problems=(problem,))
        named = set(jinja2.meta.find_referenced_templates(parsed))
        children = tuple(sorted(n for n in named if n))
        uses = tuple(template_names.uses(parsed))
        problems = tuple(template_names.naming_itself(parsed, name, shown))
        if self._records is not None and not problems:
            template_records.save(self._records, key, template_records.Record(children, uses, None in named))
        return _Examined(source, shown, children, uses, problems, None in named, parsed, filename)

    def _not_found(self, names: Sequence[object]) -> str:
        return template_names.not_found(names, self._loader.list_templates())

    def _diagnostic(self, exc: Exception, template: str) -> Diagnostic:
        """Point at the template line: a file that cannot be read at itself, syntax errors
        carry their line, and what fails as it runs (a missing template included or extended
        among them) is in the traceback, whose frames Jinja gives template lines."""
        if isinstance(exc, TemplateFileError):
            return exc.diagnostic
        shown = self._loader.shown
        where = (self._examine(template).shown or f"templates/{template}", 1)
        if isinstance(exc, jinja2.TemplateSyntaxError):
            return Diagnostic(
                shown.get(exc.filename or "", where[0]), exc.lineno, _syntax_message(self.env, exc)
            )
        # The deepest template frame, but the site's own deepest when a theme template's is
        # deeper: the theme's fails there only as the site's called it (a partial included
        # without its variable), its line said too, or, in a loop, named it.
        deepest: tuple[str, int] | None = None
        own: tuple[str, int] | None = None
        deepest_file = ""
        owns: list[tuple[str, int]] = []
        tb = exc.__traceback__
        while tb is not None:
            if (name := shown.get(file := tb.tb_frame.f_code.co_filename)) is not None:
                deepest, deepest_file = (name, tb.tb_lineno), file
                if not name.startswith(THEME_LABEL):
                    own = deepest
                    owns.append(own)
            tb = tb.tb_next
        message = (
            self._not_found(exc.templates)
            if isinstance(exc, jinja2.TemplateNotFound)
            else _runtime_message(exc, self.env)
        )
        if isinstance(exc, template_fields.NoField) and deepest is not None:
            written = template_fields.written(self.env, deepest_file, deepest[1], exc.field)
            message = f"template error: {exc.said(written)}"
        if isinstance(exc, RecursionError):
            start, others = _loop(owns)
            if others:
                message += ", through " + " and ".join(others)
            return Diagnostic(*(start or where), message)
        if own is not None and deepest is not None and deepest != own:
            message += f", in {deepest[0]}:{deepest[1]}"
        return Diagnostic(*(own or deepest or where), message)


def _loop(frames: list[tuple[str, int]]) -> tuple[tuple[str, int] | None, list[str]]:
    """Where an endless recursion enters its loop (the outermost line of the site's that
    comes again), and the site's other templates on the loop. Where the interpreter's limit
    stops it depends on how deep the page began, which is not the same in every process; a
    loop reported there came out once per depth, at a different line each time."""
    seen: dict[tuple[str, int], int] = {}
    for at, frame in enumerate(frames):
        if frame in seen:
            start = seen[frame]
            loop = frames[start:at]
            return frame, sorted({name for name, _ in loop} - {frame[0]})
        seen[frame] = at
    return (frames[-1] if frames else None), []


#: Jinja's words for a filter it does not have: found as the template is compiled, or, in a
#: branch of an `{% if %}`, only as a page takes it.
UNKNOWN_FILTER_RE = re.compile(r"No filter named '([^']+)'( found)?\.")


def _syntax_message(env: jinja2.Environment, exc: jinja2.TemplateSyntaxError) -> str:
    message = f"template error: {exc.message or exc}"
    if unknown := _unknown_filter(exc.message or "", env):
        return unknown
    opened = unclosed_line(env, exc.source or "", exc) if exc.source else None
    return message if opened is None else f"{message} It opens at line {opened}."


def _unknown_filter(message: str, env: jinja2.Environment) -> str:
    """Jinja's message for a filter it does not have, with the closest it has; else ''."""
    unknown = UNKNOWN_FILTER_RE.fullmatch(message)
    if unknown is None:
        return ""
    return (
        f"template error: No filter named '{unknown.group(1)}'{did_you_mean(unknown.group(1), env.filters)}"
    )


def _runtime_message(exc: Exception, env: jinja2.Environment) -> str:
    if isinstance(exc, RecursionError):
        return (
            "template error: endless recursion: a template extends or includes itself, "
            "or a macro calls itself, without end"
        )
    if isinstance(exc, jinja2.TemplateError):
        return _unknown_filter(str(exc), env) or f"template error: {exc}"
    return f"template error: {type(exc).__name__}: {exc}"
