"""config: content/site.yml becomes a SiteConfig, or every problem in it is reported."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary_site import config
from glossary_site.config import SiteConfig
from glossary_site.diagnostics import Diagnostics
from glossary_site.model import CtaBlock

VALID = """\
title: AI Glossary
description: Plain-language definitions of AI terms.
base_url: https://glossary.example.com/ai
language: en-GB
cta:
  default: stack-builder
  blocks:
    stack-builder:
      heading: Ready to put this to work?
      text: A few answers, a tool for each layer of your project.
      button: Plan my stack
      url: /stack-builder/
"""


def load(
    root: Path, text: str | bytes, base_url: str | None = None, *, deploying: bool = False
) -> tuple[SiteConfig | None, list[str]]:
    path = root / "content" / "site.yml"
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    diagnostics = Diagnostics()
    loaded = config.load(root, diagnostics, base_url, deploying=deploying)
    return loaded, [str(d) for d in diagnostics.sorted()]


def test_valid_settings_load_every_field(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, VALID)

    assert problems == []
    assert loaded is not None
    assert loaded.title == "AI Glossary"
    assert loaded.description == "Plain-language definitions of AI terms."
    assert loaded.language == "en-GB"
    assert loaded.cta_default == "stack-builder"
    assert loaded.cta_blocks == {
        "stack-builder": CtaBlock(
            heading="Ready to put this to work?",
            text="A few answers, a tool for each layer of your project.",
            button="Plan my stack",
            url="/stack-builder/",
        )
    }


def test_norwegian_stays_no_and_autolink_still_takes_on(tmp_path: Path) -> None:
    """Was: YAML 1.1 read `language: no` as false, an error."""
    loaded, problems = load(
        tmp_path, "title: T\nbase_url: https://example.org/\nlanguage: no\nautolink: on\n"
    )

    assert problems == []
    assert loaded is not None and (loaded.language, loaded.autolink) == ("no", True)


@pytest.mark.parametrize(
    ("tag", "example"), [("en_US", "en-US"), ("English", "en-US"), ("pt_br", "pt-br"), ("en-", "en-US")]
)
def test_language_that_is_not_a_language_tag_is_an_error_at_its_line(
    tmp_path: Path, tag: str, example: str
) -> None:
    _, problems = load(tmp_path, f"title: T\nbase_url: https://example.org/\nlanguage: {tag}\n")

    assert problems == [
        f"content/site.yml:3: language '{tag}' is not a language tag; "
        f"write one like 'en', 'de' or '{example}'"
    ]


@pytest.mark.parametrize("tag", ["de", "pt-BR", "zh-Hant-TW", "sr-Latn", "x-klingon", "gsw"])
def test_language_tags_with_script_region_or_private_use_are_accepted(tmp_path: Path, tag: str) -> None:
    loaded, problems = load(tmp_path, f"title: T\nbase_url: https://example.org/\nlanguage: {tag}\n")

    assert problems == []
    assert loaded is not None and loaded.language == tag


@pytest.mark.parametrize(
    ("settings", "direction"),
    [
        ("language: ar\n", "rtl"),
        ("language: de\n", "ltr"),
        ("", "ltr"),
        ("language: syc\ndirection: RTL\n", "rtl"),
    ],
)
def test_direction_is_the_languages_unless_site_yml_says(
    tmp_path: Path, settings: str, direction: str
) -> None:
    loaded, problems = load(tmp_path, f"title: T\nbase_url: https://example.org/\n{settings}")

    assert problems == []
    assert loaded is not None and loaded.direction == direction


@pytest.mark.parametrize("written", ["right", "auto", "[rtl]"])
def test_direction_other_than_ltr_or_rtl_is_an_error_at_its_line(tmp_path: Path, written: str) -> None:
    _, problems = load(
        tmp_path, f"title: T\nbase_url: https://example.org/\nlanguage: ar\ndirection: {written}\n"
    )

    assert len(problems) == 1 and problems[0].startswith("content/site.yml:4: ")


@pytest.mark.parametrize("newline", [b"\r\n", b"\r"])
def test_problems_in_settings_saved_with_old_line_endings_are_at_their_lines(
    tmp_path: Path, newline: bytes
) -> None:
    text = b"title: T\nbase_url: https://example.org/\nautolnk: true\n".replace(b"\n", newline)

    _, problems = load(tmp_path, text)

    assert problems == ["content/site.yml:3: unknown setting 'autolnk'; did you mean 'autolink'?"]


def test_trailing_slash_is_added_to_base_url_and_its_sub_path_is_kept(tmp_path: Path) -> None:
    loaded, _ = load(tmp_path, VALID)

    assert loaded is not None
    assert loaded.base_url == "https://glossary.example.com/ai/"
    assert loaded.base_path == "/ai/"


def test_base_url_given_on_the_command_line_replaces_the_one_in_site_yml(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, VALID, base_url="http://localhost:8000")

    assert problems == []
    assert loaded is not None
    assert loaded.base_url == "http://localhost:8000/"
    assert loaded.base_path == "/"


def test_missing_settings_file_says_where_to_create_it(tmp_path: Path) -> None:
    diagnostics = Diagnostics()

    assert config.load(tmp_path, diagnostics) is None
    assert [str(d) for d in diagnostics.items] == [
        "content/site.yml:1: site settings not found; create content/site.yml"
    ]


def test_missing_title_is_an_error(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, "base_url: https://glossary.example.com/\n")

    assert loaded is None
    assert problems == ["content/site.yml:1: missing required setting 'title'"]


def test_empty_title_is_an_error_at_its_line(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "base_url: https://glossary.example.com/\ntitle: '  '\n")

    assert problems == ["content/site.yml:2: 'title' must be non-empty text"]


@pytest.mark.parametrize("value", ["", " ~", " null"])
def test_a_required_setting_left_empty_is_an_error_at_its_own_line(tmp_path: Path, value: str) -> None:
    """Was: "content/site.yml:1: missing required setting 'base_url'", the key on line 2."""
    _, problems = load(tmp_path, f"title: AI Glossary\nbase_url:{value}\n")

    assert problems == ["content/site.yml:2: 'base_url' must be non-empty text"]


@pytest.mark.parametrize("page", ["index.html", "INDEX.HTM", "robots.txt", "sitemap.xml"])
def test_a_base_url_naming_a_page_is_an_error_giving_its_folder(tmp_path: Path, page: str) -> None:
    """Was: accepted, and every canonical address became '.../index.html/terms/...'."""
    url = f"https://user.github.io/my-glossary/{page}"
    _, problems = load(tmp_path, f"title: AI Glossary\nbase_url: {url}\n")

    assert problems == [
        f"content/site.yml:2: base_url '{url}' names a page, not the site's folder; "
        "write https://user.github.io/my-glossary/"
    ]


def test_a_base_url_whose_folder_has_a_dot_is_a_folder(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, "title: AI Glossary\nbase_url: https://example.com/docs/v1.2\n")

    assert problems == []
    assert loaded is not None and loaded.base_url == "https://example.com/docs/v1.2/"


def test_unknown_setting_is_an_error_that_suggests_the_nearest_setting(tmp_path: Path) -> None:
    _, problems = load(tmp_path, VALID + "descripton: Oops.\n")

    assert problems == ["content/site.yml:13: unknown setting 'descripton'; did you mean 'description'?"]


def test_a_line_of_the_intro_not_indented_is_said_to_be_so_not_an_unknown_setting(tmp_path: Path) -> None:
    """Was "unknown setting 'See also'": YAML reads the line as a key, as it is indented no further
    than 'intro:'."""
    _, problems = load(tmp_path, VALID + "intro: |\n  Start with the basics.\nSee also: the list.\n")

    assert problems == [
        "content/site.yml:15: this line is indented less than the text of 'intro: |' above it, so YAML "
        "does not read it as part of that text; indent it 2 spaces, as the lines above it"
    ]


@pytest.mark.parametrize("url", ["ftp://glossary.example.com/", "glossary.example.com/", "/glossary/"])
def test_base_url_that_is_not_an_absolute_http_address_is_an_error(tmp_path: Path, url: str) -> None:
    _, problems = load(tmp_path, f"title: AI Glossary\nbase_url: {url}\n")

    assert problems == [
        f"content/site.yml:2: base_url '{url}' must be an absolute http(s) address, e.g. https://example.com/"
    ]


def test_cta_default_naming_an_unknown_block_is_an_error_with_a_suggestion(tmp_path: Path) -> None:
    _, problems = load(tmp_path, VALID.replace("default: stack-builder", "default: stack-bilder"))

    assert problems == [
        "content/site.yml:6: cta.default names unknown block 'stack-bilder'; did you mean 'stack-builder'?"
    ]


def test_cta_block_with_a_misspelt_key_is_one_error_the_unknown_key_at_its_line(tmp_path: Path) -> None:
    """As for a misspelt setting: the key it was meant to be is not also reported missing."""
    loaded, problems = load(tmp_path, VALID.replace("button:", "buton:"))

    assert loaded is None
    assert problems == ["content/site.yml:11: unknown cta block key 'buton'; did you mean 'button'?"]


def test_a_misspelt_cta_setting_is_one_error_with_a_suggestion(tmp_path: Path) -> None:
    """Was "unknown cta setting 'blcks'" with no suggestion, and also "cta.default names
    unknown block 'stack-builder'", which only the misspelling had hidden."""
    _, problems = load(tmp_path, VALID.replace("  blocks:", "  blcks:"))

    assert problems == ["content/site.yml:7: unknown cta setting 'blcks'; did you mean 'blocks'?"]


