"""pages: every page of the glossary, with escaped text, relative links, overridable templates and keys."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import xml.etree.ElementTree as ET
from collections.abc import Callable
from typing import Any

import pytest
from bs4 import BeautifulSoup
from support import present

from glossary_site import graph, markup, pages, sitemap, tool_page, tools, wikilinks
from glossary_site.config import SiteConfig
from glossary_site.diagnostics import ContentError, Diagnostics
from glossary_site.fingerprint import digest, record_text
from glossary_site.link_graph import LinkGraph
from glossary_site.model import CtaBlock, PageJob, PreparedFile, Ref, Source, TermSource, ToolSource
from glossary_site.term_page import GroupName

MakeTerm = Callable[..., TermSource]
Build = Callable[..., dict[str, bytes]]


def renderer_for(
    terms: tuple[TermSource, ...], config: SiteConfig, tool_files: tuple[ToolSource, ...] = ()
) -> pages.SitePages:
    """A renderer over the given terms (and tools), prepared and linked the way a build does it."""
    diagnostics = Diagnostics()
    glossary = graph.build_glossary(terms, config, diagnostics)
    converter = markup.Converter()
    raws = {term.path: converter.convert_term(term) for term in glossary.terms.values()}
    prepared = {
        term.slug: PreparedFile(
            path=term.path,
            digest=digest(repr(term).encode()),  # stands in for the hash of the file's bytes
            term=term,
            definition_html=raws[term.path].definition,
            wikilinks=raws[term.path].wikilinks,
        )
        for term in glossary.terms.values()
    }
    toolbox = tools.build_toolbox(tool_files, glossary, diagnostics, include_drafts=False, language="en")
    targets = {
        slug: wikilinks.resolve_targets(file.path, file.wikilinks, glossary, diagnostics, toolbox)
        for slug, file in prepared.items()
    }
    links, inline = tools.split_links(targets)
    glossary = graph.add_backlinks(glossary, links, diagnostics)
    toolbox = tools.with_mentions(toolbox, glossary, inline)
    toolbox = dataclasses.replace(toolbox, bodies=markup.tool_bodies(toolbox, glossary, diagnostics))
    assert diagnostics.errors == []
    linked = pages.PreparedTerms(prepared, targets)
    network = LinkGraph.of(glossary, links)
    return pages.SitePages(config, glossary, linked, lambda file: raws[file.path], toolbox, network)


@pytest.fixture()
def build(site_config: SiteConfig) -> Build:
    """Every output file of a glossary made of the given terms, by path."""

    def run(*terms: TermSource, config: SiteConfig = site_config) -> dict[str, bytes]:
        jobs = renderer_for(terms, config).jobs()
        assert len({job.path for job in jobs}) == len(jobs), "no path is produced twice"
        return {job.path: job.produce() for job in jobs}

    return run


def html(files: dict[str, bytes], path: str) -> BeautifulSoup:
    return BeautifulSoup(files[path].decode("utf-8"), "html.parser")


def test_every_page_the_contract_lists_is_rendered(make_term: MakeTerm, build: Build) -> None:
    files = build(
        make_term("gpu", "GPU", category="Hardware", tags=("compute",), updated=dt.date(2025, 1, 1))
    )

    assert sorted(files) == [
        "404.html",
        "a-z/index.html",
        "assets/labels.js",
        "categories/hardware/feed.xml",
        "categories/hardware/index.html",
        "categories/index.html",
        "feed.xml",
        "graph/index.html",
        "index.html",
        "robots.txt",
        "search/index.html",
        "sitemap.xml",
        "tags/compute/feed.xml",
        "tags/compute/index.html",
        "tags/index.html",
        "terms.json",
        "terms/gpu/index.html",
        "terms/index.html",
    ]


def test_a_site_with_more_addresses_than_a_sitemap_may_hold_gets_an_index_of_sitemaps(
    make_term: MakeTerm, build: Build, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sitemap, "URLS_PER_FILE", 4)
    terms = [make_term(f"term-{n}", f"Term {n}", updated=dt.date(2025, 1, n)) for n in range(1, 8)]

    files = build(*terms)

    namespace = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{namespace}sitemapindex"
    listed = [(str(s.findtext(f"{namespace}loc")), s.findtext(f"{namespace}lastmod")) for s in index]
    names = [loc.rsplit("/", 1)[1] for loc, _ in listed]
    assert names == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"]
    parts = [ET.fromstring(files[name]) for name in names]
    addresses = [loc.text for part in parts for loc in part.iter(f"{namespace}loc")]
    assert len(addresses) == len(set(addresses)) > 7 and all(len(part) <= 4 for part in parts)
    assert listed[0][1] == "2025-01-07"  # the home page's date: its newest term's


def test_front_matter_text_is_escaped_on_the_term_page(make_term: MakeTerm, build: Build) -> None:
    title = "GPU <script>alert(1)</script>"
    alias = "<img src=x onerror=alert(2)>"
    files = build(make_term("gpu", title, summary="Fast & parallel <b>maths</b>", aliases=(alias,)))

    page = html(files, "terms/gpu/index.html")
    inline = {s.get("type") for s in page.find_all("script") if not s.get("src")}
    assert inline == {"application/ld+json"}, "inline scripts are data, never code"
    assert page.find_all("img") == []
    assert present(page.find("h1")).get_text() == title
    assert present(page.find("p", class_="term-summary")).get_text() == "Fast & parallel <b>maths</b>"
    assert present(page.find("span", class_="alias")).get_text() == alias


def test_markdown_fields_are_rendered_as_html(make_term: MakeTerm, build: Build) -> None:
    files = build(
        make_term("gpu", "GPU", definition="A **processor** for maths.", body="## Uses\n\nTraining.")
    )

    page = html(files, "terms/gpu/index.html")
    assert (
        present(present(page.find("section", class_="definition")).find("strong")).get_text() == "processor"
    )
    assert present(present(page.find("div", class_="prose")).find("h2"))["id"] == "uses"


def test_default_cta_links_relative_to_the_term_page(make_term: MakeTerm, build: Build) -> None:
    files = build(make_term("gpu", "GPU"))

    cta = present(html(files, "terms/gpu/index.html").find("aside", class_="cta"))
    assert present(cta.find("h2")).get_text() == "Ready to put this to work?"
    assert present(cta.find("a"))["href"] == "../../stack-builder/index.html"


def test_term_can_switch_the_cta_off_or_bring_its_own(make_term: MakeTerm, build: Build) -> None:
    own = CtaBlock("Compare GPUs", "See prices.", "Compare", "https://shop.example.com/gpus")
    files = build(make_term("gpu", "GPU", cta=False), make_term("tpu", "TPU", cta=own))

    assert html(files, "terms/gpu/index.html").find("aside", class_="cta") is None
    cta = present(html(files, "terms/tpu/index.html").find("aside", class_="cta"))
    assert (present(cta.find("h2")).get_text(), present(cta.find("a"))["href"]) == (
        "Compare GPUs",
        "https://shop.example.com/gpus",
    )


def test_sidebar_lists_related_terms_and_terms_that_link_here(make_term: MakeTerm, build: Build) -> None:
    files = build(
        make_term("gpu", "GPU", related=(Ref("TPU", 5),)),
        make_term("tpu", "TPU", summary="Google's accelerator."),
        make_term("cuda", "CUDA", body="Runs on a [[GPU]]."),
        make_term("asic", "ASIC", related=(Ref("gpu", 5),)),
    )

    page = html(files, "terms/gpu/index.html")
    related = present(page.find("section", class_="related"))
    backlinks = present(page.find("section", class_="backlinks"))
    assert [(a["href"], a.get_text()) for a in related.find_all("a")] == [
        ("../../terms/tpu/index.html", "TPU")
    ]
    assert present(related.find("p")).get_text() == "Google's accelerator."
    assert [(a["href"], a.get_text()) for a in backlinks.find_all("a")] == [
        ("../../terms/asic/index.html", "ASIC"),
        ("../../terms/cuda/index.html", "CUDA"),
    ]


def test_sources_link_relative_to_the_term_page(make_term: MakeTerm, build: Build) -> None:
    sources = (Source("Paper", "https://arxiv.org/abs/1706.03762"), Source("Our guide", "/guides/gpus/"))
    files = build(make_term("gpu", "GPU", sources=sources))

    links = present(html(files, "terms/gpu/index.html").find("section", class_="sources")).find_all("a")
    assert [(a["href"], a.get_text()) for a in links] == [
        ("https://arxiv.org/abs/1706.03762", "Paper"),
        ("../../guides/gpus/index.html", "Our guide"),
    ]


def test_index_lists_terms_under_their_first_letter_and_others_under_hash(
    make_term: MakeTerm, build: Build
) -> None:
    files = build(
        make_term("agent", "agent"),
        make_term("attention", "Attention"),
        make_term("bert", "BERT"),
        make_term("gpt-3", "3D Gaussian splatting"),
    )

    page = html(files, "index.html")
    sections = {
        present(section.find("h3")).get_text(): [a.get_text() for a in section.find_all("a")]
        for section in page.find_all("section", class_="letter-group")
    }
    assert sections == {"A": ["agent", "Attention"], "B": ["BERT"], "#": ["3D Gaussian splatting"]}
    letters = present(page.find("nav", class_="letters"))
    assert [a["href"] for a in letters.find_all("a")] == ["#letter-A", "#letter-B", "#letter-other"]
    assert present(page.find(id="letter-other")).get_text() == "#"


def test_index_gives_each_letter_of_another_alphabet_its_own_section(
    make_term: MakeTerm, build: Build
) -> None:
    """Was: every Hebrew, Arabic or Greek name was under one '#', so the A to Z of a Hebrew or
    Arabic glossary was a single list with 26 empty Latin letters above it."""
    files = build(
        make_term("algoritm", "אלגוריתם", aliases=("Algorithm",)),
        make_term("reshet", "רשת נוירונים"),
        make_term("rosh", "ראש קשב"),
        make_term("taalum", "تعلم الآلة"),
        make_term("adaa", "أداة"),
        make_term("lexiko", "Λεξικό"),
        make_term("jisuan", "计算"),
        make_term("printing", "3D printing"),
    )

    page = html(files, "index.html")
    sections = {
        present(section.find("h3")).get_text(): [dt.get_text() for dt in section.find_all("dt")]
        for section in page.find_all("section", class_="letter-group")
    }
    assert sections == {
        "A": ["Algorithm"],
        "Λ": ["Λεξικό"],
        "א": ["אלגוריתם"],
        "ר": ["ראש קשב", "רשת נוירונים"],
        "ا": ["أداة"],
        "ت": ["تعلم الآلة"],
        "#": ["3D printing", "计算"],
    }
    letters = present(page.find("nav", class_="letters"))
    jumps = [str(a["href"]) for a in letters.find_all("a")]
    assert [jump.removeprefix("#letter-") for jump in jumps] == ["A", "Λ", "א", "ר", "ا", "ت", "other"]
    assert all(page.find(id=jump.removeprefix("#")) is not None for jump in jumps)


def test_next_walks_the_terms_in_the_order_of_the_a_to_z(make_term: MakeTerm, build: Build) -> None:
    """Was: previous and next put `3D printing` first while the A to Z filed it under '#' after
    Z, and put `Łódź` and `Øresund` (letters Unicode does not split into letter and accent)
    after `Zebra`, while the A to Z listed them last under L and O, after `Lyon` and `Oslo` (not
    where they are read: between `Lisbon` and `Lyon`, before `Oslo`)."""
    files = build(
        make_term("lodz", "Łódź", category="Places"),
        make_term("lisbon", "Lisbon", category="Places"),
        make_term("lyon", "Lyon", category="Places"),
        make_term("oresund", "Øresund", category="Places"),
        make_term("oslo", "Oslo", category="Places"),
        make_term("zebra", "Zebra", category="Places"),
        make_term("printing", "3D printing", category="Places"),
        make_term("alpha", "Alpha", category="Places"),
    )

    home = html(files, "index.html")
    a_to_z = [dt.get_text() for dt in home.select("section.letter-group dt")]
    walked = []
    page: BeautifulSoup | None = html(files, "terms/alpha/index.html")
    while page is not None:
        walked.append(present(page.find("h1")).get_text(strip=True))
        following = page.find("a", class_="pager-next")
        page = html(files, f"terms/{str(following['href']).split('/')[-2]}/index.html") if following else None
    assert a_to_z == ["Alpha", "Lisbon", "Łódź", "Lyon", "Øresund", "Oslo", "Zebra", "3D printing"]
    assert walked == a_to_z
    category = html(files, "categories/places/index.html")
    assert [dt.get_text() for dt in category.select("dt")] == a_to_z


def test_a_long_category_page_lists_its_terms_by_letter_under_a_jump_bar(
    make_term: MakeTerm, build: Build
) -> None:
    """Was: a category of hundreds of terms (860 at 10,000 terms) was one long list with no
    letters to jump to, laid out whole; a small one stays one list."""
    words = ["Alpha", "Beta", "Łódź", "3D"]
    long = [make_term(f"t{n:03d}", f"{words[n % 4]} {n:03d}", category="Long") for n in range(120)]
    files = build(*long, make_term("short-one", "Short one", category="Short"))

    page = html(files, "categories/long/index.html")
    sections = {
        present(section.find("h2")).get_text(): [dt.get_text() for dt in section.select("dt")]
        for section in page.select("section.letter-group")
    }
    assert list(sections) == ["A", "B", "L", "#"]
    assert sections["L"] == [f"Łódź {n:03d}" for n in range(2, 120, 4)]
    assert sum(map(len, sections.values())) == 120
    jumps = [str(a["href"]) for a in present(page.find("nav", class_="letters")).find_all("a")]
    assert jumps == ["#letter-A", "#letter-B", "#letter-L", "#letter-other"]
    assert all(page.find(id=jump.removeprefix("#")) is not None for jump in jumps)
    assert len(page.select("#letter-A ~ .term-list dl.term-run")) == 1  # 30 terms: one run
    small = html(files, "categories/short/index.html")
    assert small.find("nav", class_="letters") is None
    assert small.find("section", class_="letter-group") is None
    assert [dt.get_text() for dt in small.select("dl.term-list dt")] == ["Short one"]


def test_a_large_glossary_without_categories_graphs_its_most_linked_terms(
    make_term: MakeTerm, build: Build
) -> None:
    """Was: above 100 terms /graph/ drew one node per category, so a glossary with none drew an
    empty frame: '0 categories and 0 links between them'."""
    count = 130
    hubs = {"hub-a", "hub-b"}
    terms = [make_term(f"t{n:03d}", related=(Ref("hub-a", 5), Ref("hub-b", 5))) for n in range(count - 2)]
    terms += [make_term(slug, related=(Ref("t000", 5),)) for slug in sorted(hubs)]
    files = build(*terms)

    page = html(files, "graph/index.html")
    drawn = {
        str(a["href"]).removeprefix("../terms/").removesuffix("/index.html")
        for a in page.select("a.graph-node")
    }
    assert len(drawn) == 100 and hubs | {"t000"} <= drawn
    assert len(page.select("line.graph-link")) > 0
    note = present(page.select_one("main p:has(a)"))
    assert (
        note.get_text(" ", strip=True)
        == "Showing the 100 most linked of its 130 terms; the A–Z index lists them all."
    )
    assert present(note.a)["href"] == "../index.html"
    assert not [path for path in files if path.startswith("graph/") and path != "graph/index.html"]


def test_only_a_section_page_marks_its_nav_entry_as_current(make_term: MakeTerm, build: Build) -> None:
    files = build(make_term("agent", "Agent", tags=("agents",)))

    def current(path: str) -> list[str]:
        return [a.get_text() for a in html(files, path).select('.site-nav a[aria-current="page"]')]

    assert current("index.html") == ["A–Z"]
    assert current("tags/agents/index.html") == ["Tags"]
    assert current("terms/agent/index.html") == []
    assert current("404.html") == [], "a missing page is in no section"


def test_tag_page_lists_its_terms_with_links_back_to_the_listing(make_term: MakeTerm, build: Build) -> None:
    files = build(
        make_term("vae", "VAE", tags=("Deep learning",)), make_term("gan", "GAN", tags=("deep learning",))
    )

    page = html(files, "tags/deep-learning/index.html")
    assert [(a["href"], a.get_text()) for a in present(page.find("dl")).find_all("a")] == [
        ("../../terms/gan/index.html", "GAN"),
        ("../../terms/vae/index.html", "VAE"),
    ]
    assert present(page.find("p", class_="count")).get_text() == "2 terms"


def test_terms_json_holds_every_published_term_as_data(make_term: MakeTerm, build: Build) -> None:
    files = build(
        make_term("gpu", "GPU", aliases=("Graphics card",), related=(Ref("tpu", 5),)), make_term("tpu", "TPU")
    )

    records = {record["slug"]: record for record in json.loads(files["terms.json"])}
    assert records["gpu"]["aliases"] == ["Graphics card"]
    assert records["gpu"]["related"] == ["tpu"]
    assert records["gpu"]["definition"] == "Definition of gpu."
    assert records["gpu"]["url"] == "https://glossary.example.com/docs/terms/gpu/"


def test_site_template_overrides_the_theme_template_of_the_same_name(
    make_term: MakeTerm, build: Build, site_config: SiteConfig
) -> None:
    (site_config.root / "templates").mkdir()
    (site_config.root / "templates" / "404.html").write_text("<p>Lost: {{ title }}</p>\n", encoding="utf-8")

    files = build(make_term("gpu", "GPU"))

    assert present(html(files, "404.html").find("p")).get_text() == "Lost: Page not found"
    assert present(html(files, "index.html").find("h1")).get_text() == "AI Glossary"


def failure_of(
    site_config: SiteConfig, template: str, build: Build, make_term: MakeTerm, name: str = "index.html"
) -> str:
    (site_config.root / "templates" / name).parent.mkdir(parents=True, exist_ok=True)
    (site_config.root / "templates" / name).write_text(template, encoding="utf-8")
    with pytest.raises(ContentError) as problem:
        build(make_term("gpu", "GPU"))
    return str(problem.value.diagnostic)


def test_undefined_template_variable_is_reported_at_the_template_line(
    make_term: MakeTerm, build: Build, site_config: SiteConfig
) -> None:
    message = failure_of(
        site_config, "<h1>{{ site.title }}</h1>\n<p>{{ missing.value }}</p>\n", build, make_term
    )

    assert message == "templates/index.html:2: template error: 'missing' is undefined"


def test_a_misspelt_field_names_the_variable_and_the_field_meant(
    make_term: MakeTerm, build: Build, site_config: SiteConfig
) -> None:
    """Was: `'glossary_site.model.TermSource object' has no attribute 'titel'`, a Python
    class the theme's author never sees, and nothing to write instead."""
    template = "<main>\n<h1>{{ term.titel }}</h1>\n</main>\n"

    message = failure_of(site_config, template, build, make_term, name="term.html")

    assert message == (
        "templates/term.html:2: template error: 'term' has no field 'titel'; did you mean 'title'?"
    )


