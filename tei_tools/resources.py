"""Locate the XSLT stylesheets and schemas that ship with tei-tools.

In an installed wheel they live in ``tei_tools/_data/``; in a source checkout (or an editable
install) they are the top-level ``xslt/`` and ``schemas/`` folders.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """Return the folder of shipped data ``name`` (``"xslt"`` or ``"schemas"``)."""
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(
        f"tei-tools data folder {name!r} not found; reinstall tei-tools (pip install tei-tools)"
    )


def xslt_path(name: str) -> Path:
    """Path of a shipped stylesheet, e.g. ``xslt_path("html/document.xsl")``."""
    return data_dir("xslt") / name


def schema_path(name: str) -> Path:
    """Path of a shipped schema file, e.g. ``schema_path("tei-tools.rng")``."""
    return data_dir("schemas") / name
