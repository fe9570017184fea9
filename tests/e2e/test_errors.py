"""Broken content: every problem reported as path:line: message, exit 1, output untouched."""

from __future__ import annotations

import os
import shlex
from collections.abc import Callable
from pathlib import Path

import pytest
from support import PROJECT, copy_site, parse_html, present, run_glossary, tree_digest, write_files

from glossary_site.markdown_limits import MAX_NESTING

EXPECTED_ERRORS = [
    "content/terms/Bad Name.md:1: file name 'Bad Name.md' is not a valid slug; "
    "rename it to 'bad-name.md' or add 'slug: bad-name'",
    "content/terms/bad-yaml.md:3: invalid YAML: the '[' list that starts on this line is never "
    "closed; end it with ']', or put the whole value in quotes if the '[' is part of the text",
    "content/terms/graphics-processing-unit.md:5: alias 'Tensor' is already a name of 'tensor' "
    "(content/terms/tensor.md:2); titles, slugs and aliases must be unique",
    "content/terms/graphics-processing-unit.md:12: table 'Makers' row 2 has 1 cell "
    "but the table has 2 columns",
    "content/terms/missing-fields.md:1: missing required field 'definition'; "
    "add 'definition: ...' to the front matter, between the '---' lines",
    "content/terms/missing-fields.md:3: unknown field 'sumary'; did you mean 'summary'?",
    "content/terms/missing-fields.md:4: 'updated' must be a date like 2025-03-01, not 'not-a-date'",
    "content/terms/model-training.md:6: unknown related term 'tensr'; did you mean 'tensor'?",
    "content/terms/model-training.md:7: cta 'stack-bilder' is not a block in content/site.yml; "
    "did you mean 'stack-builder'?",
    "content/terms/model-training.md:11: unknown wiki-link target 'modle weights'",
    "content/terms/no-front-matter.md:1: no front matter; the file must start with a '---' line, "
    "then YAML, then '---'",
]


def error_lines(stderr: str) -> list[str]:
    return [
        line
        for line in stderr.splitlines()
        if ": " in line
        and not line.startswith("Build failed")
        and ": warning: " not in line
        and not line.startswith("Check failed")
    ]


def assert_build_and_check_report(site: Path, expected: list[str]) -> None:
    """`build` and `check` each fail with exactly the `expected` errors, and no traceback."""
    for command in ("build", "check"):
        result = run_glossary(command, cwd=site)
        assert result.returncode == 1, command
        assert "Traceback" not in result.stderr
        assert error_lines(result.stderr) == expected, command


CUBES = '      - ["3", Cube, "[[cubes]]"]'


def test_a_bad_table_row_hides_no_other_problem_of_its_table(tmp_path: Path) -> None:
    """Was: only the row's error, and the dead wiki-links in the table's intro and other rows
    came one run later, once it was fixed."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8")
    text = text.replace(
        "    columns: [Rank, Name, Example]\n",
        "    intro: See [[vectr]].\n    columns: [Rank, Name, Example]\n",
    )
    text = text.replace(
        '      - ["1", Vector, "[[model training|weights]] of one layer"]\n',
        '      - ["1", Vector, "[[model training|weights]] of one layer"]\n'
        "      - [[[Matrix]], 2]\n" + CUBES + "\n",
    )
    tensor.write_text(text, encoding="utf-8")
    line = {written: number for number, written in enumerate(text.splitlines(), start=1)}

    assert_build_and_check_report(
        site,
        [
            f"content/terms/tensor.md:{line['    intro: See [[vectr]].']}: unknown wiki-link target 'vectr'",
            f"content/terms/tensor.md:{line['      - [[[Matrix]], 2]']}: table 'Tensor ranks' row 3 "
            "cell 1 must be text, not a list; put the whole cell in quotes",
            f"content/terms/tensor.md:{line[CUBES]}: unknown wiki-link target 'cubes'",
        ],
    )


def test_every_content_error_is_reported_at_once_with_path_and_line(tmp_path: Path) -> None:
    site = copy_site("broken", tmp_path)
    result = run_glossary("build", cwd=site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert error_lines(result.stderr) == EXPECTED_ERRORS
    assert result.stderr.splitlines()[-1] == "Build failed: 11 error(s), 0 warning(s); _site not written."
    assert not (site / "_site").exists()


def test_check_reports_exactly_what_build_reports(tmp_path: Path) -> None:
    site = copy_site("broken", tmp_path)
    result = run_glossary("check", cwd=site)
    assert result.returncode == 1
    assert error_lines(result.stderr) == EXPECTED_ERRORS
    assert not (site / "_site").exists()


def test_failed_build_leaves_previous_output_untouched(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", cwd=site).returncode == 0
    before = tree_digest(site / "_site")
    broken = copy_site("broken", tmp_path)
    for path in sorted((broken / "content/terms").iterdir()):
        (site / "content/terms" / path.name).write_bytes(path.read_bytes())
    result = run_glossary("build", cwd=site)
    assert result.returncode == 1
    assert tree_digest(site / "_site") == before
    leftovers = [p.name for p in site.iterdir() if p.name.startswith("._site.") and p.is_dir()]
    assert leftovers == [], "no staging folder is left behind"


def test_a_pagefind_that_cannot_start_is_one_error_and_the_output_is_kept(tmp_path: Path) -> None:
    """The build starts Pagefind's binary itself, found as `python -m pagefind` finds it, so
    PAGEFIND_BINARY_PATH still chooses it; one that is not there is said, not a traceback, and
    the changed page waits with the rest of the output for an index that can be made."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", cwd=site).returncode == 0
    before = tree_digest(site / "_site")
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text(encoding="utf-8") + "\nOne more line.\n", encoding="utf-8")
    missing = tmp_path / "no-such-pagefind"
    result = run_glossary("build", cwd=site, env={"PAGEFIND_BINARY_PATH": str(missing)})
    assert result.returncode == 1
    assert result.stderr.splitlines() == [
        f"(search):1: search indexing could not run: [Errno 2] No such file or directory: '{missing}'",
        "Build failed: 1 error(s), 0 warning(s); _site left unchanged.",
    ]
    assert tree_digest(site / "_site") == before


