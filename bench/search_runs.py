"""Search indexing with one Pagefind run at a time against several at once, on the same pages.

It builds the benchmark corpus once without search, then indexes its term pages into bundles
as `glossary build` does (`search.build_index`), with each number of simultaneous runs in turn,
alternating, and prints the median wall time and the peak memory (summed RSS of this process
and its Pagefind runs) for each. A build chooses the number from `--jobs` (at most 4).

    python bench/search_runs.py [--terms 10000] [--rounds 3] [--runs 1,2] [--work /dev/shm/glossary-bench]
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from options import at_least, numbers
from run import PeakSampler, corpus

from glossary_site import search


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--terms", type=at_least(2), default=10000)
    parser.add_argument("--rounds", type=at_least(1), default=3)
    parser.add_argument(
        "--runs",
        type=numbers(1),
        default=[1, 2],
        help="numbers of simultaneous Pagefind runs, comma-separated",
    )
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/glossary-bench"))
    args = parser.parse_args(argv)
    choices = args.runs
    site = corpus(args.work, args.terms, seed=1) / "glossary"
    out = args.work / "search-runs-site"
    shutil.rmtree(out, ignore_errors=True)
    build = [sys.executable, "-m", "glossary_site", "build", "--no-cache", "--no-search", "-q"]
    built = subprocess.run([*build, "--out", str(out)], cwd=site, capture_output=True, text=True)
    if built.returncode != 0:
        print(built.stderr, file=sys.stderr)
        return 1
    keys = {page.relative_to(out).as_posix(): "" for page in out.glob("*/*/index.html")}
    bundles = search.bundles(keys)
    print(f"{args.terms:,} terms: {sum(map(len, bundles.values())):,} pages in {len(bundles)} bundles")
    seconds: dict[int, list[float]] = {n: [] for n in choices}
    peaks: dict[int, list[int]] = {n: [] for n in choices}
    for round_ in range(1, args.rounds + 1):
        for runs in choices if round_ % 2 else reversed(choices):
            into = args.work / f"search-runs-{runs}"
            shutil.rmtree(into, ignore_errors=True)
            sampler = PeakSampler(os.getpid())
            sampler.start()
            started = time.perf_counter()
            problem = search.build_index([out], into, keys, runs=runs)
            seconds[runs].append(time.perf_counter() - started)
            peaks[runs].append(sampler.stop())
            if problem is not None:
                print(f"failed: {problem}", file=sys.stderr)
                return 1
            print(
                f"round {round_}: {runs} at once {seconds[runs][-1]:.2f} s, {peaks[runs][-1] / 2**20:,.0f} MB"
            )
    print(
        f"\n| Pagefind runs at once | median s | min–max s | peak MB (median) | time against {choices[0]} |"
    )
    print("| ---: | ---: | ---: | ---: | ---: |")
    base = statistics.median(seconds[choices[0]])
    for runs in choices:
        median = statistics.median(seconds[runs])
        peak = statistics.median(peaks[runs]) / 2**20
        span = f"{min(seconds[runs]):.2f}–{max(seconds[runs]):.2f}"
        print(f"| {runs} | {median:.2f} | {span} | {peak:,.0f} | {median / base:.2f}× |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
