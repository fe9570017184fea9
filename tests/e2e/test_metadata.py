"""What search engines and feed readers see: meta tags, JSON-LD, sitemap, feed, robots."""

from __future__ import annotations

import html
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import feedparser  # type: ignore[import-untyped]  # feedparser 6 ships no stubs or py.typed
import pytest
from bs4 import BeautifulSoup
from support import (
    attribute,
    copy_site,
    parse_html,
    present,
    run_glossary,
    sends_readers_on,
    set_language,
    string_of,
    write_files,
)

SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
W3C_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2}))?$")


def term_file(title: str, *lines: str) -> str:
    head = [f"title: {title}", "summary: A summary.", f"definition: {title} is a term."]
    return "\n".join(["---", *head, *lines, "---", ""])


def built_site(root: Path, site_yml: str, files: dict[str, str]) -> Path:
    """A small site written from scratch and built with the CLI; returns its output folder."""
    site = write_files(root / "site", {"content/site.yml": site_yml, **files})
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr
    return site / "_site"


def sitemap_locs(site: Path) -> list[str]:
    root = ET.parse(site / "sitemap.xml").getroot()
    return [str(u.findtext(f"{SITEMAP}loc")) for u in root.findall(f"{SITEMAP}url")]


def json_ld(page: Path) -> dict[str, dict[str, Any]]:
    blocks = parse_html(page).find_all("script", type="application/ld+json")
    return {data["@type"]: data for data in (json.loads(string_of(b)) for b in blocks)}


def test_term_page_has_title_description_canonical_and_social_tags(built_minimal: Path) -> None:
    soup = parse_html(built_minimal / "terms/tensor/index.html")
    assert present(soup.title).get_text() == "Tensor · Mini Glossary"
    assert (
        present(soup.find("meta", attrs={"name": "description"}))["content"]
        == "A multi-dimensional array of numbers."
    )
    assert present(soup.find("link", rel="canonical"))["href"] == "https://example.org/docs/terms/tensor/"
    og = {m["property"]: m["content"] for m in soup.find_all("meta", property=True)}
    assert og["og:title"] == "Tensor"
    assert og["og:url"] == "https://example.org/docs/terms/tensor/"
    assert og["og:locale"] == "en", "the site's language"
    assert present(soup.find("meta", attrs={"name": "twitter:card"}))["content"] == "summary"


@pytest.mark.parametrize(("language", "locale"), [("pt-BR", "pt_BR"), ("zh-Hant-TW", "zh_TW")])
def test_a_regional_language_is_the_locale_open_graph_names_as_it_writes_it(
    tmp_path: Path, language: str, locale: str
) -> None:
    """Open Graph writes a language with its region as pt_BR, where HTML's lang has pt-BR; it
    has no script (was: zh_Hant_TW)."""
    site = copy_site("minimal", tmp_path)
    set_language(site, language)
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    for page in ("index.html", "terms/tensor/index.html", "categories/index.html", "404.html"):
        soup = parse_html(site / "_site" / page)
        assert present(soup.html)["lang"] == language
        assert present(soup.find("meta", property="og:locale"))["content"] == locale, page


SITE_WITH_IMAGE = """\
title: Mini Glossary
base_url: https://example.org/docs/
image: og/card ä.png
image_alt: The words Mini Glossary on a blue card
"""


def social_tags(page: Path) -> dict[str, str]:
    soup = parse_html(page)
    return {
        str(m.get("property") or m.get("name")): str(m["content"])
        for m in soup.find_all("meta", content=True)
        if str(m.get("property") or m.get("name")).startswith(("og:image", "twitter:"))
    }


def test_every_page_offers_the_sites_preview_image_by_its_full_address(tmp_path: Path) -> None:
    site = built_site(
        tmp_path,
        SITE_WITH_IMAGE,
        {"content/terms/tensor.md": term_file("Tensor"), "static/og/card ä.png": "not really a PNG"},
    )

    expected = {
        "og:image": "https://example.org/docs/og/card%20%C3%A4.png",
        "og:image:alt": "The words Mini Glossary on a blue card",
        "twitter:image:alt": "The words Mini Glossary on a blue card",
        "twitter:card": "summary_large_image",
    }
    for page in ("index.html", "terms/tensor/index.html", "search/index.html", "404.html"):
        assert social_tags(site / page) == expected, page
    assert (site / "og/card ä.png").read_text(encoding="utf-8") == "not really a PNG"


