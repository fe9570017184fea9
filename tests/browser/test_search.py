"""Search tells the truth: the whole count, every result, where each matched, and instant
results under the header box on every page but the search page, whose own field is its one box."""

from __future__ import annotations

import contextlib
import json
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from colours import RING_AND_GROUND, contrast
from conftest import SUB_PATH, OpenPage, ServedSite, serve  # this folder's, imported while it is collected
from forced_colours import system_colours
from nu_shown import ShownPages
from playwright.sync_api import Locator, Page, expect
from support import copy_site, held_back_pagefind, needs_nu_checker, write_files

from glossary_site.pipeline import BuildOptions, build

FLAGSHIP = "terms/generative-ai/index.html"
SEARCH = "search/index.html"
PAGE_SIZE = 20


def pagefind_count(page: Page, query: str) -> int:
    """How many results Pagefind itself finds in every bundle of the index, asked from inside
    the page (through the theme's loader, which merges the bundles), once its deferred
    scripts have run."""
    page.wait_for_load_state("domcontentloaded")
    return int(
        page.evaluate(
            """async (query) => {
                const folder = document.querySelector("form[data-pagefind]").dataset.pagefind;
                const pagefind = await window.glossarySearch(folder);
                return (await pagefind.search(query)).results.length;
            }""",
            query,
        )
    )


def header_box(page: Page) -> Locator:
    return page.get_by_role("combobox", name="Search the glossary")


def suggestions(page: Page) -> Locator:
    return page.get_by_role("listbox", name="Matching terms").get_by_role("option")


def type_in_header(page: Page, query: str, *, pasted: bool = False) -> Locator:
    """Focus the header box with Ctrl+K, type `query` and wait for its instant results. The
    shortcut waits for the page's deferred scripts (they run before DOMContentLoaded): right after
    a link is followed the heading can show before the shortcut is listened for. `pasted` gives
    the box the whole query in one input event, so only it is searched: typed key by key on a
    busy machine, its start is searched too, and Pagefind answers a word it has not indexed with
    the longest word it has loaded that begins it ("tranformer" with the page holding a "T")."""
    page.wait_for_load_state("domcontentloaded")
    page.keyboard.press("Control+k")
    expect(header_box(page)).to_be_focused()
    if pasted:
        page.keyboard.insert_text(query)
    else:
        page.keyboard.type(query)
    options = suggestions(page)
    expect(options.last).to_have_text(re.compile(r"^(See all \d+ results?|No results found)"))
    return options


# --- the search page ----------------------------------------------------------------------


def test_the_count_is_pagefinds_and_show_more_reaches_every_result(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(f"{SEARCH}?q=model"))
    total = pagefind_count(page, "model")
    assert total > PAGE_SIZE, f"'model' should need more than one page, found {total}"
    expect(page.locator("#search-status")).to_have_text(f"{total} results found for \u201cmodel\u201d")
    results = page.locator("#search-results > li")
    expect(results).to_have_count(PAGE_SIZE)
    more = page.get_by_role("button", name="Show more results")
    shown = PAGE_SIZE
    while shown < total:
        more.focus()
        page.keyboard.press("Enter")
        expect(results).to_have_count(min(shown + PAGE_SIZE, total))
        expect(results.nth(shown).locator("a")).to_be_focused()  # the reader carries on from there
        shown = min(shown + PAGE_SIZE, total)
    expect(more).to_be_hidden()
    hrefs = results.locator("a").evaluate_all("links => links.map(a => a.href)")
    assert len(hrefs) == total == len(set(hrefs))


def test_back_from_a_result_shown_by_show_more_lists_as_many_and_returns_to_it(
    page: Page, served: ServedSite
) -> None:
    """Was: the first 20 results again, at the top of the page, after a reader had shown 40 and
    opened the 25th."""
    page.goto(served.page_url(f"{SEARCH}?q=model"))
    results = page.locator("#search-results > li")
    expect(results).to_have_count(PAGE_SIZE)
    page.get_by_role("button", name="Show more results").click()
    expect(results).to_have_count(min(2 * PAGE_SIZE, pagefind_count(page, "model")))
    shown = results.count()
    chosen = results.nth(PAGE_SIZE + 4).locator("a")
    title = chosen.inner_text()
    chosen.scroll_into_view_if_needed()
    chosen.click()
    expect(page.locator("h1")).to_have_text(title)

    page.go_back()

    expect(results).to_have_count(shown)
    expect(results.nth(PAGE_SIZE + 4).locator("a")).to_have_text(title)
    expect(results.nth(PAGE_SIZE + 4)).to_be_in_viewport()
    page.reload()
    expect(results).to_have_count(shown)


def test_a_result_found_by_its_title_quotes_the_page_below_not_its_title_and_summary_again(
    page: Page, served: ServedSite
) -> None:
    """Was: "Diffusion model. A generative model that learns…", the title and summary listed
    just above it, for every term whose title held the query."""
    page.goto(served.page_url(f"{SEARCH}?q=diffusion"))
    first = page.locator("#search-results > li").first
    expect(first.locator("a")).to_have_text("Diffusion model")
    summary = served.terms["diffusion-model"]["summary"]
    expect(first.locator(".search-summary")).to_have_text(summary)
    quoted = first.locator(".search-excerpt")
    expect(quoted.locator("mark").first).to_have_text(re.compile("diffusion", re.IGNORECASE))
    text = quoted.inner_text()
    assert summary[:40] not in text
    assert not text.startswith("Diffusion model")


def test_a_tool_found_by_its_name_quotes_its_description_not_its_title_and_summary_again(
    page: Page, served: ServedSite
) -> None:
    """Was: "ChatGPT. OpenAI's chat assistant for… What ChatGPT offers Layer app…", the title
    and summary listed just above it: a tool page had no section below its top to quote."""
    tools = json.loads((served.folder / "tools.json").read_text(encoding="utf-8"))
    summary = next(tool["summary"] for tool in tools if tool["title"] == "ChatGPT")
    page.goto(served.page_url(f"{SEARCH}?q=chatgpt"))
    first = page.locator("#search-results > li").first
    expect(first.locator("a")).to_have_text("ChatGPT")
    expect(first.locator(".search-summary")).to_have_text(summary)
    quoted = first.locator(".search-excerpt")
    expect(quoted.locator("mark").first).to_have_text(re.compile("chatgpt", re.IGNORECASE))
    text = quoted.inner_text()
    assert summary[:40] not in text
    assert "ChatGPT is the assistant OpenAI launched" in text, "the start of its description"


def test_every_excerpt_marks_where_the_query_matched(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(f"{SEARCH}?q=model"))
    excerpts = page.locator("#search-results .search-excerpt")
    expect(excerpts).to_have_count(PAGE_SIZE)
    for excerpt in excerpts.all():
        expect(excerpt.locator("mark").first).to_contain_text(re.compile("model", re.IGNORECASE))
        # text and <mark> only: the excerpt is never parsed as HTML
        tags = excerpt.evaluate("p => [...p.querySelectorAll('*')].map(e => e.tagName)")
        assert set(tags) == {"MARK"}


def test_the_query_stays_in_the_address_so_back_and_reload_show_the_same_results(
    page: Page, served: ServedSite
) -> None:
    """Was: the address stayed search/, so Reload or Back after opening a result showed an
    empty box, and a search could not be shared."""
    page.goto(served.page_url(SEARCH))
    page.locator("#search-query").fill("diffusion model")
    expect(page).to_have_url(served.page_url(f"{SEARCH}?q=diffusion+model"))
    first = page.locator("#search-results li a").first
    title = first.inner_text()
    first.click()
    expect(page.locator("h1")).to_have_text(title)

    page.go_back()
    page.reload()
    expect(page.locator("#search-query")).to_have_value("diffusion model")
    expect(page.locator("#search-results li a").first).to_have_text(title)


def test_the_results_stay_in_place_when_their_count_is_said(page: Page, served: ServedSite) -> None:
    """Was: the count, written a second after the last keystroke above the results already
    listed, pushed them down a line under the reader's pointer, so a click meant for the first
    result could miss it (as one of this suite's clicks did)."""
    page.goto(served.page_url(SEARCH))
    page.locator("#search-query").fill("diffusion model")
    first = page.locator("#search-results li a").first
    expect(first).to_be_visible()
    before = first.bounding_box()
    expect(page.locator("#search-status")).to_contain_text("found for")
    assert first.bounding_box() == before


