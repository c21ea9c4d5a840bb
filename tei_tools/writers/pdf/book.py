"""The edition book: title page, contents, conventions, documents by date, index of persons.

The front matter and the documents are laid out as one HTML, so that the contents can take its
page numbers from CSS target-counter. The index comes last: its page references are read from
the laid-out pages (the anchors that persons.xsl puts at every occurrence), so they are exact and
each page is named once; it is laid out on its own, numbered on from the last page, and its pages
are appended. Only one TEI tree is held at a time.
"""

from __future__ import annotations

import html as htmllib
import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from ... import saxon
from ...diagnostics import Diagnostic, TeiToolsError
from ...edition import Edition
from ...outputs import OutputFolder
from . import engine
from .html import DocFacts, book_stylesheet, chronological, document_html, facts
from .options import PrintOptions, fixed_date, resolve_options

_MARK = "<!--tei-tools:documents-->"
_ANCHOR = re.compile(r"<a\b[^>]*\bclass=\"ix\"[^>]*>")
_ATTR = re.compile(r'\b(id|data-ix|data-ix-sort)="([^"]*)"')


@dataclass
class BookReport:
    path: Path
    pages: int = 0
    documents: list[str] = field(default_factory=list)
    persons: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.diagnostics)

    def summary(self) -> str:
        return (f"book {self.path.name}: {len(self.documents)} documents, {self.pages} pages, "
                f"{self.persons} persons in the index, {self.failed} failed")


def render_book(edition: Edition, tei_files: list[Path], out_path: Path, *,
                view: str | None = None, paper: str | None = None, fonts=None,
                force: bool = False) -> BookReport:
    """Write the edition as one PDF at ``out_path``; documents that fail are reported and left
    out, the rest is still printed."""
    options = resolve_options(view=view, paper=paper, fonts=fonts, edition=edition)
    out_path = Path(out_path)
    report = BookReport(out_path)
    docs: list[DocFacts] = []
    for path in tei_files:
        try:
            docs.append(facts(Path(path)))
        except TeiToolsError as exc:
            report.diagnostics.append(exc.diagnostic)
    docs = _unique(chronological(docs), report)
    created = fixed_date()

    parts = _frame(docs, options, created).split(_MARK)
    people: dict[str, tuple[str, str]] = {}  # anchor id → (display name, sort key)
    for doc in docs:
        try:
            section = document_html(doc.path, options, fragment=True, created=created)
        except TeiToolsError as exc:
            report.diagnostics.append(exc.diagnostic)
            continue
        people.update(_anchors(section))
        parts.insert(-1, f'<div class="book-document">{section}</div>')
        report.documents.append(doc.docid)

    where = str(edition.root / "edition.toml")
    roots = [out_path.parent.resolve()]
    book = engine.layout("".join(parts), options, roots, where)
    # the last page holds only div.index-start: the index takes its place and its number
    body_pages = book.pages[:-1]
    index_xml, report.persons = _index_xml(body_pages, people, start=len(body_pages) + 1)
    index_html = saxon.transform(book_stylesheet(), index_xml, _params(options))
    index = engine.layout(index_html, options, roots, where)
    whole = book.copy([*body_pages, *index.pages])
    report.pages = len(whole.pages)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    folder = OutputFolder(out_path.parent, force=force)
    folder.write(out_path.name, engine.to_pdf(whole))
    folder.save()
    return report


def _unique(docs: list[DocFacts], report: BookReport) -> list[DocFacts]:
    """Two files with one docid would share anchors; keep the first."""
    seen: dict[str, Path] = {}
    kept = []
    for doc in docs:
        if doc.docid in seen:
            report.diagnostics.append(Diagnostic(
                2, "PDF003", f"same document id {doc.docid!r} as {seen[doc.docid]}; left out of "
                "the book", str(doc.path), hint="give every document its own xml:id"))
            continue
        seen[doc.docid] = doc.path
        kept.append(doc)
    return kept


def _params(options: PrintOptions) -> dict[str, object]:
    return dict(options.edition_params)


def _frame(docs: list[DocFacts], options: PrintOptions, created: str) -> str:
    root = etree.Element("book", view=options.view, created=created)
    for doc in docs:
        etree.SubElement(root, "doc", id=doc.docid, title=doc.title, date=doc.date,
                         **{"date-text": doc.date_text})
    return saxon.transform(book_stylesheet(), root, _params(options))


def _anchors(section: str) -> dict[str, tuple[str, str]]:
    found = {}
    for tag in _ANCHOR.findall(section):
        attrs = {k: htmllib.unescape(v) for k, v in _ATTR.findall(tag)}
        if attrs.get("id") and attrs.get("data-ix"):
            found[attrs["id"]] = (attrs["data-ix"], attrs.get("data-ix-sort", attrs["data-ix"]))
    return found


def _index_xml(book_pages: list, people: dict[str, tuple[str, str]], start: int
               ) -> tuple[etree._Element, int]:
    """Persons with the pages (1-based, as printed) of their anchors, first anchor per page."""
    pages: dict[tuple[str, str], dict[int, str]] = defaultdict(dict)
    for number, page in enumerate(book_pages, start=1):
        for anchor in sorted(page.anchors):
            if anchor in people:
                pages[people[anchor]].setdefault(number, anchor)
    root = etree.Element("index", start=str(start))
    for (name, key), refs in sorted(pages.items(), key=lambda item: (item[0][1], item[0][0])):
        person = etree.SubElement(root, "person", name=name, sort=key)
        for number in sorted(refs):
            etree.SubElement(person, "ref", page=str(number), target=refs[number])
    return root, len(pages)
