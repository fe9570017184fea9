"""`glossary serve`: build into a private folder, serve it, rebuild and reload on every save.

The build is the normal incremental build (its cache makes a save cheap), so what is served
is byte for byte what `glossary build` writes. While the content has errors the last good
site stays on disk and every page request gets an error page listing the problems; the next
good build makes the browser reload into the fixed page. Search is indexed in the background
once edits settle, so a save never waits for Pagefind. The site is served under the path of
its base_url, as it will be deployed, so its absolute links work in the preview too. The
module also wires livereload's endpoints onto a socket bound before building, which livereload
offers no public way to do; that wiring is most of its length.
"""

from __future__ import annotations

import dataclasses
import errno
import html
import json
import logging
import mimetypes
import os
import posixpath
import shutil
import signal
import socket
import sys
import tempfile
import threading
import time
import traceback
import urllib.parse
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

import watchfiles

from glossary_site import (
    collector,
    content_files,
    file_watch,
    incremental,
    interrupts,
    output,
    pipeline,
    preview_hosts,
    search,
    warm,
)
from glossary_site import config as site_config
from glossary_site.diagnostics import Diagnostic, Diagnostics, Severity, printable
from glossary_site.fingerprint import is_stray_file, stamped_path
from glossary_site.warm import WarmState

WATCH_READY_SECONDS = 30
SETTLE_SECONDS = 1.0
#: How long a stopping serve waits for its watcher, and so for Pagefind to be stopped.
STOP_SECONDS = 5.0
#: How soon the search page asks again for an index that is being built.
INDEX_RETRY_SECONDS = 1
StartResponse = Callable[[str, list[tuple[str, str]]], Any]


#: livereload's message that makes a page reload, CSS and images in place where they alone changed.
RELOAD = {"command": "reload", "path": "*", "liveCSS": True, "liveImg": True}

# What livereload's own server puts before </head>: it loads livereload.js from the page's
# host and port, whatever sub-path the page is served under.
LIVE_SCRIPT = (
    b'<script type="text/javascript">(function(){'
    b'var s=document.createElement("script");'
    b"var port=(window.location.port || (window.location.protocol == 'https:' ? 443: 80));"
    b's.src="//"+window.location.hostname+":"+port'
    b'+ "/livereload.js?port=" + port;'
    b"document.head.appendChild(s);"
    b"})();</script>"
)


@dataclass
class Preview:
    """What the server shows: the built folder, the problems of the latest build, and the
    URL path the site lives under (its base_url's, as a WSGI path: decoded, Latin-1)."""

    out: Path
    #: A text for a reason the build did not run (no content/site.yml), not at a line of a file.
    problems: list[Diagnostic | str] = field(default_factory=list)
    builds: int = 0
    prefix: str = "/"
    #: The path served before base_url last moved it: a page open there reloads when the build
    #: under the new path ends, and is sent to itself under that path rather than to a 404 (until
    #: the next build, `former_until`: an address without the new path then gets the 404 it will
    #: get once deployed, as when serve starts under that path).
    former: str | None = None
    former_until: int = 0
    #: Which build each page (by its WSGI path) was last served from, counted before reading
    #: it: a browser tells its page's address once its live-reload connection is open, and a
    #: build that ended before then sent its reload to no one (see reload_missed).
    served: dict[str, int] = field(default_factory=dict)
    #: Whether a search index is on its way: until it is in place, a request for it is answered
    #: 503 with Retry-After, which the search page tells from the 404 of a site built without
    #: one, and so says the index is being built and asks again. False once indexing failed.
    index_coming: bool = False

    def reload_missed(self, path: str) -> bool:
        """Whether the page at `path` (a WSGI path), its live-reload connection just opened, was served
        before the latest build: a reload sent while it was loading (the second of two quick
        saves, say) reached no one, and the browser would go on showing the older page.
        So does a page this serve never served: an earlier serve, stopped and started again
        since, did (its script connects again by itself), and the saves made in between would
        not show until the next. It is counted as served now, so it is told no more than once."""
        if path not in self.served:
            self.served[path] = self.builds
            return True
        return self.served[path] < self.builds


class AddressUnusable(Exception):
    """The host and port cannot be listened on; the message says why and what to do."""


class Unwatched(Exception):
    """Serve can no longer see saves, so it stops rather than go on showing a site that does
    not follow them; the message says why."""


