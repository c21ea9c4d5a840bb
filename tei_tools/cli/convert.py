"""tei-tools convert: transcripts → TEI."""

from __future__ import annotations

import sys

import click

from ..diagnostics import Severity
from ._common import echo_diagnostics, force_option, jobs_option, progress_bar, quiet_option


@click.command("convert")
@click.argument("transcripts", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", required=True, type=click.Path(),
              help="A .xml file (one transcript) or a folder (many transcripts or a folder).")
@click.option("--profile", default="wilson-center", show_default=True,
              help="Transcript conventions to read (see `--list-profiles`).")
@click.option("--publisher", default=None, help="publicationStmt/publisher of the TEI.")
@force_option("TEI files")
@jobs_option
@click.option("--max-size", type=click.IntRange(1), default=16, show_default=True,
              metavar="MIB", help="Refuse transcripts larger than this many MiB (TX105).")
@click.option("--strict", is_flag=True, help="Treat warnings as errors (exit 1).")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text",
              show_default=True, help="Diagnostics as text lines or JSON lines.")
@click.option("-v", "--verbose", is_flag=True, help="Also show info diagnostics.")
@quiet_option
def command(transcripts: tuple[str, ...], output: str, profile: str, publisher: str | None,
            force: bool, jobs: int | None, max_size: int, strict: bool, fmt: str, verbose: bool,
            quiet: bool) -> None:
    """Convert plain-text transcripts to TEI P5.

    TRANSCRIPTS are files or folders (searched for *.txt). Existing TEI files that differ from
    what the converter would write are never overwritten without --force.

    Exit status: 0 converted, 1 a file failed (or warnings with --strict), 2 usage or I/O error.
    """
    from ..conversion import collect_inputs, convert
    from ..readers.transcript.context import ReaderSettings
    from ..readers.transcript.profiles import available_profiles

    if profile not in available_profiles():
        raise click.BadParameter(f"unknown profile {profile!r}; available: "
                                 f"{', '.join(available_profiles())}", param_hint="--profile")
    settings = ReaderSettings(profile=profile, publisher=publisher,
                              max_bytes=max_size * 1024 * 1024)
    total = len(collect_inputs(transcripts))
    if not total:
        raise click.UsageError("no *.txt transcripts found in the given folders")
    with progress_bar(total, "Converting", enabled=not quiet) as advance:
        report = convert(transcripts, output, settings=settings, force=force, jobs=jobs,
                         progress=advance)
    minimum = Severity.INFO if verbose else Severity.WARNING
    echo_diagnostics(report.diagnostics, minimum, fmt)
    if not quiet:
        click.echo(report.summary(), err=True)
    warnings = sum(report.by_code(Severity.WARNING).values())
    sys.exit(1 if report.failed or (strict and warnings) else 0)
