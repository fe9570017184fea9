"""A heading's own id (`## Shapes of tensors {#shapes}`) as a built site shows it: the section's
anchor, its entry under "On this page" and the target of links from other terms, kept when the
heading's words change; an id given twice, or an HTML id that a heading's words make too, is
an error at its line, and the site is not touched."""

from __future__ import annotations

from pathlib import Path

from support import attribute, copy_site, parse_html, present, run_glossary, tree_digest


def test_a_heading_keeps_its_own_id_when_its_words_change_and_links_to_it_still_lead_there(
    tmp_path: Path,
) -> None:
    site = copy_site("minimal", tmp_path)
    tensor, gpu = site / "content/terms/tensor.md", site / "content/terms/graphics-processing-unit.md"
    text = tensor.read_text(encoding="utf-8")
    tensor.write_text(text.replace("## Shapes\n", "## Shapes of tensors {#shapes}\n"), encoding="utf-8")
    gpu.write_text(
        gpu.read_text(encoding="utf-8") + "\nIt holds [tensors of any shape](/terms/tensor/#shapes).\n",
        encoding="utf-8",
    )
    for words in ("Shapes of tensors", "Array shapes"):
        tensor.write_text(text.replace("## Shapes\n", f"## {words} {{#shapes}}\n"), encoding="utf-8")
        result = run_glossary("build", "--no-search", cwd=site)
        assert result.returncode == 0, result.stderr
        assert "#shapes" not in result.stdout + result.stderr  # no link to the section is reported
        assert "attribute list" not in result.stdout + result.stderr

        page = parse_html(site / "_site/terms/tensor/index.html")
        heading = present(page.find(id="shapes"))
        assert heading.name == "h2" and heading.get_text(" ", strip=True) == f"{words} #"
        assert "{#" not in page.get_text()
        entry = present(present(page.find("nav", class_="toc")).find("a", string=words))
        assert attribute(entry, "href") == "#shapes"
        link = present(
            parse_html(site / "_site/terms/graphics-processing-unit/index.html").find(
                "a", string="tensors of any shape"
            )
        )
        address, _, place = attribute(link, "href").partition("#")
        assert address.endswith("terms/tensor/index.html") and place == "shapes"


def test_an_id_given_twice_on_a_page_is_an_error_at_the_second_and_the_site_is_kept(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    before = tree_digest(site / "_site")
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8").replace("## Shapes\n", "## Shapes {#shapes}\n")
    text = text.replace("    a: Yes,", '    a: <span id="rank">Yes</span>,')
    text += '\n<p id="shapes">Again.</p> <b id=rank>Twice</b>\n\n## Ranks\n\n<i id="ranks">x</i>\n'
    tensor.write_text(text, encoding="utf-8")
    lines = text.splitlines()

    result = run_glossary("build", "--no-search", cwd=site)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    first, second = (
        lines.index("## Shapes {#shapes}") + 1,
        lines.index('<p id="shapes">Again.</p> <b id=rank>Twice</b>') + 1,
    )
    answer = next(number for number, line in enumerate(lines, 1) if 'id="rank"' in line)
    problems = [line for line in result.stderr.splitlines() if "given twice" in line]
    assert sorted(problems) == [
        f"content/terms/tensor.md:{second}: the id 'rank' is given twice on this page (first on line "
        f"{answer}): a link to '#rank' reaches the first only; give this one another",
        f"content/terms/tensor.md:{second}: the id 'shapes' is given twice on this page (first on line "
        f"{first}): a link to '#shapes' reaches the first only; give this one another",
    ]
    clash = lines.index('<i id="ranks">x</i>') + 1
    assert (
        f"content/terms/tensor.md:{clash}: the id 'ranks' is also the anchor a heading's words make on "
        "this page: a link to '#ranks' reaches the first only; give this one another, or the heading "
        "its own with '{#…}' after its words"
    ) in result.stderr.splitlines()
    assert tree_digest(site / "_site") == before


def test_a_setext_heading_takes_its_id_and_the_themes_own_id_is_a_warning_at_its_line(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = (
        tensor.read_text(encoding="utf-8") + "\nRanks and axes {#ranks}\n---\n\nx\n\n## Main {#main}\n\ny\n"
    )
    tensor.write_text(text, encoding="utf-8")

    result = run_glossary("build", "--no-search", cwd=site)

    assert result.returncode == 0, result.stderr
    line = text.splitlines().index("## Main {#main}") + 1
    assert (
        f"content/terms/tensor.md:{line}: warning: the id 'main' is the theme's own (a part of every "
        "page has it), so this one becomes 'main_1' and a link to '#main' leads to the theme's; give "
        "it another"
    ) in result.stderr.splitlines()
    page = parse_html(site / "_site/terms/tensor/index.html")
    assert present(page.find(id="ranks")).get_text(" ", strip=True) == "Ranks and axes #"
    assert present(page.find(id="main_1")).name == "h2" and present(page.find(id="main")).name == "main"


def test_a_headings_attribute_list_gives_its_class_and_its_words_in_on_this_page(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8")
    tensor.write_text(
        text.replace(
            "## Shapes\n",
            '## Shapes <small>and ranks</small> { .wide data-toc-label="<em>Shapes</em>" #shapes }\n\n'
            "## Reading order { #order onclick=go }\n",
        ),
        encoding="utf-8",
    )
    result = run_glossary("build", "--no-search", cwd=site)
    assert result.returncode == 0, result.stderr
    warned = [line for line in result.stderr.splitlines() if "attribute list" in line]
    line = text.splitlines().index("## Shapes") + 3  # the file's lines count from 1, the list's second
    assert warned == [
        f"content/terms/tensor.md:{line}: warning: '{{ #order onclick=go }}' is an attribute list, which "
        "is not read here and is shown as written; remove it: only a heading's id, classes and words "
        "in the page's contents are read, written after its words as "
        "'## Words { #id .class data-toc-label=\"Short words\" }', and classes or a size right after a "
        "link or picture ('![Chart](c.png){ width=\"300\" }')"
    ]

    page = parse_html(site / "_site/terms/tensor/index.html")
    heading = present(page.find(id="shapes"))
    assert heading.get_text(" ", strip=True) == "Shapes and ranks #" and heading.get("class") == ["wide"]
    toc = present(page.find("nav", class_="toc"))
    contents = [(a.get_text(), attribute(a, "href")) for a in toc.find_all("a")]
    assert ("Shapes", "#shapes") in contents
    assert ("Reading order { #order onclick=go }", "#reading-order-order-onclickgo") in contents
    assert present(page.find(id="reading-order-order-onclickgo")).get("onclick") is None
