"""The same cold build (cache written, as a user builds) under several Python interpreters.

How CPython was compiled changes how fast our build runs: pyenv builds it without profile-
guided and link-time optimisation unless PYTHON_CONFIGURE_OPTS asks for them, while Debian's
packaged Python, for one, is built with both. This builds the generated corpus with each
interpreter given, in alternating rounds after a warm-up round, and prints the medians of
wall and CPU time and their ratio to the first interpreter. Each interpreter needs
glossary-site installed (`pip install -e .` in a virtual environment made by it).

    python bench/interpreters.py ~/.pyenv/versions/3.11.7/bin/python debian-venv/bin/python --terms 2000
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
from pathlib import Path

from options import at_least
from run import Harness, child_env, corpus, default_scratch, measure


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("pythons", nargs="+", type=Path, help="interpreters with glossary-site installed")
    parser.add_argument("--terms", type=at_least(2), default=2000)
    parser.add_argument("--runs", type=at_least(1), default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/glossary-bench"), help="corpus cache")
    parser.add_argument("--scratch", type=Path, help="where the builds write (see run.py)")
    parser.add_argument("--idle-wait", type=float, default=120, help="see run.py")
    args = parser.parse_args()
    site = corpus(args.work, args.terms, seed=1) / "glossary"
    scratch = (args.scratch or default_scratch(args.work)) / "interpreters"
    harness = Harness(timeout=900, idle_wait=args.idle_wait, env=child_env(args.work))
    versions = {py: _version(py, harness) for py in args.pythons}
    walls: dict[Path, list[float]] = {py: [] for py in args.pythons}
    cpus: dict[Path, list[float]] = {py: [] for py in args.pythons}
    out, cache = scratch / "out", scratch / "cache"
    build = [
        "-m",
        "glossary_site",
        "build",
        "--out",
        str(out),
        "--cache-dir",
        str(cache),
        "--no-search",
        "-q",
    ]
    for run in range(args.runs + 1):  # round 0 is the warm-up
        for py in args.pythons:
            shutil.rmtree(out, ignore_errors=True)
            shutil.rmtree(cache, ignore_errors=True)
            result = measure([str(py), *build], site, harness, scratch / "logs" / f"{run}.log")
            if not result.ok:
                print(f"{py}: {result.status}; see {scratch / 'logs'}")
                return 1
            print(
                f"  {'warm-up' if run == 0 else f'run {run}'} {versions[py]}: {result.seconds:.2f} s, "
                f"{result.cpu_s:.2f} CPU s, others {result.other_cpu_pct:.0f}% CPU"
            )
            if run:
                walls[py].append(result.seconds)
                cpus[py].append(result.cpu_s)
    first = args.pythons[0]
    print(f"\n{args.terms:,} terms, {args.runs} alternating runs each, medians:\n")
    print(
        "| interpreter | wall s | CPU s | wall / first | CPU / first |\n| --- | ---: | ---: | ---: | ---: |"
    )
    for py in args.pythons:
        wall, cpu = statistics.median(walls[py]), statistics.median(cpus[py])
        wall_ratio = wall / statistics.median(walls[first])
        cpu_ratio = cpu / statistics.median(cpus[first])
        print(f"| {versions[py]} (`{py}`) | {wall:.2f} | {cpu:.2f} | {wall_ratio:.2f}× | {cpu_ratio:.2f}× |")
    return 0


def _version(python: Path, harness: Harness) -> str:
    code = "import sys; print(sys.version.split()[0])"
    done = subprocess.run(
        [str(python), "-c", code], env=harness.env, capture_output=True, text=True, check=True
    )
    return f"Python {done.stdout.strip()}"


if __name__ == "__main__":
    raise SystemExit(main())
