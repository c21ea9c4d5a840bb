"""Build a whole edition: transcripts → TEI → validation → web edition → print edition.

Data flows one way. A document that fails validation stops the build before anything is
published (the validation report says why). Builds are incremental (see :mod:`.state`): each
stage only processes the documents whose input or whose stage fingerprint changed, and the
collection-level outputs (site index/search, the book) are redone only when some document or
the set of documents changed. ``shard=(k, n)`` builds one part of the edition (:mod:`.shard`).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, Severity, TeiToolsError, diagnostic, error
from ..edition import Edition, load_edition
from ..outputs import MANIFEST_NAME, OutputFolder, file_sha256, inside, remove_file
from .shard import in_shard
from .stages import Stages
from .state import BuildState, relative_key, stage_fingerprints

# on_stage(label, total) returns a progress(done) callback for that stage
if TYPE_CHECKING:  # the converter is imported only when a build needs it
    from ..conversion import ConvertReport
    from ..readers.transcript.context import ReaderSettings

StageProgress = Callable[[str, int], Callable[[int], None]]
STAGES = ("convert", "validate", "html", "pdf", "book")
OWN_FOLDERS = ("tei", "pdf")  # written by a writer of their own (its OutputFolder's root)


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
    # stage → the document keys (source paths relative to the edition) it processed;
    # "html" also lists "(collection)" when index/search pages were rewritten, "book" the book
    rebuilt: dict[str, list[str]] = field(default_factory=lambda: {s: [] for s in STAGES})

    @property
    def ok(self) -> bool:
        """No stage stopped the build and no document failed in a writer."""
        return self.stopped_at is None and not self.errors

    @property
    def errors(self) -> int:
        return sum(1 for d in self.diagnostics if d.severity == Severity.ERROR)

    @property
    def did_nothing(self) -> bool:
        return not any(self.rebuilt.values())


def reader_settings(edition: Edition) -> ReaderSettings:
    from ..readers.transcript.context import ReaderSettings

    options = edition.reader
    return ReaderSettings(profile=str(options.get("profile", "wilson-center")),
                          publisher=options.get("publisher") or None)


@dataclass(frozen=True)
class _Source:
    key: str      # path relative to the edition: transcripts/x.txt or tei/x.xml
    path: Path
    docid: str

    @property
    def hand_made(self) -> bool:
        return self.path.suffix == ".xml"


def _sources(edition: Edition) -> tuple[list[_Source], list[Diagnostic]]:
    """Every source document of the edition; two that would write the same TEI file clash."""
    from ..readers.transcript.context import docid_from_name

    # The same files as edition.transcripts() / tei_sources() (flat *.txt, *.xml), listed with
    # scandir and sorted as strings: pathlib's glob and sort cost ~1 s at 16,000 files.
    texts, teis = edition.transcripts_dir, edition.tei_dir
    found = [_Source(f"transcripts/{name}", texts / name, docid_from_name(name))
             for name in _listing(texts, ".txt")]
    found += [_Source(f"tei/{name}", teis / name, name[:-4]) for name in _listing(teis, ".xml")]
    seen: dict[str, _Source] = {}
    folded: dict[str, _Source] = {}  # Report / report: one file on Windows and macOS
    problems = []
    for source in found:
        if source.docid in seen:
            problems.append(diagnostic(
                "OUT003", path=str(source.path), docid=source.docid,
                other=seen[source.docid].path, target=f"tei/{source.docid}.xml", which="them"))
        elif source.docid.casefold() in folded:
            problems.append(diagnostic("OUT004", path=str(source.path), docid=source.docid,
                                       other=folded[source.docid.casefold()].path))
        seen[source.docid] = source
        folded.setdefault(source.docid.casefold(), source)
    return found, problems


def _listing(folder: Path, suffix: str) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return sorted(e.name for e in entries if e.name.endswith(suffix) and e.is_file())
    except OSError:  # no such folder: no documents of that kind
        return []


def _digest(*parts: object) -> str:
    return hashlib.sha256(repr(parts).encode("utf-8")).hexdigest()[:20]


def build_edition(edition_dir: str | os.PathLike, out_dir: str | os.PathLike, *,
                  force: bool = False, jobs: int | None = None, html: bool = True,
                  pdf: bool = True, book: bool = True, rebuild: bool = False,
                  shard: tuple[int, int] | None = None,
                  on_stage: StageProgress | None = None,
                  stages: Stages | None = None, strict: bool = False) -> BuildReport:
    """Convert, validate and publish the edition in ``edition_dir`` into ``out_dir``.

    Writes ``out_dir/tei/*.xml``, the static site (``index.html``, a page per document …) and
    ``out_dir/pdf/*.pdf`` (one per document, plus ``book.pdf`` for the whole edition). Only
    what changed since the last build into ``out_dir`` is redone; ``rebuild=True`` redoes
    everything. ``shard=(k, n)`` builds the k-th of n parts: TEI, validation and per-document
    PDFs only; ``tei_tools.pipeline.merge`` assembles the parts and makes the site and the book.
    ``strict``: a setting of edition.toml that cannot be used is an error, not a warning.
    """
    on_stage = on_stage or _quiet
    stages = stages or Stages()
    edition = load_edition(edition_dir, strict=strict)
    out_dir = Path(out_dir)
    if out_dir.resolve() == edition.root.resolve():
        raise error("BLD001", path=str(out_dir))
    report = BuildReport(edition, out_dir)
    report.diagnostics.extend(edition.warnings)
    sources, clashes = _sources(edition)
    if not sources:
        raise error("BLD002", path=str(edition.root))
    if clashes:
        report.diagnostics.extend(clashes)
        report.stopped_at = "convert"
        return report
    sources = [s for s in sources if in_shard(s.key, shard)]
    settings = reader_settings(edition)
    fps = stage_fingerprints(edition, {"convert": [settings.profile, settings.publisher]})
    out_dir.mkdir(parents=True, exist_ok=True)
    try:  # the writers each keep their own folder: none may be a link to elsewhere
        for folder in OWN_FOLDERS:
            inside(out_dir, folder)
    except TeiToolsError as exc:
        report.diagnostics.append(exc.diagnostic)
        report.stopped_at = "convert"
        return report
    state = BuildState() if rebuild else BuildState.load(out_dir)
    report.diagnostics.extend(state.problems)

    wanted = {s.key for s in sources}
    # documents of other shards are not "removed": shards may share an output folder
    removed = [key for key in state.docs if key not in wanted and in_shard(key, shard)]
    try:
        for key in removed:
            _forget(state, key, out_dir)
            state.touched = True
    except TeiToolsError as exc:  # a link in the output folder (OUT005): delete nothing more
        report.diagnostics.append(exc.diagnostic)
        report.stopped_at = "convert"
        state.save(out_dir)
        return report
    _convert(sources, state, fps["convert"], settings, out_dir, force, jobs, on_stage,
             stages, report)
    state.save(out_dir)
    if not report.ok:
        return report
    report.tei_files = [out_dir / rel for rel in sorted(state.docs[s.key].tei for s in sources)]
    _validate(sources, state, fps["validate"], out_dir, jobs, on_stage, stages, report)
    state.save(out_dir)
    if not report.ok:
        return report
    docs_hash = _digest(sorted((s.key, state.docs[s.key].tei_sha) for s in sources))
    if html and shard is None:
        _html(sources, state, fps["html"], docs_hash, bool(removed), out_dir, edition, force,
              jobs, on_stage, stages, report)
        state.save(out_dir)
    if pdf:
        _pdf(sources, state, fps["pdf"], out_dir, edition, force, jobs, on_stage, stages,
             report)
        state.save(out_dir)
        book_key = _digest(fps["pdf"], docs_hash)
        book_path = out_dir / "pdf" / "book.pdf"
        if book and shard is None and (state.collection.get("book") != book_key
                                       or not book_path.is_file()):
            on_stage("Writing book", 1)(0)
            problems = stages.book(edition, report.tei_files, book_path, force)
            report.diagnostics.extend(problems)
            if not any(d.severity == Severity.ERROR for d in problems):
                state.collection["book"] = book_key  # a book with gaps is redone next time
                state.touched = True
            report.rebuilt["book"].append("book.pdf")
            state.save(out_dir)
    return report


def _forget(state: BuildState, key: str, out_dir: Path) -> None:
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


def _convert(sources, state, fingerprint, settings, out_dir, force, jobs, on_stage, stages,
             report) -> None:
    todo = []
    for source in sources:
        changed = state.source_changed(source.key, source.path)
        doc = state.docs[source.key]
        if changed or doc.convert != fingerprint or state.tei_changed(source.key, out_dir):
            todo.append(source)
    state.touched = state.touched or bool(todo)
    transcripts = [s for s in todo if not s.hand_made]
    tei_out = out_dir / "tei"
    if transcripts:
        by_path = {s.path: s for s in transcripts}
        conversion = stages.convert([s.path for s in transcripts], tei_out, settings, force,
                                    jobs, on_stage("Converting", len(transcripts)))
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
        folder = OutputFolder(tei_out, force=force)
        for source in hand_made:
            folder.write(source.path.name, source.path.read_bytes())
            state.record_tei(source.key, out_dir, f"tei/{source.path.name}")
            state.docs[source.key].convert = fingerprint
            report.rebuilt["convert"].append(source.key)
        folder.save()


def _validate(sources, state, fingerprint, out_dir, jobs, on_stage, stages, report) -> None:
    todo = [s for s in sources if state.docs[s.key].validate != fingerprint]
    if not todo:
        return
    state.touched = True
    paths = {(out_dir / state.docs[s.key].tei).resolve(): s for s in todo}
    diagnostics = stages.validate(sorted(paths), jobs, on_stage("Validating", len(todo)))
    report.diagnostics.extend(diagnostics)
    errors = [d for d in diagnostics if d.severity == Severity.ERROR]
    failed = {Path(d.path).resolve() for d in errors if d.path}
    if any(not d.path for d in errors):  # an error we cannot pin on a file fails them all
        failed = set(paths)
    for path, source in paths.items():
        if path not in failed:
            state.docs[source.key].validate = fingerprint
            report.rebuilt["validate"].append(source.key)
    if errors:
        report.stopped_at = "validate"


def _html(sources, state, fingerprint, docs_hash, removed, out_dir, edition, force, jobs,
          on_stage, stages, report) -> None:
    todo = [s for s in sources if state.docs[s.key].html != fingerprint]
    collection_key = _digest(fingerprint, docs_hash)
    if not todo and state.collection.get("html") == collection_key:
        return
    state.touched = True
    everything = removed or len(todo) == len(sources)  # a removal shifts prev/next links
    changed = None if everything else [out_dir / state.docs[s.key].tei for s in todo]
    problems = stages.site(report.tei_files, out_dir, edition, changed, force, jobs,
                           on_stage("Writing HTML", len(sources) if everything else len(todo)))
    report.diagnostics.extend(problems)
    failed = _failed_paths(problems)
    for source in sources if everything else todo:
        if not _doc_failed(out_dir, state.docs[source.key].tei, failed):
            state.docs[source.key].html = fingerprint
        report.rebuilt["html"].append(source.key)
    if not failed:
        state.collection["html"] = collection_key
    report.rebuilt["html"].append("(collection)")


def _pdf(sources, state, fingerprint, out_dir, edition, force, jobs, on_stage, stages,
         report) -> None:
    todo = [s for s in sources if state.docs[s.key].pdf != fingerprint]
    if not todo:
        return
    state.touched = True
    problems = stages.pdf([out_dir / state.docs[s.key].tei for s in todo], out_dir / "pdf",
                          edition, force, jobs, on_stage("Writing PDF", len(todo)))
    report.diagnostics.extend(problems)
    failed = _failed_paths(problems)
    for source in todo:
        if not _doc_failed(out_dir, state.docs[source.key].tei, failed):
            state.docs[source.key].pdf = fingerprint
        report.rebuilt["pdf"].append(source.key)


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


def merge(edition_dir: str | os.PathLike, shard_dirs: list[str | os.PathLike],
          out_dir: str | os.PathLike, **options) -> BuildReport:
    """Assemble the outputs of ``build --shard K/N`` runs into ``out_dir`` and finish the build
    there: site (index, chronology, search, every page) and book. Documents the shards did are
    not converted or validated again; any that no shard built are built now. ``options`` are
    those of :func:`build_edition` (except ``shard``)."""
    from .shard import merge_shards

    _, problems = merge_shards(shard_dirs, out_dir, force=bool(options.get("force")))
    report = build_edition(edition_dir, out_dir, **options)
    report.diagnostics[:0] = problems
    if any(d.severity == Severity.ERROR for d in problems) and report.stopped_at is None:
        report.stopped_at = "merge"  # a refused file: the merged folder is not what was asked
    return report
