"""Find term files, split their front matter and check every field of one file on its own."""

from __future__ import annotations

import datetime as dt
import errno
import os
import re
import stat
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from glossary_site import config, yaml_lines
from glossary_site.diagnostics import ContentError, Diagnostic, Diagnostics, Severity, did_you_mean
from glossary_site.model import CtaBlock, Faq, Ref, Source, Table, TermSource
from glossary_site.urls import link_url_problem

TERMS_DIR = "content/terms"
SLUG_RE = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
NON_SLUG_RE = re.compile(r"[^a-z0-9]+")
FIELDS = (
    "title", "slug", "summary", "definition", "aliases", "category", "tags", "related",
    "tables", "faq", "sources", "cta", "updated", "draft",
)  # fmt: skip
REQUIRED = ("title", "summary", "definition")
TODO_RE = re.compile(r"\bTODO\b")


def find_term_files(root: Path) -> list[str]:
    """Term files as sorted posix paths relative to the root, so every run sees one order.

    Only regular files are term files: opening a named pipe called x.md would block the build
    forever. Symbolic links that lead outside content/, nowhere, or to anything but a regular
    file are skipped; link_problems() reports them and everything else skipped here. Linked
    folders are never followed, so a link loop cannot trap the walk.
    """
    return _scan_terms(root).files


# What a folder entry is, told by its directory record alone where the file system gives it.
FILE, FOLDER, LINK, OTHER = "file", "folder", "link", "other"

# An entry below a folder: its posix path relative to that folder, the entry, and its kind.
_Entry = tuple[str, os.DirEntry[str], str]


@dataclass(frozen=True)
class _TermScan:
    files: list[str]
    problems: list[Diagnostic]


def _scan_terms(root: Path) -> _TermScan:
    """One walk of content/terms: the term files, and why anything else named like one is not."""
    content = (root / "content").resolve()
    unlisted: list[tuple[str, OSError]] = []
    files: list[str] = []
    problems: list[Diagnostic] = []
    for relative, entry, kind in _entries(root / TERMS_DIR, True, unlisted):
        path = f"{TERMS_DIR}/{relative}"
        if not relative.endswith(".md"):
            continue
        if kind == FILE or (kind == LINK and _links_to_term(entry.path, content)):
            files.append(path)
        elif kind == FOLDER:
            message = "a folder, not a term file; rename it without '.md' (the term files in it are read)"
            problems.append(Diagnostic(path, 1, message, Severity.WARNING))
        elif kind == OTHER:
            problems.append(Diagnostic(path, 1, _special_entry_message(entry.path)))
    for relative, error in unlisted:
        problem = _unlisted_problem(relative, error)
        if problem is not None:
            problems.append(problem)
    return _TermScan(sorted(files), problems)


def _entries(
    folder: Path, skip_hidden: bool, unlisted: list[tuple[str, OSError]], prefix: str = ""
) -> Iterator[_Entry]:
    """Every entry below `folder`; linked folders are listed, not entered. A folder that cannot
    be listed goes into `unlisted` with its error, for the caller to report or not. os.scandir
    knows each entry's type without a stat call per file, which matters at 10,000 terms."""
    try:
        with os.scandir(folder) as listing:
            found = list(listing)
    except OSError as error:
        unlisted.append((prefix.rstrip("/"), error))
        return
    for entry in found:
        if skip_hidden and entry.name.startswith("."):
            continue
        relative = prefix + entry.name
        kind = _kind_of_entry(entry)
        yield relative, entry, kind
        if kind == FOLDER:
            yield from _entries(Path(entry.path), skip_hidden, unlisted, relative + "/")


def _kind_of_entry(entry: os.DirEntry[str]) -> str:
    """OTHER covers pipes, sockets and devices, and entries whose type could not be read
    (where the file system leaves it to an lstat call, which can fail on a too-long path)."""
    try:
        if entry.is_symlink():
            return LINK
        if entry.is_dir(follow_symlinks=False):
            return FOLDER
        if entry.is_file(follow_symlinks=False):
            return FILE
    except OSError:
        pass
    return OTHER


def _links_to_term(path: str, content: Path) -> bool:
    """A link is read as a term file only if it leads to a regular file inside content/."""
    try:
        target = Path(path).resolve(strict=True)
        return content in target.parents and stat.S_ISREG(os.stat(target).st_mode)
    except (OSError, RuntimeError):  # RuntimeError: a link loop, before Python 3.13
        return False


def special_file_message(mode: int) -> str | None:
    """Why a file of this `mode` (from stat) is not read as a term file, or None if it can be.

    An error, not a warning: the file is named as a term, so a term would go missing, and a
    named pipe would hang any tool that opened it.
    """
    kind = _special_kind(mode)
    if kind is None:
        return None
    return f"not a regular file but {kind}; a term file must be a plain text file, so it is not read"


