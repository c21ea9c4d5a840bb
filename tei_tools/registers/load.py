"""Reading register files: TEI ``listPerson``/``listPlace``/``listOrg`` in ``registers/*.xml``.

Each file is a TEI document whose ``standOff`` holds the lists (see docs/guide/registers.md).
Entries of a list typed ``proposed`` (what ``tei-tools link --add-unknown`` writes) are read
apart and never linked to. Problems are returned as diagnostics; an entry with an error (no id,
no preferred name, an id already used) is left out, so one bad entry never stops a build.
"""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from .. import safexml
from ..diagnostics import Diagnostic, TeiToolsError
from .authority import AUTHORITIES, is_valid
from .codes import diagnostic
from .model import KIND_OF_NAME, LIST_ELEMENT, NAME_ELEMENT, Entry, Name, Register

T = f"{{{safexml.TEI_NS}}}"
XML_LANG = f"{{{safexml.XML_NS}}}lang"
XML_ID = f"{{{safexml.XML_NS}}}id"
_ENTRY_TAGS = {T + kind: kind for kind in NAME_ELEMENT}
_LIST_TAGS = {T + name for name in LIST_ELEMENT.values()}
PROPOSALS_FILE = "proposals.xml"


def _text(element: etree._Element) -> str:
    return " ".join("".join(element.itertext()).split())


def _joined(element: etree._Element, tag: str) -> str | None:
    parts = [_text(e) for e in element.iter(T + tag)]
    return " ".join(p for p in parts if p) or None


def read_name(element: etree._Element) -> Name:
    """A name element of an entry (persName, placeName, orgName) as a :class:`Name`."""
    surname, forename = _joined(element, "surname"), _joined(element, "forename")
    surname_first = False
    if surname and forename:
        first_surname = next(element.iter(T + "surname"))
        first_forename = next(element.iter(T + "forename"))
        order = list(element.iter(T + "surname", T + "forename"))
        surname_first = order.index(first_surname) < order.index(first_forename)
    return Name(_text(element), element.get("type") or "", element.get(XML_LANG),
                surname, forename, surname_first)


def _when(element: etree._Element | None) -> str | None:
    if element is None:
        return None
    return (element.get("when") or element.get("from") or element.get("notBefore")
            or _text(element) or None)


def read_entry(element: etree._Element, file: str) -> Entry:
    """One person, place or org element as an :class:`Entry` (not checked)."""
    kind = _ENTRY_TAGS[element.tag]
    names = [read_name(n) for n in element if n.tag == T + NAME_ELEMENT[kind]]
    if not any(n.type == "preferred" for n in names):
        untyped = next((i for i, n in enumerate(names) if not n.type), None)
        if untyped is not None:
            first = names[untyped]
            names[untyped] = Name(first.text, "preferred", first.lang, first.surname,
                                  first.forename, first.surname_first)
    names = [n if n.type else Name(n.text, "variant", n.lang, n.surname, n.forename,
                                   n.surname_first) for n in names]
    idnos = {}
    for idno in element.findall(T + "idno"):
        kind_of_id = (idno.get("type") or "").strip().lower()
        value = _text(idno)
        if kind_of_id and value and kind_of_id not in idnos:
            idnos[kind_of_id] = value
    roles = [_text(e) for e in element if e.tag in (T + "occupation", T + "desc", T + "roleName")]
    geo = element.find(f"{T}location/{T}geo")
    note = element.find(T + "note")
    return Entry(kind=kind, id=element.get(XML_ID) or "", file=file, names=names,
                 sort_key=element.get("sortKey"), birth=_when(element.find(T + "birth")),
                 death=_when(element.find(T + "death")),
                 floruit=_when(element.find(T + "floruit")), roles=[r for r in roles if r],
                 idnos=idnos, geo=_text(geo) if geo is not None else None,
                 note=_text(note) if note is not None else None, line=element.sourceline)


def _proposed(element: etree._Element) -> bool:
    parent = element.getparent()
    return parent is not None and parent.tag in _LIST_TAGS and parent.get("type") == "proposed"


def read_file(path: Path, register: Register, where: dict[str, str]) -> list[Diagnostic]:
    """Add the entries of one register file to ``register``; return its problems. ``where``
    maps the ids seen so far to their files (for REG003)."""
    problems: list[Diagnostic] = []
    try:
        tree = safexml.parse_file(path)
    except TeiToolsError as exc:
        return [diagnostic("REG001", path=str(path), line=exc.diagnostic.line,
                           col=exc.diagnostic.col, reason=exc.diagnostic.message)]
    register.files.append(path.name)
    for element in tree.getroot().iter(*_ENTRY_TAGS):
        parent = element.getparent()
        if parent is None or parent.tag not in _LIST_TAGS:
            continue  # a person inside a personGrp, a place inside a place …: not an entry
        entry = read_entry(element, path.name)
        at = {"path": str(path), "line": element.sourceline}
        if not entry.id:
            problems.append(diagnostic("REG002", **at, element=etree.QName(element).localname))
            continue
        if _proposed(element):
            register.proposed.setdefault(entry.id, entry)
            continue
        preferred = sum(1 for n in entry.names if n.type == "preferred")
        if preferred != 1:
            problems.append(diagnostic("REG004", **at, id=entry.id) if not preferred else
                            diagnostic("REG005", **at, id=entry.id, count=preferred))
            continue
        if entry.id in where:
            problems.append(diagnostic("REG003", **at, id=entry.id, other=where[entry.id]))
            continue
        for kind_of_id, value in entry.idnos.items():
            if kind_of_id in AUTHORITIES and not is_valid(kind_of_id, value):
                problems.append(diagnostic("REG006", **at, type=kind_of_id, id=entry.id,
                                           value=value))
        where[entry.id] = path.name
        register.entries[entry.id] = entry
    return problems


def register_files(folder: str | os.PathLike) -> list[Path]:
    """The register files of a folder: ``*.xml``, sorted by name, hidden files left out."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    return sorted(p for p in folder.glob("*.xml") if p.is_file() and not p.name.startswith("."))


def load_register(folder: str | os.PathLike) -> tuple[Register, list[Diagnostic]]:
    """Every entry of the register files in ``folder`` (an edition's ``registers/``).

    Returns the register and the problems found; entries with errors are left out."""
    register = Register()
    problems: list[Diagnostic] = []
    where: dict[str, str] = {}
    for path in register_files(folder):
        problems += read_file(path, register, where)
    return register, problems


def kind_of_element(localname: str) -> str | None:
    """person, place or org for persName, placeName, orgName (None for name, author …)."""
    return KIND_OF_NAME.get(localname)
