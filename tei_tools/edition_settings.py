"""The settings edition.toml may hold, and the check that names a mistake by key and line.

An unknown key or table (``titel``, ``[pdff]``) or a value of the wrong type
(``title = {a = 1}``) is a warning (ED011, ED012) and is left out, so the default applies; a URL
that is not http, https or relative (``base_url = "javascript:…"``) is refused by the filter
of TEI links (ED010, :mod:`tei_tools.urls`). tomllib gives no positions, so the line is found
in the text: the line of ``[table]`` or of ``key =`` in its table.
"""

from __future__ import annotations

import re
from pathlib import Path

from .diagnostics import Diagnostic, diagnostic
from .urls import WEB_SCHEMES, safe_url

TEXT, TEXTS, NUMBER, FLAG = "a string", "a string or a list of strings", "a number", \
    "true or false"
# the metadata: under [edition], or at the top of the file when there is no [edition] table
EDITION = {"title": TEXT, "subtitle": TEXT, "editors": TEXTS, "publisher": TEXT,
           "licence": TEXT, "license": TEXT, "licence_url": TEXT, "language": TEXT,
           "source_archive": TEXT, "source_credit": TEXT, "base_url": TEXT,
           "version": TEXT, "description": TEXT}
TABLES = {
    "reader": {"profile": TEXT, "publisher": TEXT},
    "pdf": {"view": TEXT, "paper": TEXT, "font": TEXTS, "font_files": TEXTS},
    "html": {"search_part_size": NUMBER},
    "build": {"trusted_overrides": FLAG},
}
URLS = ("base_url", "licence_url")
# checked where they are used, with their own errors: ED007, and ED005 for editors that are
# neither a name nor a list (a list holding something else than names is a warning here)
_CHECKED_ELSEWHERE = {("html", "search_part_size")}


def _fits(value: object, expected: str) -> bool:
    if expected == TEXT:
        return isinstance(value, str) or (isinstance(value, int | float)
                                          and not isinstance(value, bool))  # version = 1.0
    if expected == TEXTS:
        return isinstance(value, str) or (isinstance(value, list)
                                          and all(isinstance(v, str) for v in value))
    if expected == NUMBER:
        return isinstance(value, int | float) and not isinstance(value, bool)
    return isinstance(value, bool)


def check(data: dict, text: str, path: Path) -> tuple[dict, list[Diagnostic]]:
    """``data`` without the keys that are unknown or of the wrong type, and a warning for
    each of them (naming the key and its line)."""
    lines = _lines(text)
    where = str(path)
    warnings: list[Diagnostic] = []
    has_edition = isinstance(data.get("edition"), dict)
    kept: dict = {}
    for key, value in data.items():
        if key in TABLES or (key == "edition" and has_edition):
            kept[key] = _table(key, value, EDITION if key == "edition" else TABLES[key],
                               lines, where, warnings) if isinstance(value, dict) else value
        elif not has_edition and key in EDITION:
            kept.update(_table(None, {key: value}, EDITION, lines, where, warnings))
        elif key == "edition":
            kept[key] = value  # not a table: load_edition reports it (ED005)
        else:
            known = _known(None) if has_edition else f"{_known('edition')}; {_known(None)}"
            warnings.append(diagnostic("ED011", path=where, line=lines.get((key,)), key=key,
                                       known=known))
    return kept, warnings


def _table(name: str | None, values: dict, known: dict[str, str], lines: dict,
           where: str, warnings: list[Diagnostic]) -> dict:
    kept = {}
    for key, value in values.items():
        at = (name, key) if name else (key,)
        label = f"{name}.{key}" if name else key
        line = lines.get(at)
        if key not in known:
            warnings.append(diagnostic("ED011", path=where, line=line, key=label,
                                       known=_known(name or "edition")))
        elif (name or "edition", key) not in _CHECKED_ELSEWHERE and not _fits(value, known[key]) \
                and not (key == "editors" and not isinstance(value, list)):
            warnings.append(diagnostic("ED012", path=where, line=line, key=label,
                                       expected=known[key], value=value))
        elif key in URLS and value and safe_url(str(value), WEB_SCHEMES) is None:
            warnings.append(diagnostic("ED010", path=where, line=line, key=label, url=value))
        else:
            kept[key] = value
    return kept


def _known(table: str | None) -> str:
    """The settings of ``table`` ("edition" for the metadata), or the tables (None)."""
    if table is None:
        return "the tables [" + "], [".join(["edition", *TABLES]) + "]"
    return ", ".join(EDITION if table == "edition" else TABLES[table])


_HEADER = re.compile(r"\s*\[\s*([^\[\]]+?)\s*\]\s*(?:#.*)?$")
_KEY = re.compile(r"""\s*("(?:[^"\\]|\\.)*"|'[^']*'|[A-Za-z0-9_-]+)\s*=""")


def _lines(text: str) -> dict[tuple[str, ...], int]:
    """Where each ``[table]`` and each ``key =`` of a table stands (the first time)."""
    found: dict[tuple[str, ...], int] = {}
    table: tuple[str, ...] = ()
    for number, line in enumerate(text.splitlines(), start=1):
        header = _HEADER.match(line)
        if header:
            table = tuple(part.strip().strip("\"'") for part in header.group(1).split("."))
            found.setdefault(table, number)
            continue
        key = _KEY.match(line)
        if key:
            found.setdefault((*table, key.group(1).strip("\"'")), number)
    return found
