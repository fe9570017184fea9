"""Split work over forked processes, so the term graph built once in the parent is shared
copy-on-write instead of being pickled to every worker.

Each worker takes every n-th item, which balances uneven items without a queue. Results come
back in worker order; callers merge them by their own keys, so the output never depends on
how many workers ran.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import pickle
import traceback
from collections.abc import Callable, Iterator, Sequence
from typing import TypeVar

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


def split_map(func: Callable[[Sequence[T]], R], items: Sequence[T], jobs: int) -> list[R]:
    """Run func on interleaved slices of items, one slice per process; [func(items)] if jobs is 1."""
    jobs = max(1, min(jobs, len(items)))
    if jobs == 1 or "fork" not in multiprocessing.get_all_start_methods():
        return [func(items)]
    context = multiprocessing.get_context("fork")
    pipes, processes = [], []
    for index in range(jobs):
        receiver, sender = context.Pipe(duplex=False)
        process = context.Process(target=_child, args=(func, items[index::jobs], sender), daemon=True)
        process.start()
        sender.close()
        pipes.append(receiver)
        processes.append(process)
    results: list[R] = []
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


def _child(func: Callable[[Sequence[T]], R], items: Sequence[T], sender: object) -> None:
    try:
        message = pickle.dumps((True, func(items)), protocol=pickle.HIGHEST_PROTOCOL)
    except BaseException as exc:  # reported to the parent, which decides
        text = "".join(traceback.format_exception(exc))
        message = pickle.dumps((False, text))
    sender.send_bytes(message)  # type: ignore[attr-defined]
    sender.close()  # type: ignore[attr-defined]