def test_the_query_is_in_the_pages_title_so_tabs_and_history_tell_searches_apart(
    page: Page, served: ServedSite
) -> None:
    """Was: every search page was titled "Search · AI Glossary", whatever it searched for."""
    page.goto(served.page_url(FLAGSHIP))
    type_in_header(page, "diffusion model")
    page.keyboard.press("Enter")
    expect(page.locator("#search-status")).to_contain_text("found for")
    expect(page).to_have_title("diffusion model \u00b7 Search \u00b7 AI Glossary")
    page.locator("#search-query").fill('"token"')
    expect(page).to_have_title('"token" \u00b7 Search \u00b7 AI Glossary')
    expect(page.locator("#search-status")).to_contain_text('found for \u201c"token"\u201d')
    page.locator("#search-results li a").first.click()
    expect(page).to_have_title("Token \u00b7 AI Glossary")
    page.go_back()
    expect(page).to_have_title('"token" \u00b7 Search \u00b7 AI Glossary')
    page.locator("#search-query").fill("  ")
    expect(page).to_have_title("Search \u00b7 AI Glossary")
    # a long query gives the title its start, as much as a tab shows (was: 742 characters)
    page.locator("#search-query").fill("diffusion " * 70)
    expect(page).to_have_title(f"{('diffusion ' * 6)[:59]}\u2026 \u00b7 Search \u00b7 AI Glossary")


@pytest.mark.parametrize("width", [1280, 390])
def test_a_long_query_wraps_instead_of_widening_the_page(
    open_page: OpenPage, served: ServedSite, width: int
) -> None:
    """Was: the list's "No results found for …" line and the search page's count widened the
    whole page (to 1,966 px in a 1,280 px window)."""
    page = open_page(viewport={"width": width, "height": 800})

    def overflow() -> int:
        return int(page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth"))

    page.goto(served.page_url("index.html"))
    expect(type_in_header(page, "zz" * 60).last).to_be_visible()
    assert overflow() <= 0, f"the home page is {overflow()} px wider than the window at {width} px"
    page.goto(served.page_url(f"{SEARCH}?q={'supercalifragilistic' * 8}"))
    expect(page.locator("#search-status")).to_contain_text("found for")
    assert overflow() <= 0, f"the search page is {overflow()} px wider than the window at {width} px"


def test_an_exact_title_goes_first_ahead_of_pagefinds_order(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(f"{SEARCH}?q=token"))
    expect(page.locator("#search-status")).to_contain_text("found for \u201ctoken\u201d")
    expect(page.locator("#search-results li a").first).to_have_text("Token")


def members(site: ServedSite, group: str) -> list[str]:
    """The paths of the terms a category or tag page lists."""
    html = (site.folder / group / "index.html").read_text(encoding="utf-8")
    hrefs = re.findall(r'<dt><a href="\.\./\.\./terms/([^"]+)/index\.html">', html)
    return [f"/{SUB_PATH}/terms/{slug}/" for slug in hrefs]


@pytest.mark.parametrize("group", ["categories/architectures", "tags/foundations"])
def test_a_category_or_tag_name_finds_every_term_in_it(page: Page, served: ServedSite, group: str) -> None:
    """Was: a term's tags sat in its page's <footer>, which Pagefind leaves out, and its
    category only in the breadcrumb, outside the indexed part: "foundations" found the terms
    whose text says so, not the eleven tagged with it."""
    terms = members(served, group)
    assert len(terms) > 3
    found = listed(page, served, group.split("/")[1])[1]
    assert set(terms) <= set(found)


def test_a_tool_page_is_not_found_by_the_terms_it_lists(page: Page, served: ServedSite) -> None:
    """Was: a tool page's "Terms that mention" cards were indexed, so tools outranked the term
    searched for, their excerpts quoting its summary."""
    summary = '"AI systems that create new text, images, audio"'  # Generative AI's
    assert "Generative AI" in (served.folder / "tools/runway/index.html").read_text(encoding="utf-8")
    found = listed(page, served, summary)[1]
    assert found and not [path for path in found if "/tools/" in path]


def test_a_quoted_title_goes_first(page: Page, served: ServedSite) -> None:
    """Was: the quotes were compared too, so no title matched and six tools came first."""
    assert listed(page, served, '"large language model"')[1][0] == f"/{SUB_PATH}/terms/large-language-model/"


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("LLMs", "large-language-model"),  # an alias's plural
        ("LLM\u2019s", "large-language-model"),  # its possessive
        ("Tokens", "token"),  # a title's plural
        ("PROMPTS", "prompt"),
        ('"Large Language Models"', "large-language-model"),  # quoted, mixed case, plural
        ('"Large Language Model"', "large-language-model"),
    ],
)
def test_a_title_or_alias_in_another_form_goes_first(
    page: Page, served: ServedSite, query: str, slug: str
) -> None:
    """Was: only the very title or alias went first, so "LLMs" listed Large language model
    third, after two pages that merely mention LLMs, "Tokens" listed Tokenizer and Next-token
    prediction above Token, and the quoted "Large Language Models" put five tools first."""
    path = f"/{SUB_PATH}/terms/{slug}/"
    assert listed(page, served, quote(query))[1][0] == path
    page.goto(served.page_url(FLAGSHIP))
    options = type_in_header(page, query)
    assert options.first.evaluate("link => link.pathname") == path


@pytest.mark.parametrize(
    ("query", "meant"),
    [("what is a transformer?", "Transformer"), ("diffusion model meaning", "Diffusion model")],
)
def test_a_question_that_ends_or_starts_with_a_title_lists_that_page_first(
    page: Page, served: ServedSite, query: str, meant: str
) -> None:
    """Was: the pages holding every word ("what", "is", "a"...) and not the page the question is
    about, which Pagefind does not find without them. The count is the list's length, and the
    header box says the same."""
    page.goto(served.page_url(f"{SEARCH}?q={quote(query)}"))
    found = pagefind_count(page, query)
    assert found <= 20
    results = page.locator("#search-results li > a")
    expect(results.first).to_have_text(meant)
    expect(page.locator("#search-status")).to_have_text(f"{found + 1} results found for \u201c{query}\u201d")
    expect(results).to_have_count(found + 1)
    page.goto(served.page_url(FLAGSHIP))
    options = type_in_header(page, query, pasted=True)
    expect(options.first).to_contain_text(meant)
    expect(options.last).to_have_text(f"See all {found + 1} results")


def test_a_plural_ranks_below_the_exact_match_and_a_plural_title_is_found_by_its_singular(
    page: Page, served: ServedSite
) -> None:
    page.goto(served.page_url(SEARCH))
    page.wait_for_load_state("domcontentloaded")

    def ranked(query: str, titles: list[str]) -> list[str]:
        return list(
            page.evaluate(
                """([query, titles]) => window.glossarySearch.exactFirst(query,
                    titles.map((title) => ({meta: {title: title}}))).map((data) => data.meta.title)""",
                [query, titles],
            )
        )

    assert ranked("tokens", ["Tokenizer", "Token", "Tokens"]) == ["Tokens", "Token", "Tokenizer"]
    assert ranked("embedding", ["Vector store", "Embeddings"]) == ["Embeddings", "Vector store"]
    assert ranked("families", ["Family tree", "Family"]) == ["Family", "Family tree"]
    assert ranked("model family", ["Model families tree", "Model families"]) == [
        "Model families",
        "Model families tree",
    ]
    assert ranked("s", ["Glossary", ""]) == ["Glossary", ""]  # one letter names no title
    # a keyboard without Œ, Æ or ß spells them out
    assert ranked("oeuvre", ["Oeuvres completes", "\u0152uvre"]) == ["\u0152uvre", "Oeuvres completes"]
    assert ranked("massstab", ["Ma\u00dfst\u00e4be der Welt", "Ma\u00dfstab"])[0] == "Ma\u00dfstab"
    # and a letter with a stroke or without its dot as the plain letter (Polish, Turkish)
    assert ranked("zrodlo", ["Zrodlowy", "\u0179r\u00f3d\u0142o"]) == ["\u0179r\u00f3d\u0142o", "Zrodlowy"]
    assert ranked("ILIK", ["Ilikli", "Il\u0131k"]) == ["Il\u0131k", "Ilikli"]
    # and a full-width name, as a Japanese input method types it, as the plain one
    assert ranked("\uff2c\uff2c\uff2d", ["Mixture", "LLM"]) == ["LLM", "Mixture"]
    # and a right-to-left site's title that opens with a Latin name, marked to run right to left
    assert ranked("5G شبكة", ["5G شبكات الجيل", "\u200f5G شبكة"]) == ["\u200f5G شبكة", "5G شبكات الجيل"]
    # then a title or alias the query begins, as a reader typing a name expects
    assert ranked("trans", ["Whisper", "Vision transformer", "Transformer"]) == [
        "Transformer",
        "Whisper",
        "Vision transformer",
    ]


