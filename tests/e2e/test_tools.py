"""Tools as content: checked like terms, linked from terms, listed on their own pages, and the
Stack Builder generated from site.yml."""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path

import pytest
from support import (
    attribute,
    copy_site,
    parse_html,
    present,
    run_glossary,
    string_of,
    tree_digest,
    write_files,
)

from glossary_site import warm
from glossary_site.pipeline import BuildOptions, build

SETTINGS = """
tools:
  categories:
    Models: Models you can call or run.
    Databases: Where vectors live.
  attributes:
    layer: [model, vector-store]
    pricing: [free, paid]
stack_builder:
  title: Stack Builder
  intro: Two questions, one tool per layer.
  questions:
    - id: budget
      question: What is your budget?
      answers:
        - id: free
          label: Free only
          prefer: {pricing: free}
        - id: any
          label: Anything
          prefer: {}
  layers:
    - id: model
      title: Model
      tools: {layer: model}
    - id: store
      title: Vector store
      tools: {layer: vector-store}
"""

TOOLS = {
    "content/tools/tpu-cloud.md": """---
title: TPU Cloud
summary: Rented tensor chips.
url: https://cloud.example.org/tpu
aliases: [TPUs]
category: Models
attributes:
  layer: model
  pricing: paid
updated: 2025-02-01
---

Runs [[tensor]] maths at scale.
""",
    "content/tools/open-model.md": """---
title: Open Model
summary: A model you can download.
url: /terms/tensor/
category: Models
attributes:
  layer: model
  pricing: free
---
""",
    "content/tools/vector-box.md": """---
title: Vector Box
summary: Stores embeddings.
url: https://vectorbox.example.org/
category: Databases
attributes: {layer: vector-store, pricing: [free, paid]}
---
""",
}


def tool_site(tmp_path: Path, extra: dict[str, str] | None = None, settings: str = SETTINGS) -> Path:
    site = copy_site("minimal", tmp_path)
    config = site / "content/site.yml"
    config.write_text(config.read_text(encoding="utf-8") + settings, encoding="utf-8")
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8").replace(
        "\n---\n",
        "\ntools: [TPUs]\n---\n\nSee [[tool:Vector Box|a vector store]] and [[tool:tpu-cloud]].\n",
        1,
    )
    tensor.write_text(text, encoding="utf-8")
    write_files(site, {**TOOLS, **(extra or {})})
    return site


def errors(site: Path) -> list[str]:
    result = run_glossary("check", cwd=site)
    assert "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    found = [line for line in lines if ": warning: " not in line]
    assert (result.returncode == 1) == bool(found), result.stderr
    return found


@pytest.fixture()
def built(tmp_path: Path) -> Path:
    site = tool_site(tmp_path)
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    return site / "_site"


def test_a_term_shows_its_tools_and_each_tool_lists_the_terms_that_mention_it(built: Path) -> None:
    term = parse_html(built / "terms/tensor/index.html")
    block = term.select_one("section.related-tools")
    assert block is not None and present(block.h2).get_text() == "Related on Mini Glossary"
    cards = [
        (present(li.a).get_text(), present(li.a)["href"], present(li.p).get_text())
        for li in block.select("li")
    ]
    assert cards == [("TPU Cloud", "../../tools/tpu-cloud/index.html", "Rented tensor chips.")]
    inline = [(a.get_text(), a["href"]) for a in term.select("a.toollink")]
    assert inline == [
        ("a vector store", "../../tools/vector-box/index.html"),
        ("tpu-cloud", "../../tools/tpu-cloud/index.html"),
    ], "a link without a label shows the name as written, without 'tool:'"
    for slug in ("tpu-cloud", "vector-box"):
        tool = parse_html(built / f"tools/{slug}/index.html")
        assert [a["href"] for a in tool.select("section.mentions a")] == ["../../terms/tensor/index.html"]
    lonely = parse_html(built / "tools/open-model/index.html")
    assert lonely.select("section.mentions a") == []
    assert present(lonely.select_one(".tool-visit"))["href"] == "../../terms/tensor/index.html"


def test_a_tool_page_has_its_facts_body_links_and_structured_data(built: Path) -> None:
    page = parse_html(built / "tools/tpu-cloud/index.html")
    assert present(page.h1).get_text() == "TPU Cloud"
    assert present(page.select_one(".tool-visit"))["href"] == "https://cloud.example.org/tpu"
    rows = {
        present(tr.th).get_text(): present(tr.td).get_text() for tr in page.select("table.tool-attributes tr")
    }
    assert rows == {"Layer": "model", "Pricing": "paid"}
    link = present(page.select_one(".prose a.wikilink"))
    assert (link.get_text(), link["href"]) == ("tensor", "../../terms/tensor/index.html")
    data = [json.loads(string_of(s)) for s in page.select('script[type="application/ld+json"]')]
    assert [d["@type"] for d in data] == ["SoftwareApplication"]
    assert data[0]["url"] == "https://cloud.example.org/tpu" and data[0]["alternateName"] == ["TPUs"]
    assert "Tools" in [a.get_text() for a in page.select(".site-nav a")]


def test_values_declared_with_labels_show_as_them_on_tool_pages_and_as_themselves_elsewhere(
    tmp_path: Path,
) -> None:
    labelled = SETTINGS.replace(
        "    pricing: [free, paid]\n", "    pricing:\n      free: Free of charge\n      paid: Paid plans\n"
    )
    site = tool_site(tmp_path, settings=labelled)
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    shown = {}
    for slug in ("tpu-cloud", "vector-box"):
        page = parse_html(site / f"_site/tools/{slug}/index.html")
        rows = page.select("table.tool-attributes tr")
        shown[slug] = {present(tr.th).get_text(): present(tr.td).get_text() for tr in rows}
    assert shown == {
        "tpu-cloud": {"Layer": "model", "Pricing": "Paid plans"},
        "vector-box": {"Layer": "vector-store", "Pricing": "Free of charge, Paid plans"},
    }
    tools = json.loads((site / "_site/tools.json").read_text("utf-8"))
    assert {item["slug"]: item["attributes"]["pricing"] for item in tools} == {
        "open-model": ["free"],
        "tpu-cloud": ["paid"],
        "vector-box": ["free", "paid"],
    }
    builder = (site / "_site/stack-builder/index.html").read_text("utf-8")
    assert "Free of charge" not in builder, "the Stack Builder selects by the values"


def test_a_dated_tool_page_tells_search_engines_the_day_it_last_changed(built: Path) -> None:
    """Was: no date in the JSON-LD, though the page shows its `updated` date; the date is the
    page's, not the tool's own release, and an undated tool still claims none."""
    dated = parse_html(built / "tools/tpu-cloud/index.html")
    data = json.loads(string_of(present(dated.select_one('script[type="application/ld+json"]'))))
    assert data["mainEntityOfPage"] == {
        "@type": "WebPage",
        "url": "https://example.org/docs/tools/tpu-cloud/",
        "dateModified": "2025-02-01",
    }
    assert "dateModified" not in data
    undated = parse_html(built / "tools/open-model/index.html")
    data = json.loads(string_of(present(undated.select_one('script[type="application/ld+json"]'))))
    assert data["mainEntityOfPage"] == "https://example.org/docs/tools/open-model/"
    assert "dateModified" not in json.dumps(data)


def test_the_tools_index_groups_tools_in_site_order(built: Path) -> None:
    page = parse_html(built / "tools/index.html")
    groups = [
        (present(s.h2).get_text(), [a.get_text() for a in s.select(".card a")])
        for s in page.select(".tool-group")
    ]
    assert groups == [("Models", ["Open Model", "TPU Cloud"]), ("Databases", ["Vector Box"])]
    assert (
        present(page.select_one(".tool-group .group-description")).get_text() == "Models you can call or run."
    )


def test_without_declared_categories_groups_are_sorted_by_name_and_other_tools_come_last(
    tmp_path: Path,
) -> None:
    undeclared = SETTINGS.replace(
        "  categories:\n    Models: Models you can call or run.\n    Databases: Where vectors live.\n", ""
    )
    bare = "---\ntitle: Bare Tool\nsummary: No category.\nurl: https://bare.example.org/\n---\n"
    site = tool_site(tmp_path, {"content/tools/bare-tool.md": bare}, settings=undeclared)
    for name, old, new in [("tpu-cloud", "Models", "Zebra"), ("vector-box", "Databases", "Apps")]:
        tool = site / f"content/tools/{name}.md"
        tool.write_text(tool.read_text(encoding="utf-8").replace(f"category: {old}", f"category: {new}"))

    assert run_glossary("build", cwd=site).returncode == 0
    page = parse_html(site / "_site/tools/index.html")
    assert [present(s.h2).get_text() for s in page.select(".tool-group")] == [
        "Apps",
        "Models",
        "Zebra",
        "Other tools",
    ]


