"""What both writers need of a TEI file: loading it (safely, and only if it is TEI) and the
document id they name its files by (pages, TEI copy, PDF), so that the web edition's links to
``pdf/{docid}.pdf`` find what the print writer wrote."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from anyascii import anyascii
from lxml import etree

from ..diagnostics import error
from ..outputs import safe_name
from ..safexml import NS, TEI_NS, XML_NS, parse_bytes, parse_file


def docid_of(tei: etree._ElementTree | etree._Element, path: str | Path) -> str:
    """TEI/@xml:id, else the house idno (idno[@type='tei-tools']), else the file name; made
    safe for URLs and file names, letters of other scripts transliterated (anyascii)."""
    root = tei.getroot() if isinstance(tei, etree._ElementTree) else tei
    found = (root.get(f"{{{XML_NS}}}id") or "").strip() or root.xpath(
        "string(tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='tei-tools'])",
        namespaces=NS).strip()
    name = found or Path(path).stem
    if not name.isascii():
        name = anyascii(unicodedata.normalize("NFC", name))
    return safe_name(name)


def load_tei(path: str | Path, code: str, data: bytes | None = None) -> etree._ElementTree:
    """Parse safely and insist on a TEI root; ``code`` is the writer's code for a file that is
    XML but not TEI. ``data``: the file's bytes, when the caller has read them already."""
    tree = parse_file(path) if data is None else parse_bytes(data, str(path))
    root = tree.getroot()
    if root.tag != f"{{{TEI_NS}}}TEI":
        raise error(code, path=str(path), root=root.tag)
    return tree
