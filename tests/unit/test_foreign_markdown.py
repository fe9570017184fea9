"""foreign_markdown: another generator's Markdown, shown as written here, is named at its line."""

from __future__ import annotations

import pytest
from support import stops_within

from glossary_site import fences
from glossary_site.foreign_markdown import foreign_problems, foreign_syntax

WRITTEN = [
    (
        '=== "Tab A\n    A.',
        "'=== \"Tab A' is shown as written, not as a content tab",
        "its title in double quotes",
    ),
    (
        "> [!DANGER]\n> Mind.",
        "'> [!DANGER]' is a callout of a kind GitHub's alerts do not have",
        "write '!!! danger'",
    ),
    (
        "Happy :material-emoticon: face.",
        "':material-emoticon:' is no emoji's shortcode",
        "write the emoji itself",
    ),
    ("See :term:`API`.", "':term:`API`' is a Sphinx role", "link the term as [[API]]"),
    ("The :term:`files <source directory>`.", "is a Sphinx role", "as [[source directory|files]]"),
    ("A {term}`builder` runs.", "'{term}`builder`' is a MyST role", "link the term as [[builder]]"),
    ("Call :py:func:`len` here.", "':py:func:`len`' is a Sphinx role", "[text](address)"),
    (
        "```{glossary}\nAPI\n   An interface.\n```",
        "'```{glossary}' is a MyST directive",
        "one term file per term",
    ),
    ("```{note}\nMind.\n```", "'```{note}' is a MyST directive", "write '!!! note' with its text indented"),
    ("````{warning}\nHot.\n````", "'````{warning}' is a MyST directive", "write '!!! warning'"),
    (":::{tip}\nA tip.\n:::", "':::{tip}' is a MyST directive", "or a quotation (> …)"),
    ("~~~{math}\nx^2\n~~~", "'~~~{math}' is a MyST directive", "between two lines of $$"),
    ("## Code { #c onclick=go }", "'{ #c onclick=go }' is an attribute list", "id, classes and words"),
    ("See it. { #tok }", "'{ #tok }' is an attribute list", "remove it"),
    ("### Pages { data-search-exclude }", "'{ data-search-exclude }' is an attribute list", "id, classes"),
    ('--8<-- "snippets/abbr.md"', "'--8<-- \"snippets/abbr.md\"' is a snippet include", "paste"),
    ("Press {{< kbd Ctrl >}} now.", "'{{< kbd Ctrl >}}' is a Hugo shortcode", "Markdown or HTML"),
    ('See {{< ref "transformer" >}}.', "'{{< ref \"transformer\" >}}' is a Hugo", "as [[transformer]]"),
    ('As {{% relref "gpu.md#use" %}}.', "'{{% relref \"gpu.md#use\" %}}' is a", "[[gpu]], or its section"),
    ('[id]: {{< ref "gpu.md" >}}', "'{{< ref \"gpu.md\" >}}' is a Hugo", "link the term as [[gpu]]"),
    ("{{< highlight go >}}", "'{{< highlight go >}}' is Hugo's code highlighting", "```go in its place"),
    ("{{< /highlight >}}", "'{{< /highlight >}}' ends Hugo's code highlighting", "``` in its place"),
    ('<iframe src="https://e.org/v"></iframe>', "'<iframe>' is read as an HTML tag and removed", "link"),
    ("Call <tel:+441234> now.", "'<tel:+441234>' is read as an HTML tag and removed", "[text](address)"),
    ("More at <www.example.org>.", "'<www.example.org>' is read as an HTML tag", "<https://www.example.org>"),
    ("See <example.org/x>.", "'<example.org/x>' is read as an HTML tag", "<https://example.org/x>"),
    ("A Vec<String> holds text.", "'<String>' is read as an HTML tag and removed", "in backticks"),
    ("Its square $ x^2 $ grows.", "'$ x^2 $' looks like a formula but is shown as written", "no space"),
    ("Inline $$x_1$$ too.", "'$$x_1$$' looks like a formula but is shown as written", "lines of their own"),
    ("Icons :octicons-star-16: up.", "':octicons-star-16:' is no emoji's shortcode", "or leave it out"),
    ('![Chart](/images/c.png){ width="50%" }', "'{ width=\"50%\" }' is an attribute list", "in pixels"),
    ("![Chart](/images/c.png){ loading=lazy }", "'{ loading=lazy }' is an attribute list", "remove it"),
    ("[Chart](/images/c.png){ width=300 }", "'{ width=300 }' is an attribute list", "only classes"),
    ("[Start](/start/){ #go }", "'{ #go }' is an attribute list", "('{ .md-button }')"),
    ('See [it](/search/){: width="200" } now.', "'{: width=\"200\" }' is an attribute list", "remove it"),
    ("So \\(x+1\\) holds.", "the page shows '(x+1)'", "formulas here are written $…$"),
    ("Then \\[ y = 2 \\] holds.", "the page shows '[ y = 2 ]'", "$$ … $$ on a line of their own"),
    ("\\[\ny = 2\n\\]", "'\\[' opens a displayed formula as arithmatex", "write a line of $$"),
]