@pytest.mark.parametrize(
    ("cta", "line"), [("\n  blocks: []\n", 4), ("\n  blocks: {}\n", 4), ("\n  blocks:\n", 4), (" {}\n", 3)]
)
def test_a_cta_without_blocks_is_a_warning_that_says_how_to_have_none(
    tmp_path: Path, cta: str, line: int
) -> None:
    """Was accepted silently, though no term page could show a call to action."""
    loaded, problems = load(tmp_path, f"title: AI Glossary\nbase_url: https://example.org/\ncta:{cta}")

    assert problems == [
        f"content/site.yml:{line}: warning: 'cta' has no blocks, so no term page shows a call to action; "
        "add a block under 'cta.blocks', or remove 'cta' to have none"
    ]
    assert loaded is not None and loaded.cta_blocks == {} and loaded.cta_default is None


def test_a_cta_default_without_blocks_is_the_one_error_of_its_unknown_block(tmp_path: Path) -> None:
    text = "title: AI Glossary\nbase_url: https://example.org/\ncta:\n  default: news\n  blocks: []\n"

    _, problems = load(tmp_path, text)

    assert problems == ["content/site.yml:4: cta.default names unknown block 'news'"]


def test_cta_block_with_a_key_like_none_of_its_keys_still_misses_the_absent_one(tmp_path: Path) -> None:
    _, problems = load(tmp_path, VALID.replace("button:", "colour:"))

    assert problems == [
        "content/site.yml:8: cta block is missing text for 'button'",
        "content/site.yml:11: unknown cta block key 'colour'",
    ]


