"""yaml_lines: safe YAML whose every key and item knows its line in the file."""

from __future__ import annotations

from unittest import mock

import pytest

from glossary_site import yaml_lines

FRONT_MATTER = """\
title: Tensor
tags:
  - maths
  - arrays
faq:
  - q: What is a tensor?
    a: An array with any number of axes.
definition: |
  A **tensor** is an n-dimensional array.
summary: "Arrays of numbers."
"""


NO_COLON = (
    "invalid YAML: this line has no ':' after its key; write 'key: value', "
    "or indent the line if it goes on from the value above"
)


OUTDENTED = (
    "this line is indented less than the text of 'definition: |' {0} it, so YAML does not read it "
    "as part of that text; indent it 2 spaces, as the lines {0} it"
)


def problem_of(text: str, first_line: int = 1, fast: bool = True) -> tuple[int, str]:
    with pytest.raises(yaml_lines.YamlProblem) as caught:
        yaml_lines.load(text, first_line=first_line, fast=fast)
    return caught.value.line, str(caught.value)


def test_keys_are_reported_at_their_file_line_offset_by_first_line() -> None:
    located = yaml_lines.load(FRONT_MATTER, first_line=2)

    assert located.line("title") == 2
    assert located.line("tags") == 3
    assert located.line("faq") == 6
    assert located.line("definition") == 9


def test_list_items_and_their_keys_are_reported_at_their_own_lines() -> None:
    located = yaml_lines.load(FRONT_MATTER, first_line=2)

    assert located.line("tags", 0) == 4
    assert located.line("tags", 1) == 5
    assert located.line("faq", 0) == 7
    assert located.line("faq", 0, "a") == 8


def test_a_path_that_was_not_written_falls_back_to_its_nearest_written_parent() -> None:
    located = yaml_lines.load(FRONT_MATTER, first_line=2)

    assert located.line("tags", 9) == 3
    assert located.line("nowhere") == 1
    assert located.line("nowhere", default=7) == 7


def test_block_scalar_text_starts_on_the_line_after_its_key() -> None:
    located = yaml_lines.load(FRONT_MATTER, first_line=2)

    assert located.value_line("definition") == 10
    assert located.value_line("summary") == 11


def test_data_is_loaded_as_plain_python_values() -> None:
    located = yaml_lines.load(FRONT_MATTER)

    assert located.data["tags"] == ["maths", "arrays"]
    assert located.data["faq"] == [{"q": "What is a tensor?", "a": "An array with any number of axes."}]
    assert located.data["definition"] == "A **tensor** is an n-dimensional array.\n"


def test_an_empty_document_loads_as_nothing() -> None:
    assert yaml_lines.load("", first_line=2).data is None


@pytest.mark.parametrize("fast", [True, False])
def test_every_duplicate_key_is_reported_at_its_line_and_the_first_value_kept(fast: bool) -> None:
    text = "title: Tensor\nsummary: One.\nsummary: Two.\ntitle: Again\ntags: [a]\n"

    located = yaml_lines.load(text, first_line=2, fast=fast)

    assert located.errors == (
        (4, "duplicate key 'summary' (first given on line 3)"),
        (5, "duplicate key 'title' (first given on line 2)"),
    )
    assert located.data == {"title": "Tensor", "summary": "One.", "tags": ["a"]}


def test_duplicate_key_inside_a_list_item_is_reported_at_its_line() -> None:
    text = "faq:\n  - q: One?\n    a: Yes.\n    q: Two?\n"

    located = yaml_lines.load(text, first_line=2)

    assert located.errors == ((5, "duplicate key 'q' (first given on line 3)"),)
    assert located.data == {"faq": [{"q": "One?", "a": "Yes."}]}


ALIAS = "YAML aliases (*name) are not supported; to start a value with '*', put the whole value in quotes"
ANCHOR = "YAML anchors (&name) are not supported; to start a value with '&', put the whole value in quotes"


