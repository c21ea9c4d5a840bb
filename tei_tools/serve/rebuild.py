"""The loop between the watcher and the pages: one build at a time, after a quiet moment.

The watcher calls :meth:`Rebuilder.changed` from its thread whenever inputs change. The build
thread (:meth:`Rebuilder.run`) waits until no change has arrived for ``quiet`` seconds (an
editor's save is often several file events: write, rename, touch), then runs the build steps
and reports each outcome. Changes that arrive while a build runs are kept and make exactly one
more build after it: two builds never overlap, and no save is lost.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic, Severity


@dataclass(frozen=True)
class Outcome:
    """What one build step did: its diagnostics (errors among them mean it failed) and a
    one-line summary for the terminal."""

    diagnostics: tuple[Diagnostic, ...] = ()
    summary: str = ""
    failed: bool = False

    @property
    def ok(self) -> bool:
        return not self.failed and not self.errors

    @property
    def errors(self) -> tuple[Diagnostic, ...]:
        return tuple(d for d in self.diagnostics if d.severity == Severity.ERROR)


Step = Callable[[], Outcome]


@dataclass
class Listener:
    """Callbacks of the loop. ``building(changes)``: a build starts (``changes``: the paths
    that changed since the last one, empty for the first build); ``built(changes, outcome,
    seconds, last)``: a step finished (``last``: no further step follows in this build)."""

    building: Callable[[frozenset[str]], None] = lambda changes: None
    built: Callable[[frozenset[str], Outcome, float, bool], None] = \
        lambda changes, outcome, seconds, last: None


@dataclass
class Rebuilder:
    """Runs ``steps`` (e.g. the site, then the PDFs) as one build whenever inputs changed.

    A step that fails ends its build: later steps wait for the next change."""

    steps: Sequence[Step]
    listener: Listener = field(default_factory=Listener)
    quiet: float = 0.05
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        self._cond = threading.Condition()
        self._pending: set[str] = set()
        self._dirty = False
        self._last_change = 0.0
        self._stopping = False
        self.builds = 0  # how many builds have run (for tests and the terminal)
        self.running = False

    def changed(self, paths: Iterable[str]) -> None:
        """Inputs changed (any thread): a build follows once they have been quiet."""
        with self._cond:
            self._pending.update(paths)
            self._dirty = True
            self._last_change = self.clock()
            self._cond.notify_all()

    def stop(self) -> None:
        """Let :meth:`run` return: at once when idle, after the current step when building."""
        with self._cond:
            self._stopping = True
            self._cond.notify_all()

    @property
    def stopping(self) -> bool:
        return self._stopping

    def run(self, *, first_build: bool = True) -> None:
        """Build now (unless ``first_build`` is false), then once per burst of changes, until
        :meth:`stop`."""
        if first_build:
            self._build(frozenset())
        while True:
            changes = self._next_changes()
            if changes is None:
                return
            self._build(changes)

    def _next_changes(self) -> frozenset[str] | None:
        """Wait for a change and then for ``quiet`` seconds without one; None when stopping."""
        with self._cond:
            while not self._stopping:
                if not self._dirty:
                    self._cond.wait()
                    continue
                left = self._last_change + self.quiet - self.clock()
                if left > 0:
                    self._cond.wait(left)
                    continue
                changes = frozenset(self._pending)
                self._pending.clear()
                self._dirty = False
                return changes
            return None

    def _build(self, changes: frozenset[str]) -> None:
        self.running = True
        self.builds += 1
        try:
            self.listener.building(changes)
            for index, step in enumerate(self.steps):
                if self._stopping:
                    return
                started = self.clock()
                outcome = step()
                last = index == len(self.steps) - 1 or not outcome.ok
                self.listener.built(changes, outcome, self.clock() - started, last)
                if not outcome.ok:
                    return
        finally:
            self.running = False
