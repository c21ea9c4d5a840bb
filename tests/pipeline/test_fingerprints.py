"""Issue 12 item 5: a stage's fingerprint covers exactly the code it imports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from build_fakes import Recorder, make_edition

from tei_tools.pipeline import build_edition, state
from tei_tools.pipeline.depends import module_closure, stage_files


@pytest.fixture
def package_copy(tmp_path) -> Path:
    """A copy of the tei_tools sources, to change one module without touching the real one."""
    copy = tmp_path / "pkg" / "tei_tools"
    shutil.copytree(state._PACKAGE, copy, ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def _rels(package: Path, function: str) -> set[str]:
    return {p.relative_to(package).as_posix() for p in stage_files(package, function)}


def test_modules_reached_only_through_imports_belong_to_the_stage():
    convert = _rels(state._PACKAGE, "_convert")
    # text.py was missing from the hand-kept table; the reader's profiles and rules are
    # reached only through imports of imports
    assert {"text.py", "conversion.py", "readers/transcript/convert.py",
            "readers/transcript/profiles/wilson_center.py"} <= convert
    assert any(rel.startswith("diagnostics/codes/") for rel in convert)
    assert any(rel.startswith("readers/transcript/vocab/") for rel in convert)
    assert not any(rel.startswith(("writers/", "validation/")) for rel in convert)
    assert "writers/site.py" in _rels(state._PACKAGE, "_site")
    assert "writers/site.py" not in _rels(state._PACKAGE, "_pdf")


def test_relative_and_from_imports_are_followed(tmp_path):
    package = tmp_path / "tei_tools"
    (package / "sub").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "sub" / "__init__.py").write_text("")
    (package / "a.py").write_text("from .sub import b\n")
    (package / "sub" / "b.py").write_text("def f():\n    from ..c import thing\n")
    (package / "c.py").write_text("import json\nthing = 1\n")
    (package / "unused.py").write_text("")
    found = {p.relative_to(package).as_posix() for p in module_closure(package, ["tei_tools.a"])}
    assert found == {"__init__.py", "a.py", "sub/__init__.py", "sub/b.py", "c.py"}


def test_a_changed_module_redoes_exactly_the_stages_that_import_it(package_copy):
    fingerprints = state._code_fingerprints.__wrapped__  # uncached: the files change here
    before = fingerprints(package_copy)
    with open(package_copy / "text.py", "a", encoding="utf-8") as handle:
        handle.write("\n# a fix in a helper of the reader\n")
    after = fingerprints(package_copy)
    changed = {stage for stage in before if before[stage] != after[stage]}
    assert "convert" in changed and "validate" not in changed


def test_a_changed_reader_module_reconverts_on_the_next_build(tmp_path, package_copy,
                                                              monkeypatch):
    edition = make_edition(tmp_path / "ed", 2)
    out = tmp_path / "site"
    fingerprints = state._code_fingerprints.__wrapped__  # uncached: each build reads the copy
    monkeypatch.setattr(state, "_code_fingerprints", lambda: fingerprints(package_copy))
    assert build_edition(edition, out, stages=Recorder().stages(), jobs=1).ok
    (package_copy / "text.py").write_text(
        (package_copy / "text.py").read_text("utf-8") + "\n# changed\n", "utf-8")

    rec = Recorder()
    assert build_edition(edition, out, stages=rec.stages(), jobs=1).ok
    assert rec.calls["convert"] == [["doc-00", "doc-01"]]
    assert rec.calls["validate"] == []  # the TEI came out the same: nothing else to redo
