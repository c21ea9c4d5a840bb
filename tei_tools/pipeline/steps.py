"""The steps of one build, each deciding which documents its stage must redo.

A :class:`Run` holds what every step needs (the sources, the build record, the output folder,
the options); each step compares the record with the stage fingerprint, calls its stage (see
:mod:`.stages`) for the documents that changed and writes the outcome into the record and the
report. :func:`tei_tools.pipeline.build_edition` runs them in order.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Severity
from ..edition import Edition
from ..outputs import MANIFEST_NAME, OutputFolder, file_sha256, inside, remove_file
from .report import BuildReport, StageProgress
from .sources import Source
from .stages import Stages
from .state import BuildState, relative_key

if TYPE_CHECKING:  # the converter is imported only when a build needs it
    from ..readers.transcript.context import ReaderSettings


@dataclass
class Run:
    """One build in progress: what it works on, how, and where it reports."""

    edition: Edition
    out_dir: Path
    sources: list[Source]
    state: BuildState
    fingerprints: dict[str, str]   # stage → its fingerprint (state.stage_fingerprints)
    stages: Stages
    on_stage: StageProgress
    report: BuildReport
    force: bool = False
    jobs: int | None = None

    def tei_path(self, source: Source) -> Path:
        return self.out_dir / self.state.docs[source.key].tei

    def stale(self, stage: str) -> list[Source]:
        """The sources whose record says ``stage`` was last done with another fingerprint (or
        not at all)."""
        fingerprint = self.fingerprints[stage]
        return [s for s in self.sources if getattr(self.state.docs[s.key], stage) != fingerprint]

    def docs_hash(self) -> str:
        """Changes when any document's TEI or the set of documents changes."""
        return digest(sorted((s.key, self.state.docs[s.key].tei_sha) for s in self.sources))


def digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:20]


def convert(run: Run, settings: ReaderSettings) -> None:
    """Convert changed transcripts; copy changed hand-made TEI as it is."""
    fingerprint, state, out_dir = run.fingerprints["convert"], run.state, run.out_dir
    todo = []
    for source in run.sources:
        changed = state.source_changed(source.key, source.path)
        doc = state.docs[source.key]
        if changed or doc.convert != fingerprint or state.tei_changed(source.key, out_dir):
            todo.append(source)
    state.touched = state.touched or bool(todo)
    transcripts = [s for s in todo if not s.hand_made]
    tei_out = out_dir / "tei"
    report = run.report
    if transcripts:
        by_path = {s.path: s for s in transcripts}
        conversion = run.stages.convert([s.path for s in transcripts], tei_out, settings,
                                        run.force, run.jobs,
                                        run.on_stage("Converting", len(transcripts)))
        report.conversion = conversion
        report.diagnostics.extend(conversion.diagnostics)
        for path, tei in conversion.outputs.items():
            source = by_path[Path(path)]
            state.record_tei(source.key, out_dir, relative_key(tei, out_dir))
            state.docs[source.key].convert = fingerprint
            report.rebuilt["convert"].append(source.key)
        for path in conversion.failed:
            state.docs[by_path[Path(path)].key].convert = ""
        if not conversion.ok:
            report.stopped_at = "convert"
    hand_made = [s for s in todo if s.hand_made]
    if hand_made:  # TEI kept by hand in the edition's tei/ is published as it is
        folder = OutputFolder(tei_out, force=run.force)
        for source in hand_made:
            folder.write(source.path.name, source.path.read_bytes())
            state.record_tei(source.key, out_dir, f"tei/{source.path.name}")
            state.docs[source.key].convert = fingerprint
            report.rebuilt["convert"].append(source.key)
        folder.save()


def validate(run: Run) -> None:
    """Validate the TEI files whose TEI or whose schemas changed."""
    fingerprint, state = run.fingerprints["validate"], run.state
    todo = run.stale("validate")
    if not todo:
        return
    state.touched = True
    paths = {run.tei_path(s).resolve(): s for s in todo}
    diagnostics = run.stages.validate(sorted(paths), run.jobs,
                                      run.on_stage("Validating", len(todo)))
    run.report.diagnostics.extend(diagnostics)
    errors = [d for d in diagnostics if d.severity == Severity.ERROR]
    failed = {Path(d.path).resolve() for d in errors if d.path}
    if any(not d.path for d in errors):  # an error we cannot pin on a file fails them all
        failed = set(paths)
    for path, source in paths.items():
        if path not in failed:
            state.docs[source.key].validate = fingerprint
            run.report.rebuilt["validate"].append(source.key)
    if errors:
        run.report.stopped_at = "validate"


