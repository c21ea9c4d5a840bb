"""What the watcher reports: the inputs of a build, nothing else (real watchfiles, real files)."""

from __future__ import annotations

import threading
import time

import pytest
from watchfiles import Change

from tei_tools.diagnostics import TeiToolsError
from tei_tools.serve.watch import InputFilter, InputWatcher, check_output


@pytest.fixture
def edition(tmp_path):
    root = tmp_path / "ed"
    (root / "transcripts").mkdir(parents=True)
    (root / "edition.toml").write_text('title = "T"\n')
    return root.resolve()


@pytest.mark.parametrize(("rel", "wanted"), [
    ("edition.toml", True), ("transcripts/a.txt", True), ("tei/a.xml", True),
    ("xslt/html/document.xsl", True), ("css/edition.css", True), ("registers/people.xml", True),
    ("transcripts", True),                      # the folder itself (removed, renamed)
    ("README.md", False), ("notes/edition.toml", False), ("_site/index.html", False),
    ("_site/transcripts/x.txt", False), ("transcripts/.a.txt.swp", False),
    ("transcripts/a.txt~", False), ("transcripts/.#a.txt", False), (".git/index", False),
    ("tei/.hidden/a.xml", False),
])
def test_the_filter_keeps_the_inputs_of_a_build(edition, rel, wanted):
    keep = InputFilter(edition, edition / "_site")
    assert keep(Change.modified, str(edition / rel)) is wanted
    assert keep(Change.modified, str(edition.parent / "elsewhere.txt")) is False


def test_an_output_inside_a_watched_folder_is_refused(edition):
    with pytest.raises(TeiToolsError) as caught:
        check_output(edition, edition / "transcripts" / "site")
    assert caught.value.diagnostic.code == "SRV001"
    assert "transcripts/" in caught.value.diagnostic.message
    check_output(edition, edition / "_site")
    check_output(edition, edition.parent / "site")


def test_saves_are_reported_once_per_burst_with_paths_relative_to_the_edition(edition):
    seen: list[list[str]] = []
    arrived = threading.Event()

    def on_change(paths):
        seen.append(paths)
        arrived.set()

    watcher = InputWatcher(edition, edition / "_site", on_change)
    watcher.start()
    try:
        (edition / "_site").mkdir()
        (edition / "_site" / "index.html").write_text("built")   # the build's own output
        (edition / "notes.md").write_text("not an input")
        (edition / "transcripts" / ".a.txt.swp").write_text("swap")
        (edition / "transcripts" / "a.txt").write_text("one")
        (edition / "transcripts" / "a.txt").write_text("one, saved again")
        (edition / "edition.toml").write_text('title = "T2"\n')
        assert arrived.wait(10), "the watcher reports the change"
        time.sleep(0.3)
        assert [p for batch in seen for p in batch] == ["edition.toml", "transcripts/a.txt"]
        arrived.clear()
        (edition / "css").mkdir()  # a folder made after the start is watched too
        assert arrived.wait(10)
        time.sleep(0.3)
        assert seen[-1] == ["css"]
        arrived.clear()
        (edition / "css" / "edition.css").write_text("h1 { color: red }")
        assert arrived.wait(10)
        assert seen[-1] == ["css/edition.css"]
    finally:
        watcher.stop()
    assert not watcher._thread.is_alive()
