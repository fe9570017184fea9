"""/graph/ in Chromium: on a 10,000-term glossary the page is small, each category opens its own
graph, and a term opens from there, by keyboard and by mouse; on the example every term is a node;
on a phone only the picture's frame scrolls sideways."""

from __future__ import annotations

import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_check import (
    assert_axe_finds_nothing_above_minor,
    assert_axe_finds_nothing_above_minor_in_either_scheme,
)
from conftest import OpenPage, ServedSite, serve
from forced_colours import system_colours
from nu_shown import ShownPages
from playwright.sync_api import Page, expect
from support import assert_nu_checker_passes, needs_nu_checker, run_glossary, write_files

from glossary_site import graph_page

TERMS = 10_000
CATEGORIES = (
    "Architectures", "Training", "Inference", "Data", "Evaluation", "Optimisation", "Safety",
    "Retrieval", "Vision", "Speech", "Infrastructure",
    "Reinforcement Learning from Human and Machine Feedback",  # long: it wraps in the lists
)  # fmt: skip
WORDS = ("Sparse", "Dense", "Latent", "Causal", "Robust", "Adaptive", "Neural", "Linear", "Greedy", "Elastic")
#: A comfortable page: the size of a small article. /graph/ at 10,000 terms is far below it.
COMFORTABLE = 200_000
PHONE = {"width": 390, "height": 844}


def title(i: int) -> str:
    return f"{WORDS[i % 10]} {WORDS[i // 10 % 10]} Method {i:05d}"


def write_glossary(root: Path) -> Path:
    """10,000 short terms in 12 categories, each related to two of its category and one other."""
    rng = random.Random(16)
    files = {"content/site.yml": "title: Ten thousand terms\nbase_url: https://big.example.com/\n"}
    for i in range(TERMS):
        related = [title((i + 12) % TERMS), title((i + 24) % TERMS), title(rng.randrange(TERMS))]
        files[f"content/terms/term-{i:05d}.md"] = (
            f"---\ntitle: {title(i)}\nsummary: What {title(i)} does.\n"
            f'definition: "{title(i)} is a generated term."\ncategory: {CATEGORIES[i % 12]}\n'
            f"related: [{', '.join(r for r in related if r != title(i))}]\n---\n"
        )
    return write_files(root, files)


@pytest.fixture(scope="module")
def big_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = write_glossary(tmp_path_factory.mktemp("big-glossary"))
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr[-2000:]
    return site / "_site"


@pytest.fixture(scope="module")
def big_site(big_build: Path) -> Iterator[str]:
    with serve(big_build) as address:
        yield address


def test_at_10000_terms_the_graph_is_small_and_opens_a_category_then_a_term(
    open_page: OpenPage, big_site: str
) -> None:
    page = open_page()
    response = page.goto(f"{big_site}/graph/index.html")
    assert response is not None and response.ok
    assert len(response.body()) < COMFORTABLE
    nodes = page.locator("svg.graph-whole a.graph-node")
    expect(nodes).to_have_count(len(CATEGORIES))
    expect(page.locator(".count")).to_contain_text("12 categories and")
    expect(page.locator("table.graph-table tbody tr")).to_have_count(len(CATEGORIES))

    page.locator("svg.graph-whole").scroll_into_view_if_needed()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # the skip link
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip the graph")).to_be_focused()  # 12 nodes: many to Tab past
    page.keyboard.press("Tab")
    if page.evaluate("document.activeElement.classList.contains('graph-scroll')"):  # it scrolls
        page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.getAttribute('aria-label')")
    assert focused in CATEGORIES
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text(f"Graph of {focused}")
    assert page.url.endswith("/index.html") and "/graph/" in page.url

    terms = page.locator("svg.graph-whole a.graph-node")
    expect(terms).to_have_count(graph_page.CATEGORY_TERMS)
    expect(page.locator("main")).to_contain_text(
        f"Showing the {graph_page.CATEGORY_TERMS} most linked of its"
    )
    # the lines in words, closed at first: each drawn term and those its lines join it to
    lines = page.locator("section.graph-lines")
    expect(lines.get_by_role("heading", name="Lines in the graph")).to_be_visible()
    listed = lines.locator("details > ul > li")
    expect(listed.first).to_be_hidden()
    lines.get_by_text("Each term and the terms its lines join it to, A to Z").click()
    expect(listed).to_have_count(graph_page.CATEGORY_TERMS)
    expect(listed.first).to_be_visible()
    assert_axe_finds_nothing_above_minor(page, f"the lines of the graph of {focused}, open")
    joined = lines.locator("details > ul > li > ul a").first
    joined_name = joined.inner_text()
    expect(terms.and_(page.locator(f'[aria-label="{joined_name}"]'))).to_have_count(1)  # drawn
    joined.click()
    expect(page.locator("h1")).to_have_text(joined_name)
    page.go_back()

    name = terms.first.get_attribute("aria-label")
    terms.first.locator("circle").click()
    expect(page.locator("h1")).to_have_text(str(name))


