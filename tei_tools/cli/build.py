"""tei-tools build: a whole edition folder in one command."""

from __future__ import annotations

import sys
import time

import click

from ..diagnostics import Severity
from ._common import echo_diagnostics, progress_bar


@click.command("build")
@click.argument("edition", type=click.Path(file_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="Folder for the site: tei/, index.html, one page per document, pdf/.")
@click.option("--force", is_flag=True, help="Overwrite output files that were edited by hand.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Worker processes (default: all cores).")
@click.option("--no-html", is_flag=True, help="Skip the web edition.")
@click.option("--no-pdf", is_flag=True, help="Skip the print edition.")
@click.option("--no-book", is_flag=True, help="Skip the whole-edition PDF book.")
@click.option("-v", "--verbose", is_flag=True, help="Also show info diagnostics.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bars.")
def command(edition, output, force, jobs, no_html, no_pdf, no_book, verbose, quiet):
    """Convert, validate and publish an edition folder.

    EDITION holds edition.toml and transcripts/ (and optionally tei/, xslt/, css/). The build
    stops with exit status 1 and the validation report when a document is invalid.
    """
    from ..build import build_edition

    started = time.perf_counter()
    bars = []

    def on_stage(label: str, total: int):
        while bars:  # one bar at a time: the previous stage is finished
            bars.pop().__exit__(None, None, None)
        bar = progress_bar(total, label, enabled=not quiet and total > 1)
        callback = bar.__enter__()
        bars.append(bar)
        return callback

    try:
        report = build_edition(edition, output, force=force, jobs=jobs, html=not no_html,
                               pdf=not no_pdf, book=not no_book, on_stage=on_stage)
    finally:
        for bar in bars:
            bar.__exit__(None, None, None)
    echo_diagnostics(report.diagnostics, Severity.INFO if verbose else Severity.WARNING)
    seconds = time.perf_counter() - started
    if not report.ok:
        click.echo(f"build stopped: {report.stopped_at} failed; nothing was published "
                   f"({seconds:.1f} s)", err=True)
        sys.exit(1)
    click.echo(f"built {len(report.tei_files)} documents into {output} in {seconds:.1f} s",
               err=True)