def test_a_misspelt_field_in_a_partial_is_reported_there_as_written_there(
    make_term: MakeTerm, build: Build, site_config: SiteConfig
) -> None:
    (site_config.root / "templates" / "partials").mkdir(parents=True)
    partial = "{% for entry in [term] %}\n<p>{{ entry.sumary }}</p>\n{% endfor %}\n"
    (site_config.root / "templates" / "partials" / "lead.html").write_text(partial, encoding="utf-8")

    message = failure_of(site_config, "{% include 'partials/lead.html' %}\n", build, make_term, "term.html")

    assert message == (
        "templates/partials/lead.html:2: template error: 'entry' has no field 'sumary'; "
        "did you mean 'summary'?"
    )


def test_a_field_nothing_is_close_to_is_named_without_a_guess(
    make_term: MakeTerm, build: Build, site_config: SiteConfig
) -> None:
    message = failure_of(site_config, "<p>\n{{ term.zzqx }}</p>\n", build, make_term, name="term.html")

    assert message == "templates/term.html:2: template error: 'term' has no field 'zzqx'"


def test_template_syntax_error_is_reported_at_the_template_line(
    make_term: MakeTerm, build: Build, site_config: SiteConfig
) -> None:
    message = failure_of(site_config, "<h1>Title</h1>\n\n{% if %}\n{% endif %}\n", build, make_term)

    assert (
        message
        == "templates/index.html:3: template error: Expected an expression, got 'end of statement block'"
    )


