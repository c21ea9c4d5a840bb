"""Issue 14 item 5: a transcript over the size limit is refused (TX105) before it is read."""

from __future__ import annotations

import os
import tracemalloc
from pathlib import Path

from click.testing import CliRunner

from tei_tools.cli import main
from tei_tools.conversion import convert, read_bounded
from tei_tools.diagnostics import TeiToolsError
from tei_tools.pipeline import build_edition

GIB = 1 << 30


def _huge(path: Path) -> Path:
    """A 1 GiB transcript that costs no disk space (sparse)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as handle:
        handle.truncate(GIB)
    return path


def _peak_while(run) -> int:
    tracemalloc.start()
    try:
        run()
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_convert_api_refuses_a_1_gib_transcript_without_reading_it(tmp_path):
    huge = _huge(tmp_path / "in" / "huge.txt")
    reports = []
    peak = _peak_while(lambda: reports.append(convert([huge], tmp_path / "out", jobs=1)))
    report = reports[0]
    assert [d.code for d in report.diagnostics] == ["TX105"]
    assert report.failed == [huge]
    assert peak < 64 << 20, f"{peak / 2**20:.0f} MiB allocated"


def test_convert_command_refuses_a_1_gib_transcript(tmp_path):
    huge = _huge(tmp_path / "huge.txt")
    result = CliRunner().invoke(main, ["convert", str(huge), "-o", str(tmp_path / "out"),
                                       "-j", "1"])
    assert result.exit_code == 1
    assert "TX105" in result.output and "1024.0 MiB" in result.output


def test_build_refuses_a_1_gib_transcript_without_reading_it(tmp_path):
    edition = tmp_path / "ed"
    _huge(edition / "transcripts" / "huge.txt")
    (edition / "edition.toml").write_text('[edition]\ntitle = "Big"\n', "utf-8")
    reports = []
    peak = _peak_while(lambda: reports.append(
        build_edition(edition, tmp_path / "site", jobs=1, pdf=False, html=False)))
    assert reports[0].stopped_at == "convert"
    assert "TX105" in {d.code for d in reports[0].diagnostics}
    assert peak < 64 << 20, f"{peak / 2**20:.0f} MiB allocated"


def test_a_growing_or_unsized_input_is_cut_at_the_limit(tmp_path):
    """A pipe has no size on disk: the bounded read stops one byte past the limit."""
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    pid = os.fork()
    if pid == 0:  # the writer: more than the limit, as fast as the reader takes it
        try:
            with open(fifo, "wb") as handle:
                handle.write(b"x" * 4096)
        finally:
            os._exit(0)
    try:
        read_bounded(fifo, 1000)
    except TeiToolsError as exc:
        assert exc.diagnostic.code == "TX105"
    else:
        raise AssertionError("a 4096-byte stream passed a 1000-byte limit")
    finally:
        os.waitpid(pid, 0)
