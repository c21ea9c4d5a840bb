"""Issue 12 item 5: a stage's fingerprint covers exactly the code it imports."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from build_fakes import Recorder, make_edition

from tei_tools.pipeline import build_edition, state
from tei_tools.pipeline.depends import module_closure, stage_data, stage_files
from tei_tools.resources import data_dir


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


def _data_names(function: str) -> set[str]:
    return {name for name, _ in stage_data(state._PACKAGE, function, data_dir)}


def test_the_stylesheets_and_schemas_a_stage_loads_are_derived_from_its_code():
    site = _data_names("_site")
    # named in the code, imported by a stylesheet, read with doc(), a folder of assets
    assert {"xslt/html/document.xsl", "xslt/common/text.xsl", "xslt/common/conventions.xml",
            "xslt/common/dates.xsl"} <= site
    assert any(name.startswith("xslt/html/assets/") for name in site)
    assert not any(name.startswith(("xslt/print/", "schemas/")) for name in site)
    pdf = _data_names("_pdf")
    assert {"xslt/print/document.xsl", "xslt/print/notes.xsl", "xslt/print/print.css"} <= pdf
    assert "xslt/html/document.xsl" not in pdf
    validate = _data_names("_validate")
    assert {"schemas/tei-tools.rng", "schemas/tei-tools.sch",
            "schemas/tei-tools-values.sch"} <= validate          # sch:include is followed
    assert not any(name.startswith("xslt/") for name in validate)
    assert _data_names("_convert") == set()


def test_a_changed_stylesheet_redoes_exactly_the_stages_that_load_it(tmp_path, monkeypatch):
    copies = {name: tmp_path / name for name in ("xslt", "schemas")}
    for name, copy in copies.items():
        shutil.copytree(data_dir(name), copy)
    monkeypatch.setattr(state, "data_dir", lambda name: copies[name])
    fingerprints = state._code_fingerprints.__wrapped__  # uncached: the files change here

    def changed_by(rel: str) -> set[str]:
        before = fingerprints(state._PACKAGE)
        with open(tmp_path / rel, "a", encoding="utf-8") as handle:
            handle.write("\n<!-- changed -->\n")
        after = fingerprints(state._PACKAGE)
        return {stage for stage in before if before[stage] != after[stage]}

    assert changed_by("xslt/print/notes.xsl") == {"pdf"}
    assert changed_by("xslt/html/marks.xsl") == {"html"}
    assert changed_by("xslt/common/dates.xsl") == {"html", "pdf"}   # imported by both
    assert changed_by("schemas/tei-tools-values.sch") == {"validate"}
