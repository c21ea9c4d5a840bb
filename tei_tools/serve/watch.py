"""Watching the edition's inputs with watchfiles (inotify on Linux, FSEvents on macOS …).

The whole edition folder is watched, so that an ``xslt/`` or ``registers/`` folder made after
the start is seen too; :class:`InputFilter` keeps only the files a build reads, and leaves out
editors' temporary files and the output folder (it may sit inside the edition).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import watchfiles

from ..diagnostics import TeiToolsError, error

# what a build reads from an edition folder (tei_tools.edition): its settings, its sources,
# the overrides of the stylesheets and styles, and the registers of people, places …
WATCHED_FILES = ("edition.toml",)
WATCHED_FOLDERS = ("transcripts", "tei", "xslt", "css", "registers")


class InputFilter(watchfiles.DefaultFilter):
    """True for a change the build must see."""

    def __init__(self, edition: Path, output: Path):
        self.edition = edition.resolve()
        self.output = output.resolve()
        super().__init__()

    def __call__(self, change: watchfiles.Change, path: str) -> bool:
        if not super().__call__(change, path):  # *.swp, *~, .#lock, .git/ …
            return False
        target = Path(path)
        if target == self.output or self.output in target.parents:
            return False
        try:
            parts = target.relative_to(self.edition).parts
        except ValueError:
            return False
        if not parts or any(p.startswith(".") for p in parts):  # hidden files and folders
            return False
        return parts[0] in WATCHED_FOLDERS or (len(parts) == 1 and parts[0] in WATCHED_FILES)


def check_output(edition: Path, output: Path) -> None:
    """Refuse an output folder inside a watched input: each build would trigger the next."""
    edition, output = edition.resolve(), output.resolve()
    for name in WATCHED_FOLDERS:
        folder = edition / name
        if output == folder or folder in output.parents:
            raise error("SRV001", path=str(output), watched=f"{name}/",
                        suggestion=str(edition / "_site"))


class InputWatcher:
    """Calls ``on_change(relative paths)`` from its own thread for every burst of changes;
    ``step`` ms without a new change ends a burst."""

    def __init__(self, edition: Path, output: Path, on_change: Callable[[list[str]], None],
                 *, step: int = 50):
        self.filter = InputFilter(edition, output)
        self.on_change = on_change
        self.step = step
        self.problem: TeiToolsError | None = None  # why watching stopped, if it did
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, name="tei-tools-watch", daemon=True)

    def start(self, timeout: float = 10.0) -> None:
        """Start watching; returns once the watches are in place (changes from now on count)."""
        self._thread.start()
        self._ready.wait(timeout)
        if self.problem:
            raise self.problem

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)

    def _run(self) -> None:
        root = self.filter.edition
        try:
            # rust_timeout: how often the loop looks at the stop event when nothing happens;
            # yield_on_timeout lets the first (empty) yield say that the watches are set up
            for changes in watchfiles.watch(root, watch_filter=self.filter, step=self.step,
                                            debounce=1600, stop_event=self._stop,
                                            rust_timeout=500, yield_on_timeout=True,
                                            raise_interrupt=False):
                self._ready.set()
                if changes:
                    self.on_change(sorted({Path(p).relative_to(root).as_posix()
                                           for _, p in changes}))
        except OSError as exc:  # e.g. the inotify watch limit
            self.problem = error("SRV004", path=str(root), reason=exc.strerror or exc)
        finally:
            self._ready.set()