def test_template_error_is_reported_with_template_line_and_output_kept(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", cwd=site).returncode == 0
    before = tree_digest(site / "_site")
    template = "{% extends 'base.html' %}\n{% block main %}\n{{ nope.x }}\n{% endblock %}\n"
    write_files(site, {"templates/group.html": template})
    result = run_glossary("build", cwd=site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "templates/group.html:3: template error: 'nope' is undefined" in result.stderr
    assert tree_digest(site / "_site") == before


def test_template_syntax_error_is_reported_at_its_line_by_build_and_check(tmp_path: Path) -> None:
    """Templates are compiled ahead, while term files convert; a broken one must still be
    reported at its line, by both commands, with the output kept."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", cwd=site).returncode == 0
    before = tree_digest(site / "_site")
    write_files(site, {"templates/partials/head.html": '<meta name="x">\n{% if %}\n'})
    for command in ("build", "check"):
        result = run_glossary(command, cwd=site)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert "templates/partials/head.html:2: template error: Expected an expression" in result.stderr
    assert tree_digest(site / "_site") == before


def test_a_block_left_open_is_said_to_open_where_it_does_not_only_where_jinja_stopped(tmp_path: Path) -> None:
    """Was: only the last line, where Jinja met an end tag it did not expect; the `{% if %}` to
    close was named, not its line."""
    site = copy_site("minimal", tmp_path)
    body = "\n".join(["{% if term.aliases %}", *(["<p>{{ term.title }}</p>"] * 20), "{% endblock %}"])
    write_files(site, {"templates/term.html": "{% extends 'base.html' %}\n{% block main %}\n" + body + "\n"})

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    said = next(line for line in result.stderr.splitlines() if line.startswith("templates/term.html:"))
    assert said.startswith("templates/term.html:24: template error: Encountered unknown tag 'endblock'.")
    assert said.endswith("The innermost block that needs to be closed is 'if'. It opens at line 3.")


PAGE = "{% extends 'base.html' %}\n{% block main %}\n{}\n{% endblock %}\n"

#: Templates that fail as they run with an error of Python's, not Jinja's: file, text, report.
RUNTIME_FAILURES = {
    "a division by zero": (
        "templates/search.html",
        PAGE.replace("{}", "{{ 1/0 }}"),
        "templates/search.html:3: template error: ZeroDivisionError: division by zero "
        "(making search/index.html)",
    ),
    "a method given wrong arguments": (
        "templates/search.html",
        PAGE.replace("{}", "{{ title.upper(1, 2, 3) }}"),
        "templates/search.html:3: template error: TypeError: str.upper() takes no arguments (3 given) "
        "(making search/index.html)",
    ),
    "a theme partial included without its variables": (  # was blamed on the theme's partial
        "templates/search.html",
        PAGE.replace("{}", '{% include "partials/a_to_z.html" %}'),
        "templates/search.html:3: template error: 'letters' is undefined, "
        "in (theme)/templates/partials/a_to_z.html:20 (making search/index.html)",
    ),
    "a loop through a theme template": (  # was blamed on (theme)/templates/term.html
        "templates/base.html",
        "{% extends 'term.html' %}\n",
        "templates/base.html:1: template error: endless recursion: a template extends or includes "
        "itself, or a macro calls itself, without end (making 404.html and 12 other pages)",
    ),
    "a macro calling itself": (
        "templates/search.html",
        "{% macro again(n) %}\n{{ again(n) }}\n{% endmacro %}\n" + PAGE.replace("{}", "{{ again(1) }}"),
        "templates/search.html:2: template error: endless recursion: a template extends or includes "
        "itself, or a macro calls itself, without end (making search/index.html)",
    ),
}


@pytest.mark.parametrize("failure", sorted(RUNTIME_FAILURES))
def test_a_template_failing_as_python_code_is_reported_at_its_line(tmp_path: Path, failure: str) -> None:
    path, text, expected = RUNTIME_FAILURES[failure]
    site = write_files(copy_site("minimal", tmp_path), {path: text})
    for command in ("check", "build"):
        result = run_glossary(command, cwd=site)
        assert result.returncode == 1, command
        assert "Traceback" not in result.stderr
        assert error_lines(result.stderr) == [expected], command
    assert not (site / "_site").exists()


def test_a_loop_of_includes_is_one_error_where_it_begins_naming_its_other_templates(
    tmp_path: Path,
) -> None:
    """Was: two errors, at footer.html:2 for the 404 page and at x.html:1 for the rest, as
    the loop was reported where the interpreter's limit stopped it, and the 404 page, whose
    template runs the footer from a deeper block, stopped at another line."""
    site = write_files(
        copy_site("minimal", tmp_path),
        {
            "templates/partials/footer.html": '<p>\n{% include "partials/x.html" %}</p>\n',
            "templates/partials/x.html": '{% include "partials/footer.html" %}\n',
            "templates/404.html": (
                '{% extends "base.html" %}\n{% block main %}<h1>Lost</h1>{% endblock %}\n'
                "{% block footer %}{{ super() }}<p>more</p>{% endblock %}\n"
            ),
        },
    )
    result = run_glossary("build", cwd=site)
    assert result.returncode == 1
    [error] = error_lines(result.stderr)
    assert error.startswith(
        "templates/partials/footer.html:2: template error: endless recursion: a template extends or "
        "includes itself, or a macro calls itself, without end, through templates/partials/x.html "
        "(making 404.html and "
    )


def test_a_link_written_as_the_generators_wiki_link_mark_is_an_error_at_its_line(tmp_path: Path) -> None:
    """Was: `<a href="#wikilink-0">` written by hand came out as the page's first wiki-link,
    class and preview card included, and `#wikilink-9` as a missing one's marker, unchecked; in
    code it is text, and stays so."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8")
    tensor.write_text(
        text + '\nMade by hand: <a href="#wikilink-0">forged</a>.\n\nIn code: `<a href="#wikilink-0">`.\n',
        encoding="utf-8",
    )
    line = len(text.splitlines()) + 2
    gpu = site / "content/terms/graphics-processing-unit.md"
    gpu_text = gpu.read_text(encoding="utf-8")
    # a wiki-link in an image's text is checked but makes no link, which once hid a forged one
    gpu.write_text(gpu_text + "\n![a [[tensor]] chip](/chip.svg) [forged](#wikilink-0)\n", encoding="utf-8")
    # shown in code first, then forged: the forged one's line (was the code's); a section whose id
    # starts so is no placeholder (was an error)
    training = site / "content/terms/model-training.md"
    training_text = training.read_text(encoding="utf-8") + (
        "\nShow `[x](#wikilink-0)` in code.\n\nSee [the syntax](#wikilink-syntax).\n\n"
        "## Wikilink syntax\n\nForged [f](#wikilink-0).\n"
    )
    training.write_text(training_text, encoding="utf-8")
    write_files(
        site,
        {
            "content/tools/hammer.md": "---\ntitle: Hammer\nsummary: Hits nails.\nurl: https://hammer.example/\n"
            "---\n\nSee [[Tensor]].\n\nAnd [this](#wikilink-3).\n",
            # code alone, with no wiki-link to count against: text, no error (was one)
            "content/tools/anvil.md": "---\ntitle: Anvil\nsummary: Holds the work.\nurl: https://anvil.example/\n"
            '---\n\nIn code: `<a href="#wikilink-0">x</a>`, and `&lt;a href="#wikilink-0"&gt;`.\n',
            "static/chip.svg": "<svg xmlns='http://www.w3.org/2000/svg'/>",
        },
    )
    result = run_glossary("build", cwd=site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    said = (
        "a link to '#wikilink-…' is how the generator marks a wiki-link while it works, and would be "
        "filled in as one that was never checked; link to a term with [[Term]]"
    )
    assert error_lines(result.stderr) == [
        f"content/terms/graphics-processing-unit.md:{len(gpu_text.splitlines()) + 2}: {said}",
        f"content/terms/model-training.md:{len(training_text.splitlines())}: {said}",
        f"content/terms/tensor.md:{line}: {said}",
        f"content/tools/hammer.md:9: {said}",
    ]
    assert not (site / "_site").exists()


def test_a_template_that_is_not_utf8_is_reported_at_its_line(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    (site / "templates").mkdir()
    (site / "templates/term.html").write_bytes(b"<p>\n{{ term.title }}\n\xff\xfe bad</p>\n")
    for command in ("check", "build"):
        result = run_glossary(command, cwd=site)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        assert error_lines(result.stderr) == [
            "templates/term.html:3: file is not valid UTF-8; save it as UTF-8"
        ]


def test_every_template_problem_is_reported_once_in_one_run(tmp_path: Path) -> None:
    """Every term page fails on term.html alike, the search page on its own template; a syntax
    error counts even in a partial only a branch no page takes would include."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", cwd=site).returncode == 0
    before = tree_digest(site / "_site")
    term = (PROJECT / "src/glossary_site/theme/templates/term.html").read_text(encoding="utf-8")
    term = term.replace("{{ term.summary }}", "{{ term.sumary }}", 1)
    term_line = next(n for n, line in enumerate(term.splitlines(), 1) if "term.sumary" in line)
    write_files(
        site,
        {
            "templates/term.html": term,
            "templates/search.html": PAGE.replace("{}", "{{ nosuchvar.x }}"),
            "templates/404.html": "{% if false %}\n{% include 'partials/later.html' %}\n{% endif %}\n",
            "templates/partials/later.html": "<p>\n{% if %}\n",
            "templates/graph.html": "<p>\n\n{% for %}\n",
        },
    )
    expected = [
        "templates/graph.html:3: template error: Expected an expression, got 'end of statement block'",
        "templates/partials/later.html:2: template error: "
        "Expected an expression, got 'end of statement block'",
        "templates/search.html:3: template error: 'nosuchvar' is undefined (making search/index.html)",
        f"templates/term.html:{term_line}: template error: "
        "'term' has no field 'sumary'; did you mean 'summary'? "
        "(making terms/graphics-processing-unit/index.html and 2 other pages)",
    ]
    assert_build_and_check_report(site, expected)
    assert tree_digest(site / "_site") == before
    assert [p.name for p in site.iterdir() if p.name.startswith("._site.") and p.is_dir()] == []


def test_a_missing_template_is_reported_where_it_is_named(tmp_path: Path) -> None:
    site = write_files(
        copy_site("minimal", tmp_path),
        {
            "templates/search.html": PAGE.replace("{}", "{% include 'missing.html' %}"),
            "templates/404.html": "<p>Gone.</p>\n{% extends 'nothere.html' %}\n",
            "templates/graph.html": PAGE.replace("{}", "{% include '../content/site.yml' %}"),
            "templates/index.html": "{% set name = 'named-later.html' %}\n\n{% include name %}\n",
            "templates/group.html": PAGE.replace("{}", "{% include '' %}"),
            "templates/groups.html": PAGE.replace("{}", "{% include none %}"),
        },
    )
    result = run_glossary("check", cwd=site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert error_lines(result.stderr) == [
        "templates/404.html:2: template 'nothere.html' not found in templates/ or the theme",
        "templates/graph.html:3: template '../content/site.yml' not found in templates/ or the theme; "
        "a template is named by its path under templates/, which cannot go up with '..'",
        "templates/group.html:3: extends or include names no template: its name is empty",
        "templates/groups.html:3: extends or include names no template: its name is empty "
        "(making categories/index.html and 1 other page)",
        "templates/index.html:3: template 'named-later.html' not found in templates/ or the theme "
        "(making index.html)",
        "templates/search.html:3: template 'missing.html' not found in templates/ or the theme",
    ]


def test_a_missing_template_names_the_one_meant_and_that_one_is_not_told_to_take_the_slip(
    tmp_path: Path,
) -> None:
    """Was: the error named no template, and the warning at the file told it to take the
    misspelt name: 'did you mean 'partials/metainfo.html'?'."""
    site = write_files(
        copy_site("minimal", tmp_path),
        {
            "templates/search.html": PAGE.replace("{}", '{% include "partials/metainfo.html" %}'),
            "templates/partials/meta-info.html": '<p class="meta">Reviewed.</p>\n',
            "templates/404.html": PAGE.replace("{}", '{% include "partials/logo.html" %}'),
        },
    )
    result = run_glossary("check", cwd=site)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert error_lines(result.stderr) == [
        "templates/404.html:3: template 'partials/logo.html' not found in templates/ or the theme",
        "templates/search.html:3: template 'partials/metainfo.html' not found in templates/ or the theme;"
        " did you mean 'partials/meta-info.html'?",
    ]
    assert [line for line in result.stderr.splitlines() if ": warning: " in line] == [
        "templates/partials/meta-info.html:1: warning: no page is made with this template:"
        " 'partials/metainfo.html' is named but not found; if it means this template,"
        " correct that name to 'partials/meta-info.html' where it is used"
    ]
    write_files(
        site,
        {
            "templates/search.html": PAGE.replace("{}", '{% include "partials/meta-info.html" %}'),
            "templates/404.html": PAGE.replace("{}", "<p>Gone.</p>"),
        },
    )
    result = run_glossary("build", "--strict", cwd=site)
    assert result.returncode == 0, result.stderr
    page = parse_html(site / "_site/search/index.html")
    assert [p.get_text() for p in page.select("p.meta")] == ["Reviewed."]


def test_a_template_extending_or_including_itself_is_one_error_saying_to_copy_the_themes(
    tmp_path: Path,
) -> None:
    """Was: an endless recursion error, and a warning at each of the site's partials that
    base.html includes, as unused; a partial wrapping the theme's of its name by including it,
    a generic endless recursion error."""
    site = write_files(
        copy_site("minimal", tmp_path),
        {
            "templates/base.html": '{% extends "base.html" %}\n{% block footer %}<p>Ours</p>{% endblock %}\n',
            "templates/partials/brand.html": '<a class="site-title" href="{{ root }}index.html">Logo</a>\n',
            "templates/partials/head.html": '<meta name="ours" content="1">\n',
        },
    )
    for command in ("check", "build"):
        result = run_glossary(command, cwd=site)
        assert result.returncode == 1, command
        assert "Traceback" not in result.stderr
        assert [line for line in result.stderr.splitlines() if "templates/" in line] == [
            "templates/base.html:1: template error: a template cannot extend itself: 'base.html' here is"
            " this file, not the theme's; to change the theme's base.html, copy the theme's file to"
            " templates/base.html instead and change the copy"
        ], command
    base = (PROJECT / "src/glossary_site/theme/templates/base.html").read_text(encoding="utf-8")
    footer = '<div class="wrapper">\n{% include "partials/footer.html" %}</div>\n'
    write_files(site, {"templates/base.html": base, "templates/partials/footer.html": footer})
    result = run_glossary("build", cwd=site)
    assert result.returncode == 1
    assert [line for line in result.stderr.splitlines() if "templates/" in line] == [
        "templates/partials/footer.html:2: template error: a template cannot include itself:"
        " 'partials/footer.html' here is this file, not the theme's; to change the theme's"
        " partials/footer.html, copy the theme's file to templates/partials/footer.html instead"
        " and change the copy"
    ]
    (site / "templates/partials/footer.html").unlink()
    ours = base.replace('{% include "partials/footer.html" %}', "<p>Ours</p>")
    write_files(site, {"templates/base.html": ours})
    result = run_glossary("build", "--strict", cwd=site)
    assert result.returncode == 0, result.stderr
    page = parse_html(site / "_site/index.html")
    assert present(page.select_one("footer p")).get_text() == "Ours"
    assert present(page.select_one("a.site-title")).get_text() == "Logo"


def test_a_template_included_as_optional_may_be_missing(tmp_path: Path) -> None:
    site = write_files(
        copy_site("minimal", tmp_path),
        {
            "templates/search.html": PAGE.replace(
                "{}",
                "{% include 'mine.html' ignore missing %}\n"
                "{% include ['yours.html', 'partials/found.html'] %}",
            ),
            "templates/partials/found.html": "<p>Found it.</p>\n",
        },
    )
    result = run_glossary("build", cwd=site)
    assert result.returncode == 0, result.stderr
    assert "<p>Found it.</p>" in (site / "_site/search/index.html").read_text(encoding="utf-8")


NOT_FILES: dict[str, tuple[Callable[[Path], None], str]] = {
    "a link to nothing": (
        lambda path: path.symlink_to(path.parent / "nowhere.html"),
        "a symbolic link to nothing: its target does not exist",
    ),
    "a folder": (Path.mkdir, "not a regular file but a folder; a template must be a plain text file"),
    "a named pipe": (
        os.mkfifo,
        "not a regular file but a named pipe (FIFO); a template must be a plain text file",
    ),
}


@pytest.mark.parametrize("kind", sorted(NOT_FILES))
def test_a_template_name_taken_by_no_file_is_an_error_not_the_theme(tmp_path: Path, kind: str) -> None:
    """The site meant to replace the theme's term.html; a named pipe must not be opened, as
    that would wait for a writer forever."""
    make, message = NOT_FILES[kind]
    site = copy_site("minimal", tmp_path)
    (site / "templates").mkdir()
    make(site / "templates/term.html")
    for command in ("check", "build"):
        result = run_glossary(command, cwd=site)
        assert result.returncode == 1, command
        assert "Traceback" not in result.stderr
        assert error_lines(result.stderr) == [f"templates/term.html:1: {message}"], command


def test_a_build_failed_by_a_template_keeps_its_conversions_for_the_next(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", cwd=site).returncode == 0
    term = site / "content/terms/tensor.md"
    term.write_text(term.read_text(encoding="utf-8") + "\nA paragraph added later.\n", encoding="utf-8")
    write_files(
        site,
        {"templates/group.html": "{% extends 'base.html' %}\n{% block main %}{{ nope.x }}{% endblock %}\n"},
    )
    assert run_glossary("build", cwd=site).returncode == 1

    (site / "templates/group.html").unlink()
    fixed = run_glossary("build", "-v", cwd=site)

    assert fixed.returncode == 0
    files = len(list((site / "content/terms").glob("*.md")))
    assert f"term files converted earlier, from the cache: {files} of {files}" in fixed.stdout
    assert "A paragraph added later." in (site / "_site/terms/tensor/index.html").read_text(encoding="utf-8")


def test_a_first_build_failed_by_a_content_error_keeps_the_conversions_for_the_next(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    term = site / "content/terms/tensor.md"
    good = term.read_text(encoding="utf-8")
    term.write_text(good.replace("related: [GPU, model-training]", "related: [Nowhere]"), encoding="utf-8")
    failed = run_glossary("build", cwd=site)
    assert failed.returncode == 1
    assert "content/terms/tensor.md:7: unknown related term 'Nowhere'" in failed.stderr
    assert not (site / "_site").exists()

    term.write_text(good, encoding="utf-8")
    fixed = run_glossary("build", "-v", cwd=site)

    assert fixed.returncode == 0
    files = len(list((site / "content/terms").glob("*.md")))
    assert f"term files converted earlier, from the cache: {files - 1} of {files}" in fixed.stdout
    assert "GPU" in (site / "_site/terms/tensor/index.html").read_text(encoding="utf-8")


def test_strict_turns_warnings_into_failure(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {
            "content/terms/orphan.md": "---\ntitle: Orphan\nsummary: Nobody links here.\n"
            "definition: An orphan term.\nrelated: [tensor]\n---\n"
        },
    )
    relaxed = run_glossary("build", cwd=site)
    assert relaxed.returncode == 0
    assert "content/terms/orphan.md:1: warning: no other term links to this one" in relaxed.stderr
    strict = run_glossary("build", "--strict", cwd=site)
    assert strict.returncode == 1
    assert "content/terms/orphan.md:1: warning: no 'updated' date" in strict.stderr


def test_tags_that_share_one_page_under_different_names_are_warned_of_once_each(tmp_path: Path) -> None:
    """Was silent: 'C', 'C++' and 'C#' all make the address tags/c/, so a programming glossary
    got one page titled "C" listing the terms of all three. The addresses stay; each other name
    is a warning where the first term A to Z gives it. Another spelling of one name is a warning
    of its own, at each line that writes it."""
    site = copy_site("minimal", tmp_path)
    gpu, training, tensor = (
        site / f"content/terms/{name}.md" for name in ("graphics-processing-unit", "model-training", "tensor")
    )
    edit = [
        (gpu, "tags: [hardware]", "tags: [hardware, C, Machine learning]"),
        (training, "category: Concepts\n", "category: Concepts\ntags: [C++]\n"),
        (tensor, "tags: [math, hardware]", "tags: [math, hardware, C#, C++, machine  Learning]"),
    ]
    for file, old, new in edit:
        text = file.read_text(encoding="utf-8")
        assert old in text
        file.write_text(text.replace(old, new, 1), encoding="utf-8")

    built = run_glossary("build", cwd=site)
    strict = run_glossary("build", "--strict", cwd=site)
    checked = run_glossary("check", cwd=site)

    assert built.returncode == 0, built.stderr
    fix = "write both alike, or rename one so each has its own page"
    shared = [
        "content/terms/model-training.md:6: warning: tag 'C++' shares its page tags/c/ with tag 'C' "
        f"(content/terms/graphics-processing-unit.md); {fix}",
        "content/terms/tensor.md:6: warning: tag 'C#' shares its page tags/c/ with tag 'C' "
        f"(content/terms/graphics-processing-unit.md); {fix}",
        "content/terms/tensor.md:6: warning: tag 'machine  Learning' is shown as 'Machine learning', "
        "as the first term A to Z spells it (a tie at 1 of 2 terms); write it so",
    ]
    for result in (built, strict, checked):
        assert [line for line in result.stderr.splitlines() if "tag '" in line] == shared
    assert strict.returncode == 1
    assert checked.returncode == 0
    for address, name in [("c", "C"), ("machine-learning", "Machine learning")]:  # as before
        page = parse_html(site / f"_site/tags/{address}/index.html")
        assert present(page.find("h1")).get_text(" ", strip=True) == f"Tag: {name}"


def test_an_updated_date_still_to_come_is_a_warning_at_its_line(tmp_path: Path) -> None:
    """Was silent: the page said "Updated 1 January 2999", the sitemap gave that day as the
    page's last change, and the term headed the feed above every term changed since."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8")
    tensor.write_text(text.replace("updated: 2025-02-01", "updated: 2999-01-01"), encoding="utf-8")
    line = text.splitlines().index("updated: 2025-02-01") + 1
    write_files(
        site,
        {
            "content/tools/hammer.md": "---\ntitle: Hammer\nsummary: Hits nails.\nurl: https://hammer.example/\n"
            "updated: 2999-01-01T10:00:00Z\n---\n"
        },
    )

    relaxed = run_glossary("build", cwd=site)
    strict = run_glossary("build", "--strict", cwd=site)

    assert relaxed.returncode == 0, relaxed.stderr
    coming = "warning: 'updated' date 2999-01-01 is in the future; write the day of the last change"
    assert f"content/terms/tensor.md:{line}: {coming}" in relaxed.stderr.splitlines()
    assert f"content/tools/hammer.md:5: {coming}" in relaxed.stderr.splitlines()
    assert strict.returncode == 1
    assert f"content/terms/tensor.md:{line}: {coming}" in strict.stderr.splitlines()


def test_bad_site_settings_are_reported_with_lines(tmp_path: Path) -> None:
    site = write_files(
        tmp_path / "site",
        {
            "content/site.yml": "title: X\nbase_url: ftp://example.org\ncolour: blue\n",
            "content/terms/a.md": "---\ntitle: A\nsummary: a\ndefinition: a\n---\n",
        },
    )
    result = run_glossary("check", cwd=site)
    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "content/site.yml:2: base_url 'ftp://example.org' must be an absolute http(s) address, "
        "e.g. https://example.com/",
        "content/site.yml:3: unknown setting 'colour'",
    ]


UNDERSCORE = "has an invalid host name 'bad_host': a host name cannot have '_'; use letters, digits and '-'"


def test_a_base_url_host_with_an_underscore_is_refused_in_site_yml_and_as_base_url(tmp_path: Path) -> None:
    """Was: built, with the feed, sitemap and canonical links on a host that cannot exist."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    text = settings.read_text()
    line = next(n for n, row in enumerate(text.splitlines(), 1) if row.startswith("base_url:"))

    flag = run_glossary("build", "--base-url", "http://bad_host/", cwd=site)
    check_flag = run_glossary("check", "--base-url", "http://bad_host/", cwd=site)
    settings.write_text(text.replace(text.splitlines()[line - 1], "base_url: http://bad_host/"))
    written = run_glossary("build", cwd=site)

    assert flag.returncode == 2
    assert f"glossary build: error: argument --base-url: 'http://bad_host/' {UNDERSCORE}" in flag.stderr
    assert check_flag.returncode == 2
    assert f"glossary check: error: argument --base-url: 'http://bad_host/' {UNDERSCORE}" in check_flag.stderr
    assert written.returncode == 1
    assert error_lines(written.stderr) == [
        f"content/site.yml:{line}: base_url 'http://bad_host/' {UNDERSCORE}"
    ]
    assert not (site / "_site").exists()


def test_output_folder_that_is_not_ours_is_refused(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    foreign = tmp_path / "precious"
    foreign.mkdir()
    (foreign / "thesis.txt").write_text("do not delete", encoding="utf-8")
    result = run_glossary("build", "--out", foreign, cwd=site)
    assert result.returncode == 2
    assert "not empty and was not made by glossary-site" in result.stderr
    assert (foreign / "thesis.txt").read_text() == "do not delete"
    for bad in (".", "content", "static/out", ".."):
        refused = run_glossary("build", "--out", bad, cwd=site)
        assert refused.returncode == 2, bad
        assert "Traceback" not in refused.stderr
    assert (site / "content/terms/tensor.md").is_file()


def test_a_term_file_that_cannot_be_read_is_one_error_not_one_per_reference(tmp_path: Path) -> None:
    """References by file name, by a title that slugifies to it, by plural, and by an alias
    still readable in the broken file all stay quiet; a real typo elsewhere is still reported."""
    site = copy_site("minimal", tmp_path)
    term = site / "content/terms/graphics-processing-unit.md"
    term.write_text(term.read_text().replace("title: Graphics processing unit", "title: [Graphics"))
    (site / "content/terms/tensor.md").write_bytes(b"---\ntitle: Tensor\xff\n---\n")
    write_files(
        site,
        {
            "content/terms/kernel.md": "---\ntitle: Kernel\nsummary: A function run on a GPU.\n"
            "definition: A kernel runs on [[graphics processing units]] and reads [[Tensors]].\n"
            "related: [graphics-processing-unit, Tensor, Graphics processing unit, tensr]\n---\n"
            "Written for the [[GPU]].\n",
        },
    )

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "content/terms/graphics-processing-unit.md:2: invalid YAML: "
        "the '[' list that starts on this line is never closed; end it with ']', "
        "or put the whole value in quotes if the '[' is part of the text",
        "content/terms/kernel.md:5: unknown related term 'tensr'",
        "content/terms/tensor.md:2: file is not valid UTF-8; save it as UTF-8",
    ]


def test_broken_site_settings_do_not_hide_the_errors_of_terms(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    (site / "content/site.yml").write_text("title: X\nbase_url: https://example.org/\ncolour: blue\n")
    model = site / "content/terms/model-training.md"
    model.write_text(model.read_text().replace("related: [", "related: [tensr, "))

    result = run_glossary("build", cwd=site)

    assert result.returncode == 1
    errors = error_lines(result.stderr)
    assert "content/site.yml:3: unknown setting 'colour'" in errors
    assert any(e.startswith("content/terms/model-training.md:") and "'tensr'" in e for e in errors), errors


def test_a_mistake_in_site_yml_does_not_hide_dead_links_or_static_clashes(tmp_path: Path) -> None:
    """Was: any site.yml error skipped page planning, so these waited for a second run."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    settings.write_text(
        settings.read_text()
        .replace("title: Mini Glossary\n", "colour: blue\n")
        .replace("url: https://example.org/stack-builder/", "url: javascript:go()")
    )
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text() + "\nSee [the model](../model-trainin/).\n")
    dead_link = tensor.read_text().splitlines().index("See [the model](../model-trainin/).") + 1
    model = site / "content/terms/model-training.md"
    model.write_text(model.read_text().replace("cta: false", "cta: stack-builder"))
    write_files(site, {"static/index.html/notes.txt": "mine"})

    for command in ("check", "build"):
        result = run_glossary(command, cwd=site)

        assert result.returncode == 1
        assert error_lines(result.stderr) == [
            "content/site.yml:1: missing required setting 'title'",
            "content/site.yml:1: unknown setting 'colour'",
            "content/site.yml:12: cta url 'javascript:go()' must be an http(s) address, a mailto: "
            "address or a path on this site like /pricing/",
            f"content/terms/tensor.md:{dead_link}: link '../model-trainin/' leads to no page of this "
            "site; check the path (it is read from the page's folder, /terms/tensor/)",
            "static/index.html:1: static folder would replace the generated index.html; rename it",
        ], command
    assert not (site / "_site").exists()