def test_exact_matches_cover_tool_aliases_and_aliases_with_a_comma(page: Page, served: ServedSite) -> None:
    """Was: tool pages had no aliases for the ranking to see, and an alias holding ", " was
    split in two."""
    page.goto(served.page_url(SEARCH))
    page.wait_for_load_state("domcontentloaded")
    meta = page.evaluate(
        """async () => {
            const folder = document.querySelector("form[data-pagefind]").dataset.pagefind;
            const pagefind = await window.glossarySearch(folder);
            const results = (await pagefind.search("Midjourney")).results;
            return Promise.all(results.map((result) => result.data())).then((all) => all.map((d) => d.meta));
        }"""
    )
    assert {"title": "Midjourney", "aliases": "MJ"}.items() <= next(
        m for m in meta if m["title"] == "Midjourney"
    ).items()
    ranked = page.evaluate(
        """(query) => window.glossarySearch.exactFirst(query, [
            {meta: {title: "Foo Bar guide"}}, {meta: {title: "Baz", aliases: "Qux, Foo, Bar, Quux"}},
            {meta: {title: "Foo"}}, {meta: {title: "Bar", aliases: "Foo, Bar"}},
        ]).map((data) => data.meta.title)""",
        '"Foo, Bar"',
    )
    assert ranked == ["Baz", "Bar", "Foo Bar guide", "Foo"]


CROWDED_TERM = """---
title: {title}
summary: {summary}
definition: |
  {definition}
aliases: [{aliases}]
---
"""


