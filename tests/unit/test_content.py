"""content: term files are found, split and checked one by one, each problem at its file line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from markdown.extensions import toc

from glossary_site import content, content_files, front_matter, slugs
from glossary_site.diagnostics import ContentError, Diagnostic, Diagnostics
from glossary_site.model import CtaBlock, Faq, Ref, Source, Table, TermSource

PATH = "content/terms/tensor.md"
HEAD = """\
---
title: Tensor
summary: An array with any number of axes.
definition: |
  A **tensor** generalises vectors and matrices.
"""  # extra front matter given to term_text() starts on line 6


def term_text(extra: str = "", body: str = "\nBody text.\n") -> str:
    return HEAD + extra + "---\n" + body


def parse(text: str, path: str = PATH) -> tuple[TermSource | None, list[str]]:
    """Parse like load_terms does: a file that cannot go on becomes one diagnostic."""
    diagnostics = Diagnostics()
    try:
        term: TermSource | None = content.parse_term(path, text, diagnostics)
    except ContentError as problem:
        diagnostics.add(problem.diagnostic)
        term = None
    return term, [str(d) for d in diagnostics.sorted()]


def write(root: Path, rel: str, data: str | bytes) -> None:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data.encode() if isinstance(data, str) else data)


def load(root: Path) -> tuple[list[TermSource], list[str]]:
    diagnostics = Diagnostics()
    terms = content.load_terms(root, diagnostics)
    return terms, [str(d) for d in diagnostics.sorted()]


# Front matter and its fields


def test_valid_term_file_loads_every_field_with_its_lines() -> None:
    extra = """\
aliases: [Tensors, nd-array]
category: Maths
tags: [arrays, foundations]
related:
  - matrix
  - Vector
updated: 2025-03-01
draft: true
"""
    term, problems = parse(term_text(extra))

    assert problems == []
    assert term is not None
    assert (term.slug, term.title) == ("tensor", "Tensor")
    assert term.summary == "An array with any number of axes."
    assert term.definition == "A **tensor** generalises vectors and matrices."
    assert term.definition_line == 5
    assert term.aliases == ("Tensors", "nd-array")
    assert (term.category, term.tags) == ("Maths", ("arrays", "foundations"))
    assert term.related == (Ref("matrix", 10), Ref("Vector", 11))
    assert term.updated == dt.date(2025, 3, 1)
    assert term.draft is True
    assert term.body == "\nBody text.\n"
    assert term.body_line == 15


def test_file_without_front_matter_says_how_to_start_one() -> None:
    _, problems = parse("# Tensor\n\nAn array.\n")

    assert problems == [
        f"{PATH}:1: no front matter; the file must start with a '---' line, then YAML, then '---'"
    ]


@pytest.mark.parametrize(("blank", "said"), [("\n", "line"), ("\n \n\n", "3 lines")])
def test_blank_lines_before_the_front_matter_are_named_as_what_to_delete(blank: str, said: str) -> None:
    """Was "no front matter; the file must start with a '---' line", said of a file whose
    '---' the editor can see a line or two down."""
    _, problems = parse(blank + term_text())

    assert problems == [
        f"{PATH}:1: the front matter must start on line 1; delete the blank {said} before '---'"
    ]


@pytest.mark.parametrize(
    ("text", "written", "example"),
    [
        ('+++\ntitle = "Tensor"\n+++\nBody.\n', "between '+++' lines is TOML", 'title = "GPU"'),
        ('{\n  "title": "Tensor"\n}\nBody.\n', "in braces is JSON", '"title": "GPU"'),
    ],
)
def test_hugo_toml_or_json_front_matter_is_named_with_how_to_rewrite_it(
    text: str, written: str, example: str
) -> None:
    """Was "no front matter; the file must start with a '---' line", said of a file that has
    front matter, only in a format Hugo reads. The example is in the format written (was TOML
    for JSON too)."""
    _, problems = parse(text)

    assert problems == [
        f"{PATH}:1: front matter {written}, which Hugo reads and this site does not; rewrite it in "
        f"YAML between '---' lines ({example} becomes title: GPU)"
    ]


def test_a_myst_glossary_page_without_front_matter_is_told_to_be_split_into_term_files() -> None:
    """A Sphinx project's glossary.md has no front matter. Was: only "no front matter", where
    the MyST fence's warning, which says to write a file per term, came once one was added."""
    _, problems = parse("# Glossary\n\n```{glossary}\nBuild\n  The step that writes the site.\n```\n")

    assert problems == [
        f"{PATH}:1: no front matter; the file must start with a '---' line, then YAML, then '---' "
        "(line 3 opens a MyST glossary, which is not read here: a glossary here is one term file per "
        "term, so write each term in it as a file of its own in content/terms/, with its front matter)"
    ]


def test_a_hugo_section_page_is_said_to_have_no_counterpart_not_to_be_renamed() -> None:
    """Was "rename it to 'index.md' or add 'slug: index'": a term at terms/index/, which a
    Hugo section's _index.md, the list page of its folder, never was."""
    _, problems = parse(term_text(), path="content/terms/_index.md")

    assert problems == [
        "content/terms/_index.md:1: '_index.md' is a Hugo section's list page, which has no "
        "counterpart here (the home page, categories and tags list the terms): delete it, and move "
        "any text it has to the 'intro' of content/site.yml"
    ]


def test_unclosed_front_matter_says_where_to_close_it() -> None:
    """Was line 1 alone: the editor was not told which line the '---' had gone missing from."""
    _, problems = parse("---\ntitle: Tensor\ndefinition: |\n  A.\n\n  B.\n\n# Uses\n\nBody.\n")

    assert problems == [
        f"{PATH}:7: front matter is not closed; put a '---' line here,"
        " between the fields above and the text below"
    ]
    _, problems = parse("---\ntitle: Tensor\nsummary: An array.\n")

    assert problems == [f"{PATH}:1: front matter is not closed; add a '---' line after the YAML"]


def test_forgotten_closing_line_before_a_rule_in_the_body_is_named() -> None:
    """The body's `---` rule closes the front matter, so YAML read the body's first line and
    the message spoke only of a key without ':'; the editor had forgotten the closing line."""
    _, problems = parse(HEAD + "\nA tensor has axes: many.\n\nMore text.\n\n---\n\nThe end.\n")

    assert problems == [
        f"{PATH}:9: if the body starts on line 7, the front matter above it has no closing '---': "
        "add one on line 6; else: invalid YAML: this line has no ':' after its key; write "
        "'key: value', or indent the line if it goes on from the value above"
    ]


@pytest.mark.parametrize(
    ("extra", "line", "problem"),
    [
        ('\ncategory: "Maths" extra\n', 7, "text after the closing quote (a quoted value ends there)"),
        ("\nTags maths\nupdated: 2025-03-01\n", 7, "this line has no ':' after its key"),
        ("aliases:\n  - Array\n\n - Matrix\n", 9, "this line is indented differently"),
    ],
    ids=["a field fails", "a field follows", "an indented item"],
)
def test_a_file_with_its_closing_line_is_not_told_it_may_lack_one(
    extra: str, line: int, problem: str
) -> None:
    """Was "if the body starts on line N, the front matter above it has no closing '---'" for
    any YAML error after a blank line, when a field there, a field below it, or a line
    indented as YAML goes on, shows the '---' below is the front matter's own."""
    _, problems = parse(term_text(extra))

    assert len(problems) == 1
    assert problems[0].startswith(f"{PATH}:{line}: invalid YAML: {problem}")


def test_a_blank_line_between_fields_is_not_taken_for_the_body() -> None:
    _, problems = parse(term_text("\ntags: [maths]\ndraft fals\n"))

    assert problems == [
        f"{PATH}:8: invalid YAML: this line has no ':' after its key; write 'key: value', "
        "or indent the line if it goes on from the value above"
    ]


def test_front_matter_may_close_with_three_dots() -> None:
    term, problems = parse(HEAD + "...\nBody.\n")

    assert problems == []
    assert term is not None
    assert term.body == "Body.\n"


def test_front_matter_that_is_not_a_mapping_is_an_error() -> None:
    _, problems = parse("---\n- title: Tensor\n---\n")

    assert problems == [f"{PATH}:1: front matter must be a mapping of fields (key: value)"]


@pytest.mark.parametrize("front", ["", "# TODO: fill in\n"])
def test_empty_front_matter_names_the_fields_to_write(front: str) -> None:
    """Was "front matter must be a mapping of fields (key: value)" for none at all."""
    _, problems = parse(f"---\n{front}---\nBody.\n")

    assert problems == [
        f"{PATH}:1: missing required field '{name}'; add '{name}: ...' to the front matter, "
        "between the '---' lines"
        for name in ("definition", "summary", "title")
    ]


def test_yaml_error_in_front_matter_is_reported_at_its_line_in_the_file() -> None:
    _, problems = parse(term_text("tags: [arrays, maths\nupdated: 2025-03-01\n"))

    assert problems == [
        f"{PATH}:6: invalid YAML: the '[' list that starts on this line is never closed; end it "
        "with ']', or put the whole value in quotes if the '[' is part of the text"
    ]