def test_a_mistake_in_site_yml_tools_settings_hides_no_dead_link(tmp_path: Path) -> None:
    """Was: links were left unchecked until the tools' settings were fixed, as if the pages
    depended on them, so the dead link came in a second run."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    settings.write_text(settings.read_text() + "tools:\n  attributes: [licence]\n")
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text() + "\nSee [the model](../model-trainin/).\n")
    model = site / "content/terms/model-training.md"
    model.write_text(model.read_text().replace("related: [", "related: [tensr, "))

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "content/site.yml:14: 'tools.attributes' must map each attribute to its values",
        "content/terms/model-training.md:6: unknown related term 'tensr'; did you mean 'tensor'?",
        "content/terms/tensor.md:30: link '../model-trainin/' leads to no page of this site; check the "
        "path (it is read from the page's folder, /terms/tensor/)",
    ]


def test_links_and_todos_in_values_written_over_several_lines_are_reported_at_their_own_line(
    tmp_path: Path,
) -> None:
    """Was: in a folded (`>`), plain or quoted value over several lines, at the value's first
    line, however far down the link or TODO was written; a formula or another generator's
    Markdown in a folded line, at the line that line of the value starts on."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {
            "content/terms/kernel.md": "---\ntitle: Kernel\nsummary: A function run on a GPU.\n"
            "definition: >\n  A kernel is a function\n  that runs :material-fast: on a [[GPU]] and $x^$\n\n"
            "  reads [[tensr]] values. TODO: say which\n"
            "faq:\n  - q: Why?\n    a: Because it is\n      fast with [[tensrs]]\n"
            '  - q: How?\n    a: "In \\"blocks\\"\n      of [[thredas]]"\n'
            "related: [tensor]\nupdated: 2025-01-01\n---\nBody.\n",
        },
    )
    lines = (site / "content/terms/kernel.md").read_text().splitlines()

    def line_of(text: str) -> int:
        return next(number for number, line in enumerate(lines, 1) if text in line)

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    below_line_1 = [
        line
        for line in result.stderr.splitlines()
        if line.startswith("content/terms/kernel.md:") and not line.startswith("content/terms/kernel.md:1:")
    ]
    assert below_line_1 == [
        f"content/terms/kernel.md:{line_of(':material-fast:')}: the formula 'x^' cannot be shown: a ^ or _ "
        "has nothing after it",
        f"content/terms/kernel.md:{line_of('[[tensr]]')}: unknown wiki-link target 'tensr'; "
        "did you mean 'tensor'?",
        f"content/terms/kernel.md:{line_of('[[tensrs]]')}: unknown wiki-link target 'tensrs'; "
        "did you mean 'tensor'?",
        f"content/terms/kernel.md:{line_of('[[thredas]]')}: unknown wiki-link target 'thredas'",
        f"content/terms/kernel.md:{line_of(':material-fast:')}: warning: ':material-fast:' is no emoji's "
        "shortcode, so it is shown as written; write the emoji itself (or its shortcode, such as :tada:), "
        "or leave it out",
        f"content/terms/kernel.md:{line_of('[[tensr]]')}: warning: a TODO placeholder is left in "
        "'definition'; replace it",
    ]


