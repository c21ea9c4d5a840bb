"""TEI made elsewhere (issue 15): whole corpora in nested folders, teiCorpus files, and the
choices the site makes for TEI that tei-tools did not write. Invented fixtures in
tests/data/foreign/; the real corpora are tested in test_real_tei.py."""

from __future__ import annotations

import shutil

from htmltext import doc_text, lines
from lxml import etree
from site_data import DATA

from tei_tools.cli._common import tei_files
from tei_tools.safexml import NS, parse_file
from tei_tools.writers.pdf.html import document_html
from tei_tools.writers.pdf.options import resolve_options
from tei_tools.writers.site import build_site
from tei_tools.writers.tei import tei_documents
from tei_tools.writers.web.defaults import default_title
from tei_tools.writers.web.summary import DocSummary, summarise

FOREIGN = DATA / "foreign"


def test_folders_are_searched_recursively_whatever_their_names(tmp_path):
    odd = tmp_path / "corpus" / "Virmont an Kaiser, 13. August 1719" / "Beilage {2}"
    odd.mkdir(parents=True)
    shutil.copy(FOREIGN / "letter.xml", odd / "letter.xml")
    shutil.copy(FOREIGN / "corpus.xml", tmp_path / "corpus" / "corpus.xml")
    (tmp_path / "corpus" / ".hidden").mkdir()
    shutil.copy(FOREIGN / "letter.xml", tmp_path / "corpus" / ".hidden" / "copy.xml")
    found = tei_files([str(tmp_path / "corpus")])
    assert found == sorted([tmp_path / "corpus" / "corpus.xml", odd / "letter.xml"])


def test_a_tei_corpus_gives_one_document_per_tei_member():
    docs = tei_documents(FOREIGN / "corpus.xml", "HTML003")
    assert [(d.member, d.docid) for d in docs] == [(1, "letter-one"), (2, "corpus-2")]
    assert docs[1].tree.getroot().tag == "{http://www.tei-c.org/ns/1.0}TEI"
    assert tei_documents(FOREIGN / "empty-corpus.xml", "HTML003") == []


def test_the_site_renders_the_members_of_a_corpus_and_the_other_files(tmp_path):
    broken = tmp_path / "broken.xml"
    broken.write_text("<TEI xmlns='http://www.tei-c.org/ns/1.0'><teiHeader>", "utf-8")
    files = [FOREIGN / "corpus.xml", FOREIGN / "empty-corpus.xml", FOREIGN / "letter.xml",
             broken]
    report = build_site(files, tmp_path / "out", search=False, jobs=1)
    assert sorted(report.documents) == ["corpus-2", "letter", "letter-one"]
    assert [d.path for d in report.diagnostics if d.severity.name == "ERROR"] == [str(broken)]
    page = (tmp_path / "out" / "documents" / "corpus-2.html").read_text("utf-8")
    assert "pears" in page and "apples" not in page
    copy = (tmp_path / "out" / "tei" / "corpus-2.xml").read_text("utf-8")
    assert "Second letter" in copy and "First letter" not in copy