def test_every_line_indented_with_a_tab_is_reported_in_one_run() -> None:
    """Was: only the first, the next one in the run after it was put right. A tab YAML takes,
    in a quoted text's next line or in a `|` text past its indentation, is not reported."""
    text = (
        '---\ntitle: Velouté\nsummary: "A mother sauce\n\tof stock."\ndefinition: |\n'
        "  Stock thickened\n  \twith a roux.\naliases:\n\t- Veloute\ntags:\n\t- sauces\n\t- french\n"
        "---\nBody.\n"
    )

    _, problems = parse(text)

    assert problems == [f"{PATH}:{line}: invalid YAML: a tab; indent with spaces" for line in (9, 11, 12)]


def test_missing_required_fields_are_all_reported_in_one_run() -> None:
    _, problems = parse("---\ncategory: Maths\n---\nBody.\n")

    assert problems == [
        f"{PATH}:1: missing required field '{name}'; add '{name}: ...' to the front matter, "
        "between the '---' lines"
        for name in ("definition", "summary", "title")
    ]


def test_fields_of_the_wrong_type_are_reported_at_their_lines() -> None:
    text = (
        "---\ntitle: [Tensor]\nsummary: {short: An array.}\ndefinition: !!bool true\naliases: {a: b}\n"
        "draft: maybe\n---\n"
    )

    _, problems = parse(text)

    assert problems == [
        f"{PATH}:2: 'title' must be text, not a list; put the whole value in quotes",
        f"{PATH}:3: 'summary' must be text, not a mapping; put the whole value in quotes",
        f"{PATH}:4: 'definition' must be text, not true/false (!!bool)",
        f"{PATH}:5: 'aliases' must be a list of text, not a mapping",
        f"{PATH}:6: 'draft' must be true or false",
    ]


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (
            "category: [Models, Data]",
            "'category' must be one name, not a list; pick one, list the others under 'tags'",
        ),
        ("category:\n  - Models", "'category' must be one name, not a list; write 'category: Models'"),
        (
            "definition:\n  - Runs on GPUs.\n  - Needs data.",
            "'definition' must be text, not a list; to write Markdown over several lines, "
            "write 'definition: |' and indent the lines under it",
        ),
        (
            "definition:\n  Input: text\n  Output: images",
            "'definition' must be text, not a mapping; to write Markdown over several lines, "
            "write 'definition: |' and indent the lines under it",
        ),
        ("definition: [see, Tensor]", "'definition' must be text, not a list; put the whole value in quotes"),
    ],
)
def test_a_list_or_mapping_where_text_goes_gets_the_fix_the_editor_most_likely_needs(
    field: str, message: str
) -> None:
    """Was: all of these said to put the whole value in quotes, which for a list of categories
    makes one odd category and for Markdown written as a list keeps the dashes as text."""
    definition = "" if field.startswith("definition") else "definition: d\n"
    _, problems = parse(f"---\ntitle: T\n{field}\nsummary: s\n{definition}---\n")

    assert problems == [f"{PATH}:3: {message}"]


def test_a_duplicate_key_does_not_hide_the_other_problems_of_the_file() -> None:
    """Was: the first duplicate key was the file's only problem reported."""
    text = (
        "---\ntitle: D\ntitle: E\nsummary: s\nsummary: t\ndefinition: x\nbogus: 1\nupdated: 2025-13-01\n---\n"
    )

    term, problems = parse(text)

    assert problems == [
        f"{PATH}:3: duplicate key 'title' (first given on line 2)",
        f"{PATH}:5: duplicate key 'summary' (first given on line 4)",
        f"{PATH}:7: unknown field 'bogus'",
        f"{PATH}:8: 'updated' must be a date like 2025-03-01, not '2025-13-01'",
    ]
    assert term is not None and (term.title, term.summary) == ("D", "s")


def test_true_false_tagged_in_a_list_of_text_is_one_error_and_the_other_items_keep_their_lines() -> None:
    """Was: a traceback (the tag lines counted `true` as text, the tags did not)."""
    term, problems = parse(term_text("tags:\n  - ok\n  - !!bool no\n  - '!!!'\naliases: [!!bool on]\n"))

    assert problems == [
        f"{PATH}:8: each of 'tags' must be text, not true/false; remove the !!bool tag",
        f"{PATH}:10: each of 'aliases' must be text, not true/false; remove the !!bool tag",
    ]
    assert term is not None and (term.tags, term.tag_lines) == (("ok", "!!!"), (7, 9))


def test_yes_no_on_off_and_true_false_in_text_fields_keep_the_text_as_written() -> None:
    """Was: YAML 1.1 read them as true or false, so a cell `Yes` showed "True", a question `no`
    showed "False", and a tag `no` was an error."""
    text = (
        "---\ntitle: 'Yes'\nsummary: On\ndefinition: x\ntags: [no, Off, TRUE]\nfaq:\n  - q: yes\n    a: no\n"
        "tables:\n  - title: Open?\n    columns: [Model, Open weights]\n    rows:\n      - [A, Yes]\n"
        "      - [B, false]\nsources:\n  - title: on\n    url: https://example.org/\n---\n"
    )

    term, problems = parse(text)

    assert problems == [] and term is not None
    assert (term.title, term.summary, term.tags) == ("Yes", "On", ("no", "Off", "TRUE"))
    assert [(f.question, f.answer) for f in term.faq] == [("yes", "no")]
    assert term.tables[0].rows == (("A", "Yes"), ("B", "false"))
    assert [s.title for s in term.sources] == ["on"]


@pytest.mark.parametrize(("written", "value"), [("true", True), ("Yes", True), ("off", False), ("NO", False)])
def test_draft_still_takes_true_false_and_yes_no_on_off(written: str, value: bool) -> None:
    term, problems = parse(term_text(f"draft: {written}\n"))

    assert problems == [] and term is not None and term.draft is value


def test_cta_still_takes_false_and_no_or_off_but_not_true() -> None:
    for written in ("false", "No", "OFF"):
        term, problems = parse(term_text(f"cta: {written}\n"))
        assert problems == [] and term is not None and term.cta is False, written
    _, problems = parse(term_text("cta: yes\n"))
    assert problems == [f"{PATH}:6: 'cta' must be a block name from site.yml, a block, or false"]


def test_numbers_in_text_fields_keep_the_text_as_written() -> None:
    """Was: YAML 1.1 read the title `1:20` as 80, the alias `012` as 10 and the tag `3.10` as 3.1."""
    text = (
        "---\ntitle: '1:20'\nsummary: 1:20\ndefinition: 0b101\naliases: [012, 0x10, 1_000, 190:20:30, .nan]\n"
        "tags: [3.10, 1.0e+3]\nfaq:\n  - q: 1_000\n    a: 0.50\n---\n"
    )

    term, problems = parse(text)

    assert problems == [] and term is not None
    assert (term.summary, term.definition) == ("1:20", "0b101")
    assert term.aliases == ("012", "0x10", "1_000", "190:20:30", ".nan")
    assert term.tags == ("3.10", "1.0e+3")
    assert [(f.question, f.answer) for f in term.faq] == [("1_000", "0.50")]


def test_text_after_a_comment_mark_on_a_shown_field_is_a_warning_at_its_line() -> None:
    """Was: `definition: Probe Term #1 is great` published "Probe Term", and nothing said so."""
    text = (
        "---\ntitle: Probe Term\nsummary: One line.\ndefinition: Probe Term #1 is great\n"
        "tags: [a, b]  # the tags\nfaq:\n  - q: Why?\n    a: Because #reasons\n"
        "cta: false        # or the name of a block\nslug: probe-term  # the address\n"
        "updated: 2025-01-01 # today\n---\nBody.\n"
    )

    term, problems = parse(text)

    assert term is not None and term.definition == "Probe Term"
    assert problems == [
        f"{PATH}:4: warning: the text after ' #' is a YAML comment and is left out of 'definition'; "
        "to keep it, put the whole value in quotes",
        f"{PATH}:8: warning: the text after ' #' is a YAML comment and is left out of 'faq'; "
        "to keep it, put the whole value in quotes",
    ]


def test_tags_written_as_obsidian_writes_them_are_a_warning_and_a_plain_comment_is_not() -> None:
    """Was: `tags: #nlp #models` left the term with no tags and no word (all of it a YAML comment)."""
    text = (
        "---\ntitle: T\nsummary: S.\ndefinition: D.\ntags: #nlp #models\naliases:  # none yet\n---\nBody.\n"
    )

    term, problems = parse(text)

    assert term is not None and term.tags == ()
    assert problems == [
        f"{PATH}:5: warning: 'tags' is empty: YAML reads everything after ' #' as a comment; write the "
        "value without '#', as a list: tags: [one, two]"
    ]


def test_a_tag_written_with_a_hash_is_a_warning_at_its_line() -> None:
    """Was: shown as '#prompting' on every page, with no word; 'C#' is a tag like any."""
    text = "---\ntitle: T\nsummary: S.\ndefinition: D.\ntags:\n  - C#\n  - '#prompting'\n---\nBody.\n"

    term, problems = parse(text)

    assert term is not None and term.tags == ("C#", "#prompting")
    assert problems == [
        f"{PATH}:7: warning: tag '#prompting' starts with '#', as Obsidian writes tags, and every page "
        "shows it so; write 'prompting'"
    ]


