"""A formula on the example site is drawn by the browser, fits a phone and passes axe."""

from __future__ import annotations

from typing import TYPE_CHECKING

from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme

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