def test_a_category_named_as_the_group_of_tools_without_one_is_a_group_of_its_own(tmp_path: Path) -> None:
    """Was: one group, 'Other tools', holding both the tools of that category and those with
    none, all under the category's description."""
    settings = SETTINGS.replace(
        "    Databases: Where vectors live.\n", "    Other tools: Picked for odd jobs.\n"
    )
    bare = "---\ntitle: Bare Tool\nsummary: No category.\nurl: https://bare.example.org/\n---\n"
    site = tool_site(tmp_path, {"content/tools/bare-tool.md": bare}, settings=settings)
    vector = site / "content/tools/vector-box.md"
    vector.write_text(
        vector.read_text(encoding="utf-8").replace("category: Databases", "category: Other tools")
    )

    assert run_glossary("build", cwd=site).returncode == 0
    page = parse_html(site / "_site/tools/index.html")
    groups = [
        (
            section.get("id") or present(section.h2).get("id"),
            present(section.h2).get_text(),
            [a.get_text() for a in section.select(".card a")],
            [p.get_text() for p in section.select(".group-description")],
        )
        for section in page.select(".tool-group")
    ]
    assert [group[1:] for group in groups] == [
        ("Models", ["Open Model", "TPU Cloud"], ["Models you can call or run."]),
        ("Other tools", ["Vector Box"], ["Picked for odd jobs."]),
        ("Other tools", ["Bare Tool"], []),
    ]
    assert [group[0] for group in groups] == ["tools-models", "tools-other-tools", "tools-other-tools-2"]


def test_undeclared_tool_categories_follow_the_a_to_z_order_case_and_accents_aside(tmp_path: Path) -> None:
    """The tools page's other categories are a list of groups, which follows the A to Z as the
    categories page does: 'éditeurs' is under E, not after Zebra as a code-point sort puts it."""
    undeclared = SETTINGS.replace(
        "  categories:\n    Models: Models you can call or run.\n    Databases: Where vectors live.\n", ""
    )
    site = tool_site(tmp_path, settings=undeclared)
    for name, old, new in [("tpu-cloud", "Models", "Zebra"), ("vector-box", "Databases", "éditeurs")]:
        tool = site / f"content/tools/{name}.md"
        tool.write_text(tool.read_text(encoding="utf-8").replace(f"category: {old}", f"category: {new}"))

    assert run_glossary("build", cwd=site).returncode == 0
    page = parse_html(site / "_site/tools/index.html")
    assert [present(s.h2).get_text() for s in page.select(".tool-group")] == ["éditeurs", "Models", "Zebra"]


def test_undeclared_tool_categories_spelt_in_another_letter_case_are_one_group(tmp_path: Path) -> None:
    """Was two groups, 'models' and 'Models', each with one tool, as if two categories; terms'
    categories spelt so are one already."""
    undeclared = SETTINGS.replace(
        "  categories:\n    Models: Models you can call or run.\n    Databases: Where vectors live.\n", ""
    )
    site = tool_site(tmp_path, settings=undeclared)
    tool = site / "content/tools/tpu-cloud.md"
    tool.write_text(tool.read_text(encoding="utf-8").replace("category: Models", "category: models "))

    assert run_glossary("build", cwd=site).returncode == 0
    page = parse_html(site / "_site/tools/index.html")
    groups = {
        present(s.h2).get_text(): [a.get_text() for a in s.select("h3 a")] for s in page.select(".tool-group")
    }
    assert groups == {"Databases": ["Vector Box"], "Models": ["Open Model", "TPU Cloud"]}


def test_tools_json_and_the_sitemap_include_tools(built: Path) -> None:
    data = json.loads((built / "tools.json").read_text(encoding="utf-8"))
    by_slug = {item["slug"]: item for item in data}
    assert set(by_slug) == {"open-model", "tpu-cloud", "vector-box"}
    assert by_slug["tpu-cloud"]["terms"] == ["tensor"]
    assert by_slug["vector-box"]["attributes"] == {"layer": ["vector-store"], "pricing": ["free", "paid"]}
    assert by_slug["tpu-cloud"]["page"] == "https://example.org/docs/tools/tpu-cloud/"
    sitemap = (built / "sitemap.xml").read_text(encoding="utf-8")
    for path in ("tools/", "tools/tpu-cloud/", "stack-builder/"):
        assert f"<loc>https://example.org/docs/{path}</loc>" in sitemap


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("mailto:nail@example.org", "mailto:nail@example.org"),  # was under base_url, a 404
        ("HTTPS://Nail.example.org/Get", "https://Nail.example.org/Get"),  # was under base_url
        ("../../terms/tensor/", "https://example.org/docs/terms/tensor/"),  # was relative / outside
        ("/terms/tensor/", "https://example.org/docs/terms/tensor/"),
        # were given with the raw letters, an address a program cannot request as it is
        ("/preise/für-alle.html", "https://example.org/docs/preise/f%C3%BCr-alle.html"),
        ("../../preise/für-alle.html", "https://example.org/docs/preise/f%C3%BCr-alle.html"),
        ("/preise/f%C3%BCr-alle.html", "https://example.org/docs/preise/f%C3%BCr-alle.html"),
    ],
)
def test_a_tools_url_is_one_working_absolute_address_in_tools_json_and_structured_data(
    tmp_path: Path, url: str, expected: str
) -> None:
    nail = f"---\ntitle: Nail\nsummary: Holds things.\nurl: {url}\n---\n"
    prices = {"static/preise/für-alle.html": "<p>Preise</p>"}
    site = tool_site(tmp_path, {"content/tools/nail.md": nail, **prices})
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    tools = json.loads((site / "_site/tools.json").read_text("utf-8"))
    listed = {item["slug"]: item["url"] for item in tools}
    page = parse_html(site / "_site/tools/nail/index.html")
    data = [json.loads(string_of(s)) for s in page.select('script[type="application/ld+json"]')]
    visit = str(present(page.select_one(".tool-visit"))["href"])
    assert (listed["nail"], data[0]["url"]) == (expected, expected)
    served = urllib.parse.urljoin("https://example.org/docs/tools/nail/index.html", visit)
    requested = urllib.parse.quote(served, safe=":/%@")  # as a browser sends it
    assert requested.removesuffix("index.html") == expected, "the Visit link leads to the same address"


def test_a_tool_alias_repeating_a_name_is_warned_at_its_line_and_not_shown_again(tmp_path: Path) -> None:
    """Was: no warning, and "Also known as Nailer, NAILER, nail" on the page of Nail, and
    alternateName and tools.json with all three."""
    aliases = "aliases:\n  - Nailer\n  - NAILER\n  - nail\n"
    nail = f"---\ntitle: Nail\nsummary: Holds things.\nurl: /tools/\n{aliases}---\n"
    site = tool_site(tmp_path, {"content/tools/nail.md": nail})
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "content/tools/nail.md:7: warning: alias 'NAILER' is listed already (line 6)" in result.stderr
    assert "content/tools/nail.md:8: warning: alias 'nail' is the title itself; remove it" in result.stderr
    page = parse_html(site / "_site/tools/nail/index.html")
    assert [a.get_text() for a in page.select(".aliases .alias")] == ["Nailer"]
    data = [json.loads(string_of(s)) for s in page.select('script[type="application/ld+json"]')]
    assert data[0]["alternateName"] == ["Nailer"]
    listed = {item["slug"]: item for item in json.loads((site / "_site/tools.json").read_text("utf-8"))}
    assert listed["nail"]["aliases"] == ["Nailer"]


def test_an_attribute_value_listed_twice_is_warned_at_its_line_and_shown_once(tmp_path: Path) -> None:
    """Was: no warning, and "Pricing: free, paid, free" on the tool's page and in tools.json."""
    attributes = "attributes:\n  pricing:\n    - free\n    - paid\n    - free\n"
    box = f"---\ntitle: Box\nsummary: Holds things.\nurl: /tools/\n{attributes}---\n"
    site = tool_site(tmp_path, {"content/tools/box.md": box})
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert (
        "content/tools/box.md:9: warning: value 'free' of the attribute 'pricing' is listed already "
        "(line 7); remove one"
    ) in result.stderr
    page = parse_html(site / "_site/tools/box/index.html")
    assert [td.get_text(strip=True) for td in page.select("main td")] == ["free, paid"]
    listed = {item["slug"]: item for item in json.loads((site / "_site/tools.json").read_text("utf-8"))}
    assert listed["box"]["attributes"] == {"pricing": ["free", "paid"]}


