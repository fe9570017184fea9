"""Ctrl-C and SIGTERM stop a command the same way, once.

SIGTERM's default action kills the process where it stands, so `with` blocks never remove
their temporary folders; raised as KeyboardInterrupt, it unwinds as Ctrl-C does. A second
signal, sent because stopping takes a moment, would interrupt that clean-up half-way (and end
serve with 130), so once stopping has begun further ones are ignored.
"""

from __future__ import annotations

import contextlib
import signal
from collections.abc import Iterator

STOPPING_SIGNALS = (signal.SIGINT, signal.SIGTERM)


def stop_once(signum: int, frame: object) -> None:
    for number in STOPPING_SIGNALS:
        signal.signal(number, signal.SIG_IGN)
    raise KeyboardInterrupt


@contextlib.contextmanager
def stopping_once() -> Iterator[None]:
    """The handlers are put back after: a caller in the same process (a test) keeps its own."""
    previous = {number: signal.signal(number, stop_once) for number in STOPPING_SIGNALS}
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
