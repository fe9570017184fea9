"""GitHub's alerts (`> [!NOTE]`) are admonition boxes, as GitHub and Hugo show them."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import present

from glossary_site.foreign_markdown import foreign_problems
from glossary_site.markup import site_markdown


def boxes(markdown_text: str) -> list[tuple[list[str], str, str]]:
    """Each box's classes, title and the text under its title."""
    page = BeautifulSoup(site_markdown(markdown_text, "/"), "html.parser")
    found = []
    for box in page.select("div.admonition"):
        heading = present(box.select_one(".admonition-title")).extract().get_text()
        found.append((list(box["class"]), heading, " ".join(box.get_text().split())))
    return found


@pytest.mark.parametrize(
    ("kind", "title"),
    [
        ("NOTE", "Note"),
        ("TIP", "Tip"),
        ("IMPORTANT", "Important"),
        ("WARNING", "Warning"),
        ("caution", "Caution"),
    ],
)
def test_each_of_githubs_alerts_is_a_box_of_its_kind(kind: str, title: str) -> None:
    """Was a quotation that started '[!NOTE]', and a warning."""
    text = f"Intro.\n\n> [!{kind}]\n> Mind the **gap**.\n> It is wide.\n\nAfter."
    assert boxes(text) == [(["admonition", kind.lower()], title, "Mind the gap. It is wide.")]
    assert list(foreign_problems(text, 1)) == []


def test_an_alerts_lists_quotations_and_run_on_lines_stay_inside_it() -> None:
    text = (
        "> [!WARNING]\n> Watch for:\n> - overfitting\n> - leaks\n>\n> > A quotation.\n"
        "and a line run on.\n# After"
    )
    page = BeautifulSoup(site_markdown(text, "/"), "html.parser")
    box = present(page.select_one("div.admonition.warning"))
    assert [li.get_text() for li in box.select("ul > li")] == ["overfitting", "leaks"]
    assert (
        " ".join(present(box.select_one("blockquote")).get_text().split())
        == "A quotation. and a line run on."
    )
    assert present(page.select_one("h2")).find_parent("div") is None


@pytest.mark.parametrize(
    "text",
    [
        "> [!DANGER]\n> Not one of GitHub's kinds.",
        "> [!NOTE]- folded\n> as Obsidian folds it.",
        "> A quotation.\n> [!NOTE]",
        "```\n> [!NOTE]\n> In code.\n```",
        "> [!NOTE]",
    ],
)
def test_what_github_shows_as_a_quotation_stays_one(text: str) -> None:
    assert boxes(text) == []


def test_an_alert_with_a_title_after_its_kind_is_a_box_with_that_title() -> None:
    """As Hugo (its blockquote hook's AlertTitle) and Obsidian show it; was a quotation that
    started '[!NOTE] Hugo modules are Go modules', with a warning. A title alone is a box too."""
    text = (
        "> [!NOTE] Hugo modules are *Go* modules\n> You need Go 1.18.\n\n"
        '> [!tip] Say "cheese"\n\n> [!NOTE]- folded\n> stays a quotation.'
    )
    assert boxes(text) == [
        (["admonition", "note"], "Hugo modules are Go modules", "You need Go 1.18."),
        (["admonition", "tip"], 'Say "cheese"', ""),
    ]
    assert [line for line, _ in foreign_problems(text, 1)] == [6]


@pytest.mark.parametrize(
    "text",
    [
        "- item\n\n  > [!NOTE]\n  > inside\n\n- next",
        "1. item\n\n   > [!NOTE]\n   > inside\n\n2. next",
    ],
)
def test_an_alert_in_a_list_item_is_a_box_in_the_item(text: str) -> None:
    """Was: the box at the margin, which ended the list and began another after it."""
    page = BeautifulSoup(site_markdown(text, "/"), "html.parser")

    [items] = page.find_all(["ul", "ol"])
    first, second = items.find_all("li", recursive=False)
    assert present(first.find("div", class_="admonition")).get_text(" ", strip=True) == "Note inside"
    assert second.get_text().strip() == "next"


def test_an_indented_alert_outside_a_list_is_a_box_at_the_margin() -> None:
    assert boxes("Text.\n\n  > [!NOTE]\n  > indented") == [(["admonition", "note"], "Note", "indented")]


def test_an_alert_in_an_alert_is_a_box_in_the_box() -> None:
    """Was: a quotation in the box that starts '[!TIP] Inner', with no word."""
    page = BeautifulSoup(site_markdown("> [!NOTE] Outer\n> > [!TIP] Inner\n> > Inside.", "/"), "html.parser")

    outer = present(page.find("div", class_="note"))
    inner = present(outer.find("div", class_="tip"))
    assert present(inner.find("p", class_="admonition-title")).get_text() == "Inner"
    assert "[!" not in page.get_text() and page.find("blockquote") is None
