"""Issue 14 item 7: a build killed at any point never turns tei-tools' own files into
"hand edits" (OUT001) for the next build: every write is journaled before it happens."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tei_tools.outputs import JOURNAL_NAME, MANIFEST_NAME, OutputFolder, journal, sha256

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
EDITION_TOML = """[edition]
title = "Crash test"
[reader]
publisher = "{publisher}"
"""


def _edition(root: Path, copies: int) -> Path:
    (root / "transcripts").mkdir(parents=True)
    (root / "edition.toml").write_text(EDITION_TOML.format(publisher="First"), "utf-8")
    pages = sorted(CORPUS.glob("*.txt"))
    for n in range(copies):
        for page in pages:
            shutil.copy(page, root / "transcripts" / f"c{n}-{page.name}")
    return root


def _build(edition: Path, out: Path) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "tei_tools", "build", str(edition), "-o", str(out),
         "--no-pdf", "--no-html", "-j", "1", "-q"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)


@pytest.mark.slow
def test_build_killed_while_converting_then_rebuilt_reports_no_hand_edits(tmp_path):
    edition = _edition(tmp_path / "ed", 3)
    out = tmp_path / "site"
    build = _build(edition, out)
    deadline = time.monotonic() + 120
    while len(list((out / "tei").glob("*.xml"))) < 5:  # mid-stage: some written, not all
        assert build.poll() is None, "the build ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.005)
    os.kill(build.pid, signal.SIGKILL)
    build.wait()
    written = len(list((out / "tei").glob("*.xml")))
    assert written < len(list((edition / "transcripts").iterdir()))
    assert not (out / "tei" / MANIFEST_NAME).exists()  # the kill came before the manifest

    # a new reader setting: every TEI file comes out different, so each one the killed build
    # wrote must be recognised as tei-tools' own to be replaced
    (edition / "edition.toml").write_text(EDITION_TOML.format(publisher="Second"), "utf-8")
    rebuilt = _build(edition, out)
    output = rebuilt.communicate(timeout=600)[0].decode("utf-8", "replace")
    assert "OUT001" not in output
    # (pages of the corpus still pending may fail validation: the TEI stage must pass)
    assert "build stopped: convert" not in output, output
    assert len(list((out / "tei").glob("*.xml"))) == len(list((edition / "transcripts").iterdir()))
    assert not (out / "tei" / JOURNAL_NAME).exists()  # folded into the manifest


def test_journaled_write_is_ours_after_a_kill_and_an_unfinished_one_keeps_the_old(tmp_path):
    folder = OutputFolder(tmp_path)
    folder.write("a.xml", b"old a")
    folder.write("b.xml", b"old b")
    folder.save()
    # a writer killed after its journal entries: a.xml was replaced, b.xml not yet
    journal(tmp_path, "a.xml", sha256(b"new a"))
    (tmp_path / "a.xml").write_bytes(b"new a")
    journal(tmp_path, "b.xml", sha256(b"new b"))
    with open(tmp_path / JOURNAL_NAME, "ab") as torn:
        torn.write(b'["c.xml", "ab')  # the torn last line of a kill mid-append

    again = OutputFolder(tmp_path)
    assert again.status("a.xml", b"newer a") == "replace"
    assert again.status("b.xml", b"newer b") == "replace"
    (tmp_path / "b.xml").write_bytes(b"a hand edit")
    assert OutputFolder(tmp_path).status("b.xml", b"newer b") == "edited"