@pytest.mark.parametrize(("text", "said", "instead"), WRITTEN, ids=[w[1][:20] for w in WRITTEN])
def test_each_construct_is_named_once_at_its_first_line_with_what_to_write(
    text: str, said: str, instead: str
) -> None:
    found = list(foreign_problems("Intro.\n\n" + text, 0))

    assert [line for line, _ in found] == [2], found
    assert said in found[0][1] and instead in found[0][1]


def test_code_and_ordinary_prose_are_left_alone() -> None:
    text = (
        "It is ~~gone~~ now, struck through as in GitHub and Hugo :tada: :+1:.\n\n"
        "Ratios a:b:c at 10:30:00, if a == b == c; it costs $5 or $10.\n\n"
        "Paid US$25 for $HOME_DIR and x_1 at $3; ${{ secrets.KEY }}; \\$x^2\\$ is escaped.\n\n"
        "Inline `~~x~~ :smile: <iframe>` code, and ``:term:`API` `` too.\n\n"
        "```\n???+ tip\n~~x~~ <script>\n```\n\n"
        "    ~~indented code~~ <String>\n\n"
        "A <b>bold</b> <abbr>word</abbr>, a <https://example.org> link, <FTP://example.org/f>,\n"
        "<team@example.org> and [ ] brackets.\n\n"
        'See [GPU]({{< ref "gpu.md" >}}) and [TPU]( {{< relref "tpu" >}} ).\n\n'
        "In C++ and C#, g++ -O2 and i++, ~5 km or ~10 km, 2^10 and 2^20 bytes, a ^ b, x~y, A^2 B~3,\n"
        "\\[sic\\], \\(see above\\), \\[self-published\\], the set {x=1} and `H~2~O ++a++ \\(x+1\\)`.\n\n"
        " - a list indented one space\n - its next item\n\n"
        "1. first\n    - nested by 4\n         - and by 9\n\n"
        "!!! note\n    A box.\n\n        :::python\n        print(1)\n\n"
        "![Chart](/images/c.png){ width=\"300\" } and ![Map][map]{: height=200 width='400' .wide }.\n\n"
        "[Start](/start/){ .md-button } and [![Logo](/logo.svg)](/){: .md-button .md-button--primary }.\n\n"
        '???+ tip "Collapsible, as in MkDocs Material"\n    Read.\n\n'
        "Then:\n\n    ```python\n    shown as code\n      - in an indented code block\n    ```\n\n"
        "## The set {x} and { data-y }, a heading's words; see { data-z } in prose.\n"
    )

    assert list(foreign_problems(text, 1)) == []


