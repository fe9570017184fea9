"""markup: Markdown fields become safe HTML; wiki-links resolve or are reported at their file line."""

from __future__ import annotations

import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from bs4 import BeautifulSoup
from support import PROJECT, present

from glossary_site import custom_ids, graph, markdown_limits, markup, wikilinks
from glossary_site.config import SiteConfig
from glossary_site.diagnostics import Diagnostics
from glossary_site.model import Body, Faq, Glossary, Table, TermSource, Toolbox, WikiLink

MakeTerm = Callable[..., TermSource]


@pytest.fixture()
def glossary(make_term: MakeTerm, site_config: SiteConfig) -> Glossary:
    terms = [
        make_term(
            "gpu",
            "GPU",
            aliases=("Graphics card",),
            summary="A processor for parallel maths.",
            ids=("memory",),
        ),
        make_term("large-language-model", "Large Language Model", aliases=("LLM",)),
        make_term("agent", "Agent", draft=True),
    ]
    return graph.build_glossary(terms, site_config, Diagnostics())


@pytest.fixture()
def render(glossary: Glossary, make_term: MakeTerm) -> Callable[..., tuple[Body, list[str]]]:
    """Render a term 'token' (definition on line 4, body from line 10) against the glossary."""

    def run(**fields: Any) -> tuple[Body, list[str]]:
        return convert_and_link(markup.Converter(), make_term("token", "Token", **fields), glossary)

    return run


def convert_and_link(
    converter: markup.Converter, term: TermSource, glossary: Glossary
) -> tuple[Body, list[str]]:
    """What a build does per term: convert on its own, then resolve links against the glossary."""
    diagnostics = Diagnostics()
    raw = converter.convert_term(term)
    targets = wikilinks.resolve_targets(term.path, raw.wikilinks, glossary, diagnostics)
    faces = wikilinks.faces_of(targets, glossary, Toolbox())
    return wikilinks.fill_links(raw, faces), [str(d) for d in diagnostics.sorted()]


def soup(fragment: str) -> BeautifulSoup:
    return BeautifulSoup(fragment, "html.parser")


def links(fragment: str) -> list[tuple[str, str]]:
    return [(str(a.get("href")), a.get_text()) for a in soup(fragment).find_all("a")]


# Wiki-links that resolve


def test_wiki_link_becomes_a_link_to_the_term_page_with_its_title_as_label(render: Any) -> None:
    body, problems = render(body="See [[GPU]] for details.")

    link = present(soup(body.body).find("a"))
    assert problems == []
    assert (link["href"], link.get_text(), link["class"]) == ("../gpu/index.html", "GPU", ["wikilink"])
    assert link["title"] == "A processor for parallel maths."
    assert body.links == ("gpu",)


def test_wiki_link_with_a_label_shows_the_label(render: Any) -> None:
    body, _ = render(body="Most [[large-language-model|LLMs]] are transformers.")

    assert links(body.body) == [("../large-language-model/index.html", "LLMs")]


@pytest.mark.parametrize(
    ("written", "href"),
    [
        ("[[graphics card]]", "../gpu/index.html"),
        ("[[GPUs]]", "../gpu/index.html"),
        ("[[llm]]", "../large-language-model/index.html"),
        ("[[ LLMs ]]", "../large-language-model/index.html"),
    ],
)
def test_alias_case_and_plural_links_point_to_the_canonical_term(
    render: Any, written: str, href: str
) -> None:
    body, problems = render(body=f"Text {written} text.")

    assert problems == []
    assert [h for h, _ in links(body.body)] == [href]


def test_links_found_are_recorded_once_in_the_order_written(render: Any) -> None:
    body, _ = render(
        definition="Runs on a [[GPU]].",
        body="An [[LLM]] uses [[GPUs]] and [[large-language-model|LLMs]].",
        faq=(Faq("Why?", "See [[Graphics card]].", 20, 21),),
    )

    assert body.links == ("gpu", "large-language-model")


def test_a_wiki_link_or_formula_in_an_inline_tags_attribute_stays_its_text(render: Any) -> None:
    """Was: `<span title="[[GPU]]">` came out as `<span title="&lt;a href=">GPU…"&gt;`, its
    tag broken and its text shown; a formula there likewise. Outside the tag both are made."""
    body, problems = render(body='A <span title="[[GPU]] and $x$">hover</span> on [[GPU]] and $y$.')

    span = present(soup(body.body).find("span", title=True))
    assert problems == []
    assert (span["title"], span.get_text()) == ("[[GPU]] and $x$", "hover")
    assert links(body.body) == [("../gpu/index.html", "GPU")]
    assert soup(body.body).find("math") is not None
    assert body.links == ("gpu",)


@pytest.mark.parametrize(
    "written",
    [
        "When 0<n and $f(n)>0$ holds.",
        "The `<div` tag and $f(n)>0$ and the `>` sign.",
        "If a<b then $f(n)>0$ too.",
    ],
)
def test_a_formula_between_a_less_than_and_a_greater_than_sign_is_still_drawn(
    render: Any, written: str
) -> None:
    """Was shown as written: '<' and '>' in prose (or in code spans) were taken for a tag around it."""
    body, problems = render(body=written)

    assert problems == []
    assert present(soup(body.body).find("math")).get("alttext") == "f(n)>0"


