"""What a PDF says about itself: its language (/Lang), an identifier (/ID) and XMP metadata.

The identifier is a digest of what the PDF was made from (the print HTML and stylesheets of a
document, the documents and settings of a book), not of the clock, so the same input gives the
same bytes and a changed input another /ID. The XMP packet repeats title, creators, date,
description and language in the form that archives and catalogues read (Dublin Core, XMP
basic); it carries nothing that changes from run to run.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import pydyf
from lxml import etree
from pypdf import PdfWriter
from pypdf.generic import ArrayObject, ByteStringObject, NameObject, TextStringObject

_NS = {"x": "adobe:ns:meta/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
       "dc": "http://purl.org/dc/elements/1.1/", "xmp": "http://ns.adobe.com/xap/1.0/",
       "pdf": "http://ns.adobe.com/pdf/1.3/"}
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


@dataclass(frozen=True)
class PdfFacts:
    """The metadata of one PDF."""

    title: str
    creators: tuple[str, ...] = ()
    lang: str = ""
    created: str = ""  # W3C date-time, e.g. 2026-01-01T00:00:00Z ("" for none)
    description: str = ""


def identifier(*sources: str | bytes) -> bytes:
    """16 bytes that depend only on ``sources`` (a PDF /ID is two byte strings)."""
    digest = hashlib.sha256()
    for source in sources:
        digest.update(source.encode("utf-8") if isinstance(source, str) else source)
        digest.update(b"\0")
    return digest.digest()[:16]


def xmp_packet(facts: PdfFacts) -> bytes:
    """The XMP metadata stream's content."""
    root = etree.Element(f"{{{_NS['x']}}}xmpmeta", nsmap={"x": _NS["x"]})
    rdf = etree.SubElement(root, f"{{{_NS['rdf']}}}RDF", nsmap={"rdf": _NS["rdf"]})
    about = {f"{{{_NS['rdf']}}}about": ""}
    dc = etree.SubElement(rdf, f"{{{_NS['rdf']}}}Description", about,
                          nsmap={"dc": _NS["dc"], "xmp": _NS["xmp"], "pdf": _NS["pdf"]})

    def alternatives(name: str, text: str) -> None:
        alt = etree.SubElement(etree.SubElement(dc, f"{{{_NS['dc']}}}{name}"),
                               f"{{{_NS['rdf']}}}Alt")
        etree.SubElement(alt, f"{{{_NS['rdf']}}}li", {_XML_LANG: "x-default"}).text = text

    def items(name: str, kind: str, values: Iterable[str]) -> None:
        bag = etree.SubElement(etree.SubElement(dc, f"{{{_NS['dc']}}}{name}"),
                               f"{{{_NS['rdf']}}}{kind}")
        for value in values:
            etree.SubElement(bag, f"{{{_NS['rdf']}}}li").text = value

    etree.SubElement(dc, f"{{{_NS['dc']}}}format").text = "application/pdf"
    if facts.title:
        alternatives("title", facts.title)
    if facts.creators:
        items("creator", "Seq", facts.creators)
    if facts.description:
        alternatives("description", facts.description)
    if facts.lang:
        items("language", "Bag", [facts.lang])
    if facts.created:
        items("date", "Seq", [facts.created])
        etree.SubElement(dc, f"{{{_NS['xmp']}}}CreateDate").text = facts.created
        etree.SubElement(dc, f"{{{_NS['xmp']}}}ModifyDate").text = facts.created
        etree.SubElement(dc, f"{{{_NS['xmp']}}}MetadataDate").text = facts.created
    etree.SubElement(dc, f"{{{_NS['xmp']}}}CreatorTool").text = "tei-tools"
    etree.SubElement(dc, f"{{{_NS['pdf']}}}Producer").text = "tei-tools"
    return (b'<?xpacket begin="\xef\xbb\xbf" id="W5M0MpCehiHzreSzNTczkc9d"?>\n'
            + etree.tostring(root, encoding="utf-8") + b'\n<?xpacket end="r"?>')


# print.css sets ``hyphenate-character: "\2011"``: the hyphens that hyphenation adds at line
# ends are drawn with the non-breaking hyphen, which the TEI text itself hardly ever uses; their
# glyphs then map to no text, so that copying or searching the PDF finds the word, not "re‐".
_LAYOUT_HYPHEN = re.compile(rb"^(<[0-9a-f]+>) <2011>$")


def drop_layout_hyphens(pdf: pydyf.PDF) -> None:
    """Map the layout's hyphen glyphs to no text in every font's ToUnicode CMap."""
    for item in pdf.objects:
        if isinstance(item, pydyf.Stream) and any(
                isinstance(line, bytes) and line.endswith(b"begincmap") for line in item.stream):
            item.stream = [_LAYOUT_HYPHEN.sub(rb"\1 <>", line) if isinstance(line, bytes)
                           else line for line in item.stream]


def weasyprint_finisher(facts: PdfFacts | None) -> Callable[[object, pydyf.PDF], None]:
    """For Document.write_pdf(finisher=…): the layout's hyphens out of the text layer and,
    with ``facts``, the XMP stream (WeasyPrint writes XMP only for PDF/A and PDF/UA, and then
    with a random document id)."""

    def finish(_document: object, pdf: pydyf.PDF) -> None:
        drop_layout_hyphens(pdf)
        if facts is None:
            return
        stream = pydyf.Stream([xmp_packet(facts)], {"Type": "/Metadata", "Subtype": "/XML"})
        pdf.add_object(stream)
        pdf.catalog["Metadata"] = stream.reference

    return finish


def mark(writer: PdfWriter, facts: PdfFacts, ident: bytes) -> None:
    """/Lang, /ID and XMP on a PDF that pypdf writes (the joined book)."""
    if facts.lang:
        writer._root_object[NameObject("/Lang")] = TextStringObject(facts.lang)
    # pypdf has no public setter for the trailer /ID; without one it writes none
    writer._ID = ArrayObject([ByteStringObject(ident), ByteStringObject(ident)])
    writer.xmp_metadata = xmp_packet(facts)