def test_a_preview_image_missing_from_static_fails_the_build_at_its_line(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {"content/site.yml": SITE_WITH_IMAGE, "content/terms/tensor.md": term_file("Tensor")},
    )

    result = run_glossary("build", "--no-search", cwd=site)

    assert result.returncode == 1
    assert (
        "content/site.yml:3: image 'og/card ä.png' is no file of the site's static/ folder; check the path"
        in (result.stderr.splitlines())
    )
    assert not (site / "_site").exists()


def test_group_pages_describe_their_size_in_words_a_search_result_can_show(built_minimal: Path) -> None:
    def description(page: str) -> str:
        return str(
            present(parse_html(built_minimal / page).find("meta", attrs={"name": "description"}))["content"]
        )

    assert description("categories/hardware/index.html") == "Category: Hardware, 1 term"
    assert description("categories/concepts/index.html") == "Category: Concepts, 2 terms"


def meta_descriptions(page: Path) -> tuple[str, str]:
    soup = parse_html(page)
    description = present(soup.find("meta", attrs={"name": "description"}))
    social = present(soup.find("meta", property="og:description"))
    return str(description["content"]), str(social["content"])


def test_a_described_category_and_the_intro_are_the_meta_descriptions(tmp_path: Path) -> None:
    """Was: "Category: Deep Learning, 1 term" although the page shows its description from
    site.yml; and no meta description at all on a home page without site.yml's description."""
    intro = "A **glossary** of [chips](/terms/gpu/) and\n  the ideas behind them. " + "More words here. " * 12
    out = built_site(
        tmp_path,
        "title: Site\nbase_url: https://example.org/\n"
        f"intro: |\n  {intro}\n"
        "categories:\n  Deep Learning: Networks with many layers.\n",
        {
            "content/terms/gpu.md": term_file("GPU", "category: Deep Learning"),
            "content/terms/tpu.md": term_file("TPU", "category: Hardware"),
        },
    )

    shown = present(
        parse_html(out / "categories/deep-learning/index.html").find("p", class_="group-description")
    )
    assert meta_descriptions(out / "categories/deep-learning/index.html") == (shown.get_text(),) * 2
    assert meta_descriptions(out / "categories/hardware/index.html")[0] == "Category: Hardware, 1 term"
    home, social = meta_descriptions(out / "index.html")
    assert home == social
    whole = "A glossary of chips and the ideas behind them. " + "More words here. " * 12
    assert len(home) <= 160 and home.endswith("…") and whole.startswith(home.removesuffix("…") + " ")


def test_a_category_keeps_its_description_when_its_first_term_spells_it_in_another_case(
    tmp_path: Path,
) -> None:
    """Was: site.yml described "Chemistry", the first term in title order wrote "chemistry", and
    the page, its card on the home page and on the categories page lost the description, with
    no warning: the two spellings are one category, so the description is that category's."""
    out = built_site(
        tmp_path,
        "title: Site\nbase_url: https://example.org/\ncategories:\n  Chemistry: What heat does to food.\n",
        {
            "content/terms/emulsion.md": term_file("Emulsion", "category: chemistry"),
            "content/terms/maillard.md": term_file("Maillard reaction", "category: Chemistry"),
        },
    )

    page = parse_html(out / "categories/chemistry/index.html")
    assert present(page.find("p", class_="group-description")).get_text() == "What heat does to food."
    for listing in ("index.html", "categories/index.html"):
        card = present(parse_html(out / listing).find("li", class_="card"))
        assert present(card.find("p", class_="card-description")).get_text() == "What heat does to food."