class SiteGone(Unwatched):
    """The site folder was moved or deleted while serving: the watcher sees nothing any more."""


def serve(
    options: pipeline.BuildOptions,
    host: str,
    port: int,
    report: Callable[[Diagnostics], None],
    quiet: bool = False,
) -> None:
    """Listen before building, so a taken port is reported (AddressUnusable) at once rather
    than after a long build, and nothing can take it meanwhile. Serve from a temporary folder
    so previewing never touches the deployable _site/. Ctrl-C and SIGTERM must reach it as
    KeyboardInterrupt, as `interrupts.stopping_once` makes them."""
    sockets = listen(host, port)
    try:
        with tempfile.TemporaryDirectory(prefix="glossary-serve-") as scratch:
            preview = Preview(Path(scratch) / "site", index_coming=options.search)
            address = origin(host, sockets[0].getsockname()[1])
            site = Site(
                dataclasses.replace(options, out=preview.out, cache_options=False),
                preview,
                report,
                Path(scratch),
                address,
                quiet=quiet,
                bound=host if preview_hosts.loopback_only(s.getsockname()[0] for s in sockets) else None,
            )
            site.first_inputs = site.watched_stamps()
            try:
                site.rebuild()
            except KeyboardInterrupt:
                return  # stopped before the first page was served: a preview's end all the same
            _run(site, sockets)
    finally:
        for sock in sockets:
            sock.close()


def listen(host: str, port: int) -> list[socket.socket]:
    """Listening sockets for every address the host names (one per IP version for 'localhost')."""
    from tornado.netutil import bind_sockets

    if not 0 <= port <= 65535:  # the OS would quietly take the port modulo 65536
        raise AddressUnusable(
            f"there is no port {port}; choose one from 0 (any free port) to 65535 with --port"
        )
    try:
        return bind_sockets(port, address=host)
    except OSError as error:
        raise AddressUnusable(why_unusable(error, host, port)) from None


def why_unusable(error: OSError, host: str, port: int) -> str:
    """The errors a user can cause with --host and --port, in words that say which one to change."""
    where = f"port {port} on {host or 'all addresses'}"
    if isinstance(error, socket.gaierror):
        return f"cannot listen on {host!r}: {error.strerror}; choose another address with --host"
    if error.errno == errno.EADDRINUSE:
        return f"{where} is already in use; choose another with --port"
    if error.errno == errno.EACCES:
        return f"{where} needs administrator rights; choose one above 1023 with --port"
    if error.errno == errno.EADDRNOTAVAIL:
        return f"cannot listen on {host}: it is not an address of this machine; choose another with --host"
    return f"cannot listen on {where}: {error.strerror or error}"


def origin(host: str, port: int) -> str:
    """The address to print for browsers: scheme, host and port, no path."""
    name = host or "0.0.0.0"
    return f"http://[{name}]:{port}" if ":" in name else f"http://{name}:{port}"