@pytest.fixture(scope="module")
def crowded(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """Two short terms, "Weight Sampling" and "Poids échantillonnés", each crowded out by
    longer ones whose titles hold its words and whose text repeats them: Pagefind ranks each
    last, below 110 and 30 others, as a 10,000-term glossary ranked "Efficient Weight
    Sampling" 34th and "Probabilistic Kernel Sampling" 95th."""
    root = tmp_path_factory.mktemp("crowded")
    files = {"content/site.yml": f"title: Crowded\nbase_url: https://crowded.example.com/{SUB_PATH}/\n"}
    targets = [
        ("weight-sampling", "Weight Sampling", "WS", 110),
        ("poids", "Poids \u00e9chantillonn\u00e9s", "PE", 30),
    ]
    for slug, title, alias, crowd in targets:
        files[f"content/terms/{slug}.md"] = CROWDED_TERM.format(
            title=title,
            summary="The one the reader is after.",
            definition="Drawing a few of many at random, the way a lottery draws its numbers, so that each "
            "step touches fewer of them; cheap, and widely used.",
            aliases=alias,
        )
        for number in range(crowd):
            other = f"{title} Method {number:03d}"
            files[f"content/terms/{slug}-method-{number:03d}.md"] = CROWDED_TERM.format(
                title=other,
                summary=f"One more {title.lower()} method.",
                definition=f"{other}: {title.lower()}, {title.lower()}, {title.lower()} again. {title}.",
                aliases=f"{alias}-{number:03d}",
            )
    site = write_files(root, files)
    out = root / "www" / SUB_PATH
    assert build(BuildOptions(site, out, use_cache=False)).ok(strict=False)
    with serve(out.parent) as address:
        yield ServedSite(out, f"{address}/{SUB_PATH}", {})


@pytest.mark.parametrize(
    ("query", "slug"),
    [
        ("Weight Sampling", "weight-sampling"),
        ("weight samplings", "weight-sampling"),  # another form
        ("Poids \u00e9chantillonn\u00e9s", "poids"),  # letters outside ASCII
        ("poids echantillonnes", "poids"),  # accents left out, as Pagefind finds its words
    ],
)
def test_a_title_pagefind_ranks_below_all_it_looks_at_still_goes_first(
    page: Page, crowded: ServedSite, query: str, slug: str
) -> None:
    """Was: the exact title was looked for only among Pagefind's first 20 results (the header
    box) or 100 (the search page), so a title whose words longer titles repeat was listed
    last, or not at all under the header box, though the reader typed it letter for letter."""
    path = f"/{SUB_PATH}/terms/{slug}/"
    status, found = listed(page, crowded, quote(query))
    total = pagefind_count(page, query)
    assert found[0] == path
    assert status == f"{total} results found for \u201c{query}\u201d"
    assert len(found) == len(set(found)) == total, "each result is listed once, the count is right"
    page.goto(crowded.page_url("terms/weight-sampling-method-000/"))
    options = type_in_header(page, query)
    assert options.first.evaluate("link => link.pathname") == path
    expect(options.first.locator(".search-suggestion-summary")).to_have_text("The one the reader is after.")
    expect(options.last).to_have_text(f"See all {total} results")
    expect(options).to_have_count(9)


def test_a_site_built_without_search_says_so_and_links_the_a_to_z(page: Page, tmp_path: Path) -> None:
    """Was: "It works when the site is served over http(s)", said by a site served over http,
    and the A to Z index named but not linked."""
    out = tmp_path / "www"
    result = build(BuildOptions(copy_site("minimal", tmp_path), out, search=False, use_cache=False))
    assert result.ok(strict=False)
    with serve(out) as address:
        page.goto(f"{address}/{SEARCH}?q=tensor")
        status = page.locator("#search-status")
        expect(status).to_contain_text("this copy of the site was built without its search index")
        status.get_by_role("link", name="A\u2013Z index").click()
        expect(page).to_have_url(f"{address}/index.html")


def test_without_an_index_the_header_box_says_search_is_unavailable_and_leads_to_why(
    page: Page, tmp_path: Path
) -> None:
    """Was: typing in the header box of a site built with --no-search showed nothing and told a
    screen reader nothing, as if the box were broken."""
    out = tmp_path / "www"
    assert build(BuildOptions(copy_site("minimal", tmp_path), out, search=False, use_cache=False)).ok(
        strict=False
    )
    with serve(out) as address:
        page.goto(f"{address}/terms/tensor/index.html")
        page.wait_for_load_state("domcontentloaded")
        page.keyboard.press("Control+k")
        expect(header_box(page)).to_be_focused()  # keys typed before it is are lost
        page.keyboard.type("tensor")
        expect(suggestions(page)).to_have_text(["Search is unavailableThe search page says why"])
        expect(header_box(page)).to_have_attribute("aria-expanded", "true")
        expect(page.locator("form.search-box [role=status]")).to_have_text("Search is unavailable")
        page.keyboard.press("ArrowDown")
        page.keyboard.press("Enter")
        expect(page).to_have_url(f"{address}/{SEARCH}?q=tensor")
        expect(page.locator("#search-status")).to_contain_text("built without its search index")
    # Opened from disk: the same, with no request the browser refuses (each logged an error), and
    # the search page says why at once. Was: only after the reader's first query.
    page.goto((out / "terms/tensor/index.html").as_uri())
    page.wait_for_load_state("domcontentloaded")
    errors: list[str] = []
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.keyboard.press("Control+k")
    expect(header_box(page)).to_be_focused()
    page.keyboard.type("tensor")
    expect(suggestions(page)).to_have_text(["Search is unavailableThe search page says why"])
    page.goto((out / SEARCH).as_uri())
    expect(page.locator("#search-status")).to_contain_text("It works when the site is served over http(s)")
    assert errors == []


def test_without_an_index_the_search_page_says_so_as_it_opens(page: Page, tmp_path: Path) -> None:
    """Was: an empty box, with no word until the reader had typed a query and paused. With an
    index the page opens without a message, and the first query finds results."""
    site = copy_site("minimal", tmp_path)
    for out, search in ((tmp_path / "without", False), (tmp_path / "with", True)):
        assert build(BuildOptions(site, out, search=search, use_cache=False)).ok(strict=False)
    with serve(tmp_path / "without") as address:
        page.goto(f"{address}/{SEARCH}")
        expect(page.locator("#search-status")).to_contain_text("built without its search index")
        expect(page.locator("#search-query")).to_have_value("")
    with serve(tmp_path / "with") as address:
        listing = f"{address}/pagefind/bundles.json"
        with page.expect_response(lambda response: response.url == listing and response.ok):
            page.goto(f"{address}/{SEARCH}")
        page.wait_for_load_state("networkidle")
        expect(page.locator("#search-status")).to_have_text("")
        page.locator("#search-query").fill("tensor")
        expect(page.locator("#search-results li a").first).to_have_text("Tensor")


def test_an_index_written_after_the_page_opened_is_found_on_the_next_query(
    page: Page, tmp_path: Path
) -> None:
    """`glossary serve` serves pages seconds before it has indexed them. Was: the first query's
    missing index was remembered, so the page kept saying search was unavailable, and the
    header box listed nothing, until the page was reloaded."""
    site, out = copy_site("minimal", tmp_path), tmp_path / "www"
    assert build(BuildOptions(site, out, search=False, use_cache=False)).ok(strict=False)
    with serve(out) as address:
        page.goto(f"{address}/{SEARCH}?q=tensor")
        status = page.locator("#search-status")
        expect(status).to_contain_text("built without its search index")
        assert build(BuildOptions(site, out, use_cache=False)).ok(strict=False)
        page.locator("#search-query").press("Enter")
        expect(status).to_contain_text("results found for \u201ctensor\u201d")
        expect(page.locator("#search-results li a").first).to_have_text("Tensor")
    out, site = tmp_path / "later", copy_site("minimal", tmp_path / "again")
    assert build(BuildOptions(site, out, search=False, use_cache=False)).ok(strict=False)
    with serve(out) as address:
        page.goto(f"{address}/index.html")
        header_box(page).fill("tensor")
        page.locator("h1").click()
        assert build(BuildOptions(site, out, use_cache=False)).ok(strict=False)
        header_box(page).fill("tensor")
        expect(suggestions(page).first).to_contain_text("Tensor")


@contextlib.contextmanager
def glossary_serve(site: Path, log: Path) -> Iterator[str]:
    """`glossary serve` in `site` on a free port, once it says it is serving; yields its origin."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = int(sock.getsockname()[1])
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "glossary_site", "serve", "--port", str(port)],
            cwd=site,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        origin = f"http://127.0.0.1:{port}"
        while f"serving on {origin}" not in log.read_text():
            assert process.poll() is None, log.read_text()
            time.sleep(0.05)
        yield origin
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_in_the_preview_the_search_page_says_the_index_is_being_built_and_shows_results_once_it_is(
    page: Page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`glossary serve` indexes after serving its first build. Was: meanwhile the search page
    said "this copy of the site was built without its search index", untrue in the preview,
    and showed nothing until the reader searched again."""
    go = tmp_path / "go"
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", held_back_pagefind(tmp_path / "fake", go))
    with glossary_serve(copy_site("minimal", tmp_path), tmp_path / "serve.log") as origin:
        listing = f"{origin}/docs/pagefind/bundles.json"
        page.goto(f"{origin}/docs/{SEARCH}?q=tensor")
        status = page.locator("#search-status")
        expect(status).to_have_text(
            "The search index is being built; the results will show here in a moment."
        )
        page.evaluate("window.stillTheSamePage = true")
        with page.expect_response(lambda response: response.url == listing and response.status == 503):
            pass  # asked again, and still being built
        expect(status).to_contain_text("being built")
        go.touch()
        expect(status).to_contain_text("found for \u201ctensor\u201d")
        expect(page.locator("#search-results li a").first).to_have_text("Tensor")
        assert page.evaluate("window.stillTheSamePage") is True, "the page was not reloaded"


def test_in_the_preview_the_header_box_says_the_index_is_being_built_and_lists_results_once_it_is(
    page: Page, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: while serve wrote its first index the header box said "Search is unavailable" and
    kept saying it until the reader typed again."""
    go = tmp_path / "go"
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", held_back_pagefind(tmp_path / "fake", go))
    with glossary_serve(copy_site("minimal", tmp_path), tmp_path / "serve.log") as origin:
        page.goto(f"{origin}/docs/index.html")
        header_box(page).fill("tensor")
        expect(suggestions(page)).to_have_text(
            ["The search index is being builtResults will show here in a moment"]
        )
        expect(page.locator("form.search-box [role=status]")).to_have_text("The search index is being built")
        go.touch()
        expect(suggestions(page).first).to_contain_text("Tensor")
        expect(header_box(page)).to_have_value("tensor")


@pytest.fixture(scope="module")
def bundled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """The example site with its index in bundles of ten pages (a big glossary's index in
    miniature), served under the same sub-path as `served`."""
    root = tmp_path_factory.mktemp("bundled")
    out = root / "www" / SUB_PATH
    base_url = f"https://glossary.example.com/{SUB_PATH}/"
    result = build(
        BuildOptions(copy_site("example", root), out, base_url=base_url, use_cache=False, bundle_pages=10)
    )
    assert result.ok(strict=False), result.diagnostics.sorted()
    with serve(root / "www") as address:
        yield ServedSite(out, f"{address}/{SUB_PATH}", {})


def listed(page: Page, site: ServedSite, query: str) -> tuple[str, list[str]]:
    """The search page's status and the paths of every result it lists in order, all shown."""
    page.goto(site.page_url(f"{SEARCH}?q={query}"))
    status = page.locator("#search-status")
    expect(status).to_contain_text("found for")
    more = page.get_by_role("button", name="Show more results")
    while more.is_visible():
        more.click()
        expect(page.locator("#search-more")).to_be_enabled()  # listed, and the button maybe hidden
    links = page.locator("#search-results > li a").evaluate_all("links => links.map(a => a.pathname)")
    return status.inner_text(), links


@pytest.mark.parametrize("query", ["model", "token", "diffusion"])
def test_an_index_in_bundles_finds_what_one_index_finds(
    page: Page, served: ServedSite, bundled: ServedSite, query: str
) -> None:
    names = json.loads((bundled.folder / "pagefind/bundles.json").read_text(encoding="utf-8"))
    assert len(names) > 3 and all(
        (bundled.folder / "pagefind" / name / "pagefind.js").is_file() for name in names
    )
    whole_status, whole = listed(page, served, query)
    status, parts = listed(page, bundled, query)
    assert pagefind_count(page, query) == len(parts) > 0
    assert (status, sorted(parts)) == (whole_status, sorted(whole))


def test_a_word_some_bundles_lack_still_finds_its_terms_exact_match_first(
    page: Page, served: ServedSite, bundled: ServedSite
) -> None:
    """Pagefind answers a word it has not indexed with the words that begin it ("gen" for
    "genai"), so bundles without the word add looser matches; what one index finds is all
    there, the exact alias first."""
    whole = listed(page, served, "GenAI")[1]
    parts = listed(page, bundled, "GenAI")[1]
    assert set(whole) <= set(parts)
    assert parts[0] == whole[0] == "/glossary/terms/generative-ai/"


# --- instant results under the header box ---------------------------------------------------


def test_in_forced_colours_the_result_chosen_with_the_arrow_keys_stays_marked(
    open_page: OpenPage, served: ServedSite
) -> None:
    """The chosen result is drawn on the accent colour, which Windows high contrast drops with
    every background: only the Highlight outline shows which one Enter opens."""
    page = open_page(forced_colors="active")
    page.goto(served.page_url(FLAGSHIP))
    options = type_in_header(page, "token")
    page.keyboard.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    ring = "a => { const s = getComputedStyle(a); return [s.outlineStyle, s.outlineWidth, s.outlineColor]; }"
    assert options.first.evaluate(ring) == ["solid", "2px", system_colours(page, "Highlight")["Highlight"]]
    assert options.nth(1).evaluate(ring)[0] == "none"


@pytest.mark.parametrize("path", [FLAGSHIP, "index.html"])
@pytest.mark.parametrize("where", ["sub-path", "root"])
def test_the_header_box_lists_results_as_you_type_and_opens_one(
    page: Page, served: ServedSite, served_at_root: ServedSite, path: str, where: str
) -> None:
    site = served if where == "sub-path" else served_at_root
    page.goto(site.page_url(path))
    options = type_in_header(page, "token")
    box = header_box(page)
    expect(box).to_have_attribute("aria-expanded", "true")
    total = pagefind_count(page, "token")
    assert 1 <= options.count() - 1 <= 8
    expect(options.first).to_contain_text("Token")
    expect(options.last).to_have_text(f"See all {total} results")
    assert options.last.get_attribute("href") == site.page_url(f"{SEARCH}?q=token")
    page.keyboard.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id") or "?")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Token")
    assert page.url.removesuffix("index.html") == site.page_url("terms/token/")


def test_escape_closes_the_list_and_keeps_the_query_and_once_closed_clears_it(
    page: Page, served: ServedSite
) -> None:
    """A second Escape clears the box, as in any search field; the box is a text field (ARIA
    allows a combobox on no other), so the script does that."""
    page.goto(served.page_url(FLAGSHIP))
    type_in_header(page, "diffusion")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Escape")
    expect(page.get_by_role("listbox", name="Matching terms")).to_be_hidden()
    expect(header_box(page)).to_have_attribute("aria-expanded", "false")
    expect(header_box(page)).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
    expect(header_box(page)).to_have_value("diffusion")
    page.keyboard.press("ArrowDown")  # opens it again
    expect(suggestions(page).first).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("Escape")
    expect(header_box(page)).to_have_value("")


def test_escape_while_the_next_letters_are_still_searched_keeps_the_list_closed(
    page: Page, served: ServedSite
) -> None:
    """The reader types on with the list open and presses Escape before the new results come:
    they must not open it again behind the reader's back. ArrowDown then lists them."""
    page.goto(served.page_url(FLAGSHIP))
    type_in_header(page, "diffus", pasted=True)
    page.keyboard.insert_text("ion")
    page.keyboard.press("Escape")  # within the box's 100 ms pause before it searches
    page.wait_for_timeout(1500)  # time enough for "diffusion" to be searched and shown
    box = header_box(page)
    assert box.get_attribute("aria-expanded") == "false"
    expect(page.get_by_role("listbox", name="Matching terms")).to_be_hidden()
    expect(box).to_have_value("diffusion")
    page.keyboard.press("ArrowDown")
    options = suggestions(page)
    expect(options.last).to_have_attribute("href", re.compile(r"[?&]q=diffusion$"))
    expect(box).to_have_attribute("aria-expanded", "true")


#: A 1280 by 900 window zoomed to 200 %: the eight results and "See all" reach below its fold.
ZOOMED = {"width": 640, "height": 450}


def in_view(page: Page, option: Locator) -> bool:
    box = option.bounding_box()
    assert box is not None
    bottom = page.viewport_size["height"]  # type: ignore[index]
    return box["y"] >= -1 and box["y"] + box["height"] <= bottom + 1  # scrolled to it: fractions of a px


def test_the_active_result_is_scrolled_into_view_in_a_zoomed_window(
    open_page: OpenPage, served: ServedSite
) -> None:
    """Focus stays in the box, so the browser scrolled nothing: "See all", reached with Up,
    was chosen 150 px below the window's bottom edge."""
    page = open_page(viewport=ZOOMED)
    page.goto(served.page_url("index.html"))
    options = type_in_header(page, "diffusion")
    page.keyboard.press("ArrowUp")
    expect(options.last).to_have_attribute("aria-selected", "true")
    assert in_view(page, options.last)
    page.keyboard.press("ArrowDown")  # round to the first again
    expect(options.first).to_have_attribute("aria-selected", "true")
    assert in_view(page, options.first)


def test_enter_without_an_active_result_and_see_all_go_to_the_search_page(
    page: Page, served: ServedSite
) -> None:
    page.goto(served.page_url(FLAGSHIP))
    type_in_header(page, "model")
    page.keyboard.press("Enter")
    expect(page).to_have_url(served.page_url(f"{SEARCH}?q=model"))
    total = pagefind_count(page, "model")
    expect(page.locator("#search-status")).to_have_text(f"{total} results found for \u201cmodel\u201d")
    page.goto(served.page_url(FLAGSHIP))
    type_in_header(page, "model").last.click()
    expect(page).to_have_url(served.page_url(f"{SEARCH}?q=model"))


def test_enter_in_an_empty_header_box_stays_on_the_page(page: Page, served: ServedSite) -> None:
    """Was: an empty search page (search/?q=), with nothing on it but the form."""
    page.goto(served.page_url(FLAGSHIP))
    page.wait_for_load_state("domcontentloaded")
    went: list[str] = []
    page.on("framenavigated", lambda frame: went.append(frame.url))
    page.keyboard.press("Control+k")
    page.keyboard.type("   ")
    page.keyboard.press("Enter")
    expect(header_box(page)).to_be_focused()
    page.get_by_role("button", name="Search", exact=True).click()
    page.wait_for_timeout(500)  # a form submitted would have started loading the search page by now
    assert went == []


def test_clicking_a_result_opens_it_and_leaving_the_box_closes_the_list(
    page: Page, served: ServedSite
) -> None:
    page.goto(served.page_url("index.html"))
    type_in_header(page, "GenAI").first.click()
    expect(page.locator("h1")).to_have_text("Generative AI")
    type_in_header(page, "diffusion")
    page.locator("h1").click()
    expect(page.get_by_role("listbox", name="Matching terms")).to_be_hidden()


def test_ctrl_or_cmd_k_focuses_the_box_and_slash_is_no_shortcut(page: Page, served: ServedSite) -> None:
    """Was: "/" alone focused the box, a one-key shortcut that speech input or a slip fires and
    that could not be turned off (WCAG 2.1.4)."""
    page.goto(served.page_url(FLAGSHIP))
    page.wait_for_load_state("domcontentloaded")
    page.keyboard.press("/")
    expect(header_box(page)).not_to_be_focused()
    for keys in ("Control+Shift+K", "Alt+k"):
        page.keyboard.press(keys)
        expect(header_box(page)).not_to_be_focused()
    page.keyboard.press("Control+k")
    expect(header_box(page)).to_be_focused()
    expect(header_box(page)).to_have_attribute("aria-keyshortcuts", "Control+K Meta+K")
    page.keyboard.insert_text("a/b")
    expect(header_box(page)).to_have_value("a/b")
    page.locator("h1").click()
    page.keyboard.press("Meta+k")
    expect(header_box(page)).to_be_focused()
    page.keyboard.insert_text("c")  # the query was selected, so this replaces it
    expect(header_box(page)).to_have_value("c")
    # A Russian layout: Ctrl and the key where K is types "л"; a Dvorak "t" there is no K.
    for key, focused in (("t", False), ("л", True)):
        page.locator("h1").click()
        page.evaluate(
            "key => document.dispatchEvent(new KeyboardEvent('keydown',"
            " {key: key, code: 'KeyK', ctrlKey: true, bubbles: true}))",
            key,
        )
        if focused:
            expect(header_box(page)).to_be_focused()
        else:
            expect(header_box(page)).not_to_be_focused()


def test_on_the_search_page_ctrl_k_focuses_the_pages_own_field(page: Page, served: ServedSite) -> None:
    """Was: it focused the small header box above the field whose results fill the page; the
    header has no box there now, and the shortcut still works, with no script failing. It works
    from inside the field, where "/" is typed as any other key."""
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(served.page_url(SEARCH))
    field = page.get_by_role("searchbox", name="Full-text search")
    expect(field).to_have_attribute("aria-keyshortcuts", "Control+K Meta+K")
    page.keyboard.press("/")
    expect(field).not_to_be_focused()
    page.keyboard.press("Control+k")
    expect(field).to_be_focused()
    page.keyboard.type("token/s")
    expect(field).to_have_value("token/s")
    page.locator("h1").click()
    page.keyboard.press("Meta+k")
    expect(field).to_be_focused()
    page.keyboard.type("diffusion")  # the query was selected, so this replaces it, "/" and all
    expect(field).to_have_value("diffusion")
    expect(page.locator("#search-status")).to_contain_text("found for")
    assert errors == []


def test_pagefind_loads_only_once_the_box_is_used(page: Page, served: ServedSite) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served.page_url(FLAGSHIP))
    page.wait_for_load_state("load")
    assert not [url for url in requested if "/pagefind/" in url]
    with page.expect_request(re.compile(r"/glossary/pagefind/[0-9a-f]+/pagefind\.js$")):
        header_box(page).focus()