def test_no_two_pages_share_a_title_when_a_tool_term_tag_and_category_share_a_name(tmp_path: Path) -> None:
    """Was: "GPU · Site" for both the term and the tool, "vision · Site" for the tag and "Vision ·
    Site" for the category; a title now says what the page is, as its heading does."""
    out = built_site(
        tmp_path,
        "title: Site\nbase_url: https://example.org/\n",
        {
            "content/terms/gpu.md": term_file("GPU", "category: Vision", "tags: [vision]"),
            "content/tools/gpu.md": "---\ntitle: GPU\nsummary: A tool.\nurl: https://example.com/\n---\n",
        },
    )

    titles: dict[str, str] = {}
    for page in sorted(out.rglob("*.html")):
        soup = parse_html(page)
        if sends_readers_on(soup):
            continue  # terms/ and a-z/: noindex, titled as where they lead
        title = present(soup.title).get_text()
        social = present(soup.find("meta", property="og:title"))["content"]
        assert title in {social, f"{social} · Site"}, page
        titles[page.relative_to(out).as_posix()] = title
    assert len({title.casefold() for title in titles.values()}) == len(titles), titles
    assert titles["terms/gpu/index.html"] == "GPU · Site"
    assert titles["tools/gpu/index.html"] == "GPU (tool) · Site"
    for kind in ("categories", "tags"):
        heading = present(parse_html(out / f"{kind}/vision/index.html").h1).get_text(" ", strip=True)
        assert titles[f"{kind}/vision/index.html"] == f"{heading} · Site"  # "Category: Vision", "Tag: vision"


def test_every_page_names_the_sites_icon_so_no_browser_asks_for_a_favicon_ico(built_minimal: Path) -> None:
    """Was: the pages at terms/ and a-z/, which send readers to the A to Z, named none, so a
    browser asked the server's root for /favicon.ico: a 404 in the console."""
    for page in sorted(built_minimal.rglob("*.html")):
        href = attribute(present(parse_html(page).find("link", rel="icon")), "href")
        # the 404 page, shown at any address, names it from base_url's path (/docs/)
        icon = built_minimal / href.removeprefix("/docs/") if href.startswith("/") else page.parent / href
        assert icon.resolve().is_file(), page


def test_page_without_a_description_has_no_empty_description_tags(built_minimal: Path) -> None:
    soup = parse_html(built_minimal / "404.html")

    assert soup.find("meta", attrs={"name": "description"}) is None
    assert soup.find("meta", property="og:description") is None


def test_the_404_page_asks_not_to_be_indexed_and_claims_no_address(built_minimal: Path) -> None:
    """Was: canonical and og:url https://example.org/docs/404.html, so a search engine could
    list the page a server shows at every missing address."""
    soup = parse_html(built_minimal / "404.html")

    assert present(soup.find("meta", attrs={"name": "robots"}))["content"] == "noindex"
    assert soup.find("link", rel="canonical") is None
    assert soup.find("meta", property="og:url") is None


def test_the_search_page_asks_not_to_be_indexed_and_is_not_in_the_sitemap(built_minimal: Path) -> None:
    """Was: indexable, with a canonical and a description, while it shows nothing but a form
    to a crawler; the sitemap already left it out."""
    soup = parse_html(built_minimal / "search/index.html")

    assert present(soup.find("meta", attrs={"name": "robots"}))["content"] == "noindex"
    assert not [loc for loc in sitemap_locs(built_minimal) if "search" in loc]


def test_an_empty_listing_is_not_in_the_sitemap_and_asks_not_to_be_indexed(tmp_path: Path) -> None:
    """Was: /categories/ and /tags/ in the sitemap of a site with neither, each page saying only
    "None yet." (a thin page that search engines count as a soft 404)."""
    out = built_site(
        tmp_path,
        "title: Site\nbase_url: https://example.org/\n",
        {"content/terms/gpu.md": term_file("GPU", "tags: [hardware]")},
    )

    locs = sitemap_locs(out)
    assert "https://example.org/categories/" not in locs
    assert {"https://example.org/tags/", "https://example.org/tags/hardware/"} <= set(locs)
    empty = parse_html(out / "categories/index.html")
    assert present(empty.find("meta", attrs={"name": "robots"}))["content"] == "noindex"
    assert parse_html(out / "tags/index.html").find("meta", attrs={"name": "robots"}) is None
    # the page is still built, for an address typed or kept from before, but no menu leads there
    for page in ("index.html", "terms/gpu/index.html", "tags/hardware/index.html"):
        nav = present(parse_html(out / page).find("nav", class_="site-nav"))
        hrefs = [str(a["href"]) for a in nav.find_all("a")]
        assert not [href for href in hrefs if "categories/" in href], page
        assert [href for href in hrefs if href.endswith("tags/index.html")], page


