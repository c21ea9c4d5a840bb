"""What the web tests share besides fixtures (a module of its own: `from conftest import` picks
whichever conftest.py pytest loaded last when several test folders run together)."""

from __future__ import annotations

from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE.parent / "data"
REPO = HERE.parent.parent
EPOCH = "1700000000"  # 2023-11-14


def fixture_files() -> list[Path]:
    return [DATA / "puzanov-1957-05-23.xml", *sorted((DATA / "web").glob("*.xml"))]