def test_a_tag_a_tool_file_lists_twice_is_warned_at_its_line_and_kept_once(tmp_path: Path) -> None:
    """Was: no warning, as a term's tag listed twice has, and tools.json with all three."""
    box = "---\ntitle: Box\nsummary: Holds things.\nurl: /tools/\ntags: [storage, Storage, Boxes]\n---\n"
    site = tool_site(tmp_path, {"content/tools/box.md": box})
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "content/tools/box.md:5: warning: tag 'Storage' is listed twice; remove one" in result.stderr
    listed = {item["slug"]: item for item in json.loads((site / "_site/tools.json").read_text("utf-8"))}
    assert listed["box"]["tags"] == ["storage", "Boxes"]


def test_a_blank_category_in_a_tool_file_is_an_error_as_in_a_term(tmp_path: Path) -> None:
    """Was: `category: ""` listed the tool under no category, silently."""
    box = '---\ntitle: Box\nsummary: Holds things.\nurl: /tools/\ncategory: " "\n---\n'
    site = tool_site(tmp_path, {"content/tools/box.md": box})
    result = run_glossary("check", cwd=site)
    assert result.returncode == 1
    message = "content/tools/box.md:5: 'category' must be non-empty text; to have no category, remove the key"
    assert message in result.stderr.splitlines()


def test_a_tool_body_that_opens_with_the_title_as_a_heading_is_warned_to_delete_it(tmp_path: Path) -> None:
    """Was silent: the page showed the tool's title twice, as its heading and the body's first."""
    box = "---\ntitle: Box\nsummary: Holds things.\nurl: /tools/\n---\n\n# Box\n\nIt holds things.\n"
    site = tool_site(tmp_path, {"content/tools/box.md": box})
    result = run_glossary("check", cwd=site)
    assert result.returncode == 0, result.stderr
    message = (
        "content/tools/box.md:7: warning: this heading repeats the tool's title, which its page shows "
        "as its heading already; delete this line"
    )
    assert message in result.stderr.splitlines()


def test_a_todo_or_words_yaml_cut_off_in_a_tool_file_are_warned_at_their_lines(tmp_path: Path) -> None:
    """Was silent: the tools page showed "TODO" and a summary cut at ' #', which a term file
    is warned of."""
    unfinished = """---
title: Half Done
summary: A tool that # everyone uses
url: https://half.example.org/
tags: [TODO tag]
---

TODO say what it does.
"""
    site = tool_site(tmp_path, {"content/tools/half-done.md": unfinished})
    result = run_glossary("check", cwd=site)
    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("content/tools/")] == [
        "content/tools/half-done.md:3: warning: the text after ' #' is a YAML comment and is left out "
        "of 'summary'; to keep it, put the whole value in quotes",
        "content/tools/half-done.md:5: warning: a TODO placeholder is left in 'tags'; replace it",
        "content/tools/half-done.md:8: warning: a TODO placeholder is left in the body; replace it",
    ]


