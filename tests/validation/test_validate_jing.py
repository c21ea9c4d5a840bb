"""The RELAX NG path gives Jing's verdicts (libxml2 has known RELAX NG bugs; see schema_build)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tei_tools import safexml
from tei_tools.resources import schema_path
from tei_tools.validation import engines

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FILES = sorted(FIXTURES.glob("*/*.xml"))

pytestmark = pytest.mark.skipif(shutil.which("jing") is None, reason="jing is not on PATH")


def _jing_invalid(schema: Path, files: list[Path]) -> set[str]:
    """Run Jing once on all files; return the names of the files it reported errors for."""
    done = subprocess.run(["jing", str(schema), *map(str, files)], capture_output=True,
                          text=True, timeout=300)
    invalid = set()
    for line in done.stdout.splitlines():
        for path in files:
            if line.startswith(f"{path}:"):
                invalid.add(_name(path))
    return invalid


def _name(path: Path) -> str:
    return path.name if path.parent.name != "sch" else f"sch/{path.name}"


def _ours_invalid(schema: Path, files: list[Path]) -> set[str]:
    validator = engines.relaxng(schema)
    return {_name(p) for p in files
            if not validator.validate(safexml.parse_file(p, collect_ids=False))}


def test_fixture_set_has_valid_and_invalid_documents():
    names = {p.name for p in FILES}
    assert any(n.startswith("valid-") for n in names)
    assert sum(n.startswith("invalid-") for n in names) >= 10


def test_project_schema_verdicts_equal_jing():
    schema = schema_path("tei-tools.rng")
    assert _ours_invalid(schema, FILES) == _jing_invalid(schema, FILES)


def test_rng_fixture_names_state_the_verdict():
    invalid = _jing_invalid(schema_path("tei-tools.rng"), FILES)
    for path in (FIXTURES / "rng").glob("*.xml"):
        assert (path.name in invalid) == path.name.startswith("invalid-"), path.name


@pytest.mark.slow
def test_tei_all_verdicts_equal_jing(tei_all_rng):
    assert _ours_invalid(tei_all_rng, FILES) == _jing_invalid(tei_all_rng, FILES)


@pytest.mark.slow
def test_tei_all_fast_path_verdicts_equal_jing(tei_all_rng):
    from tei_tools.validation import rng_prune

    pruned = rng_prune.pruned_relaxng(tei_all_rng, rng_prune.element_names(FILES))
    ours = {_name(p) for p in FILES
            if not pruned.validate(safexml.parse_file(p, collect_ids=False))}
    assert ours == _jing_invalid(tei_all_rng, FILES)
