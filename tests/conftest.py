"""Shared fixtures. Tests that need ../shared skip cleanly when it is absent."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def _find_shared() -> Path | None:
    env = os.environ.get("TEI_TOOLS_SHARED")
    candidates = [Path(env)] if env else []
    candidates.append(REPO.parent / "shared")
    for candidate in candidates:
        if (candidate / "conventions.md").is_file():
            return candidate
    return None


SHARED = _find_shared()

# The inner loop (`pytest -m fast`): the reader, diagnostics and foundation tests that need neither
# TEI All (compiling it alone takes 10–20 s), a browser, Saxon page builds nor PDFs.
FAST_AREAS = {"converter_body", "converter_header", "diagnostics", "foundation",
              "test_roundtrip.py",
              "test_seed_reference.py"}
HEAVY_FIXTURES = {"tei_all", "tei_all_schema", "tei_all_rng"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    tests = Path(__file__).resolve().parent
    for item in items:
        try:
            area = item.path.resolve().relative_to(tests).parts[0]
        except ValueError:
            continue
        if (area in FAST_AREAS and "slow" not in item.keywords and "browser" not in item.keywords
                and not HEAVY_FIXTURES & set(getattr(item, "fixturenames", ()))):
            item.add_marker(pytest.mark.fast)


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The read-only ../shared folder (TEI All schema, real TEI, corpus); skip when absent."""
    if SHARED is None:
        pytest.skip("../shared is not present (set TEI_TOOLS_SHARED to its path)")
    return SHARED


@pytest.fixture(scope="session")
def tei_all_rng(shared_dir: Path) -> Path:
    path = shared_dir / "tei" / "tei_all.rng"
    if not path.is_file():
        pytest.skip(f"{path} is missing")
    return path


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """tests/data: copies of what tests must always have (seed, reference, synthetic corpus)."""
    return DATA


@pytest.fixture(scope="session")
def seed_transcript() -> Path:
    return DATA / "puzanov-1957-05-23.txt"


@pytest.fixture(scope="session")
def seed_reference() -> Path:
    return DATA / "puzanov-1957-05-23.xml"


@pytest.fixture(scope="session")
def corpus_files() -> list[Path]:
    """The synthetic transcripts (copied from ../shared/corpus/synthetic) plus the seed."""
    return sorted((DATA / "corpus").glob("*.txt")) + [DATA / "puzanov-1957-05-23.txt"]


@pytest.fixture(scope="session")
def tei_all_schema(tei_all_rng: Path):
    """TEI All compiled once per test session (lxml takes 10–14 s to compile it)."""
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(tei_all_rng)))
