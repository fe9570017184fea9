"""Reading a content file: bytes to text, front matter to YAML with line numbers, and typed
accessors that check one field at a time and record each problem at its line.

Terms and tools are both written this way, so both kinds of file share these rules.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
import urllib.parse
from pathlib import Path
from typing import Any

from glossary_site import bidi_marks, yaml_lines
from glossary_site.diagnostics import (
    UNMATCHED_FIELDS,
    ContentError,
    Diagnostics,
    clipped,
    listed_again,
    listed_names,
    meant_by,
    suggesting,
    wiki_bracketed,
)
from glossary_site.model import Ref
from glossary_site.slugs import MAX_SLUG, SLUG_RE, slug_problem, slugify


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


#: What HTML forbids in a page's text: controls but tab, line feed, form feed and carriage
#: return, and the noncharacters. YAML refuses them in front matter; the body would carry them
#: into the page unseen (a NUL is dropped, STX and ETX too, ESC and DEL kept).
FORBIDDEN_CHARACTER_RE = re.compile(f"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f{yaml_lines.NONCHARACTERS}]")


def check_body_characters(path: str, body: str, body_line: int, diagnostics: Diagnostics) -> None:
    """Each line of the body that holds a character no page may, reported at that line, with
    every such character it holds, so that one run names all there are to remove."""
    if yaml_lines.printable(body):
        return
    found = FORBIDDEN_CHARACTER_RE.search(body)
    while found is not None:
        start = body.rfind("\n", 0, found.start()) + 1
        end = body.find("\n", found.start())
        held = dict.fromkeys(FORBIDDEN_CHARACTER_RE.findall(body, start, len(body) if end == -1 else end))
        message = _forbidden_message([f"U+{ord(character):04X}" for character in held])
        diagnostics.error(path, body_line + body.count("\n", 0, found.start()), message)
        found = FORBIDDEN_CHARACTER_RE.search(body, end) if end != -1 else None


def _forbidden_message(named: list[str]) -> str:
    if len(named) == 1:
        return f"character {named[0]} is not allowed in a web page; remove it"
    return f"characters {', '.join(named[:-1])} and {named[-1]} are not allowed in a web page; remove them"


#: A MyST glossary, as a Sphinx project's glossary.md holds one, with no front matter.
_MYST_GLOSSARY_RE = re.compile(r"^[ ]{0,3}(?:`{3,}|~{3,}|:{3,})[ ]*\{glossary\}", re.MULTILINE)
_MYST_GLOSSARY = (
    "opens a MyST glossary, which is not read here: a glossary here is one term file per term, "
    "so write each term in it as a file of its own in content/terms/, with its front matter"
)


def split_front_matter(path: str, text: str) -> tuple[str, str, int]:
    """Return (yaml, body, body_line); the YAML starts on line 2 of the file."""
    lines = text.split("\n")
    first = lines[0].rstrip() if lines else ""
    if first == "+++" or first.startswith("{"):  # Hugo's TOML and JSON front matter
        toml = first == "+++"
        written = "between '+++' lines is TOML" if toml else "in braces is JSON"
        example = 'title = "GPU"' if toml else '"title": "GPU"'
        raise ContentError(
            path,
            1,
            f"front matter {written}, which Hugo reads and this site does not; rewrite it in YAML "
            f"between '---' lines ({example} becomes title: GPU)",
        )
    blank = next((i for i, line in enumerate(lines) if line.strip()), 0)
    if first != "---" and blank and lines[blank].rstrip() == "---":
        lines_before = "line" if blank == 1 else f"{blank} lines"
        raise ContentError(
            path, 1, f"the front matter must start on line 1; delete the blank {lines_before} before '---'"
        )
    if first != "---":
        glossary = _MYST_GLOSSARY_RE.search(text)
        raise ContentError(
            path,
            1,
            "no front matter; the file must start with a '---' line, then YAML, then '---'"
            + (
                ""
                if glossary is None
                else f" (line {text.count(chr(10), 0, glossary.start()) + 1} {_MYST_GLOSSARY})"
            ),
        )
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            return "\n".join(lines[1:index]), "\n".join(lines[index + 1 :]), index + 2
    gap = _gap_before_text(lines)
    if gap is None:
        raise ContentError(path, 1, "front matter is not closed; add a '---' line after the YAML")
    raise ContentError(
        path,
        gap + 1,
        "front matter is not closed; put a '---' line here, between the fields above and the text below",
    )


#: A line of front matter: a key at the margin, an indented line, a list item.
_YAML_LINE_RE = re.compile(r"[\w\"'-][^:]*:(?:\s|$)|\s|- |-$")


def _gap_before_text(lines: list[str]) -> int | None:
    """The index of the first blank line after the opening '---' that text follows which is no
    YAML (a paragraph, a `# heading`): where the forgotten closing line most likely goes."""
    for index in range(2, len(lines) - 1):
        if lines[index].strip():
            continue
        after = next((line for line in lines[index + 1 :] if line.strip()), "")
        if after and not _YAML_LINE_RE.match(after):
            return index
    return None


def load_mapping(path: str, front: str, diagnostics: Diagnostics | None = None) -> yaml_lines.Located:
    """Front matter read as the mapping of fields every kind of file has. Empty front matter
    (`---` then `---`) is an empty mapping, so each required field is reported missing.
    When YAML refuses a tab, every other line it refuses one at goes to `diagnostics`: found
    without the fields, they are all reported in one run, not one a run."""
    try:
        located = yaml_lines.load(front, first_line=2)
    except yaml_lines.YamlProblem as problem:
        if diagnostics is not None and str(problem) == yaml_lines.TAB:
            for line in yaml_lines.tab_lines(front, first_line=2):
                if line != problem.line:
                    diagnostics.error(path, line, yaml_lines.TAB)
        message = _body_read_as_yaml(front, problem.line) + str(problem)
        raise ContentError(path, problem.line, message) from None
    if located.data is None:
        return dataclasses.replace(located, data={})
    squeezed = yaml_lines.squeezed_key(front) if isinstance(located.data, str) else None
    if squeezed is not None:
        raise ContentError(path, 2, squeezed)
    if not isinstance(located.data, dict):
        raise ContentError(path, 1, "front matter must be a mapping of fields (key: value)")
    return located


def _body_read_as_yaml(front: str, line: int) -> str:
    """A hint for a front matter whose closing `---` was forgotten while the body has a `---`
    rule further down: YAML then reads the body's first paragraphs and fails in one of them,
    with a message about keys that says nothing of the missing line. The body is taken to
    start after the first blank line that has valid fields above it and none below it down to
    the `---` taken for the closing one, the failing line among them: a field there, or a line
    indented as YAML goes on after a blank line, says that `---` is the front matter's own."""
    lines = front.split("\n")
    at = min(line - 2, len(lines))
    for blank in range(1, at):
        if lines[blank].strip() or any(_FIELD_LINE.match(text) for text in lines[blank:]):
            continue
        if _goes_on_indented(lines[blank:]):
            continue
        try:
            above = yaml_lines.load("\n".join(lines[:blank]), first_line=2).data
        except yaml_lines.YamlProblem:
            continue
        if isinstance(above, dict) and above:
            return (
                f"if the body starts on line {blank + 3}, the front matter above it has no closing "
                f"'---': add one on line {blank + 2}; else: "
            )
    return ""


