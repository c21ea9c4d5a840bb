"""Fast path for big RELAX NG schemas: prune to the elements the documents actually use.

lxml needs 10–14 s to compile tei_all.rng, most of it for the content models of the ~600
elements a given corpus never uses. For documents whose element names are all in ``names``, the
content of an element pattern with another name is never looked at: that pattern cannot match
any of their elements. So it can be replaced by ``notAllowed`` (then simplified away, RELAX NG
spec §4.19: compiles in a fraction of a second) without changing any verdict. When that leaves
no possible root (a required element is missing from every document), the element patterns are
kept as empty stubs instead (``<element name="x"><empty/></element>``, a few seconds), so the
error messages still name the element that was expected.

Only plain single-file grammars are pruned (no include, externalRef, parentRef or nested
grammar; element names as plain local names, wildcards kept as they are); anything else
returns None and the caller compiles the full schema.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from lxml import etree

from .. import safexml
from .rng_simplify import RNG_TAG, BuildError, drop_unreachable, fold_empty, new_pattern, simplify

_UNSUPPORTED = ("include", "externalRef", "parentRef")
MIN_SIZE = 200_000  # bytes: smaller schemas compile fast enough as they are
# A start tag's name in the raw bytes: what follows "<" up to white space, "/" or ">"; comments,
# PIs, end tags and declarations are left out by the lookahead. Names inside comments, CDATA
# or the internal subset are caught too: harmless, the set only has to include every name used.
_START_TAG = re.compile(rb"<(?![!?/])([^\s/>]+)")
_READ = 1 << 20  # bytes per read: the scan holds one chunk (plus a tag's worth) at a time


def element_names(paths: Iterable[str | os.PathLike]) -> frozenset[str]:
    """Local names of the elements the files use, or a superset of them.

    Read as bytes with a regular expression instead of parsing (a full parse of every document
    only for this cost as much as the validation itself on big corpora). Namespaces are
    ignored: keeping an element pattern whose local name occurs in another namespace changes
    no verdict. Files whose encoding is not ASCII-compatible (UTF-16/32) are parsed instead."""
    names: set[str] = set()
    for path in paths:
        try:
            with open(path, "rb") as f:
                head = f.read(4)
                if head[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in head:
                    names |= _parsed_names(path)
                    continue
                carry = head
                while chunk := f.read(_READ):
                    data = carry + chunk
                    cut = data.rfind(b"<")  # a tag may straddle the chunk boundary
                    names.update(_local(m) for m in _START_TAG.findall(data, 0, max(cut, 0)))
                    carry = data[max(cut, 0):]
                names.update(_local(m) for m in _START_TAG.findall(carry))
        except OSError:
            continue  # reported by the validation proper
    return frozenset(names)


def _local(qname: bytes) -> str:
    return qname.rpartition(b":")[2].decode("utf-8", "replace")


def _parsed_names(path: str | os.PathLike) -> set[str]:
    try:
        tree = safexml.parse_file(path)
    except Exception:  # noqa: BLE001 - reported by the validation proper
        return set()
    return {etree.QName(e).localname for e in tree.iter() if isinstance(e.tag, str)}


def prune(tree: etree._ElementTree, names: frozenset[str],
          stubs: bool = False) -> etree._ElementTree | None:
    """The grammar without the unused elements (or with them as empty stubs), or None if the
    grammar is not a plain one or, without stubs, no root element would be left."""
    root = tree.getroot()
    if root.tag != RNG_TAG + "grammar" or root.find(RNG_TAG + "start") is None:
        return None
    if any(True for tag in _UNSUPPORTED for _ in root.iter(RNG_TAG + tag)):
        return None
    if any(g is not root for g in root.iter(RNG_TAG + "grammar")):
        return None
    defines = {d.get("name"): d for d in root.findall(RNG_TAG + "define")}
    if len(defines) != len(root.findall(RNG_TAG + "define")) or any(
            d.get("combine") for d in defines.values()):
        return None
    for element in list(root.iter(RNG_TAG + "element")):
        name = element.get("name")
        if name is None:
            continue  # a name class (anyName, nsName …): kept as it is
        if ":" in name:
            return None
        if name in names:
            continue
        if stubs:
            for child in list(element):
                element.remove(child)
            etree.SubElement(element, RNG_TAG + "empty")
        else:
            element.getparent().replace(element, new_pattern("notAllowed"))
    if not stubs:
        simplify(root, defines)
        fold_empty(root)
        if root.find(RNG_TAG + "start").find(RNG_TAG + "notAllowed") is not None:
            return None
    drop_unreachable(root, defines)
    return tree


@cache
def _pruned(path: str, mtime: float, names: frozenset[str]) -> etree.RelaxNG | None:
    try:
        tree = prune(safexml.parse_file(path), names) or prune(safexml.parse_file(path), names,
                                                               stubs=True)
        return None if tree is None else etree.RelaxNG(tree)
    except (BuildError, KeyError, etree.RelaxNGParseError):
        return None  # an unusual grammar: the full schema decides


def pruned_relaxng(path: str | os.PathLike, names: frozenset[str]) -> etree.RelaxNG | None:
    """A compiled pruned schema for documents using only ``names`` (cached), or None."""
    path = Path(path).resolve()
    stat = path.stat()
    if stat.st_size < MIN_SIZE:
        return None
    return _pruned(str(path), stat.st_mtime, names)
