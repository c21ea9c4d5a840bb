"""Fixtures of the web edition tests: a site built once per session from the house-encoded
reference and the hand-made fixtures in tests/data/web/ (one per group of §5.1 phenomena)."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_data import EPOCH, REPO, fixture_files

from tei_tools.edition import load_edition
from tei_tools.writers.site import build_site


@pytest.fixture(scope="session")
def edition():
    return load_edition(REPO / "editions" / "puzanov-1957")


@pytest.fixture(scope="session")
def site(tmp_path_factory, edition) -> Path:
    """The demo site (search index included when pagefind is installed)."""
    out = tmp_path_factory.mktemp("site")
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    try:
        report = build_site(fixture_files(), out, edition=edition, jobs=2)
    finally:
        mp.undo()
    assert report.ok, [d.format() for d in report.diagnostics]
    return out
