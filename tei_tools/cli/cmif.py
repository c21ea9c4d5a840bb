"""tei-tools cmif: the letters and telegrams of an edition as CMIF (for correspSearch)."""

from __future__ import annotations

import os
import sys
from datetime import UTC, datetime
from pathlib import Path

import click

from ._common import echo_diagnostics, jobs_option, progress_bar, quiet_option


def _timestamp(value: str | None, paths: list[str]) -> datetime:
    """--timestamp, else SOURCE_DATE_EPOCH, else the newest of the sources' times."""
    if value:
        return datetime.fromisoformat(value).astimezone(UTC)
    if os.environ.get("SOURCE_DATE_EPOCH", "").isdigit():
        return datetime.fromtimestamp(int(os.environ["SOURCE_DATE_EPOCH"]), UTC)
    newest = max((Path(p).stat().st_mtime for p in paths), default=0)
    return datetime.fromtimestamp(int(newest), UTC)


@click.command("cmif")
@click.argument("edition", type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The CMIF file to write, e.g. site/cmif.xml.")
@click.option("--registers", "registers_dir", type=click.Path(file_okay=False),
              help="The register folder (default: the edition's registers/).")
@click.option("--timestamp", default=None, metavar="ISO",
              help="The file's update time (default: SOURCE_DATE_EPOCH, else the newest "
                   "source file's time), so the same edition gives the same file.")
@click.option("--force", is_flag=True, help="Overwrite a CMIF file edited by hand.")
@jobs_option
@quiet_option
def command(edition: str, output: str, registers_dir: str | None, timestamp: str | None,
            force: bool, jobs: int | None, quiet: bool) -> None:
    """Describe the edition's letters and telegrams in CMIF (correspDesc, CC-BY 4.0).

    Names linked to the register carry their authority ids (VIAF, GND, LC or Wikidata for
    persons, GeoNames for places). The web edition's address (base_url in edition.toml) gives
    each letter its link. Exit status: 0 written, 1 no letters, 2 usage or I/O error.
    """
    from ..diagnostics import Severity
    from ..edition import load_edition
    from ..outputs import OutputFolder
    from ..pipeline import reader_settings
    from ..registers.cmif import cmif_document, letter_of, missing_parties
    from ..registers.codes import diagnostic
    from ..registers.files import edition_sources, linked_trees
    from ..registers.load import load_register

    ed = load_edition(edition)
    register, problems = load_register(registers_dir or ed.root / "registers")
    echo_diagnostics(problems)
    sources = edition_sources(ed)
    letters, found = [], []
    with progress_bar(len(sources), "Reading", enabled=not quiet) as advance:
        for source, tree, report in linked_trees(sources, register, reader_settings(ed),
                                                 jobs=jobs, progress=advance):
            found += [d for d in report.diagnostics if d.severity == Severity.ERROR]
            letter = letter_of(tree, register, source.path) if tree is not None else None
            if letter is not None:
                letters.append(letter)
                found += missing_parties(letter)
    echo_diagnostics(found)
    if not letters:
        echo_diagnostics([diagnostic("REG031", path=edition)])
        sys.exit(1)
    data = cmif_document(letters, title=ed.title, publisher=ed.publisher,
                         editors=list(ed.editors), base_url=ed.base_url,
                         timestamp=_timestamp(timestamp, [s.path for s in sources]))
    target = Path(output)
    folder = OutputFolder(target.parent, force=force)
    state = folder.write(target.name, data)
    folder.save()
    if not quiet:
        click.echo(f"{len(letters)} letters and telegrams → {output} ({state})", err=True)
