"""tei-tools register: import CSV into TEI register files, and check a register folder."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ._common import echo_diagnostics


@click.group("register")
def command() -> None:
    """Registers of persons, places and organisations (see docs/guide/registers.md)."""


@command.command("import")
@click.argument("csv_file", type=click.Path(exists=True, dir_okay=False))
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False),
              help="The TEI register file to write, e.g. editions/demo/registers/persons.xml.")
@click.option("--kind", type=click.Choice(["person", "place", "org"]), default=None,
              help="The kind of every row without a kind column (default: from the file "
                   "name, persons.csv, places.csv, orgs.csv).")
@click.option("--title", default=None, help="The title of the register file.")
@click.option("--force", is_flag=True, help="Overwrite a register file edited by hand.")
def import_command(csv_file: str, output: str, kind: str | None, title: str | None,
                   force: bool) -> None:
    """Convert a CSV of entries into a TEI register file.

    Ids already used by the other register files of the output folder are not reused.
    Exit status: 0 written, 1 rows with errors (nothing written), 2 usage or I/O error.
    """
    from ..outputs import OutputFolder
    from ..registers.csv_import import read_csv
    from ..registers.load import load_register
    from ..registers.write import register_document

    target = Path(output)
    existing, _ = load_register(target.parent)
    taken = {i for i, e in existing.entries.items() if e.file != target.name}
    text = Path(csv_file).read_text("utf-8-sig")
    entries, problems = read_csv(text, kind=kind, path=csv_file, taken=set(taken))
    clashes = taken & {e.id for e in entries}
    if problems or clashes:
        echo_diagnostics(problems)
        for entry_id in sorted(clashes):
            click.echo(f"{csv_file}: error: id {entry_id!r} is already used by "
                       f"{existing.entries[entry_id].file} [REG003]", err=True)
        click.echo("nothing written", err=True)
        sys.exit(1)
    data = register_document(entries, title or f"Register: {target.stem}",
                             description=f"Imported from {Path(csv_file).name}.")
    folder = OutputFolder(target.parent, force=force)
    state = folder.write(target.name, data)
    folder.save()
    click.echo(f"{len(entries)} entries → {output} ({state})", err=True)


@command.command("check")
@click.argument("folder", type=click.Path(exists=True, file_okay=False))
def check_command(folder: str) -> None:
    """Read a register folder and report its problems (ids, preferred names, authority ids).

    The same rules run as Schematron in `tei-tools validate` (TT-REG-…).
    Exit status: 0 no errors, 1 errors.
    """
    from ..diagnostics import Severity
    from ..registers.load import load_register

    register, problems = load_register(folder)
    echo_diagnostics(problems)
    kinds = {k: len(register.of_kind(k)) for k in ("person", "place", "org")}
    click.echo(f"{len(register)} entries in {len(register.files)} files ({kinds['person']} "
               f"persons, {kinds['place']} places, {kinds['org']} organisations; "
               f"{len(register.proposed)} proposed)", err=True)
    sys.exit(1 if any(p.severity == Severity.ERROR for p in problems) else 0)