def test_a_query_fetches_the_data_of_the_results_it_shows_and_no_more(page: Page, served: ServedSite) -> None:
    """Was: every query checked the data of Pagefind's first 100 results (20 under the header
    box) for an exact title, one fragment request each: on a 10,000-term glossary 100 requests
    and 300 to 700 kB before the search page showed its first 20, at each pause in typing."""
    fragments: list[str] = []
    page.on("request", lambda request: fragments.extend([request.url] if "/fragment/" in request.url else []))
    page.goto(served.page_url(f"{SEARCH}?q=model"))
    total = pagefind_count(page, "model")
    assert total > 2 * PAGE_SIZE, f"'model' should need more than two pages, found {total}"
    expect(page.locator("#search-results > li")).to_have_count(PAGE_SIZE)
    page.wait_for_timeout(300)
    assert len(set(fragments)) == PAGE_SIZE
    page.goto(served.page_url(FLAGSHIP))
    fragments.clear()
    header_box(page).fill("model")  # one query, not one a letter
    expect(suggestions(page).last).to_have_text(f"See all {total} results")
    expect(suggestions(page)).to_have_count(9)
    page.wait_for_timeout(300)
    assert len(set(fragments)) <= 8


def test_a_cleared_box_opens_no_list_from_the_last_query(page: Page, served: ServedSite) -> None:
    """Was: Backspace to an empty box, then ArrowDown, listed the old query's results again, and
    Enter opened one from an empty box."""
    page.goto(served.page_url("index.html"))
    type_in_header(page, "token")
    for _ in "token":
        page.keyboard.press("Backspace")
    listbox = page.get_by_role("listbox", name="Matching terms")
    expect(listbox).to_be_hidden()
    page.keyboard.press("ArrowDown")
    expect(listbox).to_be_hidden()
    expect(header_box(page)).to_have_attribute("aria-expanded", "false")


def test_a_query_typed_again_after_clearing_the_box_is_announced_again(
    page: Page, served: ServedSite
) -> None:
    """Was: clearing the box left "22 results found" in the status, so typing the same query (or
    one with as many results) changed nothing there and a screen reader announced nothing. So
    was typing over the query without clearing it: the status kept the old count meanwhile and
    never changed, so the new one, as many, was not news."""
    page.goto(served.page_url("index.html"))
    status = page.locator("form.search-box [role=status]")
    type_in_header(page, "token")
    said = f"{pagefind_count(page, 'token')} results found"
    expect(status).to_have_text(said)
    header_box(page).fill("")
    expect(status).to_have_text("")
    page.keyboard.type("token")
    expect(status).to_have_text(said)

    page.keyboard.press("ControlOrMeta+a")
    page.keyboard.type("t")
    expect(status).to_have_text("")
    page.keyboard.type("oken")
    expect(status).to_have_text(said)


