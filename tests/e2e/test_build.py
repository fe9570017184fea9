"""Build real fixture sites through the CLI and check what a reader would see."""

from __future__ import annotations

import gzip
import importlib.util
import json
import shutil
import subprocess
import sys
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import (
    PROJECT,
    attribute,
    copy_site,
    html_pages,
    local_targets,
    parse_html,
    present,
    run_glossary,
    sends_readers_on,
    tree_digest,
    write_files,
)

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def test_term_page_shows_title_summary_definition_and_aliases(built_minimal: Path) -> None:
    soup = parse_html(built_minimal / "terms/graphics-processing-unit/index.html")
    assert soup.title is not None
    assert soup.title.get_text() == "Graphics processing unit · Mini Glossary"
    assert [h.get_text() for h in soup.find_all("h1")] == ["Graphics processing unit"]
    assert present(soup.select_one(".term-summary")).get_text() == (
        "A chip with thousands of small cores for parallel arithmetic."
    )
    definition = present(soup.select_one("section.definition"))
    assert "runs many simple calculations at once" in definition.get_text()
    assert present(definition.find("strong")).get_text() == "graphics processing unit"
    assert [a.get_text() for a in soup.select(".aliases .alias")] == ["GPU"]


def test_sidebar_lists_related_terms_with_summaries_and_backlinks(built_minimal: Path) -> None:
    soup = parse_html(built_minimal / "terms/tensor/index.html")
    cards = soup.select(".related .term-cards li")
    assert [(present(c.a).get_text(), present(c.a)["href"], present(c.p).get_text()) for c in cards] == [
        (
            "Graphics processing unit",
            "../../terms/graphics-processing-unit/index.html",
            "A chip with thousands of small cores for parallel arithmetic.",
        ),
        (
            "Model training",
            "../../terms/model-training/index.html",
            "Adjusting a model's weights so its outputs improve.",
        ),
    ]
    backlinks = [a.get_text() for a in soup.select(".backlinks a")]
    assert backlinks == ["Graphics processing unit", "Model training"]


def test_backlinks_come_from_wiki_links_too(tmp_path: Path) -> None:
    """A term another links to only from its text lists that one among its backlinks. (Was
    checked on the minimal site, where every wiki link repeats a related list: it passed with
    backlinks taken from related lists alone.)"""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("related: [GPU, model-training]", "related: [GPU]"))
    # Tensor now links to Model training only through [[model training|weights]] in a table cell
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr

    soup = parse_html(site / "_site/terms/model-training/index.html")
    backlinks = [(a.get_text(), attribute(a, "href")) for a in soup.select(".backlinks a")]
    assert backlinks == [
        ("Graphics processing unit", "../../terms/graphics-processing-unit/index.html"),
        ("Tensor", "../../terms/tensor/index.html"),
    ]


def test_wiki_links_resolve_by_title_alias_and_plural(built_minimal: Path) -> None:
    soup = parse_html(built_minimal / "terms/tensor/index.html")
    link = present(soup.select_one(".prose a.wikilink"))
    assert (link.get_text(), link["href"]) == ("GPUs", "../graphics-processing-unit/index.html")
    cell_link = present(soup.select_one(".data-table td a.wikilink"))
    assert (cell_link.get_text(), cell_link["href"]) == ("weights", "../model-training/index.html")


def test_structured_tables_faq_and_sources_render_as_html(built_minimal: Path) -> None:
    soup = parse_html(built_minimal / "terms/tensor/index.html")
    table = present(soup.select_one(".data-table table"))
    assert next(present(soup.select_one(".data-table h2")).strings) == "Tensor ranks"
    assert [th.get_text() for th in table.select("thead th")] == ["Rank", "Name", "Example"]
    assert len(table.select("tbody tr")) == 2
    assert present(table.select_one("tbody code")).get_text() == "3.0"
    faq = present(soup.select_one(".faq details"))
    assert present(faq.summary).get_text() == "Is a matrix a tensor?"
    assert "rank-2" in present(faq.select_one(".answer")).get_text()
    assert soup.select_one("pre code") is not None, "fenced code block"
    sources = parse_html(built_minimal / "terms/model-training/index.html").select(".sources a")
    assert [(a.get_text(), a["href"]) for a in sources] == [
        ("Deep Learning book", "https://www.deeplearningbook.org/")
    ]


def test_cta_block_comes_from_site_settings_unless_the_term_opts_out(built_minimal: Path) -> None:
    cta = present(parse_html(built_minimal / "terms/tensor/index.html").select_one("aside.cta"))
    assert present(cta.h2).get_text() == "Ready to put this to work?"
    assert present(cta.a)["href"] == "https://example.org/stack-builder/"
    assert "Plan my stack" in present(cta.a).get_text()
    assert parse_html(built_minimal / "terms/model-training/index.html").select_one("aside.cta") is None


def test_az_index_lists_every_term_once_with_summary_and_letter_navigation(built_minimal: Path) -> None:
    soup = parse_html(built_minimal / "index.html")
    titles = [dt.get_text() for dt in soup.select(".term-list dt:not(.cross-ref)")]
    assert titles == ["Graphics processing unit", "Model training", "Tensor"]
    alias = soup.select_one(".term-list dt.cross-ref")
    assert alias is not None and alias.get_text() == "GPU"
    see = present(alias.find_next_sibling("dd"))
    assert (present(see.a).get_text(), present(see.a)["href"]) == (
        "Graphics processing unit",
        "terms/graphics-processing-unit/index.html",
    )
    assert (
        soup.select(".term-list dd:not(.cross-ref)")[2].get_text() == "A multi-dimensional array of numbers."
    )
    letters = {a.get_text(): a["href"] for a in soup.select(".letters a")}
    assert letters == {"G": "#letter-G", "M": "#letter-M", "T": "#letter-T"}
    for href in letters.values():
        assert soup.find(id=href[1:]) is not None


def test_category_and_tag_pages_list_their_terms(built_minimal: Path) -> None:
    concepts = parse_html(built_minimal / "categories/concepts/index.html")
    assert [a.get_text() for a in concepts.select(".term-list a")] == ["Model training", "Tensor"]
    hardware = parse_html(built_minimal / "tags/hardware/index.html")
    assert [a.get_text() for a in hardware.select(".term-list a")] == ["Graphics processing unit", "Tensor"]
    index = parse_html(built_minimal / "categories/index.html")
    assert [a.get_text() for a in index.select(".cards a")] == ["Concepts", "Hardware"]


def test_numbers_in_titles_are_in_the_order_of_their_value_in_every_list(tmp_path: Path) -> None:
    """Was: numbers sorted as text, so the A to Z, the models tag and previous and next all put
    'GPT-10' before 'GPT-3', and '#' listed '2001 model' before '3D printing'."""
    site = copy_site("minimal", tmp_path)
    titles = ["GPT-10", "GPT-4o", "GPT-3.5", "GPT-4", "GPT-3", "3D printing", "2001 model"]
    for number, title in enumerate(titles):
        (site / f"content/terms/model-{number}.md").write_text(
            f"---\ntitle: {title}\nsummary: A model.\ndefinition: {title} is a model.\ntags: [models]\n"
            "updated: 2025-01-01\n---\n",
            encoding="utf-8",
        )

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    home = parse_html(site / "_site/index.html")
    listed = [dt.get_text() for dt in home.select(".term-list dt:not(.cross-ref)")]
    models = ["GPT-3", "GPT-3.5", "GPT-4", "GPT-4o", "GPT-10"]
    assert listed[listed.index("GPT-3") :][:5] == models
    assert listed[-2:] == ["3D printing", "2001 model"]
    tag = parse_html(site / "_site/tags/models/index.html")
    assert [a.get_text() for a in tag.select(".term-list dt a")] == [*models, "3D printing", "2001 model"]
    walked = []
    for title in models:
        page = parse_html(site / f"_site/terms/model-{titles.index(title)}/index.html")
        walked.append([a.get_text(" ", strip=True) for a in page.select(".term-pager a")])
    assert walked[1:4] == [
        ["Previous GPT-3", "Next GPT-4"],
        ["Previous GPT-3.5", "Next GPT-4o"],
        ["Previous GPT-4", "Next GPT-10"],
    ]


def test_every_local_link_and_asset_resolves(built_minimal: Path) -> None:
    broken = []
    for page in html_pages(built_minimal):
        base = "/docs/" if page.name == "404.html" else "/"
        for link, target, fragment in local_targets(built_minimal, page, base):
            if not target.is_file():
                broken.append(f"{page.relative_to(built_minimal)}: {link}")
            elif fragment and target.suffix == ".html" and parse_html(target).find(id=fragment) is None:
                broken.append(f"{page.relative_to(built_minimal)}: {link} (no #{fragment})")
    assert broken == []


