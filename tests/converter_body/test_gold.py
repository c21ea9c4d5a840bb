"""The gold checks of the real-page corpus (conventions §7), held as a ratchet.

tests/data/gold/known-failing.txt lists the checks the reader does not meet yet. This test fails
when any other check fails (a regression) and when a listed one passes (take it off the list with
``python -m support.gold --write-known`` run from tests/, so the list only shrinks).
"""

from __future__ import annotations

import pytest
from support import gold


@pytest.fixture(scope="module")
def results() -> dict:
    return gold.run_all()


def test_every_gold_file_names_a_corpus_transcript() -> None:
    for path in gold.gold_files():
        transcript, checks = gold.load(path)
        assert (gold.DATA / "corpus" / transcript).exists(), path.name
        assert checks, f"{path.name} has no [[assert]] tables"


def test_no_gold_check_regresses(results: dict) -> None:
    known = gold.known_failing()
    regressed = [f"{c.key} {c.what}: {why}" for c, why in results.items()
                 if why and c.key not in known]
    assert not regressed, "gold checks that fail and are not known to:\n" + "\n".join(regressed)


def test_known_failing_list_is_current(results: dict) -> None:
    known = gold.known_failing()
    passing = sorted(c.key for c, why in results.items() if why is None and c.key in known)
    stale = sorted(known - {c.key for c in results})
    assert not passing, ("now passing, take off tests/data/gold/known-failing.txt:\n"
                         + "\n".join(passing))
    assert not stale, "known-failing.txt names checks that do not exist:\n" + "\n".join(stale)
