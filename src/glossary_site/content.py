"""Read one term file: split its front matter, keep line numbers, check every field on its own.

One checker per kind of field (text, lists, tables, practice questions, sources, call to
action, dates), sharing the accessor that records each problem's line: hence its length.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from glossary_site import config, placement, title_heading, yaml_lines
from glossary_site.content_files import find_term_files, misnamed_files
from glossary_site.custom_ids import Texts, malformed_ids, repeated_ids, theme_ids_given
from glossary_site.diagnostics import ContentError, Diagnostics, clipped, did_you_mean, listed_again
from glossary_site.fences import fence_problems
from glossary_site.foreign_markdown import foreign_problems, highlight_advice, marked
from glossary_site.formulas import formula_problems
from glossary_site.front_matter import (
    Fields,
    check_body_characters,
    count,
    decode,
    flag_value,
    kind,
    load_mapping,
    read_bytes,
    split_front_matter,
)
from glossary_site.model import Breaks, CtaBlock, Faq, Source, Table, TermSource
from glossary_site.plain_markup import EACH, Field, FieldPath, warn_of_markup
from glossary_site.slugs import SLUG_RE, group_slug, slug_of_file, slugify
from glossary_site.url_checks import PLACEHOLDER_URL, link_url_problem

FIELDS = (
    "title", "slug", "former_slugs", "summary", "definition", "aliases", "sort_as", "category", "tags",
    "related", "tools", "tables", "faq", "sources", "cta", "updated", "draft",
)  # fmt: skip
TABLE_KEYS = ("title", "id", "intro", "columns", "rows")
TODO_RE = re.compile(r"\bTODO\b")
#: The fields whose text the page shows, where a placeholder or a dropped comment is seen.
SHOWN = ("title", "summary", "definition", "aliases", "category", "tags", "tables", "faq", "sources", "cta")
_LINK_TERMS = "and link the term from the definition or body, or list it in 'related'"
_IN_TERM = "the definition and body"
_IN_TABLE = "the table's intro and cells"
#: The fields shown as written, where Markdown an editor writes reaches the page as marks.
PLAIN: dict[str | FieldPath, Field] = {
    "title": Field("a title", _IN_TERM, _LINK_TERMS),
    "summary": Field("a summary", _IN_TERM, _LINK_TERMS),
    "aliases": Field("an alias", _IN_TERM, _LINK_TERMS),
    "category": Field("a category", _IN_TERM, _LINK_TERMS),
    "tags": Field("a tag", _IN_TERM, _LINK_TERMS),
    ("tables", EACH, "title"): Field("a table's title", _IN_TABLE, _LINK_TERMS),
    ("tables", EACH, "columns"): Field("a column name", _IN_TABLE, _LINK_TERMS),
    ("sources", EACH, "title"): Field("a source's title", _IN_TERM, _LINK_TERMS),
    ("cta", "heading"): Field("a call to action's heading", _IN_TERM, config.CTA_LINK),
    ("cta", "text"): Field("a call to action's text", _IN_TERM, config.CTA_LINK),
    ("cta", "button"): Field("a call to action's button", _IN_TERM, config.CTA_LINK),
}


def load_terms(root: Path, diagnostics: Diagnostics) -> list[TermSource]:
    """Every term file parsed, in path order; for tools that need the terms without a build."""
    terms: list[TermSource] = []
    for path in find_term_files(root):
        try:
            terms.append(parse_term(path, decode(read_bytes(root / path, path), path), diagnostics))
        except ContentError as problem:
            diagnostics.add(problem.diagnostic)
    return terms


def parse_term(path: str, text: str, diagnostics: Diagnostics) -> TermSource:
    """Validate one term file; every problem found is recorded, not just the first.

    A term with field errors is still returned (bad fields left empty) so its names take part
    in cross-file checks: one typo must not turn into errors in every file that links to it.
    """
    front, located, body, body_line = read_front_matter(path, text, diagnostics, markers=True)
    fields = _Fields(path, located, diagnostics)
    fields.unknown_keys(FIELDS)
    slug = fields.slug()
    definition_line, definition_breaks = located.trimmed_start("definition")
    term = TermSource(
        path=path,
        slug=slug,
        former_slugs=fields.former_slugs(slug, "term"),
        title=fields.text("title", required=True, one_line=True),
        summary=fields.text("summary", required=True, one_line=True),
        definition=fields.text("definition", required=True, markdown=True),
        definition_line=definition_line,
        body=body,
        body_line=body_line,
        aliases=fields.text_list("aliases", one_line=True),
        alias_lines=tuple(ref.line for ref in fields.refs("aliases", report=False)),
        sort_as=fields.sort_as(),
        category=fields.optional_name("category"),
        tags=fields.text_list("tags", one_line=True),
        tag_lines=tuple(ref.line for ref in fields.refs("tags", report=False)),
        related=fields.refs("related"),
        tools=fields.refs("tools"),
        tables=fields.tables(),
        faq=fields.faq(),
        sources=fields.sources(),
        cta=fields.cta(),
        cta_line=located.line("cta"),
        updated=fields.date("updated"),
        draft=fields.flag("draft"),
        definition_breaks=definition_breaks,
        key_lines=_key_lines(located),
    )
    _check_markers(path, term, fields.table_ids, fields.flawed_tables, diagnostics)
    for tag, line in zip(term.tags, term.tag_lines, strict=False):
        if len(tag) > 1 and tag[0] == "#" and not tag[1].isspace():  # Obsidian's `#tag`
            said = f"tag '{tag}' starts with '#', as Obsidian writes tags, and every page shows it so"
            message = f"{said}; write '{tag[1:]}'"
            diagnostics.warning(path, line, message)
    check_shown_text(path, front, located, diagnostics)
    warn_of_markup(path, located, PLAIN, diagnostics)
    repeated = title_heading.repeated_title(body, body_line, term.title)
    if repeated is not None:
        diagnostics.warning(path, repeated, title_heading.message("term"))
    check_body(path, body, body_line, diagnostics, markers=True)
    texts = markdown_texts(term)
    for text, first_line, breaks in texts[:-1]:  # the body's are check_body's
        _check_markdown(path, text, first_line, breaks, diagnostics)
    check_ids(path, texts, diagnostics)
    for at, value in _inline_texts(located.data):
        if not marked(value):
            continue
        first, breaks = located.value_line(*at), located.breaks_of(*at)
        for line, message in formula_problems(value, first, breaks):
            diagnostics.error(path, line, message)
        for line, message in foreign_problems(value, first, breaks, inline=True):
            diagnostics.warning(path, line, message)
    return term


def markdown_texts(term: TermSource) -> list[tuple[str, int, Breaks | None]]:
    """The Markdown of the term's page, each text with its first line and breaks, in the order
    of the file: the definition, practice answers and table intros, then the body."""
    texts = [(term.definition, term.definition_line, term.definition_breaks)]
    texts += [(faq.answer, faq.answer_line, faq.answer_breaks) for faq in term.faq]
    texts += [(table.intro, table.intro_line, table.intro_breaks) for table in term.tables]
    return [*sorted(texts, key=lambda text: text[1]), (term.body, term.body_line, None)]


def read_front_matter(
    path: str, text: str, diagnostics: Diagnostics, markers: bool
) -> tuple[str, yaml_lines.Located, str, int]:
    """A term's or tool's front matter (as text and read) and body with its first line. When
    the front matter cannot be read, the body is checked before the ContentError is raised: its
    problems need nothing from the front matter, and one run reports them all."""
    front, body, body_line = split_front_matter(path, text)
    try:
        return front, load_mapping(path, front, diagnostics), body, body_line
    except ContentError:
        check_body(path, body, body_line, diagnostics, markers)
        raise


def check_ids(path: str, texts: Texts, diagnostics: Diagnostics) -> None:
    """The ids a page's Markdown texts give: each once, none the theme's."""
    for line, message in repeated_ids(texts):
        diagnostics.error(path, line, message)
    for line, message in theme_ids_given(texts):
        diagnostics.warning(path, line, message)
    for line, message in malformed_ids(texts):
        diagnostics.warning(path, line, message)


def check_body(path: str, body: str, body_line: int, diagnostics: Diagnostics, markers: bool) -> None:
    """`markers`: whether the body may place tables (`{{< table id >}}`), as a term's may."""
    check_body_todo(path, body, body_line, diagnostics)
    check_body_characters(path, body, body_line, diagnostics)
    _check_markdown(path, body, body_line, None, diagnostics, markers)


