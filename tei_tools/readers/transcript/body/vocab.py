"""Appendix A vocabularies, loaded once from ``readers/transcript/vocab/*.json``.

Users extend the reader by editing those data files; nothing here hard-codes a term list.
"""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path
from typing import Any

VOCAB_DIR = Path(__file__).resolve().parent.parent / "vocab"


@cache
def load(name: str) -> dict[str, Any]:
    with open(VOCAB_DIR / f"{name}.json", encoding="utf-8") as fh:
        return json.load(fh)


@cache
def months() -> list[str]:
    return load("months")["months"]


def month_number(name: str) -> int | None:
    try:
        return months().index(name.capitalize() if name.isupper() else name) + 1
    except ValueError:
        return None


def roman_month(value: str) -> int | None:
    try:
        return load("months")["roman"].index(value) + 1
    except ValueError:
        return None


# P10: upper-case months (``11 JUNE 1969``) are months too
MONTH_RE = "(?:" + "|".join(months() + [m.upper() for m in months()]) + ")"


@cache
def classification() -> dict[str, Any]:
    return load("classification")


@cache
def stamp_label() -> re.Pattern[str]:
    return re.compile(load("labels")["stamp"])


@cache
def hand_label() -> re.Pattern[str]:
    return re.compile(load("labels")["handwriting"])


def place_for(position: str | None) -> str | None:
    """A.8: the position words of a label → ``@place``."""
    if not position:
        return None
    for word, place in load("labels")["position"].items():
        if word in position:
            return place
    return None


@cache
def descriptive() -> list[re.Pattern[str]]:
    return [re.compile(p, re.I) for p in load("descriptive")["patterns"]]


@cache
def pronouns() -> frozenset[str]:
    return frozenset(p.lower() for p in load("pronouns")["pronouns"])


@cache
def terms() -> dict[str, str]:
    return load("terms")["terms"]


@cache
def places() -> frozenset[str]:
    return frozenset(load("places")["places"])


@cache
def captions() -> list[str]:
    # longest first, so that "FROM THE JOURNAL" wins over "JOURNAL"
    return sorted(load("captions")["captions"], key=len, reverse=True)


def caption_subtype(caption: str) -> str | None:
    low = caption.lower()
    best = None
    for key, value in load("captions")["subtypes"].items():
        if low.startswith(key) and (best is None or len(key) > len(best[0])):
            best = (key, value)
    return best[1] if best else None


@cache
def field_labels() -> frozenset[str]:
    return frozenset(load("field_labels")["labels"])


@cache
def field_labels_lower() -> frozenset[str]:
    """A.14 labels in lower case: P15 compares field labels without regard to case."""
    return frozenset(label.lower() for label in field_labels())


@cache
def archive_names() -> frozenset[str]:
    """A.7: the names and acronyms of the archive families, as written."""
    return frozenset(name for family in load("archives")["families"] for name in family["names"])


@cache
def offices() -> list[str]:
    return load("offices")["offices"]


def type_subtype(value: str | None) -> str | None:
    """A.4: the trailer Type value → ``div/@subtype`` (None when there is no value)."""
    if not value:
        return None
    types = {k.lower(): v for k, v in load("doctypes")["types"].items()}
    return types.get(value.strip().lower(), "other")
