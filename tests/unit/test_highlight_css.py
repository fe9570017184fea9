"""Code colours: the theme's highlight.css holds Pygments' xcode (light) and monokai (dark) styles,
under the same selectors as the theme's colour schemes, and every colour is readable.

GLOSSARY_REGENERATE=1 python -m pytest tests/unit/test_highlight_css.py rewrites the file.
"""

from __future__ import annotations

import os
import re

import pytest
from pygments.formatters.html import HtmlFormatter
from pygments.styles import get_style_by_name
from support import PROJECT

CSS = PROJECT / "src/glossary_site/theme/static/assets/highlight.css"
LIGHT, DARK = "xcode", "monokai"
HEADER = (
    "/* Pygments styles for fenced code: {light} (light) and {dark} (dark), the dark one on screen\n"
    "   for a reader who chose dark and for auto on a dark system; print has the light one, as\n"
    "   style.css prints black on white. Generated and checked by tests/unit/test_highlight_css.py;\n"
    "   do not edit by hand. */\n"
)
#: The dark colours are for the screen only.
DARK_CHOSEN = "@media screen {"
DARK_AUTO = "@media screen and (prefers-color-scheme: dark) {"


#: Monokai's highlighted lines (`hl_lines`) darker than its code, not lighter: on its own
#: #49483e its pink, comments and numbers fell to 2.85:1, on the lines an editor marked to be
#: read; every colour keeps 4.5:1 on this one.
DARK_HIGHLIGHT = "#10110d"


def dark_defs(prefix: str) -> str:
    style = get_style_by_name(DARK)
    css = str(HtmlFormatter(style=DARK).get_style_defs(prefix))
    rule = f".hll {{ background-color: {style.highlight_color} }}"
    assert css.count(rule) == 1, "Pygments writes the highlighted lines' rule as it did"
    return css.replace(rule, f".hll {{ background-color: {DARK_HIGHLIGHT} }}")


def expected_css() -> str:
    light = HtmlFormatter(style=LIGHT).get_style_defs(".highlight")
    dark = dark_defs(':root[data-theme="dark"] .highlight')
    auto = dark_defs(':root:not([data-theme="light"]) .highlight')
    header = HEADER.format(light=LIGHT, dark=DARK)
    return f"{header}{light}\n{_within(DARK_CHOSEN, dark)}{_within(DARK_AUTO, auto)}"


def _within(media: str, css: str) -> str:
    indented = "\n".join("  " + line for line in css.splitlines())
    return f"{media}\n{indented}\n}}\n"


def luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    if len(colour) == 3:
        colour = "".join(c * 2 for c in colour)
    channels = [int(colour[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


RULE_RE = re.compile(r"^\s*(?P<selector>[^{]+?)\s*\{(?P<body>[^}]*)\}", re.MULTILINE)
COLOUR_RE = re.compile(r"(?<![-\w])color:\s*(#[0-9a-fA-F]{3,6})")
BACKGROUND_RE = re.compile(r"background:\s*(#[0-9a-fA-F]{3,6})")
HIGHLIGHTED_RE = re.compile(r"background-color:\s*(#[0-9a-fA-F]{3,6})")
SCHEMES = {
    "light": ".highlight",
    "dark, chosen": ':root[data-theme="dark"] .highlight',
    "dark, automatic": ':root:not([data-theme="light"]) .highlight',
}


def rules(css: str, prefix: str) -> dict[str, str]:
    """Selector (without the prefix) → declarations, for the rules under one prefix."""
    found = {}
    for match in RULE_RE.finditer(css):
        selector = match["selector"].strip()
        if selector == prefix or selector.startswith(prefix + " "):
            found[selector.removeprefix(prefix).strip()] = match["body"]
    return found


def test_regenerate_on_request() -> None:
    """Pygments' own colours change between releases; the file is rewritten on request only."""
    if os.environ.get("GLOSSARY_REGENERATE") == "1":
        CSS.write_text(expected_css(), encoding="utf-8")
    assert CSS.read_text(encoding="utf-8").startswith(HEADER.format(light=LIGHT, dark=DARK))


@pytest.mark.parametrize("scheme", SCHEMES)
def test_every_code_colour_is_readable_in_every_scheme(scheme: str) -> None:
    css = CSS.read_text(encoding="utf-8")
    found = rules(css, SCHEMES[scheme])
    background = BACKGROUND_RE.search(found[""])
    assert background is not None, f"{scheme}: the code background is set"
    colours = {
        sel: c[1] for sel, body in found.items() if (c := COLOUR_RE.search(body)) and "background" not in body
    }
    assert len(colours) >= 30, f"{scheme}: every kind of token has its colour ({len(colours)})"
    low = {
        sel: round(contrast(c, background[1]), 2)
        for sel, c in colours.items()
        if contrast(c, background[1]) < 4.5
    }
    assert not low, f"{scheme}: under 4.5:1 on {background[1]}: {low}"
    # and on a highlighted line (was 2.85:1 in dark: Monokai's own #49483e)
    marked = HIGHLIGHTED_RE.search(found[".hll"])
    assert marked is not None, f"{scheme}: highlighted lines have their background"
    low = {
        sel: round(contrast(c, marked[1]), 2) for sel, c in colours.items() if contrast(c, marked[1]) < 4.5
    }
    assert not low, f"{scheme}: under 4.5:1 on highlighted lines' {marked[1]}: {low}"


def test_the_automatic_dark_scheme_applies_only_on_a_dark_system() -> None:
    css = CSS.read_text(encoding="utf-8")
    media = css[css.index(DARK_AUTO) :]
    assert rules(media, SCHEMES["dark, automatic"]), "inside the media query"
    assert not rules(css[: css.index(DARK_AUTO)], SCHEMES["dark, automatic"]), "and nowhere else"


def test_the_dark_colours_are_for_the_screen_only() -> None:
    """Print keeps the light colours whatever the reader chose (style.css prints black on white)."""
    css = CSS.read_text(encoding="utf-8")
    chosen, auto = css.index(DARK_CHOSEN), css.index(DARK_AUTO)
    assert not rules(css[:chosen], SCHEMES["dark, chosen"]), "no dark rule outside @media screen"
    assert rules(css[chosen:auto], SCHEMES["dark, chosen"]), "the chosen dark colours, on screen"
