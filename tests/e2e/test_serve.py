"""`glossary serve`: edits show up, the browser is told to reload, errors get a page."""

from __future__ import annotations

import asyncio
import contextlib
import http.client
import json
import os
import posixpath
import pty
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable, Coroutine, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime
from pathlib import Path
from typing import TypeVar

import pytest
from bs4 import BeautifulSoup
from support import (
    attribute,
    big_a_to_z_site,
    copy_site,
    fake_pagefind,
    free_port,
    held_back_pagefind,
    present,
    run_glossary,
    serving,
    wait_for_line,
    write_files,
)
from tornado.websocket import websocket_connect


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


Result = TypeVar("Result")


def in_own_loop(coroutine: Coroutine[object, object, Result]) -> Result:
    """asyncio.run in a thread of its own: a test process that has run the browser tests keeps
    Playwright's event loop marked as running in its main thread, where asyncio.run refuses."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


async def reload_after(port: int, url: str, change: object) -> dict[str, object]:
    """Connect as the live-reload script of the page at `url`, served already, does; make a
    change, await the reload."""
    socket = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    socket.write_message(
        json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
    )
    while True:
        message: dict[str, object] = json.loads(await asyncio.wait_for(socket.read_message(), 20))  # type: ignore[arg-type]
        if message.get("command") == "hello":
            break
    socket.write_message(json.dumps({"command": "info", "url": url}))
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
        base = f"http://127.0.0.1:{port}/docs"  # the minimal site's base_url has the sub-path /docs/
        wait_for(f"{base}/index.html", "Mini Glossary")
        yield site, base, port
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

    message = in_own_loop(reload_after(port, f"{base}/terms/tensor/", edit))
    assert message["command"] == "reload"
    wait_for(f"{base}/terms/tensor/index.html", "An n-dimensional grid of numbers.")
    assert not (site / "_site").exists(), "serve never touches the deployable output folder"


async def told_on_connecting(port: int, url: str, grace: float = 0.0) -> object:
    """Connect as the live-reload script of a page at `url` does, then say hello again: the
    server answers in order, so the first command after the handshake is 'reload' when the
    page is to reload at once, else the second 'hello'. With `grace`, a 'reload' sent to every
    open page within that many seconds counts too: a page that connects after a save's new
    files are served but before serve has counted the build gets that build's own reload."""
    socket = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
    hello = json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
    socket.write_message(hello)
    first = json.loads(await asyncio.wait_for(socket.read_message(), 20))  # type: ignore[arg-type]
    assert first["command"] == "hello"
    socket.write_message(json.dumps({"command": "info", "url": url}))
    socket.write_message(hello)
    told = json.loads(await asyncio.wait_for(socket.read_message(), 20))  # type: ignore[arg-type]
    if told["command"] == "hello" and grace:
        with contextlib.suppress(TimeoutError):
            told = json.loads(await asyncio.wait_for(socket.read_message(), grace))  # type: ignore[arg-type]
    socket.close()
    return told["command"]


def test_a_page_that_loaded_while_a_save_was_applied_reloads_once_connected(
    served: tuple[Path, str, int],
) -> None:
    """A page still loading (its live-reload connection not yet open) when a save is applied
    gets no reload from it. Was: of two saves a moment apart, the browser reloading after the
    first missed the second's reload and went on showing the first."""
    site, base, port = served
    page = f"{base}/terms/tensor/"
    wait_for(page, "A multi-dimensional array")  # the browser loads the page...
    assert in_own_loop(told_on_connecting(port, page)) == "hello", "it is as served: no reload"
    wait_for(page, "A multi-dimensional array")  # ...loads it again, and a save is applied meanwhile
    term = site / "content/terms/tensor.md"
    term.write_text(term.read_text().replace("A multi-dimensional array", "An n-dimensional grid"))
    wait_for(f"{base}/terms/tensor/index.html", "An n-dimensional grid")
    assert in_own_loop(told_on_connecting(port, page, grace=5)) == "reload"
    wait_for(page, "An n-dimensional grid")  # the reload
    assert in_own_loop(told_on_connecting(port, f"{page}#definition")) == "hello"


def test_a_page_left_open_while_serve_was_stopped_reloads_once_serve_runs_again(tmp_path: Path) -> None:
    """The editor stops serve, saves, and starts it again: the page still open in the browser
    connects again by itself. Was: it was told nothing, and showed the site as it was before
    the save until the next one."""
    site = copy_site("minimal", tmp_path / "site")
    port = free_port()
    page = f"http://127.0.0.1:{port}/docs/terms/tensor/"
    with serving(site, port, tmp_path / "first.log"):
        wait_for(page, "A multi-dimensional array")
    term = site / "content/terms/tensor.md"
    term.write_text(term.read_text().replace("A multi-dimensional array", "An n-dimensional grid"))
    with serving(site, port, tmp_path / "second.log"):
        wait_for(f"http://127.0.0.1:{port}/docs/index.html", "Mini Glossary")
        assert in_own_loop(told_on_connecting(port, page)) == "reload"
        wait_for(page, "An n-dimensional grid")  # the reload
        assert in_own_loop(told_on_connecting(port, page)) == "hello", "told once"


SWALLOWING = """
import runpy, signal
keep = signal.signal
def swallowed(signum, handler):
    if signum != signal.SIGTERM or not callable(handler):
        return keep(signum, handler)
    def caught(number, frame):
        try:
            handler(number, frame)
        except KeyboardInterrupt:  # as livereload's handlers do, with a bare except
            pass
    return keep(signum, caught)
signal.signal = swallowed
runpy.run_module("glossary_site", run_name="__main__")
"""


def test_serve_stops_on_sigterm_even_when_the_interrupt_lands_in_code_that_catches_everything(
    tmp_path: Path,
) -> None:
    """livereload's handlers catch everything (a bare `except:`), so a SIGTERM arriving while
    one ran was swallowed and serve went on (seen once: a test's serve did not stop in 10 s).
    Here every SIGTERM is swallowed so; serve still stops, as the loop is told to stop too."""
    site = copy_site("minimal", tmp_path)
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-c", SWALLOWING, "serve", "--port", str(port)],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/docs/index.html", "Mini Glossary")
        process.terminate()
        assert process.wait(timeout=10) == 0
    finally:
        process.kill()
        process.wait()


def test_serve_stopped_by_ctrl_c_pressed_again_and_again_exits_0_and_cleans_up(tmp_path: Path) -> None:
    """Was: a Ctrl-C pressed while serve was stopping cut its clean-up short: status 130, and
    its temporary folder was left behind."""
    site = copy_site("minimal", tmp_path)
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "glossary_site", "serve", "--port", str(port), "-q"],
        cwd=site,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "TMPDIR": str(scratch)},
    )
    try:
        wait_for(f"http://127.0.0.1:{port}/docs/index.html", "Mini Glossary")
        for _ in range(3):
            process.send_signal(signal.SIGINT)
            time.sleep(0.003)  # the next while serve is stopping
        _, err = process.communicate(timeout=10)
        assert (process.returncode, err) == (0, b"")
        assert list(scratch.iterdir()) == []
    finally:
        process.kill()
        process.wait()


def test_a_head_request_gets_the_headers_of_a_get_and_no_body(served: tuple[Path, str, int]) -> None:
    """Was: an empty reply, and a 500 with a traceback in the terminal (link checkers send HEAD)."""
    _, base, _ = served
    with urllib.request.urlopen(f"{base}/terms/tensor/", timeout=5) as response:
        body = response.read()
    with urllib.request.urlopen(
        urllib.request.Request(f"{base}/terms/tensor/", method="HEAD"), timeout=5
    ) as head:
        assert head.status == 200
        assert head.headers["Content-Length"] == str(len(body))
        assert head.read() == b""


def test_a_static_file_named_in_another_script_is_served(served: tuple[Path, str, int]) -> None:
    """Was: a 404, as the request's path was looked for as Latin-1 text; a web host serves it."""
    site, base, _ = served
    (site / "static").mkdir(exist_ok=True)
    (site / "static/مرحبا-café.txt").write_text("salaam\n", encoding="utf-8")

    wait_for(f"{base}/{urllib.parse.quote('مرحبا-café.txt')}", "salaam")


def test_a_static_file_with_a_percent_sign_in_its_name_is_served_at_its_address(
    served: tuple[Path, str, int],
) -> None:
    """A file saved from the web keeps a `%20` in its name; a web host serves it at its
    address, where the `%` is written `%25`. Was: serve decoded the address twice, so it
    answered 404, or served another file whose name the `%41` spelt."""
    site, base, _ = served
    (site / "static").mkdir(exist_ok=True)
    (site / "static/report%202024.txt").write_text("the report\n")
    (site / "static/a%41.txt").write_text("percent four one\n")
    (site / "static/aA.txt").write_text("the letter A\n")

    assert wait_for(f"{base}/{urllib.parse.quote('report%202024.txt')}", "report") == "the report\n"
    assert wait_for(f"{base}/{urllib.parse.quote('a%41.txt')}", "percent") == "percent four one\n"
    missing = fetch(f"{base}/report%202024.txt")  # "report 2024.txt": no such file
    assert missing is not None and missing[0] == 404


