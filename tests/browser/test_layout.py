"""The reader-facing look of a term page: the two columns and the phone order, On this page,
scrolling tables, previous/next, print, the reader's colour scheme and copy-link buttons."""

from __future__ import annotations

import re
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from axe_check import assert_axe_finds_nothing_above_minor
from colours import contrast
from conftest import serve  # this folder's, imported while it is collected
from forced_colours import system_colours
from playwright.sync_api import FloatRect, Locator, Page, expect
from support import PROJECT, copy_site, run_glossary, set_language, write_files

from glossary_site import labels as theme_labels
from glossary_site.pipeline import BuildOptions, build

if TYPE_CHECKING:  # tests/conftest.py shares the module name "conftest", so no runtime import
    from conftest import OpenPage, ServedSite

FLAGSHIP = "terms/generative-ai/index.html"
STACK_PAGE = "stack-builder/index.html"
LAPTOP = {"width": 1366, "height": 768}
PHONE = {"width": 390, "height": 844}


def luminance(page: Page, script: str) -> float:
    """WCAG relative luminance of the rgb() colour an expression evaluates to."""
    rgb = page.evaluate(f"(() => {{ const c = {script}; return c.match(/\\d+(\\.\\d+)?/g).slice(0, 3); }})()")
    channels = [float(v) / 255 for v in rgb]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def body_luminance(page: Page) -> float:
    return luminance(page, "getComputedStyle(document.body).backgroundColor")


def box(locator: Locator) -> FloatRect:
    found = locator.bounding_box()
    assert found is not None, f"{locator} has no box"
    return found


def scroll_to_middle(page: Page) -> None:
    page.evaluate("window.scrollTo(0, (document.documentElement.scrollHeight - window.innerHeight) / 2)")


def slug_of(page: Page, href: str | None) -> str:
    assert href
    return urllib.parse.urljoin(page.url, href).rstrip("/").split("/")[-2]


# --- two columns on a laptop, one on a phone ------------------------------------------------


