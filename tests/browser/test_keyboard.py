"""What a reader who moves with the keyboard alone sees: a focus ring at every stop that stands
out from what it is drawn on, in light and in dark."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
from colours import RING_AND_GROUND, contrast
from playwright.sync_api import expect

if TYPE_CHECKING:  # tests/conftest.py shares the module name "conftest", so no runtime import
    from conftest import OpenPage, ServedSite
    from playwright.sync_api import Page

FLAGSHIP = "terms/generative-ai/index.html"
LAPTOP = {"width": 1366, "height": 768}
SHORT_LAPTOP = {"width": 1280, "height": 800}
PHONE = {"width": 360, "height": 740}
#: Pages with every kind of stop: header, term page, sidebar, CTA block, tool page, the form.
RING_PAGES = [FLAGSHIP, "index.html", "tools/midjourney/index.html", "stack-builder/index.html", "404.html"]


#: How much of the focused element's ring a box that scrolls (overflow other than visible) cuts
#: off, side by side, in px: such a box shows nothing outside its padding box.
RING_CUT = """() => {
  const focused = document.activeElement;
  const style = getComputedStyle(focused);
  if (style.outlineStyle === "none") { return null; }
  const grow = parseFloat(style.outlineWidth) + parseFloat(style.outlineOffset);
  const rect = focused.getBoundingClientRect();
  const cuts = [];
  for (let box = focused.parentElement; box && box !== document.documentElement; box = box.parentElement) {
    const boxStyle = getComputedStyle(box);
    if (boxStyle.overflowX === "visible" && boxStyle.overflowY === "visible") { continue; }
    const edges = box.getBoundingClientRect();
    const left = edges.left + box.clientLeft, right = left + box.clientWidth;
    const top = edges.top + box.clientTop, bottom = top + box.clientHeight;
    const cut = Math.max(
      left - (rect.left - grow), rect.right + grow - right,
      top - (rect.top - grow), rect.bottom + grow - bottom
    );
    if (cut > 1) { cuts.push([box.className, Math.round(cut)]); }
  }
  return cuts.length ? [focused.outerHTML.slice(0, 80), cuts] : null;
}"""


def tab_through(page: Page, probe: str) -> tuple[int, list[Any]]:
    """Presses Tab until the focus leaves the page (or 400 stops), running `probe` at each stop;
    returns the number of stops and what the probe found where it found something."""
    stops, found = 0, []
    while stops < 400:
        page.keyboard.press("Tab")
        stops += 1
        if page.evaluate("document.activeElement === document.body"):
            break
        result = page.evaluate(probe)
        if result:
            found.append(result)
    return stops, found


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_focus_ring_stands_out_from_what_it_is_drawn_on(
    open_page: OpenPage, served: ServedSite, scheme: str
) -> None:
    """Was: on a term page in light, Tab reached the CTA's button with the accent blue ring on
    the CTA's navy block, 2.6:1, hard to see; now the ring takes the block's own text colour."""
    page = open_page(color_scheme=scheme)
    faint = []
    for path in RING_PAGES:
        page.goto(served.page_url(path))
        stops, rings = tab_through(page, RING_AND_GROUND)
        for found in rings:
            if contrast(found[1], found[2]) < 3:
                faint.append((path, round(contrast(found[1], found[2]), 2), *found))
        assert stops > 10, f"{path}: Tab reached only {stops} stops"
    assert not faint, f"focus rings below 3:1 against their background ({scheme}): {faint}"


@pytest.mark.parametrize("viewport", [LAPTOP, SHORT_LAPTOP, PHONE], ids=["laptop", "1280x800", "phone"])
def test_every_focus_ring_on_a_term_page_is_drawn_whole(
    open_page: OpenPage, served: ServedSite, viewport: dict[str, int]
) -> None:
    """Was: on a laptop the side column, a box that scrolls on its own, cut off the left side
    of the ring round each "On this page" entry, so the ring was an open bracket; now the
    column has room for it. And on a phone a link reached with Tab in a table that scrolls
    sideways stayed where it was while a pixel of it showed ("GitH" of "GitHub Copilot"
    at the table's edge); now the table scrolls to show it whole. At 1280x800 the side
    column scrolled its last link in flush with its bottom edge, cutting 5 px of the ring."""
    page = open_page(viewport=viewport)
    page.goto(served.page_url(FLAGSHIP))
    stops, cut = tab_through(page, RING_CUT)
    assert stops > 50, f"Tab reached only {stops} stops"
    assert not cut, f"focus rings cut off at {viewport['width']} px: {cut}"


@pytest.mark.parametrize(
    ("viewport", "first"), [(LAPTOP, "graph-node"), (PHONE, "graph-scroll")], ids=["laptop", "phone"]
)
def test_the_graph_pages_frame_is_a_tab_stop_only_while_it_scrolls(
    open_page: OpenPage, served: ServedSite, viewport: dict[str, int], first: str
) -> None:
    """Was: on a laptop, where the whole picture fits its frame, the first Tab in the page
    stopped on the frame, drawing a ring round the whole picture and scrolling nothing, as a
    table that fits no longer does; on a phone, where the frame scrolls, it is still a stop.
    Its name says "scrollable" only while it scrolls.
    And Tab visits the nodes A to Z, as "Lines in the graph" lists them: it went by category,
    leaping about the picture; a link before the picture skips its 37 stops."""
    page = open_page(viewport=viewport)
    page.goto(served.page_url("graph/index.html"))
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip the graph")
    expect(skip).to_be_focused()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('class')") == first
    label = page.locator(".graph-scroll").get_attribute("aria-label")
    title = page.locator("h1").inner_text()
    assert label == (f"{title}, scrollable" if first == "graph-scroll" else title)
    if first == "graph-scroll":
        page.keyboard.press("Tab")
    listed = page.locator(".graph-lines details > ul > li > a").all_text_contents()
    visited = []
    while page.evaluate("document.activeElement.matches('a.graph-node')"):
        visited.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
        page.keyboard.press("Tab")
    assert visited == listed and len(visited) == 37
    skip.focus()
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(page.locator(".graph-lines summary")).to_be_focused()


#: Each text field's border colour and the first background behind the field.
FIELD_EDGES = """() => [...document.querySelectorAll('input[type="search"], input[type="text"]')]
  .filter((field) => field.getClientRects().length)
  .map((field) => {
    let box = field.parentElement, ground = "rgb(255, 255, 255)";
    for (; box; box = box.parentElement) {
      const colour = getComputedStyle(box).backgroundColor;
      if (colour !== "rgba(0, 0, 0, 0)") { ground = colour; break; }
    }
    const style = getComputedStyle(field);
    return [field.id, style.borderTopColor, ground, style.backgroundColor];
  })"""


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_text_field_shows_its_edge(open_page: OpenPage, served: ServedSite, scheme: str) -> None:
    """Was: the header's search field had a border of 1.3:1 against the header and its own
    white inside, so the place to type hardly showed; a field's edge now keeps 3:1 to both."""
    page = open_page(color_scheme=scheme)
    faint = []
    for path in ("index.html", "search/index.html"):
        page.goto(served.page_url(path))
        fields = page.evaluate(FIELD_EDGES)
        assert len(fields) == 1, fields  # the header's box, the search page's own field
        for field, edge, ground, inside in fields:
            worst = min(contrast(edge, ground), contrast(edge, inside))
            if worst < 3:
                faint.append((path, field, round(worst, 2)))
    assert not faint, f"text fields whose edge is below 3:1 ({scheme}): {faint}"
