"""A glossary past 1,000 A to Z entries: the home page keeps the jump bar, each letter with its
count, and each letter's entries are on its own page, `a-z/<letter>/`; a cached build after
edits writes what a clean build writes."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from support import (
    BIG_LETTERS,
    assert_nu_checker_passes,
    attribute,
    big_a_to_z_site,
    local_targets,
    needs_nu_checker,
    parse_html,
    present,
    run_glossary,
    string_of,
    tree_digest,
)

TERMS = 520
ENTRIES = TERMS * 2 + 2  # each term and its other name, 'Quasar' and '3D printing'


@pytest.fixture(scope="module")
def big_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = big_a_to_z_site(tmp_path_factory.mktemp("big") / "site", TERMS)
    built = run_glossary("build", "--no-search", cwd=site)
    assert built.returncode == 0, built.stderr
    return site / "_site"


def jump_bar(page: Path) -> dict[str, tuple[str, str]]:
    """Each linked letter of the page's jump bar: its link and the count it shows."""
    return {
        link.get_text().split()[0]: (
            attribute(link, "href"),
            string_of(present(link.select_one(".letter-count"))),
        )
        for link in parse_html(page).select("nav.letters a")
    }


def test_the_home_page_lists_no_entry_but_each_letter_with_its_count(big_build: Path) -> None:
    home = parse_html(big_build / "index.html")
    assert home.select("section.letter-group, dt") == []
    bar = jump_bar(big_build / "index.html")
    assert list(bar) == [*sorted({*BIG_LETTERS, "Q"}), "#"]
    assert bar["Q"] == ("a-z/q/index.html", "1")
    assert bar["#"] == ("a-z/other/index.html", "1")
    assert bar["A"][0] == "a-z/a/index.html"
    assert sum(int(count.replace(",", "")) for _, count in bar.values()) == ENTRIES
    assert [string_of(span) for span in home.select("nav.letters span.empty")] == ["J", "K", "X", "Y"]
    assert f"{TERMS + 2:,} terms" in string_of(present(home.select_one("section.az p.count")))


def test_every_term_is_reached_from_exactly_one_letter_page_and_each_alias_points_to_it(
    big_build: Path,
) -> None:
    home = big_build / "index.html"
    reached: Counter[str] = Counter()
    aliases: dict[str, str] = {}
    for letter, (href, count) in jump_bar(home).items():
        page = (home.parent / href).resolve()
        soup = parse_html(page)
        assert string_of(present(soup.select_one("h1"))) == f"A–Z: {letter}"
        assert string_of(present(soup.select_one("title"))) == f"A–Z: {letter} · Big Glossary"
        crumbs = [
            (string_of(a), (page.parent / attribute(a, "href")).resolve())
            for a in soup.select("nav.breadcrumb a")
        ]
        assert crumbs == [("Glossary", home.resolve())]
        assert string_of(present(soup.select_one("nav.site-nav a[aria-current=page]"))) == "A–Z"
        assert [string_of(h) for h in soup.select("section.letter-group h2")] == [letter]
        entries = soup.select("section.letter-group dt")
        assert len(entries) == int(count)
        assert soup.select_one("[data-pagefind-body]") is None, "letter pages are no search results"
        for dt in entries:
            if "cross-ref" in (dt.get("class") or []):
                dd = present(dt.find_next_sibling("dd"))
                aliases[string_of(dt)] = attribute(present(dd.select_one("a")), "href")
            else:
                link = present(dt.select_one("a"))
                target = (page.parent / attribute(link, "href")).resolve()
                assert target.is_file()
                reached[target.parent.name] += 1
                assert string_of(present(dt.find_next_sibling("dd"))) == f"What {string_of(link)} means here."
        assert (page.parent / jump_bar(page)[letter][0]).resolve() == page
        assert present(soup.select_one("nav.letters a[aria-current=page]")).get_text().split()[0] == letter
    terms = {p.parent.name for p in (big_build / "terms").glob("*/index.html")}
    assert set(reached) == terms
    assert set(reached.values()) == {1}
    assert aliases["Doa 000"] == "../../terms/aex-000/index.html"
    assert len(aliases) == TERMS


def test_every_local_link_of_the_home_and_letter_pages_leads_to_a_file(big_build: Path) -> None:
    pages = [big_build / "index.html", *sorted((big_build / "a-z").glob("*/index.html"))]
    assert len(pages) == 1 + len(BIG_LETTERS) + 2  # Q and '#' too
    dead = [
        (page.relative_to(big_build).as_posix(), link)
        for page in pages
        for link, target, _ in local_targets(big_build, page)
        if not target.is_file()
    ]
    assert dead == []