def test_a_direction_control_left_open_in_a_shown_name_is_a_warning_at_its_line() -> None:
    """Was: a title "Alpha \u202egnp.exe" (a right-to-left override never closed) turned round
    the theme's words after it in the pager, the tab's title and lists, with no word. A closed
    one, an isolate closed by its PDI, and one in Markdown (a block of its own) say nothing."""
    text = (
        '---\ntitle: "Alpha \\u202Egnp.exe"\n'
        'summary: "Closed \\u202Ebackwards\\u202C, \\u2067\\u202Eisolated\\u2069."\n'
        "definition: 'Alpha, defined \u202e inside a paragraph.'\n"
        'aliases: [fine, "A \\u2067B"]\ncategory: "\\u202BC"\ntags: [ok]\n---\nBody.\n'
    )

    term, problems = parse(text)

    assert term is not None and term.title == "Alpha \u202egnp.exe"
    assert [p for p in problems if "leaves U+" in p] == [
        f"{PATH}:2: warning: 'title' leaves U+202E (right-to-left override) open, which turns the page's "
        "words after it around too; close it with U+202C or remove it",
        f"{PATH}:5: warning: 'aliases' leaves U+2067 (right-to-left isolate) open, which turns the page's "
        "words after it around too; close it with U+2069 or remove it",
        f"{PATH}:6: warning: 'category' leaves U+202B (right-to-left embedding) open, which turns the page's "
        "words after it around too; close it with U+202C or remove it",
    ]
    # quoted in a message, it is shown as an escape: raw, it turned the terminal's line around
    quoted = Diagnostic(PATH, 4, f"the definition never mentions '{term.title}'")
    assert str(quoted) == f"{PATH}:4: the definition never mentions 'Alpha \\u202egnp.exe'"


def test_a_todo_in_any_text_the_page_shows_is_a_warning_at_its_own_line() -> None:
    text = term_text(
        "aliases: [TODO]\ntags:\n  - x\n  - TODO tag\nrelated: [TODO]\ntables:\n  - title: Ranks\n"
        "    intro: |\n      First line.\n      TODO say more.\n    columns: [Rank, TODO]\n"
        "    rows:\n      - [a, b]\n      - [c, TODO]\n"
        "cta:\n  heading: H\n  text: TODO\n  button: B\n  url: /x/\n"
    )

    _, problems = parse(text)

    todo = "warning: a TODO placeholder is left in"
    assert problems == [
        f"{PATH}:6: {todo} 'aliases'; replace it",
        f"{PATH}:9: {todo} 'tags'; replace it",
        f"{PATH}:15: {todo} 'tables'; replace it",
        f"{PATH}:16: {todo} 'tables'; replace it",
        f"{PATH}:19: {todo} 'tables'; replace it",
        f"{PATH}:22: {todo} 'cta'; replace it",
    ]


def test_required_field_left_blank_is_reported_at_its_line() -> None:
    _, problems = parse("---\ntitle:\nsummary: An array.\ndefinition: An array.\n---\n")

    assert problems == [f"{PATH}:2: 'title' must not be empty"]


@pytest.mark.parametrize("written", ["~", "", " # to do"])
def test_a_title_written_as_tilde_or_nothing_is_empty_not_told_to_quote_a_word(written: str) -> None:
    """Only `title: Null` may be a term called Null; `~` or nothing is a title left out."""
    _, problems = parse(f"---\ntitle: {written}\nsummary: An array.\ndefinition: An array.\n---\n")

    assert problems == [f"{PATH}:2: 'title' must not be empty"]


def test_a_list_item_written_as_tilde_is_empty_and_one_written_null_is_told_to_quote_it() -> None:
    _, problems = parse(term_text("aliases:\n  - ~\n  - NULL\n  -\n"))

    assert problems == [
        f"{PATH}:7: each of 'aliases' must be non-empty text",
        f"{PATH}:8: each of 'aliases' must be non-empty text (YAML reads a bare NULL as nothing; to mean "
        'the word, quote it: "NULL")',
        f"{PATH}:9: each of 'aliases' must be non-empty text",
    ]


def test_a_blank_summary_is_not_told_about_quoting_null() -> None:
    _, problems = parse("---\ntitle: Tensor\nsummary:\ndefinition: An array.\n---\n")

    assert problems == [f"{PATH}:3: 'summary' must not be empty"]


def test_a_key_of_thousands_of_characters_is_quoted_cut_short() -> None:
    """Was: quoted in full, a line of over 4,000 characters that hid the file's name."""
    long = "7" * 4000
    _, problems = parse(term_text(f"? {long}\n: 1\n? {long}\n: 2\nsources:\n  - ? {long}\n    : x\n"))

    quoted = "7" * 40 + "…"
    assert problems == [
        f"{PATH}:6: unknown field '{quoted}'",
        f"{PATH}:8: duplicate key '{quoted}' (first given on line 6)",
        f"{PATH}:11: sources item needs non-empty text for 'title'",
        f"{PATH}:11: sources item needs non-empty text for 'url'",
        f"{PATH}:11: unknown key '{quoted}' in sources item",
    ]


def test_a_key_yaml_reads_as_null_is_named_as_written_at_its_line() -> None:
    """Was: "1: unknown field 'None'"."""
    _, problems = parse(term_text("null: y\n~: z\n"))

    assert problems == [f"{PATH}:6: unknown field 'null'", f"{PATH}:7: unknown field '~'"]


def test_a_title_yaml_reads_as_null_says_to_quote_it() -> None:
    _, problems = parse("---\ntitle: Null\nsummary: No value.\ndefinition: No value.\n---\n")
    quoted, fine = parse("---\ntitle: 'Null'\nsummary: No value.\ndefinition: No value.\n---\n")

    assert problems == [
        f"{PATH}:2: 'title' must not be empty (YAML reads a bare Null as nothing; to mean the word, "
        'quote it: "Null")'
    ]
    assert quoted is not None and quoted.title == "Null" and not fine


def test_a_list_item_written_as_a_wiki_link_or_a_mapping_says_what_it_is() -> None:
    """Was "each of 'related' must be non-empty text" for `[[Matrix]]`, which is not empty."""
    _, problems = parse(term_text("related:\n  - [[Matrix]]\n  - [a, b]\ntags: [[ML], ML: basics]\n"))

    assert problems == [
        f"{PATH}:7: each of 'related' must be text, not a list: [[Matrix]] is a list in the list to "
        "YAML, not a wiki-link; write the name alone: Matrix",
        f"{PATH}:8: each of 'related' must be text, not a list",
        f"{PATH}:9: each of 'tags' must be text, not a list: [[ML]] is a list in the list to YAML, "
        "not a wiki-link; write the name alone: ML",
        f"{PATH}:9: each of 'tags' must be text, not a mapping; put the whole item in quotes",
    ]


def test_empty_list_item_is_reported_at_the_item_line() -> None:
    _, problems = parse(term_text("tags:\n  - arrays\n  - ''\n"))

    assert problems == [f"{PATH}:8: each of 'tags' must be non-empty text"], "'' is not YAML's null"


@pytest.mark.parametrize("written", ['""', "'   '"])
def test_a_blank_category_is_an_error_like_a_blank_tag(written: str) -> None:
    """Was: taken as no category, silently, while `tags: ['']` was an error."""
    term, problems = parse(term_text(f"category: {written}\ntags: [arrays]\n"))

    assert problems == [f"{PATH}:6: 'category' must be non-empty text; to have no category, remove the key"]
    assert term is not None and term.category is None


def test_a_category_left_bare_is_still_no_category() -> None:
    term, problems = parse(term_text("category:\n"))

    assert problems == [] and term is not None and term.category is None


def test_summary_on_two_lines_is_an_error() -> None:
    text = "---\ntitle: Tensor\nsummary: |\n  An array\n  of numbers.\ndefinition: An array.\n---\n"

    _, problems = parse(text)

    assert problems == [f"{PATH}:3: 'summary' must be a single line"]


def test_a_name_on_two_lines_is_an_error_like_a_summary_on_two_lines() -> None:
    """Was: accepted; the page's <title>, its structured data, terms.json and the category and
    tag pages then named the term, category or tag with a line break in it, and a reference
    written as the name on one line named no term."""
    extra = (
        'aliases:\n  - |\n    Rank-n\n    array\ncategory: |\n  Linear\n  algebra\ntags: [maths, "a\\nb"]\n'
    )
    text = term_text(extra).replace("title: Tensor", "title: |\n  Ten\n  sor")

    _, problems = parse(text)

    assert problems == [
        f"{PATH}:2: 'title' must be a single line",
        f"{PATH}:9: each of 'aliases' must be a single line",
        f"{PATH}:12: 'category' must be a single line",
        f"{PATH}:15: each of 'tags' must be a single line{ESCAPED}",
    ]


ESCAPED = (
    ": in double quotes, '\\' starts an escape ('\\n' is a line break, '\\t' a tab); write '\\\\' "
    "for a backslash, or put the whole value in single quotes"
)