def test_every_problem_in_the_file_is_reported_in_one_run(tmp_path: Path) -> None:
    """A misspelt required setting is one problem: not also a missing 'title'."""
    text = "titel: AI Glossary\nbase_url: glossary.example.com\ncta:\n  default: nothing\n"

    _, problems = load(tmp_path, text)

    assert problems == [
        "content/site.yml:1: unknown setting 'titel'; did you mean 'title'?",
        "content/site.yml:2: base_url 'glossary.example.com' must be an absolute http(s) address, "
        "e.g. https://example.com/",
        "content/site.yml:4: cta.default names unknown block 'nothing'",
    ]


def test_yaml_syntax_error_is_reported_at_its_line(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "title: AI Glossary\nbase_url: [https://x.example/\nlanguage: en\n")

    assert problems == [
        "content/site.yml:2: invalid YAML: the '[' list that starts on this line is never closed; "
        "end it with ']', or put the whole value in quotes if the '[' is part of the text"
    ]
    _, problems = load(tmp_path, "title: AI Glossary\nnav:\n\t- label: Home\n\t  url: /\n")

    assert problems == [
        f"content/site.yml:{line}: invalid YAML: a tab; indent with spaces" for line in (3, 4)
    ]


def test_settings_that_are_not_a_mapping_are_an_error(tmp_path: Path) -> None:
    _, problems = load(tmp_path, "- title: AI Glossary\n")

    assert problems == ["content/site.yml:1: site.yml must be a mapping of settings"]


