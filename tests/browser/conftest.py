"""The shipped example site, built once, served on 127.0.0.1 and opened in Debian's Chromium."""

from __future__ import annotations

import contextlib
import functools
import http
import http.server
import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, Locator, Page, Playwright, sync_playwright
from support import copy_site, run_glossary, write_files

#: Debian's build of Chromium's headless shell: the same engine as its `chromium`, without the
#: desktop browser's window machinery, which cost three times the CPU per page opened.
CHROMIUM = Path("/usr/bin/chromium-headless-shell")
SUB_PATH = "glossary"
DESKTOP = {"width": 1280, "height": 900}
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
]


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


#: What a careful host sends: no inline script or style, no eval (Pagefind needs wasm).
STRICT_POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


class _StrictHandler(_QuietHandler):
    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", STRICT_POLICY)
        super().end_headers()


class NotFoundPageHandler(_QuietHandler):
    """Answers an address with nothing at it with the site's 404.html under SUB_PATH, at that
    address, as GitHub Pages and most hosts do."""

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page = Path(self.directory, SUB_PATH, "404.html")
        if code != http.HTTPStatus.NOT_FOUND or not page.is_file():
            super().send_error(code, message, explain)
            return
        body = page.read_bytes()
        self.send_response(code)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


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


def built_terms(folder: Path, terms: dict[str, str], files: dict[str, str] | None = None) -> Path:
    """A site of these term files (slug: the file's text), and other `files` (path: text),
    built as a user builds it, without search; the folder of its pages."""
    site = write_files(
        folder,
        {
            "content/site.yml": "title: Glossary\nbase_url: https://glossary.example.com/\n",
            **{f"content/terms/{slug}.md": text for slug, text in terms.items()},
            **(files or {}),
        },
    )
    result = run_glossary("build", "--no-search", "--out", site / "www", cwd=site)
    assert result.returncode == 0, result.stderr
    return site / "www"


def tab_to(page: Page, element: Locator, presses: int = 200) -> None:
    """Press Tab from where the page is until `element` has focus: it is in the tab order."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        if element.evaluate("el => el === document.activeElement"):
            return
    pytest.fail(f"Tab never reached {element}")


@contextlib.contextmanager
def serve(folder: Path, handler_class: type[_QuietHandler] = _QuietHandler) -> Iterator[str]:
    """A threaded static server for `folder` on a free port of 127.0.0.1; yields its address."""
    handler = functools.partial(handler_class, directory=str(folder))
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
def strict_site(example_build: Path) -> Iterator[str]:
    """The example site at the root of an address that sends STRICT_POLICY with every file."""
    with serve(example_build, _StrictHandler) as address:
        yield address


@pytest.fixture()
def served_at_root(served: ServedSite) -> Iterator[ServedSite]:
    """The same site at the root of its own address."""
    with serve(served.folder) as address:
        yield ServedSite(served.folder, address, served.terms)


# Session scope: a test process starts Chromium once (xdist interleaves modules, so a module
# scope started it again at every switch). Playwright's sync API keeps its asyncio loop marked
# as running in the main thread from then on, so tests that run a loop of their own do it in a
# thread (test_serve.in_own_loop).
@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    """One Chromium for the test process; every test opens its own context."""
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests need {CHROMIUM}: apt-get install chromium-headless-shell")
    chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
    yield chromium
    chromium.close()


OpenPage = Callable[..., Page]


@pytest.fixture()
def open_page(browser: Browser) -> Iterator[OpenPage]:
    """open_page(**context options) gives a page in a fresh context (no shared cookies, cache
    or storage: color_scheme, viewport, java_script_enabled...); all are closed after the test."""
    contexts: list[BrowserContext] = []

    def open_(**options: Any) -> Page:
        context = browser.new_context(**{"viewport": DESKTOP, **options})
        context.set_default_timeout(10_000)
        contexts.append(context)
        return context.new_page()

    yield open_
    for context in contexts:
        context.close()


@pytest.fixture()
def page(open_page: OpenPage) -> Page:
    """A desktop-sized page in light mode with JavaScript on."""
    return open_page()
