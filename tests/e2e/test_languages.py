"""Glossaries written in other languages and scripts: what their readers and editors see."""

from __future__ import annotations

import json
import urllib.parse
from pathlib import Path
from xml.etree import ElementTree

import pytest
from support import (
    assert_nu_checker_passes,
    attribute,
    copy_site,
    html_pages,
    local_targets,
    needs_nu_checker,
    parse_html,
    present,
    run_glossary,
    set_language,
    tree_digest,
)

SECTIONS = """
## 概述

计算的概述。

## كيف تعمل؟

نص.

## Ιστορία

Κείμενο.

## हिन्दी भाषा

पाठ।

## 概述

第二个概述。

## GPU 计算

GPU。

## Über uns

Text.

## L\u2019histoire de l'\u0153uvre

## C\u0153ur & âme
"""


def test_headings_in_any_script_get_anchors_of_their_own_words(tmp_path: Path) -> None:
    """Was: every heading without a letter a-z was '_1', '_2'… ('GPU 计算' was 'gpu'), so a
    link to a section said nothing and led elsewhere once a heading was added above it."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text(encoding="utf-8") + SECTIONS, encoding="utf-8")

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    soup = parse_html(site / "_site/terms/tensor/index.html")
    headings = present(soup.find("article")).select("h2:has(> a.headerlink)")
    anchors = [str(heading["id"]) for heading in headings]
    assert anchors == [
        "shapes",
        "概述",
        "كيف-تعمل",
        "ιστορία",
        "हिन्दी-भाषा",
        "概述_1",
        "gpu-计算",
        "uber-uns",  # as before: a letter with an ASCII spelling is spelled so
        "lhistoire-de-loeuvre",  # œ as a slug spells it (was lhistoire-de-lœuvre); U+2019 as '
        "coeur-ame",
        "tensor-ranks",  # the table, after the body
    ]
    for heading in headings:
        assert attribute(present(heading.find("a", class_="headerlink")), "href") == f"#{heading['id']}"
    toc = [attribute(a, "href") for a in present(soup.find("nav", class_="toc")).find_all("a")]
    assert toc[1 : 1 + len(anchors)] == [f"#{anchor}" for anchor in anchors]
    ids = [str(element["id"]) for element in soup.find_all(id=True)]
    assert len(ids) == len(set(ids))


def term_file(title: str, related: str = "[tensor, gpu]") -> str:
    return (
        f"---\ntitle: {title}\nsummary: A term called {title}.\ndefinition: {title} is a term.\n"
        f"related: {related}\nupdated: 2025-01-01\n---\n"
    )


def test_a_to_z_files_accented_latin_titles_under_their_letter_and_the_rest_under_hash(
    tmp_path: Path,
) -> None:
    """Was: 'Éclair', 'Łódź' and 'Ökonomie' were under '#' with the digits and emoji, and the
    index of a French, Polish or German glossary had no E, L or O for them."""
    site = copy_site("minimal", tmp_path)
    titles = {"eclair": "Éclair", "eagle": "Eagle", "ezra": "Ezra", "lodz": "Łódź", "okonomie": "Ökonomie"}
    titles |= {"printing": "3D Printing", "rocket": "🚀 Rocket", "lexiko": "Λεξικό", "jisuan": "计算"}
    for slug, title in titles.items():
        (site / f"content/terms/{slug}.md").write_text(term_file(title), encoding="utf-8")

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    soup = parse_html(site / "_site/index.html")
    letters = {a.get_text(): attribute(a, "href") for a in soup.select(".letters a")}
    sections = {}
    for href in letters.values():
        section = present(present(soup.find(id=href.removeprefix("#"))).find_parent("section"))
        sections[section.h3.get_text() if section.h3 else ""] = [
            dt.get_text() for dt in section.select("dt:not(.cross-ref)")
        ]
    assert sections["E"] == ["Eagle", "Éclair", "Ezra"]
    assert sections["L"] == ["Łódź"] and sections["O"] == ["Ökonomie"]
    assert sections["#"] == ["3D Printing", "计算", "🚀 Rocket"] and sections["Λ"] == ["Λεξικό"]
    assert letters["#"] == "#letter-other"


def test_accented_titles_sort_among_their_neighbours_in_every_list(tmp_path: Path) -> None:
    """Was: only the A to Z ignored accents; the previous and next links, a category's list and
    terms.json put 'Éclair' after 'Ezra' (and after 'Zebra' had there been one)."""
    site = copy_site("minimal", tmp_path)
    for slug, title in {"eclair": "Éclair", "eagle": "Eagle", "ezra": "Ezra"}.items():
        (site / f"content/terms/{slug}.md").write_text(
            term_file(title).replace("updated:", "category: Concepts\nupdated:"), encoding="utf-8"
        )

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    terms = json.loads((site / "_site/terms.json").read_text(encoding="utf-8"))
    titles = [term["title"] for term in terms]
    assert titles.index("Éclair") == titles.index("Eagle") + 1 == titles.index("Ezra") - 1
    category = parse_html(site / "_site/categories/concepts/index.html")
    listed = [a.get_text() for a in category.select(".term-list dt a")]
    assert listed.index("Éclair") == listed.index("Eagle") + 1 == listed.index("Ezra") - 1
    pager = parse_html(site / "_site/terms/eclair/index.html").select(".term-pager a")
    assert [a.get_text(" ", strip=True) for a in pager] == ["Previous Eagle", "Next Ezra"]

    # Was: a Swedish glossary filed 'Ärende' and 'Åtgärd' under A and 'Öppen' under O, where a
    # Swede looks for them after Z, in the order Å Ä Ö; so do the jump bar and every list.
    set_language(site, "sv")
    for slug, title in {"arende": "Ärende", "oppen": "Öppen", "zebra": "Zebra", "atgard": "Åtgärd"}.items():
        (site / f"content/terms/{slug}.md").write_text(
            term_file(title).replace("updated:", "category: Concepts\nupdated:"), encoding="utf-8"
        )

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    home = parse_html(site / "_site/index.html")
    assert [li.get_text(strip=True) for li in home.select(".letters li")][-4:] == ["Z", "Å", "Ä", "Ö"]
    section = present(present(home.find(id="letter-Ä")).find_parent("section"))
    assert [dt.get_text() for dt in section.select("dt")] == ["Ärende"]
    swedish = ["Zebra", "Åtgärd", "Ärende", "Öppen"]
    assert [dt.get_text() for dt in home.select("section.letter-group dt")][-4:] == swedish
    terms = json.loads((site / "_site/terms.json").read_text(encoding="utf-8"))
    assert [term["title"] for term in terms][-4:] == swedish
    category = parse_html(site / "_site/categories/concepts/index.html")
    assert [a.get_text() for a in category.select(".term-list dt a")][-4:] == swedish
    pager = parse_html(site / "_site/terms/arende/index.html").select(".term-pager a")
    assert [a.get_text(" ", strip=True) for a in pager] == ["Föregående Åtgärd", "Nästa Öppen"]


def test_a_title_is_filed_and_sorted_as_its_sort_as_in_every_list(tmp_path: Path) -> None:
    """Was: a Chinese glossary's titles were all under '#' in code point order, and `.NET`
    there too; a Chinese dictionary orders them by their pinyin, as `sort_as` now does, and an
    English one files `.NET` under N. The titles show as written."""
    site = copy_site("minimal", tmp_path)
    terms = {"jiqi": ("机器学习", "jiqi xuexi"), "jisuan": ("计算", "jisuan"), "shuju": ("数据", "")}
    terms |= {"dotnet": (".NET", "NET"), "java": ("Java", ""), "nim": ("Nim", ""), "kernel": ("Kernel", "")}
    for slug, (title, sort_as) in terms.items():
        sorted_as = f"sort_as: {sort_as}\nupdated:" if sort_as else "updated:"
        text = term_file(title).replace("updated:", sorted_as)
        (site / f"content/terms/{slug}.md").write_text(text, encoding="utf-8")

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    home = parse_html(site / "_site/index.html")
    sections = {
        present(section.h3).get_text(): [dt.get_text() for dt in section.select("dt:not(.cross-ref)")]
        for section in home.select("section.letter-group")
    }
    assert sections["J"] == ["Java", "机器学习", "计算"]
    assert sections["N"] == [".NET", "Nim"] and sections["#"] == ["数据"]
    pager = parse_html(site / "_site/terms/jiqi/index.html").select(".term-pager a")
    assert [a.get_text(" ", strip=True) for a in pager] == ["Previous Java", "Next 计算"]
    pager = parse_html(site / "_site/terms/dotnet/index.html").select(".term-pager a")
    assert [a.get_text(" ", strip=True) for a in pager] == ["Previous Model training", "Next Nim"]
    titles = [term["title"] for term in json.loads((site / "_site/terms.json").read_text(encoding="utf-8"))]
    assert titles.index("机器学习") == titles.index("Java") + 1 == titles.index("计算") - 1
    assert titles[-1] == "数据"
    lines = parse_html(site / "_site/graph/index.html").select(".graph-lines details > ul > li > a")
    listed = [a.get_text() for a in lines]
    assert listed.index("机器学习") == listed.index("Java") + 1 == listed.index("计算") - 1


def never_mentions(site: Path, terms: dict[str, tuple[str, str]]) -> list[str]:
    """The "never mentions" warnings of a check of `site` with these terms (slug: title and
    definition) added."""
    for slug, (title, definition) in terms.items():
        text = term_file(title).replace(f"definition: {title} is a term.", f"definition: {definition}")
        (site / f"content/terms/{slug}.md").write_text(text, encoding="utf-8")
    result = run_glossary("check", cwd=site)
    assert result.returncode == 0, result.stderr
    return [line for line in result.stderr.splitlines() if "never mentions" in line]


def test_a_definition_in_chinese_or_japanese_that_names_its_term_gets_no_warning(tmp_path: Path) -> None:
    """Was: '计算是一种过程。' "never mentions '计算'", as words there have no spaces between them."""
    site = copy_site("minimal", tmp_path)
    terms = {"jisuan": ("计算", "计算是一种过程。"), "keisan": ("計算機", "計算機は機械です。")}
    terms |= {"shujv": ("数据", "一种信息。")}  # names no term: still a warning
    assert never_mentions(site, terms) == [
        "content/terms/shujv.md:4: warning: the definition never mentions '数据' or an alias; "
        "readers landing here should see the term they looked up"
    ]


def test_a_definition_naming_its_term_in_the_plural_or_another_case_gets_no_warning(tmp_path: Path) -> None:
    """Was: only an English plural of the last word counted, so a French, German or Spanish
    glossary was told its definitions "never mention" terms they name on their first line."""
    site = copy_site("minimal", tmp_path)
    terms = {
        "reseau-de-neurones": ("Réseau de neurones", "Les réseaux de neurones apprennent des exemples."),
        "sprachmodell": ("Sprachmodell", "Große Sprachmodelle sagen das nächste Wort voraus."),
        "red-neuronal": ("Red neuronal", "Las redes neuronales aprenden de ejemplos."),
        "oeuvre": ("Œuvre", "Une oeuvre produite par un modèle."),
        "elagage": ("Élagage", "Retirer les poids inutiles."),  # names no term: still a warning
    }
    assert never_mentions(site, terms) == [
        "content/terms/elagage.md:4: warning: the definition never mentions 'Élagage' or an alias; "
        "readers landing here should see the term they looked up"
    ]


CHINESE_TERM = """---
title: 张量
slug: zhangliang
summary: 多维数组。
definition: 张量是多维数组。
category: 机器学习
tags: [Линейная алгебра, جبر خطي]
related: [tanzor, shabaka]
updated: 2025-01-04
---