def test_term_page_json_ld_has_defined_term_faq_and_breadcrumbs(built_minimal: Path) -> None:
    data = json_ld(built_minimal / "terms/tensor/index.html")
    assert set(data) == {"DefinedTerm", "BreadcrumbList", "FAQPage"}
    term = data["DefinedTerm"]
    assert term["name"] == "Tensor"
    assert term["inDefinedTermSet"] == {
        "@type": "DefinedTermSet",
        "name": "Mini Glossary",
        "url": "https://example.org/docs/",
        "inLanguage": "en",  # site.yml's language: the set's, as search engines read it
    }
    questions = data["FAQPage"]["mainEntity"]
    assert questions[0]["name"] == "Is a matrix a tensor?"
    assert questions[0]["acceptedAnswer"]["text"] == "Yes, a matrix is a rank-2 tensor."
    crumbs = [item["name"] for item in data["BreadcrumbList"]["itemListElement"]]
    assert crumbs == ["Glossary", "Concepts", "Tensor"]
    no_faq = json_ld(built_minimal / "terms/graphics-processing-unit/index.html")
    assert "FAQPage" not in no_faq


def test_a_practice_answer_that_shows_a_tag_as_text_keeps_it_text_in_the_faq_data(tmp_path: Path) -> None:
    """Was: `<img src=x onerror=alert(1)>`, shown on the page as code, given as it reads in the
    answer's text, which consumers of FAQPage (Google among them) read as HTML."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8")
    tensor.write_text(
        text.replace(
            "Yes, a matrix is a **rank-2** tensor.", "Yes, write `<img src=x onerror=alert(1)>` & more."
        ),
        encoding="utf-8",
    )
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    answer = json_ld(site / "_site/terms/tensor/index.html")["FAQPage"]["mainEntity"][0]["acceptedAnswer"]
    assert answer["text"] == "Yes, write &lt;img src=x onerror=alert(1)&gt; &amp; more."


def test_a_dated_term_page_tells_search_engines_the_day_it_last_changed(tmp_path: Path) -> None:
    """Was: no date in the JSON-LD, though the page says "Updated 1 March 2025"; an undated
    term still claims none."""
    out = built_site(
        tmp_path,
        "title: Site\nbase_url: https://example.org/\n",
        {
            "content/terms/aaa.md": term_file("Aaa", "updated: 2025-03-01T10:30:00Z"),
            "content/terms/bbb.md": term_file("Bbb"),
        },
    )

    page = json_ld(out / "terms/aaa/index.html")["DefinedTerm"]["mainEntityOfPage"]
    assert page == {"@type": "WebPage", "url": "https://example.org/terms/aaa/", "dateModified": "2025-03-01"}
    undated = parse_html(out / "terms/bbb/index.html").find_all("script", type="application/ld+json")
    assert undated and not any("dateModified" in string_of(block) for block in undated)
    assert "mainEntityOfPage" not in json_ld(out / "terms/bbb/index.html")["DefinedTerm"]


def test_breadcrumb_data_and_terms_json_name_a_category_as_its_page_does(tmp_path: Path) -> None:
    """Was: "deep-learning" in bbb's BreadcrumbList and terms.json, while its visible breadcrumb
    and the category page, which spellings of one address share, say "Deep Learning"."""
    out = built_site(
        tmp_path,
        "title: Site\nbase_url: https://example.org/\n",
        {
            "content/terms/aaa.md": term_file("Aaa", "category: Deep Learning"),
            "content/terms/bbb.md": term_file("Bbb", "category: deep-learning"),
        },
    )

    page = parse_html(out / "terms/bbb/index.html")
    visible = [
        li.get_text(strip=True) for li in present(page.find("nav", class_="breadcrumb")).find_all("li")
    ]
    crumbs = json_ld(out / "terms/bbb/index.html")["BreadcrumbList"]["itemListElement"]
    assert [item["name"] for item in crumbs] == visible == ["Glossary", "Deep Learning", "Bbb"]
    assert crumbs[1]["item"] == "https://example.org/categories/deep-learning/"
    heading = present(parse_html(out / "categories/deep-learning/index.html").h1).get_text(" ", strip=True)
    assert heading == "Category: Deep Learning"
    terms = json.loads((out / "terms.json").read_text(encoding="utf-8"))
    assert [t["category"] for t in terms] == ["Deep Learning", "Deep Learning"]


def test_pages_and_data_files_give_each_alias_and_tag_once(tmp_path: Path) -> None:
    """Was: terms.json "tags": ["Machine Learning", "machine-learning", "ML"], two of them one
    tag page, and "aliases", alternateName, "Also known as" and the A-Z with both X and x; the
    build only warned."""
    out = built_site(
        tmp_path,
        "title: Site\nbase_url: https://example.org/\n",
        {
            "content/terms/aaa.md": term_file(
                "Aaa", "aliases: [X, x, AAA, SoloX]", "tags: [Machine Learning, machine-learning, ML]"
            ),
            "content/terms/bbb.md": term_file("Bbb", "aliases: [BBB]"),
        },
    )

    entry, only_title = json.loads((out / "terms.json").read_text(encoding="utf-8"))
    page = parse_html(out / "terms/aaa/index.html")
    shown = [a.get_text() for a in present(page.find("p", class_="tags")).find_all("a")]
    assert entry["tags"] == shown == ["Machine Learning", "ML"]
    assert entry["aliases"] == ["X", "SoloX"]
    assert json_ld(out / "terms/aaa/index.html")["DefinedTerm"]["alternateName"] == ["X", "SoloX"]
    assert [a.get_text() for a in page.select(".aliases .alias")] == ["X", "SoloX"]
    home = parse_html(out / "index.html")
    assert [n.get_text() for n in home.select("section.letter-group:has(#letter-X) .alias-name")] == ["X"]
    assert only_title["aliases"] == []
    assert "alternateName" not in json_ld(out / "terms/bbb/index.html")["DefinedTerm"]


def test_structured_data_says_the_text_without_heading_links_or_footnote_marks(tmp_path: Path) -> None:
    """Was: "Meaning# A tensor is an array1 of numbers. A note. ↩" as the description."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(
        tensor.read_text(encoding="utf-8").replace(
            "definition: A **tensor** generalises vectors and matrices to any number of axes.",
            "definition: |\n  ## Meaning\n\n  A tensor is an array[^1] of numbers.\n\n  [^1]: A note.",
        ),
        encoding="utf-8",
    )
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    term = json_ld(site / "_site/terms/tensor/index.html")["DefinedTerm"]

    assert term["description"] == "Meaning A tensor is an array of numbers."


