"""`## Heading {#id}` gives a heading its own anchor, as in Hugo and MkDocs (was: shown as
written, with a warning), and an id given twice on a page is an error at the second. The rest of
a heading's attribute list as attr_list writes it: classes and data-toc-label."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from support import ENGINES, converted, present

from glossary_site import markup
from glossary_site.custom_ids import (
    clashes,
    heading_id,
    malformed_ids,
    repeated_ids,
    theme_ids_given,
    written_ids,
)
from glossary_site.foreign_markdown import foreign_problems
from glossary_site.heading_attributes import CONTENTS_LABEL, HeadingAttributes, read, trailing
from glossary_site.model import RawBody

TEXT = """Intro, see [the setup](#setup).

## Setting *it* up {#setup}

## Setup

### Other words {: #other.one }

## Not an id \\{#literal}

## Code `{#code}`

## Classes {.big}

Set apart {#apart}
------------------

Not a heading {#kept}

## Why *it* works <small>in brief</small> { .wide data-toc-label="Why" #why }

## Not read { #x onclick="go()" }
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_headings_own_id_is_its_anchor_and_the_words_alone_are_shown(engine: str) -> None:
    page = converted(engine, TEXT)
    soup = BeautifulSoup(page, "html.parser")
    headings = [(h.get("id"), h.get_text().removesuffix("#").strip()) for h in soup.find_all(["h2", "h3"])]
    made = engine != "site"  # the site's intro gives its headings no anchors of their own making
    assert headings == [
        ("setup", "Setting it up"),
        ("setup_1" if made else None, "Setup"),  # the words' anchor steps aside for the id given
        ("other.one", "Other words"),
        ("not-an-id-literal" if made else None, "Not an id {#literal}"),
        ("code-code" if made else None, "Code {#code}"),
        ("classes" if made else None, "Classes"),
        ("apart", "Set apart"),  # a setext heading reads its id too
        ("why", "Why it works in brief"),
        ("not-read-x-onclickgo" if made else None, 'Not read { #x onclick="go()" }'),
    ]
    assert [h.get("class") for h in soup.find_all(["h2", "h3"])][5:] == [["big"], None, ["wide"], None]
    assert present(soup.find(id="why")).get(CONTENTS_LABEL) == "Why"  # "On this page" reads it
    assert "{#kept}" in soup.get_text()  # a paragraph is given no id
    assert soup.select_one("h2 em") is not None  # the words keep their Markdown
    if made:
        permalinks = [a["href"] for a in soup.select("a.headerlink")]
        assert permalinks[:3] == ["#setup", "#setup_1", "#other.one"]


def test_only_attribute_lists_that_are_not_a_headings_id_are_warned_of() -> None:
    warned = [(line, message.split("'")[1]) for line, message in foreign_problems(TEXT, 10)]
    assert warned == [(27, "{#kept}"), (31, '{ #x onclick="go()" }')]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("## Setup {#setup}", "setup"),
        ("## Setup {: #set-up }", "set-up"),
        ("### Navigation path <small>Breadcrumbs</small> { id=navigation-path }", "navigation-path"),
        ('## Setup {id="set.up"}', "set.up"),
        ('## Setup { id="unclosed }', None),
        ("# Title {#a} ##", "a"),
        ("   ## Indented {#a}", "a"),
        ("    ## In a list item or a box {#a}", "a"),  # lines of code never reach it
        ("> ## Quoted {#a}", "a"),
        ("- ## Listed {#a}", "a"),
        ("- Words ## then {#a}", None),
        ("        ## In a box's code {#a}", None),  # indented 8: code in a list item or box
        (">      ## Quoted code {#a}", None),
        ("## {#alone}", None),
        ("## Escaped \\{#x}", None),
        ("## Classes {#x .big}", "x"),
        ('## Any order { .big data-toc-label="Big one" id="x" }', "x"),
        ("## Label alone {: data-toc-label='Alone' }", None),
        ("## Two ids { #x #y }", None),  # not read: shown as written, with a warning
        ('## Other keys { #x title="y" }', None),
        ("## Bare class {#x big}", None),
        ("Text {#x}", None),
    ],
)
def test_a_heading_line_with_its_own_id(line: str, expected: str | None) -> None:
    assert heading_id(line) == expected


@pytest.mark.parametrize(
    ("above", "line", "below", "expected"),
    [
        ("", "Title {#t}", "---", "t"),
        ("", "Title {: #t }", "=====  ", "t"),
        ("", "{#t}", "---", None),
        ("a paragraph's line", "Title {#t}", "---", None),  # the underline makes no heading of it
        ("", "Title {#t}", "text", None),
        ("", "    Code {#t}", "---", None),
    ],
)
def test_a_setext_headings_words_with_its_own_id(
    above: str, line: str, below: str, expected: str | None
) -> None:
    assert heading_id(line, above, below) == expected


def test_an_id_the_theme_gives_its_own_parts_is_reported() -> None:
    body = '## Main {#main}\n\n<p id="term-faq">x</p> <p id="faq">y</p>\n'
    problems = list(theme_ids_given([(body, 5, None)]))
    assert [(line, message.split("'")[1]) for line, message in problems] == [(5, "main"), (7, "term-faq")]
    assert "becomes 'main_1'" in problems[0][1]
    assert 'id="main_1"' in markup.Converter().convert_text(body, 1)[0]  # as the message says


CONTAINED = """\
=== "Tab"

    ## In a tab {#tab}

!!! note

    ## In a box {#box}

> ## In a quotation {#quote}

1. An item

    ## In an item {#item}
"""


@pytest.mark.parametrize("engine", ENGINES)
def test_a_heading_in_a_container_gives_its_id_as_the_checks_read_it(engine: str) -> None:
    ids = [h["id"] for h in BeautifulSoup(converted(engine, CONTAINED), "html.parser").find_all("h2")]
    assert ids == [given for _, given in written_ids(CONTAINED)] == ["tab", "box", "quote", "item"]
    assert list(foreign_problems(CONTAINED, 1)) == []  # none is said to be shown as written


def test_the_ids_a_text_gives_are_its_headings_and_its_htmls_outside_code() -> None:
    text = (
        "## A {#a}\n\n<div id=\"b\"><span class='c' id='c'>x</span></div>\n\n"
        '```html\n<p id="not-this">\n```\n\n    <p id="nor-this">\n\n<p data-id="x" id=d>y</p>\n'
    )
    assert list(written_ids(text)) == [(0, "a"), (2, "b"), (2, "c"), (10, "d")]
    in_a_box = '!!! example\n\n    ```html\n    <p id="x">\n    <p id="x">\n    ```\n\n## B {id="x"}\n'
    assert list(written_ids(in_a_box)) == [(7, "x")]  # the box's code is an example
    assert list(written_ids("Intro.\n\nWords {#w}\n---\n")) == [(2, "w")]


def test_an_id_given_twice_in_a_terms_texts_is_reported_at_the_second_with_the_first() -> None:
    answer = "Folded text that\n\n## Answer {#setup}"
    body = "## Setup {#setup}\n\n<p id=x>a</p>\n\n<p id=x>b</p>\n"
    problems = list(repeated_ids([(answer, 5, (17, 18)), (body, 20, None)]))
    assert problems == [
        (
            20,
            "the id 'setup' is given twice on this page (first on line 7): a link to '#setup' "
            "reaches the first only; give this one another",
        ),
        (
            24,
            "the id 'x' is given twice on this page (first on line 22): a link to '#x' reaches the "
            "first only; give this one another",
        ),
    ]


@pytest.mark.parametrize("engine", ENGINES)
def test_an_empty_id_or_one_holding_a_space_is_left_out_of_the_page_with_a_warning(engine: str) -> None:
    """HTML allows neither, so the page failed validation and a link to it could reach nothing.
    Was: written to the page as given, without a word. Not repeats of each other, either."""
    body = '<span id="x y">a</span> <span id="">b</span> <span id="ok">c</span>\n\n<p id="">d</p>\n'

    page = BeautifulSoup(converted(engine, body), "html.parser")
    assert [(tag.get_text(), tag.get("id")) for tag in page.find_all("span")] == [
        ("a", None),
        ("b", None),
        ("c", "ok"),
    ]
    assert [tag.get("id") for tag in page.find_all("p")] == [None, None]
    said = "the id 'x y' holds a space, which an id may not, so it is left out of the page"
    assert list(malformed_ids([(body, 9, None)])) == [
        (9, f"{said}; write it as 'x-y'"),
        (9, 'an empty id (id="") is left out of the page; give it a name or remove it'),
        (11, 'an empty id (id="") is left out of the page; give it a name or remove it'),
    ]
    assert list(repeated_ids([(body, 9, None)])) == []


def test_an_html_id_that_a_headings_words_make_too_is_reported_at_the_html() -> None:
    body = '## One\n\n<div id="one">x</div>\n\n## Two {#two}\n\n<p id="two">y</p>\n'
    converted = markup.Converter().convert_text(body, 1)[0]
    repeated = markup.page_anchors(RawBody("", converted, (), (), ()))[2]
    assert repeated == ("one", "two")
    texts = [(body, 10, None)]
    assert [line for line, _ in clashes(texts, repeated)] == [12]  # 'two' is given twice, and said so
    assert [line for line, _ in repeated_ids(texts)] == [16]


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("#x", HeadingAttributes("x", (), None)),
        (': #x .a .b-c data-toc-label="Two words" ', HeadingAttributes("x", ("a", "b-c"), "Two words")),
        ("data-toc-label='It''s' id=y", None),  # not one quoted value
        ("data-toc-label=Short id='y.1'", HeadingAttributes("y.1", (), "Short")),
        ('data-toc-label=""', HeadingAttributes(None, (), "")),
        ("", None),
        ("#x.", HeadingAttributes("x.", (), None)),
        ("id=-x", None),  # an id starts with a letter, digit or '_'
        ('data-toc-label="a" data-toc-label="b"', None),
        ("data-search-exclude", None),
        (".a.b", None),
    ],
)
def test_an_attribute_list_gives_a_heading_only_what_it_reads(
    inner: str, expected: HeadingAttributes | None
) -> None:
    assert read(inner.removeprefix(":")) == expected


def test_a_list_is_taken_from_the_end_of_words_only_after_them() -> None:
    assert trailing("Words {#x}") == (5, HeadingAttributes("x", (), None))
    assert trailing("   {#x}") is None
    assert trailing("Words {#x} more") is None
    assert trailing("Words{#x}") is None
