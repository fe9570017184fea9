"""Bytes a reader downloads to open the search page, before and for the first query.

Builds (or reuses) a generated corpus with search, serves it on 127.0.0.1 and opens the
search page in Debian's Chromium, summing the size of every response. Pagefind loads its
index in chunks, so the first figure should stay small however many terms there are.

    python bench/search_payload.py [--terms 10000] [--query gradient] [--work /tmp/glossary-bench]
"""

from __future__ import annotations

import argparse
import functools
import http.server
import subprocess
import sys
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from options import at_least

BENCH = Path(__file__).resolve().parent
# the search page has answered once it shows results or says it found none
SETTLED = """() => document.querySelector('#search-results li')
  || document.querySelector('#search-status').textContent.startsWith('No results')"""


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


def built_site(work: Path, terms: int) -> Path:
    corpus = work / f"search-payload-{terms}"
    if not (corpus / "glossary/content").is_dir():
        command = [sys.executable, str(BENCH / "make_corpus.py"), "--terms", str(terms), "--out", str(corpus)]
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
    out = corpus / "site"
    if not (out / "pagefind/bundles.json").is_file():
        command = [sys.executable, "-m", "glossary_site", "build", "--out", str(out), "-q"]
        subprocess.run(command, check=True, cwd=corpus / "glossary")
    return out


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--terms", type=at_least(2), default=10000)
    parser.add_argument("--query", default="gradient")
    parser.add_argument("--work", type=Path, default=Path("/tmp/glossary-bench"))
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright  # after parsing, so --help needs no browser driver

    site = built_site(args.work, args.terms)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sizes: list[int] = []
    with sync_playwright() as driver:
        browser = driver.chromium.launch(
            executable_path="/usr/bin/chromium-headless-shell",
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
            ],
        )
        page = browser.new_page()
        page.on("response", lambda response: sizes.append(len(response.body())))
        page.goto(f"http://127.0.0.1:{server.server_port}/search/index.html")
        page.wait_for_load_state("networkidle")
        before = sum(sizes)
        page.fill("#search-query", args.query)
        page.wait_for_function(SETTLED)
        page.wait_for_load_state("networkidle")
        after = sum(sizes)
        found = page.locator("#search-results li").count()
        browser.close()
    server.shutdown()
    if not found:
        print(f"'{args.query}' matches nothing in the {args.terms}-term corpus; try another --query")
        return 1
    print(f"{args.terms} terms: search page {before / 1024:.0f} KB before the first query, "
          f"{(after - before) / 1024:.0f} KB more for '{args.query}'")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
