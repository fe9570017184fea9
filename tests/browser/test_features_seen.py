"""Reader-visible features no other browser test looked at: a term's other names and date, its
tags, the call to action, code colours, the header's sections, the feed and terms.json links,
a category's and a tag's own feed, and auto-linked first mentions."""

from __future__ import annotations

import datetime
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from conftest import DESKTOP, built_terms, serve, tab_to  # this folder's, imported while it is collected
from playwright.sync_api import Browser, Page, expect
from support import run_glossary, write_files

if TYPE_CHECKING:  # tests/conftest.py shares the module name "conftest", so no runtime import
    from conftest import OpenPage, ServedSite

FLAGSHIP = "terms/generative-ai/index.html"
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def reader(browser: Browser) -> Iterator[Page]:
    """One page for the whole module: each test starts with its own goto, and none changes storage."""
    context = browser.new_context(viewport={"width": DESKTOP["width"], "height": DESKTOP["height"]})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()


def test_the_term_header_names_the_terms_other_names(reader: Page, served: ServedSite) -> None:
    reader.goto(served.page_url(FLAGSHIP))
    aliases = reader.locator("article.term header .aliases")
    expect(aliases).to_be_visible()
    expect(aliases).to_have_text("Also known as " + ", ".join(served.terms["generative-ai"]["aliases"]))


def test_the_date_a_term_was_updated_is_shown_in_words(reader: Page, served: ServedSite) -> None:
    reader.goto(served.page_url(FLAGSHIP))
    day = datetime.date.fromisoformat(served.terms["generative-ai"]["updated"])
    updated = reader.locator("article.term .updated")
    expect(updated).to_be_visible()
    expect(updated).to_have_text(f"Updated {day.day} {day:%B %Y}")
    expect(updated.locator("time")).to_have_attribute("datetime", day.isoformat())


def test_a_terms_tag_opens_its_page_which_lists_the_term_and_leads_to_every_tag(
    reader: Page, served: ServedSite
) -> None:
    reader.goto(served.page_url(FLAGSHIP))
    tag = served.terms["generative-ai"]["tags"][0]
    reader.locator("article.term .tags").get_by_role("link", name=tag, exact=True).click()
    expect(reader.locator("h1")).to_have_text(f"Tag: {tag}")
    members = sorted((t["title"] for t in served.terms.values() if tag in t["tags"]), key=str.casefold)
    expect(reader.locator(".term-list a")).to_have_text(members)
    reader.locator(".breadcrumb a").nth(1).click()
    expect(reader.locator("h1")).to_have_text("Tags")
    every: list[str] = sorted(
        {str(name) for t in served.terms.values() for name in t["tags"]}, key=str.casefold
    )
    expect(reader.locator(".cards .card a")).to_have_text(every)
    reader.locator(".cards a", has_text=re.compile(f"^{tag}$")).click()
    expect(reader.locator("h1")).to_have_text(f"Tag: {tag}")


def test_the_call_to_action_says_its_offer_and_its_button_opens_the_stack_builder(
    reader: Page, served: ServedSite
) -> None:
    reader.goto(served.page_url(FLAGSHIP))
    cta = reader.locator("aside.cta")
    expect(cta.get_by_role("heading")).to_have_text("Ready to put this to work?")
    expect(cta).to_contain_text("suggests a tool for each layer")
    cta.get_by_role("link", name="Plan my stack").click()
    expect(reader.locator("h1")).to_have_text("Stack Builder")


def test_a_code_block_is_coloured_by_its_language(reader: Page, served: ServedSite) -> None:
    reader.goto(served.page_url("terms/attention/index.html"))
    code = reader.locator("article.term pre").first
    expect(code).to_contain_text("softmax")
    plain = code.evaluate("pre => getComputedStyle(pre).color")
    colours = code.locator("span").evaluate_all("spans => spans.map(s => getComputedStyle(s).color)")
    assert len(set(colours) - {plain}) >= 2, "keywords, names and numbers stand out in their own colours"


