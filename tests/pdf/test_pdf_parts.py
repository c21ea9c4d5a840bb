"""A document laid out in parts (writers/pdf/parts.py, assemble.py) reads like one layout:
pages and footnotes numbered on, footnotes on their calls' pages, links and outline across
parts; and every PDF carries /Lang, a content-derived /ID and XMP metadata."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pypdf
import pytest
from lxml import html as lxml_html

from tei_tools.edition import load_edition
from tei_tools.writers.pdf import engine, render_book, render_pdf
from tei_tools.writers.pdf.assemble import layout_in_parts
from tei_tools.writers.pdf.html import document_html
from tei_tools.writers.pdf.options import resolve_options
from tei_tools.writers.pdf.parts import split

CHAPTERS, PARAGRAPHS = 4, 8


def _tei(folder: Path, lang: str = "de", words: int = 12) -> Path:
    """Four chapters of eight paragraphs, each with a footnote without @n (the counter numbers
    them); the first paragraph links the last chapter."""
    chapters = []
    for c in range(1, CHAPTERS + 1):
        paragraphs = []
        for k in range(1, PARAGRAPHS + 1):
            ref = ' See <ref target="#ch4">the last chapter</ref>.' if (c, k) == (1, 1) else ""
            paragraphs.append(
                f"<p>Chapter {c} paragraph {k} {'words of the running text ' * words}"
                f'call C{c}x{k}<note place="foot">Note of chapter {c} paragraph {k}.</note>'
                f"{ref}</p>")
        chapters.append(f'<div type="chapter" xml:id="ch{c}"><head>Chapter {c}</head>'
                        f'{"".join(paragraphs)}</div>')
    path = folder / "parts-test.xml"
    path.write_text(
        f'<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="{lang}"><teiHeader><fileDesc>'
        "<titleStmt><title>Parts test</title><author>Ann Author</author></titleStmt>"
        "<publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc>"
        f'</fileDesc></teiHeader><text><body>{"".join(chapters)}</body></text></TEI>', "utf-8")
    return path


@pytest.fixture(scope="module")
def parted(tmp_path_factory):
    options = resolve_options(view=None, paper=None, fonts=None, edition=None)
    source = _tei(tmp_path_factory.mktemp("parts"))
    html = document_html(source, options)
    document, misplaced = layout_in_parts(html, engine.Layouter(options, []), str(source),
                                          max_part=2000)
    reader = pypdf.PdfReader(io.BytesIO(engine.to_pdf(document)))
    return html, misplaced, reader


def test_parts_start_at_the_top_level_divisions_with_their_anchors():
    page = ('<html lang="en"><head><title>t</title></head><body><section class="document">'
            '<header><p class="edition-line">Ed</p><h1 class="doc-title" data-short="T">T</h1>'
            '</header><div class="text">'
            + "".join(f'<a class="xid" id="x{c}"></a><div class="div" id="d{c}"><h2>H{c}</h2>'
                      f'<p>{"text " * 50}<span class="fn">n</span></p></div>' for c in range(3))
            + "</div></section></body></html>")
    parts = split(page, max_part=100)
    assert len(parts) == 3
    trees = [lxml_html.document_fromstring(p.html) for p in parts]
    # the anchor before a division goes with it; the copied ancestors keep no id twice
    assert [t.xpath("//a[@class='xid']/@id") for t in trees] == [["x0"], ["x1"], ["x2"]]
    ids = [i for t in trees for i in t.xpath("//@id")]
    assert len(ids) == len(set(ids))
    assert all(t.find("head/title") is not None for t in trees)
    assert [p.footnotes_before for p in parts] == [0, 1, 2]
    assert [(p.continued, p.doc_title, p.edition_title) for p in parts[1:]] == [
        (True, "T", "Ed")] * 2
    assert split(page, max_part=10 ** 6)[0].html == page  # small: one part, untouched


def test_footnotes_numbered_on_and_on_their_calls_pages(parted):
    html, misplaced, reader = parted
    assert len(split(html, max_part=2000)) == CHAPTERS
    assert misplaced == []
    texts = [page.extract_text() for page in reader.pages]
    number = 0
    for c in range(1, CHAPTERS + 1):
        for k in range(1, PARAGRAPHS + 1):
            number += 1
            call = next(i for i, t in enumerate(texts) if f"C{c}x{k}" in t)
            note = re.search(rf"(\d+)\. Note of chapter {c} paragraph {k}\.", texts[call])
            assert note, f"note {c}.{k} is not on the page of its call ({call + 1})"
            assert int(note.group(1)) == number


def test_pages_numbered_on_and_running_heads_in_later_parts(parted):
    _html, _misplaced, reader = parted
    texts = [page.extract_text() for page in reader.pages]
    for number, text in enumerate(texts, start=1):
        assert text.rstrip().endswith(str(number)), (number, text[-40:])
    later = next(t for t in texts if t.lstrip().startswith("Chapter 3"))
    assert "Parts test" in later  # the running head of a part that is not the first


def test_links_and_outline_span_parts(parted):
    _html, _misplaced, reader = parted
    texts = [page.extract_text() for page in reader.pages]
    target_page = next(i for i, t in enumerate(texts) if "Chapter 4 paragraph 1 " in t)
    destinations = {name: reader.get_destination_page_number(dest)
                    for name, dest in reader.named_destinations.items()}
    links = [annot.get_object() for annot in reader.pages[0].get("/Annots") or []
             if annot.get_object().get("/Subtype") == "/Link"]
    targets = [destinations[str(link.get("/Dest") or link["/A"]["/D"])] for link in links]
    assert target_page in targets  # the ref in part 1 reaches chapter 4 in part 4
    outline = reader.outline
    assert len(outline) == 2 and isinstance(outline[1], list)  # title, then its chapters
    chapters = [item for item in outline[1] if not isinstance(item, list)]
    assert [item.title for item in chapters] == [f"Chapter {c}" for c in range(1, 5)]
    starts = [reader.get_destination_page_number(item) for item in chapters]
    assert starts == sorted(starts) and starts[-1] == target_page


def _xmp(reader: pypdf.PdfReader) -> str:
    return reader.trailer["/Root"]["/Metadata"].get_object().get_data().decode("utf-8")


def test_document_pdf_has_lang_id_and_xmp(tmp_path):
    source = _tei(tmp_path, words=2)
    out = tmp_path / "out"
    render_pdf([source], out)
    data = (out / "parts-test.pdf").read_bytes()
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert reader.trailer["/Root"]["/Lang"] == "de"
    xmp = _xmp(reader)
    assert "Parts test" in xmp and "<dc:language>" in xmp and "tei-tools" in xmp
    first_id = reader.trailer["/ID"][0]
    render_pdf([source], tmp_path / "again")
    assert (tmp_path / "again" / "parts-test.pdf").read_bytes() == data  # deterministic
    source.write_text(source.read_text("utf-8").replace("Parts test", "Other"), "utf-8")
    render_pdf([source], tmp_path / "changed")
    changed = pypdf.PdfReader(tmp_path / "changed" / "parts-test.pdf")
    assert changed.trailer["/ID"][0] != first_id  # the /ID follows the content
    assert "Other" in _xmp(changed)


def test_book_pdf_has_lang_id_and_xmp(tmp_path):
    root = tmp_path / "edition"
    root.mkdir()
    (root / "edition.toml").write_text(
        '[edition]\ntitle = "Book of Parts"\neditors = ["Ann Editor"]\nlanguage = "fr"\n',
        "utf-8")
    report = render_book(load_edition(root), [_tei(tmp_path, words=2)], tmp_path / "b.pdf")
    assert report.failed == 0, report.diagnostics
    reader = pypdf.PdfReader(tmp_path / "b.pdf")
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    assert len(reader.trailer["/ID"][0]) == 16
    xmp = _xmp(reader)
    assert "Book of Parts" in xmp and "Ann Editor" in xmp


def test_hyphenation_hyphens_are_drawn_but_not_in_the_text_layer(tmp_path):
    words = " ".join(f"{'so ' * (i % 9)}the committee is inclined toward comprehensiveness"
                     " and administrative responsibilities" for i in range(40))
    source = tmp_path / "hyphens.xml"
    source.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc>'
        "<titleStmt><title>Hyphens</title></titleStmt><publicationStmt><p>x</p>"
        "</publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc></teiHeader>"
        f"<text><body><p>{words}</p></body></text></TEI>", "utf-8")
    render_pdf([source], tmp_path / "out")
    reader = pypdf.PdfReader(tmp_path / "out" / "hyphens.pdf")
    lines = [line for page in reader.pages for line in page.extract_text().splitlines()]
    assert not any(c in line for line in lines for c in "\u00ad\u2010\u2011")
    long_words = {w for w in words.split() if len(w) > 6}
    split_words = [(a.split()[-1], b.split()[0]) for a, b in zip(lines, lines[1:], strict=False)
                   if a.split() and b.split() and a.split()[-1] not in words.split()]
    # a word broken by hyphenation: its two halves, with nothing between them
    assert any(first + second in long_words for first, second in split_words), split_words