def test_a_term_naming_a_tool_twice_is_warned_at_the_second_name_and_shows_one_card(tmp_path: Path) -> None:
    """Was: no warning, as a related term named twice has; the card was shown once."""
    site = tool_site(tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8").replace("tools: [TPUs]", "tools:\n  - TPUs\n  - tpu-cloud")
    tensor.write_text(text, encoding="utf-8")
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert (
        "content/terms/tensor.md:20: warning: tool 'tpu-cloud' is listed already (line 19); remove one"
        in (result.stderr)
    )
    page = parse_html(site / "_site/terms/tensor/index.html")
    assert [a.get_text() for a in page.select("section.related-tools li a")] == ["TPU Cloud"]


def test_the_stack_builder_lists_each_layers_candidates_without_javascript(built: Path) -> None:
    page = parse_html(built / "stack-builder/index.html")
    layers = {
        li["data-layer"]: [a.get_text() for a in li.select(".stack-candidates a")]
        for li in page.select(".stack-layer")
    }
    assert layers == {"model": ["Open Model", "TPU Cloud"], "store": ["Vector Box"]}
    radios = [(r["name"], r["value"]) for r in page.select(".stack-question input[type=radio]")]
    assert radios == [("budget", "free"), ("budget", "any")]
    data = json.loads(string_of(present(page.select_one("script#stack-data"))))
    assert [c["slug"] for c in data["layers"][0]["candidates"]] == ["open-model", "tpu-cloud"]
    assert data["questions"][0]["answers"][0]["prefer"] == {"pricing": ["free"]}


#: The files a build writes from templates and labels, not copied from the theme's static files.
WRITTEN = (".html", ".xml", ".json", ".txt")


def test_a_stack_builder_without_a_title_is_named_by_the_label_in_the_sites_language(
    tmp_path: Path,
) -> None:
    """Was "Stack Builder" in English on a German site whatever its labels said: the default
    title was written into the code, the one word of the theme a translation could not change."""
    untitled = SETTINGS.replace("  title: Stack Builder\n", "", 1)
    labels = "labels:\n  stack_builder_title: Stapelplaner\n"
    site = tool_site(tmp_path, settings=untitled + labels)
    config = site / "content/site.yml"
    config.write_text(config.read_text(encoding="utf-8").replace("language: en", "language: de"), "utf-8")
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr

    page = parse_html(site / "_site/stack-builder/index.html")
    assert present(page.select_one("main h1")).get_text() == "Stapelplaner"
    assert string_of(present(page.title)) == "Stapelplaner · Mini Glossary"
    assert attribute(present(page.select_one('meta[property="og:title"]')), "content") == "Stapelplaner"
    description = attribute(present(page.select_one('meta[name="description"]')), "content")
    assert description.startswith("Stapelplaner: ")
    written = [p for p in (site / "_site").rglob("*") if p.suffix in WRITTEN or p.name == "labels.js"]
    english = [p for p in written if b"Stack Builder" in p.read_bytes()]  # the theme's own files aside
    assert english == []

    config.write_text(
        config.read_text(encoding="utf-8").replace(
            "stack_builder:\n", "stack_builder:\n  title: Mein Stapel\n"
        ),
        "utf-8",
    )
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    page = parse_html(site / "_site/stack-builder/index.html")
    assert present(page.select_one("main h1")).get_text() == "Mein Stapel", "site.yml's title wins"


def test_without_a_stack_builder_there_is_no_page_and_nothing_links_to_one(tmp_path: Path) -> None:
    site = tool_site(tmp_path, settings=SETTINGS.split("stack_builder:")[0])
    assert run_glossary("build", cwd=site).returncode == 0
    assert not (site / "_site/stack-builder").exists()
    for page in (site / "_site").rglob("*.html"):
        assert "stack-builder/index.html" not in page.read_text(encoding="utf-8"), page


def test_a_site_without_tools_has_no_tools_pages_and_a_stack_builder_there_is_one_error(
    tmp_path: Path,
) -> None:
    """A Stack Builder with no tool (none written, or only drafts) was "no tool has layer
    'model'" at every value an answer or layer selects, with no word of the cause."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", cwd=site).returncode == 0
    assert not (site / "_site/tools").exists() and not (site / "_site/tools.json").exists()
    home = parse_html(site / "_site/index.html")
    assert "Tools" not in [a.get_text() for a in home.select(".site-nav a")]

    config = site / "content/site.yml"
    text = config.read_text(encoding="utf-8") + SETTINGS
    config.write_text(text, encoding="utf-8")
    line = text.splitlines().index("stack_builder:") + 1
    assert errors(site) == [
        f"content/site.yml:{line}: stack_builder needs tools to recommend, and content/tools/ has no "
        "tool files; add a file per tool there, with the attributes the answers and layers select, "
        "or remove stack_builder"
    ]
    write_files(site, {"content/tools/paid-store.md": PAID_STORE})
    assert errors(site) == [
        f"content/site.yml:{line}: stack_builder needs tools to recommend, and every tool file in "
        "content/tools/ is a draft, and drafts are left out; publish one (draft: false) or remove "
        "stack_builder"
    ]


def test_a_link_to_the_stack_builder_or_tools_page_of_a_site_without_them_says_what_makes_them(
    tmp_path: Path,
) -> None:
    """Was: "leads to no page of this site; check the path", for a path written right."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("https://example.org/stack-builder/", "/stack-builder/")
    )
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text(encoding="utf-8") + "\nSee [every tool](../../tools/).\n")

    assert errors(site) == [
        "content/site.yml:12: cta url '/stack-builder/' leads to no page of this site: /stack-builder/ is "
        "made only when site.yml has stack_builder settings; add them, or point the cta url elsewhere",
        "content/terms/tensor.md:30: link '../../tools/' leads to no page of this site: /tools/ is made "
        "only when content/tools/ has a published tool file; add one, or point the link elsewhere",
    ]


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"content/terms/tensor.md": ("tools: [TPUs]", "tools: [TPU Clod]")},
            "content/terms/tensor.md:18: unknown tool 'TPU Clod'; did you mean 'TPU Cloud'?",
        ),
        (  # was "'question' must be non-empty text", as if it were left empty
            {"content/site.yml": ("question: What is your budget?", "question: [What is your budget?]")},
            "content/site.yml:26: 'question' must be text, not a list",
        ),
        (
            {"content/site.yml": ("label: Free only", "label: {Free: only}")},
            "content/site.yml:29: 'label' must be text, not a mapping",
        ),
        (  # was "unknown tool 'TPUs, Vector Box'; did you mean 'Vector Box'?", no word of the list
            {"content/terms/tensor.md": ("tools: [TPUs]", "tools: TPUs, Vector Box")},
            "content/terms/tensor.md:18: unknown tool 'TPUs, Vector Box'; to list several tools, write "
            "a list: [TPUs, Vector Box]",
        ),
        (
            {"content/terms/tensor.md": ("[[tool:Vector Box|", "[[tool:Vector Bax|")},
            "content/terms/tensor.md:21: unknown tool link 'Vector Bax'; did you mean 'Vector Box'?",
        ),
        (  # was "unknown wiki-link target 'Vector Box'", no word of the tool
            {"content/terms/tensor.md": ("[[tool:Vector Box|", "[[Vector Box|")},
            "content/terms/tensor.md:21: 'Vector Box' is a tool, not a term; write [[tool:Vector Box]]",
        ),
        (
            {"content/tools/open-model.md": ("summary: A model you can download.\n", "")},
            "content/tools/open-model.md:1: missing required field 'summary'; "
            "add 'summary: ...' to the front matter, between the '---' lines",
        ),
        (
            {"content/tools/open-model.md": ("url: /terms/tensor/", "url: /terms/tensr/")},
            "content/tools/open-model.md:4: url '/terms/tensr/' leads to no page of this site; "
            "check the path",
        ),
        (  # was also "url 'ftp://…' starts with 'ftp:', which a link may not …" at the line
            {"content/tools/open-model.md": ("url: /terms/tensor/", "url: ftp://models.example/")},
            "content/tools/open-model.md:4: url 'ftp://models.example/' must be an http(s) address, "
            "a mailto: address or a path on this site like /pricing/",
        ),
        (
            {"content/tools/vector-box.md": ("pricing: [free, paid]", "pricing: [free, paied]")},
            "content/tools/vector-box.md:6: 'paied' is not a value of the attribute 'pricing'; "
            "did you mean 'paid'?",
        ),
        (
            {
                "content/site.yml": ("pricing: [free, paid]\n", "pricing: [free, paid, premium]\n"),
                "content/site.yml ": ("prefer: {pricing: free}", "prefer: {pricing: premium}"),
            },
            "content/site.yml:30: no tool has pricing 'premium'; add it to a tool or remove it here",
        ),
        (  # was accepted: each value is some tool's, but no one tool has both, so choosing
            # the answer could change no recommendation
            {
                "content/tools/vector-box.md": ("pricing: [free, paid]", "pricing: free"),
                "content/site.yml": (
                    "prefer: {pricing: free}",
                    "prefer: {pricing: paid, layer: vector-store}",
                ),
            },
            "content/site.yml:30: no tool has pricing 'paid' and layer 'vector-store' together, so answer "
            "'free' fits none; give one tool all of them or prefer fewer here",
        ),
        # An item written as a plain word was also "'id' must be non-empty text" and
        # "'label' (or 'title') must be non-empty text", at the same line.
        (
            {"content/site.yml": ("- id: any\n          label: Anything\n          prefer: {}\n", "- any\n")},
            "content/site.yml:31: each item of 'stack_builder.questions.answers' must be a mapping "
            "with the keys id, label, prefer",
        ),
        (
            {
                "content/site.yml": (
                    "- id: store\n      title: Vector store\n      tools: {layer: vector-store}\n",
                    "- store\n",
                )
            },
            "content/site.yml:38: each item of 'stack_builder.layers' must be a mapping with the keys "
            "id, title, tools",
        ),
        (
            {"content/site.yml": ("prefer: {pricing: free}", "prefer: {pricng: free}")},
            "content/site.yml:30: unknown tool attribute 'pricng'; did you mean 'pricing'?",
        ),
        (  # was accepted, and every tool became a candidate of the layer
            {"content/site.yml": ("tools: {layer: vector-store}", "tools: {}")},
            "content/site.yml:40: 'tools' must not be empty: name the attributes its candidates have, "
            "like {layer: model}",
        ),
        # A misspelt key is the unknown key alone; each was also "'question' must be non-empty
        # text", "'label' ...", "'title' ...", "a layer needs 'tools'", "'layers' must be a
        # non-empty list".
        (
            {"content/site.yml": ("question: What", "questin: What")},
            "content/site.yml:26: unknown key 'questin' in stack_builder.questions; did you mean 'question'?",
        ),
        (
            {"content/site.yml": ("label: Free only", "lable: Free only")},
            "content/site.yml:29: unknown key 'lable' in stack_builder.questions.answers; "
            "did you mean 'label'?",
        ),
        (
            {"content/site.yml": ("title: Vector store", "titel: Vector store")},
            "content/site.yml:39: unknown key 'titel' in stack_builder.layers; did you mean 'title'?",
        ),
        (
            {"content/site.yml": ("tools: {layer: vector-store}", "tols: {layer: vector-store}")},
            "content/site.yml:40: unknown key 'tols' in stack_builder.layers; did you mean 'tools'?",
        ),
        (
            {"content/site.yml": ("  layers:", "  layrs:")},
            "content/site.yml:34: unknown key 'layrs' in stack_builder; did you mean 'layers'?",
        ),
        (  # was accepted, and the tool's name had a line break on every page and in tools.json
            {"content/tools/open-model.md": ("title: Open Model", 'title: "Open\\nModel"')},
            "content/tools/open-model.md:2: 'title' must be a single line: in double quotes, '\\' starts "
            "an escape ('\\n' is a line break, '\\t' a tab); write '\\\\' for a backslash, or put the "
            "whole value in single quotes",
        ),
        (
            {"content/tools/open-model.md": ("title: Open Model", "titel: Open Model")},
            "content/tools/open-model.md:2: unknown field 'titel'; did you mean 'title'?",
        ),
    ],
)
def test_a_tool_problem_is_one_error_at_its_line(
    tmp_path: Path, change: dict[str, tuple[str, str]], expected: str
) -> None:
    site = tool_site(tmp_path)
    for name, (old, new) in change.items():
        path = site / name.strip()
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")
    assert errors(site) == [expected]


def test_an_empty_item_among_an_attributes_values_is_named_and_the_others_still_checked(
    tmp_path: Path,
) -> None:
    """Was "'pricing' needs a value or a list of values", of a list, and the '5' went unreported."""
    site = tool_site(tmp_path)
    box = site / "content/tools/vector-box.md"
    box.write_text(
        box.read_text(encoding="utf-8").replace("pricing: [free, paid]", "pricing: [free, null, 5]")
    )

    assert errors(site) == [
        "content/tools/vector-box.md:6: '5' is not a value of the attribute 'pricing'; allowed: free, paid",
        "content/tools/vector-box.md:6: item 2 of attribute 'pricing' is no value; write one or remove it",
    ]


PAID_STORE = """---
title: Paid Store
summary: A vector store on a paid plan.
url: https://paidstore.example.org/
attributes: {layer: vector-store, pricing: paid}
draft: true
---
"""


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            {"content/tools/vector-box.md": ("attributes:", "draft: true\nattributes:")},
            "content/site.yml:40: no tool has layer 'vector-store' but the draft "
            "content/tools/paid-store.md, which is left out; publish it (draft: false), add it to a "
            "tool or remove it here",
        ),
        (
            {
                "content/tools/vector-box.md": ("pricing: [free, paid]", "pricing: free"),
                "content/site.yml": (
                    "tools: {layer: vector-store}",
                    "tools: {layer: vector-store, pricing: paid}",
                ),
            },
            "content/site.yml:38: no tool matches every attribute of layer 'store' but the draft "
            "content/tools/paid-store.md, which is left out; publish it (draft: false) or give another "
            "tool those values",
        ),
        (
            {
                "content/tools/vector-box.md": ("pricing: [free, paid]", "pricing: free"),
                "content/site.yml": (
                    "prefer: {pricing: free}",
                    "prefer: {pricing: paid, layer: vector-store}",
                ),
            },
            "content/site.yml:30: no tool has pricing 'paid' and layer 'vector-store' together but the "
            "draft content/tools/paid-store.md, which is left out, so answer 'free' fits none; publish it "
            "(draft: false), give one tool all of them or prefer fewer here",
        ),
    ],
)
def test_a_stack_builder_value_only_a_draft_tool_has_is_an_error_naming_the_draft(
    tmp_path: Path, change: dict[str, tuple[str, str]], expected: str
) -> None:
    """Was "no tool has layer 'vector-store'" while a tool file plainly had it: the editor was
    not told that drafts are left out. With --drafts the same site builds."""
    site = tool_site(tmp_path, {"content/tools/paid-store.md": PAID_STORE})
    for name, (old, new) in change.items():
        path = site / name
        text = path.read_text(encoding="utf-8")
        assert old in text, (name, old)
        path.write_text(text.replace(old, new), encoding="utf-8")

    assert errors(site) == [expected]
    assert run_glossary("check", "--drafts", cwd=site).returncode == 0