def _check_markdown(
    path: str,
    text: str,
    first_line: int,
    breaks: tuple[int, ...] | None,
    diagnostics: Diagnostics,
    markers: bool = False,
) -> None:
    for line, message in fence_problems(text, first_line, breaks):
        diagnostics.error(path, line, message)
    for line, message in formula_problems(text, first_line, breaks):
        diagnostics.error(path, line, message)
    for line, message in foreign_problems(text, first_line, breaks, markers=markers):
        diagnostics.warning(path, line, message)


def check_body_todo(path: str, body: str, body_line: int, diagnostics: Diagnostics) -> None:
    todo = TODO_RE.search(body) if "TODO" in body else None
    if todo is not None:
        line = body_line + body.count("\n", 0, todo.start())
        diagnostics.warning(path, line, "a TODO placeholder is left in the body; replace it")


def _key_lines(located: yaml_lines.Located) -> dict[str, int]:
    """The line of each field written. `updated:` with nothing after it is no date, as if left
    out (graph.py warns of a term without one), not a date that was reported as wrong."""
    return {
        str(key[0]): line
        for key, line in located.lines.items()
        if len(key) == 1 and not (key[0] == "updated" and located.data.get("updated") is None)
    }


def check_shown_text(
    path: str,
    front: str,
    located: yaml_lines.Located,
    diagnostics: Diagnostics,
    shown: tuple[str, ...] = SHOWN,
) -> None:
    """Text the page would show unfinished or cut short: a TODO left from the stub, and words
    after ` #`, which YAML takes for a comment. `cta: false  # …` is the stub's own comment.
    `shown`: the fields a page shows (a tool file has fewer than a term file)."""
    for at, line in located.commented:
        if at[0] in shown and at != ("cta",):
            if located.data.get(at[0]) is None and len(at) == 1:  # `tags: #nlp #models`: all of it
                message = (
                    f"'{at[0]}' is empty: YAML reads everything after ' #' as a comment; write the "
                    f"value without '#'"
                    + (f", as a list: {at[0]}: [one, two]" if at[0] in ("tags", "aliases") else "")
                )
            else:
                message = (
                    f"the text after ' #' is a YAML comment and is left out of '{at[0]}'; "
                    "to keep it, put the whole value in quotes"
                )
            diagnostics.warning(path, line, message)
    if not _todo_outside_comments(front):
        return
    for at, value in _texts(located.data, shown):
        todo = TODO_RE.search(value)
        if todo is not None:
            below = yaml_lines.lines_down(value, todo.start(), located.breaks_of(*at))
            message = f"a TODO placeholder is left in '{at[0]}'; replace it"
            diagnostics.warning(path, located.value_line(*at) + below, message)