def test_a_category_named_in_chinese_is_served_at_its_page_in_its_letters(
    served: tuple[Path, str, int],
) -> None:
    """Was: the name had no address and the build failed; the page, once made, must be served
    at the percent-encoded address its links give (the request's path is UTF-8)."""
    site, base, _ = served
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text(encoding="utf-8").replace("Concepts", "机器学习"), encoding="utf-8")
    folder = "/categories/" + urllib.parse.quote("机器学习")
    term = wait_for(f"{base}/terms/tensor/", f'href="../..{folder}/index.html"')

    listing = wait_for(f"{base}{folder}/", "机器学习")

    crumb = BeautifulSoup(listing, "html.parser").select_one(".breadcrumb [aria-current]")
    assert crumb is not None and crumb.get_text() == "机器学习"
    assert "Tensor" in listing and "机器学习" in term
    assert unfollowed(f"{base}{folder}") == (302, f"/docs{folder}/")


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


def test_a_folder_asked_for_without_its_slash_is_never_sent_to_another_host(tmp_path: Path) -> None:
    """At a base_url without a sub-path, a folder named without its last '/' behind a path that
    starts with an encoded '/' (which browsers send as it is) was sent to
    '//evil.example/../terms/': another host, which the browser then opened."""
    site = copy_site("minimal", tmp_path)
    set_base_url(site, "https://example.com/")
    port, log = free_port(), tmp_path / "serve.log"
    with serving(site, port, log) as origin:
        wait_for(f"{origin}/", "Mini Glossary")
        for path in (
            "/%2Fevil.example%2F..%2Fterms",
            "//evil.example/%2e%2e/terms",
            "/%2F%2Fevil.example/..%2Fterms",
        ):
            status, location = unfollowed(origin + path)
            assert status == 302, path
            followed = urllib.parse.urlsplit(urllib.parse.urljoin(f"{origin}{path}", location))
            assert (followed.hostname, followed.port) == ("127.0.0.1", port), (path, location)
            assert posixpath.normpath(followed.path) == "/terms", (path, location)


LIVERELOAD_RE = re.compile(
    rb'<script type="text/javascript">\(function\(\)\{var s=document\.createElement.*?</script>', re.S
)


def served_differences(base: str, clean: Path) -> list[str]:
    """The files of a clean build that are not served with the same bytes (less the live-reload
    script, once, in an HTML page)."""
    differ = []
    for file in sorted(p for p in clean.rglob("*") if p.is_file() and p.name != ".glossary-site"):
        path = file.relative_to(clean).as_posix()
        try:
            with urllib.request.urlopen(f"{base}/{urllib.parse.quote(path)}", timeout=5) as response:
                served_bytes = response.read()
                if path.endswith(".html"):
                    served_bytes = LIVERELOAD_RE.sub(b"", served_bytes, count=1)
        except urllib.error.HTTPError:
            served_bytes = None
        if served_bytes != file.read_bytes():
            differ.append(path)
    return differ


def assert_served_as_built(site: Path, base: str, clean: Path) -> None:
    """Every file a clean build of the site writes is served with the same bytes (less the
    live-reload script), search index included once serve has indexed."""
    assert run_glossary("build", "--no-cache", "--out", clean, cwd=site).returncode == 0
    index = (clean / "pagefind/bundles.json").read_text()  # indexed once edits settle
    wait_for(f"{base}/pagefind/bundles.json", index)
    assert served_differences(base, clean) == []


def test_after_a_sequence_of_edits_the_served_site_equals_a_clean_build(
    served: tuple[Path, str, int], tmp_path: Path
) -> None:
    site, base, _ = served
    tensor = site / "content/terms/tensor.md"
    # '</head>' in a summary (so in terms.json) and a static file: was where livereload put its
    # script too, and terms.json no longer parsed
    tensor.write_text(
        tensor.read_text().replace("A multi-dimensional array", "An n-dimensional </head> grid")
    )
    (site / "static").mkdir(exist_ok=True)
    (site / "static/notes.txt").write_text("<head></head>\n")
    wait_for(f"{base}/terms/tensor/index.html", "An n-dimensional &lt;/head&gt; grid")
    wait_for(f"{base}/notes.txt", "<head>")
    (site / "content/terms/activation.md").write_text(
        "---\ntitle: Activation\nsummary: The non-linear step after a layer.\n"
        "definition: An **activation** bends a layer's output.\nrelated: [tensor, GPU]\n"
        "updated: 2025-05-01\n---\n\nApplied after every [[tensor]] product.\n"
    )
    wait_for(f"{base}/terms/activation/index.html", "The non-linear step")
    wait_for(f"{base}/terms/tensor/index.html", "Activation")
    assert_served_as_built(site, base, tmp_path / "clean")


@pytest.mark.parametrize("listening", ["127.0.0.1", "::1"])
def test_a_taken_port_is_reported_before_building(tmp_path: Path, listening: str) -> None:
    """Whichever address family holds the port, serve says so in one line and builds nothing."""
    site = copy_site("minimal", tmp_path)
    family = socket.AF_INET6 if ":" in listening else socket.AF_INET
    with socket.socket(family) as taken:
        try:
            taken.bind((listening, 0))
        except OSError:
            pytest.skip(f"{listening} is not available here")
        taken.listen()
        port = taken.getsockname()[1]
        result = run_glossary("serve", "--port", port, "--host", listening, cwd=site)
    assert result.returncode == 2
    assert (
        result.stderr
        == f"glossary: port {port} on {listening} is already in use; choose another with --port\n"
    )
    assert result.stdout == ""
    assert not (site / ".glossary-cache").exists(), "the port is checked before the build starts"


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        ("--host", "203.0.113.9", "cannot listen on 203.0.113.9: it is not an address of this machine; "
         "choose another with --host"),
        ("--port", "70000", "there is no port 70000; choose one from 0 (any free port) to 65535 with --port"),
    ],
)  # fmt: skip
def test_an_address_that_cannot_be_listened_on_is_a_usage_error(
    tmp_path: Path, option: str, value: str, message: str
) -> None:
    site = copy_site("minimal", tmp_path)
    result = run_glossary("serve", "--port", str(free_port()), option, value, cwd=site)
    assert (result.returncode, result.stderr, result.stdout) == (2, f"glossary: {message}\n", "")
    assert not (site / ".glossary-cache").exists()


def unfollowed(url: str) -> tuple[int, str | None]:
    """Status and Location of a GET, without following a redirect as urllib would."""
    parts = urllib.parse.urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname or "", parts.port, timeout=5)
    try:
        connection.request("GET", parts.path + (f"?{parts.query}" if parts.query else ""))
        response = connection.getresponse()
        response.read()
        return response.status, response.getheader("Location")
    finally:
        connection.close()


def set_base_url(site: Path, url: str) -> None:
    settings = site / "content/site.yml"
    settings.write_text(re.sub(r"(?m)^base_url: .*$", f"base_url: {url}", settings.read_text()))


