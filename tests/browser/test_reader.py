"""What a reader sees in a real browser: navigation, search, previews, layout, colours, accessibility."""

from __future__ import annotations

import os
import re
import urllib.parse
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from axe_check import (
    assert_axe_finds_nothing_above_minor,
    assert_axe_finds_nothing_above_minor_in_either_scheme,
)
from nu_shown import ShownPages
from playwright.sync_api import Page, expect
from support import PROJECT, needs_nu_checker, parse_html

if TYPE_CHECKING:  # tests/conftest.py shares the module name "conftest", so no runtime import
    from conftest import OpenPage, ServedSite

FLAGSHIP = "terms/generative-ai/index.html"
CATEGORY = "categories/concepts/index.html"
SEARCH = "search/index.html"
PAGE_KINDS = [
    "index.html",
    FLAGSHIP,
    CATEGORY,
    "categories/index.html",
    "tags/foundations/index.html",
    "404.html",
    SEARCH,
    "tools/index.html",
    "tools/midjourney/index.html",
    "stack-builder/index.html",
]
SCREENSHOTS = PROJECT / "docs" / "screenshots"
PHONE = {"width": 360, "height": 740}


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def body_only_word(site: Path) -> tuple[str, str]:
    """(word, slug): a long word in one term's body only, sharing no 5-letter prefix with any
    word of another term's indexed article, so neither stemming nor prefix search finds more."""
    prose: dict[str, set[str]] = {}
    rest: dict[str, set[str]] = {}
    for page in sorted((site / "terms").glob("*/index.html")):
        article = parse_html(page).select_one("article.term")
        assert article is not None, page
        pieces = article.select(".prose")
        prose[page.parent.name] = _words(" ".join(piece.get_text(" ") for piece in pieces))
        for piece in pieces:
            piece.decompose()
        rest[page.parent.name] = _words(article.get_text(" "))
    for slug in sorted(prose):
        elsewhere = {w[:5] for other in prose if other != slug for w in prose[other] | rest[other]}
        for word in sorted(prose[slug] - rest[slug]):
            if len(word) >= 8 and word[:5] not in elsewhere:
                return word, slug
    raise AssertionError("no word of the example appears in one term's body only")


def search_for(page: Page, served: ServedSite, query: str) -> None:
    """Type a query on the search page (opened unless it already is) and wait for its results."""
    if not page.url.startswith(served.page_url(SEARCH)):
        page.goto(served.page_url(SEARCH))
    page.fill("#search-query", query)
    expect(page.locator("#search-status")).to_contain_text(f"found for \u201c{query}\u201d")


def first_result_title(page: Page) -> str:
    return page.locator("#search-results li a").first.inner_text()


def relative_luminance(css_color: str) -> float:
    """WCAG relative luminance of an rgb()/rgba() colour from getComputedStyle."""
    channels = [int(c) / 255 for c in re.findall(r"\d+", css_color)[:3]]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def body_background(page: Page) -> float:
    return relative_luminance(page.evaluate("getComputedStyle(document.body).backgroundColor"))


