"""tei-tools pdf: TEI → print edition (one PDF per document, or the edition book)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..diagnostics import error
from ..outputs import safe_name
from ._common import echo_diagnostics, progress_bar


def _collect(items: tuple[str, ...]) -> list[Path]:
    """Files as given, folders searched for *.xml (sorted); a missing path is an error."""
    found: list[Path] = []
    for item in items:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(path.glob("*.xml")))
        elif path.is_file():
            found.append(path)
        else:
            raise error("IO001", "no such file or folder", path=item,
                        hint="give TEI files or folders that contain them")
    return found


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
@click.option("--force", is_flag=True, help="Overwrite PDFs that were changed by hand.")
@click.option("-j", "--jobs", type=click.IntRange(1), default=None,
              help="Worker processes (default: all cores).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no summary.")
def command(tei, output, view, paper, fonts, book, force, jobs, quiet):
    """Print TEI documents as PDF.

    TEI are files or folders (searched for *.xml). Each document becomes OUTPUT/{docid}.pdf;
    with --book, the edition becomes one book OUTPUT/{edition folder name}.pdf.

    Exit status: 0 printed, 1 a document failed, 2 usage or I/O error.
    """
    from ..edition import load_edition
    from ..writers.pdf import render_book, render_pdf
    from ..writers.pdf.options import parse_fonts

    font_spec = parse_fonts(list(fonts)) if fonts else None
    files = _collect(tei)
    if book:
        edition = load_edition(book)
        files = files or edition.tei_sources()
        if not files:
            raise error("PDF004", "no TEI documents for the book", path=str(edition.tei_dir),
                        hint="convert the transcripts first (tei-tools convert) and give the "
                             "TEI files or folder as arguments")
        target = Path(output) / f"{safe_name(Path(book).resolve().name)}.pdf"
        report = render_book(edition, files, target, view=view, paper=paper, fonts=font_spec,
                             force=force)
    else:
        if not files:
            raise click.UsageError("give TEI files or folders (or --book EDITION_DIR)")
        with progress_bar(len(files), "Printing", enabled=not quiet and len(files) > 1) as step:
            report = render_pdf(files, Path(output), view=view, paper=paper, fonts=font_spec,
                                force=force, jobs=jobs, progress=step)
    echo_diagnostics(report.diagnostics)
    if not quiet:
        click.echo(report.summary(), err=True)
    sys.exit(1 if report.failed else 0)