def test_a_line_break_an_escape_made_in_a_one_line_value_is_said_to_come_from_the_backslash() -> None:
    """Was "'summary' must be a single line" of a summary written on one line: in double quotes,
    `\\new` is a line break and "ew"."""
    one_line = HEAD.replace("axes.", 'axes, then \\new batch"').replace("summary: ", 'summary: "')
    two_lines = HEAD.replace("axes.", 'axes,\n\n  then new batch"').replace("summary: ", 'summary: "')
    text = one_line + 'aliases: ["C:\\temp\\new"]\n---\n'

    assert parse(text)[1] == [
        f"{PATH}:3: 'summary' must be a single line{ESCAPED}",
        f"{PATH}:6: each of 'aliases' must be a single line{ESCAPED}",
    ]
    assert parse(two_lines + "---\n")[1] == [f"{PATH}:3: 'summary' must be a single line"]


def test_unknown_field_is_an_error_that_suggests_the_nearest_field() -> None:
    _, problems = parse(term_text("catgory: Maths\n"))

    assert problems == [f"{PATH}:6: unknown field 'catgory'; did you mean 'category'?"]


def test_unknown_numeric_field_is_reported_at_its_line() -> None:
    _, problems = parse(term_text("2024: launched\n"))

    assert problems == [f"{PATH}:6: unknown field '2024'"]


OUTDENTED = (
    "this line is indented less than the text of '{0}' {1} it, so YAML does not read it as part of "
    "that text; indent it {2} spaces, as the lines {1} it"
)


def test_a_line_of_the_definition_not_indented_is_said_to_be_so_not_an_unknown_field() -> None:
    """Was "unknown field 'Emulsion means'": YAML reads a line indented no further than
    'definition:' as the next key, though it was meant as more of the definition."""
    _, problems = parse(
        term_text("Emulsion means: a stable mix\nOf two liquids: oil and water\naliases: [Mix]\n")
    )
    _, inside = parse(term_text("\nEmulsion means: a stable mix\n  of two liquids.\n"))

    assert problems == [
        f"{PATH}:6: {OUTDENTED.format('definition: |', 'above', 2)}",
        f"{PATH}:7: {OUTDENTED.format('definition: |', 'above', 2)}",
    ]
    assert inside == [f"{PATH}:7: {OUTDENTED.format('definition: |', 'above', 2)}"]


def test_a_first_line_of_the_definition_not_indented_is_not_also_an_empty_definition() -> None:
    """Was "'definition' must not be empty" at the key and "unknown field 'Emulsion means'"."""
    text = "---\ntitle: T\nsummary: S.\ndefinition: |\nEmulsion means: a stable mix\n  of two liquids.\n---\n"
    faq = term_text("faq:\n  - q: Why?\n    a: |\n    Because: it mixes\n      well.\n")

    assert parse(text)[1] == [f"{PATH}:5: {OUTDENTED.format('definition: |', 'below', 2)}"]
    assert parse(faq)[1] == [f"{PATH}:9: {OUTDENTED.format('a: |', 'below', 6)}"]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("note: x\n", "6: unknown field 'note'"),
        ("weight: 10\n", "6: unknown field 'weight'; lists here are in A–Z order"),
        ("Summary: S.\n", "6: unknown field 'Summary'; did you mean 'summary'?"),
        ("\nEmulsion means: a stable mix\n", "7: unknown field 'Emulsion means'"),
        ("aliases: [Mix]\nEmulsion means: a mix\n", "7: unknown field 'Emulsion means'"),
    ],
)
def test_a_key_after_the_definition_written_as_a_field_is_still_an_unknown_field(
    extra: str, expected: str
) -> None:
    """Only a line right under the text, not written as a field is (or going on over the lines
    below it, as the text does), is taken for a line of it; a field misspelt is one anywhere."""
    _, problems = parse(term_text(extra))

    assert len(problems) == 1 and problems[0].startswith(f"{PATH}:{expected}")


def test_numbers_in_text_fields_are_taken_as_text() -> None:
    term, problems = parse("---\ntitle: 2001\nsummary: 42\ndefinition: 3.5\naliases: [7]\n---\n")

    assert problems == []
    assert term is not None
    assert (term.title, term.summary, term.definition, term.aliases) == ("2001", "42", "3.5", ("7",))


# Slugs and file names


def test_bad_file_name_is_an_error_that_suggests_a_slug() -> None:
    _, problems = parse(term_text(), path="content/terms/Large Language Model.md")

    assert problems == [
        "content/terms/Large Language Model.md:1: file name 'Large Language Model.md' is not a valid "
        "slug; rename it to 'large-language-model.md' or add 'slug: large-language-model'"
    ]


def test_a_file_name_with_no_latin_letter_is_told_to_be_spelt_in_them_not_named_term_name() -> None:
    """Was: '機械学習.md' (and every other file named in Japanese, Chinese or Arabic) was told to
    become 'term-name.md', which two such files cannot both be."""
    _, problems = parse(term_text(), path="content/terms/機械学習.md")

    assert problems == [
        "content/terms/機械学習.md:1: file name '機械学習.md' is not a valid slug, and has no letter "
        "a-z to make one of: rename it, or add a 'slug:', in lowercase a-z, digits and hyphens "
        "(the term's name in Latin letters, such as its reading or a translation)"
    ]


def test_explicit_slug_replaces_a_bad_file_name() -> None:
    term, problems = parse(term_text("slug: large-language-model\n"), path="content/terms/LLM (big).md")

    assert problems == []
    assert term is not None
    assert term.slug == "large-language-model"


def test_explicit_slug_that_is_not_lowercase_with_hyphens_is_an_error() -> None:
    _, problems = parse(term_text("slug: Large_Model\n"))

    assert problems == [f"{PATH}:6: slug 'Large_Model' must be lowercase letters, digits and single hyphens"]


def test_explicit_slug_in_capitals_is_an_error_that_names_it_in_lowercase() -> None:
    """Was the same error as for 'Large_Model', with nothing to say that lowercase was all."""
    _, problems = parse(term_text("slug: Machine-Learning\n"))

    assert problems == [
        f"{PATH}:6: slug 'Machine-Learning' must be lowercase letters, digits and single hyphens; "
        "write 'machine-learning'"
    ]


def test_a_slug_that_is_a_list_is_named_as_one_not_printed_as_python() -> None:
    """Was: "slug '['a', 'b']' must be lowercase letters, digits and single hyphens"."""
    term, problems = parse(term_text("slug: [a, b]\n"))

    assert problems == [f"{PATH}:6: 'slug' must be text, not a list"]
    assert term is not None and term.slug == "tensor"


def test_slug_longer_than_a_folder_name_allows_is_an_error_at_its_line() -> None:
    _, problems = parse(term_text("slug: " + "-".join(["long"] * 70) + "\n"))

    assert problems == [
        f"{PATH}:6: slug '{'-'.join(['long'] * 70)}' is 349 characters long; a slug has at most 200"
    ]


def test_file_name_longer_than_a_slug_may_be_is_an_error() -> None:
    name = "-".join(["long"] * 45)  # 224 characters: a valid file name, too long a folder name

    _, problems = parse(term_text(), path=f"content/terms/{name}.md")

    assert problems == [
        f"content/terms/{name}.md:1: file name '{name}.md' is too long for a slug (at most 200 "
        "characters); shorten it or add a shorter 'slug:'"
    ]


def test_slugify_suggests_ascii_lowercase_hyphenated_names() -> None:
    assert slugs.slugify("Café au lait: naïve Bayes") == "cafe-au-lait-naive-bayes"
    assert slugs.slugify("  --GPT-4o--  ") == "gpt-4o"
    assert slugs.slugify("???") == ""
    # U+2019 (typed by French keyboards) breaks words as ' does: was "loeil-du-tigre"
    assert slugs.slugify("L\u2019\u0153il du tigre") == "l-oeil-du-tigre"
    assert slugs.slugify("L'\u0153il du tigre") == "l-oeil-du-tigre"


def test_slugify_spells_latin_letters_without_accents_as_their_languages_do() -> None:
    assert slugs.slugify("Straße") == "strasse"
    assert slugs.slugify("Æther, Œuvre") == "aether-oeuvre"
    assert slugs.slugify("Øresund Łódź Þorn") == "oresund-lodz-thorn"


def test_slugify_spells_greek_and_cyrillic_names_in_latin_letters() -> None:
    assert slugs.slugify("Λεξικό όρων") == "lexiko-oron"
    assert slugs.slugify("Нейронная сеть") == "neironnaya-set"
    assert slugs.slugify("日本語") == ""


