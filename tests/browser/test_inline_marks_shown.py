"""pymdownx's marks (`==new==`, `H~2~O`, `x^2^`, `^^inserted^^`, `++ctrl+c++`, as MkDocs Material
sites write them) as a reader sees them, in light and dark."""

from __future__ import annotations

from pathlib import Path

from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from conftest import OpenPage, built_terms, serve
from playwright.sync_api import expect

TERM = """\
---
title: Shortcut
summary: A key combination that runs a command.
definition: A shortcut runs a command from the keyboard, such as ++ctrl+c++ to copy.
---

Press ++ctrl+c++ to copy ==the selected text==. Water is H~2~O and the area grows as r^2^;
the word ^^added^^ was added.
"""


def test_the_marks_are_shown_as_their_elements(open_page: OpenPage, tmp_path: Path) -> None:
    """Was: the plus signs, tildes, carets and equals signs shown as written."""
    page = open_page()
    with serve(built_terms(tmp_path, {"shortcut": TERM})) as address:
        page.goto(f"{address}/terms/shortcut/index.html")
        prose = page.locator("article .prose")
        expect(prose).not_to_contain_text("==")
        expect(prose).not_to_contain_text("++")
        expect(prose.locator("kbd")).to_have_text(["ctrl", "c"])
        expect(page.locator("article .definition kbd")).to_have_count(2)
        expect(prose.locator("mark")).to_have_text("the selected text")
        assert prose.locator("sub").evaluate("e => getComputedStyle(e).verticalAlign") == "sub"
        assert prose.locator("sup").evaluate("e => getComputedStyle(e).verticalAlign") == "super"
        expect(prose.locator("ins")).to_have_text("added")
        assert_axe_finds_nothing_above_minor_in_either_scheme(page, "marks and keys")