def test_a_wiki_link_in_a_markdown_table_writes_its_bar_escaped(render: Any) -> None:
    """A Markdown table cell ends at a bare '|', so `[[Term\\|text]]` is how a link with its own
    text is written there. Was: an unknown target named with Python-Markdown's placeholder."""
    table = "| Model | Runs on |\n|---|---|\n| T5 | [[GPU\\|graphics cards]] |\n| X | [[Nowhere\\|x]] |\n"
    body, problems = render(body=f"{table}\nAlso [[LLM\\|LLMs]] and [[GPU|`cuda`]].")

    cells = soup(body.body).find_all("td")
    assert links(str(cells[1])) == [("../gpu/index.html", "graphics cards")]
    assert problems == ["content/terms/token.md:13: unknown wiki-link target 'Nowhere'"]
    after = present(soup(body.body).find_all("p")[-1])
    llm, gpu = "../large-language-model/index.html", "../gpu/index.html"
    assert links(str(after)) == [(llm, "LLMs"), (gpu, "cuda")]
    assert present(after.find("a", href=gpu)).find("code") is not None


def test_wiki_links_in_definition_and_faq_answers_are_links_too(render: Any) -> None:
    body, _ = render(definition="Made by an [[LLM]].", faq=(Faq("Where?", "On a [[GPU]].", 20, 21),))

    assert links(body.definition) == [("../large-language-model/index.html", "LLM")]
    assert links(body.faq_answers[0]) == [("../gpu/index.html", "GPU")]


# Wiki-links that do not resolve


def test_unresolved_wiki_link_in_the_body_is_reported_at_its_file_line(render: Any) -> None:
    body, problems = render(body="First paragraph.\n\nSecond one names [[Photosynthesis]].\n")

    assert problems == ["content/terms/token.md:12: unknown wiki-link target 'Photosynthesis'"]
    missing = soup(body.body).find("span", class_="wikilink-missing")
    assert missing is not None and missing.get_text() == "Photosynthesis"
    assert soup(body.body).find("a") is None


def test_a_wiki_link_written_with_a_tab_is_reported_at_its_own_line(render: Any) -> None:
    """Was: the engine expands tabs, so the link was not found in the text as written and was
    reported at the definition's first line."""
    _, problems = render(body="First paragraph.\n\nSecond one names [[Photo\tsynthesis|the\tsun]].\n")

    assert problems == ["content/terms/token.md:12: unknown wiki-link target 'Photo synthesis'"]


def test_a_wiki_link_with_an_empty_label_shows_the_name_and_one_without_a_term_is_reported(
    render: Any,
) -> None:
    """Was: both stayed on the page as literal brackets, with no problem reported."""
    body, problems = render(body="A [[GPU|]] and\n[[|a card]] but [[]] stays as written.")

    assert links(body.body) == [("../gpu/index.html", "GPU")]
    assert problems == ["content/terms/token.md:11: wiki-link '[[|a card]]' names no term before its '|'"]
    assert "[[]]" in soup(body.body).get_text()


def test_unresolved_wiki_link_suggests_the_nearest_name(render: Any) -> None:
    """A link to a section (`[[GPU#memory]]`) got a "did you mean 'GPU'?", or nothing. One that
    names it by its heading's words, as Obsidian does (`[[GPU#Memory]]`), was said to name none."""
    body = "An [[Large Langage Model]].\n[[GPU#Memory]], [[large-language-model#uber-uns|Über anchor]]"
    _, problems = render(body=body + "\nand [[GPUs#x]], [[Nowhere#x]], [[Grafics card#x|c]].")

    assert problems == [
        "content/terms/token.md:10: unknown wiki-link target 'Large Langage Model'; "
        "did you mean 'Large Language Model'?",
        "content/terms/token.md:11: a wiki-link cannot name a section, and 'Large Language Model' has "
        "no section '#uber-uns': write a link to one of its sections (#term-definition), "
        "e.g. [Über anchor](/terms/large-language-model/#term-definition)",
        "content/terms/token.md:11: a wiki-link cannot name a section: write [GPU](/terms/gpu/#memory)",
        "content/terms/token.md:12: a wiki-link cannot name a section, and 'GPU' has no section '#x': "
        "write a link to one of its sections (#memory), e.g. [GPUs](/terms/gpu/#memory)",
        "content/terms/token.md:12: unknown wiki-link target 'Grafics card#x': a wiki-link cannot name "
        "a section, and 'Grafics card' names no term; did you mean 'Graphics card'?",
        "content/terms/token.md:12: unknown wiki-link target 'Nowhere#x': a wiki-link cannot name a "
        "section, and 'Nowhere' names no term",
    ]


def test_unresolved_wiki_link_in_the_definition_is_reported_at_its_file_line(render: Any) -> None:
    _, problems = render(definition="Line one\nline two with [[Nowhere]].", definition_line=5)

    assert problems == ["content/terms/token.md:6: unknown wiki-link target 'Nowhere'"]


def test_unresolved_wiki_link_in_a_faq_answer_is_reported_at_its_file_line(render: Any) -> None:
    faq = (Faq("First?", "Fine.", 20, 21), Faq("Second?", "Well,\nsee [[Nowhere]].", 22, 23))

    _, problems = render(faq=faq)

    assert problems == ["content/terms/token.md:24: unknown wiki-link target 'Nowhere'"]


def test_the_same_broken_link_twice_is_reported_at_each_line(render: Any) -> None:
    _, problems = render(body="[[Nowhere]] once.\n\nAnd [[Nowhere]] twice.\n")

    assert problems == [
        "content/terms/token.md:10: unknown wiki-link target 'Nowhere'",
        "content/terms/token.md:12: unknown wiki-link target 'Nowhere'",
    ]


