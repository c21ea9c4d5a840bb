"""Writing register files: entries as a TEI document with ``standOff`` lists.

The output is deterministic (entries in the order given, attributes in a fixed order) and
indented like the converter's TEI, so a register file reads well and diffs well.
"""

from __future__ import annotations

from collections.abc import Iterable

from lxml import etree

from .. import safexml
from .model import KINDS, LIST_ELEMENT, NAME_ELEMENT, Entry, Name

T = f"{{{safexml.TEI_NS}}}"
XML_ID = f"{{{safexml.XML_NS}}}id"
XML_LANG = f"{{{safexml.XML_NS}}}lang"


def _sub(parent: etree._Element, tag: str, text: str | None = None, **attrib: str
         ) -> etree._Element:
    element = etree.SubElement(parent, T + tag, {k: v for k, v in attrib.items() if v})
    element.text = text
    return element


def name_element(parent: etree._Element, kind: str, name: Name) -> etree._Element:
    element = _sub(parent, NAME_ELEMENT[kind], type=name.type or "variant")
    if name.lang:
        element.set(XML_LANG, name.lang)
    if kind == "person" and name.surname and name.forename:
        parts = [("surname", name.surname), ("forename", name.forename)]
        if not name.surname_first:
            parts.reverse()
        first = _sub(element, parts[0][0], parts[0][1])
        first.tail = " "
        _sub(element, parts[1][0], parts[1][1])
    else:
        element.text = name.text
    return element


def entry_element(entry: Entry, note: str | None = None) -> etree._Element:
    """The TEI person, place or org of an entry."""
    element = etree.Element(T + entry.kind)
    element.set(XML_ID, entry.id)
    if entry.sort_key:
        element.set("sortKey", entry.sort_key)
    for name in entry.names:
        name_element(element, entry.kind, name)
    if entry.kind == "person":
        for tag, value in (("birth", entry.birth), ("death", entry.death),
                           ("floruit", entry.floruit)):
            if value:
                _sub(element, tag, when=value)
        for role in entry.roles:
            _sub(element, "occupation", role)
    else:
        for role in entry.roles:
            _sub(element, "desc", role)
    if entry.kind == "place" and entry.geo:
        _sub(_sub(element, "location"), "geo", entry.geo)
    for kind_of_id, value in sorted(entry.idnos.items()):
        _sub(element, "idno", value, type=kind_of_id)
    text = note or entry.note
    if text:
        _sub(element, "note", text)
    return element


def register_document(entries: Iterable[Entry], title: str, *, list_type: str | None = None,
                      description: str = "", notes: dict[str, str] | None = None) -> bytes:
    """A register file holding ``entries`` (one list per kind present, persons first)."""
    entries = list(entries)
    tei = etree.Element(T + "TEI", nsmap={None: safexml.TEI_NS})
    header = _sub(tei, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    _sub(_sub(file_desc, "titleStmt"), "title", title)
    _sub(_sub(file_desc, "publicationStmt"), "p", "Register of a tei-tools edition.")
    _sub(_sub(file_desc, "sourceDesc"), "p", description or "Compiled by the editors.")
    stand_off = _sub(tei, "standOff")
    for kind in KINDS:
        of_kind = [e for e in entries if e.kind == kind]
        if not of_kind:
            continue
        listing = _sub(stand_off, LIST_ELEMENT[kind], type=list_type)
        for entry in of_kind:
            listing.append(entry_element(entry, (notes or {}).get(entry.id)))
    etree.indent(tei, space="  ")
    for kind in ("surname", "forename"):  # a structured name stays on one line
        for part in tei.iter(T + kind):
            name = part.getparent()
            name.text = None
            part.tail = " " if part.getnext() is not None else None
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + etree.tostring(tei, encoding="utf-8") + b"\n")
