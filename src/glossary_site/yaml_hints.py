"""What to write instead, for YAML mistakes that PyYAML and libyaml name only in their own terms.

Each hint takes the text and where the loader gave up, and returns where the cause is and
what to say, or None when the mistake is not the one it knows: yaml_lines then falls back on
its other hints. Both loaders are matched, as libyaml words its problems apart from PyYAML.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from glossary_site.diagnostics import clipped

#: Where the cause is (an index into the text) and what to say of it.
Hint = tuple[int, str]

#: A line's `key: value`, after its indentation and any `- `.
_KEYED = re.compile(r"[ \t]*(?:-[ \t]+)*(?P<key>[^\s'\"\[{#&*!|>%@`?:,\]}-][^\n]*?):[ \t]+(?P<value>[^\n]*)")
#: Each quote, and the other quotes a value that holds it can be put in.
_QUOTES = {'"': "single", "'": "double"}
_NODE_EXPECTED = ("did not find expected node content", "expected the node content")
_SECOND_DOCUMENT = (
    "invalid YAML: a '---' line starts a second YAML document, and only one is read; remove the line"
)


def _line_start(text: str, index: int) -> int:
    return text.rfind("\n", 0, index) + 1


def _line_end(text: str, index: int) -> int:
    end = text.find("\n", index)
    return len(text) if end < 0 else end


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def unclosed_quote(opener: int, text: str) -> str:
    """A quote that nothing closes, or that the opening quote of a later value closes."""
    quote = text[opener] if text[opener : opener + 1] in _QUOTES else '"'
    shown = f'"{quote}"' if quote == "'" else f"'{quote}'"
    return (
        f"invalid YAML: the quoted value that starts on this line is never closed; end it with {shown}, "
        f"or put the whole value in {_QUOTES[quote]} quotes if the {shown} is part of the text"
    )


def second_document() -> str:
    return _SECOND_DOCUMENT


def _tokens(text: str) -> list[Any]:
    """The tokens YAML reads from the text, up to the first it cannot read."""
    found: list[Any] = []
    loader: Any = yaml.SafeLoader(text)
    try:
        while loader.check_token():
            found.append(loader.get_token())
    except yaml.YAMLError:
        pass
    finally:
        loader.dispose()
    return found


def quote_closed_by_next_value(text: str, index: int) -> Hint | None:
    """`title: "Hello` then `summary: "S."`: YAML reads the second line's opening quote as the
    end of the first value and gives up at `S.`; the cause is the quote left open above."""
    before = text[_line_start(text, index) : index].rstrip(" \t")
    if before[-1:] not in _QUOTES or before.count(before[-1]) != 1:
        return None
    quoted = [
        token
        for token in _tokens(text)
        if isinstance(token, yaml.ScalarToken) and token.style in _QUOTES and token.end_mark.index <= index
    ]
    if not quoted or quoted[-1].start_mark.line == quoted[-1].end_mark.line:
        return None
    opener = quoted[-1].start_mark.index
    return opener, unclosed_quote(opener, text)


def node_expected(text: str, index: int, problem: str) -> Hint | None:
    """Where YAML wanted a value and found a character that cannot start one: a `- ` item
    inside brackets (`tags: [a, - b]`), a comma with no item before it, or a value that starts
    with what YAML reads as the end of a list or mapping (`title: ]T`)."""
    if not problem.startswith(_NODE_EXPECTED):
        return None
    character = text[index : index + 1]
    if character == "-":
        return index, (
            "invalid YAML: a '- ' item inside '[ ]'; in brackets, separate the items with commas "
            "([a, b]), or write each item on a line of its own starting with '- ', without the brackets"
        )
    if character == "," and text[_line_start(text, index) : index].rstrip()[-1:] in (",", "[", "{"):
        return index, "invalid YAML: a ',' with no item before it; remove the extra comma"
    if character in ("]", "}", ","):
        return index, f"invalid YAML: a value cannot start with '{character}'; put the whole value in quotes"
    return None


def flow_item(text: str, index: int, opened: int) -> Hint | None:
    """An item of a one-line `[ ]` or `{ }` that YAML cannot read, where the brackets are both
    there: `["GPU" chips, TPU]`, `[ratio: 1: 2]`."""
    closer = {"[": "]", "{": "}"}.get(text[opened : opened + 1])
    end = _line_end(text, opened)
    if closer is None or not opened < index < end or closer not in text[index:end]:
        return None
    brackets = f"'{text[opened]} {closer}'"
    if text[:index].rstrip(" \t")[-1:] in _QUOTES:
        return index, (
            f"invalid YAML: text after the closing quote of an item in {brackets}; put the whole "
            "item in quotes, single quotes if it holds a '\"'"
        )
    if text[index] == ":":
        return index, f"invalid YAML: an item in {brackets} holds ': '; put the whole item in quotes"
    return None


def complex_key(text: str, index: int, problem: str) -> Hint | None:
    """`summary: ? unknown`: YAML reads '? ' as the start of a key."""
    if problem.startswith("mapping keys are not allowed") and text[index : index + 1] == "?":
        return index, "invalid YAML: a value cannot start with '?'; put the whole value in quotes"
    return None


def item_on_key_line(text: str, index: int, problem: str) -> Hint | None:
    """`tags: - a`: a list item written on the line of its key."""
    if not problem.startswith(("block sequence entries are not allowed", "sequence entries are not allowed")):
        return None
    return index, (
        "invalid YAML: a '- ' item cannot go on the line of its key; put each item on a line of its "
        "own under the key, or put the whole value in quotes if the '-' is part of the text"
    )


def colon_in_value(text: str, index: int) -> Hint | None:
    """`summary: ratio: 2`: a ': ' in a value on its key's line, which YAML reads as a second key."""
    start = _line_start(text, index)
    found = _KEYED.match(text, start, _line_end(text, index))
    if found is None or found.start("value") > index or found.group("value")[:1] in _QUOTES:
        return None
    key, value = found.group("key"), found.group("value").rstrip()
    quoted = "'" + value.replace("'", "''") + "'" if '"' in value or "\\" in value else f'"{value}"'
    return start, (
        "invalid YAML: the value holds ': ', which YAML reads as the start of another key; put the "
        f"whole value in quotes: {clipped(f'{key}: {quoted}')}"
    )