def test_typing_or_moving_the_cursor_after_choosing_an_option_makes_enter_search_the_query(
    page: Page, served: ServedSite
) -> None:
    """Home, End and the left and right arrows move the cursor in the box and leave the chosen
    option, as in the ARIA combobox pattern. Was: the option stayed chosen, and Enter opened it
    instead of searching what the reader was editing. Arriving on the search page, the reader
    goes on in its field, the page's one search box (was: from <body>, past the header's box)."""
    page.goto(served.page_url("index.html"))
    box = header_box(page)
    options = type_in_header(page, "token")
    for key in ("End", "ArrowLeft", "ArrowRight"):
        page.keyboard.press("ArrowDown")
        expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id") or "?")
        page.keyboard.press(key)
        expect(box).not_to_have_attribute("aria-activedescendant", re.compile(".*"))
        expect(page.locator("#site-search-results [aria-selected=true]")).to_have_count(0)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Home")
    expect(options.first).to_be_visible()  # the list stays open
    assert box.evaluate("box => box.selectionStart") == 0, "Home moves the cursor to the start"
    page.keyboard.press("Enter")
    expect(page).to_have_url(served.page_url(f"{SEARCH}?q=token"))
    field = page.get_by_role("searchbox", name="Full-text search")
    expect(field).to_be_focused()
    expect(page.get_by_role("search")).to_have_count(1)
    expect(page.get_by_role("combobox")).to_have_count(0)
    page.go_back()
    type_in_header(page, "token")
    page.keyboard.press("ArrowDown")
    page.keyboard.type("izer training")
    page.keyboard.press("Enter")
    expect(page).to_have_url(served.page_url(f"{SEARCH}?q=tokenizer+training"))


def test_without_javascript_no_search_box_is_offered(open_page: OpenPage, served: ServedSite) -> None:
    """Was: the header's box and the search page's form were shown, and a query typed in
    either led only to "Search needs JavaScript"."""
    page = open_page(java_script_enabled=False)
    page.goto(served.page_url(FLAGSHIP))
    expect(page.get_by_role("searchbox", name="Search the glossary")).to_be_hidden()
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Search").click()
    expect(page).to_have_url(served.page_url(SEARCH))
    note = page.locator("main noscript p")
    expect(note).to_have_text("Search needs JavaScript. Browse the A–Z index instead.")
    expect(note).to_be_visible()
    controls = page.locator("input[type=search], button")
    expect(controls).to_have_count(4)  # the page's box and its button (none in the header); theme; Show more
    for control in controls.all():
        expect(control).to_be_hidden()
    page.get_by_role("link", name="A–Z index").click()
    expect(page.locator(".term-list a").first).to_be_visible()


def test_axe_finds_nothing_above_minor_with_the_list_open(open_page: OpenPage, served: ServedSite) -> None:
    page = open_page()
    page.goto(served.page_url(FLAGSHIP))
    type_in_header(page, "model")
    page.keyboard.press("ArrowDown")  # the active option has its own colours
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, "the header's list")


# --- "Did you mean" when nothing is found ------------------------------------------------------


def test_the_results_list_is_out_of_the_tree_while_it_is_empty(page: Page, served: ServedSite) -> None:
    """Was: the empty list was always there, so before a search and after one that found
    nothing a screen reader said "list, 0 items"."""
    page.goto(served.page_url(SEARCH))
    results = page.locator("#search-results")
    heard = page.locator("main").aria_snapshot()
    assert "- list" not in heard, heard
    expect(results).to_be_hidden()
    page.locator("#search-query").fill("zzzzqqqq")
    expect(page.locator("#search-status")).to_contain_text("No results found")
    expect(results).to_be_hidden()
    page.locator("#search-query").fill("tensor")
    expect(results.get_by_role("listitem").first).to_be_visible()
    assert "- list" in page.locator("main").aria_snapshot()
    page.locator("#search-query").fill("")
    expect(results).to_be_hidden()


@pytest.mark.parametrize(
    ("query", "meant", "slug"),
    [
        ("tranformer", "Transformer", "terms/transformer"),
        ("difusion modle", "Diffusion model", "terms/diffusion-model"),
        ("Halucinaton", "Hallucination", "terms/hallucination"),
        ("midjurney", "Midjourney", "tools/midjourney"),  # tools are searched too
    ],
)
def test_a_misspelt_query_that_finds_nothing_offers_the_closest_names(
    page: Page, served: ServedSite, query: str, meant: str, slug: str
) -> None:
    """Was: "0 results found for “tranformer”" and nothing else, though the reader who does
    not know the spelling is who a glossary is for (Pagefind has no typo tolerance)."""
    page.goto(served.page_url(f"{SEARCH}?q={quote(query)}"))
    assert pagefind_count(page, query) == 0, f"Pagefind finds {query!r} by itself now"
    status = page.locator("#search-status")
    expect(status).to_contain_text(f"No results found for \u201c{query}\u201d. Did you mean: {meant}")
    expect(status).to_have_text(re.compile(r"\?$"))
    expect(page.locator("#search-results li")).to_have_count(0)
    links = status.get_by_role("link")
    assert 1 <= links.count() <= 3
    expect(links.first).to_have_text(meant)
    links.first.click()
    expect(page.locator("h1")).to_have_text(meant)
    assert page.url == served.page_url(f"{slug}/")


def test_nothing_close_enough_says_no_results_and_offers_nothing(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(f"{SEARCH}?q=zzzzqqqq"))
    status = page.locator("#search-status")
    expect(status).to_have_text("No results found for \u201czzzzqqqq\u201d.")
    expect(status.get_by_role("link")).to_have_count(0)


def test_a_query_with_results_shows_no_did_you_mean_nor_loads_the_names(
    page: Page, served: ServedSite
) -> None:
    """The names are fetched only once a query has found nothing, never with every search."""
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(served.page_url(f"{SEARCH}?q=transformer"))
    total = pagefind_count(page, "transformer")
    expect(page.locator("#search-status")).to_have_text(f"{total} results found for \u201ctransformer\u201d")
    page.goto(served.page_url(FLAGSHIP))
    header_box(page).focus()
    # pasted, not typed: a search for its "t" would make Pagefind find "tranformer" (type_in_header)
    page.keyboard.insert_text("transformer")
    expect(page.locator("form.search-box [role=status]")).to_have_text(f"{total} results found")
    expect(suggestions(page).last).to_have_text(f"See all {total} results")
    expect(suggestions(page).filter(has_text="Did you mean")).to_have_count(0)
    assert not [url for url in requested if url.endswith("/names.json")]
    page.goto(served.page_url(SEARCH))
    with page.expect_request(re.compile(r"/glossary/pagefind/names\.json$")):
        page.fill("#search-query", "tranformer")
    expect(page.locator("#search-status")).to_contain_text("Did you mean: Transformer")


def test_the_header_box_offers_the_closest_names_as_options(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(FLAGSHIP))
    options = type_in_header(page, "tranformer", pasted=True)
    expect(options.first).to_have_text("TransformerDid you mean this?")
    expect(options.last).to_have_text("No results found for \u201ctranformer\u201d")
    assert options.first.get_attribute("href") == served.page_url("terms/transformer/")
    status = page.locator("form.search-box [role=status]")
    expect(status).to_contain_text("No results found. Did you mean: Transformer")
    box = header_box(page)
    expect(box).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    expect(options.first).to_have_attribute("aria-selected", "true")
    expect(box).to_have_attribute("aria-activedescendant", options.first.get_attribute("id") or "?")
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Transformer")
    # Was nothing: a vowel sign was taken for a space, so "भाशा" was two letters, too short
    page.route("**/names.json", lambda route: route.fulfill(json=[["\u092d\u093e\u0937\u093e", "../x/"]]))
    page.reload()
    options = type_in_header(page, "\u092d\u093e\u0936\u093e", pasted=True)
    expect(options.first).to_have_text("\u092d\u093e\u0937\u093eDid you mean this?")


@pytest.mark.parametrize(("query", "meant"), [("promt", "Prompt"), ("tokn", "Token")])
def test_a_short_misspelt_title_answered_with_the_start_it_shares_offers_the_title(
    page: Page, served: ServedSite, query: str, meant: str
) -> None:
    """Was: the pages holding "pro" (Sora, Gemini...) for "promt" and the 54 holding "to" for
    "tokn", Prompt and Token not among them, and no "Did you mean": a start that all of the
    query but its last two letters made counted as a match, as a stemmed ending would."""
    page.goto(served.page_url(f"{SEARCH}?q={query}"))
    assert pagefind_count(page, query) > 0, f"Pagefind no longer answers {query!r} with a start of it"
    status = page.locator("#search-status")
    expect(status).to_contain_text(f"No results found for \u201c{query}\u201d. Did you mean")
    expect(page.locator("#search-results li")).to_have_count(0)
    expect(status.get_by_role("link").first).to_have_text(re.compile(meant, re.IGNORECASE))


