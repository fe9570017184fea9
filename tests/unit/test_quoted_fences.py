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


def test_a_fence_in_a_list_item_in_a_quotation_is_that_item_s_code() -> None:
    """Was: a paragraph ':::text code' in the item, the marker shown."""
    page = shown("> - item\n>\n>   ```\n>   code\n>   ```\n> - next")

    items = present(present(page.find("blockquote")).find("ul")).find_all("li", recursive=False)
    assert [present(item.find("p")).get_text() for item in items] == ["item", "next"]
    assert present(items[0].find("pre")).get_text() == "code\n"


def test_a_list_in_a_quotation_nests_by_2_spaces_as_at_the_top() -> None:
    """Was: one flat list of four items."""
    page = shown("> - one\n> - two\n>   - nested\n> - three")

    outer = present(present(page.find("blockquote")).find("ul"))
    assert [
        str(li.find(string=True, recursive=False)).strip() for li in outer.find_all("li", recursive=False)
    ] == [
        "one",
        "two",
        "three",
    ]
    assert [li.get_text() for li in present(outer.find("ul")).find_all("li")] == ["nested"]


def test_a_quotation_of_only_a_fence_holds_only_the_block_with_its_blank_lines() -> None:
    page = shown("> ```\n> a\n>\n>\n> b\n> ```")

    quotation = present(page.find("blockquote"))
    assert quotation.find("p") is None
    assert present(quotation.find("pre")).get_text() == "a\n\n\nb\n"


def test_a_quotation_holding_a_fence_in_a_list_item_stays_in_the_item() -> None:
    """Was: moved to the margin, which ended the list and began another after it."""
    page = shown("- item\n\n  > ```\n  > a\n  > ```\n\n- next")

    [items] = page.find_all("ul")
    first, second = items.find_all("li", recursive=False)
    assert present(present(first.find("blockquote")).find("pre")).get_text() == "a\n"
    assert second.get_text().strip() == "next"


@pytest.mark.parametrize(
    "text",
    [
        "!!! note\n    > ```python\n    > x = 1\n    > ```",
        '=== "T"\n\n    > ```python\n    > x = 1\n    > ```',
        "T[^1].\n\n[^1]: Note.\n\n    > ```python\n    > x = 1\n    > ```",
        "-   item\n\n    > ```python\n    > x = 1\n    > ```",
    ],
    ids=["box", "tab", "note", "item"],
)
def test_a_fence_in_a_quotation_in_a_box_tab_note_or_item_is_code_there(text: str) -> None:
    """Was: inline code, 'python x = 1', the language shown; an indented code block stays one."""
    quotation = present(shown(text).find("blockquote"))
    assert present(quotation.find("pre")).get_text() == "x = 1\n"
    assert len(quotation.find_all("code")) == 1, "the block's own, no inline code"


def test_quotation_marks_in_an_indented_code_block_stay_code() -> None:
    code = present(shown("para\n\n    > not a quote\n    > ```\n    > code\n    > ```").find("pre"))
    assert code.get_text() == "> not a quote\n> ```\n> code\n> ```\n"