def test_feed_sitemap_robots_and_terms_json_are_valid_and_absolute(built_minimal: Path) -> None:
    feed = ET.parse(built_minimal / "feed.xml").getroot()
    entries = feed.findall(f"{ATOM}entry")
    assert [e.findtext(f"{ATOM}title") for e in entries] == [
        "Model training",
        "Tensor",
        "Graphics processing unit",
    ]
    assert entries[0].findtext(f"{ATOM}id") == "https://example.org/docs/terms/model-training/"
    urls = ET.parse(built_minimal / "sitemap.xml").getroot().findall(f"{SITEMAP}url")
    locs = [u.findtext(f"{SITEMAP}loc") for u in urls]
    assert "https://example.org/docs/terms/tensor/" in locs
    assert all(loc is not None and loc.startswith("https://example.org/docs/") for loc in locs)
    assert "Sitemap: https://example.org/docs/sitemap.xml" in (built_minimal / "robots.txt").read_text()
    terms = json.loads((built_minimal / "terms.json").read_text())
    assert [t["slug"] for t in terms] == ["graphics-processing-unit", "model-training", "tensor"]
    assert terms[2]["related"] == ["graphics-processing-unit", "model-training"]
    assert terms[0]["aliases"] == ["GPU"]
    assert terms[0]["url"] == "https://example.org/docs/terms/graphics-processing-unit/"


