"""MyST's directives, ```{note} and :::{tip}, which editors coming from Sphinx write and the
engine here does not read: a backtick fence becomes a code block of the directive's text, a
colon fence a paragraph that shows its marks. Said where they stand, with what to write."""

from __future__ import annotations

import re

#: What follows a fence's marks in a directive: its name in braces, then any argument. A
#: name starts with a letter, so Python-Markdown's `{.python}` and `{#id}` are not one.
DIRECTIVE_RE = re.compile(r"[ ]*\{([a-z][\w:.-]*)\}[ ]*(.*)")
_ADMONITIONS = frozenset(
    {"admonition", "attention", "caution", "danger", "dropdown", "error", "hint", "important"}
    | {"note", "seealso", "tip", "warning"}
)
_CODE = frozenset({"code", "code-block", "code-cell", "sourcecode"})


def directive_message(fence: str, name: str, argument: str, effect: str) -> str:
    """`effect`: what the page shows instead, which depends on the fence."""
    shown = f"{fence}{{{name}}}" + (f" {argument}" if argument else "")
    return f"'{shown}' is a MyST directive, which is not read here: {effect}; {_advice(name, argument)}"


def _advice(name: str, argument: str) -> str:
    if name == "glossary":
        return (
            "a glossary here is one term file per term: write each term in it as a file of its "
            "own in content/terms/ (title, summary, definition) and link it as [[Term]]"
        )
    if name in _ADMONITIONS:
        kind = "note" if name in ("admonition", "dropdown") else name
        title = f' "{argument}"' if argument and kind != name else ""
        return f"write '!!! {kind}{title}' with its text indented by 4 spaces for a box, or a quotation (> …)"
    if name in _CODE:
        language = argument.split()[0] if argument else ""
        return f"write a fenced code block with the language alone: ```{language}"
    if name == "math":
        return "write the formula between two lines of $$"
    return "write what it makes in Markdown or HTML"
