"""Markdown inside HTML marked `markdown` (`<div class="grid cards" markdown>`, `<details
markdown="1">`), as MkDocs (md_in_html) converts it (was: shown as written, with a warning)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import ENGINES, converted

from glossary_site.foreign_markdown import foreign_problems

TEXT = """<div class="grid cards" markdown>

- **Fast** builds, see [the guide](https://example.org/guide)
- Checked at build time

</div>

<details markdown="1">
<summary>More</summary>

*Emphasis* and `code`.

</details>

<div markdown=1>Script *removed* <script>alert(1)</script></div>

<div>Without it, **as written**.</div>

<div markdown>

Escaped \\*stars\\*, and [TOC] as text.

</div>
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_the_markdown_inside_marked_html_is_converted_and_still_sanitised(engine: str) -> None:
    page = converted(engine, TEXT)
    soup = BeautifulSoup(page, "html.parser")
    grid = soup.select_one("div.grid.cards")
    assert grid is not None
    assert [item.get_text() for item in grid.select("ul > li")] == [
        "Fast builds, see the guide",
        "Checked at build time",
    ]
    assert grid.select_one("li strong") is not None and grid.select_one("li a[href]") is not None
    details = soup.find("details")
    assert details is not None and details.find("summary") is not None
    assert details.select_one("p em") is not None and details.select_one("p code") is not None
    assert soup.find("script") is None and "alert" not in page
    assert soup.find(string=lambda text: "removed" in text) is not None
    assert "**as written**" in page  # raw HTML without the attribute is left as it is
    assert "markdown" not in page
    # was, with the quick engine: the escapes' placeholders (U+0002…U+0003) left on the page
    assert "Escaped *stars*" in soup.get_text() and "\x02" not in page


def test_the_attribute_is_no_foreign_syntax_and_a_tag_that_is_removed_still_is() -> None:
    problems = list(foreign_problems(TEXT, 1))
    assert [line for line, _ in problems] == [15]
    assert problems[0][1].startswith("'<script>' is read as an HTML tag and removed")