@pytest.mark.parametrize("fast", [True, False])
def test_alias_of_a_value_is_refused_at_the_key_that_uses_it(fast: bool) -> None:
    text = "title: Tensor\nsummary: *name\n"

    assert problem_of(text, first_line=2, fast=fast) == (3, ALIAS)


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(
    "text",
    ["title: T\ndefinition: &bold Probe Term\n", "title: T\ntags: [&a x]\n", "title: T\nfaq: &f\n  - q: x\n"],
)
def test_an_anchor_is_refused_at_its_line_not_dropped_from_the_value(text: str, fast: bool) -> None:
    """Was: `definition: &bold Probe Term` published "Probe Term", the anchor dropped."""
    assert problem_of(text, first_line=2, fast=fast) == (3, ANCHOR)


def test_an_ampersand_inside_text_is_text() -> None:
    text = "title: Q&A\nsummary: R & D, and a &b.\ntags: [S&P]\n"

    assert yaml_lines.load(text).data == {"title": "Q&A", "summary": "R & D, and a &b.", "tags": ["S&P"]}


def test_alias_expansion_bomb_is_refused_instead_of_expanded() -> None:
    levels = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    levels += [f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]" for n in range(1, 10)]

    _, message = problem_of("\n".join(levels) + "\n")

    assert message == ANCHOR


def test_python_tags_are_refused_with_the_line_of_the_tag() -> None:
    text = "title: Tensor\nsummary: !!python/object/apply:os.system ['echo pwned']\n"

    assert problem_of(text, first_line=2) == (
        3,
        "invalid YAML: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system'",
    )


def test_syntax_error_line_is_a_line_of_the_file_not_of_the_yaml_block() -> None:
    text = "title: Tensor\ntags: [maths, arrays\nsummary: Arrays.\n"

    assert problem_of(text, first_line=2) == (
        3,
        "invalid YAML: the '[' list that starts on this line is never closed; end it with ']', "
        "or put the whole value in quotes if the '[' is part of the text",
    )


def test_a_key_indented_further_than_the_key_above_is_told_to_line_up_with_it() -> None:
    text = "title: Tensor\n  summary: Arrays.\n"

    assert problem_of(text, first_line=2) == (
        3,
        "invalid YAML: this line is indented further than 'title:' above it, so YAML reads it as "
        "more of that value, where ': ' cannot stand; start 'summary:' in the same column as "
        "'title:', or, if the line goes on from that value, put the whole value in quotes",
    )


def test_an_answer_indented_further_than_its_question_names_the_question() -> None:
    text = "title: T\nfaq:\n  - q: Why?\n\n     a: Because.\n"

    line, message = problem_of(text, first_line=2)

    assert line == 6
    assert "indented further than 'q:' above it" in message
    assert "start 'a:' in the same column as 'q:'" in message


def test_deeply_nested_yaml_is_refused_without_crashing() -> None:
    text = "tags: " + "[" * 200 + "]" * 200 + "\n"

    assert problem_of(text, first_line=2) == (2, "YAML is nested more than 40 levels deep")


def test_dates_are_left_as_text_so_an_impossible_one_is_not_a_crash() -> None:
    """The field check parses dates and reports a bad one at its line (see test_content)."""
    located = yaml_lines.load("title: Tensor\nupdated: 2025-02-30\n", first_line=2)

    assert located.data == {"title": "Tensor", "updated": "2025-02-30"}
    assert located.line("updated") == 3


@pytest.mark.parametrize("escape", ["\\0", "\\x01", "\\e", "\\x9f"])
def test_control_characters_made_by_escapes_are_refused_at_their_line(escape: str) -> None:
    """And removed, the rest of the file still read: was the only problem reported of it."""
    located = yaml_lines.load(f'title: T\naliases: ["a{escape}b"]\n', first_line=2)
    assert located.data["aliases"] == ["ab"]
    [(line, message)] = located.errors
    assert line == 3
    assert message.endswith("(written as an escape) is not allowed; remove it")