def test_a_tap_on_an_abbreviation_shows_its_expansion_in_the_line_and_another_hides_it(
    open_page: OpenPage, served: ServedSite
) -> None:
    """Was: the expansion was the abbreviation's title alone, which no touch screen shows."""
    page = open_page(viewport=PHONE, has_touch=True, is_mobile=True)
    page.goto(served.page_url("terms/fine-tuning/index.html"))
    gpu = page.locator("article.term abbr", has_text="GPU")
    expect(gpu).to_have_attribute("title", "Graphics processing unit")
    after = "el => getComputedStyle(el, '::after').content"
    assert gpu.evaluate(after) == "none"
    narrow = gpu.evaluate("el => el.getBoundingClientRect().width")
    gpu.tap()
    assert gpu.evaluate(after) == '" (Graphics processing unit)"'
    assert gpu.evaluate("el => el.getBoundingClientRect().width") > 3 * narrow, "the expansion is drawn"
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, "an abbreviation expanded")
    gpu.tap()
    assert gpu.evaluate(after) == "none"


def test_the_keyboard_reaches_the_first_of_each_abbreviation_and_shows_its_expansion(
    reader: Page, served: ServedSite
) -> None:
    """Was: a reader without a mouse or touch screen could not see it: an abbreviation was no
    Tab stop, and only a click or hover showed it."""
    reader.goto(served.page_url("terms/fine-tuning/index.html"))
    gpus = reader.locator("article.term abbr", has_text="GPU")
    assert gpus.count() >= 1
    after = "el => getComputedStyle(el, '::after').content"
    tab_to(reader, gpus.first, presses=300)
    assert gpus.first.evaluate(after) == '" (Graphics processing unit)"'
    assert [gpu.get_attribute("tabindex") for gpu in gpus.all()[1:]] == [None] * (gpus.count() - 1)
    reader.keyboard.press("Tab")
    assert gpus.first.evaluate(after) == "none"


ABBREVIATED = """---
title: Processor
summary: What runs the code.
definition: The chip that runs a program.
related: [other]
---

=== "First"

    Nothing here.

=== "Second"

    Only this tab names the CPU.

=== "CPU"

    The CPU, named in its tab's title too.

The CPU, and [a CPU link](https://example.org/), and the CPU again.

*[CPU]: Central processing unit
"""


def test_an_abbreviation_first_written_in_a_hidden_tab_is_still_reached_in_the_text(
    reader: Page, tmp_path: Path
) -> None:
    """Was: only the first of each on the page was a Tab stop, here in a tab not shown, so the
    keyboard reached none; and one inside a link was a Tab stop within the link's."""
    other = "---\ntitle: Other\nsummary: Another.\ndefinition: Another term.\nrelated: [processor]\n---\n"
    with serve(built_terms(tmp_path, {"processor": ABBREVIATED, "other": other})) as address:
        reader.goto(f"{address}/terms/processor/index.html")
        cpus = reader.locator("article.term abbr")
        expect(cpus).to_have_count(6)  # the third tab's title too, hidden once its button is made
        assert [cpu.get_attribute("tabindex") for cpu in cpus.all()] == ["0", None, "0", "0", None, None]
        tab_to(reader, cpus.nth(3), presses=100)
        assert (
            cpus.nth(3).evaluate("el => getComputedStyle(el, '::after').content")
            == '" (Central processing unit)"'
        )


