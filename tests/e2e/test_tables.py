"""Front-matter tables placed in the body with {{< table id >}}, with introductions and anchors."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from support import copy_site, parse_html, run_glossary, write_files

TERM = """\
---
title: Tensor processing unit
summary: A chip built for the matrix arithmetic of neural networks.
definition: A **TPU** multiplies matrices in hardware.
tables:
  - title: Generations
    intro: |
      Each generation roughly doubled the speed of the one before; see [[tensor]].
    columns: [Name, Year]
    rows:
      - [v1, "2015"]
      - ["[[GPU]] rival v2", "2017"]
  - title: Makers
    id: makers
    columns: [Maker, Chip]
    rows:
      - [Google, TPU]
  - title: Left over
    columns: [A, B]
    rows:
      - [one, two]
faq:
  - q: Who makes it?
    a: Google, which also trains [[Model training|models]] on it.
---

Opening paragraph.

{{< table makers >}}

## History

Some history[^1].

{{< table generations >}}

```markdown
{{< table makers >}}
```

[^1]: A footnote.
"""


def build(tmp_path: Path, files: dict[str, str]) -> tuple[Path, str]:
    site = copy_site("minimal", tmp_path)
    write_files(site, files)
    result = run_glossary("build", cwd=site)
    return site, result.stderr if result.returncode else ""


def article(site: Path, slug: str) -> Tag:
    found = parse_html(site / "_site" / "terms" / slug / "index.html").select_one("article.term")
    assert isinstance(found, Tag)
    return found


def outline(node: Tag) -> list[str]:
    """The article's headings, tables and code blocks in reading order."""
    marks = []
    for element in node.find_all(["h2", "table", "pre"]):
        if element.name == "h2":
            marks.append(f"h2 {element.get('id')}")
        else:
            marks.append(element.name)
    return marks


def test_placed_tables_sit_in_the_body_and_the_rest_follow_it(tmp_path: Path) -> None:
    site, errors = build(tmp_path, {"content/terms/tpu.md": TERM})
    assert not errors
    page = article(site, "tpu")
    assert outline(page) == [
        "h2 term-definition",
        "h2 makers",
        "table",
        "h2 history",
        "h2 generations",
        "table",
        "pre",
        "h2 left-over",
        "table",
        "h2 term-faq",
    ]
    code = page.select_one("pre")
    assert code is not None and "{{< table makers >}}" in code.get_text()
    assert "glossary-site-table" not in str(page)
    footnotes = page.select(".footnote li")
    assert [li.get_text(" ", strip=True).startswith("A footnote") for li in footnotes] == [True]


def test_a_table_has_a_linkable_heading_and_an_introduction_with_term_links(tmp_path: Path) -> None:
    site, _ = build(tmp_path, {"content/terms/tpu.md": TERM})
    section = article(site, "tpu").select_one("section.data-table:has(#generations)")
    assert section is not None
    permalink = section.select_one("h2 a.headerlink")
    assert permalink is not None and permalink["href"] == "#generations"
    intro = section.select_one(".table-intro")
    assert intro is not None and intro.get_text(" ", strip=True).startswith("Each generation")
    link = intro.select_one("a.wikilink")
    assert link is not None and link["href"] == "../tensor/index.html"
    cell_link = section.select_one("tbody a.wikilink")
    assert cell_link is not None and cell_link["href"] == "../graphics-processing-unit/index.html"
    answer = article(site, "tpu").select_one(".faq .answer a.wikilink")
    assert answer is not None and answer.get_text() == "models"


def test_a_tables_cells_read_as_separate_words(tmp_path: Path) -> None:
    """Search reads a page's text without its markup: cells written edge to edge made
    "NameYear" one word, shown so in excerpts ("YearSystemsStep forward") and found by nothing."""
    site, _ = build(tmp_path, {"content/terms/tpu.md": TERM})
    table = article(site, "tpu").select_one("section.data-table:has(#generations) table")
    assert table is not None
    assert [row.get_text().split() for row in table.select("tr")] == [
        ["Name", "Year"],
        ["v1", "2015"],
        ["GPU", "rival", "v2", "2017"],
    ]