def test_the_site_is_served_under_its_base_url_path_and_follows_it(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    set_base_url(site, "https://example.com/kitchen/")
    port, log = free_port(), tmp_path / "serve.log"
    with serving(site, port, log) as origin:
        wait_for_line(log, f"serving on {origin}/kitchen/")
        wait_for(f"{origin}/kitchen/", "Mini Glossary")
        assert unfollowed(f"{origin}/") == (302, "/kitchen/")
        assert unfollowed(f"{origin}/kitchen") == (302, "/kitchen/")
        assert unfollowed(f"{origin}/?q=x") == (302, "/kitchen/?q=x")
        assert unfollowed(f"{origin}/terms/tensor/")[0] == 404  # as once deployed: the link lacks /kitchen/
        # a folder without its slash is sent to it, as a deployed site does (was: the page, its
        # relative links then one level off: no styles, every link a 404)
        assert unfollowed(f"{origin}/kitchen/terms/tensor") == (302, "/kitchen/terms/tensor/")
        assert unfollowed(f"{origin}/kitchen/search?q=a+b") == (302, "/kitchen/search/?q=a+b")
        missing = fetch(f"{origin}/kitchen/no-such-term/")
        assert missing is not None and missing[0] == 404
        links = [
            str(tag.get("href") or tag.get("src"))
            for tag in BeautifulSoup(missing[1], "html.parser").select("link[href], script[src], a[href]")
        ]
        assert "/kitchen/assets/style.css" in links, "the 404 page's links use the base_url's path"
        for link in (link.split("#")[0] for link in links if link.startswith("/kitchen/")):
            assert unfollowed(origin + link)[0] == 200, link
        for path in ("/kitchen/../content/site.yml", "/kitchen/%2e%2e/content/site.yml"):
            got = fetch(origin + path)
            assert got is not None and got[0] == 404, path
        got = fetch(f"{origin}/livereload.js")
        assert got is not None and got[0] == 200 and "LiveReload" in got[1]

        page = f"{origin}/kitchen/terms/tensor/"
        wait_for(page, "A multi-dimensional array of numbers.")
        message = in_own_loop(
            reload_after(port, page, lambda: set_base_url(site, "https://example.com/pantry/"))
        )
        assert message["command"] == "reload"
        wait_for_line(log, f"now serving on {origin}/pantry/")
        wait_for(f"{origin}/pantry/terms/tensor/", "A multi-dimensional array of numbers.")
        assert unfollowed(f"{origin}/") == (302, "/pantry/")
        # the page open when base_url moved reloads into itself under the new path (was: a 404);
        # one never served under the old path is still a 404, as a link lacking /pantry/ is
        assert unfollowed(f"{origin}/kitchen/terms/tensor/?q=x") == (302, "/pantry/terms/tensor/?q=x")
        assert "/kitchen/terms/model-training/" not in links
        assert unfollowed(f"{origin}/kitchen/terms/model-training/")[0] == 404
        # once the next build is in, the old address is the 404 it will be once deployed (was
        # sent on for the rest of the session, so a link lacking /pantry/ worked in the preview)
        tensor = site / "content/terms/tensor.md"
        tensor.write_text(tensor.read_text().replace("numbers.", "numbers, edited."))
        wait_for(f"{origin}/pantry/terms/tensor/", "numbers, edited.")
        wait_for(f"{origin}/kitchen/terms/tensor/", "", status=404)  # once the build is counted

        set_base_url(site, "example.com/attic/")  # not a URL: the build fails, the path stays
        wait_for(f"{origin}/pantry/", "The glossary has problems", status=500)
        assert unfollowed(f"{origin}/") == (302, "/pantry/")


async def reloads_until(port: int, pages: dict[str, str], change: object, log: Path) -> dict[str, int]:
    """Connect as the live-reload script of each page (by name) does, make a change, and count
    the reloads each is sent until serve says a new search index is in place and a moment
    more has passed."""
    sockets = {}
    for name, url in pages.items():
        socket = await websocket_connect(f"ws://127.0.0.1:{port}/livereload")
        socket.write_message(
            json.dumps({"command": "hello", "protocols": ["http://livereload.com/protocols/official-7"]})
        )
        await asyncio.wait_for(socket.read_message(), 20)  # its hello
        socket.write_message(json.dumps({"command": "info", "url": url}))
        sockets[name] = socket
    indexed = log.read_text().count("search index updated")
    assert callable(change)
    change()
    counts = dict.fromkeys(pages, 0)
    reads = {name: asyncio.ensure_future(socket.read_message()) for name, socket in sockets.items()}
    deadline = time.monotonic() + 30
    quiet_from: float | None = None
    while time.monotonic() < deadline:
        if quiet_from is None and log.read_text().count("search index updated") > indexed:
            quiet_from = time.monotonic()
        if quiet_from is not None and time.monotonic() > quiet_from + 1:
            break
        await asyncio.wait(reads.values(), timeout=0.05)  # never cancelled: a message is never lost
        for name, read in reads.items():
            if read.done():
                message = read.result()
                counts[name] += bool(message and json.loads(message).get("command") == "reload")
                reads[name] = asyncio.ensure_future(sockets[name].read_message())
    for socket in sockets.values():
        socket.close()
    assert quiet_from is not None, log.read_text()
    return counts


def test_a_search_page_left_open_reloads_once_the_new_index_is_in_place(tmp_path: Path) -> None:
    """Was: the save reloaded it before the index was made again, so it went on saying "No
    results" for a word just written until reloaded by hand. Other pages reload once, for the
    save, not again for the index."""
    site = copy_site("minimal", tmp_path)
    port, log = free_port(), tmp_path / "serve.log"
    with serving(site, port, log) as origin:
        wait_for_line(log, "search index updated")
        pages = {
            "search": f"{origin}/docs/search/index.html?q=frobnicate",
            "term": f"{origin}/docs/terms/tensor/index.html",
        }
        for url in pages.values():
            wait_for(url, "Mini Glossary")
        tensor = site / "content/terms/tensor.md"

        def edit() -> None:
            tensor.write_text(tensor.read_text() + "\nTensors frobnicate.\n")

        counts = in_own_loop(reloads_until(port, pages, edit, log))

    assert counts == {"search": 2, "term": 1}, counts


def test_after_base_url_moves_below_the_root_a_missing_page_stays_a_404(tmp_path: Path) -> None:
    """Was: with base_url moved from / to /kitchen/, every address served before counted as one
    of the old path's: a missing /kitchen/nope/, asked for again, was sent to
    /kitchen/kitchen/nope/, and a deleted page's open tab one level deeper at every reload."""
    site = copy_site("minimal", tmp_path)
    set_base_url(site, "https://example.com/")
    port, log = free_port(), tmp_path / "serve.log"
    with serving(site, port, log) as origin:
        wait_for(f"{origin}/terms/tensor/", "A multi-dimensional array of numbers.")
        set_base_url(site, "https://example.com/kitchen/")
        wait_for_line(log, f"now serving on {origin}/kitchen/")
        wait_for(f"{origin}/kitchen/terms/tensor/", "A multi-dimensional array of numbers.")
        assert unfollowed(f"{origin}/terms/tensor/") == (302, "/kitchen/terms/tensor/")
        for _ in range(2):
            assert unfollowed(f"{origin}/kitchen/no-such-term/")[0] == 404
        (site / "content/terms/bias.md").write_text(
            "---\ntitle: Bias\nsummary: A weight's offset.\ndefinition: A **bias** shifts a sum.\n"
            "updated: 2025-05-01\n---\n\nAn offset.\n"
        )
        page = f"{origin}/kitchen/terms/bias/"
        wait_for(page, "An offset.")
        (site / "content/terms/bias.md").unlink()
        wait_for(page, "", status=404)
        assert unfollowed(page) == (404, None), "a page deleted stays where it was, a 404"


def test_a_new_base_url_is_followed_once_a_build_succeeds_under_it(tmp_path: Path) -> None:
    """Was: with the content broken, a new base_url in site.yml moved the preview to its path at
    once and printed "now serving on" there, though nothing had been built for it: the old
    build's files under the new path, its pages linking the old one; the fixing build then
    printed no address."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    sound = tensor.read_text()
    port, log = free_port(), tmp_path / "serve.log"
    with serving(site, port, log) as origin:
        wait_for(f"{origin}/docs/terms/tensor/", "A multi-dimensional array of numbers.")
        tensor.write_text(sound.replace("related: [GPU, model-training]", "related: [GPU, modle-training]"))
        wait_for(f"{origin}/docs/", "The glossary has problems", status=500)
        set_base_url(site, "https://example.com/pantry/")
        wait_for_line(log, "build failed", times=2)  # the build after site.yml's change failed too
        assert unfollowed(f"{origin}/") == (302, "/docs/"), "the last good build's path is kept"
        assert unfollowed(f"{origin}/docs/assets/style.css")[0] == 200
        assert unfollowed(f"{origin}/pantry/assets/style.css")[0] == 500  # no file: the problems
        assert "now serving on" not in log.read_text()
        tensor.write_text(sound)
        wait_for(f"{origin}/pantry/terms/tensor/", "A multi-dimensional array of numbers.")
        assert unfollowed(f"{origin}/") == (302, "/pantry/")
        assert log.read_text().count("now serving on") == 1
        wait_for_line(log, f"base_url changed; now serving on {origin}/pantry/")
        assert_served_as_built(site, f"{origin}/pantry", tmp_path / "clean")


def test_serve_started_while_site_yml_is_broken_moves_to_its_base_url_once_it_is_read(
    tmp_path: Path,
) -> None:
    """Was: "base_url changed; now serving on …" once site.yml was fixed, though the editor
    had not changed base_url: serve had never read it."""
    site = copy_site("minimal", tmp_path)
    settings = site / "content/site.yml"
    sound = settings.read_text()
    settings.write_text(sound.replace("title:", "title: [", 1))
    port, log = free_port(), tmp_path / "serve.log"
    with serving(site, port, log) as origin:
        wait_for_line(log, f"serving on {origin}/ ")
        assert unfollowed(f"{origin}/")[0] == 500, "the problems, at the only address there is"
        settings.write_text(sound)
        wait_for(f"{origin}/docs/terms/tensor/", "A multi-dimensional array of numbers.")
        wait_for_line(log, f"glossary serve: now serving on {origin}/docs/")
        assert unfollowed(f"{origin}/") == (302, "/docs/")
    assert "base_url changed" not in log.read_text()


def alive(pid: int) -> bool:
    """Whether the process runs (a zombie, ended but not yet reaped, does not)."""
    try:
        return " Z " not in Path(f"/proc/{pid}/stat").read_text().split(")", 1)[1][:4]
    except FileNotFoundError:
        return False


def test_stopping_serve_stops_the_search_indexing_it_started(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A Pagefind run left going would index on, for minutes on a large site, after serve ends."""
    started = tmp_path / "pagefind.pid"
    program = f"import os, pathlib, time\npathlib.Path({str(started)!r}).write_text(str(os.getpid()))\n"
    program += "time.sleep(120)\n"
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", fake_pagefind(tmp_path / "fake", program))
    site = copy_site("minimal", tmp_path)
    port, log = free_port(), tmp_path / "serve.log"
    with serving(site, port, log):
        deadline = time.monotonic() + 20
        while not (started.is_file() and started.read_text()) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert started.is_file(), f"serve never started indexing; printed: {log.read_text()!r}"
        pagefind = int(started.read_text())
        assert alive(pagefind)
    deadline = time.monotonic() + 5
    while alive(pagefind) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not alive(pagefind), "Pagefind was left running after serve stopped"
    printed = log.read_text()
    assert "Traceback" not in printed and "(search)" not in printed, printed


def test_the_index_is_not_yet_there_until_serve_has_indexed_and_missing_once_indexing_failed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The search page tells a 503 (asks again, says the index is being built) from a 404 (a
    site without an index). Once Pagefind has failed no index is coming, and saying it is being
    built would keep the reader waiting for nothing."""
    go = tmp_path / "go"
    monkeypatch.setenv(
        "PAGEFIND_BINARY_PATH", held_back_pagefind(tmp_path / "fake", go, fail="pagefind: out of order")
    )
    site = copy_site("minimal", tmp_path)
    port, log = free_port(), tmp_path / "serve.log"
    with serving(site, port, log) as origin:
        wait_for_line(log, "serving on")
        listing = f"{origin}/docs/pagefind/bundles.json"
        with pytest.raises(urllib.error.HTTPError) as coming:
            urllib.request.urlopen(listing, timeout=5)
        assert (coming.value.code, coming.value.headers["Retry-After"]) == (503, "1")
        go.touch()
        wait_for_line(log, "search indexing failed: pagefind: out of order")
        missing = fetch(listing)
        assert missing is not None and missing[0] == 404 and "Page not found" in missing[1]
    assert " 503 " not in log.read_text(), "a request the search page repeats is no server error"


def move_away(site: Path, tmp_path: Path) -> None:
    site.rename(tmp_path / "moved")


def move_a_copy_in(site: Path, tmp_path: Path) -> None:
    copy = copy_site("minimal", tmp_path / "copy")
    site.rename(tmp_path / "moved")
    copy.rename(site)


def delete_and_copy_back(site: Path, tmp_path: Path) -> None:
    backup = copy_site("minimal", tmp_path / "backup")
    shutil.rmtree(site)
    shutil.copytree(backup, site)


def empty_then_replace(site: Path, tmp_path: Path) -> None:
    """`rm -rf` then `cp -r` as the watcher saw it in a run on a loaded machine: every event
    (its files and folders going) came before the site folder itself went, and the folder's
    own going sends none while serve's working folder holds it."""
    backup = copy_site("minimal", tmp_path / "backup")
    for part in sorted(site.iterdir()):
        shutil.rmtree(part)
    wait_for_line(tmp_path / "serve.log", "build failed")
    site.rmdir()
    shutil.copytree(backup, site)


@pytest.mark.parametrize("replace", [move_away, move_a_copy_in, delete_and_copy_back, empty_then_replace])
def test_serve_stops_with_a_message_when_its_site_folder_is_moved(
    tmp_path: Path, replace: Callable[[Path, Path], None]
) -> None:
    """Once the folder is gone the watcher sees no save, even in a folder put back in its place:
    a server left running would show the old site while the editor's saves went nowhere.
    Was: a folder put in its place at once (a tool swapping folders, or rm -rf then cp -r)
    kept serve running, serving the old site, blind to every save."""
    site = copy_site("minimal", tmp_path).resolve()
    log = tmp_path / "serve.log"
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "glossary_site", "serve", "--port", str(free_port())],
            cwd=site,
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_for_line(log, "serving on")
        replace(site, tmp_path)
        assert process.wait(timeout=20) == 1
    finally:
        process.kill()
        process.wait()
    printed = log.read_text()
    assert f"the site folder {site} was moved or deleted; serve stopped" in printed
    assert "Traceback" not in printed


