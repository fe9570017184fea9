"""The changes under a site folder, for `glossary serve`, from a watch that outlives its failures.

watchfiles stops for good on the first path it cannot decode, before any filter of ours sees
it: a file name that is not UTF-8 anywhere below the folder ends the watch, and a folder so
named keeps it from starting at all (it lists every folder as it starts); so does a failure
of the OS's watch, such as inotify's limit on watched folders. The watch is started again
after a failure; one that cannot be started again is replaced by looking at the inputs'
stamps every POLL_SECONDS, slower but blind to nothing. Either way the caller is told that
changes may have gone unseen, and the terminal once why.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import watchfiles

#: Changes arriving this close together make one batch (an editor's save can be several
#: writes); the watch checks for them every STEP_MS and yields an empty batch every TICK_MS.
DEBOUNCE_MS = 50
STEP_MS = 10
TICK_MS = 100
#: Failures in a row, with no batch between them, after which the watch is given up.
ATTEMPTS = 3
#: The pause before starting again: a burst of events that failed the watch is over by then.
PAUSE_SECONDS = TICK_MS / 1000
POLL_SECONDS = 1.0

Changes = set[tuple[watchfiles.Change, str]]


def batches(
    root: Path,
    keep: Callable[[str], bool],
    stopping: threading.Event,
    tell: Callable[[str], None],
    poll: Callable[[], object],
) -> Iterator[Changes | None]:
    """Batches of the changes under `root` whose paths `keep` accepts, as watchfiles gives them:
    an empty one every tick, the first once every folder is watched. After a failure, the
    first batch is None: the failed watch's changes are lost, so everything is to be taken as
    changed. Once the watch is given up, `poll` (which gives another value whenever an input
    changed) is asked every POLL_SECONDS, and a change is a None batch. A link to a folder
    made meanwhile starts the watch again, so that it enters the folder (the link's own batch
    has started a build already). `tell` gets a line to print once for each reason; it all
    ends when `stopping` is set."""
    told: set[str] = set()
    failures = 0
    restarted = False
    why = ""
    while failures < ATTEMPTS:
        try:
            for batch in watchfiles.watch(
                root,
                watch_filter=lambda change, path: keep(path),
                debounce=DEBOUNCE_MS,
                step=STEP_MS,
                stop_event=stopping,
                rust_timeout=TICK_MS,
                yield_on_timeout=True,
                raise_interrupt=False,
            ):
                failures = 0
                yield None if restarted else batch
                restarted = False
                if _links_a_folder(batch):  # entered only by a watch started after the link
                    break
            else:
                return
        except (RuntimeError, OSError) as error:  # watchfiles' own error is a RuntimeError
            failures, restarted, why = failures + 1, True, str(error)
            if failures == 1 and why not in told:
                told.add(why)
                tell(f"watching for changes failed ({why}); watching again, and building")
            if stopping.wait(PAUSE_SECONDS):
                return
    tell(f"cannot watch {root} for changes ({why}); looking for them every {POLL_SECONDS:g} s instead")
    yield from _polled(poll, stopping)


def _links_a_folder(batch: Changes) -> bool:
    """Whether a link to a folder is among the paths added: the OS's watch follows links to
    folders only when it starts, so the folder's own changes would go unseen."""
    return any(
        change == watchfiles.Change.added and os.path.isdir(path) and os.path.islink(path)
        for change, path in batch
    )


def _polled(poll: Callable[[], object], stopping: threading.Event) -> Iterator[Changes | None]:
    """A None batch at once and whenever `poll` gives another value, else an empty one."""
    last: object = None
    while True:
        now = poll()
        yield None if last is None or now != last else set()
        last = now
        if stopping.wait(POLL_SECONDS):
            return