def key_indented_too_far(text: str, index: int) -> Hint | None:
    """`title: T` then `  summary: S`: a key indented further than the key above it, whose
    value YAML then reads as going on over this line, where a ': ' cannot stand."""
    start = _line_start(text, index)
    found = _KEYED.match(text, start, _line_end(text, index))
    if found is None or found.end("key") != index:
        return None
    above = start
    while above:
        above = _line_start(text, above - 1)
        line = text[above : _line_end(text, above)]
        if line.strip() and not line.lstrip().startswith("#"):
            break
    else:
        return None
    parent = _KEYED.match(text, above, _line_end(text, above))
    if parent is None or parent.group("value")[:1] in ("", "|", ">", "#", "[", "{", *_QUOTES):
        return None
    if not parent.start("key") - above < found.start("key") - start:
        return None
    key, parent_key = found.group("key"), parent.group("key")
    return start, (
        f"invalid YAML: this line is indented further than '{clipped(parent_key)}:' above it, so YAML "
        f"reads it as more of that value, where ': ' cannot stand; start '{clipped(key)}:' in the same "
        f"column as '{clipped(parent_key)}:', or, if the line goes on from that value, put the "
        "whole value in quotes"
    )


_ESCAPE_PROBLEMS = (
    "found unknown escape character",
    "did not find expected hexdecimal",
    "expected escape sequence",
)