def test_page_for_a_site_at_the_domain_root_has_canonical_urls_without_sub_path(
    make_term: MakeTerm, build: Build, site_config: SiteConfig
) -> None:
    at_root = dataclasses.replace(site_config, base_url="https://glossary.example.com/")

    files = build(make_term("gpu", "GPU"), config=at_root)

    canonical = present(html(files, "terms/gpu/index.html").find("link", rel="canonical"))
    assert canonical["href"] == "https://glossary.example.com/terms/gpu/"


def test_404_page_links_from_the_base_path_because_it_is_served_at_any_depth(
    make_term: MakeTerm, build: Build
) -> None:
    files = build(make_term("gpu", "GPU"))

    page = html(files, "404.html")
    assert present(page.find("a", class_="site-title"))["href"] == "/docs/index.html"


# Page keys: an unchanged key must mean unchanged bytes, or incremental builds go stale


def jobs_by_path(terms: tuple[TermSource, ...], config: SiteConfig) -> dict[str, PageJob]:
    return {job.path: job for job in renderer_for(terms, config).jobs()}


def pages_with_a_new_key(before: dict[str, PageJob], after: dict[str, PageJob]) -> set[str]:
    """Pages whose key changed; fails if a page kept its key but would render other bytes."""
    for path in before.keys() & after.keys():
        if before[path].key == after[path].key:
            assert before[path].produce() == after[path].produce(), f"{path} kept its key but changed"
    return {path for path in after if path not in before or before[path].key != after[path].key}