def read_until(fd: int, text: str, seconds: float = 30) -> str:
    """What a terminal shows, until `text` appears or the deadline passes."""
    seen = b""
    deadline = time.monotonic() + seconds
    while text.encode() not in seen and time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            break
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # the process ended and closed the terminal
            break
        if not chunk:
            break
        seen += chunk
    return seen.decode("utf-8", "replace")


def test_on_a_terminal_serve_clears_the_progress_line_before_its_own_lines(tmp_path: Path) -> None:
    site = copy_site("minimal", tmp_path)
    primary, secondary = pty.openpty()
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "glossary_site", "serve", "--port", str(port)],
        cwd=site,
        stdin=subprocess.DEVNULL,
        stdout=secondary,
        stderr=secondary,
    )
    os.close(secondary)
    try:
        time.sleep(4)
        shown = read_until(primary, "serving on")
    finally:
        process.terminate()
        process.wait(timeout=10)
        os.close(primary)
    assert re.search("\r\x1b\\[K[^\r\n]+…", shown), f"no progress line was shown: {shown!r}"
    # "search index updated" follows within a second; a reader slowed by a busy machine reads it too
    shown = re.sub("(serving on[^\n]*).*", r"\1", shown, flags=re.DOTALL)
    starts = [m.start() for m in re.finditer("glossary serve:", shown)]
    assert len(starts) == 2, shown
    for start in starts:
        assert shown[:start].endswith(("\n", "\r\x1b[K")), f"glued to the progress line: {shown!r}"


def save_whole(file: Path, text: str, scratch: Path) -> None:
    """A whole save at once (a new file, made outside the site, renamed over the old): written
    in place, the file can be read half-written on a busy machine, and serve then rightly runs
    the whole build, which is not what the tests of saves applied without one count (a CI run
    saw it)."""
    saved = scratch / (file.name + ".new")
    saved.write_text(text)
    os.replace(saved, file)


def test_saves_of_a_terms_text_are_applied_warm_and_the_site_still_equals_a_clean_build(
    tmp_path: Path,
) -> None:
    """Body, table (a link to another site too) and answer edits rewrite one page without a
    build, a summary, tags, category, definition, date or links the pages that show them; a
    summary that brings a warning runs the build, which reports it; after them all, every
    served file is what a clean build writes."""
    site = copy_site("minimal", tmp_path)
    log = tmp_path / "serve.log"
    tensor = site / "content/terms/tensor.md"
    gpu_page = "terms/graphics-processing-unit/index.html"

    def edit(old: str, new: str) -> None:
        save_whole(tensor, tensor.read_text().replace(old, new, 1), tmp_path)

    with serving(site, free_port(), log) as origin:
        base = f"{origin}/docs"
        wait_for(f"{base}/index.html", "Mini Glossary")
        page = f"{base}/terms/tensor/index.html"
        edit("multiply tensors fast", "multiply tensors quickly")  # body
        wait_for(page, "multiply tensors quickly")
        edit("Scalar", '"[Scalar](https://example.com/scalar/) value"')  # a cell, a link elsewhere
        wait_for(page, "https://example.com/scalar/")
        edit("a matrix is a **rank-2** tensor", "a matrix is a **rank-2** tensor, always")  # an answer
        wait_for(page, "tensor, always")
        wait_for_line(log, "content/terms/tensor.md applied, 1 page(s) rewritten", times=3)
        builds = log.read_text().count(" unchanged")
        edit("A multi-dimensional array of numbers.", "An n-dimensional grid of numbers.")  # summary
        wait_for(f"{base}/{gpu_page}", "An n-dimensional grid of numbers.")  # GPU's sidebar shows it
        wait_for(f"{base}/index.html", "An n-dimensional grid of numbers.")  # so does the A to Z
        wait_for_line(log, "content/terms/tensor.md applied", times=4)
        assert log.read_text().count(" unchanged") == builds, "the summary needed no build"
        assert_served_as_built(site, base, tmp_path / "clean")
        copied = "Adjusting a model's weights so its outputs improve."  # model training's summary
        edit("An n-dimensional grid of numbers.", copied)
        wait_for_line(log, " unchanged", times=builds + 1)  # a new warning: the build reports it
        assert "summary is the same as the one of 'Model training'" in log.read_text()
        wait_for(f"{base}/{gpu_page}", "Adjusting a model&#39;s weights")
        edit("multiply tensors quickly", "multiply tensors very quickly")  # the text again
        wait_for(page, "very quickly")
        wait_for_line(log, "content/terms/tensor.md applied", times=5)
        # a save prints the problems again in full, the warning left too (was: only when they changed)
        assert log.read_text().count("summary is the same as the one of 'Model training'") == 2
        edit("tags: [math, hardware]", "tags: [arrays, hardware]")  # no other term is tagged math
        wait_for(f"{base}/tags/arrays/index.html", "Tensor")
        wait_for(f"{base}/tags/math/index.html", "Page not found", status=404)
        wait_for(page, "tags/arrays/")
        edit("category: Concepts", "category: Maths")  # a new category; Concepts keeps model training
        wait_for(f"{base}/categories/maths/index.html", "Tensor")
        wait_for(page, "categories/maths/")
        wait_for_line(log, "content/terms/tensor.md applied", times=7)
        edit("to any number of axes.", "to any number of axes, of any size.")  # the definition
        wait_for(f"{base}/feed.xml", "of any size")
        wait_for(f"{base}/categories/maths/feed.xml", "of any size")  # the feed of its category
        wait_for(f"{base}/terms.json", "of any size")
        edit("updated: 2025-02-01", "updated: 2025-06-01")  # now the newest term
        wait_for(f"{base}/index.html", "1 June 2025")
        wait_for_line(log, "content/terms/tensor.md applied", times=9)
        edit("Training runs on [[GPUs]]", "Training runs on GPUs")  # a link removed
        wait_for(page, "Training runs on GPUs")
        wait_for_line(log, "content/terms/tensor.md applied", times=10)
        saved = tensor.with_name("tensor.md.tmp")  # saved as many editors do: a new file renamed
        saved.write_text(tensor.read_text().replace("very quickly", "rapidly"))
        os.replace(saved, tensor)
        wait_for(page, "multiply tensors rapidly")
        wait_for_line(log, "content/terms/tensor.md applied", times=11)
        # Vim's swap file and Emacs's backup, written beside the save, and the Finder's
        # settings of the folder: no input of a build
        (site / "content/terms/.tensor.md.swp").write_bytes(b"b0VIM 9.0")
        (site / "content/terms/.DS_Store").write_bytes(b"\0\0\0\1Bud1")
        tensor.with_name("tensor.md~").write_text(tensor.read_text())
        edit("multiply tensors rapidly", "multiply tensors swiftly")
        wait_for(page, "multiply tensors swiftly")
        wait_for_line(log, "content/terms/tensor.md applied", times=12)
        assert log.read_text().count(" unchanged") == builds + 1, "only the warning needed a build"
        assert_served_as_built(site, base, tmp_path / "clean-again")