def test_wiki_link_to_a_draft_is_plain_text_and_a_warning(render: Any) -> None:
    body, problems = render(body="An [[Agent]] acts.")

    assert problems == [
        "content/terms/token.md:10: warning: wiki-link 'Agent' points to a draft; it is shown as plain text"
    ]
    assert soup(body.body).find("a") is None
    assert body.links == ()


def test_wiki_links_inside_code_are_left_as_code(render: Any) -> None:
    body, problems = render(body="Write `[[GPU]]` to link.\n\n```\n[[GPU]] and [[Nowhere]]\n```\n")

    page = soup(body.body)
    assert problems == []
    assert page.find("a") is None
    assert [code.get_text() for code in page.find_all("code")] == ["[[GPU]]", "[[GPU]] and [[Nowhere]]\n"]
    assert body.links == ()


def test_broken_link_after_the_same_text_in_a_code_block_is_reported_at_its_own_line(render: Any) -> None:
    _, problems = render(body="```\n[[Nowhere]]\n```\n\nThen [[Nowhere]].\n")

    assert problems == ["content/terms/token.md:14: unknown wiki-link target 'Nowhere'"]


def test_broken_link_in_a_footnote_is_reported_at_the_footnote_line(render: Any) -> None:
    _, problems = render(body="Claim[^1].\n\n[^1]: See [[Nowhere]].\n\nMore about [[GPU]].\n")

    assert problems == ["content/terms/token.md:12: unknown wiki-link target 'Nowhere'"]


# Sanitising


def test_script_elements_are_removed_with_their_code(render: Any) -> None:
    body, _ = render(body="Before.\n\n<script>alert('x')</script>\n\nAfter.")

    page = soup(body.body)
    assert page.find("script") is None
    assert "alert" not in page.get_text()


def test_event_handler_attributes_and_the_themes_classes_are_removed(render: Any) -> None:
    """Was: an editor's `<a class="wikilink" title="...">` passed for a wiki-link, and the theme
    showed its title in a term's preview card as the summary of a term."""
    forged = '<a class="wikilink note" title="Official page: sign in" href="https://evil.example/">G</a>'
    body, _ = render(
        body='<p onclick="steal()">Click</p>\n\n<img src="chart.png" alt="Chart" onerror="steal()">\n\n'
        f'[[GPU]], {forged} and <a class="&#119;ikilink" title="Sign in" href="/">H</a>'
    )

    page = soup(body.body)
    assert present(page.find("p")).attrs == {}
    assert present(page.find("img")).attrs == {"src": "chart.png", "alt": "Chart"}
    assert [(a.get_text(), a.get("class")) for a in page.find_all("a")] == [
        ("GPU", ["wikilink"]),
        ("G", ["note"]),
        ("H", None),
    ]


def test_character_references_to_characters_no_page_may_hold_are_dropped(render: Any) -> None:
    """Was: '&#27;' and '&#xFDD0;' came out as the raw characters, which the Nu checker refuses."""
    body, _ = render(
        body="a&#27;b &#x7F;c&#xfdd0; &#12; &#x41; &#233; &#x2028;", faq=(Faq("Q?", "d&#x1b;e", 20, 21),)
    )

    assert soup(body.body).get_text() == "ab c \x0c A é \u2028"
    assert soup(body.faq_answers[0]).get_text() == "de"


def test_javascript_urls_are_removed_from_links(render: Any) -> None:
    body, _ = render(
        body="[Markdown](javascript:alert(1)) and <a href='JAVASCRIPT:alert(2)'>raw</a> "
        "and <a href='java&#115;cript:alert(3)'>entity</a> and [safe](https://example.com/)"
    )

    assert [(a.get("href"), a.get_text()) for a in soup(body.body).find_all("a")] == [
        (None, "Markdown"),
        (None, "raw"),
        (None, "entity"),
        ("https://example.com/", "safe"),
    ]


def test_a_quotation_keeps_only_the_sources_a_link_may_have(render: Any) -> None:
    body, _ = render(
        body='<blockquote cite="javascript:alert(1)">A</blockquote>\n\n'
        '<blockquote cite="JavaScript:alert(2)">B</blockquote>\n\n'
        '<blockquote cite="https://example.com/paper">C</blockquote>\n\n'
        '<blockquote cite="../gpu/">D</blockquote>\n\n'
        '<blockquote cite=" javascript:alert(3)">E</blockquote>'  # a scheme once trimmed, as browsers do
    )

    quotes = soup(body.body).find_all("blockquote")
    assert [(q.get("cite"), q.get_text(strip=True)) for q in quotes] == [
        (None, "A"),
        (None, "B"),
        ("https://example.com/paper", "C"),
        ("../gpu/", "D"),
        (None, "E"),
    ]


def test_iframes_and_styles_are_removed(render: Any) -> None:
    body, _ = render(body='<iframe src="https://evil.example/"></iframe>\n\n<style>p {}</style>\n\nText.')

    page = soup(body.body)
    assert page.find("iframe") is None
    assert page.find("style") is None
    assert page.get_text().strip() == "Text."


# Markdown features


