"""Corpus pages (files 19–43, conventions §7) whose TEI is not yet right, and why.

Tests that run over the whole corpus mark these ``xfail(strict=True)`` (or leave them out of a
corpus-wide assertion), so the suite stays green while the §7 rules land, and each entry has to be
deleted as soon as its page converts correctly. The gold ratchet (tests/data/gold) holds the rest.
"""

from __future__ import annotations

from pathlib import Path

import pytest

# file name → (the tests it fails, why)
PENDING: dict[str, tuple[frozenset[str], str]] = {
}


def params(files: list[Path], test: str) -> list:
    """``files`` as pytest params, the pending ones for ``test`` marked xfail(strict=True)."""
    out = []
    for path in files:
        pending = PENDING.get(path.name)
        marks = ([pytest.mark.xfail(strict=True, reason=f"issue 13: {pending[1]}")]
                 if pending and test in pending[0] else [])
        out.append(pytest.param(path, id=path.name, marks=marks))
    return out


def settled(files: list[Path], test: str) -> list[Path]:
    """``files`` without the pages pending for ``test``."""
    return [p for p in files if not (p.name in PENDING and test in PENDING[p.name][0])]
