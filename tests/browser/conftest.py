"""The shipped example site, built once, served on 127.0.0.1 and opened in Debian's Chromium."""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from support import copy_site, run_glossary

CHROMIUM = Path("/usr/bin/chromium")
SUB_PATH = "glossary"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]

if not CHROMIUM.exists():
    pytest.skip(
        f"browser tests need Debian's Chromium at {CHROMIUM} (apt-get install chromium; .ci/run does it)",
        allow_module_level=True,
    )

from playwright.sync_api import Browser, Page, Playwright, sync_playwright  # noqa: E402


@dataclass(frozen=True, slots=True)
class ServedSite:
    """The built example site: its folder on disk, the address it is served at, its terms."""

    folder: Path
    url: str
    terms: dict[str, dict[str, Any]]

    def page_url(self, path: str = "") -> str:
        return f"{self.url}/{path}"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="session")
def example_build(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the example glossary exactly as a user does, into www/glossary/, with a private cache key."""
    root = tmp_path_factory.mktemp("browser")
    site = copy_site("example", root)
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))
        base_url = f"https://glossary.example.com/{SUB_PATH}/"  # the 404 page's links need the path
        result = run_glossary("build", "--base-url", base_url, "--out", root / "www" / SUB_PATH, cwd=site)
    assert result.returncode == 0, result.stderr
    return root / "www" / SUB_PATH


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """A threaded static server for `folder` on a free port of 127.0.0.1; yields its address."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


@pytest.fixture(scope="session")
def served(example_build: Path) -> Iterator[ServedSite]:
    """The site under a sub-path, as on a GitHub project page: http://127.0.0.1:PORT/glossary/."""
    terms = json.loads((example_build / "terms.json").read_text(encoding="utf-8"))
    with serve(example_build.parent) as address:
        yield ServedSite(example_build, f"{address}/{SUB_PATH}", {t["slug"]: t for t in terms})


@pytest.fixture()
def served_at_root(served: ServedSite) -> Iterator[ServedSite]:
    """The same site at the root of its own address."""
    with serve(served.folder) as address:
        yield ServedSite(served.folder, address, served.terms)


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """One Chromium for the whole session; every test opens its own context."""
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


@pytest.fixture()
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page in its own context (no shared cookies, cache or storage), desktop sized."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    yield context.new_page()
    context.close()