@dataclass
class Site:
    """Builds without search, so a save shows up at once; Pagefind runs in the background
    once edits settle, and only its finished index is swapped in (under the same lock as a
    build, which is all that waits for it: a few renames)."""

    options: pipeline.BuildOptions
    preview: Preview
    report: Callable[[Diagnostics], None]
    scratch: Path
    address: str
    building: threading.Lock = field(default_factory=threading.Lock)
    warm: WarmState | None = None
    #: Set when serve stops: the watcher ends and a Pagefind run under way is killed.
    stopping: threading.Event = field(default_factory=threading.Event)
    #: Why serve stops by itself (its site folder went away, or its watch ended on an error
    #: of ours), raised once the server has stopped.
    stopped: Unwatched | None = None
    #: -q: no line for a rebuild that went well, only problems and where the site is served.
    quiet: bool = False
    #: Whether a build has succeeded: from then on the served path is that of the last good
    #: build, whose pages' links use it, until another succeeds (follow_base_url).
    built: bool = False
    #: The host listened on, when that is a loopback address only: then a request must name
    #: it, localhost or a loopback address (preview_hosts). None: any name is answered.
    bound: str | None = None
    #: The inputs' key as the first build began. The watch starts only once that build has
    #: ended, so a save made meanwhile is found by this key (saved_unseen), not by the watch.
    first_inputs: list[str] | None = None
    #: The line that starts a rebuild's output (rebuild_line), until it is printed: under -q
    #: only before a line of the rebuild's own, so a rebuild that prints nothing prints no line.
    pending: str | None = None

    def rebuild(self, changed: Sequence[str] = (), at: datetime | None = None) -> None:
        """Build, after a line saying when and what changed; `at` is when the watch saw it.
        The first build, which the lines serve starts with introduce, has none."""
        if at is not None:
            saved = self._saved(changed)  # a folder made to hold a file is named after it, if at all
            files = [path for path in saved if not os.path.isdir(self.options.root / path)]
            self.pending = rebuild_line(files or saved or changed, at)
            if not self.quiet:  # at once: a long build's progress line then follows it
                self.mark()
        try:
            self._build(changed)
        finally:
            self.pending = None

    def _build(self, changed: Sequence[str]) -> None:
        """Apply a save of one term's text from the warm state (warm.py) when it can be;
        otherwise build. The first build runs before any thread is started and may fork worker
        processes; later ones run while the server's threads do, where forking can deadlock (a
        child inherits locks other threads held), so they build in this process alone."""
        if self._applied(changed):
            return
        missing = self.settings_missing()
        if missing is not None:  # nothing is built; the last good build's state stays for the next
            result = pipeline.BuildResult(refused=missing)
        else:
            earlier, self.warm = self.warm, None
            jobs = self.options.jobs if self.preview.builds == 0 else 1
            with self.building:
                options = dataclasses.replace(
                    self.options,
                    search=False,
                    jobs=jobs,
                    save_records=False,
                    keep_index=True,
                    render_refused=False,
                )
                result = pipeline.build(options, earlier)
            self.warm = result.warm
            collector.release_after_build()
        self.end_progress()
        self.tell(result.diagnostics)
        ok = result.ok(self.options.strict)
        if ok:
            news = f"{result.written} written, {result.reused} unchanged"
            if self.preview.problems:  # said under -q too: the problems printed last are gone
                self.mark()
                print(f"glossary serve: problems fixed; {news}", flush=True)
            else:
                self.say(news)
            self.preview.problems = []
        else:
            self.preview.problems = [*result.diagnostics.errors_first()] or [result.refused or "build failed"]
            self.mark()
            if result.refused:  # not a problem of the content, so not among the diagnostics
                print(f"glossary serve: {result.refused}", file=sys.stderr, flush=True)
            print("glossary serve: build failed; the browser shows the problems", flush=True)
        if (ok or not self.built) and result.base_path is not None:  # a failed build wrote nothing
            self.follow_base_url(result.base_path)  # under a new base_url's path
        self.built = self.built or ok
        self.preview.builds += 1  # last: a page served before this shows what the build replaced

    def settings_missing(self) -> str | None:
        """Why there is no site to build while content/site.yml is deleted or renamed away, in
        the words `glossary build` uses then (its exit 2): not a problem of the content, so not
        given as one at a line of a file that is not there."""
        if os.path.lexists(self.options.root / site_config.CONFIG_PATH):  # as `glossary build` finds a site
            return None
        folder = self.options.root.resolve()
        return f"no {site_config.CONFIG_PATH} in {folder}; serve builds again once it is back"

    def _applied(self, changed: Sequence[str]) -> bool:
        if self.warm is None or self.preview.problems:
            return False
        changed = self._saved(changed)
        if len(changed) != 1:
            return False
        path = changed[0]
        if not (path.startswith(f"{content_files.TERMS_DIR}/") and path.endswith(".md")):
            return False
        with self.building:
            try:
                written = warm.apply_edit(self.warm, self.options.root, self.options.out, path)
            except Exception:  # a bug of ours must not stop the preview: build, without the state
                self.mark()
                traceback.print_exc()
                print(
                    f"glossary serve: applying {path} failed (a bug; please report it); building", flush=True
                )
                self.warm = None
                return False
        if written is None:
            return False
        if self.warm.diagnostics:  # all of them after every save, as a build reports them
            self.tell(Diagnostics(list(self.warm.diagnostics)))
        self.preview.builds += 1
        self.say(f"{path} applied, {written} page(s) rewritten")
        return True

    def _saved(self, changed: Sequence[str]) -> list[str]:
        """The changed paths a build may read: an editor that saves by renaming a new file over
        the old one also makes a temporary file, gone by now, which no build read."""
        inputs = self.warm.inputs if self.warm is not None else frozenset()
        return [path for path in changed if path in inputs or os.path.lexists(self.options.root / path)]

    def mark(self) -> None:
        """Print the line that starts the rebuild under way, if it is not printed yet."""
        if self.pending is not None:
            print(self.pending, flush=True)
            self.pending = None

    def tell(self, diagnostics: Diagnostics) -> None:
        """Report a rebuild's problems, after the line that starts it."""
        if diagnostics.errors_first():
            self.mark()
        self.report(diagnostics)

    def say(self, news: str) -> None:
        if not self.quiet:
            print(f"glossary serve: {news}", flush=True)

    def input_key(self) -> str:
        """What changes whenever an input of the build does."""
        return incremental.inputs_of(self.options.root, "").key

    def saved_unseen(self) -> bool:
        """Whether an input changed while the first build ran, before the watch had started:
        that build may fork workers, so no thread (the watch's) may run before it ends."""
        return self.first_inputs is not None and self.watched_stamps() != self.first_inputs

    def watched_stamps(self) -> list[str]:
        """The stamps of the inputs the watch follows: not the theme outside the site, nor
        serve's own folder, which every build changes; a link may lead there only in templates/,
        the one folder whose links are followed, so only its paths need the watch's own test."""
        root, own = self.options.root.resolve(), self.scratch.resolve()
        inside = os.path.join(root, "")
        templates = os.path.join(root, content_files.TEMPLATES_DIR, "")
        paths = ((line, stamped_path(line)) for line in incremental.inputs_of(root, "").stamps)
        return [
            line
            for line, path in paths
            if path.startswith(inside) and (not path.startswith(templates) or _watched(root, path, own))
        ]

    def warn(self, news: str) -> None:
        """A line printed under -q too: something the user should know is amiss."""
        print(f"glossary serve: {news}", file=sys.stderr, flush=True)

    def end_progress(self) -> None:
        """The build's progress line on a terminal has no newline; without clearing it, the
        next line printed would be glued to it."""
        if self.options.progress is not None:
            print("\r\033[K", end="", file=sys.stderr, flush=True)

    def follow_base_url(self, base_path: str) -> None:
        """Serve under the path the build's pages were built for; while site.yml is broken,
        keep the last one. Called after a build that succeeded (or before any has), so a new
        address is printed once, when the pages for it are there. Before any has, the path left
        is the root's, taken while site.yml could not be read: base_url did not change then."""
        prefix = wsgi_path(base_path)
        if prefix != self.preview.prefix:
            former, self.preview.prefix = self.preview.prefix, prefix
            if self.preview.builds > 0:  # the first address is printed once the server starts
                self.preview.former = former
                self.preview.former_until = self.preview.builds + 1  # this build's count, once it ends
                why = "base_url changed; " if self.built else ""
                self.mark()
                print(f"glossary serve: {why}now serving on {self.url}", flush=True)

    @property
    def url(self) -> str:
        return self.address + url_path(self.preview.prefix)

    def refused(self, host: str) -> bytes | None:
        """What a request under the host name `host` is answered instead, if it is refused."""
        if self.bound is None or preview_hosts.allowed(host, self.bound):
            return None
        return preview_hosts.refusal(host, self.bound, self.url)

    def index(self) -> bool:
        """Whether a new search index replaced one a page may have searched already: until
        the first is in place, the search page asks for it again by itself (index_coming)."""
        if not self.options.search or self.preview.problems:
            return False
        self.preview.index_coming = True  # again, after a run that failed
        bundle = Path(tempfile.mkdtemp(prefix="search-", dir=self.scratch))
        try:
            key, problem = incremental.index_aside(
                self.options.out, bundle, self.options.bundle_pages, self.stopping
            )
            if problem is not None and not self.stopping.is_set():
                self.preview.index_coming = False  # the search page says search is unavailable
                self.report(Diagnostics([problem]))
            replaced = False
            if key is not None:
                with self.building:
                    replaced = (self.options.out / search.FOLDER / search.LISTING).is_file()
                    incremental.swap_in_index(self.options.out, bundle, key)
                self.say("search index updated")
        finally:
            shutil.rmtree(bundle, ignore_errors=True)
        return replaced