def test_on_this_page_lists_sections_and_tables_in_reading_order(tmp_path: Path) -> None:
    site, _ = build(tmp_path, {"content/terms/tpu.md": TERM})
    page = parse_html(site / "_site" / "terms" / "tpu" / "index.html")
    toc = [(a.get_text(), a["href"]) for a in page.select("nav.toc a")]
    assert toc == [
        ("Definition", "#term-definition"),
        ("Makers", "#makers"),
        ("History", "#history"),
        ("Generations", "#generations"),
        ("Left over", "#left-over"),
        ("Practice questions", "#term-faq"),
    ]
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert all(page.find(id=href[1:]) for _, href in toc)
    assert len(ids) == len(set(ids)), "every id on the page is unique"
    # Reached early: the article lists it, for a narrow screen, before its definition, and a
    # wide screen's skip link there leads to the side column's; a term with only its
    # definition has no list to skip to.
    early = page.select(
        "article.term > .contents-skip, article.term > nav.contents, article.term > .definition"
    )
    assert [tag.name for tag in early] == ["a", "nav", "section"]
    assert early[0]["href"] == "#term-toc" and page.find(id="term-toc") in page.select("aside nav.toc h2")
    assert [(a.get_text(), a["href"]) for a in early[1].select("details a")] == toc
    gpu = parse_html(site / "_site" / "terms" / "graphics-processing-unit" / "index.html")
    assert [a.get_text() for a in gpu.select("nav.toc a")] == ["Definition"]
    assert not gpu.select(".contents-skip, nav.contents")


def test_a_table_id_taken_by_a_body_heading_gets_its_own_anchor(tmp_path: Path) -> None:
    term = TERM.replace("## History", "## Makers")
    site, errors = build(tmp_path, {"content/terms/tpu.md": term})
    assert not errors
    page = parse_html(site / "_site" / "terms" / "tpu" / "index.html")
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids))
    assert page.select_one("section.data-table h2#makers-table") is not None


