"""Helpers shared by the sub-commands: input files, common options, progress bars and
diagnostic output."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TypeVar

import click

from ..diagnostics import Diagnostic, Severity
from ..writers.tei import find_tei_files

F = TypeVar("F", bound=Callable)


def tei_files(paths: Iterable[str]) -> list[Path]:
    """TEI files as given, folders replaced by the *.xml files in them and in their subfolders
    (sorted; see find_tei_files)."""
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found.extend(find_tei_files(path) if path.is_dir() else [path])
    return found


def jobs_option(func: F) -> F:
    return click.option("-j", "--jobs", type=click.IntRange(1), default=None,
                        help="Worker processes (default: all cores).")(func)


def force_option(what: str) -> Callable[[F], F]:
    return click.option("--force", is_flag=True, help=f"Overwrite {what} edited by hand.")


def quiet_option(func: F) -> F:
    return click.option("-q", "--quiet", is_flag=True,
                        help="No progress bar and no summary.")(func)


@contextlib.contextmanager
def progress_bar(total: int, label: str, *, enabled: bool = True
                 ) -> Iterator[Callable[[int], None]]:
    """Yield a ``progress(done)`` callback that drives a click progress bar on stderr (none
    for a single item)."""
    if not enabled or total < 2:
        yield lambda done: None
        return
    with click.progressbar(length=total, label=label, file=click.get_text_stream("stderr"),
                           show_pos=True, show_eta=True) as bar:
        state = {"done": 0}

        def advance(done: int) -> None:
            bar.update(done - state["done"])
            state["done"] = done

        yield advance


def echo_diagnostics(diagnostics: Iterable[Diagnostic], minimum: Severity = Severity.WARNING,
                     fmt: str = "text") -> None:
    """Print diagnostics at or above ``minimum`` to stderr (text) or stdout (JSON lines)."""
    for diag in diagnostics:
        if diag.severity < minimum:
            continue
        if fmt == "json":
            click.echo(diag.to_json())
        else:
            click.echo(diag.format(), err=True)