@pytest.fixture()
def linked_terms(make_term: MakeTerm) -> tuple[TermSource, ...]:
    return (
        make_term("gpu", "GPU", related=(Ref("TPU", 5),), category="Hardware"),
        make_term("tpu", "TPU", category="Hardware"),
        make_term("cuda", "CUDA", body="Runs on a [[GPU]].", tags=("software",)),
        make_term("asic", "ASIC", related=(Ref("gpu", 5),)),
        make_term("token", "Token"),
    )


def test_page_keys_are_the_same_when_nothing_changed(
    linked_terms: tuple[TermSource, ...], site_config: SiteConfig
) -> None:
    first = jobs_by_path(linked_terms, site_config)
    second = jobs_by_path(linked_terms, site_config)

    assert {path: job.key for path, job in first.items()} == {path: job.key for path, job in second.items()}


def test_new_summary_changes_the_pages_that_show_it_and_not_unrelated_ones(
    linked_terms: tuple[TermSource, ...], site_config: SiteConfig
) -> None:
    edited = tuple(
        dataclasses.replace(t, summary="Graphics chip.") if t.slug == "gpu" else t for t in linked_terms
    )

    changed = pages_with_a_new_key(jobs_by_path(linked_terms, site_config), jobs_by_path(edited, site_config))

    # asic lists gpu as related (with its summary); cuda's wiki-link shows it as a tooltip
    assert {"terms/gpu/index.html", "terms/asic/index.html", "terms/cuda/index.html", "index.html"} <= changed
    assert "terms/token/index.html" not in changed
    assert "404.html" not in changed


