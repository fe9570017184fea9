"""An unspoken right-to-left mark at the start of a block of a right-to-left site that holds
Arabic or Hebrew but opens with a Latin letter.

style.css gives each block an editor wrote the direction of its first letter (`unicode-bidi:
plaintext`, as `dir="auto"` does), so that an English paragraph lines up on the left in an
Arabic glossary. But Arabic and Hebrew technical writing often opens a sentence with a Latin
name or number ("5G والحوسبة…", "GPU هو…"): by its first letter such a paragraph runs left to
right, and its words then read in the wrong order. A right-to-left mark before it makes its
first letter right to left. Only right-to-left sites get marks: a left-to-right one's blocks
are nearly all English, and looking through every page for the rare Arabic paragraph would
cost every build.
"""

from __future__ import annotations

import html
import re
import unicodedata

RLM = "\u200f"
#: Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic and their presentation forms, and
#: the right-to-left scripts beyond the first plane: what could make a block run right to left.
RTL_LETTER_RE = re.compile(
    "[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc\U00010800-\U00010fff\U0001e800-\U0001efff]"
)
#: The blocks whose text takes its direction from its first letter (style.css).
BLOCK_RE = re.compile(r"<(?:p|li|h[1-6]|dt|dd|th|td)(?=[\s>])[^>]*>")
#: Where a block's own text ends: the next block, opened or closed.
BLOCK_EDGE_RE = re.compile(
    r"</?(?:p|li|ul|ol|h[1-6]|dl|dt|dd|table|thead|tbody|tr|th|td|blockquote|pre|div|details|summary)(?=[\s>/])[^>]*>"
)
TAG_RE = re.compile(r"<[^>]*>")


def with_marks(page: str) -> str:
    """The page with a mark at the start of each block that needs one."""
    if not RTL_LETTER_RE.search(page):
        return page
    pieces, done = [], 0
    for block in BLOCK_RE.finditer(page):
        start = block.end()
        edge = BLOCK_EDGE_RE.search(page, start)
        mark = lead_mark(html.unescape(TAG_RE.sub("", page[start : edge.start() if edge else None])))
        if mark:
            pieces += [page[done:start], mark]
            done = start
    return "".join(pieces) + page[done:]


def lead_mark(text: str) -> str:
    """RLM for text with a right-to-left letter whose first strong letter runs left to right,
    else ''. Any Arabic or Hebrew word makes a block of a right-to-left site run right to left,
    as its readers expect: counting words instead would turn an Arabic sentence that quotes an
    English title («Attention Is All You Need») left to right."""
    if not RTL_LETTER_RE.search(text):
        return ""
    for character in text:
        kind = unicodedata.bidirectional(character)
        if kind in ("R", "AL"):
            return ""
        if kind == "L":
            return RLM
    return ""


#: Direction controls that hold until closed: embeddings and overrides (closed by PDF, U+202C)
#: and isolates (closed by PDI, U+2069).
_PDF, _PDI = "\u202c", "\u2069"
_CLOSER = {"\u202a": _PDF, "\u202b": _PDF, "\u202d": _PDF, "\u202e": _PDF}
_CLOSER |= {"\u2066": _PDI, "\u2067": _PDI, "\u2068": _PDI}
_CONTROLS_RE = re.compile("[\u202a-\u202e\u2066-\u2069]")


def left_open(text: str) -> str | None:
    """The first direction control `text` leaves open, if any.

    A title, summary or tag is shown inline among the theme's words and other fields (a pager
    link, the tab's title, a list's date): a right-to-left override left open in it ("Alpha
    \u202egnp.exe") reverses what the page writes after it too.
    """
    if not _CONTROLS_RE.search(text):
        return None
    opened: list[str] = []
    for control in _CONTROLS_RE.findall(text):
        if control in _CLOSER:
            opened.append(control)
        elif control == _PDI and any(_CLOSER[o] == _PDI for o in opened):
            while _CLOSER[opened.pop()] != _PDI:  # closes its isolate and what opened within it
                pass
        elif control == _PDF and opened and _CLOSER[opened[-1]] == _PDF:
            opened.pop()
    return opened[0] if opened else None


def left_open_warning(key: str, control: str) -> str:
    closer = _CLOSER[control]
    return (
        f"'{key}' leaves U+{ord(control):04X} ({unicodedata.name(control).lower()}) open, which turns "
        f"the page's words after it around too; close it with U+{ord(closer):04X} or remove it"
    )
