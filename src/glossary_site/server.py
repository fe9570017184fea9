"""`glossary serve`: build into a private folder, serve it, rebuild and reload on every save.

The build is the normal incremental build (its cache makes a save cheap), so what is served
is byte for byte what `glossary build` writes. While the content has errors the last good
site stays on disk and every page request gets an error page listing the problems; the next
good build makes the browser reload into the fixed page. Search is indexed in the background
once edits settle, so a save never waits for Pagefind.
"""

from __future__ import annotations

import dataclasses
import gc
import html
import mimetypes
import posixpath
import shutil
import signal
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from glossary_site import pipeline
from glossary_site.cache import inputs_digest
from glossary_site.diagnostics import Diagnostics

POLL_SECONDS = 0.1
SETTLE_SECONDS = 1.0
StartResponse = Callable[[str, list[tuple[str, str]]], Any]


@dataclass
class Preview:
    """What the server shows: the built folder, and the problems of the latest build."""

    out: Path
    problems: list[str] = field(default_factory=list)
    builds: int = 0


def serve(
    options: pipeline.BuildOptions,
    host: str,
    port: int,
    report: Callable[[Diagnostics], None],
) -> int:
    """Serve from a temporary folder so previewing never touches the deployable _site/."""
    signal.signal(signal.SIGTERM, _stop)
    with tempfile.TemporaryDirectory(prefix="glossary-serve-") as scratch:
        preview = Preview(Path(scratch) / "site")
        site = Site(dataclasses.replace(options, out=preview.out), preview, report, Path(scratch))
        site.rebuild()
        _run(site, host, port)
    return 0


def _stop(signum: int, frame: object) -> None:
    """Stopping with SIGTERM cleans up like Ctrl-C does."""
    raise KeyboardInterrupt


@dataclass
class Site:
    """Builds without search, so a save shows up at once; Pagefind runs in the background
    once edits settle, and only its finished index is swapped in (under the same lock as a
    build, which is all that waits for it: a few renames)."""

    options: pipeline.BuildOptions
    preview: Preview
    report: Callable[[Diagnostics], None]
    scratch: Path
    building: threading.Lock = field(default_factory=threading.Lock)

    def rebuild(self) -> None:
        with self.building:
            result = pipeline.build(dataclasses.replace(self.options, search=False))
        gc.unfreeze()  # the build froze its cache index; let the collector see it again
        self.report(result.diagnostics)
        self.preview.builds += 1
        if result.ok(self.options.strict):
            self.preview.problems = []
            print(f"glossary serve: {result.written} written, {result.reused} unchanged", flush=True)
        else:
            self.preview.problems = [str(d) for d in result.diagnostics.sorted()] or [
                result.refused or "build failed"
            ]
            print("glossary serve: build failed; the browser shows the problems", flush=True)

    def index(self) -> None:
        if not self.options.search or self.preview.problems:
            return
        bundle = Path(tempfile.mkdtemp(prefix="search-", dir=self.scratch))
        try:
            key, result = pipeline.index_aside(self.options, bundle)
            self.report(result.diagnostics)
            if key is not None:
                with self.building:
                    pipeline.swap_in_index(self.options, bundle, key)
                print("glossary serve: search index updated", flush=True)
        finally:
            shutil.rmtree(bundle, ignore_errors=True)


def _run(site: Site, host: str, port: int) -> None:
    from livereload import Server  # only `serve` needs these
    from livereload.handlers import LiveReloadHandler
    from tornado.ioloop import IOLoop

    loop = IOLoop.current()
    stop = threading.Event()
    root = site.options.root

    def watch() -> None:
        """Poll the inputs' stamps: it sees new and deleted files, and never waits 800 ms.
        Indexing starts when nothing has changed for SETTLE_SECONDS, in its own thread."""
        last = _stamps(root)
        index_at: float | None = time.monotonic()
        indexer: threading.Thread | None = None
        while not stop.wait(POLL_SECONDS):
            now = _stamps(root)
            if now != last:
                last = now
                site.rebuild()
                loop.add_callback(LiveReloadHandler.reload_waiters)
                index_at = time.monotonic() + SETTLE_SECONDS
            elif (
                index_at is not None and time.monotonic() >= index_at and not (indexer and indexer.is_alive())
            ):
                index_at = None
                indexer = threading.Thread(target=site.index, name="glossary-index", daemon=True)
                indexer.start()

    watcher = threading.Thread(target=watch, name="glossary-watch", daemon=True)
    watcher.start()
    server = Server(app=site_app(site.preview))
    server.watch(str(site.scratch / "unwatched"))  # else livereload polls the whole cwd itself
    try:
        server.serve(host=host, port=port, debug=False, restart_delay=0)
    finally:
        stop.set()


def _stamps(root: Path) -> str:
    return inputs_digest([root / name for name in ("content", "templates", "static")], [], "")


def site_app(preview: Preview) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """A WSGI app serving only files inside the output folder, or the error page."""

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        target = resolve_request(preview.out, environ.get("PATH_INFO", "/"))
        if preview.problems and (target is None or target.suffix == ".html"):
            return _respond(
                start_response, "500 Internal Server Error", "text/html", error_page(preview.problems)
            )
        if target is None:
            missing = preview.out / "404.html"
            body = missing.read_bytes() if missing.is_file() else b"<h1>Not found</h1>"
            return _respond(start_response, "404 Not Found", "text/html", body)
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        return _respond(start_response, "200 OK", kind, target.read_bytes())

    return app


def resolve_request(out: Path, raw_path: str) -> Path | None:
    """The file a URL path names, or None; nothing outside the output folder is ever named."""
    path = urllib.parse.unquote(raw_path)
    if "\0" in path or "\\" in path:
        return None
    clean = posixpath.normpath("/" + path).lstrip("/")
    if clean.startswith(".."):
        return None
    base = out.resolve()
    target = (base / clean).resolve() if clean not in ("", ".") else base
    if target != base and base not in target.parents:
        return None
    if target.is_dir():
        target = target / "index.html"
    return target if target.is_file() else None


def error_page(problems: list[str]) -> bytes:
    items = "\n".join(f"<li><code>{html.escape(p)}</code></li>" for p in problems)
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        "<title>Build failed · glossary serve</title>\n</head>\n<body>\n"
        '<main id="main">\n<h1>The glossary has problems</h1>\n'
        "<p>Fix these and save; this page reloads by itself.</p>\n"
        f'<ol class="problems">\n{items}\n</ol>\n</main>\n</body>\n</html>\n'
    ).encode()


def _respond(start_response: StartResponse, status: str, kind: str, body: bytes) -> list[bytes]:
    if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
        kind += "; charset=utf-8"
    start_response(
        status, [("Content-Type", kind), ("Content-Length", str(len(body))), ("Cache-Control", "no-store")]
    )
    return [body]