def test_new_title_changes_the_backlinks_and_listings_that_show_it(
    linked_terms: tuple[TermSource, ...], site_config: SiteConfig
) -> None:
    edited = tuple(
        dataclasses.replace(t, title="Application-specific chip") if t.slug == "asic" else t
        for t in linked_terms
    )

    changed = pages_with_a_new_key(jobs_by_path(linked_terms, site_config), jobs_by_path(edited, site_config))

    assert {"terms/asic/index.html", "terms/gpu/index.html", "index.html"} <= changed
    assert "terms/token/index.html" not in changed
    assert "categories/hardware/index.html" not in changed


def test_new_term_in_a_category_changes_that_category_page_and_not_the_others(
    linked_terms: tuple[TermSource, ...], site_config: SiteConfig, make_term: MakeTerm
) -> None:
    grown = (*linked_terms, make_term("npu", "NPU", category="Hardware", related=(Ref("TPU", 5),)))

    changed = pages_with_a_new_key(jobs_by_path(linked_terms, site_config), jobs_by_path(grown, site_config))

    assert "terms/npu/index.html" in changed
    assert "categories/hardware/index.html" in changed
    assert "terms/tpu/index.html" in changed  # a new backlink
    assert "tags/software/index.html" not in changed
    assert "terms/cuda/index.html" not in changed


