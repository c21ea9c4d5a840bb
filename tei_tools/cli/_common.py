"""Helpers shared by the sub-commands: progress bars and diagnostic output."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator

import click

from ..diagnostics import Diagnostic, Severity


@contextlib.contextmanager
def progress_bar(total: int, label: str, *, enabled: bool = True
                 ) -> Iterator[Callable[[int], None]]:
    """Yield a ``progress(done)`` callback that drives a click progress bar on stderr."""
    if not enabled:
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
