"""Small helpers for building TEI elements with lxml."""

from __future__ import annotations

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"


def el(tag: str, attrib: dict[str, str] | None = None, text: str | None = None,
       parent: etree._Element | None = None) -> etree._Element:
    """A TEI element; ``xml:*`` attribute names are put in the XML namespace."""
    attrs = {}
    if attrib:
        for key, value in attrib.items():
            if value is None:
                continue
            attrs[f"{{{XML_NS}}}{key[4:]}" if key.startswith("xml:") else key] = value
    node = (etree.SubElement(parent, f"{{{TEI_NS}}}{tag}", attrs) if parent is not None
            else etree.Element(f"{{{TEI_NS}}}{tag}", attrs))
    if text:
        node.text = text
    return node


def local(node: etree._Element) -> str:
    # the local name from the "{namespace}name" tag, without building a QName
    tag = node.tag
    if not isinstance(tag, str):
        return etree.QName(node).localname      # let lxml raise as before
    return tag.rpartition("}")[2]


def add_text(parent: etree._Element, text: str) -> None:
    """Append text at the end of ``parent``'s content (after its last child)."""
    if not text:
        return
    # parent[-1] walks back from the last child; len(parent) would count every child, which
    # made filling an element with many children quadratic (issue 14)
    try:
        last = parent[-1]
    except IndexError:
        parent.text = (parent.text or "") + text
    else:
        last.tail = (last.tail or "") + text


def text_of(node: etree._Element) -> str:
    return "".join(node.itertext())
