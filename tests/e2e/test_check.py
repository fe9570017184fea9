"""`glossary check` for CI: health warnings, GitHub annotations, a JSON report, `new` flags,
the build cache read and never written."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from support import copy_site, run_glossary, tree_digest, write_files

WEAK_TERM = """---
title: Quantisation
summary: A multi-dimensional array of numbers.
definition: Storing weights with fewer bits each.
related: [tensor]
updated: 2025-04-01
---

See [[tensor]].
"""


def weak_site(tmp_path: Path) -> Path:
    site = copy_site("minimal", tmp_path)
    write_files(site, {"content/terms/quantisation.md": WEAK_TERM})
    return site


def test_health_report_lists_weak_terms_as_warnings(tmp_path: Path) -> None:
    result = run_glossary("check", cwd=weak_site(tmp_path))
    assert result.returncode == 0, "warnings alone do not fail a check"
    warnings = [line for line in result.stderr.splitlines() if ": warning: " in line]
    assert (
        "content/terms/tensor.md:3: warning: summary is the same as the one of 'Quantisation' "
        "(content/terms/quantisation.md); say what sets it apart"
    ) in warnings
    assert [w for w in warnings if w.startswith("content/terms/quantisation.md")] == [
        "content/terms/quantisation.md:1: warning: no other term links to this one; "
        "add it to a related list or [[link]] it",
        "content/terms/quantisation.md:3: warning: summary is the same as the one of 'Tensor' "
        "(content/terms/tensor.md); say what sets it apart",
        "content/terms/quantisation.md:4: warning: the definition never mentions 'Quantisation' "
        "or an alias; readers landing here should see the term they looked up",
        "content/terms/quantisation.md:5: warning: only 1 related term(s); list at least 2",
    ]


def test_terms_in_another_script_are_read_as_words_by_the_health_report(tmp_path: Path) -> None:
    """Was: only a-z and 0-9 counted as letters, so every Greek definition "never mentioned" its
    term and every two Greek summaries were "almost the same"."""
    site = copy_site("minimal", tmp_path)
    for slug, title, summary in [
        ("glossario", "Γλωσσάριο", "Κατάλογος όρων με τους ορισμούς τους."),
        ("oros", "Όρος", "Λέξη ή φράση με σταθερή σημασία σε ένα πεδίο."),
    ]:
        other = "oros" if slug == "glossario" else "glossario"
        write_files(
            site,
            {
                f"content/terms/{slug}.md": f"---\ntitle: {title}\nsummary: {summary}\n"
                f"definition: Ο {title.lower()} εξηγεί [[{other}]].\nrelated: [{other}, tensor]\n"
                "updated: 2025-04-01\n---\n"
            },
        )

    result = run_glossary("check", cwd=site)

    greek = [line for line in result.stderr.splitlines() if "glossario" in line or "oros.md" in line]
    assert result.returncode == 0 and greek == [], greek


def test_stubs_still_to_write_are_not_warned_of_as_alike(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    for title in ("Dropout", "Attention"):
        assert run_glossary("new", title, cwd=site).returncode == 0

    result = run_glossary("check", cwd=site)

    assert "content/terms/dropout.md:3: warning: a TODO placeholder is left in 'summary'" in result.stderr
    assert "summary is the same" not in result.stderr


def test_strict_check_fails_on_health_warnings(tmp_path: Path) -> None:
    """The same warnings a plain check passes with fail a strict one, each still printed, so
    CI says what to fix. (Was: only the exit status, which a traceback also gives.)"""
    site = weak_site(tmp_path)
    relaxed = run_glossary("check", cwd=site)
    strict = run_glossary("check", "--strict", cwd=site)

    warnings = [line for line in relaxed.stderr.splitlines() if ": warning: " in line]
    assert relaxed.returncode == 0 and len(warnings) == 5, relaxed.stderr
    assert strict.returncode == 1
    assert strict.stderr.splitlines() == [*warnings, "Check failed: 0 error(s), 5 warning(s)."]


def test_github_format_prints_workflow_annotations(tmp_path: Path) -> None:
    site = copy_site("broken", tmp_path)
    result = run_glossary("check", "--format", "github", cwd=site)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert (
        "::error file=content/terms/model-training.md,line=6,title=glossary::"
        "unknown related term 'tensr'; did you mean 'tensor'?" in lines
    )
    assert all(line.startswith(("::error ", "::warning ")) for line in lines)


def test_github_format_keeps_each_annotation_on_one_line(tmp_path: Path) -> None:
    """Was: U+0085, which ends a line for many readers, passed through raw. (Front matter
    refuses one now, as no page may hold it; a file's name still may.)"""
    site = copy_site("minimal", tmp_path)
    odd = '---\ntitle: Odd\nsummary: S\ndefinition: D\nrelated: ["tensr\\tx"]\n---\n'
    write_files(site, {"content/terms/o\x85dd.md": odd})

    result = run_glossary("check", "--format", "github", cwd=site)

    assert result.returncode == 1
    errors = [line for line in result.stdout.splitlines() if line.startswith("::error ")]
    assert [line.partition("::")[2].partition("::")[2] for line in errors] == [
        "file name 'o\\u0085dd.md' is not a valid slug; rename it to 'odd.md' or add 'slug: odd'",
        "unknown related term 'tensr\\u0009x'; did you mean 'tensor'?",
    ]
    assert "\x85" not in result.stdout


def test_json_format_is_a_machine_readable_report(tmp_path: Path) -> None:
    result = run_glossary("check", "--format", "json", cwd=copy_site("broken", tmp_path))
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert report["ok"] is False
    assert report["errors"] == 11
    first = report["diagnostics"][0]
    assert set(first) == {"path", "line", "severity", "message"}
    assert {"path": "content/terms/bad-yaml.md", "line": 3, "severity": "error"}.items() <= next(
        d for d in report["diagnostics"] if d["path"].endswith("bad-yaml.md")
    ).items()


def test_new_with_category_related_and_alias_passes_strict_check_once_todos_are_replaced(
    tmp_path: Path,
) -> None:
    site = copy_site("minimal", tmp_path)
    made = run_glossary(
        "new", "Mixed precision", "--category", "Concepts", "--related", "tensor",
        "--related", "GPU", "--alias", "AMP", cwd=site,
    )  # fmt: skip
    assert made.returncode == 0, made.stderr
    stub = site / "content/terms/mixed-precision.md"
    todo = run_glossary("check", "--strict", cwd=site)
    assert todo.returncode == 1
    assert (
        "content/terms/mixed-precision.md:3: warning: a TODO placeholder is left in 'summary'" in todo.stderr
    )
    text = stub.read_text()
    text = text.replace("TODO one line summary", "Training with 16-bit and 32-bit numbers together.")
    text = text.replace("TODO two to four sentences defining", "Faster training by")
    text = text.replace("TODO the body in Markdown.", "Runs on a [[GPU]] with [[tensor]] cores.")
    stub.write_text(text)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("related: [GPU,", "related: [AMP, GPU,"))
    done = run_glossary("check", "--strict", cwd=site)
    assert done.returncode == 0, done.stderr


