"""Read one term file: split its front matter, keep line numbers, check every field on its own.

One checker per kind of field (text, lists, tables, practice questions, sources, call to
action, dates), sharing the accessor that records each problem's line: hence its length.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

from glossary_site import config, placement, yaml_lines
from glossary_site.diagnostics import ContentError, Diagnostics, did_you_mean
from glossary_site.model import CtaBlock, Faq, Ref, Source, Table, TermSource
from glossary_site.slugs import SLUG_RE, slugify
from glossary_site.term_files import find_term_files
from glossary_site.url_checks import link_url_problem

FIELDS = (
    "title", "slug", "summary", "definition", "aliases", "category", "tags", "related",
    "tables", "faq", "sources", "cta", "updated", "draft",
)  # fmt: skip
REQUIRED = ("title", "summary", "definition")
TABLE_KEYS = ("title", "id", "intro", "columns", "rows")
TODO_RE = re.compile(r"\bTODO\b")


def load_terms(root: Path, diagnostics: Diagnostics) -> list[TermSource]:
    """Every term file parsed, in path order; for tools that need the terms without a build."""
    terms: list[TermSource] = []
    for path in find_term_files(root):
        try:
            terms.append(parse_term(path, decode(read_bytes(root / path, path), path), diagnostics))
        except ContentError as problem:
            diagnostics.add(problem.diagnostic)
    return terms


def read_bytes(file: Path, path: str) -> bytes:
    try:
        return file.read_bytes()
    except OSError as exc:
        raise ContentError(path, 1, f"cannot read file: {exc.strerror or exc}") from None


def decode(data: bytes, path: str) -> str:
    """UTF-8 with or without a BOM; CRLF and lone CR line endings become LF."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise ContentError(path, line, "file is not valid UTF-8; save it as UTF-8") from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def read_text(file: Path, path: str) -> str:
    return decode(read_bytes(file, path), path)


