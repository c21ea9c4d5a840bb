"""TEI → print HTML through the XSLT in xslt/print/, and the facts the book needs per document."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from ... import saxon
from ...diagnostics import TeiToolsError, error
from ...resources import xslt_path
from .. import tei
from ..overrides import with_overrides
from ..tei import docid_of
from ..web.summary import summarise
from .options import PrintOptions


def document_stylesheet(options: PrintOptions | None = None) -> Path:
    """print/document.xsl, with the edition's xslt/print.xsl when there is one."""
    return with_overrides(xslt_path("print/document.xsl"),
                          options.xslt_overrides if options else (),
                          trusted=bool(options and options.trusted_overrides))


def book_stylesheet(options: PrintOptions | None = None) -> Path:
    """print/book.xsl (which imports document.xsl), with the edition's xslt/print.xsl."""
    return with_overrides(xslt_path("print/book.xsl"), options.xslt_overrides if options else (),
                          trusted=bool(options and options.trusted_overrides))


@dataclass(frozen=True)
class DocFacts:
    """What the book's table of contents and ordering need, read without keeping the tree."""

    path: Path
    docid: str
    title: str
    date: str  # ISO date (or "") for the chronological order
    date_text: str
    member: int = 0  # the n-th TEI of a teiCorpus file (0: the whole file)


def load_tei(path: Path) -> etree._ElementTree:
    """Parse safely and insist on a TEI root, naming the file otherwise."""
    return tei.load_tei(path, "PDF001")


def documents(path: Path) -> list[tei.TeiDocument]:
    """The documents of a TEI file (one) or of a teiCorpus file (its TEI members)."""
    return tei.tei_documents(path, "PDF001")


def facts(path: Path) -> list[DocFacts]:
    """The sort date and title of each document of a file (the trees are dropped afterwards),
    by the same rules as the web edition's index and chronology, so that the book agrees."""
    found = []
    for doc in documents(path):
        summary = summarise(doc.tree, Path(path), doc.member)
        found.append(DocFacts(Path(path), summary.docid, summary.title, summary.date,
                              summary.date_label, doc.member))
    return found


def chronological(items: list[DocFacts]) -> list[DocFacts]:
    """Dated documents by date, undated ones after them; ties by docid, so the order is stable."""
    return sorted(items, key=lambda f: (f.date == "", f.date, f.docid))


def document_html(path: Path, options: PrintOptions, *, fragment: bool = False,
                  created: str = "", tree: etree._ElementTree | None = None,
                  member: int = 0) -> str:
    """One TEI document → print HTML (a whole page, or the <section> alone for the book).
    ``tree``: the document as load_tei or documents() returned it, when the caller has it
    already; else the file is read (``member``: the n-th TEI of a teiCorpus file)."""
    if tree is None:
        tree = tei.member_tree(tei.load_tei(path, "PDF001", corpus=bool(member)), member)
    params: dict[str, object] = dict(options.edition_params)
    params.update({"view": options.view, "fragment": fragment,
                   "docid": docid_of(tree, path, member), "created": created})
    try:
        return saxon.transform(document_stylesheet(options), tree, params)
    except TeiToolsError as exc:
        if exc.diagnostic.code != "XSL002":
            raise
        raise error("PDF002", path=str(path), detail=exc.diagnostic.message) from None