def _special_kind(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "a folder" if stat.S_ISDIR(mode) else "a special file"


def _special_entry_message(path: str) -> str:
    try:
        mode = os.lstat(path).st_mode  # lstat opens nothing, so a pipe cannot block it
    except OSError as error:
        return f"cannot be examined ({error.strerror or error}); it is not read"
    return special_file_message(mode) or "could not be examined; it is not read"


def _unlisted_problem(relative: str, error: OSError) -> Diagnostic | None:
    """What a folder that could not be listed costs: its term files would silently go missing."""
    where = f"{TERMS_DIR}/{relative}" if relative else TERMS_DIR
    if isinstance(error, FileNotFoundError):  # no terms yet, or a folder deleted mid-walk
        return None
    if isinstance(error, NotADirectoryError) and not relative:
        return Diagnostic(where, 1, "not a folder; term files go in a folder named content/terms")
    if error.errno == errno.ENAMETOOLONG:
        message = "folder path is too long to open; move its term files to a folder nearer content/terms"
    elif isinstance(error, PermissionError):
        message = (
            "folder cannot be read (permission denied), so its terms would be missing; "
            "make it readable (chmod u+rx) or move it out of content/terms"
        )
    else:
        message = f"folder cannot be read ({error.strerror or error}), so its terms would be missing"
    return Diagnostic(where, 1, message)


def link_problems(root: Path) -> list[Diagnostic]:
    """Everything under content/ the build will not read, each with the reason.

    Named for its first job, symbolic links; it also reports what find_term_files() skipped:
    folders in content/terms that cannot be listed, and entries named *.md that are not regular
    files (errors: terms would go missing), folders named *.md (a warning: their files are
    still read). Unlisted folders elsewhere in content/ are not reported: nothing is read there.
    """
    content = (root / "content").resolve()
    problems = list(_scan_terms(root).problems)
    for relative, entry, kind in _entries(root / "content", skip_hidden=False, unlisted=[]):
        if kind == LINK:
            problem = _link_problem(f"content/{relative}", entry.path, content)
            if problem is not None:
                problems.append(problem)
    return sorted(problems)


def _link_problem(where: str, path: str, content: Path) -> Diagnostic | None:
    try:
        target = Path(path).resolve(strict=True)
        mode = os.stat(target).st_mode
    except (FileNotFoundError, RuntimeError):  # RuntimeError: a link loop, before Python 3.13
        return Diagnostic(where, 1, "symbolic link is broken or loops; it is ignored")
    except OSError as error:
        if error.errno == errno.ELOOP:
            return Diagnostic(where, 1, "symbolic link is broken or loops; it is ignored")
        reason = error.strerror or str(error)
        return Diagnostic(where, 1, f"symbolic link cannot be followed ({reason}); it is ignored")
    if content not in target.parents:
        return Diagnostic(where, 1, "symbolic link points outside content/; it is not followed")
    if stat.S_ISDIR(mode):
        return Diagnostic(where, 1, "linked folders are not followed; move the files here", Severity.WARNING)
    kind = _special_kind(mode)
    if kind is None:
        return None
    return Diagnostic(where, 1, f"symbolic link leads to {kind}, not a regular file; it is ignored")


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
    todo = TODO_RE.search(body) if "TODO" in body else None
    if todo is not None:
        line = body_line + body.count("\n", 0, todo.start())
        diagnostics.warning(path, line, "a TODO placeholder is left in the body; replace it")
    return term


class _Fields:
    """Typed accessors over one file's front matter that record problems with their lines."""

    def __init__(self, path: str, located: yaml_lines.Located, diagnostics: Diagnostics) -> None:
        self.path = path
        self.located = located
        self.data: dict[str, Any] = located.data
        self.diagnostics = diagnostics

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
        for i, item in self._items("tables", ("title", "columns", "rows"), ("title",)):
            table = self._table(item, i)
            if table is not None:
                found.append(table)
        return tuple(found)

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
        if len(good_rows) != len(rows):
            return None
        return Table(
            title=str(item["title"]).strip(),
            columns=tuple(_cell(c) for c in columns),
            rows=tuple(good_rows),
            line=self.located.line("tables", index),
        )


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


def slug_of_file(path: str) -> str:
    """The slug a term file has when its front matter says none."""
    stem = Path(path).stem
    return stem if SLUG_RE.match(stem) else slugify(stem)


def slugify(text: str) -> str:
    """A URL-safe slug for category and tag names, and the suggestion for bad file names."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return NON_SLUG_RE.sub("-", ascii_text.lower()).strip("-")
