"""A renamed term's (tool's) old address, opened in Chromium, lands on the term's (tool's) page;
/terms/ and /a-z/ on the home page's A to Z."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_check import assert_axe_finds_nothing_above_minor_in_either_scheme
from conftest import OpenPage, serve
from playwright.sync_api import expect
from support import copy_site, run_glossary, write_files

GPU = "content/terms/graphics-processing-unit.md"


@pytest.fixture(scope="module")
def renamed_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The minimal site, whose base_url has the sub-path /docs/, after the GPU term was renamed
    from gpu-chip and its tool Ollama from local-runner; served under that sub-path."""
    root = tmp_path_factory.mktemp("renamed")
    site = copy_site("minimal", root)
    tool = "---\ntitle: Ollama\nformer_slugs: local-runner\nsummary: Runs models.\nurl: https://ollama.com/\n---\n"
    write_files(site, {"content/tools/ollama.md": tool})
    gpu = site / GPU
    gpu.write_text(
        gpu.read_text(encoding="utf-8").replace(
            "title: Graphics processing unit\n", "title: Graphics processing unit\nformer_slugs: [gpu-chip]\n"
        ),
        encoding="utf-8",
    )
    built = run_glossary("build", "--strict", "--out", root / "www/docs", cwd=site)
    assert built.returncode == 0, built.stderr
    with serve(root / "www") as address:
        yield f"{address}/docs"


@pytest.mark.parametrize("script", [True, False])
def test_opening_the_old_address_lands_on_the_terms_or_tools_page(
    open_page: OpenPage, renamed_url: str, script: bool
) -> None:
    """The page refreshes itself to the term's (tool's), with or without JavaScript."""
    page = open_page(java_script_enabled=script)
    page.goto(f"{renamed_url}/terms/gpu-chip/")
    expect(page).to_have_url(f"{renamed_url}/terms/graphics-processing-unit/index.html")
    expect(page.locator("h1")).to_have_text("Graphics processing unit")
    page.goto(f"{renamed_url}/tools/local-runner/")
    expect(page).to_have_url(f"{renamed_url}/tools/ollama/index.html")
    expect(page.locator("h1")).to_have_text("Ollama")


def test_a_link_to_a_section_of_the_old_address_lands_on_that_section(
    open_page: OpenPage, renamed_url: str
) -> None:
    """Was: the meta refresh dropped the #section, so the reader landed at the top of the page."""
    page = open_page()
    page.goto(f"{renamed_url}/terms/gpu-chip/#term-definition")
    expect(page).to_have_url(f"{renamed_url}/terms/graphics-processing-unit/index.html#term-definition")
    expect(page.locator(":target")).to_have_attribute("id", "term-definition")
    expect(page.locator(":target")).to_have_text("Definition")


@pytest.mark.parametrize(("folder", "script"), [("terms", True), ("terms", False), ("a-z", True)])
def test_a_sections_address_lands_on_the_home_pages_a_to_z(
    open_page: OpenPage, renamed_url: str, folder: str, script: bool
) -> None:
    """Was the 404 page: a reader who shortens /terms/tensor/ to /terms/ meets the A to Z."""
    page = open_page(java_script_enabled=script)
    page.goto(f"{renamed_url}/{folder}/")
    expect(page).to_have_url(f"{renamed_url}/index.html#home-az")
    expect(page.locator(":target")).to_have_text("A–Z")


def test_axe_finds_nothing_above_minor_on_the_page_at_the_old_address(
    open_page: OpenPage, renamed_url: str
) -> None:
    """The page a reader sees for a moment, held on screen: the term's page answers its
    refresh with 204 No Content, so the browser stays where it is."""
    page = open_page()
    target = "**/terms/graphics-processing-unit/index.html"
    page.route(target, lambda route: route.fulfill(status=204))
    with page.expect_request(target):  # the refresh, answered
        page.goto(f"{renamed_url}/terms/gpu-chip/")
    expect(page).to_have_url(f"{renamed_url}/terms/gpu-chip/")
    expect(page.get_by_role("link", name="Graphics processing unit")).to_be_visible()
    assert_axe_finds_nothing_above_minor_in_either_scheme(page, "the page at a former address")


#: The theme's --bg and --fg in each scheme, as the term page that follows shows them.
COLOURS = {
    "light": ("rgb(255, 255, 255)", "rgb(28, 31, 36)"),
    "dark": ("rgb(18, 21, 26)", "rgb(230, 233, 238)"),
}


@pytest.mark.parametrize(
    ("system", "chosen"), [("light", None), ("dark", None), ("light", "dark"), ("dark", "light")]
)
def test_the_page_at_the_old_address_is_in_the_readers_colour_scheme(
    open_page: OpenPage, renamed_url: str, system: str, chosen: str | None
) -> None:
    """The page shown for a moment has the colours of the term page that follows, in the
    system's scheme or the one chosen with the theme control. Was: black on white in dark
    mode too, a white flash between two dark pages."""
    page = open_page(color_scheme=system)
    if chosen:
        page.add_init_script(f"localStorage.setItem('glossary-theme', '{chosen}')")
    target = "**/terms/graphics-processing-unit/index.html"
    page.route(target, lambda route: route.fulfill(status=204))
    with page.expect_request(target):
        page.goto(f"{renamed_url}/terms/gpu-chip/")
    ground, text = COLOURS[chosen or system]
    expect(page.locator("body")).to_have_css("background-color", ground)
    expect(page.locator("h1")).to_have_css("color", text)
