"""``build_edition`` and ``merge``: the order of the steps and when a build stops."""

from __future__ import annotations

import os
from pathlib import Path

from ..diagnostics import Severity, TeiToolsError, error
from ..edition import load_edition
from ..outputs import inside
from . import steps
from .report import BuildReport, StageProgress, quiet
from .shard import in_shard, merge_shards
from .sources import edition_sources, reader_settings
from .stages import Stages
from .state import BuildState, stage_fingerprints

OWN_FOLDERS = ("tei", "pdf")  # written by a writer of their own (its OutputFolder's root)


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
    edition = load_edition(edition_dir, strict=strict)
    out_dir = Path(out_dir)
    if out_dir.resolve() == edition.root.resolve():
        raise error("BLD001", path=str(out_dir))
    report = BuildReport(edition, out_dir)
    report.diagnostics.extend(edition.warnings)
    sources, clashes = edition_sources(edition)
    if not sources:
        raise error("BLD002", path=str(edition.root))
    if clashes:
        report.diagnostics.extend(clashes)
        report.stopped_at = "convert"
        return report
    sources = [s for s in sources if in_shard(s.key, shard)]
    settings = reader_settings(edition)
    fingerprints = stage_fingerprints(edition,
                                      {"convert": [settings.profile, settings.publisher]})
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
    run = steps.Run(edition, out_dir, sources, state, fingerprints, stages or Stages(),
                    on_stage or quiet, report, force=force, jobs=jobs)

    wanted = {s.key for s in sources}
    # documents of other shards are not "removed": shards may share an output folder
    removed = [key for key in state.docs if key not in wanted and in_shard(key, shard)]
    try:
        for key in removed:
            steps.forget(state, key, out_dir)
            state.touched = True
    except TeiToolsError as exc:  # a link in the output folder (OUT005): delete nothing more
        report.diagnostics.append(exc.diagnostic)
        report.stopped_at = "convert"
        state.save(out_dir)
        return report
    steps.convert(run, settings)
    state.save(out_dir)
    if not report.ok:
        return report
    report.tei_files = [out_dir / rel for rel in sorted(state.docs[s.key].tei for s in sources)]
    steps.validate(run)
    state.save(out_dir)
    if not report.ok:
        return report
    if html and shard is None:
        steps.html(run, removed=bool(removed))
        state.save(out_dir)
    if pdf:
        steps.pdf(run)
        state.save(out_dir)
        if book and shard is None:
            steps.book(run)
            state.save(out_dir)
    return report


def merge(edition_dir: str | os.PathLike, shard_dirs: list[str | os.PathLike],
          out_dir: str | os.PathLike, **options) -> BuildReport:
    """Assemble the outputs of ``build --shard K/N`` runs into ``out_dir`` and finish the build
    there: site (index, chronology, search, every page) and book. Documents the shards did are
    not converted or validated again; any that no shard built are built now. ``options`` are
    those of :func:`build_edition` (except ``shard``)."""
    _, problems = merge_shards(shard_dirs, out_dir, force=bool(options.get("force")))
    report = build_edition(edition_dir, out_dir, **options)
    report.diagnostics[:0] = problems
    if any(d.severity == Severity.ERROR for d in problems) and report.stopped_at is None:
        report.stopped_at = "merge"  # a refused file: the merged folder is not what was asked
    return report


__all__ = ["OWN_FOLDERS", "build_edition", "merge"]