def test_links_in_questions_and_cells_written_over_several_lines_are_reported_at_their_own_line(
    tmp_path: Path,
) -> None:
    """Was: at the `q:` line or the row's line. A question or cell over several lines (folded,
    plain or quoted) was taken to be all on its first line, and a cell of a row written as a
    '- ' list to be on its row's; an answer had its own lines already."""
    site = copy_site("minimal", tmp_path)
    lines = [
        "---",
        "title: Kernel",
        "summary: A function run on a GPU.",
        "definition: A function that runs on a GPU.",
        "related: [tensor]",
        "faq:",
        "  - q: >",
        "      Folded question",
        "      with [[missing-a]]?",
        "    a: Yes.",
        "  - q: Plain question",
        "      with [[missing-b]]?",
        "    a: Yes.",
        '  - q: "A \\"quoted\\" question',
        '      with [[missing-c]]?"',
        "    a: Yes.",
        "tables:",
        "  - title: Chips",
        "    columns: [Chip, Note]",
        "    rows:",
        '      - [A100, "A quoted',
        '         cell [[missing-d]]"]',
        '      - ["- a cell that starts',
        '         as a list item [[missing-e]]", H100]',
        "      - - B200",
        '        - "[[missing-f]]"',
        "updated: 2025-01-01",
        "---",
        "Body.",
        "",
    ]
    write_files(site, {"content/terms/kernel.md": "\n".join(lines)})

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert [line for line in error_lines(result.stderr) if line.startswith("content/terms/kernel.md")] == [
        f"content/terms/kernel.md:{lines.index(line) + 1}: unknown wiki-link target '{target}'"
        for target in ("missing-a", "missing-b", "missing-c", "missing-d", "missing-e", "missing-f")
        for line in lines
        if f"[[{target}]]" in line
    ]


def test_problems_in_a_markdown_value_that_opens_with_an_empty_line_are_reported_at_their_own_line(
    tmp_path: Path,
) -> None:
    """Was: a line too high for each empty line the value opened with (`definition: |`, then an
    empty line), as the text is trimmed before it is converted and checked."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {
            "content/terms/kernel.md": "---\ntitle: Kernel\nsummary: A function run on a GPU.\n"
            "definition: |\n\n  A kernel reads [[tensr]] values.\n"
            "  ```c k.cu\n  x\n  ```\n"
            "faq:\n  - q: Why?\n    a: >\n\n\n      Fast with\n      [[tensrs]]\n"
            '  - q: How?\n    a: "\n\n      In [[thredas]]"\n'
            "related: [tensor]\nupdated: 2025-01-01\n---\nBody.\n",
        },
    )
    lines = (site / "content/terms/kernel.md").read_text().splitlines()

    def line_of(text: str) -> int:
        return next(number for number, line in enumerate(lines, 1) if text in line)

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert [line for line in error_lines(result.stderr) if line.startswith("content/terms/kernel.md")] == [
        f"content/terms/kernel.md:{line_of('[[tensr]]')}: unknown wiki-link target 'tensr'; "
        "did you mean 'tensor'?",
        f'content/terms/kernel.md:{line_of("k.cu")}: a code fence takes a language, title="…" and '
        "hl_lines=\"…\" only, not 'k.cu', or this block and the text after it come out garbled",
        f"content/terms/kernel.md:{line_of('[[tensrs]]')}: unknown wiki-link target 'tensrs'; "
        "did you mean 'tensor'?",
        f"content/terms/kernel.md:{line_of('[[thredas]]')}: unknown wiki-link target 'thredas'",
    ]


def test_a_bad_date_is_one_error_without_a_missing_date_warning(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("updated: 2025-02-01", "updated: 2025-02-30"))

    result = run_glossary("check", cwd=site)

    problems = [line for line in result.stderr.splitlines() if line.startswith("content/terms/tensor.md")]
    assert len(problems) == 1 and "'updated' must be a date like 2025-03-01" in problems[0], problems


def test_a_call_to_action_leading_to_no_page_of_the_site_is_reported_at_its_url(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    settings.write_text(
        settings.read_text().replace("url: https://example.org/stack-builder/", "url: /tuor/")
    )
    url_line = settings.read_text().splitlines().index("      url: /tuor/") + 1
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(
        tensor.read_text().replace(
            "updated: 2025-02-01",
            "updated: 2025-02-01\ncta:\n  heading: H\n  text: T\n  button: B\n  url: /terms/tensr/#x",
        )
    )

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        f"content/site.yml:{url_line}: cta url '/tuor/' leads to no page of this site; check the path",
        "content/terms/tensor.md:18: cta url '/terms/tensr/#x' leads to no page of this site; check the path",
    ]
    settings.write_text(settings.read_text().replace("url: /tuor/", "url: /search/"))
    tensor.write_text(tensor.read_text().replace("/terms/tensr/#x", "/terms/tensor/#x"))
    assert run_glossary("check", cwd=site).returncode == 0


def test_a_dead_link_is_reported_at_its_own_line_not_at_a_plain_text_field_quoting_it(
    tmp_path: Path,
) -> None:
    """Was: also at the line of a table's column name and of a source's title holding the same
    address as text, which their pages show as written (escaped), with no link in them."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {
            "content/terms/evil.md": "---\ntitle: Evil\nsummary: An evil thing.\n"
            'definition: An **Evil** thing <img src="pic.png" alt="">.\n'
            "related: [tensor, gpu]\nupdated: 2025-01-01\ntables:\n  - title: Kinds\n"
            '    columns: ["Name <img src=pic.png>", B]\n    rows:\n      - [a, b]\n'
            'sources:\n  - title: "Seen as <img src=pic.png>"\n    url: https://evil.example/\n'
            "---\nBody.\n",
        },
    )

    for command in ("build", "check"):
        result = run_glossary(command, cwd=site)
        assert result.returncode == 1, command
        assert "Traceback" not in result.stderr
        assert error_lines(result.stderr) == [
            "content/terms/evil.md:4: link 'pic.png' leads to no page of this site; check the path "
            "(it is read from the page's folder, /terms/evil/)",
        ], command


def test_a_dead_link_in_a_tools_body_is_not_reported_at_its_title_quoting_it(tmp_path: Path) -> None:
    """Was: also at the line of the title, which the tool's page shows as written."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {
            "content/tools/lens.md": '---\ntitle: "Lens <img src=pic.png>"\nsummary: A tool.\n'
            "url: https://example.com/\ncategory: Apps\n---\n"
            'A picture: <img src="pic.png" alt="">\n',
        },
    )

    result = run_glossary("check", cwd=site)

    assert error_lines(result.stderr) == [
        "content/tools/lens.md:7: link 'pic.png' leads to no page of this site; check the path "
        "(it is read from the page's folder, /tools/lens/)",
    ]


def test_a_dead_link_after_other_line_break_characters_is_reported_at_its_file_line(tmp_path: Path) -> None:
    """Was: a vertical tab, form feed or U+0085/U+2028 in the text above a dead link counted as
    a line of its own, so the link was reported lines below it, even past the end of the file;
    an editor's lines end only at LF, CRLF or CR."""
    site = copy_site("minimal", tmp_path)
    body = "---\ntitle: Odd\nsummary: S\ndefinition: D\n---\n\nA\x0bB\x0cC\x85D\u2028E\n\n[gone](/nowhere/)\n"
    write_files(site, {"content/terms/odd.md": body})

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert error_lines(result.stderr) == [  # a vertical tab and U+0085 no page may hold, either
        "content/terms/odd.md:7: characters U+000B and U+0085 are not allowed in a web page; remove them",
        "content/terms/odd.md:9: link '/nowhere/' leads to no page of this site; check the path",
    ]


def test_a_dead_link_meant_for_another_site_or_a_term_says_what_to_write(tmp_path: Path) -> None:
    """Was "leads to no page of this site; check the path (it is read from the page's folder…)"
    for each, though the path was right for another site's address written without https:// or
    mailto:, and for a term's page named in capitals or from the wrong folder."""
    site = copy_site("minimal", tmp_path)
    body = (
        "---\ntitle: Odd\nsummary: S\ndefinition: D\nsources:\n  - title: Roux\n"
        "    url: www.seriouseats.com/how-to-make-roux\n---\n\n"
        "Ask [us](someone@example.com) or [the docs](docs.python.org/3/#top).\n\n"
        "See [A](/terms/Tensor/#shapes), [B](terms/tensor/) and [C](tensor); not [D](tensors).\n"
    )
    write_files(site, {"content/terms/odd.md": body})

    result = run_glossary("check", cwd=site)

    dead = "content/terms/odd.md:{}: link '{}' leads to no page of this site"
    here = " (it is read from the page's folder, /terms/odd/)"
    assert error_lines(result.stderr) == [
        dead.format(7, "www.seriouseats.com/how-to-make-roux")
        + f"{here}; add https:// in front: https://www.seriouseats.com/how-to-make-roux",
        dead.format(10, "docs.python.org/3/#top")
        + f"{here}; add https:// in front: https://docs.python.org/3/#top",
        dead.format(10, "someone@example.com") + f"{here}; write mailto:someone@example.com",
        dead.format(12, "/terms/Tensor/#shapes") + "; did you mean '/terms/tensor/#shapes'?",
        dead.format(12, "tensor") + f"{here}; did you mean '/terms/tensor/'?",
        dead.format(12, "tensors") + f"; check the path{here}",
        dead.format(12, "terms/tensor/") + f"{here}; did you mean '/terms/tensor/'?",
    ]