def test_saves_on_a_glossary_split_by_letter_follow_on_its_letter_pages_as_a_build_would(
    tmp_path: Path,
) -> None:
    """Past 1,000 A to Z entries each letter has its page (a-z/m/): a summary, a title moving a
    letter's only entry to another letter, an alias under a letter no entry was under, related
    terms, a term added and one deleted. The saves of one term's fields are applied without a
    build, and after each kind every served file is what a clean build writes."""
    site = big_a_to_z_site(tmp_path / "site")
    log = tmp_path / "serve.log"
    terms = site / "content/terms"

    def edit(name: str, old: str, new: str) -> None:
        file = terms / name
        assert old in file.read_text()
        save_whole(file, file.read_text().replace(old, new, 1), tmp_path)

    with serving(site, free_port(), log) as base:
        wait_for(f"{base}/a-z/q/index.html", "Quasar")
        builds = log.read_text().count(" unchanged")
        edit("aex-000.md", "What Aex 000 means here.", "Aex 000, said anew.")
        wait_for(f"{base}/a-z/a/index.html", "Aex 000, said anew.")
        wait_for_line(log, "content/terms/aex-000.md applied")
        quasar = terms / "quasar.md"
        save_whole(quasar, quasar.read_text().replace("Quasar", "Pulsar"), tmp_path)  # Q's only entry
        wait_for(f"{base}/a-z/p/index.html", "Pulsar")
        wait_for(f"{base}/a-z/q/index.html", "Page not found", status=404)
        wait_for_line(log, "content/terms/quasar.md applied")
        edit("bex-001.md", "aliases: [Eoa 001]", "aliases: [Eoa 001, Kilo 001]")  # no K before
        wait_for(f"{base}/a-z/k/index.html", "Kilo 001")
        wait_for_line(log, "content/terms/bex-001.md applied")
        assert log.read_text().count(" unchanged") == builds, "no save of one term's names needed a build"
        home = wait_for(
            f"{base}/index.html", '<a href="a-z/k/index.html">K <span class="letter-count">1</span>'
        )
        assert 'href="a-z/q/' not in home
        assert_served_as_built(site, base, tmp_path / "clean")
        edit("aex-000.md", "[3D printing, ", "[")
        edit("quasar.md", ", 3D printing]", "]")
        (terms / "3d-printing.md").unlink()  # the only entry under '#'
        wait_for(f"{base}/a-z/other/index.html", "Page not found", status=404)
        jolt = (terms / "cex-002.md").read_text().replace("Cex 002", "Jolt").replace("Foa 002", "Xray")
        save_whole(terms / "jolt.md", jolt, tmp_path)  # under J, named under X: no entry was
        wait_for(f"{base}/a-z/j/index.html", "Jolt")
        assert_served_as_built(site, base, tmp_path / "clean-again")


def test_a_link_save_that_leaves_a_term_unlinked_is_applied_warm_and_warned_about(
    tmp_path: Path,
) -> None:
    """Removing the only link to a term rewrites the pages that showed it without a build, and
    serve prints the warning a build would: nothing links to that term any more."""
    site = copy_site("minimal", tmp_path)
    log = tmp_path / "serve.log"
    (site / "content/terms/activation.md").write_text(
        "---\ntitle: Activation\nsummary: What a layer outputs.\n"
        "definition: An **activation** is what a layer outputs.\n"
        "related: [tensor, GPU]\nupdated: 2025-01-20\n---\n\nKept for the backward pass.\n"
    )
    tensor = site / "content/terms/tensor.md"
    tensor.write_text(tensor.read_text().replace("multiply tensors fast", "multiply [[activation]] fast"))

    def linking_here(base: str) -> list[str]:
        page = wait_for(f"{base}/terms/activation/index.html", "Activation")
        return [a.get_text() for a in BeautifulSoup(page, "html.parser").select(".backlinks li a")]

    with serving(site, free_port(), log) as origin:
        base = f"{origin}/docs"
        assert linking_here(base) == ["Tensor"]
        assert "no other term links" not in log.read_text()
        save_whole(
            tensor, tensor.read_text().replace("multiply [[activation]] fast", "multiply fast"), tmp_path
        )
        wait_for_line(log, "content/terms/tensor.md applied")
        assert "content/terms/activation.md:1: warning: no other term links to this one" in log.read_text()
        assert log.read_text().count(" unchanged") == 1, "no build but the first"
        assert linking_here(base) == []
        assert_served_as_built(site, base, tmp_path / "clean")


def test_a_save_that_dates_a_term_in_the_future_is_warned_about(tmp_path: Path) -> None:
    """A new date is a save serve applies without a build, but one still to come brings a
    warning, which serve prints as a build would; the next save back takes it away."""
    site = copy_site("minimal", tmp_path)
    log = tmp_path / "serve.log"
    tensor = site / "content/terms/tensor.md"
    line = tensor.read_text().splitlines().index("updated: 2025-02-01") + 1
    coming = f"content/terms/tensor.md:{line}: warning: 'updated' date 2999-01-01 is in the future"

    with serving(site, free_port(), log) as origin:
        base = f"{origin}/docs"
        wait_for(f"{base}/terms/tensor/index.html", "1 February 2025")
        tensor.write_text(tensor.read_text().replace("updated: 2025-02-01", "updated: 2999-01-01"))
        wait_for(f"{base}/terms/tensor/index.html", "1 January 2999")
        wait_for_line(log, coming)
        tensor.write_text(tensor.read_text().replace("updated: 2999-01-01", "updated: 2025-03-01"))
        wait_for(f"{base}/terms/tensor/index.html", "1 March 2025")
        wait_for_line(log, " unchanged", times=3)
        assert log.read_text().count(coming) == 1
        assert_served_as_built(site, base, tmp_path / "clean")