def rebuild_line(changed: Sequence[str], at: datetime) -> str:
    """The line before each rebuild's output: every save prints all the problems again, and the
    time tells which block in the terminal is the latest. `changed` is empty when the watch
    could not say what changed (it failed, or serve looks for changes by polling). A name is
    any file's in static/, so it may hold a line break or an escape code (printable)."""
    if not changed:
        what = "something changed"
    elif len(changed) == 1:
        what = f"{printable(changed[0])} changed"
    else:
        what = f"{printable(changed[0])} and {len(changed) - 1} more changed"
    return f"glossary serve: {at:%H:%M:%S} {what}; rebuilding"


def _run(site: Site, sockets: list[socket.socket]) -> None:
    from livereload.handlers import LiveReloadHandler  # only `serve` needs these
    from tornado.httpserver import HTTPServer
    from tornado.ioloop import IOLoop
    from tornado.platform.asyncio import BaseAsyncIOLoop

    loop = IOLoop.current()
    root = site.options.root.resolve()
    own = site.scratch.resolve()
    folder = root.stat()
    identity = (folder.st_dev, folder.st_ino)

    def stop(reason: Unwatched) -> None:
        site.stopped = reason
        loop.add_callback(loop.stop)

    def index() -> None:
        if site.index():
            loop.add_callback(reload_search_pages, site.preview)

    def watch() -> None:
        """Follow the file system's change events under the site (inotify on Linux): a save is
        seen within milliseconds, however many files there are. Indexing starts when nothing
        has changed for SETTLE_SECONDS, in its own thread. Serve stops when the watch does,
        whatever ends it: left running, it would show the site as it was, blind to every save."""
        index_at: float | None = time.monotonic()
        indexer: threading.Thread | None = None
        batches = file_watch.batches(
            root, lambda path: _watched(root, path, own), site.stopping, site.warn, site.input_key
        )
        try:
            for changes in batches:
                if not watching.is_set() and site.saved_unseen():
                    changes = None  # so the save is built, as one the watch missed
                watching.set()  # the first (empty) batch comes once every folder is watched
                if _gone(root, identity, changes or set()):  # nothing is watched any more
                    stop(SiteGone(f"the site folder {root} was moved or deleted; serve stopped"))
                    break
                if changes is None or changes:  # None: changes went unseen, so all are built
                    site.rebuild(
                        sorted({Path(path).relative_to(root).as_posix() for _, path in changes or ()}),
                        datetime.now(),  # the local time, as a clock on the wall beside the terminal
                    )
                    loop.add_callback(LiveReloadHandler.reload_waiters)
                    index_at = time.monotonic() + SETTLE_SECONDS
                elif (
                    index_at is not None
                    and time.monotonic() >= index_at
                    and not (indexer and indexer.is_alive())
                ):
                    index_at = None
                    indexer = threading.Thread(target=index, name="glossary-index", daemon=True)
                    indexer.start()
        finally:
            watching.set()
            if site.stopped is None and not site.stopping.is_set():  # a bug: its traceback follows
                stop(Unwatched("watching for changes stopped on an error (a bug; please report it)"))
            if indexer is not None:  # it kills Pagefind, which would otherwise run on
                indexer.join()

    def interrupt(signum: int, frame: object) -> None:
        """Ctrl-C or SIGTERM: the loop is told to stop as well, as the KeyboardInterrupt can land
        in livereload's handlers, which catch everything (a bare `except:`) and would swallow it.
        Told thread-safely, so the loop wakes from waiting (add_callback, here, would not)."""
        if isinstance(loop, BaseAsyncIOLoop):
            loop.asyncio_loop.call_soon_threadsafe(loop.stop)
        interrupts.stop_once(signum, frame)

    server = HTTPServer(application(site.preview, site.refused))
    server.add_sockets(sockets)
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    _log_problems(site.quiet, site.preview)
    watching = threading.Event()
    watcher = threading.Thread(target=watch, name="glossary-watch", daemon=True)
    watcher.start()
    watching.wait(WATCH_READY_SECONDS)  # a save right after the first page is seen
    if site.stopped is None:
        print(f"glossary serve: serving on {site.url} (Ctrl-C stops)", flush=True)
    try:
        loop.start()
    except KeyboardInterrupt:
        pass  # Ctrl-C (or SIGTERM) is how a preview ends
    finally:
        site.stopping.set()
        server.stop()
        watcher.join(STOP_SECONDS)  # a build under way is not waited for
    if site.stopped is not None:
        raise site.stopped