def split_front_matter(path: str, text: str) -> tuple[str, str, int]:
    """Return (yaml, body, body_line); the YAML starts on line 2 of the file."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        raise ContentError(
            path, 1, "no front matter; a term file starts with a '---' line, then YAML, then '---'"
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    raise ContentError(path, 1, "front matter is not closed; add a '---' line after the YAML")


def parse_term(path: str, text: str, diagnostics: Diagnostics) -> TermSource:
    """Validate one term file; every problem found is recorded, not just the first.

    A term with field errors is still returned (bad fields left empty) so its names take part
    in cross-file checks: one typo must not turn into errors in every file that links to it.
    """
    front, body, body_line = split_front_matter(path, text)
    try:
        located = yaml_lines.load(front, first_line=2)
    except yaml_lines.YamlProblem as problem:
        raise ContentError(path, problem.line, str(problem)) from None
    if not isinstance(located.data, dict):
        raise ContentError(path, 1, "front matter must be a mapping of fields (key: value)")
    fields = _Fields(path, located, diagnostics)
    for key in located.data:
        if key not in FIELDS:
            fields.error(key, f"unknown field '{key}'{did_you_mean(str(key), FIELDS)}")
    slug = fields.slug()
    term = TermSource(
        path=path,
        slug=slug,
        title=fields.text("title", required=True),
        summary=fields.text("summary", required=True, one_line=True),
        definition=fields.text("definition", required=True),
        definition_line=located.value_line("definition"),
        body=body,
        body_line=body_line,
        aliases=fields.text_list("aliases"),
        alias_lines=tuple(ref.line for ref in fields.refs("aliases", report=False)),
        category=fields.text("category") or None,
        tags=fields.text_list("tags"),
        related=fields.refs("related"),
        tables=fields.tables(),
        faq=fields.faq(),
        sources=fields.sources(),
        cta=fields.cta(),
        cta_line=located.line("cta"),
        updated=fields.date("updated"),
        draft=fields.flag("draft"),
        definition_exact=located.is_exact("definition"),
        key_lines={str(k[0]): v for k, v in located.lines.items() if len(k) == 1},
    )
    _check_markers(path, term, fields.table_ids, diagnostics)
    todo = TODO_RE.search(body) if "TODO" in body else None
    if todo is not None:
        line = body_line + body.count("\n", 0, todo.start())
        diagnostics.warning(path, line, "a TODO placeholder is left in the body; replace it")
    return term


def _check_markers(path: str, term: TermSource, claimed: set[str], diagnostics: Diagnostics) -> None:
    """`claimed` holds the ids of tables with errors too: their marker is not a second problem."""
    ids = tuple(table.id for table in term.tables)
    placed: dict[str, int] = {}
    for marker in placement.find_markers(term.body, term.body_line):
        name = marker.table_id
        if name in claimed and name not in ids:
            continue
        if name not in ids:
            known = f"; this file's tables: {', '.join(ids)}" if ids else "; this file has no tables"
            hint = did_you_mean(name, ids) or known
            diagnostics.error(path, marker.line, f"no table with the id '{name}'{hint}")
        elif name in placed:
            diagnostics.error(path, marker.line, f"table '{name}' is already placed at line {placed[name]}")
        elif not marker.alone:
            diagnostics.error(
                path, marker.line, f"put a blank line before and after '{{{{< table {name} >}}}}'"
            )
        else:
            placed[name] = marker.line


class _Fields:
    """Typed accessors over one file's front matter that record problems with their lines."""

    def __init__(self, path: str, located: yaml_lines.Located, diagnostics: Diagnostics) -> None:
        self.path = path
        self.located = located
        self.data: dict[str, Any] = located.data
        self.diagnostics = diagnostics
        #: The id of every table item, valid or not.
        self.table_ids: set[str] = set()

    def error(self, key: object, message: str, *more: str | int) -> None:
        self.diagnostics.error(self.path, self.located.line(str(key), *more), message)

    def text(self, key: str, required: bool = False, one_line: bool = False) -> str:
        value = self.data.get(key)
        if value is None:
            if required and key in self.data:
                self.error(key, f"'{key}' must not be empty")
            elif required:
                self.diagnostics.error(self.path, 1, f"missing required field '{key}'")
            return ""
        if isinstance(value, int | float) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            self.error(key, f"'{key}' must be text, not {_kind(value)}")
            return ""
        value = value.strip()
        if required and not value:
            self.error(key, f"'{key}' must not be empty")
        if one_line and "\n" in value:
            self.error(key, f"'{key}' must be a single line")
        return value

    def text_list(self, key: str) -> tuple[str, ...]:
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list):
            self.error(key, f"'{key}' must be a list of text, not {_kind(value)}")
            return ()
        items: list[str] = []
        for index, item in enumerate(value):
            if isinstance(item, int | float) and not isinstance(item, bool):
                item = str(item)
            if not isinstance(item, str) or not item.strip():
                self.error(key, f"each of '{key}' must be non-empty text", index)
                continue
            items.append(item.strip())
        return tuple(items)

    def refs(self, key: str, report: bool = True) -> tuple[Ref, ...]:
        names = self.text_list(key) if report else ()
        raw = self.data.get(key)
        if isinstance(raw, str) and raw.strip():
            return (Ref(raw.strip(), self.located.line(key)),)
        if not isinstance(raw, list):
            return tuple(Ref(name, self.located.line(key)) for name in names)
        return tuple(
            Ref(str(item).strip(), self.located.line(key, index))
            for index, item in enumerate(raw)
            if isinstance(item, str | int | float) and str(item).strip()
        )

    def slug(self) -> str:
        explicit = self.data.get("slug")
        if explicit is not None:
            slug = str(explicit)
            if not SLUG_RE.match(slug):
                self.error("slug", f"slug '{slug}' must be lowercase letters, digits and single hyphens")
            return slug
        stem = Path(self.path).stem
        if not SLUG_RE.match(stem):
            suggestion = slugify(stem) or "term-name"
            self.diagnostics.error(
                self.path,
                1,
                f"file name '{stem}.md' is not a valid slug; rename it to '{suggestion}.md' "
                f"or add 'slug: {suggestion}'",
            )
        return stem

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str):
            try:
                return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
            except ValueError:
                pass
        self.error(key, f"'{key}' must be a date like 2025-03-01, not '{value}'")
        return None

    def flag(self, key: str) -> bool:
        value = self.data.get(key, False)
        if not isinstance(value, bool):
            self.error(key, f"'{key}' must be true or false")
            return False
        return value

    def cta(self) -> str | CtaBlock | bool | None:
        value = self.data.get("cta")
        if value is None or value is False:
            return value
        if isinstance(value, str) and value.strip():
            return value.strip()
        if isinstance(value, dict):
            return config.cta_block(value, self.path, self.located.line("cta"), self.diagnostics)
        self.error("cta", "'cta' must be a block name from site.yml, a block, or false")
        return None

    def _items(
        self, key: str, item_keys: tuple[str, ...], required: tuple[str, ...]
    ) -> list[tuple[int, dict[str, Any]]]:
        """The well-formed mapping items of a list field, with their indexes; reports the rest."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list):
            self.error(key, f"'{key}' must be a list")
            return []
        good: list[tuple[int, dict[str, Any]]] = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                self.error(key, f"each item of '{key}' must have the keys {', '.join(required)}", index)
                continue
            ok = True
            for name in item:
                if name not in item_keys:
                    hint = did_you_mean(str(name), item_keys)
                    self.error(key, f"unknown key '{name}' in {key} item{hint}", index, name)
                    ok = False
            for name in required:
                if not isinstance(item.get(name), str | int | float) or not str(item[name]).strip():
                    self.error(key, f"{key} item needs non-empty text for '{name}'", index)
                    ok = False
            if ok:
                good.append((index, item))
        return good

    def faq(self) -> tuple[Faq, ...]:
        return tuple(
            Faq(
                question=str(item["q"]).strip(),
                answer=str(item["a"]).strip(),
                line=self.located.line("faq", i),
                answer_line=self.located.value_line("faq", i, "a"),
                answer_exact=self.located.is_exact("faq", i, "a"),
            )
            for i, item in self._items("faq", ("q", "a"), ("q", "a"))
        )

    def sources(self) -> tuple[Source, ...]:
        found = []
        for i, item in self._items("sources", ("title", "url"), ("title", "url")):
            url = str(item["url"]).strip()
            problem = link_url_problem(url)
            if problem is not None:
                self.error("sources", f"source url '{url}' {problem}", i, "url")
                continue
            found.append(Source(str(item["title"]).strip(), url))
        return tuple(found)

    def tables(self) -> tuple[Table, ...]:
        found = []
        raw = self.data.get("tables")
        if isinstance(raw, list):
            self.table_ids = {
                str(item.get("id") or _default_id(item, i))
                for i, item in enumerate(raw)
                if isinstance(item, dict)
            }
        seen: dict[str, int] = {}
        for i, item in self._items("tables", TABLE_KEYS, ("title",)):
            table = self._table(item, i)
            if table is None:
                continue
            if table.id in seen:
                self.error("tables", f"two tables have the id '{table.id}'; give one an 'id:'", i, "id")
                continue
            seen[table.id] = i
            found.append(table)
        return tuple(found)

    def _table_id(self, item: dict[str, Any], index: int) -> str | None:
        explicit = item.get("id")
        if explicit is None:
            return _default_id(item, index)
        if not SLUG_RE.match(str(explicit)):
            message = f"table id '{explicit}' must be lowercase letters, digits and single hyphens"
            self.error("tables", message, index, "id")
            return None
        return str(explicit)

    def _table(self, item: dict[str, Any], index: int) -> Table | None:
        columns = item.get("columns")
        rows = item.get("rows")
        if not _is_cells(columns) or not columns:
            self.error("tables", "table needs 'columns': a list of column names", index, "columns")
            return None
        if not isinstance(rows, list) or not rows:
            self.error("tables", "table needs 'rows': a list of rows", index, "rows")
            return None
        good_rows: list[tuple[str, ...]] = []
        for r, row in enumerate(rows):
            where = ("tables", index, "rows", r)
            if not _is_cells(row):
                self.diagnostics.error(
                    self.path, self.located.line(*where), "a table row must be a list of cells"
                )
            elif len(row) != len(columns):
                self.diagnostics.error(
                    self.path,
                    self.located.line(*where),
                    f"table '{item['title']}' row {r + 1} has {_count(len(row), 'cell')} "
                    f"but the table has {len(columns)} columns",
                )
            else:
                good_rows.append(tuple(_cell(c) for c in row))
        table_id = self._table_id(item, index)
        intro = item.get("intro")
        if intro is not None and not isinstance(intro, str):
            self.error("tables", "a table's 'intro' must be Markdown text", index, "intro")
            return None
        if len(good_rows) != len(rows) or table_id is None:
            return None
        return Table(
            title=str(item["title"]).strip(),
            columns=tuple(_cell(c) for c in columns),
            rows=tuple(good_rows),
            line=self.located.line("tables", index),
            id=table_id,
            intro=(intro or "").strip(),
            intro_line=self.located.value_line("tables", index, "intro"),
            intro_exact=self.located.is_exact("tables", index, "intro"),
        )


def _default_id(item: dict[str, Any], index: int) -> str:
    return slugify(str(item.get("title", ""))) or f"table-{index + 1}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _is_cells(value: Any) -> bool:
    return isinstance(value, list) and all(
        v is None or isinstance(v, str | int | float | dt.date) for v in value
    )


def _cell(value: Any) -> str:
    return "" if value is None else str(value).strip()


def _kind(value: Any) -> str:
    names: dict[type, str] = {list: "a list", dict: "a mapping", bool: "true/false"}
    return names.get(type(value), type(value).__name__)


TOP_LEVEL_KEY_RE = re.compile(r"^(?=[^\s#])", re.MULTILINE)


def names_in_broken_file(data: bytes) -> tuple[str, ...]:
    """The slug, title and aliases a file that failed to load seems to give, best effort.

    Each top-level key of the front matter is read on its own, so a typo in one field does not
    hide the names written in the others.
    """
    try:
        front, _, _ = split_front_matter("", data.decode("utf-8", errors="replace"))
    except ContentError:
        return ()
    names: list[str] = []
    for chunk in TOP_LEVEL_KEY_RE.split(front):
        try:
            found = yaml_lines.load(chunk).data
        except yaml_lines.YamlProblem:
            continue
        if not isinstance(found, dict):
            continue
        for key in ("slug", "title", "aliases"):
            value = found.get(key)
            names += [v for v in (value if isinstance(value, list) else [value]) if isinstance(v, str)]
    return tuple(names)
