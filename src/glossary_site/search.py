"""Full-text search: Pagefind indexes the built term pages; the search page queries it.

Pagefind splits its index into small chunks that the browser loads on demand, so a reader
downloads a few kilobytes per query even at 10,000 terms. Only the term article is indexed
(`data-pagefind-body`); titles and aliases carry extra weight in the templates.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from glossary_site.diagnostics import Diagnostic

FOLDER = "pagefind"
MANIFEST_KEY = "pagefind/"
#: Section permalinks ("#") and copy-link buttons would show up in every excerpt.
IGNORED = ".headerlink, .copy-link"


def build_index(site: Path, into: Path) -> Diagnostic | None:
    """Index the HTML under `site`, writing the bundle to `into`; a problem is returned."""
    shutil.rmtree(into, ignore_errors=True)
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-path", str(into), "--quiet"]
    command += ["--exclude-selectors", IGNORED]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Diagnostic("(search)", 1, f"search indexing could not run: {exc}")
    if done.returncode != 0 or not (into / "pagefind.js").is_file():
        reason = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        return Diagnostic(
            "(search)",
            1,
            f"search indexing failed: {reason[0]}; is pagefind installed (pip install 'pagefind[bin]')?",
        )
    return None
