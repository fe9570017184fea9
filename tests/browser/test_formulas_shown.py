"""A formula on the example site is drawn by the browser, fits a phone and passes axe."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

import pytest
from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from conftest import serve
from playwright.sync_api import expect
from support import copy_site, run_glossary
from test_text_spacing import LOSSES, open_spaced

if TYPE_CHECKING:  # tests/conftest.py shares the module name "conftest", so no runtime import
    from conftest import OpenPage, ServedSite

ATTENTION = "terms/attention/index.html"


def test_the_attention_formula_is_drawn_and_fits_a_phone(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page(viewport={"width": 320, "height": 640})
    page.goto(served.page_url(ATTENTION))

    formula = page.locator('.prose div.formula math[display="block"]')
    box = formula.bounding_box()
    assert box is not None and box["width"] > 40 and box["height"] > 10
    inline = page.locator('.prose math[display="inline"]').first.bounding_box()
    assert inline is not None and inline["width"] > 0 and inline["height"] > 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    holder = page.locator(".prose div.formula")
    assert holder.evaluate("el => el.getBoundingClientRect().right") <= 320


def test_a_page_with_formulas_passes_axe(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page()
    page.goto(served.page_url(ATTENTION))
    page.locator("math").first.wait_for()

    assert_axe_finds_nothing_above_minor_in_either_scheme(page, ATTENTION)


LONG = "y = a_{1}x_{1} + a_{2}x_{2} + a_{3}x_{3} + a_{4}x_{4} + a_{5}x_{5} + a_{6}x_{6} + a_{7}x_{7}"
SHORT = ("x^2", r"\frac{\sum_{i=1}^{n} x_i^2}{\sqrt{n}}", "e^{x^{y^{z}}}_{a_{b_{c}}}")


@pytest.fixture(scope="module")
def formulas_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A term whose text has a formula wider than a phone and short, tall ones, in its lines."""
    root = tmp_path_factory.mktemp("inline-formulas")
    site = copy_site("minimal", root)
    tensor = site / "content/terms/tensor.md"
    shorts = ", ".join(f"${short}$" for short in SHORT)
    text = f"Each output sums ${LONG}$ over every axis; short ones: {shorts} stay in the line."
    tensor.write_text(tensor.read_text(encoding="utf-8") + f"\n{text}\n", encoding="utf-8")
    built = run_glossary("build", "--strict", "--no-search", "--out", root / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(root / "www") as address:
        yield f"{address}/terms/tensor/"


def test_a_formula_wider_than_a_phone_scrolls_in_its_line_by_keyboard_too(
    open_page: OpenPage, formulas_url: str
) -> None:
    """Was: a long $...$ widened the whole page on a phone, so every line scrolled sideways."""
    page = open_page(viewport={"width": 320, "height": 640})
    page.goto(formulas_url)
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    formulas = page.locator('.prose math[display="inline"]')
    expect(formulas).to_have_count(1 + len(SHORT))
    long = formulas.first
    column = page.locator(".prose").evaluate("el => el.getBoundingClientRect().right")
    assert long.evaluate("el => el.getBoundingClientRect().right") <= column + 0.5
    expect(long).to_have_attribute("tabindex", "0")
    for short in formulas.all()[1:]:
        expect(short).not_to_have_attribute("tabindex", "0")
    long.focus()
    page.keyboard.press("ArrowRight")
    page.wait_for_function("() => document.querySelector('.prose math').scrollLeft > 0")
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, "a long inline formula (320 px)")


@pytest.mark.parametrize("spacing", [False, True], ids=["as written", "text spacing"])
def test_no_formula_in_a_line_is_cut_and_one_that_fits_is_no_tab_stop_on_a_desktop(
    open_page: OpenPage, formulas_url: str, spacing: bool
) -> None:
    """A box that scrolls clips what reaches past it: the sub- and superscripts of each."""
    page = open_spaced(open_page(), formulas_url, spacing)
    assert page.evaluate(LOSSES) == []
    formulas = page.locator('.prose math[display="inline"]')
    expect(formulas).to_have_count(1 + len(SHORT))
    for formula in formulas.all():
        expect(formula).not_to_have_attribute("tabindex", "0")
