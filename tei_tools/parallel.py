"""Run one function over many items on all cores, in input order, with optional progress.

Fork safety: the workers are started by a fork server (``spawn`` where there is none), never by
forking this process. Saxon's runtime (a GraalVM isolate) does not survive a fork once it has
started — the child dies with "GC must not encounter unknown frames" — and a build uses Saxon in
the parent (the site's pages) before the PDF workers start. The fork server is a fresh process
that never runs Saxon or WeasyPrint, so what it forks is clean.

One pool serves a whole command: it is started on first use (≈0.4 s) and kept for the next
stage, whose workers then reuse what they compiled; it is shut down when the process exits.
Workers exit when their parent dies (``PR_SET_PDEATHSIG`` on Linux, and a watch on the parent).

Errors come back as data: a worker-side wrapper turns any exception into a Diagnostic, which
pickles (saxonche's PySaxonApiError does not), and the caller's ``on_error`` turns it into the
result for that item. A worker that dies (a native crash) costs only the item that killed it.
"""

from __future__ import annotations

import atexit
import collections
import ctypes
import multiprocessing
import os
import pickle
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import TypeVar

from .diagnostics import Diagnostic, TeiToolsError, diagnostic

T = TypeVar("T")
R = TypeVar("R")
OnError = Callable[[T, Diagnostic], R]

_WINDOW = 4  # chunks in flight per worker: enough to keep them busy, little memory held


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def start_method() -> str:
    """How workers are started: never ``fork`` (see the module doc)."""
    return "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"


def run_parallel(func: Callable[[T], R], items: Sequence[T] | Iterable[T], *,
                 jobs: int | None = None,
                 progress: Callable[[int], None] | None = None,
                 on_error: OnError | None = None) -> Iterator[R]:
    """Yield ``func(item)`` for each item, in order. ``jobs=1`` runs in this process.

    ``func`` must be a module-level function (it is pickled to the worker processes).
    ``progress(n)`` is called after every finished item with the number finished so far.
    ``on_error(item, diagnostic)`` gives the result for an item whose ``func`` raised (a
    TeiToolsError's own diagnostic, or INT001 for any other exception) or killed its worker
    (INT002). Without it such an item raises TeiToolsError here (in this process, the original
    exception when ``jobs=1``).
    """
    items = list(items)
    jobs = jobs or default_jobs()
    if jobs == 1 or len(items) < 2:
        for done, item in enumerate(items, start=1):
            result = _in_process(func, item, on_error)
            if progress:
                progress(done)
            yield result
        return
    size = max(1, min(64, len(items) // (jobs * 8) or 1))
    chunks = [items[i:i + size] for i in range(0, len(items), size)]
    for done, (item, ok, value) in enumerate(_in_workers(func, chunks, jobs), start=1):
        if progress:
            progress(done)
        if ok:
            yield value
        elif on_error is not None:
            yield on_error(item, value)
        else:
            raise TeiToolsError(value)


def _in_process(func: Callable[[T], R], item: T, on_error: OnError | None) -> R:
    if on_error is None:
        return func(item)
    try:
        return func(item)
    except TeiToolsError as exc:
        return on_error(item, exc.diagnostic)
    except Exception as exc:  # a bug in one item must not stop the others
        return on_error(item, _internal(exc))


def _internal(exc: BaseException) -> Diagnostic:
    return diagnostic("INT001", error=f"{type(exc).__name__}: {exc}")


def _run_chunk(func: Callable[[T], R], chunk: list[T]) -> list[tuple[bool, bytes | Diagnostic]]:
    """Worker side: every item's result, pickled here (so that a result that does not pickle is
    this item's error, not the whole pool's), or its error as a Diagnostic."""
    outcomes: list[tuple[bool, bytes | Diagnostic]] = []
    for item in chunk:
        try:
            outcomes.append((True, pickle.dumps(func(item), pickle.HIGHEST_PROTOCOL)))
        except TeiToolsError as exc:
            outcomes.append((False, exc.diagnostic))
        except Exception as exc:
            outcomes.append((False, _internal(exc)))
    return outcomes


def _in_workers(func: Callable[[T], R], chunks: list[list[T]], jobs: int
                ) -> Iterator[tuple[T, bool, object]]:
    """(item, ok, result or Diagnostic) for every item, in order."""
    waiting = collections.deque(chunks)
    running: collections.deque[tuple[list[T], Future]] = collections.deque()

    def fill() -> None:
        while waiting and len(running) < jobs * _WINDOW:
            chunk = waiting.popleft()
            running.append((chunk, _pool(jobs).submit(_run_chunk, func, chunk)))

    try:
        fill()
        while running:
            chunk, future = running.popleft()
            try:
                outcomes = future.result()
            except BrokenProcessPool:
                # a worker died: every chunk in flight is lost with the pool. Redo their items
                # one at a time, so that only the item that kills a worker fails.
                lost = [item for c in [chunk, *(c for c, _ in running)] for item in c]
                running.clear()
                _discard_pool()
                for item in lost:
                    yield (item, *_alone(func, item, jobs))
                fill()
                continue
            for item, (ok, value) in zip(chunk, outcomes, strict=True):
                yield (item, True, pickle.loads(value)) if ok else (item, False, value)
            fill()
    finally:
        for _, future in running:  # the caller stopped early: drop what has not started
            future.cancel()


def _alone(func: Callable[[T], R], item: T, jobs: int) -> tuple[bool, object]:
    try:
        [(ok, value)] = _pool(jobs).submit(_run_chunk, func, [item]).result()
    except BrokenProcessPool:
        _discard_pool()
        return False, diagnostic("INT002")
    return (True, pickle.loads(value)) if ok else (False, value)


# ---------------------------------------------------------------- the pool of this process

_current: tuple[int, ProcessPoolExecutor] | None = None


def _pool(jobs: int) -> ProcessPoolExecutor:
    """The pool of this command, with ``jobs`` workers (restarted if another size is asked)."""
    global _current
    if _current is not None and _current[0] == jobs:
        return _current[1]
    shutdown()
    context = multiprocessing.get_context(start_method())
    if context.get_start_method() == "forkserver":
        # imported once by the server, so the forked workers start with them
        context.set_forkserver_preload(["tei_tools.parallel", "lxml.etree"])
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context,
                               initializer=_exit_with_parent, initargs=(os.getpid(),))
    _current = (jobs, pool)
    return pool


def _discard_pool() -> None:
    global _current
    if _current is not None:
        _current[1].shutdown(wait=False, cancel_futures=True)
        _current = None


@atexit.register
def shutdown() -> None:
    """Stop this process's workers (done at exit; callable earlier to free them)."""
    global _current
    if _current is not None:
        _current[1].shutdown(wait=True, cancel_futures=True)
        _current = None


_PR_SET_PDEATHSIG = 1


def _exit_with_parent(command_pid: int) -> None:
    """Worker start-up: die with the parent instead of waiting for work forever."""
    try:  # Linux: the kernel sends SIGKILL when the parent (the fork server) exits
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass
    parent = os.getppid()

    def watch() -> None:
        while True:
            if os.getppid() != parent or not _alive(command_pid):
                os._exit(1)
            time.sleep(0.5)

    threading.Thread(target=watch, name="tei-tools-parent-watch", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # exists, owned by someone else (cannot be ours, but alive)
        return True
    return True
