"""One Pagefind run, given its pages one by one through Pagefind's service mode.

Pagefind numbers the pages of an index in the order it meets them, and the numbers are in the
index's files. Given a folder (`pagefind --site`), it meets them in the order the file system
lists the folder: by a hash of each name that differs from one disk to the next on ext4,
newest first on tmpfs, so the same site got another index in CI than on the laptop.
`pagefind --service` takes each page as a message instead and numbers the pages in the order
they are sent: the order of the list given here.

The service reads base64-encoded JSON messages, each ended by a comma, on its standard input,
answers each in kind on its standard output, and ends when its input is closed; so the input
stays open until the last message is answered. That one asks for the index's files, which are
written here: told to write them itself, the service answered before the last of them was
complete, and closing its input then ended it with a file cut short (one run in ten).
"""

from __future__ import annotations

import base64
import contextlib
import importlib.util
import json
import os
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from glossary_site.content_files import is_utf8

#: How often a running Pagefind is checked on: has it ended, should it stop?
STOP_CHECK_SECONDS = 0.2


@dataclass
class Outcome:
    """How a run ended; it did all it was asked when every field keeps its default."""

    #: `stop` was set, and the run killed.
    stopped: bool = False
    #: Why Pagefind could not be started, or was killed for taking too long.
    not_run: str | None = None
    #: A page that could not be read (removed meanwhile), with why: the run was ended there.
    unreadable: tuple[str, str] | None = None
    exit_status: int = 0
    #: What Pagefind answered with an error, in order.
    refused: list[str] = field(default_factory=list)
    #: The last line Pagefind wrote to its standard error.
    last_words: str = ""
    #: The index's files, by their paths in the bundle's folder, as the last answer gave them.
    files: dict[str, bytes] = field(default_factory=dict)


def splits_unspaced_text() -> bool:
    """Whether runs use Pagefind's extended build, the one that splits Chinese and Japanese
    into words (get_executable prefers it when installed); a binary named by
    PAGEFIND_BINARY_PATH is taken to be the one the user wants. Looked up without importing
    pagefind, which a build that needs no index would pay for."""
    return (
        bool(os.getenv("PAGEFIND_BINARY_PATH"))
        or importlib.util.find_spec("pagefind_bin_extended") is not None
    )


def index_pages(
    site: Sequence[Path],
    pages: list[str],
    bundle: Path,
    exclude: str,
    stop: threading.Event | None,
    timeout: float,
) -> Outcome:
    """Index `pages` (paths in the site, numbered in this order; see `located` for `site`) into
    the folder `bundle`. Pagefind runs in the bundle's parent and is told only the bundle's
    name, as it stops at a path or an environment variable that is not UTF-8 (the site's
    folders need not be)."""
    try:  # here, as it imports asyncio, which a build without search never needs
        from pagefind.service import get_executable
    except ImportError as exc:
        return Outcome(not_run=f"the pagefind package cannot be imported: {exc}")
    # The binary itself, as `python -m pagefind` would find it (PAGEFIND_BINARY_PATH, then the
    # extended build, then pagefind[bin]'s) but without starting an interpreter to exec it.
    binary = get_executable()
    if binary is None:
        return Outcome(not_run="no Pagefind binary is installed (pip install 'pagefind[bin]')")
    environment = {name: value for name, value in os.environ.items() if is_utf8(name + value)}
    outcome = Outcome()
    with tempfile.TemporaryFile() as errors:
        try:
            run = subprocess.Popen(
                [str(binary), "--service"],
                cwd=bundle.parent,
                env=environment,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=errors,
            )
        except OSError as exc:
            return Outcome(not_run=str(exc))
        with run:
            answered = threading.Event()
            messages = _messages(site, pages, exclude, outcome)
            talk = [
                threading.Thread(target=_send, args=(run, messages, outcome, answered), daemon=True),
                threading.Thread(target=_receive, args=(run, len(pages) + 2, outcome, answered), daemon=True),
            ]
            for thread in talk:
                thread.start()
            _wait(run, stop, timeout, outcome)
            for thread in talk:
                thread.join()
        outcome.exit_status = run.returncode
        errors.seek(0)
        outcome.last_words = ["", *errors.read().decode("utf-8", "replace").strip().splitlines()][-1]
    return outcome