@pytest.mark.parametrize("text", ["", "# title: AI Glossary\n\n"])
def test_settings_left_empty_say_which_to_write(tmp_path: Path, text: str) -> None:
    """Was "site.yml must be a mapping of settings", a puzzle for a file with nothing in it."""
    _, problems = load(tmp_path, text)

    assert problems == [
        "content/site.yml:1: site.yml has no settings; write at least 'title:' and 'base_url:', "
        "each on a line of its own"
    ]


def test_settings_saved_with_a_byte_order_mark_load(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, b"\xef\xbb\xbf" + VALID.encode())

    assert problems == []
    assert loaded is not None
    assert loaded.title == "AI Glossary"


def test_numeric_cta_block_name_is_reported_not_a_crash(tmp_path: Path) -> None:
    text = VALID.replace("    stack-builder:", "    2025:")

    _, problems = load(tmp_path, text)

    assert problems == ["content/site.yml:6: cta.default names unknown block 'stack-builder'"]


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        ("https://glossary.example.com:99999/", "has port '99999'; a port is a number from 1 to 65535"),
        ("https://glossary.example.com:abc/", "has port 'abc'; a port is a number from 1 to 65535"),
        (
            "https://editor:secret@glossary.example.com/",
            "must not contain a user name or password (the part before '@')",
        ),
        (
            "https://glossary.example.com/?v=2",
            "must not have a query ('?...') or fragment ('#...'); page paths are added to it",
        ),
        (
            "https://glossary example.com/",
            "must not contain spaces or control characters; write a space as %20",
        ),
    ],
)
def test_base_url_with_a_bad_port_host_or_extra_parts_is_an_error_at_its_line(
    tmp_path: Path, url: str, reason: str
) -> None:
    loaded, problems = load(tmp_path, VALID.replace("https://glossary.example.com/ai", url))

    assert loaded is None
    assert problems == [f"content/site.yml:3: base_url '{url}' {reason}"]


READING_WITHOUT_HOST = """\
    reading:
      heading: Read more
      text: Papers.
      buton: Read
      url: http://
"""


def test_each_bad_cta_url_is_an_error_at_the_line_of_its_url(tmp_path: Path) -> None:
    text = VALID + READING_WITHOUT_HOST

    _, problems = load(tmp_path, text.replace("url: /stack-builder/", "url: javascript:alert(1)"))

    assert problems == [
        "content/site.yml:12: cta url 'javascript:alert(1)' must be an http(s) address, a mailto: address "
        "or a path on this site like /pricing/",
        "content/site.yml:16: unknown cta block key 'buton'; did you mean 'button'?",
        "content/site.yml:17: cta url 'http://' has no host name; write it like https://example.com/",
    ]


@pytest.mark.parametrize(
    "url", ["https://tools.example.com:8443/stack/", "mailto:team@example.com", "search/"]
)
def test_cta_url_may_be_an_http_mailto_or_site_address(tmp_path: Path, url: str) -> None:
    loaded, problems = load(tmp_path, VALID.replace("url: /stack-builder/", f"url: {url}"))

    assert problems == []
    assert loaded is not None
    assert loaded.cta_blocks["stack-builder"].url == url