@pytest.mark.parametrize("path", ["graph/index.html", "graph/retrieval/index.html"])
def test_axe_finds_nothing_above_minor_on_the_graph_of_categories_and_a_category_graph(
    open_page: OpenPage, big_site: str, path: str
) -> None:
    """The example, under 100 terms, has neither page: /graph/ draws its terms there."""
    page = open_page()
    response = page.goto(f"{big_site}/{path}")
    assert response is not None and response.ok and len(response.body()) < COMFORTABLE
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, f"{path} at 10,000 terms")


@needs_nu_checker
def test_the_graph_of_categories_and_every_category_graph_pass_the_nu_html_checker(
    open_page: OpenPage, big_build: Path, big_site: str, tmp_path: Path
) -> None:
    """Here, not in tests/e2e: only a glossary above graph_page.ALL_TERMS has these pages, and
    this one is already built. On a phone the script makes each picture's frame a labelled Tab
    stop, so both pages are checked as shown there too."""
    assert_nu_checker_passes(big_build / "graph")
    assert len(list((big_build / "graph").glob("*/index.html"))) == len(CATEGORIES)
    shown = ShownPages(tmp_path)
    page = open_page(viewport={"width": 360, "height": 740})
    for path in ["graph/index.html", "graph/retrieval/index.html"]:
        page.goto(f"{big_site}/{path}")
        expect(page.locator(".graph-scroll").first).to_have_attribute("tabindex", "0")
        shown.save(page, path)
    shown.assert_nu_checker_passes()


def test_a_screen_reader_hears_the_graphs_name_from_its_heading_and_frame_not_a_third_time(
    page: Page, served: ServedSite
) -> None:
    """Was: the picture was named as its frame and heading are, so the page began "Graph of the
    glossary, heading; Graph of the glossary, region; Graph of the glossary, graphic"."""
    page.goto(served.page_url("graph/index.html"))
    heard = page.locator("main").aria_snapshot().splitlines()
    named = [
        line.strip().split(" [")[0].removesuffix(":") for line in heard if '"Graph of the glossary"' in line
    ]
    assert named == ['- heading "Graph of the glossary"', '- region "Graph of the glossary"']
    expect(page.locator(".graph-scroll").get_by_role("link", name="Generative AI", exact=True)).to_have_count(
        1
    )


