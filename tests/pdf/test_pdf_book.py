"""The edition book: contents and index page numbers, order, bookmarks, metadata, heads."""

from __future__ import annotations

import re

import pypdf
from click.testing import CliRunner
from pdf_helpers import page_texts

from tei_tools.edition import load_edition
from tei_tools.writers.pdf import render_book

TITLE = re.compile(r"Synthetic journal number (\d)")


def _contents(texts: list[str]) -> list[tuple[str, int]]:
    """(entry, printed page) from the contents page(s)."""
    page = next(t for t in texts if t.lstrip().startswith("Contents\nEditorial conventions"))
    entries = []
    for line in page.splitlines():
        found = re.match(r"(.*?)[ .]*\s(\d+)\s*$", line.strip())
        if found and ("journal" in found[1] or found[1] in ("Editorial conventions",
                                                            "Index of persons")):
            entries.append((found[1].strip(" ."), int(found[2])))
    return entries


def _starts_document(text: str, n: str) -> bool:
    """The page opens document n: its title block (title, then the metadata fields)."""
    return f"Synthetic journal number {n}" in text and "Shelfmark" in text and "Summary" in text


def test_contents_page_numbers_point_at_each_section(book_pdf):
    texts = page_texts(book_pdf)
    entries = _contents(texts)
    docs = [(TITLE.search(e)[1], page) for e, page in entries if TITLE.search(e)]
    assert len(docs) == 5
    for n, page in docs:
        assert _starts_document(texts[page - 1], n), f"document {n} is not on page {page}"
        assert not _starts_document(texts[page - 2], n)
    named = dict(entries)
    assert texts[named["Editorial conventions"] - 1].count("Editorial conventions") >= 1
    assert "Index of persons" in texts[named["Index of persons"] - 1]
    assert named["Index of persons"] > docs[-1][1]


def test_documents_are_in_chronological_order(book_pdf):
    texts = page_texts(book_pdf)
    order = [TITLE.search(e)[1] for e, _ in _contents(texts) if TITLE.search(e)]
    # conftest dates: document 4 on day 0, 1 on day 10, 3 on 20, 2 on 30, 0 on 40
    assert order == ["4", "1", "3", "2", "0"]
    firsts = [next(i for i, t in enumerate(texts) if _starts_document(t, n)) for n in order]
    assert firsts == sorted(firsts)


def test_index_page_references_are_right(book_pdf):
    texts = page_texts(book_pdf)
    start = next(i for i, t in enumerate(texts) if t.lstrip().startswith("Index of persons"))
    index_text = "\n".join(texts[start:])
    # the documents' pages (the conventions section before them has examples with names)
    first = next(i for i, t in enumerate(texts) if TITLE.search(t) and "Shelfmark" in t)
    body = [""] * first + texts[first:start]
    checked = 0
    for surname in ("Gromyko", "Fedorenko", "Zakharov", "Tugarinov"):
        found = re.search(rf"^{surname} ([\d, ]+)$", index_text, re.M)
        assert found, f"{surname} missing from the index"
        pages = [int(p) for p in found[1].split(",")]
        expected = [i + 1 for i, t in enumerate(body) if f"Cde. {surname}" in t]
        assert pages == expected, surname
        checked += 1
    found = re.search(r"^Puzanov, A\. ([\d, ]+)$", index_text, re.M)
    assert found
    assert [int(p) for p in found[1].split(",")] == \
        [i + 1 for i, t in enumerate(body) if "A. PUZANOV" in t]
    assert checked == 4
    # the page numbers printed on the pages (the title page has none) are those referred to
    for number, text in enumerate(texts[1:], start=2):
        assert re.search(rf"(^|\s){number}\s*$", text.strip()), f"page number {number}"


def test_bookmarks_metadata_and_title_page(book_pdf):
    reader = pypdf.PdfReader(str(book_pdf))
    assert reader.metadata.title == "Test Edition of Journals"
    assert reader.metadata.author == "Ann Editor; Bob Editor"
    top = [item.title for item in reader.outline if not isinstance(item, list)]
    assert top[:2] == ["Contents", "Editorial conventions"]
    assert top[-1] == "Index of persons"
    assert sum(1 for t in top if TITLE.search(t)) == 5
    nested = [item for item in reader.outline if isinstance(item, list)]
    assert nested and nested[0][0].title == "23 May 1957"  # journal entries, level 2
    first = page_texts(book_pdf)[0]
    for text in ("Test Edition of Journals", "For the tests", "Ann Editor, Bob Editor",
                 "Test Press"):
        assert text in first