def test_site_settings_and_templates_are_part_of_every_page_key(
    linked_terms: tuple[TermSource, ...], site_config: SiteConfig
) -> None:
    before = jobs_by_path(linked_terms, site_config)
    renamed = dataclasses.replace(site_config, title="ML Glossary")
    (site_config.root / "templates").mkdir()
    (site_config.root / "templates" / "base.html").write_text(
        "<title>{{ title }}</title>{% block main %}{% endblock %}\n", encoding="utf-8"
    )

    changed = pages_with_a_new_key(before, jobs_by_path(linked_terms, renamed))

    assert changed >= {path for path in before if path.endswith(".html")}


# Every page kind: a key is the digest of the record the page is made from


def _changed(value: object) -> Any:
    """Another value of the same shape, for every kind of field a page record holds."""
    if isinstance(value, str):
        return value + " (edited)"
    if value is None:
        return GroupName("Edited", "edited")
    if isinstance(value, tuple) and hasattr(value, "_replace"):
        assert hasattr(value, "_fields")  # a NamedTuple: tells mypy it has _fields too
        return value._replace(**{value._fields[0]: _changed(value[0])})
    if isinstance(value, tuple):
        return (*value, value[0]) if value else (GroupName("Edited", "edited"),)
    raise AssertionError(f"no edit for {value!r}")


