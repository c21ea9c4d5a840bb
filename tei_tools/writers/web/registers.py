"""The register pages of the web edition: one page per entry, index pages by letter.

Site layout (beside the register files themselves, which the TEI's ``reg:`` pointers name)::

    registers/index.html                 the three registers and their letters
    registers/{persons,places,orgs}-{letter}.html   an index page per first letter of the
                                         sort name (``other``: not a Latin letter)
    registers/{file}/{id}.html           an entry: names, dates, roles, authority links and
                                         the documents that mention it, in date order

``{file}`` is the register file without ``.xml``, so ``reg:persons.xml#p.x`` links
``registers/persons/p.x.html`` without a lookup (see xslt/html/text-links in document.xsl).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from itertools import groupby
from pathlib import Path

from lxml import etree

from ... import saxon
from ...registers.authority import authority_uri
from ...registers.model import Entry, Register
from .summary import DocSummary

# index page name and heading of each kind of entry
REGISTER_PAGES = {"person": ("persons", "Persons"), "place": ("places", "Places"),
                  "org": ("orgs", "Organisations")}
OTHER = "other"
REGISTER_FOLDER = "registers/"  # every page below it is written here

Write = Callable[[str, bytes], str | None]


def entry_page(entry: Entry) -> str:
    """Site path of an entry's page (registers/persons/p.x.html)."""
    return f"registers/{Path(entry.file).stem}/{entry.id}.html"


def letter_of(entry: Entry) -> str:
    """The index letter of an entry: the first letter of its sort form without accents,
    lower case (Ž → z); ``other`` when that is no Latin letter (digits, Cyrillic …)."""
    for char in unicodedata.normalize("NFKD", entry.sort_form):
        if char.isalnum():
            base = char.lower()
            return base if "a" <= base <= "z" else OTHER
    return OTHER


def sort_key(entry: Entry) -> tuple[str, str]:
    return (unicodedata.normalize("NFKD", entry.sort_form).casefold(), entry.id)


def mentions(summaries: Sequence[DocSummary]) -> dict[str, list[DocSummary]]:
    """reg: pointer → the documents that carry it, in edition (date) order."""
    found: dict[str, list[DocSummary]] = {}
    for summary in sorted(summaries, key=DocSummary.sort_key):
        for ref in summary.refs:
            found.setdefault(ref, []).append(summary)
    return found


def entry_xml(entry: Entry, docs: Sequence[DocSummary]) -> etree._Element:
    """The input of an entry's page (see xslt/html/register.xsl)."""
    root = etree.Element("entry", kind=entry.kind, id=entry.id, label=entry.label,
                         sort=entry.sort_form, root="../../",
                         index=f"{REGISTER_PAGES[entry.kind][0]}-{letter_of(entry)}.html")
    for name in entry.variants:
        item = etree.SubElement(root, "variant")
        item.text = name.text
        if name.lang:
            item.set("lang", name.lang)
    for field in ("birth", "death", "floruit", "geo", "note"):
        value = getattr(entry, field)
        if value:
            etree.SubElement(root, field).text = value
    for role in entry.roles:
        etree.SubElement(root, "role").text = role
    for kind, value in sorted(entry.idnos.items()):
        item = etree.SubElement(root, "authority", type=kind, id=value)
        uri = authority_uri(kind, value)
        if uri:
            item.set("href", uri)
    for doc in docs:
        item = etree.SubElement(root, "doc", href=f"../../documents/{doc.docid}.html",
                                date=doc.date, label=doc.date_label)
        item.text = doc.title
    return root


def letters_xml(register: Register, kind: str) -> tuple[etree._Element,
                                                           list[tuple[str, list[Entry]]]]:
    """The letters of one register (each with its entries, sorted) and their <letters> list."""
    entries = sorted(register.of_kind(kind), key=lambda e: (letter_of(e) == OTHER,
                                                             letter_of(e), sort_key(e)))
    groups = [(letter, list(group)) for letter, group in groupby(entries, key=letter_of)]
    listing = etree.Element("register", kind=kind, title=REGISTER_PAGES[kind][1],
                            count=str(len(entries)))
    for letter, group in groups:
        etree.SubElement(listing, "letter", key=letter, count=str(len(group)),
                         label=letter.upper() if letter != OTHER else "Other",
                         href=f"{REGISTER_PAGES[kind][0]}-{letter}.html")
    return listing, groups


def letter_xml(listing: etree._Element, letter: str, entries: Sequence[Entry],
               found: dict[str, list[DocSummary]]) -> etree._Element:
    root = etree.Element("letter-page", root="../", letter=letter)
    copy = etree.SubElement(root, "register", dict(listing.attrib))
    for item in listing:
        mark = etree.SubElement(copy, "letter", dict(item.attrib))
        if item.get("key") == letter:
            mark.set("current", "yes")
    for entry in entries:
        etree.SubElement(root, "item", href=entry_page(entry)[len("registers/"):],
                         sort=entry.sort_form, label=entry.label,
                         count=str(len(found.get(entry.pointer, []))))
    return root


def write_registers(register: Register, summaries: Sequence[DocSummary], sheet: Path,
                    params: dict[str, str], write: Write) -> list[str]:
    """Write every register page; returns their site paths (deterministic order)."""
    found = mentions(summaries)
    written: list[str] = []

    def page(href: str, kind: str, root: etree._Element) -> None:
        html = saxon.transform(sheet, root.getroottree(), {**params, "page": kind})
        write(href, html.encode("utf-8"))
        written.append(href)

    overview = etree.Element("registers", root="../")
    for kind in REGISTER_PAGES:
        listing, groups = letters_xml(register, kind)
        if not groups:
            continue
        overview.append(listing)
        for letter, entries in groups:
            page(f"registers/{REGISTER_PAGES[kind][0]}-{letter}.html", "letter",
                 letter_xml(listing, letter, entries, found))
            for entry in entries:
                page(entry_page(entry), "entry", entry_xml(entry, found.get(entry.pointer, [])))
    page("registers/index.html", "overview", overview)
    return written