def test_level_one_headings_are_demoted_to_level_two(render: Any) -> None:
    """A heading's closing '#'s are CommonMark's: only after a space (`C#` kept its '#' nowhere)."""
    body, _ = render(
        body="# Overview\n\nText.\n\n## Details ##\n\nMore.\n\n## C++ and C#\n\n### F# #",
        definition="# In short\n\nIt is.",
    )

    page = soup(body.body)
    assert page.find("h1") is None
    assert [(h.name, h["id"], h.get_text()) for h in page.find_all(["h1", "h2", "h3"])] == [
        ("h2", "overview", "Overview#"),
        ("h2", "details", "Details#"),
        ("h2", "c-and-c", "C++ and C##"),
        ("h3", "f", "F##"),
    ]
    assert soup(body.definition).find("h1") is None
    assert present(soup(markup.site_markdown("## C#", "")).find("h2")).get_text() == "C#"


def test_markdown_table_becomes_a_table_keeping_alignment(render: Any) -> None:
    body, _ = render(body="| Model | Params |\n|:--|--:|\n| GPT-2 | 1.5B |\n")

    table = present(soup(body.body).find("table"))
    assert [th.get_text() for th in table.find_all("th")] == ["Model", "Params"]
    assert [td.get_text() for td in table.find_all("td")] == ["GPT-2", "1.5B"]
    assert [td.get("class") for td in table.find_all("td")] == [["align-left"], ["align-right"]]
    assert table.find(style=True) is None, "no inline style, so a strict CSP holds"


def test_footnote_reference_links_to_its_note(render: Any) -> None:
    body, _ = render(body="A claim.[^1]\n\n[^1]: The source.\n")

    page = soup(body.body)
    reference = present(present(page.find("sup")).find("a"))
    note = present(present(page.find("div", class_="footnote")).find("li"))
    assert reference["href"] == f"#{note['id']}"
    assert note.get_text().strip().startswith("The source.")


def test_a_note_no_reference_leads_to_keeps_its_text_and_no_link_back(render: Any) -> None:
    """Was: a "↩" link to '#fnref:b', which is on no page, and a warning naming that link at
    the file's first line."""
    body, problems = render(
        body="A claim[^a] and another[^c].\n\n[^a]: Used.\n[^b]: Never *cited* here.\n[^c]: Too.\n"
    )

    notes = present(soup(body.body).find("div", class_="footnote")).find_all("li")
    assert [note.get_text().strip() for note in notes] == ["Used.\xa0↩", "Never cited here.", "Too.\xa0↩"]
    targets = {f"#{sup['id']}" for sup in soup(body.body).find_all("sup")}
    assert [a["href"] for a in soup(body.body).find_all("a", class_="footnote-backref")] == sorted(targets)
    assert problems == []


def test_fenced_code_becomes_a_pre_block_with_its_text_intact(render: Any) -> None:
    body, _ = render(body="```python\nif a < b:\n    print('<b>')\n```\n")

    pre = soup(body.body).find("pre")
    assert pre is not None
    assert pre.get_text() == "if a < b:\n    print('<b>')\n"


FENCED_IN_A_LIST = """\
1. Install it:
   ```bash
   pip install glossary-site
     --upgrade
   ```
2. Write a term:

    ```yaml hl_lines="2-3"
    title: GPU
    summary: A processor.
    definition: Parallel maths.
    ```

    Then build.

!!! tip
    ~~~ {.bash}
    glossary serve
    ~~~

  ```python
  print("at the top")
     ```
"""


def test_a_fence_indented_in_a_list_item_or_admonition_is_a_code_block_there(render: Any) -> None:
    """As MkDocs Material and Hugo read it. Was: the fences and code shown as a paragraph of
    text, with a warning to indent the code instead."""
    body, problems = render(body=FENCED_IN_A_LIST)

    assert problems == []
    page = soup(body.body)
    items = page.select("ol > li")
    assert [item.select_one("pre").get_text() for item in items] == [  # type: ignore[union-attr]
        "pip install glossary-site\n  --upgrade\n",
        "title: GPU\nsummary: A processor.\ndefinition: Parallel maths.\n",
    ]
    assert [line.get_text() for line in items[1].select("pre .hll")] == [
        "summary: A processor.\n",
        "definition: Parallel maths.\n",
    ]
    assert "Then build." in items[1].get_text() and len(items) == 2
    assert present(page.select_one(".admonition.tip pre")).get_text() == "glossary serve\n"
    assert page.select(".admonition.tip pre span.w"), "highlighted as bash (plain text has no spans)"
    last = page.find_all("pre")[-1]
    assert last.get_text() == 'print("at the top")\n' and last.find_parent(["li", "div.admonition"]) is None
    assert "```" not in page.get_text() and "~~~" not in page.get_text()


@pytest.mark.parametrize(
    "body",
    [
        "- Install:\n\n    ```python\n    import glossary_site\n    ```\n\n- Build:\n\n  Then run it.\n",
        "!!! tip\n    Install:\n\n      ```python\n      import glossary_site\n      ```\n",
    ],
    ids=["list nested by 2 spaces", "admonition"],
)
def test_a_fence_indented_past_its_containers_text_is_a_code_block_of_that_container(
    render: Any, body: str
) -> None:
    """Up to 3 spaces further in than the text, as CommonMark reads a fence. Was: the block
    showed a ':::python' line and its code 4 spaces in, unhighlighted, when a later item of
    the list was indented 2 spaces (or the fence 6 spaces in an admonition)."""
    page, problems = render(body=body)

    assert problems == []
    code = present(soup(page.body).select_one("li pre, .admonition pre"))
    assert code.get_text() == "import glossary_site\n"
    assert code.select("span.kn"), "highlighted as Python"