def test_group_slugs_keep_letters_of_scripts_slugify_cannot_spell_and_spell_the_rest_as_before() -> None:
    assert slugs.group_slug("Safety & Policy") == "safety-policy"
    assert slugs.group_slug("Нейронная сеть") == "neironnaya-set"  # an address that built stays
    assert slugs.group_slug("GPT 日本語") == "gpt"  # likewise
    assert slugs.group_slug("机器学习") == "机器学习"
    assert slugs.group_slug("  تعلم  الآلة؟ ") == "تعلم-الآلة"
    assert slugs.group_slug("हिन्दी भाषा") == "हिन्दी-भाषा"  # the vowel signs stay
    assert slugs.group_slug("ႠႡ ⴀ") == "ⴀⴁ-ⴀ"  # lowercased, as Latin names are
    assert slugs.group_slug("ка́") == "ka"  # NFC: the same name typed either way
    assert slugs.group_slug("שׁלוֹם") == slugs.group_slug("שׁלוֹם")
    assert slugs.group_slug("می‌خواهم") == "میخواهم"  # an invisible joiner is no word break
    assert slugs.group_slug("???") == ""


def test_heading_anchors_keep_letters_of_every_script_and_python_markdowns_ids_for_the_rest() -> None:
    assert slugs.heading_anchor("GPU 计算", "-") == "gpu-计算"
    assert slugs.heading_anchor("كيف تعمل؟", "-") == "كيف-تعمل"
    assert slugs.heading_anchor("हिन्दी भाषा", "-") == "हिन्दी-भाषा"  # the vowel signs stay
    assert slugs.heading_anchor("❤️ 🚀", "-") == ""  # no letter: Python-Markdown numbers it
    # a Latin letter is spelled as in a slug, not kept as written (was "lhistoire-de-lœuvre")
    assert slugs.heading_anchor("L\u2019histoire de l'\u0153uvre", "-") == "lhistoire-de-loeuvre"
    assert slugs.heading_anchor("C\u0153ur, ÆTHER, Straße", "_") == "coeur_aether_strasse"
    assert slugs.heading_anchor("Нейронная сеть", "-") == "нейронная-сеть"  # as before
    for text in ["Über uns", "  C++ & Python_3: a (short) intro! ", "ＧＰＵ ½", "x\u0301y", "- A -"]:
        assert slugs.heading_anchor(text, "-") == toc.slugify(text, "-"), text


# Dates


def test_updated_date_is_read_from_plain_or_quoted_iso_dates() -> None:
    plain, _ = parse(term_text("updated: 2025-03-01\n"))
    quoted, _ = parse(term_text("updated: '2025-03-01'\n"))

    assert plain is not None and quoted is not None
    assert plain.updated == quoted.updated == dt.date(2025, 3, 1)


@pytest.mark.parametrize("value", ["2025-03-01 10:30:00", "2025-03-01T10:30:00Z"])
def test_updated_timestamp_is_read_as_its_date(value: str) -> None:
    term, problems = parse(term_text(f"updated: {value}\n"))

    assert problems == []
    assert term is not None
    assert term.updated == dt.date(2025, 3, 1)


@pytest.mark.parametrize(
    "value", ["next week", "2025-3-1", "01/03/2025", "20250301", "2025-W09-6", "2025-060"]
)
def test_invalid_date_is_an_error_showing_the_expected_form(value: str) -> None:
    _, problems = parse(term_text(f"updated: {value}\n"))

    assert problems == [f"{PATH}:6: 'updated' must be a date like 2025-03-01, not '{value}'"]


def test_impossible_date_is_an_error_not_a_crash() -> None:
    _, problems = parse(term_text("updated: 2025-02-30\n"))

    assert problems == [f"{PATH}:6: 'updated' must be a date like 2025-03-01, not '2025-02-30'"]


@pytest.mark.parametrize(
    ("value", "named"),
    [
        ("[2025, 2026]", "a list"),
        ("!!set {a}", "a set (!!set)"),
        ("!!binary aGVsbG8=", "binary data (!!binary)"),
    ],
)
def test_a_date_that_is_not_text_is_named_by_its_kind_not_by_python(value: str, named: str) -> None:
    """Was: Python's own rendering of the value, such as "not '{'a'}'" or "not 'b'hello''"."""
    _, problems = parse(term_text(f"updated: {value}\n"))

    assert problems == [f"{PATH}:6: 'updated' must be a date like 2025-03-01, not {named}"]


# Tables, FAQ, sources, call to action


def test_table_loads_with_its_cells_as_text() -> None:
    extra = """\
tables:
  - title: Landscape
    columns: [Modality, Models]
    rows:
      - [Text, "GPT-4o, Claude"]
      - [Image, 3]
"""
    term, problems = parse(term_text(extra))

    assert problems == []
    assert term is not None
    assert term.tables == (
        Table(
            "Landscape",
            ("Modality", "Models"),
            (("Text", "GPT-4o, Claude"), ("Image", "3")),
            7,
            id="landscape",
            intro_line=7,
            row_lines=(10, 11),
        ),
    )


def test_table_row_with_the_wrong_number_of_cells_is_reported_at_the_row_line() -> None:
    extra = """\
tables:
  - title: Landscape
    columns: [Modality, Models]
    rows:
      - [Text, GPT-4o]
      - [Image]
      - [Video, Sora, Veo]
"""
    term, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:11: table 'Landscape' row 2 has 1 cell but the table has 2 columns",
        f"{PATH}:12: table 'Landscape' row 3 has 3 cells but the table has 2 columns",
    ]
    assert term is not None and [table.rows for table in term.tables] == [(("Text", "GPT-4o"),)], (
        "kept without its bad rows, so the links in the good ones are checked in the same run"
    )


def test_a_cell_that_is_a_list_or_mapping_is_named_as_the_cell_at_its_row() -> None:
    """Was: "a table row must be a list of cells" for a row that is one, with a bad cell."""
    extra = """\
tables:
  - title: Landscape
    columns: [Modality, Models]
    rows:
      - [Text, [GPT-4o, Claude]]
      - [Image, {name: DALL-E}]
      - Video
"""
    _, problems = parse(term_text(extra))

    quote = "put the whole cell in quotes"
    assert problems == [
        f"{PATH}:10: table 'Landscape' row 1 cell 2 must be text, not a list; {quote}",
        f"{PATH}:11: table 'Landscape' row 2 cell 2 must be text, not a mapping; {quote}",
        f"{PATH}:12: a table row must be a list of cells, such as [GPT-4, text]",
    ]


def test_table_without_columns_or_rows_is_an_error() -> None:
    extra = "tables:\n  - title: No columns\n    rows: [[a]]\n  - title: No rows\n    columns: [A]\n"

    _, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:7: table needs 'columns': a list of column names",
        f"{PATH}:9: table needs 'rows': a list of rows",
    ]


def test_columns_or_rows_written_but_not_as_lists_say_what_to_write_not_that_they_are_missing() -> None:
    """Was: "table needs 'columns'", as if the line were not there, for the names as one text."""
    extra = (
        "tables:\n  - title: Sizes\n    columns: Model, Size\n    rows: a, b\n"
        "  - title: Nested\n    columns: [[Model, Size]]\n    rows: [[a]]\n"
    )

    _, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:8: 'columns' must be a list of column names, not one text; write columns: [Model, Size]",
        f"{PATH}:9: 'rows' must be a list of rows, not one text; write each row on a line of its own "
        "under 'rows:', as - [cell, cell]",
        f"{PATH}:11: table 'Nested' column 1 must be text, not a list; put the whole name in quotes",
    ]


def test_every_column_name_that_is_not_text_is_an_error_at_its_own_line() -> None:
    """Was: only the first, at the line of 'columns:'."""
    extra = "tables:\n  - title: Sizes\n    columns:\n      - Model\n      - [a]\n      - {b: c}\n"
    extra += "    rows: [[a, b, c]]\n"

    _, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:10: table 'Sizes' column 2 must be text, not a list; put the whole name in quotes",
        f"{PATH}:11: table 'Sizes' column 3 must be text, not a mapping; put the whole name in quotes",
    ]


def test_a_table_left_empty_says_so_and_what_to_write() -> None:
    """Was: 'table needs 'rows': a list of rows' for `rows: []`, which is a list of rows."""
    extra = "tables:\n  - title: Empty\n    columns: []\n    rows: []\n"

    term, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:8: table 'Empty' has no columns; name at least one, as in columns: [Name, Meaning]",
        f"{PATH}:9: table 'Empty' has no rows; add at least one, a list of cells such as "
        "- [cell, cell], or remove the table",
    ]
    assert term is not None and term.tables == ()


def test_a_marker_naming_no_table_lists_the_files_tables_with_errors_too() -> None:
    """Was: "this file's tables: products", in a file that also has the table 'makers', whose
    error is reported above: the editor was told the file has no such table."""
    extra = (
        "tables:\n  - title: Makers\n    columns: [Maker, Chip]\n    rows: [[Google]]\n"
        "  - title: Products\n    columns: [A]\n    rows: [[x]]\n"
    )

    _, problems = parse(term_text(extra, body="\nText.\n\n{{< table sizes >}}\n"))

    assert problems[1:] == [
        f"{PATH}:17: no table with the id 'sizes'; this file's tables: products, and makers, which "
        "could not be built, for the errors reported at them"
    ]


