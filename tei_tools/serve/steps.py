"""The build steps of the preview: the public ``tei_tools.build_edition``, run incrementally.

The first step publishes the site (TEI, validation, HTML) so that pages reload as soon as it is
ready; with PDFs asked for, a second step writes the per-document PDFs after it (never the
book: one change would redo the whole edition's PDF). Both steps make exactly what
``tei-tools build`` makes, so the site folder can be published as it is.
"""

from __future__ import annotations

import os
import traceback
from collections.abc import Callable
from pathlib import Path

from ..diagnostics import Diagnostic, TeiToolsError, diagnostic
from .rebuild import Outcome, Step

StageProgress = Callable[[str, int], Callable[[int], None]]


def build_steps(edition_dir: str | os.PathLike, out_dir: str | os.PathLike, *,
                pdf: bool = False, force: bool = False, jobs: int | None = None,
                on_stage: StageProgress | None = None, debug: bool = False) -> list[Step]:
    """The site step, and the PDF step when ``pdf`` is true."""

    def run(**options) -> Outcome:
        import tei_tools  # the public API only: the pipeline behind it may move

        try:
            report = tei_tools.build_edition(edition_dir, out_dir, force=force, jobs=jobs,
                                             book=False, on_stage=on_stage, **options)
        except KeyboardInterrupt:  # re-raised from a worker that Ctrl-C reached: stopping
            return Outcome(summary="interrupted", failed=True)
        except TeiToolsError as exc:  # edition.toml unreadable, no documents left, …
            return Outcome((exc.diagnostic,), "build stopped", failed=True)
        except OSError as exc:
            return Outcome((_io_problem(exc),), "build stopped", failed=True)
        except Exception as exc:  # a bug: shown on the page too; the server goes on
            if debug:
                traceback.print_exc()
            found = diagnostic("SRV003", error=f"{type(exc).__name__}: {exc}")
            return Outcome((found,), "build stopped", failed=True)
        return Outcome(tuple(report.diagnostics), summarise(report.rebuilt, report.stopped_at),
                       failed=report.stopped_at is not None)

    steps = [lambda: run(html=True, pdf=False)]
    if pdf:
        steps.append(lambda: run(html=False, pdf=True))
    return steps


def summarise(rebuilt: dict[str, list[str]], stopped_at: str | None = None) -> str:
    """'convert 1, validate 1, html 1 + collection pages' from a BuildReport's ``rebuilt``."""
    if stopped_at:
        return f"build stopped: {stopped_at} failed; nothing new was published"
    parts = []
    for stage, keys in rebuilt.items():
        documents = [k for k in keys if k != "(collection)"]
        if not keys:
            continue
        text = f"{stage} {len(documents)}"
        parts.append(text + " + collection pages" if len(documents) < len(keys) else text)
    return ", ".join(parts) or "nothing changed"


def _io_problem(exc: OSError) -> Diagnostic:
    return diagnostic("IO003", path=exc.filename and str(Path(exc.filename)),
                      detail=exc.strerror or str(exc),
                      hint="check that the folder exists, that you may write to it and that "
                           "the disk has space")