def test_strict_check_fails_on_a_todo_left_in_the_stubs_tables_faq_or_sources_once_uncommented(
    tmp_path: Path,
) -> None:
    """Was: only the title, summary, definition, category and body were looked at, so the
    page published "TODO a practice question?" and a link to example.com."""
    site = copy_site("minimal", tmp_path)
    made = run_glossary("new", "Mixed precision", "--category", "Concepts", "--related", "tensor", cwd=site)
    assert made.returncode == 0, made.stderr
    stub = site / "content/terms/mixed-precision.md"
    text = stub.read_text()
    text = text.replace("TODO one line summary", "Training with 16-bit and 32-bit numbers together.")
    text = text.replace("TODO two to four sentences defining", "Faster training by")
    text = text.replace("TODO the body in Markdown.", "Runs on a [[GPU]] with [[tensor]] cores.")
    text = text.replace('related: ["tensor"]', "related: [tensor, GPU]")
    examples = text[text.index("# tables:") : text.index("# cta:")]
    text = text.replace(examples, examples.replace("# ", "", 1).replace("\n# ", "\n"))
    stub.write_text(text)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("related: [GPU,", "related: [Mixed precision, GPU,"))
    lines = text.splitlines()
    line_of = {text: number for number, text in enumerate(lines, start=1)}

    result = run_glossary("check", "--strict", cwd=site)

    assert result.returncode == 1
    warned = [line for line in result.stderr.splitlines() if ": warning: " in line]
    where = "content/terms/mixed-precision.md"
    todo = "warning: a TODO placeholder is left in"
    assert warned == [
        f"{where}:{line_of['  - title: TODO table title']}: {todo} 'tables'; replace it",
        f"{where}:{line_of['  - q: TODO a practice question?']}: {todo} 'faq'; replace it",
        f"{where}:{line_of['    a: TODO its answer.']}: {todo} 'faq'; replace it",
        f"{where}:{line_of['  - title: TODO source title']}: {todo} 'sources'; replace it",
        f"{where}:{line_of['    url: https://example.com/']}: warning: source url "
        "'https://example.com/' is a placeholder; link the source itself",
    ]


