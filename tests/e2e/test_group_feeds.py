"""Each category and each tag has an Atom feed of its own, which its page announces and links,
and which a cached build remakes exactly when a term in it changes what the feed shows."""

from __future__ import annotations

import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support import attribute, copy_site, parse_html, present, run_glossary, tree_digest, write_files

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
BASE = "https://example.org/docs/"

UNDATED = """---
title: Backpropagation
summary: Working out each weight's share of the error, layer by layer.
definition: "**Backpropagation** sends the error back through the layers."
category: Ideas
tags: [calculus]
---

Still to be dated.
"""


def build(site: Path, *args: str) -> Path:
    result = run_glossary("build", "--no-search", *args, cwd=site)
    assert result.returncode == 0, result.stderr
    return site / "_site"


def links(feed: ET.Element) -> dict[str, str]:
    return {str(link.get("rel")): str(link.get("href")) for link in feed.findall(f"{ATOM}link")}


def entry_titles(feed: ET.Element) -> list[str | None]:
    return [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")]


def test_each_category_and_tag_has_a_feed_of_its_terms_alone(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    write_files(site, {"content/terms/backpropagation.md": UNDATED})
    out = build(site)

    concepts = ET.parse(out / "categories/concepts/feed.xml").getroot()
    assert concepts.findtext(f"{ATOM}title") == "Concepts · Mini Glossary"
    assert concepts.get(XML_LANG) == ET.parse(out / "feed.xml").getroot().get(XML_LANG) == "en"
    assert concepts.findtext(f"{ATOM}id") == f"{BASE}categories/concepts/"
    assert links(concepts) == {
        "alternate": f"{BASE}categories/concepts/",
        "self": f"{BASE}categories/concepts/feed.xml",
    }
    assert concepts.findtext(f"{ATOM}updated") == "2025-03-01T00:00:00Z"
    entries = concepts.findall(f"{ATOM}entry")
    assert [(e.findtext(f"{ATOM}title"), e.findtext(f"{ATOM}id")) for e in entries] == [
        ("Model training", f"{BASE}terms/model-training/"),
        ("Tensor", f"{BASE}terms/tensor/"),
    ]
    assert [links(e) for e in entries] == [
        {"alternate": f"{BASE}terms/model-training/"},
        {"alternate": f"{BASE}terms/tensor/"},
    ]
    hardware = ET.parse(out / "categories/hardware/feed.xml").getroot()
    assert [e.findtext(f"{ATOM}title") for e in hardware.findall(f"{ATOM}entry")] == [
        "Graphics processing unit"
    ]
    assert sorted(p.relative_to(out).as_posix() for p in out.glob("tags/*/feed.xml")) == [
        "tags/hardware/feed.xml",
        "tags/math/feed.xml",
    ]
    hardware_tag = ET.parse(out / "tags/hardware/feed.xml").getroot()
    assert hardware_tag.findtext(f"{ATOM}title") == "hardware · Mini Glossary"
    assert hardware_tag.get(XML_LANG) == "en"
    assert hardware_tag.findtext(f"{ATOM}id") == f"{BASE}tags/hardware/"
    assert links(hardware_tag) == {
        "alternate": f"{BASE}tags/hardware/",
        "self": f"{BASE}tags/hardware/feed.xml",
    }
    assert hardware_tag.find(f"{ATOM}subtitle") is None, "site.yml describes no tag"
    assert hardware_tag.findtext(f"{ATOM}updated") == "2025-02-01T00:00:00Z"
    assert entry_titles(hardware_tag) == ["Tensor", "Graphics processing unit"]
    assert entry_titles(ET.parse(out / "tags/math/feed.xml").getroot()) == ["Tensor"]


def test_a_group_with_no_dated_term_has_no_feed_until_one_is_dated(tmp_path: Path) -> None:
    """Was: a feed with no entries and no <updated>, which RFC 4287 (4.1.1) does not allow and
    validators reject, announced and linked from the group's page. A cached build follows the
    date's coming and going as a clean one does."""
    site = copy_site("minimal", tmp_path)
    backpropagation = site / "content/terms/backpropagation.md"
    write_files(site, {"content/terms/backpropagation.md": UNDATED})
    out = build(site)

    for group in ("categories/ideas", "tags/calculus"):
        assert not (out / group / "feed.xml").exists()
        soup = parse_html(out / group / "index.html")
        assert soup.select_one(".feed-link") is None
        assert [attribute(link, "title") for link in soup.select("link[rel=alternate]")] == ["Mini Glossary"]

    backpropagation.write_text(UNDATED.replace("tags: [calculus]", "tags: [calculus]\nupdated: 2025-04-01"))
    dated = tree_digest(build(site))
    calculus = ET.parse(out / "tags/calculus/feed.xml").getroot()
    assert calculus.findtext(f"{ATOM}updated") == "2025-04-01T00:00:00Z"
    assert entry_titles(calculus) == ["Backpropagation"]
    link = present(parse_html(out / "categories/ideas/index.html").select_one(".feed-link a"))
    assert attribute(link, "href") == "../../categories/ideas/feed.xml"
    clean = tmp_path / "clean"
    assert run_glossary("build", "--no-search", "--no-cache", "--out", clean, cwd=site).returncode == 0
    assert dated == tree_digest(clean)

    backpropagation.write_text(UNDATED)
    undated = tree_digest(build(site))
    assert not (out / "tags/calculus/feed.xml").exists()
    again = tmp_path / "again"
    assert run_glossary("build", "--no-search", "--no-cache", "--out", again, cwd=site).returncode == 0
    assert undated == tree_digest(again)


@pytest.mark.parametrize(
    ("folder", "title", "words"),
    [
        ("categories/concepts", "Concepts · Mini Glossary", "Atom feed of this category"),
        ("tags/math", "math · Mini Glossary", "Atom feed of this tag"),
    ],
)
def test_a_category_or_tag_page_announces_and_links_its_feed(
    tmp_path: Path, folder: str, title: str, words: str
) -> None:
    out = build(copy_site("minimal", tmp_path))
    page = out / folder / "index.html"
    soup = parse_html(page)

    announced = [
        (attribute(link, "title"), attribute(link, "href"))
        for link in soup.select("head link[rel=alternate][type='application/atom+xml']")
    ]
    assert announced == [("Mini Glossary", "../../feed.xml"), (title, f"../../{folder}/feed.xml")]
    shown = present(soup.select_one("main .feed-link a"))
    assert shown.get_text() == words
    assert attribute(shown, "href") == announced[1][1]
    target = (page.parent / urllib.parse.unquote(attribute(shown, "href"))).resolve()
    assert target == (out / folder / "feed.xml").resolve() and target.is_file()
    feed = ET.parse(target).getroot()
    assert feed.findtext(f"{ATOM}title") == title
    assert links(feed)["alternate"] == f"{BASE}{folder}/"


def test_a_tag_named_in_another_script_has_its_feed_at_its_own_address(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("tags: [math,", "tags: [جبر خطي,"))
    out = build(site)

    feed = ET.parse(out / "tags/جبر-خطي/feed.xml").getroot()
    encoded = urllib.parse.quote("tags/جبر-خطي/")
    assert feed.findtext(f"{ATOM}title") == "جبر خطي · Mini Glossary"
    assert links(feed) == {"alternate": f"{BASE}{encoded}", "self": f"{BASE}{encoded}feed.xml"}
    soup = parse_html(out / "tags/جبر-خطي/index.html")
    href = attribute(present(soup.select_one("main .feed-link a")), "href")
    assert href == f"../../{encoded}feed.xml"
    assert (out / "tags/جبر-خطي" / urllib.parse.unquote(href)).resolve() == (
        out / "tags/جبر-خطي/feed.xml"
    ).resolve()


def test_the_feeds_title_and_link_take_the_sites_words(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    yml = site / "content/site.yml"
    words = (
        '  category_feed_title: "{site}: {category}"\n  category_feed: Neu in dieser Kategorie\n'
        '  tag_feed_title: "{site}, Schlagwort {tag}"\n  tag_feed: Neu mit diesem Schlagwort\n'
    )
    yml.write_text(yml.read_text() + "labels:\n" + words)
    out = build(site)

    for group, title, link_text in (
        ("categories/concepts", "Mini Glossary: Concepts", "Neu in dieser Kategorie"),
        ("tags/math", "Mini Glossary, Schlagwort math", "Neu mit diesem Schlagwort"),
    ):
        feed = ET.parse(out / group / "feed.xml").getroot()
        assert feed.findtext(f"{ATOM}title") == title
        soup = parse_html(out / group / "index.html")
        assert present(soup.select_one(".feed-link a")).get_text() == link_text
        titles = [attribute(link, "title") for link in soup.select("link[rel=alternate]")]
        assert titles == ["Mini Glossary", title]


def test_a_cached_build_remakes_the_feeds_of_the_category_and_tags_whose_term_changed(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    out = build(site)
    tensor = site / "content/terms/tensor.md"
    before = tree_digest(out)

    tensor.write_text(tensor.read_text().replace("to any number of axes.", "to any number of axes, at once."))
    after = tree_digest(build(site))
    changed = {path for path in after if before.get(path) != after[path]}
    assert {
        "feed.xml",
        "categories/concepts/feed.xml",
        "tags/math/feed.xml",
        "tags/hardware/feed.xml",
    } <= changed
    assert "categories/hardware/feed.xml" not in changed
    assert "at once." in (out / "categories/concepts/feed.xml").read_text()

    tensor.write_text(tensor.read_text().replace("category: Concepts", "category: Hardware"))
    moved = tree_digest(build(site))
    hardware = ET.parse(out / "categories/hardware/feed.xml").getroot()
    assert [e.findtext(f"{ATOM}title") for e in hardware.findall(f"{ATOM}entry")] == [
        "Tensor",
        "Graphics processing unit",
    ]
    clean = tmp_path / "clean"
    assert run_glossary("build", "--no-search", "--no-cache", "--out", clean, cwd=site).returncode == 0
    assert moved == tree_digest(clean)

    tensor.write_text(tensor.read_text().replace("tags: [math, hardware]", "tags: [hardware, arrays]"))
    retagged = tree_digest(build(site))
    assert not (out / "tags/math").exists(), "a tag no term has any more takes its feed with it"
    assert entry_titles(ET.parse(out / "tags/arrays/feed.xml").getroot()) == ["Tensor"]
    assert entry_titles(ET.parse(out / "tags/hardware/feed.xml").getroot()) == [
        "Tensor",
        "Graphics processing unit",
    ]
    again = tmp_path / "again"
    assert run_glossary("build", "--no-search", "--no-cache", "--out", again, cwd=site).returncode == 0
    assert retagged == tree_digest(again)
