"""Any sequence of edits, each followed by `glossary build` or seen by `glossary serve`, leaves
what a clean build writes, whether pages were remade from saved records (term_edits.py), from
the preview's state (warm.py), or by a whole build."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st
from support import FIXTURES, parse_html, tree_digest

from glossary_site import graph_page, views, warm
from glossary_site.pipeline import BuildOptions, build

TENSOR = "content/terms/tensor.md"
TRAINING = "content/terms/model-training.md"
GPU = "content/terms/graphics-processing-unit.md"
ACTIVATION = "content/terms/activation.md"
SITE = "content/site.yml"
#: A fourth term, which no term links to (a warning every build gives), so that a change of
#: its links or related terms changes another term's backlinks without a new warning.
ACTIVATION_TEXT = """---
title: Activation
summary: What a layer outputs for one input.
aliases: [Activations]
definition: An **activation** is what a layer outputs.
category: Concepts
related: [tensor, GPU]
updated: 2025-01-20
---

Activations are kept for the backward pass of [[model training]], in [tensors](/terms/tensor/#shapes).
"""

OPTIMIZER = "content/terms/optimizer.md"
#: A term that comes and goes: new pages, names, backlinks and groups, which serve builds.
OPTIMIZER_TEXT = """---
title: Optimizer
summary: What updates the weights from the gradients.
definition: An **optimizer** turns gradients into weight updates.
category: Methods
related: [model-training, tensor]
updated: 2025-03-01
---

Every step of [[model training]] calls the optimizer on the [[GPUs]].
"""
HEAD = "templates/partials/head.html"

#: Each edit swaps one text for another and back, so any sequence can be applied; one whose
#: first text is None makes the file with the other text, or deletes it.
TOGGLES: list[tuple[str, str | None, str]] = [
    (TENSOR, "multiply tensors fast.", "multiply tensors fast, and slowly."),  # body
    (TENSOR, '"`3.0`"', '"`4.5`"'),  # a table cell
    (TENSOR, "a **rank-2** tensor", "a **rank two** tensor"),  # a practice answer
    (TENSOR, "multiply tensors fast", "multiply tensors fast for [[model training]]"),  # same words
    (TENSOR, "Training runs on [[GPUs]]", "Training runs on GPUs"),  # a link removed
    (TRAINING, "Deep Learning book", "The deep learning book"),  # a source
    (TRAINING, "fits parameters to data", "fits [[tensor]] parameters to data"),  # a new link
    (GPU, "summary: ", "summary: Fast. "),  # what other pages show
    (TENSOR, "tags: [math, hardware]", "tags: [arrays]"),  # a tag page gone, one new
    (GPU, "tags: [hardware]", "tags: []"),  # with the edit above, no term is tagged hardware
    (TENSOR, "category: Concepts", "category: Maths"),  # a new category and its graph page
    (GPU, "category: Hardware", "category: Concepts"),  # no term is in Hardware any more
    (SITE, "language: en", "language: en\ncategories:\n  Hardware: Chips."),  # that is a warning
    (TENSOR, "to any number of axes.", "to any number of axes, of any size."),  # the definition
    (TENSOR, "updated: 2025-02-01", "updated: 2025-04-01"),  # now the newest: feed and home page
    (TENSOR, "A **tensor** generalises", "An **array** generalises"),  # never names its term: a warning
    (ACTIVATION, "of [[model training]]", "of model training"),  # model training's backlinks change
    (ACTIVATION, "related: [tensor, GPU]", "related: [tensor, model-training]"),  # GPU's too
    (GPU, "[[tensor]] arithmetic", "[[tensor]] arithmetic, as in [[activation]]"),  # a warning gone
    (GPU, "title: Graphics processing unit", "title: Graphics processing units"),  # a title
    (ACTIVATION, "related: [tensor, GPU]", "related: [tensor]"),  # too few related: a warning
    (GPU, "title: Graphics processing unit", "title: Accelerator"),  # now first A to Z
    (GPU, "aliases: [GPU]", "aliases: [GPU, Graphics card]"),  # a new alias
    (ACTIVATION, "aliases: [Activations]", "aliases: [Activations, GPUs]"),  # "[[GPUs]]" is this now
    (
        TRAINING,
        "summary: Adjusting a model's weights so its outputs improve.",
        "summary: A chip with thousands of small cores for parallel arithmetic.",
    ),  # a warning naming the GPU term's title
    (OPTIMIZER, None, OPTIMIZER_TEXT),  # a new term file, later deleted
    (HEAD, None, '<meta name="robots" content="noindex">\n'),  # a template of the site's own
    (GPU, "at once.\naliases", "at once.\n  It also draws pixels.\naliases"),  # the lines below move
    (TENSOR, "---\ntitle: Tensor", "---\n\ntitle: Tensor"),  # every line moves
    (ACTIVATION, "---\ntitle: Activation", "---\n\ntitle: Activation"),  # a term warned about
    (GPU, "updated: 2025-01-10", "updated: 2025-01-10\nformer_slugs: [gpu-chip]"),  # an old address
    (TENSOR, "updated: 2025-02-01", "updated: 2999-02-01"),  # a date to come: a warning at its line
    (TENSOR, "tensor.\nupdated:", "tensor.\n# reviewed\nupdated:"),  # the date's line moves alone
    (TRAINING, "mini-batches.\n", "mini-batches.\n\n*[passes]: Forward and backward sweeps\n"),  # abbr
    (GPU, "for pixels;", "for ==pixels==;"),  # Markdown of another tool: a warning at its line
    (GPU, "related: [tensor, Model training]", "sort_as: Accelerator\nrelated: [tensor, Model training]"),
    (  # with the edit above, filed last instead of first (and then the one above leaves it)
        GPU,
        "sort_as: Accelerator\nrelated: [tensor, Model training]",
        "related: [tensor, 'Model training']\nsort_as: Zebra",
    ),
    (TRAINING, "cta: false", "sort_as: 3D training\ncta: false"),  # under '#', its title unchanged
    (TENSOR, "## Shapes", "## Sizes"),  # a heading another term links to renamed: a warning there
]
#: The edits that change only what the edited term's own page shows.
PAGE_ONLY = {0, 1, 2, 3, 5, 33}
#: The edits serve applies without a build (a definition, date, summary, category, tags, links,
#: related terms, title or aliases: the pages showing them are made again), unless they bring a
#: warning other than about links (then the warnings it reports are made again too).
WARM = PAGE_ONLY | {4, 6, 7, 8, 9, 10, 11, 13, 14, 16, 17, 18, 19, 20, 21, 22, 35, 36, 37}


def toggle(site: Path, number: int, tick: int) -> None:
    path, one, other = TOGGLES[number]
    file = site / path
    if one is None:
        if file.exists():
            file.unlink()
            return
        file.parent.mkdir(parents=True, exist_ok=True)
        text = other
    else:
        text = file.read_text(encoding="utf-8")
        swapped = text.replace(one, other, 1) if one in text and other not in text else None
        text = swapped if swapped is not None else text.replace(other, one, 1)
    file.write_text(text, encoding="utf-8")
    stamp = 1_700_000_000_000_000_000 + tick * 1_000_000_000  # saves a second apart, as an editor's
    os.utime(file, ns=(stamp, stamp))


def make_site(site: Path) -> None:
    shutil.copytree(FIXTURES / "minimal", site)
    with (site / SITE).open("a", encoding="utf-8") as settings_file:
        settings_file.write("edit_url: https://git.example.org/glossary/edit/main/\n")
    (site / ACTIVATION).write_text(ACTIVATION_TEXT, encoding="utf-8")


@settings(max_examples=max(3, settings().max_examples // 10))
@given(steps=st.lists(st.lists(st.integers(0, len(TOGGLES) - 1), min_size=1, max_size=2), max_size=5))
@example(steps=[[31], [0]])  # a body edit of a term warned about for its date: built again
@example(steps=[[34, 33], [33], [34]])  # foreign Markdown warned about, then not; an abbreviation
@example(steps=[[35], [36, 37], [35]])  # what titles are filed under, from the saved records or not
@example(steps=[[38], [0], [38]])  # a section linked to gone, then back
def test_any_sequence_of_edits_builds_what_a_clean_build_writes(steps: list[list[int]]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        make_site(site)
        options = BuildOptions(site, site / "_site", search=False, jobs=1)
        result = build(options)
        assert result.ok(strict=False)
        for tick, edits in enumerate(steps, start=1):
            # a file the last build warned about is built again, to give its warnings anew
            warned = {problem.path for problem in result.diagnostics.items}
            for number in edits:
                toggle(site, number, tick)
            result = build(options)
            assert result.ok(strict=False)
            if set(edits) <= PAGE_ONLY and not warned & {TOGGLES[n][0] for n in edits}:
                assert "graph" not in result.timings, "made again from the saved records"
            clean = Path(folder) / f"clean{tick}"
            assert build(BuildOptions(site, clean, search=False, use_cache=False, jobs=1)).ok(strict=False)
            assert tree_digest(site / "_site") == tree_digest(clean), steps[:tick]


@settings(max_examples=max(3, settings().max_examples // 10))
@given(steps=st.lists(st.integers(0, len(TOGGLES) - 1), max_size=6))
@example(steps=[21, 22, 23, 19, 21])  # what terms are called, always
@example(steps=[24, 21, 19, 21, 24])  # a title named by a warning about summaries
@example(steps=[23, 7])  # a summary saved after a build that took the pages before it
@example(steps=[25, 7, 26, 21, 25])  # saves after a new term, a template; the term deleted
@example(steps=[24, 7])  # summaries that read alike, then not: the build gives the warnings
@example(steps=[30, 21, 22, 30])  # a former address shows the title: remade with it, then gone
@example(steps=[31, 32])  # a comment above a warned field: the warning's line moves
@example(steps=[34, 33, 7, 21, 18, 34, 33])  # saves of a term warned about for foreign Markdown
@example(steps=[35, 36, 37, 21, 36, 35, 37])  # what titles are filed under, and the titles
@example(steps=[38, 0, 38])  # a section linked to gone, then back: the warning comes and goes
def test_any_sequence_of_saves_serves_what_a_clean_build_writes(steps: list[int]) -> None:
    """As serve does: a save of one term file is applied from the last build's state when it
    can be, else a build runs that borrows that state; either way serve then shows the
    warnings a clean build reports."""
    with tempfile.TemporaryDirectory() as folder:
        site = Path(folder) / "site"
        make_site(site)
        options = BuildOptions(site, site / "_site", search=False, jobs=1, save_records=False)
        state = build(options).warm
        for tick, number in enumerate(steps, start=1):
            toggle(site, number, tick)
            assert state is not None
            applied = warm.apply_edit(state, site, site / "_site", TOGGLES[number][0])
            # emptying Hardware or filling it again while site.yml describes it changes a warning
            warned = number == 11 and "Hardware: Chips" in (site / SITE).read_text(encoding="utf-8")
            # while model training's summary is the GPU's, a new GPU title is named by the warning
            # about summaries that read alike, and a new GPU summary brings or removes it
            warned |= number in (7, 19, 21) and "summary: A chip" in (site / TRAINING).read_text(
                encoding="utf-8"
            )
            if number in WARM and not warned:
                assert applied is not None, "applied without a build"
            if applied is None:
                state = build(options, state).warm
            assert state is not None
            clean = Path(folder) / f"clean{tick}"
            built = build(BuildOptions(site, clean, search=False, use_cache=False, jobs=1))
            assert built.ok(strict=False)
            assert tree_digest(site / "_site") == tree_digest(clean), steps[:tick]
            assert [str(d) for d in state.diagnostics] == [str(d) for d in built.diagnostics.sorted()]


def test_a_line_added_to_a_definition_is_applied_warm_though_the_lines_below_move(
    tmp_path: Path,
) -> None:
    """Aliases and related terms below the definition move down a line; no page shows their
    lines, so the save remakes what a new definition remakes, and the site equals a clean build.
    A save of a term a warning is about (Activation: no term links to it) runs the build
    instead, as a warning may name a line that moved."""
    site = tmp_path / "site"
    make_site(site)
    options = BuildOptions(site, site / "_site", search=False, jobs=1, save_records=False)
    state = build(options).warm
    assert state is not None
    toggle(site, 27, 1)
    assert warm.apply_edit(state, site, site / "_site", GPU) is not None, "applied without a build"
    gpu_page = (site / "_site/terms/graphics-processing-unit/index.html").read_text(encoding="utf-8")
    assert "It also draws pixels." in gpu_page
    toggle(site, 29, 2)
    assert warm.apply_edit(state, site, site / "_site", ACTIVATION) is None, "a warning's line moved"
    state = build(options, state).warm
    assert state is not None
    clean = tmp_path / "clean"
    built = build(BuildOptions(site, clean, search=False, use_cache=False, jobs=1))
    assert tree_digest(site / "_site") == tree_digest(clean)
    assert [str(d) for d in state.diagnostics] == [str(d) for d in built.diagnostics.sorted()]


def test_a_title_saved_in_serve_remakes_the_pages_beside_it_a_to_z(tmp_path: Path) -> None:
    """A term that moves in the A to Z order changes the Previous and Next links of pages that
    otherwise never show it: those are remade too, so the site still equals a clean build."""
    site = tmp_path / "site"
    make_site(site)
    for title in ("Batch", "Zeta function"):
        (site / "content/terms" / f"{title.split()[0].lower()}.md").write_text(
            f"---\ntitle: {title}\nsummary: Not linked to any chip, {title}.\n"
            f"definition: A **{title.lower()}** is a test term.\nrelated: [tensor, model-training]\n"
            "updated: 2025-01-05\n---\n\nSee [[tensor]].\n",
            encoding="utf-8",
        )
    options = BuildOptions(site, site / "_site", search=False, jobs=1, save_records=False)
    state = build(options).warm
    assert state is not None
    batch = site / "_site/terms/batch/index.html"
    assert "Graphics processing unit" in batch.read_text(encoding="utf-8"), "Next on the Batch page"
    toggle(site, 21, 1)  # Graphics processing unit becomes Accelerator: first A to Z
    assert warm.apply_edit(state, site, site / "_site", GPU) is not None, "applied without a build"
    assert "Graphics processing unit" not in batch.read_text(encoding="utf-8")
    clean = tmp_path / "clean"
    assert build(BuildOptions(site, clean, search=False, use_cache=False, jobs=1)).ok(strict=False)
    assert tree_digest(site / "_site") == tree_digest(clean)


def test_a_group_that_loses_its_only_dated_term_in_serve_loses_its_feed(tmp_path: Path) -> None:
    """Its other terms are undated, so it keeps its page but has no feed any more: the feed
    file goes and the page no longer links it, as a clean build writes it."""
    site = tmp_path / "site"
    make_site(site)
    (site / "content/terms/scalar.md").write_text(
        "---\ntitle: Scalar\nsummary: A single number, a tensor of rank 0.\n"
        "definition: A **scalar** is one number.\ntags: [math]\nrelated: [tensor, activation]\n---\n\n"
        "The smallest [[tensor]] and [[activation]].\n",
        encoding="utf-8",
    )
    options = BuildOptions(site, site / "_site", search=False, jobs=1, save_records=False)
    state = build(options).warm
    assert state is not None
    assert (site / "_site/tags/math/feed.xml").exists()
    toggle(site, 8, 1)  # Tensor, math's only dated term, leaves it
    assert warm.apply_edit(state, site, site / "_site", TENSOR) is not None, "applied without a build"
    assert not (site / "_site/tags/math/feed.xml").exists()
    clean = tmp_path / "clean"
    assert build(BuildOptions(site, clean, search=False, use_cache=False, jobs=1)).ok(strict=False)
    assert tree_digest(site / "_site") == tree_digest(clean)


#: Saves across the size limits of long lists and of the graph page (lowered below so the four
#: terms cross them), and titles moving between letter sections and alphabets, and their pages
#: of the A to Z (whose limit is lowered below all six names).
ACROSS_LIMITS: list[tuple[str, str, str]] = [
    (GPU, "category: Hardware", "category: Concepts"),  # Concepts is long: by letter
    (GPU, "title: Graphics processing unit", "title: Accelerator"),  # from G to A in it
    (GPU, "title: Accelerator", "title: 3D chip"),  # to '#'
    (GPU, "title: 3D chip", "title: מעבד גרפי"),  # to a Hebrew letter
    (GPU, "category: Concepts", "sort_as: Accelerator\ncategory: Concepts"),  # filed under A again
    (GPU, "category: Concepts", "category: Hardware"),  # Concepts is short again
    (TENSOR, "category: Concepts\n", ""),
    (TRAINING, "category: Concepts\n", ""),
    (ACTIVATION, "category: Concepts\n", ""),
    (GPU, "category: Hardware\n", ""),  # no category: the graph shows the most linked terms
    (TENSOR, "Training runs on [[GPUs]]", "Training runs on GPUs"),  # which are others now
    (GPU, "tags: [hardware]", "category: Hardware\ntags: [hardware]"),  # a category again
]


@pytest.mark.parametrize("serve", [True, False], ids=["serve", "build"])
def test_saves_across_the_limits_of_long_lists_give_what_a_clean_build_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, serve: bool
) -> None:
    """A category or tag page above LETTERED_GROUP terms is by letter, and /graph/ of a glossary
    above ALL_TERMS terms with no category draws the most linked: a save crossing either
    limit, or moving a title to another letter, is applied warm (or from the saved records)
    and still gives the bytes of a clean build."""
    monkeypatch.setattr(views, "LETTERED_GROUP", 2)
    monkeypatch.setattr(graph_page, "ALL_TERMS", 3)
    monkeypatch.setattr(views, "LETTER_PAGES_ABOVE", 5)
    site = tmp_path / "site"
    make_site(site)
    options = BuildOptions(site, site / "_site", search=False, jobs=1, save_records=not serve)
    result = build(options)
    state = result.warm
    for tick, (path, one, other) in enumerate(ACROSS_LIMITS, start=1):
        file = site / path
        file.write_text(file.read_text(encoding="utf-8").replace(one, other, 1), encoding="utf-8")
        stamp = 1_700_000_000_000_000_000 + tick * 1_000_000_000
        os.utime(file, ns=(stamp, stamp))
        if serve:
            assert state is not None
            if warm.apply_edit(state, site, site / "_site", path) is None:
                state = build(options, state).warm
            assert state is not None
            reported = [str(d) for d in state.diagnostics]
        else:
            result = build(options)
            reported = [str(d) for d in result.diagnostics.sorted()]
        clean = tmp_path / f"clean{tick}"
        built = build(BuildOptions(site, clean, search=False, use_cache=False, jobs=1))
        assert built.ok(strict=False)
        assert tree_digest(site / "_site") == tree_digest(clean), ACROSS_LIMITS[tick - 1]
        assert reported == [str(d) for d in built.diagnostics.sorted()]
        if tick == 1:
            concepts = parse_html(site / "_site/categories/concepts/index.html")
            assert concepts.select("section.letter-group"), "four terms in Concepts: by letter"
        if tick == 5:
            filed = parse_html(site / "_site/a-z/a/index.html").select("section.letter-group dt")
            assert [dt.get_text() for dt in filed] == ["מעבד גרפי", "Activation", "Activations"]
            assert not (site / "_site/a-z/מ").exists(), "its letter's page is gone"
        if tick == 10:
            shown = parse_html(site / "_site/graph/index.html").get_text()
            assert "most linked" in shown, "no category: the most linked terms"