#: A front-matter field at the start of a line, as every field's name is written.
_FIELD_LINE = re.compile(r"[a-z_]+:(?:[ \t]|$)")


def _goes_on_indented(lines: list[str]) -> bool:
    """Whether the first line written after a blank one is indented: a body's first line is
    not, unless it is a code block, which a glossary entry hardly starts with."""
    first = next((text for text in lines if text.strip()), "")
    return first[:1] in (" ", "\t")


#: Year-month-day, maybe with a time; Python also reads 20250301 and 2025-W09-6, which the
#: format does not promise and Hugo does not read.
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}(?:$|[T ])")
#: YAML reads these words as nothing at all, so `title: Null` looks like an empty title.
NULL_WORDS = frozenset({"null", "Null", "NULL"})


class Fields:
    """Typed accessors over one file's front matter that record problems with their lines."""

    def __init__(self, path: str, located: yaml_lines.Located, diagnostics: Diagnostics) -> None:
        self.path = path
        self.located = located
        self.data: dict[str, Any] = located.data
        self.diagnostics = diagnostics
        #: Fields that an unknown key seems to be a misspelling of (unknown_keys).
        self.misspelt: set[str] = set()
        #: (field, index, key): the keys of list items that an unknown key of the item seems
        #: to be a misspelling of (items), not also reported missing.
        self.misspelt_in_items: set[tuple[str, int, str]] = set()
        #: The `|` and `>` texts whose lines were taken for keys (strayed): said of those lines,
        #: an empty text is not also said to be empty.
        self.left: set[yaml_lines.KeyPath] = set()
        for line, message in located.errors:
            diagnostics.error(path, line, message)

    def error(self, key: object, message: str, *more: str | int) -> None:
        self.diagnostics.error(self.path, self.located.line(str(key), *more), message)

    def text(self, key: str, required: bool = False, one_line: bool = False, markdown: bool = False) -> str:
        value = self.data.get(key)
        if value is None:
            if required and key in self.data:
                self.error(key, f"'{key}' must not be empty{self._null_hint(key) if key == 'title' else ''}")
            elif required and key not in self.misspelt:
                self.diagnostics.error(self.path, 1, missing_field(key))
            return ""
        if not _is_text(value):
            self.error(key, self._not_text(key, value, markdown))
            return ""
        value = str(value).strip()
        if required and not value and (key,) not in self.left:  # its lines were said to be misplaced
            self.error(key, f"'{key}' must not be empty")
        if one_line and "\n" in value:
            self.error(key, f"'{key}' must be a single line{self._escaped(key)}")
        if one_line:
            self._closed_controls(key, value)
        return value

    def _closed_controls(self, key: str, value: str, *path: int) -> None:
        """A shown name that leaves a direction control open (bidi_marks.left_open)."""
        if not value.isprintable() and (control := bidi_marks.left_open(value)):
            self.diagnostics.warning(
                self.path, self.located.line(key, *path), bidi_marks.left_open_warning(key, control)
            )

    def optional_name(self, key: str) -> str | None:
        """A one-line name that may be left out (a category). Written but blank (`""`, spaces),
        it is an error, as a blank tag is: read as none, it would hide the name left unwritten."""
        value = self.text(key, one_line=True)
        if not value and _is_text(self.data.get(key)):
            self.error(key, f"'{key}' must be non-empty text; to have no {key}, remove the key")
        return value or None

    def _escaped(self, *path: str | int) -> str:
        """Said of a value written on one line whose line break an escape made: its editor sees
        one line, and a backslash meant as one (`\\new`, a path) in double quotes."""
        if not self.located.broken_by_escape(*path):
            return ""
        return (
            ": in double quotes, '\\' starts an escape ('\\n' is a line break, '\\t' a tab); write '\\\\' "
            "for a backslash, or put the whole value in single quotes"
        )

    def _null_hint(self, *path: str | int) -> str:
        """Said only for the word (`title: Null`, a term so named), not for `~` or nothing
        written, which are plainly empty."""
        written = self.located.nulls.get(path, "")
        if written not in NULL_WORDS:
            return ""
        return f' (YAML reads a bare {written} as nothing; to mean the word, quote it: "{written}")'

    def _not_text(self, key: str, value: Any, markdown: bool) -> str:
        """What an editor who wrote a list or mapping most likely meant, said as the fix."""
        if not isinstance(value, list | dict):
            return f"'{key}' must be text, not {kind(value)}"
        if key == "category" and isinstance(value, list):
            one = str(value[0]).strip() if len(value) == 1 and _is_text(value[0]) else ""
            fix = (
                f"write 'category: {one}'"
                if one and "\n" not in one
                else "pick one, list the others under 'tags'"
            )
            return f"'category' must be one name, not a list; {fix}"
        first = 0 if isinstance(value, list) else str(next(iter(value), ""))
        below = bool(value) and self.located.line(key, first) > self.located.line(key)
        if markdown and below:  # lines under the key: Markdown meant as a list or "Term: text" lines
            return (
                f"'{key}' must be text, not {kind(value)}; to write Markdown over several lines, "
                f"write '{key}: |' and indent the lines under it"
            )
        return f"'{key}' must be text, not {kind(value)}; put the whole value in quotes"

    def text_list(self, key: str, one_line: bool = False) -> tuple[str, ...]:
        """With `one_line`, an item over several lines is reported but kept, so that the items
        still line up with their lines (refs)."""
        value = self.data.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            self._one_with_commas(key, value)
            value = [value]
        if not isinstance(value, list):
            self.error(key, f"'{key}' must be a list of text, not {kind(value)}")
            return ()
        items: list[str] = []
        for index, item in enumerate(value):
            if isinstance(item, bool):
                self.error(key, f"each of '{key}' must be text, not true/false; remove the !!bool tag", index)
                continue
            if isinstance(item, list | dict):
                self.error(key, _nested_item(key, item), index)
                continue
            if not _is_text(item) or not str(item).strip():
                hint = self._null_hint(key, index) if item is None else ""
                self.error(key, f"each of '{key}' must be non-empty text{hint}", index)
                continue
            items.append(str(item).strip())
            if one_line and "\n" in items[-1]:
                self.error(key, f"each of '{key}' must be a single line{self._escaped(key, index)}", index)
            if one_line:
                self._closed_controls(key, items[-1], index)
        return tuple(items)

    def _one_with_commas(self, key: str, value: str) -> None:
        """`tags: nlp, vision` is one text to YAML, so one tag named "nlp, vision"; its editor
        meant two. `related` has its own word for it (graph.py): its names must be terms. Names
        written as wiki-links (`"[[Stock]], fond"`) are shown without their brackets, and not as
        one name, which no one means with them."""
        parts = listed_names(value)
        if key not in ("aliases", "tags") or len(parts) < 2 or not all(parts):
            return
        one = "alias" if key == "aliases" else "tag"
        keep = f"[{json.dumps(value.strip(), ensure_ascii=False)}]"
        keep_one = (
            "" if wiki_bracketed(value) else f" (or, to keep it one {one}, write it as a list of one: {keep})"
        )
        self.diagnostics.warning(
            self.path,
            self.located.line(key),
            f"'{value.strip()}' is one {one}, commas and all; to give several, write a list: "
            f"[{', '.join(parts)}]{keep_one}",
        )

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
            if _is_text(item) and str(item).strip()
        )

    def slug(self) -> str:
        explicit = self.data.get("slug")
        if explicit is not None and not _is_text(explicit):
            self.error("slug", f"'slug' must be text, not {kind(explicit)}")
            return Path(self.path).stem
        if explicit is not None:
            slug = str(explicit)
            problem = slug_problem(slug)
            if problem is not None:
                self.error("slug", f"slug '{slug}' {problem}{_lowercase_hint(slug)}")
            return slug
        stem = Path(self.path).stem
        parts = Path(self.path).parts
        if stem == "index" and len(parts) > 3:  # content/terms/x/index.md, as Hugo's page bundles
            suggestion = slugify(parts[-2]) or "name"
            self.diagnostics.warning(
                self.path,
                1,
                f"this file's page is {parts[1]}/index/, not its folder's as a Hugo page bundle's "
                f"is; rename it to '{suggestion}.md' or add 'slug: {suggestion}'",
            )
        if len(stem) > MAX_SLUG:
            self.diagnostics.error(
                self.path,
                1,
                f"file name '{stem}.md' is too long for a slug (at most {MAX_SLUG} characters); "
                "shorten it or add a shorter 'slug:'",
            )
        elif stem == "_index":
            self.diagnostics.error(
                self.path,
                1,
                "'_index.md' is a Hugo section's list page, which has no counterpart here (the home "
                "page, categories and tags list the terms): delete it, and move any text it has to "
                "the 'intro' of content/site.yml",
            )
        elif not SLUG_RE.match(stem) and not slugify(stem):
            # '機械学習.md' was told to become 'term-name.md', as was every other such file
            self.diagnostics.error(
                self.path,
                1,
                f"file name '{stem}.md' is not a valid slug, and has no letter a-z to make one of: "
                "rename it, or add a 'slug:', in lowercase a-z, digits and hyphens (the term's name "
                "in Latin letters, such as its reading or a translation)",
            )
        elif not SLUG_RE.match(stem):
            suggestion = slugify(stem)
            self.diagnostics.error(
                self.path,
                1,
                f"file name '{stem}.md' is not a valid slug; rename it to '{suggestion}.md' "
                f"or add 'slug: {suggestion}'",
            )
        return stem

    def former_slugs(self, slug: str, what: str) -> tuple[Ref, ...]:
        """The addresses the term or tool had before a rename, each a slug that is not its own:
        one that is not would name no page, or this one. Its own is taken first only, as the
        address it was first published at, which the feed's entry id keeps: a term renamed
        back, or one that took in another's address when two were merged."""
        found: dict[str, Ref] = {}
        for index, ref in enumerate(self.refs("former_slugs")):
            problem = slug_problem(ref.text)
            if problem is not None:
                meant = _slug_meant(ref.text)
                # the term's own slug is a former one only first (where it was first published)
                fits = meant and (meant != slug or not index) and slug_problem(meant) is None
                hint = f"; write '{meant}'" if fits else ""
                self.diagnostics.error(self.path, ref.line, f"former slug '{ref.text}' {problem}{hint}")
            elif ref.text == slug and index:
                message = (
                    f"former slug '{ref.text}' is this {what}'s own slug; remove it (or, if it is the "
                    f"address the {what} was first published at, list it first)"
                )
                self.diagnostics.error(self.path, ref.line, message)
            elif ref.text in found:
                message = listed_again(f"former slug '{ref.text}'", found[ref.text].line, ref.line)
                self.diagnostics.warning(self.path, ref.line, message)
            else:
                found[ref.text] = ref
        return tuple(found.values())

    def date(self, key: str) -> dt.date | None:
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and DATE_RE.match(value.strip()):
            try:
                return dt.datetime.fromisoformat(value.strip().replace("Z", "+00:00")).date()
            except ValueError:
                pass
        written = f"'{value}'" if _is_text(value) else kind(value)
        self.error(key, f"'{key}' must be a date like 2025-03-01, not {written}")
        return None

    def flag(self, key: str) -> bool:
        value = flag_value(self.data.get(key, False))
        if value is None:
            self.error(key, f"'{key}' must be true or false")
            return False
        return value

    def items(
        self, key: str, item_keys: tuple[str, ...], required: tuple[str, ...]
    ) -> list[tuple[int, dict[str, Any], bool]]:
        """The mapping items of a list field, with their indexes and whether their keys are
        sound; reports the rest. An unsound item is still returned, so the caller can report
        its other problems in the same run."""
        value = self.data.get(key)
        if value is None:
            return []
        keys = ", ".join(item_keys)
        if not isinstance(value, list):
            # A lone mapping is one item written without its `- `, the usual slip.
            fix = "; start each item with '- '" if isinstance(value, dict) else ""
            written = "text" if _is_text(value) else kind(value)
            self.error(key, f"'{key}' must be a list of items (keys: {keys}), not {written}{fix}")
            return []
        found: list[tuple[int, dict[str, Any], bool]] = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                self.error(key, f"each item of '{key}' must be a mapping (keys: {keys})", index)
                continue
            sound = True
            for name in item:
                if name not in item_keys:
                    meant = meant_by(str(name), item_keys)
                    unknown = f"unknown key '{clipped(str(name))}' in {key} item{suggesting(meant)}"
                    stray = None if meant else self.strayed(key, index, name)
                    self.error(key, stray or unknown, index, name)
                    sound = False
                    if meant is not None:
                        self.misspelt_in_items.add((key, index, meant))
            for name in required:
                given = item.get(name)
                if self.item_key_misspelt(key, index, item, name):
                    continue
                if isinstance(given, list | dict):  # `a: [yes]`, `q: {Hard}`: text was meant
                    message = f"'{name}' of a {key} item must be text, not {kind(given)}"
                    self.error(key, f"{message}; put the whole value in quotes", index, name)
                    sound = False
                elif not _is_text(given) or not str(given).strip():
                    if (key, index, name) not in self.left:
                        self.error(key, _lacking(key, item, name), index, name)
                    sound = False
            found.append((index, item, sound))
        return found

    def item_key_misspelt(self, key: str, index: int, item: dict[str, Any], name: str) -> bool:
        """Whether `name` is missing from the item for an unknown key meant as it, reported
        already (items); a key written but empty is still a problem of its own."""
        return name not in item and (key, index, name) in self.misspelt_in_items

    def strayed(self, *path: str | int) -> str | None:
        """What to say of an unknown key that is a line meant for the `|` or `>` text above it
        (yaml_lines.Located.strays); the text it left is then not also said to be empty. Asked
        only of a key that no field is close to: a misspelt field is one whatever it follows."""
        stray = self.located.strays.get(path)
        if stray is None:
            return None
        self.left.add(stray[0])
        return stray[1]

    def unknown_keys(self, allowed: tuple[str, ...]) -> None:
        """Reported before the fields are read: a misspelt required field (`sumary:`) is then
        one problem, this one, not also a missing field."""
        for key in self.data:
            if key not in allowed:
                meant = meant_by(str(key), allowed)
                hint = suggesting(meant) or UNMATCHED_FIELDS.get(str(key).casefold(), "")
                stray = None if hint else self.strayed(key)
                self.error(key, stray or f"unknown field '{clipped(str(key))}'{hint}")
                if meant is not None:
                    self.misspelt.add(meant)