def test_running_heads_on_document_pages(book_pdf):
    texts = page_texts(book_pdf)
    for i, text in enumerate(texts):
        found = TITLE.search(text)
        if found and not _starts_document(text, found[1]) and i > 2:
            head = " ".join(text.split())
            assert "Test Edition of Journals" in head, f"page {i + 1}"


def test_a_broken_document_is_reported_and_left_out(tmp_path, edition_dir, book_sources):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'>", "utf-8")
    report = render_book(load_edition(edition_dir), [broken, *book_sources[:2]],
                         tmp_path / "b.pdf", paper="Letter")
    assert [d.path for d in report.diagnostics] == [str(broken)]
    assert len(report.documents) == 2
    box = pypdf.PdfReader(str(tmp_path / "b.pdf")).pages[0].mediabox
    assert round(float(box.width)) == 612


def test_cli_book(tmp_path, edition_dir, book_sources):
    from tei_tools.cli import main

    result = CliRunner().invoke(main, ["pdf", "--book", str(edition_dir), "-o", str(tmp_path),
                                       "--view", "diplomatic", "-q",
                                       *map(str, book_sources[:2])])
    assert result.exit_code == 0, result.output
    pdf = tmp_path / f"{edition_dir.name}.pdf"
    assert "diplomatic view" in "".join(page_texts(pdf))


def test_laying_out_in_smaller_parts_gives_the_same_book(tmp_path, monkeypatch, edition_dir,
                                                         book_sources, book_pdf):
    from tei_tools.writers.pdf import book

    monkeypatch.setattr(book, "CHUNK", 2)  # three parts of documents instead of one
    out = tmp_path / "parts.pdf"
    render_book(load_edition(edition_dir), book_sources, out)
    assert page_texts(out) == page_texts(book_pdf)
    # links from the index reach pages in other parts
    reader = pypdf.PdfReader(str(out))
    last = reader.pages[-1]
    numbers = {page.indirect_reference.idnum: i for i, page in enumerate(reader.pages)}
    targets = {numbers[a.get_object()["/Dest"][0].idnum] for a in last.get("/Annots", [])
               if "/Dest" in a.get_object()}
    assert len(targets) >= 3


def test_conventions_examples_are_printed_in_the_books_view(tmp_path, edition_dir,
                                                            book_sources):
    from tei_tools.resources import xslt_path
    from tei_tools.safexml import parse_file

    shared = xslt_path("common/conventions.xml")
    if not shared.is_file():
        return  # the fixed table is printed instead (checked by the other book tests)
    examples = parse_file(shared).getroot().iterfind(
        ".//{http://www.tei-c.org/ns/1.0}supplied")
    word = next((e.text for e in examples if e.text and e.text.isalpha()), None)
    assert word, "conventions.xml has no supplied word any more; choose another example"
    texts = {}
    for view in ("reading", "diplomatic"):
        out = tmp_path / f"{view}.pdf"
        render_book(load_edition(edition_dir), book_sources[:1], out, view=view)
        pages = page_texts(out)
        texts[view] = next(t for t in pages if t.lstrip().startswith("Editorial conventions"))
    assert f"[{word}]" in texts["diplomatic"]
    assert f"[{word}]" not in texts["reading"]
    assert re.search(rf"\b{word}\b", texts["reading"])


def test_book_orders_and_titles_documents_as_the_web_index_does():
    """One rule for sort date and title: the book's contents follow the site's index."""
    from pathlib import Path

    from tei_tools.writers.pdf.html import chronological, facts
    from tei_tools.writers.tei import load_tei
    from tei_tools.writers.web.summary import DocSummary, summarise

    data = Path(__file__).resolve().parents[1] / "data"
    files = [data / "puzanov-1957-05-23.xml", *sorted((data / "web").glob("*.xml"))]
    summaries = sorted((summarise(load_tei(f, "T"), f) for f in files), key=DocSummary.sort_key)
    book = chronological([doc for f in files for doc in facts(f)])
    assert [(f.docid, f.title, f.date) for f in book] == \
        [(s.docid, s.title, s.date) for s in summaries]