@pytest.mark.parametrize("note", ["", " One[^1].\n\n[^1]: A note."], ids=["plain", "with a footnote"])
def test_a_heading_in_a_tables_intro_and_in_the_body_get_two_anchors(render: Any, note: str) -> None:
    """Was: with a footnote in the intro (the parts are then converted one by one) both headings
    got the id 'notes', and "On this page" led to the first only."""
    table = Table(
        "Landscape", ("Cell",), (("a",),), line=7, intro=f"## Notes\n\nAbout it.{note}", intro_line=8
    )
    body, problems = render(tables=(table,), body="## Notes\n\nThe body's.")

    assert problems == []
    ids = [h["id"] for h in soup(" ".join([*body.table_intros, body.body])).find_all("h2")]
    assert sorted(ids) == ["notes", "notes_1"]


# Table cells from front matter


def render_cells(render: Any, *cells: str) -> tuple[list[str], list[str]]:
    table = Table("Landscape", ("Cell",), tuple((cell,) for cell in cells), line=7)
    body, problems = render(tables=(table,))
    return [row[0] for row in body.table_cells[0]], problems


def test_table_cells_are_inline_markdown_without_paragraphs(render: Any) -> None:
    cells, problems = render_cells(render, "**bold** move", "Runs on [[GPUs]]")

    assert problems == []
    first, second = soup(cells[0]), soup(cells[1])
    assert first.find("p") is None
    assert (present(first.find("strong")).get_text(), first.get_text()) == ("bold", "bold move")
    assert [(a["href"], a.get_text()) for a in second.find_all("a")] == [("../gpu/index.html", "GPUs")]


def test_plain_table_cells_are_escaped_text(render: Any) -> None:
    cells, _ = render_cells(render, "GPT-4o, Claude & Gemini", "a < b")

    assert [(soup(c).get_text(), soup(c).find() is None) for c in cells] == [
        ("GPT-4o, Claude & Gemini", True),
        ("a < b", True),
    ]


def test_table_cells_are_sanitised(render: Any) -> None:
    cells, _ = render_cells(render, "<b onclick='steal()'>hi</b><script>x()</script>")

    cell = soup(cells[0])
    assert cell.find("script") is None
    assert present(cell.find("b")).attrs == {}


def test_broken_wiki_link_in_a_table_cell_is_reported_at_its_row_line(render: Any) -> None:
    """Was: at the table's first line, however far down its row was."""
    table = Table("T", ("Cell",), (("fine",), ("See [[Nowhere]]",)), line=7, row_lines=(11, 12))
    _, problems = render(tables=(table,))

    assert problems == ["content/terms/token.md:12: unknown wiki-link target 'Nowhere'"]


@pytest.mark.parametrize("cell", ["> 100B **params**", "# of **layers**", "1. **first**"])
def test_table_cells_that_look_like_block_markdown_stay_inline(render: Any, cell: str) -> None:
    cells, _ = render_cells(render, cell)

    assert [tag.name for tag in soup(cells[0]).find_all()] == ["strong"]


@pytest.mark.parametrize("cell", ["***", "___", "---", "* * *"])
def test_a_cell_that_looks_like_a_rule_stays_text(render: Any, cell: str) -> None:
    """Was: a horizontal rule in the cell."""
    cells, _ = render_cells(render, cell)

    assert soup(cells[0]).find("hr") is None and soup(cells[0]).get_text() == cell


# Converting on its own, linking afterwards


def test_conversion_records_each_wiki_link_with_its_file_line_without_a_glossary(
    make_term: MakeTerm,
) -> None:
    term = make_term(
        "token",
        definition="Runs on a [[GPU]].",
        body="Intro.\n\nMost [[large-language-model|LLMs]]\nuse [[Nowhere]].",
        faq=(Faq("Why?", "See [[Graphics card]].", 20, 21),),
    )

    raw = markup.Converter().convert_term(term)

    assert raw.wikilinks == (
        WikiLink("GPU", "GPU", 4),
        WikiLink("Graphics card", "Graphics card", 21),
        WikiLink("large-language-model", "LLMs", 12),
        WikiLink("Nowhere", "Nowhere", 13),
    )


def test_a_reused_converter_gives_each_term_only_its_own_links(
    glossary: Glossary, make_term: MakeTerm
) -> None:
    converter = markup.Converter()
    first, _ = convert_and_link(converter, make_term("token", body="See [[GPU]]."), glossary)

    second, problems = convert_and_link(converter, make_term("batch", body="An [[LLM]]."), glossary)

    assert problems == []
    assert first.links == ("gpu",)
    assert second.links == ("large-language-model",)
    assert links(second.body) == [("../large-language-model/index.html", "LLM")]


def test_unclosed_html_block_in_the_definition_does_not_swallow_the_other_fields(render: Any) -> None:
    body, problems = render(
        definition="<div>\nAn open block.",
        faq=(Faq("Why?", "It is **bold**.", 20, 21),),
        body="Intro.\n\nSee [[Nowhere]].",
    )

    assert problems == ["content/terms/token.md:12: unknown wiki-link target 'Nowhere'"]
    assert present(soup(body.faq_answers[0]).find("strong")).get_text() == "bold"
    assert present(soup(body.body).find("span", class_="wikilink-missing")).get_text() == "Nowhere"