def escape(text: str, index: int, problem: str) -> Hint | None:
    """`"C:\\path"`: in double quotes a backslash starts an escape, which must be one YAML knows."""
    backslash = text.rfind("\\", 0, index + 1)
    if not problem.startswith(_ESCAPE_PROBLEMS) or backslash < 0:
        return None
    written = text[backslash : backslash + 2]
    digits = _HEX_DIGITS.get(written[1:])
    wrong = "is not one" if digits is None else f"takes {digits} hexadecimal digits after it"
    return backslash, (
        f"invalid YAML: in double quotes, '\\' starts an escape such as '\\n', and '{written}' {wrong}; "
        "write '\\\\' for a backslash, or put the whole value in single quotes"
    )


#: The escapes that take a character's number, and how many hexadecimal digits it has.
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}


#: A key written as the fields of front matter and the settings of site.yml are: right under a
#: `|` or `>` text, any other (`Emulsion means`, `**Note**`) is taken for a line of the text.
FIELD_LIKE = re.compile(r"[a-z0-9_-]+")
#: A line that is the next key after a block of text (`aliases:`, `"title":`, `summary:S.`, its
#: space left out), or a document marker: anything else there is taken for a line of the text.
_KEY_LINE = re.compile(
    rf"""{FIELD_LIKE.pattern}:(?:[ \t]|$|[^\s:/])"""
    r"""|(?:"[^"\n]*"|'[^'\n]*'):(?:[ \t]|$)|(?:---|\.\.\.)(?:[ \t]|$)"""
)
#: A line's indentation and any `- `: where its key starts.
_KEY_START = re.compile(r"[ \t]*(?:-[ \t]+)*")
#: A `|` or `>` text's start, after its key or list dash: without one, no line is a stray of it.
_BLOCK_OPENER = re.compile(r"[:-][ \t]+[|>]")
#: A `|` or `>` and what may follow it: chomping and indentation indicators.
_BLOCK_INDICATOR = re.compile(r"[|>][-+0-9]*")


def stray_block_line(text: str, indexes: tuple[int | None, ...]) -> Hint | None:
    """A line meant for a `|` or `>` text but indented less than it, where YAML fails: YAML ends
    the text above it and reads the line as the next key, which it is not (`**Emulsion**
    means…`, `[[emulsion]] is…`). `indexes` are where PyYAML says it failed: the line must be
    at one of them, so an error further down is not blamed on a sound line."""
    starts = sorted({_line_start(text, index) for index in indexes if index is not None})
    if not starts or not _BLOCK_OPENER.search(text, 0, starts[-1]):
        return None
    # Only what comes before the line is read: PyYAML's scanner takes time that grows with the
    # square of the nesting, and a file nested 30,000 deep below the line took a minute.
    blocks = [
        token
        for token in _tokens(text[: starts[-1]])
        if isinstance(token, yaml.ScalarToken) and token.style in ("|", ">")
    ]
    for start in starts:
        before = [token for token in blocks if token.end_mark.index <= start]
        if not before or text[before[-1].end_mark.index : start].strip():
            continue
        indicator = before[-1].start_mark.index
        if _meant_for_block(text, indicator, start):
            line = text[start : _line_end(text, start)]
            return start + _indent(line), outdented_block_line(text, indicator, start)
    return None


def _meant_for_block(text: str, indicator: int, start: int) -> bool:
    """Whether the line at `start`, after the block whose `|` or `>` is at `indicator`, is
    indented less than the block's text but no less than its key, is no key itself (a line
    left of the key belongs to what holds the key, the next `- ` item), and is in the text:
    right under it, or with more of it below (after a blank line, a line alone may be a
    field that lost its colon)."""
    line = text[start : _line_end(text, start)]
    indent = _indent(line)
    if not line.strip() or line[indent : indent + 1] == "\t" or _KEY_LINE.match(line, indent):
        return False
    column = _key_column(text, indicator)
    above = _text_lines(text[_line_start(text, indicator) : start].split("\n")[1:], column)
    if not column <= indent < (_indent(above[0]) if above else column + 1):
        return False
    return right_under(text, start) or bool(_text_below(text, start, column))


