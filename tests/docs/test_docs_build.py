"""The documentation site builds with every warning an error (this is how CI builds it)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

DOCS = Path(__file__).resolve().parents[2] / "docs"


def test_docs_build_without_warnings(tmp_path: Path):
    run = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         "-d", str(tmp_path / "doctrees"), str(DOCS), str(tmp_path / "html")],
        capture_output=True, text=True)
    assert run.returncode == 0, f"sphinx-build -W failed:\n{run.stderr[-6000:]}"
    for page in ("index", "guide/index", "conventions/brackets", "reference/cli",
                 "reference/api", "developer/index"):
        assert (tmp_path / "html" / f"{page}.html").is_file(), page
    cli = (tmp_path / "html" / "reference" / "cli.html").read_text(encoding="utf-8")
    for command in ("build", "convert", "html", "merge", "pdf", "text", "validate"):
        assert f'id="tei-tools-{command}"' in cli, command      # a section per command
    diagnostics = (tmp_path / "html" / "reference" / "diagnostics.html").read_text("utf-8")
    assert "TX302" in diagnostics and "XML002" in diagnostics  # the registry's tables