张量。
"""


def test_categories_and_tags_named_in_arabic_or_chinese_get_pages_at_addresses_in_their_letters(
    tmp_path: Path,
) -> None:
    """Was: "'التعلم العميق' has no letter or digit that can be written as a-z or 0-9 for its
    page's address", and the build failed: a glossary in Arabic or Chinese could not name its
    categories and tags in its own language. A name spelled in a-z before keeps its address."""
    site = copy_site("arabic", tmp_path)
    (site / "content/terms/zhangliang.md").write_text(CHINESE_TERM, encoding="utf-8")

    built = run_glossary("build", "--no-search", cwd=site)

    assert built.returncode == 0, built.stderr
    out = site / "_site"
    assert (out / "categories/机器学习/index.html").is_file()
    assert (out / "categories/التعلم-العميق/index.html").is_file()
    page = out / "terms/zhangliang/index.html"
    links = {a.get_text(): attribute(a, "href") for a in parse_html(page).select(".category a, .tags a")}
    assert links == {
        "机器学习": "../../categories/%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0/index.html",
        "Линейная алгебра": "../../tags/lineinaya-algebra/index.html",  # spelled in a-z, as before
        "جبر خطي": "../../tags/%D8%AC%D8%A8%D8%B1-%D8%AE%D8%B7%D9%8A/index.html",
    }
    for name, href in links.items():
        listing = parse_html((page.parent / urllib.parse.unquote(href)).resolve())
        assert present(listing.select_one(".breadcrumb [aria-current]")).get_text() == name
        assert "张量" in [a.get_text() for a in listing.select(".term-list dt a")]
    broken = [
        (page.relative_to(out).as_posix(), link)
        for page in html_pages(out)
        for link, target, _ in local_targets(out, page, "/ar/")
        if not target.is_file()
    ]
    assert broken == []

    sitemap = ElementTree.parse(out / "sitemap.xml").getroot()
    locs = [str(loc.text) for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")]
    assert "https://example.org/ar/categories/%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0/" in locs
    assert "https://example.org/ar/tags/%D8%AC%D8%A8%D8%B1-%D8%AE%D8%B7%D9%8A/" in locs
    assert all(loc.isascii() for loc in locs)
    canonical = present(parse_html(out / "categories/机器学习/index.html").find("link", rel="canonical"))
    assert (
        attribute(canonical, "href")
        == "https://example.org/ar/categories/%E6%9C%BA%E5%99%A8%E5%AD%A6%E4%B9%A0/"
    )

    again = run_glossary("build", "--no-search", "--no-cache", "--out", tmp_path / "again", cwd=site)
    assert again.returncode == 0 and tree_digest(tmp_path / "again") == tree_digest(out)


def page_directions(site: Path) -> set[tuple[str, str | None]]:
    """The (lang, dir) of every page built into site/_site."""
    found = set()
    for page in html_pages(site / "_site"):
        root = present(parse_html(page).find("html"))
        direction = root.get("dir")
        found.add((attribute(root, "lang"), direction if isinstance(direction, str) else None))
    return found


def test_a_glossary_in_arabic_runs_right_to_left_on_every_page(tmp_path: Path) -> None:
    """Was: `language: ar` set only `lang`, and every page was laid out left to right."""
    site = copy_site("arabic", tmp_path)

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    assert page_directions(site) == {("ar", "rtl")}
    assert len(html_pages(site / "_site")) >= 8  # the 404, search and graph pages too


@pytest.mark.parametrize(("language", "extra", "expected"), [
    ("en", "", None), ("de", "", None), ("he-IL", "", "rtl"), ("ha-Arab", "", "rtl"),
    ("en", "direction: rtl\n", "rtl"), ("fa", "direction: ltr\n", None),
])  # fmt: skip
def test_dir_follows_the_language_or_the_direction_setting(
    tmp_path: Path, language: str, extra: str, expected: str | None
) -> None:
    site = copy_site("minimal", tmp_path)
    set_language(site, language, extra)

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    assert page_directions(site) == {(language, expected)}


def test_a_direction_that_is_neither_ltr_nor_rtl_is_an_error_at_its_line(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    set_language(site, "ar", "direction: right\n")

    result = run_glossary("build", "--no-search", cwd=site)

    assert result.returncode == 1 and "Traceback" not in result.stderr
    message = "direction 'right' must be 'ltr' or 'rtl'; leave it out for the language's own"
    assert f"content/site.yml:5: {message}" in result.stderr.splitlines()


@needs_nu_checker
def test_every_page_of_a_glossary_in_arabic_passes_the_nu_html_checker(tmp_path: Path) -> None:
    site = copy_site("arabic", tmp_path)
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    assert_nu_checker_passes(site / "_site")


def test_a_japanese_glossary_lists_katakana_and_hiragana_titles_by_their_sounds(tmp_path: Path) -> None:
    """Was: every katakana title after every hiragana one ('いのうえ' before 'アクセス'), as
    their code points are, where a Japanese reader looks them up by sound (a, i, u…) in either.
    And all of them under one '#': a Japanese index files each under its gojūon row (あ か さ
    た …), `グラディエント` under か, and a Korean one `한국어` under ㅎ; the jump bar has them."""
    site = copy_site("minimal", tmp_path)
    titles = {"inoue": "いのうえ", "akusesu": "アクセス", "kasa": "かさ", "gradient": "グラディエント"}
    titles |= {"token": "トークン", "kikai": "機械学習", "gakushu": "学習", "hanguk": "한국어"}
    for slug, title in titles.items():
        (site / f"content/terms/{slug}.md").write_text(term_file(title), encoding="utf-8")
    # a title in kanji given its reading in kana (sort_as) is listed by that sound, in its
    # row: gakushū under か, before kasa
    reading = term_file("学習").replace("updated:", "sort_as: がくしゅう\nupdated:")
    (site / "content/terms/gakushu.md").write_text(reading, encoding="utf-8")

    assert run_glossary("build", "--no-search", cwd=site).returncode == 0

    soup = parse_html(site / "_site/index.html")
    bar = [li.get_text(strip=True) for li in soup.select(".letters li")]
    assert bar[-6:] == ["Z", "あ", "か", "た", "ㅎ", "#"]
    sections = {}
    for link in soup.select(".letters a"):
        anchor = present(soup.find(id=attribute(link, "href").removeprefix("#")))
        section = present(anchor.find_parent("section"))
        sections[link.get_text()] = [dt.get_text() for dt in section.select("dt:not(.cross-ref)")]
    assert sections["あ"] == ["アクセス", "いのうえ"]
    assert sections["か"] == ["学習", "かさ", "グラディエント"]
    assert sections["た"] == ["トークン"] and sections["ㅎ"] == ["한국어"] and sections["#"] == ["機械学習"]
    pager = parse_html(site / "_site/terms/inoue/index.html").select(".term-pager a")
    assert [a.get_text(" ", strip=True) for a in pager] == ["Previous アクセス", "Next 学習"]
