"""The pages' own words (theme/labels/pages.yml) as site.yml's `labels` gives them, or the
theme's translation into the site's language (theme/translations)."""

from __future__ import annotations

import json
import re
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

CONCEPT = """---
title: {name}
summary: A term among the concepts.
definition: A **{name}** is a concept.
category: Concepts
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


def test_a_german_site_reads_german_throughout_and_its_own_labels_still_win(tmp_path: Path) -> None:
    """`language: de-AT` needs no `labels` for German theme words (German is shipped, and
    Austrian German is German): headings, dates, counts, the 404 page and the scripts' words;
    a label site.yml gives is shown over the German one. And the punctuation the theme puts
    around content is the language's: Japanese puts a full-width colon after "カテゴリ" in a
    category's title and parts lists with "、" (was: ": " and an English ", " in the graph's
    tooltips). Chinese in Taiwan (`zh-TW`) reads Traditional characters, and Russian counts in
    its three forms."""
    site = copy_site("minimal", tmp_path)
    config = site / "content/site.yml"
    written = config.read_text(encoding="utf-8").replace("language: en", "language: de-AT")
    config.write_text(written + "labels:\n  practice_questions: Testen Sie sich\n", encoding="utf-8")
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr
    out = site / "_site"

    tensor = parse_html(out / "terms/tensor/index.html")
    assert present(tensor.select_one("#term-definition")).get_text() == "Definition"
    assert present(tensor.select_one("#term-faq")).get_text() == "Testen Sie sich", "the site's label wins"
    assert present(tensor.select_one(".term-meta .updated")).get_text() == "Aktualisiert am 1. Februar 2025"
    assert present(tensor.select_one(".skip-link")).get_text() == "Zum Inhalt springen"
    assert present(tensor.select_one("nav.breadcrumb"))["aria-label"] == "Brotkrümelnavigation"

    home = parse_html(out / "index.html")
    count = "3 Begriffe von A bis Z; andere Namen verweisen auf den zugehörigen Begriff."
    assert present(home.select_one(".az .count")).get_text() == count
    assert [a.get_text() for a in home.select(".site-nav a")][:2] == ["A–Z", "Kategorien"]
    assert present(parse_html(out / "404.html").select_one("h1")).get_text() == "Seite nicht gefunden"

    script = (out / "assets/labels.js").read_text(encoding="utf-8")
    given = re.search(r"window.glossaryLabels = (.*);", script)
    assert given is not None
    said = json.loads(given.group(1))
    assert said["no_results_found"] == "Keine Ergebnisse gefunden"
    assert said["practice_questions"] == "Testen Sie sich"

    config.write_text(written.replace("language: de-AT", "language: ja"), encoding="utf-8")
    assert build(BuildOptions(site, site / "_ja", search=False, jobs=1, save_records=False)).ok(strict=False)
    category = parse_html(site / "_ja/categories/concepts/index.html")
    assert present(category.select_one("h1")).get_text() == "カテゴリ：Concepts"
    assert present(category.select_one("h1 .kind")).get_text() == "カテゴリ："
    assert present(category.title).get_text() == "カテゴリ：Concepts · Mini Glossary"
    training = parse_html(site / "_ja/terms/model-training/index.html")
    tooltips = [title.get_text() for title in training.select(".term-graph a.graph-node title")]
    assert "Graphics processing unit（関連、リンク先、リンク元）" in tooltips, tooltips

    config.write_text(written.replace("language: de-AT", "language: zh-TW"), encoding="utf-8")
    assert build(BuildOptions(site, site / "_zh", search=False, jobs=1, save_records=False)).ok(strict=False)
    home = parse_html(site / "_zh/index.html")
    assert [a.get_text() for a in home.select(".site-nav a")][:2] == ["A–Z", "分類"], "not 分类"
    assert present(home.select_one(".skip-link")).get_text() == "跳到主要內容"

    # Russian has three forms of the plural: 1 термин, 4 термина, 5 терминов (was: "4 терминов")
    more = {f"content/terms/{name}.md": CONCEPT.format(name=name) for name in ("scalar", "vector")}
    write_files(site, more)
    config.write_text(written.replace("language: de-AT", "language: ru"), encoding="utf-8")
    assert build(BuildOptions(site, site / "_ru", search=False, jobs=1, save_records=False)).ok(strict=False)
    home = parse_html(site / "_ru/index.html")
    count = "5 терминов от А до Я; другие названия ведут к своему термину."
    assert present(home.select_one(".az .count")).get_text() == count
    cards = [card.get_text() for card in home.select(".overview .card .count")]
    assert cards == ["4 термина", "1 термин"]
    tensor = parse_html(site / "_ru/terms/tensor/index.html")
    assert present(tensor.select_one(".term-meta .updated")).get_text() == "Обновлено 1 февраля 2025 г."


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


def test_a_misspelt_label_or_a_placeholder_left_out_in_a_template_is_said_in_words(tmp_path: Path) -> None:
    """Was: `'types.SimpleNamespace object' has no attribute 'serch_button'` for
    `labels.serch_button`, and `KeyError: 'serch_button'` or `KeyError: 'count'` for `t(...)`;
    now the label meant, or the value the label needs. A label that may be missing still
    takes `default`."""
    site = copy_site("minimal", tmp_path)
    head = (
        "{{ labels.serch_button }}\n"
        '{{ t("serch_button") }}\n'
        '{{ t("terms_count") }}\n'
        '{{ t("no_page_here", index="A-Z") }}\n'
        '<meta name="x" content="{{ labels.mine | default(labels.search_button) }}">\n'
    )
    for line, expected in enumerate(
        (
            "no label 'serch_button'; did you mean 'search_button'?",
            "t(): no label 'serch_button'; did you mean 'search_button'?",
            "t('terms_count') needs count=..., as the label has {count}",
            "t('no_page_here') needs search=..., as the label has {search}",
        ),
        1,
    ):
        write_files(site, {"templates/partials/head.html": head.splitlines(keepends=True)[line - 1]})
        result = run_glossary("build", "--no-search", cwd=site)
        problems = [text for text in result.stderr.splitlines() if text.startswith("templates/")]
        assert result.returncode == 1
        assert len(problems) == 1
        assert problems[0].startswith(f"templates/partials/head.html:1: template error: {expected} (making ")
        assert "Traceback" not in result.stderr
    write_files(site, {"templates/partials/head.html": head.splitlines()[-1]})
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    meta = present(parse_html(site / "_site/index.html").select_one('meta[name="x"]'))
    assert meta["content"] == "Search"