def test_a_word_pagefind_answers_with_a_short_start_of_it_finds_nothing(
    page: Page, served: ServedSite
) -> None:
    """Was: "26 results found for “attenion”", every page holding the word "at" and not Attention
    among them, and no "Did you mean": Pagefind answers a word it has not indexed with the
    longest start of it that it has. A start of 4 letters is still the word meant ("fine")."""
    page.goto(served.page_url(f"{SEARCH}?q=attenion"))
    assert pagefind_count(page, "attenion") > 0, "Pagefind no longer answers 'attenion' with a start of it"
    status = page.locator("#search-status")
    expect(status).to_have_text(
        "No results found for \u201cattenion\u201d. Did you mean \u201cattention\u201d?"
    )
    expect(page.locator("#search-results li")).to_have_count(0)
    page.fill("#search-query", "xyzzy")
    expect(status).to_have_text("No results found for \u201cxyzzy\u201d.")
    page.fill("#search-query", "finetuning")
    expect(status).to_have_text(
        f"{pagefind_count(page, 'finetuning')} results found for \u201cfinetuning\u201d"
    )
    expect(page.locator("#search-results li > a").first).to_have_text("Fine-tuning")
    # what a 10,000-term index marks: "ATS" (stemmed to "at") for "atention", and a "x" counted
    # past a "&gt;" of code; "GPU" for "gpus" is the word stemmed, a match; "R+" for "rnn" is
    # chance too (was a match: only query words of 4 letters or more had stand-ins)
    verdicts = page.evaluate(
        """[["atention", "ATS. at", 0], ["xyzzy", "a &gt; x, 0.0)", 2], ["gpus", "GPU at", 0],
            ["rnn", "Command R+ released", 1], ["llm", "LLMs", 0], ["rag", "RAG-based", 0]].map(
            ([query, text, at]) => glossarySearch.matched(query, [{raw_content: text, locations: [at]}]))"""
    )
    assert verdicts == [False, False, True, False, True, True]
    for short in ("rnn", "img"):  # Pagefind answers each with a page holding "R+" or "I'm"
        page.fill("#search-query", short)
        expect(status).to_have_text(f"No results found for \u201c{short}\u201d.")
    page.goto(served.page_url(FLAGSHIP))
    options = type_in_header(page, "atention", pasted=True)
    expect(options).to_have_text(
        ["Search for \u201cattention\u201dDid you mean this?", "No results found for \u201catention\u201d"]
    )
    # Was "No results" still when the query names a page (named/) that Pagefind does not find
    # under it, as it does not find Œuvre under "oeuvre": here named/ is made to name Attention.
    row = ["../../terms/attention/", "Attention", "Named."]
    page.route("**/named/*.json", lambda route: route.fulfill(json=[["atention", *row], ["xyzzy", *row]]))
    page.goto(served.page_url(f"{SEARCH}?q=atention"))
    expect(status).to_have_text("1 result found for \u201catention\u201d")
    expect(page.locator("#search-results li > a")).to_have_text(["Attention"])
    page.fill("#search-query", "xyzzy")  # Pagefind finds nothing at all
    expect(status).to_have_text("1 result found for \u201cxyzzy\u201d")
    page.goto(served.page_url(FLAGSHIP))
    options = type_in_header(page, "atention", pasted=True)
    expect(options.first).to_have_text(re.compile("^Attention"))
    assert options.first.evaluate("link => link.pathname") == f"/{SUB_PATH}/terms/attention/"


def test_a_site_built_without_search_offers_no_names_and_still_says_why(page: Page, tmp_path: Path) -> None:
    out = tmp_path / "www"
    assert build(BuildOptions(copy_site("minimal", tmp_path), out, search=False, use_cache=False)).ok(
        strict=False
    )
    with serve(out) as address:
        page.goto(f"{address}/{SEARCH}?q=tensr")
        status = page.locator("#search-status")
        expect(status).to_contain_text("this copy of the site was built without its search index")
        expect(status).not_to_contain_text("Did you mean")


def test_axe_finds_nothing_above_minor_with_did_you_mean_shown(
    open_page: OpenPage, served: ServedSite
) -> None:
    page = open_page()
    page.goto(served.page_url(f"{SEARCH}?q=tranformer"))
    expect(page.locator("#search-status")).to_contain_text("Did you mean")
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, "the search page's Did you mean")


#: The second words of the terms `probable` holds, each after "Probabilistic".
PROBABLE = [
    "Sampling",
    "Inference",
    "Modelling",
    "Forecasting",
    "Circuit",
    "Parsing",
    "Reasoning",
    "Ranking",
    "Clustering",
    "Calibration",
    "Graphical Model",
    "Numerics",
]
QUOTED_TYPO = "\u201cprobabilstic\u201d"
QUOTED_WORD = "\u201cprobabilistic\u201d"


@pytest.fixture(scope="module")
def probable(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServedSite]:
    """A dozen terms whose titles start with the word "Probabilistic", as on a 10,000-term
    glossary nearly 400 do, a "Transformer" and a Polish "Źródło danych"."""
    root = tmp_path_factory.mktemp("probable")
    files = {"content/site.yml": f"title: Probable\nbase_url: https://probable.example.com/{SUB_PATH}/\n"}
    for second in PROBABLE:
        title = f"Probabilistic {second}"
        files[f"content/terms/{title.lower().replace(' ', '-')}.md"] = CROWDED_TERM.format(
            title=title,
            summary=f"{second} under uncertainty.",
            definition=f"{second} that keeps track of how likely each outcome is.",
            aliases=f"{second} under uncertainty",
        )
    files["content/terms/transformer.md"] = CROWDED_TERM.format(
        title="Transformer",
        summary="A neural network built on attention.",
        definition="A neural network that weighs every token of its input against every other.",
        aliases="Transformer model",
    )
    files["content/terms/zrodlo-danych.md"] = CROWDED_TERM.format(
        title="\u0179r\u00f3d\u0142o danych",
        summary="Sk\u0105d pochodz\u0105 dane.",
        definition="\u0179r\u00f3d\u0142o danych zasila model.",
        aliases="Dane \u017ar\u00f3d\u0142owe",
    )
    site = write_files(root, files)
    out = root / "www" / SUB_PATH
    assert build(BuildOptions(site, out, use_cache=False)).ok(strict=False)
    with serve(out.parent) as address:
        yield ServedSite(out, f"{address}/{SUB_PATH}", {})


def test_a_misspelt_word_many_names_start_with_offers_the_word_searched(
    page: Page, probable: ServedSite
) -> None:
    """Was: "Did you mean: Probabilistic Calibration, Probabilistic Circuit, Probabilistic
    Clustering?", three of the dozen names the misspelt word starts alike, picked A to Z, where
    the reader wants the word spelt right searched; on a 10,000-term glossary, three of 381."""
    page.goto(probable.page_url(f"{SEARCH}?q=probabilstic"))
    assert pagefind_count(page, "probabilstic") == 0, "Pagefind finds 'probabilstic' by itself now"
    status = page.locator("#search-status")
    expect(status).to_have_text(f"No results found for {QUOTED_TYPO}. Did you mean {QUOTED_WORD}?")
    links = status.get_by_role("link")
    expect(links).to_have_count(1)
    expect(links).to_have_text("probabilistic")
    links.click()
    expect(page).to_have_url(probable.page_url(f"{SEARCH}?q=probabilistic"))
    expect(page.locator("#search-query")).to_have_value("probabilistic")
    expect(status).to_have_text(f"{len(PROBABLE)} results found for {QUOTED_WORD}")
    expect(page.locator("#search-results li")).to_have_count(len(PROBABLE))
    # Was "Did you mean “zrodło”?": the word as the names spell it, not with its accents dropped
    page.fill("#search-query", "zrodla")
    meant = "\u201c\u017ar\u00f3d\u0142o\u201d"
    expect(status).to_have_text(f"No results found for \u201czrodla\u201d. Did you mean {meant}?")
    status.get_by_role("link").click()
    expect(page.locator("#search-results li > a")).to_have_text(["\u0179r\u00f3d\u0142o danych"])
    # spelled right but for the Ł, which Pagefind does not match to an L: the word with it searched
    page.fill("#search-query", "zrodlo")
    expect(status).to_have_text(f"No results found for \u201czrodlo\u201d. Did you mean {meant}?")


def test_the_header_box_offers_the_misspelt_word_searched_and_says_so(
    page: Page, probable: ServedSite
) -> None:
    page.goto(probable.page_url("terms/transformer/"))
    options = type_in_header(page, "probabilstic", pasted=True)
    listed = options.evaluate_all("all => all.map(option => [option.textContent, option.href])")
    assert listed == [
        [f"Search for {QUOTED_WORD}Did you mean this?", probable.page_url(f"{SEARCH}?q=probabilistic")],
        [f"No results found for {QUOTED_TYPO}", probable.page_url(f"{SEARCH}?q=probabilstic")],
    ], f"the box listed (text, address): {listed}"
    status = page.locator("form.search-box [role=status]")
    expect(status).to_have_text(f"No results found. Did you mean {QUOTED_WORD}?")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(page.locator("#search-status")).to_have_text(f"{len(PROBABLE)} results found for {QUOTED_WORD}")