def test_footnotes_with_the_same_label_in_definition_and_body_both_keep_their_text(render: Any) -> None:
    body, _ = render(
        definition="Short.[^1]\n\n[^1]: Definition note.",
        body="Long.[^1]\n\n[^1]: Body note.",
    )

    text = soup(body.definition + body.body).get_text()
    assert "Definition note." in text
    assert "Body note." in text


MARKDOWN_PIECES = [
    "*", "**", "_", "__", "`", "``", "[", "]", "(", ")", "![", "<", ">", "&", "&amp;", "\\", "  \n",
    "\n", "\n\n", " ", "word", "x@y.org", "<https://e.org>", "[[Alpha]]", "[[a|b]]", "[^1]",
    "[^1]: note\n", "<b>", "</b>", "[t](https://e.org)", "[r]: https://e.org\n", "- ", "1. ", "|",
    "# ", "## H", "#", "\n===\n", "\n---\n", "***", "___", "> ", "\n> q", "| a | b |\n|---|:-:|\n",
    "[TOC]", "\n\n[TOC]\n\n", "\\[TOC\\]", "<div>\n", "&amp x", "    code\n", "```\ncode\n```\n",
    "{#id}", "\t", "    - ", "&#38 y", "\n- - -\n", "\n* * *\n", "\n_  _  _\n", "\n -  - -", "\n  ** *",
    "\n=", "\n-", "~~~\ncode\n~~~\n", " \n", "\n \n",
    "Plain words.", "Élan", "\n\n\n", "\nNext line", "[[Alpha\nBeta]]", "[[a [b]]", "[[x|y|z]]", "[[^x]]",
    "word ", "2019", "A. ", "[[Alpha]]:", "a|b", "\n\nLast words", "\n[[Alpha]]", "\n[[a|b]]: c",
    "\n[[x]]\n===", "| `x|y` | z |\n", "| a \\| b | c |\n", "\n|-|-|\n", "|:--|--:|\n", "| 1 | 2 |\n",
    "x | y\n--- | ---\n", "| p |\n", "||\n", "\\\\|",
    "\nApple\n:   A fruit.\n", ":   ", "\n*[HTML]: Hyper Text\n", "HTML", "!!! ",
    '\n!!! note "T"\n    Aside.\n',
    "$", "$$", "\n$$\n", "$x_1$", "$5", "\\$", "$a*b$ ", "\n$$ y^2 $$\n", "$\\frac{a}{", "\\text{<b>}",
    "$a +\nb$", "\n\n$x^2$\n\n", "$a\n\nb$", "\n> $c\n> d$", "$5 and\n$10", "\n- $e\n  f$",
    "$`a`$", "`$x$`", "## C#", " ##\n", "#\n", '\n```py hl_lines="1-2"\nx\ny\n```\n',
    "\n    ```py\n    x\n    ```\n", "\n  ~~~\n  y\n  ~~~", "\n1. a\n   ```\n", '    ```c hl_lines="2"\n',
    "\n## Set {#set}\n", "{ id=x }", '\n??? note "T"\n    Hidden.\n', "\n???+ tip\n    Shown.\n", "???",
    '\n=== "A"\n    a\n', '\n===+ "B"\n    b\n', '===! "C"', "===", "- [x] ", "- [ ] ", "[x]",
    "==m==", "==", "^^i^^", "H~2~O", "x^2^", "^", "~", "++ctrl+c++", "++",
    '\n<div markdown>\n\n*md*\n\n</div>\n', '<details markdown="1">', "</details>",
    "```py title=\"a.py\" {copy=true}\nx\n```\n", ":tada:", "> [!NOTE]\n> n\n",
    "![c](c.png)", '{ width="30" }', "{: height=2 width=3 }", "{", "{ .md-button }", "[[Alpha]]{ .b }",
]  # fmt: skip


def test_fast_engine_converts_like_python_markdowns_stock_stages() -> None:
    """Skipping tests and patterns whose trigger text is absent must never change a page."""
    quick, stock = markup.Converter(fast=True), markup.Converter(fast=False)
    bodies = [
        path.read_text(encoding="utf-8") for path in sorted((PROJECT / "content" / "terms").glob("*.md"))
    ]
    generator = random.Random(7)
    bodies += ["".join(generator.choices(MARKDOWN_PIECES, k=generator.randint(1, 40))) for _ in range(4000)]
    bodies.append("## C\u0153ur\n\n## L\u2019\u0153uvre\n\n## \u6982\u8ff0 \u0153")
    for body in bodies:
        term = TermSource("t.md", "t", "T", "s", "d", 4, body, 6)
        assert quick.convert_term(term) == stock.convert_term(term), body


# Text Python-Markdown would take too long over


def test_lists_nested_past_the_limit_are_refused_before_converting(make_term: MakeTerm) -> None:
    """Was: "nested too deeply" only after Python-Markdown gave up, 40 s into a 1,200-level list.
    Reported at the first item past the limit, the body starting on line 10."""
    levels = markdown_limits.MAX_NESTING + 1
    deep = "\n".join("    " * level + "- item" for level in range(levels))
    converter = markup.Converter()
    converter.convert_term(make_term("deep", "Deep", body=f"Intro.\n\n{deep}\n"))
    assert [(refusal.line, str(refusal)) for refusal in converter.too_complex] == [
        (
            12 + markdown_limits.MAX_NESTING,
            f"lists, block quotes and definitions nested more than {levels - 1} levels deep; flatten them",
        )
    ]

    shallower = "\n".join("    " * level + "- item" for level in range(levels - 1))
    converted = markup.Converter().convert_term(make_term("deep", "Deep", body=shallower))
    assert len(soup(converted.body).find_all("ul")) == levels - 1


