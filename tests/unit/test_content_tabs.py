"""MkDocs Material's content tabs (`=== "Python"`) are sets of tabs, each tab's text under its
title as built (was: the lines shown as written, with a warning)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup, Tag
from support import ENGINES, converted

from glossary_site.foreign_markdown import foreign_problems
from glossary_site.indentation import indentation_problems

TEXT = """Intro.

=== "Python"

    ```python
    print(1)
    ```

===+ "JavaScript *too*"
    console.log(1);

===! "A set of its own"
    Alone.

Between.

=== "A"
    a
=== "B"
    b

```
=== "In code"
```

- An item:

    === "In the item"
        Its text.

=== "Tab with code `x`"

    ```markdown
    === "Shown as code"
        ??? note
    ```
"""


def sets(page: str) -> list[list[tuple[str, bool, str]]]:
    """Each set's tabs: (title, shown first, text)."""
    soup = BeautifulSoup(page, "html.parser")
    found = []
    for tab_set in soup.find_all("div", class_="tabbed-set"):
        tabs = []
        for block in tab_set.find_all("div", class_="tabbed-block", recursive=False):
            title = block.find("p", class_="tabbed-title", recursive=False)
            assert isinstance(title, Tag) and block.contents[1] is title, "the title heads its tab"
            text = " ".join(block.get_text(" ", strip=True).split()[len(title.get_text().split()) :])
            tabs.append((title.get_text(), "tabbed-first" in block["class"], text))
        found.append(tabs)
    return found


@pytest.mark.parametrize("engine", ENGINES)
def test_tabs_next_to_each_other_are_one_set_each_tab_under_its_title(engine: str) -> None:
    page = converted(engine, TEXT)
    assert sets(page) == [
        [("Python", False, "print ( 1 )"), ("JavaScript too", True, "console.log(1);")],
        [("A set of its own", False, "Alone.")],
        [("A", False, "a"), ("B", False, "b")],
        [("In the item", False, "Its text.")],
        [("Tab with code x", False, '=== "Shown as code" ??? note')],
    ]
    soup = BeautifulSoup(page, "html.parser")
    assert soup.select_one(".tabbed-title em") is not None  # a title keeps its Markdown
    assert soup.select_one("li .tabbed-set") is not None
    code = soup.select("pre code")[-2]
    assert code.get_text() == '=== "In code"\n'
    assert "glossary-" not in page and "admonition" not in page


def test_a_tab_is_no_foreign_syntax_and_its_text_is_checked_as_an_admonitions() -> None:
    assert list(foreign_problems(TEXT, 1)) == []
    unclosed = list(foreign_problems('=== "Python\n    print(1)\n', 5))
    assert [line for line, _ in unclosed] == [5]
    assert "is shown as written, not as a content tab" in unclosed[0][1]
    shallow = list(indentation_problems('=== "Shallow"\n  Indented by 2.\n'))
    assert [index for index, _ in shallow] == [1]


def test_a_tab_title_without_quotes_is_warned_of() -> None:
    """Was shown as written ("=== Python" and the tab's text as code) with no word."""
    [(line, message)] = foreign_problems("Intro.\n\n=== Python\n\n    print(1)\n", 5)
    assert line == 7
    assert message.startswith("'=== Python' is shown as written, not as a content tab")


def test_a_tab_title_without_quotes_in_a_box_or_item_is_warned_of_and_a_sentence_is_not() -> None:
    """Was: only at the margin; a line such as '=== is the strict equality operator.' is text."""
    text = (
        '!!! note\n    === Python\n\n        x\n\n- item\n\n    === "Go"\n\n        y\n\n'
        "=== is a JavaScript operator."
    )
    assert [line for line, _ in foreign_problems(text, 1)] == [2]
