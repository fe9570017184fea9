"""pymdownx's marks, as MkDocs Material sites write them: `==marked==`, `^^inserted^^`, `H~2~O`,
`x^2^` and `++ctrl+alt+del++` (was: shown as written, with a warning naming the element)."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import ENGINES, converted, present

from glossary_site.foreign_markdown import foreign_problems

TEXT = """Water is H~2~O, x^2^ grows, ==**new**== text, ^^inserted^^, press ++ctrl+alt+del++.

In C++ and C#, g++ -O2 and i++, ~5 km or ~10 km, 2^10 and 2^20, a ^ b, x~y, ~~struck~~, a == b,
`H~2~O ++a++` in code, a note[^1] and $x^2$.

[^1]: The note.
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_each_mark_is_its_element_and_text_like_it_is_left_alone(engine: str) -> None:
    page = converted(engine, TEXT)
    soup = BeautifulSoup(page, "html.parser")
    first, second = soup.find_all("p")[:2]
    marks = [(element.name, element.get_text()) for element in first.find_all(["sub", "sup", "mark", "ins"])]
    assert marks == [("sub", "2"), ("sup", "2"), ("mark", "new"), ("ins", "inserted")]
    assert first.select_one("mark > strong") is not None
    assert [key.get_text() for key in first.select("span.keys > kbd")] == ["ctrl", "alt", "del"]
    assert "ctrl+alt+del" in first.get_text()
    assert second.find(["sub", "mark", "ins", "kbd"]) is None
    assert [sup.get("id") for sup in second.find_all("sup")] == ["fnref:1"]  # the note's, no other
    assert "~5 km or ~10 km, 2^10 and 2^20, a ^ b, x~y," in second.get_text()
    assert present(second.find("code")).get_text() == "H~2~O ++a++"
    assert second.find("math") is not None


def test_the_marks_are_no_foreign_syntax() -> None:
    assert list(foreign_problems(TEXT, 1)) == []
