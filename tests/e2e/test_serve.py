"""`glossary serve`: edits show up, the browser is told to reload, errors get a page."""

from __future__ import annotations

import asyncio
import json
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from support import copy_site, run_glossary
from tornado.websocket import websocket_connect


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def fetch(url: str) -> tuple[int, str] | None:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return int(response.status), response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return int(error.code), error.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, status: int = 200, seconds: float = 20) -> str:
    """Poll until the page has the text; no fixed sleeps, a deadline instead."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        got = fetch(url)
        if got is not None and got[0] == status and text in got[1]:
            return got[1]
        time.sleep(0.05)
    raise AssertionError(f"{text!r} with status {status} never appeared at {url}; last: {got}")


async def reload_after(port: int, change: object) -> dict[str, object]:
    """Connect as the browser's live-reload script does, make a change, await the reload."""
    socket = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    socket.write_message(
        json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
    )
    while True:
        message = json.loads(await asyncio.wait_for(socket.read_message(), 20))  # type: ignore[arg-type]
        if message.get("command") == "hello":
            break
    socket.write_message(json.dumps({"command": "info", "url": f"http://127.0.0.1:{port}/"}))
    assert callable(change)
    change()
    while True:
        message = json.loads(await asyncio.wait_for(socket.read_message(), 20))  # type: ignore[arg-type]
        if message.get("command") == "reload":
            socket.close()
            return message


@pytest.fixture()
def served(tmp_path: Path) -> Iterator[tuple[Path, str, int]]:
    site = copy_site("minimal", tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "glossary_site", "serve", "--port", str(port)],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/index.html", "Mini Glossary")
        yield site, f"http://127.0.0.1:{port}", port
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_edit_is_served_and_the_browser_told_to_reload(served: tuple[Path, str, int]) -> None:
    site, base, port = served
    page = wait_for(f"{base}/terms/tensor/", "A multi-dimensional array of numbers.")
    assert "livereload.js" in page, "pages carry the live-reload script"
    term = site / "content/terms/tensor.md"
    text = term.read_text()

    def edit() -> None:
        term.write_text(text.replace("A multi-dimensional array", "An n-dimensional grid"))

    message = asyncio.run(reload_after(port, edit))
    assert message["command"] == "reload"
    wait_for(f"{base}/terms/tensor/index.html", "An n-dimensional grid of numbers.")
    assert not (site / "_site").exists(), "serve never touches the deployable output folder"


def test_broken_content_shows_an_error_page_until_fixed(served: tuple[Path, str, int]) -> None:
    site, base, _ = served
    term = site / "content/terms/tensor.md"
    good = term.read_text()
    term.write_text(good.replace("related: [GPU, model-training]", "related: [GPU, modle-training]"))
    page = wait_for(f"{base}/terms/tensor/index.html", "The glossary has problems", status=500)
    problems = [li.get_text() for li in BeautifulSoup(page, "html.parser").select(".problems li")]
    assert problems == [
        "content/terms/tensor.md:7: unknown related term 'modle-training'; did you mean 'model-training'?"
    ]
    term.write_text(good)
    wait_for(f"{base}/terms/tensor/index.html", "A multi-dimensional array of numbers.")


def test_deleted_term_page_disappears_and_links_to_it_become_errors(served: tuple[Path, str, int]) -> None:
    site, base, _ = served
    (site / "content/terms/model-training.md").unlink()
    page = wait_for(f"{base}/terms/tensor/index.html", "The glossary has problems", status=500)
    problems = [li.get_text() for li in BeautifulSoup(page, "html.parser").select(".problems li")]
    assert "content/terms/tensor.md:7: unknown related term 'model-training'" in problems
    gone = fetch(f"{base}/terms/model-training/index.html")
    assert gone is not None and gone[0] == 500, "while broken, every page is the error page"
    for name, old, new in [
        ("tensor", "[[model training|weights]]", "weights"),
        ("tensor", "related: [GPU, model-training]", "related: [GPU]"),
        ("graphics-processing-unit", "related: [tensor, Model training]", "related: [tensor]"),
    ]:
        path = site / f"content/terms/{name}.md"
        path.write_text(path.read_text().replace(old, new))
    wait_for(f"{base}/terms/tensor/index.html", "A multi-dimensional array of numbers.")
    wait_for(f"{base}/terms/model-training/index.html", "Page not found", status=404)


def test_paths_outside_the_site_are_not_served(served: tuple[Path, str, int]) -> None:
    _, base, _ = served
    for path in ("/../content/site.yml", "/%2e%2e/content/site.yml", "/terms/..%2f..%2fcontent/site.yml"):
        got = fetch(base + path)
        assert got is not None and got[0] == 404, path


LIVERELOAD_RE = re.compile(
    rb'<script type="text/javascript">\(function\(\)\{var s=document\.createElement.*?</script>', re.S
)


def test_after_a_sequence_of_edits_the_served_site_equals_a_clean_build(
    served: tuple[Path, str, int], tmp_path: Path
) -> None:
    site, base, _ = served
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("A multi-dimensional array", "An n-dimensional grid"))
    wait_for(f"{base}/terms/tensor/index.html", "An n-dimensional grid")
    (site / "content/terms/activation.md").write_text(
        "---\ntitle: Activation\nsummary: The non-linear step after a layer.\n"
        "definition: An **activation** bends a layer's output.\nrelated: [tensor, GPU]\n"
        "updated: 2025-05-01\n---\n\nApplied after every [[tensor]] product.\n"
    )
    wait_for(f"{base}/terms/activation/index.html", "The non-linear step")
    wait_for(f"{base}/terms/tensor/index.html", "Activation")
    clean = tmp_path / "clean"
    assert run_glossary("build", "--no-cache", "--out", clean, cwd=site).returncode == 0
    index = (clean / "pagefind/pagefind-entry.json").read_text()  # indexed once edits settle
    wait_for(f"{base}/pagefind/pagefind-entry.json", index)
    for file in sorted(p for p in clean.rglob("*") if p.is_file() and p.name != ".glossary-site"):
        path = file.relative_to(clean).as_posix()
        with urllib.request.urlopen(f"{base}/{path}", timeout=5) as response:
            served_bytes = LIVERELOAD_RE.sub(b"", response.read())
        assert served_bytes == file.read_bytes(), path
