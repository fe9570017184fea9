"""A fenced code block inside a quotation is a code block there, as on GitHub and in Hugo."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import present

from glossary_site.markup import Converter


def shown(text: str) -> BeautifulSoup:
    fast, stock = Converter(fast=True), Converter(fast=False)
    html = fast.convert_text(text, 1)[0]
    assert html == stock.convert_text(text, 1)[0]
    return BeautifulSoup(html, "html.parser")


@pytest.mark.parametrize(
    "text",
    [
        "> Plain quote.\n>\n> ```python\n> y = 2\n>\n> z = 3\n> ```\n> After.",
        "> Plain quote.\n> ```python\n> y = 2\n>\n> z = 3\n> ```\n> After.",  # no blank line around it
        "> Plain quote.\n> ~~~~ python\n> y = 2\n>\n> z = 3\n> ~~~~\n> After.",
    ],
)
def test_a_fence_in_a_quotation_is_a_highlighted_code_block_there(text: str) -> None:
    """Was: one paragraph of inline code, "python y = 2 z = 3", the language in it."""
    page = shown(text)

    quotation = present(page.find("blockquote"))
    assert [p.get_text() for p in quotation.find_all("p")] == ["Plain quote.", "After."]
    code = present(quotation.find("pre"))
    assert code.get_text() == "y = 2\n\nz = 3\n"
    assert code.find("span", class_="mi") is not None, "highlighted as Python"


def test_a_fence_in_a_quotation_in_a_quotation_too() -> None:
    page = shown("> > nested\n> > ```js\n> > let a = 1;\n> > ```")

    inner = present(present(page.find("blockquote")).find("blockquote"))
    assert present(inner.find("pre")).get_text() == "let a = 1;\n"


@pytest.mark.parametrize(
    "text",
    [
        "````markdown\n> ```python\n> x\n> ```\n````",  # a quotation shown as an example
        "> ```python\n> unclosed",
    ],
)
def test_a_quotation_in_code_or_an_unclosed_fence_is_left_as_written(text: str) -> None:
    assert "```python" in shown(text).get_text()