def has_horizontal_scroll(page: Page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth > document.documentElement.clientWidth"))


# --- navigation ---------------------------------------------------------------------------


def test_a_letter_on_the_index_jumps_to_its_section(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url("index.html"))
    letters = page.locator("nav.letters a")
    letter = letters.nth(letters.count() // 2)
    target = letter.get_attribute("href")
    assert target and target.startswith("#letter-")
    letter.click()
    expect(page).to_have_url(re.compile(re.escape(target) + "$"))
    heading = page.locator(target)
    expect(heading).to_be_in_viewport()
    assert page.evaluate("window.scrollY") > 0, "a middle letter's section should need a scroll"
    box = heading.bounding_box()
    assert box is not None and box["y"] < 150, f"the section heading should be at the top, not at {box}"


def test_the_jump_bar_lists_only_the_letters_a_reader_can_jump_to(page: Page, served: ServedSite) -> None:
    """Was: a letter without terms was hidden from screen readers but its list item was not, so
    the bar was heard as a list of 26 with eight blank items among the letters."""
    page.goto(served.page_url("index.html"))
    bar = page.get_by_role("navigation", name="Jump to letter")
    expect(bar.locator(".empty").first).to_be_visible()
    letters = bar.get_by_role("link")
    assert bar.get_by_role("listitem").count() == letters.count() > 1
    assert bar.get_by_role("listitem").all_inner_texts() == letters.all_inner_texts()


def test_a_related_term_in_the_sidebar_opens_its_page(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(FLAGSHIP))
    expect(page.locator("h1")).to_have_text("Generative AI")
    related = page.locator("aside.sidebar .related a")
    assert related.count() >= 3
    title = related.nth(1).inner_text()
    related.nth(1).click()
    expect(page.locator("h1")).to_have_text(title)
    assert page.url.endswith("/index.html") and "/terms/" in page.url


def test_each_term_that_links_here_opens_a_page_that_links_back(page: Page, served: ServedSite) -> None:
    """The sidebar's "Terms that link here": every term whose body or related list names this one."""
    page.goto(served.page_url(FLAGSHIP))
    flagship = urllib.parse.urlsplit(page.url).path
    backlinks = page.get_by_role("region", name="Terms that link here").get_by_role("link")
    found = backlinks.evaluate_all("links => links.map(link => [link.textContent, link.href])")
    assert len(found) >= 3
    for title, href in found:
        page.goto(href)
        expect(page.locator("h1")).to_have_text(title)
        back = page.locator("main a[href], aside.sidebar .related a[href]").evaluate_all(
            "links => links.map(link => new URL(link.href).pathname)"
        )
        assert flagship in back, f"{title} does not link to Generative AI"


def test_an_image_written_from_the_site_root_shows_under_the_sub_path(page: Page, served: ServedSite) -> None:
    """The flagship's diagram is written `/images/….svg` in its Markdown, as an editor writes
    it; the site is served under /glossary/, where that address as written would be missing."""
    page.goto(served.page_url(FLAGSHIP))
    diagram = page.locator("article img[src$='generative-vs-discriminative.svg']")
    expect(diagram).to_have_count(1)
    diagram.scroll_into_view_if_needed()
    expect(diagram).to_have_js_property("complete", True)
    assert diagram.evaluate("image => image.naturalWidth") > 0
    assert (
        diagram.evaluate("image => new URL(image.src).pathname")
        == "/glossary/images/generative-vs-discriminative.svg"
    )


def test_on_a_phone_the_diagram_opens_at_full_size_from_a_tap(
    open_page: OpenPage, served: ServedSite
) -> None:
    """Was: shrunk to the 280 px column its 15 px labels were 6 px high, with no way to enlarge it."""
    page = open_page(viewport={"width": 320, "height": 640})
    page.goto(served.page_url(FLAGSHIP))
    diagram = page.locator("article img[src$='generative-vs-discriminative.svg']")
    assert diagram.evaluate("image => image.getBoundingClientRect().width") < 300
    link = page.locator("article a:has(img[src$='generative-vs-discriminative.svg'])")
    expect(link).to_have_accessible_name(re.compile("^A discriminative model maps an email"))
    link.click()
    expect(page).to_have_url(served.page_url("images/generative-vs-discriminative.svg"))


# --- search -------------------------------------------------------------------------------


def test_searching_an_alias_finds_its_term_first_with_summary(page: Page, served: ServedSite) -> None:
    search_for(page, served, "GenAI")
    first = page.locator("#search-results li").first
    expect(first.locator("a")).to_have_text("Generative AI")
    expect(first.locator(".search-summary")).to_have_text(served.terms["generative-ai"]["summary"])
    expect(first.locator(".search-excerpt mark").first).to_have_text(re.compile("GenAI"))


@pytest.mark.parametrize("where", ["sub-path", "root"])
def test_clicking_a_search_result_opens_the_term(
    page: Page, served: ServedSite, served_at_root: ServedSite, where: str
) -> None:
    site = served if where == "sub-path" else served_at_root
    search_for(page, site, "GenAI")
    page.locator("#search-results li a").first.click()
    expect(page.locator("h1")).to_have_text("Generative AI")
    assert page.url.removesuffix("index.html") == site.page_url("terms/generative-ai/")


def test_a_word_only_in_one_body_finds_that_term_first(page: Page, served: ServedSite) -> None:
    word, slug = body_only_word(served.folder)
    for term in served.terms.values():
        visible = " ".join([term["title"], term["summary"], term["definition"], *term["aliases"]])
        assert word not in _words(visible), f"{word!r} is not body-only: {term['slug']} shows it"
    search_for(page, served, word)
    assert first_result_title(page) == served.terms[slug]["title"], f"query {word!r}"


def test_every_exact_title_and_alias_finds_its_term_first(page: Page, served: ServedSite) -> None:
    """Each name is submitted on one open search page, as pasted and sent with Enter: the
    count is said at once (nothing was typed), so the ranking is read without a page load."""
    wrong = []
    page.goto(served.page_url(SEARCH))
    submit = "(box, name) => { box.value = name; box.form.requestSubmit(); }"
    for term in served.terms.values():
        for name in [term["title"], *term["aliases"]]:
            page.eval_on_selector("#search-query", submit, name)
            expect(page.locator("#search-status")).to_contain_text(f"found for \u201c{name}\u201d")
            if (found := first_result_title(page)) != term["title"]:
                wrong.append(f"{name!r} gave {found!r} before {term['title']!r}")
    assert not wrong, "\n".join(wrong)


def test_the_search_box_on_every_page_submits_to_the_search_page(page: Page, served: ServedSite) -> None:
    for path in [kind for kind in PAGE_KINDS if kind != SEARCH]:
        page.goto(served.page_url(path))
        page.get_by_role("combobox", name="Search the glossary").fill("diffusion model")
        page.keyboard.press("Enter")
        expect(page).to_have_url(re.compile(r"/search/index\.html\?q=diffusion\+model$"))
        expect(page.locator("#search-query")).to_have_value("diffusion model")
        expect(page.locator("#search-results li a").first).to_have_text("Diffusion model")


# --- term previews ------------------------------------------------------------------------


def _expected_preview(served: ServedSite, page: Page, href: str | None) -> dict[str, str]:
    assert href is not None
    slug = urllib.parse.urljoin(page.url, href).rstrip("/").split("/")[-2]
    return served.terms[slug]


def test_hovering_a_wiki_link_previews_the_term_without_a_request(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(FLAGSHIP))
    page.wait_for_load_state("networkidle")
    requests: list[str] = []
    # Chromium asks for the page's icon when it likes, after the load too (a CI run saw it here)
    page.on("request", lambda request: requests.append(request.url) if "favicon" not in request.url else None)
    links = page.locator(".prose a.wikilink")
    assert links.count() >= 5
    card = page.locator(".term-preview")
    for index in range(5):
        link = links.nth(index)
        term = _expected_preview(served, page, link.get_attribute("href"))
        link.hover()
        expect(card).to_be_visible()
        expect(card.locator("strong")).to_have_text(term["title"])
        expect(card).to_contain_text(term["summary"])
        link_box, card_box = link.bounding_box(), card.bounding_box()
        assert link_box and card_box
        below = card_box["y"] >= link_box["y"] + link_box["height"] - 1
        assert below or card_box["y"] + card_box["height"] <= link_box["y"] + 1, "beside the link, not on it"
        page.mouse.move(0, 0)
        expect(card).to_have_count(0)
    assert requests == [], f"hovering previews fetched {requests}"


def test_a_preview_stays_while_the_pointer_is_on_it_and_opens_above_a_link_low_in_the_window(
    page: Page, served: ServedSite
) -> None:
    """Was: moving onto the card closed it (WCAG 1.4.13), and a link near the window's bottom
    opened its card below the window."""
    page.goto(served.page_url(FLAGSHIP))
    link = page.locator(".prose a.wikilink").first
    card = page.locator(".term-preview")
    link.hover()
    card_box = card.bounding_box()
    assert card_box
    page.mouse.move(card_box["x"] + card_box["width"] / 2, card_box["y"] + card_box["height"] / 2, steps=5)
    page.wait_for_timeout(500)
    expect(card).to_be_visible()
    page.mouse.move(0, 0)
    expect(card).to_have_count(0)

    low = page.locator(".prose a.wikilink").last  # far enough down to be scrolled to the bottom
    low.evaluate("el => window.scrollBy(0, el.getBoundingClientRect().bottom - window.innerHeight + 4)")
    low.focus()
    link_box, card_box = low.bounding_box(), card.bounding_box()
    assert link_box and card_box and card_box["y"] + card_box["height"] <= link_box["y"] + 1
    assert card_box["y"] >= 0


def test_keyboard_focus_previews_the_term_and_escape_hides_it(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(FLAGSHIP))
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.matches('a.wikilink')"):
            break
    else:
        pytest.fail("Tab never reached a wiki-link")
    focused = page.locator("a.wikilink:focus")
    card = page.locator(".term-preview")
    expect(card).to_be_visible()
    term = _expected_preview(served, page, focused.get_attribute("href"))
    expect(card.locator("strong")).to_have_text(term["title"])
    expect(focused).to_have_attribute("aria-describedby", card.get_attribute("id") or "?")
    expect(card).to_have_attribute("role", "tooltip")
    page.keyboard.press("Escape")
    expect(card).to_have_count(0)
    expect(page.locator("[aria-describedby]")).to_have_count(0)
    other = page.locator(".prose a.wikilink").nth(3)
    other.focus()
    term = _expected_preview(served, page, other.get_attribute("href"))
    expect(card.locator("strong")).to_have_text(term["title"])
    expect(other).to_have_attribute("aria-describedby", "term-preview")


def test_without_javascript_a_wiki_link_keeps_its_summary_as_title(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page(java_script_enabled=False)
    page.goto(served.page_url(FLAGSHIP))
    link = page.locator(".prose a.wikilink").first
    term = _expected_preview(served, page, link.get_attribute("href"))
    expect(link).to_have_attribute("title", term["summary"])
    link.hover()
    expect(page.locator(".term-preview")).to_have_count(0)


# --- a term page without JavaScript ---------------------------------------------------------


def test_a_term_page_reads_fully_without_javascript(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(java_script_enabled=False)
    page.goto(served.page_url(FLAGSHIP))
    expect(page.locator(".definition")).to_contain_text("produce new content")
    tables = page.locator(".data-table table")
    expect(tables).to_have_count(4)
    expect(tables.first.locator("tbody tr").first).to_be_visible()
    question = page.locator(".faq details").first
    answer = question.locator(".answer")
    expect(answer).to_be_hidden()
    question.locator("summary").click()
    expect(question).to_have_attribute("open", "")
    expect(answer).to_be_visible()
    expect(page.locator("aside.sidebar .related a").first).to_be_visible()
    assert page.locator("aside.sidebar .related a").count() == len(served.terms["generative-ai"]["related"])


# --- layout and colours ---------------------------------------------------------------------


def test_on_a_phone_the_sidebar_follows_the_content_and_nothing_scrolls_sideways(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page(viewport=PHONE)
    page.goto(served.page_url(FLAGSHIP))
    main, sidebar = page.locator("main").bounding_box(), page.locator("aside.sidebar").bounding_box()
    assert main and sidebar and sidebar["y"] >= main["y"] + main["height"], (main, sidebar)
    assert not has_horizontal_scroll(page)
    scrollers = page.locator(".table-scroll")
    widths = scrollers.evaluate_all("els => els.map(e => [e.scrollWidth, e.clientWidth])")
    assert any(inner > outer for inner, outer in widths), f"no table scrolls inside its box: {widths}"
    assert all(outer <= PHONE["width"] for _, outer in widths)
    wide = scrollers.nth([inner > outer for inner, outer in widths].index(True))
    wide.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("box => box.scrollLeft > 0", arg=wide.element_handle())  # arrow keys scroll it
    for path in PAGE_KINDS:
        page.goto(served.page_url(path) + ("?q=diffusion" if path == SEARCH else ""))
        assert not has_horizontal_scroll(page), f"{path} scrolls sideways at {PHONE['width']} px"


def test_a_preview_card_stays_on_a_phone_screen(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(viewport=PHONE)
    page.goto(served.page_url(FLAGSHIP))
    links = page.locator(".prose a.wikilink")
    card = page.locator(".term-preview")
    for index in range(links.count()):
        links.nth(index).focus()
        box = card.bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (index, box)
    assert not has_horizontal_scroll(page)


@pytest.mark.parametrize(("scheme", "dark"), [("light", False), ("dark", True)])
def test_the_colour_scheme_follows_the_reader(
    open_page: OpenPage, served: ServedSite, scheme: str, dark: bool
) -> None:
    page = open_page(color_scheme=scheme)
    page.goto(served.page_url(FLAGSHIP))
    background = body_background(page)
    text = relative_luminance(page.evaluate("getComputedStyle(document.body).color"))
    assert (background < 0.05) if dark else (background > 0.9), f"{scheme} background {background:.3f}"
    assert (text > background) if dark else (text < background), f"{scheme} text luminance {text:.3f}"


# --- accessibility --------------------------------------------------------------------------

AXE_PAGES = [
    "index.html",
    FLAGSHIP,
    CATEGORY,
    "categories/index.html",
    "tags/index.html",
    "tags/foundations/index.html",
    "404.html",
    SEARCH,
    "terms/embedding/index.html",  # highlighted code, a copy button, a collapsible box
    "terms/prompt-engineering/index.html",  # content tabs
    "tools/index.html",
    "tools/midjourney/index.html",
    "stack-builder/index.html",
    "graph/index.html",
]


@pytest.mark.parametrize("width", [1280, PHONE["width"]])
@pytest.mark.parametrize("path", AXE_PAGES)
def test_axe_finds_nothing_above_minor(
    open_page: OpenPage, served: ServedSite, path: str, width: int
) -> None:
    page = open_page(viewport={"width": width, "height": 800})
    if path == SEARCH:
        search_for(page, served, "diffusion")
    else:
        page.goto(served.page_url(path))
    if path == FLAGSHIP:
        page.locator(".prose a.wikilink").first.focus()  # check the preview card too
        expect(page.locator(".term-preview")).to_be_visible()
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, f"{path} ({width} px)")


@pytest.mark.parametrize(("system", "chosen"), [("light", "dark"), ("dark", "light")])
@pytest.mark.parametrize("width", [1280, PHONE["width"]])
def test_axe_finds_nothing_above_minor_in_the_scheme_chosen_with_the_toggle(
    open_page: OpenPage, served: ServedSite, width: int, system: str, chosen: str
) -> None:
    page = open_page(viewport={"width": width, "height": 800}, color_scheme=system)
    page.goto(served.page_url(FLAGSHIP))
    page.locator(".theme-toggle").click()  # from auto, the first press picks the other scheme
    expect(page.locator("html")).to_have_attribute("data-theme", chosen)
    page.locator("article.term h2[id]").nth(2).scroll_into_view_if_needed()  # a current toc entry
    page.locator("button.copy-link").first.click()  # and the copied state of a button
    page.locator(".faq details summary").first.click()  # and a practice answer opened
    expect(page.locator(".faq details .answer").first).to_be_visible()
    assert_axe_finds_nothing_above_minor(
        page, f"{FLAGSHIP} ({chosen} chosen on a {system} system, {width} px)"
    )


@needs_nu_checker
def test_the_nu_html_checker_passes_every_page_kind_as_shown_and_after_a_readers_clicks(
    open_page: OpenPage, served: ServedSite, tmp_path: Path
) -> None:
    """The built files pass (tests/e2e); this checks the markup the scripts add: scroll hints
    and copy buttons (at phone width), the graph frame's label, the preview card, the current
    section, a copied link, a chosen scheme, an opened answer, search results and none."""
    shown = ShownPages(tmp_path)
    page = open_page(viewport={"width": PHONE["width"], "height": 800})
    for path in AXE_PAGES:
        page.goto(served.page_url(path))
        shown.save(page, path)
    page.goto(served.page_url(FLAGSHIP))
    page.locator(".prose a.wikilink").first.hover()
    expect(page.locator(".term-preview")).to_be_visible()
    shown.save(page, "preview card on hover")
    page.locator(".prose a.wikilink").nth(3).focus()
    expect(page.locator(".prose a.wikilink").nth(3)).to_have_attribute("aria-describedby", "term-preview")
    shown.save(page, "preview card on focus")
    page.locator(".theme-toggle").click()
    expect(page.locator("html")).to_have_attribute("data-theme", "dark")
    page.locator("article.term h2[id]").nth(2).scroll_into_view_if_needed()
    expect(page.locator(".toc a[aria-current]")).to_have_count(1)
    page.locator("button.copy-link").first.click()
    page.locator(".faq details summary").first.click()
    expect(page.locator(".faq details[open]")).to_have_count(1)
    shown.save(page, "scheme chosen, section current, link copied, answer opened")
    search_for(page, served, "diffusion")
    shown.save(page, "search results")
    page.fill("#search-query", "zzzzqqqq")
    expect(page.locator("#search-status")).to_contain_text("No results found")
    shown.save(page, "no search results")
    shown.assert_nu_checker_passes()


def test_every_page_kind_has_one_h1_and_one_labelled_search_box(page: Page, served: ServedSite) -> None:
    """The search page's box is its own field: was, the header's too, so a screen reader's list
    of landmarks said "search" twice there, and a keyboard met two boxes before the results."""
    for path in PAGE_KINDS:
        page.goto(served.page_url(path))
        expect(page.locator("h1"), path).to_have_count(1)
        expect(page.get_by_role("search"), path).to_have_count(1)
        name = "Full-text search" if path == SEARCH else "Search the glossary"
        form = page.get_by_role("search", name=name, exact=True)
        box = form.get_by_role("searchbox" if path == SEARCH else "combobox", name=name)
        expect(box, path).to_be_visible()


@pytest.mark.parametrize("path", [FLAGSHIP, CATEGORY, "tools/midjourney/index.html"])
def test_a_screen_reader_hears_the_breadcrumb_without_its_slashes(
    page: Page, served: ServedSite, path: str
) -> None:
    """The "/" between two crumbs is drawn for the eye only: it was read out as "slash
    Concepts", "slash Generative AI"."""
    page.goto(served.page_url(path))
    crumbs = page.get_by_role("navigation", name="Breadcrumb").get_by_role("listitem")
    assert crumbs.count() >= 2
    for crumb in crumbs.all():
        heard = [line for line in crumb.aria_snapshot().splitlines() if "/url:" not in line]
        assert not [line for line in heard if "/" in line], heard
    separator = crumbs.nth(1).evaluate("li => getComputedStyle(li, '::before').content")
    assert "/" in separator  # still drawn


def test_the_skip_link_is_the_first_stop_and_moves_focus_to_main(page: Page, served: ServedSite) -> None:
    for path in ("index.html", FLAGSHIP, SEARCH):
        page.goto(served.page_url(path))
        page.keyboard.press("Tab")
        skip = page.locator("a.skip-link:focus")
        expect(skip).to_have_text("Skip to content")
        expect(skip).to_be_in_viewport()
        page.keyboard.press("Enter")
        assert page.evaluate("document.activeElement.id") == "main", path
        page.keyboard.press("Tab")
        inside = page.evaluate("document.getElementById('main').contains(document.activeElement)")
        assert inside, f"{path}: Tab after the skip link should stay in main"


# --- screenshots ----------------------------------------------------------------------------


@pytest.mark.skipif(
    os.environ.get("GLOSSARY_SCREENSHOTS") != "1",
    reason="refreshes docs/screenshots/ with GLOSSARY_SCREENSHOTS=1",
)
@pytest.mark.parametrize(("device", "width", "height"), [("desktop", 1280, 900), ("phone", 390, 844)])
@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize(("name", "path"), [("term", FLAGSHIP), ("home", "index.html")])
def test_screenshots_of_the_flagship_term_and_the_home_page(
    open_page: OpenPage,
    served: ServedSite,
    device: str,
    width: int,
    height: int,
    scheme: str,
    name: str,
    path: str,
) -> None:
    """The README's pictures, not a check: every page kind is opened, in both schemes and at
    both widths, by the tests above."""
    page = open_page(
        viewport={"width": width, "height": height},
        color_scheme=scheme,
        device_scale_factor=2 if device == "phone" else 1,
    )
    page.goto(served.page_url(path))
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    target = SCREENSHOTS / f"{name}-{device}-{scheme}.png"
    page.screenshot(path=target, full_page=False)
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
