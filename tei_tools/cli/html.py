"""tei-tools html: TEI → the static web edition."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..diagnostics import Severity
from ._common import (
    echo_diagnostics,
    force_option,
    jobs_option,
    progress_bar,
    quiet_option,
    tei_files,
)


@click.command("html")
@click.argument("tei", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(file_okay=False),
              help="Folder for the site (created if needed).")
@click.option("--edition", "edition_dir", type=click.Path(file_okay=False), default=None,
              help="Edition folder (edition.toml; optional xslt/ and css/ overrides).")
@force_option("files")
@jobs_option
@click.option("--no-search", is_flag=True, help="Do not build the pagefind search index.")
@quiet_option
def command(tei: tuple[str, ...], output: str, edition_dir: str | None, force: bool,
            jobs: int | None, no_search: bool, quiet: bool) -> None:
    """Write the static web edition of TEI files.

    TEI are TEI (or teiCorpus) files, or folders searched with their subfolders for *.xml
    files. The site (a reading and a diplomatic page per document, index, chronology,
    search, conventions, about) is written to OUTPUT; open OUTPUT/index.html in a browser, or
    serve the folder with any static web server. See "The web edition" in the README.

    Exit status: 0 written, 1 a document failed, 2 usage or I/O error.
    """
    from ..edition import load_edition
    from ..writers.site import build_site

    files = tei_files(tei)
    if not files:
        raise click.UsageError("no TEI files found in the given paths")
    edition = load_edition(edition_dir) if edition_dir else None
    echo_diagnostics(edition.warnings if edition else ())
    with progress_bar(len(files), "Rendering", enabled=not quiet) as advance:
        report = build_site(files, Path(output), edition=edition, force=force, jobs=jobs,
                            progress=advance, pdf_links=None, search=not no_search)
    echo_diagnostics(report.diagnostics, Severity.WARNING)
    if not quiet:
        changed = len(report.changed)
        click.echo(f"{len(report.documents)} documents → {output} ({changed} files written, "
                   f"search {'built' if report.search else 'not built'})", err=True)
    sys.exit(0 if report.ok else 1)