def application(preview: Preview, refused: Callable[[str], bytes | None]) -> Any:
    """livereload's endpoints at the root, where its script looks for them, and the site (with
    that script put in every page) everywhere else; but a request whose Host header `refused`
    answers for gets that answer, a 403, whatever its path (the live-reload socket's too).

    This is the application livereload's Server.serve makes, minus its file watching (ours
    rebuilds first) and its /forcereload, which any site could ask to reload every open page;
    made here because Server.serve insists on binding the socket itself."""
    from livereload.handlers import LiveReloadHandler, LiveReloadJSHandler
    from livereload.server import LiveScriptContainer
    from livereload.watcher import Watcher
    from tornado.web import Application, FallbackHandler, RequestHandler
    from tornado.websocket import WebSocketHandler

    class Reloads(LiveReloadHandler):  # type: ignore[misc]
        """livereload's, but a page whose connection opens after a build it was served before
        is told to reload at once: the reload that build sent reached no one. Only the preview's
        own pages may connect (livereload lets any site's): the socket says when each page changes.
        """

        check_origin = WebSocketHandler.check_origin

        def on_message(self, message: str | bytes) -> None:
            super().on_message(message)
            said = json.loads(message)  # livereload's own reading of it above let it through
            if not isinstance(said, dict) or said.get("command") != "info":
                return
            self.page = wsgi_path(urllib.parse.urlsplit(str(said.get("url", ""))).path)
            if preview.reload_missed(self.page):
                self.send_message(RELOAD)

    class Container(LiveScriptContainer):  # type: ignore[misc]
        """livereload's, but a HEAD request gets a GET's headers and no body: livereload's
        writes the body too, which tornado refuses for HEAD (a 500, and a traceback)."""

        def __call__(self, request: Any) -> None:
            if request.method == "HEAD":
                write = request.connection.write_headers
                request.connection.write_headers = lambda start, headers, chunk=None: write(start, headers)
            super().__call__(request)

    class Refused(RequestHandler):
        def initialize(self, body: bytes) -> None:
            self.body = body

        def prepare(self) -> None:
            self.set_status(403)
            self.set_header("Content-Type", "text/plain; charset=utf-8")
            self.set_header("Cache-Control", "no-store")
            self.finish(self.body)

    class Guarded(Application):
        """Every request, the live-reload socket's too, is routed here before any handler runs."""

        def find_handler(self, request: Any, **kwargs: Any) -> Any:
            body = refused(request.host)
            if body is not None:
                return self.get_handler_delegate(request, Refused, {"body": body})
            return super().find_handler(request, **kwargs)

    LiveReloadHandler.watcher = Watcher()  # never started; telling browsers to reload reads it
    LiveReloadHandler.live_css = True
    return Guarded(
        [
            (r"/livereload", Reloads),
            (r"/livereload.js", LiveReloadJSHandler),
            (r".*", FallbackHandler, {"fallback": Container(site_app(preview, LIVE_SCRIPT), b"")}),
        ]
    )


