"""TEI made elsewhere (issue 15): whole corpora in nested folders, teiCorpus files, and the
choices the site makes for TEI that tei-tools did not write. Invented fixtures in
tests/data/foreign/; the real corpora are tested in test_real_tei.py."""

from __future__ import annotations

import shutil

from site_data import DATA

from tei_tools.cli._common import tei_files
from tei_tools.writers.site import build_site
from tei_tools.writers.tei import tei_documents

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
