"""/graph/ in the built site: every term of the example on it as a link that works, the
pages it adds listed in the sitemap, and the whole output byte-identical whatever the order
files are found in and the number of workers."""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

from bs4 import BeautifulSoup
from support import copy_site, local_targets, parse_html, present, run_glossary, tree_digest, write_files

from glossary_site.neighbourhood import MAX_NEIGHBOURS

CATEGORIES = ("Firing", "Glazing", "Forming")


def listed_lines(page: BeautifulSoup) -> tuple[list[str], set[frozenset[str]]]:
    """The terms of "Lines in the graph" in their order, and the lines it names, each checked
    to be named from both its ends, after checking it names exactly the lines drawn: a line
    of the picture ends at the centres of the two nodes it joins."""
    nodes = page.select("svg.graph-whole a.graph-node")
    at = {(str(c["cx"]), str(c["cy"])): str(a["aria-label"]) for a in nodes for c in [present(a.circle)]}
    href = {str(a["aria-label"]): str(a["href"]) for a in nodes}
    drawn = {
        frozenset((at[(str(line["x1"]), str(line["y1"]))], at[(str(line["x2"]), str(line["y2"]))]))
        for line in page.select("svg.graph-whole line.graph-link")
    }
    section = present(page.select_one("main section.graph-lines"))
    assert present(section.h2).get_text() == "Lines in the graph"
    assert present(section.select_one("details > summary")).get_text() == (
        "Each term and the terms its lines join it to, A to Z"
    )
    order, ends = [], set()
    for item in section.select("details > ul > li"):
        term = present(item.a)
        order.append(term.get_text())
        others = item.select(":scope > ul > li > a")
        assert term["href"] == href[term.get_text()] and all(a["href"] == href[a.get_text()] for a in others)
        if not others:
            assert item.get_text(strip=True) == f"{term.get_text()}: no lines"
        ends |= {(term.get_text(), a.get_text()) for a in others}
    assert sorted(order) == sorted(href), "every drawn term once"
    assert ends == {(b, a) for a, b in ends}, "each line from both its ends"
    assert {frozenset(pair) for pair in ends} == drawn
    return order, drawn


def test_the_example_graph_links_every_term(tmp_path: Path) -> None:
    site = copy_site("example", tmp_path)
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr
    out = site / "_site"
    terms = {item["title"]: item for item in json.loads((out / "terms.json").read_text())}
    page = parse_html(out / "graph/index.html")

    nodes = page.select("svg.graph-whole a.graph-node")
    assert sorted(node["aria-label"] for node in nodes) == sorted(terms)
    for node in nodes:
        assert node["href"] == f"../terms/{terms[node['aria-label']]['slug']}/index.html"
    broken = [href for href, target, _ in local_targets(out, out / "graph/index.html") if not target.exists()]
    assert broken == []
    assert present(page.select_one("h1")).get_text() == "Graph of the glossary"
    order, lines = listed_lines(page)
    assert order == list(terms), "A to Z, as terms.json"
    title_of = {item["slug"]: title for title, item in terms.items()}
    related = {
        frozenset((title, title_of[slug])) for title, item in terms.items() for slug in item["related"]
    }
    assert related <= lines, "every related term joined, besides the links in the text"
    assert present(page.select_one(".count")).get_text().startswith(f"{len(terms)} terms and ")
    current = page.select_one("header nav a[aria-current=page]")
    assert current is not None and current.get_text(strip=True) == "Graph"

    flagship = parse_html(out / "terms/generative-ai/index.html")
    whole = flagship.select_one("nav.term-graph .graph-all a")
    assert whole is not None and whole["href"] == "../../graph/index.html"
    # The neighbours past the drawing's limit are said as such, not as "and 8 more" after the
    # legend, which read as more kinds of line.
    for slug in ("generative-ai", "large-language-model"):
        term_graph = present(parse_html(out / f"terms/{slug}/index.html").select_one("nav.term-graph"))
        said = present(term_graph.select_one(".graph-more")).get_text()
        count = int(said.split()[0])
        plural = f"{count} other linked terms are not drawn"
        assert said == (plural if count > 1 else "1 other linked term is not drawn")
        assert len(term_graph.select("a.graph-node")) == MAX_NEIGHBOURS  # the term itself is no link
    locs = [loc.split("</loc>")[0] for loc in (out / "sitemap.xml").read_text().split("<loc>")[1:]]
    assert [loc for loc in locs if "/graph/" in loc] == [locs[0] + "graph/"]