@pytest.mark.parametrize(
    ("text", "line", "code"),
    [
        ('title: "a\\N b"\n', 2, "0085"),  # NEL, which the reader lets an escape make
        ('title: "\\uFDD0"\n', 2, "FDD0"),
        ("title: a \ufdef\n", 2, "FDEF"),  # the noncharacters the reader lets through as they are
        ("title: T\ndefinition: |\n  fine\n  then \U0001fffe\n", 5, "1FFFE"),
    ],
)
@pytest.mark.parametrize("fast", [True, False])
def test_characters_no_page_may_hold_are_refused_at_their_line(
    text: str, line: int, code: str, fast: bool
) -> None:
    """Was: they went into every page that shows the value, which the Nu checker then refused."""
    located = yaml_lines.load(text, 2, fast=fast)
    assert located.errors == ((line, f"character U+{code} is not allowed in a web page; remove it"),)
    assert chr(int(code, 16)) not in str(located.data)


def test_tabs_newlines_and_accents_from_escapes_are_kept() -> None:
    located = yaml_lines.load('definition: "a\\tb\\nc \\u00e9"\n', first_line=2)
    assert located.data["definition"] == "a\tb\nc é"


def outcome(text: str, first_line: int = 2, fast: bool = True) -> object:
    try:
        located = yaml_lines.load(text, first_line, fast=fast)
    except yaml_lines.YamlProblem as problem:
        return problem.line, str(problem)
    return located


def event_composer_outcome(text: str, first_line: int = 2) -> object:
    """What load gives with its fast path off: every document read event by event, every
    line counted from character positions, every value built by PyYAML's constructor."""
    return outcome(text, first_line, fast=False)


TRICKY = [
    FRONT_MATTER,
    "a: &x [1]\nb: *x\n",  # alias
    "a: &x 1\n",  # anchor only
    "a: " + "[" * 40 + "]" * 40 + "\n",  # deeper than allowed
    "a: " + "[" * 39 + "]" * 39 + "\n",
    "a: " + "[" * 38 + "[]" + "]" * 38 + "\n",
    "- " * 41 + "x\n",
    "a: 1\n---\nb: 2\n",  # two documents
    "a: 1\r\nb:\r\n  - x\r\n",  # CRLF
    "a: x\u2028y\nb: 2\n",
    'a: "x\u2028y"\nb: 2\n',  # YAML line breaks no editor shows
    'a: "x\x85y"\nb: 2\n',
    'a: "x\ry"\nb: 2\n',
    "a: [1, 2\nb: 3\n",  # broken
    "? [a]\n: 1\n",
    "a: 1\na: 2\n",
    "<<: {a: 1}\nb: 2\n",
    "a: !!binary aGk=\n",
    "a: [{<<: {x: 1}, y: 2}]\n",  # merge keys below the top
    "a: {=: 1, b: 2}\n",
    "a: !!str [x]\n",  # explicit tags on collections
    "a: !!set {x, y}\n",
    "a: !!omap [x: 1, y: 2]\n",
    "a: !!map {b: !!seq [1]}\n",
    "a: {b: [1, yes, null, '2', 3.5, !!float 1, ~]}\n",
    "a: [!!binary aGk=, !!python/name:os.system x]\n",
    "a: {1: x, 01: y, 0x1: z}\n",
    "a: {b: !!int x}\n",  # a value PyYAML cannot build, nested
    "a: x #1\nb: [y # z\n  , 'w'] # v\nc: |\n  u # t\nd: s\n  r  # q\n",  # comments after text
    "a: R&D, S &P\nb: &x\n  c: 1\n",  # ampersands, an anchor on a mapping
    "a: '" + "[" * 3000 + "'\n",  # brackets in text, beyond the quick path's bound
    "",
    "# only a comment\n",
    "just text\n",
    "?",  # no final line break: libyaml counts one more line at the end
    "a:",
]


