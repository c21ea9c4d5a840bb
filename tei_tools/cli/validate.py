"""tei-tools validate: TEI files → well-formedness, schema and Schematron report."""

from __future__ import annotations

import sys

import click

from ._common import jobs_option, progress_bar, quiet_option


@click.command("validate")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--schema", "schemas", multiple=True, type=click.Path(),
              help="Also validate against this RELAX NG (.rng), XSD (.xsd, 1.0 or 1.1) or "
                   "Schematron (.sch) file. Repeatable.")
@click.option("--phase", default=None, metavar="ID",
              help="Run only this phase of the --schema Schematron files.")
@click.option("--no-project-rules", is_flag=True,
              help="Skip the tei-tools schema and Schematron (use only --schema / xml-model).")
@click.option("--no-xml-model", is_flag=True,
              help="Ignore <?xml-model?> processing instructions in the documents.")
@click.option("--trust-schemas", is_flag=True,
              help="Let <?xml-model?> schemas inside the given folders read files and "
                   "environment variables (by default they run sandboxed).")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "junit", "sarif", "github"]),
              default="text", show_default=True, help="Report format (on stdout).")
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Write the report to this file instead of stdout.")
@click.option("--max-warnings", type=click.IntRange(0), default=None,
              help="Fail (exit 1) when there are more warnings than this.")
@jobs_option
@quiet_option
def command(paths: tuple[str, ...], schemas: tuple[str, ...], phase: str | None,
            no_project_rules: bool,
            no_xml_model: bool, trust_schemas: bool, fmt: str, output: str | None,
            max_warnings: int | None, jobs: int | None, quiet: bool) -> None:
    """Validate TEI files and folders (folders are searched for *.xml).

    Checks well-formedness (no DTDs, entities or network access), the tei-tools RELAX NG
    schema and Schematron rules, the schemas given with --schema and those named by
    <?xml-model?> processing instructions. Those came with the documents: they run sandboxed
    (no files, no environment variables, no network), unless --trust-schemas is given and
    they lie inside the folders being validated.

    \b
    Examples:
      tei-tools validate tei/
      tei-tools validate doc.xml --schema tei_all.rng --schema house.sch
      tei-tools validate tei/ --format github --max-warnings 0

    Exit status: 0 valid, 1 invalid (or too many warnings), 2 usage, I/O or schema error.
    """
    from ..outputs import write_atomic
    from ..validation import collect, validate

    files, problems = collect(paths)
    if not files and not problems:  # an empty folder must not pass as "valid" in CI
        raise click.UsageError("no *.xml files found in the given folders")
    total = len(files)
    show_progress = not quiet and sys.stderr.isatty()
    with progress_bar(total, "Validating", enabled=show_progress) as advance:
        report = validate(paths, schemas=schemas, project_rules=not no_project_rules,
                          xml_model=not no_xml_model, phase=phase, jobs=jobs, progress=advance,
                          trust_schemas=trust_schemas)
    text = report.render(fmt)
    if output:
        try:
            write_atomic(output, text.encode("utf-8"))
        except OSError as exc:
            click.echo(f"{output}: error: cannot write the report: {exc.strerror} [IO002]",
                       err=True)
            sys.exit(2)
    else:
        click.echo(text, nl=False)
    if not quiet:
        # machine-readable formats keep stdout clean; the summary goes to stderr
        to_stderr = fmt in ("json", "junit", "sarif") and not output
        click.echo(report.summary(), err=to_stderr)
    sys.exit(report.exit_code(max_warnings))
