"""CMIF: the letters and telegrams of an edition as a Correspondence Metadata Interchange
Format file, the TEI subset (``correspDesc`` in ``profileDesc``) that correspSearch harvests.

A document is described when it has a ``correspDesc`` or is a letter or telegram
(``div/@subtype``). Sender and addressee come from ``correspAction`` (a telegram's signer in the
closer when the header names no sender); a name linked to the register is written in its sort
form with the entry's authority URI as ``@ref`` (VIAF, GND, LC, then Wikidata for persons and
organisations; GeoNames, then Wikidata for places). CMIF allows only the dates YYYY, YYYY-MM and
YYYY-MM-DD: a telegram's date and time keeps its date. Unknown parties are written "Unknown",
as CMIF asks, and reported (REG030).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from lxml import etree

from .. import safexml
from ..diagnostics import Diagnostic
from .authority import CMIF_PREFERENCE, authority_uri
from .codes import diagnostic
from .model import Entry, Register

T = f"{{{safexml.TEI_NS}}}"
LICENCE_URL = "https://creativecommons.org/licenses/by/4.0/"
LICENCE_TEXT = ("This file is licensed under the terms of the Creative Commons License "
                "CC-BY 4.0")
_PARTY_TAGS = (T + "persName", T + "orgName", T + "name")
_DATE_ATTRIBUTES = ("when", "from", "to", "notBefore", "notAfter")


@dataclass
class Party:
    """A sender or addressee: the name as CMIF writes it, its element and authority URI."""

    name: str = "Unknown"
    element: str = "persName"
    ref: str | None = None
    place: str | None = None
    place_ref: str | None = None
    dates: dict[str, str] = field(default_factory=dict)


@dataclass
class Letter:
    docid: str
    sent: Party
    received: Party
    path: str | None = None


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _authority(entry: Entry | None) -> str | None:
    if entry is None:
        return None
    for kind in CMIF_PREFERENCE[entry.kind]:
        if kind in entry.idnos:
            return authority_uri(kind, entry.idnos[kind])
    return entry.idnos.get("uri")


def _cmif_date(value: str) -> str | None:
    """A TEI date value in a CMIF form (YYYY, YYYY-MM, YYYY-MM-DD), or None."""
    day = value.split("T")[0]
    parts = day.split("-")
    if parts and len(parts[0]) == 4 and parts[0].isdigit() and len(parts) <= 3:
        return day
    return None


def _party(action: etree._Element | None, register: Register, fallback=None) -> Party:
    party = Party()
    if action is not None:
        named = next((e for e in action if e.tag in _PARTY_TAGS), None)
        if named is None and fallback is not None:
            named = fallback
        if named is not None:
            _name(party, named, register)
        place = action.find(T + "placeName")
        if place is not None:
            entry = register.resolve(place.get("ref") or "")
            party.place = entry.label if entry else _text(place)
            party.place_ref = _authority(entry)
        date = action.find(T + "date")
        if date is not None:
            party.dates = {a: d for a in _DATE_ATTRIBUTES
                           if date.get(a) and (d := _cmif_date(date.get(a)))}
    elif fallback is not None:
        _name(party, fallback, register)
    return party


def _name(party: Party, named: etree._Element, register: Register) -> None:
    entry = register.resolve(named.get("ref") or "")
    if entry is not None:
        party.name = entry.sort_form
        party.element = "orgName" if entry.kind == "org" else "persName"
        party.ref = _authority(entry)
    else:
        party.name = _text(named) or "Unknown"
        party.element = "orgName" if named.tag == T + "orgName" else "persName"


def is_correspondence(root: etree._Element) -> bool:
    if root.find(f"{T}teiHeader/{T}profileDesc/{T}correspDesc") is not None:
        return True
    return any(d.get("subtype") in ("letter", "telegram") for d in root.iter(T + "div"))


def letter_of(tree: etree._ElementTree, register: Register, path: str | None = None
              ) -> Letter | None:
    """The correspondence metadata of one (linked) TEI document; None if it is no letter."""
    root = tree.getroot()
    if not is_correspondence(root):
        return None
    desc = root.find(f"{T}teiHeader/{T}profileDesc/{T}correspDesc")
    actions = {a.get("type"): a for a in (desc.iter(T + "correspAction")
                                          if desc is not None else [])}
    signer = next((p for s in root.iter(T + "signed") for p in s.iter(T + "persName")), None)
    sent = _party(actions.get("sent"), register, signer)
    received = _party(actions.get("received"), register)
    if not sent.dates:
        creation = root.find(f"{T}teiHeader/{T}profileDesc/{T}creation/{T}date")
        if creation is not None:
            sent.dates = {a: d for a in _DATE_ATTRIBUTES
                          if creation.get(a) and (d := _cmif_date(creation.get(a)))}
    docid = root.get(f"{{{safexml.XML_NS}}}id") or (path or "document")
    return Letter(docid, sent, received, path)


def _sub(parent, tag: str, text: str | None = None, **attrib: str):
    element = etree.SubElement(parent, T + tag, {k: v for k, v in attrib.items() if v})
    element.text = text
    return element


def _action(desc: etree._Element, kind: str, party: Party) -> None:
    action = _sub(desc, "correspAction", type=kind)
    _sub(action, party.element, party.name, ref=party.ref or "")
    if party.place:
        _sub(action, "placeName", party.place, ref=party.place_ref or "")
    if party.dates:
        _sub(action, "date", **party.dates)


def cmif_document(letters: list[Letter], *, title: str, publisher: str, editors: list[str],
                  base_url: str = "", timestamp: datetime | None = None) -> bytes:
    """The CMIF file describing ``letters``. ``base_url`` (the web edition's address) gives
    each letter its ``@ref`` and the file its URL; ``timestamp`` is the file's update time."""
    base = base_url.rstrip("/") + "/" if base_url else ""
    bibl_id = "b" + str(uuid.uuid5(uuid.NAMESPACE_URL, base or title))[1:]
    tei = etree.Element(T + "TEI", nsmap={None: safexml.TEI_NS})
    header = _sub(tei, "teiHeader")
    file_desc = _sub(header, "fileDesc")
    title_stmt = _sub(file_desc, "titleStmt")
    _sub(title_stmt, "title", f"Letters and telegrams of {title}")
    for editor in editors or [publisher or "tei-tools"]:
        _sub(title_stmt, "editor", editor)
    publication = _sub(file_desc, "publicationStmt")
    publisher_element = _sub(publication, "publisher")
    if base:
        _sub(publisher_element, "ref", publisher or title, target=base)
    else:
        publisher_element.text = publisher or title
    _sub(publication, "idno", f"{base}cmif.xml" if base else "cmif.xml", type="url")
    when = (timestamp or datetime.now(UTC)).astimezone(UTC).replace(microsecond=0)
    _sub(publication, "date", when=when.isoformat().replace("+00:00", "Z"))
    availability = _sub(publication, "availability")
    _sub(availability, "licence", LICENCE_TEXT, target=LICENCE_URL)
    source = _sub(file_desc, "sourceDesc")
    bibl = _sub(source, "bibl", title, type="online")
    bibl.set(f"{{{safexml.XML_NS}}}id", bibl_id)
    if base:
        bibl.text = f"{title}, "
        _sub(bibl, "ref", base, target=base)
    profile = _sub(header, "profileDesc")
    for letter in letters:
        desc = _sub(profile, "correspDesc", source=f"#{bibl_id}",
                    ref=f"{base}documents/{letter.docid}.html" if base else "")
        _action(desc, "sent", letter.sent)
        _action(desc, "received", letter.received)
    _sub(_sub(_sub(tei, "text"), "body"), "p")
    etree.indent(tei, space="  ")
    return (b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + etree.tostring(tei, encoding="utf-8") + b"\n")


def missing_parties(letter: Letter) -> list[Diagnostic]:
    """REG030 for a sender or addressee CMIF must call "Unknown"."""
    found = []
    for what, party in (("sender", letter.sent), ("addressee", letter.received)):
        if party.name == "Unknown":
            found.append(diagnostic("REG030", path=letter.path, what=what))
    return found
