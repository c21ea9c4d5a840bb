"""The document id both writers name a document's files by (pages, TEI copy, PDF), so that the
web edition's links to ``pdf/{docid}.pdf`` find what the print writer wrote."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from ..outputs import safe_name
from ..safexml import NS, XML_NS


def docid_of(tei: etree._ElementTree | etree._Element, path: str | Path) -> str:
    """TEI/@xml:id, else the house idno (idno[@type='tei-tools']), else the file name; made
    safe for URLs and file names."""
    root = tei.getroot() if isinstance(tei, etree._ElementTree) else tei
    found = (root.get(f"{{{XML_NS}}}id") or "").strip() or root.xpath(
        "string(tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='tei-tools'])",
        namespaces=NS).strip()
    return safe_name(found or Path(path).stem)
