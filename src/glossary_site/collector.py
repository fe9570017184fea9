"""The one place that tunes Python's cyclic garbage collector for building.

A build creates hundreds of thousands of long-lived objects (the cache index, the graph, the
workers' results) and almost no cyclic garbage. Left at its defaults the collector rescans
them every few thousand allocations, which costs a third of a rebuild. The policy: collect
rarely, pause while unpickling, and freeze what lives as long as the build; `glossary serve`,
which builds again and again in one process, lets the collector see it again after each build.
"""

from __future__ import annotations

import contextlib
import gc
from collections.abc import Iterator

#: Young-generation threshold: collect after this many net allocations, not after 700.
THRESHOLD = (100_000, 50, 100)


def tune_for_building() -> None:
    gc.set_threshold(*THRESHOLD)


@contextlib.contextmanager
def paused() -> Iterator[None]:
    """Unpickling a large result allocates hundreds of thousands of objects and no garbage;
    with the collector on, it rescans them again and again while they load."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def keep_for_the_build() -> None:
    """Everything alive now lives as long as the build: the collector never rescans it.
    Frozen objects are still freed by reference counting."""
    gc.freeze()


def release_after_build() -> None:
    """For a process that builds again (serve): the next build's leftovers can be collected."""
    gc.unfreeze()
