"""L7 dates: forms, year inference (TX501/TX502), ambiguity (TX503)."""

from __future__ import annotations

import pytest
from bodytools import xml

from tei_tools.readers.transcript.body import atoms, dates
from tei_tools.readers.transcript.body.tei import el


def mark(text: str, **env) -> tuple[str, list]:
    denv = dates.DateEnv(**env)
    p = atoms.fill(el("p"), dates.mark_dates(list(text), denv))
    return xml(p), denv.notes


@pytest.mark.parametrize("text, attrs", [
    ("3 October 1956", 'when="1956-10-03"'),
    ("“3” March 1959", 'when="1959-03-03"'),
    ("17.II.51", 'when="1951-02-17"'),
    ("14.IX.1971, 11:00", 'when="1971-09-14T11:00:00"'),
    ("9 XI 62 at 22 hours 50 minutes", 'when="1962-11-09T22:50:00"'),
    ("18.II.51 at 05:10", 'when="1951-02-18T05:10:00"'),
    ("10.11.62", 'when="1962-11-10"'),
    ("2/18/51 at 06:40", 'when="1951-02-18T06:40:00"'),
    ("6 through 29 May 1957", 'from="1957-05-06" to="1957-05-29"'),
    ("18 June 1963, 3:00-4:40 p.m.", 'from="1963-06-18T15:00:00" to="1963-06-18T16:40:00"'),
    ("March 1959", 'when="1959-03"'),
    ("May 23, 1957", 'when="1957-05-23"'),
])
def test_L7_forms(text, attrs):
    out, notes = mark(f"on {text}.")
    assert f"<date {attrs}>{text}</date>" in out
    assert notes == []


def test_L7_year_inferred_TX501():
    out, notes = mark("On 17 February I visited", doc_when="1951-02-18")
    assert '<date when="1951-02-17" cert="medium" resp="#conv">17 February</date>' in out
    assert notes[0][0] == "TX501"


def test_L6_entry_year_from_period_TX502():
    denv = dates.DateEnv(doc_when="1957-01-02", period=("1956-12-20", "1957-01-05"))
    p = atoms.fill(el("p"), dates.mark_dates(list("28 December"), denv, entry=True))
    assert 'when="1956-12-28" cert="high" resp="#conv"' in xml(p)
    assert denv.notes[0][0] == "TX502"


def test_L7_ambiguous_numeric_TX503_and_day_roman():
    out, notes = mark("5/6/51 and 20/XI", doc_when="1961-11-14")
    assert "<date>5/6/51</date>" in out and notes[0][0] == "TX503"
    assert '<date when="1961-11-20" cert="medium" resp="#conv">20/XI</date>' in out


def test_L7_no_date_in_numbers():
    out, _ = mark("spend 10-12 days, 1,500 trucks, in 1955-1956 and the 23rd")
    assert "<date" not in out


def test_L7_uncertain_digit_gives_medium_certainty():
    items = list("1") + [el("unclear", {"reason": "faded"}, "7")] + list(
        " March 1958")
    p = atoms.fill(el("p"), dates.mark_dates(items, dates.DateEnv()))
    assert xml(p).startswith('<p><date when="1958-03-17" cert="medium">1<unclear')