def write_files(bundle: Path, files: dict[str, bytes]) -> None:
    """The index's files into the folder `bundle`; a path that would lead out of it (which
    Pagefind never gives) raises ValueError."""
    for name, data in sorted(files.items()):
        parts = PurePosixPath(name).parts
        if not parts or PurePosixPath(name).is_absolute() or ".." in parts:
            raise ValueError(f"a file outside the index: {name!r}")
        target = bundle.joinpath(*parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)


def located(site: Sequence[Path], path: str) -> Path:
    """A file of the site as it will be published: from the first of its folders that holds it
    (the changed pages of an update, then the output they are to be moved into), or from the
    last, which then names it in the error."""
    for folder in site[:-1]:
        if os.path.isfile(folder / path):
            return folder / path
    return site[-1] / path


def _messages(site: Sequence[Path], pages: list[str], exclude: str, outcome: Outcome) -> Iterator[bytes]:
    """A new index, each page, then the asking for the index's files, numbered from 1. A page is read
    only as its message is sent, so a run holds one at a time in memory; one that cannot be
    read ends the messages, noted in `outcome`."""
    yield _message(1, {"type": "NewIndex", "config": {"exclude_selectors": [exclude]}})
    for number, path in enumerate(pages, start=2):
        try:
            text = located(site, path).read_text(encoding="utf-8", errors="replace")
        except OSError as exc:
            outcome.unreadable = (path, exc.strerror or str(exc))
            return
        page = {"type": "AddFile", "index_id": 0, "file_path": path, "url": None, "file_contents": text}
        yield _message(number, page)
    yield _message(len(pages) + 2, {"type": "GetFiles", "index_id": 0})


def _message(number: int, payload: dict[str, Any]) -> bytes:
    return base64.b64encode(json.dumps({"message_id": number, "payload": payload}).encode()) + b","


def _send(
    run: subprocess.Popen[bytes], messages: Iterator[bytes], outcome: Outcome, answered: threading.Event
) -> None:
    """Every message; then the input is held open until the last is answered, as closing it
    ends the service. Messages ended early (a page not read) end the run."""
    stream = run.stdin
    assert stream is not None
    try:
        for message in messages:
            stream.write(message)
        stream.flush()
        if outcome.unreadable is None:
            answered.wait()
    except OSError:  # Pagefind has ended: its exit status and errors tell why
        pass
    finally:
        if not answered.is_set():
            run.kill()
        with contextlib.suppress(OSError):
            stream.close()


def _receive(run: subprocess.Popen[bytes], last: int, outcome: Outcome, answered: threading.Event) -> None:
    """Read the answers until the last message's, noting the errors among them and keeping the
    files the last one gives (tens of megabytes in one answer for a large bundle: it is
    gathered in a bytearray, and split only once a chunk holds its end)."""
    stream = run.stdout
    assert stream is not None
    pending = bytearray()
    try:
        while chunk := stream.read1(1 << 20):  # type: ignore[attr-defined]
            pending += chunk
            if b"," not in chunk:
                continue
            *complete, rest = bytes(pending).split(b",")
            pending = bytearray(rest)
            for encoded in complete:
                answer = json.loads(base64.b64decode(encoded))
                payload = answer.get("payload") or {}
                if payload.get("type") == "Error":
                    outcome.refused.append(str(payload.get("message")))
                if answer.get("message_id") == last:
                    for file in payload.get("files") or []:
                        outcome.files[str(file["path"])] = base64.b64decode(file["content"])
                    return
    except (OSError, ValueError, KeyError, TypeError) as exc:
        outcome.refused.append(f"an answer that cannot be read: {exc}")
    finally:
        answered.set()


def _wait(
    run: subprocess.Popen[bytes], stop: threading.Event | None, timeout: float, outcome: Outcome
) -> None:
    """Until Pagefind ends. It is killed once `stop` is set (a run left going would index on
    after serve stops) or after `timeout` seconds, as `outcome` notes."""
    deadline = time.monotonic() + timeout
    while stop is None or not stop.is_set():
        try:
            run.wait(timeout=STOP_CHECK_SECONDS)
            return
        except subprocess.TimeoutExpired:
            if time.monotonic() >= deadline:
                run.kill()
                run.wait()
                outcome.not_run = f"it took more than {timeout:g} seconds"
                return
    run.kill()
    run.wait()
    outcome.stopped = True