TERM = """---
title: {title}
summary: {title}, one of many generated terms.
definition: "The definition of {title}."
category: {category}
related: [{related}]
---
"""


def many_terms(root: Path, count: int, reverse: bool, categories: tuple[str, ...] = CATEGORIES) -> Path:
    """`count` terms in three categories, each related to the next and to one far away; the
    files are written in reverse order for the second site."""
    files = {}
    for i in range(count):
        related = f"term-{(i + 1) % count:03d}, term-{(i * 7 + 3) % count:03d}"
        files[f"content/terms/term-{i:03d}.md"] = TERM.format(
            title=f"Term {i:03d}", category=categories[i % 3], related=related
        )
    files["content/site.yml"] = "title: Many terms\nbase_url: https://many.example.com/\n"
    ordered = dict(reversed(files.items())) if reverse else files
    return write_files(root, ordered)


def test_output_is_identical_whatever_the_file_order_and_the_workers(tmp_path: Path) -> None:
    """Above 100 terms /graph/ shows categories, each with its own graph: laid out by the
    workers, so this is where an order or a process could leak into the bytes."""
    first = many_terms(tmp_path / "first", 150, reverse=False)
    second = many_terms(tmp_path / "second", 150, reverse=True)
    digests = []
    for site, jobs in ((first, "1"), (second, "2"), (first, "3")):
        out = tmp_path / f"out-{site.name}-{jobs}"
        result = run_glossary("build", "--no-cache", "--no-search", "--jobs", jobs, "--out", out, cwd=site)
        assert result.returncode == 0, result.stderr
        digests.append(tree_digest(out))
    assert sorted(digests[0]) == sorted(digests[1]) == sorted(digests[2])
    assert {"graph/index.html", "graph/firing/index.html", "graph/forming/index.html"} <= set(digests[0])
    assert digests[0] == digests[1] == digests[2]
    overview = parse_html(tmp_path / "out-first-1/graph/index.html")
    assert [a["aria-label"] for a in overview.select("a.graph-node")] == ["Firing", "Forming", "Glazing"]


def test_categories_named_in_chinese_or_arabic_have_graphs_that_link_both_ways(tmp_path: Path) -> None:
    """Was: the build failed, as such a name had no a-z letter for its page's address."""
    site = many_terms(tmp_path / "site", 150, reverse=False, categories=("机器学习", "تعلم الآلة", "Firing"))
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr
    out = site / "_site"

    overview = parse_html(out / "graph/index.html")
    nodes = {str(a["aria-label"]): str(a["href"]) for a in overview.select("a.graph-node")}
    assert nodes == {
        "Firing": "firing/index.html",
        "تعلم الآلة": urllib.parse.quote("تعلم-الآلة") + "/index.html",
        "机器学习": urllib.parse.quote("机器学习") + "/index.html",
    }
    pages = ["graph/index.html", "graph/机器学习/index.html", "graph/تعلم-الآلة/index.html"]
    broken = [
        href for page in pages for href, target, _ in local_targets(out, out / page) if not target.is_file()
    ]
    assert broken == []
    chart = parse_html(out / "graph/机器学习/index.html")
    # Term i is related to term (7i + 3) % 150, of its category, and to term i + 1, of another;
    # a category's graph draws the lines among its drawn terms (Firing's include terms with none)
    pairs = {frozenset((f"Term {i:03d}", f"Term {(7 * i + 3) % 150:03d}")) for i in range(150)}
    for category in (chart, parse_html(out / "graph/firing/index.html")):
        order, lines = listed_lines(category)
        assert order == sorted(order) and len(order) == 40
        assert lines == {pair for pair in pairs if len(pair) == 2 and pair <= set(order)}
    assert "no lines" in present(category.select_one(".graph-lines")).get_text()
    listing = [str(a["href"]) for a in chart.select("main a") if "categories" in str(a["href"])]
    assert listing == ["../../categories/" + urllib.parse.quote("机器学习") + "/index.html"]
