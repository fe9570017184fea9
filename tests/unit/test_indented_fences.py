"""A fence indented in a box, a list item or a footnote's note is a code block there, written as
the top level's fences are, so the reader never sees the engine's own ':::language' line."""

from __future__ import annotations

from bs4 import BeautifulSoup
from support import present

from glossary_site.markup import Converter


def shown(text: str) -> BeautifulSoup:
    fast, stock = Converter(fast=True), Converter(fast=False)
    html = fast.convert_text(text, 1)[0]
    assert html == stock.convert_text(text, 1)[0]
    assert ":::" not in html
    return BeautifulSoup(html, "html.parser")


def test_a_fence_after_a_list_in_a_box_follows_the_list() -> None:
    """Was: a paragraph ':::python x = 1' in the list's last item."""
    page = shown("!!! note\n    - one\n    - two\n\n    ```python\n    x = 1\n    ```")

    box = present(page.find("div", class_="admonition"))
    assert [li.get_text() for li in present(box.find("ul")).find_all("li")] == ["one", "two"]
    assert present(box.find("li")).find("pre") is None
    assert present(box.find("pre")).get_text() == "x = 1\n"


def test_runs_of_blank_lines_in_an_indented_fence_are_kept() -> None:
    """Was: two or three blank lines in a list item's or box's code came out as one."""
    for text in (
        "- item\n\n    ```\n    a\n\n\n    b\n    ```",
        "!!! note\n    ```\n    a\n\n\n    b\n    ```",
    ):
        assert present(shown(text).find("pre")).get_text() == "a\n\n\nb\n"


def test_a_fence_in_a_footnote_s_note_stays_in_the_note() -> None:
    """Was: a code block in the body reading '    :::text', the note holding only its first line."""
    page = shown("Text[^a].\n\n[^a]: Note.\n\n    ```\n    code\n    ```")

    note = present(present(page.find("div", class_="footnote")).find("li"))
    assert present(note.find("pre")).get_text() == "code\n"
    assert page.find("pre") is note.find("pre")
    back = present(note.find("a", class_="footnote-backref"))
    assert back.parent is not None and back.parent.name == "p" and back.parent.find("pre") is None


def test_a_titled_fence_in_a_nested_item_keeps_its_title_there() -> None:
    page = shown('- a\n  - b\n\n    ```python title="f.py"\n    x\n    ```')

    inner = present(present(page.find("ul")).find("ul"))
    assert present(inner.find("p", class_="code-title")).get_text() == "f.py"
    assert present(inner.find("pre")).get_text() == "x\n"