def test_a_code_fence_the_engine_cannot_read_in_the_stack_builder_intro_is_an_error_at_its_line(
    tmp_path: Path,
) -> None:
    """Was: not checked there, so the block's code came out as a paragraph of inline code."""
    fence = "    ```bash setup.sh"
    intro = f"  intro: |\n    Two questions.\n\n{fence}\n    pip install x\n    ```\n"
    settings = SETTINGS.replace("  intro: Two questions, one tool per layer.\n", intro)
    site = tool_site(tmp_path, settings=settings)
    line = (site / "content/site.yml").read_text(encoding="utf-8").splitlines().index(fence) + 1
    assert errors(site) == [
        f'content/site.yml:{line}: a code fence takes a language, title="…" and hl_lines="…" only, '
        "not 'setup.sh', or this block and the text after it come out garbled"
    ]


def test_a_formula_error_in_the_stack_builder_intro_hides_no_dead_link_wiki_link_or_static_clash(
    tmp_path: Path,
) -> None:
    """Was: it counted as a flawed Stack Builder, so which pages exist was 'not known' and only
    the formula was reported; the rest waited for the next run."""
    intro = "  intro: |\n    Two questions on \\frobnicate $\\foo$ and [[tensor]].\n"
    settings = SETTINGS.replace("  intro: Two questions, one tool per layer.\n", intro)
    site = tool_site(tmp_path, settings=settings, extra={"static/terms/tensor/index.html": "mine"})
    model = site / "content/terms/model-training.md"
    model.write_text(model.read_text(encoding="utf-8") + "\nSee [the GPU](/terms/gpu/).\n", encoding="utf-8")
    line = next(
        number
        for number, text in enumerate((site / "content/site.yml").read_text(encoding="utf-8").splitlines(), 1)
        if "$\\foo$" in text
    )
    dead = len(model.read_text(encoding="utf-8").splitlines())

    for command in ("check", "build"):
        result = run_glossary(command, cwd=site)

        assert result.returncode == 1, command
        assert "Traceback" not in result.stderr
        assert [entry for entry in result.stderr.splitlines() if ": warning: " not in entry][:-1] == [
            f"content/site.yml:{line}: [[tensor]] would be shown as written: site.yml has no wiki-links; "
            "link the term's page instead, e.g. [tensor](/terms/<its slug>/)",
            f"content/site.yml:{line}: the formula '\\foo' cannot be shown: '\\foo' is not a command the "
            "formula converter knows",
            f"content/terms/model-training.md:{dead}: link '/terms/gpu/' leads to no page of this site; "
            "check the path",
            "static/terms/tensor/index.html:1: static file would replace the generated "
            "terms/tensor/index.html; rename it",
        ], command
    assert not (site / "_site").exists()


def test_an_edited_tool_rebuilds_what_shows_it_exactly_like_a_clean_build(tmp_path: Path) -> None:
    site = tool_site(tmp_path)
    assert run_glossary("build", cwd=site).returncode == 0
    stamps = {p: p.stat().st_mtime_ns for p in (site / "_site").rglob("*.html")}
    tool = site / "content/tools/tpu-cloud.md"
    tool.write_text(
        tool.read_text(encoding="utf-8").replace("Rented tensor chips.", "Tensor chips by the hour.")
    )
    assert run_glossary("build", cwd=site).returncode == 0
    rewritten = {
        p.relative_to(site / "_site").as_posix() for p, t in stamps.items() if p.stat().st_mtime_ns != t
    }
    assert rewritten == {
        "tools/tpu-cloud/index.html",
        "tools/index.html",
        "terms/tensor/index.html",
        "stack-builder/index.html",
    }
    assert run_glossary("build", "--no-cache", "--out", tmp_path / "clean", cwd=site).returncode == 0
    assert tree_digest(site / "_site") == tree_digest(tmp_path / "clean")


def test_a_title_saved_in_serve_reorders_the_tools_terms_like_a_clean_build(tmp_path: Path) -> None:
    """A tool lists the terms that mention it A to Z: a term whose new title moves it past
    another is listed in its new place, without a build."""
    gpu = "content/terms/graphics-processing-unit.md"
    site = tool_site(tmp_path)
    text = (site / gpu).read_text(encoding="utf-8")
    (site / gpu).write_text(text.replace("\n---\n", "\ntools: [TPUs]\n---\n", 1), encoding="utf-8")
    options = BuildOptions(site, site / "_site", search=False, jobs=1, save_records=False)
    state = build(options).warm
    assert state is not None

    def mentions() -> list[str]:
        page = parse_html(site / "_site/tools/tpu-cloud/index.html")
        return [a.get_text() for a in page.select("section.mentions a")]

    assert mentions() == ["Graphics processing unit", "Tensor"]
    renamed = (site / gpu).read_text(encoding="utf-8").replace("title: Graphics", "title: Zippy graphics")
    (site / gpu).write_text(renamed, encoding="utf-8")
    assert warm.apply_edit(state, site, site / "_site", gpu) is not None, "applied without a build"
    assert mentions() == ["Tensor", "Zippy graphics processing unit"]
    assert build(BuildOptions(site, tmp_path / "clean", search=False, use_cache=False, jobs=1)).ok(
        strict=False
    )
    assert tree_digest(site / "_site") == tree_digest(tmp_path / "clean")


def line_of(site: Path, text: str, after: int = 0) -> int:
    """The number of the first line of site.yml after line `after` that is `text`, stripped."""
    lines = (site / "content/site.yml").read_text(encoding="utf-8").splitlines()
    return next(n for n, line in enumerate(lines, 1) if n > after and line.strip() == text)


def replaced_in_settings(site: Path, old: str, new: str) -> None:
    config = site / "content/site.yml"
    text = config.read_text(encoding="utf-8")
    assert old in text, old
    config.write_text(text.replace(old, new), encoding="utf-8")


def content_lines(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if line.startswith("content/")]


@pytest.mark.parametrize("block", [False, True])
def test_a_value_declared_twice_in_tools_attributes_is_a_warning_at_its_line_naming_the_first(
    tmp_path: Path, block: bool
) -> None:
    """Was accepted silently, and a tool's undeclared value was told "allowed: free, paid, free"."""
    site = tool_site(tmp_path, {"content/tools/box.md": BOX_PREMIUM})
    values = "\n      - free\n      - paid\n      - free" if block else " [free, paid, free]"
    replaced_in_settings(site, "pricing: [free, paid]", f"pricing:{values}")
    first = line_of(site, "- free" if block else "pricing: [free, paid, free]")
    again = line_of(site, "- free", first) if block else first
    where = f"already (line {first})" if block else "twice"

    result = run_glossary("check", cwd=site)

    assert "Traceback" not in result.stderr
    assert content_lines(result.stderr) == [
        "content/tools/box.md:6: 'premium' is not a value of the attribute 'pricing'; allowed: free, paid",
        f"content/site.yml:{again}: warning: value 'free' of the attribute 'pricing' is listed {where}; "
        "remove one",
    ]


BOX_PREMIUM = "---\ntitle: Box\nsummary: Holds things.\nurl: /tools/\nattributes:\n  pricing: premium\n---\n"

SAME_PREFERENCE = (
    "every answer of this question has the same 'prefer', so whichever readers choose changes no "
    "recommendation; make the answers prefer different tools, or remove the question"
)


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("prefer: {pricing: free}", "prefer: {}"),
        ("prefer: {pricing: free}", ""),
        ("prefer: {}", "prefer: {pricing: free}"),
        ("prefer: {}", "prefer: {pricing: [free]}"),
    ],
)
def test_a_question_whose_answers_all_prefer_the_same_is_a_warning_at_the_question(
    tmp_path: Path, old: str, new: str
) -> None:
    """Was accepted: whichever answer a reader chose, the page recommended the same tools."""
    site = tool_site(tmp_path)
    replaced_in_settings(site, old, new)

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0, result.stderr
    assert content_lines(result.stderr) == [
        f"content/site.yml:{line_of(site, '- id: budget')}: warning: {SAME_PREFERENCE}"
    ]


