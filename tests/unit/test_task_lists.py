"""Task lists (`- [ ] to do`, `- [x] done`), as GitHub, Hugo and MkDocs show them: each item's
box drawn before its text (was: the brackets shown as written, with a warning)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import ENGINES, converted

from glossary_site.foreign_markdown import foreign_problems

TEXT = """Before release:

- [x] Write the **changelog**
- [ ] Tag the release, see [the guide](https://example.org/release)
- Not a task
- [X] Upper-case x
    - [ ] A nested one

1. [ ] Numbered

- [x] Loose

    With a second paragraph.

A [x] in a sentence, and `- [ ] in code`.

```
- [ ] In a fence
```
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_each_task_shows_its_box_before_its_text(engine: str) -> None:
    page = converted(engine, TEXT)
    soup = BeautifulSoup(page, "html.parser")
    items = [(" ".join(li.get_text(" ", strip=True).split()), li.get("class")) for li in soup.find_all("li")]
    assert items == [
        ("☑ Write the changelog", ["task-item"]),
        ("☐ Tag the release, see the guide", ["task-item"]),
        ("Not a task", None),
        ("☑ Upper-case x ☐ A nested one", ["task-item"]),
        ("☐ A nested one", ["task-item"]),
        ("☐ Numbered", ["task-item"]),
        ("☑ Loose With a second paragraph.", ["task-item"]),
    ]
    assert soup.select_one("li.task-item strong") is not None
    assert soup.select_one("li.task-item a[href]") is not None
    assert soup.select_one("li.task-item > p > span.task-box") is not None  # a loose item's
    assert "A [x] in a sentence" in soup.get_text()
    assert "- [ ] In a fence" in soup.get_text() and "- [ ] in code" in soup.get_text()


def test_a_task_list_is_no_foreign_syntax() -> None:
    assert list(foreign_problems(TEXT, 1)) == []
