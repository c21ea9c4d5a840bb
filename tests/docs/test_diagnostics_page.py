"""The diagnostics reference of the documentation has a generated table for every code family of
the registry (and for the project's Schematron rules), so a new family cannot be left out."""

from __future__ import annotations

import re
from pathlib import Path

from tei_tools.diagnostics import registry

PAGE = Path(__file__).resolve().parents[2] / "docs" / "reference" / "diagnostics.md"


def test_every_family_has_its_table():
    families = re.findall(r"^```\{diagnostics-table\} ([A-Z]+)\s*$",
                          PAGE.read_text(encoding="utf-8"), re.MULTILINE)
    assert len(families) == len(set(families)), "a family is listed twice"
    assert set(families) == set(registry.families()) | {"TT"}
