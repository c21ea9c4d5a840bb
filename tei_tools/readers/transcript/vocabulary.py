"""The Appendix A tables the wrapper and header need, loaded once from ``vocab/*.json``.

The JSON files are the user-extensible data (conventions.md Appendix A: "SHOULD ship these as data
files that users can extend"); this module only reads them.
"""

from __future__ import annotations

import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any

VOCAB_DIR = Path(__file__).resolve().parent / "vocab"


@cache
def load(name: str) -> dict[str, Any]:
    with open(VOCAB_DIR / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


def languages() -> dict[str, str]:
    """A.5: English name → subtag."""
    return load("languages")["languages"]


@cache
def language_name(subtag: str) -> str | None:
    """A.5 name of a language subtag (``ru`` → ``Russian``)."""
    for name, code in languages().items():
        if code == subtag:
            return name
    return None


def funders() -> list[str]:
    return load("funders")["funders"]


def doc_types() -> dict[str, str]:
    """A.4: trailer Type value → div/@subtype."""
    return load("doctypes")["types"]


def archive_families() -> list[dict[str, Any]]:
    return load("archives")["families"]


def classification_terms() -> dict[str, str]:
    """A.3: classification term → category id (``cls.ts`` …)."""
    return load("classification")["classification"]


def classification_strength() -> list[str]:
    """Category ids, strongest first."""
    return load("classification")["strength"]


_SLUG_RUN = re.compile(r"[^a-z0-9]+")


def slug(value: str) -> str:
    """§0: lower case, diacritics removed (NFKD), runs of other characters → '-', trimmed."""
    decomposed = unicodedata.normalize("NFKD", value)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    return _SLUG_RUN.sub("-", plain).strip("-")
