"""The edition book: title page, contents, conventions, documents by date, index of persons.

Memory stays flat however large the edition: each part (front matter, CHUNK documents at a
time, the index) is laid out on its own, written to a temporary PDF and dropped before the next
one; pypdf then joins the parts, keeping their bookmarks. Each part is numbered on from the
previous one (``@page :first { counter-reset: page N }``), the page numbers of the contents and
of the index are read from the laid-out parts, and links from contents and index to their
targets are added when the parts are joined. Only one part's layout is held at a time.
"""

from __future__ import annotations

import html as htmllib
import re
import tempfile
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

from lxml import etree
from pypdf import PdfWriter
from pypdf.annotations import Link
from weasyprint import Document

from ... import saxon
from ...diagnostics import Diagnostic, TeiToolsError, diagnostic
from ...edition import Edition
from ...outputs import OutputFolder
from . import engine
from .assemble import layout_in_parts, numbering
from .document import Failures, footnote_warnings
from .glyphs import glyph_warnings
from .html import DocFacts, book_stylesheet, chronological, document_html, facts
from .metadata import PdfFacts, identifier, mark
from .options import FontSpec, PrintOptions, fixed_date, resolve_options

_ANCHOR = re.compile(r"<a\b[^>]*\bclass=\"ix\"[^>]*>")
_ATTR = re.compile(r'\b(id|data-ix|data-ix-sort)="([^"]*)"')
_PX_TO_PT = 0.75  # WeasyPrint measures in CSS px (1/96 in), PDF in points (1/72 in)
CHUNK = 25  # documents laid out together: bounds memory (~1 MB per page while laid out)


@dataclass
class BookReport(Failures):
    path: Path
    pages: int = 0
    documents: list[str] = field(default_factory=list)
    persons: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def summary(self) -> str:
        return (f"book {self.path.name}: {len(self.documents)} documents, {self.pages} pages, "
                f"{self.persons} persons in the index, {self.failed} failed")


@dataclass
class _Part:
    """A laid-out part written to a temporary PDF, with what the other parts need from it."""

    pdf: Path
    first: int  # printed number (= 1-based position in the book) of its first page
    pages: int
    links: list[tuple[int, str, tuple[float, float, float, float], float]] = field(
        default_factory=list)  # (page in part, anchor, rectangle in px, page height in px)


def render_book(edition: Edition, tei_files: list[Path], out_path: Path, *,
                view: str | None = None, paper: str | None = None,
                fonts: FontSpec | Sequence[str] | None = None,
                force: bool = False) -> BookReport:
    """Write the edition as one PDF at ``out_path``; documents that fail are reported and left
    out, the rest is still printed."""
    options = resolve_options(view=view, paper=paper, fonts=fonts, edition=edition)
    out_path = Path(out_path)
    report = BookReport(out_path)
    docs: list[DocFacts] = []
    for path in tei_files:
        try:
            docs.extend(facts(Path(path)))
        except TeiToolsError as exc:
            report.diagnostics.append(exc.diagnostic)
    docs = _unique(chronological(docs), report)
    created = fixed_date()
    roots = [out_path.parent.resolve()]
    where = str(edition.root / "edition.toml")

    with tempfile.TemporaryDirectory(prefix="tei-tools-book-") as tmp:
        work = Path(tmp)
        # The front matter's length depends on the number of entries, not on their page
        # numbers: measure it with placeholders, then number the documents after it.
        front_pages = _front(docs, {}, 0, options, created, roots, where, work).pages
        for _ in range(3):
            problems: list[Diagnostic] = []
            parts, anchors, people, printed = _documents(docs, front_pages + 1, options, created,
                                                         roots, problems, work)
            index_first = (parts[-1].first + parts[-1].pages) if parts else front_pages + 1
            front = _front(printed, {d.docid: anchors[f"doc-{d.docid}"] for d in printed},
                           index_first, options, created, roots, where, work)
            if front.pages == front_pages:
                break
            front_pages = front.pages  # rare: a page number changed a line break; redo
        report.diagnostics += problems
        report.documents = [doc.docid for doc in printed]
        index_xml, report.persons = _index_xml(people, index_first)
        index = _layout_part(saxon.transform(book_stylesheet(options), index_xml, _params(options)),
                             options, roots, where, work / "index.pdf", index_first)
        anchors["index"] = index_first
        whole = _join([front, *parts, index], anchors, edition, options, created)
        report.pages = index.first + index.pages - 1
    out_path.parent.mkdir(parents=True, exist_ok=True)
    folder = OutputFolder(out_path.parent, force=force)
    folder.write(out_path.name, whole)
    folder.save()
    return report