def test_a_code_fence_with_a_language_or_one_that_shows_a_myst_directive_is_left_alone() -> None:
    text = (
        "```python\nx = {1}\n```\n\n```{.python}\ny = 2\n```\n\n"
        "````markdown\n```{note}\nShown as an example.\n```\n:::{tip}\nToo.\n:::\n````\n"
    )

    assert list(foreign_syntax(text)) == []


def test_a_formula_is_not_foreign_and_its_tex_is_not_read_as_other_syntax() -> None:
    text = "Area $a == b :x: <mi>$ here.\n\n$$\n{#not-an-id} a == b\n$$\n\n$$ x ~~y~~ $$"

    assert list(foreign_syntax(text)) == []


def test_text_indented_under_a_list_item_or_admonition_is_prose_not_code() -> None:
    text = "- item\n\n    It is :xmarkedx:.\n\n!!! note\n    A :q-mark:."

    assert [index for index, _ in foreign_syntax(text)] == [2, 5]


def test_a_shortcode_alone_on_a_body_line_is_left_to_the_table_marker_check() -> None:
    assert list(foreign_syntax("{{< youtube abc >}}", markers=True)) == []
    assert len(list(foreign_syntax("{{< youtube abc >}}"))) == 1


def test_lines_are_counted_in_the_file_including_folded_yaml_lines() -> None:
    assert [line for line, _ in foreign_problems("A.\n\nB :c-c:.", 12)] == [14]
    # A YAML value with a file line break inside its first line: its third line is file line 15.
    assert [line for line, _ in foreign_problems("A\nB\nC :d-d:", 12, (1, 2, 4))] == [15]
    # A folded (`>`) text: 'First line of it' (line 5) and the next line (6) are one line of
    # the value. Was: line 5, the line that value line starts on.
    folded = "First line of it continues here :xmarkedx: on line 6.\nNew :x-y: para."
    assert [line for line, _ in foreign_problems(folded, 5, (17, 54, 54))] == [6, 8]


INDENTED = [
    (
        '!!! note\n    Text.\n\n    ```python a.py\n    print("hi ~~x~~")\n    ```\n\nAfter :y-y:.',
        [4, 8],
        "this code fence '```python a.py' is indented, and a fence is read only at the start",
    ),
    ("- item\n\n    ```python some words\n    print(1)\n    ```", [3], "indent the code 4 spaces more"),
    ("- item\n\n    ```python {.x}\n    print(1)\n    ```", [3], "this code fence's '.x' is left out"),
    ("- item\n\n  ```go {linenos=true}\n  x\n  ```", [3], "the theme does not number a block's lines"),
    ("- item\n\n    ```{note}\n    A MyST box.\n    ```", [3], "this code fence '```{note}' is indented"),
    ('1. item\n   ```c hl_lines="x"\n   code\n   ```', [2], "or move the fenced block out, unindented"),
    ("!!! danger\n  Body text\n  more", [2], "an admonition's text 4 spaces here, so the box is left empty"),
    ("Intro.\n\n!!! danger\n\n   Body text", [5], "indent the text 4 spaces"),
]


@pytest.mark.parametrize(("text", "lines", "said"), INDENTED, ids=[w[2][:24] for w in INDENTED])
def test_indentation_other_generators_take_is_named_at_its_line(
    text: str, lines: list[int], said: str
) -> None:
    """Was silent: a fence indented under a list item or admonition and an admonition's text
    indented by 2 come out garbled, as MkDocs and Hugo take them."""
    found = sorted(foreign_problems(text, 1))

    assert [line for line, _ in found] == lines
    assert said in found[0][1]


