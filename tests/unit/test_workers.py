"""workers: work split over forked processes gives the same results as one process."""

from __future__ import annotations

import multiprocessing
import os
import subprocess
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pytest

from glossary_site.workers import WorkerFailed, split_map

ITEMS = list(range(23))


def squares(chunk: Iterable[int]) -> Iterator[tuple[int, int]]:
    for n in chunk:
        yield n, n * n


@pytest.mark.parametrize("jobs", [1, 2, 3, 8, 50])
def test_every_item_is_done_once_whatever_the_number_of_jobs(jobs: int) -> None:
    results = split_map(squares, ITEMS, jobs)

    assert sorted(results) == [(n, n * n) for n in ITEMS]


def test_results_come_back_from_workers_in_batches_and_all_arrive() -> None:
    def tagged(chunk: Iterable[int]) -> Iterator[tuple[int, int, str]]:
        for n in chunk:
            time.sleep(0.0005)  # so that every process gets items
            yield n, os.getpid(), "x" * 5000  # a batch is more than a pipe holds unread

    results = split_map(tagged, list(range(1000)), 3)

    assert sorted(n for n, _, _ in results) == list(range(1000))
    assert len({pid for _, pid, _ in results}) == 3


def test_no_items_is_no_results() -> None:
    assert split_map(squares, [], 4) == []


def test_workers_see_the_parents_data_without_it_being_pickled() -> None:
    names = {n: f"term {n}" for n in ITEMS}
    unpicklable = lambda chunk: (names[n] for n in chunk)  # noqa: E731  a lambda cannot be pickled

    results = split_map(unpicklable, ITEMS, 3)

    assert sorted(results) == sorted(names.values())


def test_a_worker_held_up_by_one_slow_item_leaves_the_rest_to_the_others() -> None:
    def slow_first(chunk: Iterable[int]) -> Iterator[tuple[int, int]]:
        for n in chunk:
            if n == 0:
                time.sleep(1)
            yield os.getpid(), n

    results = split_map(slow_first, list(range(200)), 2)

    held_up = next(pid for pid, n in results if n == 0)
    assert sorted(n for _, n in results) == list(range(200))
    assert sum(1 for pid, _ in results if pid == held_up) < 20


@pytest.mark.parametrize("jobs", [1, 2])
def test_other_work_runs_once_in_this_process_while_the_workers_take_the_items(jobs: int) -> None:
    done: list[int] = []

    def meanwhile() -> None:
        time.sleep(0.5)
        done.append(os.getpid())

    def tagged(chunk: Iterable[int]) -> Iterator[tuple[int, int]]:
        for n in chunk:
            time.sleep(0.002)
            yield n, os.getpid()

    results = split_map(tagged, list(range(200)), jobs, meanwhile)

    assert done == [os.getpid()]
    assert sorted(n for n, _ in results) == list(range(200))
    if jobs > 1:  # the worker got on with the items: it did most of them
        assert sum(1 for _, pid in results if pid != os.getpid()) > 100


def test_other_work_runs_when_there_are_no_items() -> None:
    done: list[bool] = []

    assert split_map(squares, [], 2, lambda: done.append(True)) == []
    assert done == [True]


def test_one_job_runs_in_this_process() -> None:
    seen: list[int] = []

    def record(chunk: Iterable[int]) -> Iterator[int]:
        seen.extend(chunk)
        yield os.getpid()

    assert split_map(record, ITEMS, 1) == [os.getpid()]
    assert seen == ITEMS


def test_several_jobs_run_in_as_many_processes_this_one_among_them() -> None:
    pids = split_map(lambda chunk: [os.getpid()], ITEMS, 3)

    assert len(set(pids)) == 3
    assert os.getpid() in pids


def test_exception_in_a_worker_becomes_worker_failed_with_its_traceback() -> None:
    parent = os.getpid()

    def explode(chunk: Iterable[int]) -> Iterator[int]:
        if os.getpid() != parent:
            raise ValueError("item 7 is bad")
        yield from chunk

    with pytest.raises(WorkerFailed) as failed:
        split_map(explode, ITEMS, 3)

    text = str(failed.value)
    assert text.startswith("Traceback (most recent call last):")
    assert "in explode" in text
    assert text.rstrip().endswith("ValueError: item 7 is bad")