def test_documents_sharing_an_id_get_numbered_ids_not_dropped(tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        shutil.copy(FOREIGN / "letter.xml", tmp_path / folder / "letter.xml")
    report = build_site(tei_files([str(tmp_path)]), tmp_path / "out", search=False, jobs=1)
    assert report.documents == ["letter", "letter-2"]
    assert [(d.code, d.path) for d in report.diagnostics] == [
        ("HTML002", str(tmp_path / "b" / "letter.xml"))]
    assert (tmp_path / "out" / "documents" / "letter-2.html").is_file()


# the candidates of tt:date-element (xslt/common/dates.xsl), best first, and what each gives
DATE_CANDIDATES = [
    ("//tei:creation", "1957-03-01", "1 March 1957"),
    ("//tei:correspDesc", "1957-03-02", "2 March 1957"),   # no text: the ISO value in words
    ("//tei:sourceDesc/tei:bibl[1]/tei:date", "1957-03-03", "3 March 1957"),
    ("//tei:docDate", "1957-03-04", "4 March 1957"),
    ("//tei:dateline/tei:date", "1957-03-05", "5 March 1957"),
    ("//tei:date[@type='created']", "1957-03-06", "March 6, 1957"),
    ("//tei:date[@type='posted']", "2013-12-09", "December 9, 2013"),
]


def test_the_document_date_comes_before_posting_and_publication_dates(tmp_path):
    tree = parse_file(FOREIGN / "dated-letter.xml")
    for remove, iso, label in DATE_CANDIDATES:
        summary = summarise(tree, FOREIGN / "dated-letter.xml")
        assert (summary.date, summary.date_label) == (iso, label), remove
        for found in tree.xpath(remove, namespaces=NS):
            found.getparent().remove(found)
    summary = summarise(tree, FOREIGN / "dated-letter.xml")
    assert (summary.date, summary.date_label, summary.date_source) == ("", "", "")


def test_a_date_with_a_value_wins_over_an_earlier_one_with_text_only(tmp_path):
    tree = parse_file(FOREIGN / "dated-letter.xml")
    creation = tree.xpath("//tei:creation/tei:date", namespaces=NS)[0]
    del creation.attrib["when"]
    summary = summarise(tree, FOREIGN / "dated-letter.xml")
    assert summary.date == "1957-03-02"
    assert summary.date_source == (
        "teiHeader/profileDesc/correspDesc/correspAction[@type='sent']/date")


def test_index_page_header_print_and_citation_show_the_same_date(tmp_path):
    source = tmp_path / "letter.xml"
    shutil.copy(FOREIGN / "dated-letter.xml", source)
    build_site([source], tmp_path / "out", search=False, jobs=1)
    page = (tmp_path / "out" / "documents" / "letter.html").read_text("utf-8")
    head = etree.HTML(page.encode())
    assert head.xpath("//time[@class='doc-date']/@datetime") == ["1957-03-01"]
    assert head.xpath("//*[@data-pagefind-filter='year']/text()")[0].strip() == "1957"
    index = (tmp_path / "out" / "index.html").read_text("utf-8")
    assert "1 March 1957" in index and "2013" not in index
    assert "1957-03-01" in (tmp_path / "out" / "cite" / "letter.bib").read_text("utf-8")
    printed = document_html(source, resolve_options(view=None, paper=None, fonts=None,
                                                    edition=None))
    assert "1 March 1957" in printed and "December 9, 2013" not in printed


def content_lines(tmp_path, view: str) -> list[str]:
    build_site([FOREIGN / "content.xml"], tmp_path / "out", search=False, jobs=1)
    page = (tmp_path / "out" / "documents" / f"content{view}.html").read_text("utf-8")
    return lines(doc_text(page))


def test_app_gives_the_lemma_in_the_text_and_the_readings_in_a_note(tmp_path):
    text = content_lines(tmp_path, "")
    assert "The treaty was approved [rejected B C] by the council." in text
    # the same in the diplomatic view, which is then the reading view's text: not repeated
    dipl = (tmp_path / "out" / "documents" / "content.diplomatic.html").read_text("utf-8")
    assert 'url=content.html' in dipl and "treaty" not in dipl


def test_quotations_epigraphs_and_bibliographies_are_blocks(tmp_path):
    text = content_lines(tmp_path, "")
    for block in ("Nothing is lost.", "An old saying", "We shall meet again.",
                  "Letter of 3 May", "Works cited", "First book, 1901.", "Second book, 1902."):
        assert block in text, block


def test_figures_page_images_and_scans_are_shown_not_dropped(tmp_path):
    text = content_lines(tmp_path, "")
    assert "Image: map.png A map of the border" in text
    assert "Page break, page p. 1 page image: page1.jpg" in text
    assert "Page break, page p. 2 page image: images/page2.jpg" in text  # relative: no link
    page = etree.HTML((tmp_path / "out" / "documents" / "content.html").read_bytes())
    assert page.xpath("//a[@class='ext scan']/@href") == ["https://example.org/scans/letter.pdf"]
    assert "https://example.org/images/map.png" in page.xpath("//span[@class='graphic']/a/@href")
    assert not page.xpath("//img[contains(@src, 'example.org')]")  # never fetched


def test_verse_numbers_and_margin_notes(tmp_path):
    build_site([FOREIGN / "content.xml"], tmp_path / "out", search=False, jobs=1)
    page = etree.HTML((tmp_path / "out" / "documents" / "content.html").read_bytes())
    assert page.xpath("//span[@class='l']/@data-n") == ["1", "2"]
    margin = page.xpath("//span[@class='note-margin']")
    assert len(margin) == 1 and "later hand" in "".join(margin[0].itertext())


def test_links_to_documents_by_id_resolve_and_broken_ones_are_reported(tmp_path):
    report = build_site([FOREIGN / "links.xml", FOREIGN / "letter.xml"], tmp_path / "out",
                        search=False, jobs=1)
    page = etree.HTML((tmp_path / "out" / "documents" / "links.html").read_bytes())
    hrefs = page.xpath("//div[contains(@class, 'doc-text')]//a[contains(@class, 'ref')]/@href")
    assert "letter.html" in hrefs and "letter.html#nowhere" in hrefs
    assert "#b_1-start" in hrefs  # a TEI range pointer links to where it starts
    assert report.links.broken == {"documents/links.html": [
        ("/other/site/page", "outside the edition (a path from the web server's root)"),
        ("letter.html#nowhere", "no anchor #nowhere in documents/letter.html"),
        ("../chapter-8#fn29", "no such page in the edition")]}
    found = [d for d in report.diagnostics if d.code == "HTML301"]
    assert [(d.path, d.severity.name) for d in found] == [
        (str(FOREIGN / "links.xml"), "WARNING")]
    assert "3 link(s) of documents/links.html" in found[0].message
    assert "/other/site/page" in found[0].message
    assert report.links.checked == 8  # the ids of anchor and term are there: no more broken


def test_defaults_without_edition_toml(tmp_path):
    """Title from the teiCorpus header, no empty columns, no conventions page for TEI without
    the house encoding, no duplicate diplomatic page, citations without a relative URL."""
    out = tmp_path / "out"
    build_site([FOREIGN / "corpus.xml", FOREIGN / "letter.xml"], out, search=False, jobs=1)
    index = etree.HTML((out / "index.html").read_bytes())
    assert index.xpath("string(//title)").startswith("Letters of an Invented Corpus")
    assert index.xpath("//table[contains(@class, 'doc-index')]//th/text()") == ["Date", "Title"]
    assert not (out / "conventions.html").exists()
    assert not index.xpath("//a[contains(@href, 'conventions.html')]")
    pointer = (out / "documents" / "letter.diplomatic.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=letter.html"/>' in pointer
    assert "Plums" not in pointer
    page = etree.HTML((out / "documents" / "letter.html").read_bytes())
    assert not page.xpath("//nav[@class='view-switch']")
    assert '"URL"' not in (out / "cite" / "letter.json").read_text("utf-8")
    assert "url =" not in (out / "cite" / "letter.bib").read_text("utf-8")
    assert "letter.html" not in page.xpath("string(//*[contains(@class, 'chicago')])")


def test_the_common_series_or_the_folder_names_a_site_without_corpus(tmp_path):
    docs = [DocSummary("a", "x/a.xml", "A", series="Series S"),
            DocSummary("b", "x/b.xml", "B", series="Series S"), DocSummary("c", "x/c.xml", "C")]
    assert default_title(docs, [], [tmp_path / "a.xml"]) == "Series S"
    assert default_title(docs[2:], [], [tmp_path / "f" / "c.xml"]) == "f"
    assert default_title(docs, ["Corpus T"], []) == "Corpus T"


def test_house_encoded_documents_keep_both_views_and_the_conventions_page(tmp_path):
    out = tmp_path / "out"
    build_site([DATA / "puzanov-1957-05-23.xml"], out, search=False, jobs=1)
    assert (out / "conventions.html").is_file()
    assert list((out / "documents").glob("*.diplomatic.html"))
