"""The term graph in a real browser: in the side column, reachable by keyboard, no sideways
scrolling on a phone, and no accessibility problems above minor in light or dark."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from forced_colours import system_colours
from playwright.sync_api import expect

if TYPE_CHECKING:  # tests/conftest.py shares the module name "conftest", so no runtime import
    from conftest import OpenPage, ServedSite
    from playwright.sync_api import Page

FLAGSHIP = "terms/generative-ai/index.html"
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def test_the_graph_sits_in_the_side_column_and_a_node_opens_by_keyboard(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page(viewport=LAPTOP)
    page.goto(served.page_url(FLAGSHIP))
    graph = page.locator("aside.sidebar nav.term-graph svg.graph")
    graph.scroll_into_view_if_needed()
    expect(graph).to_be_visible()
    side, main = page.locator("aside.sidebar").bounding_box(), page.locator("main#main").bounding_box()
    drawn = graph.bounding_box()
    assert side and main and drawn
    assert drawn["x"] > main["x"] + main["width"], "to the right of the article"
    assert drawn["x"] >= side["x"] - 1 and drawn["x"] + drawn["width"] <= side["x"] + side["width"] + 1
    node = graph.get_by_role("link", name="Diffusion model", exact=True)
    expect(node).to_have_attribute("href", "../diffusion-model/index.html")
    page.locator(".toc a").last.focus()
    for _ in range(30):  # Tab from the end of On this page into the graph
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.closest('svg.graph') !== null"):
            break
    assert page.evaluate("document.activeElement.closest('svg.graph') !== null"), "a node takes focus"
    ring = page.evaluate("getComputedStyle(document.activeElement.querySelector('circle')).strokeWidth")
    assert ring == "3px", "the focused node is marked"
    title = page.evaluate("document.activeElement.getAttribute('aria-label')")
    visited = []  # A to Z, as the site lists terms: round the ring, by kind, was no order to a reader
    while page.evaluate("document.activeElement.matches('a.graph-node')"):
        visited.append(page.evaluate("document.activeElement.getAttribute('aria-label')"))
        page.keyboard.press("Tab")
    assert visited == sorted(visited, key=str.casefold) and len(visited) == 14
    graph.get_by_role("link", name=title, exact=True).focus()
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(title)


@pytest.mark.parametrize(
    ("width", "least"), [(960, 11), (1024, 11), (1280, 12), (LAPTOP["width"], 12), (1920, 12)]
)
def test_the_graphs_labels_are_drawn_at_a_readable_size_on_a_laptop(
    open_page: OpenPage, served: ServedSite, width: int, least: float
) -> None:
    """Was: about 10px from 960 to 1366px wide, the drawing scaled down to an 18rem column."""
    page = open_page(viewport={"width": width, "height": 800})
    page.goto(served.page_url(FLAGSHIP))
    sizes = page.evaluate(
        """[...document.querySelectorAll('nav.term-graph svg.graph text')].map(text => {
             const svg = text.ownerSVGElement;
             const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
             return parseFloat(getComputedStyle(text).fontSize) * scale;
           })"""
    )
    assert len(sizes) == 15 and min(sizes) >= least, sizes


@pytest.mark.parametrize(
    ("path", "picture"), [(FLAGSHIP, "nav.term-graph svg.graph"), ("graph/index.html", "svg.graph-whole")]
)
def test_a_screen_reader_hears_each_node_by_its_title_and_no_label_run_together(
    page: Page, served: ServedSite, path: str, picture: str
) -> None:
    """A label drawn on two lines was also read as text, its lines run together: the centre
    said "GenerativeAI", beside the links' names ("Diffusion model") their labels said
    "Diffusionmodel". Only the nodes' links are heard, each by its whole title."""
    page.goto(served.page_url(path))
    heard = page.locator(picture).aria_snapshot().splitlines()
    assert not [line for line in heard if line.lstrip().startswith("- text:")]
    links = [line for line in heard if line.lstrip().startswith("- link ")]
    assert '- link "Diffusion model"' in [line.strip().removesuffix(":") for line in links]
    assert len(links) == page.locator(f"{picture} a.graph-node").count() > 1


