"""What the term graph costs a build: the /graph/ pages and every term page's neighbourhood.

First, in one process with the corpus loaded, it times the graph's own work: every term page
rendered with and without its neighbourhood picture (the smaller of 3 timings each), and every
graph page made. That figure is steady. Then it builds the corpus cold (`--no-cache
--no-search`) with the graph and without it, the two alternating, and prints the medians of
wall and CPU time and their ratio: the whole cost, but as noisy as the machine. "Without" switches
off the graph pages and the term pages' neighbourhood pictures inside this script's build
process only (the generator has no such option). Then it checks a build where no link changed:
one term's body gets a sentence with no link, the site is rebuilt with its cache, and no graph
page may be rewritten.

    python bench/graph_cost.py [--terms 10000] [--runs 5] [--work /dev/shm/glossary-bench]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from options import at_least
from serve_latency import corpus

EDIT = "\n\nA sentence added by bench/graph_cost.py, with no link in it.\n"


def one_build(argv: Sequence[str]) -> int:
    """The child process: a build, with the graph switched off if asked."""
    from glossary_site import cli, graph_page, term_page

    if argv[0] == "--without-graph":
        graph_page.graph_jobs = lambda *args: []  # type: ignore[assignment]
        graph_page.graph_paths = lambda *args: []  # type: ignore[assignment]
        term_page.neighbourhood = lambda *args: None  # type: ignore[assignment]
        argv = argv[1:]
    return cli.main(list(argv))


def attributable(root: Path) -> tuple[float, float, float, int]:
    """CPU seconds of the graph's work in one process: term pages with their pictures minus
    without, the graph pages, and all term pages with pictures (for scale); and the number of
    term pages."""
    import gc
    import tempfile

    from glossary_site import collector, neighbourhood, pipeline, term_page
    from glossary_site.cache import Cache

    result = pipeline.BuildResult()
    options = pipeline.BuildOptions(root=root, out=root / "unused")
    with tempfile.TemporaryDirectory() as scratch:
        loaded = pipeline.load(options, Cache(Path(scratch)), result)
        assert loaded is not None, result.diagnostics.items[:3]
        terms = [job for job in loaded.jobs if job.path.startswith("terms/")]
        graphs = [job for job in loaded.jobs if job.path.startswith("graph/")]
        gc.freeze()
        collector.tune_for_building()  # as a build does

        def cpu(jobs: list[Any]) -> float:
            started = time.process_time()
            for job in jobs:
                job.produce()
            return time.process_time() - started

        drawn = term_page.neighbourhood
        timings: dict[bool, list[float]] = {True: [], False: []}
        for _ in range(3):
            for picture in (True, False):
                for name in dir(neighbourhood):  # as cold as a build's: nothing drawn yet
                    getattr(getattr(neighbourhood, name), "cache_clear", lambda: None)()
                term_page.neighbourhood = drawn if picture else (lambda *args: None)  # type: ignore[assignment]
                timings[picture].append(cpu(terms))
        term_page.neighbourhood = drawn
        with_pictures = min(timings[True])
        return with_pictures - min(timings[False]), cpu(graphs), with_pictures, len(terms)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(root: Path, out: Path, graph: bool, *flags: str) -> tuple[float, float, str]:
    """Wall seconds, CPU seconds (the build's processes) and what it printed."""
    command = [sys.executable, __file__, "--one-build", *([] if graph else ["--without-graph"])]
    command += ["build", "--source", str(root), "--out", str(out), *flags]
    cpu, started = children_cpu(), time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, children_cpu() - cpu, done.stdout + done.stderr


def graph_files(out: Path) -> dict[str, int]:
    return {str(p.relative_to(out)): p.stat().st_mtime_ns for p in sorted((out / "graph").rglob("*.html"))}


def main(argv: Sequence[str] | None = None) -> int:
    args_in = list(sys.argv[1:] if argv is None else argv)
    if args_in[:1] == ["--one-build"]:
        return one_build(args_in[1:])
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--terms", type=at_least(2), default=10000)
    parser.add_argument("--runs", type=at_least(1), default=5)
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/glossary-bench"))
    args = parser.parse_args(args_in)
    root = corpus(args.work, args.terms)
    pictures, pages, term_pages, count = attributable(root)
    print(f"In one process, {count:,} term pages: {term_pages:.2f} s CPU to render with their pictures;")
    print(
        f"  the pictures {pictures:.2f} s of it, the graph pages {pages:.2f} s: "
        f"{pictures + pages:.2f} s in all"
    )
    out = args.work / "graph-cost-out"
    times: dict[bool, list[tuple[float, float]]] = {True: [], False: []}
    for run in range(args.runs):
        for graph in (run % 2 == 0, run % 2 == 1):  # alternate which side goes first
            shutil.rmtree(out, ignore_errors=True)
            wall, cpu, _ = timed_build(root, out, graph, "--no-cache", "--no-search", "-q")
            times[graph].append((wall, cpu))
            print(f"run {run + 1}: {'with' if graph else 'without'} graph {wall:.2f} s wall, {cpu:.2f} s CPU")
    print(f"\nCold build of {args.terms:,} terms (--no-cache --no-search), medians of {args.runs}:")
    print("| | wall s | CPU s |\n|---|---|---|")
    medians = {}
    for graph in (False, True):
        wall = statistics.median(w for w, _ in times[graph])
        cpu = statistics.median(c for _, c in times[graph])
        medians[graph] = (wall, cpu)
        print(f"| {'with' if graph else 'without'} the graph | {wall:.2f} | {cpu:.2f} |")
    wall_ratio = medians[True][0] / medians[False][0]
    cpu_ratio = medians[True][1] / medians[False][1]
    print(f"| ratio | {wall_ratio:.3f} | {cpu_ratio:.3f} |")
    share = (pictures + pages) / medians[False][1]
    print(f"The graph's own work is {share:.1%} of the median CPU time of a build without it.")

    shutil.rmtree(out, ignore_errors=True)
    cache = args.work / "graph-cost-cache"
    shutil.rmtree(cache, ignore_errors=True)
    flags = ("--no-search", "--cache-dir", str(cache), "-q")
    timed_build(root, out, True, *flags)
    before = graph_files(out)
    term = sorted((root / "content" / "terms").glob("*.md"))[0]
    original = term.read_bytes()
    try:
        term.write_bytes(original + EDIT.encode())
        wall, _, printed = timed_build(root, out, True, *flags[:-1])
    finally:
        term.write_bytes(original)
    after = graph_files(out)
    rewritten = [path for path in after if before.get(path) != after[path]]
    print(f"\nOne term's body edited, no link changed: rebuilt in {wall:.2f} s; {printed.strip()}")
    print(
        f"graph pages rewritten: {len(rewritten)} of {len(after)}"
        + (f" ({', '.join(rewritten)})" if rewritten else "")
    )
    return 1 if rewritten else 0


if __name__ == "__main__":
    sys.exit(main())
