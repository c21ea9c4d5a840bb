"""validate(): well-formedness, the project schema and rules, users' schemas, xml-model PIs."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from .. import safexml
from ..diagnostics import Diagnostic, TeiToolsError, diagnostic, error
from ..parallel import run_parallel
from ..resources import schema_path
from . import engines, rng_prune
from .engines import SchemaRef
from .report import FileResult, ValidationReport

_PROJECT_HINT = "see schemas/README.md for the elements, attributes and values tei-tools allows"


def project_schemas() -> list[SchemaRef]:
    """The tei-tools RELAX NG schema and Schematron rules (shipped in schemas/)."""
    return [SchemaRef(str(schema_path("tei-tools.rng")), "rng", "TT-RNG", _PROJECT_HINT),
            SchemaRef(str(schema_path("tei-tools.sch")), "sch", "TT-SCH")]


def user_schema(path: str | os.PathLike, phase: str | None = None) -> SchemaRef:
    """A --schema file; the language comes from the extension (.rng, .xsd, .sch). ``phase``
    selects a Schematron phase (ignored for grammars)."""
    kind = engines.kind_of(path)
    if kind is None:
        raise error("VAL002", path=str(path),
                    detail="unknown schema type (expected .rng, .xsd or .sch)",
                    hint="RELAX NG compact syntax (.rnc) can be converted with trang")
    if not Path(path).is_file():
        raise error("IO001", path=str(path), detail="schema file not found",
                    hint="check the --schema path")
    return SchemaRef(str(Path(path).resolve()), kind, kind.upper(),
                     phase=phase if kind == "sch" else None)


def collect(paths: Iterable[str | os.PathLike]) -> tuple[list[str], list[Diagnostic]]:
    """Files as given, folders searched recursively for *.xml (hidden folders skipped)."""
    files: list[str] = []
    problems: list[Diagnostic] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            try:
                found = sorted(p for p in path.rglob("*.xml") if p.is_file() and not any(
                    part.startswith(".") for part in p.relative_to(path).parts))
            except OSError as exc:
                problems.append(diagnostic("IO001", path=str(raw),
                                           detail=f"cannot list folder: {exc.strerror}",
                                           hint="check permissions"))
                continue
            files += [str(p) for p in found]
        elif path.is_file():
            files.append(str(path))
        else:
            problems.append(diagnostic("IO001", path=str(raw), detail="no such file or folder",
                                       hint="check the path"))
    return list(dict.fromkeys(files)), problems


def xml_models(tree: etree._ElementTree, where: str, trusted: Sequence[Path] = ()
               ) -> tuple[list[SchemaRef], list[Diagnostic]]:
    """Schemas named by ``<?xml-model?>`` PIs before the root; href relative to the document.
    They came with the document: they run sandboxed unless they lie inside a ``trusted``
    folder (``--trust-schemas``: the folders being validated)."""
    refs, problems = [], []
    pis = [n for n in tree.getroot().itersiblings(preceding=True)
           if isinstance(n, etree._ProcessingInstruction) and n.target == "xml-model"]
    for pi in reversed(pis):
        href, line = pi.get("href"), pi.sourceline
        if not href:
            continue
        scheme = urlparse(href).scheme
        if scheme not in ("", "file"):
            problems.append(diagnostic("VAL010", path=where, line=line, href=href))
            continue
        local = Path(unquote(urlparse(href).path)) if scheme == "file" else Path(href)
        target = local if local.is_absolute() else Path(where).parent / local
        kind = engines.kind_of(target, pi.get("schematypens"))
        if kind is None:
            problems.append(diagnostic("VAL011", path=where, line=line, href=href))
            continue
        if not target.is_file():
            problems.append(diagnostic("IO001", path=where, line=line,
                                       detail=f"xml-model schema {href} not found",
                                       hint="fix the href (it is relative to the document)"))
            continue
        phase = pi.get("phase") if kind == "sch" else None
        resolved = target.resolve()
        refs.append(SchemaRef(str(resolved), kind, kind.upper(), phase=phase,
                              sandboxed=not any(resolved.is_relative_to(f) for f in trusted)))
    return refs, problems


def _parse(data: bytes, path: str) -> etree._ElementTree:
    try:
        return safexml.parse_bytes(data, path)
    except TeiToolsError as exc:
        if "already defined" not in exc.diagnostic.message:
            raise
    # libxml2 stops at a duplicate xml:id with a bare parse error; without ID collection the
    # Schematron rule TT-ID-UNIQUE reports every duplicate, with a hint
    return safexml.parse_bytes(data, path, collect_ids=False)


def validate_file(path: str, schemas: Sequence[SchemaRef], use_models: bool = True,
                  trusted: Sequence[Path] = ()) -> FileResult:
    """Validate one file against the given schemas (and its xml-model PIs, sandboxed unless
    they lie in a ``trusted`` folder)."""
    result = FileResult(path)
    try:
        data = Path(path).read_bytes()
        tree = _parse(data, path)
    except OSError as exc:
        result.diagnostics.append(diagnostic("IO001", path=path,
                                             detail=f"cannot read file: {exc.strerror}",
                                             hint=None))
        return result
    except TeiToolsError as exc:  # not well-formed, or refused for safety
        result.diagnostics.append(exc.diagnostic)
        return result
    text = data.decode("utf-8", errors="replace")
    refs = list(schemas)
    if use_models:
        extra, problems = xml_models(tree, path, trusted)
        result.diagnostics += problems
        refs += [r for r in extra if r not in refs]
    for ref in refs:
        result.diagnostics += engines.check_safely(ref, tree, path, text)
    # in file order, as an editor reads them (stable: schema order within one position)
    result.diagnostics.sort(key=lambda d: (d.line or 0, d.col or 0))
    return result


def _worker(job: tuple[str, tuple[SchemaRef, ...], bool, tuple[Path, ...]]) -> FileResult:
    path, schemas, use_models, trusted = job
    return validate_file(path, schemas, use_models, trusted)


def _failed(job: tuple, diag: Diagnostic) -> FileResult:
    """The result of a file whose validation raised (a bug, or a worker that died)."""
    return FileResult(job[0], [diag if diag.path else replace(diag, path=job[0])])


def trusted_folders(paths: Iterable[str | os.PathLike]) -> tuple[Path, ...]:
    """What ``--trust-schemas`` trusts: the folders given, and the folder of each file given."""
    return tuple(dict.fromkeys(
        (Path(p) if Path(p).is_dir() else Path(p).parent).resolve() for p in paths))


def _with_fast_path(refs: list[SchemaRef], files: list[str]) -> list[SchemaRef]:
    """Give big --schema RELAX NG schemas the element names of the documents (rng_prune)."""
    big = [r for r in refs if r.kind == "rng" and r.code == "RNG"
           and Path(r.path).stat().st_size >= rng_prune.MIN_SIZE]
    if not big:
        return refs
    names = rng_prune.element_names(files)
    return [replace(r, names=names) if r in big else r for r in refs]


def validate(paths: Iterable[str | os.PathLike] | str | os.PathLike, *,
             schemas: Sequence[str | os.PathLike] | None = None, project_rules: bool = True,
             xml_model: bool = True, phase: str | None = None, jobs: int | None = None,
             progress: Callable[[int], None] | None = None,
             trust_schemas: bool = False) -> ValidationReport:
    """Validate TEI files and folders.

    ``schemas`` are extra RELAX NG / XSD / Schematron files; ``project_rules`` adds the
    tei-tools schema and Schematron; ``xml_model`` honours ``<?xml-model?>`` PIs; ``phase``
    runs only that phase of the Schematron files in ``schemas``. xml-model schemas came with
    the documents and run sandboxed (no file or environment access); ``trust_schemas`` lifts
    that for those inside the folders given (or a given file's folder). Folders run in
    parallel on ``jobs`` processes (default: all cores). Raises TeiToolsError for an unusable
    --schema argument; every problem with a document is in the report.
    """
    started = time.perf_counter()
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    paths = list(paths)
    refs = project_schemas() if project_rules else []
    refs += [user_schema(s, phase) for s in schemas or []]
    files, problems = collect(paths)
    refs = _with_fast_path(refs, files)
    jobs = jobs if len(files) > 1 else 1
    if files and jobs == 1:  # a broken schema fails once, early (workers compile their own)
        for ref in refs:
            engines.precompile(ref)
    trusted = trusted_folders(paths) if trust_schemas else ()
    jobs_list = [(f, tuple(refs), xml_model, trusted) for f in files]
    results = list(run_parallel(_worker, jobs_list, jobs=jobs, progress=progress,
                                on_error=_failed))
    for result in results:  # a broken schema is reported once, not once per document
        for diag in [d for d in result.diagnostics if d.code == "VAL002"]:
            result.diagnostics.remove(diag)
            if diag not in problems:
                problems.append(diag)
    return ValidationReport(results, problems, time.perf_counter() - started)