def test_a_screen_reader_hears_whose_graph_it_is_once(page: Page, served: ServedSite) -> None:
    """Was: the SVG was named by a visually hidden span in the figure's caption, so after the
    last node that name was read again as text, and the figure's name (its whole caption) ran
    it into the legend: "Generative AI and the terms around it related links to linked from"."""
    page.goto(served.page_url(FLAGSHIP))
    heard = page.locator("nav.term-graph").aria_snapshot().splitlines()
    whose = "Generative AI and the terms around it"
    assert [line.strip() for line in heard if whose in line] == [f'- img "{whose}":']
    assert not [line for line in heard if line.lstrip().startswith("- figure")]


def test_on_a_phone_the_graph_fits_without_sideways_scroll(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(viewport=PHONE)
    page.goto(served.page_url(FLAGSHIP))
    graph = page.locator("nav.term-graph svg.graph")
    graph.scroll_into_view_if_needed()
    expect(graph).to_be_visible()
    drawn = graph.bounding_box()
    assert drawn and drawn["x"] >= 0 and drawn["x"] + drawn["width"] <= PHONE["width"]
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]


def test_axe_finds_nothing_above_minor_on_a_term_page_with_its_graph(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page(viewport=LAPTOP)
    page.goto(served.page_url(FLAGSHIP))
    page.locator("nav.term-graph").scroll_into_view_if_needed()
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, f"{FLAGSHIP} with its graph")


def test_the_theme_toggle_recolours_the_graph(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(viewport=LAPTOP, color_scheme="light")
    page.goto(served.page_url(FLAGSHIP))
    fill = "getComputedStyle(document.querySelector('.graph-node text')).fill"
    light = page.evaluate(fill)
    page.evaluate("document.documentElement.dataset.theme = 'dark'")
    assert page.evaluate(fill) != light


#: Each part of the drawing: [selector, paint property, the colour of each match].
GRAPH_PAINTS = (
    "selectors => selectors.map(([selector, property]) => [selector, property,"
    " [...document.querySelectorAll(selector)].map(e => getComputedStyle(e)[property])])"
)


@pytest.mark.parametrize(("system", "choice"), [("light", None), ("dark", None), ("light", "dark")])
def test_in_forced_colours_the_graph_is_drawn_in_the_readers_system_colours(
    open_page: OpenPage, served: ServedSite, system: str, choice: str | None
) -> None:
    """Was: forced colours leave SVG paint alone, so in Windows high contrast the graph kept the
    site's pale circles, accent labels with halos of the site's background and grey lines, on
    the reader's own background (with the dark scheme chosen on a white one: labels at 2:1)."""
    page = open_page(viewport=LAPTOP, color_scheme=system, forced_colors="active")
    page.goto(served.page_url(FLAGSHIP))
    if choice:
        page.evaluate(f"localStorage.setItem('glossary-theme', '{choice}')")
        page.reload()
    colours = system_colours(page, "Canvas", "CanvasText", "LinkText", "Highlight")
    expected = {
        (".graph-edge", "stroke"): "CanvasText",
        (".graph-key .graph-edge", "stroke"): "CanvasText",
        (".graph-centre rect", "fill"): "Canvas",
        (".graph-centre rect", "stroke"): "CanvasText",
        (".graph-centre text", "fill"): "CanvasText",
        (".graph text", "stroke"): "Canvas",
        (".graph-node circle", "fill"): "Canvas",
        (".graph-node circle", "stroke"): "LinkText",
        (".graph-node text", "fill"): "LinkText",
    }
    for selector, paint, found in page.evaluate(GRAPH_PAINTS, [list(key) for key in expected]):
        want = expected[selector, paint]
        assert found and set(found) == {colours[want]}, f"{selector} {paint}: {set(found)}, not {want}"
    node = page.locator(".graph-node").first
    node.focus()
    assert node.locator("circle").evaluate("c => getComputedStyle(c).fill") == colours["Highlight"]