def test_settings_path_that_is_a_folder_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "content/site.yml").mkdir(parents=True)
    diagnostics = Diagnostics()

    assert config.load(tmp_path, diagnostics) is None
    assert [str(d) for d in diagnostics.items] == [
        "content/site.yml:1: a folder, not a file; the site settings go in a file named content/site.yml"
    ]


def test_settings_that_are_not_utf8_are_an_error_at_the_line_of_the_bad_byte(tmp_path: Path) -> None:
    loaded, problems = load(tmp_path, VALID.encode().replace(b"Plain", b"Pl\xe9in"))

    assert loaded is None
    assert problems == ["content/site.yml:2: site.yml is not valid UTF-8; save it as UTF-8"]


def test_a_setting_given_twice_is_reported_beside_the_other_problems_and_the_first_kept(
    tmp_path: Path,
) -> None:
    _, problems = load(tmp_path, "title: First\nbase_url: https://example.org/\ntitle: Second\ncolour: red\n")
    assert problems == [
        "content/site.yml:3: duplicate key 'title' (first given on line 1)",
        "content/site.yml:4: unknown setting 'colour'",
    ]

    loaded, _ = load(tmp_path, "title: First\nbase_url: https://example.org/\ntitle: Second\n")
    assert loaded is not None and loaded.title == "First"


def test_a_setting_that_is_a_list_says_it_must_be_text(tmp_path: Path) -> None:
    _, problems = load(tmp_path, VALID.replace("Plain-language definitions of AI terms.", "[x]"))

    assert problems == ["content/site.yml:2: 'description' must be text, not a list"]


def test_a_stack_builder_answer_or_layer_in_the_wrong_shape_names_its_key(tmp_path: Path) -> None:
    """Was: "content/site.yml:13: must map attributes to ..." and "give a value or a list of
    values", with nothing saying which setting."""
    builder = """\
tools:
  attributes:
    pricing: [free, paid]
stack_builder:
  questions:
    - id: budget
      question: What can you spend?
      answers:
        - id: nothing
          label: Nothing
          prefer: free
        - id: some
          label: Some
          prefer: {pricing: []}
  layers:
    - id: app
      title: App
      tools: {pricing: free}
"""
    _, problems = load(tmp_path, VALID + builder)

    assert problems == [
        "content/site.yml:23: 'prefer' must map attributes to a value or a list of values, "
        "like {pricing: free}",
        "content/site.yml:26: 'pricing' needs a value or a list of values",
    ]


def test_an_attributes_labels_are_read_and_each_bad_one_reported_at_its_line(tmp_path: Path) -> None:
    labelled = """\
tools:
  attributes:
    pricing:
      free: Free of charge
      5: Five a month
    hosting:
      cloud: [a, list]
      local: ""
      self-hosted:
    layer: {}
"""
    loaded, problems = load(tmp_path, VALID + labelled)

    assert loaded is None
    assert problems == [
        "content/site.yml:19: the label of the value 'cloud' of 'hosting' must be one line of text, "
        "not a list",
        "content/site.yml:20: the label of the value 'local' of 'hosting' must be one line of text",
        "content/site.yml:21: the label of the value 'self-hosted' of 'hosting' must be one line of text",
        "content/site.yml:22: 'layer' needs a value or a list of values",
    ]
    good, problems = load(tmp_path, VALID + labelled.split("    hosting:")[0])
    assert problems == [] and good is not None
    assert good.tools.attributes == {"pricing": ("free", "5")}
    assert good.tools.labels == {"pricing": {"free": "Free of charge", "5": "Five a month"}}


