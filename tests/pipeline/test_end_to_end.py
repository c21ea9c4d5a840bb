"""The real converter, validator and writers behind build_edition, on the demo edition."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_tools.cli import main
from tei_tools.pipeline import build_edition, merge

REPO = Path(__file__).resolve().parents[2]
DEMO = REPO / "editions" / "puzanov-1957"
CORPUS = REPO / "tests" / "data" / "corpus"


@pytest.fixture
def edition(tmp_path) -> Path:
    target = tmp_path / "edition"
    shutil.copytree(DEMO, target)
    return target


@pytest.mark.slow
def test_demo_edition_builds_then_rebuilds_nothing_then_just_the_new_document(edition,
                                                                                tmp_path):
    out = tmp_path / "site"
    report = build_edition(edition, out, jobs=1)
    assert report.ok, [d.format() for d in report.diagnostics]
    for rel in ("tei/puzanov-1957-05-23.xml", "index.html", "search.html", "pdf/book.pdf",
                "pdf/puzanov-1957-05-23.pdf"):
        assert (out / rel).is_file(), rel
    assert list((out / "documents").glob("puzanov-1957-05-23*.html"))

    result = CliRunner().invoke(main, ["build", str(edition), "-o", str(out), "-q"])
    assert result.exit_code == 0, result.output
    assert "nothing changed" in result.output

    shutil.copy(CORPUS / "04-telegram-roshchin-1951-02.txt", edition / "transcripts")
    report = build_edition(edition, out, jobs=1)
    assert report.ok, [d.format() for d in report.diagnostics]
    new = "transcripts/04-telegram-roshchin-1951-02.txt"
    assert report.rebuilt["convert"] == [new] and report.rebuilt["validate"] == [new]
    assert report.rebuilt["pdf"] == [new] and report.rebuilt["book"] == ["book.pdf"]
    assert new in report.rebuilt["html"] and "(collection)" in report.rebuilt["html"]
    assert "transcripts/puzanov-1957-05-23.txt" not in report.rebuilt["html"]
    assert "Roshchin" in (out / "index.html").read_text("utf-8")
    page = out / "documents" / "d04-telegram-roshchin-1951-02.html"
    assert page.is_file() and (out / "pdf" / "d04-telegram-roshchin-1951-02.pdf").is_file()

    (edition / new).unlink()
    report = build_edition(edition, out, jobs=1, pdf=False)
    assert report.ok and not page.exists()
    assert not (out / "pdf" / "d04-telegram-roshchin-1951-02.pdf").exists()
    assert "Roshchin" not in (out / "index.html").read_text("utf-8")


@pytest.mark.slow
def test_real_shards_merge_to_the_full_build_index(edition, tmp_path):
    for name in ("07-memcon-puzanov-kimilsung-1961-04.txt", "12-letter-czechoslovakia"
                 "-pyongyang-1961-11.txt", "16-mfs-information-flat-1968-05.txt"):
        shutil.copy(CORPUS / name, edition / "transcripts")
    full = build_edition(edition, tmp_path / "full", jobs=1, pdf=False)
    assert full.ok, [d.format() for d in full.diagnostics]
    parts = []
    for k in (1, 2):
        part = build_edition(edition, tmp_path / f"part{k}", jobs=1, pdf=False, shard=(k, 2))
        assert part.ok
        parts.append(tmp_path / f"part{k}")
    merged = merge(edition, parts, tmp_path / "merged", jobs=1, pdf=False)
    assert merged.ok and merged.rebuilt["convert"] == []
    assert (tmp_path / "merged" / "index.html").read_text("utf-8") == \
        (tmp_path / "full" / "index.html").read_text("utf-8")


def test_build_summary_counts_documents_and_names_the_collection_pages():
    from tei_tools.cli.build import _redone

    assert _redone("html", ["transcripts/a.txt", "(collection)"]) == "html 1 + collection pages"
    assert _redone("convert", ["transcripts/a.txt", "transcripts/b.txt"]) == "convert 2"
