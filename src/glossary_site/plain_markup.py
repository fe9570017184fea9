"""Markup written in a plain-text field (a title, a summary, an alias, a tag, a table's column name),
which every page, card, search result and feed shows as written, marks and all.

An editor writes `summary: The **loss** says how [wrong](https://x) a model is` as they would
the definition beside it; nothing converts it, so the page shows the asterisks and brackets
with no word from the build. Each kind of markup is a warning at its line, once a field, that
says where Markdown does work. Only marks that are clearly markup count: `C*-algebra`,
`snake_case_name`, `2*3*4`, `__init__`, `$5 plan` and `Vec<String>` are words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass

from glossary_site.diagnostics import Diagnostics, clipped
from glossary_site.foreign_markdown import KEPT_TAGS, blanked
from glossary_site.formulas import INLINE_RE
from glossary_site.markdown_limits import CODE_SPAN_RE
from glossary_site.model import Breaks
from glossary_site.yaml_lines import KeyPath, Located, lines_down

#: Whether a text may hold any markup at all: most titles and summaries do not.
_ANY_RE = re.compile(r"[*_\[`<$]|~~")
_WIKI_RE = re.compile(r"\[\[[^\[\]\n]+\]\]")
_LINK_RE = re.compile(r"(?<!\[)!?\[(?!\[)[^\[\]\n]+\]\([^()\s]*(?:[ \t]+\"[^\"\n]*\")?\)")
_TAG_RE = re.compile(r"</?([A-Za-z][A-Za-z0-9]*)(?:[ \t][^<>\n]*)?/?>")
#: Emphasis as CommonMark reads it, simplified: the marks open before a word and close after
#: one, with no letter or digit outside them (so not `A*B`, `2*3*4`, `snake_case_name`); and
#: `~~struck~~`, as Markdown fields strike it through.
_EMPHASIS_RE = re.compile(
    r"(?<![\w*\\])(\*\*?)(?![\s*])([^\n]+?)(?<![\s*\\])\1(?![\w*])"
    r"|(?<![\w\\])(__?)(?![\s_])([^\n]+?)(?<![\s_])\3(?!\w)"
    r"|(?<!~)~~(?=[^\s~])[^\n]+?(?<=[^\s~])~~(?!~)"
)


@dataclass(frozen=True)
class Field:
    """A plain-text field as a message names it ("a summary"), and where its file takes
    Markdown instead, which is what the editor wanted."""

    name: str
    #: Where Markdown works in the same file: "the definition and body".
    markdown_in: str
    #: What to do instead of a wiki-link, after "write the name without the brackets".
    instead_of_wiki_link: str


Finder = Callable[[str], "re.Match[str] | None"]
Advice = Callable[[str, Field], str]


def _emphasis(text: str) -> re.Match[str] | None:
    for found in _EMPHASIS_RE.finditer(text):
        if found.group(3) != "__" or not found.group(4).isidentifier():  # `__init__` is a name
            return found
    return None


def _known_tag(text: str) -> re.Match[str] | None:
    return next((found for found in _TAG_RE.finditer(text) if found.group(1).lower() in KEPT_TAGS), None)


#: Each kind of markup but code and formulas: how to find its first piece, and what to say.
_KINDS: tuple[tuple[Finder, Advice], ...] = (
    (
        _WIKI_RE.search,
        lambda shown, field: (
            f"'{shown}' is a wiki-link, but {field.name} is plain text and shows it as written; "
            f"write the name without the brackets, {field.instead_of_wiki_link}"
        ),
    ),
    (
        _LINK_RE.search,
        lambda shown, field: (
            f"'{shown}' is a Markdown link, but {field.name} is plain text and shows it as written; "
            f"write the words without the link (links work in {field.markdown_in})"
        ),
    ),
    (
        _known_tag,
        lambda shown, field: (
            f"'{shown}' is an HTML tag, but {field.name} is plain text and shows it as written; "
            f"write the words without the tag (HTML works in {field.markdown_in})"
        ),
    ),
    (
        _emphasis,
        lambda shown, field: (
            f"'{shown}' is Markdown, but {field.name} is plain text and shows it as written; "
            f"write the words without the marks (Markdown works in {field.markdown_in})"
        ),
    ),
)


def plain_markup(text: str, field: Field) -> list[tuple[int, str]]:
    """(offset, message) for the first piece of each kind of markup in `text`, in text order.
    Code spans and formulas are found first and blanked out: their marks are not emphasis."""
    if not _ANY_RE.search(text):
        return []
    found: list[tuple[int, str]] = []
    code = CODE_SPAN_RE.search(text) if "`" in text else None
    if code is not None:
        found.append((code.start(), _code_message(clipped(code.group(0)), field)))
        text = CODE_SPAN_RE.sub(blanked, text)
    formula = INLINE_RE.search(text) if "$" in text else None
    if formula is not None:
        found.append((formula.start(), _formula_message(clipped(formula.group(0)), field)))
        text = INLINE_RE.sub(blanked, text)
    for find, advice in _KINDS:
        other = find(text)
        if other is not None:
            found.append((other.start(), advice(clipped(other.group(0)), field)))
    return sorted(found)


def plain_markup_problems(
    text: str, field: Field, first_line: int, breaks: Breaks | None = None
) -> Iterator[tuple[int, str]]:
    """(file line, message) for plain_markup in a field's value as YAML loaded it, whose first
    line is `first_line` and whose file lines begin at `breaks` (yaml_lines.Located)."""
    for offset, message in plain_markup(text, field):
        yield first_line + lines_down(text, offset, breaks), message


def _code_message(shown: str, field: Field) -> str:
    return (
        f"'{shown}' is a Markdown code span, but {field.name} is plain text and shows it as "
        f"written; write the words without the backticks (Markdown works in {field.markdown_in})"
    )


def _formula_message(shown: str, field: Field) -> str:
    return (
        f"'{shown}' is a formula, but {field.name} is plain text and shows it as written, dollars "
        f"and all; write it in words or with Unicode characters (formulas work in {field.markdown_in})"
    )


#: In a field's path (see warn_of_markup): each item of a list, or each value of a mapping.
EACH = None
#: Where a plain-text field is in a file's data: keys and EACH, as ("tables", EACH, "title").
FieldPath = tuple[str | None, ...]


def warn_of_markup(
    path: str, located: Located, fields: Mapping[str | FieldPath, Field], diagnostics: Diagnostics
) -> None:
    """A warning for the markup in each of a file's plain-text `fields`, each a key or the path
    to one, whose value is a text, a list of texts (aliases) or a mapping of texts (category
    descriptions). A value of another kind is an error its own check reports."""
    for key, field in fields.items():
        for at, text in _values(located.data, (key,) if isinstance(key, str) else key, ()):
            # the lines are looked up only for markup found: at 10,000 terms that is most of the cost
            if isinstance(text, str) and _ANY_RE.search(text) and plain_markup(text, field):
                found = plain_markup_problems(text, field, located.value_line(*at), located.breaks_of(*at))
                for line, message in found:
                    diagnostics.warning(path, line, message)


def plain_lines(located: Located, fields: Iterable[str | FieldPath]) -> set[int]:
    """The file lines that hold the text of `fields` (keys or paths, as warn_of_markup takes):
    the page shows an address written there as text, so a link elsewhere to the same address
    is not to be reported at them."""
    lines: set[int] = set()
    for key in fields:
        for at, text in _values(located.data, (key,) if isinstance(key, str) else key, ()):
            if isinstance(text, str):
                first = located.value_line(*at)
                below = lines_down(text, len(text.rstrip()), located.breaks_of(*at))
                lines.update(range(first, first + below + 1))
    return lines


def _values(value: object, pattern: FieldPath, at: KeyPath) -> Iterator[tuple[KeyPath, object]]:
    """Each value at `pattern` under `value` with its key path; the texts of a list or mapping
    found at its end. Whatever is missing or of another shape there gives nothing."""
    head = pattern[0] if pattern else EACH
    items: Iterable[tuple[str | int, object]] = ()
    if head is EACH and isinstance(value, list):
        items = enumerate(value)
    elif head is EACH and isinstance(value, dict):
        items = value.items()
    elif isinstance(head, str) and isinstance(value, dict) and head in value:
        items = [(head, value[head])]
    elif not pattern:
        yield at, value
    for key, item in items:
        if pattern:
            yield from _values(item, pattern[1:], (*at, key))
        else:
            yield (*at, key), item