def test_a_link_written_as_a_hugo_ref_shortcode_says_how_to_link_a_term(tmp_path: Path) -> None:
    """Was: "link '{{< ref "tensor.md" >}}' leads to no page of this site; check the path", which
    sent an editor coming from Hugo looking for a wrong path rather than at the shortcode; then
    "link a term with [[its title]], or write ... such as /terms/gpu/", whatever term it named."""
    site = copy_site("minimal", tmp_path)
    body = (
        "---\ntitle: Odd\nsummary: S\ndefinition: D\n---\n\n"
        'See [the tensor]({{< ref "tensor.md" >}}) and [GPUs]({{< relref "/terms/gpu" >}}).\n'
        '\nIts [history]({{< ref "/glossary/gpu/index.md#history" >}}).\n'
    )
    write_files(site, {"content/terms/odd.md": body})

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    how = (
        "is a shortcode, which is not read here; link the term as [[{0}]], "
        "or write the address of its page, /terms/{0}/"
    )
    assert error_lines(result.stderr) == [
        f"""content/terms/odd.md:7: link '{{{{< ref "tensor.md" >}}}}' {how.format("tensor")}""",
        f"""content/terms/odd.md:7: link '{{{{< relref "/terms/gpu" >}}}}' {how.format("gpu")}""",
        """content/terms/odd.md:9: link '{{< ref "/glossary/gpu/index.md#history" >}}' """
        + how.format("gpu").replace("/terms/gpu/", "/terms/gpu/#history"),
    ]


def test_links_to_no_page_and_static_clashes_are_reported_beside_other_errors(tmp_path: Path) -> None:
    """They need the full page list; a broken term must not hide them until it is mended, and a
    link to the page of a term file that could not be read is not a second error."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    settings.write_text(
        settings.read_text().replace("url: https://example.org/stack-builder/", "url: /tuor/")
    )
    url_line = settings.read_text().splitlines().index("      url: /tuor/") + 1
    write_files(site, {"static/search/index.html": "mine", "content/terms/broken.md": "---\ntitle: [\n---\n"})
    tensor = site / "content/terms/tensor.md"
    cta = "cta:\n  heading: H\n  text: T\n  button: B\n  url: /terms/broken/"
    tensor.write_text(tensor.read_text().replace("updated: 2025-02-01", f"updated: 2025-02-01\n{cta}"))

    result = run_glossary("build", cwd=site)

    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        f"content/site.yml:{url_line}: cta url '/tuor/' leads to no page of this site; check the path",
        "content/terms/broken.md:2: invalid YAML: the '[' list that starts on this line is never "
        "closed; end it with ']', or put the whole value in quotes if the '[' is part of the text",
        "static/search/index.html:1: static file would replace the generated search/index.html; "
        "to change that file, write templates/search.html instead (copy the theme's to start)",
    ]
    assert not (site / "_site").exists()


@pytest.mark.parametrize("folder", ["terms", "tools"])
def test_the_body_of_a_file_whose_front_matter_cannot_be_read_is_checked_in_the_same_run(
    tmp_path: Path, folder: str
) -> None:
    """Was: only the YAML error, and the body's unclosed fence and formula shown as written once
    that was fixed: one run reports every problem it can find."""
    site = copy_site("minimal", tmp_path)
    body = "Its $x^{$ grows :material-fast:.\n\n```\nnever closed\n"
    write_files(site, {f"content/{folder}/broken.md": f"---\ntitle: [\n---\n\n{body}"})

    for command in ("check", "build"):
        result = run_glossary(command, "--strict", cwd=site)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr
        lines = [
            line for line in result.stderr.splitlines() if line.startswith(f"content/{folder}/broken.md")
        ]
        assert [line.split(": ", 2)[0:2] for line in lines] == [
            [f"content/{folder}/broken.md:2", "invalid YAML"],
            [f"content/{folder}/broken.md:5", "the formula 'x^{' cannot be shown"],
            [f"content/{folder}/broken.md:5", "warning"],
            [f"content/{folder}/broken.md:7", "warning"],
        ], lines


def test_static_folders_named_like_a_page_or_a_theme_file_are_reported_output_untouched(
    tmp_path: Path,
) -> None:
    """Was: check passed, and a build over a good one exited 0 with a folder where the home
    page was (a fresh build stopped with 'File exists', exit 2)."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    home = (site / "_site/index.html").read_bytes()
    write_files(site, {"static/index.html/notes.txt": "mine", "static/assets/style.css/x.css": "mine"})
    expected = [
        "static/assets/style.css:1: static folder would replace the theme's assets/style.css; rename it",
        "static/index.html:1: static folder would replace the generated index.html; rename it",
    ]

    for command in (("check",), ("build", "--no-search")):
        result = run_glossary(*command, cwd=site)

        assert result.returncode == 1
        assert error_lines(result.stderr) == expected
    assert (site / "_site/index.html").is_file()
    assert (site / "_site/index.html").read_bytes() == home
    assert (site / "_site/assets/style.css").is_file()


def test_a_static_override_of_a_theme_file_in_another_letter_case_is_an_error_output_untouched(
    tmp_path: Path,
) -> None:
    """Was: built (exit 0) with assets/Style.css beside the theme's style.css, which every page
    still linked, so the override did nothing on Linux and replaced the theme's on macOS."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--no-search", cwd=site).returncode == 0
    before = {p: p.read_bytes() for p in (site / "_site").rglob("*") if p.is_file()}
    write_files(site, {"static/assets/Style.css": "body { color: red; }", "static/Index.html": "mine"})
    expected = [
        "static/Index.html:1: static file differs from the generated index.html only in letter case,"
        " so it would replace it on macOS and Windows; rename it",
        "static/assets/Style.css:1: static file differs from the theme's assets/style.css only in letter"
        " case, so it replaces it on macOS and Windows but not elsewhere; to replace it, name it"
        " static/assets/style.css",
    ]

    for command in (("check",), ("build", "--no-search")):
        result = run_glossary(*command, cwd=site)

        assert result.returncode == 1
        assert error_lines(result.stderr) == expected
        assert "Traceback" not in result.stderr
    assert {p: p.read_bytes() for p in (site / "_site").rglob("*") if p.is_file()} == before


def test_a_site_without_terms_builds_with_a_warning_that_says_how_to_add_one(tmp_path: Path) -> None:
    site = write_files(tmp_path / "site", {"content/site.yml": "title: T\nbase_url: https://example.org/\n"})

    relaxed = run_glossary("build", "--no-search", cwd=site)
    strict = run_glossary("check", "--strict", cwd=site)

    warning = 'content/terms:1: warning: no term files yet; add one with glossary new "Title"'
    assert relaxed.returncode == 0 and warning in relaxed.stderr.splitlines()
    assert strict.returncode == 1 and warning in strict.stderr.splitlines()


def test_the_no_terms_warning_of_a_build_given_source_names_it_so_its_command_can_be_pasted(
    tmp_path: Path,
) -> None:
    """Was `glossary new "Title"`, which, pasted where the build ran, found no site folder."""
    write_files(tmp_path / "my site", {"content/site.yml": "title: T\nbase_url: https://example.org/\n"})

    built = run_glossary("build", "--no-search", "--source", "my site", cwd=tmp_path)
    warned = [line for line in built.stderr.splitlines() if "no term files yet" in line]
    assert warned == [
        "content/terms:1: warning: no term files yet; add one with glossary new --source 'my site' \"Title\""
    ]
    pasted = shlex.split(warned[0].split(" with ", 1)[1])
    assert run_glossary(*pasted[1:], cwd=tmp_path).returncode == 0
    assert (tmp_path / "my site/content/terms/title.md").is_file()


def test_strict_check_reports_template_errors_beside_warnings(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {"templates/group.html": "{% extends 'base.html' %}\n{% block main %}{{ nope.x }}{% endblock %}\n"},
    )
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("updated: 2025-02-01\n", ""))

    result = run_glossary("check", "--strict", cwd=site)

    assert result.returncode == 1
    assert "content/terms/tensor.md:1: warning: no 'updated' date" in result.stderr
    assert "templates/group.html:2: template error: 'nope' is undefined" in result.stderr


def test_strict_build_failing_on_warnings_also_reports_template_errors_and_keeps_the_site(
    tmp_path: Path,
) -> None:
    """Was: `build --strict` stopped at the warning without rendering, so a misspelt variable
    in a template was reported only once the warning was fixed, in a second run; `check
    --strict` reported both. The failed build renders but publishes nothing, and leaves no
    state a later build trusts: the error is still reported once the warning goes."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", cwd=site).returncode == 0
    before = tree_digest(site / "_site")
    term = (PROJECT / "src/glossary_site/theme/templates/term.html").read_text(encoding="utf-8")
    write_files(site, {"templates/term.html": term.replace("{{ term.summary }}", "{{ term.sumary }}", 1)})
    line = next(n for n, text in enumerate(term.splitlines(), 1) if "{{ term.summary }}" in text)
    tensor = site / "content/terms/tensor.md"
    dated = tensor.read_text(encoding="utf-8")
    tensor.write_text(dated.replace("updated: 2025-02-01\n", ""), encoding="utf-8")
    warning = (
        "content/terms/tensor.md:1: warning: no 'updated' date; add one so feeds and sitemaps can use it"
    )
    error = (
        f"templates/term.html:{line}: template error: 'term' has no field 'sumary'; "
        "did you mean 'summary'? (making terms/graphics-processing-unit/index.html and 2 other pages)"
    )

    strict = run_glossary("build", "--strict", cwd=site)

    assert strict.returncode == 1
    assert "Traceback" not in strict.stderr
    assert [error, warning] == [shown for shown in strict.stderr.splitlines() if shown in (warning, error)]
    assert "Build failed: 1 error(s), 1 warning(s); " in strict.stderr
    assert tree_digest(site / "_site") == before
    assert [p.name for p in site.iterdir() if p.name.startswith("._site.") and p.is_dir()] == []

    tensor.write_text(dated, encoding="utf-8")
    relaxed = run_glossary("build", cwd=site)
    assert relaxed.returncode == 1
    assert error in relaxed.stderr.splitlines()
    assert tree_digest(site / "_site") == before


def test_markdown_at_the_start_of_a_value_says_to_quote_it_and_an_anchor_is_not_dropped(
    tmp_path: Path,
) -> None:
    """Was: PyYAML's words ("did not find expected alphabetic or numeric character"), and
    `definition: &bold Tensor…` published without its first word."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("definition: A **tensor**", "definition: &bold tensor"))
    gpu = site / "content/terms/graphics-processing-unit.md"
    gpu.write_text(gpu.read_text().replace("category: Hardware", "category: **Hardware** chips"))

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "content/terms/graphics-processing-unit.md:7: invalid YAML: a value cannot start with '*'; "
        "put the whole value in quotes",
        "content/terms/tensor.md:4: YAML anchors (&name) are not supported; "
        "to start a value with '&', put the whole value in quotes",
    ]


def test_a_todo_left_in_the_body_of_a_new_term_is_a_warning_at_its_line(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    assert run_glossary("new", "Activation function", "--related", "tensor", cwd=site).returncode == 0
    stub = site / "content/terms/activation-function.md"
    todo_line = stub.read_text().splitlines().index("TODO the body in Markdown.") + 1

    result = run_glossary("check", cwd=site)

    assert (
        f"content/terms/activation-function.md:{todo_line}: warning: a TODO placeholder is left in the body"
        in result.stderr
    )


def test_the_same_problem_found_twice_on_a_line_is_printed_and_counted_once(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(
        tensor.read_text().replace("updated: 2025-02-01", "updated: 2025-02-01\naliases: [Null, '', ~, Null]")
    )

    result = run_glossary("check", cwd=site)

    assert error_lines(result.stderr) == [
        "content/terms/tensor.md:18: each of 'aliases' must be non-empty text",
        "content/terms/tensor.md:18: each of 'aliases' must be non-empty text (YAML reads a bare Null "
        'as nothing; to mean the word, quote it: "Null")',
    ]
    assert "Check failed: 2 error(s), 0 warning(s)." in result.stderr


def test_markdown_too_much_for_the_converter_is_reported_in_site_intros_and_tool_bodies(
    tmp_path: Path,
) -> None:
    """Was: a traceback (RecursionError) for a deep list in site.yml's intro, and minutes of
    converting for thousands of '[' in a tool's body or the Stack Builder's intro; and a term
    field refused so hid every other problem of its file (its related terms, its wiki-links)."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    text = settings.read_text(encoding="utf-8") + "intro: |\n"
    text += "".join("  " + "    " * level + "- item\n" for level in range(300))
    text += 'stack_builder:\n  intro: "' + "[" * 2_500 + '"\n'
    settings.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    odd = '---\ntitle: Odd\nsummary: s\ndefinition: "' + "[" * 2_500
    odd += '"\nrelated: [nowhere]\n---\n[[Elsewhere]]\n'
    write_files(
        site,
        {
            "content/tools/torch.md": "---\ntitle: Torch\nsummary: A library.\n---\n" + "[" * 2_500,
            "content/terms/odd.md": odd,
        },
    )

    result = run_glossary("check", cwd=site)

    too_many = "more than 2,000 '[' in one field; escape them as \\[ or split it"
    too_deep = f"lists, block quotes and definitions nested more than {MAX_NESTING} levels deep; flatten them"
    assert result.returncode == 1 and "Traceback" not in result.stderr
    for problem in (
        f"content/site.yml:{lines.index('  ' + '    ' * MAX_NESTING + '- item') + 1}: {too_deep}",
        f"content/site.yml:{lines.index('stack_builder:') + 2}: {too_many}",
        f"content/tools/torch.md:5: {too_many}",
        f"content/terms/odd.md:4: {too_many}",
        "content/terms/odd.md:5: unknown related term 'nowhere'",
        "content/terms/odd.md:7: unknown wiki-link target 'Elsewhere'",
    ):
        assert problem in result.stderr.splitlines()


