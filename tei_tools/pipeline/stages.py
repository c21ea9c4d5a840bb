"""The stages a build runs, behind one small interface.

:func:`tei_tools.pipeline.build_edition` decides *which* documents each stage must process; the
stages here do the work by calling the public APIs of the converter, the validator and the
writers. Keeping them behind :class:`Stages` lets tests drive the incremental logic with
recording fakes, and lets a caller swap a stage (e.g. a faster validator) without touching the
orchestration.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic
from ..edition import Edition

if TYPE_CHECKING:
    from ..conversion import ConvertReport
    from ..readers.transcript.context import ReaderSettings

Progress = Callable[[int], None]


def _convert(files: Sequence[Path], tei_out: Path, settings: ReaderSettings, force: bool,
             jobs: int | None, progress: Progress) -> ConvertReport:
    from ..conversion import convert

    return convert(list(files), tei_out, settings=settings, force=force, jobs=jobs,
                   progress=progress)


def _validate(files: Sequence[Path], jobs: int | None, progress: Progress) -> list[Diagnostic]:
    from ..validation import validate

    return list(validate(list(files), jobs=jobs, progress=progress).diagnostics)


def _site(files: Sequence[Path], out_dir: Path, edition: Edition,
          changed: Collection[Path] | None, force: bool, jobs: int | None,
          progress: Progress) -> list[Diagnostic]:
    """The web edition. ``changed`` names the documents whose pages must be rewritten (None:
    all); collection pages (index, chronology, search) always cover ``files``."""
    from ..writers.site import build_site

    report = build_site(list(files), out_dir, edition=edition, force=force, jobs=jobs,
                        progress=progress, changed=None if changed is None else list(changed))
    return list(report.diagnostics)


def _pdf(files: Sequence[Path], pdf_dir: Path, edition: Edition, force: bool,
         jobs: int | None, progress: Progress) -> list[Diagnostic]:
    from ..writers.pdf import render_pdf

    # paper, view and fonts come from the edition's [pdf] table (render_pdf reads it)
    report = render_pdf(list(files), pdf_dir, edition=edition, force=force, jobs=jobs,
                        progress=progress)
    return list(report.diagnostics)


def _book(edition: Edition, files: Sequence[Path], target: Path,
          force: bool) -> list[Diagnostic]:
    from ..writers.pdf import render_book

    return list(render_book(edition, list(files), target, force=force).diagnostics)


@dataclass
class Stages:
    """The callables a build uses; the defaults are tei-tools' own converter and writers.

    The writers return their diagnostics; an error naming a document means that document's
    output was not written (it is retried by the next build)."""

    convert: Callable[..., ConvertReport] = _convert
    validate: Callable[..., list[Diagnostic]] = _validate
    site: Callable[..., list[Diagnostic]] = _site
    pdf: Callable[..., list[Diagnostic]] = _pdf
    book: Callable[..., list[Diagnostic]] = _book
