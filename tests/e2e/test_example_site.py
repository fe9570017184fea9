"""The shipped example glossary builds cleanly and shows everything the seed pages show."""

from __future__ import annotations

import json
from pathlib import Path

import nu_checker
import pytest
from support import (
    PROJECT,
    assert_nu_checker_passes,
    attribute,
    copy_site,
    html_pages,
    local_targets,
    needs_nu_checker,
    parse_html,
    present,
    run_glossary,
    sends_readers_on,
    string_of,
)


@pytest.fixture(scope="module")
def example_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_site("example", tmp_path_factory.mktemp("example"))
    result = run_glossary("build", "--strict", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stderr == "", "a strict build of the example prints no warnings"
    return site / "_site"


def section_titles(soup: object) -> list[str]:
    return [h.get_text().rstrip("#") for h in soup.select("main h2")]  # type: ignore[attr-defined]


def test_example_has_the_flagship_term_and_at_least_25_more(example_site: Path) -> None:
    terms = sorted(p.parent.name for p in (example_site / "terms").glob("*/index.html"))
    assert "generative-ai" in terms
    assert len(terms) >= 26


def test_generative_ai_page_has_every_section_of_the_seed(example_site: Path) -> None:
    soup = parse_html(example_site / "terms/generative-ai/index.html")
    assert present(soup.h1).get_text() == "Generative AI"
    assert present(soup.select_one("section.definition p")).get_text().strip()
    assert {"GenAI", "Gen AI"} <= {a.get_text() for a in soup.select(".aliases .alias")}
    tables = {present(t.h2).get_text(): t.table for t in soup.select("section.data-table")}
    assert len(tables) >= 4
    headers = {title: [th.get_text() for th in present(t).select("thead th")] for title, t in tables.items()}
    assert any(cols[0] == "Modality" for cols in headers.values())
    assert any(cols[0] == "Model family" for cols in headers.values())
    assert any(cols[0] == "Date" for cols in headers.values())
    assert any(cols[0] == "Domain" for cols in headers.values())
    for table in tables.values():
        assert len(present(table).select("tbody tr")) >= 3
    questions = soup.select(".faq details")
    assert len(questions) >= 5
    assert all(
        present(q.summary).get_text().strip() and present(q.select_one(".answer")).get_text().strip()
        for q in questions
    )
    related = soup.select(".related .term-cards li")
    assert len(related) >= 5
    assert all(present(card.p).get_text().strip() for card in related), "each related term shows its summary"
    cta = present(soup.select_one("aside.cta"))
    assert present(cta.h2).get_text() == "Ready to put this to work?"
    assert "Plan my stack" in present(cta.a).get_text()
    assert cta.select_one("svg.cta-mark") is not None, "the example's own CTA partial replaces the theme's"
    assert present(cta.a)["href"] == "../../stack-builder/index.html", "the generated Stack Builder"
    prose = " ".join(piece.get_text() for piece in soup.select(".prose"))
    assert "C2PA" in prose
    assert soup.select(".prose a.wikilink"), "the body links other terms"


def test_every_stack_builder_candidate_can_be_rated_on_every_question(example_site: Path) -> None:
    """Was: no vector store had a modality and no framework a hosting, so those answers could
    not tell them apart; Cursor and GitHub Copilot were in no layer, so never suggested."""
    page = parse_html(example_site / "stack-builder/index.html")
    data = json.loads(string_of(present(page.select_one("script#stack-data"))))
    asked = {name for q in data["questions"] for a in q["answers"] for name in a["prefer"]}
    assert {"pricing", "hosting", "modality"} <= asked and len(data["layers"]) >= 4, (asked, data["layers"])
    for layer in data["layers"]:
        for tool in layer["candidates"]:
            lacking = asked - set(tool["attributes"])
            assert not lacking, f"{layer['id']}: {tool['slug']} has no {sorted(lacking)}"
    listed = {a.get_text() for a in page.select(".stack-candidates a")}  # also without JavaScript
    assert {"Cursor", "GitHub Copilot"} <= listed


def test_every_example_term_has_summary_definition_category_and_three_related(example_site: Path) -> None:
    pages = sorted((example_site / "terms").glob("*/index.html"))
    written = sorted(path.stem for path in (PROJECT / "content/terms").glob("*.md"))
    assert [page.parent.name for page in pages] == written, "a page for every term file"
    for page in pages:
        soup = parse_html(page)
        name = page.parent.name
        assert present(soup.select_one(".term-summary")).get_text().strip(), name
        assert present(soup.select_one("section.definition")).get_text().strip(), name
        assert len(soup.select(".breadcrumb li")) == 3, f"{name} has a category"
        assert len(soup.select(".related li")) >= 3, name


def test_every_local_link_in_the_example_resolves(example_site: Path) -> None:
    broken = [
        f"{page.relative_to(example_site)}: {link}"
        for page in html_pages(example_site)
        for link, target, _ in local_targets(example_site, page)
        if not target.is_file()
    ]
    assert broken == []


def test_the_example_shows_its_logo_beside_the_title_on_every_page(example_site: Path) -> None:
    """Its templates/partials/brand.html puts static/assets/logo.svg before the title; the
    logo is decorative, so the link is named by the title alone."""
    for page in html_pages(example_site):
        name = page.relative_to(example_site).as_posix()
        soup = parse_html(page)
        if sends_readers_on(soup):
            continue  # terms/ and a-z/, which have no header
        header = present(soup.find("header", class_="site-header"))
        title = present(header.find("a", class_="site-title"))
        assert title.get_text(strip=True) == "AI Glossary", name
        logo = present(title.find("img"))
        assert attribute(logo, "alt") == "", name
        root = "/" if name == "404.html" else "../" * name.count("/")
        assert attribute(logo, "src") == f"{root}assets/logo.svg", name
        assert header.find("nav", class_="site-nav") is not None, name
        # the search page's own field is its one search box
        assert (header.find("form", role="search") is None) == (name == "search/index.html"), name
    assert (example_site / "assets/logo.svg").read_bytes().startswith(b"<svg")


def test_every_example_page_gives_phones_a_home_screen_icon(example_site: Path) -> None:
    """Its templates/partials/head.html links static/assets/apple-touch-icon.png: without one,
    a phone's "Add to Home Screen" shows a shrunken picture of the page."""
    for page in html_pages(example_site):
        soup = parse_html(page)
        if sends_readers_on(soup):
            continue
        icon = present(soup.find("link", rel="apple-touch-icon"))
        target = (page.parent / attribute(icon, "href")).resolve()
        if page.name == "404.html":
            target = example_site / attribute(icon, "href").lstrip("/")
        png = target.read_bytes()
        assert png.startswith(b"\x89PNG\r\n\x1a\n"), page
        assert (int.from_bytes(png[16:20]), int.from_bytes(png[20:24])) == (180, 180)


@needs_nu_checker
def test_every_generated_page_passes_the_nu_html_checker(
    example_site: Path, built_minimal: Path, tmp_path: Path
) -> None:
    for site in (example_site, built_minimal):
        assert_nu_checker_passes(site)
    page = (example_site / "terms/generative-ai/index.html").read_text(encoding="utf-8")
    before, body_end, after = page.rpartition("</body>")
    broken = tmp_path / "broken.html"
    broken.write_text(f'{before}\n<p id="twice"></p><p id="twice"></p>\n{body_end}{after}', encoding="utf-8")
    line = before.count("\n") + 2
    assert nu_checker.problems(broken) == [f"{broken}:{line}: error: Duplicate ID “twice”."]


def test_the_term_graph_links_every_related_term_and_backlink(example_site: Path) -> None:
    soup = parse_html(example_site / "terms/generative-ai/index.html")
    graph = soup.select_one("aside.sidebar nav.term-graph svg")
    assert graph is not None and graph.get("style") is None
    nodes = {a["href"]: a for a in graph.select("a")}
    listed = soup.select(".related li a") + soup.select(".backlinks li a")
    assert len(listed) >= 10
    for link in listed:
        href = attribute(link, "href").replace("../../terms/", "../")  # the graph links like the body does
        assert href in nodes, href
        assert nodes[href]["aria-label"] == link.get_text(), "the full title names the node"
    assert not graph.select("[style]"), "the CSP forbids style attributes"
