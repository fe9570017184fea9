"""Split work over forked processes, so the term graph built once in the parent is shared
copy-on-write instead of being pickled to every worker.

Workers claim short runs of items from a shared counter as they go, so one slowed down by long
items (or by another program on its core) simply claims fewer. Results come back in worker
order; callers merge them by their own keys, so the output never depends on how many workers
ran or which worker did what.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class WorkerFailed(Exception):
    """A worker raised; carries its traceback text, as that is a bug in us, not in content."""


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Unpickling a large result allocates hundreds of thousands of objects and no garbage;
    with the cyclic collector on, it rescans them again and again while they load."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


#: Items claimed at once: enough to make claiming cheap, few enough that workers end together.
MAX_RUN = 64


def split_map(func: Callable[[Iterable[T]], R], items: Sequence[T], jobs: int) -> list[R]:
    """Run func in `jobs` processes, this one included, each over the items it claims.

    func must go through its items once, in order: they are claimed as it asks for them. This
    process takes a share too: its result needs no pickling and its memory no copying.
    """
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [func(items)]
    context = multiprocessing.get_context("fork")
    claimed = context.Value("q", 0)
    run = max(1, min(MAX_RUN, len(items) // (jobs * 50)))
    pipes, processes = [], []
    for _ in range(jobs - 1):
        receiver, sender = context.Pipe(duplex=False)
        claims = _claims(items, claimed, run)
        process = context.Process(target=_child, args=(func, claims, sender), daemon=True)
        process.start()
        sender.close()
        pipes.append(receiver)
        processes.append(process)
    try:
        results = [func(_claims(items, claimed, run))]
    except BaseException:
        for process in processes:
            process.kill()
            process.join()
        raise
    failure: str | None = None
    for receiver, process in zip(pipes, processes, strict=True):
        try:
            with collector_paused():
                ok, payload = pickle.loads(receiver.recv_bytes())
        except EOFError:
            ok, payload = False, f"worker {process.pid} ended without a result"
        process.join()
        if ok:
            results.append(payload)
        else:
            failure = failure or payload
    if failure is not None:
        raise WorkerFailed(failure)
    return results


def _claims(items: Sequence[T], claimed: Any, run: int) -> Iterator[T]:
    """The next `run` unclaimed items, again and again; `claimed` is shared by all workers."""
    while True:
        with claimed.get_lock():
            start = claimed.value
            claimed.value = start + run
        if start >= len(items):
            return
        yield from items[start : start + run]


def _child(func: Callable[[Iterable[T]], R], items: Iterable[T], sender: object) -> None:
    try:
        message = pickle.dumps((True, func(items)), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # reported to the parent, which decides
        text = "".join(traceback.format_exception(exc))
        message = pickle.dumps((False, text))
    sender.send_bytes(message)  # type: ignore[attr-defined]
    sender.close()  # type: ignore[attr-defined]