def _slug_meant(written: str) -> str:
    """The slug a former address written another way stands for: 'Gen-AI', the address
    '/terms/gen-ai/' or 'https://…/terms/gen-ai/', the file 'gen-ai.md'."""
    path = urllib.parse.urlsplit(written.strip()).path.rstrip("/")
    last = path.rpartition("/")[2]
    for suffix in (".md", ".html", ".htm"):
        last = last.removesuffix(suffix)
    return slugify(last if last != "index" else path.rpartition("/")[0].rpartition("/")[2])


def _lowercase_hint(slug: str) -> str:
    """`Machine-Learning` is a slip of case only (a title copied, say): name the slug it was
    meant as, when that one is valid."""
    lower = slug.lower()
    return f"; write '{lower}'" if lower != slug and slug_problem(lower) is None else ""


def _lacking(key: str, item: dict[str, Any], name: str) -> str:
    """A practice question without its answer is named by its question, which the editor
    looks for, not by its place in the list."""
    question = item.get("q")
    if key != "faq" or name != "a" or not _is_text(question) or not str(question).strip():
        return f"{key} item needs non-empty text for '{name}'"
    asked = f"practice question '{clipped(' '.join(str(question).split()))}'"
    if name in item:
        return f"{asked} has an empty answer; write the answer after its 'a: '"
    return f"{asked} has no answer; add 'a: ...' under its 'q:', lined up with it"


