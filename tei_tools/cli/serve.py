"""tei-tools serve: a live preview of an edition (rebuilt on every save, pages reloaded)."""

from __future__ import annotations

import contextlib
import signal
import threading
import webbrowser

import click

from ..diagnostics import Severity
from ._common import progress_bar


class _Terminal:
    """Progress bars for long stages, and lines that close the open bar before they print."""

    def __init__(self, quiet: bool):
        self.quiet = quiet
        self._bar: contextlib.AbstractContextManager | None = None
        self._lock = threading.Lock()

    def on_stage(self, label: str, total: int):
        with self._lock:
            self._close()
            self._bar = progress_bar(total, label, enabled=not self.quiet and total > 1)
            return self._bar.__enter__()

    def log(self, line: str) -> None:
        with self._lock:
            self._close()
            click.echo(line, err=True)

    def _close(self) -> None:
        if self._bar is not None:
            self._bar.__exit__(None, None, None)
            self._bar = None


def _interrupt(signum, frame):
    raise KeyboardInterrupt  # `kill` stops the preview as Ctrl-C does


@click.command("serve")
@click.argument("edition", type=click.Path(file_okay=False, exists=True))
@click.option("-o", "--output", type=click.Path(file_okay=False), default=None,
              help="Folder of the built site (default: EDITION/_site). The same folder as "
                   "`tei-tools build -o` reuses that build.")
@click.option("-p", "--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port on 127.0.0.1 (0: any free port); when it is taken, the next free "
                   "one is used.")
@click.option("--pdf", is_flag=True,
              help="Also rewrite the changed documents' PDFs after each build (slower).")
@click.option("--open", "open_browser", is_flag=True, help="Open the site in the browser.")
@click.option("--force", is_flag=True, help="Overwrite output files that were edited by hand.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Worker processes for builds (default: all cores).")
@click.option("-v", "--verbose", is_flag=True,
              help="Also show info diagnostics and every request.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars.")
@click.pass_context
def command(ctx, edition, output, port, pdf, open_browser, force, jobs, verbose, quiet):
    """Preview an edition while you edit it.

    Builds EDITION (only what changed since the last build), serves the site on
    http://127.0.0.1:PORT/ and watches transcripts/, tei/, edition.toml, xslt/, css/ and
    registers/. Every save rebuilds what changed and reloads the open pages; when the build
    fails, its errors (file:line:col, message, hint) show on the page until a build succeeds.
    The site folder holds exactly the site that `tei-tools build` writes (PDFs only with
    --pdf, never the book). Ctrl-C stops.
    """
    from ..serve import Preview

    terminal = _Terminal(quiet)
    debug = bool(ctx.find_root().params.get("debug"))
    preview = Preview(edition, output, port=port, pdf=pdf, force=force, jobs=jobs,
                      log=terminal.log, show=Severity.INFO if verbose else Severity.WARNING,
                      on_stage=terminal.on_stage, requests=verbose, debug=debug)
    if port and preview.port != port:
        terminal.log(f"port {port} is taken; using {preview.port}")
    terminal.log(f"serving {preview.out_dir} at {preview.url} (Ctrl-C stops)")
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        preview.start()
        if open_browser:
            webbrowser.open(preview.url)
        preview.wait()
    except KeyboardInterrupt:
        pass
    finally:
        try:
            preview.stop()
        finally:
            signal.signal(signal.SIGTERM, previous)
    terminal.log("stopped (the build in progress was abandoned; if the next build reports "
                 "pages as edited by hand, run it once with --force)"
                 if preview.abandoned else "stopped")
