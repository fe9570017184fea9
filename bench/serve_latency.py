"""Time from saving a term file to `glossary serve` serving the rebuilt page.

Starts the dev server on a generated corpus (default 1,000 terms), then repeatedly appends a
unique sentence to one term's body and polls that term's page until the sentence is served.
Prints the median, min and max over the edits; the issue's target is under one second.

    python bench/serve_latency.py [--terms 1000] [--edits 10] [--pause 2] [--work /tmp/glossary-bench]
"""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--terms", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument(
        "--pause", type=float, default=2.0,
        help="seconds between a page showing an edit and the next save (default 2: longer than the "
        "server's settle time, so saves land while it indexes search in the background)",
    )  # fmt: skip
    parser.add_argument("--work", type=Path, default=Path("/tmp/glossary-bench"))
    args = parser.parse_args(argv)
    site = corpus(args.work, args.terms)
    term = sorted((site / "content/terms").glob("*.md"))[args.terms // 2]
    original = term.read_text(encoding="utf-8")
    port = free_port()
    url = f"http://127.0.0.1:{port}/terms/{term.stem}/index.html"
    server = subprocess.Popen(
        [sys.executable, "-m", "glossary_site", "serve", "--port", str(port)],
        cwd=site, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    latencies = []
    try:
        wait_until(url, "<h1", 600)
        for edit in range(args.edits):
            marker = f"Latency probe {edit} {time.time_ns()}."
            term.write_text(original + f"\n\n{marker}\n", encoding="utf-8")
            latencies.append(wait_until(url, marker, 60))
            time.sleep(args.pause)
    finally:
        term.write_text(original, encoding="utf-8")
        server.terminate()
        server.wait(timeout=30)
    median, low, high = statistics.median(latencies), min(latencies), max(latencies)
    print(
        f"save → page served, {args.terms} terms, {len(latencies)} edits: "
        f"median {median:.3f} s, min {low:.3f} s, max {high:.3f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
