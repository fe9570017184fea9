"""Glossaries with text in a right-to-left script, opened in Chromium as their readers see them:
an Arabic block in a left-to-right site, and a whole site written in Arabic (`language: ar`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from conftest import DESKTOP, OpenPage, serve
from nu_shown import ShownPages
from playwright.sync_api import Locator, Page, expect
from support import copy_site, needs_nu_checker, run_glossary

ARABIC = """---
title: شبكة عصبية
slug: shabaka
summary: نموذج حسابي مستوحى من الدماغ.
definition: "**شبكة عصبية** نموذج حسابي يتكون من طبقات."
related: [tensor, gpu]
category: Concepts
updated: 2025-01-01
---

تتكون الشبكة العصبية من طبقات (مدخلات، ومخرجات).

An English paragraph after it.
"""


@pytest.fixture(scope="module")
def site_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    site = copy_site("minimal", tmp_path_factory.mktemp("languages"))
    (site / "content/terms/shabaka.md").write_text(ARABIC, encoding="utf-8")
    tensor = site / "content/terms/tensor.md"
    related = "related: [GPU, model-training]"
    tensor.write_text(tensor.read_text(encoding="utf-8").replace(related, related[:-1] + ", shabaka]"))
    built = run_glossary("build", "--no-search", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(site / "_site") as address:
        yield address


def text_edges(block: Locator) -> dict[str, float]:
    """Where the block's text starts and ends on screen, and where its first and last
    characters are: in a right-to-left line the last one (a full stop) is the leftmost."""
    return dict(
        block.evaluate(
            """(block) => {
                const range = document.createRange();
                range.selectNodeContents(block);
                const whole = range.getBoundingClientRect();
                const box = block.getBoundingClientRect();
                const node = block.lastChild;
                range.setStart(node, node.length - 1); range.setEnd(node, node.length);
                const last = range.getBoundingClientRect();
                const first = block.firstChild;
                range.setStart(first, 0); range.setEnd(first, 1);
                const start = range.getBoundingClientRect();
                return {left: whole.left - box.left, right: box.right - whole.right,
                        last: last.left, first: start.left};
            }"""
        )
    )


def test_a_paragraph_in_arabic_reads_from_the_right_and_ends_with_its_own_full_stop(
    open_page: OpenPage, site_url: str
) -> None:
    """Was: it lined up on the left like the English around it, its full stop sat at its right
    end (its start, to an Arabic reader) and '(مدخلات، ومخرجات).' was torn apart."""
    page = open_page()
    page.goto(f"{site_url}/terms/shabaka/index.html")
    for block in [page.locator(".term-summary"), page.locator(".prose p").first]:
        edges = text_edges(block)
        assert edges["right"] < 1 < edges["left"], edges  # flush right
        assert edges["last"] < edges["first"], edges  # the full stop ends the line on its left
    english = text_edges(page.locator(".prose p").last)
    assert english["left"] < 1 < english["right"] and english["first"] < english["last"], english


@pytest.mark.parametrize(
    ("path", "summary"),
    [
        ("index.html", ".term-list dt:has(a[href*='shabaka']) + dd"),
        ("terms/tensor/index.html", ".term-cards li:has(a[href*='shabaka']) p"),
        ("categories/concepts/index.html", ".term-list dt:has(a[href*='shabaka']) + dd"),
    ],
    ids=["A to Z", "related card", "category"],
)
def test_a_summary_in_arabic_reads_from_the_right_where_lists_show_it(
    open_page: OpenPage, site_url: str, path: str, summary: str
) -> None:
    """Was: in the A to Z, a related term's card and a category's list the summary lined up on
    the left, its full stop at its right end (its start, to an Arabic reader)."""
    page = open_page()
    page.goto(f"{site_url}/{path}")
    edges = text_edges(page.locator(summary).first)
    assert edges["right"] < 1 < edges["left"], edges
    assert edges["last"] < edges["first"], edges


PHONE = 390
TERM = "terms/shabaka/index.html"  # شبكة عصبية: after تدريب النموذج, before موتر
RTL_PAGES = ["index.html", TERM, "categories/index.html", "graph/index.html", "search/index.html", "404.html"]


@pytest.fixture(scope="module")
def arabic_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The fixture site written in Arabic, `language: ar`, built and served under /ar/, the
    path of its base_url, where its 404 page finds its style sheet."""
    site = copy_site("arabic", tmp_path_factory.mktemp("arabic"))
    built = run_glossary("build", "--no-search", "--out", site / "www/ar", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(site / "www") as address:
        yield f"{address}/ar"


def box(page: Page, selector: str) -> dict[str, float]:
    """The first match's box on screen, with its right edge."""
    found = page.locator(selector).first.bounding_box()
    assert found is not None, selector
    return {"x": found["x"], "right": found["x"] + found["width"]}


def test_an_arabic_glossary_reads_from_the_right_at_desktop_width(
    open_page: OpenPage, arabic_url: str
) -> None:
    """Was: the site's title, nav and sidebar, bullets, table columns and the previous/next
    pair were laid out left to right around Arabic text, as in an English site."""
    page = open_page()
    page.goto(f"{arabic_url}/{TERM}")
    assert page.locator("html").get_attribute("dir") == "rtl"

    title, nav, search = box(page, ".site-title"), box(page, ".site-nav"), box(page, ".search-box")
    assert DESKTOP["width"] - 40 < title["right"], "the site's title starts the header on the right"
    assert search["right"] < nav["x"] < nav["right"] < title["x"], (search, nav, title)
    assert box(page, "aside.sidebar")["right"] < box(page, ".term-main")["x"], "the sidebar is on the left"
    crumbs = box(page, ".breadcrumb li"), box(page, ".breadcrumb li:nth-child(2)")
    assert crumbs[1]["right"] <= crumbs[0]["x"], "the breadcrumb starts on the right"

    items, item = box(page, ".prose ul"), box(page, ".prose ul li")
    assert item["x"] == items["x"] and item["right"] < items["right"] - 20, "bullets in a gutter on the right"
    first, second = box(page, ".prose table th"), box(page, ".prose table th:nth-child(2)")
    assert second["right"] <= first["x"], "the first column is the rightmost"

    previous, after = box(page, ".pager-previous"), box(page, ".pager-next")
    assert after["right"] < previous["x"], "previous is on the right, next on the left"
    arrows = page.evaluate(
        """() => [['.pager-previous', '::before'], ['.pager-next', '::after']].map(([link, part]) =>
            getComputedStyle(document.querySelector(link + ' .pager-label'), part).content)"""
    )
    assert ["→" in arrows[0], "←" in arrows[1]] == [True, True], arrows


ARABIC_ALPHABET = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def test_an_arabic_glossarys_jump_bar_is_its_alphabet_from_the_right_and_leads_to_each_letter(
    open_page: OpenPage, arabic_url: str
) -> None:
    """Was: A to Z first, 26 empty Latin letters to the right of the three Arabic ones linked."""
    page = open_page()
    page.goto(f"{arabic_url}/index.html")
    bar = page.get_by_role("navigation", name="Jump to letter")
    shown = bar.locator("li")
    assert shown.all_inner_texts() == list(ARABIC_ALPHABET)
    first, second = shown.nth(0).bounding_box(), shown.nth(1).bounding_box()
    assert first is not None and second is not None and first["x"] > second["x"], "it starts on the right"
    links = bar.get_by_role("link")
    assert links.all_inner_texts() == ["ت", "ش", "م"]
    links.nth(1).click()
    section = page.locator("section.letter-group", has=page.locator("h3", has_text="ش"))
    expect(section.locator("h3")).to_be_in_viewport()
    expect(section.locator("dt")).to_have_text(["شبكة عصبية"])


@pytest.mark.parametrize("path", ["index.html", TERM, "categories/index.html", "graph/index.html",
                                  "search/index.html", "404.html"])  # fmt: skip
def test_an_arabic_glossary_fits_a_phone(open_page: OpenPage, arabic_url: str, path: str) -> None:
    """Was: the skip link hidden 999 px to the left of an RTL page widened it (a sideways scroll)."""
    page = open_page(viewport={"width": PHONE, "height": 800})
    page.goto(f"{arabic_url}/{path}")
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    assert widths[0] <= widths[1], widths
    first, second = box(page, ".site-nav li"), box(page, ".site-nav li:nth-child(2)")
    assert first["right"] > PHONE - 40 and second["right"] < first["x"], "the nav starts on the right"


@pytest.mark.parametrize("width", [DESKTOP["width"], PHONE])
def test_axe_finds_nothing_above_minor_in_an_arabic_glossary(
    open_page: OpenPage, arabic_url: str, width: int
) -> None:
    page = open_page(viewport={"width": width, "height": 800})
    for path in RTL_PAGES:
        page.goto(f"{arabic_url}/{path}")
        if path == TERM:
            page.locator(".prose a.wikilink").first.focus()  # the preview card, right to left
            expect(page.locator(".term-preview")).to_be_visible()
        assert_axe_finds_nothing_above_minor_in_either_scheme(page, f"{path} in Arabic ({width} px)")


@needs_nu_checker
def test_the_nu_html_checker_passes_an_arabic_glossary_as_shown(
    open_page: OpenPage, arabic_url: str, tmp_path: Path
) -> None:
    """The e2e test checks the built files; this, the markup the scripts add to them, right to
    left: copy buttons, the preview card, the current section, the header's list."""
    shown = ShownPages(tmp_path)
    page = open_page(viewport={"width": PHONE, "height": 800})
    for path in RTL_PAGES:
        page.goto(f"{arabic_url}/{path}")
        shown.save(page, path)
    page.goto(f"{arabic_url}/{TERM}")
    page.locator(".prose a.wikilink").first.focus()
    expect(page.locator(".term-preview")).to_be_visible()
    page.locator(".theme-toggle").click()
    page.locator("button.copy-link").first.click()
    shown.save(page, "preview card, scheme chosen, link copied")
    shown.assert_nu_checker_passes()


SIZES = """---
title: نماذج لغوية
summary: نماذج تتنبأ بالكلمة التالية.
definition: "**نماذج لغوية** تتنبأ بالكلمة التالية."
category: Concepts
updated: 2025-01-03
tables:
  - title: أحجام النماذج
    columns: [النموذج, المعاملات بالمليار, الطبقات, السياق بالألف, السنة, الترخيص]
    rows:
      - [نموذج كبير جدا, "175", "96", "2048", "2020", مغلق المصدر]
      - [نموذج صغير, "7", "32", "4096", "2023", مفتوح المصدر]
---

| النموذج | المعاملات |
| --- | --- |
| كبير | 175 |
| صغير | 7 |
"""
SIZES_PAGE = "terms/namadhij/index.html"


@pytest.fixture(scope="module")
def tables_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The Arabic site with a term whose tables hold numbers: one from the front matter, six
    columns wide, and one written in Markdown."""
    site = copy_site("arabic", tmp_path_factory.mktemp("arabic-tables"))
    (site / "content/terms/namadhij.md").write_text(SIZES, encoding="utf-8")
    built = run_glossary("build", "--no-search", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(site / "_site") as address:
        yield address


def test_the_hint_over_a_wide_table_points_left_where_its_hidden_columns_are(
    open_page: OpenPage, tables_url: str
) -> None:
    """Was: 'Scroll sideways for more →' pointed right, where the table's first column is, while
    on a right-to-left page the columns out of sight are on the left."""
    page = open_page(viewport={"width": PHONE, "height": 800})
    page.goto(f"{tables_url}/{SIZES_PAGE}")
    scroller = page.locator(".data-table .table-scroll.is-scrollable")
    expect(scroller).to_have_count(1)
    frame = box(page, ".data-table .table-scroll")
    last_column = box(page, ".data-table th:last-child")
    assert last_column["right"] < frame["x"], "the last column is out of sight, on the left"
    hint = page.locator(".data-table .scroll-hint")
    expect(hint).to_be_visible()
    expect(hint).to_have_text("Scroll sideways for more")
    arrow = hint.evaluate("el => getComputedStyle(el, '::after').content")
    assert "\u2190" in arrow and "\u2192" not in arrow, arrow


def test_cells_of_numbers_line_up_on_the_right_with_the_rest_of_their_column(
    open_page: OpenPage, tables_url: str
) -> None:
    """Was: a cell holding only digits took its direction from them (left to right), so '175'
    and '7' stood on the left of their cells while the column's Arabic heading and every other
    cell started on the right, in both the front matter's table and a Markdown one."""
    page = open_page()
    page.goto(f"{tables_url}/{SIZES_PAGE}")
    for table in [".data-table table", ".prose table"]:
        cells = page.locator(f"{table} td").evaluate_all(
            """cells => cells.map(cell => {
                const range = document.createRange();
                range.selectNodeContents(cell);
                const text = range.getBoundingClientRect(), box = cell.getBoundingClientRect();
                const gaps = {left: text.left - box.left, right: box.right - text.right};
                return {text: cell.textContent.trim(), ...gaps};
            })"""
        )
        numbers = [cell for cell in cells if cell["text"].isdigit()]
        assert len(numbers) >= 2, cells
        for cell in numbers:
            assert cell["right"] < 12 < cell["left"], f"{table}: {cell}"
    digits = text_edges(page.locator(".prose td").filter(has_text="175"))
    assert digits["first"] < digits["last"], "the number still reads 175, not 571"


FIVE_G = """---
title: 5G والحوسبة الطرفية
slug: edge
summary: تشغيل النماذج قرب المستخدم عبر شبكات 5G.
definition: "**5G والحوسبة الطرفية** تعني تشغيل نماذج صغيرة قرب المستخدم بزمن استجابة أقل من 10 ms."
related: [tanzor, tadrib]
category: التعلم العميق
tables:
  - title: أمثلة
    columns: [النظام, الوصف]
    rows:
      - [AlphaGo, "AlphaGo عام 2016"]
updated: 2025-01-01
---

GPU هو المعالج الذي تعمل عليه النماذج.

An English paragraph stays left to right.
"""


def reads_first(block: Locator, first: str, then: str) -> bool:
    """Whether `first` comes before `then` for a reader of the block's direction: in a
    right-to-left line, the one further right."""
    return bool(
        block.evaluate(
            """(block, [first, then]) => {
                const where = (words) => {
                    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        const at = node.data.indexOf(words);
                        if (at >= 0) {
                            const range = document.createRange();
                            range.setStart(node, at); range.setEnd(node, at + words.length);
                            return range.getBoundingClientRect();
                        }
                    }
                    throw new Error(words + ' not found');
                };
                return where(first).left > where(then).left;
            }""",
            [first, then],
        )
    )


def test_arabic_that_opens_with_a_latin_name_or_number_still_reads_from_the_right(
    open_page: OpenPage, tmp_path: Path
) -> None:
    """Was: a title, definition, paragraph or cell opening with '5G', 'GPU' or 'AlphaGo' took
    its direction from that first Latin letter: it lined up on the left and its Arabic words
    read in the wrong order ('والحوسبة الطرفية 5G'). An English paragraph stays left to right."""
    site = copy_site("arabic", tmp_path)
    (site / "content/terms/edge.md").write_text(FIVE_G, encoding="utf-8")
    built = run_glossary("build", "--no-search", cwd=site)
    assert built.returncode == 0, built.stderr
    page = open_page()
    with serve(site / "_site") as address:
        page.goto(f"{address}/terms/edge/index.html")
        blocks = {
            "title": (page.locator("h1"), "5G", "الطرفية"),
            "definition": (page.locator(".definition p").first, "5G", "تعني"),
            "paragraph": (page.locator(".prose p").first, "GPU", "المعالج"),
            "cell": (page.locator(".data-table td").last, "AlphaGo", "2016"),
        }
        for name, (block, first, then) in blocks.items():
            assert reads_first(block, first, then), name
            padding = float(block.evaluate("b => parseFloat(getComputedStyle(b).paddingRight)"))
            assert text_edges(block)["right"] < padding + 1, f"{name} lines up on the right"
        english = page.locator(".prose p").last
        assert reads_first(english, "English", "paragraph") is False
        assert text_edges(english)["left"] < 1