@pytest.mark.parametrize("step", [2, 3], ids=["2 spaces a level", "3 spaces a level"])
def test_lists_nested_as_commonmark_past_the_limit_are_refused_too(make_term: MakeTerm, step: int) -> None:
    """Was: 2 spaces a level counted as half a level, so 101 to 200 levels were converted
    without a word into about half as many, each item made a sibling of the next."""
    levels = markdown_limits.MAX_NESTING + 1
    deep = "\n".join(" " * step * level + "- item" for level in range(levels))
    converter = markup.Converter()
    converter.convert_term(make_term("deep", "Deep", body=deep))
    assert [refusal.line for refusal in converter.too_complex] == [10 + markdown_limits.MAX_NESTING]

    shallower = "\n".join(" " * step * level + "- item" for level in range(levels - 1))
    converted = markup.Converter().convert_term(make_term("deep", "Deep", body=shallower))
    assert len(soup(converted.body).find_all("ul")) == levels - 1


UNCLOSED = "[" + "word " * 8
TOO_SLOW = "too many '[' without a matching ']' in one paragraph; escape them as \\[ or split the paragraph"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("\n".join(UNCLOSED * 10 for _ in range(60)), 4),
        ("\n".join("> " + UNCLOSED for _ in range(600)), 4),
        ("Intro\n" + "\n".join("- " + UNCLOSED for _ in range(600)), 5),
    ],
    ids=["paragraph", "quote", "paragraph then '- ' lines"],
)
def test_unclosed_brackets_in_a_long_paragraph_are_refused_before_converting(
    make_term: MakeTerm, text: str, line: int
) -> None:
    """Was: far fewer '[' than MAX_BRACKETS, each scanned to the end of a long paragraph, took
    seconds a term (500 before 20,000 characters: 3 s), 14 s for one generated fuzz term.
    Reported at the paragraph's first '[' left open, the definition starting on line 4."""
    converter = markup.Converter()
    converter.convert_term(make_term("odd", "Odd", definition=text))
    assert [(refusal.line, str(refusal)) for refusal in converter.too_complex] == [(line, TOO_SLOW)]

    for mended in (text.replace("[", "\\["), text.replace("[", "[]"), text.replace("\n", "\n\n")):
        converted = markup.Converter().convert_term(make_term("odd", "Odd", definition=mended))
        assert soup(converted.definition).get_text().count("word word") >= 600


@pytest.mark.parametrize(
    "text",
    [
        "\n".join(f"- {UNCLOSED}" for _ in range(600)),
        "\n".join(f"## {UNCLOSED}" for _ in range(600)),
        "| a | b |\n|---|---|\n" + "\n".join(f"{UNCLOSED} | b" for _ in range(600)),
        "```\n" + "\n".join(UNCLOSED for _ in range(2_000)) + "\n```",
    ],
    ids=["list items", "headings", "table rows", "fenced code"],
)
def test_unclosed_brackets_in_many_short_texts_convert(make_term: MakeTerm, text: str) -> None:
    """Lists, headings and tables give each item, heading and cell a text of its own, and
    code is not read for links, so their brackets are scanned no further than their line."""
    converted = markup.Converter().convert_term(make_term("many", "Many", body=text))
    assert soup(converted.body).get_text().count("[word") >= 600


UNCLOSED_TAG = "word " * 20 + "i <n; "
TAGS_TOO_SLOW = (
    "too many '<' that start an HTML tag no '>' ends ('x <y', '<a href') in one field; write such a "
    "'<' as &lt;, close the tags, or split the text"
)


