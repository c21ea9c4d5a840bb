"""tei-tools text: print the diplomatic (D) or reading (R) text of a TEI document's body."""

from __future__ import annotations

import click


@click.command("text")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("--view", type=click.Choice(["diplomatic", "reading"]), default="diplomatic",
              show_default=True,
              help="diplomatic: the transcript's brackets and lines (conventions.md §6.5); "
                   "reading: clean text, supplied words plain, notes appended")
@click.option("--no-notes", is_flag=True, help="reading view: leave footnotes and editorial "
                                               "notes out instead of appending them")
def command(file: str, view: str, no_notes: bool) -> None:
    """Print the body of FILE (TEI XML) as plain text in the chosen view."""
    from ..diagnostics import error
    from ..text import diplomatic_text, reading_text

    try:
        text = (diplomatic_text(file) if view == "diplomatic"
                else reading_text(file, append_notes=not no_notes))
    except ValueError as exc:
        raise error("TXT001", path=file, reason=exc) from None
    click.echo(text, nl=False)
