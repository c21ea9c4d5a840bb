"""tei-tools merge: assemble the parts of a sharded build (``build --shard K/N``)."""

from __future__ import annotations

import time

import click

from .build import build_options, finish, stage_bars


@click.command("merge")
@click.argument("edition", type=click.Path(file_okay=False))
@click.argument("shards", nargs=-1, required=True, type=click.Path(file_okay=False))
@build_options
def command(edition, shards, output, force, jobs, rebuild, no_html, no_pdf, no_book, verbose,
            quiet):
    """Assemble the parts of a sharded build and finish it.

    Copies the output folders SHARDS of `build --shard K/N` runs into one folder and finishes
    the build there: site index, chronology, search, document pages and the book.

    Documents that the shards converted and validated are not redone; documents that no
    shard built are built now, so a missing shard costs time, not correctness.
    """
    from ..pipeline import merge

    started = time.perf_counter()
    with stage_bars(quiet) as on_stage:
        report = merge(edition, list(shards), output, force=force, jobs=jobs, html=not no_html,
                       pdf=not no_pdf, book=not no_book, rebuild=rebuild, on_stage=on_stage)
    finish(report, output, started, verbose)
