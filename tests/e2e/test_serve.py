"""`glossary serve`: the preview picks up an edited term without a restart."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import copy_site


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return str(response.read().decode("utf-8"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, seconds: float = 20) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = fetch(url)
        if page is not None and text in page:
            return page
        time.sleep(0.1)
    raise AssertionError(f"{text!r} never appeared at {url}")


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[Path, str]]:
    site = copy_site("minimal", tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "glossary_site", "serve", "--port", str(port)],
        cwd=site,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        yield site, f"http://127.0.0.1:{port}"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_serve_shows_the_site_and_an_edit_without_restarting(served: tuple[Path, str]) -> None:
    site, base = served
    page = wait_for(f"{base}/terms/tensor/index.html", "A multi-dimensional array of numbers.")
    assert "livereload" in page, "the browser is told to reload"
    term = site / "content/terms/tensor.md"
    term.write_text(term.read_text().replace("A multi-dimensional array", "An n-dimensional grid"))
    wait_for(f"{base}/terms/tensor/index.html", "An n-dimensional grid of numbers.")
    assert not (site / "_site").exists(), "serve never touches the deployable output folder"
