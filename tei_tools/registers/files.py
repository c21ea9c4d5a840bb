"""Linking many documents: TEI files in place or into a folder, or a whole edition.

Documents are linked on all cores (the register's index is built once and handed to each
worker process once); files are written by this process through :mod:`tei_tools.outputs`,
so a file edited by hand is never overwritten without ``force`` and every write is atomic.
An unchanged document is never rewritten.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .. import safexml
from ..diagnostics import Diagnostic, Severity, TeiToolsError
from ..outputs import OutputFolder
from ..parallel import default_jobs
from ..readers.transcript import read_transcript
from ..readers.transcript.context import ReaderSettings, docid_from_name
from .linking import Linker, link_tree
from .model import Register
from .report import LinkReport

Progress = Callable[[int], None]
_DECLARATION = b'<?xml version="1.0" encoding="UTF-8"?>\n'


@dataclass(frozen=True)
class Source:
    """A document to link: a TEI file, or a transcript converted in memory first."""

    path: str
    name: str            # the TEI file name it is written as
    transcript: bool = False


def serialise(tree: etree._ElementTree) -> bytes:
    """TEI as the converter writes it: declaration, document, final newline."""
    return _DECLARATION + etree.tostring(tree.getroot(), encoding="utf-8") + b"\n"


@dataclass
class _Outcome:
    source: Source
    report: LinkReport
    data: bytes | None       # the linked TEI (None: failed)
    changed: bool


# the linker of a worker process, set once by the pool initializer (not per document)
_worker_linker: Linker | None = None
_worker_settings: ReaderSettings | None = None


def _init_worker(linker: Linker, settings: ReaderSettings | None) -> None:
    global _worker_linker, _worker_settings
    _worker_linker, _worker_settings = linker, settings


def _read(source: Source, settings) -> tuple[bytes | None, list[Diagnostic]]:
    if not source.transcript:
        return safexml.read_file(source.path), []
    result = read_transcript(Path(source.path).read_bytes(), Path(source.path).name,
                             settings=settings, path=source.path)
    return result.tei, [d for d in result.diagnostics if d.severity == Severity.ERROR]


def link_source(source: Source, linker: Linker, settings=None, tag_text: bool = True
                ) -> _Outcome:
    """Link one source; every problem is in the outcome's report."""
    try:
        original, problems = _read(source, settings)
        if original is None:
            report = LinkReport(documents=1, diagnostics=problems, failed=[source.path])
            return _Outcome(source, report, None, False)
        tree = safexml.parse_bytes(original, source.path)
    except (TeiToolsError, OSError) as exc:
        diag = exc.diagnostic if isinstance(exc, TeiToolsError) else Diagnostic(
            Severity.ERROR, "IO001", f"cannot read file: {exc.strerror or exc}", source.path)
        return _Outcome(source, LinkReport(documents=1, diagnostics=[diag],
                                           failed=[source.path]), None, False)
    report = link_tree(tree, linker, path=source.path, tag_text=tag_text)
    report.diagnostics = problems + report.diagnostics
    changed = bool(report.changed)
    return _Outcome(source, report, serialise(tree) if changed or source.transcript
                    else original, changed)


def _work(job: tuple[Source, bool]) -> _Outcome:
    source, tag_text = job
    return link_source(source, _worker_linker, _worker_settings, tag_text)


def _outcomes(sources: Sequence[Source], linker: Linker, settings, tag_text: bool,
              jobs: int | None, progress: Progress | None):
    jobs = min(jobs or default_jobs(), max(1, len(sources)))
    if jobs == 1:
        for done, source in enumerate(sources, 1):
            yield link_source(source, linker, settings, tag_text)
            if progress:
                progress(done)
        return
    chunksize = max(1, min(64, len(sources) // (jobs * 8) or 1))
    with ProcessPoolExecutor(max_workers=jobs, initializer=_init_worker,
                             initargs=(linker, settings)) as pool:
        jobs_list = [(s, tag_text) for s in sources]
        for done, outcome in enumerate(pool.map(_work, jobs_list, chunksize=chunksize), 1):
            if progress:
                progress(done)
            yield outcome


def link_sources(sources: Sequence[Source], register: Register | Linker, *,
                 output: str | os.PathLike | None = None, write: bool = True,
                 force: bool = False, settings=None, tag_text: bool = True,
                 jobs: int | None = None, progress: Progress | None = None) -> LinkReport:
    """Link documents and write them: into ``output`` (a folder) or, without one, each TEI
    file in place. ``write=False`` links and reports without writing anything."""
    linker = register if isinstance(register, Linker) else Linker(register)
    total = LinkReport()
    folders: dict[Path, OutputFolder] = {}
    for outcome in _outcomes(sources, linker, settings, tag_text, jobs, progress):
        total.merge(outcome.report)
        if not write or outcome.data is None:
            continue
        if output is None and not outcome.changed:
            continue  # in place and nothing to change: the file stays as it is
        target_dir = Path(output) if output is not None else Path(outcome.source.path).parent
        folder = folders.get(target_dir)
        if folder is None:
            folder = folders[target_dir] = OutputFolder(target_dir, force=force)
        try:
            folder.write(outcome.source.name, outcome.data)
        except TeiToolsError as exc:
            total.failed.append(outcome.source.path)
            total.diagnostics.append(exc.diagnostic)
    for folder in folders.values():
        folder.save()
    return total


def link_files(paths: Sequence[str | os.PathLike], register: Register | Linker, *,
               output: str | os.PathLike | None = None, write: bool = True,
               force: bool = False, tag_text: bool = True, jobs: int | None = None,
               progress: Progress | None = None) -> LinkReport:
    """Link TEI files (see :func:`link_sources`); folders are searched for ``*.xml``."""
    sources = [Source(str(p), Path(p).name) for p in tei_paths(paths)]
    return link_sources(sources, register, output=output, write=write, force=force,
                        tag_text=tag_text, jobs=jobs, progress=progress)


def tei_paths(paths: Sequence[str | os.PathLike]) -> list[Path]:
    found: list[Path] = []
    for raw in paths:
        path = Path(raw)
        found.extend(sorted(path.glob("*.xml")) if path.is_dir() else [path])
    return found


def edition_sources(edition) -> list[Source]:
    """The documents of an edition: transcripts (converted in memory) and tei/*.xml."""
    sources = [Source(str(p), f"{docid_from_name(p.name)}.xml", transcript=True)
               for p in edition.transcripts()]
    sources += [Source(str(p), p.name) for p in edition.tei_sources()]
    return sources


def linked_trees(sources: Sequence[Source], register: Register | Linker, settings=None, *,
                 jobs: int | None = None, progress: Progress | None = None):
    """Yield (source, linked tree or None, report) for each source, linked in memory on all
    cores (names already tagged only; nothing is written)."""
    linker = register if isinstance(register, Linker) else Linker(register)
    for outcome in _outcomes(sources, linker, settings, False, jobs, progress):
        tree = safexml.parse_bytes(outcome.data, outcome.source.path) if outcome.data else None
        yield outcome.source, tree, outcome.report