def test_changing_any_field_of_a_term_page_record_changes_its_key(
    linked_terms: tuple[TermSource, ...], site_config: SiteConfig
) -> None:
    site = renderer_for(linked_terms, dataclasses.replace(site_config, autolink=True))
    for term in site.glossary.terms.values():
        record = site.term_record(term)
        key = site.key("term.html", record_text(record))
        for field in dataclasses.fields(record):
            edited = dataclasses.replace(record, **{field.name: _changed(getattr(record, field.name))})
            assert site.key("term.html", record_text(edited)) != key, f"{term.slug}: {field.name}"


def test_changing_any_field_of_a_term_in_terms_json_changes_its_key(
    linked_terms: tuple[TermSource, ...], site_config: SiteConfig
) -> None:
    site = renderer_for(linked_terms, site_config)
    data = site.term_data(site.glossary.terms["gpu"])
    for name in data._fields:
        edited = data._replace(**{name: _changed(getattr(data, name))})
        assert record_text(edited) != record_text(data), name


EDITS: dict[str, Callable[[TermSource], TermSource]] = {
    "title": lambda t: dataclasses.replace(t, title=t.title + " X"),
    "summary": lambda t: dataclasses.replace(t, summary="Another summary."),
    "definition": lambda t: dataclasses.replace(t, definition="Another definition of it."),
    "body": lambda t: dataclasses.replace(t, body="A new body linking [[TPU]]."),
    "aliases": lambda t: dataclasses.replace(t, aliases=("Alias",)),
    "category": lambda t: dataclasses.replace(t, category="Other"),
    "tags": lambda t: dataclasses.replace(t, tags=("new-tag",)),
    "related": lambda t: dataclasses.replace(t, related=(Ref("token", 5),)),
    "cta": lambda t: dataclasses.replace(t, cta=False),
    "updated": lambda t: dataclasses.replace(t, updated=dt.date(2030, 1, 1)),
    "sources": lambda t: dataclasses.replace(t, sources=(Source("Paper", "https://example.org/p"),)),
}


@pytest.mark.parametrize("edit", sorted(EDITS))
@pytest.mark.parametrize("slug", ["gpu", "cuda"])
def test_no_page_of_any_kind_keeps_its_key_when_its_bytes_change(
    linked_terms: tuple[TermSource, ...], site_config: SiteConfig, edit: str, slug: str
) -> None:
    """pages_with_a_new_key fails on any page, of any kind, whose bytes change under the same key."""
    edited = tuple(EDITS[edit](t) if t.slug == slug else t for t in linked_terms)

    changed = pages_with_a_new_key(jobs_by_path(linked_terms, site_config), jobs_by_path(edited, site_config))

    assert f"terms/{slug}/index.html" in changed