def _todo_outside_comments(front: str) -> bool:
    """Whether a TODO may be in a value: the stub's commented-out examples hold several, and
    looking for them value by value would add a tenth to reading the file."""
    at = front.find("TODO")
    while at >= 0:
        if not front[front.rfind("\n", 0, at) + 1 : at].lstrip().startswith("#"):
            return True
        end = front.find("\n", at)
        at = front.find("TODO", end) if end >= 0 else -1
    return False


def _texts(
    value: Any, keys: tuple[str, ...] | None = None, at: yaml_lines.KeyPath = ()
) -> Iterator[tuple[yaml_lines.KeyPath, str]]:
    if isinstance(value, str):
        yield at, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _texts(item, None, (*at, index))
    elif isinstance(value, dict):
        for key, item in value.items():
            if keys is None or key in keys:
                yield from _texts(item, None, (*at, key))


def _inline_texts(data: dict[str, Any]) -> Iterator[tuple[yaml_lines.KeyPath, str]]:
    """Table cells and practice questions: inline Markdown, so another generator's syntax or a
    tag the sanitiser drops would reach the page as silently as in the body."""
    tables, faq = data.get("tables"), data.get("faq")
    for i, table in enumerate(tables if isinstance(tables, list) else ()):
        rows = table.get("rows") if isinstance(table, dict) else None
        for r, row in enumerate(rows if isinstance(rows, list) else ()):
            cells = row.items() if isinstance(row, dict) else enumerate(row) if isinstance(row, list) else ()
            yield from ((("tables", i, "rows", r, c), cell) for c, cell in cells if isinstance(cell, str))
    for i, item in enumerate(faq if isinstance(faq, list) else ()):
        if isinstance(item, dict) and isinstance(item.get("q"), str):
            yield ("faq", i, "q"), item["q"]