def test_markdown_too_much_for_the_converter_is_reported_at_the_line_where_it_passes_the_limit(
    tmp_path: Path,
) -> None:
    """Was: at the first line of the body, field or intro, however far down the 2,001st '[',
    the list item nested past the limit or the paragraph of unclosed '[' was."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    settings_text = settings.read_text(encoding="utf-8")
    settings_text += (
        "intro: >\n  Three terms\n  for tests,\n  see " + "[" * 1_500 + "\n  and " + "[" * 600 + "\n"
    )
    settings_text += "stack_builder:\n  intro: |\n    Pick a tool.\n\n    " + "[" * 2_500 + "\n"
    settings.write_text(settings_text, encoding="utf-8")
    unclosed, deepest = "      [" + "word " * 8, "    " * MAX_NESTING + "- item"
    second = "  and on " + "[" * 600
    term = (
        "---\ntitle: Odd\nsummary: s\nrelated: [tensor]\ndefinition: >\n  A folded definition\n"
        f"  that goes on {'[' * 1_500}\n{second}\n"
        "faq:\n  - q: Why?\n    a: |\n      Because.\n\n"
        + f"{unclosed}\n" * 600
        + "---\nIntro.\n\n"
        + "\n".join("    " * level + "- item" for level in range(300))
        + "\n"
    )
    tool = "---\ntitle: Torch\nsummary: A library.\nurl: https://pytorch.org/\n---\nIntro.\n\n"
    tool += "[" * 1_500 + "\n" + "[" * 1_000 + "\n"
    write_files(site, {"content/terms/odd.md": term, "content/tools/torch.md": tool})
    term_lines, settings_lines = term.splitlines(), settings_text.splitlines()

    result = run_glossary("check", cwd=site)

    too_many = "more than 2,000 '[' in one field; escape them as \\[ or split it"
    too_deep = f"lists, block quotes and definitions nested more than {MAX_NESTING} levels deep; flatten them"
    too_slow = (
        "too many '[' without a matching ']' in one paragraph; escape them as \\[ or split the paragraph"
    )
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert [line for line in error_lines(result.stderr) if line.endswith((too_many, too_deep, too_slow))] == [
        f"content/site.yml:{settings_lines.index('  and ' + '[' * 600) + 1}: {too_many}",
        f"content/site.yml:{settings_lines.index('    ' + '[' * 2_500) + 1}: {too_many}",
        f"content/terms/odd.md:{term_lines.index(second) + 1}: {too_many}",
        f"content/terms/odd.md:{term_lines.index(unclosed) + 1}: {too_slow}",
        f"content/terms/odd.md:{term_lines.index(deepest) + 1}: {too_deep}",
        "content/tools/torch.md:9: " + too_many,
    ]


def test_template_syntax_errors_are_reported_with_the_contents_errors_in_one_run(tmp_path: Path) -> None:
    """Was: the term's error alone; the templates' errors only once it was mended."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text(encoding="utf-8").replace("updated:", "updated: 2025-13-45\nx:"))
    write_files(site, {"templates/tool.html": "{% if %}\n", "templates/partials/cta.html": "\n{% for %}\n"})

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    problems = result.stderr.splitlines()
    assert any(line.startswith("content/terms/tensor.md:") and "2025-13-45" in line for line in problems)
    syntax = "template error: Expected an expression, got 'end of statement block'"
    assert f"templates/tool.html:1: {syntax}" in problems
    assert any(line.startswith("templates/partials/cta.html:2: template error:") for line in problems)


def test_an_unknown_template_filter_is_reported_with_the_contents_errors_in_one_run(tmp_path: Path) -> None:
    """Was: the term's error alone, as a filter is looked up only as the page is made; the
    template's error came once the term was mended."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8").replace("updated: 2025-02-01", "updated: 2025-13-45")
    tensor.write_text(text, encoding="utf-8")
    date_line = tensor.read_text(encoding="utf-8").splitlines().index("updated: 2025-13-45") + 1
    write_files(site, {"templates/partials/cta.html": "<aside>\n  {{ cta.heading | titel }}\n</aside>\n"})

    assert_build_and_check_report(
        site,
        [
            f"content/terms/tensor.md:{date_line}: 'updated' must be a date like 2025-03-01, "
            "not '2025-13-45'",
            "templates/partials/cta.html:2: template error: No filter named 'titel'; did you mean 'title'?",
        ],
    )
    assert not (site / "_site").exists()


def test_an_unknown_filter_in_a_branch_is_named_with_the_filter_meant_as_the_page_takes_it(
    tmp_path: Path,
) -> None:
    """Inside an `{% if %}`, Jinja looks a filter up only as a page takes the branch; the
    message then lacked the "did you mean" that one outside has."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site, {"templates/partials/head.html": "{% if site.title %}{{ site.title | titel }}{% endif %}\n"}
    )

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert [line.split(" (making")[0] for line in result.stderr.splitlines() if "titel" in line] == [
        "templates/partials/head.html:1: template error: No filter named 'titel'; did you mean 'title'?"
    ]


def test_a_fence_written_for_another_generator_builds_and_says_what_it_leaves_out(tmp_path: Path) -> None:
    """Was: an error (and before that, built without a word, the block's code came out as a
    paragraph and its closing fence swallowed the text after it, headings and all)."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    titled, numbered = '```python title="shapes.py"', '```js linenums="1"'
    text = tensor.read_text(encoding="utf-8") + f"\n{titled}\nx = 1\n```\n\n## More\n\n{numbered}\ny\n```\n"
    tensor.write_text(text, encoding="utf-8")
    lines = text.splitlines()
    tool = (
        "---\ntitle: Torch\nsummary: A tensor library.\nurl: https://pytorch.org/\nupdated: 2025-06-01\n---\n"
    )
    pygments_option = '\n```{ .sh style="monokai" }\necho done\n```\n'  # was: a traceback
    write_files(
        site,
        {
            "content/tools/torch.md": tool
            + "\n```bash {.numbered}\npip install torch\n```\n"
            + pygments_option
        },
    )

    result = run_glossary("build", cwd=site)

    assert result.returncode == 0, result.stderr
    assert [line for line in result.stderr.splitlines() if "code fence" in line] == [
        f"content/terms/tensor.md:{lines.index(numbered) + 1}: warning: this code fence's 'linenums' is "
        'left out: the theme does not number a block\'s lines; point to a line with hl_lines="…" instead',
        "content/tools/torch.md:8: warning: this code fence's '.numbered' is left out, as it does "
        'nothing here: a fence takes a language, title="…" and hl_lines="…"',
        "content/tools/torch.md:12: warning: this code fence's 'style' is left out, as it does "
        'nothing here: a fence takes a language, title="…" and hl_lines="…"',
    ]
    page = parse_html(site / "_site/terms/tensor/index.html")
    title = page.find("p", class_="code-title")
    assert title is not None and title.get_text() == "shapes.py"
    assert present(title.find_next_sibling("div", class_="highlight")).get_text() == "x = 1\n"
    assert "More" in [heading.get_text().rstrip("#") for heading in page.find_all("h2")]
    tool_page = parse_html(site / "_site/tools/torch/index.html")
    assert [block.get_text() for block in tool_page.select("div.highlight")] == [
        "pip install torch\n",
        "echo done\n",
    ]


def test_words_after_a_fences_language_are_an_error_at_their_line_in_every_markdown_field(
    tmp_path: Path,
) -> None:
    """Was: checked in bodies only; in a definition, an answer, a table's intro or site.yml's
    intro, the block's code came out as a paragraph of inline code, without a word."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    in_definition, in_intro = "  ```python a.py", "      ```bash the setup"
    in_answer, in_body = "      ```js first try", "```python shapes.py"
    text = tensor.read_text(encoding="utf-8")
    text = text.replace(
        "definition: A **tensor** generalises vectors and matrices to any number of axes.\n",
        f"definition: |\n  A **tensor** has axes.\n\n{in_definition}\n  x = 1\n  ```\n",
    )
    # A quoted value over several lines: its line breaks are not the file's.
    text = text.replace(
        "  - title: Tensor ranks\n",
        f'  - title: Tensor ranks\n    intro: "Ranks.\n\n\n{in_intro}\n\n      ls\n\n      ```"\n',
    )
    text = text.replace(
        "    a: Yes, a matrix is a **rank-2** tensor.\n",
        f"    a: |\n      Yes.\n\n{in_answer}\n      m\n      ```\n",
    )
    text += f"\n{in_body}\nx = 1\n```\n"
    tensor.write_text(text, encoding="utf-8")
    settings = site / "content/site.yml"
    in_home = "  ```python intro.py"
    intro = f"intro: |\n  Welcome.\n\n{in_home}\n  print(1)\n  ```\n"
    settings.write_text(settings.read_text(encoding="utf-8") + intro, encoding="utf-8")
    lines, settings_lines = text.splitlines(), settings.read_text(encoding="utf-8").splitlines()

    def problem(where: str, extra: str) -> str:
        return (
            f'{where}: a code fence takes a language, title="…" and hl_lines="…" only, not \'{extra}\', '
            "or this block and the text after it come out garbled"
        )

    for command in ("check", "build"):
        result = run_glossary(command, cwd=site)

        assert result.returncode == 1, command
        assert [line for line in result.stderr.splitlines() if "code fence" in line] == [
            problem(f"content/site.yml:{settings_lines.index(in_home) + 1}", "intro.py"),
            problem(f"content/terms/tensor.md:{lines.index(in_definition) + 1}", "a.py"),
            problem(f"content/terms/tensor.md:{lines.index(in_intro) + 1}", "the setup"),
            problem(f"content/terms/tensor.md:{lines.index(in_answer) + 1}", "first try"),
            problem(f"content/terms/tensor.md:{lines.index(in_body) + 1}", "shapes.py"),
        ], command