def test_check_reads_the_build_cache_and_writes_nothing(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    elsewhere = tmp_path / "cache"
    assert run_glossary("build", cwd=site).returncode == 0
    assert (
        run_glossary("build", "--cache-dir", elsewhere, "--out", tmp_path / "out", cwd=site).returncode == 0
    )
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("multiply tensors fast", "multiply tensors quickly"))
    before = (tree_digest(site), tree_digest(elsewhere))

    found = run_glossary("check", "--strict", cwd=site)
    assert found.returncode == 0, found.stderr
    assert "Term files converted earlier, from the build cache: 2 of 3\n" in found.stdout, (
        "the edited one is not"
    )
    moved = run_glossary("check", "--cache-dir", elsewhere, cwd=site)
    assert "from the build cache: 2 of 3" in moved.stdout
    ignored = run_glossary("check", "--no-cache", cwd=site)
    assert ignored.returncode == 0 and "from the build cache" not in ignored.stdout
    assert (tree_digest(site), tree_digest(elsewhere)) == before


def test_checks_help_says_it_writes_no_site_and_what_graph_writes(tmp_path: Path) -> None:
    """Was: "without writing anything", while `check --graph FILE` writes FILE."""
    site = copy_site("minimal", tmp_path)
    overview = run_glossary("--help", cwd=site).stdout
    helped = run_glossary("check", "--help", cwd=site).stdout
    before = tree_digest(site)

    assert run_glossary("check", "--graph", "graph.json", cwd=site).returncode == 0

    assert "check     validate all content without writing the site" in overview
    assert " ".join(helped.split("\n\n")[1].split()) == (
        "Run every check a build runs, without writing the site or the build cache; "
        "--graph writes its FILE (or, given -, prints the graph) and nothing else."
    )
    assert set(tree_digest(site)) - set(before) == {"graph.json"}, "the FILE alone"
    assert not (site / "_site").exists()


def test_a_reader_that_stops_early_ends_the_output_without_a_traceback(tmp_path: Path) -> None:
    """Was: `glossary check --format github | head` ended with a BrokenPipeError traceback, and
    then with status 1 where the check passed (warnings alone), as it did with its output in
    /dev/null."""
    site = copy_site("minimal", tmp_path)
    write_files(
        site,
        {
            f"content/terms/t{n}.md": f"---\ntitle: T{n}\nsummary: S.\ndefinition: D.\n---\n"
            for n in range(200)
        },
    )
    process = subprocess.Popen(
        [sys.executable, "-m", "glossary_site", "check", "--format", "github"],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert process.stdout is not None and process.stdout.readline().startswith(b"::warning ")
    process.stdout.close()  # as `head -1` does
    _, stderr = process.communicate(timeout=120)
    assert b"Traceback" not in stderr and b"BrokenPipeError" not in stderr
    assert process.returncode == 0


def test_names_the_terminals_encoding_lacks_are_escaped_not_a_traceback(tmp_path: Path) -> None:
    """Was: with PYTHONIOENCODING=ascii (or a latin-1 terminal), the warnings came out escaped
    but the "Graph:" line, on stdout, ended the check with a UnicodeEncodeError traceback; then
    Python's own escapes (\\xeb, \\U0001f600) made `--format json` no JSON."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(
        tensor.read_text(encoding="utf-8").replace("title: Tensor\n", "title: Тензор\n", 1)
        + "\nSee [[Noël \U0001f600]].\n",
        encoding="utf-8",
    )

    result = run_glossary("check", cwd=site, env={"PYTHONIOENCODING": "ascii"})

    assert "Traceback" not in result.stderr
    assert result.returncode == 1, result.stderr
    assert "unknown wiki-link target 'No\\u00ebl \\ud83d\\ude00'" in result.stderr
    report = run_glossary("check", "--format", "json", cwd=site, env={"PYTHONIOENCODING": "ascii"})
    messages = [item["message"] for item in json.loads(report.stdout)["diagnostics"]]
    assert "unknown wiki-link target 'No\u00ebl \U0001f600'" in messages
    tensor.write_text(
        tensor.read_text(encoding="utf-8").replace("[[Noël \U0001f600]]", "Noël"), encoding="utf-8"
    )
    passed = run_glossary("check", cwd=site, env={"PYTHONIOENCODING": "ascii"})
    assert passed.returncode == 0, passed.stderr
    graph = next(line for line in passed.stdout.splitlines() if line.startswith("Graph: "))
    assert "\\u0422\\u0435\\u043d\\u0437\\u043e\\u0440" in graph


def test_the_graph_line_shows_a_direction_control_in_a_title_escaped(tmp_path: Path) -> None:
    """Was raw: a title's U+202E turned the rest of the Graph: line around in the terminal."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8").replace(
        "title: Tensor\n", 'title: "Tensor \\u202Egnp.exe"\n', 1
    )
    tensor.write_text(text, encoding="utf-8")

    result = run_glossary("check", cwd=site)

    graph = next(line for line in result.stdout.splitlines() if line.startswith("Graph: "))
    assert "Tensor \\u202egnp.exe" in graph
    assert "\u202e" not in result.stdout + result.stderr