@pytest.mark.parametrize(
    "text",
    [
        '!!! note\n    Text.\n\n    ```python\n    print("hi ~~x~~")\n    ```\n\nAfter.',
        "!!! note\n    ~~~bash\n    echo hi\n    ~~~",
        '- item\n\n    ```python hl_lines="1-2"\n    print("hi")\n    ```',
        '- item\n\n    ```python title="a.py" hl_lines="1"\n    print("hi")\n    ```',
        '!!! note\n    ```go {file="main.go" hl_lines=[1]}\n    package main\n    ```',
        "1. item\n   ```\n   code\n   ```",
        "1. first\n  - two-space nested\n  - another",
        "- a\n    - b\n      - c\n      - d",
    ],
)
def test_indentation_other_generators_use_is_no_problem(text: str) -> None:
    """Was a warning: the engine showed a fence indented so as text (now a code block,
    test_markup.py) and a list nested by 2 or 3 spaces flat (now nested, test_commonmark_lists.py)."""
    assert list(foreign_problems(text, 1)) == []


@pytest.mark.parametrize(
    "line",
    [
        "$a" + "_" * 200_000,
        "x {#" * 100_000,
        "{{< " * 100_000,
        "<a:" * 100_000,
        "<a." * 100_000,
        "{{<" + "a" * 200_000,
        ":" + "a" * 200_000,
        "\\(=" * 100_000,
        "++a" * 100_000,
        "^^ a" * 100_000,
        "){a=" * 100_000,
        "\n   " * 100_000,
    ],
)
def test_a_very_long_line_does_not_hang_the_check(line: str) -> None:
    """A fifth of each took 4 to 20 seconds with patterns that backtracked over the whole line,
    time that grew with its square; now a twentieth of a second."""
    with stops_within(60):
        assert list(foreign_problems(line, 1)) == []


@pytest.mark.parametrize(
    "text",
    ["```x\n" * 20_000, "- a\n" + "    ```x\n" * 20_000, "- a\n" + "    ````y\n    ```\n" * 10_000],
)
def test_many_fences_that_nothing_closes_do_not_hang_the_check(text: str) -> None:
    """Each fence looked for its closing line through every line after it: a minute for 20,000
    (the check runs on every build); now a fraction of a second."""
    with stops_within(10):
        assert list(fences.unclosed_fences(text))[:1] == ([(0, "```")] if text.startswith("`") else [])
        problems = list(foreign_problems(text, 1))
    assert all("is never closed" in message for _, message in problems)


def test_a_formula_wrapped_over_lines_is_not_read_as_other_syntax() -> None:
    text = "Then $\\text{Vec<String>}\nb ==c== d :x: +\ny$ holds, as do $5 and\n$10 with :material-emoticon:."

    assert [index for index, _ in foreign_syntax(text)] == [3]


def test_a_footnote_reference_without_its_note_in_the_same_text_is_named_at_its_line() -> None:
    """Was silent: Python-Markdown shows such a reference as written, '[^missing]' and all."""
    text = (
        "A note[^1] and a missing one[^missing].\n\n`code [^x]`\n\n"
        "    [^y] in indented code\n\n[^1]: The note.\n"
    )

    assert list(foreign_problems(text, 10)) == [
        (
            10,
            "footnote '[^missing]' has no note in this text, so the page shows it as written; add its "
            "note on a line of its own below, '[^missing]: the note', or remove it",
        )
    ]


def test_a_note_no_reference_leads_to_is_named_at_its_line() -> None:
    """Was silent: Python-Markdown lists it with a link back to a reference that is not there. A
    reference in another note's text counts."""
    text = "A note[^1].\n\n[^1]: The note, see[^3].\n[^2]: Never cited.\n[^3]: Cited by a note.\n"

    assert list(foreign_problems(text, 10)) == [
        (
            13,
            "footnote '[^2]' is referenced nowhere in this text, so its note is listed with no place in "
            "the text to go back to; write [^2] where it belongs, or remove the note",
        )
    ]