def test_answers_alike_only_for_their_errors_or_one_answer_alone_get_no_same_preference_warning(
    tmp_path: Path,
) -> None:
    """One mistake, one message: answers that differ but for a misspelt attribute get only its
    errors, and a question with one answer only the warning that says so."""
    site = tool_site(tmp_path)
    replaced_in_settings(site, "prefer: {pricing: free}", "prefer: {pricng: free}")
    replaced_in_settings(site, "prefer: {}", "prefer: {pricng: paid}")
    first = line_of(site, "prefer: {pricng: free}")
    assert errors(site) == [
        f"content/site.yml:{first}: unknown tool attribute 'pricng'; did you mean 'pricing'?",
        f"content/site.yml:{first + 3}: unknown tool attribute 'pricng'; did you mean 'pricing'?",
    ]
    replaced_in_settings(site, "prefer: {pricng: free}", "prefer: {}")
    replaced_in_settings(
        site, "        - id: any\n          label: Anything\n          prefer: {pricng: paid}\n", ""
    )

    result = run_glossary("check", cwd=site)

    assert content_lines(result.stderr) == [
        f"content/site.yml:{line_of(site, '- id: budget')}: warning: this question has only one answer, "
        "so readers have nothing to choose; add another answer, or remove the question"
    ]


@pytest.mark.parametrize(
    ("description", "problem"),
    [
        ("", "must not be empty"),
        ('""', "must not be empty"),
        ("'   '", "must not be empty"),
        ("[call, run]", "must be one line of text"),
        ("|\n      Models you call.\n      Models you run.", "must be one line of text"),
    ],
)
def test_a_tool_category_description_that_is_empty_or_not_one_line_says_which(
    tmp_path: Path, description: str, problem: str
) -> None:
    """Was "must be one line" for an empty one too, which it is not the trouble with."""
    site = tool_site(tmp_path)
    replaced_in_settings(site, "Models: Models you can call or run.", f"Models: {description}")
    line = line_of(site, f"Models: {description}".split("\n")[0].strip())

    assert errors(site) == [f"content/site.yml:{line}: the description of 'Models' {problem}"]


def test_one_mistake_in_the_tools_settings_is_one_error_not_one_per_stack_builder_answer(
    tmp_path: Path,
) -> None:
    """Was: 14 errors, 13 of them "unknown tool attribute" for attributes site.yml declares."""
    site = copy_site("example", tmp_path)
    settings = site / "content/site.yml"
    lines = settings.read_text(encoding="utf-8").splitlines()
    number = next(n for n, line in enumerate(lines) if line.strip().startswith("Chat assistants:"))
    lines[number] = lines[number].partition(":")[0] + ":"
    settings.write_text("\n".join(lines) + "\n", encoding="utf-8")

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if "content/" in line] == [
        f"content/site.yml:{number + 1}: the description of 'Chat assistants' must not be empty"
    ]


def test_two_answers_with_a_misspelt_id_are_two_errors_not_also_a_clash_of_empty_ids(tmp_path: Path) -> None:
    """Was also "two answers have the id ''" at the second, which names no id of the file. A
    real clash was "two answers have the id 'free'": now it names the first's line and the fix."""
    site = tool_site(tmp_path)
    config = site / "content/site.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace("- id: free", "- ide: free").replace("- id: any", "- ide: any"), encoding="utf-8"
    )

    assert errors(site) == [
        "content/site.yml:28: unknown key 'ide' in stack_builder.questions.answers; did you mean 'id'?",
        "content/site.yml:31: unknown key 'ide' in stack_builder.questions.answers; did you mean 'id'?",
    ]

    config.write_text(
        text.replace("- id: any", "- id: free").replace("- id: store", "- id: model"), encoding="utf-8"
    )

    assert errors(site) == [
        "content/site.yml:31: answer id 'free' is already used in this question (line 28); rename one "
        "(the Stack Builder's address keeps the answer by its id)",
        "content/site.yml:38: layer id 'model' is already used (line 35); rename one "
        "(the Stack Builder tells the layers apart by their ids)",
    ]


def test_two_answers_of_a_question_with_one_label_are_a_warning_at_the_second(tmp_path: Path) -> None:
    """Was accepted: the page showed two radio buttons a reader could not tell apart."""
    site = tool_site(tmp_path)
    config = site / "content/site.yml"
    config.write_text(
        config.read_text(encoding="utf-8").replace("label: Anything", "label: free ONLY "), encoding="utf-8"
    )

    result = run_glossary("check", cwd=site)

    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("content/")] == [
        "content/site.yml:32: warning: answer label 'free ONLY' is already used in this question (line 29); "
        "readers cannot tell the two answers apart: reword one"
    ]


def test_questions_with_one_answer_are_warnings_at_each_question_that_fail_a_strict_build(
    tmp_path: Path,
) -> None:
    """Was accepted: the page asked a question whose one radio button was no choice at all."""
    site = tool_site(tmp_path)
    config = site / "content/site.yml"
    text = config.read_text(encoding="utf-8").replace(
        "        - id: any\n          label: Anything\n          prefer: {}\n",
        "    - id: size\n      question: How big is it?\n      answers:\n"
        "        - id: big\n          label: Big\n          prefer: {}\n",
    )
    config.write_text(text, encoding="utf-8")
    warned = [
        f"content/site.yml:{line}: warning: this question has only one answer, so readers have nothing "
        "to choose; add another answer, or remove the question"
        for line in (25, 31)
    ]
    lines = text.splitlines()
    assert [lines[n - 1].strip() for n in (25, 31)] == ["- id: budget", "- id: size"]

    result = run_glossary("build", "--strict", cwd=site)

    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if line.startswith("content/")] == warned
    assert not (site / "_site").exists()
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = parse_html(site / "_site/stack-builder/index.html")
    radios = [(r["name"], r["value"]) for r in page.select(".stack-question input[type=radio]")]
    assert radios == [("budget", "free"), ("size", "big")]


def test_an_empty_question_or_layer_has_every_missing_key_reported_in_one_run(tmp_path: Path) -> None:
    """Was: 'answers' and 'tools' left unreported until the id and the title were written."""
    site = tool_site(tmp_path)
    config = site / "content/site.yml"
    text = config.read_text(encoding="utf-8").replace("  layers:\n", "    - {}\n  layers:\n")
    text = text.replace(
        "- id: store\n      title: Vector store\n      tools: {layer: vector-store}\n", "- {}\n"
    )
    config.write_text(text, encoding="utf-8")

    assert errors(site) == [
        "content/site.yml:34: 'id' must be non-empty text",
        "content/site.yml:34: 'question' must be non-empty text",
        "content/site.yml:34: this question has no 'answers'; add the list of answers, indented under it",
        "content/site.yml:39: 'id' must be non-empty text",
        "content/site.yml:39: 'title' must be non-empty text",
        "content/site.yml:39: a layer needs 'tools': the attributes its candidates have, like {layer: model}",
    ]


def test_a_stack_builder_that_is_no_mapping_is_one_error(tmp_path: Path) -> None:
    """Was: 'layers' and 'questions' reported missing first, at the same line, then the cause."""
    site = copy_site("minimal", tmp_path)
    config = site / "content/site.yml"
    text = config.read_text(encoding="utf-8") + "stack_builder: []\n"
    config.write_text(text, encoding="utf-8")

    assert errors(site) == [
        f"content/site.yml:{len(text.splitlines())}: 'stack_builder' must be a mapping with the keys "
        "title, intro, questions, layers"
    ]


def test_a_tool_that_lost_its_slug_to_another_is_one_error_not_one_per_term_naming_it(tmp_path: Path) -> None:
    """Was: besides the clash, 'unknown tool' for each term that listed or linked the tool by
    its title, alias or file name."""
    site = tool_site(tmp_path)
    tool = site / "content/tools/tpu-cloud.md"
    clash = "title: TPU Cloud\nslug: open-model\n"
    text = tool.read_text(encoding="utf-8").replace("title: TPU Cloud\n", clash)
    tool.write_text(text, encoding="utf-8")

    assert errors(site) == [
        "content/tools/tpu-cloud.md:3: slug 'open-model' is already used by content/tools/open-model.md; "
        "rename the file or set 'slug:'"
    ]


