"""One PDF per TEI document, laid out in parallel worker processes."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from ...diagnostics import Diagnostic, Severity, TeiToolsError, diagnostic
from ...edition import Edition
from ...outputs import OutputFolder
from ...parallel import run_parallel
from . import engine
from .assemble import layout_in_parts
from .glyphs import glyph_warnings
from .html import document_html, documents
from .metadata import identifier
from .options import FontSpec, PrintOptions, fixed_date, resolve_options


class Failures:
    """``failed``: how many errors a report of the print writer holds."""

    diagnostics: list[Diagnostic]

    @property
    def failed(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity >= Severity.ERROR)


@dataclass
class PdfReport(Failures):
    """What a print run did: files written or left unchanged, pages, and the files that failed."""

    written: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    pages: dict[str, int] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{len(self.written)} PDF written, {len(self.unchanged)} unchanged, "
                f"{sum(self.pages.values())} pages, {self.failed} failed")


def _render_one(job: tuple[Path, PrintOptions, Path]
                ) -> list[tuple[str, bytes, int, list[Diagnostic]]]:
    """Worker: TEI file → (docid, PDF bytes, page count, problems) for each of its documents
    (a teiCorpus file holds several). Module level for pickling. No bytes means the document
    failed."""
    path, options, out_dir = job
    try:
        docs = documents(path)
    except TeiToolsError as exc:
        return [("", b"", 0, [exc.diagnostic])]
    results = []
    layouter = engine.Layouter(options, [out_dir])
    for doc in docs:
        try:
            html = document_html(path, options, created=fixed_date(), tree=doc.tree,
                                 member=doc.member)
            document, misplaced = layout_in_parts(html, layouter, str(path))
            ident = identifier(html, *engine.stylesheet_text(options))
            data = engine.to_pdf(document, ident, engine.facts_of(document))
            results.append((doc.docid, data, len(document.pages),
                            glyph_warnings(path, html, options.fonts.files)
                            + footnote_warnings(path, misplaced)))
        except TeiToolsError as exc:
            results.append(("", b"", 0, [exc.diagnostic]))
    return results


def _failed(job: tuple[Path, PrintOptions, Path], diag: Diagnostic
            ) -> list[tuple[str, bytes, int, list[Diagnostic]]]:
    """A file whose worker raised or died: an error of that file, the others go on."""
    return [("", b"", 0, [diag if diag.path else replace(diag, path=str(job[0]))])]


def footnote_warnings(path: Path, misplaced: list[tuple[str, int]]) -> list[Diagnostic]:
    if not misplaced:
        return []
    return [diagnostic("PDF030", path=str(path), count=len(misplaced))]


def render_pdf(tei_files: list[Path], out_dir: Path, *, view: str | None = None,
               paper: str | None = None, fonts: FontSpec | Sequence[str] | None = None,
               edition: Edition | None = None,
               force: bool = False, jobs: int | None = None,
               progress: Callable[[int], None] | None = None) -> PdfReport:
    """Write ``out_dir/{docid}.pdf`` for every TEI file.

    ``view``, ``paper`` and ``fonts`` default to the edition's ``[pdf]`` table, then to the
    reading view, A4 and DejaVu Serif. ``fonts`` is a FontSpec or a list of ``--font`` values.
    A file that fails is reported in ``report.diagnostics``; the others are still written.
    Hand-edited PDFs (see tei_tools.outputs) are only replaced with ``force``.
    """
    options = resolve_options(view=view, paper=paper, fonts=fonts, edition=edition)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    folder = OutputFolder(out_dir, force=force)
    report = PdfReport()
    seen: dict[str, Path] = {}
    jobs_list = [(Path(p), options, out_dir.resolve()) for p in tei_files]
    try:
        for (path, _, _), results in zip(
                jobs_list, run_parallel(_render_one, jobs_list, jobs=jobs, progress=progress,
                                        on_error=_failed),
                strict=True):
            _keep(results, path, folder, out_dir, seen, report)
    finally:
        folder.save()
    return report


def _keep(results: list[tuple[str, bytes, int, list[Diagnostic]]], path: Path,
          folder: OutputFolder, out_dir: Path, seen: dict[str, Path], report: PdfReport) -> None:
    """Write the PDFs of one file's documents and note what happened to each."""
    for docid, data, pages, problems in results:
        report.diagnostics += problems
        if not data:
            continue
        if docid in seen:
            report.diagnostics.append(diagnostic(
                "PDF003", path=str(path), docid=docid, other=seen[docid],
                outcome="not written"))
            continue
        seen[docid] = path
        try:
            state = folder.write(f"{docid}.pdf", data)
        except TeiToolsError as exc:
            report.diagnostics.append(exc.diagnostic)
            continue
        (report.unchanged if state == "unchanged" else report.written).append(
            out_dir / f"{docid}.pdf")
        report.pages[docid] = pages