def _check_markers(
    path: str, term: TermSource, claimed: set[str], flawed: set[str], diagnostics: Diagnostics
) -> None:
    """`claimed` holds the ids of tables with errors too (`flawed`, those kept without their
    bad rows): naming one is not a second problem, but placing it twice or inside a paragraph
    still is."""
    ids = tuple(table.id for table in term.tables if table.id not in flawed)
    placed: dict[str, int] = {}
    for marker in placement.find_markers(term.body, term.body_line):
        name = marker.table_id
        if name is None:
            diagnostics.error(path, marker.line, _not_a_marker(term.body.split("\n")[marker.row]))
        elif name not in ids and name not in claimed:
            diagnostics.error(
                path, marker.line, f"no table with the id '{name}'{_tables_hint(name, ids, claimed)}"
            )
        elif name in placed:
            diagnostics.error(path, marker.line, f"table '{name}' is already placed at line {placed[name]}")
        elif not marker.alone:
            diagnostics.error(
                path, marker.line, f"put a blank line before and after '{{{{< table {name} >}}}}'"
            )
        else:
            placed[name] = marker.line


def _not_a_marker(line: str) -> str:
    """The error for a line that reads as a shortcode but not as a table marker: Hugo's code
    highlighting has a counterpart, a fenced code block, which the message names."""
    highlight = highlight_advice(line)
    if highlight is not None:
        return f"'{clipped(line.strip())}' {highlight[0]}, which is not read here; {highlight[1]}"
    return (
        "this line is not a table marker, the only shortcode there is; write '{{< table ID >}}' "
        "to place a table, and anything else in Markdown (an image: ![text](/file.png))"
    )


def _tables_hint(name: str, ids: tuple[str, ...], claimed: set[str]) -> str:
    """What follows "no table with the id": the closest id (of a table with errors too), else the
    file's tables; a file whose every table has errors has tables, none of which could be built."""
    broken = sorted(claimed - set(ids))
    close = did_you_mean(name, (*ids, *broken))
    if close:
        return close
    if ids and broken:
        return (
            f"; this file's tables: {', '.join(ids)}, and {', '.join(broken)}, which could not be built, "
            "for the errors reported at them"
        )
    if ids:
        return f"; this file's tables: {', '.join(ids)}"
    if broken:
        return (
            f"; this file's tables ({', '.join(broken)}) could not be built, for the errors reported at them"
        )
    return "; this file has no tables"


