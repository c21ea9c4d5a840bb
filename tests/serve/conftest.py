"""Fixtures of the preview tests: the sampler edition built once (no PDFs, as ``serve`` builds
it), then copied with its site for each test, so that each preview starts with nothing to do."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
SAMPLER = REPO / "editions" / "sampler"
EPOCH = "1700000000"  # one build date for every build of these tests


@pytest.fixture(scope="session")
def built_sampler(tmp_path_factory) -> tuple[Path, Path]:
    import tei_tools

    root = tmp_path_factory.mktemp("sampler")
    edition, site = root / "sampler", root / "site"
    shutil.copytree(SAMPLER, edition)
    mp = pytest.MonkeyPatch()
    mp.setenv("SOURCE_DATE_EPOCH", EPOCH)
    try:
        report = tei_tools.build_edition(edition, site, pdf=False, book=False)
    finally:
        mp.undo()
    assert report.ok, [d.format() for d in report.diagnostics]
    return edition, site


@pytest.fixture
def sampler(built_sampler, tmp_path, monkeypatch) -> tuple[Path, Path]:
    """A copy of the built sampler (edition, site) of this test's own."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", EPOCH)
    edition, site = tmp_path / "sampler", tmp_path / "site"
    shutil.copytree(built_sampler[0], edition)  # copy2 keeps the times: nothing to rebuild
    shutil.copytree(built_sampler[1], site)
    return edition, site
