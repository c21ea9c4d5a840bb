"""Fixtures of the validation tests: the fixture folder and a CLI runner."""

from __future__ import annotations

from pathlib import Path

import pytest

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def run_cli():
    """Invoke ``tei-tools`` in-process; returns click's Result (exit_code, stdout, stderr)."""
    from click.testing import CliRunner

    from tei_tools.cli import main

    def run(*args: str):
        return CliRunner().invoke(main, list(args), catch_exceptions=False)

    return run