def test_after_every_kind_of_change_the_served_site_equals_a_clean_build(tmp_path: Path) -> None:
    """Titles, groups, new, renamed and deleted terms, former slugs, a renamed tool, drafts,
    templates, static files and site.yml: after each, every page served is the one a clean build
    of the site as it now is writes, and the pages of terms that are gone are gone."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"

    def edit(file: Path, old: str, new: str) -> None:
        text = file.read_text()
        assert old in text
        file.write_text(text.replace(old, new, 1))

    def add_term() -> None:
        (site / "content/terms/activation.md").write_text(
            "---\ntitle: Activation\nsummary: The non-linear step after a layer.\n"
            "definition: An **activation** bends a layer's output.\ncategory: Layers\n"
            "related: [tensor]\nupdated: 2025-05-01\n---\n\nApplied after every [[tensor]] product.\n"
        )

    def add_draft() -> None:
        (site / "content/terms/dropout.md").write_text(
            "---\ntitle: Dropout\nsummary: Switching units off at random.\n"
            'definition: "**Dropout** zeroes random units."\nformer_slugs: [drop-out]\ndraft: true\n'
            "updated: 2025-05-02\n---\n\nSoon.\n"
        )

    def add_template() -> None:
        (site / "templates/partials").mkdir(parents=True)
        (site / "templates/partials/cta.html").write_text(
            '<aside class="cta" aria-labelledby="term-cta"><h2 id="term-cta">{{ cta.heading }}</h2>'
            '<p><a href="{{ cta.url }}">Plan a stack</a></p></aside>\n'
        )

    def add_named_template() -> None:
        (site / "templates/extra").mkdir()
        (site / "templates/extra/tensor.html").write_text("<p>Tensor extra</p>\n")

    def add_static() -> None:
        (site / "static/assets").mkdir(parents=True)
        (site / "static/assets/extra.css").write_text("body { margin: 0; }\n")

    activation, former = site / "content/terms/activation-function.md", "former_slugs: [activation]"
    runner, ollama = site / "content/tools/runner.md", site / "content/tools/ollama.md"
    tool = (
        "---\ntitle: Ollama\nsummary: Runs models.\nurl: https://ollama.com/\n---\n\nFor [[tensor]] work.\n"
    )

    def rename_tool() -> None:
        ollama.write_text(tool.replace("title: Ollama\n", "title: Ollama\nformer_slugs: [runner]\n"))
        runner.unlink()

    changes: list[tuple[str, Callable[[], object], list[str]]] = [
        ("a title", lambda: edit(tensor, "title: Tensor", "title: Tensor array"), []),
        ("a category", lambda: edit(tensor, "category: Concepts", "category: Maths"), []),
        ("tags", lambda: edit(tensor, "tags: [math, hardware]", "tags: [math, arrays]"), []),
        (
            "a category and a tag named in Chinese and Arabic",
            lambda: edit(tensor, "category: Maths\ntags: [math,", "category: 机器学习\ntags: [جبر خطي,"),
            [
                "categories/maths/index.html",
                "categories/maths/feed.xml",
                "tags/math/index.html",
                "tags/math/feed.xml",
            ],
        ),
        ("a new term", add_term, []),
        (
            "a renamed term",
            lambda: (site / "content/terms/activation.md").rename(
                site / "content/terms/activation-function.md"
            ),
            ["terms/activation/index.html"],
        ),
        (
            "a former slug",
            lambda: edit(activation, "title: Activation\n", f"title: Activation\n{former}\n"),
            [],
        ),
        ("its title", lambda: edit(activation, "title: Activation\n", "title: Activation function\n"), []),
        (
            "a former slug removed",
            lambda: edit(activation, f"{former}\n", ""),
            ["terms/activation/index.html"],
        ),
        ("a new tool", lambda: write_files(site, {"content/tools/runner.md": tool}), []),
        ("a renamed tool with a former slug", rename_tool, []),
        (
            "its former slug removed",
            lambda: edit(ollama, "former_slugs: [runner]\n", ""),
            ["tools/runner/index.html"],
        ),
        (
            "a deleted term",
            (site / "content/terms/activation-function.md").unlink,
            ["terms/activation-function/index.html"],
        ),
        ("a new draft", add_draft, ["terms/drop-out/index.html"]),
        ("a draft edited", lambda: edit(site / "content/terms/dropout.md", "Soon.", "Later."), []),
        ("a term edited after the draft", lambda: edit(tensor, "multiply tensors fast", "multiply fast"), []),
        ("a template", add_template, []),
        (
            "a template naming another by a variable",
            lambda: (site / "templates/partials/cta.html").write_text(
                '{% include "extra/" ~ term.slug ~ ".html" ignore missing %}\n'
            ),
            [],
        ),
        ("the template it names added", add_named_template, []),
        ("the template it names deleted", (site / "templates/extra/tensor.html").unlink, []),
        ("a static file", add_static, []),
        (
            "a static file edited",
            lambda: (site / "static/assets/extra.css").write_text("body { margin: 1px; }\n"),
            [],
        ),
        (
            "site.yml",
            lambda: edit(site / "content/site.yml", "Three terms for tests.", "A few terms for tests."),
            [],
        ),
    ]
    with serving(site, free_port(), tmp_path / "serve.log") as origin:
        base = f"{origin}/docs"
        wait_for(f"{base}/index.html", "Mini Glossary")
        for step, (kind, change, gone) in enumerate(changes):
            change()
            clean = tmp_path / f"clean-{step}"
            assert (
                run_glossary("build", "--no-cache", "--no-search", "--out", clean, cwd=site).returncode == 0
            )
            deadline = time.monotonic() + 20
            while (differ := served_differences(base, clean)) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert differ == [], f"after {kind}"
            assert [(fetch(f"{base}/{path}") or (0,))[0] for path in gone] == [404] * len(gone), kind


def test_stopping_serve_during_its_first_build_exits_0_as_later(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SIGTERM and Ctrl-C reach Python as KeyboardInterrupt; was: status 130 during the first build."""
    from glossary_site import cli, server

    def stopped(site: server.Site) -> None:
        raise KeyboardInterrupt

    site = copy_site("minimal", tmp_path)
    port = free_port()
    monkeypatch.setattr(server.Site, "rebuild", stopped)

    assert cli.main(["serve", "--source", str(site), "--port", str(port), "-q"]) == 0
    with socket.create_server(("127.0.0.1", port)):
        pass  # the port is free again


def test_a_build_refused_before_it_starts_says_why_in_the_terminal_too(tmp_path: Path) -> None:
    """Was: only "build failed; the browser shows the problems", the reason in the browser alone."""
    site = copy_site("minimal", tmp_path)
    (site / ".glossary-cache").mkdir()
    (site / ".glossary-cache/notes.txt").write_text("mine\n")
    log = tmp_path / "serve.log"
    reason = ".glossary-cache holds files a build cache never has (notes.txt)"
    with serving(site, free_port(), log, "-q") as origin:
        wait_for(f"{origin}/docs/index.html", reason, status=500)
        wait_for_line(log, "serving on")
    assert f"glossary serve: {reason}" in log.read_text()
    assert "Traceback" not in log.read_text()


@pytest.mark.parametrize(
    ("planted", "remedy"),
    [
        ("notes.txt", "move them out of it (serve always keeps its cache there)"),
        ("", "make it a folder that can be written in (serve always keeps its cache there)"),
    ],
)
def test_a_cache_folder_refused_is_told_to_serve_without_options_serve_lacks(
    tmp_path: Path, planted: str, remedy: str
) -> None:
    """Was: "choose another folder with --cache-dir" (and "or build with --no-cache"), options
    `glossary serve` does not take: it always keeps its cache in .glossary-cache."""
    site = copy_site("minimal", tmp_path)
    cache = site / ".glossary-cache"
    if planted:  # a folder holding a file of the user's
        cache.mkdir()
        (cache / planted).write_text("mine\n")
    else:  # a file where the folder would be
        cache.write_text("mine\n")
    log = tmp_path / "serve.log"
    with serving(site, free_port(), log, "-q") as origin:
        page = wait_for(f"{origin}/docs/index.html", remedy, status=500)
        wait_for_line(log, "serving on")
    problems = [li.get_text() for li in BeautifulSoup(page, "html.parser").select(".problems li")]
    said = [line for line in log.read_text().splitlines() if ".glossary-cache" in line]
    assert [problem.endswith(remedy) for problem in problems] == [True]
    assert [line.endswith(remedy) for line in said] == [True]


def test_site_settings_renamed_away_are_reported_as_build_reports_them_and_serve_recovers(
    tmp_path: Path,
) -> None:
    """Was: "content/site.yml:1: site settings not found; create content/site.yml", a problem of
    the content at a line of a file that is not there, where `glossary build` stops (exit 2)
    with "no content/site.yml in <folder>"."""
    site = copy_site("minimal", tmp_path).resolve()
    settings = site / "content/site.yml"
    log = tmp_path / "serve.log"
    with serving(site, free_port(), log) as origin:
        wait_for(f"{origin}/docs/index.html", "Mini Glossary")
        settings.rename(site / "content/site.yml.bak")
        built = run_glossary("build", "--source", site, "--out", tmp_path / "out", cwd=tmp_path)
        assert built.returncode == 2 and f"glossary: no content/site.yml in {site};" in built.stderr
        page = wait_for(f"{origin}/docs/index.html", "The glossary has problems", status=500)
        problems = [li.get_text() for li in BeautifulSoup(page, "html.parser").select(".problems li")]
        said = f"no content/site.yml in {site}; serve builds again once it is back"
        assert problems == [said]
        wait_for_line(log, f"glossary serve: {said}")
        (site / "content/site.yml.bak").rename(settings)
        wait_for(f"{origin}/docs/index.html", "Mini Glossary")
        assert_served_as_built(site, f"{origin}/docs", tmp_path / "clean")
    assert "content/site.yml:1" not in log.read_text() and "Traceback" not in log.read_text()


