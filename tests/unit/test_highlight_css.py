"""Code colours: the theme's highlight.css is Pygments' xcode (light) and monokai (dark) styles,
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
    "/* Pygments styles for fenced code: {light} (light) and {dark} (dark), the dark one for a\n"
    "   reader who chose dark and for auto on a dark system. Generated and checked by\n"
    "   tests/unit/test_highlight_css.py; do not edit by hand. */\n"
)


def expected_css() -> str:
    light = HtmlFormatter(style=LIGHT).get_style_defs(".highlight")
    dark = HtmlFormatter(style=DARK).get_style_defs(':root[data-theme="dark"] .highlight')
    auto = HtmlFormatter(style=DARK).get_style_defs(':root:not([data-theme="light"]) .highlight')
    indented = "\n".join("  " + line for line in auto.splitlines())
    return (
        HEADER.format(light=LIGHT, dark=DARK)
        + f"{light}\n{dark}\n@media (prefers-color-scheme: dark) {{\n{indented}\n}}\n"
    )


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


def test_the_shipped_highlight_css_is_the_generated_one() -> None:
    if os.environ.get("GLOSSARY_REGENERATE") == "1":
        CSS.write_text(expected_css(), encoding="utf-8")
    assert CSS.read_text(encoding="utf-8") == expected_css()


@pytest.mark.parametrize("name", [LIGHT, DARK])
def test_every_code_colour_meets_wcag_aa_on_its_background(name: str) -> None:
    style = get_style_by_name(name)
    background = style.background_color
    low = {
        str(token): round(contrast("#" + rule["color"], background), 2)
        for token, rule in style
        if rule["color"] and not rule["bgcolor"] and contrast("#" + rule["color"], background) < 4.5
    }
    assert not low, f"{name}: colours under 4.5:1 on {background}: {low}"
    assert re.fullmatch(r"#[0-9a-fA-F]{6}", background)
