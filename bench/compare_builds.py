"""Build the same sites with two versions of the generator and compare the output byte for byte.

A re-layout must not change a byte of any page. This builds the example site (as BASE has
it) and a generated corpus with the code of two git revisions (each from its own `git
archive`, imported from its `src/`), then lists every file that differs or exists on one
side only.

    python bench/compare_builds.py BASE [HEAD] [--terms 2000] [--jobs N] [--time RUNS]

HEAD defaults to the working tree. Exit status 0 when every output is identical, 1 otherwise.
With --time, the corpus is also built RUNS times by each side in alternating rounds, as a user
builds (cache written): cold, then with nothing changed, then after one term was edited; the
medians and head/base ratios are printed.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

from options import at_least

PROJECT = Path(__file__).resolve().parents[1]
SITE_PARTS = ("content", "templates", "static")
#: The output's manifest names the generator's own code fingerprint, so it differs by design.
MARKER = ".glossary-site"


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("base", help="git revision to compare against, e.g. main~3")
    parser.add_argument("head", nargs="?", default=None, help="git revision (default: the working tree)")
    parser.add_argument("--terms", type=at_least(2), default=2000, help="size of the generated corpus")
    parser.add_argument("--jobs", type=at_least(1), default=os.cpu_count() or 1)
    parser.add_argument("--time", type=at_least(0), default=0, metavar="RUNS", help="also time RUNS rounds")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="compare-builds-") as scratch:
        work = Path(scratch)
        sources = {"base": export(args.base, work / "base"), "head": export(args.head, work / "head")}
        homes = {side: work / f"home-{side}" for side in sources}
        sites = {
            "example": copy_example(sources["base"].parent, work / "example"),
            "corpus": make_corpus(work / "corpus", args.terms),
        }
        differing = 0
        for name, site in sites.items():
            trees = {
                side: build(src, homes[side], site, work / f"out-{name}-{side}", args.jobs)
                for side, src in sources.items()
            }
            changed = sorted(
                p
                for p in trees["base"].keys() | trees["head"].keys()
                if trees["base"].get(p) != trees["head"].get(p)
            )
            print(f"{name}: {len(trees['head'])} files, {len(changed)} differ")
            for path in changed[:20]:
                print(f"  {path}")
            differing += len(changed)
        if args.time:
            timed = time_builds(sources, homes, sites["corpus"], work / "timed", args.jobs, args.time)
            report_times(timed)
    return 1 if differing else 0


def time_builds(
    sources: dict[str, Path], homes: dict[str, Path], site: Path, work: Path, jobs: int, runs: int
) -> dict[str, dict[str, list[float]]]:
    """Seconds per side and kind of build; rounds alternate sides so drift hits both alike."""
    times: dict[str, dict[str, list[float]]] = {side: {} for side in sources}
    edited = sorted((site / "content/terms").glob("*.md"))[0]
    original = edited.read_text(encoding="utf-8")
    for run in range(runs):
        for side, src in sources.items():
            out = work / f"{side}-{run}"
            for kind in ("cold", "nothing changed", "one term edited"):
                if kind == "one term edited":
                    edited.write_text(original + f"\nEdited in run {run}.\n", encoding="utf-8")
                started = time.perf_counter()
                try:
                    build(src, homes[side], site, out / "site", jobs, out / "cache")
                finally:
                    if kind == "one term edited":
                        edited.write_text(original, encoding="utf-8")
                times[side].setdefault(kind, []).append(time.perf_counter() - started)
    return times


def report_times(times: dict[str, dict[str, list[float]]]) -> None:
    for kind in times["base"]:
        base, head = statistics.median(times["base"][kind]), statistics.median(times["head"][kind])
        runs = len(times["base"][kind])
        print(f"{kind}: base {base:.2f} s, head {head:.2f} s (median of {runs}); head/base {head / base:.2f}")


def export(revision: str | None, target: Path) -> Path:
    """The src/ folder of a revision (its whole tree is exported beside it), or of the working
    tree when revision is None."""
    if revision is None:
        return PROJECT / "src"
    archive = subprocess.run(["git", "archive", revision], cwd=PROJECT, capture_output=True, check=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        tar.extractall(target, filter="data")
    return target / "src"


def copy_example(tree: Path, target: Path) -> Path:
    """The example site as the base revision has it, so both sides build the same content."""
    for part in SITE_PARTS:
        if (tree / part).is_dir():
            shutil.copytree(tree / part, target / part)
    return target


def make_corpus(target: Path, terms: int) -> Path:
    command = [
        sys.executable,
        str(PROJECT / "bench/make_corpus.py"),
        "--terms",
        str(terms),
        "--out",
        str(target),
    ]
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return target / "glossary"


def build(
    src: Path, home: Path, site: Path, out: Path, jobs: int, cache: Path | None = None
) -> dict[str, str]:
    """The output's files and hashes; with `cache`, built as a user builds (cache kept there).

    Each side compiles its modules once, into `home`, where neither's __pycache__ folders can be
    (with PYTHONDONTWRITEBYTECODE inherited, the archive side compiled at every build and the
    working tree's side did not when a __pycache__ of it existed), and keeps its per-user cache
    there, as a user's machine does between builds: a timed build compiles neither modules nor
    templates again (each round's own folder did, which took a 200-term build 1.5 times as long).
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env |= {"PYTHONPATH": str(src), "XDG_CACHE_HOME": str(home / "xdg")}
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    command = [sys.executable, "-m", "glossary_site", "build", "--no-search", "-q"]
    command += ["--cache-dir", str(cache)] if cache else ["--no-cache"]
    command += ["--jobs", str(jobs), "--out", str(out), "--source", str(site)]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"build with {src} failed:\n{done.stderr}")
    return {
        path.relative_to(out).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(out.rglob("*"))
        if path.is_file() and path.name != MARKER
    }


if __name__ == "__main__":
    sys.exit(main())
