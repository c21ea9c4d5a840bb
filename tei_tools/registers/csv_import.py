"""Register entries from CSV: what editors keep in a spreadsheet, converted to TEI.

Columns (header row; order free, names case-insensitive):

``kind``       person, place or org (default: ``--kind``, or the file name: persons.csv …)
``id``         the xml:id (default: made from the name: p.kim-il-sung, pl.moscow, o.ussr-mfa)
``name``       the preferred name as read; ``surname`` and ``forename`` structure it
``surname_first``  yes for names written surname first (Kim Il Sung); default: no
``variants``   other spellings and romanisations, separated by ``|``
``sort``       the sort form, when it is not ``Surname, Forenames``
``birth``, ``death``, ``floruit``  ISO dates; ``roles`` roles or a description (``|``)
``wikidata``, ``viaf``, ``gnd``, ``geonames``, ``lc``  authority ids; ``geo`` "lat long"
``note``       a note

The report of ``tei-tools link --report`` has the columns status, count, candidates and
documents besides: they are read as information and ignored, so a report row an editor has
checked (a kind filled in, an id chosen) imports as it is.
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..diagnostics import Diagnostic
from .authority import AUTHORITIES
from .codes import diagnostic
from .model import KINDS, Entry, Name
from .names import words

_COLUMNS = {"kind", "id", "name", "surname", "forename", "surname_first", "variants", "sort",
            "birth", "death", "floruit", "roles", "geo", "note", *AUTHORITIES}
_IGNORED = {"status", "count", "candidates", "documents"}
_ID_PREFIX = {"person": "p", "place": "pl", "org": "o"}
_BY_FILE = {"persons": "person", "people": "person", "places": "place", "orgs": "org",
            "organisations": "org", "organizations": "org"}


def make_id(kind: str, name: str, taken: set[str]) -> str:
    """A readable, unique xml:id: ``p.kim-il-sung``, then ``p.kim-il-sung-2`` …"""
    slug = "-".join(w for w in words(name) if re.fullmatch(r"[a-z0-9]+", w))[:40] or "entry"
    base = f"{_ID_PREFIX[kind]}.{slug}"
    candidate, n = base, 1
    while candidate in taken:
        n += 1
        candidate = f"{base}-{n}"
    taken.add(candidate)
    return candidate


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split("|") if v.strip()]


def read_csv(text: str, *, kind: str | None = None, path: str = "<csv>",
             taken: set[str] | None = None) -> tuple[list[Entry], list[Diagnostic]]:
    """Entries from CSV text; rows with errors are left out and reported."""
    if kind is None:
        kind = _BY_FILE.get(Path(path).stem.lower())
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames:
        return [], [diagnostic("REG024", path=path, line=1)]
    columns = {c: (c or "").strip().lower() for c in reader.fieldnames}
    problems = [diagnostic("REG020", path=path, line=1, column=c, known=", ".join(
        sorted(_COLUMNS))) for c, name in columns.items() if name not in _COLUMNS | _IGNORED]
    if problems:
        return [], problems
    taken = set() if taken is None else taken  # grows with the ids made here
    entries: list[Entry] = []
    for row_number, raw in enumerate(reader, start=2):
        row = {columns[c]: (v or "").strip() for c, v in raw.items() if c is not None}
        at = {"path": path, "line": row_number}
        row_kind = row.get("kind") or kind
        if row_kind not in KINDS:
            problems.append(diagnostic("REG022", **at, kind=row_kind or ""))
            continue
        surname, forename = row.get("surname") or None, row.get("forename") or None
        surname_first = row.get("surname_first", "").lower() in ("yes", "true", "1", "y")
        text = row.get("name") or " ".join(
            p for p in ((surname, forename) if surname_first else (forename, surname)) if p)
        if not text:
            problems.append(diagnostic("REG021", **at))
            continue
        entry_id = row.get("id") or make_id(row_kind, text, taken)
        if row.get("id"):
            if entry_id in taken:
                problems.append(diagnostic("REG023", **at, id=entry_id))
                continue
            taken.add(entry_id)
        names = [Name(text, "preferred", None, surname if row_kind == "person" else None,
                      forename if row_kind == "person" else None, surname_first)]
        names += [Name(v) for v in _split(row.get("variants", "")) if v != text]
        entries.append(Entry(
            kind=row_kind, id=entry_id, file="", names=names, sort_key=row.get("sort") or None,
            birth=row.get("birth") or None, death=row.get("death") or None,
            floruit=row.get("floruit") or None, roles=_split(row.get("roles", "")),
            idnos={k: row[k] for k in AUTHORITIES if row.get(k)},
            geo=row.get("geo") or None, note=row.get("note") or None, line=row_number))
    return entries, problems