def test_a_file_error_in_a_worker_is_raised_here_as_the_same_error() -> None:
    """A full disk in a worker is the machine's doing, to be reported as such, not as a bug."""
    parent = os.getpid()

    def write(chunk: Iterable[int]) -> Iterator[int]:
        if os.getpid() != parent:
            raise OSError(28, "No space left on device", "out/page.html")
        yield from chunk

    with pytest.raises(OSError) as failed:
        split_map(write, ITEMS, 3)

    assert (failed.value.errno, failed.value.strerror, failed.value.filename) == (
        28,
        "No space left on device",
        "out/page.html",
    )


def test_exception_in_this_process_share_is_raised_as_it_is_and_stops_the_workers() -> None:
    parent = os.getpid()

    def explode_here(chunk: Iterable[int]) -> Iterator[int]:
        if os.getpid() == parent:
            raise ValueError("item 7 is bad")
        time.sleep(60)
        yield from chunk

    with pytest.raises(ValueError, match="item 7 is bad"):
        split_map(explode_here, ITEMS, 3)

    assert multiprocessing.active_children() == []


def test_exception_with_one_job_is_raised_as_it_is() -> None:
    def explode(chunk: Iterable[int]) -> Iterator[int]:
        raise ValueError("item 7 is bad")
        yield from chunk

    with pytest.raises(ValueError, match="item 7 is bad"):
        split_map(explode, ITEMS, 1)


def test_worker_that_dies_without_a_result_is_reported() -> None:
    parent = os.getpid()

    def die(chunk: Iterable[int]) -> Iterator[int]:
        if os.getpid() != parent:
            os._exit(3)
        yield from chunk

    with pytest.raises(WorkerFailed, match=r"^worker \d+ ended without a result$"):
        split_map(die, ITEMS, 3)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="a parent-death signal is Linux's")
def test_a_worker_dies_with_a_parent_killed_outright(tmp_path: Path) -> None:
    """Was: kill -9 of a build left its worker blocked for ever, holding the output's lock."""
    pids = tmp_path / "worker.pid"
    script = (
        "import os, time, sys\n"
        "from glossary_site.workers import split_map\n"
        "parent = os.getpid()\n"
        "def work(items):\n"
        "    for item in items:\n"
        "        if os.getpid() != parent:\n"
        f"            open({str(pids)!r}, 'w').write(str(os.getpid()))\n"
        "            time.sleep(120)\n"
        "        time.sleep(0.05)  # leaves the worker items to claim\n"
        "        yield item\n"
        "split_map(work, list(range(200)), 2)\n"
    )
    build = subprocess.Popen([sys.executable, "-c", script])
    deadline = time.monotonic() + 30
    while not (pids.is_file() and pids.read_text()) and time.monotonic() < deadline:
        time.sleep(0.05)
    worker = int(pids.read_text())
    build.kill()
    build.wait()
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not _alive(worker)


def _alive(pid: int) -> bool:
    try:
        return " Z " not in Path(f"/proc/{pid}/stat").read_text().split(")", 1)[1][:4]
    except FileNotFoundError:
        return False


def test_ctrl_c_as_the_workers_shared_counter_is_made_stops_without_a_traceback() -> None:
    """Was: a Ctrl-C landing inside multiprocessing's finalizer for the shared counter left it
    half-made, and Python printed "Exception ignored in: <Finalize object, dead>" with a
    traceback as the build exited 130. The signal is sent at that very point."""
    script = (
        "import os, signal, weakref\n"
        "import multiprocessing.util as util\n"
        "from glossary_site import interrupts, workers\n"
        "signal.signal(signal.SIGINT, interrupts.stop_once)\n"
        "made = util.Finalize.__init__\n"
        "def making(self, obj, *args, **kwargs):\n"
        "    if type(obj).__name__ == 'BufferWrapper':\n"
        "        self._weakref = weakref.ref(obj, self)\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    made(self, obj, *args, **kwargs)\n"
        "util.Finalize.__init__ = making\n"
        "try:\n"
        "    workers.split_map(lambda items: iter(items), list(range(100)), 2)\n"
        "except KeyboardInterrupt:\n"
        "    print('stopped')\n"
    )
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert (run.stdout, run.stderr) == ("stopped\n", "")
