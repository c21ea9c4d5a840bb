"""Assemble the TEI document and serialise it deterministically (§2 "Header order", §6.1 rule 4).

Layout, as in ``reference/puzanov-1957-05-23.xml``: UTF-8 with an XML declaration, two spaces of
indentation for the structural containers (header parts, ``div``, ``opener``, ``list`` …), and
every other element on one line with its content untouched. Only whitespace between the children
of element-only containers is written, so the indentation never changes the text (canon.py and the
D view ignore it). Two children that the body separated with a space on one line (``<seg/> <seg/>``
in an opener) stay on one line, and a list's ``label`` and ``item`` share a line.
"""

from __future__ import annotations

from typing import Protocol

from lxml import etree

from ...safexml import TEI_NS, XML_NS
from .context import Context

INDENT = "  "
# Containers laid out one child per line (when their content is element-only).
BLOCK = {
    "TEI", "teiHeader", "fileDesc", "titleStmt", "publicationStmt", "availability", "notesStmt",
    "sourceDesc", "msDesc", "msIdentifier", "msContents", "bibl", "encodingDesc", "classDecl",
    "profileDesc", "revisionDesc", "standOff", "listPerson", "handNotes", "correspDesc",
    "text", "front", "body", "back", "div", "opener", "closer", "postscript", "list",
}
_WS = " \t\r\n"


class BodyLike(Protocol):
    div: etree._Element


def tei(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def assemble(header_elements: list[etree._Element], body: BodyLike, ctx: Context) -> bytes:
    """``TEI[@xml:id]`` with the header parts, then ``text/body`` holding ``body.div``."""
    root = etree.Element(tei("TEI"), nsmap={None: TEI_NS})
    root.set(f"{{{XML_NS}}}id", ctx.docid)
    for element in header_elements:
        root.append(element)
    text = etree.SubElement(root, tei("text"))
    etree.SubElement(text, tei("body")).append(body.div)
    return serialise(root)


def serialise(root: etree._Element) -> bytes:
    """Indent the structural containers and write UTF-8 with a declaration (deterministic)."""
    _layout(root, 0)
    etree.cleanup_namespaces(root)
    xml = etree.tostring(root, encoding="unicode")
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + xml + "\n").encode("utf-8")


def _element_only(el: etree._Element) -> bool:
    texts = [el.text] + [child.tail for child in el]
    return len(el) > 0 and all(t is None or not t.strip(_WS) for t in texts)


def _local(el: etree._Element) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _layout(el: etree._Element, level: int) -> None:
    if _local(el) not in BLOCK or not _element_only(el):
        return
    # comments/PIs from the body are not expected; treat them like elements for layout
    children = list(el)
    inner = "\n" + INDENT * (level + 1)
    el.text = inner
    for prev, child in zip(children, children[1:], strict=False):
        same_line = prev.tail is not None and prev.tail != "" and "\n" not in prev.tail
        if _local(prev) == "label" and _local(child) == "item":
            prev.tail = ""            # label + item on one line, as in the reference
        elif same_line:
            prev.tail = " "           # phrase-level neighbours from one transcript line
        else:
            prev.tail = inner
    children[-1].tail = "\n" + INDENT * level
    for child in children:
        if _local(child) in BLOCK:      # tested here: most children are phrase-level
            _layout(child, level + 1)