def _unique(docs: list[DocFacts], report: BookReport) -> list[DocFacts]:
    """Two files with one docid would share anchors; keep the first."""
    seen: dict[str, Path] = {}
    kept = []
    for doc in docs:
        if doc.docid in seen:
            report.diagnostics.append(diagnostic(
                "PDF003", path=str(doc.path), docid=doc.docid, other=seen[doc.docid],
                outcome="left out of the book"))
            continue
        seen[doc.docid] = doc.path
        kept.append(doc)
    return kept


def _params(options: PrintOptions) -> dict[str, object]:
    return {**dict(options.edition_params), "view": options.view}


def _layout_part(html: str, options: PrintOptions, roots: list[Path], where: str, pdf: Path,
                 first: int) -> _Part:
    return _save_part(engine.layout(html, options, roots, where, numbering(first)), pdf, first)


def _save_part(document: Document, pdf: Path, first: int) -> _Part:
    """Write a laid-out part to ``pdf``, keeping its internal links for the join."""
    part = _Part(pdf, first, len(document.pages))
    for number, page in enumerate(document.pages):
        part.links += [(number, target, rect, page.height)
                       for kind, target, rect, _box in page.links if kind == "internal"]
    pdf.write_bytes(engine.to_pdf(document))
    return part


def _front(docs: list[DocFacts], pages: dict[str, int], index_page: int,
           options: PrintOptions, created: str, roots: list[Path], where: str,
           work: Path) -> _Part:
    root = etree.Element("book", view=options.view, created=created,
                         **{"index-page": str(index_page)})
    for doc in docs:
        etree.SubElement(root, "doc", id=doc.docid, title=doc.title, date=doc.date,
                         page=str(pages.get(doc.docid, 0)), **{"date-text": doc.date_text})
    html = saxon.transform(book_stylesheet(options), root, _params(options))
    return _layout_part(html, options, roots, where, work / "front.pdf", 1)


def _documents(docs: list[DocFacts], first: int, options: PrintOptions, created: str,
               roots: list[Path], problems: list[Diagnostic], work: Path):
    """Lay out the documents in parts of CHUNK documents, numbering on from ``first``.

    A part of a few dozen documents keeps memory bounded and still shares the cost of embedding
    the fonts. A part whose layout fails, or separates a footnote from its call, is done again
    document by document: a bad document is then reported by name while the others are
    printed, and each document is laid out in parts with their footnote repairs (assemble.py)."""
    parts: list[_Part] = []
    printed: list[DocFacts] = []
    anchors: dict[str, int] = {}  # anchor → printed page number
    people: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)
    queue = [docs[i:i + CHUNK] for i in range(0, len(docs), CHUNK)]
    layouter = engine.Layouter(options, roots)   # the CSS parsed and the fonts loaded once
    while queue:
        chunk = queue.pop(0)
        sections, names, members = [], {}, []
        for doc in chunk:
            try:
                section = document_html(doc.path, options, fragment=True, created=created,
                                        member=doc.member)
            except TeiToolsError as exc:
                problems.append(exc.diagnostic)
                continue
            # a part done again document by document checks them again: report each once
            problems.extend(d for d in glyph_warnings(doc.path, section, options.fonts.files)
                            if d not in problems)
            names.update(_anchors(section))
            sections.append(f'<div class="book-document">{section}</div>')
            members.append(doc)
        if not members:
            continue
        html = (f'<html lang="en"><head><meta charset="utf-8"/></head>'
                f'<body class="book view-{options.view}">{"".join(sections)}</body></html>')
        where = str(members[0].path) if len(members) == 1 else f"{members[0].path} …"
        try:
            if len(members) == 1:
                document, misplaced = layout_in_parts(html, layouter, where, first=first,
                                                      heads=True)
                problems += footnote_warnings(members[0].path, misplaced)
            else:
                document = layouter.layout(html, where, numbering(first, heads=True))
                if engine.misplaced_footnotes(document):
                    # lay these documents out one by one, each with the footnote retries
                    queue[:0] = [[doc] for doc in members]
                    continue
        except TeiToolsError as exc:
            if len(members) == 1:
                problems.append(exc.diagnostic)
            else:
                queue[:0] = [[doc] for doc in members]
            continue
        del html, sections
        for number, page in enumerate(document.pages, start=first):
            for anchor in sorted(page.anchors):
                anchors.setdefault(anchor, number)
                if anchor in names:
                    people[names[anchor]].setdefault(number, anchor)
        part = _save_part(document, work / f"part-{len(parts):06d}.pdf", first)
        del document  # one layout at a time
        parts.append(part)
        printed.extend(members)
        first += part.pages
    return parts, anchors, people, printed