def test_markdown_written_for_mkdocs_or_hugo_is_named_at_its_file_line(tmp_path: Path) -> None:
    """Was: `=== "Tab` (a tab's title not closed), `==…==`, `{#id title="x"}` and a shortcode inside a
    line reached the page as written, an <iframe> vanished, and a MkDocs link to `tensor.md` was
    only a path that "leads to no page", all with no word of what to write instead. The file is
    saved with a BOM and CRLF line ends, as some Windows editors do; lines count from the front
    matter's first."""
    site = copy_site("minimal", tmp_path)
    text = (
        "\ufeff---\ntitle: Odd\nsummary: S\ndefinition: |\n  Once\n  :material-twice:.\nrelated: [tensor]\n"
        "---\n\n"
        '## Usage {#use title="Use"}\n\n'
        '=== "Tab one\n    A tab.\n\n'
        '<iframe src="https://www.youtube.com/embed/x"></iframe>\n\n'
        "See [the tensor](tensor.md#shape) and press {{< kbd Ctrl >}}.\n"
    )
    (site / "content/terms/odd.md").write_bytes(text.replace("\n", "\r\n").encode("utf-8"))

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "content/terms/odd.md:17: link 'tensor.md#shape' names a Markdown file, which has no address "
        "here; link the term as [[tensor]], or write the address of its page, /terms/tensor/#shape"
    ]
    warned = [line.split(": warning: ") for line in result.stderr.splitlines() if ": warning: " in line]
    said = {where: message for where, message in warned}
    assert said["content/terms/odd.md:6"].startswith("':material-twice:' is no emoji's shortcode")
    assert said["content/terms/odd.md:10"].startswith("'{#use title=\"Use\"}' is an attribute list")
    assert said["content/terms/odd.md:12"].startswith(
        "'=== \"Tab one' is shown as written, not as a content tab"
    )
    assert said["content/terms/odd.md:15"].startswith("'<iframe>' is read as an HTML tag and removed")
    assert said["content/terms/odd.md:17"].startswith("'{{< kbd Ctrl >}}' is a Hugo shortcode")


def test_markdown_of_another_generator_in_a_table_cell_or_a_question_is_named_at_its_line(
    tmp_path: Path,
) -> None:
    """Was: said of the body, the definition and the answers only, so a `<script>` or an
    `<iframe>` in a cell or a question left the page with no word, and `:material-old:` in a cell
    was shown as written, though cells and questions are inline Markdown as those are."""
    site = copy_site("minimal", tmp_path)
    lines = [
        "---",
        "title: Odd",
        "summary: S",
        "definition: Odd.",
        "related: [tensor]",
        "tables:",
        "  - title: Chips",
        "    columns: [Chip, Note]",
        "    rows:",
        '      - [A100, "Its :material-old: price"]',
        '      - [H100, "Watch <iframe src=x></iframe> here"]',
        "faq:",
        '  - q: "Is <script>alert(1)</script> safe?"',
        "    a: No.",
        "---",
        "",
    ]
    write_files(site, {"content/terms/odd.md": "\n".join(lines)})

    result = run_glossary("check", cwd=site)

    warned = [line for line in result.stderr.splitlines() if line.startswith("content/terms/odd.md:")]
    assert [
        line.split(": warning: ")[0] for line in warned if "shown as written" in line or "HTML tag" in line
    ] == [
        "content/terms/odd.md:10",
        "content/terms/odd.md:11",
        "content/terms/odd.md:13",
    ]
    said = {where: message for where, message in (line.split(": warning: ") for line in warned)}
    assert said["content/terms/odd.md:10"].startswith("':material-old:' is no emoji's shortcode")
    assert said["content/terms/odd.md:11"].startswith("'<iframe>' is read as an HTML tag and removed")
    assert said["content/terms/odd.md:13"].startswith("'<script>' is read as an HTML tag and removed")


def test_a_message_about_a_huge_title_quotes_only_its_start(tmp_path: Path) -> None:
    """Was: a title of 5,000,000 characters was quoted whole by the warning that the definition
    never mentions it: 5 MB on the terminal for one line."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    huge = "Tensor" + "x" * 200_000
    tensor.write_text(tensor.read_text(encoding="utf-8").replace("title: Tensor", f"title: {huge}", 1))

    result = run_glossary("check", cwd=site)

    assert result.returncode == 0, result.stderr
    assert max(len(line) for line in result.stderr.splitlines()) < 1000
    assert (
        f"content/terms/tensor.md:4: warning: the definition never mentions '{huge[:40]}…' or an alias"
        in result.stderr
    )


def test_the_error_that_failed_the_build_is_printed_before_the_warnings(tmp_path: Path) -> None:
    """Was: problems in file order alone, so one error in a file sorted late came after every
    warning of the files before it, item 416 of 420 on a big site. Now the errors come first,
    then the warnings, each in file and line order, and the summary line last, in every format
    read from top to bottom."""
    site = copy_site("minimal", tmp_path)
    warned = {
        f"content/terms/a-{n}.md": f"---\ntitle: A{n}\nsummary: S\ndefinition: Once :material-twice:.\n---\n"
        for n in (1, 2, 3)
    }
    broken = "---\ntitle: Zed\nsummary: S\ndefinition: Zed.\nrelated: [tensr]\n---\n"
    write_files(site, {**warned, "content/terms/z-broken.md": broken})

    build = run_glossary("build", cwd=site)
    github = run_glossary("check", "--format", "github", cwd=site)

    assert build.returncode == github.returncode == 1
    lines = build.stderr.splitlines()
    problems = [line for line in lines if line.startswith("content/")]
    assert problems[0] == "content/terms/z-broken.md:5: unknown related term 'tensr'; did you mean 'tensor'?"
    warnings = problems[1:]
    assert all(": warning: " in line for line in warnings)
    assert [line.split(":")[0] for line in warnings if ":material-twice:" in line] == sorted(warned)
    assert warnings == sorted(warnings, key=lambda line: (line.split(":")[0], int(line.split(":")[1])))
    assert lines[-1].startswith("Build failed: 1 error(s), ")
    annotations = github.stdout.splitlines()
    assert annotations[0].startswith("::error file=content/terms/z-broken.md,line=5,")
    assert all(line.startswith("::warning ") for line in annotations[1:])


def test_a_line_indented_out_of_step_is_said_to_be_so_at_its_line(tmp_path: Path) -> None:
    """Was: PyYAML's 'did not find expected key' (or "… expected '-' indicator"), which names
    nothing wrong in the line's text, for the commonest slip of a new editor: an alias line
    one space in after a block definition, an answer not lined up with its question."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", cwd=site).returncode == 0
    before = tree_digest(site / "_site")
    term = "---\ntitle: {0}\nsummary: S.\ndefinition: |\n  **{0}** is a term.\n"
    write_files(
        site,
        {
            "content/terms/alias.md": term.format("Alias") + " aliases: [A]\nrelated: [tensor]\n---\n",
            "content/terms/answer.md": term.format("Answer") + "faq:\n  - q: Why?\n   a: So.\n---\n",
        },
    )
    misaligned = (
        "invalid YAML: this line is indented differently from the lines above it; give it as "
        "many spaces as the other keys (or '- ' items) of its list or mapping"
    )

    assert_build_and_check_report(
        site,
        [
            f"content/terms/alias.md:6: {misaligned}",
            f"content/terms/answer.md:8: {misaligned}",
        ],
    )
    assert tree_digest(site / "_site") == before


def test_a_code_fence_left_open_is_a_warning_at_its_line(tmp_path: Path) -> None:
    """Was: no word at all, while the page showed '```python' and the code as a paragraph.
    Closed fences, a fence shown inside a longer one and ```inline``` code are no warning."""
    site = copy_site("minimal", tmp_path)
    lines = [
        "---",
        "title: Open",
        "summary: S.",
        "definition: |",
        "  **Open** fences.",
        "  ~~~",
        "  x = 1",
        "related: [tensor]",
        "updated: 2025-02-01",
        "---",
        "",
        "````markdown",
        "```python",
        "````",
        "",
        "Run ```f()``` once.",
        "",
        "```bash",
        "ls",
        "```",
        "",
        "```python",
        'print("hi")',
        "",
        "More text.",
        "",
    ]
    write_files(site, {"content/terms/open.md": "\n".join(lines)})

    result = run_glossary("build", "--no-search", cwd=site)

    assert result.returncode == 0
    unclosed = [line for line in result.stderr.splitlines() if "never closed" in line]
    assert unclosed == [
        "content/terms/open.md:6: warning: this code fence '~~~' is never closed, so the page "
        "shows it and the code as text; end the code with a line of ~~~",
        "content/terms/open.md:22: warning: this code fence '```' is never closed, so the page "
        "shows it and the code as text; end the code with a line of ```",
    ]
    prose = present(parse_html(site / "_site/terms/open/index.html").select_one(".prose"))
    assert '```python print("hi")' in " ".join(prose.get_text().split())
    checked = run_glossary("check", cwd=site)
    assert [line for line in checked.stderr.splitlines() if "never closed" in line] == unclosed


def test_related_terms_written_with_commas_but_no_brackets_are_shown_the_list_to_write(
    tmp_path: Path,
) -> None:
    """Was: "unknown related term 'tensor, model training'; did you mean 'tensor'?", which
    suggests dropping the second term: YAML reads the line as one text, a list of one. With a
    name that is no term's, the list is still what to write."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {
            "content/terms/comma.md": "---\ntitle: Comma\nsummary: S.\ndefinition: A **comma**.\n"
            "related: tensor, model training\n---\n",
            "content/terms/typo.md": "---\ntitle: Typo\nsummary: S.\ndefinition: A **typo**.\n"
            "related: tensor, modle\n---\n",
        },
    )

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "content/terms/comma.md:5: unknown related term 'tensor, model training'; "
        "to list several terms, write a list: [tensor, model training]",
        "content/terms/typo.md:5: unknown related term 'tensor, modle'; to list several terms, write a "
        "list: [tensor, modle]",
    ]


def test_a_sort_as_that_is_not_one_line_of_text_is_an_error_at_its_line(tmp_path: Path) -> None:
    """`sort_as` names where the title is filed A to Z: a list, nothing or two lines name none,
    and sorting by the title instead would hide the mistake."""
    site = copy_site("minimal", tmp_path)
    term = "---\ntitle: {0}\nsummary: S.\ndefinition: A **{0}**.\n"
    write_files(
        site,
        {
            "content/terms/dotnet.md": term.format(".NET") + "sort_as: [NET, dotnet]\n---\n",
            "content/terms/jiqi.md": term.format("机器学习") + "sort_as:\n---\n",
            "content/terms/jisuan.md": term.format("计算") + 'sort_as: ""\n---\n',
            "content/terms/kernel.md": term.format("Kernel") + 'sort_as: "ker\\nnel"\n---\n',
        },
    )

    empty = "'sort_as' must be non-empty text; to have no sort_as, remove the key"
    assert_build_and_check_report(
        site,
        [
            "content/terms/dotnet.md:5: 'sort_as' must be text, not a list; put the whole value in quotes",
            f"content/terms/jiqi.md:5: {empty}",
            f"content/terms/jisuan.md:5: {empty}",
            "content/terms/kernel.md:5: 'sort_as' must be a single line: in double quotes, '\\' starts an "
            "escape ('\\n' is a line break, '\\t' a tab); write '\\\\' for a backslash, or put the whole "
            "value in single quotes",
        ],
    )


def test_aliases_or_tags_written_with_commas_but_no_brackets_are_shown_the_list_to_write(
    tmp_path: Path,
) -> None:
    """Was silent: `tags: training, metrics` is one text to YAML, so the term had one tag named
    "training, metrics" with a page of its own, and `aliases: cost, objective` one alias."""
    site = copy_site("minimal", tmp_path)
    term = "---\ntitle: {0}\nsummary: S.\ndefinition: A **{0}**.\n"
    write_files(
        site,
        {
            "content/terms/loss.md": term.format("Loss")
            + "aliases: cost, objective\ntags: training, metrics\n---\n",
            "content/terms/smith.md": term.format("Smith")
            + "aliases: ['Smith, John']\ntags: [people]\n---\n",
            "content/terms/one.md": term.format("One") + "aliases: single\ntags: basics\n---\n",
            "content/terms/price.md": term.format("Price") + 'aliases: "[[Expense]], fee"\n---\n',
        },
    )

    for strict in ((), ("--strict",)):
        result = run_glossary("build", *strict, cwd=site)
        said = [line for line in result.stderr.splitlines() if "commas and all" in line]
        assert said == [
            "content/terms/loss.md:5: warning: 'cost, objective' is one alias, commas and all; to give "
            "several, write a list: [cost, objective] (or, to keep it one alias, write it as a list of "
            'one: ["cost, objective"])',
            "content/terms/loss.md:6: warning: 'training, metrics' is one tag, commas and all; to give "
            "several, write a list: [training, metrics] (or, to keep it one tag, write it as a list of "
            'one: ["training, metrics"])',
            # was "…write a list: [[[Expense]], fee] (or, … a list of one: ["[[Expense]], fee"])"
            "content/terms/price.md:5: warning: '[[Expense]], fee' is one alias, commas and all; to give "
            "several, write a list: [Expense, fee]",
        ]
        assert result.returncode == (1 if strict else 0), result.stderr
        assert "Traceback" not in result.stderr


def test_a_bracket_never_closed_is_said_to_be_so_at_its_line_with_what_to_write(tmp_path: Path) -> None:
    """Was: PyYAML's 'did not find expected node content' for a '[' or '{' on the last line of
    the front matter (`title: [`), and for one on an earlier line 'is not closed' with no word
    of what to do, when the bracket may be meant as text."""
    site = copy_site("minimal", tmp_path)
    term = "---\ntitle: {0}\nsummary: S.\ndefinition: D.\n"
    write_files(
        site,
        {
            "content/terms/draft.md": "---\nsummary: S.\ndefinition: D.\ntitle: [\n---\n",
            "content/terms/names.md": term.format("Names") + "aliases: [a, b\nrelated: [tensor]\n---\n",
            "content/terms/short.md": "---\ntitle: Short\ndefinition: D.\nsummary: {\n---\n",
        },
    )
    never = (
        "invalid YAML: the '{0}' {1} that starts on this line is never closed; end it with '{2}', "
        "or put the whole value in quotes if the '{0}' is part of the text"
    )

    assert_build_and_check_report(
        site,
        [
            f"content/terms/draft.md:4: {never.format('[', 'list', ']')}",
            f"content/terms/names.md:5: {never.format('[', 'list', ']')}",
            f"content/terms/short.md:4: {never.format('{', 'mapping', '}')}",
        ],
    )


def test_a_key_with_no_space_after_its_colon_is_said_to_be_so_at_its_own_line(tmp_path: Path) -> None:
    """Was: 'a value holds ': '…' on the line below `title:A` (YAML reads both lines as one text
    until the next ': '), "this line has no ':' after its key" for `summary:S.`, which has one,
    and 'front matter must be a mapping' at line 1 for `title:A` alone."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {
            "content/terms/first.md": "---\ntitle:First\nsummary: S.\ndefinition: D.\n---\n",
            "content/terms/middle.md": "---\ntitle: Middle\nsummary:S.\ndefinition: D.\n---\n",
            "content/terms/question.md": (
                "---\ntitle: Question\nsummary: S.\ndefinition: D.\nfaq:\n  - q:Why?\n    a: So.\n---\n"
            ),
            "content/terms/alone.md": "---\ntitle:Alone\n---\n",
        },
    )
    spaced = "invalid YAML: a key needs a space after its colon; write '{}'"

    assert_build_and_check_report(
        site,
        [
            f"content/terms/alone.md:2: {spaced.format('title: Alone')}",
            f"content/terms/first.md:2: {spaced.format('title: First')}",
            f"content/terms/middle.md:3: {spaced.format('summary: S.')}",
            f"content/terms/question.md:6: {spaced.format('q: Why?')}",
        ],
    )


