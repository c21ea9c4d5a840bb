"""``tei-tools serve``: a live preview of an edition for its editors.

Four parts, each in its own module and thread:

- :mod:`.watch` — watchfiles reports changes to the edition's inputs (transcripts, TEI,
  ``edition.toml``, ``xslt/``, ``css/``, ``registers/``);
- :mod:`.rebuild` — one build at a time after a quiet moment; saves during a build make one more
  build after it;
- :mod:`.steps` — the build itself: the public, incremental ``tei_tools.build_edition``, so the
  site folder is byte for byte what ``tei-tools build`` writes; :mod:`.builder` runs it in a
  process (group) of its own, out of reach of the terminal's Ctrl-C;
- :mod:`.server` and :mod:`.live` — the site over HTTP on 127.0.0.1, with a script added to the
  HTML responses that reloads a page when a build changed it and shows the build's errors on it.

Use::

    from tei_tools.serve import Preview

    with Preview("editions/sampler", port=8000) as preview:
        print(preview.url)
        preview.wait()          # until Ctrl-C (KeyboardInterrupt) or preview.stop()
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from pathlib import Path

from ..diagnostics import Severity
from ..edition import load_edition
from .builder import BuildProcess
from .live import BUILDING, FAILED, OK, LiveChannel
from .rebuild import Listener, Outcome, Rebuilder
from .server import listen
from .steps import StageProgress
from .watch import InputWatcher, check_output

__all__ = ["DEFAULT_OUTPUT", "DEFAULT_PORT", "Preview"]

DEFAULT_PORT = 8000
DEFAULT_OUTPUT = "_site"  # inside the edition folder unless -o says otherwise


def _quiet(message: str) -> None:
    pass


class Preview:
    """Serve ``edition_dir``'s site from ``out_dir`` (default ``edition_dir/_site``) and keep
    it built. The port is bound on construction (``.url``, ``.port``); :meth:`start` starts the
    threads and the first build; :meth:`stop` (or leaving the ``with`` block) ends them.

    ``log`` receives the terminal lines (build summaries, diagnostics at or above
    ``show``); ``on_stage`` is ``build_edition``'s progress callback."""

    def __init__(self, edition_dir: str | os.PathLike, out_dir: str | os.PathLike | None = None,
                 *, port: int = DEFAULT_PORT, pdf: bool = False, force: bool = False,
                 jobs: int | None = None, log: Callable[[str], None] = _quiet,
                 show: Severity = Severity.WARNING, on_stage: StageProgress | None = None,
                 requests: bool = False, debug: bool = False, quiet: float = 0.05):
        self.edition = load_edition(edition_dir)  # no edition.toml: fail now, not on the page
        self.out_dir = Path(out_dir) if out_dir is not None \
            else Path(edition_dir) / DEFAULT_OUTPUT
        check_output(self.edition.root, self.out_dir)
        self.out_dir.mkdir(parents=True, exist_ok=True)
        self.log, self.show = log, show
        self.channel = LiveChannel(self.out_dir)
        self.server = listen(self.out_dir, self.channel, port, pdf=pdf,
                             log=log if requests else None)
        self._on_stage = on_stage
        self.builds = BuildProcess(edition_dir=edition_dir, out_dir=self.out_dir, pdf=pdf,
                                   force=force, jobs=jobs, debug=debug)
        self.rebuilder = Rebuilder(self.builds.steps(self._stage),
                                   Listener(self._building, self._built), quiet=quiet)
        self.watcher = InputWatcher(self.edition.root, self.out_dir, self.rebuilder.changed)
        self._threads: list[threading.Thread] = []
        self._done = threading.Event()   # wait() returns: stop() was called, or the loop ended
        self._closed = False
        self.abandoned = False           # stop() ended a build before it finished

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def port(self) -> int:
        return self.server.port

    def start(self, *, first_build: bool = True) -> None:
        """Serve, watch, and build (now, unless ``first_build`` is false, then on changes)."""
        self.builds.start()
        serve = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.2},
                                 name="tei-tools-http", daemon=True)
        serve.start()
        self._threads.append(serve)
        self.watcher.start()
        build = threading.Thread(target=self._build_loop, args=(first_build,),
                                 name="tei-tools-build", daemon=True)
        build.start()
        self._threads.append(build)

    def wait(self) -> None:
        """Block until :meth:`stop` (from another thread) or KeyboardInterrupt."""
        while not self._done.wait(0.5):  # a timeout, so that Ctrl-C is seen at once
            pass

    def stop(self, timeout: float | None = None) -> None:
        """Stop serving and watching at once; let a running build finish (at most ``timeout``
        seconds; None: however long it takes), then end the build process.

        A KeyboardInterrupt while waiting (a second Ctrl-C) abandons the build instead: its
        process group is ended. Its outputs are written atomically, but pages written by an
        abandoned build are not yet in the output manifest, so the next build may report them
        as edited by hand (OUT001) until it runs with ``--force``."""
        if self._closed:
            return
        self._closed = True
        self._done.set()
        self.rebuilder.stop()
        self.watcher.stop()
        self.channel.close()
        if self._threads:  # shutdown() waits for serve_forever, which must have started
            self.server.shutdown()
        self.server.server_close()
        build = next((t for t in self._threads if t.name == "tei-tools-build"), None)
        finished = True
        try:
            if build is not None and build.is_alive() and self.rebuilder.running:
                self.log("finishing the build in progress (Ctrl-C again abandons it) …")
            if build is not None:
                build.join(timeout)
                finished = not build.is_alive()
        except KeyboardInterrupt:
            finished = False
        try:
            if not finished:
                self.abandoned = True
                self.log("abandoning the build in progress")
                self.builds.kill()
                build.join(10)
        finally:
            self.builds.close()
        for thread in self._threads:
            thread.join(5)

    def __enter__(self) -> Preview:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()

    def _build_loop(self, first_build: bool) -> None:
        try:
            self.rebuilder.run(first_build=first_build)
        finally:
            self._done.set()  # the loop ends only when stopping: never leave wait() hanging

    def _stage(self, label: str, total: int) -> Callable[[int], None]:
        """The build's progress: the terminal's bar, and a tick to the open pages (at most one
        per 50 ms, and every one once the stage's count is reached: the last pages written)."""
        shown = self._on_stage(label, total) if self._on_stage else None
        last = [0.0]

        def progress(done: int) -> None:
            if shown:
                shown(done)
            now = time.monotonic()
            if done >= total or now - last[0] >= 0.05:
                last[0] = now
                self.channel.touch()

        return progress

    def _building(self, changes: frozenset[str]) -> None:
        if changes:
            shown = ", ".join(sorted(changes)[:3]) + (" …" if len(changes) > 3 else "")
            self.log(f"changed: {shown}; rebuilding")
        else:
            self.log("building the edition (only what changed since the last build)")
        self.channel.publish(BUILDING, "Rebuilding")

    def _built(self, changes: frozenset[str], outcome: Outcome, seconds: float,
               last: bool) -> None:
        if self.abandoned:
            return  # the build was ended on purpose: not a build problem to report
        for found in outcome.diagnostics:
            if found.severity >= self.show:
                self.log(found.format())
        self.log(f"{'built' if outcome.ok else 'failed'} in {seconds:.1f} s: {outcome.summary}")
        if outcome.ok:
            self.channel.publish(OK, outcome.summary)
        else:
            count = len(outcome.errors)
            title = f"The build failed: {count} error{'' if count == 1 else 's'}"
            self.channel.publish(FAILED, title, outcome.errors)