def html(run: Run, removed: bool) -> None:
    """Rewrite the pages of changed documents and, when anything changed, the collection
    pages; ``removed``: documents were removed (prev/next links shift everywhere)."""
    fingerprint, state, sources = run.fingerprints["html"], run.state, run.sources
    todo = run.stale("html")
    collection_key = digest(fingerprint, run.docs_hash())
    if not todo and state.collection.get("html") == collection_key:
        return
    state.touched = True
    everything = removed or len(todo) == len(sources)  # a removal shifts prev/next links
    changed = None if everything else [run.tei_path(s) for s in todo]
    problems = run.stages.site(run.report.tei_files, run.out_dir, run.edition, changed,
                               run.force, run.jobs,
                               run.on_stage("Writing HTML",
                                            len(sources) if everything else len(todo)))
    run.report.diagnostics.extend(problems)
    failed = _failed_paths(problems)
    for source in sources if everything else todo:
        if not _doc_failed(run.out_dir, state.docs[source.key].tei, failed):
            state.docs[source.key].html = fingerprint
        run.report.rebuilt["html"].append(source.key)
    if not failed:
        state.collection["html"] = collection_key
    run.report.rebuilt["html"].append("(collection)")


def pdf(run: Run) -> None:
    """Print the documents whose TEI or whose print code changed."""
    fingerprint, state = run.fingerprints["pdf"], run.state
    todo = run.stale("pdf")
    if not todo:
        return
    state.touched = True
    problems = run.stages.pdf([run.tei_path(s) for s in todo], run.out_dir / "pdf",
                              run.edition, run.force, run.jobs,
                              run.on_stage("Writing PDF", len(todo)))
    run.report.diagnostics.extend(problems)
    failed = _failed_paths(problems)
    for source in todo:
        if not _doc_failed(run.out_dir, state.docs[source.key].tei, failed):
            state.docs[source.key].pdf = fingerprint
        run.report.rebuilt["pdf"].append(source.key)


def book(run: Run) -> None:
    """Print the whole edition when any document or the print code changed."""
    book_key = digest(run.fingerprints["pdf"], run.docs_hash())
    book_path = run.out_dir / "pdf" / "book.pdf"
    if run.state.collection.get("book") == book_key and book_path.is_file():
        return
    run.on_stage("Writing book", 1)(0)
    problems = run.stages.book(run.edition, run.report.tei_files, book_path, run.force)
    run.report.diagnostics.extend(problems)
    if not any(d.severity == Severity.ERROR for d in problems):
        run.state.collection["book"] = book_key  # a book with gaps is redone next time
        run.state.touched = True
    run.report.rebuilt["book"].append("book.pdf")


def forget(state: BuildState, key: str, out_dir: Path) -> None:
    """A source that is gone: drop its record and its outputs (TEI, pages, PDF), each only if
    tei-tools wrote it and nobody edited it since (its output manifest says so)."""
    doc = state.docs.pop(key)
    if not doc.tei:
        return
    from ..writers.html import page_paths

    tei = inside(out_dir, doc.tei, "delete")  # valid_tei_path checked it on load
    if tei.is_file() and file_sha256(tei) == doc.tei_sha:  # the state recorded what we wrote
        remove_file(out_dir, doc.tei)
    for rel in page_paths(tei.stem).values():
        path = out_dir / rel
        if inside(out_dir, rel, "delete").is_file() and _written_by_us(out_dir, path):
            remove_file(out_dir, rel)


def _written_by_us(out_dir: Path, path: Path) -> bool:
    """Whether the manifest of the nearest output folder records ``path`` with its content."""
    for folder in [path.parent, *path.parent.parents]:
        manifest = folder / MANIFEST_NAME
        if manifest.is_file():
            try:
                hashes = json.loads(manifest.read_text("utf-8"))
            except (OSError, ValueError):
                return False
            return hashes.get(path.relative_to(folder).as_posix()) == file_sha256(path)
        if folder == out_dir:
            return False
    return False


def _doc_failed(out_dir: Path, tei_rel: str, failed: set[Path]) -> bool:
    """Whether an error names the document's TEI or one of its outputs (a page or PDF that
    was not written, e.g. refused as a hand edit): then the stage is not done for it and the
    next build tries again (and refuses again, until --force)."""
    from ..writers.html import page_paths

    tei = out_dir / tei_rel
    outputs = [tei, *(out_dir / rel for rel in page_paths(tei.stem).values())]
    return any(path.resolve() in failed for path in outputs)


def _failed_paths(diagnostics: list[Diagnostic]) -> set[Path]:
    """Files named by error diagnostics (their outputs are redone by the next build)."""
    return {Path(d.path).resolve() for d in diagnostics
            if d.severity == Severity.ERROR and d.path}


__all__ = ["Run", "book", "convert", "digest", "forget", "html", "pdf", "validate"]