@pytest.mark.parametrize(
    ("misspelt", "expected"),
    [
        ("tools:\n  categories:", "content/site.yml:14: unknown setting 'tool'; did you mean 'tools'?"),
        (
            "stack_builder:\n",
            "content/site.yml:21: unknown setting 'stack_bulder'; did you mean 'stack_builder'?",
        ),
        ("cta:\n", "content/site.yml:5: unknown setting 'ctas'; did you mean 'cta'?"),
    ],
)
def test_a_misspelt_setting_is_one_error_not_one_per_use_of_what_it_sets(
    tmp_path: Path, misspelt: str, expected: str
) -> None:
    """Was: with `tool:`, 'unknown tool attribute' at every answer, layer and tool file that
    used one; with `stack_bulder:`, the link to the Stack Builder's page leading to no page;
    with `ctas:`, every term's block name 'not a block', as if those settings were left out."""
    site = tool_site(tmp_path)
    settings = site / "content/site.yml"
    text = settings.read_text(encoding="utf-8").replace(
        "url: https://example.org/stack-builder/", "url: /stack-builder/"
    )
    wrong = {"tools": "tool", "stack_builder": "stack_bulder", "cta": "ctas"}[misspelt.split(":")[0]]
    settings.write_text(text.replace(misspelt, wrong + misspelt[misspelt.index(":") :], 1), encoding="utf-8")
    model = site / "content/terms/model-training.md"
    model.write_text(
        model.read_text(encoding="utf-8").replace("cta: false", "cta: stack-builder"), encoding="utf-8"
    )

    assert errors(site) == [expected]


def test_a_mistake_elsewhere_in_site_yml_does_not_hide_the_tool_and_stack_builder_problems(
    tmp_path: Path,
) -> None:
    """Was: only the unknown setting, then the rest once it was fixed."""
    site = tool_site(tmp_path)
    settings = site / "content/site.yml"
    text = settings.read_text(encoding="utf-8").replace(
        "pricing: [free, paid]\n", "pricing: [free, paid, premium]\n"
    )
    text = text.replace("prefer: {pricing: free}", "prefer: {pricing: premium}")
    settings.write_text(text + "colour: blue\n", encoding="utf-8")
    tool = site / "content/tools/vector-box.md"
    tool.write_text(
        tool.read_text(encoding="utf-8").replace("pricing: [free, paid]", "pricing: [free, paied]")
    )

    assert errors(site) == [
        "content/site.yml:30: no tool has pricing 'premium'; add it to a tool or remove it here",
        f"content/site.yml:{text.count(chr(10)) + 1}: unknown setting 'colour'",
        "content/tools/vector-box.md:6: 'paied' is not a value of the attribute 'pricing'; "
        "did you mean 'paid'?",
    ]


def test_a_stack_builder_error_hides_no_dead_link_tool_url_or_other_answers_problem(tmp_path: Path) -> None:
    """Was: only the Stack Builder's errors, then the dead link, the tool's url and the answer
    no tool fits once they were fixed. The call to action still leads to the Stack Builder's
    page, which the fixed settings make: it is no dead link."""
    site = tool_site(tmp_path)
    settings = site / "content/site.yml"
    text = settings.read_text(encoding="utf-8").replace(
        "url: https://example.org/stack-builder/", "url: /stack-builder/"
    )
    text = text.replace("pricing: [free, paid]\n", "pricing: [free, paid, premium]\n")
    text = text.replace("prefer: {pricing: free}", "prefer: {pricing: premium}")
    text = text.replace(
        "prefer: {}",
        "prefer: {}\n        - id: any\n          label: Paid only\n          prefer: {pricing: paid}",
    )
    settings.write_text(
        text.replace("      tools: {layer: model}\n", "      tools: {layer: model}\n      bogus: 1\n")
    )
    tool = site / "content/tools/vector-box.md"
    tool.write_text(tool.read_text(encoding="utf-8").replace("https://vectorbox", "vectorbox"))
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(
        tensor.read_text(encoding="utf-8") + "\nSee [the old page](/nope/).\n", encoding="utf-8"
    )

    assert errors(site) == [
        "content/site.yml:30: no tool has pricing 'premium'; add it to a tool or remove it here",
        "content/site.yml:34: answer id 'any' is already used in this question (line 31); rename one"
        " (the Stack Builder's address keeps the answer by its id)",
        "content/site.yml:41: unknown key 'bogus' in stack_builder.layers",
        "content/terms/tensor.md:33: link '/nope/' leads to no page of this site; check the path",
        "content/tools/vector-box.md:4: url 'vectorbox.example.org/' leads to no page of this site (it is "
        "read from the page's folder, /tools/vector-box/); add https:// in front: https://vectorbox.example.org/",
    ]


@pytest.mark.parametrize(
    ("flaw", "message"),
    [
        ("  bogus: 1\n", "unknown key 'bogus' in tools"),
        ("    Size: [s, m]\n", "attribute name 'Size' must be lowercase letters, digits and hyphens"),
    ],
    ids=["unknown key", "attribute name"],
)
def test_a_tools_error_hides_no_dead_link_or_link_to_no_tool(tmp_path: Path, flaw: str, message: str) -> None:
    """Was: only the tools error; the dead links came in the next run, though which pages the
    tools have does not depend on the settings. A link to a tool that exists is no dead link."""
    settings = SETTINGS.replace("    pricing: [free, paid]\n", f"    pricing: [free, paid]\n{flaw}")
    site = tool_site(tmp_path, settings=settings)
    tensor = site / "content/terms/tensor.md"
    added = "\nSee [the box](/tools/vector-box/), [no tool](/tools/nope/) and [no page](/nope/).\n"
    tensor.write_text(tensor.read_text(encoding="utf-8") + added, encoding="utf-8")
    line = len(tensor.read_text(encoding="utf-8").splitlines())
    config = (site / "content/site.yml").read_text(encoding="utf-8").splitlines()
    flawed = config.index(flaw.rstrip("\n")) + 1

    assert errors(site) == [
        f"content/site.yml:{flawed}: {message}",
        f"content/terms/tensor.md:{line}: link '/nope/' leads to no page of this site; check the path",
        f"content/terms/tensor.md:{line}: link '/tools/nope/' leads to no page of this site; check the path",
    ]


def test_a_value_no_attribute_allows_in_a_list_of_one_a_line_is_reported_at_its_own_line(
    tmp_path: Path,
) -> None:
    """Was: at the attribute's line, however far below it the value was written."""
    settings = SETTINGS.replace(
        "prefer: {pricing: free}",
        "prefer:\n            pricing:\n              - free\n              - premium",
    ).replace(
        "tools: {layer: vector-store}",
        "tools:\n        layer:\n          - vector-store\n          - vectors",
    )
    site = tool_site(tmp_path, settings=settings)
    box = site / "content/tools/vector-box.md"
    box.write_text(
        box.read_text(encoding="utf-8").replace(
            "attributes: {layer: vector-store, pricing: [free, paid]}",
            "attributes:\n  layer: vector-store\n  pricing:\n    - free\n    - cheap",
        ),
        encoding="utf-8",
    )
    config = (site / "content/site.yml").read_text(encoding="utf-8").splitlines()
    tool = box.read_text(encoding="utf-8").splitlines()

    assert errors(site) == [
        f"content/site.yml:{config.index('              - premium') + 1}: 'premium' is not a value of the "
        "attribute 'pricing'; allowed: free, paid",
        f"content/site.yml:{config.index('          - vectors') + 1}: 'vectors' is not a value of the "
        "attribute 'layer'; did you mean 'vector-store'?",
        f"content/tools/vector-box.md:{tool.index('    - cheap') + 1}: 'cheap' is not a value of the "
        "attribute 'pricing'; allowed: free, paid",
    ]


def test_a_value_no_tool_has_in_a_list_of_one_a_line_is_reported_at_its_own_line(tmp_path: Path) -> None:
    """Was: "no tool has pricing 'paid'" at the attribute's line, above the list."""
    settings = SETTINGS.replace(
        "    pricing: [free, paid]\n", "    pricing: [free, paid, premium]\n"
    ).replace(
        "prefer: {pricing: free}",
        "prefer:\n            pricing:\n              - free\n              - premium",
    )
    site = tool_site(tmp_path, settings=settings)
    config = (site / "content/site.yml").read_text(encoding="utf-8").splitlines()

    assert errors(site) == [
        f"content/site.yml:{config.index('              - premium') + 1}: no tool has pricing 'premium'; "
        "add it to a tool or remove it here",
    ]


