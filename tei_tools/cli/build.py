"""tei-tools build: a whole edition folder in one command (incremental, optionally sharded)."""

from __future__ import annotations

import contextlib
import sys
import time

import click

from ..diagnostics import Severity
from ._common import echo_diagnostics, progress_bar


@contextlib.contextmanager
def stage_bars(quiet: bool):
    """An ``on_stage(label, total)`` for build_edition that shows one progress bar per stage."""
    bars = []

    def on_stage(label: str, total: int):
        while bars:  # one bar at a time: the previous stage is finished
            bars.pop().__exit__(None, None, None)
        bar = progress_bar(total, label, enabled=not quiet and total > 1)
        callback = bar.__enter__()
        bars.append(bar)
        return callback

    try:
        yield on_stage
    finally:
        for bar in bars:
            bar.__exit__(None, None, None)


def finish(report, output: str, started: float, verbose: bool) -> None:
    """Print the diagnostics and a one-line summary; exit 1 when a stage failed."""
    echo_diagnostics(report.diagnostics, Severity.INFO if verbose else Severity.WARNING)
    seconds = time.perf_counter() - started
    count = len(report.tei_files)
    documents = f"{count} document{'' if count == 1 else 's'}"
    if report.stopped_at:
        click.echo(f"build stopped: {report.stopped_at} failed; nothing was published "
                   f"({seconds:.1f} s)", err=True)
        sys.exit(1)
    if report.errors:
        click.echo(f"built {documents} into {output} with "
                   f"{report.errors} errors ({seconds:.1f} s); the documents named above "
                   "are missing from the outputs and are retried by the next build", err=True)
        sys.exit(1)
    done = ", ".join(_redone(stage, keys) for stage, keys in report.rebuilt.items() if keys)
    click.echo(f"built {documents} into {output} in {seconds:.1f} s "
               f"({'redone: ' + done if done else 'nothing changed'})", err=True)


def _redone(stage: str, keys: list[str]) -> str:
    """'html 3 + collection pages': documents redone by a stage, and the collection pages
    (index, chronology, search) when they were rewritten."""
    documents = [k for k in keys if k != "(collection)"]
    text = f"{stage} {len(documents)}"
    return text + " + collection pages" if len(documents) < len(keys) else text


def build_options(func):
    """The options that build and merge share."""
    for option in reversed([
        click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
                     help="Folder for the site: tei/, index.html, one page per document, pdf/."),
        click.option("--force", is_flag=True,
                     help="Overwrite output files that were edited by hand."),
        click.option("-j", "--jobs", type=click.IntRange(1), default=None,
                     help="Worker processes (default: all cores)."),
        click.option("--rebuild", is_flag=True,
                     help="Redo everything, ignoring what the last build recorded."),
        click.option("--no-html", is_flag=True, help="Skip the web edition."),
        click.option("--no-pdf", is_flag=True, help="Skip the print edition."),
        click.option("--no-book", is_flag=True, help="Skip the whole-edition PDF book."),
        click.option("-v", "--verbose", is_flag=True, help="Also show info diagnostics."),
        click.option("-q", "--quiet", is_flag=True, help="No progress bars."),
    ]):
        func = option(func)
    return func


@click.command("build")
@click.argument("edition", type=click.Path(file_okay=False))
@build_options
@click.option("--shard", metavar="K/N", default=None,
              help="Build only part K of N (TEI, validation, per-document PDFs); "
                   "assemble the parts with `tei-tools merge`.")
@click.option("--strict", is_flag=True,
              help="Stop at a setting of edition.toml that cannot be used (unknown key, wrong "
                   "type, refused URL) instead of warning.")
def command(edition, output, force, jobs, rebuild, no_html, no_pdf, no_book, verbose, quiet,
            shard, strict):
    """Convert, validate and publish an edition folder.

    EDITION holds edition.toml and transcripts/ (and optionally tei/, xslt/, css/). Only what
    changed since the last build into the output folder is redone. The build stops with exit
    status 1 and the validation report when a document is invalid.
    """
    from ..pipeline import build_edition
    from ..pipeline.shard import parse_shard

    part = parse_shard(shard) if shard else None
    started = time.perf_counter()
    with stage_bars(quiet) as on_stage:
        report = build_edition(edition, output, force=force, jobs=jobs, html=not no_html,
                               pdf=not no_pdf, book=not no_book, rebuild=rebuild, shard=part,
                               on_stage=on_stage, strict=strict)
    finish(report, output, started, verbose)