class _Fields(Fields):
    """The term-only fields: call to action, practice questions, sources and tables."""

    def __init__(self, path: str, located: yaml_lines.Located, diagnostics: Diagnostics) -> None:
        super().__init__(path, located, diagnostics)
        #: The id of every table item, valid or not.
        self.table_ids: set[str] = set()
        #: The ids of tables with rows left out for their errors, which are not whole tables.
        self.flawed_tables: set[str] = set()

    def sort_as(self) -> str:
        """The name the title is filed under A to Z, or "" for the title. Written but blank
        (`sort_as:` too) is an error: the editor meant a reading the term would not sort by."""
        if "sort_as" in self.data and self.data["sort_as"] is None:
            self.error("sort_as", "'sort_as' must be non-empty text; to have no sort_as, remove the key")
            return ""
        return self.optional_name("sort_as") or ""

    def cta(self) -> str | CtaBlock | bool | None:
        value = self.data.get("cta")
        if value is None:
            return None
        flag = flag_value(value)
        if flag is False:
            return False
        if isinstance(value, str) and value.strip() and flag is None:
            return value.strip()
        if isinstance(value, dict):
            setting = next((key for key in config.CTA_SETTINGS if key in value), None)
            if setting is not None:  # site.yml's `cta` copied in: one mistake, not five
                message = (
                    f"'{setting}' is a setting of site.yml's 'cta', not of a term's; "
                    "a term's 'cta' is a block name from site.yml, a block, or false"
                )
                self.error("cta", message, setting)
                return None
            line_of = functools.partial(self.located.line, "cta")
            return config.cta_block(value, self.path, line_of, self.diagnostics)
        self.error("cta", "'cta' must be a block name from site.yml, a block, or false")
        return None

    def faq(self) -> tuple[Faq, ...]:
        found: list[Faq] = []
        asked: dict[str, int] = {}
        for i, item, sound in self.items("faq", ("q", "a"), ("q", "a")):
            self._asked_again(item.get("q"), i, asked)
            if sound:
                answer_line, answer_breaks = self.located.trimmed_start("faq", i, "a")
                question_line, question_breaks = self.located.trimmed_start("faq", i, "q")
                question, answer = str(item["q"]).strip(), str(item["a"]).strip()
                line = self.located.line("faq", i)
                found.append(
                    Faq(question, answer, line, answer_line, answer_breaks, question_line, question_breaks)
                )
        return tuple(found)

    def _asked_again(self, question: object, index: int, asked: dict[str, int]) -> None:
        """A question asked twice (case and spaces aside) is a warning, and both are kept:
        their answers may differ, and which to keep is the editor's choice. `asked` holds the
        line of each question asked so far."""
        if not isinstance(question, str) or not question.strip():
            return
        line, said = self.located.line("faq", index, "q"), question.strip().casefold()
        if said in asked:
            what = f"practice question '{clipped(question.strip())}'"
            self.diagnostics.warning(self.path, line, listed_again(what, asked[said], line))
        else:
            asked[said] = line

    def sources(self) -> tuple[Source, ...]:
        found = []
        for i, item, sound in self.items("sources", ("title", "url"), ("title", "url")):
            written = item.get("url")  # a list or mapping is reported as no text already
            url = str(written).strip() if isinstance(written, str | int | float) else ""
            problem = link_url_problem(url) if url else None
            if problem is not None:
                self.error("sources", f"source url '{url}' {problem}", i, "url")
            elif url == PLACEHOLDER_URL:
                line = self.located.line("sources", i, "url")
                self.diagnostics.warning(
                    self.path, line, f"source url '{url}' is a placeholder; link the source itself"
                )
            if problem is None and sound:
                found.append(Source(str(item["title"]).strip(), url))
        return tuple(found)

    def tables(self) -> tuple[Table, ...]:
        """Every problem of every item is reported, so an item is checked to the end even
        after its first problem; only a table without any is shown."""
        found = []
        raw = self.data.get("tables")
        if isinstance(raw, list):
            self.table_ids = {
                str(item.get("id") or _default_id(item, i))
                for i, item in enumerate(raw)
                if isinstance(item, dict)
            }
        seen: dict[str, int] = {}
        titled: dict[str, int] = {}
        for i, item, sound in self.items("tables", TABLE_KEYS, ("title",)):
            table_id = self._table_id(item, i)
            again = self._title_again(item, i, titled)
            clash = table_id in seen
            if table_id is not None and clash:
                self.error("tables", _id_clash(table_id, item, again), i, "id")
                sound = False
            elif table_id is not None:
                seen[table_id] = i
            if again is not None and not (clash and "id" not in item):
                message = f"{again}; give each table its own title"
                self.diagnostics.warning(self.path, self.located.line("tables", i, "title"), message)
            table = self._table(item, i, table_id)
            if table is not None and sound:
                found.append(table)
        return tuple(found)

    def _title_again(self, item: dict[str, Any], index: int, titled: dict[str, int]) -> str | None:
        """What to say of a table titled as an earlier one (case and spaces aside), or None:
        the page would show both under one heading, and its contents list would name both alike.
        `titled` holds the index of each title seen so far."""
        title = item.get("title")
        if not isinstance(title, str) or not title.strip():
            return None
        first = titled.setdefault(title.strip().casefold(), index)
        if first == index:
            return None
        return f"table {index + 1} has the title of table {first + 1}, '{clipped(title.strip())}'"

    def _table_id(self, item: dict[str, Any], index: int) -> str | None:
        explicit = item.get("id")
        if explicit is None:
            return _default_id(item, index)
        if not SLUG_RE.match(str(explicit)):
            message = f"table id '{explicit}' must be lowercase letters, digits and single hyphens"
            self.error("tables", message, index, "id")
            return None
        return str(explicit)

    def _table(self, item: dict[str, Any], index: int, table_id: str | None) -> Table | None:
        """The item as a table; None if its columns, intro or id have a problem. A row with one
        is reported and left out, so that the links in the rest are still checked in this run:
        the file has an error, so no page is made with the table."""
        columns = item.get("columns")
        rows = item.get("rows")
        ok = True
        title = str(item.get("title") or "").strip()
        table = _table_name(title, index)
        if columns == []:
            message = f"{table} has no columns; name at least one, as in columns: [Name, Meaning]"
            self.error("tables", message, index, "columns")
            ok = False
        elif not _is_cells(columns) or not columns:
            if isinstance(columns, list):
                self._items_not_text(columns, f"{table} column ", "name", "tables", index, "columns")
            elif columns is not None:
                self.error("tables", _columns_problem(columns), index, "columns")
            elif not self.item_key_misspelt("tables", index, item, "columns"):
                self.error("tables", "table needs 'columns': a list of column names", index, "columns")
            ok = False
        if rows == []:
            message = (
                f"{table} has no rows; add at least one, a list of cells such as "
                "- [cell, cell], or remove the table"
            )
            self.error("tables", message, index, "rows")
            rows, ok = [], False
        elif not isinstance(rows, list) or not rows:
            if rows is not None:
                message = (
                    f"'rows' must be a list of rows, not {_shape(rows)}; write each row on a line of "
                    "its own under 'rows:', as - [cell, cell]"
                )
                self.error("tables", message, index, "rows")
            elif not self.item_key_misspelt("tables", index, item, "rows"):
                self.error("tables", "table needs 'rows': a list of rows", index, "rows")
            rows, ok = [], False
        if _is_cells(columns) and columns and not self._column_names(columns, index, item):
            ok = False
        intro = item.get("intro")
        if intro is not None and not isinstance(intro, str):
            self.error("tables", "a table's 'intro' must be Markdown text", index, "intro")
            ok = False
        good_rows: dict[int, list[Any]] = {}
        width = _column_count(columns)
        for r, row in enumerate(rows):
            where = ("tables", index, "rows", r)
            if not isinstance(row, list):
                message = "a table row must be a list of cells, such as [GPT-4, text]"
                self.diagnostics.error(self.path, self.located.line(*where), message)
            elif not _is_cells(row):
                self._items_not_text(row, f"{table} row {r + 1} cell ", "cell", "tables", index, "rows", r)
            elif width is not None and len(row) != width:
                self.diagnostics.error(
                    self.path,
                    self.located.line(*where),
                    f"{table} row {r + 1} has {count(len(row), 'cell')} "
                    f"but the table has {count(width, 'column')}",
                )
            else:
                good_rows[r] = row
        if not ok or table_id is None:
            return None
        if len(good_rows) != len(rows):
            self.flawed_tables.add(table_id)
        intro_line, intro_breaks = self.located.trimmed_start("tables", index, "intro")
        return Table(
            title=title,
            columns=tuple(_cell(c) for c in columns or ()),
            rows=tuple(tuple(_cell(c) for c in row) for row in good_rows.values()),
            line=self.located.line("tables", index),
            id=table_id,
            intro=(intro or "").strip(),
            intro_line=intro_line,
            intro_breaks=intro_breaks,
            row_lines=tuple(self.located.line("tables", index, "rows", r) for r in good_rows),
            cell_lines=tuple(
                (kept, c, *self.located.trimmed_start("tables", index, "rows", r, c))
                for kept, (r, row) in enumerate(good_rows.items())
                for c, cell in enumerate(row)
                if isinstance(cell, str) and "[" in cell
            ),
        )

    def _items_not_text(self, items: list[Any], label: str, noun: str, *where: str | int) -> None:
        """Each item (a row's cell, a column's name) that is not text, at its own line: a list
        written as a block has a line per item, and one written as a flow list may hold several
        on its line, told apart by their numbers, which follow `label`."""
        for i, item in enumerate(items):
            if not _is_cells([item]):
                message = f"{label}{i + 1} must be text, not {kind(item)}; put the whole {noun} in quotes"
                self.diagnostics.error(self.path, self.located.line(*where, i), message)

    def _column_names(self, columns: list[Any], index: int, item: dict[str, Any]) -> bool:
        """Whether every column has a name: an empty one is a heading cell that says nothing,
        to a reader or to a screen reader naming each cell by its column. A name given twice
        says nothing of which column is which, but the table is whole: a warning."""
        title = str(item.get("title") or "").strip()
        table = _table_name(title, index)
        named = True
        first: dict[str, int] = {}
        for c, column in enumerate(columns):
            name = _cell(column)
            if not name:
                message = f"{table} column {c + 1} has no name; give every column a name"
                self.error("tables", message, index, "columns", c)
                named = False
            elif name.casefold() in first:
                message = (
                    f"{table} column {c + 1} has the name of column {first[name.casefold()] + 1}, "
                    f"'{name}'; give each column its own name"
                )
                self.diagnostics.warning(self.path, self.located.line("tables", index, "columns", c), message)
            else:
                first[name.casefold()] = c
        return named