def a_tool(slug: str, title: str, **fields: object) -> ToolSource:
    tool = ToolSource(
        path=f"content/tools/{slug}.md",
        slug=slug,
        title=title,
        summary=f"{title} does one job well.",
        url="https://tools.example.org/" + slug,
        body="Made for the [[GPU]].",
        body_line=6,
        digest="",
        attributes=(("layer", ("model",)),),
    )
    tool = dataclasses.replace(tool, **fields)  # type: ignore[arg-type]
    return dataclasses.replace(tool, digest=digest(repr(tool).encode()))


@pytest.fixture()
def tool_site(linked_terms: tuple[TermSource, ...]) -> tuple[tuple[TermSource, ...], tuple[ToolSource, ...]]:
    """GPU lists one tool; CUDA links the other inline."""
    terms = tuple(
        dataclasses.replace(t, tools=(Ref("kernel-kit", 7),))
        if t.slug == "gpu"
        else dataclasses.replace(t, body=t.body + " Try [[tool:tensor-forge|Tensor Forge]].")
        if t.slug == "cuda"
        else t
        for t in linked_terms
    )
    return terms, (a_tool("kernel-kit", "Kernel Kit"), a_tool("tensor-forge", "Tensor Forge"))


def test_changing_any_field_of_a_tool_page_record_changes_its_key(
    tool_site: tuple[tuple[TermSource, ...], tuple[ToolSource, ...]], site_config: SiteConfig
) -> None:
    site = renderer_for(*tool_site[:1], site_config, tool_site[1])
    assert {tool: site.toolbox.mentions[tool] for tool in site.toolbox.tools} == {
        "kernel-kit": ("gpu",),
        "tensor-forge": ("cuda",),
    }
    for tool in site.toolbox.tools.values():
        record = tool_page.tool_record(tool, site.toolbox, site.faces)
        key = site.key("tool.html", record_text(record, site.known))
        for field in dataclasses.fields(record):
            edited = dataclasses.replace(record, **{field.name: _changed(getattr(record, field.name))})
            assert site.key("tool.html", record_text(edited, site.known)) != key, f"{tool.slug}: {field.name}"


TOOL_EDITS: dict[str, Callable[[ToolSource], ToolSource]] = {
    "title": lambda t: dataclasses.replace(t, title=t.title + " Pro"),
    "summary": lambda t: dataclasses.replace(t, summary="Now it does two jobs."),
    "url": lambda t: dataclasses.replace(t, url="https://elsewhere.example.org/"),
    "body": lambda t: dataclasses.replace(t, body="Pairs with the [[TPU]] too."),
    "attributes": lambda t: dataclasses.replace(t, attributes=(("layer", ("framework",)),)),
    "category": lambda t: dataclasses.replace(t, category="Kits"),
}


@pytest.mark.parametrize("edit", sorted(TOOL_EDITS))
@pytest.mark.parametrize("slug", ["kernel-kit", "tensor-forge"])
def test_no_page_keeps_its_key_when_a_tool_edit_changes_its_bytes(
    tool_site: tuple[tuple[TermSource, ...], tuple[ToolSource, ...]],
    site_config: SiteConfig,
    edit: str,
    slug: str,
) -> None:
    terms, tool_files = tool_site
    edited = tuple(
        dataclasses.replace(TOOL_EDITS[edit](t), digest="") if t.slug == slug else t for t in tool_files
    )
    edited = tuple(dataclasses.replace(t, digest=digest(repr(t).encode())) for t in edited)
    before = {job.path: job for job in renderer_for(terms, site_config, tool_files).jobs()}
    after = {job.path: job for job in renderer_for(terms, site_config, edited).jobs()}

    changed = pages_with_a_new_key(before, after)

    assert f"tools/{slug}/index.html" in changed
    assert "terms/token/index.html" not in changed, "a page that shows no tool keeps its key"


def test_each_tool_category_heading_has_an_id_of_its_own() -> None:
    """'C++' and 'C' spell the same address; two headings with one id would send the second's
    link to the first."""
    names = ["C++", "C", "Vector databases", "C 2"]
    assert tool_page._anchors(names) == [
        ("C++", "tools-c"),
        ("C", "tools-c-2"),
        ("Vector databases", "tools-vector-databases"),
        ("C 2", "tools-c-2-2"),
    ]
