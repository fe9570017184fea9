"""A CI run with the build cache restored, against one without: what `actions/cache` saves.

Builds the generated corpus once with GLOSSARY_CACHE_KEY set (the run that saves the cache).
Then, `--runs` times, as a new CI run: a fresh copy of the site (new files, new modification
times, no output folder, an empty user cache folder), one term edited, and either the cache
restored or none, built with the same key; the medians of each are printed.

    python bench/ci_rebuild.py [--terms 10000] [--runs 3] [--work /dev/shm/glossary-bench]
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

from options import at_least
from serve_latency import corpus

KEY = "benchmark key, a repository secret on CI"


def build(site: Path, home: Path) -> tuple[float, str]:
    env = {**os.environ, "GLOSSARY_CACHE_KEY": KEY, "XDG_CACHE_HOME": str(home)}
    command = [sys.executable, "-m", "glossary_site", "build", "--no-search", "-v"]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=site, env=env, capture_output=True, text=True, check=True)
    return time.perf_counter() - started, done.stdout.strip().splitlines()[-1]


def checkout(source: Path, target: Path, edited: bool) -> Path:
    """The site as a new CI run checks it out; `edited`: with one term changed since."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(source / "content", target / "content")
    if edited:
        term = sorted((target / "content/terms").glob("*.md"))[0]
        term.write_text(term.read_text(encoding="utf-8") + "\n\nEdited in this commit.\n", encoding="utf-8")
    return target


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--terms", type=at_least(2), default=10000)
    parser.add_argument("--runs", type=at_least(1), default=3)
    parser.add_argument("--work", type=Path, default=Path("/dev/shm/glossary-bench"))
    args = parser.parse_args(argv)
    source = corpus(args.work, args.terms)
    first = checkout(source, args.work / "ci-first", edited=False)
    seconds, said = build(first, args.work / "ci-home-first")
    print(f"the run that saves the cache: {seconds:.2f} s ({said})")
    times: dict[bool, list[float]] = {True: [], False: []}
    for run in range(args.runs):
        for restored in (run % 2 == 0, run % 2 == 1):
            site = checkout(source, args.work / "ci-next", edited=True)
            if restored:
                shutil.copytree(first / ".glossary-cache", site / ".glossary-cache")
            home = args.work / "ci-home-next"
            shutil.rmtree(home, ignore_errors=True)
            seconds, said = build(site, home)
            times[restored].append(seconds)
            print(f"run {run + 1}, cache {'restored' if restored else 'absent'}: {seconds:.2f} s ({said})")
    absent, restored = statistics.median(times[False]), statistics.median(times[True])
    print(
        f"\n{args.terms:,} terms, one term edited, medians of {args.runs}: without the cache {absent:.2f} s, "
    )
    print(f"with the cache restored {restored:.2f} s ({restored / absent:.2f}×)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
