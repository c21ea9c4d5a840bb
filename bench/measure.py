"""Timing and peak memory of a piece of work, including its worker processes.

Peak memory is sampled every 50 ms as the summed resident set size of this process and all
its descendants (Linux /proc), because the builds run in process pools: the parent's own
ru_maxrss would miss the workers and RUSAGE_CHILDREN only reports the largest one.
"""

from __future__ import annotations

import os
import resource
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass


def _children(pid: int) -> list[int]:
    found = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as handle:
                found += [int(c) for c in handle.read().split()]
    except OSError:
        pass
    return found


def _rss_kb(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def tree_rss_mb(pid: int | None = None) -> float:
    """Resident memory of a process and all its descendants, in MB."""
    todo, total = [pid or os.getpid()], 0
    while todo:
        current = todo.pop()
        total += _rss_kb(current)
        todo += _children(current)
    return total / 1024


@dataclass
class Measure:
    seconds: float = 0.0
    cpu_seconds: float = 0.0  # this process + reaped children: comparable on a busy machine
    peak_mb: float = 0.0
    peak_parent_mb: float = 0.0

    def rate(self, count: int) -> float:
        return count / self.seconds if self.seconds else float("inf")


def _cpu() -> float:
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        usage = resource.getrusage(who)
        total += usage.ru_utime + usage.ru_stime
    return total


_TICK = os.sysconf("SC_CLK_TCK")


def _descendant_cpu() -> dict[int, float]:
    """CPU seconds of every live descendant (with the children each has reaped). tei-tools'
    workers are children of a fork server that this process never reaps while it runs, so
    RUSAGE_CHILDREN does not see them."""
    found: dict[int, float] = {}
    todo = _children(os.getpid())
    while todo:
        pid = todo.pop()
        try:
            with open(f"/proc/{pid}/stat") as handle:
                fields = handle.read().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        # utime, stime, cutime, cstime: fields 14-17 of stat, 12-15 after "pid (comm)"
        found[pid] = sum(int(v) for v in fields[11:15]) / _TICK
        todo += _children(pid)
    return found


@contextmanager
def measured() -> Iterator[Measure]:
    """``with measured() as m: work()`` → m.seconds, m.peak_mb (process tree)."""
    result = Measure()
    stop = threading.Event()
    first = _descendant_cpu()  # processes alive before: only what they use from now on counts
    last: dict[int, float] = dict(first)

    def sample() -> None:
        while not stop.is_set():
            result.peak_mb = max(result.peak_mb, tree_rss_mb())
            result.peak_parent_mb = max(result.peak_parent_mb, _rss_kb(os.getpid()) / 1024)
            last.update(_descendant_cpu())
            stop.wait(0.05)

    thread = threading.Thread(target=sample, daemon=True)
    thread.start()
    cpu_before = _cpu()
    started = time.perf_counter()
    try:
        yield result
    finally:
        result.seconds = time.perf_counter() - started
        stop.set()
        thread.join()
        last.update(_descendant_cpu())
        # own CPU and reaped children, plus what unreaped descendants (the fork server and its
        # workers) used meanwhile; a reaped child is in RUSAGE_CHILDREN, not in both
        unreaped = sum(cpu - first.get(pid, 0.0) for pid, cpu in last.items()
                       if os.path.exists(f"/proc/{pid}"))
        result.cpu_seconds = _cpu() - cpu_before + unreaped
