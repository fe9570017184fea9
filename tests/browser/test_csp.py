"""The built site works under a strict Content-Security-Policy, search included."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from conftest import OpenPage

POLICY = (
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; "
    "object-src 'none'; base-uri 'self'; form-action 'self'"
)


class _StrictHandler(http.server.SimpleHTTPRequestHandler):
    def end_headers(self) -> None:
        self.send_header("Content-Security-Policy", POLICY)
        super().end_headers()

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture()
def strict_site(example_build: Path) -> Iterator[str]:
    handler = functools.partial(_StrictHandler, directory=str(example_build))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_pages_and_search_work_under_a_strict_policy(strict_site: str, open_page: OpenPage) -> None:
    page = open_page()
    violations: list[str] = []
    page.on("console", lambda m: violations.append(m.text) if "Content Security Policy" in m.text else None)
    for path in ("index.html", "categories/index.html", "terms/generative-ai/index.html"):
        page.goto(f"{strict_site}/{path}")
        page.wait_for_load_state("load")
    page.hover("main .prose a.wikilink >> nth=0")
    page.wait_for_selector(".term-preview", state="visible")
    page.goto(f"{strict_site}/search/index.html?q=GenAI")
    first = page.wait_for_selector("#search-results li a")
    assert first is not None and first.inner_text() == "Generative AI"
    assert page.wait_for_selector("#search-results .search-excerpt mark") is not None
    page.goto(f"{strict_site}/terms/generative-ai/index.html")
    page.keyboard.press("/")
    page.keyboard.type("token")
    option = page.wait_for_selector("#site-search-results [role=option]")
    assert option is not None and "Token" in option.inner_text()
    assert violations == []
