"""TEI → print HTML through the XSLT in xslt/print/, and the facts the book needs per document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ... import safexml, saxon
from ...diagnostics import TeiToolsError, error
from ...resources import xslt_path
from .. import tei
from ..tei import docid_of
from .options import PrintOptions

NS = safexml.NS


def document_stylesheet() -> Path:
    return xslt_path("print/document.xsl")


def book_stylesheet() -> Path:
    return xslt_path("print/book.xsl")


@dataclass(frozen=True)
class DocFacts:
    """What the book's table of contents and ordering need, read without keeping the tree."""

    path: Path
    docid: str
    title: str
    date: str  # ISO date (or "") for the chronological order
    date_text: str


def load_tei(path: Path) -> etree._ElementTree:
    """Parse safely and insist on a TEI root, naming the file otherwise."""
    return tei.load_tei(path, "PDF001")


def facts(path: Path) -> DocFacts:
    """Read the sort date and title of one document (the tree is dropped afterwards)."""
    root = load_tei(path).getroot()
    header = "tei:teiHeader/"
    dates = root.xpath(
        f"{header}tei:profileDesc/tei:creation//tei:date"
        f" | {header}tei:fileDesc/tei:sourceDesc/tei:bibl[@type='digital-source']"
        "/tei:date[@type='catalogue']"
        f" | {header}tei:fileDesc/tei:publicationStmt/tei:date[@type='created']",
        namespaces=NS)
    # creation first, then the catalogue date, then a created date (real TEI)
    order = {"creation": 0, "bibl": 1, "publicationStmt": 2}
    dates.sort(key=lambda d: order.get(etree.QName(d.getparent()).localname, 3))
    iso, text = "", ""
    for date in dates:
        iso = (date.get("when") or date.get("from") or date.get("notBefore") or "").strip()
        text = " ".join("".join(date.itertext()).split())
        if iso or text:
            break
    titles = root.xpath(f"{header}tei:fileDesc/tei:titleStmt/tei:title", namespaces=NS)
    titles.sort(key=lambda t: {"main": 0, "complete": 1, None: 2}.get(t.get("type"), 3))
    title = next((" ".join("".join(t.itertext()).split()) for t in titles
                  if "".join(t.itertext()).strip()), "") or docid_of(root, path)
    return DocFacts(Path(path), docid_of(root, path), title, iso, text)


def chronological(items: list[DocFacts]) -> list[DocFacts]:
    """Dated documents by date, undated ones after them; ties by docid, so the order is stable."""
    return sorted(items, key=lambda f: (f.date == "", f.date, f.docid))


def document_html(path: Path, options: PrintOptions, *, fragment: bool = False,
                  created: str = "", tree: etree._ElementTree | None = None) -> str:
    """One TEI file → print HTML (a whole page, or the <section> alone for the book).
    ``tree``: the file as load_tei returned it, when the caller has it already."""
    tree = tree if tree is not None else load_tei(path)
    params: dict[str, object] = dict(options.edition_params)
    params.update({"view": options.view, "fragment": fragment,
                   "docid": docid_of(tree, path), "created": created})
    try:
        return saxon.transform(document_stylesheet(), tree, params)
    except TeiToolsError as exc:
        if exc.diagnostic.code != "XSL002":
            raise
        raise error("PDF002", exc.diagnostic.message, path=str(path),
                    hint="check that the file is TEI P5; report the problem with the file"
                    ) from None