def test_markup_in_an_attributes_value_or_label_is_a_warning_as_tool_pages_show_it_as_written(
    tmp_path: Path,
) -> None:
    marked = (
        "tools:\n  attributes:\n    pricing:\n      paid: '**Paid** only'\n    layer: [model, '[[app]]']\n"
    )
    loaded, problems = load(tmp_path, VALID + marked)

    assert loaded is not None
    assert [problem.split(": warning: ")[0] for problem in problems] == [
        "content/site.yml:16",
        "content/site.yml:17",
    ]
    assert "a tool attribute's value or label is plain text" in problems[0] and "**" in problems[0]
    assert "[[Transformer]]" in problems[1]


def test_a_stack_builder_value_not_declared_lists_the_allowed_ones_when_none_is_close(
    tmp_path: Path,
) -> None:
    """Was: "'grill' is not a value of the attribute 'heat'" and nothing more, where a tool file
    with the same mistake lists the values tools.attributes allows."""
    builder = """\
tools:
  attributes:
    heat: [stovetop, oven, water bath]
stack_builder:
  questions:
    - id: heat
      question: How do you cook?
      answers:
        - id: grill
          label: On a grill
          prefer: {heat: grill}
        - id: oven
          label: In the oven
          prefer: {heat: ovn}
  layers:
    - id: pot
      title: Pot
      tools: {heat: [stovetop, grill]}
"""
    _, problems = load(tmp_path, VALID + builder)

    assert problems == [
        "content/site.yml:23: 'grill' is not a value of the attribute 'heat'; "
        "allowed: stovetop, oven, water bath",
        "content/site.yml:26: 'ovn' is not a value of the attribute 'heat'; did you mean 'oven'?",
        "content/site.yml:30: 'grill' is not a value of the attribute 'heat'; "
        "allowed: stovetop, oven, water bath",
    ]


def test_a_stack_builder_key_present_but_empty_is_reported_beside_a_misspelt_one(tmp_path: Path) -> None:
    """A misspelt key (`titel:`) is one error, the unknown key; the real key written empty is a
    mistake of its own, still reported. A key of the block that lost its indent was "unknown
    setting 'layers'; did you mean 'labels'?" and "'layers' must be a non-empty list", as if
    it had been written empty."""
    builder = """\
tools:
  attributes:
    layer: [app]
stack_builder:
  questions:
    - id: budget
      question: What can you spend?
      answers:
        - id: nothing
          label: Nothing
          prefer: {layer: app}
        - id: plenty
          label: Plenty
  layers:
    - id: app
      title: ''
      titel: App
      tools: {layer: app}
"""
    _, problems = load(tmp_path, VALID + builder)

    assert problems == [
        "content/site.yml:28: 'title' must be non-empty text",
        "content/site.yml:29: unknown key 'titel' in stack_builder.layers; did you mean 'title'?",
    ]

    _, problems = load(tmp_path, VALID + builder.replace("  layers:", "layers:"))

    assert problems == [
        "content/site.yml:16: stack_builder has no 'layers'; add the list of layers, indented under it",
        "content/site.yml:26: unknown setting 'layers'; it is a key of stack_builder: indent it under "
        "'stack_builder:'",
    ]

    _, problems = load(tmp_path, VALID + builder.replace("  attributes:", "attributes:"))

    assert problems[0] == (
        "content/site.yml:14: unknown setting 'attributes'; it is a key of tools: indent it under 'tools:'"
    )


@pytest.mark.parametrize(
    ("written", "kept"),
    [
        ("https://github.com/acme/glossary/edit/main", "https://github.com/acme/glossary/edit/main/"),
        ("https://gitlab.example.com/acme/g/-/edit/main/", "https://gitlab.example.com/acme/g/-/edit/main/"),
        (
            "https://bitbucket.org/acme/g/src/main/{path}?mode=edit",
            "https://bitbucket.org/acme/g/src/main/{path}?mode=edit",
        ),
    ],
)
def test_edit_url_ends_in_a_slash_unless_it_says_where_the_path_goes(
    tmp_path: Path, written: str, kept: str
) -> None:
    loaded, problems = load(tmp_path, VALID + f"edit_url: {written}\n")

    assert problems == []
    assert loaded is not None
    assert loaded.edit_url == kept