def reload_search_pages(preview: Preview) -> None:
    """A search page left open showed what the index held when the save reloaded it, before
    the index was made again: it reloads once the new one is in place. Other pages are left
    alone, as a reload would take the editor's page from under them for nothing."""
    from livereload.handlers import LiveReloadHandler

    search_page = f"{preview.prefix}search/"
    for waiter in list(LiveReloadHandler.waiters):
        if getattr(waiter, "page", "").startswith(search_page):
            waiter.send_message(RELOAD)


def _log_problems(quiet: bool, preview: Preview) -> None:
    """Failed requests and server errors go to stderr, as with livereload's own server; with
    `quiet`, server errors only: no line per failed request (a missing page). Never a line for
    each page answered with the build's problems: they are printed once already, and an editor
    reads "[E ...] 500 GET /" as the server failing. Nor for the search index asked for while
    it is being built: the search page asks every second until it is (a 503, see site_app)."""
    from tornado.log import LogFormatter

    channel = logging.StreamHandler()
    channel.setFormatter(LogFormatter())
    logging.getLogger("tornado").addHandler(channel)
    access = logging.getLogger("tornado.access")
    access.addFilter(
        lambda record: not (preview.problems and _status(record) == 500) and _status(record) != 503
    )
    if quiet:
        access.setLevel(logging.CRITICAL)