@pytest.mark.parametrize("text", TRICKY)
def test_fast_path_loads_exactly_like_the_event_composer(text: str) -> None:
    assert outcome(text) == event_composer_outcome(text)


@pytest.mark.parametrize("fast", [True, False])
def test_unquoted_text_cut_short_by_a_comment_is_recorded_at_the_comment_line(fast: bool) -> None:
    text = (
        "title: Probe Term #1 is great\ntags: [a, b]  # c\nsummary: 'x' # y\nfaq:\n  - q: Why\n"
        "      not? # z\n"
    )

    located = yaml_lines.load(text, first_line=2, fast=fast)

    assert located.data["title"] == "Probe Term"
    assert located.commented == ((("title",), 2), (("faq", 0, "q"), 7))


def test_only_the_fast_path_uses_libyaml_composer() -> None:
    """The comparison above means something only if `fast=False` really reads event by event."""
    with mock.patch.object(yaml_lines.SAFE_LOADER, "get_single_node", side_effect=AssertionError("used")):
        assert yaml_lines.load(FRONT_MATTER, first_line=2, fast=False).data["title"] == "Tensor"
        with pytest.raises(AssertionError, match="used"):
            yaml_lines.load(FRONT_MATTER, first_line=2)


@pytest.mark.parametrize("fast", [True, False])
def test_a_value_its_explicit_tag_cannot_build_is_named_with_the_tag_at_its_line(fast: bool) -> None:
    """Was: "invalid YAML value: 'NoneType' object has no attribute 'groupdict'"."""
    with pytest.raises(yaml_lines.YamlProblem) as problem:
        yaml_lines.load("title: T\nupdated:\n  - 2025-01-01\n  - !!timestamp nope\n", first_line=2, fast=fast)
    assert (problem.value.line, str(problem.value)) == (
        5,
        "'nope' is not a valid !!timestamp; remove the tag to keep it as text",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "title: 'Tensor\nsummary: x\n",
            (
                2,
                "invalid YAML: the quoted value that starts on this line is never closed; end it "
                'with "\'", or put the whole value in double quotes if the "\'" is part of the text',
            ),
        ),
        (
            "title: X\ncategory: @home\n",
            (3, "invalid YAML: a value cannot start with '@'; put the whole value in quotes"),
        ),
        (
            "title: X\ncategory: `code`\n",
            (3, "invalid YAML: a value cannot start with '`'; put the whole value in quotes"),
        ),
        (
            "title: X\ndefinition: **Probe Term** is a test.\n",
            (3, "invalid YAML: a value cannot start with '*'; put the whole value in quotes"),
        ),
        (
            "title: X\ndefinition: [[transformer]] models attend.\n",
            (3, "invalid YAML: a value cannot start with '[['; put the whole value in quotes"),
        ),
        *(  # was "a value cannot start with '[['; put the whole value in quotes", one name then
            (
                f"title: X\n{key}: [[Stock]], [[fond|the fond]]  # two\n",
                (
                    3,
                    "invalid YAML: '[[' starts a list in a list to YAML, not a wiki-link; write the "
                    f"names alone, as a list: {key}: [Stock, fond]",
                ),
            )
            for key in ("related", "aliases", "tags")
        ),
        (
            "title: X\nfaq:\n  - q: {{ site }} is what?\n    a: x\n",
            (4, "invalid YAML: a value cannot start with '{{'; put the whole value in quotes"),
        ),
        (
            "title: X\nsummary: {{ site.name }}\n",
            (3, "invalid YAML: a value cannot start with '{{'; put the whole value in quotes"),
        ),
        (
            "title: X\nsummary: {% raw %} x\n",
            (3, "invalid YAML: a value cannot start with '{%'; put the whole value in quotes"),
        ),
        (
            "title: X\ndefinition: !bold Probe Term\n",
            (3, "invalid YAML: a value cannot start with '!'; put the whole value in quotes"),
        ),
        (
            "title: X\ndefinition: | Probe Term\n",
            (
                3,
                "invalid YAML: a value cannot start with '|' followed by text on the same line; "
                "put the whole value in quotes, or start the text on the next line",
            ),
        ),
        (
            "title: X\naliases:\n  - > 5 layers\n",
            (
                4,
                "invalid YAML: a value cannot start with '>' followed by text on the same line; "
                "put the whole value in quotes, or start the text on the next line",
            ),
        ),
        ("faq:\n\t- q: x\n", (3, "invalid YAML: a tab; indent with spaces")),
        ("title: X\nsummary: s\n\tdefinition: d\n", (4, "invalid YAML: a tab; indent with spaces")),
        (
            "title: [Draft] Probe Term\nsummary: s\n",
            (
                2,
                "invalid YAML: text after the closing ']' (a value that starts with '[' is a list); "
                "put the whole value in quotes",
            ),
        ),
        (
            "title: X\nfaq:\n  - q: {Hard} What is it?\n    a: x\n",
            (
                4,
                "invalid YAML: text after the closing '}' (a value that starts with '{' is a mapping); "
                "put the whole value in quotes",
            ),
        ),
        (
            'title: X\nsummary: "GPT" models\n',
            (
                3,
                "invalid YAML: text after the closing quote (a quoted value ends there); "
                "put the whole value in single quotes",
            ),
        ),
        (
            "title: X\naliases:\n  - 'GPT' 4\n",
            (
                4,
                "invalid YAML: text after the closing quote (a quoted value ends there); "
                "put the whole value in double quotes",
            ),
        ),
        ("title: X\nsummary Probe Term is s.\ndefinition: d\n", (3, NO_COLON)),
        ("title: X\ndefinition: |\n  Probe Term is\nthe text.\nfaq: []\n", (5, OUTDENTED.format("above"))),
        ("title: X\nupdated\n", (3, NO_COLON)),
        ("title: X\n<<: {tags: [a]}\n", (3, "merge keys (<<) are not supported; write the keys out")),
        (
            'title: "\\q"\n',
            (
                2,
                "invalid YAML: in double quotes, '\\' starts an escape such as '\\n', and '\\q' is not "
                "one; write '\\\\' for a backslash, or put the whole value in single quotes",
            ),
        ),
        *(  # was "did not find expected key": the editor shows one line, YAML reads two
            (
                f"title: X\ndefinition: |\n  first{mark} second\nsummary: S\n",
                (
                    4,
                    f"invalid YAML: this line holds an invisible line break (U+{ord(mark):04X}), which YAML "
                    "reads as the end of the line; remove it",
                ),
            )
            for mark in "\u2028\u2029\x85"
        ),
        *(  # was "this line has no ':' after its key": YAML fails on the line it read after the break
            (
                f"title: X\nsummary: A thing{mark}and more.\ndefinition: d\n",
                (
                    3,
                    f"invalid YAML: this line holds an invisible line break (U+{ord(mark):04X}), which YAML "
                    "reads as the end of the line; remove it",
                ),
            )
            for mark in "\u2028\x85"
        ),
    ],
)
def test_a_common_yaml_mistake_says_what_to_do_at_the_line_to_change(
    text: str, expected: tuple[int, str]
) -> None:
    """Was PyYAML's own words ("found character that cannot start any token"), and for an
    unclosed quote the line where the file ends."""
    assert problem_of(text, first_line=2) == expected
    assert problem_of(text, first_line=2, fast=False) == expected


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(
    "value",
    [
        ">\n  the [[x]] and\n  the\n\n  end [[y]]\n",  # folded, a short line found again above it
        "the [[x]] and\n  the\n\n  end [[y]]\n",  # plain
        '"the [[x]] and\n  the \\"quoted\\"\n\n  end [[y]]"\n',  # double-quoted, with escapes
        "'the [[x]] and\n  the ''quoted''\n\n  end [[y]]'\n",  # single-quoted
    ],
)
def test_a_value_over_several_lines_knows_the_file_line_of_each_of_its_words(value: str, fast: bool) -> None:
    """What a wiki-link or TODO in it is reported at (it was the value's first line)."""
    text = f"title: T\ndefinition: {value}"
    located = yaml_lines.load(text, first_line=2, fast=fast)
    definition = located.data["definition"]
    file_lines = text.splitlines()

    for word in ("[[x]]", "[[y]]"):
        line = located.value_line("definition") + yaml_lines.lines_down(
            definition, definition.index(word), located.breaks_of("definition")
        )
        assert word in file_lines[line - 2], (word, line)


