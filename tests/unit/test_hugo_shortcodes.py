"""Hugo shortcodes written without a space after their '<' are shown as written, as the
warning about them says, and no tag in them is said to be removed from the page."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import ENGINES, converted

from glossary_site.foreign_markdown import foreign_syntax

LINE = 'Inline {{<figure src="/a.png">}} and {{<ref "gpu.md">}} end.'


@pytest.mark.parametrize("engine", ENGINES)
def test_a_shortcode_without_a_space_is_shown_as_written_in_its_paragraph(engine: str) -> None:
    """Was: `<figure src="/a.png">` kept as an element, which closed the paragraph and took the
    text after it in."""
    page = BeautifulSoup(converted(engine, LINE), "html.parser")
    assert page.find("figure") is None
    assert [p.get_text() for p in page.find_all("p")] == [LINE]


@pytest.mark.parametrize("engine", ENGINES)
def test_in_code_and_with_a_space_shortcodes_are_as_they_were(engine: str) -> None:
    page = BeautifulSoup(
        converted(engine, "`{{<figure>}}` and {{< figure >}} and <b>bold</b>"), "html.parser"
    )
    assert [code.get_text() for code in page.find_all("code")] == ["{{<figure>}}"]
    assert page.get_text() == "{{<figure>}} and {{< figure >}} and bold"
    assert [b.get_text() for b in page.find_all("b")] == ["bold"]


def test_only_the_shortcode_is_warned_of_not_a_tag_in_it() -> None:
    """Was also "'<ref>' is read as an HTML tag and removed from the page", untrue."""
    said = [message.split(" is ")[0] for _, message in foreign_syntax(LINE)]
    assert said == ["'{{<figure src=\"/a.png\">}}'", "'{{<ref \"gpu.md\">}}'"]