@pytest.mark.parametrize(
    ("query", "said"),
    [
        # a whole name as close as the corrected word: the name, as on a small glossary
        ("tranformer", "Did you mean: Transformer?"),
        ("probabilstic circut", "Did you mean: Probabilistic Circuit?"),
        # the corrected words are held by names but no page holds them all: the closest names
        ("probabilstic tranformer", "No results found for \u201cprobabilstic tranformer\u201d."),
    ],
)
def test_a_whole_name_as_close_as_the_corrected_query_is_offered_instead(
    page: Page, probable: ServedSite, query: str, said: str
) -> None:
    page.goto(probable.page_url(f"{SEARCH}?q={quote(query)}"))
    assert pagefind_count(page, query) == 0, f"Pagefind finds {query!r} by itself now"
    status = page.locator("#search-status")
    expect(status).to_have_text(re.compile(re.escape(said) + "$"))


# --- the corrected query and the named exact title, to axe and the keyboard ------------------------


QUOTED_MEANT = "\u201cdiffusion\u201d"


def header_offers_the_corrected_query(page: Page, served: ServedSite, crowded: ServedSite) -> None:
    """Arrow Down makes "Search for “diffusion”" the active option, and Enter searches it."""
    page.goto(served.page_url(FLAGSHIP))
    options = type_in_header(page, "difusion", pasted=True)
    expect(options.first).to_have_text("Search for \u201cdiffusion\u201dDid you mean this?")
    status = page.locator("form.search-box [role=status]")
    expect(status).to_have_text("No results found. Did you mean \u201cdiffusion\u201d?")
    page.keyboard.press("ArrowDown")
    active = options.first.get_attribute("id") or "?"
    expect(header_box(page)).to_have_attribute("aria-activedescendant", active)


def page_offers_the_corrected_query(page: Page, served: ServedSite, crowded: ServedSite) -> None:
    """Tab alone reaches the "Did you mean “diffusion”?" link, with a ring that stands out."""
    page.goto(served.page_url(f"{SEARCH}?q=difusion"))
    status = page.locator("#search-status")
    expect(status).to_have_text(f"No results found for \u201cdifusion\u201d. Did you mean {QUOTED_MEANT}?")
    link = status.get_by_role("link", name="diffusion")
    for _ in range(60):
        page.keyboard.press("Tab")
        if link.evaluate("link => link === document.activeElement"):
            break
    expect(link).to_be_focused()
    ring = page.evaluate(RING_AND_GROUND)
    assert ring and contrast(ring[1], ring[2]) >= 3, f"no focus ring that stands out: {ring}"


def page_lists_the_named_title_first(page: Page, served: ServedSite, crowded: ServedSite) -> None:
    """The title Pagefind ranks last, listed first from named/, without an excerpt."""
    page.goto(crowded.page_url(f"{SEARCH}?q={quote('Weight Sampling')}"))
    first = page.locator("#search-results li").first
    expect(first.get_by_role("link")).to_have_text("Weight Sampling")
    expect(first.locator(".search-excerpt")).to_have_count(0)
    first.get_by_role("link").focus()


def header_lists_the_named_title_first(page: Page, served: ServedSite, crowded: ServedSite) -> None:
    page.goto(crowded.page_url("terms/weight-sampling-method-000/"))
    options = type_in_header(page, "weight sampling", pasted=True)
    expect(options.first.locator(".search-suggestion-summary")).to_have_text("The one the reader is after.")
    page.keyboard.press("ArrowDown")


def page_finds_nothing(page: Page, served: ServedSite, crowded: ServedSite) -> None:
    """No result and nothing close enough to offer instead."""
    page.goto(served.page_url(f"{SEARCH}?q=zzzzqqqq"))
    expect(page.locator("#search-status")).to_have_text("No results found for \u201czzzzqqqq\u201d.")


def header_finds_nothing(page: Page, served: ServedSite, crowded: ServedSite) -> None:
    page.goto(served.page_url(FLAGSHIP))
    options = type_in_header(page, "zzzzqqqq", pasted=True)
    expect(options.last).to_have_text("No results found for \u201czzzzqqqq\u201d")


SEARCH_STATES = [
    header_offers_the_corrected_query,
    page_offers_the_corrected_query,
    page_lists_the_named_title_first,
    header_lists_the_named_title_first,
    page_finds_nothing,
    header_finds_nothing,
]


@pytest.mark.parametrize("state", SEARCH_STATES)
def test_axe_finds_nothing_above_minor_in_todays_search_states(
    open_page: OpenPage,
    served: ServedSite,
    crowded: ServedSite,
    state: Callable[[Page, ServedSite, ServedSite], None],
) -> None:
    page = open_page()
    state(page, served, crowded)
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, state.__name__)
    if "corrected" in state.__name__:  # Enter on the offer searches the corrected query
        page.keyboard.press("Enter")
        expect(page).to_have_url(served.page_url(f"{SEARCH}?q=diffusion"))
        expect(page.locator("#search-query")).to_have_value("diffusion")
        expect(page.locator("#search-status")).to_have_text(
            re.compile(r"^\d+ results? found for \u201cdiffusion\u201d$")
        )


@needs_nu_checker
def test_the_nu_html_checker_passes_the_markup_search_adds(
    open_page: OpenPage, served: ServedSite, crowded: ServedSite, tmp_path: Path
) -> None:
    """The header's list and the search page's results, offers and "No results" are made by
    scripts, so the built files the e2e tests check hold none of them."""
    shown = ShownPages(tmp_path)
    page = open_page()
    page.goto(served.page_url(FLAGSHIP))
    type_in_header(page, "model")
    page.keyboard.press("ArrowDown")
    shown.save(page, "the header's list with an active option")
    page.goto(served.page_url(f"{SEARCH}?q=tranformer"))
    expect(page.locator("#search-status")).to_contain_text("Did you mean")
    shown.save(page, "did you mean on the page")
    page.goto(served.page_url(FLAGSHIP))
    type_in_header(page, "halucinaton", pasted=True)
    expect(suggestions(page).first).to_have_text("HallucinationDid you mean this?")
    shown.save(page, "did you mean in the header")
    for state in SEARCH_STATES:
        state(page, served, crowded)
        shown.save(page, state.__name__)
    shown.assert_nu_checker_passes()


def test_on_a_phone_the_header_results_scroll_in_the_half_of_the_screen_the_keyboard_leaves(
    open_page: OpenPage, served: ServedSite
) -> None:
    """Was: eight results and "See all" ran 540 px down a 740 px screen, under the keyboard."""
    page = open_page(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True)
    page.goto(served.page_url(FLAGSHIP))

    options = type_in_header(page, "diffusion", pasted=True)

    listed = page.locator(".search-suggestions")
    box = listed.bounding_box()
    assert box is not None and box["height"] <= 0.45 * 740 + 1, box
    assert listed.evaluate("list => list.scrollHeight > list.clientHeight"), (
        "more results than room: it scrolls"
    )
    # was: each summary cut to one line, a few words before its "…"
    lines = options.locator(".search-suggestion-summary").evaluate_all(
        "all => all.map(s => "
        "Math.round(s.getBoundingClientRect().height / parseFloat(getComputedStyle(s).lineHeight)))"
    )
    assert lines and max(lines) == 2, lines  # and no more: the list has room for few results
    for _ in range(options.count()):
        page.keyboard.press("ArrowDown")
    expect(options.last).to_have_attribute("aria-selected", "true")
    expect(options.last).to_be_in_viewport()


def test_the_count_is_the_lists_length_when_a_named_page_is_one_pagefind_did_not_find(
    page: Page, tmp_path: Path
) -> None:
    """Was "1 result found" above two: Œuvre, which "oeuvre" names but Pagefind does not find
    under that word, was listed before the one page Pagefind found, and not counted."""
    site = write_files(
        copy_site("minimal", tmp_path),
        {
            "content/terms/oeuvre.md": "---\ntitle: \u0152uvre\nsummary: A body of work.\n"
            "definition: An artist's \u0153uvre is all they made.\nrelated: [tensor, GPU]\n---\n",
            "content/terms/catalogue.md": "---\ntitle: Catalogue\nsummary: A list of works.\n"
            "definition: A catalogue lists an artist's oeuvre.\nrelated: [tensor, GPU]\n---\n",
        },
    )
    out = tmp_path / "www"
    assert build(BuildOptions(site, out, use_cache=False)).ok(strict=False)
    with serve(out) as address:
        page.goto(f"{address}/{SEARCH}?q=oeuvre")
        results = page.locator("#search-results li > a")
        expect(results).to_have_text(["\u0152uvre", "Catalogue"])
        expect(page.locator("#search-status")).to_have_text("2 results found for \u201coeuvre\u201d")
        page.goto(f"{address}/index.html")
        options = type_in_header(page, "oeuvre")
        expect(options.last).to_have_text("See all 2 results")
