"""The test suite itself: no folder of tests is left out of collection."""

from __future__ import annotations

import fnmatch
import tomllib
from pathlib import Path

TESTS = Path(__file__).resolve().parents[1]


def test_no_test_folder_is_skipped_by_norecursedirs():
    # pytest's default norecursedirs skips e.g. "build", which once hid tests/build from the
    # suite; pyproject.toml sets the list, and no folder holding tests may match it
    config = tomllib.loads((TESTS.parent / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["pytest"]["ini_options"]["norecursedirs"]
    folders = {p.parent for p in TESTS.rglob("test_*.py")}
    skipped = [f for f in folders for part in f.relative_to(TESTS).parts
               if any(fnmatch.fnmatch(part, pattern) for pattern in patterns)]
    assert not skipped, skipped
    assert (TESTS / "pipeline") in folders


def test_fast_marker_is_registered_and_selects_the_reader_tests(pytestconfig):
    config = tomllib.loads((TESTS.parent / "pyproject.toml").read_text("utf-8"))
    markers = config["tool"]["pytest"]["ini_options"]["markers"]
    assert any(m.startswith("fast:") for m in markers)
    # read tests/conftest.py's FAST_AREAS without importing it (pytest imports several conftests)
    import ast

    tree = ast.parse((TESTS / "conftest.py").read_text("utf-8"))
    FAST_AREAS = next(ast.literal_eval(node.value) for node in tree.body
                      if isinstance(node, ast.Assign) and node.targets[0].id == "FAST_AREAS")
    assert {"converter_body", "converter_header"} <= FAST_AREAS
    assert all((TESTS / area).exists() for area in FAST_AREAS)