def test_a_column_without_a_name_is_an_error_at_its_line() -> None:
    """Was: accepted, and the page showed a table with blank column headings."""
    extra = """\
tables:
  - title: Blank headings
    columns: [A, null, ""]
    rows: [[x, y, z]]
  - title: Block list
    columns:
      - A
      -
      - "  "
    rows: [[x, y, z]]
"""
    term, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:8: table 'Blank headings' column 2 has no name; give every column a name",
        f"{PATH}:8: table 'Blank headings' column 3 has no name; give every column a name",
        f"{PATH}:13: table 'Block list' column 2 has no name; give every column a name",
        f"{PATH}:14: table 'Block list' column 3 has no name; give every column a name",
    ]
    assert term is not None and term.tables == ()


def test_a_column_name_given_twice_is_a_warning_and_the_table_is_kept() -> None:
    """Was: accepted silently, and the page's table had two columns headed alike."""
    extra = (
        "tables:\n  - title: Scores\n    columns: [Model, Score, score, Model]\n    rows: [[a, 1, 2, b]]\n"
    )

    term, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:8: warning: table 'Scores' column 3 has the name of column 2, 'score'; "
        "give each column its own name",
        f"{PATH}:8: warning: table 'Scores' column 4 has the name of column 1, 'Model'; "
        "give each column its own name",
    ]
    assert term is not None and term.tables[0].columns == ("Model", "Score", "score", "Model")


def test_every_problem_of_a_table_item_is_reported_in_one_run() -> None:
    """Was: an unknown key hid the rest of the item, bad columns hid the rows and the id, and
    columns written as one text or with a name not text hid the rows' cell counts."""
    extra = """\
tables:
  - title: Unknown key
    extra: x
    columns: [A, B]
    rows: [[1, 2, 3]]
  - title: Bad everything
    id: Bad_ID
    columns: A
    rows: {a: 1}
  - title: Common cuts
    columns: Name, Size
    rows:
      - [Julienne, 2 mm]
      - [Brunoise, 2 mm, cube]
      - Batonnet, 6 mm
  - title: Nested name
    columns: [Name, [Size]]
    rows: [[a, b, c]]
"""
    _, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:8: unknown key 'extra' in tables item",
        f"{PATH}:10: table 'Unknown key' row 1 has 3 cells but the table has 2 columns",
        f"{PATH}:12: table id 'Bad_ID' must be lowercase letters, digits and single hyphens",
        f"{PATH}:13: 'columns' must be a list of column names, not one text; write columns: [A]",
        f"{PATH}:14: 'rows' must be a list of rows, not a mapping; write each row on a line of its own "
        "under 'rows:', as - [cell, cell]",
        f"{PATH}:16: 'columns' must be a list of column names, not one text; write columns: [Name, Size]",
        f"{PATH}:19: table 'Common cuts' row 2 has 3 cells but the table has 2 columns",
        f"{PATH}:20: a table row must be a list of cells, such as [GPT-4, text]",
        f"{PATH}:22: table 'Nested name' column 2 must be text, not a list; put the whole name in quotes",
        f"{PATH}:23: table 'Nested name' row 1 has 3 cells but the table has 2 columns",
    ]


def test_two_tables_with_one_id_are_reported_though_the_first_has_a_bad_row() -> None:
    item = "  - title: T\n    columns: [A]\n    rows: [[1{}]]\n"
    extra = "tables:\n" + item.format(", 2") + item.format("")

    _, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:9: table 'T' row 1 has 2 cells but the table has 1 column",
        f"{PATH}:10: table 2 has the title of table 1, 'T', and so its id 't'; give each table its own title",
    ]


def test_a_table_titled_as_another_is_a_warning_at_its_title_and_both_are_kept() -> None:
    """Was: accepted silently; the page showed two tables under one heading."""
    item = "  - title: {}\n    id: {}\n    columns: [A]\n    rows: [[1]]\n"
    extra = (
        "tables:\n" + item.format("Sizes", "a") + item.format("Shapes", "b") + item.format("' sizes '", "c")
    )

    term, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:15: warning: table 3 has the title of table 1, 'sizes'; give each table its own title"
    ]
    assert term is not None and [table.id for table in term.tables] == ["a", "b", "c"]


def test_tables_with_one_id_and_one_title_are_told_of_both() -> None:
    """Two mistakes: an id written twice, and a title. The advice for the id, given in both,
    is to change one (was: "give one an 'id:'", which both have)."""
    item = "  - title: T\n    id: x\n    columns: [A]\n    rows: [[1]]\n"

    _, problems = parse(term_text("tables:\n" + item + item))

    assert problems == [
        f"{PATH}:11: warning: table 2 has the title of table 1, 'T'; give each table its own title",
        f"{PATH}:12: two tables have the id 'x'; give one another",
    ]


def test_a_source_url_written_as_a_mapping_is_one_error_not_also_a_url_with_spaces() -> None:
    """Was also "source url '{'href': …}' must not contain spaces", Python's spelling of it."""
    _, problems = parse(term_text("sources:\n  - title: X\n    url: {href: 'https://x.org/'}\n"))

    assert problems == [
        f"{PATH}:8: 'url' of a sources item must be text, not a mapping; put the whole value in quotes"
    ]


def test_a_table_without_a_title_is_named_by_its_place_in_its_other_problems() -> None:
    """Was "table '' row 1 has 1 cell …"."""
    extra = "tables:\n  - title: T\n    columns: [A]\n    rows: [[1]]\n  - columns: [A, B]\n    rows: [[1]]\n"

    _, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:10: tables item needs non-empty text for 'title'",
        f"{PATH}:11: table 2 row 1 has 1 cell but the table has 2 columns",
    ]


def test_a_source_with_a_bad_title_still_has_its_url_checked() -> None:
    _, problems = parse(term_text("sources:\n  - title: [x]\n    url: 'javascript:x'\n"))

    assert problems == [
        f"{PATH}:7: 'title' of a sources item must be text, not a list; put the whole value in quotes",
        f"{PATH}:8: source url 'javascript:x' must be an http(s) address, a mailto: address or a path on "
        "this site like /pricing/",
    ]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        (
            "faq:\n  q: What is a tensor?\n  a: An array.\n",
            "6: 'faq' must be a list of items (keys: q, a), not a mapping; start each item with '- '",
        ),
        (
            "tables:\n  title: Ranks\n  columns: [A]\n  rows: [[1]]\n",
            "6: 'tables' must be a list of items (keys: title, id, intro, columns, rows), not a mapping; "
            "start each item with '- '",
        ),
        (
            "sources: https://arxiv.org/\n",
            "6: 'sources' must be a list of items (keys: title, url), not text",
        ),
    ],
)
def test_a_list_of_items_written_otherwise_says_how_to_write_it(extra: str, expected: str) -> None:
    """Was "'faq' must be a list", which does not say that each item needs its '- '."""
    _, problems = parse(term_text(extra))

    assert problems == [f"{PATH}:{expected}"]


def test_faq_item_missing_its_answer_is_reported_at_the_item_line() -> None:
    extra = "faq:\n  - q: What is a tensor?\n  - q: Is a matrix a tensor?\n    a: Yes, of rank two.\n"

    term, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:7: practice question 'What is a tensor?' has no answer; add 'a: ...' under its "
        "'q:', lined up with it"
    ]
    assert term is None or term.faq == (
        Faq("Is a matrix a tensor?", "Yes, of rank two.", 8, 9, question_line=8),
    )


def test_a_practice_question_asked_twice_is_a_warning_at_the_second_and_both_are_kept() -> None:
    """Was: accepted silently; the page showed the question twice, and so did its FAQPage data."""
    extra = (
        "faq:\n  - q: What is a tensor?\n    a: An array.\n  - q: Is it a matrix?\n    a: Not always.\n"
        "  - q: '  what is a TENSOR?  '\n    a: An array with axes.\n"
        "  - q: What is a tensor?\n    a: A third time.\n"
    )

    term, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:11: warning: practice question 'what is a TENSOR?' is listed already (line 7); remove one",
        f"{PATH}:13: warning: practice question 'What is a tensor?' is listed already (line 7); remove one",
    ]
    assert term is not None and [f.answer for f in term.faq] == [
        "An array.",
        "Not always.",
        "An array with axes.",
        "A third time.",
    ]


def test_a_practice_question_asked_twice_on_one_line_is_listed_twice() -> None:
    _, problems = parse(term_text("faq: [{q: Why?, a: One.}, {q: why?, a: Two.}]\n"))

    assert problems == [f"{PATH}:6: warning: practice question 'why?' is listed twice; remove one"]


def test_faq_answer_that_is_empty_or_a_list_is_reported_at_its_own_line() -> None:
    """Was: at the question's line, two lines above; and a list was said to need "non-empty
    text", which the editor had written."""
    extra = "faq:\n  - q: What is a tensor?\n    a:\n  - q: Is a matrix one?\n    a: [yes]\n"

    _, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:8: practice question 'What is a tensor?' has an empty answer; write the answer "
        "after its 'a: '",
        f"{PATH}:10: 'a' of a faq item must be text, not a list; put the whole value in quotes",
    ]


def test_a_faq_question_or_table_title_that_yaml_reads_as_a_mapping_says_to_quote_it() -> None:
    extra = "faq:\n  - q: {Hard}\n    a: x\ntables:\n  - title: {Ranks}\n    columns: [A]\n    rows: [[1]]\n"

    _, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:7: 'q' of a faq item must be text, not a mapping; put the whole value in quotes",
        f"{PATH}:10: 'title' of a tables item must be text, not a mapping; put the whole value in quotes",
    ]