def _id_clash(table_id: str, item: dict[str, Any], title_again: str | None) -> str:
    """An id taken from a title given twice is one mistake, the title, said once."""
    if title_again is not None and "id" not in item:
        return f"{title_again}, and so its id '{table_id}'; give each table its own title"
    advice = "give one another" if "id" in item else "give one an 'id:'"
    return f"two tables have the id '{table_id}'; {advice}"


def _default_id(item: dict[str, Any], index: int) -> str:
    """The title as a category's address is made (`סוגי רשתות` is `סוגי-רשתות`): a title with
    no a-z spelling was `table-1`, an anchor that says nothing and that a table added above
    it moves, and the marker could not name it by its title as the docs say."""
    return group_slug(str(item.get("title", ""))) or f"table-{index + 1}"


def _is_cells(value: Any) -> bool:
    return isinstance(value, list) and all(
        v is None or isinstance(v, str | int | float | dt.date) for v in value
    )


def _table_name(title: str, index: int) -> str:
    """How a message names a table: by its title, or by its place when it has none (which is
    an error of its own)."""
    return f"table '{title}'" if title else f"table {index + 1}"


def _shape(value: Any) -> str:
    return "one text" if isinstance(value, str | int | float | dt.date) else kind(value)


def _columns_problem(columns: Any) -> str:
    """A table's `columns` written but not as a list of names: most often the names as one
    text (`columns: Model, Size`), whose list to write is shown."""
    names = _names_in_text(columns)
    example = f"[{', '.join(names)}]" if names else "[Name, Meaning]"
    return f"'columns' must be a list of column names, not {_shape(columns)}; write columns: {example}"


