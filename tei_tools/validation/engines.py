"""The schema languages: RELAX NG (lxml), XSD 1.0/1.1 (xmlschema) and Schematron (saxonche).

Every compiled schema is cached per process, keyed by path and modification time, so a folder
of documents pays each compile once per worker process, however big the schema (lxml needs
10–14 s for tei_all.rng).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from .. import safexml
from ..diagnostics import Diagnostic, Severity, TeiToolsError, diagnostic, error
from . import rng_prune, schematron

if TYPE_CHECKING:
    import xmlschema  # imported when first needed: most runs have no XSD

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XSD_NS = "http://www.w3.org/2001/XMLSchema"
SCH_NS = schematron.SCH
KINDS = {".rng": "rng", ".xsd": "xsd", ".sch": "sch"}
_BY_NAMESPACE = {RNG_NS: "rng", XSD_NS: "xsd", SCH_NS: "sch"}


@dataclass(frozen=True)
class SchemaRef:
    """A schema to validate against: its path, language and the code its problems carry."""

    path: str
    kind: str  # "rng" | "xsd" | "sch"
    code: str  # diagnostic code for schema (not Schematron) errors, e.g. "RNG", "TT-RNG"
    hint: str | None = None
    # RELAX NG only: every element name the documents use, for the pruned fast path
    names: frozenset[str] | None = None
    phase: str | None = None  # Schematron only (xml-model's phase pseudo-attribute)
    # came with a document and is not trusted: Schematron runs sandboxed, XSD reads only files
    # of its own folder (tei_tools.sandbox)
    sandboxed: bool = False


def kind_of(path: str | os.PathLike, schematypens: str | None = None) -> str | None:
    """The schema language, by @schematypens when given, else by the file extension."""
    if schematypens in _BY_NAMESPACE:
        return _BY_NAMESPACE[schematypens]
    return KINDS.get(Path(path).suffix.lower())


def _mtime(path: str) -> float:
    try:
        return os.stat(path).st_mtime
    except OSError as exc:
        raise error("IO001", path=path, detail=f"cannot read schema: {exc.strerror}",
                    hint="check the --schema path or the xml-model href") from None


@cache
def _relaxng(path: str, mtime: float) -> etree.RelaxNG:
    # Parsed through safexml: no DTD, no entities; includes of the grammar are still resolved
    tree = safexml.parse_file(path)
    tree.docinfo.URL = Path(path).as_uri()  # so that include/externalRef resolve next to it
    if tree.getroot().tag == f"{{{SCH_NS}}}schema":
        raise error("SCH001", path=path, detail="this is a Schematron file, not RELAX NG",
                    hint=None)
    try:
        return etree.RelaxNG(tree)
    except etree.RelaxNGParseError as exc:
        raise error("RNG000", path=path, reason=exc) from None


@cache
def _xsd(path: str, mtime: float, sandboxed: bool = False) -> xmlschema.XMLSchema11:
    import xmlschema

    # XSD 1.1 validates 1.0 schemas too; 'local' and 'always' keep it off the network and
    # refuse DTD/entity tricks in schema files and documents alike; 'sandbox' also keeps an
    # untrusted schema inside its own folder
    try:
        return xmlschema.XMLSchema11(path, allow="sandbox" if sandboxed else "local",
                                     defuse="always")
    except (xmlschema.XMLSchemaException, OSError, ValueError) as exc:
        message = " ".join(str(exc).split())[:500]
        raise error("XSD000", path=path, reason=message) from None


def relaxng(path: str | os.PathLike) -> etree.RelaxNG:
    path = str(Path(path).resolve())
    return _relaxng(path, _mtime(path))


def xsd(path: str | os.PathLike, sandboxed: bool = False) -> xmlschema.XMLSchema11:
    path = str(Path(path).resolve())
    return _xsd(path, _mtime(path), sandboxed)


def _rng_column(tree: etree._ElementTree, entry, columns: schematron.Columns) -> int | None:
    """libxml2 gives RELAX NG errors no column; find the element's start tag on its line."""
    try:
        found = tree.xpath(entry.path) if entry.path else []
    except etree.XPathError:
        return None
    if not found or not isinstance(found[0], etree._Element):
        return None
    return columns.of(found[0])


def check(ref: SchemaRef, tree: etree._ElementTree, where: str, text: str) -> list[Diagnostic]:
    """Validate one parsed document against one schema."""
    if ref.kind == "rng":
        schema = _relaxng_for(ref)
        if schema.validate(tree):
            return []
        columns = schematron.Columns(tree, text)
        return [Diagnostic(Severity.ERROR, ref.code, e.message, where, e.line or None,
                           e.column or _rng_column(tree, e, columns), ref.hint)
                for e in schema.error_log]
    if ref.kind == "xsd":
        found = []
        for exc in xsd(ref.path, ref.sandboxed).iter_errors(tree.getroot()):
            elem = getattr(exc, "elem", None)
            line = getattr(elem, "sourceline", None) if elem is not None else None
            reason = " ".join((exc.reason or exc.message or "invalid").split())
            hint = ref.hint or (f"at {exc.path}" if exc.path else None)
            found.append(Diagnostic(Severity.ERROR, ref.code, reason, where, line, None, hint))
        return found
    if ref.kind == "sch":
        compiled = schematron.compile_schematron(ref.path, ref.phase, sandboxed=ref.sandboxed)
        return schematron.run(compiled, tree, where, text)
    raise error("VAL002", path=ref.path, detail=f"unknown schema language {ref.kind!r}", hint=None)


def check_safely(ref: SchemaRef, tree: etree._ElementTree, where: str,
                 text: str) -> list[Diagnostic]:
    """As :func:`check`, but a broken schema becomes a diagnostic on the schema file."""
    try:
        return check(ref, tree, where, text)
    except TeiToolsError as exc:
        diag = exc.diagnostic
        if diag.path == where:  # the document itself (e.g. Schematron failed at run time)
            return [diag]
        # the schema is broken or unreadable: a problem of the run (exit 2), not of the document
        return [diagnostic("VAL002", path=diag.path, line=diag.line, col=diag.col,
                           detail=f"unusable schema: {diag.message} [{diag.code}]",
                           hint=diag.hint)]


def _relaxng_for(ref: SchemaRef) -> etree.RelaxNG:
    if ref.names is not None:
        pruned = rng_prune.pruned_relaxng(ref.path, ref.names)
        if pruned is not None:
            return pruned
    return relaxng(ref.path)


def precompile(ref: SchemaRef) -> None:
    """Compile a RELAX NG or XSD schema now, so forked worker processes inherit it."""
    if ref.kind == "rng":
        _relaxng_for(ref)
    elif ref.kind == "xsd":
        xsd(ref.path, ref.sandboxed)
