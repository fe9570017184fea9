"""WCAG 1.4.12 Text Spacing: with the reader's overrides the text-spacing bookmarklet applies
(letter spacing 0.12em, words 0.16em, lines 1.5, paragraphs 2em apart, all !important) no
graph label runs into another or out of its picture, and no page loses text."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from conftest import DESKTOP, serve  # this folder's, imported while it is collected
from playwright.sync_api import Page
from support import run_glossary, write_files

if TYPE_CHECKING:  # tests/conftest.py shares the module name "conftest", so no runtime import
    from conftest import OpenPage, ServedSite

SPACING = (
    "* { line-height: 1.5 !important; letter-spacing: 0.12em !important;"
    " word-spacing: 0.16em !important; }"
    " p { margin-bottom: 2em !important; }"
)
CATEGORIES = ("Retrieval Augmented Generation", "Optimisation", "Evaluation Methods")
WORDS = ("Sparse", "Mixture", "Weighted", "Wide", "Multimodal", "Windowed", "Masked")
TERMS = 126


def title(i: int) -> str:
    return f"{WORDS[i % 7]} {WORDS[i // 7 % 7]} Model {i:03d}"


@pytest.fixture(scope="module")
def category_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A glossary just over graph_page.ALL_TERMS, so /graph/ draws categories and each category
    its own graph; its titles are full of wide letters (W, M) and spaces."""
    files = {"content/site.yml": "title: Wide words\nbase_url: https://wide.example.com/\n"}
    for i in range(TERMS):
        related = ", ".join(title((i + step) % TERMS) for step in (3, 6))
        files[f"content/terms/term-{i:03d}.md"] = (
            f"---\ntitle: {title(i)}\nsummary: What {title(i)} does.\n"
            f'definition: "{title(i)} is a generated term."\ncategory: {CATEGORIES[i % 3]}\n'
            f"related: [{related}]\n---\n"
        )
    site = write_files(tmp_path_factory.mktemp("wide-words"), files)
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr[-2000:]
    with serve(site / "_site") as address:
        yield address


def open_spaced(page: Page, url: str, spacing: bool = True) -> Page:
    """The page opened, with the reader's text-spacing stylesheet added last as the bookmarklet does."""
    response = page.goto(url)
    assert response is not None and response.ok, url
    if spacing:
        page.add_style_tag(content=SPACING)
    page.evaluate("document.fonts.ready")
    return page


#: Each label's box in the picture's units, by the node's name, and the picture's viewBox.
LABELS = """svg => ({
  frame: (({x, y, width, height}) => [x, y, width, height])(svg.viewBox.baseVal),
  labels: [...svg.querySelectorAll('.graph-node text')].map(text => {
    const box = text.getBBox();
    return [text.closest('a').getAttribute('aria-label'), box.x, box.y, box.width, box.height];
  }),
})"""


def label_clashes(page: Page) -> list[str]:
    """Pairs of node labels whose boxes overlap, and labels that run out of the viewBox."""
    found = page.locator("svg.graph-whole").evaluate(LABELS)
    fx, fy, fw, fh = found["frame"]
    labels = found["labels"]
    assert labels, "the graph has labels"
    clashes = [
        f"{name} ({x:.1f}, {y:.1f}, {w:.1f} by {h:.1f}) runs out of the picture ({fw:g} by {fh:g})"
        for name, x, y, w, h in labels
        if x < fx or y < fy or x + w > fx + fw or y + h > fy + fh
    ]
    for (one, x1, y1, w1, h1), (two, x2, y2, w2, h2) in itertools.combinations(labels, 2):
        if x1 < x2 + w2 and x2 < x1 + w1 and y1 < y2 + h2 and y2 < y1 + h1:
            clashes.append(f"{one} overlaps {two}")
    return clashes


@pytest.mark.parametrize("spacing", [True, False], ids=["text-spacing", "normal"])
def test_the_example_graphs_labels_stay_apart_and_inside_the_picture(
    page: Page, served: ServedSite, spacing: bool
) -> None:
    """Was: labels were given 7 units a character, but 0.12em more a letter and 0.16em a
    space made the wider ones run into their neighbours."""
    open_spaced(page, served.page_url("graph/index.html"), spacing)
    assert label_clashes(page) == []


