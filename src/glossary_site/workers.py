"""Split work over forked processes, so the term graph built once in the parent is shared
copy-on-write instead of being pickled to every worker.

Workers claim short runs of items from a shared counter as they go, so one slowed down by long
items (or by another program on its core) simply claims fewer. Results come back in no set
order; callers merge them by their own keys, so the output never depends on how many workers
ran or which worker did what.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import pickle
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

from glossary_site import collector

T = TypeVar("T")
R = TypeVar("R")


class WorkerFailed(Exception):
    """A worker raised; carries its traceback text, as that is a bug in us, not in content."""


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


#: Items claimed at once: enough to make claiming cheap, few enough that workers end together.
MAX_RUN = 64
#: prctl's option that sends the calling process a signal when its parent dies (Linux).
PR_SET_PDEATHSIG = 1
#: Results a worker sends at once: small enough to fit a pipe's buffer, so it rarely waits.
BATCH = 16


def split_map(
    func: Callable[[Iterable[T]], Iterable[R]],
    items: Sequence[T],
    jobs: int,
    meanwhile: Callable[[], None] | None = None,
) -> list[R]:
    """Every result func yields, run in `jobs` processes, this one included; in no set order.

    func must go through its items once, in order: they are claimed as it asks for them. This
    process takes a share too: its results need no pickling and its memory no copying. Workers
    send their results in small batches as they go, and this process takes them in between
    its own items, so little is left to pickle and load once the last item is done.
    `meanwhile` is other work for this process, done once the workers have started: they claim
    the items it leaves them, so it takes no time of its own when there are items enough.
    """
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        if meanwhile is not None:
            meanwhile()
        return list(func(items))
    context = multiprocessing.get_context("fork")
    with _interrupts_held():  # its memory's finalizer, interrupted half-made, fails at exit
        claimed = context.Value("q", 0)
    run = max(1, min(MAX_RUN, len(items) // (jobs * 50)))
    workers: list[_Worker] = []
    results: list[R] = []
    try:  # whatever stops this process (Ctrl-C included) stops every worker it started
        for _ in range(jobs - 1):
            receiver, sender = context.Pipe(duplex=False)
            claims = _claims(items, claimed, run)
            process = context.Process(target=_child, args=(func, claims, sender, os.getpid()), daemon=True)
            with _interrupts_held():
                process.start()
                workers.append(_Worker(process, receiver))
            sender.close()
        if meanwhile is not None:
            meanwhile()
        for result in func(_claims(items, claimed, run)):
            results.append(result)
            for worker in workers:
                worker.receive(results, wait=False)
        for worker in workers:
            worker.receive(results, wait=True)
            worker.process.join()
    except BaseException:
        for worker in workers:
            worker.process.kill()
            worker.process.join()
        raise
    collector.keep_for_the_build()  # results live as long as the build
    error = next((worker.error for worker in workers if worker.error), None)
    if error is not None:
        raise error
    return results


def in_background(work: Callable[[], None], jobs: int) -> Callable[[], bool]:
    """Run `work` in a forked child while this process goes on, when it has a core of its own
    (jobs > 1), else here and now. The function returned waits for it and says whether it
    succeeded; a child that failed says nothing more, so the caller can do the work itself and
    report whatever went wrong there."""
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        work()
        return lambda: True
    with _interrupts_held():
        pid = os.fork()
        if pid == 0:  # before the with unblocks Ctrl-C in the child too
            _ignore_interrupts()
    if pid == 0:
        code = 1
        try:
            with collector.paused():
                work()
            code = 0
        finally:
            os._exit(code)  # no clean-up: this process's files and buffers are the parent's

    def wait() -> bool:
        _, status = os.waitpid(pid, 0)
        return os.waitstatus_to_exitcode(status) == 0

    return wait


class _Worker:
    """A forked worker and the end of the pipe its results come through."""

    def __init__(self, process: Any, receiver: Any) -> None:
        self.process, self.receiver = process, receiver
        self.done = False
        #: What to raise for it: its own OSError, or WorkerFailed with its traceback.
        self.error: Exception | None = None

    def receive(self, results: list[Any], wait: bool) -> None:
        """Take the batches already sent, or (wait) every batch until the worker is done."""
        while not self.done and (wait or self.receiver.poll()):
            try:
                kind, payload = pickle.loads(self.receiver.recv_bytes())
            except EOFError:
                kind, payload = "failed", f"worker {self.process.pid} ended without a result"
            if kind == "results":
                results.extend(payload)
            elif kind == "done":
                self.done = True
            else:
                self.done, self.error = True, payload if kind == "os-error" else WorkerFailed(payload)


def _claims(items: Sequence[T], claimed: Any, run: int) -> Iterator[T]:
    """The next `run` unclaimed items, again and again; `claimed` is shared by all workers."""
    while True:
        with claimed.get_lock():
            start = claimed.value
            claimed.value = start + run
        if start >= len(items):
            return
        yield from items[start : start + run]


@contextlib.contextmanager
def _interrupts_held() -> Iterator[None]:
    """Ctrl-C reaches every process of the terminal's group; it is the parent's to act on (it
    stops its workers and exits 130), so children ignore it. Held back while forking (SIGTERM
    too, which the parent turns into a KeyboardInterrupt as well): Python runs its at-fork
    hooks then, and a KeyboardInterrupt raised in one is printed and dropped, which let a build
    go on to the end."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT, signal.SIGTERM})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def _ignore_interrupts() -> None:
    """In a child just forked with Ctrl-C held back: from now on it is dropped here, and
    SIGTERM kills the child outright, as it has nothing of its own to clean up."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})


def _die_with_parent() -> None:
    """A worker killed with its parent (Linux): a parent killed outright (kill -9, or SIGTERM
    before it could stop them) would leave it blocked for ever on a full pipe that no one
    reads, holding the output folder's lock, so every later build is refused."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: a worker ends when its work does
        return


def _child(func: Callable[[Iterable[T]], Iterable[R]], items: Iterable[T], sender: Any, parent: int) -> None:
    _die_with_parent()
    if os.getppid() != parent:  # the parent died before the line above
        os._exit(1)
    _ignore_interrupts()

    def send(kind: str, payload: object) -> None:
        sender.send_bytes(pickle.dumps((kind, payload), protocol=pickle.HIGHEST_PROTOCOL))

    try:
        batch: list[R] = []
        for result in func(items):
            batch.append(result)
            if len(batch) == BATCH:
                send("results", batch)
                batch = []
        send("results", batch)
        send("done", None)
    except OSError as exc:  # the machine's doing (a full disk, say): raised again in the parent
        send("os-error", exc)
    except BaseException as exc:  # reported to the parent, which decides
        send("failed", "".join(traceback.format_exception(exc)))
    sender.close()
