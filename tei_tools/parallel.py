"""Run one function over many items on all cores, in input order, with optional progress."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def run_parallel(func: Callable[[T], R], items: Sequence[T] | Iterable[T], *,
                 jobs: int | None = None,
                 progress: Callable[[int], None] | None = None) -> Iterator[R]:
    """Yield ``func(item)`` for each item, in order. ``jobs=1`` runs in this process.

    ``func`` must be a module-level function (it is pickled to the worker processes).
    ``progress(n)`` is called after every finished item with the number finished so far.
    """
    items = list(items)
    jobs = jobs or default_jobs()
    done = 0
    if jobs == 1 or len(items) < 2:
        for item in items:
            result = func(item)
            done += 1
            if progress:
                progress(done)
            yield result
        return
    chunksize = max(1, min(64, len(items) // (jobs * 8) or 1))
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(func, items, chunksize=chunksize):
            done += 1
            if progress:
                progress(done)
            yield result
