"""Incremental builds (issue 7): what a rebuild redoes, asserted on the documents, not on time."""

from __future__ import annotations

import os

from build_fakes import Recorder, make_edition

from tei_tools.pipeline import build_edition
from tei_tools.pipeline.state import STATE_NAME


def _build(edition, out, recorder, **options):
    return build_edition(edition, out, stages=recorder.stages(), jobs=1, **options)


def test_first_build_does_everything_second_does_nothing(tmp_path):
    edition = make_edition(tmp_path / "ed", 4)
    out, rec = tmp_path / "site", Recorder()
    first = _build(edition, out, rec)
    assert first.ok
    assert len(first.rebuilt["convert"]) == 4
    assert rec.calls["book"] and (out / "pdf" / "book.pdf").is_file()
    assert (out / STATE_NAME).is_file()

    rec2 = Recorder()
    second = _build(edition, out, rec2)
    assert second.ok and second.did_nothing
    assert all(not calls for calls in rec2.calls.values())
    assert len(second.tei_files) == 4


def test_one_changed_transcript_rebuilds_just_that(tmp_path):
    edition = make_edition(tmp_path / "ed", 5)
    out = tmp_path / "site"
    _build(edition, out, Recorder())
    (edition / "transcripts" / "doc-02.txt").write_text("Document 2, corrected\n", "utf-8")
    rec = Recorder()
    report = _build(edition, out, rec)
    assert rec.calls["convert"] == [["doc-02"]]
    assert rec.calls["validate"] == [["doc-02"]]
    assert rec.calls["site"] == [["doc-02"]]  # its page; the site adds index, search, neighbours
    assert rec.calls["pdf"] == [["doc-02"]]
    assert len(rec.calls["book"]) == 1  # the book contains every document
    assert report.rebuilt["html"] == ["transcripts/doc-02.txt", "(collection)"]
    assert "corrected" in (out / "doc-02.html").read_text()


def test_touch_without_change_rebuilds_nothing(tmp_path):
    edition = make_edition(tmp_path / "ed", 3)
    out = tmp_path / "site"
    _build(edition, out, Recorder())
    target = edition / "transcripts" / "doc-01.txt"
    os.utime(target, ns=(target.stat().st_atime_ns, target.stat().st_mtime_ns + 10**9))
    assert _build(edition, out, Recorder()).did_nothing


def test_edition_settings_redo_the_writers_not_the_converter(tmp_path):
    edition = make_edition(tmp_path / "ed", 3)
    out = tmp_path / "site"
    _build(edition, out, Recorder())
    (edition / "edition.toml").write_text('title = "Renamed edition"\n', "utf-8")
    rec = Recorder()
    _build(edition, out, rec)
    assert rec.calls["convert"] == [] and rec.calls["validate"] == []
    assert rec.calls["site"] == [["doc-00", "doc-01", "doc-02"]]
    assert rec.calls["pdf"] == [["doc-00", "doc-01", "doc-02"]]
    assert (out / "index.html").read_text().startswith("Renamed edition")


def test_invalid_document_stops_and_is_the_only_one_retried(tmp_path):
    edition = make_edition(tmp_path / "ed", 3)
    out = tmp_path / "site"
    (edition / "transcripts" / "doc-01.txt").write_text("BAD\n", "utf-8")
    rec = Recorder()
    report = _build(edition, out, rec)
    assert report.stopped_at == "validate"
    assert rec.calls["site"] == [] and rec.calls["pdf"] == []
    assert any(d.code == "TT-RNG" for d in report.diagnostics)

    (edition / "transcripts" / "doc-01.txt").write_text("fixed\n", "utf-8")
    rec = Recorder()
    report = _build(edition, out, rec)
    assert report.ok
    assert rec.calls["convert"] == [["doc-01"]] and rec.calls["validate"] == [["doc-01"]]
    assert rec.calls["site"] == [["doc-00", "doc-01", "doc-02"]]  # never published before


def test_removed_transcripts_drop_their_unedited_outputs_and_redo_the_site(tmp_path):
    edition = make_edition(tmp_path / "ed", 3)
    out = tmp_path / "site"
    _build(edition, out, Recorder())
    assert (out / "tei" / "doc-01.xml").is_file()
    (out / "pdf" / "mine.pdf").write_bytes(b"not written by tei-tools")
    (out / "pdf" / "doc-02.pdf").write_bytes(b"edited by hand")
    (edition / "transcripts" / "doc-01.txt").unlink()
    (edition / "transcripts" / "doc-02.txt").unlink()
    rec = Recorder()
    report = _build(edition, out, rec)
    assert not (out / "tei" / "doc-01.xml").exists()
    assert not (out / "pdf" / "doc-01.pdf").exists()
    assert (out / "pdf" / "mine.pdf").exists() and (out / "pdf" / "doc-02.pdf").exists()
    assert rec.calls["convert"] == []
    assert rec.calls["site"] == [["doc-00"]]  # prev/next links shift: all pages
    assert [p.name for p in report.tei_files] == ["doc-00.xml"]


def test_hand_edited_tei_is_reconverted(tmp_path):
    edition = make_edition(tmp_path / "ed", 2)
    out = tmp_path / "site"
    _build(edition, out, Recorder())
    (out / "tei" / "doc-00.xml").write_text("<TEI>edited</TEI>\n", "utf-8")
    rec = Recorder()
    _build(edition, out, rec)
    assert rec.calls["convert"] == [["doc-00"]]


def test_rebuild_option_redoes_everything(tmp_path):
    edition = make_edition(tmp_path / "ed", 2)
    out = tmp_path / "site"
    _build(edition, out, Recorder())
    rec = Recorder()
    _build(edition, out, rec, rebuild=True)
    assert rec.calls["convert"] == [["doc-00", "doc-01"]]


def test_document_failing_in_a_writer_is_retried_next_time(tmp_path):
    edition = make_edition(tmp_path / "ed", 3)
    out = tmp_path / "site"
    (edition / "transcripts" / "doc-01.txt").write_text("NOPDF\n", "utf-8")
    report = _build(edition, out, Recorder())
    assert not report.ok and report.stopped_at is None and report.errors == 1
    rec = Recorder()
    _build(edition, out, rec)
    assert rec.calls["pdf"] == [["doc-01"]] and rec.calls["convert"] == []


def test_stage_fingerprints_name_existing_functions_and_data():
    """A renamed stage function or data file must not silently drop out of a fingerprint."""
    from tei_tools.pipeline import state
    from tei_tools.pipeline.depends import data_references, module_closure, stage_entries
    from tei_tools.resources import data_dir

    functions = stage_entries(state._PACKAGE / "pipeline" / "stages.py")
    for stage, (names, _) in state._DEPENDS.items():
        for name in names:
            assert functions.get(name), f"{stage}: {name}"
            code = module_closure(state._PACKAGE, functions[name])
            for folder, rel in data_references(code):
                assert (data_dir(folder) / rel).exists(), f"{stage}: {folder}/{rel}"