def test_faq_item_with_a_long_key_name_is_one_error_the_key_and_what_it_means() -> None:
    """Was also "faq item needs non-empty text for 'a'": one mistake, reported once."""
    _, problems = parse(term_text("faq:\n  - q: Why?\n    answer: Because.\n"))

    assert problems == [f"{PATH}:8: unknown key 'answer' in faq item; did you mean 'a'?"]


def test_faq_item_with_a_misspelt_long_key_name_is_one_error_the_key_and_what_it_means() -> None:
    """Was also "faq item needs non-empty text for 'q'" (and 'a'), and no "did you mean": 'questin'
    is close to no key of an item, only to the 'question' that stands for 'q'."""
    _, problems = parse(term_text("faq:\n  - questin: Why?\n    answr: Because.\n"))

    assert problems == [
        f"{PATH}:7: unknown key 'questin' in faq item; did you mean 'q'?",
        f"{PATH}:8: unknown key 'answr' in faq item; did you mean 'a'?",
    ]


@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        ("lastmod: 2025-01-01\n", "6: unknown field 'lastmod'; did you mean 'updated'?"),
        ("description: An array.\n", "6: unknown field 'description'; did you mean 'summary'?"),
        (
            "sources:\n  - name: Paper\n    link: https://arxiv.org/\n",
            "8: unknown key 'link' in sources item; did you mean 'url'?",
        ),
        (
            "tables:\n  - title: T\n    headers: [A]\n    rows: [[1]]\n",
            "8: unknown key 'headers' in tables item; did you mean 'columns'?",
        ),
    ],
)
def test_a_key_other_generators_use_suggests_ours(extra: str, expected: str) -> None:
    _, problems = parse(term_text(extra))

    assert f"{PATH}:{expected}" in problems


@pytest.mark.parametrize("key", ["practice_questions", "practice_questionss", "questions"])
def test_a_key_named_for_the_practice_questions_heading_suggests_faq(key: str) -> None:
    """Was no "did you mean" ('questions' was told 'summary'): the page heads them "Practice
    questions", and no field is spelt like that."""
    _, problems = parse(term_text(f"{key}:\n  - q: Why?\n    a: Because.\n"))

    assert problems == [f"{PATH}:6: unknown field '{key}'; did you mean 'faq'?"]


def test_an_index_file_in_a_folder_is_warned_to_be_the_term_index_not_the_folders_page() -> None:
    """Was silent: Hugo's page bundle content/terms/tensor/index.md became the term at
    terms/index/. A term file index.md directly in content/terms/ is the term "Index"."""
    _, problems = parse(term_text(), path="content/terms/tensor/index.md")

    assert problems == [
        "content/terms/tensor/index.md:1: warning: this file's page is terms/index/, not its folder's as a "
        "Hugo page bundle's is; rename it to 'tensor.md' or add 'slug: tensor'"
    ]
    assert parse(term_text(), path="content/terms/index.md")[1] == []
    assert parse(term_text("slug: tensor\n"), path="content/terms/tensor/index.md")[1] == []


def test_source_item_with_a_misspelt_key_is_one_error_that_suggests_the_right_one() -> None:
    """Was also "sources item needs non-empty text for 'title'": one mistake, reported once,
    as for a misspelt field."""
    term, problems = parse(term_text("sources:\n  - titel: Paper\n    url: https://arxiv.org/\n"))

    assert problems == [f"{PATH}:7: unknown key 'titel' in sources item; did you mean 'title'?"]
    assert term is not None
    assert term.sources == ()


def test_table_item_with_misspelt_keys_is_one_error_for_each() -> None:
    """Each was also "table needs 'columns'"/"... 'rows'", or "tables item needs non-empty
    text for 'title'"."""
    extra = "tables:\n  - titel: T\n    colums: [A]\n    rws: [[1]]\n"

    _, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:7: unknown key 'titel' in tables item; did you mean 'title'?",
        f"{PATH}:8: unknown key 'colums' in tables item; did you mean 'columns'?",
        f"{PATH}:9: unknown key 'rws' in tables item; did you mean 'rows'?",
    ]


def test_an_item_key_written_empty_beside_a_misspelt_one_is_still_reported() -> None:
    extra = "sources:\n  - titel: Paper\n    title: ''\n    url: https://arxiv.org/\n"

    _, problems = parse(term_text(extra))

    assert problems == [
        f"{PATH}:7: unknown key 'titel' in sources item; did you mean 'title'?",
        f"{PATH}:8: sources item needs non-empty text for 'title'",
    ]


def test_faq_answer_line_is_where_its_text_starts() -> None:
    term, _ = parse(term_text("faq:\n  - q: Why?\n    a: |\n      Because.\n"))

    assert term is not None
    assert term.faq == (Faq("Why?", "Because.", 7, 9, question_line=7),)


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("javascript:alert(1)", "must be an http(s) address"),
        ("JavaScript:alert(document.cookie)", "must be an http(s) address"),
        ("data:text/html,x", "must be an http(s) address"),
        ("https://example.org:99999/", "has port '99999'; a port is a number from 1 to 65535"),
        ("http://", "has no host name"),
    ],
)
def test_unsafe_or_broken_source_url_is_refused_at_its_line(url: str, reason: str) -> None:
    extra = f"sources:\n  - title: Trap\n    url: '{url}'\n  - title: Paper\n    url: https://arxiv.org/abs/1706.03762\n"

    term, problems = parse(term_text(extra))

    assert len(problems) == 1 and problems[0].startswith(f"{PATH}:8: source url '{url}' {reason}"), problems
    assert term is None or term.sources == (Source("Paper", "https://arxiv.org/abs/1706.03762"),)


def test_inline_cta_block_is_checked_like_one_in_site_yml() -> None:
    extra = "cta:\n  heading: Try it\n  text: Now.\n  url: /try/\n"

    _, problems = parse(term_text(extra))

    assert problems == [f"{PATH}:6: cta block is missing text for 'button'"]


def test_inline_cta_block_with_a_misspelt_key_is_one_error_at_that_keys_line() -> None:
    extra = "cta:\n  heading: Try it\n  txt: Now.\n  button: Go\n  url: /try/\n"

    _, problems = parse(term_text(extra))

    assert problems == [f"{PATH}:8: unknown cta block key 'txt'; did you mean 'text'?"]


def test_each_cta_key_problem_is_reported_at_that_keys_line() -> None:
    extra = "cta:\n  heading: Try it\n  text: [a]\n  buton: Go\n  button: ''\n  url: javascript:x\n"

    _, problems = parse(term_text(extra))

    assert sorted(problems) == [
        f"{PATH}:10: cta block is missing text for 'button'",
        f"{PATH}:11: cta url 'javascript:x' must be an http(s) address, a mailto: address or a path "
        "on this site like /pricing/",
        f"{PATH}:8: 'text' of a cta block must be text, not a list; put the whole value in quotes",
        f"{PATH}:9: unknown cta block key 'buton'; did you mean 'button'?",
    ]


def test_site_yml_cta_settings_in_a_term_are_one_error_saying_where_they_go() -> None:
    """Was five errors: 'blocks' an unknown block key, and each of the four keys missing."""
    term, problems = parse(term_text("cta:\n  blocks: []\n"))

    assert problems == [
        f"{PATH}:7: 'blocks' is a setting of site.yml's 'cta', not of a term's; a term's 'cta' is a "
        "block name from site.yml, a block, or false"
    ]
    assert term is not None and term.cta is None


def test_cta_may_name_a_block_give_one_or_be_switched_off() -> None:
    named, _ = parse(term_text("cta: stack-builder\n"))
    inline, _ = parse(term_text("cta: {heading: H, text: T, button: B, url: /b/}\n"))
    off, _ = parse(term_text("cta: false\n"))

    assert named is not None and inline is not None and off is not None
    assert named.cta == "stack-builder"
    assert named.cta_line == 6
    assert inline.cta == CtaBlock("H", "T", "B", "/b/")
    assert off.cta is False


# Reading files


def test_files_are_found_in_sorted_order_including_sub_folders(tmp_path: Path) -> None:
    for rel in ("zeta.md", "alpha.md", "models/gpt.md", "models/bert.md", "basics/token.md"):
        write(tmp_path, f"content/terms/{rel}", "")
    write(tmp_path, "content/terms/notes.txt", "")
    write(tmp_path, "content/terms/.hidden.md", "")
    write(tmp_path, "content/terms/.drafts/secret.md", "")

    assert content_files.find_term_files(tmp_path) == [
        "content/terms/alpha.md",
        "content/terms/basics/token.md",
        "content/terms/models/bert.md",
        "content/terms/models/gpt.md",
        "content/terms/zeta.md",
    ]


def test_crlf_file_loads_with_the_same_lines_as_lf(tmp_path: Path) -> None:
    write(tmp_path, "content/terms/tensor.md", term_text("catgory: Maths\n").replace("\n", "\r\n"))

    terms, problems = load(tmp_path)

    assert problems == [f"{PATH}:6: unknown field 'catgory'; did you mean 'category'?"]
    assert [t.body for t in terms if t.title == "Tensor"] == ["\nBody text.\n"]