def test_a_table_titled_as_another_is_warned_of_and_both_keep_their_own_anchors(tmp_path: Path) -> None:
    """Was: accepted silently, and the page showed two sections headed "Makers"."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site, {"content/terms/tpu.md": TERM.replace("title: Left over\n", "title: ' makers'\n    id: more\n")}
    )
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    warning = (
        "content/terms/tpu.md:18: warning: table 3 has the title of table 2, 'makers'; "
        "give each table its own title"
    )
    assert warning in result.stderr.splitlines()
    page = parse_html(site / "_site" / "terms" / "tpu" / "index.html")
    toc = [(a.get_text(), a["href"]) for a in page.select("nav.toc a")]
    assert ("Makers", "#makers") in toc and ("makers", "#more") in toc
    ids = [tag["id"] for tag in page.find_all(id=True)]
    assert len(ids) == len(set(ids)), "every id on the page is unique"


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            ("{{< table makers >}}", "{{< table maker >}}"),
            "content/terms/tpu.md:29: no table with the id 'maker'; did you mean 'makers'?",
        ),
        (
            ("{{< table generations >}}", "{{< table makers >}}"),
            "content/terms/tpu.md:35: table 'makers' is already placed at line 29",
        ),
        (
            ("Opening paragraph.\n\n{{< table makers >}}", "Opening paragraph.\n{{< table makers >}}"),
            "content/terms/tpu.md:28: put a blank line before and after '{{< table makers >}}'",
        ),
        (
            ("{{< table makers >}}", "{{< tabel makers >}}"),
            "content/terms/tpu.md:29: this line is not a table marker, the only shortcode there is; "
            "write '{{< table ID >}}' to place a table, and anything else in Markdown "
            "(an image: ![text](/file.png))",
        ),
        (
            ("{{< table makers >}}", "{{% table makers %}}"),
            "content/terms/tpu.md:29: this line is not a table marker, the only shortcode there is; "
            "write '{{< table ID >}}' to place a table, and anything else in Markdown "
            "(an image: ![text](/file.png))",
        ),
        (
            ("{{< table makers >}}", "{{< youtube w7Ft2ymGmfc >}}"),
            "content/terms/tpu.md:29: this line is not a table marker, the only shortcode there is; "
            "write '{{< table ID >}}' to place a table, and anything else in Markdown "
            "(an image: ![text](/file.png))",
        ),
        (
            ("{{< table makers >}}", '{{< figure src="/tpu.png" >}}'),
            "content/terms/tpu.md:29: this line is not a table marker, the only shortcode there is; "
            "write '{{< table ID >}}' to place a table, and anything else in Markdown "
            "(an image: ![text](/file.png))",
        ),
        (
            ("  - title: Left over\n", "  - title: Left over\n    id: makers\n"),
            "content/terms/tpu.md:19: two tables have the id 'makers'; give one another",
        ),
    ],
)
def test_a_bad_placement_is_one_error_at_its_line(
    tmp_path: Path, change: tuple[str, str], expected: str
) -> None:
    term = TERM.replace(*change)
    assert term != TERM
    site = copy_site("minimal", tmp_path)
    write_files(site, {"content/terms/tpu.md": term})
    result = run_glossary("check", cwd=site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    problems = [line for line in result.stderr.splitlines() if line.startswith("content/")]
    assert [line for line in problems if ": warning: " not in line] == [expected]


def test_a_broken_table_and_its_misplaced_marker_are_both_reported(tmp_path: Path) -> None:
    term = TERM.replace("      - [Google, TPU]", "      - [Google]").replace(
        "Opening paragraph.\n\n{{< table makers >}}", "Opening paragraph.\n{{< table makers >}}"
    )
    site = copy_site("minimal", tmp_path)
    write_files(site, {"content/terms/tpu.md": term})
    result = run_glossary("check", cwd=site)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if ": error: " in line or "tpu.md:" in line]
    assert [line for line in problems if ": warning: " not in line] == [
        "content/terms/tpu.md:17: table 'Makers' row 1 has 1 cell but the table has 2 columns",
        "content/terms/tpu.md:28: put a blank line before and after '{{< table makers >}}'",
    ]


def test_every_cell_that_is_not_text_is_an_error_at_its_own_line(tmp_path: Path) -> None:
    """Was: at the row's first line, and only the row's first bad cell, the rest found one
    build at a time. A row written on one line has its cells told apart by number."""
    term = (
        "---\ntitle: Tensor processing unit\nsummary: A chip for matrix arithmetic.\n"
        "definition: A **TPU** multiplies matrices in hardware.\ntables:\n"
        "  - title: Block\n    columns: [A, B, C]\n    rows:\n"
        "      - - ok\n        - fine\n        - {m: n}\n"
        "      - - ok\n        - [x]\n        - {m: n}\n"
        "  - title: Flow\n    columns: [A, B, C]\n    rows:\n"
        "      - [{y: z}, [x], [q]]\n---\n\nBody.\n"
    )
    site = copy_site("minimal", tmp_path)
    write_files(site, {"content/terms/tpu.md": term})
    quote = "put the whole cell in quotes"
    for command in ("build", "check"):
        result = run_glossary(command, cwd=site)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        problems = [line for line in result.stderr.splitlines() if line.startswith("content/terms/tpu.md:")]
        assert [line for line in problems if ": warning: " not in line] == [
            f"content/terms/tpu.md:11: table 'Block' row 1 cell 3 must be text, not a mapping; {quote}",
            f"content/terms/tpu.md:13: table 'Block' row 2 cell 2 must be text, not a list; {quote}",
            f"content/terms/tpu.md:14: table 'Block' row 2 cell 3 must be text, not a mapping; {quote}",
            f"content/terms/tpu.md:18: table 'Flow' row 1 cell 1 must be text, not a mapping; {quote}",
            f"content/terms/tpu.md:18: table 'Flow' row 1 cell 2 must be text, not a list; {quote}",
            f"content/terms/tpu.md:18: table 'Flow' row 1 cell 3 must be text, not a list; {quote}",
        ], command


@pytest.mark.parametrize(
    ("marker", "hint"),
    [
        ("maker", "did you mean 'makers'?"),
        (
            "sizes",
            "this file's tables (left-over, makers) could not be built, for the errors reported at them",
        ),
    ],
)
def test_a_marker_naming_no_table_of_a_file_whose_tables_all_have_errors_says_so(
    tmp_path: Path, marker: str, hint: str
) -> None:
    """Was: "this file has no tables", in a file with tables whose errors were reported above it."""
    term = (
        "---\ntitle: Tensor processing unit\nsummary: A chip for matrix arithmetic.\n"
        "definition: A **TPU** multiplies matrices in hardware.\ntables:\n"
        "  - title: Makers\n    columns: [Maker, Chip]\n    rows:\n      - [Google]\n"
        "  - title: Left over\n    columns: [A, B]\n---\n\n"
        f"Opening paragraph.\n\n{{{{< table {marker} >}}}}\n"
    )
    site = copy_site("minimal", tmp_path)
    write_files(site, {"content/terms/tpu.md": term})
    result = run_glossary("check", cwd=site)
    assert result.returncode == 1
    problems = [line for line in result.stderr.splitlines() if line.startswith("content/terms/tpu.md:")]
    assert [line for line in problems if ": warning: " not in line] == [
        "content/terms/tpu.md:9: table 'Makers' row 1 has 1 cell but the table has 2 columns",
        "content/terms/tpu.md:10: table needs 'rows': a list of rows",
        f"content/terms/tpu.md:16: no table with the id '{marker}'; {hint}",
    ]


def test_the_example_generative_ai_tables_each_sit_in_their_section(tmp_path: Path) -> None:
    site = copy_site("example", tmp_path)
    assert run_glossary("build", cwd=site).returncode == 0
    page = article(site, "generative-ai")
    sections = page.select("section.data-table")
    assert len(sections) == 4
    for section in sections:
        children = [child for child in section.children if isinstance(child, Tag)]
        kinds = [child.name if child.name != "div" else " ".join(child["class"]) for child in children]
        assert kinds == ["h2", "table-intro", "table-scroll"], kinds
        before = section.find_previous_sibling(["div", "section"])
        assert before is not None and {"prose", "data-table"} & set(before["class"]), "placed in the body"
    after = sections[-1].find_next_sibling(["div", "section"])
    assert after is not None and "prose" in after["class"], "body sections follow the last table"
    home = BeautifulSoup((site / "_site" / "index.html").read_text(encoding="utf-8"), "html.parser")
    genai = [dt for dt in home.select("dt.cross-ref") if dt.get_text(strip=True) == "GenAI"]
    assert len(genai) == 1
    target = genai[0].find_next_sibling("dd")
    assert target is not None and target.a is not None
    assert (target.a.get_text(), target.a["href"]) == ("Generative AI", "terms/generative-ai/index.html")


def test_a_table_titled_in_another_script_is_placed_and_anchored_by_its_title(tmp_path: Path) -> None:
    """Was: a table titled `סוגי רשתות` got the id `table-1`, so `{{< table סוגי-רשתות >}}`
    (the title as a slug, as the docs say) was 'no table with the id', and its anchor said
    nothing, unlike the Hebrew body heading beside it."""
    term = TERM.replace("title: Generations", "title: סוגי רשתות").replace(
        "{{< table generations >}}", "{{< table סוגי-רשתות >}}"
    )
    site, errors = build(tmp_path, {"content/terms/tpu.md": term})
    assert not errors
    page = parse_html(site / "_site" / "terms" / "tpu" / "index.html")
    heading = page.select_one("section.data-table h2#סוגי-רשתות")
    assert heading is not None and next(heading.stripped_strings) == "סוגי רשתות"
    headings = [next(h2.stripped_strings) for h2 in page.select("main h2")]
    assert headings.index("סוגי רשתות") == headings.index("History") + 1, "placed where the marker is"
    assert ("סוגי רשתות", "#סוגי-רשתות") in [(a.get_text(), a["href"]) for a in page.select("nav.toc a")]