def _status(record: logging.LogRecord) -> object:
    """The status of a request tornado logs as ("%d %s %.2fms", status, summary, time)."""
    return record.args[0] if isinstance(record.args, tuple) and record.args else None


def _gone(root: Path, identity: tuple[int, int], changes: set[tuple[watchfiles.Change, str]]) -> bool:
    """Whether the site folder was moved or deleted, even when another folder was put in its
    place at once (a copy moved in, or `rm -rf` then `cp -r`): the watches stay on the folder
    that went, so serving on would show the old site while the saves in the new one went
    unseen. The file system reports a moved folder as deleted, but a deleted one only once
    nothing holds it, and serve's own working folder often does: its identity tells too, and
    is looked at on every tick, as the last events may have come before the folder went."""
    try:
        now = root.stat()
    except OSError:
        return True
    return (now.st_dev, now.st_ino) != identity or (watchfiles.Change.deleted, str(root)) in changes


def _watched(root: Path, path: str, own: Path) -> bool:
    """Only content/, templates/ and static/ are inputs, and not the working files editors
    (nor the settings files file browsers) write there; the cache and any output folder in
    the site folder change on every build and must not start another. The site folder itself
    counts, as its going away ends serve.

    The watcher enters linked folders, which the build enters only in templates/ (a template
    is looked up by its path): a change seen through one in content/ or static/ is none of
    the build's. Serve's own folder (`own`, resolved) changes on every build, so a link that
    leads to it, or to a folder holding it, would otherwise start builds without end."""
    parts = Path(path).relative_to(root).parts
    if not parts:
        return True
    if parts[0] not in output.SOURCE_DIRS or is_stray_file(parts[-1]):
        return False
    if parts[0] != content_files.TEMPLATES_DIR and any(
        root.joinpath(*parts[:depth]).is_symlink() for depth in range(2, len(parts))
    ):
        return False
    return own not in Path(os.path.realpath(path)).parents


