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
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from lxml import etree

from .. import safexml
from .rng_simplify import RNG_TAG, BuildError, drop_unreachable, fold_empty, new_pattern, simplify

Name = tuple[str, str]  # (namespace URI, local name)
_UNSUPPORTED = ("include", "externalRef", "parentRef")
MIN_SIZE = 200_000  # bytes: smaller schemas compile fast enough as they are
MAX_INPUT = 64_000_000  # bytes of documents: beyond, one full compile (shared by forked
                        # workers) is cheaper than reading every document twice


def element_names(paths: Iterable[str | os.PathLike]) -> frozenset[Name]:
    """Namespaced element names used in the files (unparsable files are skipped: the full
    validation reports them)."""
    names: set[Name] = set()
    for path in paths:
        try:
            tree = safexml.parse_file(path)
        except Exception:  # noqa: BLE001 - reported by the validation proper
            continue
        for element in tree.iter():
            if isinstance(element.tag, str):
                qname = etree.QName(element)
                names.add((qname.namespace or "", qname.localname))
    return frozenset(names)


def _namespace(node: etree._Element) -> str:
    for ancestor in (node, *node.iterancestors()):
        if ancestor.get("ns") is not None:
            return ancestor.get("ns")
    return ""


def prune(tree: etree._ElementTree, names: frozenset[Name],
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
        if (_namespace(element), name) in names:
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
def _pruned(path: str, mtime: float, names: frozenset[Name]) -> etree.RelaxNG | None:
    try:
        tree = prune(safexml.parse_file(path), names) or prune(safexml.parse_file(path), names,
                                                               stubs=True)
        return None if tree is None else etree.RelaxNG(tree)
    except (BuildError, KeyError, etree.RelaxNGParseError):
        return None  # an unusual grammar: the full schema decides


def pruned_relaxng(path: str | os.PathLike, names: frozenset[Name]) -> etree.RelaxNG | None:
    """A compiled pruned schema for documents using only ``names`` (cached), or None."""
    path = Path(path).resolve()
    stat = path.stat()
    if stat.st_size < MIN_SIZE:
        return None
    return _pruned(str(path), stat.st_mtime, names)