def test_script_end_tag_in_front_matter_cannot_break_out_of_json_ld(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    hostile = "</script><script>alert(1)</script>"
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(
        tensor.read_text()
        .replace("summary: A multi-dimensional array of numbers.", f"summary: '{hostile}'")
        .replace("\ntitle: Tensor\n", "\ntitle: 'Tensor </script>'\n"),
        encoding="utf-8",
    )
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    soup = parse_html(site / "_site/terms/tensor/index.html")
    inline = [s.get("type") for s in soup.find_all("script") if not s.get("src")]
    assert inline == ["application/ld+json"] * 3
    assert json_ld(site / "_site/terms/tensor/index.html")["DefinedTerm"]["name"] == "Tensor </script>"
    assert present(soup.find("meta", attrs={"name": "description"}))["content"] == hostile


def test_sitemap_follows_the_protocol(built_minimal: Path) -> None:
    root = ET.parse(built_minimal / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP}urlset"
    urls = root.findall(f"{SITEMAP}url")
    locs = [u.findtext(f"{SITEMAP}loc") for u in urls]
    assert len(locs) == len(set(locs))
    assert all(loc and loc.startswith("https://example.org/docs/") for loc in locs)
    lastmods = {u.findtext(f"{SITEMAP}loc"): u.findtext(f"{SITEMAP}lastmod") for u in urls}
    assert lastmods["https://example.org/docs/terms/tensor/"] == "2025-02-01"
    assert all(W3C_DATE.match(value) for value in lastmods.values() if value)
    # a list page is as new as its newest term, as Hugo dates a section
    listed = {loc.removeprefix("https://example.org/docs/"): day for loc, day in lastmods.items() if loc}
    assert listed["categories/concepts/"] == "2025-03-01"  # model training, not tensor
    assert listed["tags/hardware/"] == "2025-02-01"  # tensor, not the GPU
    assert (listed[""], listed["categories/"], listed["tags/"]) == ("2025-03-01", "2025-03-01", "2025-02-01")
    robots = (built_minimal / "robots.txt").read_text()
    assert "Sitemap: https://example.org/docs/sitemap.xml" in robots.splitlines()


def test_feed_parses_without_errors_and_lists_recent_terms(built_minimal: Path) -> None:
    feed = feedparser.parse((built_minimal / "feed.xml").read_bytes())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Mini Glossary"
    assert feed.feed.language == "en"  # site.yml's, for readers that pick a voice or hyphenation by it
    assert [e.title for e in feed.entries] == ["Model training", "Tensor", "Graphics processing unit"]
    assert feed.entries[0].link == "https://example.org/docs/terms/model-training/"
    wiki_link = re.search(r'href="([^"]+)"', feed.entries[0].content[0].value)
    assert wiki_link is not None
    assert wiki_link.group(1) == "https://example.org/docs/terms/graphics-processing-unit/"
    # absolute as written, for readers that ignore xml:base (was '../graphics-processing-unit/...'),
    # and the page's canonical address, not a duplicate of it at .../index.html
    written = (built_minimal / "feed.xml").read_text(encoding="utf-8")
    assert 'href="https://example.org/docs/terms/graphics-processing-unit/"' in html.unescape(written)


def test_every_address_in_a_feed_entry_is_absolute_under_base_url(tmp_path: Path) -> None:
    """Was: <blockquote cite="../bbb/"> in the entry, which a feed reader, with no page to read
    it from, resolves against its own address; links and images were made absolute already."""
    aaa = (
        "---\ntitle: Aaa\nsummary: A summary.\nupdated: 2025-03-01\n"
        "definition: |\n  Aaa: see [[Bbb]], [b](../bbb/) and ![chart](chart.png).[^1]\n\n"
        '  <blockquote cite="../bbb/">Quoted.</blockquote>\n\n  [^1]: A note.\n---\n'
    )
    out = built_site(
        tmp_path,
        "title: Site\nbase_url: https://example.org/docs/\n",
        {
            "content/terms/aaa.md": aaa,
            "static/terms/aaa/chart.png": "not really a picture",
            "content/terms/bbb.md": term_file("Bbb"),
        },
    )

    atom = "{http://www.w3.org/2005/Atom}"
    content = ET.parse(out / "feed.xml").getroot().findtext(f"{atom}entry/{atom}content")
    entry = BeautifulSoup(content or "", "html.parser")
    addresses = [
        (tag.name, name, str(tag[name]))
        for tag in entry.find_all(True)
        for name in ("href", "src", "cite")
        if tag.has_attr(name)
    ]
    assert {name for _, name, _ in addresses} == {"href", "src", "cite"}
    # a footnote and its way back are both in the entry: following one stays in the feed reader
    in_entry = [a for a in addresses if a[2].startswith("#")]
    assert [a for a in addresses if not a[2].startswith("https://example.org/docs/")] == in_entry
    assert [entry.find(id=address[1:]) is not None for _, _, address in in_entry] == [True, True]
    assert ("blockquote", "cite", "https://example.org/docs/terms/bbb/") in addresses
    assert ("a", "href", "https://example.org/docs/terms/bbb/") in addresses  # [[Bbb]]: the canonical address


def test_a_feed_with_no_dated_term_claims_no_date(tmp_path: Path) -> None:
    """Was: <updated>1970-01-01T00:00:00Z</updated>, a feed last changed in 1970 to a reader."""
    out = built_site(
        tmp_path,
        "title: Site\nbase_url: https://example.org/docs/\n",
        {"content/terms/gpu.md": term_file("GPU")},
    )

    written = (out / "feed.xml").read_text(encoding="utf-8")
    feed = feedparser.parse(written.encode())
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.feed.title == "Site" and feed.entries == []
    assert "updated" not in feed.feed, feed.feed.get("updated")
    assert "<updated>" not in written


def test_terms_json_lists_every_published_term(built_minimal: Path) -> None:
    terms = json.loads((built_minimal / "terms.json").read_text())
    assert {t["slug"] for t in terms} == {"tensor", "graphics-processing-unit", "model-training"}
    assert all(
        set(t) >= {"slug", "title", "aliases", "summary", "definition", "related", "url"} for t in terms
    )
