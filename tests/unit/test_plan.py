"""plan: a static file may not take the place of a generated page or of its folder."""

from __future__ import annotations

from pathlib import Path

from glossary_site import plan

PAGES = ["index.html", "terms/gpu/index.html", "feed.xml"]


def clashes(root: Path, *static: str, pages: tuple[str, ...] = ()) -> list[str]:
    for rel in static:
        (root / "static" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "static" / rel).write_text("static", encoding="utf-8")
    return [str(d) for d in plan.output_clashes([*PAGES, *pages], root)]


def test_static_file_with_the_path_of_a_page_is_reported(tmp_path: Path) -> None:
    """A file one template makes is changed by writing that template: renaming the static
    file, as the message said, left it useless."""
    static = ("index.html", "img/logo.png", "robots.txt", "assets/labels.js", "terms/gpu/index.html")
    said = "static/{0}:1: static file would replace the generated {0}; "
    instead = "to change that file, write templates/{} instead (copy the theme's to start)"
    assert clashes(tmp_path, *static, pages=("robots.txt", "assets/labels.js")) == [
        said.format("assets/labels.js") + instead.format("labels.js"),
        said.format("index.html") + instead.format("index.html"),
        said.format("robots.txt") + instead.format("robots.txt"),
        said.format("terms/gpu/index.html") + "rename it",
    ]


def test_static_file_where_pages_need_a_folder_is_reported(tmp_path: Path) -> None:
    assert clashes(tmp_path, "terms") == [
        "static/terms:1: static file would replace the generated terms; rename it"
    ]


def test_static_files_beside_the_pages_are_fine(tmp_path: Path) -> None:
    assert clashes(tmp_path, "terms/gpu/diagram.svg", "favicon.ico") == []


def test_static_files_where_the_search_index_goes_are_reported(tmp_path: Path) -> None:
    """Was: published by one build, silently gone after the next full one."""
    assert clashes(tmp_path, "pagefind/pagefind.js", "pagefinder.txt") == [
        "static/pagefind/pagefind.js:1: "
        "static file would be lost when the search index replaces pagefind/; move it"
    ]


def test_a_static_file_in_the_place_of_the_builds_own_record_is_reported(tmp_path: Path) -> None:
    """Was: counted as written, then silently replaced by the record of the files written."""
    assert clashes(tmp_path, ".glossary-site", ".well-known/security.txt") == [
        "static/.glossary-site:1: static file would replace the generated .glossary-site; rename it"
    ]


def test_static_folder_with_the_path_of_a_page_is_reported_once(tmp_path: Path) -> None:
    """Was: passed by check; a build then put the folder where the home page was."""
    assert clashes(tmp_path, "index.html/a.txt", "index.html/b/c.txt", "terms/gpu/index.html/x") == [
        "static/index.html:1: static folder would replace the generated index.html; rename it",
        "static/terms/gpu/index.html:1: "
        "static folder would replace the generated terms/gpu/index.html; rename it",
    ]


def test_static_folder_in_the_place_of_the_builds_own_record_is_reported(tmp_path: Path) -> None:
    assert clashes(tmp_path, ".glossary-site/x") == [
        "static/.glossary-site:1: static folder would replace the generated .glossary-site; rename it"
    ]


def test_static_folder_or_file_in_the_place_of_the_themes_files_is_reported(tmp_path: Path) -> None:
    """Was: a fresh build stopped with 'File exists' (exit 2); a cached one mixed the two."""
    assert clashes(tmp_path / "folder", "assets/style.css/x", "assets/mine.css") == [
        "static/assets/style.css:1: static folder would replace the theme's assets/style.css; rename it"
    ]
    assert clashes(tmp_path / "file", "assets") == [
        "static/assets:1: static file would replace the theme's folder assets/; rename it"
    ]


def test_static_files_and_folders_named_as_a_page_or_a_theme_file_in_another_case_are_reported(
    tmp_path: Path,
) -> None:
    """Was: accepted, so `Style.css` replaced the theme's stylesheet on macOS and Windows and
    on Linux was a second file no page links; `Index.html` replaced the home page there."""
    assert clashes(
        tmp_path, "assets/Style.css", "Index.html", "Assets/a.css", "Assets/b.css", "TERMS/x.html"
    ) == [
        "static/Assets:1: static folder differs from the theme's assets/ only in letter case, so its"
        " files go into that folder on macOS and Windows but not elsewhere; rename it, or name it"
        " static/assets",
        "static/Index.html:1: static file differs from the generated index.html only in letter case,"
        " so it would replace it on macOS and Windows; rename it",
        "static/TERMS:1: static folder differs from the generated terms/ only in letter case, so its"
        " files go into that folder on macOS and Windows but not elsewhere; rename it",
        "static/assets/Style.css:1: static file differs from the theme's assets/style.css only in letter"
        " case, so it replaces it on macOS and Windows but not elsewhere; to replace it, name it"
        " static/assets/style.css",
    ]


def test_static_files_in_a_case_no_page_or_theme_file_has_are_fine(tmp_path: Path) -> None:
    assert (
        clashes(tmp_path, "assets/Logo.svg", "Images/a.png", "terms/gpu/Diagram.svg", "assets/style.css")
        == []
    )


def test_the_links_checked_are_paths_and_full_addresses_of_this_site_however_spelt() -> None:
    """A save that changes only links elsewhere needs no check; base_url is kept in ASCII
    without a default port, and its addresses are recognised however an editor spells them."""
    base_url = "https://xn--bcher-kva.example/kb/"
    ours = (
        "/terms/gpu/",
        "../gpu/",
        "javascript:alert(1)",  # refused, so reported: always checked
        "https://bücher.example/kb/terms/gpu/",
        "HTTP://XN--BCHER-KVA.EXAMPLE:80/kb/",
        "https://xn--bcher-kva.example:443/kb",
    )
    elsewhere = (
        "https://bücher.example/blog/",
        "https://example.com/kb/terms/gpu/",
        "https://xn--bcher-kva.example:8443/kb/",
        "mailto:editor@example.com",
    )

    assert plan.checked_urls(ours + elsewhere, (base_url,)) == (*ours, "mailto:editor@example.com")
