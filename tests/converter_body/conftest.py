"""Fixtures of the body tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree


@pytest.fixture(scope="session")
def tei_all(tei_all_rng: Path) -> etree.RelaxNG:
    """TEI All compiled once per test session (about 10 s)."""
    return etree.RelaxNG(etree.parse(str(tei_all_rng)))