@pytest.mark.parametrize(
    ("url", "reason"),
    [
        (
            "github.com/acme/g/edit/main/",
            "must be an absolute http(s) address, e.g. https://github.com/OWNER/REPO/edit/main/",
        ),
        (
            "ftp://example.com/g/",
            "must be an absolute http(s) address, e.g. https://github.com/OWNER/REPO/edit/main/",
        ),
        (
            "https://bitbucket.org/acme/g/src/main/?mode=edit",
            "has a query ('?...') or fragment ('#...'); put {path} where the file's path goes, "
            "e.g. https://bitbucket.org/OWNER/REPO/src/main/{path}?mode=edit",
        ),
        (
            "https://example.com/{path}/{path}",
            "has {path} more than once; write it once, where the file's path goes",
        ),
        ("https://{path}.example.com/", "has {path} in its host; put it where the file's path goes"),
        ("https://example.com:99999/edit/", "has port '99999'; a port is a number from 1 to 65535"),
        (  # was taken: its host is one no DNS name can be, as for base_url
            "https://git_host.example.org/edit/",
            "has an invalid host name 'git_host.example.org': a host name cannot have '_'; "
            "use letters, digits and '-'",
        ),
        (
            "https://example.com/edit/100%/",
            "has a '%' that is not followed by two hex digits; write it as %25",
        ),
    ],
)
def test_an_edit_url_no_file_path_can_be_added_to_is_an_error_at_its_line(
    tmp_path: Path, url: str, reason: str
) -> None:
    loaded, problems = load(tmp_path, VALID + f"edit_url: '{url}'\n")

    assert loaded is None
    assert problems == [f"content/site.yml:13: edit_url '{url}' {reason}"]


def test_the_starters_example_edit_url_uncommented_as_it_stands_is_a_warning(tmp_path: Path) -> None:
    """Was: taken, and every page's "Edit this page" led to github.com/OWNER/REPO."""
    url = "https://github.com/OWNER/REPO/edit/main/"
    loaded, problems = load(tmp_path, VALID + f"edit_url: {url}\n")

    assert loaded is not None and loaded.edit_url == url
    assert problems == [
        f"content/site.yml:13: warning: edit_url '{url}' names the example repository OWNER/REPO; "
        "write your repository's owner and name, or every 'Edit this page' link leads nowhere"
    ]
    assert load(tmp_path, VALID + "edit_url: https://github.com/owner-org/repo/edit/main/\n")[1] == []


@pytest.mark.parametrize(
    "written", ["https://example.com/", "HTTPS://Example.COM:443", "https://example.com"]
)
def test_the_starters_placeholder_base_url_is_a_warning_of_a_deploying_build_alone(
    tmp_path: Path, written: str
) -> None:
    """Was: taken silently by `build --strict`, and a site deployed as init wrote it named
    example.com in its canonical links, sitemap and feeds. A build with --base-url, check and
    serve (not deploying), and any other address, example.org's too, are left alone."""
    placeholder = f"title: Kitchen Words\nbase_url: {written}\n"

    assert load(tmp_path, placeholder, deploying=True)[1] == [
        "content/site.yml:2: warning: base_url is still the placeholder https://example.com/ that glossary "
        "init wrote; set it to the address the site is published at (canonical links, the sitemap and "
        "feeds use it), or build with --base-url URL"
    ]
    assert load(tmp_path, placeholder, "https://words.example.org/", deploying=True)[1] == []
    assert load(tmp_path, placeholder)[1] == []
    for other in ("https://example.org/", "https://glossary.example.com/", "https://example.com/kitchen/"):
        assert load(tmp_path, f"title: Kitchen Words\nbase_url: {other}\n", deploying=True)[1] == [], other


