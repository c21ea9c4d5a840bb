"""tei-tools pdf: TEI → print edition (one PDF per document, or the edition book)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..diagnostics import error
from ..outputs import safe_name
from ._common import (
    echo_diagnostics,
    force_option,
    jobs_option,
    progress_bar,
    quiet_option,
    tei_files,
)


@click.command("pdf")
@click.argument("tei", nargs=-1, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="Folder for the PDFs ({docid}.pdf, or the book).")
@click.option("--view", type=click.Choice(["reading", "diplomatic"]), default=None,
              help="Reading view (default) or diplomatic view (the transcript's brackets).")
@click.option("--paper", type=click.Choice(["A4", "Letter"], case_sensitive=False), default=None,
              help="Paper size (default: the edition's [pdf] paper, else A4).")
@click.option("--font", "fonts", multiple=True, metavar="FAMILY|FILE",
              help="A font family installed on the system, or a .ttf/.otf file to embed; "
                   "repeat for bold and italic files.")
@click.option("--book", "book", type=click.Path(file_okay=False), default=None,
              metavar="EDITION_DIR",
              help="Print the edition book of this edition folder (edition.toml) instead: "
                   "title page, contents, conventions, documents by date, index of persons. "
                   "Without TEI arguments the edition's tei/*.xml are used.")
@force_option("PDFs")
@jobs_option
@quiet_option
def command(tei: tuple[str, ...], output: str, view: str | None, paper: str | None,
            fonts: tuple[str, ...], book: str | None, force: bool, jobs: int | None,
            quiet: bool) -> None:
    """Print TEI documents as PDF.

    TEI are files (TEI or teiCorpus) or folders (searched with subfolders for *.xml). Each
    document becomes OUTPUT/{docid}.pdf; with --book, the edition becomes one book
    OUTPUT/{edition folder name}.pdf.

    Exit status: 0 printed, 1 a document failed, 2 usage or I/O error.
    """
    from ..edition import load_edition
    from ..writers.pdf import render_book, render_pdf
    from ..writers.pdf.options import parse_fonts

    font_spec = parse_fonts(list(fonts)) if fonts else None
    files = tei_files(tei)
    for path in files:
        if not path.is_file():
            raise error("IO001", path=str(path), detail="no such file or folder",
                        hint="give TEI files or folders that contain them")
    if book:
        edition = load_edition(book)
        echo_diagnostics(edition.warnings)
        files = files or edition.tei_sources()
        if not files:
            raise error("PDF004", path=str(edition.tei_dir))
        target = Path(output) / f"{safe_name(Path(book).resolve().name)}.pdf"
        report = render_book(edition, files, target, view=view, paper=paper, fonts=font_spec,
                             force=force)
    else:
        if not files:
            raise click.UsageError("give TEI files or folders (or --book EDITION_DIR)")
        with progress_bar(len(files), "Printing", enabled=not quiet) as step:
            report = render_pdf(files, Path(output), view=view, paper=paper, fonts=font_spec,
                                force=force, jobs=jobs, progress=step)
    echo_diagnostics(report.diagnostics)
    if not quiet:
        click.echo(report.summary(), err=True)
    sys.exit(1 if report.failed else 0)