def _names_in_text(columns: Any) -> list[str]:
    """The column names a `columns` written as one text means (`Model, Size`); none when
    one of them would be empty, as the text is then no list of names."""
    names = [name.strip() for name in str(columns).split(",")] if _shape(columns) == "one text" else []
    return names if all(names) else []


def _column_count(columns: Any) -> int | None:
    """How many columns the table has, as far as `columns` tells even with an error in it: a
    list's items (a name not text is still a column), or the names of the list that the error
    for one text says to write. A row is checked against it in the same run as the columns'
    error, so the run after the columns are put right finds nothing new of the rows."""
    if isinstance(columns, list):
        return len(columns) or None
    return len(_names_in_text(columns)) or None


def _cell(value: Any) -> str:
    return "" if value is None else str(value).strip()


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


def misnamed_names(root: Path, folder: str) -> frozenset[str]:
    """The names, as slugs, of each term (or tool, by `folder`) file named with another ending
    than '.md' (stock.MD): the slug its file name gives once renamed, and the slug, title and
    aliases its front matter seems to give. Its name is one error; references to it by any of
    them are not more, as the file will be read once renamed."""
    names: set[str] = set()
    for file in misnamed_files(root, folder):
        try:
            data = read_bytes(root / file.path, file.path)
        except ContentError:  # the build reports nothing more of a file it does not read
            data = b""
        found = (slug_of_file(file.renamed), *(names_in_broken_file(data) if data else ()))
        names.update(filter(None, map(slugify, found)))
    return frozenset(names)