@pytest.mark.parametrize(
    ("description", "problem"),
    [
        ("", "must not be empty"),
        ("''", "must not be empty"),
        ("[a, b]", "must be one line of text"),
        ("|\n    One line.\n    Two lines.", "must be one line of text"),
    ],
)
def test_a_category_description_that_is_empty_or_not_one_line_says_which(
    tmp_path: Path, description: str, problem: str
) -> None:
    """Was "must be one line of text" for an empty one too, which it is not the trouble with
    (tools.categories says "must not be empty" for the same mistake)."""
    settings = f"title: AI\nbase_url: https://glossary.example.com/\ncategories:\n  Concepts: {description}\n"
    _, problems = load(tmp_path, settings)

    assert problems == [f"content/site.yml:4: the description of category 'Concepts' {problem}"]


@pytest.mark.parametrize(
    ("written", "kept"), [("assets/card.png", "assets/card.png"), ("/og/Card.JPG", "og/Card.JPG")]
)
def test_the_preview_image_is_kept_as_its_path_inside_static(tmp_path: Path, written: str, kept: str) -> None:
    loaded, problems = load(tmp_path, VALID + f"image: {written}\nimage_alt: The glossary's logo\n")

    assert problems == []
    assert loaded is not None
    assert (loaded.image, loaded.image_line, loaded.image_alt) == (kept, 13, "The glossary's logo")


@pytest.mark.parametrize(
    ("written", "reason"),
    [
        (
            "assets/card.svg",
            "must be a PNG, JPEG, GIF or WebP file: the sites that show a link's picture show no other kind",
        ),
        ("static/assets/card.png", "is read from inside the static/ folder; write 'assets/card.png'"),
        (
            "https://cdn.example.com/card.png",
            "must be the path of a file in the site's static/ folder, such as assets/card.png",
        ),
        (
            "assets/../card.png",
            "must be the path of a file in the site's static/ folder, without '.', '..' or '//'",
        ),
    ],
)
def test_a_preview_image_no_social_site_could_show_is_an_error_at_its_line(
    tmp_path: Path, written: str, reason: str
) -> None:
    loaded, problems = load(tmp_path, VALID + f"image: {written}\n")

    assert loaded is None
    assert problems == [f"content/site.yml:13: image '{written}' {reason}"]


@pytest.mark.parametrize("image", ["", "image:\n", "image: ~\n"])
def test_a_description_of_no_preview_image_is_a_warning(tmp_path: Path, image: str) -> None:
    """Also with `image` left empty, which is no picture either (was: no warning)."""
    loaded, problems = load(tmp_path, VALID + image + "image_alt: Our logo\n")

    assert loaded is not None and loaded.image == ""
    line = 14 if image else 13
    assert problems == [
        f"content/site.yml:{line}: warning: 'image_alt' describes the preview picture, but there is no "
        "'image'; add one or remove it"
    ]


@pytest.mark.parametrize(
    ("language", "locale"),
    [
        ("en", "en"),
        ("pt-BR", "pt_BR"),
        ("EN-gb", "en_GB"),
        ("zh-Hant", "zh"),
        ("zh-Hant-TW", "zh_TW"),
        ("sr-Latn-RS", "sr_RS"),
        ("de-CH-1996", "de_CH"),
        ("es-419", "es_419"),
        ("de-u-co-phonebk", "de"),
        ("x-klingon", ""),
    ],
)
def test_open_graph_locale_is_language_and_region_alone(language: str, locale: str) -> None:
    """Was the tag with '-' made '_': zh_Hant_TW, de_CH_1996, EN_gb, which no Open Graph reader knows."""
    assert config.open_graph_locale(language) == locale


def test_a_hugo_ref_in_the_intro_is_told_to_be_a_markdown_link(tmp_path: Path) -> None:
    """Was told to be [[glossary]], which site.yml refuses ("site.yml has no wiki-links")."""
    loaded, problems = load(tmp_path, VALID + "intro: 'See {{< ref \"glossary#history\" >}}.'\n")

    assert loaded is not None
    assert problems == [
        "content/site.yml:13: warning: '{{< ref \"glossary#history\" >}}' is a Hugo shortcode, which is "
        "not read here and is shown as written; link the term's page: [its words](/terms/glossary/#history)"
    ]