#: The line before each save's rebuild, with a file's name to put in.
SAVE_LINE = r"^glossary serve: \d\d:\d\d:\d\d {} changed; rebuilding$"


def test_quiet_serve_prints_no_line_per_failed_request(tmp_path: Path) -> None:
    """Was: tornado's "[W ...] 404 GET /docs/nope/" for every missing page, under -q too."""
    site = copy_site("minimal", tmp_path)
    log = tmp_path / "serve.log"
    with serving(site, free_port(), log, "-q") as origin:
        wait_for(f"{origin}/docs/index.html", "Mini Glossary")
        assert fetch(f"{origin}/docs/nope/") is not None
        assert (fetch(f"{origin}/docs/nope/") or (0,))[0] == 404
    assert "404" not in log.read_text() and "nope" not in log.read_text()


def test_quiet_serve_says_when_the_problems_it_printed_are_fixed(tmp_path: Path) -> None:
    """Was: under -q nothing was printed once they were, so the terminal's last lines went on
    saying the build failed while the browser showed the site again."""
    site = copy_site("minimal", tmp_path)
    term = site / "content/terms/tensor.md"
    text = term.read_text()
    log = tmp_path / "serve.log"
    with serving(site, free_port(), log, "-q") as origin:
        wait_for(f"{origin}/docs/index.html", "Mini Glossary")
        term.write_text(text.replace("related: [GPU,", "related: [GPX,"))
        wait_for_line(log, "build failed; the browser shows the problems")
        term.write_text(text)
        wait_for(f"{origin}/docs/terms/tensor/", "A multi-dimensional array")
        wait_for_line(log, "glossary serve: problems fixed;")
        save_whole(term, text.replace("A multi-dimensional array", "An n-dimensional grid"), tmp_path)
        wait_for(f"{origin}/docs/terms/tensor/", "An n-dimensional grid")
    lines = log.read_text().splitlines()
    assert lines[-1].startswith("glossary serve: problems fixed; "), lines
    assert sum("fixed" in line for line in lines) == 1
    # each save's block of lines starts with when and what changed, a save that prints nothing
    # under -q with nothing; the first build, before the address, with nothing either
    marked = [
        i for i, line in enumerate(lines) if re.fullmatch(SAVE_LINE.format("content/terms/tensor.md"), line)
    ]
    failed = lines.index("glossary serve: build failed; the browser shows the problems")
    assert marked and marked[0] < failed and marked[-1] == len(lines) - 2, lines
    assert any("content/terms/tensor.md:" in line for line in lines[marked[0] + 1 : failed]), lines
    assert not any("changed; rebuilding" in line for line in lines[: marked[0]]), lines


def test_pages_answered_with_the_builds_problems_are_not_logged_as_server_errors(tmp_path: Path) -> None:
    """Was: "[E ...] 500 GET /docs/" for every page the browser asked for while the content had
    a problem, which reads as the server failing; the problem itself is printed once."""
    site = copy_site("minimal", tmp_path)
    tensor = site / "content/terms/tensor.md"
    sound = tensor.read_text(encoding="utf-8")
    tensor.write_text(sound.replace("summary: ", "summary:\nx: "), encoding="utf-8")
    log = tmp_path / "serve.log"
    with serving(site, free_port(), log) as origin:
        wait_for(f"{origin}/docs/index.html", "content/terms/tensor.md", status=500)
        assert (fetch(f"{origin}/docs/terms/tensor/") or (0,))[0] == 500
        tensor.write_text(sound, encoding="utf-8")
        wait_for(f"{origin}/docs/index.html", "Mini Glossary")
        assert (fetch(f"{origin}/docs/nope/") or (0,))[0] == 404
        wait_for_line(log, "404 GET /docs/nope/")  # other failed requests are still shown
    printed = log.read_text()
    assert "content/terms/tensor.md:" in printed and "500 GET" not in printed
    # the save that fixed the problems is told apart from the first build's block by a line of its own
    saved = re.search(SAVE_LINE.format("content/terms/tensor.md") + "\n", printed, re.MULTILINE)
    assert saved is not None, printed
    assert "content/terms/tensor.md:" in printed[: saved.start()], printed
    assert printed[saved.end() :].startswith("glossary serve: problems fixed; "), printed


def test_changes_through_links_the_build_does_not_follow_and_to_serves_own_folder_start_nothing(
    tmp_path: Path,
) -> None:
    """The watcher enters linked folders, the build only those in templates/. Was: with a link
    in static/ to /tmp, where serve writes its site, every build and search index was a change
    that started the next build, without end; a link in templates/ to it did the same."""
    site = copy_site("minimal", tmp_path)
    temporary, outside = tmp_path / "tmp", tmp_path / "outside"
    for folder in (temporary, outside / "notes", outside / "partials", site / "static", site / "templates"):
        folder.mkdir(parents=True)
    (site / "static/notes").symlink_to(outside / "notes")  # not published: a warning
    (site / "templates/tmp").symlink_to(temporary)  # serve's own folder is made in it
    (site / "templates/partials").symlink_to(outside / "partials")  # a template is looked up there
    head = outside / "partials/head.html"
    head.write_text('<meta name="edited" content="no">\n')
    log = tmp_path / "serve.log"
    port = free_port()
    with log.open("w") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "glossary_site", "serve", "--port", str(port)],
            cwd=site,
            stdout=sink,
            stderr=subprocess.STDOUT,
            env={**os.environ, "TMPDIR": str(temporary)},
        )
    try:

        def builds() -> int:
            return log.read_text().count(" unchanged\n")

        wait_for_line(log, "search index updated")  # written in serve's own folder
        (outside / "notes/todo.txt").write_text("seen through static/notes only\n")
        time.sleep(1.5)  # a build starts within a tenth of a second of a change it sees
        assert builds() == 1, log.read_text()
        save_whole(head, '<meta name="edited" content="yes">\n', tmp_path)
        page = wait_for(f"http://127.0.0.1:{port}/docs/", 'content="yes"')
        edited = present(BeautifulSoup(page, "html.parser").find("meta", attrs={"name": "edited"}))
        assert attribute(edited, "content") == "yes"
        wait_for_line(log, "search index updated", times=2)
        time.sleep(1.5)
        assert builds() == 2, log.read_text()
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert list(temporary.iterdir()) == [], "serve removes its own folder when it stops"
    assert "static/notes:1: warning: linked folders are not followed" in log.read_text()


def test_a_renamed_term_file_is_named_by_both_its_names_in_the_rebuild_line(tmp_path: Path) -> None:
    """A rename is a file gone and a file made. Was: only the new name, as serve's list of the
    files the build read held each file's size after its path, so the one gone was not known
    as read, and was taken for an editor's temporary file."""
    site = copy_site("minimal", tmp_path)
    log = tmp_path / "serve.log"
    with serving(site, free_port(), log):
        wait_for_line(log, "search index updated")
        (site / "content/terms/tensor.md").rename(site / "content/terms/tensors.md")
        wait_for_line(log, "content/terms/tensor.md and 1 more changed; rebuilding")
    assert re.search(SAVE_LINE.format(r"content/terms/tensor\.md and 1 more"), log.read_text(), re.MULTILINE)


def test_a_folder_linked_into_templates_while_serving_is_watched_too(tmp_path: Path) -> None:
    """Was: the link's own arrival rebuilt the site, but edits in the folder it leads to went
    unseen until serve was restarted, while `glossary build` used them."""
    site = copy_site("minimal", tmp_path)
    outside = tmp_path / "outside"
    (outside / "partials").mkdir(parents=True)
    (site / "templates").mkdir()
    head = outside / "partials/head.html"
    head.write_text('<meta name="edited" content="no">\n')
    log = tmp_path / "serve.log"
    with serving(site, free_port(), log) as origin:
        wait_for(f"{origin}/docs/index.html", "Mini Glossary")
        (site / "templates/partials").symlink_to(outside / "partials")
        wait_for(f"{origin}/docs/", 'name="edited" content="no"')
        time.sleep(0.5)  # the watch starts again, entering the linked folder
        save_whole(head, '<meta name="edited" content="yes">\n', tmp_path)
        page = wait_for(f"{origin}/docs/", 'name="edited" content="yes"')
    edited = present(BeautifulSoup(page, "html.parser").find("meta", attrs={"name": "edited"}))
    assert attribute(edited, "content") == "yes"