def test_file_with_a_byte_order_mark_loads(tmp_path: Path) -> None:
    write(tmp_path, "content/terms/tensor.md", b"\xef\xbb\xbf" + term_text().encode())

    terms, problems = load(tmp_path)

    assert problems == []
    assert [(t.slug, t.title) for t in terms] == [("tensor", "Tensor")]


def test_invalid_utf8_is_reported_at_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    write(tmp_path, "content/terms/tensor.md", term_text().encode().replace(b"axes", b"ax\xe9s"))

    terms, problems = load(tmp_path)

    assert problems == [f"{PATH}:3: file is not valid UTF-8; save it as UTF-8"]
    assert terms == []


def test_a_control_character_in_the_body_is_an_error_at_each_line_that_has_one() -> None:
    """Was: a pasted ESC or DEL went into the page unseen (invalid HTML), a NUL vanished. Each
    line names every such character it holds (was: the first, so each took a run of its own)."""
    body = "\nText \x1b[31m and \x7f\x1b[0m.\nFine, form feed \x0c too.\nA\x00B\x02\x00\n"

    term, problems = parse(term_text(body=body))

    assert term is not None
    assert problems == [
        f"{PATH}:8: characters U+001B and U+007F are not allowed in a web page; remove them",
        f"{PATH}:10: characters U+0000 and U+0002 are not allowed in a web page; remove them",
    ]


@pytest.mark.parametrize("character", ["\x85", "\x9f", "\ufdd0", "\ufffe", "\U0001fffe", "\U0010ffff"])
def test_a_noncharacter_or_c1_control_among_other_text_is_an_error_at_its_line(character: str) -> None:
    """Checked among tabs, non-breaking spaces and other scripts, which pass as page text."""
    body = f"\nCaf\u00e9\tna\u00efve \u2014 \u0394\u03b5\u00a0x.\nSee {character} here.\n"

    term, problems = parse(term_text(body=body))

    assert term is not None
    assert problems == [f"{PATH}:9: character U+{ord(character):04X} is not allowed in a web page; remove it"]


def test_read_text_turns_crlf_and_lone_cr_into_newlines(tmp_path: Path) -> None:
    file = tmp_path / "t.md"
    file.write_bytes(b"a\r\nb\rc\n")

    assert front_matter.read_text(file, "t.md") == "a\nb\nc\n"


def test_one_broken_file_does_not_stop_the_others_from_loading(tmp_path: Path) -> None:
    write(tmp_path, "content/terms/a-broken.md", "no front matter\n")
    write(tmp_path, "content/terms/b-unclosed.md", "---\ntitle: B\n")
    write(tmp_path, "content/terms/tensor.md", term_text())

    terms, problems = load(tmp_path)

    assert problems == [
        "content/terms/a-broken.md:1: no front matter; the file must start with a '---' line, then YAML, "
        "then '---'",
        "content/terms/b-unclosed.md:1: front matter is not closed; add a '---' line after the YAML",
    ]
    assert [t.slug for t in terms] == ["tensor"]


# What a term file copied from Hugo or MkDocs brings


REPEATED_TITLE = (
    f"{PATH}:8: warning: this heading repeats the term's title, which its page shows as its heading "
    "already; delete this line"
)


@pytest.mark.parametrize(
    "heading", ["# Tensor", "#  **tensor** #", "   # TENSOR", "Tensor\n======", "Tensor\n="]
)
def test_a_body_that_opens_with_the_title_as_a_heading_is_warned_to_delete_it(heading: str) -> None:
    """Was silent: a MkDocs page starts with `# Title`, so the page showed its title twice, the
    second time as the article's first heading. The same for `Title` over a line of '=' (was:
    only the '#' heading)."""
    _, problems = parse(term_text(body=f"\n{heading}\n\nBody text.\n"))

    assert problems == [REPEATED_TITLE]


@pytest.mark.parametrize(
    "body",
    [
        "\n# Background\n\nBody text.\n",
        "\n## Tensor\n\nBody text.\n",
        "\nA tensor is an array.\n\n# Tensor\n",
        "\n```markdown\n# Tensor\n```\n",
        "\nTensor\n------\n",
        "\nTensor\nof rank 2\n======\n",
        "\n    Tensor\n======\n",
    ],
)
def test_a_heading_that_is_not_the_title_or_not_first_is_no_repeat(body: str) -> None:
    _, problems = parse(term_text(body=body))

    assert problems == []


def test_a_hash_with_no_space_after_it_is_warned_of_as_a_heading_only_here() -> None:
    """`#Tensor` or Obsidian's `#tag #other`: Python-Markdown makes a heading of it, CommonMark
    (GitHub, Hugo) text; was shown as a heading with no word (and is no repeat of the title)."""
    _, problems = parse(term_text(body="\n#Tensor\n"))

    assert problems == [
        f"{PATH}:8: warning: '#Tensor' is a heading here, as '#' with no space after it is to "
        "Python-Markdown, but text on GitHub and in Hugo, and tags in Obsidian: for a heading, write a "
        "space after the '#'; for tags, list them in the front matter's 'tags'"
    ]


@pytest.mark.parametrize(
    ("field", "said"),
    [
        ("weight: 10", "unknown field 'weight'; lists here are in A–Z order, and there is no order set"),
        ("url: /glossary/gpu/", "unknown field 'url'; a term's address is terms/<slug>/"),
        ("publishDate: 2024-01-01", "unknown field 'publishDate'; a term is published unless it is a draft"),
        ("expiryDate: 2030-01-01", "unknown field 'expiryDate'; no date takes a page down"),
        ("layout: wide", "unknown field 'layout'; each kind of page has one template"),
    ],
)
def test_a_hugo_field_with_no_counterpart_says_what_to_do_instead(field: str, said: str) -> None:
    """Was: "unknown field 'weight'" (or 'url', 'publishDate'...), with no word of what does
    that job here, or that nothing does."""
    _, problems = parse(term_text(field + "\n"))

    assert len(problems) == 1
    assert problems[0].startswith(f"{PATH}:6: {said}")


def test_hugo_code_highlighting_says_to_write_a_fenced_code_block() -> None:
    """Was: "this line is not a table marker, the only shortcode there is", at both lines, with
    an image for an example of what to write instead."""
    body = '\n{{< highlight go "linenos=table" >}}\nfmt.Println(1)\n{{< /highlight >}}\n'

    _, problems = parse(term_text(body=body))

    assert problems == [
        f"{PATH}:8: '{{{{< highlight go \"linenos=table\" >}}}}' is Hugo's code highlighting, which is "
        "not read here; write a fenced code block instead: ```go in its place, and ``` in place of "
        "'{{< /highlight >}}'",
        f"{PATH}:10: '{{{{< /highlight >}}}}' ends Hugo's code highlighting, which is not read here; write "
        "``` in its place, to end a fenced code block",
    ]


def test_a_hugo_ref_in_running_text_says_to_link_the_term_in_the_definition_and_the_body() -> None:
    """Was shown as written with no word, and `check --strict` passed: only a ref that is a
    link's address was reported (by the check of links, which still reports it alone)."""
    text = (
        "---\ntitle: Tensor\nsummary: An array with any number of axes.\ndefinition: |\n"
        '  A **tensor**, see {{< ref "matrix" >}}.\n---\n\n'
        'As in {{< relref "/glossary/vector.md" >}}, run on [GPUs]({{< ref "gpu.md" >}}).\n'
    )

    _, problems = parse(text)

    said = "is a Hugo shortcode, which is not read here and is shown as written; link the term as"
    assert problems == [
        f"""{PATH}:5: warning: '{{{{< ref "matrix" >}}}}' {said} [[matrix]]""",
        f"""{PATH}:8: warning: '{{{{< relref "/glossary/vector.md" >}}}}' {said} [[vector]]""",
    ]


def test_a_fenced_code_block_in_place_of_hugo_highlighting_is_no_problem() -> None:
    _, problems = parse(term_text(body="\n```go\nfmt.Println(1)\n```\n"))

    assert problems == []


def test_a_mermaid_fence_says_the_page_shows_its_code_not_a_diagram() -> None:
    """GitHub, MkDocs Material and Docusaurus draw it; the page here showed the code, unannounced."""
    body = "\n```mermaid\ngraph LR\n  A --> B\n```\n\n```text\ngraph LR\n```\n"
    faq = "faq:\n  - q: How?\n    a: |\n      ~~~ Mermaid\n      graph TD\n      ~~~\n"

    _, problems = parse(term_text(extra=faq, body=body))

    said = (
        "is drawn as a diagram on GitHub and in MkDocs Material, not here: the page shows its code; "
        "draw it as an image (an SVG in static/images/, shown with ![what it shows](/images/name.svg)), "
        "or fence it as"
    )
    assert problems == [
        f"{PATH}:9: warning: '~~~mermaid' {said} '~~~text' to show the code",
        f"{PATH}:14: warning: '```mermaid' {said} '```text' to show the code",
    ]
