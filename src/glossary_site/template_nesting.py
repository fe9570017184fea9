"""Where a template's unclosed block opens. Jinja reports a missing `{% endif %}` where it
gave up, at the next end tag it did not expect or at the end of the file, often a hundred
lines below the `{% if %}` the designer has to find; it names the tag, not its line."""

from __future__ import annotations

import re

import jinja2

#: Jinja's words for the block it was inside when it gave up.
INNERMOST_RE = re.compile(r"The innermost block that needs to be closed is '(\w+)'")
#: Tags that open a block closed by `end<tag>`; `set` only without `=` (`{% set x %}…{% endset %}`).
OPENING = frozenset({"if", "for", "block", "macro", "call", "filter", "with", "autoescape", "trans", "set"})


def unclosed_line(env: jinja2.Environment, source: str, exc: jinja2.TemplateSyntaxError) -> int | None:
    """The line of the innermost block still open where parsing stopped, if the error is one
    of an unclosed block; None if the source cannot be followed that far."""
    innermost = INNERMOST_RE.search(exc.message or "")
    if innermost is None:
        return None
    open_tags: list[tuple[str, int]] = []
    try:
        for tag, line, assigns in _tags(env, source):
            if line >= exc.lineno and tag.startswith("end"):
                break
            if tag in OPENING and not (tag == "set" and assigns):
                open_tags.append((tag, line))
            elif tag.startswith("end"):
                _close(open_tags, tag.removeprefix("end"))
    except jinja2.TemplateSyntaxError:
        return None
    return next((line for tag, line in reversed(open_tags) if tag == innermost.group(1)), None)


def _tags(env: jinja2.Environment, source: str) -> list[tuple[str, int, bool]]:
    """Each block tag's name and line, and whether an `=` follows the name in the tag."""
    tags: list[tuple[str, int, bool]] = []
    current: list[object] | None = None
    for line, kind, value in env.lex(source):
        if kind == "block_begin":
            current = []
        elif kind == "block_end":
            current = None
        elif current is not None and kind != "whitespace":
            if not current and kind == "name":
                tags.append((value, line, False))
            elif tags and kind == "operator" and value == "=":
                name, at, _ = tags[-1]
                tags[-1] = (name, at, True)
            current.append(value)
    return tags


def _close(open_tags: list[tuple[str, int]], tag: str) -> None:
    for index in range(len(open_tags) - 1, -1, -1):
        if open_tags[index][0] == tag:
            del open_tags[index:]
            return
