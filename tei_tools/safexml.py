"""Safe XML parsing for every entry point.

No external entities, no DTD loading, no network, no entity expansion bombs. Documents that
declare entities in an internal DTD subset are refused outright: TEI never needs them, and
refusing is the only defence against billion-laughs and quadratic-blowup payloads that does
not depend on parser limits.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from lxml import etree

from .diagnostics import error

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
NS = {"tei": TEI_NS, "t": TEI_NS}


_SAFE = dict(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
             huge_tree=False)


def parser(**options: bool) -> etree.XMLParser:
    """A new lxml parser that never resolves entities, loads a DTD or touches the network.
    ``options`` add other parser settings (collect_ids, remove_blank_text); they cannot turn
    the safe ones off."""
    return etree.XMLParser(**{**options, **_SAFE})


# An internal DTD subset that declares entities: checked on the raw bytes before parsing, so that
# an entity bomb is refused as such rather than reported as a parser limit.
_ENTITY_DECL = re.compile(rb"<!DOCTYPE[^\[>]*\[[^\]]*<!ENTITY", re.DOTALL)


# libxml2's message when a document nests deeper than it allows without huge_tree
_TOO_DEEP = re.compile(r"Excessive depth in document: (\d+)")


def _refuse_entities(where: str) -> None:
    raise error("XML002", path=where, line=1)


def _check_doctype(tree: etree._ElementTree, where: str) -> None:
    dtd = tree.docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        _refuse_entities(where)


def parse_file(path: str | os.PathLike, **options: bool) -> etree._ElementTree:
    """Parse an XML file safely; raise TeiToolsError naming file, line and column on failure."""
    return parse_bytes(read_file(path), str(path), **options)


def read_file(path: str | os.PathLike) -> bytes:
    """A file's bytes, or TeiToolsError IO001 (for callers that also need the bytes)."""
    try:
        return Path(path).read_bytes()
    except OSError as exc:
        raise error("IO001", path=str(path), detail=f"cannot read file: {exc.strerror or exc}",
                    hint="check the path and its permissions") from None


def parse_bytes(data: bytes | str, where: str = "<string>", **options: bool
                ) -> etree._ElementTree:
    """Parse XML from bytes or text safely (see module doc)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    if _ENTITY_DECL.search(data):
        _refuse_entities(where)
    try:
        root = etree.fromstring(data, parser(**options))
    except etree.XMLSyntaxError as exc:
        line, col = (exc.position if exc.position else (None, None))
        msg = exc.msg or str(exc)
        lowered = msg.lower()
        depth = _TOO_DEEP.search(msg)
        if depth:  # a safety limit of libxml2, not a syntax error: say which
            raise error("XML004", path=where, line=line, col=col,
                        limit=depth.group(1)) from None
        if "entity" in lowered and ("not defined" in lowered or "undeclared" in lowered):
            hint = "entities are not resolved; write the character itself or a numeric reference"
        else:
            hint = "fix the XML syntax at this position (is the file well-formed XML?)"
        raise error("XML001", path=where, line=line, col=col, reason=msg, hint=hint) from None
    tree = root.getroottree()
    _check_doctype(tree, where)
    # An entity reference can survive parsing only when an external DTD (never loaded) was
    # meant to declare it: refuse it rather than silently drop text.
    entity = next(root.iter(etree.Entity), None)
    if entity is not None:
        raise error("XML003", path=where, line=entity.sourceline, entity=entity.text)
    return tree


def serialise(tree: etree._ElementTree | etree._Element) -> bytes:
    """Serialise for handing to another processor (Saxon): root element only, no DOCTYPE."""
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    return etree.tostring(root, encoding="utf-8")
