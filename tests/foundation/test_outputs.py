"""Atomic writes, the manifest that protects hand edits, and output paths that cannot escape."""

from __future__ import annotations

import pytest

from tei_tools.diagnostics import TeiToolsError
from tei_tools.outputs import MANIFEST_NAME, OutputFolder, inside, safe_name, write_atomic


def test_write_atomic_leaves_no_temporary_files(tmp_path):
    target = tmp_path / "sub" / "a.xml"
    write_atomic(target, b"<a/>")
    assert target.read_bytes() == b"<a/>"
    assert [p.name for p in target.parent.iterdir()] == ["a.xml"]


def test_interrupted_write_keeps_the_old_file(tmp_path, monkeypatch):
    target = tmp_path / "a.xml"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr("tei_tools.outputs.os.replace", broken_replace)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["a.xml"]


def test_hand_edited_file_needs_force(tmp_path):
    folder = OutputFolder(tmp_path)
    assert folder.write("doc.xml", b"v1") == "new"
    folder.save()
    assert (tmp_path / MANIFEST_NAME).is_file()
    # our own output may be replaced by a new version
    folder = OutputFolder(tmp_path)
    assert folder.write("doc.xml", b"v2") == "replace"
    folder.save()
    # identical content is not rewritten
    assert OutputFolder(tmp_path).write("doc.xml", b"v2") == "unchanged"
    # a hand edit is protected
    (tmp_path / "doc.xml").write_bytes(b"edited by hand")
    with pytest.raises(TeiToolsError) as caught:
        OutputFolder(tmp_path).write("doc.xml", b"v3")
    assert caught.value.diagnostic.code == "OUT001"
    assert "--force" in caught.value.diagnostic.hint
    assert (tmp_path / "doc.xml").read_bytes() == b"edited by hand"
    assert OutputFolder(tmp_path, force=True).write("doc.xml", b"v3") == "edited"
    assert (tmp_path / "doc.xml").read_bytes() == b"v3"


def test_unknown_existing_file_is_not_overwritten(tmp_path):
    (tmp_path / "mine.xml").write_bytes(b"someone else's file")
    with pytest.raises(TeiToolsError):
        OutputFolder(tmp_path).write("mine.xml", b"generated")


@pytest.mark.parametrize("name", ["../evil.xml", "/etc/passwd", "a/../../b.xml"])
def test_paths_cannot_escape_the_output_folder(tmp_path, name):
    with pytest.raises(TeiToolsError) as caught:
        inside(tmp_path / "out", name)
    assert caught.value.diagnostic.code == "OUT002"


def test_safe_name():
    assert safe_name("../../etc/passwd") == "-..-etc-passwd"
    assert safe_name("Doc 1 (copy).xml") == "Doc-1--copy-.xml"
    assert "/" not in safe_name("a/b\\c")


def test_written_files_have_ordinary_permissions(tmp_path):
    import os
    import stat

    umask = os.umask(0o022)
    os.umask(umask)
    target = tmp_path / "page.html"
    write_atomic(target, b"<html/>")
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask


def test_remove_deletes_only_what_tei_tools_wrote(tmp_path):
    folder = OutputFolder(tmp_path)
    folder.write("index/a.html", b"a")
    folder.write("index/b.html", b"b")
    folder.write("other.html", b"o")
    assert folder.recorded_under(("index/",)) == ["index/a.html", "index/b.html"]
    (tmp_path / "index/b.html").write_bytes(b"edited")
    assert folder.remove("index/a.html") and not (tmp_path / "index/a.html").exists()
    assert not folder.remove("index/b.html")  # edited by hand: kept, and no longer ours
    assert (tmp_path / "index/b.html").read_bytes() == b"edited"
    assert folder.recorded_under(("index/",)) == []
