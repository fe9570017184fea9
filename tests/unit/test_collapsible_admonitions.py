"""MkDocs Material's collapsible admonitions (`??? note`, `???+ tip`) are boxes the reader opens
and closes (was: the line shown as written, with a warning)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag
from support import ENGINES, converted

from glossary_site.foreign_markdown import foreign_problems
from glossary_site.indentation import indentation_problems

TEXT = """Intro.

??? note "Why *it* works"
    Hidden text.

    - a list in it

???+ tip
    Shown text.

??? danger ""
    Untitled.

Asked twice??? Still text.

```
??? note "In code"
```

1. An item.

    ??? info "In the item"
        Its text.
"""


def boxes(page: str) -> list[Tag]:
    return BeautifulSoup(page, "html.parser").find_all("details")


def present_code(soup: BeautifulSoup) -> str:
    code = soup.find("code")
    assert code is not None
    return code.get_text()


@pytest.mark.parametrize("engine", ENGINES)
def test_each_box_is_a_details_of_its_kind_titled_open_or_closed_as_written(engine: str) -> None:
    page = converted(engine, TEXT)
    found = boxes(page)
    shown = [
        (
            box["class"],
            box.has_attr("open"),
            box.summary.get_text() if box.summary else None,
            box.summary is box.contents[1],
        )
        for box in found
    ]
    assert [(classes, opened, title) for classes, opened, title, _ in shown] == [
        (["admonition", "note"], False, "Why it works"),
        (["admonition", "tip"], True, "Tip"),
        (["admonition", "danger"], False, "Danger"),  # a <details> needs something to click
        (["admonition", "info"], False, "In the item"),
    ]
    assert all(first for *_, first in shown), "the summary is the box's first child"
    assert found[0].find("em") is not None and found[0].find("li") is not None
    assert found[3].find_parent("li") is not None
    soup = BeautifulSoup(page, "html.parser")
    assert "Asked twice??? Still text." in soup.get_text()
    assert present_code(soup) == '??? note "In code"\n'
    assert "glossary-" not in page


def test_a_box_is_no_foreign_syntax_and_its_text_is_checked_as_an_admonitions() -> None:
    assert list(foreign_problems(TEXT, 1)) == []
    shallow = '??? note "Shallow"\n  Indented by 2.\n'
    problems = list(indentation_problems(shallow))
    assert [index for index, _ in problems] == [1]
    assert "admonition's text 4 spaces" in problems[0][1]