def test_base_url_flag_changes_absolute_urls_only(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--base-url", "https://preview.example.net/x", cwd=site).returncode == 0
    soup = parse_html(site / "_site/terms/tensor/index.html")
    assert (
        present(soup.find("link", rel="canonical"))["href"] == "https://preview.example.net/x/terms/tensor/"
    )
    assert present(soup.select_one(".related a"))["href"] == "../../terms/graphics-processing-unit/index.html"


def test_same_input_gives_byte_identical_output_whatever_the_file_order(tmp_path: Path) -> None:
    first = copy_site("minimal", tmp_path / "a")
    second = copy_site("minimal", tmp_path / "b")
    # Recreate the files of the second copy in reverse order so the directory order differs.
    terms = second / "content/terms"
    saved = {p.name: p.read_bytes() for p in sorted(terms.iterdir())}
    shutil.rmtree(terms)
    terms.mkdir()
    for name in sorted(saved, reverse=True):
        (terms / name).write_bytes(saved[name])
    assert run_glossary("build", cwd=first).returncode == 0
    assert run_glossary("build", cwd=second).returncode == 0
    assert tree_digest(first / "_site") == tree_digest(second / "_site")


def files_and_modes(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file and folder under `folder` with its mode, and each file's digest."""
    digests = tree_digest(folder)
    return {
        path.relative_to(folder).as_posix(): (
            path.stat().st_mode,
            digests.get(path.relative_to(folder).as_posix(), "folder"),
        )
        for path in sorted(folder.rglob("*"))
    }


def test_the_machine_and_the_folders_it_is_built_from_and_into_leave_the_output_alone(
    tmp_path: Path,
) -> None:
    """Hash seed, time zone, locale, working folder and the output folder's path are not
    input: the same content gives the same files, bytes and modes, search index included."""
    site = write_files(
        copy_site("minimal", tmp_path),
        {
            "content/terms/angstrom.md": "---\ntitle: Ångström unit\nsummary: A tenth of a nanometre.\n"
            "definition: A length of 10⁻¹⁰ m.\ncategory: Mesures\ntags: [Größe, math]\n"
            "related: [tensor, GPU]\nupdated: 2025-03-31\n---\n\nÉtendue d'un atome.\n",
        },
    )
    here = {"PYTHONHASHSEED": "0", "TZ": "UTC", "LC_ALL": "C", "LANG": "C"}
    there = {"PYTHONHASHSEED": "1", "TZ": "Pacific/Kiritimati", "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8"}
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    first = run_glossary("build", cwd=site, env=here)
    assert first.returncode == 0, first.stderr
    deep = tmp_path / "deep/other/path"
    second = run_glossary("build", "--source", site, "--out", deep, cwd=elsewhere, env=there)
    assert second.returncode == 0, second.stderr
    built = files_and_modes(site / "_site")
    assert "pagefind/names.json" in built and "terms/angstrom/index.html" in built
    assert built == files_and_modes(deep)


def test_the_search_index_numbers_its_pages_in_address_order_whatever_the_file_system(
    tmp_path: Path,
) -> None:
    """Pagefind numbers pages in the order it meets them, and the numbers are in the index's
    bytes. Was: it was given a folder of the pages, met in the order the file system lists
    them (by a hash that differs between ext4 disks, newest first on tmpfs), so the same site
    got another index in CI than on the laptop."""
    site = copy_site("example", tmp_path)
    assert run_glossary("build", cwd=site).returncode == 0
    (bundle,) = [path.parent for path in (site / "_site/pagefind").glob("*/pagefind.js")]
    urls = {}
    for fragment in (bundle / "fragment").glob("*.pf_fragment"):
        data = gzip.decompress(fragment.read_bytes())
        urls[fragment.name.removesuffix(".pf_fragment")] = json.loads(data[data.index(b"{") :])["url"]
    (meta,) = bundle.glob("*.pf_meta")
    listed = gzip.decompress(meta.read_bytes())  # each page's fragment, in the order of its number
    numbered = [urls[page] for page in sorted(urls, key=lambda page: listed.index(page.encode()))]
    assert "/terms/ai-agent/" in numbered and "/tools/chatgpt/" in numbered
    assert numbered == sorted(numbered)


@pytest.mark.skipif(
    importlib.util.find_spec("pagefind_bin_extended") is not None, reason="needs Pagefind's standard build"
)
def test_a_japanese_site_is_told_to_install_pagefinds_extended_build_and_then_indexed_anew(
    tmp_path: Path,
) -> None:
    """Was silent: the standard build takes a run of Japanese up to punctuation for one word, so
    search found only the words that start one; and once the extended build was installed, the
    bundles of unchanged pages were kept as they were."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    settings.write_text(
        settings.read_text(encoding="utf-8").replace("language: en", "language: ja"), encoding="utf-8"
    )

    standard = run_glossary("build", cwd=site)
    bundles = {path.name for path in (site / "_site/pagefind").iterdir() if path.is_dir()}
    import pagefind_bin  # type: ignore[import-untyped]  # ships no stubs

    extended = {
        "PAGEFIND_BINARY_PATH": str(pagefind_bin.get_executable())
    }  # named by the user: taken as such
    anew = run_glossary("build", cwd=site, env=extended)

    assert standard.returncode == 0, standard.stderr
    assert (
        "(search):1: warning: Pagefind's standard build does not split Japanese text into words, so search "
        "finds a word only where a run of text starts; install its extended build: pip install "
        "'pagefind[extended]'"
    ) in standard.stderr.splitlines()
    assert anew.returncode == 0 and "warning" not in anew.stderr, anew.stderr
    remade = {path.name for path in (site / "_site/pagefind").iterdir() if path.is_dir()}
    assert remade - {"named"} and not (remade - {"named"}) & bundles


def test_drafts_are_built_only_with_the_drafts_flag(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    draft = site / "content/terms/quantisation.md"
    draft.write_text(
        "---\ntitle: Quantisation\nsummary: Fewer bits per weight.\ndefinition: Storing weights in "
        "fewer bits.\nrelated: [tensor]\ndraft: true\nupdated: 2025-04-01\n---\n",
        encoding="utf-8",
    )
    assert run_glossary("build", cwd=site).returncode == 0
    assert not (site / "_site/terms/quantisation").exists()
    assert run_glossary("build", "--drafts", cwd=site).returncode == 0
    assert (site / "_site/terms/quantisation/index.html").is_file()


def test_a_link_to_a_drafts_page_is_an_error_that_says_it_is_a_draft(tmp_path: Path) -> None:
    """Was "leads to no page of this site; check the path", for a file right there in content/;
    with --drafts the page is there and the link fine."""
    site = copy_site("minimal", tmp_path)
    (site / "content/terms/quantisation.md").write_text(
        "---\ntitle: Quantisation\nsummary: Fewer bits per weight.\ndefinition: Storing weights in "
        "fewer bits.\nrelated: [tensor]\ndraft: true\nupdated: 2025-04-01\n---\n",
        encoding="utf-8",
    )
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8") + "\nSoon: [quantisation](/terms/quantisation/).\n"
    tensor.write_text(text, encoding="utf-8")

    result = run_glossary("build", cwd=site)

    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if "quantisation" in line] == [
        f"content/terms/tensor.md:{len(text.splitlines())}: link '/terms/quantisation/' leads to the draft "
        "term 'quantisation', which is not published: link elsewhere until it is (`--drafts` builds it to "
        "preview)"
    ]
    assert run_glossary("build", "--drafts", cwd=site).returncode == 0


def test_site_templates_and_static_files_override_the_theme(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    (site / "templates").mkdir()
    (site / "templates/404.html").write_text(
        '{% extends "base.html" %}{% block main %}<main id="main"><h1>Lost?</h1></main>{% endblock %}',
        encoding="utf-8",
    )
    (site / "static/assets").mkdir(parents=True)
    (site / "static/assets/style.css").write_text("body { color: red; }\n", encoding="utf-8")
    (site / "static/images").mkdir()
    (site / "static/images/logo.svg").write_text(
        "<svg xmlns='http://www.w3.org/2000/svg'/>", encoding="utf-8"
    )
    assert run_glossary("build", cwd=site).returncode == 0
    assert present(parse_html(site / "_site/404.html").h1).get_text() == "Lost?"
    assert (site / "_site/assets/style.css").read_text() == "body { color: red; }\n"
    assert (site / "_site/images/logo.svg").is_file()
    assert (site / "_site/assets/highlight.css").is_file(), "theme files not overridden are kept"


def test_a_sites_footer_partial_replaces_the_footer_of_every_page(tmp_path: Path) -> None:
    """Was: the footer could be changed only by copying base.html or overriding its block in
    every page template; a Hugo theme's user looks for partials/footer.html."""
    site = copy_site("minimal", tmp_path)
    footer = '<p>© Us · <a href="{{ root }}feed.xml">Feed</a></p>'
    write_files(site, {"templates/partials/footer.html": footer})

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    pages = sorted((site / "_site").rglob("*.html"))
    footers = {page.relative_to(site / "_site").as_posix(): parse_html(page).find("footer") for page in pages}
    assert {
        name: footer.get_text(" ", strip=True) for name, footer in footers.items() if footer is not None
    } == {name: "© Us · Feed" for name, footer in footers.items() if footer is not None}
    assert footers["index.html"] is not None and footers["terms/tensor/index.html"] is not None
    assert present(present(footers["terms/tensor/index.html"]).a).get("href") == "../../feed.xml"


def test_a_sites_brand_partial_puts_its_logo_beside_the_title_on_every_page(tmp_path: Path) -> None:
    """Was: the site title link was written in base.html, so a logo beside it meant copying
    the whole frame; the nav, theme control and search box stay the theme's."""
    site = copy_site("minimal", tmp_path)
    brand = (
        '<a class="site-title" href="{{ root }}index.html">'
        '<img class="logo" src="{{ root }}assets/logo.svg" alt="">{{ site.title }}</a>'
    )
    logo = '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 8 8"><circle cx="4" cy="4" r="4"/></svg>'
    write_files(site, {"templates/partials/brand.html": brand, "static/assets/logo.svg": logo})

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    out = site / "_site"
    base = "https://example.org/docs/"
    seen = set()
    for page in html_pages(out):
        name = page.relative_to(out).as_posix()
        soup = parse_html(page)
        if sends_readers_on(soup):
            continue  # terms/ and a-z/, which have no header
        header = present(soup.find("header", class_="site-header"))
        title = present(header.find("a", class_="site-title"))
        assert title.get_text(strip=True) == "Mini Glossary", name
        image = present(title.find("img", class_="logo"))
        assert attribute(image, "alt") == "", name
        src = urllib.parse.urljoin(base + name, attribute(image, "src"))
        assert src == base + "assets/logo.svg", name
        nav = [a.get_text(strip=True) for a in present(header.find("nav", class_="site-nav")).find_all("a")]
        assert nav == ["A–Z", "Categories", "Tags", "Graph", "Search"], name
        if name == "search/index.html":  # its own field is its one search box
            assert header.select_one("form.search-box") is None
        else:
            assert present(header.select_one("form.search-box input#site-search")).get("name") == "q", name
        assert header.find("button", class_="theme-toggle") is not None, name
        seen.add(name.split("/")[0])
    assert (out / "assets/logo.svg").read_text(encoding="utf-8") == logo
    assert seen == {"404.html", "categories", "graph", "index.html", "search", "tags", "terms"}


def test_a_group_template_that_tests_letters_shows_no_jump_bar_on_a_short_category(tmp_path: Path) -> None:
    """themes.md: `letters` and `sections` are empty lists on a category of 100 terms or
    fewer, so an override may test either; `letters` was A to Z, every letter absent."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {
            "templates/group.html": '{% extends "base.html" %}{% block main %}<main id="main">'
            '{% if letters %}<nav class="jump">{% for l, p in letters %}{{ l }}{% endfor %}</nav>'
            '{% endif %}<p class="sections">{{ sections | length }}</p></main>{% endblock %}'
        },
    )
    assert run_glossary("build", cwd=site).returncode == 0
    page = parse_html(site / "_site/categories/concepts/index.html")
    assert page.select("nav.jump") == []
    assert present(page.select_one("p.sections")).get_text() == "0"


def test_a_template_no_page_uses_is_a_warning_naming_the_template_meant(tmp_path: Path) -> None:
    """A misspelt folder or name overrides nothing: the warning says so and what was meant,
    while a partial of the site's own that a template includes is no warning."""
    site = copy_site("minimal", tmp_path)
    cta = (PROJECT / "src/glossary_site/theme/templates/partials/cta.html").read_text(encoding="utf-8")
    write_files(
        site,
        {
            "templates/partial/cta.html": cta,
            "templates/trem.html": '{% extends "base.html" %}',
            "templates/partials/head.html": '{% include "partials/mine.html" %}',
            "templates/partials/mine.html": '<meta name="mine" content="1">',
            # No misspelling of the site's own partial in use, nor of a theme template.
            "templates/partials/mina.html": "{% macro m() %}x{% endmacro %}",
            "templates/README.md": "Our overrides.",
        },
    )
    result = run_glossary("check", "--strict", cwd=site)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() + result.stderr.splitlines() if "templates/" in line]
    assert lines == [
        "templates/partial/cta.html:1: warning: no page is made with this template: no other extends, "
        "includes or imports it; did you mean 'partials/cta.html'?",
        "templates/partials/mina.html:1: warning: no page is made with this template: no other extends, "
        "includes or imports it",
        "templates/trem.html:1: warning: no page is made with this template: no other extends, "
        "includes or imports it; did you mean 'term.html'?",
    ]
    write_files(site, {"templates/partials/head.html": '{% include "partials/" ~ "mine.html" %}'})
    assert "templates/" not in run_glossary("check", cwd=site).stdout


def test_an_override_left_out_by_another_says_so_rather_than_suggest_another_name(tmp_path: Path) -> None:
    """Was: "did you mean 'partials/table.html'?" at a rightly named partials/cta.html that the
    site's term.html no longer included: renaming it as told would have replaced the tables'."""
    site = copy_site("minimal", tmp_path)
    term = (PROJECT / "src/glossary_site/theme/templates/term.html").read_text(encoding="utf-8")
    assert '{% include "partials/cta.html" %}' in term
    write_files(
        site,
        {
            "templates/term.html": term.replace('{% include "partials/cta.html" %}', ""),
            "templates/partials/cta.html": '<aside>{% include "partials/extra.html" %}</aside>',
            "templates/partials/extra.html": "<p>Ours</p>",
        },
    )

    result = run_glossary("check", "--strict", cwd=site)

    # Was, at extra.html: "no other extends, includes or imports it; did you mean 'partials/cta.html'?"
    assert [line for line in result.stderr.splitlines() if "templates/" in line] == [
        "templates/partials/cta.html:1: warning: no page is made with this template: it replaces the "
        "theme's template of that name, which none of the site's templates extends, includes or imports "
        "any more; put its include back where it should show, or delete this file",
        "templates/partials/extra.html:1: warning: no page is made with this template: only "
        "templates/partials/cta.html includes it, and no page is made with that one either",
    ]


def test_a_file_a_template_of_yours_links_from_the_root_must_be_one_the_build_writes(tmp_path: Path) -> None:
    """Was: a misspelt stylesheet in templates/partials/head.html shipped every page without its
    styles, and the build said nothing. Pages (which a branch may link only when they are made)
    and Pagefind's files (written after the pages) are not checked."""
    site = copy_site("minimal", tmp_path)
    head = (
        '<link rel="stylesheet" href="{{ root }}assets/styel.css">\n'
        '<link rel="icon" href="{{ root }}assets/favicon.svg"><a href="{{ root }}tools/index.html">t</a>\n'
        '<link rel="stylesheet" href="{{ root }}pagefind/ui.css"><img src="{{ root }}images/x.png" alt="">\n'
    )
    write_files(site, {"templates/partials/head.html": head})

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if line.startswith("templates/")] == [
        "templates/partials/head.html:1: '{{ root }}assets/styel.css' leads to no file of this site;"
        " did you mean 'assets/style.css'?",
        "templates/partials/head.html:3: '{{ root }}images/x.png' leads to no file of this site; check the"
        " path (a file of static/ or of the theme's static/ is written at the same path)",
    ]
    write_files(
        site, {"templates/partials/head.html": head.replace("styel", "style"), "static/images/x.png": ""}
    )
    assert run_glossary("check", cwd=site).returncode == 0