def test_letter_pages_are_in_the_sitemap(big_build: Path) -> None:
    sitemap = (big_build / "sitemap.xml").read_text(encoding="utf-8")
    listed = re.findall(r"<loc>https://big\.example\.com/a-z/([^<]*)</loc>", sitemap)
    assert sorted(listed) == sorted(f"{p.parent.name}/" for p in (big_build / "a-z").glob("*/index.html"))
    assert "other/" in listed


def test_a_glossary_of_1000_entries_keeps_them_all_on_the_home_page(tmp_path: Path) -> None:
    site = big_a_to_z_site(tmp_path / "site", 499)  # 998 entries, 'Quasar' and '3D printing'
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    home = parse_html(site / "_site/index.html")
    assert len(home.select("section.letter-group dt")) == 1000
    assert not list((site / "_site/a-z").glob("*/index.html")), "no letter page"
    assert all(attribute(a, "href").startswith("#letter-") for a in home.select("nav.letters a"))


def test_the_letter_pages_words_are_the_sites(tmp_path: Path) -> None:
    site = big_a_to_z_site(tmp_path / "site", TERMS)
    settings = site / "content/site.yml"
    settings.write_text(
        settings.read_text()
        + 'labels:\n  a_to_z_letter: "Buchstabe {letter}"\n'
        + '  a_to_z_letter_count: "{count} Einträge unter {letter}"\n'
    )
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    page = parse_html(site / "_site/a-z/m/index.html")
    assert string_of(present(page.select_one("h1"))) == "Buchstabe M"
    said = f"{len(page.select('section.letter-group dt'))} Einträge unter M"
    assert string_of(present(page.select_one("main p.count"))) == said
    assert attribute(present(page.select_one('meta[name="description"]')), "content") == said


@needs_nu_checker
def test_a_letter_page_passes_the_nu_html_checker(big_build: Path) -> None:
    page = big_build / "a-z/m/index.html"
    assert len(parse_html(page).select("section.letter-group dt")) == 50
    assert_nu_checker_passes(page)


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


def add_jolt(terms: Path) -> None:
    """A term under J, which had no entry, with another name under X, which had none either."""
    shutil.copy(terms / "cex-002.md", terms / "jolt.md")
    edit(terms / "jolt.md", "title: Cex 002", "title: Jolt")
    edit(terms / "jolt.md", "aliases: [Foa 002]", "aliases: [Xray]")


def delete_3d_printing(terms: Path) -> None:
    """The only entry under '#', and the related lists naming it."""
    (terms / "3d-printing.md").unlink()
    for other in terms.glob("*.md"):
        text = other.read_text(encoding="utf-8")
        other.write_text(text.replace(", 3D printing]", "]").replace("[3D printing, ", "["), encoding="utf-8")


def test_a_cached_build_after_each_edit_equals_a_clean_build(tmp_path: Path) -> None:
    """A summary, a new title (Quasar's, the only entry under Q), a new alias, a term added and
    one deleted: the letter pages and the home page's counts follow, as a clean build's."""
    site = big_a_to_z_site(tmp_path / "site", TERMS)
    terms = site / "content/terms"
    edits: list[Callable[[], object]] = [
        lambda: edit(terms / "aex-000.md", "What Aex 000 means here.", "Aex 000, said anew."),
        lambda: edit(terms / "quasar.md", "title: Quasar", "title: Pulsar"),
        lambda: edit(terms / "bex-001.md", "aliases: [Eoa 001]", "aliases: [Eoa 001, Kilo 001]"),
        lambda: add_jolt(terms),
        lambda: delete_3d_printing(terms),
    ]
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    for number, change in enumerate(edits):
        change()
        cached = run_glossary("build", "--no-search", cwd=site)
        assert cached.returncode == 0, cached.stdout + cached.stderr
        clean = tmp_path / f"clean-{number}"
        assert run_glossary("build", "--no-search", "--no-cache", "--out", clean, cwd=site).returncode == 0
        assert tree_digest(site / "_site") == tree_digest(clean), number
    bar = jump_bar(site / "_site/index.html")
    assert "Q" not in bar and "#" not in bar and {"J", "K", "X"} <= bar.keys()
    assert not (site / "_site/a-z/q").exists()