def test_many_tags_without_their_end_in_a_long_text_are_refused(make_term: MakeTerm) -> None:
    """Was: a build that seemed to hang, as Python's HTML parser looks to the end of the text
    for each '>' (2,000 such '<' in 210 KB: 7 s; 4,000: 47 s). Reported at the tag that takes
    the text past the limit; the body starts on line 10."""
    text = "\n".join(UNCLOSED_TAG * 4 for _ in range(400))
    allowed = markdown_limits.MAX_TAG_SCAN // len(text)
    converter = markup.Converter()
    converter.convert_term(make_term("odd", "Odd", body=text))
    assert [(refusal.line, str(refusal)) for refusal in converter.too_complex] == [
        (10 + allowed // 4, TAGS_TOO_SLOW)
    ]

    for mended in (text.replace("<", "&lt;"), text.replace("<n;", "<n>;")):
        converted = markup.Converter().convert_term(make_term("odd", "Odd", body=mended))
        assert soup(converted.body).get_text().count("word word") >= 1_600


@pytest.mark.parametrize(
    "text",
    [
        "```c\n" + "\n".join(UNCLOSED_TAG * 4 for _ in range(400)) + "\n```",
        "\n".join(f"`{UNCLOSED_TAG}` " * 4 for _ in range(400)),
    ],
    ids=["fenced code", "code spans"],
)
def test_many_tags_without_their_end_in_code_convert(make_term: MakeTerm, text: str) -> None:
    """Code is not given to the HTML parser, so `i <n` in a long program is no problem."""
    converted = markup.Converter().convert_term(make_term("code", "Code", body=text))
    assert soup(converted.body).get_text().count("i <n") == 1_600


def test_deeply_indented_lines_that_are_not_nested_lists_convert(make_term: MakeTerm) -> None:
    code = "```\n" + "\n".join(" " * 1_000 + f"- {n}" for n in range(3)) + "\n```\n"
    converted = markup.Converter().convert_term(make_term("wide", "Wide", body=code))

    assert present(soup(converted.body).find("pre")).get_text().count("- ") == 3


def test_site_addresses_are_made_relative_to_the_term_page_and_kept_to_be_checked(render: Any) -> None:
    body, _ = render(
        definition="See [the index](/terms/?a=1&b=2).",
        body="![Chart](/images/chart.png) [CDN](//cdn.example.org/x.js) [home](/)\n\n`[code](/not/)`",
    )

    assert links(body.definition) == [("../../terms/index.html?a=1&b=2", "the index")]
    found = soup(body.body)
    assert present(found.find("img"))["src"] == "../../images/chart.png"
    assert [a["href"] for a in found.find_all("a")] == ["//cdn.example.org/x.js", "../../index.html"]
    converted = markup.Converter().convert_term(
        TermSource("content/terms/t.md", "t", "T", "s", "[a](/a/) [b](/b.png) [a](/a/)", 4, "`(/c/)`", 6)
    )
    assert converted.site_urls == ("/a/", "/b.png")


def test_spaces_around_an_address_in_raw_html_are_dropped_as_browsers_drop_them(make_term: MakeTerm) -> None:
    """Was: `href=" /search/"` was taken for a relative ' /search/', reported as leading to no
    page, and never made relative to the term page."""
    body = '<a href=" /search/ ">s</a> <img src="\n/images/chart.png" alt="c">'
    body += ' <a href="https://example.org/ ">e</a>'

    converted = markup.Converter().convert_term(make_term("t", "T", body=body))

    page = soup(converted.body)
    assert [a["href"] for a in page.find_all("a")] == ["../../search/index.html", "https://example.org/"]
    assert present(page.find("img"))["src"] == "../../images/chart.png"
    assert converted.site_urls == ("https://example.org/", "/search/", "/images/chart.png")


def test_every_fixed_id_the_theme_writes_is_one_headings_keep_clear_of() -> None:
    """A new id in a template must join THEME_IDS, or a heading of that name would share it."""
    templates = Path(markup.__file__).parent / "theme/templates"
    written = {
        found
        for page in templates.rglob("*.html")
        for found in re.findall(r'\bid="([a-z][a-z0-9-]*)"', page.read_text(encoding="utf-8"))
    }
    assert written and written <= custom_ids.THEME_IDS


def test_attribute_like_text_in_code_and_prose_is_shown_as_written(render: Any, make_term: MakeTerm) -> None:
    """Only real links are rewritten or checked: a glossary of web terms must be able to show
    `<a href="/x/">` or `id="main"` in code and prose without the build changing or refusing it."""
    written = [
        '<a href="/terms/aaa/">',
        '<a href="page.html">',
        '<a href="javascript:alert(1)">',
        '<h2 id="main">',
        '<td style="text-align: left;">',
    ]
    spans = " ".join(f"`{code}`" for code in written)
    body, problems = render(
        definition=f"In HTML: {spans}.",
        body=f'Prose: the attribute href="/terms/aaa/" stays.\n\n    {written[0]}x</a>\n\n{spans}\n',
    )

    assert problems == []
    assert [c.get_text() for c in soup(body.definition).find_all("code")] == written
    page = soup(body.body)
    assert [c.get_text() for c in page.find_all("code")] == [f"{written[0]}x</a>\n", *written]
    assert 'the attribute href="/terms/aaa/" stays.' in page.get_text()
    assert page.find("a") is None
    term = make_term("token", "Token", definition=f"In HTML: {spans}.", body=f'{spans} href="/b/"')
    assert markup.Converter().convert_term(term).site_urls == ()


def test_definition_lists_abbreviations_and_admonitions_convert_as_in_mkdocs(render: Any) -> None:
    """The three Python-Markdown extensions MkDocs sites write most: shown as written, the
    syntax reached the page as '!!! note', ':   A fruit.' and '*[HTML]: …' paragraphs."""
    body, problems = render(
        definition="*[GPU]: Graphics Processing Unit\n\nA GPU draws.",
        body=(
            "Apple\n:   A fruit.\n\n"
            '!!! warning "Mind the gap"\n    Between the train and the platform.\n\n'
            "*[HTML]: Hyper Text Markup Language\n\nHTML pages, and a GPU.\n"
        ),
    )

    assert problems == []
    page = soup(body.body)
    assert [(dt.get_text(), dd.get_text()) for dt, dd in zip(page("dt"), page("dd"), strict=True)] == [
        ("Apple", "A fruit.")
    ]
    aside = page.find("div", class_="admonition")
    assert aside is not None and "warning" in aside["class"]
    assert present(aside.find(class_="admonition-title")).get_text() == "Mind the gap"
    assert "Between the train and the platform." in aside.get_text()
    assert [(a.get_text(), a["title"]) for a in page("abbr")] == [("HTML", "Hyper Text Markup Language")]
    assert "*[" not in page.get_text() and "!!!" not in page.get_text() and ":   " not in page.get_text()
    # An abbreviation holds in the field that defines it.
    definition = soup(body.definition)
    assert [(a.get_text(), a["title"]) for a in definition("abbr")] == [("GPU", "Graphics Processing Unit")]
