"""tei-tools link: names in TEI → register entries (@ref), with a report of what is missing."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from ..diagnostics import Severity
from ._common import echo_diagnostics, jobs_option, progress_bar, quiet_option


@click.command("link")
@click.argument("sources", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--registers", "registers_dir", type=click.Path(file_okay=False),
              help="The register folder (default: the edition's registers/).")
@click.option("-o", "--output", type=click.Path(file_okay=False),
              help="Write the linked TEI into this folder (default for TEI files: in place).")
@click.option("--dry-run", is_flag=True, help="Link and report, but write no TEI.")
@click.option("--report", "report_path", type=click.Path(dir_okay=False),
              help="Write the unknown and ambiguous names to this .csv or .json file.")
@click.option("--add-unknown", is_flag=True,
              help="Write proposed entries for unknown names to registers/proposals.xml.")
@click.option("--no-text", is_flag=True,
              help="Only link names already tagged; do not tag names in running text.")
@click.option("--force", is_flag=True, help="Overwrite files edited by hand.")
@click.option("--strict", is_flag=True, help="Exit 1 when a name is unknown or ambiguous.")
@click.option("-v", "--verbose", is_flag=True, help="Show every unknown name (warnings).")
@jobs_option
@quiet_option
def command(sources: tuple[str, ...], registers_dir: str | None, output: str | None,
            dry_run: bool, report_path: str | None, add_unknown: bool, no_text: bool,
            force: bool, strict: bool, verbose: bool, jobs: int | None, quiet: bool) -> None:
    """Link persName, placeName and orgName to the edition's register.

    SOURCES is an edition folder (its transcripts are converted in memory, its tei/*.xml
    read) or TEI files and folders. Names get @ref="reg:persons.xml#ID"; names in running text
    that the register knows are tagged. Linking twice changes nothing.

    \b
    Examples:
      tei-tools link editions/demo --dry-run --report names.csv
      tei-tools link editions/demo -o linked-tei/
      tei-tools link site/tei --registers editions/demo/registers
      tei-tools link editions/demo --dry-run --add-unknown

    Exit status: 0 linked, 1 a file failed (or names unresolved with --strict), 2 usage error.
    """
    from ..edition import load_edition
    from ..outputs import OutputFolder, write_atomic
    from ..registers.files import Source, edition_sources, link_sources, tei_paths
    from ..registers.load import PROPOSALS_FILE, load_register
    from ..registers.proposals import proposals_document

    editions = [Path(s) for s in sources if (Path(s) / "edition.toml").is_file()]
    if editions and len(sources) > 1:
        raise click.UsageError("link one edition folder at a time (or TEI files and folders)")
    settings = None
    if editions:
        from ..pipeline import reader_settings

        edition = load_edition(editions[0])
        todo = edition_sources(edition)
        settings = reader_settings(edition)
        registers_dir = registers_dir or str(edition.root / "registers")
        if output is None and not dry_run and any(s.transcript for s in todo):
            raise click.UsageError("an edition's transcripts are converted in memory: give "
                                   "-o FOLDER for the linked TEI, or --dry-run for the report")
    else:
        if registers_dir is None:
            raise click.UsageError("give --registers FOLDER for TEI files")
        todo = [Source(str(p), p.name) for p in tei_paths(sources)]
    if not todo:
        raise click.UsageError("no documents found")
    register, problems = load_register(registers_dir)
    echo_diagnostics(problems)
    if not register.files:
        from ..registers.codes import error

        raise error("REG007", path=registers_dir, folder=registers_dir)
    with progress_bar(len(todo), "Linking", enabled=not quiet) as advance:
        report = link_sources(todo, register, output=output, write=not dry_run, force=force,
                              settings=settings, tag_text=not no_text, jobs=jobs,
                              progress=advance)
    shown = [d for d in report.diagnostics
             if verbose or d.severity == Severity.ERROR or d.code not in ("REG010", "REG011")]
    echo_diagnostics(shown)
    if report_path:
        text = report.to_json() if report_path.endswith(".json") else report.to_csv()
        write_atomic(report_path, text.encode("utf-8"))  # a report, like validate's -o
    if add_unknown:
        data = proposals_document(report, register)
        if data is not None:
            folder = OutputFolder(Path(registers_dir), force=force)
            folder.write(PROPOSALS_FILE, data)
            folder.save()
    if not quiet:
        click.echo(report.summary(), err=True)
        if (report.unknown or report.ambiguous) and not verbose:
            click.echo("    names not linked: see --report FILE, or -v to list each one",
                       err=True)
    unresolved = strict and (report.unknown or report.ambiguous)
    sys.exit(1 if report.failed or unresolved else 0)
