"""Build a whole edition: transcripts → TEI → validation → web edition → print edition.

Data flows one way. A document that fails validation stops the build before anything is
published (exit 1 with the validation report).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .convert import ConvertReport, convert
from .diagnostics import Diagnostic, Severity, error
from .edition import Edition, load_edition
from .outputs import OutputFolder
from .readers.transcript.context import ReaderSettings

# on_stage(label, total) returns a progress(done) callback for that stage
StageProgress = Callable[[str, int], Callable[[int], None]]


def _quiet(label: str, total: int) -> Callable[[int], None]:
    return lambda done: None


@dataclass
class BuildReport:
    edition: Edition
    out_dir: Path
    conversion: ConvertReport | None = None
    diagnostics: list[Diagnostic] = field(default_factory=list)
    tei_files: list[Path] = field(default_factory=list)
    stopped_at: str | None = None  # the stage that failed, if any

    @property
    def ok(self) -> bool:
        return self.stopped_at is None


def reader_settings(edition: Edition) -> ReaderSettings:
    options = edition.reader
    return ReaderSettings(profile=str(options.get("profile", "wilson-center")),
                          publisher=options.get("publisher") or None)


def _copy_hand_made_tei(edition: Edition, tei_out: Path, force: bool) -> list[Path]:
    """TEI files kept by hand in the edition's tei/ folder are published as they are."""
    folder = OutputFolder(tei_out, force=force)
    copied = []
    for source in edition.tei_sources():
        folder.write(source.name, source.read_bytes())
        copied.append(tei_out / source.name)
    folder.save()
    return copied


def build_edition(edition_dir: str | os.PathLike, out_dir: str | os.PathLike, *,
                  force: bool = False, jobs: int | None = None, html: bool = True,
                  pdf: bool = True, book: bool = True,
                  on_stage: StageProgress | None = None) -> BuildReport:
    """Convert, validate and publish the edition in ``edition_dir`` into ``out_dir``.

    Writes ``out_dir/tei/*.xml``, the static site (``index.html``, a page per document …) and
    ``out_dir/pdf/*.pdf`` (one per document, plus ``book.pdf`` for the whole edition).
    """
    on_stage = on_stage or _quiet
    edition = load_edition(edition_dir)
    out_dir = Path(out_dir)
    if out_dir.resolve() == edition.root.resolve():
        raise error("BLD001", "the output folder is the edition folder", path=str(out_dir),
                    hint="build into another folder, e.g. -o site")
    report = BuildReport(edition, out_dir)
    tei_out = out_dir / "tei"

    transcripts = edition.transcripts()
    if not transcripts and not edition.tei_sources():
        raise error("BLD002", "the edition has no transcripts/*.txt and no tei/*.xml",
                    path=str(edition.root), hint="add transcripts to transcripts/")
    if transcripts:
        report.conversion = convert(transcripts, tei_out, settings=reader_settings(edition),
                                    force=force, jobs=jobs,
                                    progress=on_stage("Converting", len(transcripts)))
        report.diagnostics.extend(report.conversion.diagnostics)
        if not report.conversion.ok:
            report.stopped_at = "convert"
            return report
        report.tei_files.extend(report.conversion.outputs.values())
    report.tei_files.extend(_copy_hand_made_tei(edition, tei_out, force))
    report.tei_files.sort()

    from .validation import validate

    validation = validate(report.tei_files, jobs=jobs,
                          progress=on_stage("Validating", len(report.tei_files)))
    report.diagnostics.extend(validation.diagnostics)
    if any(d.severity == Severity.ERROR for d in validation.diagnostics):
        report.stopped_at = "validate"
        return report

    if html:
        from .writers.site import build_site

        build_site(report.tei_files, out_dir, edition=edition, force=force, jobs=jobs,
                   progress=on_stage("Writing HTML", len(report.tei_files)))
    if pdf:
        from .writers.pdf import render_book, render_pdf

        options = edition.pdf
        paper = str(options.get("paper", "A4"))
        render_pdf(report.tei_files, out_dir / "pdf", edition=edition, paper=paper, force=force,
                   jobs=jobs, progress=on_stage("Writing PDF", len(report.tei_files)))
        if book:
            render_book(edition, report.tei_files, out_dir / "pdf" / "book.pdf", paper=paper)
    return report
