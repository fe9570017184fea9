"""The theme's words that page views make in Python (navigation, group pages, a term's table of
contents and neighbourhood, the graph pages, the tools index, structured data), as site.yml's
`labels` gives them."""

from __future__ import annotations

import json
from pathlib import Path

from support import attribute, copy_site, parse_html, present, run_glossary, string_of, tree_digest

from glossary_site import warm
from glossary_site.pipeline import BuildOptions, build

LABELS = """
labels:
  a_to_z: Von A bis Z
  categories: Kategorien
  tags: Schlagwörter
  tools: Werkzeuge
  graph: Netz
  search: Suche
  category: Kategorie
  tag_description: "Schlagwort {name} mit {count} Begriffen"
  tag_description_one: "Schlagwort {name} mit einem Begriff ({count})"
  definition: Begriffserklärung
  practice_questions: Übungsfragen
  glossary: Glossar
  graph_of_the_glossary: Netz des Glossars
  terms_count: "{count} Begriffe"
  links_count: "{count} Verknüpfungen"
  links_count_one: "{count} Verknüpfung"
  legend_related: verwandt
  legend_links_to: verweist auf
  legend_linked_from: verlinkt von
  tools_description: "Werkzeuge, die {site} empfiehlt"
"""
KINDS = ("verwandt", "verweist auf", "verlinkt von")


def test_labels_in_site_yml_replace_the_words_page_views_make(tmp_path: Path) -> None:
    site = copy_site("example", tmp_path)
    settings = site / "content/site.yml"
    settings.write_text(settings.read_text(encoding="utf-8") + LABELS, encoding="utf-8")
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr
    out = site / "_site"

    home = parse_html(out / "index.html")
    nav = [a.get_text(strip=True) for a in home.select("header nav.site-nav a")]
    assert nav == ["Von A bis Z", "Kategorien", "Schlagwörter", "Werkzeuge", "Netz", "Suche"]

    term = parse_html(out / "terms/deepfake/index.html")
    toc = [a.get_text(strip=True) for a in term.select("nav.toc a")]
    assert toc[0] == "Begriffserklärung" and "Übungsfragen" in toc
    assert "Definition" not in toc and "Practice questions" not in toc
    legend = [li.get_text(strip=True) for li in term.select("nav.term-graph .graph-legend li")]
    assert legend and set(legend) <= set(KINDS)
    tips = [string_of(title) for title in term.select("nav.term-graph a.graph-node title")]
    assert tips and all(tip.endswith(tuple(f"{kind})" for kind in KINDS)) for tip in tips)
    blocks = [json.loads(string_of(s)) for s in term.select('script[type="application/ld+json"]')]
    crumbs = next(b for b in blocks if b["@type"] == "BreadcrumbList")["itemListElement"]
    assert crumbs[0]["name"] == "Glossar"

    graph = parse_html(out / "graph/index.html")
    assert present(graph.select_one("h1")).get_text() == "Netz des Glossars"
    count = present(graph.select_one(".count")).get_text()
    assert count.startswith("37 Begriffe ") and " Verknüpfungen " in count
    says = [string_of(title) for title in graph.select("svg.graph-whole a.graph-node title")]
    assert says and all(tip.endswith((" Verknüpfungen)", " Verknüpfung)")) for tip in says)

    group = parse_html(out / "categories/concepts/index.html")
    assert present(group.select_one("h1 .kind")).get_text() == "Kategorie:"
    assert [a.get_text() for a in group.select("nav.breadcrumb a")][-1] == "Kategorien"
    tag = parse_html(out / "tags/agents/index.html")
    description = attribute(present(tag.select_one('meta[name="description"]')), "content")
    assert description == "Schlagwort agents mit einem Begriff (1)"
    listing = parse_html(out / "categories/index.html")
    assert present(listing.select_one("h1")).get_text(strip=True) == "Kategorien"

    tools = parse_html(out / "tools/index.html")
    assert present(tools.select_one("h1")).get_text(strip=True) == "Werkzeuge"
    description = attribute(present(tools.select_one('meta[name="description"]')), "content")
    assert description == "Werkzeuge, die AI Glossary empfiehlt"


def test_a_link_saved_while_serving_remakes_the_graph_page_in_the_sites_words(tmp_path: Path) -> None:
    """serve's warm path remakes the graph pages when links change: in the labels' words, as a
    clean build writes them."""
    site = copy_site("minimal", tmp_path)
    config = site / "content/site.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + "labels:\n  graph_of_the_glossary: Begriffsnetz\n",
        encoding="utf-8",
    )
    options = BuildOptions(site, site / "_site", search=False, jobs=1, save_records=False)
    state = build(options).warm
    assert state is not None
    training = site / "content/terms/model-training.md"
    text = training.read_text(encoding="utf-8")
    training.write_text(
        text.replace("fits parameters to data", "fits [[tensor]] parameters to data"), "utf-8"
    )

    assert warm.apply_edit(state, site, site / "_site", "content/terms/model-training.md") is not None
    assert present(parse_html(site / "_site/graph/index.html").h1).get_text() == "Begriffsnetz"
    assert build(BuildOptions(site, tmp_path / "clean", search=False, use_cache=False, jobs=1)).ok(
        strict=False
    )
    assert tree_digest(site / "_site") == tree_digest(tmp_path / "clean")
