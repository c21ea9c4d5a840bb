"""Print of TEI made elsewhere (issue 15): notes as other projects write them."""

from __future__ import annotations

import shutil
import subprocess

import pypdf
import pytest
from lxml import html
from pdf_helpers import DATA

from tei_tools.safexml import parse_bytes
from tei_tools.writers.pdf import render_pdf
from tei_tools.writers.pdf.html import document_html
from tei_tools.writers.pdf.options import resolve_options

FOREIGN = DATA / "foreign"
OPTIONS = resolve_options(view=None, paper=None, fonts=None, edition=None)


def page(name: str) -> html.HtmlElement:
    return html.fromstring(document_html(FOREIGN / name, OPTIONS).encode("utf-8"))


def test_notes_keep_their_own_numbers():
    notes = page("notes.xml").xpath("//span[contains(@class, 'fn ')]")
    assert [n.get("data-n") for n in notes] == ["5", "29", "30"]


def test_no_space_before_a_call_and_one_line_per_note():
    doc = page("notes.xml")
    first = doc.xpath("//span[@data-n='5']")[0]
    before = first.getprevious()  # the fncall anchor; the text before it is its tail's owner
    text_before = (before.getprevious().tail if before.getprevious() is not None
                   else before.getparent().text) or ""
    assert text_before.endswith("1990"), repr(text_before)
    assert first.text_content() == "Congressional Record, Vol. 136, October 19, 1990, p. 31389."


def test_a_note_between_paragraphs_is_called_at_the_end_of_the_one_before():
    doc = page("notes.xml")
    stray = doc.xpath("//span[@data-n='30']")[0]
    paragraph = stray.getparent()
    assert paragraph.tag == "p" and "a note" in paragraph.text_content()
    assert len(doc.xpath("//span[@data-n='30']")) == 1


def test_the_pdf_prints_each_note_on_one_line_with_its_number(tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    render_pdf([FOREIGN / "notes.xml"], tmp_path, jobs=1)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / "notes.pdf"), "-"],
                          capture_output=True, text=True).stdout
    lines = [" ".join(line.split()) for line in text.splitlines()]
    assert "5. Congressional Record, Vol. 136, October 19, 1990, p. 31389." in lines
    assert "The senator spoke in 19905 and left." in lines
    assert "30. A note outside any paragraph." in lines
    assert "3" not in lines  # no bare call on a line of its own


def pdf_lines(tmp_path, name: str) -> list[str]:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    render_pdf([FOREIGN / name], tmp_path, jobs=1)
    text = subprocess.run(["pdftotext", "-layout", str(tmp_path / name.replace(".xml", ".pdf")),
                           "-"], capture_output=True, text=True).stdout
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def test_print_keeps_apparatus_figures_scans_quotations_verse_and_margin_notes(tmp_path):
    lines = pdf_lines(tmp_path, "content.xml")
    assert "The treaty was approved1 by the council." in lines
    assert "1. rejected B C" in lines
    assert "Scan https://example.org/scans/letter.pdf" in lines
    assert "Image: https://example.org/images/map.png A map of the border" in lines
    assert "p. 1 (image: page1.jpg)" in lines and "p. 2 (image: page2.jpg)" in lines
    for block in ("Nothing is lost.", "An old saying", "We shall meet again.",
                  "Letter of 3 May", "Works cited", "First book, 1901.", "Second book, 1902.",
                  "Arma virumque cano,", "In the margin: later hand."):
        assert block in lines, block


def test_print_numbers_every_fifth_verse_line():
    doc = page("content.xml")
    assert doc.xpath("//span[@class='l-n']") == []  # lines 1 and 2: no number shown
    verse = (FOREIGN / "content.xml").read_text("utf-8").replace('<l n="2">', '<l n="5">')
    tree = parse_bytes(verse.encode(), "verse")
    shown = html.fromstring(document_html(FOREIGN / "content.xml", OPTIONS, tree=tree).encode())
    assert [n.text for n in shown.xpath("//span[@class='l-n']")] == ["5"]


def test_refs_are_pdf_links_and_divisions_make_the_outline(tmp_path):
    render_pdf([FOREIGN / "links.xml"], tmp_path, jobs=1)
    reader = pypdf.PdfReader(str(tmp_path / "links.pdf"))

    def titles(outline, depth=0):
        for item in outline:
            if isinstance(item, list):
                yield from titles(item, depth + 1)
            else:
                yield depth, item.title
    assert list(titles(reader.outline)) == [
        (0, "Links and divisions"), (1, "Part one"), (2, "Chapter one"), (2, "Chapter two"),
        (1, "Part two")]
    links = [a.get_object() for p in reader.pages for a in p.get("/Annots") or []]
    internal = sorted(str(a["/Dest"]) for a in links if "/Dest" in a)
    external = [a["/A"]["/URI"] for a in links if "/A" in a]
    assert internal == ["x-links-b_1-start", "x-links-ch-2", "x-links-t1"]
    assert external == ["https://example.org/page"]


def test_each_tei_of_a_corpus_gets_its_pdf_and_a_bad_file_does_not_stop_the_rest(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", "utf-8")
    report = render_pdf([FOREIGN / "corpus.xml", FOREIGN / "empty-corpus.xml", broken],
                        tmp_path / "out", jobs=1)
    assert sorted(p.name for p in report.written) == ["corpus-2.pdf", "letter-one.pdf"]
    assert [d.path for d in report.diagnostics] == [str(broken)]
    text = " ".join(page.extract_text() for page in
                    pypdf.PdfReader(str(tmp_path / "out" / "corpus-2.pdf")).pages)
    assert "pears" in text and "apples" not in text
