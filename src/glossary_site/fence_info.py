"""What a code fence written for MkDocs Material, Hugo or Docusaurus asks for.

Python-Markdown's fence takes a language and `hl_lines="…"`, nothing else, so a fence copied
from another generator (```` ```py title="app.py" ````, ```` ```go {hl_lines=[2,"4-5"]} ````,
```` ```js {1,4-6} ````) failed the build. `read_info` finds in it what the page can show: the
language, the highlighted lines and a title (`title=`, Hugo's `file=`), which
fences.FenceAttributes writes as the engine reads them; line numbers, which the theme does not
draw, and any other attribute are left out, each a warning at its line. `copy=true` (Hugo's)
asks for the Copy button every block has (page.js).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass

#: A language at the start of the info string, as the engine reads one (`js{4}`: up to a brace).
_LANGUAGE_RE = re.compile(r"[ ]*\.?([\w#+-][\w#.+-]*)(?=[ ]|\{|$)(?![ ]*=)")
#: One attribute: key=value (quoted, a [list] or bare), a brace, .class, #id, line ranges, a flag;
#: Hugo separates them with commas too (`{linenos=inline, hl_lines=[3, "6-8"]}`).
_TOKEN_RE = re.compile(
    r"""[ ,]*(?:
        (?P<key>[A-Za-z_][\w-]*)[ ]*=[ ]*(?:"(?P<double>[^"]*)"|'(?P<single>[^']*)'|\[(?P<list>[^\]]*)\]
            |(?P<bare>[^\s{}"'\[\],]+))
        |(?P<brace>[{}])
        |\.(?P<class>[\w#+-][\w#.+-]*)
        |(?P<id>\#[\w-]+)
        |(?P<ranges>[0-9]+(?:-[0-9]+)?(?:[ ]*,[ ]*[0-9]+(?:-[0-9]+)?)*)
        |(?P<flag>[A-Za-z_][\w-]*)
    )""",
    re.VERBOSE,
)
#: Attributes that number the lines, in the generators' spellings.
LINE_NUMBERS = frozenset(
    {"linenos", "linenums", "linenostart", "showlinenumbers", "linenumbers", "anchorlinenos", "lineanchors"}
)
TITLES = ("title", "file", "filename")
_OFF = frozenset({"false", "no", "off", "0"})


@dataclass(frozen=True, slots=True)
class FenceInfo:
    """What a fence's info string asks for that the engine can show, and what it cannot."""

    language: str
    title: str
    hl_lines: str
    dropped: tuple[str, ...]

    def fence(self, mark: str) -> str:
        """The opening fence as the engine reads it."""
        highlighted = f' hl_lines="{self.hl_lines}"' if self.hl_lines else ""
        return f"{mark}{self.language}{highlighted}"

    def caption(self) -> str:
        """The title's bar, to go right above the block ("" without a title)."""
        return f'<p class="code-title">{html.escape(self.title)}</p>' if self.title else ""


def read_info(info: str) -> FenceInfo | None:
    """The language, title, highlighted lines ("2 4-5") and left-out attributes of an info
    string the engine does not read itself; None if it is not attributes (words after the
    language, a MyST directive), which fences.fence_problems reports."""
    language = _LANGUAGE_RE.match(info)
    rest = info[language.end() :] if language else info
    title, lines, dropped, classes = "", "", [], []
    depth = 0
    for token in _tokens(rest):
        if token is None:
            return None
        kind, name, value = token
        if kind == "brace":
            depth += 1 if value == "{" else -1
            if depth not in (0, 1):
                return None
        elif kind == "class":
            classes.append(value)
        elif kind == "ranges":
            if not depth:
                return None
            lines = " ".join(part.strip() for part in value.split(","))
        elif kind == "flag":
            if name.lower() not in LINE_NUMBERS:
                return None  # words after the language, or a MyST directive's name
            dropped.append(name)
        elif kind == "id":
            dropped.append(name)
        elif name.lower() in TITLES:
            title = title or value
        elif name == "hl_lines":
            lines = " ".join(part.strip(" \"'") for part in value.replace(",", " ").split())
        elif name.lower() == "copy":
            if value.lower() in _OFF:
                dropped.append(name)  # every block has the button
        elif value.lower() not in _OFF:
            dropped.append(name)
    if depth:
        return None
    found = language.group(1) if language else (classes.pop(0) if classes else "")
    dropped += (f".{name}" for name in classes)
    return FenceInfo(found, title, lines, tuple(dropped))


def _tokens(text: str) -> Iterator[tuple[str, str, str] | None]:
    """(kind, name, value) of each attribute; None where the text is not one."""
    at = 0
    while at < len(text.rstrip(" ")):
        found = _TOKEN_RE.match(text, at)
        if found is None:
            yield None
            return
        at = found.end()
        kind = next(name for name in ("key", "brace", "class", "id", "ranges", "flag") if found.group(name))
        if kind == "key":
            value = next((v for v in found.group("double", "single", "list", "bare") if v is not None), "")
            yield kind, found.group("key"), value
        else:
            yield kind, found.group(kind), found.group(kind)


def dropped_message(name: str) -> str:
    if name.lower() == "copy":
        return f"this code fence's '{name}=false' is left out: every code block has a Copy button"
    if name.lower() in LINE_NUMBERS:
        return (
            f"this code fence's '{name}' is left out: the theme does not number a block's lines; "
            'point to a line with hl_lines="…" instead'
        )
    return (
        f"this code fence's '{name}' is left out, as it does nothing here: a fence takes a "
        'language, title="…" and hl_lines="…"'
    )
