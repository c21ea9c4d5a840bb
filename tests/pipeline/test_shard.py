"""Sharded builds: every document in exactly one shard; merging equals a full build."""

from __future__ import annotations

import pytest
from build_fakes import Recorder, make_edition
from click.testing import CliRunner

from tei_tools.cli import main
from tei_tools.diagnostics import TeiToolsError
from tei_tools.pipeline import build_edition, merge
from tei_tools.pipeline.shard import parse_shard, shard_of


@pytest.mark.parametrize("count", [1, 2, 3, 7])
def test_partition_covers_every_document_once(count):
    keys = [f"transcripts/s{i:05d}.txt" for i in range(500)]
    parts = {k: [key for key in keys if shard_of(key, count) == k] for k in range(1, count + 1)}
    assert sorted(key for part in parts.values() for key in part) == keys
    assert all(parts.values())  # no empty shard with 500 documents


def test_parse_shard():
    assert parse_shard("2/4") == (2, 4)
    for bad in ("0/4", "5/4", "x", "1/0"):
        with pytest.raises(TeiToolsError):
            parse_shard(bad)


def test_shards_then_merge_equal_a_full_build(tmp_path):
    edition = make_edition(tmp_path / "ed", 12)
    full = tmp_path / "full"
    build_edition(edition, full, stages=Recorder().stages(), jobs=1)

    shards, built = [], []
    for k in (1, 2, 3):
        out = tmp_path / f"shard{k}"
        report = build_edition(edition, out, stages=Recorder().stages(), jobs=1, shard=(k, 3))
        assert report.ok and report.rebuilt["html"] == [] and report.rebuilt["book"] == []
        built += report.rebuilt["convert"]
        shards.append(out)
    assert sorted(built) == sorted(f"transcripts/doc-{i:02d}.txt" for i in range(12))

    rec = Recorder()
    merged = merge(edition, shards, tmp_path / "merged", stages=rec.stages(), jobs=1)
    assert merged.ok
    assert rec.calls["convert"] == [] and rec.calls["validate"] == [] and rec.calls["pdf"] == []
    assert len(rec.calls["book"]) == 1
    assert (tmp_path / "merged" / "index.html").read_text() == (full / "index.html").read_text()
    assert (tmp_path / "merged" / "pdf" / "book.pdf").read_bytes() == \
        (full / "pdf" / "book.pdf").read_bytes()
    # and the merged folder is an ordinary incremental build from now on
    again = build_edition(edition, tmp_path / "merged", stages=Recorder().stages(), jobs=1)
    assert again.did_nothing


def test_merge_refuses_overlapping_shards(tmp_path):
    edition = make_edition(tmp_path / "ed", 4)
    one = tmp_path / "a"
    build_edition(edition, one, stages=Recorder().stages(), jobs=1, shard=(1, 1))
    with pytest.raises(TeiToolsError, match="two shards"):
        merge(edition, [one, one], tmp_path / "m", stages=Recorder().stages(), jobs=1)


def test_cli_reports_bad_shard_and_non_shard_folder(tmp_path):
    edition = make_edition(tmp_path / "ed", 1)
    runner = CliRunner()
    result = runner.invoke(main, ["build", str(edition), "-o", str(tmp_path / "o"),
                                  "--shard", "3/2"])
    assert result.exit_code == 2 and "BLD010" in result.output
    result = runner.invoke(main, ["merge", str(edition), str(tmp_path), "-o",
                                  str(tmp_path / "m")])
    assert result.exit_code == 2 and "BLD011" in result.output and "Traceback" not in result.output


def test_cli_unwritable_output_names_the_file(tmp_path):
    edition = make_edition(tmp_path / "ed", 1)
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = CliRunner().invoke(main, ["build", str(edition), "-o", str(blocker / "out"), "-q"])
    assert result.exit_code == 2, result.output
    assert str(blocker) in result.output and "Traceback" not in result.output


def test_shards_may_share_an_output_folder(tmp_path):
    edition = make_edition(tmp_path / "ed", 6)
    out = tmp_path / "out"
    for k in (1, 2):
        assert build_edition(edition, out, stages=Recorder().stages(), jobs=1, shard=(k, 2)).ok
    assert len(list((out / "tei").glob("*.xml"))) == 6
    rec = Recorder()
    report = build_edition(edition, out, stages=rec.stages(), jobs=1)
    assert rec.calls["convert"] == [] and report.rebuilt["html"][-1] == "(collection)"