def test_a_missing_required_field_is_said_with_the_line_to_add_and_where(tmp_path: Path) -> None:
    """Was: "missing required field 'definition'" alone, at the opening '---' line, with no word
    of what to write or where: the field has no line of its own to point at."""
    site = copy_site("minimal", tmp_path)
    write_files(site, {"content/terms/bare.md": "---\ntitle: Bare\n---\nBody.\n"})
    missing = "missing required field '{0}'; add '{0}: ...' to the front matter, between the '---' lines"

    assert_build_and_check_report(
        site,
        [
            f"content/terms/bare.md:1: {missing.format('definition')}",
            f"content/terms/bare.md:1: {missing.format('summary')}",
        ],
    )


def test_a_practice_question_without_its_answer_is_named_by_its_question(tmp_path: Path) -> None:
    """Was: "faq item needs non-empty text for 'a'" for each, which does not say which of a
    term's questions lacks its answer, nor what to write."""
    site = copy_site("minimal", tmp_path)
    long_question = "Why does a tensor of rank two behave like a matrix in every case?"
    faq = (
        f"faq:\n  - q: Is a vector a tensor?\n  - q: {long_question}\n    a:\n"
        "  - q: Is a scalar one?\n    a: Yes.\n"
    )
    write_files(site, {"content/terms/rank.md": f"---\ntitle: Rank\nsummary: S.\ndefinition: D.\n{faq}---\n"})

    assert_build_and_check_report(
        site,
        [
            "content/terms/rank.md:6: practice question 'Is a vector a tensor?' has no answer; "
            "add 'a: ...' under its 'q:', lined up with it",
            "content/terms/rank.md:8: practice question 'Why does a tensor of rank two behave lik…' "
            "has an empty answer; write the answer after its 'a: '",
        ],
    )


#: Front matter YAML reads otherwise than its editor meant, each a term file of its own: the
#: YAML after `title`, `summary` and `definition` (or in place of one), then the line and the
#: message. Each was PyYAML's or libyaml's own words, a message with no fix, or another line.
YAML_MISTAKES = {
    "unclosed-quote": (  # was "… is not closed", with no word of what to write
        'title: "Unclosed quote\nsummary: S.\ndefinition: D.\n',
        2,
        "invalid YAML: the quoted value that starts on this line is never closed; end it with '\"', "
        "or put the whole value in single quotes if the '\"' is part of the text",
    ),
    "quote-closed-below": (  # was 'text after the closing quote' at line 3
        'title: "Closed below\nsummary: "S."\ndefinition: D.\n',
        2,
        "invalid YAML: the quoted value that starts on this line is never closed; end it with '\"', "
        "or put the whole value in single quotes if the '\"' is part of the text",
    ),
    "dash-in-brackets": (  # was "did not find expected node content"
        "title: Dash\nsummary: S.\ndefinition: D.\ntags: [a, - b]\n",
        5,
        "invalid YAML: a '- ' item inside '[ ]'; in brackets, separate the items with commas ([a, b]), "
        "or write each item on a line of its own starting with '- ', without the brackets",
    ),
    "extra-comma": (  # was "did not find expected node content"
        "title: Comma\nsummary: S.\ndefinition: D.\ntags: [a,, b]\n",
        5,
        "invalid YAML: a ',' with no item before it; remove the extra comma",
    ),
    "stray-bracket": (  # was "did not find expected node content"
        "title: ]Stray\nsummary: S.\ndefinition: D.\n",
        2,
        "invalid YAML: a value cannot start with ']'; put the whole value in quotes",
    ),
    "colon-in-value": (  # was "a value holds ': ' (put it in quotes) or a line is indented too far"
        "title: Colon\nsummary: Ratio: 2 to 1\ndefinition: D.\n",
        3,
        "invalid YAML: the value holds ': ', which YAML reads as the start of another key; "
        'put the whole value in quotes: summary: "Ratio: 2 to 1"',
    ),
    "item-on-key-line": (  # was "block sequence entries are not allowed in this context"
        "title: Item\nsummary: S.\ndefinition: D.\ntags: - a\n",
        5,
        "invalid YAML: a '- ' item cannot go on the line of its key; put each item on a line of its "
        "own under the key, or put the whole value in quotes if the '-' is part of the text",
    ),
    "question-mark": (  # was "mapping keys are not allowed in this context"
        "title: Question mark\nsummary: ? unknown\ndefinition: D.\n",
        3,
        "invalid YAML: a value cannot start with '?'; put the whole value in quotes",
    ),
    "backslash": (  # was "found unknown escape character"
        'title: "C:\\path"\nsummary: S.\ndefinition: D.\n',
        2,
        "invalid YAML: in double quotes, '\\' starts an escape such as '\\n', and '\\p' is not one; "
        "write '\\\\' for a backslash, or put the whole value in single quotes",
    ),
    "short-escape": (  # was "did not find expected hexdecimal number"
        'title: Escape\nsummary: "caf\\u00e"\ndefinition: D.\n',
        3,
        "invalid YAML: in double quotes, '\\' starts an escape such as '\\n', and '\\u' takes 4 "
        "hexadecimal digits after it; write '\\\\' for a backslash, or put the whole value in single quotes",
    ),
    "block-indent": (  # was "this line is indented differently …; give it as many spaces as the other keys"
        "title: Block\nsummary: S.\ndefinition: |\n    Line one\n  line two\n",
        6,
        "this line is indented less than the text of 'definition: |' above it, so YAML does not read "
        "it as part of that text; indent it 4 spaces, as the lines above it",
    ),
    "block-line-at-key": (  # was "invalid YAML: did not find expected alphabetic or numeric character"
        "title: Block\nsummary: S.\ndefinition: |\n  An emulsion\n**Emulsion**: a stable mix\n",
        6,
        "this line is indented less than the text of 'definition: |' above it, so YAML does not read "
        "it as part of that text; indent it 2 spaces, as the lines above it",
    ),
    "quoted-item": (  # was "the '[' list … is never closed", which it is
        'title: Quoted item\nsummary: S.\ndefinition: D.\naliases: ["GPU" chips, TPU]\n',
        5,
        "invalid YAML: text after the closing quote of an item in '[ ]'; put the whole item in "
        "quotes, single quotes if it holds a '\"'",
    ),
    "colon-in-item": (  # was "the '[' list … is never closed", which it is
        "title: Colon item\nsummary: S.\ndefinition: D.\naliases: [ratio: 1: 2]\n",
        5,
        "invalid YAML: an item in '[ ]' holds ': '; put the whole item in quotes",
    ),
}


def test_each_yaml_mistake_in_front_matter_says_what_to_write_at_its_line(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {
            f"content/terms/{name}.md": f"---\n{yaml}---\nBody.\n"
            for name, (yaml, _, _) in YAML_MISTAKES.items()
        },
    )

    assert_build_and_check_report(
        site,
        [
            f"content/terms/{name}.md:{line}: {message}"
            for name, (_, line, message) in sorted(YAML_MISTAKES.items())
        ],
    )


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        (  # was "expected one YAML document, found more"
            "title: X\n---\nbase_url: https://example.org/\n",
            "content/site.yml:2: invalid YAML: a '---' line starts a second YAML document, and only one "
            "is read; remove the line",
        ),
        (  # was "did not find expected <document start>", at the line after it
            "title: X\n...\nbase_url: https://example.org/\n",
            "content/site.yml:2: invalid YAML: a '...' line ends the YAML, and more follows it; "
            "remove the line",
        ),
    ],
)
def test_a_document_marker_inside_site_yml_says_to_remove_it(
    tmp_path: Path, settings: str, expected: str
) -> None:
    site = write_files(copy_site("minimal", tmp_path), {"content/site.yml": settings})

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert error_lines(result.stderr) == [expected]


def test_an_escaped_control_character_leaves_the_file_s_other_problems_reported(
    tmp_path: Path,
) -> None:
    """Was: the file's only problem reported, so the unknown related term and wiki-link were
    found one build later."""
    site = copy_site("minimal", tmp_path)
    body = (
        '---\ntitle: "Bell \\u0007 sound"\nsummary: S\ndefinition: D\nrelated: [nowhere]\n---\n\n'
        "See [[Nothing]].\n"
    )
    write_files(site, {"content/terms/bell.md": body})

    result = run_glossary("check", cwd=site)

    assert result.returncode == 1
    assert error_lines(result.stderr) == [
        "content/terms/bell.md:2: character U+0007 (written as an escape) is not allowed; remove it",
        "content/terms/bell.md:5: unknown related term 'nowhere'",
        "content/terms/bell.md:8: unknown wiki-link target 'Nothing'",
    ]