def test_what_an_html_comment_holds_is_not_warned_of() -> None:
    """The page leaves a comment out with all it holds. Was: a '<script>' or a Hugo shortcode
    in a comment was said to be removed from the page, or shown as written."""
    text = "Text <!-- a <script> here\nand {{< ref x >}} -->\n\n<!-- <iframe> -->\n\n<script>x</script> after"

    assert [(index, message.split(" is ")[0]) for index, message in foreign_syntax(text)] == [
        (5, "'<script>'")
    ]


def test_a_table_marker_in_a_quotation_or_list_is_said_to_be_one_not_a_hugo_shortcode() -> None:
    """Was: "is a Hugo shortcode ... write what it makes in Markdown or HTML", of the site's own
    marker, which is read only on a line of its own."""
    text = 'Text\n\n> {{< table two >}}\n\n- {{< table one >}}\n\n{{< figure src="x" >}} after'

    said = [(index, message.split(",")[0]) for index, message in foreign_syntax(text, markers=True)]
    assert said == [
        (2, "'{{< table two >}}' is a table marker where none is read"),
        (4, "'{{< table one >}}' is a table marker where none is read"),
        (6, "'{{< figure src=\"x\" >}}' is a Hugo shortcode"),
    ]


def test_a_wiki_link_no_brackets_close_is_named_at_its_line() -> None:
    """Was shown as written, '[[Term here.', with no word. One closed on a later line of its
    paragraph is a wiki-link; one in code or a formula is not read."""
    text = "See [[Term here.\n\nA [[Term\nwrapped]] link, `[[code` and $[[x$.\n\nThen [[a [[b]]."

    unclosed = "this '[[' opens a wiki-link that no ']]' closes in its paragraph, so the page shows it"
    found = [(line, message.split(" as written")[0]) for line, message in foreign_problems(text, 5)]
    assert found == [(5, unclosed), (10, unclosed)]


def test_an_escaped_or_html_coded_double_bracket_is_no_unclosed_wiki_link() -> None:
    assert list(foreign_problems("A \\[[ escaped, and <code>[[x</code> in HTML's code.", 1)) == []


@pytest.mark.parametrize(
    ("text", "said"),
    [
        (
            "See ![[Attention]] here.",
            "'![[Attention]]' is Obsidian's embed of a note, which is shown as written",
        ),
        (
            "![[diagram.png|300]]",
            "put the file in static/ (static/images/, say) and write "
            '![what it shows](/images/diagram.png){ width="300" }',
        ),
        ("Then.^[An inline note.]", "'^[An inline note.]' is an inline footnote as Obsidian and Pandoc"),
        ("A key paragraph. ^emergent1", "'^emergent1' is an Obsidian block id, which is shown as written"),
    ],
)
def test_obsidian_s_embeds_inline_footnotes_and_block_ids_are_named(text: str, said: str) -> None:
    """Was shown as written ('!' then a link, for an embed) with no word, or 'unknown wiki-link
    target' for a picture's file name."""
    [(line, message)] = foreign_problems(text, 4)
    assert line == 4 and said in message


def test_no_block_id_or_inline_footnote_is_read_in_formulas_or_marks() -> None:
    assert list(foreign_problems("Then $x^{2}$, x^2^ and ^^inserted^^ text, 2 ^ 3.", 1)) == []


@pytest.mark.parametrize(
    ("text", "write"),
    [
        ("> [!quote] Vaswani et al.\n> Text.", "write '!!! quote \"Vaswani et al.\"'"),
        ("> [!tip]- Why it works\n> Text.", "write '??? tip \"Why it works\"'"),
        (
            "> [!faq]+ Common\n> Text.",
            "write '???+ question \"Common\"'",
        ),  # 'faq' is a class no page may hold
    ],
)
def test_a_callout_s_advice_keeps_its_title_and_folding(text: str, write: str) -> None:
    """Was "write '!!! quote'" for all three: the title and the folding lost, and a 'faq' box
    without its colour."""
    [(_, message)] = foreign_problems(text, 1)
    assert write in message