@pytest.mark.parametrize("fast", [True, False])
def test_an_item_indented_further_than_the_item_above_is_an_error_not_one_run_on_name(fast: bool) -> None:
    text = "title: T\nrelated:\n- term\n  - glossary\n"

    assert problem_of(text, first_line=2, fast=fast) == (
        5,
        "invalid YAML: this '- ' item is indented further than the item above it, so YAML reads "
        "it as more of that item's text ('term - glossary'); start its '-' in the same column as "
        "the '-' above",
    )


def test_an_item_whose_text_goes_on_over_lines_is_still_one_item() -> None:
    text = "title: T\ntags:\n  - machine\n    learning - basics\n  - maths\n"

    assert yaml_lines.load(text).data["tags"] == ["machine learning - basics", "maths"]


@pytest.mark.parametrize("fast", [True, False])
@pytest.mark.parametrize(
    "line",
    [
        "**Emulsion** means a mix.",
        "**Emulsion**: a mix.",
        "[[emulsion]] is a mix.",
        "`code` here",
        "- a point",
        "plain words",
        " **Emulsion** means a mix.",
    ],
)
def test_a_line_of_a_block_text_indented_less_than_it_is_told_to_line_up_with_the_text(
    line: str, fast: bool
) -> None:
    """Was whatever its first characters made of it as a key ("a value cannot start with '*'",
    "did not find expected alphabetic or numeric character", "this line has no ':' after its
    key"), though the line was meant as more of the text above it."""
    text = f"title: X\ndefinition: |\n  An emulsion is\n  a mix.\n{line}\n  More text.\nsummary: S.\n"

    assert problem_of(text, first_line=2, fast=fast) == (6, OUTDENTED.format("above"))