def site_app(
    preview: Preview, script: bytes = b""
) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """A WSGI app serving only files inside the output folder, or the error page, with `script`
    put in each HTML page's head. (livereload's own container would put it before every
    '</head>' of every file: a script, terms.json or a summary that mentions the tag.)

    Outside the site's sub-path only `/` is sent to the home page, and, until the next build, a
    page served before base_url moved to the same page under its new path; anything else is a
    404, as it will be once deployed, so a link written without the sub-path shows up in the
    preview.
    The search index's listing, asked for before serve has indexed, is a 503 "not yet" rather
    than the 404 of a site built without search.
    """

    def app(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path, query = environ.get("PATH_INFO", "/"), environ.get("QUERY_STRING", "")
        prefix, former, built = preview.prefix, preview.former, preview.builds
        query = f"?{query}" if query else ""
        if path in ("/", prefix.rstrip("/")) and path != prefix:
            return _redirect(start_response, url_path(prefix) + query)
        target = resolve_request(preview.out, path[len(prefix) - 1 :]) if path.startswith(prefix) else None
        if target is not None and target.is_dir():
            if not path.endswith("/"):  # as a deployed site does: the page's relative links need it
                return _redirect(start_response, url_path(path) + "/" + query)
            target = target / "index.html" if (target / "index.html").is_file() else None
        moving = former is not None and built <= preview.former_until and path.startswith(former)
        if target is None and former is not None and moving and path in preview.served:
            moved = prefix + path[len(former) :]
            # only to a page there: under a new path below the old one, an address missing under
            # it (served, as a 404) starts with the old path too, and would be sent one level deeper
            if resolve_request(preview.out, moved[len(prefix) - 1 :]) is not None:
                return _redirect(start_response, url_path(moved) + query)
        if target is None or target.suffix == ".html":  # a page: the browser may reload it
            preview.served[path] = built
        if preview.problems and (target is None or target.suffix == ".html"):
            page = _with_script(error_page(preview.problems), script)
            return _respond(start_response, "500 Internal Server Error", "text/html", page)
        if target is None and preview.index_coming and path == f"{prefix}{search.FOLDER}/{search.LISTING}":
            body = b"The search index is being built.\n"
            retry = ("Retry-After", str(INDEX_RETRY_SECONDS))
            return _respond(start_response, "503 Service Unavailable", "text/plain", body, retry)
        if target is None:
            missing = preview.out / "404.html"
            body = missing.read_bytes() if missing.is_file() else b"<h1>Not found</h1>"
            return _respond(start_response, "404 Not Found", "text/html", _with_script(body, script))
        kind = mimetypes.guess_type(target.name)[0] or "application/octet-stream"
        body = target.read_bytes()
        return _respond(
            start_response, "200 OK", kind, _with_script(body, script) if kind == "text/html" else body
        )

    return app


def _with_script(page: bytes, script: bytes) -> bytes:
    return page.replace(b"</head>", script + b"</head>", 1)


def wsgi_path(url_path: str) -> str:
    """A URL path as WSGI servers give PATH_INFO: percent-decoded bytes read as Latin-1."""
    return urllib.parse.unquote_to_bytes(url_path).decode("latin-1")


def url_path(wsgi: str) -> str:
    """A WSGI path back as a URL path: its bytes percent-encoded, never a raw CR or LF."""
    return urllib.parse.quote(wsgi.encode("latin-1"), safe="/")


def resolve_request(out: Path, raw_path: str) -> Path | None:
    """The file or folder a URL path names, or None; nothing outside the output folder is ever
    named. `raw_path` is a WSGI path, the URL's bytes read as Latin-1: they are read again as
    UTF-8, so that a file named in another script (static/مرحبا.txt) is found. It is decoded
    already: a `%` left in it is one of the file's name (static/report%202024.pdf, asked for
    as report%25202024.pdf), never decoded again."""
    try:
        path = raw_path.encode("latin-1").decode("utf-8")
    except UnicodeError:  # no file of the output has a name that is not UTF-8
        return None
    if "\0" in path or "\\" in path:
        return None
    clean = posixpath.normpath("/" + path).lstrip("/")
    if clean.startswith(".."):
        return None
    base = out.resolve()
    target = (base / clean).resolve() if clean not in ("", ".") else base
    if target != base and base not in target.parents:
        return None
    return target if target.is_file() or target.is_dir() else None


def error_page(problems: Sequence[Diagnostic | str]) -> bytes:
    """The errors under their own heading before the warnings, each with its count, so what
    stopped the build is the first thing read, however many warnings there are."""
    warnings = [str(p) for p in problems if isinstance(p, Diagnostic) and p.severity is Severity.WARNING]
    errors = [str(p) for p in problems if not (isinstance(p, Diagnostic) and p.severity is Severity.WARNING)]
    sections = "".join(
        f'<h2>{len(lines)} {kind}(s)</h2>\n<ol class="problems {kind}s">\n{_items(lines)}\n</ol>\n'
        for kind, lines in (("error", errors), ("warning", warnings))
        if lines
    )
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        "<title>Build failed · glossary serve</title>\n</head>\n<body>\n"
        '<main id="main">\n<h1>The glossary has problems</h1>\n'
        "<p>Fix these and save; this page reloads by itself.</p>\n"
        f"{sections}</main>\n</body>\n</html>\n"
    ).encode()


def _items(lines: list[str]) -> str:
    return "\n".join(f"<li><code>{html.escape(line)}</code></li>" for line in lines)


def _respond(
    start_response: StartResponse, status: str, kind: str, body: bytes, *extra: tuple[str, str]
) -> list[bytes]:
    if kind.startswith("text/") or kind in ("application/javascript", "application/json"):
        kind += "; charset=utf-8"
    start_response(
        status,
        [("Content-Type", kind), ("Content-Length", str(len(body))), ("Cache-Control", "no-store"), *extra],
    )
    return [body]


def _redirect(start_response: StartResponse, location: str) -> list[bytes]:
    """A Location starting with '//' names another host: `//evil.example/../terms/`, sent for
    the request `/%2Fevil.example%2F..%2Fterms` (the folder terms/ without its slash), would
    take the browser to evil.example. One slash keeps it on the preview, at the same folder."""
    location = "/" + location.lstrip("/")
    link = html.escape(location)
    body = f'<p>This page is at <a href="{link}">{link}</a></p>\n'.encode()
    return _respond(start_response, "302 Found", "text/html", body, ("Location", location))