def test_a_block_the_base_does_not_have_is_a_warning_naming_the_block_meant(tmp_path: Path) -> None:
    """Was: a misspelt `{% block mian %}`, or a copied base.html whose `main` was renamed, built
    pages without their content and said nothing."""
    site = copy_site("minimal", tmp_path)
    base = (PROJECT / "src/glossary_site/theme/templates/base.html").read_text(encoding="utf-8")
    term = (
        '{% extends "base.html" %}\n{% import "partials/mine.html" as mine %}{% set x = 1 %}\n'
        '{% block mian %}<p>x</p>{% endblock %}\n{# a note #}\n\n<p class="lost">outside any block</p>\n'
    )
    write_files(site, {"templates/term.html": term, "templates/partials/mine.html": ""})
    result = run_glossary("check", "--strict", cwd=site)
    assert result.returncode == 1
    warnings = [said for said in result.stderr.splitlines() if "warning:" in said]
    unmarked = "templates/term.html:1: warning: no term page is marked for search: "
    # Was: nothing at line 6, and the paragraph was in no page.
    assert [said for said in warnings if not said.startswith(unmarked)] == [
        "templates/term.html:3: warning: block 'mian' is not a block of (theme)/templates/base.html,"
        " which this template extends, so nothing shows it; did you mean 'main'?",
        "templates/term.html:6: warning: text outside any block in a template that extends another"
        " is never shown; put it inside a block",
    ]
    # Was: said nothing, and search showed the header and menu in every term's excerpt.
    assert [said for said in warnings if said.startswith(unmarked)] == [
        unmarked + "neither this template nor one it extends, includes or imports has data-pagefind-body, "
        "so search leaves term pages out when any other page has it (as the theme's tool.html does), "
        "or else indexes each whole page with its header and menu; put data-"
        "pagefind-body on the element that holds the term, as the theme's term.html does on its <article>"
    ]
    unsearched = run_glossary("build", "--no-search", cwd=site)
    assert unsearched.returncode == 0 and unmarked not in unsearched.stderr, "no index, no warning"
    (site / "templates/partials/mine.html").unlink()
    (site / "templates/term.html").unlink()
    write_files(site, {"templates/base.html": base.replace("block main", "block mains")})
    result = run_glossary("check", "--strict", cwd=site)
    line = base.splitlines().index("{% block main %}{% endblock %}") + 1
    assert [said for said in result.stderr.splitlines() if "warning:" in said] == [
        f"templates/base.html:{line}: warning: no block 'main', which (theme)/templates/404.html:3"
        " and 10 other theme templates fill, so their pages show none of it; name this block 'main' again"
    ]
    write_files(site, {"templates/base.html": base})
    assert run_glossary("check", "--strict", cwd=site).returncode == 0


def test_a_template_written_with_another_extension_is_a_warning_naming_the_template_meant(
    tmp_path: Path,
) -> None:
    """Was: `partials/cta.htm` or `term.jinja` overrode nothing and said nothing, as only
    names ending in .html, .xml, .txt or .js were looked at; a README or a backup still says
    nothing."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {
            "templates/partials/cta.htm": "<aside>mine</aside>",
            "templates/term.jinja": '{% extends "base.html" %}',
            "templates/partials/head.html.j2": '<meta name="mine" content="1">',
            "templates/README.md": "Our overrides.",
            "templates/term.html.bak": '{% extends "base.html" %}',
        },
    )

    result = run_glossary("check", "--strict", cwd=site)

    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() + result.stderr.splitlines() if "templates/" in line]
    said = "warning: no page is made with this file: a template is named in full, its extension too"
    assert lines == [
        f"templates/partials/cta.htm:1: {said}; did you mean 'partials/cta.html'?",
        f"templates/partials/head.html.j2:1: {said}; did you mean 'partials/head.html'?",
        f"templates/term.jinja:1: {said}; did you mean 'term.html'?",
    ]


def test_a_copy_beside_the_sites_own_template_is_not_told_to_take_its_name(tmp_path: Path) -> None:
    """Was: "did you mean 'partials/cta.html'?" at `partials/cta.htm` when the site's own
    `partials/cta.html` is the override in use, which taking that name would write over."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {
            "templates/partials/cta.html": "<aside>in use</aside>",
            "templates/partials/cta.htm": "<aside>old</aside>",
        },
    )

    result = run_glossary("check", "--strict", cwd=site)

    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() + result.stderr.splitlines() if "templates/" in line]
    assert lines == [
        "templates/partials/cta.htm:1: warning: no page is made with this file: templates/partials/"
        "cta.html is the template pages are made with; delete this file if it is an old copy"
    ]


