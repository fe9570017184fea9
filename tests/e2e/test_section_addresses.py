"""A reader who shortens a term's address, /terms/attention/ to /terms/, or a letter page's,
/a-z/b/ to /a-z/, is sent on to the home page's A to Z, as a Hugo site lists its section
there, instead of meeting the 404 page; those pages are no pages of the glossary."""

from __future__ import annotations

import gzip
import json
import re
import urllib.parse
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support import attribute, big_a_to_z_site, copy_site, parse_html, present, run_glossary, write_files

SECTIONS = ("terms", "a-z")
TERMS = ("graphics-processing-unit", "model-training", "tensor")


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = copy_site("minimal", tmp_path_factory.mktemp("small"))
    result = run_glossary("build", "--strict", cwd=site)
    assert result.returncode == 0, result.stderr
    return site / "_site"


def a_to_z_reached(out: Path, folder: str) -> tuple[Path, str]:
    """Where `folder`/index.html sends the reader, its refresh and its visible link agreeing:
    the file, and the id of the element in it."""
    page = out / folder / "index.html"
    soup = parse_html(page)
    refresh = attribute(present(soup.select_one('meta[http-equiv="refresh"]')), "content")
    delay, _, url = refresh.partition(";")
    assert delay == "0"
    target = url.strip().removeprefix("url=")
    assert attribute(present(soup.select_one("main h1 a")), "href") == target
    sentence = " ".join(present(soup.select_one("main h1")).get_text().split())
    assert sentence == "Every term is listed in the A–Z index."
    assert attribute(present(soup.select_one('meta[name="robots"]')), "content") == "noindex"
    address, fragment = urllib.parse.urldefrag(target)
    assert not urllib.parse.urlsplit(address).path.startswith("/"), "relative: from disk, under a sub-path"
    return (page.parent / address).resolve(), fragment


@pytest.mark.parametrize("folder", SECTIONS)
def test_a_sections_address_leads_to_the_home_pages_a_to_z(small: Path, folder: str) -> None:
    file, fragment = a_to_z_reached(small, folder)
    assert file == (small / "index.html").resolve()
    section = present(present(parse_html(file).find(id=fragment)).find_parent("section"))
    assert {attribute(a, "href") for a in section.select("dt a")} == {f"terms/{s}/index.html" for s in TERMS}
    canonical = parse_html(small / folder / "index.html").select_one('link[rel="canonical"]')
    assert attribute(present(canonical), "href") == "https://example.org/docs/"


def test_a_sections_page_is_no_page_of_the_glossary(small: Path) -> None:
    sitemap = ET.parse(small / "sitemap.xml").getroot()
    listed = {
        (loc.text or "").removeprefix("https://example.org/docs/")
        for loc in sitemap.iter()
        if loc.tag.endswith("loc")
    }
    assert not listed & {"terms/", "a-z/"}
    for name in ("feed.xml", "terms.json"):
        text = (small / name).read_text(encoding="utf-8")
        assert not re.search(r"(terms|a-z)/(index\.html)?[\"<]", text), name
    indexed = set()
    for fragment in (small / "pagefind").glob("*/fragment/*"):
        data = gzip.decompress(fragment.read_bytes()).removeprefix(b"pagefind_dcd")
        indexed.add(urllib.parse.unquote(json.loads(data)["url"]))
    assert indexed == {f"/terms/{slug}/" for slug in TERMS}


def test_on_a_big_glossary_both_lead_to_the_jump_bar_of_the_letter_pages(tmp_path: Path) -> None:
    site = big_a_to_z_site(tmp_path / "site")
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr
    out = site / "_site"
    for folder in SECTIONS:
        file, fragment = a_to_z_reached(out, folder)
        assert file == (out / "index.html").resolve()
        section = present(present(parse_html(file).find(id=fragment)).find_parent("section"))
        letters = [attribute(a, "href") for a in section.select("nav.letters a")]
        assert "a-z/a/index.html" in letters and "a-z/other/index.html" in letters
        assert all((out / href).is_file() for href in letters)


def test_a_static_file_at_a_sections_address_is_reported(tmp_path: Path) -> None:
    """As any static file in a generated page's place: one would be written over the other."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site, {"static/terms/index.html": "<p>Our terms</p>\n", "static/robots.txt": "User-agent: *\n"}
    )
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 1
    message = "static file would replace the generated terms/index.html; rename it"
    assert f"static/terms/index.html:1: {message}" in result.stderr
    instead = "to change that file, write templates/robots.txt instead (copy the theme's to start)"
    assert (
        f"static/robots.txt:1: static file would replace the generated robots.txt; {instead}" in result.stderr
    )
