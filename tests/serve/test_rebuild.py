"""The watcher → rebuild → notify loop, with build steps that record what they are asked to do
(fast: no edition is built here; tests/serve/test_preview.py runs the real build)."""

from __future__ import annotations

import threading
import time

import pytest

from tei_tools.diagnostics import diagnostic
from tei_tools.serve.rebuild import Listener, Outcome, Rebuilder


class Recorder:
    """Build steps and a listener that record calls; ``gate`` holds a build until opened."""

    def __init__(self):
        self.started: list[frozenset[str]] = []
        self.finished: list[tuple[frozenset[str], Outcome, bool]] = []
        self.active = 0
        self.most_active = 0
        self.gate = threading.Event()
        self.gate.set()
        self.lock = threading.Lock()
        self.done = threading.Condition()

    def step(self, outcome: Outcome | None = None):
        outcome = outcome or Outcome(summary="ok")

        def run() -> Outcome:
            with self.lock:
                self.active += 1
                self.most_active = max(self.most_active, self.active)
            self.gate.wait(5)
            time.sleep(0.01)
            with self.lock:
                self.active -= 1
            return outcome
        return run

    def listener(self) -> Listener:
        def built(changes, outcome, seconds, last):
            with self.done:
                self.finished.append((changes, outcome, last))
                self.done.notify_all()
        return Listener(building=self.started.append, built=built)

    def wait_finished(self, count: int, timeout: float = 5.0) -> None:
        with self.done:
            assert self.done.wait_for(lambda: len(self.finished) >= count, timeout), \
                self.finished


@pytest.fixture
def loop():
    """A Rebuilder running in its own thread, as the preview runs it; stopped afterwards."""
    made = []

    def make(steps_of, *, first_build=True, quiet=0.05):
        rec = Recorder()
        rebuilder = Rebuilder(steps_of(rec), rec.listener(), quiet=quiet)
        thread = threading.Thread(target=rebuilder.run, kwargs={"first_build": first_build},
                                  daemon=True)
        thread.start()
        made.append((rebuilder, thread, rec))
        return rebuilder, rec

    yield make
    for rebuilder, thread, rec in made:
        rec.gate.set()
        rebuilder.stop()
        thread.join(5)
        assert not thread.is_alive(), "stop() ends the loop"


def test_first_build_then_one_build_per_burst_of_saves(loop):
    rebuilder, rec = loop(lambda r: [r.step()])
    rec.wait_finished(1)
    assert rec.started == [frozenset()]
    for name in ("a.txt", "b.txt", "a.txt"):  # one editor's save: several events at once
        rebuilder.changed([f"transcripts/{name}"])
    rec.wait_finished(2)
    time.sleep(0.2)
    assert rec.started == [frozenset(), {"transcripts/a.txt", "transcripts/b.txt"}]
    assert rebuilder.builds == 2


def test_changes_are_debounced_until_quiet(loop):
    rebuilder, rec = loop(lambda r: [r.step()], first_build=False, quiet=0.3)
    started = time.monotonic()
    for i in range(5):  # a change every 0.1 s: never 0.3 s of quiet until the last one
        rebuilder.changed([f"transcripts/{i}.txt"])
        time.sleep(0.1)
    rec.wait_finished(1)
    assert time.monotonic() - started >= 0.4 + 0.3 - 0.05
    assert len(rec.started) == 1 and len(rec.started[0]) == 5


def test_a_save_during_a_build_makes_exactly_one_more_build(loop):
    rebuilder, rec = loop(lambda r: [r.step()], first_build=False)
    rec.gate.clear()
    rebuilder.changed(["transcripts/a.txt"])
    deadline = time.monotonic() + 5
    while rec.active == 0 and time.monotonic() < deadline:
        time.sleep(0.01)
    assert rec.active == 1, "the first build is running (held by the gate)"
    rebuilder.changed(["transcripts/b.txt"])  # saves while it runs …
    rebuilder.changed(["edition.toml"])
    time.sleep(0.2)
    assert rebuilder.builds == 1, "… do not start a second build beside it"
    rec.gate.set()
    rec.wait_finished(2)
    time.sleep(0.2)
    assert rec.started == [{"transcripts/a.txt"}, {"transcripts/b.txt", "edition.toml"}]
    assert rec.most_active == 1, "never two builds at once"


def test_steps_run_in_order_and_a_failing_step_ends_the_build(loop):
    bad = Outcome((diagnostic("TX101", path="transcripts/a.txt", line=2, col=3,
                              problem="not valid UTF-8"),), "build stopped")
    rebuilder, rec = loop(lambda r: [r.step(bad), r.step()])
    rec.wait_finished(1)
    time.sleep(0.2)
    assert len(rec.finished) == 1, "the second step waits for a build whose first step passed"
    changes, outcome, last = rec.finished[0]
    assert not outcome.ok and last
    assert [d.code for d in outcome.errors] == ["TX101"]


def test_both_steps_are_reported_and_only_the_last_says_so(loop):
    rebuilder, rec = loop(lambda r: [r.step(Outcome(summary="site")),
                                     r.step(Outcome(summary="pdf"))])
    rec.wait_finished(2)
    assert [(o.summary, last) for _, o, last in rec.finished] == [("site", False),
                                                                  ("pdf", True)]


def test_an_outcome_with_errors_is_not_ok_and_failed_is_not_ok_either():
    assert Outcome().ok
    assert not Outcome(failed=True).ok
    warning = diagnostic("TX303", path="a.txt")
    assert Outcome((warning,)).ok and Outcome((warning,)).errors == ()


def test_stop_returns_at_once_when_idle():
    rec = Recorder()
    rebuilder = Rebuilder([rec.step()], rec.listener())
    thread = threading.Thread(target=rebuilder.run, kwargs={"first_build": False})
    thread.start()
    time.sleep(0.05)
    rebuilder.stop()
    thread.join(2)
    assert not thread.is_alive() and rebuilder.builds == 0