def test_hostile_front_matter_is_escaped_and_raw_html_sanitised(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    (site / "content/terms/xss.md").write_text(
        "---\n"
        'title: "<script>alert(1)</script>Evil"\n'
        'summary: "</title><img src=x onerror=alert(2)>"\n'
        # a javascript: link, plain or in character references, is an error (tests below)
        'definition: \'Click <a href="https://example.org/" onmouseover="alert(3)">here</a>.\'\n'
        'aliases: ["<b>bold</b>"]\n'
        "related: [tensor]\n"
        "tables:\n"
        "  - title: <i>t</i>\n"
        "    columns: ['<u>c</u>']\n"
        "    rows:\n"
        "      - ['<script>x()</script>']\n"
        "faq:\n"
        "  - q: <em>why</em>\n"
        "    a: <div onclick=alert(4)>because</div>\n"
        "updated: 2025-01-01\n"
        "---\n\n"
        "<script>alert(5)</script>\n\n<p style='color:red' onmouseover='alert(6)'>styled</p>\n",
        encoding="utf-8",
    )
    (site / "content/terms/tensor.md").write_text(
        (site / "content/terms/tensor.md").read_text().replace("related: [GPU", "related: [xss, GPU"),
        encoding="utf-8",
    )
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    page = site / "_site/terms/xss/index.html"
    soup = parse_html(page)
    scripts = soup.find_all("script")
    assert [s.get("type") for s in scripts if not s.get("src")] == ["application/ld+json"] * 3, "data only"
    assert all(attribute(s, "src").startswith("../../assets/") for s in scripts if s.get("src")), (
        "the theme's own"
    )
    assert present(soup.h1).get_text() == "<script>alert(1)</script>Evil"
    assert present(soup.title).get_text().startswith("<script>")
    assert soup.find("img") is None
    assert present(soup.select_one(".alias")).get_text() == "<b>bold</b>"
    assert next(present(soup.select_one(".data-table h2")).strings) == "<i>t</i>"
    question = present(
        soup.select_one(".faq summary")
    )  # inline Markdown, as table cells: sanitised, not escaped
    assert question.get_text() == "why" and question.find("em") is not None
    for tag in soup.find_all(True):
        assert not any(attr.startswith("on") for attr in tag.attrs), tag
        assert "script:" not in str(tag.get("href", "")), tag
        assert "style" not in tag.attrs, tag
    assert "styled" in present(soup.select_one(".prose")).get_text()
    index = parse_html(site / "_site/index.html")
    assert index.find("img") is None
    assert all(attribute(s, "src").startswith("assets/") for s in index.find_all("script"))


def test_a_link_from_the_home_page_to_a_file_with_a_colon_in_its_name_stays_on_the_site(
    tmp_path: Path,
) -> None:
    """An address from the site's root made relative to the home page lost its '/' only:
    `/javascript:alert(1)` (a file of static/ so named) became the link `javascript:alert(1)`,
    which runs as a script, and `/notes:2024.txt` one to the scheme 'notes:'."""
    site = copy_site("minimal", tmp_path)
    for name in ("javascript:alert(1)", "notes:2024.txt"):
        write_files(site, {f"static/{name}": "x\n"})
    with (site / "content/site.yml").open("a", encoding="utf-8") as settings:
        settings.write("intro: '[run](/javascript:alert(1)) and [notes](/notes:2024.txt)'\n")
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    intro = present(parse_html(site / "_site/index.html").select_one(".intro"))
    page = "https://example.org/docs/index.html"
    assert [urllib.parse.urljoin(page, attribute(a, "href")) for a in intro.find_all("a")] == [
        "https://example.org/docs/javascript:alert(1)",
        "https://example.org/docs/notes:2024.txt",
    ]


def test_hostile_labels_are_escaped_in_the_term_graph(tmp_path: Path) -> None:
    """site.yml's labels are text like the rest of it: the names of the kinds of link, which
    each neighbour's tooltip in the term graph gives, are shown as written, never as markup."""
    site = copy_site("minimal", tmp_path)
    related = "</title><script>alert(1)</script><title>"
    links_to = "<img src=x onerror=alert(2)>"
    with (site / "content/site.yml").open("a", encoding="utf-8") as settings:
        settings.write(f"labels:\n  legend_related: '{related}'\n  legend_links_to: '{links_to}'\n")
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    soup = parse_html(site / "_site/terms/tensor/index.html")
    graph = present(soup.select_one("svg.graph"))
    assert graph.find("script") is None and graph.find("img") is None
    tooltips = [title.get_text() for title in graph.select("a.graph-node > title")]
    assert f"Graphics processing unit ({related}, {links_to}, linked from)" in tooltips, tooltips
    assert {s.get("type") for s in soup.find_all("script") if not s.get("src")} == {"application/ld+json"}
    assert not any(attr.startswith("on") for tag in soup.find_all(True) for attr in tag.attrs)


def test_new_writes_a_stub_that_check_accepts_and_never_overwrites(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    result = run_glossary("new", "Attention: the mechanism", cwd=site)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Wrote content/terms/attention-the-mechanism.md;"), "relative to here"
    inside = run_glossary("new", "Beam search", cwd=site / "content/terms")
    assert inside.stdout.startswith("Wrote beam-search.md;"), inside.stdout
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    named = run_glossary("new", "Softmax", "--source", site, cwd=elsewhere)
    assert named.stdout.startswith(f"Wrote {site.as_posix()}/content/terms/softmax.md;"), named.stdout
    relative = run_glossary("new", "Dropout", "--source", "../minimal", cwd=elsewhere)
    assert relative.stdout.startswith("Wrote ../minimal/content/terms/dropout.md;"), relative.stdout
    stub = site / "content/terms/attention-the-mechanism.md"
    assert 'title: "Attention: the mechanism"' in stub.read_text()
    checked = run_glossary("check", cwd=site)
    assert checked.returncode == 0, checked.stderr
    again = run_glossary("new", "Attention: the mechanism", cwd=site)
    assert again.returncode == 2
    assert (
        "'Attention: the mechanism' is already a name of content/terms/attention-the-mechanism.md"
        in again.stderr
    )
    assert stub.read_text().startswith("---\ntitle:"), "never overwritten"


def test_new_says_which_slug_a_title_with_a_meaningful_sign_made_and_how_to_choose_another(
    tmp_path: Path,
) -> None:
    site = copy_site("minimal", tmp_path)

    made = run_glossary("new", "C++", cwd=site)
    chosen = run_glossary("new", "C#", "--slug", "c-sharp", cwd=site)
    plain = run_glossary("new", "Beam search", cwd=site)

    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Wrote content/terms/c.md;")
    assert made.stderr == (
        "note: the slug made from 'C++' is 'c' (its page is terms/c/), without its '+'; to choose "
        "another, rename the file to cpp.md (--slug cpp names it so when the term is made)\n"
    )
    assert chosen.returncode == 0 and chosen.stderr == "", "a slug given is the one wanted"
    assert plain.returncode == 0 and plain.stderr == ""
    (site / "content/terms/c.md").rename(site / "content/terms/cpp.md")
    assert run_glossary("new", "C", cwd=site).returncode == 0, "the slug c is free again"


def test_new_says_which_slug_a_title_with_a_leading_dot_made_and_leaves_a_dot_inside_alone(
    tmp_path: Path,
) -> None:
    """Was silent: '.NET' made the slug 'net', which loses what the dot meant."""
    site = copy_site("minimal", tmp_path)

    made = run_glossary("new", ".NET", cwd=site)
    inside = run_glossary("new", "Node.js", cwd=site)

    assert made.returncode == 0, made.stderr
    assert made.stdout.startswith("Wrote content/terms/net.md;")
    assert made.stderr == (
        "note: the slug made from '.NET' is 'net' (its page is terms/net/), without its leading '.'; "
        "to choose another, rename the file to dotnet.md (--slug dotnet names it so when the term is made)\n"
    )
    assert inside.returncode == 0 and inside.stderr == "", "node-js reads as Node.js does"
    assert inside.stdout.startswith("Wrote content/terms/node-js.md;")


def test_check_writes_nothing(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    before = tree_digest(site)
    result = run_glossary("check", "--strict", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "Check passed" in result.stdout
    assert tree_digest(site) == before


def test_help_and_usage_errors(tmp_path: Path) -> None:
    helped = run_glossary("--help", cwd=tmp_path)
    assert helped.returncode == 0
    for command in ("build", "check", "new", "serve"):
        assert command in helped.stdout
    assert "--strict" in run_glossary("build", "--help", cwd=tmp_path).stdout
    wrong = run_glossary("build", "--no-such-flag", cwd=tmp_path)
    assert wrong.returncode == 2
    assert "Traceback" not in wrong.stderr


def test_build_py_at_the_project_top_builds_like_glossary_build(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    shutil.copy(PROJECT / "build.py", site / "build.py")
    result = subprocess.run(
        [sys.executable, "build.py"], cwd=site, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert (site / "_site/terms/tensor/index.html").is_file()


def test_wiki_links_in_practice_questions_are_checked_and_shown_as_their_text(tmp_path: Path) -> None:
    """The question opens its answer when clicked, so it holds no link of its own (axe:
    nested-interactive); the reference is still resolved and checked, and counts as a link."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(
        tensor.read_text().replace("q: Is a matrix a tensor?", "q: Why do [[GPUs]] love *tensors*?")
    )
    gpu = site / "content/terms/graphics-processing-unit.md"
    gpu.write_text(gpu.read_text().replace("related: [tensor, ", "related: ["))
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    question = parse_html(site / "_site/terms/tensor/index.html").select_one(".faq summary")
    assert question is not None
    assert question.get_text() == "Why do GPUs love tensors?"
    assert question.find("a") is None and question.find("em") is not None
    backlinks = parse_html(site / "_site/terms/graphics-processing-unit/index.html").select(".backlinks a")
    assert "Tensor" in [a.get_text(strip=True) for a in backlinks]

    tensor.write_text(tensor.read_text().replace("Why do [[GPUs]]", "Why do [[GPUz]]"))
    broken = run_glossary("check", cwd=site)
    assert broken.returncode == 1
    assert "content/terms/tensor.md:15: unknown wiki-link target 'GPUz'" in broken.stderr


def test_links_and_images_to_site_paths_in_markdown_work_under_a_sub_path(tmp_path: Path) -> None:
    """Was: `![d](/images/d.svg)` and `[s](/search/)` left as written, so under base_url's
    sub-path (and from disk) the image was missing and the link led off the site."""
    site = copy_site("minimal", tmp_path)
    (site / "static/images").mkdir(parents=True)
    (site / "static/images/tensor.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>\n')
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(
        tensor.read_text(encoding="utf-8")
        + "\n![A rank-3 tensor](/images/tensor.svg)\n\nFind more on [the search page](/search/#q).\n"
        + "\nIts index is [one script](/pagefind/pagefind.js) and its bundles.\n"
        + "\n```\n[not a link](/nowhere/)\n```\n",
        encoding="utf-8",
    )

    result = run_glossary("build", "--no-search", "--base-url", "https://example.org/docs/", cwd=site)

    assert result.returncode == 0, result.stderr
    page = site / "_site/terms/tensor/index.html"
    image = present(parse_html(page).find("img", alt="A rank-3 tensor"))
    link = present(parse_html(page).find("a", string="the search page"))
    assert (attribute(image, "src"), attribute(link, "href")) == (
        "../../images/tensor.svg",
        "../../search/index.html#q",
    )
    targets = {written: target for written, target, _ in local_targets(site / "_site", page)}
    assert targets["../../images/tensor.svg"].is_file() and targets["../../search/index.html#q"].is_file()
    assert "[not a link](/nowhere/)" in parse_html(page).get_text()


def test_a_quotations_source_written_from_the_root_leads_to_its_page_under_a_sub_path(tmp_path: Path) -> None:
    """Was: `<blockquote cite="/terms/model-training/">` left as written on the page, so under
    base_url's sub-path it named https://example.org/terms/model-training/, off the site, and
    the feed's copy of it too; links written the same way were made relative already."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    definition = "definition: A **tensor** generalises vectors and matrices to any number of axes."
    quote = '<blockquote cite="/terms/model-training/">Training needs tensors.</blockquote>'
    text = tensor.read_text(encoding="utf-8").replace(definition, f"{definition}\n\n  {quote}")
    tensor.write_text(text.replace("definition: ", "definition: |\n  "), encoding="utf-8")  # the feed's part

    result = run_glossary("build", "--no-search", cwd=site)

    assert result.returncode == 0, result.stderr
    base, out = "https://example.org/docs/", site / "_site"
    target = base + "terms/model-training/index.html"
    quoted = present(parse_html(out / "terms/tensor/index.html").find("blockquote"))
    assert urllib.parse.urljoin(base + "terms/tensor/index.html", attribute(quoted, "cite")) == target
    assert (out / target.removeprefix(base)).is_file()
    entries = ET.parse(out / "feed.xml").getroot().findall(f"{ATOM}entry")
    entry = next(e for e in entries if e.findtext(f"{ATOM}title") == "Tensor")
    in_feed = present(BeautifulSoup(entry.findtext(f"{ATOM}content") or "", "html.parser").find("blockquote"))
    assert attribute(in_feed, "cite") == target.removesuffix("index.html")  # the page's canonical address


def test_a_quotations_source_to_no_page_of_the_site_is_an_error_at_its_line_like_a_link(
    tmp_path: Path,
) -> None:
    """Was: `<blockquote cite="/terms/tensr/">` built and checked without a word, where a link
    to the same address is an error at its line. Was too: a link to a section no page of the
    site has (a heading renamed, an id misspelt) passed, leading to the top of the page; one to
    a heading, a footnote, a table or a section the theme gives every term page is fine."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8") + "\nSee [the guide](/terms/gone/).\n"
    text += '\n<blockquote cite="/terms/tensr/">Misspelt.</blockquote>\n'
    text += "\n<blockquote cite='../modle-training/'>Misspelt too.</blockquote>\n"
    sections = {
        "other": "[its note](/terms/model-training/#note-1)",
        "relative": "[its sections](../model-training/#sections)",
        "same": "[shapes](#shapez)",
        "case": "[shapes](/terms/tensor/#Shapes)",
        "good": "[shapes](/terms/tensor/#shapes), [note](../model-training/#fn:1), [ranks](#tensor-ranks)",
        "theme": "[questions](#term-faq), [graph](/terms/model-training/#term-graph), <span id=mine></span>"
        " [mine](#mine), [reading](/terms/model-training/#term-sources)",
        "no-questions": "[its questions](/terms/model-training/#term-faq)",
    }
    text += "".join(f"\n{link}\n" for link in sections.values())
    tensor.write_text(text, encoding="utf-8")
    last = len(text.splitlines()) - 2 * len(sections)
    line = {name: last + 2 * number for number, name in enumerate(sections, 1)}
    dead = "leads to no page of this site; check the path"
    expected = [
        f"content/terms/tensor.md:{last - 2}: link '/terms/tensr/' {dead}",
        f"content/terms/tensor.md:{last - 4}: link '/terms/gone/' {dead}",
        f"content/terms/tensor.md:{last}: link '../modle-training/' {dead} "
        "(it is read from the page's folder, /terms/tensor/)",
    ]
    no_section = "names no section of"
    expected_sections = [
        f"content/terms/tensor.md:{line['other']}: warning: link '/terms/model-training/#note-1' "
        f"{no_section} 'Model training'; its sections are: #term-definition, #term-sources",
        f"content/terms/tensor.md:{line['relative']}: warning: link '../model-training/#sections' "
        f"{no_section} 'Model training'; its sections are: #term-definition, #term-sources",
        # was: no warning, as if every term page had practice questions
        f"content/terms/tensor.md:{line['no-questions']}: warning: link '/terms/model-training/#term-faq' "
        f"{no_section} 'Model training'; did you mean '#term-cta'?",
        f"content/terms/tensor.md:{line['same']}: warning: link '#shapez' {no_section} 'Tensor'; "
        "did you mean '#shapes'?",
        f"content/terms/tensor.md:{line['case']}: warning: link '/terms/tensor/#Shapes' {no_section} "
        "'Tensor'; did you mean '#shapes'?",
    ]

    for command in ("build", "check"):
        result = run_glossary(command, *(["--no-search"] if command == "build" else []), cwd=site)
        assert result.returncode == 1, command
        assert sorted(line for line in result.stderr.splitlines() if dead in line) == sorted(expected)
        found = [line for line in result.stderr.splitlines() if no_section in line]
        assert sorted(found) == sorted(expected_sections), command


def links_in_tensor(site: Path, links: list[str]) -> dict[str, int]:
    """Each link put in a sentence of its own at the end of the Tensor term: the line it is on."""
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8") + "\n" + "\n\n".join(f"See {link}." for link in links) + "\n"
    tensor.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    return {link: lines.index(f"See {link}.") + 1 for link in links}


def test_a_full_address_of_the_sites_own_pages_is_checked_like_a_path(tmp_path: Path) -> None:
    """Was: a link copied from the published site (https://example.org/docs/terms/gone/) was
    never checked, though the same address written as a path is an error at its line. Other
    hosts, and the same host outside base_url's path, are not this site."""
    site = copy_site("minimal", tmp_path)  # base_url: https://example.org/docs/
    links = [
        "[gone](https://example.org/docs/terms/gone/)",
        "[http too](http://EXAMPLE.org/docs/terms/gpu-old/#use)",
        "[default port](https://example.org:443/docs/terms/tensr/)",
        "[fine](https://example.org/docs/terms/model-training/)",
        "[home](https://example.org/docs)",
        "[elsewhere](https://example.org/blog/terms/gone/)",
        "[other host](https://example.com/docs/terms/gone/)",
    ]
    at = links_in_tensor(site, links)
    training = site / "content/terms/model-training.md"
    ours = "\n  - title: A paper of ours\n    url: https://example.org/docs/papers/\nupdated:"
    training.write_text(training.read_text(encoding="utf-8").replace("\nupdated:", ours), encoding="utf-8")
    dead = "leads to no page of this site; check the path"

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert sorted(line for line in result.stderr.splitlines() if dead in line) == sorted(
        [
            f"content/terms/tensor.md:{at[links[0]]}: link 'https://example.org/docs/terms/gone/' {dead}",
            f"content/terms/tensor.md:{at[links[1]]}: "
            f"link 'http://EXAMPLE.org/docs/terms/gpu-old/#use' {dead}",
            f"content/terms/tensor.md:{at[links[2]]}: "
            f"link 'https://example.org:443/docs/terms/tensr/' {dead}",
            f"content/terms/model-training.md:12: link 'https://example.org/docs/papers/' {dead}",
        ]
    )


def test_a_preview_build_and_check_check_full_addresses_of_the_published_site_too(tmp_path: Path) -> None:
    """Was: with --base-url (a preview deployment), a dead link written as the published site's
    full address was taken for another site's and passed `build --strict`, while `check` and a
    build without the option reported it."""
    site = copy_site("minimal", tmp_path)  # base_url: https://example.org/docs/
    links = [
        "[published](https://example.org/docs/terms/gone/)",
        "[preview](https://preview.example.net/pr-7/terms/tensr/)",
        "[fine](https://example.org/docs/terms/model-training/)",
    ]
    at = links_in_tensor(site, links)
    dead = "leads to no page of this site; check the path"

    result = run_glossary("build", "--no-search", "--base-url", "https://preview.example.net/pr-7/", cwd=site)
    # Was refused ("unrecognized arguments"), so CI's check passed a link its deploy build failed.
    checked = run_glossary("check", "--base-url", "https://preview.example.net/pr-7/", cwd=site)

    expected = [
        f"content/terms/tensor.md:{at[links[0]]}: link 'https://example.org/docs/terms/gone/' {dead}",
        f"content/terms/tensor.md:{at[links[1]]}: "
        f"link 'https://preview.example.net/pr-7/terms/tensr/' {dead}",
    ]
    assert result.returncode == 1
    assert sorted(line for line in result.stderr.splitlines() if dead in line) == expected
    assert checked.returncode == 1
    assert sorted(line for line in checked.stderr.splitlines() if dead in line) == expected


def test_a_dead_link_below_a_code_fence_never_closed_is_reported_at_its_line(tmp_path: Path) -> None:
    """Was: at line 1, as the link was taken for code; Python-Markdown shows a fence that is
    never closed as text, and converts the link below it."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8") + "\n```\nnot code after all\n\nSee [x](/terms/nosuch/).\n"
    tensor.write_text(text, encoding="utf-8")
    line = text.splitlines().index("See [x](/terms/nosuch/).") + 1

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    dead = "leads to no page of this site; check the path"
    assert [problem for problem in result.stderr.splitlines() if dead in problem] == [
        f"content/terms/tensor.md:{line}: link '/terms/nosuch/' {dead}"
    ]


def test_a_link_in_markdown_to_no_file_of_the_site_is_an_error_at_its_line(tmp_path: Path) -> None:
    """A link written with base_url's sub-path (/docs/) that leads to a page without it gets
    the address to write (was: "check the path", or a did-you-mean that happened to match)."""
    site = copy_site("minimal", tmp_path)  # base_url: https://example.org/docs/
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8") + "\nSee ![the chart](/images/chart.png) above.\n"
    tensor.write_text(text, encoding="utf-8")
    line = text.splitlines().index("See ![the chart](/images/chart.png) above.") + 1
    sub_path = ["[training](/docs/terms/model-training/#use)", "[home](/docs/)", "[gone](/docs/terms/gone/)"]
    at = links_in_tensor(site, sub_path)
    write_files(
        site,
        {
            "content/tools/torch.md": "---\ntitle: Torch\nsummary: A tensor library.\n"
            "url: https://pytorch.org/\nupdated: 2025-06-01\n---\n\nRead [the guide](/guides/torch/).\n"
        },
    )

    result = run_glossary("build", cwd=site)

    assert result.returncode == 1
    dead = "leads to no page of this site; check the path"
    assert [problem for problem in result.stderr.splitlines() if dead in problem] == [
        f"content/terms/tensor.md:{line}: link '/images/chart.png' {dead}",
        f"content/terms/tensor.md:{at[sub_path[2]]}: link '/docs/terms/gone/' {dead}",
        f"content/tools/torch.md:8: link '/guides/torch/' {dead}",
    ]
    without = (
        "leads to no page of this site; write links from the site's root without base_url's path '/docs/'"
    )
    assert [problem for problem in result.stderr.splitlines() if without in problem] == [
        f"content/terms/tensor.md:{at[sub_path[0]]}: link '/docs/terms/model-training/#use' {without}: "
        "'/terms/model-training/#use'",
        f"content/terms/tensor.md:{at[sub_path[1]]}: link '/docs/' {without}: '/'",
    ]


def test_ids_on_a_term_page_are_unique_and_each_in_page_link_finds_its_own(tmp_path: Path) -> None:
    """Was: footnotes of the definition and the body were both 'fn:1', a section called
    "Term graph" took the theme's own id, and a table called "Site search" the search box's."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8").replace(
        "definition: A **tensor** generalises vectors and matrices to any number of axes.",
        "definition: |\n  A **tensor** generalises vectors[^1].\n\n  [^1]: Said in the definition.",
    )
    text = text.replace("title: Tensor ranks", "title: Site search").replace(
        "faq:",
        "  - title: Shapes table\n    columns: [A]\n    rows: [[x]]\n  - title: Shapes\n    columns: [B]\n"
        "    rows: [[y]]\nfaq:",
    )  # the body's "Shapes" heading takes 'shapes'; the second table must not be 'shapes-table' too
    text += "\n## Term graph\n\nSee [that section](#term-graph). A note[^1].\n\n[^1]: Said in the body.\n"
    text += "\n<span id='term-faq'>Raw</span> and <b id=term-toc>HTML</b>, quoted otherwise.\n"  # was kept
    text += "\n## Site search label\n\nThe header's search form is named by its label's id.\n"
    tensor.write_text(text, encoding="utf-8")

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    soup = parse_html(site / "_site/terms/tensor/index.html")
    ids = [str(element["id"]) for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))

    def target(link_text: str) -> str:
        href = attribute(present(soup.find("a", string=link_text)), "href")
        return present(soup.find(id=href.removeprefix("#"))).get_text(" ", strip=True)

    assert "Said in the definition." in target("1") and target("Term graph").startswith("Term graph")
    assert "Said in the body." in str(present(soup.find(id="fn:1")).get_text())
    assert target("that section").startswith("Term graph") and target("Site search").startswith("Site search")
    assert present(soup.find(id="term-graph")).name == "h2"  # the theme's graph section kept its id
    assert present(soup.find(id="site-search")).name != "h2"


def test_two_sections_named_as_a_theme_section_each_get_their_own_anchor(tmp_path: Path) -> None:
    """Was: both "Term graph" sections of the body were 'term-graph_1', so the second's "#" link
    and its entry under "On this page" led to the first."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8")
    text += "\n## Term graph\n\nThe first.\n\n## Main\n\nBetween.\n\n## Term graph\n\nThe second.\n"
    tensor.write_text(text, encoding="utf-8")

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    soup = parse_html(site / "_site/terms/tensor/index.html")
    ids = [str(element["id"]) for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))
    sections = present(soup.find("article")).select("h2:has(> a.headerlink)")
    anchors = [(heading.get_text(" ", strip=True), str(heading["id"])) for heading in sections]
    assert anchors[-4:-1] == [
        ("Term graph #", "term-graph_1"),
        ("Main #", "main_1"),
        ("Term graph #", "term-graph_2"),
    ]
    toc_links = present(soup.find("nav", class_="toc")).find_all("a", string="Term graph")
    toc = [attribute(a, "href") for a in toc_links]
    assert toc == ["#term-graph_1", "#term-graph_2"]
    followed = [present(soup.find(id=href.removeprefix("#"))).find_next("p") for href in toc]
    assert [present(p).get_text() for p in followed] == ["The first.", "The second."]


def test_every_dead_link_is_reported_where_it_links_not_where_its_text_first_appears(tmp_path: Path) -> None:
    """Was: the first line holding the address anywhere (here the summary, a code span, the
    fenced example), and one report however often the link was written; then the summary
    too, whose link syntax is only text."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8")
    text = text.replace("numbers.", "numbers, see [the guide](/guide/) soon.").replace(
        "updated:", "sources:\n  - title: Our guide\n    url: /guide.pdf\nupdated:"
    )
    text += "\nWrite `[it](/guide/)` to link.\n\n```md\n[guide](/guide/)\n```\n\nRead [the guide](/guide/).\n"
    text += "\nThen [the guide\n  again](/guide/ 'title').\n"
    tensor.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    link_lines = [
        lines.index("Read [the guide](/guide/).") + 1,
        lines.index("  again](/guide/ 'title').") + 1,
    ]

    result = run_glossary("build", "--no-search", cwd=site)

    dead = "leads to no page of this site; check the path"
    assert [problem for problem in result.stderr.splitlines() if dead in problem] == [
        f"content/terms/tensor.md:{lines.index('    url: /guide.pdf') + 1}: link '/guide.pdf' {dead}",
        *(f"content/terms/tensor.md:{line}: link '/guide/' {dead}" for line in link_lines),
    ]
    assert result.returncode == 1


def test_a_windows_path_in_a_link_is_reported_at_its_line_with_the_separator_to_use(tmp_path: Path) -> None:
    """Was: 'content/terms/tensor.md:1:' and no word on the '\\': the line was looked up with
    every backslash taken out, as Markdown escapes are, so 'images\\chart.png' was never found."""
    line, problems, status = _tensor_built_with(tmp_path, "See ![the chart](images\\chart.png).")

    assert problems == [
        f"content/terms/tensor.md:{line}: link 'images\\chart.png' leads to no page of "
        "this site; check the path (it is read from the page's folder, /terms/tensor/); separate "
        "folders with '/', not '\\'"
    ]
    assert status == 1


def _tensor_built_with(tmp_path: Path, line: str) -> tuple[int, list[str], int]:
    """The minimal site built with `line` added at the end of tensor.md: that line's number,
    the dead links reported and the exit status."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8") + f"\n{line}\n"
    tensor.write_text(text, encoding="utf-8")
    result = run_glossary("build", "--no-search", cwd=site)
    dead = [problem for problem in result.stderr.splitlines() if "leads to no page" in problem]
    return len(text.splitlines()), dead, result.returncode


def test_links_written_relative_to_the_page_are_checked_from_its_folder(tmp_path: Path) -> None:
    """Was: '![chart](chart.png)' beside a term file (as in a Hugo page bundle) built without a
    word, an image missing on the page. Then it said "check the path" of a path that named the
    file: now the message says where to move the file for the same link to find it, for a
    bundle's index.md too, whose page is terms/index/ until it is renamed."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8").replace(
        "updated:", "sources:\n  - title: The paper\n    url: paper.pdf\nupdated:"
    )
    text += "\nSee ![the chart](chart.png), [a GPU](../graphics-processing-unit/) and [tags](../../tags/).\n"
    tensor.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    sear = (
        "---\ntitle: Sear\nsummary: S.\ndefinition: To sear.\nrelated: [tensor]\n---\n\n![Steak](steak.png)\n"
    )
    write_files(
        site,
        {
            "content/terms/chart.png": "not a picture",
            "content/terms/sear/index.md": sear,
            "content/terms/sear/steak.png": "-",
        },
    )

    result = run_glossary("build", "--no-search", cwd=site)

    dead = "leads to no page of this site"
    read_from = f"{dead}; check the path (it is read from the page's folder, /terms/tensor/)"
    moved = f"{dead}: files in content/ are not copied;"
    assert [problem for problem in result.stderr.splitlines() if dead in problem] == [
        f"content/terms/sear/index.md:8: link 'steak.png' {moved} rename content/terms/sear/index.md to "
        "'sear.md' (or add 'slug: sear'), and move content/terms/sear/steak.png to "
        "static/terms/sear/steak.png",
        f"content/terms/tensor.md:{lines.index('    url: paper.pdf') + 1}: link 'paper.pdf' {read_from}",
        f"content/terms/tensor.md:{len(lines)}: link 'chart.png' {moved} move content/terms/chart.png to "
        "static/terms/tensor/chart.png",
    ]
    assert result.returncode == 1

    # Done as the messages say, the same links find their files.
    (site / "static/terms/tensor").mkdir(parents=True)
    (site / "static/terms/sear").mkdir(parents=True)
    (site / "content/terms/chart.png").rename(site / "static/terms/tensor/chart.png")
    (site / "content/terms/sear/steak.png").rename(site / "static/terms/sear/steak.png")
    (site / "content/terms/sear/index.md").rename(site / "content/terms/sear/sear.md")
    write_files(site, {"static/terms/tensor/paper.pdf": "-"})
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    page = site / "_site/terms/tensor/index.html"
    targets = {link: target for link, target, _ in local_targets(site / "_site", page)}
    written = {"chart.png", "paper.pdf", "../graphics-processing-unit/", "../../tags/"}
    assert written <= set(targets), sorted(targets)  # was: a page without them passed
    assert [targets[link].is_file() for link in sorted(written)] == [True] * 4
    assert targets["chart.png"].read_text() == "not a picture"
    steak = {
        link: target
        for link, target, _ in local_targets(site / "_site", site / "_site/terms/sear/index.html")
    }
    assert steak["steak.png"].read_text() == "-"


def test_a_relative_link_that_climbs_above_the_site_is_an_error(tmp_path: Path) -> None:
    """Was: '../../../tags/' from a term page passed (the check stopped climbing at '/', as
    a browser does at the host's root), and under base_url's sub-path it led off the site."""
    line, problems, status = _tensor_built_with(
        tmp_path, "See [tags](../../tags/), not [these](../../../tags/)."
    )

    assert problems == [
        f"content/terms/tensor.md:{line}: link '../../../tags/' leads to no page of this "
        "site; check the path (it is read from the page's folder, /terms/tensor/)"
    ]
    assert status == 1


def test_a_link_whose_scheme_is_dropped_is_an_error_at_its_line(tmp_path: Path) -> None:
    """Was: built without a word, the link shown going nowhere (nh3 drops the address). And a
    '//host/...' address (an error in `sources` or a `cta`) passed in Markdown: kept as
    written, past the link checks, and file://host/... on a site opened from disk."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8")
    text = text.replace("**rank-2** tensor.", "**rank-2** [tensor](//evil.example/faq).")
    text += "\nA [typo](htps://example.com/x) and [a file](ftp://example.com/f).\n\n"
    text += "<a href='javascript:alert(1)'>Raw</a>, [fine](https://example.com/) and [mail](mailto:a@b.c).\n"
    text += '\n[x](//evil.example/a), <a href="//evil.example/b">b</a>, <img src="//tracker.example/p.gif">\n'
    tensor.write_text(text, encoding="utf-8")
    last = len(text.splitlines())
    faq = text.splitlines().index("    a: Yes, a matrix is a **rank-2** [tensor](//evil.example/faq).") + 1

    result = run_glossary("build", "--no-search", cwd=site)

    tail = "which a link may not; write an http(s) or mailto: address"
    slashes = "starts with '//'; write the scheme too, e.g. https://example.com/page/"
    assert [line for line in result.stderr.splitlines() if "starts with" in line] == [
        f"content/terms/tensor.md:{faq}: link '//evil.example/faq' {slashes}",
        f"content/terms/tensor.md:{last - 4}: link 'ftp://example.com/f' starts with 'ftp:', {tail}",
        f"content/terms/tensor.md:{last - 4}: link 'htps://example.com/x' starts with 'htps:', {tail}",
        f"content/terms/tensor.md:{last - 2}: link 'javascript:alert(1)' starts with 'javascript:', {tail}",
        f"content/terms/tensor.md:{last}: link '//evil.example/a' {slashes}",
        f"content/terms/tensor.md:{last}: link '//evil.example/b' {slashes}",
        f"content/terms/tensor.md:{last}: link '//tracker.example/p.gif' {slashes}",
    ]
    assert result.returncode == 1


def test_a_link_whose_scheme_is_written_with_character_references_is_an_error_too(tmp_path: Path) -> None:
    """Was: `&#106;avascript:` passed the check, and nh3, reading the reference as the browser
    does, dropped the address: the page showed a link going nowhere, without a word."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8")
    text += '\n<a href="&#106;avascript:alert(1)">Raw</a>\n\n[md](&#x6A;avascript&#x3A;alert(2))\n\n'
    text += '<img alt="x" src="&#100;ata:image/png;base64,AAAA">\n'
    # Browsers take tabs and line breaks out of an address before they read its scheme.
    text += '\n<a href="jav&#x09;ascript:alert(3)">Tab</a>\n\n<a href="java\nscript:alert(4)">Split</a>\n'
    tensor.write_text(text, encoding="utf-8")
    last = len(text.splitlines())

    result = run_glossary("build", "--no-search", cwd=site)

    tail = "which a link may not; write an http(s) or mailto: address"
    assert [line for line in result.stderr.splitlines() if "starts with" in line] == [
        f"content/terms/tensor.md:{last - 9}: link 'javascript:alert(1)' starts with 'javascript:', {tail}",
        f"content/terms/tensor.md:{last - 7}: link 'javascript:alert(2)' starts with 'javascript:', {tail}",
        f"content/terms/tensor.md:{last - 5}: link 'data:image/png;base64,AAAA' starts with 'data:', {tail}",
        f"content/terms/tensor.md:{last - 3}: link 'jav\\u0009ascript:alert(3)' starts with 'javascript:', "
        + tail,
        f"content/terms/tensor.md:{last - 1}: link 'java\\u000ascript:alert(4)' starts with 'javascript:', "
        + tail,
    ]
    assert result.returncode == 1


def test_a_link_to_a_pages_folder_without_its_slash_is_a_warning_saying_how_to_write_it(
    tmp_path: Path,
) -> None:
    """Was: accepted and written as '../../terms/model-training', which a web host redirects
    but a page opened from disk follows to a listing of the folder."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8")
    text += (
        "\nSee [training](/terms/model-training), [a GPU](../graphics-processing-unit#use), [tags](/tags/).\n"
    )
    tensor.write_text(text, encoding="utf-8")
    line = len(text.splitlines())

    result = run_glossary("build", "--no-search", cwd=site)

    assert [problem for problem in result.stderr.splitlines() if "folder" in problem] == [
        f"content/terms/tensor.md:{line}: warning: link '../graphics-processing-unit#use' names a page's "
        "folder without its last '/'; write '../graphics-processing-unit/#use' (opened from disk, the link "
        "would list the folder)",
        f"content/terms/tensor.md:{line}: warning: link '/terms/model-training' names a page's folder "
        "without its last '/'; write '/terms/model-training/' (opened from disk, the link would list the "
        "folder)",
    ]
    assert result.returncode == 0
    assert run_glossary("build", "--no-search", "--strict", cwd=site).returncode == 1


def test_a_dead_link_in_one_intro_is_reported_in_that_intro_only(tmp_path: Path) -> None:
    """Was: also at the home intro's line, where the same words lead somewhere (from /)."""
    site = copy_site("example", tmp_path)
    settings = site / "content/site.yml"
    text = settings.read_text(encoding="utf-8")
    text = text.replace("intro: |\n", "intro: |\n  Browse [the tools](tools/index.html).\n", 1)
    text = text.replace(
        "  intro: Answer three questions",
        "  intro: See [the tools](tools/index.html). Answer three questions",
    )
    settings.write_text(text, encoding="utf-8")
    line = next(n for n, written in enumerate(text.splitlines(), 1) if written.startswith("  intro: See"))

    result = run_glossary("check", cwd=site)

    assert [problem for problem in result.stderr.splitlines() if "leads to no page" in problem] == [
        f"content/site.yml:{line}: link 'tools/index.html' leads to no page of this site; check the path "
        "(it is read from the page's folder, /stack-builder/)"
    ]


def test_a_save_that_adds_a_link_to_no_file_is_reported_by_serve_and_build(tmp_path: Path) -> None:
    """Saves of a term's body alone skip the whole build (serve's warm state, build's term
    edits); one that changes the site addresses a term links to does not, so they are checked."""
    from glossary_site import warm
    from glossary_site.pipeline import BuildOptions, build

    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8")
    options = BuildOptions(site, site / "_site", search=False, jobs=1)
    state = build(options).warm
    assert state is not None

    tensor.write_text(text + "\nMore words.\n", encoding="utf-8")
    assert warm.apply_edit(state, site, site / "_site", "content/terms/tensor.md") is not None
    tensor.write_text(text + "\nSee [the guide](/guide/).\n", encoding="utf-8")
    assert warm.apply_edit(state, site, site / "_site", "content/terms/tensor.md") is None, "needs the build"
    assert any("link '/guide/' leads to no page" in str(d) for d in build(options, state).diagnostics.items)

    tensor.write_text(text + "\nMore words still.\n", encoding="utf-8")
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    tensor.write_text(text + "\nSee [the guide](/guide/).\n", encoding="utf-8")
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 1 and "link '/guide/' leads to no page of this site" in result.stderr


def test_links_in_the_site_settings_intros_are_made_relative_and_checked(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    intro = "intro: Start with [Tensor](/terms/tensor/)."
    settings.write_text(settings.read_text(encoding="utf-8") + intro + "\n", encoding="utf-8")
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    start = present(parse_html(site / "_site/index.html").find("a", string="Tensor"))
    assert attribute(start, "href") == "terms/tensor/index.html"

    settings.write_text(settings.read_text(encoding="utf-8").replace("/terms/tensor/", "/terms/tensr/"))
    line = settings.read_text(encoding="utf-8").splitlines().index(intro.replace("tensor", "tensr")) + 1
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 1
    assert f"content/site.yml:{line}: link '/terms/tensr/' leads to no page of this site" in result.stderr


def test_the_home_intro_is_written_in_the_same_markdown_as_terms(tmp_path: Path) -> None:
    """Was: site.yml's intro went through bare Python-Markdown, so a table came out as a
    paragraph of pipes and fenced code as inline code."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    intro = "intro: |\n  | Layer | Example |\n  | --- | --- |\n  | Model | GPT |\n\n"
    intro += "  ```python\n  print(1)\n  ```\n"
    settings.write_text(settings.read_text(encoding="utf-8") + intro, encoding="utf-8")

    result = run_glossary("build", "--no-search", cwd=site)

    assert result.returncode == 0, result.stderr
    intro_html = present(parse_html(site / "_site/index.html").select_one(".intro"))
    assert [cell.get_text() for cell in intro_html.select("table td")] == ["Model", "GPT"]
    assert present(intro_html.select_one("pre")).get_text().strip() == "print(1)"
    assert "```" not in intro_html.get_text()


def test_a_footnote_in_the_home_intro_is_a_footnote(tmp_path: Path) -> None:
    """Was: footnotes were not read in site.yml's intro, so `[^note]` was shown as written and
    its note, `[^note]: glossary`, failed the build as a link to a page 'glossary'."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    intro = 'intro: "Terms are checked.[^note]\\n\\n[^note]: glossary"\n'
    settings.write_text(settings.read_text(encoding="utf-8") + intro, encoding="utf-8")

    result = run_glossary("build", "--no-search", cwd=site)

    assert result.returncode == 0, result.stderr
    intro_html = present(parse_html(site / "_site/index.html").select_one(".intro"))
    assert "[^note]" not in intro_html.get_text()
    mark = present(intro_html.select_one("sup a"))
    note = present(intro_html.select_one(".footnote li"))
    assert attribute(mark, "href") == f"#{attribute(note, 'id')}"
    assert note.get_text(" ", strip=True).startswith("glossary")
