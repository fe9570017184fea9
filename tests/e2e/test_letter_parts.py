"""A letter page of more than 100 entries (views.LETTERED_GROUP): a jump bar within the letter
leads to its parts, the entries filed under each first two letters ('Sa', 'Sc'...), each under
its own heading; shorter letters, another alphabet's letter and the home page are as before."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import Tag
from support import (
    LONG_S_PARTS,
    assert_nu_checker_passes,
    attribute,
    long_letter_site,
    needs_nu_checker,
    parse_html,
    present,
    run_glossary,
    string_of,
)


@pytest.fixture(scope="module")
def long_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = long_letter_site(tmp_path_factory.mktemp("long-letter") / "site")
    built = run_glossary("build", "--no-search", cwd=site)
    assert built.returncode == 0, built.stderr
    return site / "_site"


def names(part: Tag) -> list[str]:
    return [dt.get_text(" ", strip=True) for dt in part.select("dt")]


def test_the_bar_within_a_long_letter_leads_to_each_part_with_its_count(long_build: Path) -> None:
    page = parse_html(long_build / "a-z/s/index.html")
    letter = present(page.select_one("section.letter-group"))
    within = letter.select("nav.letters")
    assert len(within) == 1
    assert attribute(within[0], "aria-label") == "Jump within S"
    bar = [
        (a.get_text(" ", strip=True).split()[0], attribute(a, "href"), string_of(present(a.span)))
        for a in within[0].select("a")
    ]
    assert [label for label, _, _ in bar] == list(LONG_S_PARTS)
    parts = letter.select("section.letter-part")
    assert len(parts) == len(bar)
    for (label, href, count), part in zip(bar, parts, strict=True):
        heading = present(part.find(["h2", "h3", "h4"]))
        assert heading.name == "h3"
        assert href == f"#{attribute(heading, 'id')}"
        assert page.select(href) == [heading], "each id is on the page once"
        assert string_of(heading) == label
        assert count == str(len(part.select("dt")))
    total = sum(int(count) for _, _, count in bar)
    assert total == len(letter.select("dt"))
    assert f"{total} entries under S" in string_of(present(page.select_one("main p.count")))
    assert present(letter.h2).find_next(["nav", "h3"]) is within[0], "the bar is under the letter's heading"


def test_each_part_holds_the_names_filed_under_its_two_letters_in_the_pages_order(
    long_build: Path,
) -> None:
    page = parse_html(long_build / "a-z/s/index.html")
    parts = {string_of(present(part.h3)): names(part) for part in page.select("section.letter-part")}
    assert parts["S"] == ["S", "S-Bahn", "S3 bucket"]
    assert parts["Sc"] == ["Ščedro", *(f"Scket {i:03d}" for i in range(12))], "'Ščedro' as 'scedro'"
    assert "Σ notation" in parts["Si"]
    assert parts["Se"] == sorted(parts["Se"]) and all(name.startswith("Sex ") for name in parts["Se"])
    assert all(name.startswith("Soa ") for name in parts["So"])
    for label in ("Sa", "Sh", "Sp", "St", "Sy"):
        assert parts[label] == [f"{label}ket {i:03d}" for i in range(12)]


def test_a_short_letter_and_another_alphabets_long_letter_keep_one_list(long_build: Path) -> None:
    for path, entries in (("a-z/m/index.html", 50), ("a-z/λ/index.html", 101)):
        page = parse_html(long_build / path)
        letter = present(page.select_one("section.letter-group"))
        assert len(letter.select("dt")) == entries, path
        assert letter.select("nav, h3, section.letter-part") == [], path
        assert len(letter.select("div.term-list")) == 1, path


@needs_nu_checker
def test_a_letter_page_in_parts_passes_the_nu_html_checker(long_build: Path) -> None:
    page = long_build / "a-z/s/index.html"
    assert parse_html(page).select("section.letter-part"), "the page is in parts"
    assert_nu_checker_passes(page)
