"""Helpers of the register tests: entries made in one line."""

from __future__ import annotations

from pathlib import Path

from tei_tools.registers import Entry, Name

ROOT = Path(__file__).resolve().parents[2]
EDITIONS = ROOT / "editions"


def person(entry_id: str, text: str, *variants: str, surname: str | None = None,
           forename: str | None = None, surname_first: bool = False,
           **idnos: str) -> Entry:
    names = [Name(text, "preferred", None, surname, forename, surname_first)]
    names += [Name(v) for v in variants]
    return Entry("person", entry_id, "persons.xml", names, idnos=idnos)


def place(entry_id: str, text: str, *variants: str, **idnos: str) -> Entry:
    return Entry("place", entry_id, "places.xml",
                 [Name(text, "preferred")] + [Name(v) for v in variants], idnos=idnos)


def org(entry_id: str, text: str, *variants: str) -> Entry:
    return Entry("org", entry_id, "orgs.xml",
                 [Name(text, "preferred")] + [Name(v) for v in variants])
