"""The words the theme's scripts show and announce come from site.yml's `labels`, in Chromium:
a glossary in another language reads in it in the theme control, search, the copy-link
buttons and the Stack Builder too, not only in the built HTML."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from conftest import OpenPage, serve
from playwright.sync_api import Page, expect
from support import copy_site, run_glossary, set_language

from glossary_site import labels as theme_labels

#: A few of the scripts' labels in German; {names} and {title} first show a label may reorder.
LABELS = {
    "theme_auto": "Farbschema: automatisch",
    "theme_light": "Farbschema: hell",
    "theme_dark": "Farbschema: dunkel",
    "matching_terms": "Passende Begriffe",
    "did_you_mean_this": "Meinten Sie das?",
    "no_results_for_query": "Nichts gefunden für „{query}“",
    "no_results_did_you_mean": "Nichts gefunden. Meinten Sie {names}?",
    "search_title_with_query": "{title} – „{query}“",
    "search_page_no_results": "Keine Treffer für „{query}“.",
    "search_page_did_you_mean": "Meinten Sie {names}? Für „{query}“ gibt es keine Treffer.",
    "search_for_query": "Nach „{query}“ suchen",
    "no_results_did_you_mean_query": "Nichts gefunden. Meinten Sie „{query}“?",
    "search_page_did_you_mean_query": "Für „{query}“ gibt es keine Treffer. Nach „{meant}“ suchen?",
    "copy_link_to_section": "Link zu „{section}“ kopieren",
    "link_copied": "Link kopiert",
    "stack_questions_to_answer": "Beantworten Sie die {count} Fragen, um Ihren Stack zu sehen.",
    "thousands_separator": ".",
    "scroll_sideways_hint": "Seitwärts scrollen für mehr →",  # with the arrow, as the theme's once was
}


@pytest.fixture(scope="module")
def german_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The example site in German with LABELS in its site.yml, indexed for search, served at
    the root: the labels it does not give are the theme's German ones."""
    root = tmp_path_factory.mktemp("theme-words")
    site = copy_site("example", root)
    set_language(site, "de", "labels:\n" + "".join(f'  {key}: "{text}"\n' for key, text in LABELS.items()))
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(root / "cache"))
        built = run_glossary("build", "--strict", "--out", root / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(root / "www") as address:
        yield address


def test_the_theme_control_says_each_choice_in_the_sites_words(open_page: OpenPage, german_url: str) -> None:
    page = open_page(color_scheme="light")
    page.goto(f"{german_url}/terms/transformer/")
    toggle = page.locator("header .theme-toggle")
    expect(toggle).to_have_accessible_name("Farbschema: automatisch")
    toggle.click()
    expect(toggle).to_have_accessible_name("Farbschema: dunkel")
    toggle.click()
    expect(toggle).to_have_accessible_name("Farbschema: hell")
    # Was: from 1,120 px to about 1,240 (at 1,130 here) the control's German words pushed the search box under
    # the title, a second header line English never has.
    page.set_viewport_size({"width": 1130, "height": 800})
    title, search = (page.locator(f"header {part}").bounding_box() for part in (".site-title", ".search-box"))
    assert title and search and search["y"] < title["y"] + title["height"], (
        "the search box is on a line of its own"
    )


def test_the_hint_over_a_wide_table_is_in_the_sites_words_with_one_arrow(
    open_page: OpenPage, german_url: str
) -> None:
    """The theme draws the hint's arrow itself; a site's label written with one keeps working."""
    page = open_page(viewport={"width": 390, "height": 844})
    page.goto(f"{german_url}/terms/generative-ai/")
    hint = page.locator(".data-table .scroll-hint:visible").first
    expect(hint).to_have_text("Seitwärts scrollen für mehr")
    assert hint.evaluate("el => getComputedStyle(el, '::after').content") == '" \u2192" / ""'


def test_the_search_page_says_no_results_and_did_you_mean_in_the_sites_words(
    open_page: OpenPage, german_url: str
) -> None:
    page = open_page()
    page.goto(f"{german_url}/search/index.html?q=tranformer")
    status = page.locator("#search-status")
    expect(status).to_have_text("Meinten Sie Transformer? Für „tranformer“ gibt es keine Treffer.")
    link = status.get_by_role("link", name="Transformer")
    expect(link).to_have_attribute("href", f"{german_url}/terms/transformer/")
    expect(page).to_have_title("Suche · AI Glossary – „tranformer“")
    page.fill("#search-query", "zzzzqqqq")
    expect(status).to_have_text("Keine Treffer für „zzzzqqqq“.")


def header_listing(page: Page, german_url: str, query: str) -> list[list[str]]:
    """Each option of the header box's list for `query`, as [text, address], once the list
    answers it. The query goes in as one input event, as pasted: typed key by key on a busy
    machine, "t" is searched first (the 100 ms pause passes between two keys), and Pagefind then
    answers "tranformer" with the one page holding the word "T", the longest word it has loaded
    that begins the query."""
    page.goto(f"{german_url}/terms/transformer/")
    page.wait_for_load_state("domcontentloaded")
    page.keyboard.press("Control+k")
    expect(page.locator("#site-search")).to_be_focused()  # keys typed before it is are lost
    page.keyboard.insert_text(query)
    options = page.get_by_role("listbox", name="Passende Begriffe").get_by_role("option")
    expect(options.last).to_have_attribute("href", re.compile(rf"\?q={re.escape(query)}$"))
    listed: list[list[str]] = options.evaluate_all("all => all.map(o => [o.textContent, o.href])")
    return listed


def test_the_header_box_offers_the_closest_names_in_the_sites_words(
    open_page: OpenPage, german_url: str
) -> None:
    page = open_page()
    listed = header_listing(page, german_url, "tranformer")
    assert listed == [
        ["TransformerMeinten Sie das?", f"{german_url}/terms/transformer/"],
        ["Nichts gefunden für „tranformer“", f"{german_url}/search/index.html?q=tranformer"],
    ], f"the box listed (text, address): {listed}"
    status = page.locator("form.search-box [role=status]")
    expect(status).to_have_text("Nichts gefunden. Meinten Sie Transformer?")


def test_the_corrected_query_is_offered_in_the_sites_words(open_page: OpenPage, german_url: str) -> None:
    """No whole name is as close to "difusion" as the word "diffusion", which names hold
    ("Diffusion model", "Stable Diffusion"), so that word is offered, to be searched, in the
    site's words."""
    page = open_page()
    page.goto(f"{german_url}/search/index.html?q=difusion")
    status = page.locator("#search-status")
    expect(status).to_have_text("Für „difusion“ gibt es keine Treffer. Nach „diffusion“ suchen?")
    link = status.get_by_role("link", name="diffusion")
    expect(link).to_have_attribute("href", f"{german_url}/search/index.html?q=diffusion")
    listed = header_listing(page, german_url, "difusion")
    assert listed == [
        ["Nach „diffusion“ suchenMeinten Sie das?", f"{german_url}/search/index.html?q=diffusion"],
        ["Nichts gefunden für „difusion“", f"{german_url}/search/index.html?q=difusion"],
    ], f"the box listed (text, address): {listed}"
    status = page.locator("form.search-box [role=status]")
    expect(status).to_have_text("Nichts gefunden. Meinten Sie „diffusion“?")


def test_the_copy_link_button_is_named_and_announced_in_the_sites_words(
    open_page: OpenPage, german_url: str
) -> None:
    page = open_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{german_url}/terms/transformer/")
    heading = page.locator("article.term .prose h2[id]").first
    name = heading.evaluate("h => h.firstChild.textContent.trim()")
    page.get_by_role("button", name=f"Link zu „{name}“ kopieren", exact=True).click()
    expect(page.locator("[role=status][aria-live=polite]", has_text="Link kopiert")).to_have_count(1)


def test_a_code_blocks_copy_button_is_named_in_the_sites_language(
    open_page: OpenPage, german_url: str
) -> None:
    """The theme's German words (site.yml gives none for it)."""
    page = open_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(f"{german_url}/terms/embedding/")
    page.get_by_role("button", name="similarity.py kopieren", exact=True).click()
    expect(page.locator("[role=status][aria-live=polite]", has_text="Code kopiert")).to_have_count(1)
    expect(page.get_by_role("button", name="Code kopieren", exact=True)).to_have_count(
        0
    )  # its one block has a title


def test_the_stack_builder_asks_for_the_answers_in_the_sites_words(
    open_page: OpenPage, german_url: str
) -> None:
    page = open_page()
    page.goto(f"{german_url}/stack-builder/")
    status = page.locator(".stack-status")
    expect(status).to_have_text("Beantworten Sie die 3 Fragen, um Ihren Stack zu sehen.")


def test_the_scripts_group_a_counts_digits_and_take_its_plural_form_as_the_pages_do(
    open_page: OpenPage, german_url: str
) -> None:
    """Was: a search of a big glossary said "1234 results found" where the built pages say
    "1.234 Begriffe"; the scripts now part the digits with the site's thousands separator. The
    words are the theme's German ones (site.yml does not give these labels). And was: the `_one`
    form for 1 alone, in any language; now Russian's three forms, as the pages have them."""
    page = open_page()
    page.goto(f"{german_url}/search/")
    say = "([key, count]) => window.glossarySay(key, { count: count, query: 'q' })"
    assert page.evaluate(say, ["results_found", 12345]) == "12.345 Ergebnisse gefunden"
    assert page.evaluate(say, ["results_found_for_query", 1234567]) == "1.234.567 Ergebnisse für „q“ gefunden"
    assert page.evaluate(say, ["results_found", 1]) == "1 Ergebnis gefunden"
    assert page.evaluate(say, ["results_found", 999]) == "999 Ergebnisse gefunden"

    # The form of the plural: the scripts ask Intl.PluralRules, Python its own table
    # (labels.PLURAL_RULES); both must say the same for every language in the table, or a
    # search would say "22 результатов" under a page that says "22 термина".
    counts = list(range(201))
    forms = "([tag, counts]) => counts.map(n => new Intl.PluralRules(tag).select(n))"
    for tag in theme_labels.PLURAL_RULES:
        said = page.evaluate(forms, [tag, counts])
        assert said == [theme_labels.plural_form(tag, n) for n in counts], tag
    russian = theme_labels.as_json(theme_labels.for_language("ru"))
    page.evaluate(f"window.glossaryLabels = {russian}")
    found = [page.evaluate(say, ["results_found", n]) for n in (1, 3, 12, 21, 22, 25, 1234)]
    assert found == [
        "Найден 1 результат",
        "Найдено 3 результата",
        "Найдено 12 результатов",
        "Найден 21 результат",
        "Найдено 22 результата",
        "Найдено 25 результатов",
        "Найдено 1\u00a0234 результата",
    ]
    assert page.evaluate(say, ["search_button", 5]) == "Найти"