def right_under(text: str, start: int) -> bool:
    """Whether the line at `start` has a line above it that is not blank."""
    return bool(start) and bool(text[_line_start(text, start - 1) : start].strip())


def _key_column(text: str, indicator: int) -> int:
    found = _KEY_START.match(text, _line_start(text, indicator), indicator)
    return len(found.group()) if found else 0


def _text_lines(lines: list[str], key_column: int) -> list[str]:
    """The lines that YAML can read as the text of a block under a key at `key_column`."""
    return [line for line in lines if line.strip() and _indent(line) > key_column]


def outdented_block_line(text: str, indicator: int, start: int) -> str:
    """What to say of the line at `start`, meant as a line of the block whose `|` or `>` is at
    `indicator` but indented too little for YAML to read it so: the spaces that the lines of
    the text above it have, or, for a line right under the key, those of the lines below it.
    Said alike where YAML fails and where it reads the line as a key (an unknown field)."""
    opener, column = _line_start(text, indicator), _key_column(text, indicator)
    written = _BLOCK_INDICATOR.match(text, indicator)
    label = clipped(text[opener + column : written.end() if written else indicator + 1])
    above = _text_lines(text[opener:start].split("\n")[1:], column)
    lines, where = (above, "above") if above else (_text_below(text, start, column), "below")
    spaces = _indent(lines[0]) if lines else column + 2
    indent = f"indent it {spaces} space{'' if spaces == 1 else 's'}"
    if not lines:
        return f"this line is not indented under '{label}', so YAML does not read it as its text; {indent}"
    return (
        f"this line is indented less than the text of '{label}' {where} it, so YAML does not read it "
        f"as part of that text; {indent}, as the lines {where} it"
    )


def _text_below(text: str, start: int, key_column: int) -> list[str]:
    """The lines below the line at `start` that go on right of `key_column`, as a text does,
    down to the first that does not."""
    lines = []
    for line in text[_line_end(text, start) + 1 :].split("\n"):
        if line.strip() and _indent(line) <= key_column:
            break
        lines.append(line)
    return _text_lines(lines, key_column)


def document_end(text: str, index: int, problem: str) -> Hint | None:
    """A `...` line, which ends the document, with more YAML after it."""
    if "<document start>" not in problem:
        return None
    ends = list(re.finditer(r"^\.\.\.[ \t]*$", text[:index], re.MULTILINE))
    if not ends:
        return None
    return ends[-1].start(), "invalid YAML: a '...' line ends the YAML, and more follows it; remove the line"


#: The characters YAML reads as a line break that no editor shows as one.
_HIDDEN_BREAKS = re.compile("[\x85\u2028\u2029]")


def key_after_hidden_break(text: str, index: int, key: object) -> Hint | None:
    """The same line separator where YAML reads what follows as a key of its own (`summary: a`,
    the separator, `b: c`), which then is an unknown field or a repeat of one to the editor,
    who sees a single line."""
    before = index
    while before > 0 and text[before - 1] in " \t":
        before -= 1
    if before == 0 or not _HIDDEN_BREAKS.match(text, before - 1):
        return None
    return before - 1, (
        f"invalid YAML: this line holds an invisible line break (U+{ord(text[before - 1]):04X}), which "
        f"YAML reads as the end of the line, so '{clipped(str(key))}' after it is read as a key; remove it"
    )


def hidden_break(text: str, index: int) -> Hint | None:
    """A line separator pasted from a word processor or a web page: YAML starts a new line
    there, so the rest of what the editor sees as one line is misread as the next."""
    found = _HIDDEN_BREAKS.search(text, _line_start(text, index), _line_end(text, index))
    if found is None:
        return None
    return found.start(), (
        f"invalid YAML: this line holds an invisible line break (U+{ord(found.group()):04X}), which YAML "
        "reads as the end of the line; remove it"
    )
