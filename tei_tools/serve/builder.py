"""The preview's builds run in a process of their own, in a process group of their own.

Ctrl-C in a terminal goes to every process of the foreground process group. If the build's pool
workers and the programs it runs (pagefind) got it, they would die in the middle of a build:
tracebacks in the terminal, a search index that never answers, and pages written but not yet
recorded in the output manifests (the next build would refuse them as hand edits). So the build
process is started in a new process group: only the preview gets the terminal's Ctrl-C, and it
decides what happens to the build: it finishes, or its whole group is ended by the group's id.

The process (:func:`main`, in a new interpreter) is started once and kept between builds, so
it keeps what a build compiles once per process (stylesheets, schemas). It runs the steps of
:mod:`.steps` and sends their progress and outcomes back over a pipe (pickles between two
processes of the same program).
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from ..diagnostics import diagnostic
from .rebuild import Outcome, Step
from .steps import StageProgress, build_steps

_PACKAGE_ROOT = str(Path(__file__).resolve().parents[2])  # the folder that holds tei_tools/
_ENTRY = "import sys; from tei_tools.serve.builder import main; main(sys.argv[1:])"


class BuildProcess:
    """Runs the build steps (``build_steps`` options) in the build process, one at a time."""

    def __init__(self, **options):
        self.options = options
        self.count = 2 if options.get("pdf") else 1
        self._proc: subprocess.Popen | None = None
        self._send: BinaryIO | None = None
        self._receive: BinaryIO | None = None
        self._lock = threading.Lock()

    def start(self) -> None:
        with self._lock:
            self._ensure()

    def steps(self, on_stage: StageProgress | None) -> list[Step]:
        return [lambda index=index: self._run(index, on_stage) for index in range(self.count)]

    def kill(self) -> None:
        """End the build process and everything it started: its process group, by its id."""
        if self._proc is not None and self._proc.poll() is None:
            with contextlib.suppress(OSError):
                os.killpg(self._proc.pid, signal.SIGKILL)

    def close(self, timeout: float = 10.0) -> None:
        """Let the build process exit (after its current step), or end it after ``timeout``."""
        proc = self._proc
        if proc is None:
            return
        with contextlib.suppress(OSError, ValueError):
            _write(self._send, None)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            proc.wait()
        for pipe in (self._send, self._receive):
            with contextlib.suppress(OSError):
                pipe.close()
        self._proc = None

    def _ensure(self) -> None:
        if self._proc is not None and self._proc.poll() is None:
            return
        to_child, from_parent = os.pipe()
        to_parent, from_child = os.pipe()
        env = {**os.environ,
               "PYTHONPATH": os.pathsep.join(filter(None, [_PACKAGE_ROOT,
                                                            os.environ.get("PYTHONPATH")]))}
        self._proc = subprocess.Popen(
            [sys.executable, "-c", _ENTRY, str(to_child), str(from_child)],
            pass_fds=(to_child, from_child), env=env, process_group=0, stdin=subprocess.DEVNULL)
        os.close(to_child)
        os.close(from_child)
        self._send = os.fdopen(from_parent, "wb")
        self._receive = os.fdopen(to_parent, "rb")
        _write(self._send, self.options)

    def _run(self, index: int, on_stage: StageProgress | None) -> Outcome:
        with self._lock:
            try:
                self._ensure()
                _write(self._send, index)
                progress: Callable[[int], None] | None = None
                while True:
                    kind, *rest = pickle.load(self._receive)
                    if kind == "stage":
                        progress = on_stage(*rest) if on_stage else None
                    elif kind == "progress":
                        if progress:
                            progress(*rest)
                    else:
                        return rest[0]
            except (EOFError, OSError, pickle.UnpicklingError):  # ended: killed, or a crash
                proc, self._proc = self._proc, None
                code = None
                if proc is not None:
                    with contextlib.suppress(subprocess.TimeoutExpired):
                        code = proc.wait(5)
                problem = diagnostic("SRV003", error=f"the build process ended (exit status "
                                                     f"{code}); the next save starts a new one")
                return Outcome((problem,), "build stopped", failed=True)


def _write(pipe: BinaryIO, value: object) -> None:
    pickle.dump(value, pipe)
    pipe.flush()


def main(argv: list[str]) -> None:
    """The build process: read the options, then run each step asked for and send back its
    progress and outcome, until told to stop (None) or the preview is gone (end of pipe)."""
    receive, send = os.fdopen(int(argv[0]), "rb"), os.fdopen(int(argv[1]), "wb")
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the preview's to handle

    def on_stage(label: str, total: int) -> Callable[[int], None]:
        _write(send, ("stage", label, total))
        last = [0.0]

        def progress(done: int) -> None:  # at most 20 a second through the pipe
            now = time.monotonic()
            if done >= total or now - last[0] >= 0.05:
                last[0] = now
                _write(send, ("progress", done))

        return progress

    try:
        steps = build_steps(on_stage=on_stage, **pickle.load(receive))
        while (index := pickle.load(receive)) is not None:
            _write(send, ("done", steps[index]()))
    except (EOFError, BrokenPipeError):
        pass