def missing_field(key: str) -> str:
    """Said at the opening '---' line: the field goes anywhere between it and the closing one."""
    return f"missing required field '{key}'; add '{key}: ...' to the front matter, between the '---' lines"


#: What YAML 1.1 reads as true or false; a field that takes one still does, though the loader
#: keeps them as text (yaml_lines).
FLAGS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


def flag_value(value: object) -> bool | None:
    """True or false as written (`true`, `yes`, `on`, in any case), or given by `!!bool`; None
    for anything else."""
    if isinstance(value, bool):
        return value
    return FLAGS.get(value.strip().casefold()) if isinstance(value, str) else None


def _is_text(value: object) -> bool:
    """Text, or a number taken as text (YAML gives one only for an explicit tag such as
    `!!int`); never true/false, which YAML makes of `no`, `on` and `true`."""
    return isinstance(value, str) or (isinstance(value, int | float) and not isinstance(value, bool))


def _nested_item(key: str, item: list[Any] | dict[Any, Any]) -> str:
    """`related: [[Tensor]]`, a wiki-link written as in a Markdown field (or in Obsidian's front
    matter), is to YAML a list in the list; saying "non-empty text" of it would puzzle."""
    inner: Any = item
    while isinstance(inner, list) and len(inner) == 1:  # `- [[Tensor]]` is a list in a list in it
        inner = inner[0]
    if inner is not item and _is_text(inner):
        name = str(inner).strip()
        return (
            f"each of '{key}' must be text, not a list: [[{name}]] is a list in the list to YAML, "
            f"not a wiki-link; write the name alone: {name}"
        )
    if isinstance(item, dict):
        return f"each of '{key}' must be text, not a mapping; put the whole item in quotes"
    return f"each of '{key}' must be text, not a list"


def count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def kind(value: Any) -> str:
    names: dict[type, str] = {
        list: "a list",
        dict: "a mapping",
        bool: "true/false (!!bool)",
        set: "a set (!!set)",
        bytes: "binary data (!!binary)",
    }
    return names.get(type(value), type(value).__name__)
