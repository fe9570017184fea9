"""The graph's shape for editors: islands named by `glossary check`, the summary in text and
JSON, and an export other tools open."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from support import copy_site, run_glossary, tree_digest, write_files

TERM = """---
title: {title}
summary: {title} is a term of a separate little group.
definition: "{title} belongs to the island."
related: [{other}]
updated: 2025-01-01
---
"""


def island_site(tmp_path: Path) -> Path:
    site = copy_site("minimal", tmp_path)
    return write_files(
        site,
        {
            "content/terms/kiln.md": TERM.format(title="Kiln", other="Glaze"),
            "content/terms/glaze.md": TERM.format(title="Glaze", other="Kiln"),
        },
    )


def test_check_names_an_island_of_terms_nothing_else_links_to(tmp_path: Path) -> None:
    result = run_glossary("check", cwd=island_site(tmp_path))
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "island" in line]
    assert warnings == [
        "content/terms/glaze.md:1: warning: island: 2 terms link only among themselves and no other "
        "term links to them (Glaze, Kiln); link one of them from the rest of the glossary"
    ]
    assert "Graph: 5 terms, " in result.stdout and "1 island(s), 0 isolated term(s)" in result.stdout


def test_the_island_is_gone_once_the_rest_of_the_glossary_links_it(tmp_path: Path) -> None:
    site = island_site(tmp_path)
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text(encoding="utf-8").replace("related: [GPU", "related: [Kiln, GPU"))
    result = run_glossary("check", cwd=site)
    assert "island" not in result.stderr
    assert "0 island(s)" in result.stdout


def test_json_report_and_graph_exports_carry_the_same_graph(tmp_path: Path) -> None:
    site = island_site(tmp_path)
    result = run_glossary("check", "--format", "json", "--graph", tmp_path / "g.json", cwd=site)
    report = json.loads(result.stdout)
    assert report["graph"]["islands"] == [["Glaze", "Kiln"]]
    assert report["graph"]["most_linked"][0]["linked_from"] >= 1
    exported = json.loads((tmp_path / "g.json").read_text(encoding="utf-8"))
    assert {node["id"] for node in exported["nodes"]} == {
        "glaze", "kiln", "graphics-processing-unit", "model-training", "tensor",
    }  # fmt: skip
    assert {"source": "kiln", "target": "glaze", "kind": "related"} in exported["edges"]
    assert len(exported["edges"]) == report["graph"]["links"]
    run_glossary("check", "--graph", tmp_path / "g.GraphML", cwd=site)
    graphml = ElementTree.parse(tmp_path / "g.GraphML").getroot()
    ns = {"g": "http://graphml.graphdrawing.org/xmlns"}
    assert len(graphml.findall(".//g:node", ns)) == 5
    assert len(graphml.findall(".//g:edge", ns)) == len(exported["edges"])
    again = tmp_path / "again.json"
    run_glossary("check", "--graph", again, cwd=site)
    assert again.read_bytes() == (tmp_path / "g.json").read_bytes(), "the export is deterministic"


def test_graph_dash_prints_the_graph_alone_on_standard_output(tmp_path: Path) -> None:
    """Was: `check --graph -` wrote a file named '-' into the site folder, as `./-` still does."""
    site = island_site(tmp_path)
    run_glossary("check", "--graph", tmp_path / "g.json", cwd=site)
    before = tree_digest(site)

    printed = run_glossary("check", "--graph", "-", cwd=site)

    assert printed.returncode == 0, printed.stderr
    assert printed.stdout == (tmp_path / "g.json").read_text(encoding="utf-8")
    assert "1 island(s)" in printed.stderr and "Check passed: 0 error(s), 3 warning(s)." in printed.stderr
    assert tree_digest(site) == before
    assert run_glossary("check", "--graph", "./-", cwd=site).returncode == 0
    assert json.loads((site / "-").read_text(encoding="utf-8"))["nodes"]


def test_graph_dash_with_a_report_format_is_refused_before_checking(tmp_path: Path) -> None:
    site = island_site(tmp_path)
    for kind in ("json", "github"):
        refused = run_glossary("check", "--format", kind, "--graph", "-", cwd=site)
        assert (refused.returncode, refused.stdout) == (2, "")
        assert refused.stderr == (
            f"glossary: --graph - prints the graph where --format {kind} prints its report; "
            "give --graph a file name\n"
        )


def test_the_graph_export_never_replaces_a_file_the_site_is_made_of(tmp_path: Path) -> None:
    """Was: `check --graph content/site.yml` wrote JSON over the settings, and the next check
    failed on them."""
    site = copy_site("minimal", tmp_path)
    before = tree_digest(site)

    for target in ("content/site.yml", "content/terms/tensor.md", "static/graph.json", "templates"):
        refused = run_glossary("check", "--graph", target, cwd=site)
        assert refused.returncode == 2, (target, refused.stderr)
        assert f"is inside {target.split('/')[0]}/, which the site is made of" in refused.stderr
    assert tree_digest(site) == before
    assert run_glossary("check", "--graph", "graph.json", cwd=site).returncode == 0
    assert json.loads((site / "graph.json").read_text(encoding="utf-8"))["nodes"]


def test_the_graph_export_is_not_written_into_the_build_cache(tmp_path: Path) -> None:
    """Was: `check --graph .glossary-cache/graph.json` wrote it, and every build after refused
    the cache folder for holding a file a build cache never has."""
    site = copy_site("minimal", tmp_path)
    assert run_glossary("build", "--no-search", "-q", cwd=site).returncode == 0
    before = tree_digest(site)
    for target in (".glossary-cache/graph.json", ".glossary-cache"):
        refused = run_glossary("check", "--graph", target, cwd=site)
        assert refused.returncode == 2, (target, refused.stderr)
        assert "is inside the build cache" in refused.stderr
    own = tmp_path / "own-cache"
    refused = run_glossary("check", "--cache-dir", own, "--graph", own / "graph.json", cwd=site)
    assert refused.returncode == 2, refused.stderr
    assert tree_digest(site) == before
    assert not own.exists()
    assert run_glossary("build", "--no-search", "-q", cwd=site).returncode == 0


def test_the_graph_export_never_replaces_a_file_of_a_built_site(tmp_path: Path) -> None:
    """Was: `check --graph _site/index.html` wrote JSON over the home page, and the next build,
    finding its key unchanged, left it there; `._site.lock` was written over too."""
    site = copy_site("minimal", tmp_path)
    for out in ("_site", "elsewhere"):
        assert run_glossary("build", "--no-search", "-q", "--out", out, cwd=site).returncode == 0
    before = tree_digest(site)

    for target in ("_site/index.html", "_site/new-folder-file.json", "elsewhere/terms/tensor/index.html"):
        refused = run_glossary("check", "--graph", target, cwd=site)
        assert refused.returncode == 2, (target, refused.stderr)
        built = (site / target.split("/")[0]).resolve()
        assert f"is inside {built}, a built site" in refused.stderr, refused.stderr
    refused = run_glossary("check", "--graph", "._site.lock", cwd=site)
    assert refused.returncode == 2, refused.stderr
    assert "is the lock file of the built site beside it" in refused.stderr
    assert tree_digest(site) == before


def test_a_graph_file_that_cannot_be_written_is_refused_before_the_check(tmp_path: Path) -> None:
    """Was: the whole check ran, then only `cannot write …` was printed with status 2, and the
    content problems it had found were lost."""
    site = write_files(
        island_site(tmp_path), {"content/terms/broken.md": TERM.format(title="Broken", other="Nowhere")}
    )
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    before = tree_digest(tmp_path)
    missing, held_by_a_file = (site / "../missing/x.json").resolve(), (site / "../a-file/x.json").resolve()
    for target, said in (
        ("../missing/x.json", f"{missing}: there is no folder {missing.parent}; make it or write elsewhere"),
        # was "there is no folder", of a file
        (
            "../a-file/x.json",
            f"{held_by_a_file}: {held_by_a_file.parent} is a file, not a folder; write elsewhere",
        ),
        ("new-folder/", "'new-folder/' names a folder; name a file"),  # was: written as a file
    ):
        refused = run_glossary("check", "--graph", target, cwd=site)
        assert refused.returncode == 2, refused.stderr
        assert said in refused.stderr.splitlines()[-1]
    assert tree_digest(tmp_path) == before


def test_a_graph_file_in_any_build_cache_is_refused(tmp_path: Path) -> None:
    """Was written into the site's own .glossary-cache when the check read another (--cache-dir),
    after which every plain build refused that folder; and so into another site's cache."""
    site = island_site(tmp_path)
    assert run_glossary("build", "--no-search", "-q", cwd=site).returncode == 0
    assert (
        run_glossary("build", "--no-search", "-q", "--cache-dir", tmp_path / "other", cwd=site).returncode
        == 0
    )
    before = tree_digest(tmp_path)
    for args, held in (
        (
            ("--cache-dir", tmp_path / "elsewhere", "--graph", ".glossary-cache/x.json"),
            site / ".glossary-cache",
        ),
        (("--graph", tmp_path / "other/x.json"), tmp_path / "other"),
    ):
        refused = run_glossary("check", "-q", *args, cwd=site)
        assert refused.returncode == 2, refused.stderr
        assert (
            f"is inside the build cache {held.resolve()}, which the next build would refuse" in refused.stderr
        )
    assert tree_digest(tmp_path) == before
    assert run_glossary("build", "--no-search", "-q", cwd=site).returncode == 0


def test_a_graph_file_that_fails_half_way_still_leaves_the_problems_shown(tmp_path: Path) -> None:
    """A failure no refusal foresees, such as a full disk, is said after the problems found."""
    site = write_files(
        island_site(tmp_path), {"content/terms/broken.md": TERM.format(title="Broken", other="Nowhere")}
    )
    (tmp_path / "g.json").symlink_to("/dev/full")  # every write to it fails: no space left
    result = run_glossary("check", "--graph", tmp_path / "g.json", cwd=site)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.splitlines()
    assert any(line.startswith("content/terms/broken.md:") and "Nowhere" in line for line in lines), lines
    assert lines[-2].startswith("Check failed: ")
    assert lines[-1].startswith(f"glossary: cannot write {tmp_path / 'g.json'}: "), lines