@pytest.mark.parametrize("fast", [True, False])
def test_a_block_texts_first_line_not_indented_is_told_the_spaces_of_the_lines_below(fast: bool) -> None:
    below = "title: X\ndefinition: |\n**Emulsion** means\n  a mix of liquids.\nsummary: S.\n"
    alone = "title: X\nfaq:\n  - q: Why?\n    a: >-\n    [[emulsion]] is a mix.\n"

    assert problem_of(below, first_line=2, fast=fast) == (4, OUTDENTED.format("below"))
    assert problem_of(alone, first_line=2, fast=fast) == (
        6,
        "this line is not indented under 'a: >-', so YAML does not read it as its text; indent it 6 spaces",
    )


@pytest.mark.parametrize(
    ("text", "lines"),
    [
        ("a: |\n\tx\n\ty\nb: 1\n", (2, 3)),  # a `|` text's lines, none indented with spaces
        ("a: |\n  x\n  \ty\nb:\n\t- 1\n", (5,)),  # the tab of line 3 is in the text
        ('a: "x\n\ty"\nb:\n\t- 1\n', (4,)),  # a quoted text goes on past a tab
        ("a: [x,\n\ty]\nb:\n\t- 1\n", (4,)),  # as a list in brackets does
        ("a: 1\n\t\nb:\n  -\tx\n", (2, 4)),  # a line of blanks, a tab after '-'
        ("a:\tvalue\nb: c: d\n\tc: 1\n", ()),  # the first problem is no tab
    ],
)
def test_every_line_yaml_refuses_a_tab_at_is_found(text: str, lines: tuple[int, ...]) -> None:
    """Was: only the first, as YAML stops there."""
    assert yaml_lines.tab_lines(text) == lines


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "aliases: [A",
            "invalid YAML: the '[' list that starts on this line is never closed; end it with ']', "
            "or put the whole value in quotes if the '[' is part of the text",
        ),
        ("summary:S.", "invalid YAML: a key needs a space after its colon; write 'summary: S.'"),
        ("\tmore text", "invalid YAML: a tab; indent with spaces"),
    ],
)
def test_a_key_right_under_a_block_text_keeps_its_own_mistake(line: str, expected: str) -> None:
    """A line YAML rightly reads as the next key is not taken for a line of the text above."""
    text = f"title: X\ndefinition: |\n  An emulsion is a mix.\n{line}\n"

    assert problem_of(text, first_line=2) == (5, expected)


