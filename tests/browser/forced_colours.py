"""What Windows high contrast (forced colours) paints with, read in the page being tested."""

from __future__ import annotations

from playwright.sync_api import Page

_SYSTEM = (
    "names => names.map(name => { const probe = document.createElement('span');"
    " probe.style.color = name; document.body.append(probe);"
    " const colour = getComputedStyle(probe).color; probe.remove(); return colour; })"
)


def system_colours(page: Page, *names: str) -> dict[str, str]:
    """The reader's system colours (Canvas, CanvasText, LinkText, Highlight...) as rgb() strings;
    an author may still use them when forced colours replace the page's own."""
    return dict(zip(names, page.evaluate(_SYSTEM, list(names)), strict=True))
