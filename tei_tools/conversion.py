"""Batch conversion: transcripts (files or folders) → TEI files, on all cores.

Written files never clobber hand edits (see :mod:`tei_tools.outputs`).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from .diagnostics import Diagnostic, Severity, TeiToolsError, diagnostic, error
from .outputs import OutputFolder
from .parallel import run_parallel
from .readers.transcript import ConversionResult, read_transcript
from .readers.transcript.context import ReaderSettings, docid_from_name


def convert_text(data: bytes | str, name: str = "document.txt", *,
                 settings: ReaderSettings | None = None) -> ConversionResult:
    """Convert one transcript given as bytes or text; nothing is written."""
    return read_transcript(data, name, settings=settings)


def collect_inputs(inputs: Sequence[str | os.PathLike], suffix: str = ".txt") -> list[Path]:
    """Files as given, folders expanded to their ``*{suffix}`` files (recursively, sorted)."""
    found: list[Path] = []
    for item in inputs:
        path = Path(item)
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob(f"*{suffix}") if p.is_file()))
        elif path.is_file():
            found.append(path)
        else:
            raise error("IO002", path=str(path))
    return found


@dataclass
class ConvertReport:
    """What a batch conversion did, file by file."""

    outputs: dict[Path, Path] = field(default_factory=dict)      # transcript → TEI file
    states: dict[Path, str] = field(default_factory=dict)        # new/replace/unchanged/edited
    failed: list[Path] = field(default_factory=list)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failed

    def by_code(self, severity: Severity) -> Counter:
        return Counter(d.code for d in self.diagnostics if d.severity == severity)

    def summary(self) -> str:
        states = Counter(self.states.values())
        total = len(self.states) + len(self.failed)
        parts = [f"{total} file{'' if total == 1 else 's'}",
                 f"{states['new'] + states['replace']} written",
                 f"{states['unchanged']} unchanged"]
        if self.failed:
            parts.append(f"{len(self.failed)} failed")
        warnings = self.by_code(Severity.WARNING)
        text = "converted " + ", ".join(parts)
        if warnings:
            listed = ", ".join(f"{code}×{n}" for code, n in sorted(warnings.items()))
            text += f"; {sum(warnings.values())} warnings ({listed})"
        return text


def read_bounded(path: str | os.PathLike, limit: int) -> bytes:
    """The bytes of a transcript, refused (TX105) when it is larger than ``limit`` before more
    than ``limit + 1`` bytes are read: a 1 GiB file must not be loaded to learn it is too big.
    The size on disk is checked first; the bounded read catches what stat cannot tell (a file
    growing meanwhile, a pipe or device)."""
    with open(path, "rb") as handle:
        size = os.fstat(handle.fileno()).st_size
        if size <= limit:
            data = handle.read(limit + 1)
            size = len(data)
    if size > limit:
        raise error("TX105", path=str(path), size=size / 2**20, limit=limit / 2**20)
    return data


def _convert_file(job: tuple[str, ReaderSettings]) -> tuple[str, ConversionResult]:
    path, settings = job
    try:
        data = read_bounded(path, settings.max_bytes)
    except TeiToolsError as exc:
        return path, ConversionResult(docid_from_name(path), None, [exc.diagnostic])
    except OSError as exc:
        diag = diagnostic("IO001", path=path, detail=f"cannot read file: {exc.strerror or exc}",
                          hint="check the path and its permissions")
        return path, ConversionResult(docid_from_name(path), None, [diag])
    return path, read_transcript(data, Path(path).name, settings=settings, path=path)


def _failed(job: tuple[str, ReaderSettings], diag: Diagnostic) -> tuple[str, ConversionResult]:
    """A transcript whose worker raised or died: an error of that file, the others go on."""
    path = job[0]
    return path, ConversionResult(docid_from_name(path), None,
                                  [diag if diag.path else replace(diag, path=path)])


def convert(inputs: Sequence[str | os.PathLike], output: str | os.PathLike, *,
            settings: ReaderSettings | None = None, force: bool = False,
            jobs: int | None = None,
            progress: Callable[[int], None] | None = None) -> ConvertReport:
    """Convert transcripts to TEI.

    One transcript and an ``output`` ending in ``.xml`` writes that file; otherwise ``output``
    is a folder that receives ``{docid}.xml`` per transcript. An existing file whose content
    differs from the new TEI and that tei-tools did not write (a hand edit) is left alone and
    reported, unless ``force`` is true.
    """
    settings = settings or ReaderSettings()
    files = collect_inputs(inputs)
    output = Path(output)
    single = len(files) == 1 and output.suffix.lower() == ".xml" and not output.is_dir()
    folder = OutputFolder(output.parent if single else output, force=force)
    report = ConvertReport()
    seen: dict[str, Path] = {}
    jobs_list = [(str(f), settings) for f in files]
    for path_text, result in run_parallel(_convert_file, jobs_list, jobs=jobs, progress=progress,
                                          on_error=_failed):
        path = Path(path_text)
        report.diagnostics.extend(result.diagnostics)
        if result.tei is None:
            report.failed.append(path)
            continue
        relpath = output.name if single else f"{result.docid}.xml"
        if relpath in seen:
            report.failed.append(path)
            report.diagnostics.append(diagnostic(
                "OUT003", path=str(path), docid=result.docid, other=seen[relpath],
                target=relpath, which="the transcripts"))
            continue
        seen[relpath] = path
        try:
            report.states[path] = folder.write(relpath, result.tei)
            report.outputs[path] = folder.root / relpath
        except TeiToolsError as exc:
            report.failed.append(path)
            report.diagnostics.append(exc.diagnostic)
    folder.save()
    return report