def test_each_header_link_opens_its_section_marked_current_and_the_title_leads_home(
    reader: Page, served: ServedSite
) -> None:
    reader.goto(served.page_url(FLAGSHIP))
    names = reader.locator(".site-nav a").all_inner_texts()
    assert names[:3] == ["A–Z", "Categories", "Tags"] and "Search" in names, names
    for name in names:
        reader.locator(".site-nav").get_by_role("link", name=name, exact=True).click()
        expect(reader.locator(".site-nav a[aria-current=page]")).to_have_text(name)
        expect(reader.locator("h1")).to_be_visible()
        if name == "A–Z":  # was: the top of the home page, its A to Z below the categories and recent terms
            expect(reader.locator(":target")).to_have_text("A–Z")
            expect(reader.locator(":target")).to_be_in_viewport()
    reader.get_by_role("link", name="AI Glossary", exact=True).click()  # the logo and title lead home
    expect(reader).to_have_url(served.page_url("index.html"))
    expect(reader.locator(".overview .card").first).to_be_visible()


def test_the_footer_links_the_feed_and_terms_json_and_the_head_announces_the_feed(
    reader: Page, served: ServedSite
) -> None:
    reader.goto(served.page_url(FLAGSHIP))
    feed = reader.locator("footer").get_by_role("link", name="Atom feed")
    announced = reader.locator("link[rel=alternate][type='application/atom+xml']")
    address = feed.evaluate("a => a.href")
    assert announced.evaluate("link => link.href") == address
    answer = reader.request.get(address)
    assert answer.ok and "<feed" in answer.text() and "Generative AI" in answer.text()
    reader.locator("footer").get_by_role("link", name="All terms as JSON").click()
    shown = json.loads(reader.locator("body").inner_text())
    assert sorted(term["slug"] for term in shown) == sorted(served.terms)


def test_a_category_page_shows_a_link_to_its_own_feed(reader: Page, served: ServedSite) -> None:
    """And a tag's page to its own, as well."""
    for group, words in ((".category a", "Atom feed of this category"), (".tags a", "Atom feed of this tag")):
        reader.goto(served.page_url(FLAGSHIP))
        reader.locator(f"article.term {group}").first.click()
        name = reader.locator("h1").inner_text().split(":", 1)[1].strip()
        shown = reader.locator("main").get_by_role("link", name=words)
        expect(shown).to_be_visible()
        address = shown.evaluate("a => a.href")
        assert address == reader.url.removesuffix("index.html") + "feed.xml"
        answer = reader.request.get(address)
        assert answer.ok and f"<title>{name} · AI Glossary</title>" in answer.text()
        assert "<title>Generative AI</title>" in answer.text()


AUTOLINKED = """---
title: Diffusion
summary: Makes pictures from noise.
definition: A model that removes noise step by step.
---
A diffusion model is one kind of generative model. Every generative model learns its data.

<a class="wikilink" title="Official glossary page: sign in to continue" href="/search/">Glossary</a>
"""


@pytest.fixture(scope="module")
def autolinked_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Two terms with autolink on; the first mentions the second twice in its body."""
    site = write_files(
        tmp_path_factory.mktemp("autolinked"),
        {
            "content/site.yml": "title: Auto\nbase_url: https://auto.example.com/\nautolink: true\n",
            "content/terms/diffusion.md": AUTOLINKED,
            "content/terms/generative-model.md": "---\ntitle: Generative model\nsummary: Learns to make data."
            "\ndefinition: A model that learns to make new data.\nrelated: [diffusion]\n---\n",
        },
    )
    built = run_glossary("build", "--no-search", "--out", site / "www", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(site / "www") as address:
        yield address


def test_the_first_mention_of_another_term_links_to_it_and_previews_it(
    reader: Page, autolinked_site: str
) -> None:
    """An editor's own link dressed as a wiki-link shows no card (was: its title, as a term's summary)."""
    reader.goto(f"{autolinked_site}/terms/diffusion/index.html")
    links = reader.locator("article.term .prose a")
    expect(links).to_have_text(["generative model", "Glossary"])
    expect(reader.locator("article.term .prose")).to_contain_text("Every generative model learns")
    links.last.hover()
    expect(reader.locator(".term-preview")).to_have_count(0)
    links.first.hover()
    expect(reader.locator(".term-preview")).to_contain_text("Learns to make data.")
    links.first.click()
    expect(reader.locator("h1")).to_have_text("Generative model")