def ask_as(port: int, host: str, path: str, *upgrade: tuple[str, str]) -> tuple[int, str, str]:
    """A request as a browser sends it for a page at `host` (a name and port): status, type, text."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    try:
        connection.request("GET", path, headers={"Host": host, **dict(upgrade)})
        response = connection.getresponse()
        return response.status, response.getheader("Content-Type", ""), response.read().decode()
    finally:
        connection.close()


def heading(page: str) -> str:
    return present(BeautifulSoup(page, "html.parser").h1).get_text(strip=True)


WEBSOCKET = (
    ("Connection", "Upgrade"),
    ("Upgrade", "websocket"),
    ("Sec-WebSocket-Version", "13"),
    ("Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ=="),
)


def test_a_page_under_another_host_name_cannot_read_the_preview(served: tuple[Path, str, int]) -> None:
    """A web site that points its own name at 127.0.0.1 (DNS rebinding) sends that name as the
    Host: was served the preview, drafts and all, and could open the live-reload socket."""
    _, _, port = served
    for host in (f"127.0.0.1:{port}", f"localhost:{port}", f"[::1]:{port}", "LocalHost", "preview.localhost"):
        status, _, page = ask_as(port, host, "/docs/terms/tensor/")
        assert status == 200, host
        assert heading(page) == "Tensor", host
        assert ask_as(port, host, "/livereload", *WEBSOCKET)[0] == 101, host
    for host in (f"attacker.example:{port}", "attacker.example", f"127.0.0.1.attacker.example:{port}"):
        for path in ("/docs/terms/tensor/", "/docs/terms.json", "/livereload.js", "/nowhere"):
            status, kind, said = ask_as(port, host, path)
            assert (status, kind) == (403, "text/plain; charset=utf-8"), (host, path)
            assert said.startswith(f"glossary serve refused the host {host!r}"), said
            assert f"Open http://127.0.0.1:{port}/docs/ instead, or serve with --host 0.0.0.0" in said
            assert "Tensor" not in said
        assert ask_as(port, host, "/livereload", *WEBSOCKET)[0] == 403, host


def test_a_page_of_another_site_cannot_open_the_live_reload_socket_or_reload_the_preview(
    served: tuple[Path, str, int],
) -> None:
    """The socket tells whoever connects when each previewed page changes; a browser sends the
    page's own origin, and only the preview's own pages are let in. livereload's /forcereload,
    which reloaded every open preview for any site that asked, is not served."""
    _, _, port = served
    here = f"127.0.0.1:{port}"
    assert ask_as(port, here, "/livereload", *WEBSOCKET, ("Origin", f"http://{here}"))[0] == 101
    for other in ("http://attacker.example", f"http://localhost:{port + 1}", "null"):
        assert ask_as(port, here, "/livereload", *WEBSOCKET, ("Origin", other))[0] == 403, other
    status, _, page = ask_as(port, here, "/forcereload")
    assert status == 404, page


def test_listening_on_every_address_answers_any_host_name(tmp_path: Path) -> None:
    """A phone on the network asks by whatever name or address it knows the computer by."""
    site = copy_site("minimal", tmp_path)
    port = free_port()
    with serving(site, port, tmp_path / "serve.log", "--host", "0.0.0.0") as origin:
        wait_for(f"{origin}/docs/index.html", "Mini Glossary")
        status, _, page = ask_as(port, f"laptop.example:{port}", "/docs/terms/tensor/")
    assert (status, heading(page)) == (200, "Tensor")


def problems_shown(page: str) -> list[str]:
    return [li.get_text() for li in BeautifulSoup(page, "html.parser").select(".problems li")]


def test_a_name_that_is_not_utf8_is_reported_and_serve_goes_on_building_each_save(tmp_path: Path) -> None:
    """watchfiles fails on such a name before any filter of ours sees it: serve watches again,
    says so once for each name (not again as the file goes), and builds, which reports it. A
    folder so named keeps the watch from starting again: serve then looks for changes every
    second instead. Was: the watcher's thread died on the first such name, and serve went on
    serving, never building again, saying nothing."""
    site = copy_site("minimal", tmp_path)
    log = tmp_path / "serve.log"
    tensor = site / "content/terms/tensor.md"
    text = tensor.read_text(encoding="utf-8")
    bad_file = site / os.fsdecode(b"content/terms/bad\xfd.md")
    bad_folder = site / os.fsdecode(b"content/terms/more\xfe")
    with serving(site, free_port(), log) as origin:
        wait_for_line(log, "serving on")
        bad_file.write_text(text, encoding="utf-8")
        page = wait_for(f"{origin}/docs/index.html", "not valid UTF-8", status=500)
        assert problems_shown(page) == [
            "content/terms/bad\\udcfd.md:1: the file name is not valid UTF-8; rename it"
        ]
        bad_file.unlink()
        wait_for(f"{origin}/docs/index.html", "Mini Glossary")
        tensor.write_text(
            text.replace("A multi-dimensional array", "An n-dimensional grid"), encoding="utf-8"
        )
        page = wait_for(f"{origin}/docs/terms/tensor/", "An n-dimensional grid")
        summary = present(BeautifulSoup(page, "html.parser").select_one(".term-summary")).get_text()
        assert summary.startswith("An n-dimensional grid")

        bad_folder.mkdir()
        (bad_folder / "term.md").write_text(text, encoding="utf-8")
        wait_for_line(log, "looking for them every 1 s instead")
        page = wait_for(f"{origin}/docs/index.html", "not valid UTF-8", status=500)
        folder = "content/terms/more\\udcfe:1: the folder name is not valid UTF-8"
        assert problems_shown(page) == [f"{folder}; rename it (nothing in it is read)"]
        shutil.rmtree(bad_folder)
        wait_for(f"{origin}/docs/index.html", "Mini Glossary")
        tensor.write_text(text.replace("A multi-dimensional array", "A grid of any rank"), encoding="utf-8")
        wait_for(f"{origin}/docs/terms/tensor/", "A grid of any rank")
    printed = log.read_text()
    told = [line for line in printed.splitlines() if "watching for changes failed" in line]
    assert len(told) == 2 and "bad\\xFD.md" in told[0] and "more\\xFE" in told[1], printed
    assert printed.count("looking for them every 1 s instead") == 1
    assert "Traceback" not in printed


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")  # the error itself
def test_serve_stops_saying_why_when_its_watch_ends_on_an_error_of_its_own(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Was: the watcher's thread died, and serve served on, blind to every save, saying nothing."""
    from glossary_site import cli, server

    first = server.Site.rebuild

    def rebuild(site: server.Site, changed: Sequence[str] = (), at: datetime | None = None) -> None:
        if site.preview.builds:
            raise ValueError("a bug")
        first(site, changed, at)

    site = copy_site("minimal", tmp_path)
    port = free_port()
    monkeypatch.setattr(server.Site, "rebuild", rebuild)

    stopped = threading.Event()

    def save_then_give_up() -> None:
        wait_for(f"http://127.0.0.1:{port}/docs/index.html", "Mini Glossary")
        (site / "content/terms/tensor.md").touch()
        if not stopped.wait(20):
            os.kill(os.getpid(), signal.SIGTERM)  # serve still running: it would exit 0

    threading.Thread(target=save_then_give_up, daemon=True).start()
    try:
        assert cli.main(["serve", "--source", str(site), "--port", str(port), "-q"]) == 1
    finally:
        stopped.set()  # a signal after serve has stopped would interrupt the next test
    printed = capsys.readouterr().err
    assert "glossary serve: watching for changes stopped on an error (a bug; please report it)" in printed


def test_a_save_made_while_the_first_build_runs_is_served_once_it_has_ended(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The save comes after the first build has read the term and before the watch starts,
    which is only once that build has ended. Was: it was never seen, and the preview showed
    the term as it was until the next save, which on a large site can be minutes later."""
    from glossary_site import cli, server

    site = copy_site("minimal", tmp_path)
    term = site / "content/terms/tensor.md"
    port = free_port()
    page = f"http://127.0.0.1:{port}/docs/terms/tensor/"
    first = server.Site.rebuild

    def rebuild(preview: server.Site, changed: Sequence[str] = (), at: datetime | None = None) -> None:
        first(preview, changed, at)
        if preview.preview.builds == 1:
            term.write_text(term.read_text().replace("A multi-dimensional array", "An n-dimensional grid"))

    monkeypatch.setattr(server.Site, "rebuild", rebuild)
    shown: list[str] = []

    def look_then_stop() -> None:
        try:
            shown.append(wait_for(page, "An n-dimensional grid", seconds=20))
        except AssertionError:
            pass  # told below
        finally:
            os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=look_then_stop, daemon=True).start()
    assert cli.main(["serve", "--source", str(site), "--port", str(port), "-q"]) == 0
    assert shown, "the page never showed the save made during the first build"
    summary = present(BeautifulSoup(shown[0], "html.parser").select_one(".term-summary"))
    assert summary.get_text(strip=True) == "An n-dimensional grid of numbers."
