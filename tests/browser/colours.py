"""WCAG contrast of colours as getComputedStyle gives them ("rgb(r, g, b)"), and the focus ring's
colours to measure it on."""

from __future__ import annotations

import re


def _luminance(css_color: str) -> float:
    channels = [int(c) / 255 for c in re.findall(r"\d+", css_color)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    light, dark = sorted((_luminance(one), _luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


#: The focused element's outline colour and the first background behind the outline (it is
#: drawn outside the element, so on its parent's background or further up).
RING_AND_GROUND = """() => {
  const focused = document.activeElement;
  if (!focused || focused === document.body) { return null; }
  const style = getComputedStyle(focused);
  if (style.outlineStyle === "none") { return null; }  // a card or a node rings something else
  let box = focused.parentElement;
  while (box) {
    const ground = getComputedStyle(box).backgroundColor;
    if (ground !== "rgba(0, 0, 0, 0)") {
      return [focused.outerHTML.slice(0, 80), style.outlineColor, ground];
    }
    box = box.parentElement;
  }
  return [focused.outerHTML.slice(0, 80), style.outlineColor, "rgb(255, 255, 255)"];
}"""
