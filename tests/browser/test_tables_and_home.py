"""The Generative AI page reads like the seed (each table in its section) and the home page
invites browsing (introduction, category cards, recent terms, aliases in the A to Z)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Page, expect

if TYPE_CHECKING:  # tests/conftest.py shares the module name "conftest", so no runtime import
    from conftest import OpenPage, ServedSite

FLAGSHIP = "terms/generative-ai/index.html"
TABLES = {
    "landscape": "The landscape by modality (2025)",
    "model-families": "Model families and how they learn",
    "milestones": "Milestones, 2022–2025",
    "use-cases": "Use cases by domain",
}


def test_each_generative_ai_table_sits_in_its_section_after_its_introduction(
    page: Page, served: ServedSite
) -> None:
    page.goto(served.page_url(FLAGSHIP))
    faq_top = page.locator("section.faq").bounding_box()
    assert faq_top is not None
    for anchor, title in TABLES.items():
        section = page.locator(f"section.data-table:has(h2#{anchor})")
        expect(section.locator("h2")).to_contain_text(title)
        intro, table = section.locator(".table-intro"), section.locator("table")
        expect(intro).to_be_visible()
        assert len(intro.inner_text().split()) >= 8, f"{anchor}: the introduction says something"
        intro_box, table_box = intro.bounding_box(), table.bounding_box()
        assert intro_box and table_box and intro_box["y"] + intro_box["height"] <= table_box["y"]
        assert table_box["y"] < faq_top["y"], f"{anchor} is in the body, before the practice questions"
    # the tables are spread through the body, with prose between them
    order = page.locator("article.term > .prose, article.term > section.data-table").evaluate_all(
        "nodes => nodes.map(n => n.classList.contains('prose') ? 'prose' : 'table')"
    )
    assert order[0] == "prose" and order.count("table") == 4 and order[-1] == "prose", order
    assert "table, prose, table" in ", ".join(order), order


def test_a_table_heading_is_a_link_target_from_on_this_page(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(FLAGSHIP))
    page.locator("nav.toc").get_by_role("link", name=TABLES["milestones"]).click()
    expect(page).to_have_url(served.page_url(FLAGSHIP) + "#milestones")
    expect(page.locator("h2#milestones")).to_be_in_viewport()


def test_term_links_in_table_cells_open_their_terms(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url(FLAGSHIP))
    page.locator("section.data-table:has(h2#model-families) tbody a.wikilink", has_text="VAE").click()
    expect(page.locator("h1")).to_have_text(served.terms["vae"]["title"])


def test_the_home_page_lists_genai_in_the_a_to_z_linking_to_generative_ai(
    page: Page, served: ServedSite
) -> None:
    page.goto(served.page_url("index.html"))
    alias = page.locator("dt.cross-ref", has_text="GenAI")
    expect(alias).to_have_count(1)
    link = alias.locator("xpath=following-sibling::dd[1]").get_by_role("link")
    expect(link).to_have_text("Generative AI")
    link.click()
    expect(page.locator("h1")).to_have_text("Generative AI")


def test_the_home_page_introduces_the_site_and_its_categories(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url("index.html"))
    expect(page.locator(".intro")).to_contain_text("plain definition")
    categories = sorted({term["category"] for term in served.terms.values() if term["category"]})
    cards = page.locator(".overview .card")
    expect(cards).to_have_count(len(categories))
    for index, name in enumerate(categories):
        card = cards.nth(index)
        expect(card.get_by_role("link")).to_have_text(name)
        members = sum(1 for term in served.terms.values() if term["category"] == name)
        expect(card.locator(".count")).to_have_text(f"{members} term{'s' if members != 1 else ''}")
        expect(card.locator(".card-description")).not_to_be_empty()
    newest = max(term["updated"] for term in served.terms.values() if term["updated"])
    expect(page.locator(".recent-list li time").first).to_have_attribute("datetime", newest)


def test_a_category_page_shows_its_description(page: Page, served: ServedSite) -> None:
    page.goto(served.page_url("categories/concepts/index.html"))
    expect(page.locator(".group-description")).to_contain_text("core ideas")


def test_a_term_table_is_named_by_its_title_once_and_is_no_landmark(page: Page, served: ServedSite) -> None:
    """Was: the scrolling frame was a region named by the title and the table had no name, so
    moving by table a screen reader said "table" alone, and the landmarks had one per table."""
    page.goto(served.page_url(FLAGSHIP))
    heard = "\n".join(section.aria_snapshot() for section in page.locator("section.data-table").all())
    for title in TABLES.values():
        assert heard.count(f'- table "{title}"') == 1, title
    assert regions(heard) == []


def test_on_a_phone_a_table_wider_than_its_frame_is_a_named_region_a_keyboard_can_reach(
    open_page: OpenPage, served: ServedSite
) -> None:
    """A focusable frame needs a role and a name for a screen reader to say what the Tab stop
    is: while its table is too wide, the frame is a region named by the table's title."""
    page = open_page(viewport={"width": 360, "height": 800})
    page.goto(served.page_url(FLAGSHIP))
    wide = page.locator(".table-scroll.is-scrollable")
    expect(wide.first).to_be_visible()
    named = [
        frame.get_attribute("aria-labelledby") and frame.evaluate("el => el.getAttribute('role')")
        for frame in wide.all()
    ]
    heard = "\n".join(section.aria_snapshot() for section in page.locator("section.data-table").all())

    assert named and all(role == "region" for role in named)
    assert len(regions(heard)) == len(named)
    for frame in wide.all():
        assert frame.get_attribute("tabindex") == "0"
        title = frame.locator("table").get_attribute("aria-labelledby")
        assert frame.get_attribute("aria-labelledby") == title


def regions(heard: str) -> list[str]:
    return [line.strip().rstrip(":") for line in heard.splitlines() if line.strip().startswith("- region")]


@pytest.mark.parametrize(
    ("path", "heading", "landmarks"),
    [
        (
            "index.html",
            '- heading "G" [level=3]',
            ['- region "Browse by category"', '- region "Recently updated"', '- region "A–Z"'],
        ),
        ("tools/index.html", '- heading "Image and video" [level=2]', []),
    ],
)
def test_each_letter_or_tool_group_is_a_heading_not_a_landmark(
    page: Page, served: ServedSite, path: str, heading: str, landmarks: list[str]
) -> None:
    """Was: each letter of the A to Z (17 on the home page) and each group of tools was a region
    named by its heading, flooding a screen reader's list of landmarks."""
    page.goto(served.page_url(path))
    heard = page.locator("main").aria_snapshot()
    assert heading in heard
    assert regions(heard) == landmarks
