"""RELAX NG validation against a big schema (TEI All) without paying its compile time each run.

lxml needs 10–14 s to compile ``tei_all.rng``: 588 elements, 1,209 defines. A document uses a
few dozen of those elements. So we first validate against a *pruned* schema: every define that
is just one named element the documents do not use becomes ``<notAllowed/>``, and defines no
longer reachable from ``<start>`` are dropped. Pruning only removes alternatives, so the pruned
language is a subset of the full one: **valid against the pruned schema ⇒ valid against the
full schema**. And a document whose elements are all kept matches the same derivation in both,
so a valid document is valid against the pruned schema too. Only documents the pruned schema
rejects are checked against the full schema, which then gives the error messages.

The pruned schema is cached on disk (``$TEI_TOOLS_CACHE`` or ``~/.cache/tei-tools/rng``) under
the SHA-256 of the full schema and the kept element names, so a second run starts with a
small parse-and-compile instead of the full compile. Within a process, the kept set grows as
documents with new elements arrive; in practice it settles after a handful of documents.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import os
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from pathlib import Path

from lxml import etree

from .. import safexml
from ..diagnostics import Diagnostic, Severity, TeiToolsError, error
from ..outputs import write_atomic
from ..parallel import run_parallel

RNG = "http://relaxng.org/ns/structure/1.0"
_R = f"{{{RNG}}}"
_LINKS = (f"{_R}ref", f"{_R}parentRef")


def cache_dir() -> Path:
    root = os.environ.get("TEI_TOOLS_CACHE") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache", "tei-tools")
    return Path(root) / "rng"


@cache
def _schema_bytes(path: str, mtime_ns: int) -> tuple[bytes, str]:
    data = Path(path).read_bytes()
    return data, hashlib.sha256(data).hexdigest()


def _load(path: str) -> tuple[bytes, str]:
    try:
        return _schema_bytes(path, os.stat(path).st_mtime_ns)
    except OSError as exc:
        raise error("IO001", f"cannot read schema: {exc.strerror}", path=path,
                    hint="check the --schema path") from None


def element_names(tree: etree._ElementTree | etree._Element) -> frozenset[str]:
    """Local names of the elements in a document."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return frozenset(etree.QName(e).localname for e in root.iter() if isinstance(e.tag, str))


def prune(schema: etree._Element, keep: Iterable[str]) -> etree._Element | None:
    """A copy of ``schema`` allowing only the elements named in ``keep`` (see module doc).

    Returns None when the schema cannot be pruned safely: it includes other files, so its
    defines are not all in view.
    """
    keep = set(keep)
    root = copy.deepcopy(schema)
    if root.tag != f"{_R}grammar" or any(True for _ in root.iter(f"{_R}include",
                                                                  f"{_R}externalRef")):
        return None
    for node in list(root.iter()):  # annotations (docs, embedded Schematron) are dead weight
        if not isinstance(node.tag, str) or not node.tag.startswith(_R):
            node.getparent().remove(node)
    defines: dict[str, list[etree._Element]] = {}
    for define in root.iter(f"{_R}define"):
        defines.setdefault(define.get("name"), []).append(define)
        body = list(define)
        if (len(body) == 1 and body[0].tag == f"{_R}element" and body[0].get("name")
                and body[0].get("name").split(":")[-1] not in keep):
            define.remove(body[0])
            etree.SubElement(define, f"{_R}notAllowed")
    reachable: set[str] = set()
    stack = [r.get("name") for s in root.iter(f"{_R}start") for r in s.iter(*_LINKS)]
    while stack:
        name = stack.pop()
        if name in reachable:
            continue
        reachable.add(name)
        for define in defines.get(name, []):
            stack.extend(r.get("name") for r in define.iter(*_LINKS))
    for name, nodes in defines.items():
        if name not in reachable:
            for define in nodes:
                define.getparent().remove(define)
    return root


@cache
def _full(path: str, sha: str) -> etree.RelaxNG:
    data, _ = _load(path)
    try:
        return etree.RelaxNG(safexml.parse_bytes(data, path))
    except etree.RelaxNGParseError as exc:
        raise error("RNG000", f"RELAX NG schema does not compile: {exc}", path=path) from None


@cache
def _pruned(path: str, sha: str, keep: frozenset[str]) -> etree.RelaxNG | None:
    key = hashlib.sha256((sha + "\0" + "\0".join(sorted(keep))).encode()).hexdigest()[:32]
    cached = cache_dir() / f"{key}.rng"
    try:
        tree = safexml.parse_bytes(cached.read_bytes(), str(cached))
    except (OSError, TeiToolsError):
        data, _ = _load(path)
        pruned = prune(safexml.parse_bytes(data, path).getroot(), keep)
        if pruned is None:
            return None
        text = etree.tostring(pruned, xml_declaration=True, encoding="utf-8")
        with contextlib.suppress(OSError):  # a read-only cache costs the next run a pruning
            write_atomic(cached, text)
        tree = pruned.getroottree()
    try:
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError:
        return None  # a pruning this module did not foresee: fall back to the full schema


class PrunedValidator:
    """Validates documents against one RELAX NG file, pruned fast path first."""

    def __init__(self, schema: str | os.PathLike, code: str = "RNG", hint: str | None = None):
        self.path = str(Path(schema).resolve())
        self.code, self.hint = code, hint
        self.sha = _load(self.path)[1]
        self.keep: frozenset[str] = frozenset()
        self.full_checks = 0  # how often the full schema was needed (for tests and benches)

    def check(self, tree: etree._ElementTree, where: str) -> list[Diagnostic]:
        """Diagnostics for one parsed document: empty when it is valid against the schema."""
        used = element_names(tree)
        if not used <= self.keep:
            self.keep = self.keep | used
        pruned = _pruned(self.path, self.sha, self.keep)
        if pruned is not None and pruned.validate(tree):
            return []
        self.full_checks += 1
        full = _full(self.path, self.sha)
        if full.validate(tree):
            return []
        return [Diagnostic(Severity.ERROR, self.code, e.message, where, e.line or None,
                           e.column or None, self.hint) for e in full.error_log]


@cache
def _validator(schema: str) -> PrunedValidator:
    return PrunedValidator(schema)


def _check_file(job: tuple[str, str]) -> list[Diagnostic]:
    path, schema = job
    try:
        tree = safexml.parse_file(path)
    except TeiToolsError as exc:
        return [exc.diagnostic]
    try:
        return _validator(schema).check(tree, path)
    except TeiToolsError as exc:
        return [exc.diagnostic]


def validate_files(paths: Sequence[str | os.PathLike], schema: str | os.PathLike, *,
                   jobs: int | None = None,
                   progress: Callable[[int], None] | None = None) -> list[Diagnostic]:
    """Validate files against one RELAX NG schema on ``jobs`` processes; all problems found."""
    schema = str(Path(schema).resolve())
    _load(schema)  # an unreadable schema is one error, not one per document
    jobs_list = [(str(p), schema) for p in paths]
    found: list[Diagnostic] = []
    for diagnostics in run_parallel(_check_file, jobs_list,
                                    jobs=jobs if len(jobs_list) > 1 else 1, progress=progress):
        found.extend(diagnostics)
    return found