def test_a_tool_file_that_cannot_be_read_is_one_error_not_one_per_reference(tmp_path: Path) -> None:
    """Was: also "unknown tool 'Ollama'" in the terms naming it, and "no tool has layer
    'framework'" in site.yml once both framework tools were broken: errors that vanish when
    the one file is mended."""
    site = copy_site("example", tmp_path)
    for name in ("ollama", "langchain", "llamaindex"):
        tool = site / f"content/tools/{name}.md"
        tool.write_text(tool.read_text(encoding="utf-8").replace("summary:", "summary: : bad: [", 1), "utf-8")

    result = run_glossary("check", cwd=site)

    problems = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    assert result.returncode == 1 and len(problems) == 3, problems
    assert {problem.split(":")[0] for problem in problems} == {
        f"content/tools/{name}.md" for name in ("ollama", "langchain", "llamaindex")
    }


def test_a_tool_file_named_with_another_ending_is_one_error_not_one_per_reference(tmp_path: Path) -> None:
    """Was a warning, and an error in the term naming it by its alias and by its slug."""
    site = tool_site(tmp_path)
    (site / "content/tools/tpu-cloud.md").rename(site / "content/tools/tpu-cloud.MD")

    assert errors(site) == [
        "content/tools/tpu-cloud.MD:1: not read: tool files end in '.md', not '.MD'; "
        "rename it to 'tpu-cloud.md'"
    ]


EDIT_URL = "edit_url: https://git.example.org/team/glossary/edit/main\n"


def edit_links(site: Path) -> dict[str, str]:
    """The "Edit this page" link of every page that has one, by page."""
    found = {}
    for page in sorted(site.rglob("*.html")):
        links = parse_html(page).select(".edit-link a")
        if links:
            assert [string_of(a) for a in links] == ["Edit this page"]
            found[page.relative_to(site).as_posix()] = str(links[0]["href"])
    return found


def test_with_edit_url_each_term_and_tool_page_links_to_its_file_in_the_web_editor(tmp_path: Path) -> None:
    site = tool_site(tmp_path, settings=SETTINGS + EDIT_URL)
    assert run_glossary("build", cwd=site).returncode == 0
    editor = "https://git.example.org/team/glossary/edit/main/content/"
    assert edit_links(site / "_site") == {
        "terms/graphics-processing-unit/index.html": editor + "terms/graphics-processing-unit.md",
        "terms/model-training/index.html": editor + "terms/model-training.md",
        "terms/tensor/index.html": editor + "terms/tensor.md",
        "tools/open-model/index.html": editor + "tools/open-model.md",
        "tools/tpu-cloud/index.html": editor + "tools/tpu-cloud.md",
        "tools/vector-box/index.html": editor + "tools/vector-box.md",
    }
    plain = tool_site(tmp_path / "plain")
    assert run_glossary("build", cwd=plain).returncode == 0
    assert edit_links(plain / "_site") == {}, "no edit_url, no edit links"


def test_a_term_file_moved_to_another_folder_is_linked_there_by_build_and_serve(tmp_path: Path) -> None:
    """The page's address stays (the slug comes from the file name) but its file's changes."""
    site = tool_site(tmp_path, settings=SETTINGS + EDIT_URL)
    moved = "content/terms/maths & arrays/tensor.md"
    options = BuildOptions(site, site / "_site", search=False, jobs=1)
    state = build(options).warm
    assert state is not None
    (site / moved).parent.mkdir()
    (site / "content/terms/tensor.md").rename(site / moved)
    if warm.apply_edit(state, site, site / "_site", moved) is None:
        assert build(options, state).ok(strict=False)
    link = edit_links(site / "_site")["terms/tensor/index.html"]
    assert (
        link == "https://git.example.org/team/glossary/edit/main/content/terms/maths%20%26%20arrays/tensor.md"
    )
    assert build(BuildOptions(site, tmp_path / "clean", search=False, use_cache=False, jobs=1)).ok(
        strict=False
    )
    assert tree_digest(site / "_site") == tree_digest(tmp_path / "clean")

    (site / moved).rename(site / "content/terms/tensor.md")
    assert run_glossary("build", cwd=site).returncode == 0, "a build with the cache, as an editor runs it"
    assert edit_links(site / "_site")["terms/tensor/index.html"].endswith(
        "/edit/main/content/terms/tensor.md"
    )


def test_a_wiki_link_in_site_yml_intros_is_an_error_at_its_line_saying_what_to_write(tmp_path: Path) -> None:
    """Was: the home page showed "[[Tensor]]", brackets and all, and nothing said why."""
    site = tool_site(tmp_path)
    settings = site / "content/site.yml"
    text = settings.read_text(encoding="utf-8").replace(
        "  intro: Two questions, one tool per layer.", "  intro: Two questions; see [[tensor|tensors]]."
    )
    text += "intro: |\n  Start with [[Tensor]].\n\n  In code, `[[Tensor]]` is only text:\n\n      [[GPU]]\n"
    settings.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    builder_line = lines.index("  intro: Two questions; see [[tensor|tensors]].") + 1
    home_line = lines.index("  Start with [[Tensor]].") + 1

    for command in ("check", "build"):
        result = run_glossary(command, cwd=site)

        assert result.returncode == 1, command
        said = "would be shown as written: site.yml has no wiki-links; link the term's page instead, e.g."
        assert [line for line in result.stderr.splitlines() if "wiki-links" in line] == [
            f"content/site.yml:{builder_line}: [[tensor|tensors]] {said} [tensors](/terms/<its slug>/)",
            f"content/site.yml:{home_line}: [[Tensor]] {said} [Tensor](/terms/<its slug>/)",
        ], command
    assert not (site / "_site").exists()


def test_a_wiki_link_in_the_intro_is_reported_beside_a_misspelt_tools_setting(tmp_path: Path) -> None:
    """Was: with `tool:`, which leaves the pages unknown, the intro's wiki-link, which needs no
    page list, waited for the next run, though a mistake in site.yml hides only what it decides."""
    site = tool_site(tmp_path)
    settings = site / "content/site.yml"
    text = settings.read_text(encoding="utf-8").replace("tools:\n  categories:", "tool:\n  categories:", 1)
    settings.write_text(text + "intro: Start with [[Tensor]].\n", encoding="utf-8")
    line = len(text.splitlines()) + 1

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    said = result.stderr.splitlines()
    assert (
        f"content/site.yml:{line}: [[Tensor]] would be shown as written: site.yml has no wiki-links; "
        "link the term's page instead, e.g. [Tensor](/terms/<its slug>/)"
    ) in said
    assert any("unknown setting 'tool'; did you mean 'tools'?" in entry for entry in said)


def test_a_site_yml_without_its_tools_section_is_one_error_where_tools_use_attributes_not_one_per_use(
    tmp_path: Path,
) -> None:
    """Was: 114 errors on the example, "unknown tool attribute" at every attribute of every tool
    file and at every answer and layer of the Stack Builder, for one missing section."""
    site = copy_site("example", tmp_path)
    settings = site / "content/site.yml"
    text = settings.read_text(encoding="utf-8")
    start, end = text.index("\ntools:\n") + 1, text.index("\nstack_builder:\n") + 1
    settings.write_text(text[:start] + text[end:], encoding="utf-8")
    lines = settings.read_text(encoding="utf-8").splitlines()
    first_use = next(n for n, line in enumerate(lines, 1) if "prefer: {" in line and "{}" not in line)
    first_tool = sorted((site / "content/tools").glob("*.md"))[0]
    tool_lines = first_tool.read_text(encoding="utf-8").splitlines()
    attributes_line = tool_lines.index("attributes:") + 1
    having = sum(
        "\nattributes:" in path.read_text(encoding="utf-8") for path in first_tool.parent.glob("*.md")
    )

    found = errors(site)

    assert len(found) == 2, found
    assert found[0].startswith(
        f"content/site.yml:{first_use}: the Stack Builder selects tools by the attributes "
    )
    assert found[1].startswith(
        f"content/tools/{first_tool.name}:{attributes_line}: {having} tools have the attributes "
    )
    for error in found:
        assert error.endswith(
            ", but site.yml declares no tool attributes; "
            "list each with its values under tools.attributes in site.yml"
        )
        assert all(f"'{name}'" in error for name in ("layer", "modality", "pricing", "hosting"))


def test_a_value_a_stack_builder_answer_prefers_twice_is_a_warning_at_its_line(tmp_path: Path) -> None:
    """Was accepted silently: the second 'free' changed nothing, and may be a slip for another value."""
    site = tool_site(tmp_path)
    replaced_in_settings(site, "prefer: {pricing: free}", "prefer: {pricing: [free, free]}")

    result = run_glossary("check", cwd=site)

    assert result.returncode == 0, result.stderr
    line = line_of(site, "prefer: {pricing: [free, free]}")
    assert content_lines(result.stderr) == [
        f"content/site.yml:{line}: warning: value 'free' of the attribute 'pricing' is listed twice; "
        "remove one"
    ]
