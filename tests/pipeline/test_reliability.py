"""Issue 14: confinement, hand edits and state paths, in builds and in merges.

Each test replays an attack or an accident that once destroyed or leaked data."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from build_fakes import Recorder, make_edition

from tei_tools.diagnostics import TeiToolsError
from tei_tools.outputs import OutputFolder, file_sha256
from tei_tools.pipeline import build_edition, merge
from tei_tools.pipeline.state import STATE_NAME
from tei_tools.writers.web.search import build_search_index, pagefind_available


def _build(edition, out, recorder=None, **options):
    return build_edition(edition, out, stages=(recorder or Recorder()).stages(), jobs=1,
                         **options)


def _codes(report) -> set[str]:
    return {d.code for d in report.diagnostics}


# 1. a link inside the output folder never redirects a write or a deletion


@pytest.mark.skipif(not pagefind_available(), reason="the pagefind binary is not installed")
def test_search_index_does_not_clear_a_linked_pagefind_folder(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "precious.txt").write_text("keep me", "utf-8")
    site = tmp_path / "site"
    (site / "documents").mkdir(parents=True)
    (site / "documents" / "a.html").write_text(
        "<html><body data-pagefind-body><p>words</p></body></html>", "utf-8")
    (site / "pagefind").symlink_to(elsewhere, target_is_directory=True)

    problem = build_search_index(site, pages=["documents/a.html"])

    assert problem is not None and problem.code == "OUT005"
    assert "pagefind" in problem.format()
    assert [p.name for p in elsewhere.iterdir()] == ["precious.txt"]


def test_output_folder_refuses_to_write_through_a_linked_subfolder(tmp_path):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    site = tmp_path / "site"
    site.mkdir()
    (site / "documents").symlink_to(elsewhere, target_is_directory=True)
    folder = OutputFolder(site)
    with pytest.raises(TeiToolsError) as caught:
        folder.write("documents/x.html", b"<html/>")
    assert caught.value.diagnostic.code == "OUT005"
    assert not list(elsewhere.iterdir())


# 2. merge keeps the rules build keeps


def _shard(tmp_path, edition, name="shard1"):
    out = tmp_path / name
    assert _build(edition, out, shard=(1, 1), pdf=False).ok
    return out


def test_merge_does_not_write_through_a_link_in_the_output_folder(tmp_path):
    edition = make_edition(tmp_path / "ed", 2)
    shard = _shard(tmp_path, edition)
    victim_dir = tmp_path / "elsewhere"
    victim_dir.mkdir()
    victim = victim_dir / "doc-00.xml"
    victim.write_text("outside file", "utf-8")
    out = tmp_path / "merged"
    out.mkdir()
    (out / "tei").symlink_to(victim_dir, target_is_directory=True)

    report = merge(edition, [shard], out, stages=Recorder().stages(), jobs=1, pdf=False)

    assert not report.ok and "OUT005" in _codes(report)
    assert victim.read_text("utf-8") == "outside file"


def test_merge_does_not_publish_the_target_of_a_link_in_a_shard(tmp_path):
    edition = make_edition(tmp_path / "ed", 2)
    shard = _shard(tmp_path, edition)
    secret = tmp_path / "secret.txt"
    secret.write_text("system secret", "utf-8")
    (shard / "tei" / "leak.xml").symlink_to(secret)
    out = tmp_path / "merged"

    report = merge(edition, [shard], out, stages=Recorder().stages(), jobs=1, pdf=False)

    assert "OUT005" in _codes(report) and not report.ok
    assert not (out / "tei" / "leak.xml").exists()
    assert not any("system secret" in p.read_text("utf-8", "replace")
                   for p in out.rglob("*") if p.is_file())


def test_merge_keeps_a_hand_edited_tei_file(tmp_path):
    edition = make_edition(tmp_path / "ed", 2)
    shard = _shard(tmp_path, edition)
    out = tmp_path / "merged"
    assert merge(edition, [shard], out, stages=Recorder().stages(), jobs=1, pdf=False).ok
    (out / "tei" / "doc-00.xml").write_text("<TEI>my careful edit</TEI>", "utf-8")
    (edition / "transcripts" / "doc-00.txt").write_text("Changed\n", "utf-8")
    shard = _shard(tmp_path, edition)

    report = merge(edition, [shard], out, stages=Recorder().stages(), jobs=1, pdf=False)

    assert not report.ok and "OUT001" in _codes(report)
    assert (out / "tei" / "doc-00.xml").read_text("utf-8") == "<TEI>my careful edit</TEI>"
    forced = merge(edition, [shard], out, stages=Recorder().stages(), jobs=1, pdf=False,
                   force=True)
    assert forced.ok
    assert "Changed" in (out / "tei" / "doc-00.xml").read_text("utf-8")


# 3. paths read from a build state are checked before use


def _plant_state_entry(out: Path, victim: Path) -> None:
    state = json.loads((out / STATE_NAME).read_text("utf-8"))
    state["docs"]["transcripts/gone.txt"] = {
        "tei": os.path.relpath(victim, out).replace(os.sep, "/"),
        "tei_sha": file_sha256(victim), "source_sha": "x"}
    (out / STATE_NAME).write_text(json.dumps(state), "utf-8")


def test_state_entry_pointing_outside_the_output_folder_deletes_nothing(tmp_path):
    edition = make_edition(tmp_path / "ed", 2)
    out = tmp_path / "site"
    assert _build(edition, out).ok
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours", "utf-8")
    _plant_state_entry(out, victim)

    report = _build(edition, out)

    assert victim.read_text("utf-8") == "not yours"
    assert "OUT006" in _codes(report) and report.ok  # a warning: the entry is ignored
    assert "transcripts/gone.txt" not in json.loads((out / STATE_NAME).read_text())["docs"]


def test_state_entry_of_a_shard_pointing_outside_deletes_nothing(tmp_path):
    edition = make_edition(tmp_path / "ed", 2)
    shard = _shard(tmp_path, edition)
    out = tmp_path / "merged"
    out.mkdir()
    victim = tmp_path / "victim.txt"
    victim.write_text("not yours", "utf-8")
    _plant_state_entry(shard, out / ".." / "victim.txt")

    report = merge(edition, [shard], out, stages=Recorder().stages(), jobs=1, pdf=False)

    assert victim.read_text("utf-8") == "not yours"
    assert "OUT006" in _codes(report)


def test_state_entry_through_a_linked_tei_folder_deletes_nothing(tmp_path):
    edition = make_edition(tmp_path / "ed", 2)
    out = tmp_path / "site"
    assert _build(edition, out).ok
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    victim = elsewhere / "gone.xml"
    victim.write_text("not yours", "utf-8")
    (out / "linked").symlink_to(elsewhere, target_is_directory=True)
    state = json.loads((out / STATE_NAME).read_text("utf-8"))
    state["docs"]["transcripts/gone.txt"] = {"tei": "linked/gone.xml",
                                            "tei_sha": file_sha256(victim)}
    (out / STATE_NAME).write_text(json.dumps(state), "utf-8")

    report = _build(edition, out)

    assert victim.is_file() and "OUT006" in _codes(report)


# 6. a refused write is not recorded as done


def test_refused_hand_edited_pdf_is_refused_again_until_force(tmp_path):
    edition = make_edition(tmp_path / "ed", 2)
    out = tmp_path / "site"
    assert _build(edition, out).ok
    (out / "pdf" / "doc-00.pdf").write_bytes(b"my annotated print")
    (edition / "transcripts" / "doc-00.txt").write_text("Changed\n", "utf-8")

    first = _build(edition, out)
    second = _build(edition, out)

    assert not first.ok and "OUT001" in _codes(first)
    assert not second.ok and "OUT001" in _codes(second)  # still stale: still an error
    assert (out / "pdf" / "doc-00.pdf").read_bytes() == b"my annotated print"
    assert _build(edition, out, force=True).ok
    assert b"Changed" in (out / "pdf" / "doc-00.pdf").read_bytes()
    assert _build(edition, out).ok