def test_the_side_column_stays_in_view_while_reading(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(viewport=LAPTOP)
    page.goto(served.page_url(FLAGSHIP))
    sidebar, main = page.locator("aside.sidebar"), page.locator("main#main")
    assert box(sidebar)["x"] > box(main)["x"] + box(main)["width"], "the sidebar is a column to the right"
    scroll_to_middle(page)
    assert page.evaluate("window.scrollY") > 1000, "the flagship page is long enough to test this"
    expect(sidebar).to_be_in_viewport()
    side = box(sidebar)
    assert 0 <= side["y"] < 100 and side["y"] + side["height"] <= LAPTOP["height"] + 1, side
    expect(page.locator(".toc")).to_be_in_viewport()


def test_the_cta_sits_under_the_article_and_tables_use_the_whole_column(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page(viewport=LAPTOP)
    page.goto(served.page_url(FLAGSHIP))
    main, cta = box(page.locator("main#main")), box(page.locator("aside.cta"))
    assert abs(cta["x"] - main["x"]) < 2 and abs(cta["width"] - main["width"]) < 2, (main, cta)
    assert cta["y"] >= main["y"] + main["height"] - 1, (main, cta)
    article = box(page.locator("article.term"))
    assert article["width"] >= 800, f"the main column is {article['width']} px wide at 1366 px"
    tables = page.locator(".data-table table")
    assert tables.count() >= 4
    for index in range(tables.count()):
        width = box(tables.nth(index))["width"]
        assert width >= article["width"] - 2, f"table {index} is {width} px, the column {article['width']} px"


def test_in_forced_colours_the_cta_and_its_button_keep_their_edges(
    open_page: OpenPage, served: ServedSite
) -> None:
    """Was: Windows high contrast drops backgrounds, and the block and its button were drawn with
    nothing else, so their text stood loose on the page with no edge to show where they were."""
    page = open_page(viewport=LAPTOP, forced_colors="active")
    page.goto(served.page_url(FLAGSHIP))
    colours = system_colours(page, "CanvasText", "LinkText")
    edge = "el => { const s = getComputedStyle(el); return [s.borderStyle, s.borderWidth, s.borderColor]; }"
    assert page.locator("aside.cta").evaluate(edge) == ["solid", "1px", colours["CanvasText"]]
    assert page.locator("aside.cta a.button").evaluate(edge) == ["solid", "1px", colours["LinkText"]]


@pytest.mark.parametrize("viewport", [LAPTOP, PHONE], ids=["laptop", "phone"])
def test_a_date_in_a_row_heading_stays_on_one_line(
    open_page: OpenPage, served: ServedSite, viewport: dict[str, int]
) -> None:
    page = open_page(viewport=viewport)
    page.goto(served.page_url(FLAGSHIP))
    cell = page.locator("th[scope=row]", has_text="Feb 2024").first
    lines = cell.evaluate(
        "th => { const r = document.createRange(); r.selectNodeContents(th);"
        " return new Set([...r.getClientRects()].map(rect => Math.round(rect.top))).size; }"
    )
    assert lines == 1, f"'Feb 2024' breaks over {lines} lines at {viewport['width']} px"


def test_on_a_phone_related_terms_come_before_the_cta(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(viewport=PHONE)
    page.goto(served.page_url(FLAGSHIP))
    main, related, cta = (box(page.locator(s)) for s in ("main#main", "aside.sidebar .related", "aside.cta"))
    assert related["y"] >= main["y"] + main["height"] - 1, "one column: the sidebar follows the article"
    assert related["y"] + related["height"] <= cta["y"], (related, cta)
    assert all(b["x"] >= 0 and b["x"] + b["width"] <= PHONE["width"] for b in (main, related, cta))
    assert not page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth")


def test_on_a_phone_markdown_outside_the_body_stays_in_the_column(
    open_page: OpenPage, tmp_path: Path
) -> None:
    """Was: a wide table or a picture in the definition or an answer, and a long address or
    code word anywhere, widened the page to 778-1141 px on a 360 px phone."""
    site = copy_site("minimal", tmp_path)
    wide = (
        "| "
        + " | ".join(f"column {i}" for i in range(9))
        + " |\n|"
        + "---|" * 9
        + "\n| "
        + " | ".join("x" * 9)
        + " |"
    )
    long_url = "https://example.com/" + "a" * 90
    (site / "content/terms/wide.md").write_text(
        "---\ntitle: Wide\nsummary: Wide things.\ndefinition: |\n  **Wide** things:\n\n"
        + "".join(f"  {line}\n" for line in wide.splitlines())
        + f"\n  See <{long_url}> and `{'averylongcodeword' * 5}`.\n"
        + "related: [tensor, GPU]\nfaq:\n  - q: Why?\n    a: |\n"
        + "".join(f"      {line}\n" for line in wide.splitlines())
        + "      ![A wide picture](https://example.com/wide.png)\nupdated: 2025-01-01\n---\n\n"
        + f"Body with <{long_url}>.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert build(BuildOptions(site, out, search=False, use_cache=False)).ok(strict=False)
    page = open_page(viewport={"width": 360, "height": 800})
    with serve(out) as address:
        page.goto(f"{address}/terms/wide/index.html")
        expect(page.locator(".definition table")).to_be_visible()
        assert page.evaluate("document.documentElement.scrollWidth") <= 360


LONG_WORD = "Pneumonoultramicroscopicsilicovolcanoconiosis" * 2  # 90 letters, no place to break


@pytest.mark.parametrize("width", [320, 768])
def test_a_long_word_in_a_name_wraps_on_every_page_that_shows_it(
    open_page: OpenPage, tmp_path: Path, width: int
) -> None:
    """Was: a 90-letter word in a tag, in an alias or summary in the A-Z or on a tag or
    category page, in a source's title, or in a title shown in previous/next or a search result
    widened the page at 320 px to 800-950 px (previous/next to 1,032 px at 768 px)."""
    site = copy_site("minimal", tmp_path)
    (site / "content/terms/long-names.md").write_text(
        f"---\ntitle: Long {LONG_WORD}\nsummary: Summary {LONG_WORD}s.\n"
        f"definition: The **long** word.\naliases: [Alias {LONG_WORD}a]\ncategory: Concepts\n"
        f"tags: [{LONG_WORD}]\nrelated: [tensor, GPU]\n"
        f"faq:\n  - q: Why {LONG_WORD}q?\n    a: Because.\n"
        f"sources:\n  - title: Source {LONG_WORD}\n    url: https://example.com/\n"
        f"updated: 2025-01-01\n---\n\n#### Heading {LONG_WORD}h\n\nText.\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert build(BuildOptions(site, out, use_cache=False)).ok(strict=False)
    page = open_page(viewport={"width": width, "height": 800})
    pages = {
        "the term": "terms/long-names/index.html",
        "previous/next": "terms/model-training/index.html",
        "the A-Z": "index.html",
        "its tag": f"tags/{LONG_WORD.lower()}/index.html",
        "its category": "categories/concepts/index.html",
        "search": "search/index.html?q=long",
    }
    wider = {}
    with serve(out) as address:
        for name, path in pages.items():
            page.goto(f"{address}/{path}")
            expect(page.locator("main#main")).to_contain_text(LONG_WORD[:40])
            if name == "search":
                expect(page.locator("#search-results li a")).to_contain_text(LONG_WORD[:40])
            scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
            if scroll_width > width:
                wider[name] = scroll_width
    assert not wider, f"pages wider than the {width} px window: {wider}"


# --- On this page -----------------------------------------------------------------------------


def test_on_this_page_marks_the_section_being_read(open_page: OpenPage, served: ServedSite) -> None:
    """And Tab reaches it before the article: it came after every link of the body (stop 69
    of 121 here); now the link after the title skips to it."""
    page = open_page(viewport=LAPTOP)
    page.goto(served.page_url(FLAGSHIP))
    links = page.locator(".toc a")
    assert links.count() >= 6
    current = page.locator(".toc a[aria-current=true]")
    for index in (links.count() // 2, 2, links.count() - 3):
        link = links.nth(index)
        target = link.get_attribute("href")
        assert target and target.startswith("#")
        page.locator(target).evaluate("heading => heading.scrollIntoView({block: 'start'})")
        expect(current).to_have_count(1)
        expect(current).to_have_attribute("href", target)
    scroll_to_middle(page)
    page.keyboard.press("End")  # at the foot, the last section in view is the current one
    expect(current).to_have_attribute("href", links.last.get_attribute("href") or "?")
    page.keyboard.press("Home")
    page.locator(".breadcrumb a").last.focus()
    page.keyboard.press("Tab")
    skip = page.locator("article.term a.contents-skip")
    expect(skip).to_be_focused()
    # both boxes in one frame: the Home key's scroll may still be running
    below = page.evaluate(
        """() => document.querySelector('article.term a.contents-skip').getBoundingClientRect().top
                 - document.querySelector('.definition').getBoundingClientRect().top"""
    )
    assert below < 40, "shown where it stands"
    page.keyboard.press("Enter")
    page.keyboard.press("Tab")
    expect(links.first).to_be_focused()
    expect(links.first).to_be_in_viewport()


def test_on_this_page_marks_the_section_the_reader_jumped_to(open_page: OpenPage, served: ServedSite) -> None:
    """Attention's last sections are short: a heading jumped to the top has the next one above
    the third-of-the-window line too, which used to win."""
    page = open_page(viewport=LAPTOP)
    page.goto(served.page_url("terms/attention/index.html"))
    links = page.locator(".toc a")
    current = page.locator(".toc a[aria-current=true]")
    for index in range(links.count()):
        links.nth(index).click()
        expect(current).to_have_count(1)
        expect(current).to_have_attribute("href", links.nth(index).get_attribute("href") or "?")
    page.locator(".toc a[href='#multi-head-attention']").click()
    page.mouse.move(400, 400)
    page.mouse.wheel(0, 40)  # the reader's own scroll: the usual rule again
    expect(current).to_have_attribute("href", "#cross-attention")
    page.goto(served.page_url("terms/attention/index.html#cross-attention"))
    expect(page.locator("#cross-attention")).to_be_in_viewport()
    expect(current).to_have_attribute("href", "#cross-attention")


def test_in_forced_colours_on_this_page_still_marks_the_section_being_read(
    open_page: OpenPage, served: ServedSite
) -> None:
    """Was: Windows high contrast paints every border, the transparent ones too, and drops
    backgrounds, so every link carried the current one's bar and only its weight told it apart."""
    page = open_page(viewport=LAPTOP, forced_colors="active")
    page.goto(served.page_url(FLAGSHIP))
    expect(page.locator(".toc a[aria-current=true]")).to_have_count(1)
    bars = page.locator(".toc a").evaluate_all(
        "links => links.map(a => { const s = getComputedStyle(a); return"
        " [a.getAttribute('aria-current') === 'true', s.borderInlineStartColor, s.borderInlineStartWidth]; })"
    )
    current = {(colour, width) for is_current, colour, width in bars if is_current}
    others = {(colour, width) for is_current, colour, width in bars if not is_current}
    line = page.locator(".toc ol").evaluate("ol => getComputedStyle(ol).borderInlineStartColor")
    assert others == {(line, "2px")}, "the others are part of the list's line"
    assert current == {(system_colours(page, "Highlight")["Highlight"], "5px")}


def test_on_a_phone_on_this_page_is_a_closed_list_at_the_top_of_the_article(
    open_page: OpenPage, served: ServedSite
) -> None:
    """Was: left out on a phone (the side column, at the page's end, still lists related terms)."""
    page = open_page(viewport=PHONE)
    page.goto(served.page_url(FLAGSHIP))
    expect(page.locator(".toc")).to_be_hidden()
    expect(page.locator("aside.sidebar .related")).to_be_visible()
    expect(page.locator(".contents-skip")).to_be_hidden()
    contents = page.get_by_role("navigation", name="On this page")
    expect(contents).to_have_count(1)
    summary = contents.locator("summary")
    expect(summary).to_have_text("On this page")
    assert box(summary)["y"] + box(summary)["height"] < box(page.locator(".definition"))["y"]
    expect(contents.locator("a").first).to_be_hidden()
    page.locator(".breadcrumb a").last.focus()
    page.keyboard.press("Tab")
    expect(summary).to_be_focused()
    page.keyboard.press("Enter")
    entries = contents.locator("a")
    hrefs = [
        page.locator(".toc a").nth(n).get_attribute("href") for n in range(page.locator(".toc a").count())
    ]
    assert [entries.nth(n).get_attribute("href") for n in range(entries.count())] == hrefs
    page.keyboard.press("Tab")
    expect(entries.first).to_be_focused()
    entries.last.press("Enter")
    expect(page.locator(hrefs[-1] or "?")).to_be_in_viewport()


# --- tables that scroll sideways ------------------------------------------------------------------


def test_a_wide_table_on_a_phone_says_that_it_scrolls(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(viewport=PHONE)
    page.goto(served.page_url(FLAGSHIP))
    scrollers = page.locator(".data-table .table-scroll")
    wide = page.locator(".data-table .table-scroll.is-scrollable")
    expect(wide.first).to_be_attached()
    widths = scrollers.evaluate_all("els => els.map(e => e.scrollWidth > e.clientWidth + 1)")
    assert wide.count() == sum(widths), "every table wider than its box, and only those, is marked"
    assert page.locator(".table-scroll[tabindex='0']").count() == wide.count(), "only those take focus"
    hint = page.locator(".data-table .scroll-hint:visible")
    expect(hint).to_have_count(wide.count())
    expect(hint.first).to_have_text("Scroll sideways for more")
    assert hint.first.evaluate("el => getComputedStyle(el, '::after').content") == '" \u2192" / ""'
    table = wide.first
    hint_box, table_box = box(hint.first), box(table)
    assert hint_box["y"] + hint_box["height"] <= table_box["y"] + 1, "the hint is above its table"
    image = table.evaluate("el => getComputedStyle(el).backgroundImage")
    assert image.count("gradient") == 4, f"scroll shadows: {image}"


def test_tables_that_fit_show_no_hint(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(viewport={"width": 1600, "height": 900})
    page.goto(served.page_url(FLAGSHIP))
    expect(page.locator(".scroll-hint").first).to_be_attached()
    widths = page.locator(".table-scroll").evaluate_all("els => els.map(e => e.scrollWidth - e.clientWidth)")
    assert all(extra <= 1 for extra in widths), widths
    expect(page.locator(".scroll-hint:visible")).to_have_count(0)
    expect(page.locator(".table-scroll.is-scrollable")).to_have_count(0)
    expect(page.locator(".table-scroll[tabindex]")).to_have_count(0)  # no Tab stop with nothing to scroll


#: Admonitions of each kind the theme colours, and one of a kind it does not (grey).
ADMONITIONS = "".join(
    f'!!! {kind} "{kind.title()}"\n    Read this with [a GPU](../graphics-processing-unit/) in mind.\n\n'
    for kind in ("note", "tip", "warning", "danger", "aside")
)
#: An admonition's start edge, its title's colour, its background and its text's colour.
ADMONITION_COLOURS = """els => els.map(el => {
  const box = getComputedStyle(el), title = getComputedStyle(el.querySelector(".admonition-title"));
  return [box.borderInlineStartColor, title.color, box.backgroundColor, box.color];
})"""


def test_a_wide_markdown_table_scrolls_from_the_keyboard_and_one_that_fits_is_no_tab_stop(
    open_page: OpenPage, tmp_path: Path
) -> None:
    """Was: a table written in Markdown (in a definition or a body) scrolls sideways in its own
    box but was no Tab stop of its own (Chromium alone makes such a box focusable), so in other
    browsers a keyboard could not scroll it; axe: serious, scrollable-region-focusable. Was
    too: every kind of admonition (`!!! danger`, `!!! tip`...) looked the same; each now has
    its own colour, as MkDocs Material gives them, legible in either scheme, and keeps its edges
    in forced colours. Was too: a wide Markdown table, displayed formula or code block scrolled
    with no cue, as a front-matter table has (a hint above it and scroll shadows)."""
    site = copy_site("minimal", tmp_path)
    wide = "| " + " | ".join(f"column {i}" for i in range(9)) + " |\n|" + "---|" * 9 + "\n| "
    wide += " | ".join(f"value {i}" for i in range(9)) + " |\n"
    narrow = "| a | b |\n|---|---|\n| 1 | 2 |\n"
    definition = "".join(f"  {line}\n" for line in f"A **tensor** is [[GPU]] food:\n\n{wide}".splitlines())
    term = site / "content/terms/tensor.md"
    text = term.read_text(encoding="utf-8")
    text = text.replace(
        "definition: A **tensor** generalises vectors and matrices to any number of axes.\n",
        f"definition: |\n{definition}",
    )
    formula = "$$\n" + " + ".join(f"x_{{{i}}}^2" for i in range(40)) + "\n$$\n"
    code = "```python\nx = " + " + ".join(f"value_{i}" for i in range(20)) + "\n```\n"
    term.write_text(
        text + f"\nSee [[GPU]].\n\n{wide}\nSmall:\n\n{narrow}\n{formula}\n{code}\n{ADMONITIONS}",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    assert build(BuildOptions(site, out, search=False, use_cache=False)).ok(strict=False)
    page = open_page(viewport={"width": 360, "height": 800})
    with serve(out) as address:
        page.goto(f"{address}/terms/tensor/index.html")
        for field in (".definition", ".prose"):
            table = page.locator(f"{field} table").first
            assert table.evaluate("t => t.scrollWidth > t.clientWidth"), f"{field}: the table fits its box"
            page.locator(f"{field} a.wikilink").last.focus()
            page.keyboard.press("Tab")
            expect(table).to_be_focused()
            page.keyboard.press("ArrowRight")
            page.wait_for_function("t => t.scrollLeft > 0", arg=table.element_handle())
        expect(page.locator(".prose table").last).not_to_have_attribute("tabindex", "0")
        hints = page.locator(".prose .scroll-hint:visible")
        expect(hints).to_have_count(3)
        expect(hints.first).to_have_text("Scroll sideways for more")
        above = hints.evaluate_all(
            "els => els.map(e => e.nextElementSibling.matches("
            "'table, .formula, .code-title:has(+ .highlight)'))"
        )
        assert above == [True, True, True], "each hint is right above its box (a code block's: above its bar)"
        for wide_box in (".prose table", ".prose .formula"):
            image = page.locator(wide_box).first.evaluate("el => getComputedStyle(el).backgroundImage")
            assert image.count("gradient") == 4, f"{wide_box}: scroll shadows: {image}"
        admonitions = page.locator(".admonition")
        expect(admonitions).to_have_count(5)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            assert_axe_finds_nothing_above_minor(page, f"a term with Markdown tables at 360 px ({scheme})")
            shown = admonitions.evaluate_all(ADMONITION_COLOURS)
            assert len({edge for edge, _, _, _ in shown}) == 5, f"kinds alike in {scheme}: {shown}"
            assert all(edge == title for edge, title, _, _ in shown), shown
            assert all(
                min(contrast(title, ground), contrast(text, ground)) >= 4.5
                for _, title, ground, text in shown
            ), f"{scheme}: {shown}"
        page.emulate_media(forced_colors="active")
        edges = "el => { const s = getComputedStyle(el); return [s.borderTopStyle, s.borderBottomStyle]; }"
        assert admonitions.first.evaluate(edges) == ["solid", "solid"], "a box, with no background to show it"


# --- previous and next ----------------------------------------------------------------------------


def test_the_pager_links_the_alphabetical_neighbours(page: Page, served: ServedSite) -> None:
    order = sorted(served.terms.values(), key=lambda term: term["title"].casefold())
    where = {term["slug"]: index for index, term in enumerate(order)}
    for slug in ("generative-ai", order[0]["slug"], order[-1]["slug"]):
        page.goto(served.page_url(f"terms/{slug}/index.html"))
        index = where[slug]
        pager = page.get_by_role("navigation", name="Previous and next term")
        for rel, neighbour in (("prev", index - 1), ("next", index + 1)):
            link = pager.locator(f"a[rel={rel}]")
            if 0 <= neighbour < len(order):
                expected = order[neighbour]
                expect(link).to_contain_text(expected["title"])
                assert slug_of(page, link.get_attribute("href")) == expected["slug"], (slug, rel)
            else:
                expect(link).to_have_count(0)
    page.goto(served.page_url(FLAGSHIP))
    previous, following = box(page.locator(".pager-previous")), box(page.locator(".pager-next"))
    assert previous["x"] < following["x"] and abs(previous["y"] - following["y"]) < 2, "side by side"


# --- the site header ------------------------------------------------------------------------------


def same_line(first: FloatRect, second: FloatRect) -> bool:
    """Whether the two boxes sit side by side: the middle of each is within the other's height."""
    return all(
        b["y"] <= a["y"] + a["height"] / 2 <= b["y"] + b["height"]
        for a, b in ((first, second), (second, first))
    )


@pytest.mark.parametrize("width", [320, 360, 414])
def test_on_a_phone_the_header_is_three_short_lines(
    open_page: OpenPage, served: ServedSite, width: int
) -> None:
    """Was: 215 px of an 800 px screen, as "Search" wrapped onto a second nav line and the
    theme control sat alone on a third, above the search box."""
    page = open_page(viewport={"width": width, "height": 800})
    page.goto(served.page_url("terms/attention/index.html"))
    header, nav = box(page.locator(".site-header")), box(page.locator(".site-nav"))
    toggle, search = box(page.locator(".theme-toggle")), box(page.locator(".search-box"))
    assert header["height"] <= 120, f"the header is {header['height']} px tall at {width} px"
    assert same_line(nav, toggle) and toggle["x"] >= nav["x"] + nav["width"] - 1, (nav, toggle)
    assert search["y"] >= toggle["y"] + toggle["height"] and search["width"] >= width - 41, search
    expect(page.get_by_role("button", name="Theme: auto")).to_be_visible()
    expect(page.get_by_role("combobox", name="Search the glossary")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    title, logo = box(page.locator(".site-title")), box(page.locator(".site-title img"))
    assert logo["x"] >= 0 and logo["x"] + logo["width"] <= title["x"] + title["width"] <= width, (logo, title)
    assert page.locator(".site-title img").evaluate("img => img.complete && img.naturalWidth > 0")
    expect(page.get_by_role("link", name="AI Glossary", exact=True)).to_be_in_viewport(ratio=1)
    page.locator(".site-title").focus()
    links = page.get_by_role("navigation", name="Main").get_by_role("link")
    assert links.count() == 6
    for index in range(links.count()):  # the nav scrolls sideways: Tab brings each entry into sight
        page.keyboard.press("Tab")
        expect(links.nth(index)).to_be_focused()
        expect(links.nth(index)).to_be_in_viewport(ratio=1)


@pytest.mark.parametrize("path", ["search/index.html", "graph/index.html"])
def test_on_a_phone_the_nav_shows_the_current_section(
    open_page: OpenPage, served: ServedSite, path: str
) -> None:
    page = open_page(viewport={"width": 360, "height": 800})
    page.goto(served.page_url(path))
    expect(page.locator(".site-nav a[aria-current=page]")).to_be_in_viewport(ratio=1)


@pytest.mark.parametrize("width", [960, 1024])
def test_on_a_small_laptop_the_header_is_one_line(
    open_page: OpenPage, served: ServedSite, width: int
) -> None:
    """Was: 115 px from 960 to about 1,090 px, the search box alone on a second line, 310 px
    wide under the title, while the theme control stayed at the top right."""
    page = open_page(viewport={"width": width, "height": 800})
    page.goto(served.page_url("terms/attention/index.html"))
    header = box(page.locator(".site-header"))
    assert header["height"] <= 70, f"the header is {header['height']} px tall at {width} px"
    title = box(page.locator(".site-title"))
    for part in (".site-nav", ".theme-toggle", ".search-box"):
        assert same_line(title, box(page.locator(part))), part
    expect(page.get_by_role("button", name="Theme: auto")).to_be_visible()


#: The room the header's search box leaves its hint, and the width the hint takes in its font.
HINT_AND_ROOM = """box => {
    const style = getComputedStyle(box);
    const context = document.createElement("canvas").getContext("2d");
    context.font = style.font;
    const room = box.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
    return [context.measureText(box.placeholder).width, room];
}"""


def test_on_a_phone_the_search_box_shows_its_whole_hint_in_every_shipped_language(
    open_page: OpenPage, tmp_path: Path
) -> None:
    """Was: the button's words left the box too narrow for its hint ("Rechercher un te" at
    320 px in French; Dutch, Portuguese, Ukrainian and Russian too). On a phone the button
    shows a magnifier and keeps its words as its name; wider, it shows the words."""
    languages = ["en", *theme_labels.translations()]
    for language in languages:
        site = copy_site("minimal", tmp_path / language)
        set_language(site, language)
        built = run_glossary("build", "--no-search", "--out", tmp_path / "www" / language, cwd=site)
        assert built.returncode == 0, built.stderr
    page = open_page(viewport={"width": 320, "height": 700})
    button = page.locator(".search-box button")
    with serve(tmp_path / "www") as address:
        for language in languages:
            page.goto(f"{address}/{language}/index.html")
            words = theme_labels.for_language(language)
            expect(page.locator("#site-search")).to_have_attribute("placeholder", words["search_placeholder"])
            for width in (300, 320, 390, 479):
                page.set_viewport_size({"width": width, "height": 700})
                expect(button.locator("svg")).to_be_visible()
                hint, room = page.locator("#site-search").evaluate(HINT_AND_ROOM)
                assert hint <= room, f"{language} at {width} px: a {hint:.0f} px hint in {room:.0f} px"
            expect(button).to_have_accessible_name(words["search_button"])
            page.set_viewport_size({"width": 1280, "height": 700})
            expect(button.locator("svg")).to_be_hidden()
            assert box(button.locator(".search-button-text"))["width"] > 10, "wide, it shows its words"


#: Resizes a frame showing this page through `widths` and returns those at which the header's
#: search box is narrower than its hint: one call, where a viewport per width took seconds.
HINT_CLIPPED_AT = """async widths => {
    const frame = document.createElement("iframe");
    frame.style.cssText = "border: 0; height: 400px";
    frame.src = location.href;
    await new Promise(loaded => { frame.onload = loaded; document.body.append(frame); });
    const search = frame.contentDocument.getElementById("site-search");
    const clipped = [];
    for (const width of widths) {
        frame.style.width = `${width}px`;
        frame.offsetWidth;  // lays the frame out at this width, media queries and all
        const [hint, room] = (HINT_AND_ROOM)(search);
        if (hint > room + 0.5) clipped.push(`${Math.round(hint - room)} px at ${width} px`);
    }
    return clipped;
}""".replace("HINT_AND_ROOM", HINT_AND_ROOM)


@pytest.mark.parametrize("language", ["fr", "ru"])
def test_at_every_width_the_header_search_box_shows_its_whole_hint(
    page: Page, tmp_path: Path, language: str
) -> None:
    """Was: just before the box moved under the example site's nav it was narrower than its
    hint, "Rechercher un te" by 44 px at 1,050 px; Dutch by 20, Russian by 15."""
    site = copy_site("example", tmp_path)
    set_language(site, language)
    built = run_glossary("build", "--no-search", "--out", tmp_path / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(tmp_path / "www") as address:
        page.goto(f"{address}/index.html")
        assert page.evaluate(HINT_CLIPPED_AT, list(range(300, 1500, 5))) == []


# --- print ------------------------------------------------------------------------------------------


def test_printing_shows_every_answer_and_only_the_article(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(FLAGSHIP))
    answers = page.locator(".faq .answer")
    assert answers.count() >= 5
    expect(answers.first).to_be_hidden()
    page.emulate_media(media="print")
    for index in range(answers.count()):
        expect(answers.nth(index)).to_be_visible()
    hidden = ("aside.sidebar", ".site-header", ".site-footer", "aside.cta", ".search-box", ".theme-toggle")
    for selector in (*hidden, ".copy-link", ".scroll-hint", ".term-pager", ".breadcrumb"):
        expect(page.locator(selector).first, selector).to_be_hidden()
    canonical = page.locator("link[rel=canonical]").get_attribute("href")
    expect(page.locator(".print-source")).to_have_text(re.compile(f" · {re.escape(canonical or '?')}$"))
    extra = page.locator(".table-scroll").evaluate_all("els => els.map(e => e.scrollWidth - e.clientWidth)")
    assert all(width <= 1 for width in extra), f"a printed table is cut off: {extra}"
    page.emulate_media(media="screen")
    expect(answers.first).to_be_hidden()
    expect(page.locator(".print-source")).to_be_hidden()


CHOOSE_SCHEME = """c => {
    const html = document.documentElement;
    if (c === "auto") delete html.dataset.theme; else html.dataset.theme = c;
}"""


def test_the_documented_site_stylesheet_recolours_both_schemes_and_still_prints_black_on_white(
    open_page: OpenPage, tmp_path: Path
) -> None:
    """themes.md's example stylesheet, linked as it says, gives its colours and font in the
    light scheme, in the dark one (chosen or the system's) and after the theme control is
    pressed. Was: a site stylesheet that set its dark colours in both blocks, as themes.md says,
    came after the theme's print rule with selectors as specific, so a reader in dark mode
    printed light grey text on a dark page."""
    section = (PROJECT / "docs/themes.md").read_text(encoding="utf-8").split("## Colours, fonts and sizes")[1]
    head, css = (re.search(f"```{kind}\n(.*?)```", section, re.DOTALL)[1] for kind in ("html", "css"))  # type: ignore[index]
    site = copy_site("minimal", tmp_path)
    write_files(site, {"templates/partials/head.html": head, "static/assets/colours.css": css})
    out = tmp_path / "out"
    assert build(BuildOptions(site, out, search=False, use_cache=False)).ok(strict=False)
    page = open_page()
    looks = "() => ['color', 'backgroundColor', 'fontFamily'].map(p => getComputedStyle(document.body)[p])"
    serif = 'Georgia, "Times New Roman", serif'
    light, dark = (
        ["rgb(43, 33, 24)", "rgb(255, 250, 242)", serif],
        ["rgb(242, 233, 222)", "rgb(28, 23, 19)", serif],
    )
    with serve(out) as address:
        page.goto(f"{address}/terms/tensor/index.html")
        assert page.evaluate(looks) == light, "a light system"
        toggle = page.locator(".theme-toggle")
        toggle.click()
        assert page.evaluate(looks) == dark, "dark chosen on a light system"
        page.emulate_media(color_scheme="dark")
        toggle.click()  # from dark on a dark system: back to auto
        assert page.evaluate(looks) == dark, "a dark system, no choice made"
        toggle.click()
        assert page.evaluate(looks) == light, "light chosen on a dark system"
        for choice in ("auto", "dark"):
            page.evaluate(CHOOSE_SCHEME, choice)
            page.emulate_media(media="print")
            assert page.evaluate(looks) == ["rgb(0, 0, 0)", "rgb(255, 255, 255)", serif], choice
            page.emulate_media(media="screen")


def test_before_printing_page_js_opens_the_closed_answers_and_closes_them_after(
    page: Page, served: ServedSite
) -> None:
    """For browsers without ::details-content, where print shows only an open answer; the one
    the reader opened stays open after printing."""
    page.goto(served.page_url(FLAGSHIP))
    questions = page.locator(".faq details")
    assert questions.count() >= 3
    questions.nth(1).locator("summary").click()
    is_open = "all => all.map(details => details.open)"
    before = questions.evaluate_all(is_open)
    assert before.count(True) == 1
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert all(questions.evaluate_all(is_open))
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert questions.evaluate_all(is_open) == before


def test_the_letter_bar_is_left_out_of_a_printed_a_to_z(page: Page, served: ServedSite) -> None:
    """Was: the home page printed its row of jump-to-letter links, which paper cannot follow."""
    page.goto(served.page_url("index.html"))
    letters = page.get_by_role("navigation", name="Jump to letter")
    expect(letters).to_be_visible()
    ways_in = page.locator("main").locator("section.overview, section.recent")
    expect(ways_in).to_have_count(2)
    page.emulate_media(media="print")
    expect(letters).to_be_hidden()
    expect(page.locator("#letter-A")).to_be_visible()
    expect(ways_in.first).to_be_hidden()  # the A to Z is what paper holds
    expect(ways_in.last).to_be_hidden()


def test_a_printed_code_block_wraps_its_long_lines(open_page: OpenPage, served: ServedSite) -> None:
    """Was: a code block kept its sideways scroll in print, so on paper a line longer than the
    page (Attention's example, on A4) was cut off at the edge."""
    page = open_page(viewport={"width": 640, "height": 900})
    page.goto(served.page_url("terms/attention/index.html"))
    code = page.locator("article.term pre").first
    overflow = "pre => pre.scrollWidth - pre.clientWidth"
    assert code.evaluate(overflow) > 50, "on screen, the long line scrolls in its box"
    text = code.inner_text()
    page.emulate_media(media="print")
    assert code.evaluate(overflow) <= 1
    assert code.inner_text() == text, "only wrapped: every character and line break kept"


def test_printed_further_reading_shows_the_address_of_each_link(page: Page, served: ServedSite) -> None:
    """On paper a link cannot be followed: each source's address is printed after its title."""
    page.goto(served.page_url(FLAGSHIP))
    sources = page.get_by_role("region", name="Further reading").get_by_role("link")
    added = "links => links.map(a => [a.getAttribute('href'), getComputedStyle(a, '::after').content])"
    shown = sources.evaluate_all(added)
    assert len(shown) >= 2 and all(after == "none" for _, after in shown), "not on screen"
    page.emulate_media(media="print")
    assert [after for _, after in sources.evaluate_all(added)] == [f'" ({href})"' for href, _ in shown]


LINKED_TERM = """---
title: Linked
summary: A term whose text links to other sites.
definition: "Described in [the first paper](https://example.org/first)."
faq:
  - q: Where is more?
    a: "In [the survey](https://example.org/survey)."
tables:
  - title: Results
    intro: "From [the leaderboard](https://example.org/leaderboard)."
    columns: [Model, Score]
    rows:
      - [A, "1"]
---
See [the benchmark](https://example.org/benchmark) and the [other term](../other/index.html).
"""


@pytest.fixture(scope="module")
def linked_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A glossary of two terms; the first links to other sites in its definition, body and answer."""
    site = write_files(
        tmp_path_factory.mktemp("linked"),
        {
            "content/site.yml": "title: Links\nbase_url: https://links.example.com/\n"
            "intro: Start with [the handbook](https://example.org/handbook).\n",
            "content/terms/linked.md": LINKED_TERM,
            "content/terms/other.md": "---\ntitle: Other\nsummary: Another.\ndefinition: Another.\n---\n",
        },
    )
    built = run_glossary("build", "--no-search", "--out", site / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(site / "www") as address:
        yield address


def test_a_printed_term_shows_the_address_of_each_link_to_another_site(page: Page, linked_site: str) -> None:
    """Was: only "Further reading" printed its addresses; a link to a paper in the definition,
    the body or an answer printed as its words alone, and the reader of the paper had no way to it."""
    page.goto(f"{linked_site}/terms/linked/")
    added = "a => getComputedStyle(a, '::after').content"
    page.emulate_media(media="print")
    for name, address in [
        ("the first paper", "https://example.org/first"),
        ("the benchmark", "https://example.org/benchmark"),
        ("the survey", "https://example.org/survey"),
    ]:
        link = page.locator("article.term a", has_text=name)  # printed, its name has the address too
        expect(link).to_be_visible()
        assert link.evaluate(added) == f'" ({address})"', name
    assert page.locator("a", has_text="other term").evaluate(added) == "none", "an address of this site"


def test_the_printed_home_page_and_table_introductions_show_their_links_addresses(
    page: Page, linked_site: str
) -> None:
    """What an editor wrote around the terms links to papers too: on paper, only the address
    printed after the words leads there."""
    added = "a => getComputedStyle(a, '::after').content"
    for path, where, address in [
        ("index.html", ".intro", "https://example.org/handbook"),
        ("terms/linked/", ".table-intro", "https://example.org/leaderboard"),
    ]:
        page.goto(f"{linked_site}/{path}")
        link = page.locator(f"{where} a")  # printed, its name has the address too
        assert link.evaluate(added) == "none", "not on screen"
        page.emulate_media(media="print")
        expect(link).to_be_visible()
        assert link.evaluate(added) == f'" ({address})"', where
        page.emulate_media(media="screen")


A4 = {"width": 718, "height": 1000}  # A4's width at 96 dpi less Chromium's default margins
LONG_URL = "https://example.org/watch?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYGabcdefghij"
SIXTY_LETTERS = "Pneumonoultramicroscopicsilicovolcanoconiosis" + "fifteenletterss"
LONG_CELLS_TERM = f"""---
title: Long cells
summary: A term whose tables hold a long address and a long word.
definition: A term whose tables hold a long address and a long word.
tables:
  - title: Sources
    columns: [Name, Address, Word, Notes]
    rows:
      - ["Playlist", "[{LONG_URL}]({LONG_URL})", "{SIXTY_LETTERS}", "An ordinary sentence of ordinary words"]
---
| Name | Address | Notes |
|---|---|---|
| Paper | [the paper](https://example.org/a-long-address-with-no-place-to-break-in-it-at-all) | Words |
| Word | {SIXTY_LETTERS} | Words |
"""


@pytest.fixture(scope="module")
def long_cells_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = write_files(
        tmp_path_factory.mktemp("long-cells"),
        {
            "content/site.yml": "title: Long cells\nbase_url: https://long.example.com/\n",
            "content/terms/long-cells.md": LONG_CELLS_TERM,
        },
    )
    built = run_glossary("build", "--no-search", "--out", site / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(site / "www") as address:
        yield address


#: The words of the cells of each table of the page that lie on more than one line.
SPLIT_WORDS = """article => [...article.querySelectorAll('td, th')].flatMap(cell => {
  const split = [], walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const word of node.data.matchAll(/\\S+/g)) {
      const range = document.createRange();
      range.setStart(node, word.index);
      range.setEnd(node, word.index + word[0].length);
      const lines = new Set([...range.getClientRects()].map(line => Math.round(line.top)));
      if (lines.size > 1) split.push(word[0]);
    }
  }
  return split;
})"""


def test_a_printed_table_with_a_long_address_or_word_fits_the_page(
    open_page: OpenPage, long_cells_site: str
) -> None:
    """Was: a cell's 70-character address or 60-letter word made the printed table as wide as
    it (1,154 px on a 718 px page), and paper lost the columns past the edge."""
    page = open_page(viewport=A4)
    page.goto(f"{long_cells_site}/terms/long-cells/")
    page.emulate_media(media="print")
    article = page.locator("article.term")
    tables = article.locator("table")
    expect(tables).to_have_count(2)
    right = box(article)["x"] + box(article)["width"]
    for index in range(2):
        table = box(tables.nth(index))
        assert table["x"] + table["width"] <= right + 1, (
            f"table {index + 1} ends at {table['x'] + table['width']}"
        )
    broken = article.evaluate(SPLIT_WORDS)
    assert LONG_URL in broken and SIXTY_LETTERS in broken, "the long ones break, kept whole"
    assert not [word for word in broken if len(word) <= 20], broken
    expect(tables.nth(1)).to_contain_text(LONG_URL)


@pytest.mark.parametrize("slug", ["generative-ai", "transformer", "large-language-model"])
def test_a_printed_table_breaks_no_ordinary_word(open_page: OpenPage, served: ServedSite, slug: str) -> None:
    """Was, with every cell allowed to break anywhere: "Autoregressi|ve", "generate|s". A word
    may still wrap after its hyphen ("fine-|tuning"), as it does on screen."""
    page = open_page(viewport=A4)
    page.goto(served.page_url(f"terms/{slug}/index.html"))
    page.emulate_media(media="print")
    split = page.locator("article.term").evaluate(SPLIT_WORDS)
    assert not [word for word in split if "-" not in word], split


def test_a_dark_reader_prints_dark_text_on_white(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(color_scheme="dark")
    page.goto(served.page_url(FLAGSHIP))
    assert body_luminance(page) < 0.05
    page.emulate_media(media="print")
    assert body_luminance(page) > 0.9
    assert luminance(page, "getComputedStyle(document.querySelector('.definition p')).color") < 0.05


INK_AND_PAPER = "e => { const s = getComputedStyle(e); return [s.color, s.backgroundColor]; }"


@pytest.mark.parametrize(
    ("path", "selector"),
    [
        ("tools/stable-diffusion/index.html", "a.tool-visit"),
        ("search/index.html?q=diffusion", ".search-excerpt mark"),
    ],
    ids=["visit-button", "search-match"],
)
def test_a_dark_reader_prints_text_on_the_accent_colour_legibly(
    open_page: OpenPage, served: ServedSite, path: str, selector: str
) -> None:
    """Was: print turned the accent black but kept the dark scheme's near-black text on it, so
    with background graphics on, the tool's Visit button and the matched words of search
    results came out black on black (1.1:1); then, with them off (browsers' default), white
    text on white paper, which Chromium printed pale grey. Also, the search page's box and
    button were printed."""
    page = open_page(color_scheme="dark")
    page.goto(served.page_url(path))
    shown = page.locator(selector).first
    expect(shown).to_be_visible()
    page.emulate_media(media="print")
    ink, paper = shown.evaluate(INK_AND_PAPER)
    assert paper == "rgba(0, 0, 0, 0)", f"{selector} relies on a background when printed: {paper}"
    assert contrast(ink, "rgb(255, 255, 255)") >= 4.5, f"{selector} prints {ink} on white paper"
    expect(page.locator(".search-page-form")).to_be_hidden()


#: The code block's background, then the colour of its text and of each highlighted token.
CODE_COLOURS = (
    "(() => { const block = document.querySelector('.highlight');"
    " const inks = [...block.querySelectorAll('pre, pre span[class]')].map(e => getComputedStyle(e).color);"
    " return [getComputedStyle(block).backgroundColor, ...inks]; })()"
)
CODE_TERM = "terms/embedding/index.html"


@pytest.mark.parametrize(("system", "choice"), [("dark", None), ("light", "dark")])
def test_a_dark_reader_prints_code_as_a_light_reader_does(
    open_page: OpenPage, served: ServedSite, system: str, choice: str | None
) -> None:
    """Printed code is dark on white whatever the scheme: the dark scheme's pale text would be
    grey on paper (backgrounds are not printed) or a dark block on the page (they are)."""
    light = open_page(color_scheme="light")
    light.goto(served.page_url(CODE_TERM))
    light.emulate_media(media="print")
    printed = light.evaluate(CODE_COLOURS)
    page = open_page(color_scheme=system)
    page.goto(served.page_url(CODE_TERM))
    if choice:
        page.evaluate(f"localStorage.setItem('glossary-theme', '{choice}')")
        page.reload()
    assert luminance(page, "getComputedStyle(document.querySelector('.highlight')).backgroundColor") < 0.05
    page.emulate_media(media="print")
    assert page.evaluate(CODE_COLOURS) == printed
    assert luminance(page, "getComputedStyle(document.querySelector('.highlight pre')).color") < 0.05


# --- the reader's colour scheme -----------------------------------------------------------------


def test_theme_js_runs_in_the_head_before_the_page_is_painted(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(FLAGSHIP))
    script = page.locator("head script[src$='assets/theme.js']")
    expect(script).to_have_count(1)
    assert script.evaluate("s => !s.defer && !s.async && s.type === ''"), "theme.js must block, to run first"
    first_stylesheet = page.locator("head link[rel=stylesheet]").first
    before = "(s, css) => !!(s.compareDocumentPosition(css) & Node.DOCUMENT_POSITION_FOLLOWING)"
    assert script.evaluate(before, first_stylesheet.element_handle()), "theme.js comes before the stylesheets"


def test_the_theme_toggle_switches_to_dark_and_is_remembered(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(color_scheme="light")
    # Records the theme at the moment <body> first exists: before any paint and before deferred scripts.
    page.add_init_script(
        "new MutationObserver((_, observer) => { if (document.body) {"
        " window.themeAtBody = document.documentElement.dataset.theme || 'auto';"
        " window.pageJsRanBeforeBody = !!document.querySelector('.copy-link'); observer.disconnect(); } })"
        ".observe(document, {childList: true, subtree: true});"
    )
    page.goto(served.page_url(FLAGSHIP))
    toggle = page.locator("header .theme-toggle")
    expect(toggle).to_be_visible()
    expect(toggle).to_have_accessible_name("Theme: auto")
    assert body_luminance(page) > 0.9
    toggle.click()
    expect(toggle).to_have_accessible_name("Theme: dark")
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    assert body_luminance(page) < 0.05
    assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") == "dark"
    assert page.evaluate("localStorage.getItem('glossary-theme')") == "dark"

    page.reload()
    assert page.evaluate("window.themeAtBody") == "dark", "the choice was applied before <body> was parsed"
    assert page.evaluate("window.pageJsRanBeforeBody") is False
    expect(toggle).to_have_accessible_name("Theme: dark")
    assert body_luminance(page) < 0.05
    page.goto(served.page_url("categories/index.html"))  # every page follows the choice
    assert body_luminance(page) < 0.05

    toggle.click()
    expect(toggle).to_have_accessible_name("Theme: light")
    assert body_luminance(page) > 0.9
    assert page.evaluate("getComputedStyle(document.documentElement).colorScheme") == "light"
    toggle.click()
    expect(toggle).to_have_accessible_name("Theme: auto")
    assert page.evaluate("document.documentElement.hasAttribute('data-theme')") is False
    assert page.evaluate("localStorage.getItem('glossary-theme')") is None


def test_each_press_of_the_theme_toggle_is_announced(open_page: OpenPage, served: ServedSite) -> None:
    """Was: only the focused button's name changed, which a screen reader does not read again,
    so pressing it seemed to do nothing."""
    page = open_page(color_scheme="light")
    page.goto(served.page_url(FLAGSHIP))
    status = page.locator("header [role=status][aria-live=polite]")
    expect(status).to_have_count(1)
    expect(status).to_have_text("")  # nothing said on load
    toggle = page.locator("header .theme-toggle")
    for said in ["Theme: dark", "Theme: light", "Theme: auto"]:
        toggle.press("Enter")
        expect(status).to_have_text(said)
        expect(toggle).to_be_focused()


def test_light_chosen_on_a_dark_system_wins(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(color_scheme="dark")
    page.goto(served.page_url(FLAGSHIP))
    assert body_luminance(page) < 0.05
    toggle = page.locator("header .theme-toggle")
    toggle.click()  # from auto, the first press shows the scheme the system is not using
    expect(toggle).to_have_accessible_name("Theme: light")
    assert body_luminance(page) > 0.9
    page.reload()
    assert body_luminance(page) > 0.9


def test_a_choice_made_in_one_tab_applies_to_the_sites_other_open_tabs(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page(color_scheme="light")
    page.goto(served.page_url(FLAGSHIP))
    other = page.context.new_page()
    other.goto(served.page_url("categories/index.html"))
    assert body_luminance(other) > 0.9
    page.locator("header .theme-toggle").click()
    expect(other.locator("header .theme-toggle")).to_have_accessible_name("Theme: dark")
    assert body_luminance(other) < 0.05
    page.locator("header .theme-toggle").click()
    page.locator("header .theme-toggle").click()  # dark, light, then back to auto
    expect(other.locator("header .theme-toggle")).to_have_accessible_name("Theme: auto")
    assert body_luminance(other) > 0.9


# --- copy a link to a section -------------------------------------------------------------------


def test_a_heading_button_copies_the_link_to_its_section(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(viewport=LAPTOP, permissions=["clipboard-read", "clipboard-write"])
    page.goto(served.page_url(FLAGSHIP))
    headings = page.locator("article.term h2[id]")
    buttons = page.locator("article.term button.copy-link")
    expect(buttons).to_have_count(headings.count())
    heading = page.locator("article.term .prose h2[id]").first
    name = heading.evaluate("h => h.firstChild.textContent.trim()")
    button = page.get_by_role("button", name=f"Copy link to {name}", exact=True)
    expect(button).to_be_visible()
    expect(heading).to_have_accessible_name(name)  # the button is beside the heading, not in its name
    button.click()
    expected = page.url.split("#")[0] + "#" + (heading.get_attribute("id") or "?")
    expect(page.locator("[role=status][aria-live=polite]", has_text="Link copied")).to_have_count(1)
    assert page.evaluate("navigator.clipboard.readText()") == expected
    expect(heading.locator(".headerlink")).to_be_hidden()  # the no-script permalink steps aside


# --- without JavaScript ------------------------------------------------------------------------------


def test_without_javascript_the_page_reads_fully_and_the_toggle_is_hidden(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page(viewport=LAPTOP, java_script_enabled=False)
    page.goto(served.page_url(FLAGSHIP))
    expect(page.locator(".theme-toggle")).to_be_hidden()
    expect(page.locator(".copy-link")).to_have_count(0)
    expect(page.locator(".scroll-hint")).to_have_count(0)
    expect(page.locator("article.term .prose h2 .headerlink").first).to_be_visible()
    expect(page.locator(".definition p").first).to_be_visible()
    tables = page.locator(".data-table table")
    for index in range(tables.count()):
        expect(tables.nth(index).locator("tbody tr").first).to_be_attached()
    expect(page.locator(".toc")).to_be_visible()
    expect(page.locator(".toc a[aria-current]")).to_have_count(0)
    expect(page.locator("aside.sidebar .related a").first).to_be_visible()
    expect(page.locator("aside.cta")).to_be_visible()
    scroll_to_middle(page)
    expect(page.locator("aside.sidebar")).to_be_in_viewport()  # sticky is CSS, not script


def test_a_malformed_address_fragment_does_not_stop_the_reading_aids(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page(viewport=LAPTOP)
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served.page_url("terms/attention/index.html#100%"))
    page.locator(".toc a").first.click()
    expect(page.locator(".toc a[aria-current=true]")).to_have_count(1)
    assert errors == []


@pytest.mark.parametrize(
    "path",
    ["index.html", "tools/chatgpt/index.html", STACK_PAGE, "tags/index.html"],
    ids=lambda p: p.split("/")[0],
)
def test_at_200_percent_zoom_on_a_phone_nothing_widens_the_page_or_hides_the_search_field(
    open_page: OpenPage, served: ServedSite, path: str
) -> None:
    """A 360 px phone at 200 % zoom lays pages out 180 px wide. Was: cards of 15rem and more,
    the Stack Builder's questions and a tool's attributes table widened the page, and the
    header's search field (10rem at least) ran under its button."""
    page = open_page(viewport={"width": 180, "height": 700})
    page.goto(served.page_url(path))

    assert page.evaluate("document.scrollingElement.scrollWidth") <= 180
    field, button = box(page.locator(".search-box input")), box(page.locator(".search-box button"))
    assert field["x"] + field["width"] <= button["x"], (field, button)


def test_a_tap_anywhere_on_a_related_terms_card_follows_it(open_page: OpenPage, served: ServedSite) -> None:
    """Was: the card looked like one target, but only its title's words were a link."""
    page = open_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page.goto(served.page_url(FLAGSHIP))
    card = page.locator("section.related .term-cards li").first
    card.scroll_into_view_if_needed()
    slug = str(card.locator("a").get_attribute("href")).split("/")[-2]
    where = box(card)

    page.touchscreen.tap(where["x"] + where["width"] - 10, where["y"] + where["height"] - 10)

    expect(page).to_have_url(re.compile(f"/terms/{re.escape(slug)}/index.html$"))


def test_on_a_laptop_every_terms_related_terms_show_in_the_sidebar_as_the_page_opens(
    open_page: OpenPage, served: ServedSite
) -> None:
    """The sidebar stays in view and scrolls on its own, so what is below its window's height
    shows only to a reader who scrolls inside it. Was: the term graph came first, and on 30 of
    the example's 37 term pages at 1280x720 "Related terms" began below it, out of sight."""
    page = open_page(viewport={"width": 1280, "height": 720})
    out_of_sight = []
    for slug in sorted(served.terms):
        page.goto(served.page_url(f"terms/{slug}/index.html"))
        heading = page.locator("#term-related")
        if not heading.count():
            continue
        cards = page.locator(".related .term-cards li").first.bounding_box()
        sidebar = page.locator(".sidebar").bounding_box()
        assert cards is not None and sidebar is not None
        if cards["y"] + cards["height"] > min(sidebar["y"] + sidebar["height"], 720):
            out_of_sight.append(slug)
    assert out_of_sight == []