@pytest.mark.parametrize("fast", [True, False])
def test_keys_that_are_lines_meant_for_a_block_text_are_recorded_with_what_to_say(fast: bool) -> None:
    text = (
        "definition: |\n  An emulsion is\n"
        "Emulsion means: a mix\nOther words: more\n"
        "aliases: [A]\nnote: x\nfaq:\n  - a: |\n      Yes.\n    Also: so.\n"
    )

    located = yaml_lines.load(text, first_line=2, fast=fast)

    assert located.strays == {
        ("Emulsion means",): (("definition",), OUTDENTED.format("above")),
        ("Other words",): (("definition",), OUTDENTED.format("above")),
        ("faq", 0, "Also"): (
            ("faq", 0, "a"),
            "this line is indented less than the text of 'a: |' above it, so YAML does not read it as "
            "part of that text; indent it 6 spaces, as the lines above it",
        ),
    }


@pytest.mark.parametrize(
    ("text", "line", "code", "key"),
    [
        ("title: U\nsummary: a\u2028b: c\n", 3, "2028", "b"),
        ("title: U\nsummary: s\x85title: Other\n", 3, "0085", "title"),
        ("title: U\nfaq:\n  - q: Why?\u2029    a: Because.\n", 4, "2029", "a"),
    ],
)
@pytest.mark.parametrize("fast", [True, False])
def test_a_key_after_an_invisible_line_break_names_the_break(
    text: str, line: int, code: str, key: str, fast: bool
) -> None:
    """The editor sees one line; was "unknown field 'b'" or a duplicate 'title' at that line."""
    assert outcome(text, fast=fast) == (
        line,
        f"invalid YAML: this line holds an invisible line break (U+{code}), which YAML reads as the end "
        f"of the line, so '{key}' after it is read as a key; remove it",
    )


@pytest.mark.parametrize("written", ["1e999999", ".nan", "-.INF", "+.inf"])
@pytest.mark.parametrize("fast", [True, False])
def test_a_float_no_page_can_show_is_refused_at_its_line(written: str, fast: bool) -> None:
    """Was: the page showed 'inf' or 'nan' as the summary or table cell."""
    text = f"title: T\ntables:\n  - rows:\n      - [a, !!float {written}]\n"
    assert outcome(text, fast=fast) == (
        5,
        f"'{written}' is no number a page can show as a !!float (infinite or not a number); "
        "remove the tag to keep it as text",
    )


def test_a_float_that_fits_is_still_a_float() -> None:
    located = yaml_lines.load("a: !!float 1_000.5\nb: !!float 1:30\nc: !!float -2e3\n", first_line=2)
    assert located.data == {"a": 1000.5, "b": 90.0, "c": -2000.0}