@pytest.mark.parametrize("spacing", [True, False], ids=["text-spacing", "normal"])
@pytest.mark.parametrize("path", ["graph/index.html", "graph/retrieval-augmented-generation/index.html"])
def test_the_graph_of_categories_and_a_category_graph_keep_labels_apart(
    page: Page, category_site: str, path: str, spacing: bool
) -> None:
    open_spaced(page, f"{category_site}/{path}", spacing)
    assert label_clashes(page) == []


#: What a page loses under the spacing: text in a box that hides its overflow and no longer
#: fits, text pushed past the start edge of a box that scrolls (no scrollbar reaches it) or
#: past any edge of one that clips, and header or navigation items drawn over each other.
LOSSES = r"""() => {
  const lost = [];
  const name = el => `${el.tagName.toLowerCase()}.${el.getAttribute('class') || ''}`
    + ` "${el.textContent.trim().slice(0, 30)}"`;
  const hides = v => v === 'hidden' || v === 'clip';
  const shown = el => el.getClientRects().length && getComputedStyle(el).visibility !== 'hidden';
  for (const el of document.body.querySelectorAll('*')) {
    const style = getComputedStyle(el);
    if (!el.textContent.trim() || !shown(el)) continue;
    if (el.clientWidth > 1 && el.clientHeight > 1  // not the visually-hidden 1px boxes
        && ((hides(style.overflowY) && el.scrollHeight > el.clientHeight + 1)
            || (hides(style.overflowX) && el.scrollWidth > el.clientWidth + 1)))
      lost.push(`${name(el)} is cut off`);
    const own = [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
    if (!own) continue;
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const outer = getComputedStyle(box);
      if (outer.overflowX === 'visible' && outer.overflowY === 'visible') continue;
      const inner = el.getBoundingClientRect(), edge = box.getBoundingClientRect();
      const clips = hides(outer.overflowX) && hides(outer.overflowY);
      const before = inner.left + box.scrollLeft < edge.left - 1;  // no scrolling reaches it
      if (before || (clips && (inner.right > edge.right + 1 || inner.top < edge.top - 1)))
        lost.push(`${name(el)} runs out of ${name(box)}`);
      break;
    }
  }
  for (const list of document.querySelectorAll('header, header ul, nav ul, nav ol, footer ul')) {
    const items = [...list.children].filter(shown).map(el => [el, el.getBoundingClientRect()]);
    items.forEach(([one, a], i) => items.slice(i + 1).forEach(([two, b]) => {
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
        lost.push(`${name(one)} overlaps ${name(two)}`);
    }));
  }
  return lost;
}"""
PAGES = (
    "index.html",
    "terms/generative-ai/index.html",
    "categories/index.html",
    "categories/techniques/index.html",
    "tags/index.html",
    "tags/agents/index.html",
    "tools/index.html",
    "tools/chatgpt/index.html",
    "stack-builder/index.html",
    "search/index.html",
    "404.html",
    "graph/index.html",
)
PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_no_page_loses_text_under_the_readers_text_spacing(
    open_page: OpenPage, served: ServedSite, viewport: dict[str, int]
) -> None:
    page, lost = open_page(viewport=viewport), []
    for path in PAGES:
        open_spaced(page, served.page_url(path))
        assert page.evaluate("getComputedStyle(document.querySelector('main')).letterSpacing") != "normal"
        lost += [f"{path}: {loss}" for loss in page.evaluate(LOSSES)]
    assert lost == []


def test_no_term_graph_loses_the_start_of_a_label_under_the_readers_text_spacing(
    page: Page, served: ServedSite
) -> None:
    """Was: on a desktop the side column, a box that scrolls, cut the start of the left-hand
    labels ("Large language model" on Fine-tuning's), which the spacing widens past the drawing."""
    lost = []
    for slug in sorted(served.terms):
        open_spaced(page, served.page_url(f"terms/{slug}/index.html"))
        lost += [f"{slug}: {loss}" for loss in page.evaluate(LOSSES)]
    assert lost == []
