"""The pages' own words (theme/labels/pages.yml) as site.yml's `labels` gives them."""

from __future__ import annotations

from pathlib import Path

from support import copy_site, parse_html, present, run_glossary, write_files

from glossary_site.pipeline import BuildOptions, build

LABELS = """
labels:
  definition: Definición
  practice_questions: Preguntas de práctica
  updated_on: "Actualizado el {date}"
  az_count: "{count} términos de la A a la Z; los otros nombres llevan a su término."
  terms_count: "{count} términos"
  terms_count_one: "{count} término"
  graph_of_terms_explained: "{nodes} y {links} entre ellos; cada círculo es un término."
"""

UNSORTED = """---
title: Scalar
summary: A single number.
definition: A **scalar** is a rank-0 tensor.
---
"""


def test_a_sites_labels_replace_the_pages_words(tmp_path: Path) -> None:
    """A glossary in Spanish reads in Spanish where the theme speaks: a term's headings and
    date, the home page's count and cards, the graph's sentence and its count of terms."""
    site = copy_site("minimal", tmp_path)
    config = site / "content/site.yml"
    config.write_text(config.read_text(encoding="utf-8") + LABELS, encoding="utf-8")
    write_files(site, {"content/terms/scalar.md": UNSORTED})
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr
    out = site / "_site"

    tensor = parse_html(out / "terms/tensor/index.html")
    assert present(tensor.select_one("#term-definition")).get_text() == "Definición"
    assert present(tensor.select_one("#term-faq")).get_text() == "Preguntas de práctica"
    updated = present(tensor.select_one(".term-meta .updated"))
    assert updated.get_text() == "Actualizado el 1 February 2025"
    assert present(updated.select_one("time"))["datetime"] == "2025-02-01"

    home = parse_html(out / "index.html")
    count = "4 términos de la A a la Z; los otros nombres llevan a su término."
    assert present(home.select_one(".az .count")).get_text() == count
    cards = [card.get_text() for card in home.select(".overview .card .count")]
    assert cards == ["2 términos", "1 término"]

    graph = parse_html(out / "graph/index.html")
    sentence = present(graph.select_one("main > .count")).get_text()
    assert sentence == "4 términos y 6 links entre ellos; cada círculo es un término.", "links_count kept"


def test_labels_changed_while_serving_are_used_by_the_next_build(tmp_path: Path) -> None:
    """serve keeps its templates between builds: their words, dates and numbers follow site.yml."""
    site = copy_site("minimal", tmp_path)
    options = BuildOptions(site, site / "_site", search=False, jobs=1, save_records=False)
    state = build(options).warm
    config = site / "content/site.yml"
    config.write_text(
        config.read_text(encoding="utf-8") + 'labels:\n  month_2: Februar\n  updated_on: "Stand: {date}"\n',
        encoding="utf-8",
    )

    assert build(options, state).ok(strict=False)

    updated = present(parse_html(site / "_site/terms/tensor/index.html").select_one(".term-meta .updated"))
    assert updated.get_text() == "Stand: 1 Februar 2025"


def test_a_one_term_glossary_counts_one_term(tmp_path: Path) -> None:
    """Was: the home page of a new glossary with its first term read "1 terms, A to Z"."""
    site = write_files(
        tmp_path / "site",
        {
            "content/site.yml": "title: First\nbase_url: https://first.example.org/\n",
            "content/terms/scalar.md": UNSORTED,
        },
    )
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr
    home = parse_html(site / "_site/index.html")
    count = "1 term, A to Z; other names point to the term they belong to."
    assert present(home.select_one(".az .count")).get_text() == count