def _anchors(section: str) -> dict[str, tuple[str, str]]:
    """Index anchors of a document section: id → (display name, sort key)."""
    found = {}
    for tag in _ANCHOR.findall(section):
        attrs = {k: htmllib.unescape(v) for k, v in _ATTR.findall(tag)}
        if attrs.get("id") and attrs.get("data-ix"):
            found[attrs["id"]] = (attrs["data-ix"], attrs.get("data-ix-sort", attrs["data-ix"]))
    return found


def _index_xml(people: dict[tuple[str, str], dict[int, str]], start: int
               ) -> tuple[etree._Element, int]:
    """Persons with the printed pages of their anchors, the first anchor of each page."""
    root = etree.Element("index", start=str(start))
    for (name, key), refs in sorted(people.items(), key=lambda item: (item[0][1], item[0][0])):
        person = etree.SubElement(root, "person", name=name, sort=key)
        for number in sorted(refs):
            etree.SubElement(person, "ref", page=str(number), target=refs[number])
    return root, len(people)


def _join(parts: list[_Part], anchors: dict[str, int], edition: Edition,
          options: PrintOptions, created: str) -> bytes:
    """One PDF from the parts: their bookmarks in order, links across parts, metadata."""
    writer = PdfWriter()
    for part in parts:
        writer.append(str(part.pdf))
    for part in parts:
        for number, target, (x0, y0, x1, y1), height in part.links:
            if target not in anchors:
                continue  # links inside a part were already made by WeasyPrint
            rect = (x0 * _PX_TO_PT, (height - y1) * _PX_TO_PT,
                    x1 * _PX_TO_PT, (height - y0) * _PX_TO_PT)
            writer.add_annotation(part.first - 1 + number,
                                  Link(rect=rect, target_page_index=anchors[target] - 1))
    metadata = {"/Title": edition.title, "/Author": "; ".join(edition.editors) or
                edition.publisher or "tei-tools", "/Creator": "tei-tools",
                "/Subject": edition.description or edition.subtitle}
    if created:
        stamp = created.replace("-", "").replace(":", "").replace("T", "").rstrip("Z")
        metadata["/CreationDate"] = metadata["/ModDate"] = f"D:{stamp}Z"
    writer.add_metadata({k: v for k, v in metadata.items() if v})
    mark(writer, PdfFacts(edition.title, tuple(edition.editors) or
                          ((edition.publisher,) if edition.publisher else ()),
                          edition.language, created,
                          edition.description or edition.subtitle or ""),
         identifier(*(part.pdf.read_bytes() for part in parts)))
    buffer = BytesIO()
    writer.write(buffer)
    return buffer.getvalue()