def test_the_example_graph_shows_every_term_and_only_its_frame_scrolls_on_a_phone(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page()
    page.goto(served.page_url("graph/index.html"))
    expect(page.locator("figure.graph-map p.scroll-hint")).to_be_hidden()  # it fits a desktop
    page.close()
    page = open_page(viewport=PHONE)
    page.goto(served.page_url("graph/index.html"))
    expect(page.locator("svg.graph-whole a.graph-node")).to_have_count(len(served.terms))
    frame = page.locator(".graph-scroll")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert frame.evaluate("el => el.scrollWidth > el.clientWidth"), "the picture keeps a readable size"
    # was: cut off mid-label with no word that it scrolls, as wide tables have
    expect(page.locator("figure.graph-map p.scroll-hint")).to_have_text("Scroll sideways for more")
    expect(page.locator("figure.graph-map p.scroll-hint")).to_be_visible()
    frame.focus()
    page.keyboard.press("ArrowRight")
    expect(frame).to_be_focused()
    page.wait_for_function("document.querySelector('.graph-scroll').scrollLeft > 0")  # by keyboard


@pytest.mark.parametrize(("system", "choice"), [("dark", None), ("light", "dark")])
def test_in_forced_colours_the_example_graph_is_drawn_in_the_readers_system_colours(
    open_page: OpenPage, served: ServedSite, system: str, choice: str | None
) -> None:
    """Was: Windows high contrast left the picture in the site's colours: near-white circles and
    accent labels with halos of the site's panel colour, and grey lines, on the reader's black."""
    page = open_page(color_scheme=system, forced_colors="active")
    page.goto(served.page_url("graph/index.html"))
    if choice:
        page.evaluate(f"localStorage.setItem('glossary-theme', '{choice}')")
        page.reload()
    colours = system_colours(page, "Canvas", "CanvasText", "LinkText")
    paints = (
        "svg => ({lines: [...svg.querySelectorAll('.graph-link')].map(e => getComputedStyle(e).stroke),"
        " circles: [...svg.querySelectorAll('.graph-node circle')].map(e => getComputedStyle(e).fill),"
        " rings: [...svg.querySelectorAll('.graph-node circle')].map(e => getComputedStyle(e).stroke),"
        " labels: [...svg.querySelectorAll('.graph-node text')].map(e => getComputedStyle(e).fill),"
        " halos: [...svg.querySelectorAll('.graph-node text')].map(e => getComputedStyle(e).stroke)})"
    )
    found = {part: set(values) for part, values in page.locator("svg.graph-whole").evaluate(paints).items()}
    assert found == {
        "lines": {colours["CanvasText"]},
        "circles": {colours["Canvas"]},
        "rings": {colours["LinkText"]},
        "labels": {colours["LinkText"]},
        "halos": {colours["Canvas"]},
    }


def test_the_printed_graph_is_scaled_to_the_paper_not_cut_off(
    open_page: OpenPage, served: ServedSite
) -> None:
    """Was: printed, the frame kept its sideways scroll, which paper cannot do: the picture keeps
    at least 45rem (720 px) on screen, wider than an A5 page (or A4 with wide margins), and the
    part past the edge was cut off."""
    page = open_page(viewport={"width": 560, "height": 800})
    page.goto(served.page_url("graph/index.html"))
    page.emulate_media(media="print")
    frame, picture = page.locator(".graph-scroll"), page.locator("svg.graph-whole")
    assert frame.evaluate("el => el.scrollWidth <= el.clientWidth")
    drawn, room = picture.bounding_box(), frame.bounding_box()
    assert drawn is not None and room is not None
    assert room["x"] <= drawn["x"] and drawn["x"] + drawn["width"] <= room["x"] + room["width"]
    expect(picture.locator("a.graph-node")).to_have_count(len(served.terms))


def test_on_a_phone_a_node_reached_with_tab_is_wholly_inside_the_frame(
    open_page: OpenPage, served: ServedSite
) -> None:
    """Was: Chromium left a node where it was while a pixel of it showed, most of it out of the frame."""
    page = open_page(viewport={"width": 360, "height": 800})
    page.goto(served.page_url("graph/index.html"))
    frame = page.locator(".graph-scroll")
    frame.focus()
    for _ in range(len(served.terms)):
        page.keyboard.press("Tab")
        node, outer = page.locator(".graph-node:focus").bounding_box(), frame.bounding_box()
        assert node is not None and outer is not None
        name = page.evaluate("document.activeElement.getAttribute('aria-label')")
        # sideways only: the frame does not scroll up and down, and a label may pass its foot
        assert outer["x"] <= node["x"] and node["x"] + node["width"] <= outer["x"] + outer["width"], name


def test_on_a_phone_the_category_table_scrolls_in_its_own_frame(open_page: OpenPage, big_site: str) -> None:
    """Was: the four-column table widened the page past the phone's screen. Was too: its
    caption, centred over the whole scrolling table, read "Categories and their" at 390 px,
    the rest past the frame's edge until the reader scrolled the table."""
    page = open_page(viewport={"width": 360, "height": 800})
    page.goto(f"{big_site}/graph/index.html")
    table = page.get_by_role("table", name="Categories and their links")
    expect(table).to_be_visible()
    frame = page.locator(".table-scroll").filter(has=table)
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    assert frame.evaluate("el => el.scrollWidth > el.clientWidth")
    words, box = table.locator("caption").evaluate(
        "c => { const r = document.createRange(); r.selectNodeContents(c);"
        " return [r.getBoundingClientRect().right, c.closest('.table-scroll').getBoundingClientRect()]; }"
    )
    assert words <= box["right"], "the caption's words all show in the frame"


@pytest.mark.parametrize("width", [720, 1280])
def test_a_linked_category_is_never_split_between_two_columns(
    open_page: OpenPage, big_site: str, width: int
) -> None:
    """Was: a long name at the foot of one column, its "… links" at the top of the next."""
    page = open_page(viewport={"width": width, "height": 900})
    page.goto(f"{big_site}/graph/retrieval/index.html")
    items = page.locator(".graph-linked li")
    expect(items).to_have_count(len(CATEGORIES) - 1)
    assert items.evaluate_all("els => els.map(el => el.getClientRects().length)") == [1] * (
        len(CATEGORIES) - 1
    )
