"""The round-trip check (§6.5) finds real differences: the broken copies of the reference that
reference/README.md "Verification" lists must fail, harmless changes must pass."""

from __future__ import annotations

import pytest

from tei_tools.readers.transcript.roundtrip import check, column_blocks, normalise_line

SUPPLIED = '<supplied reason="implicit" resp="#tr">them</supplied>'
QUERY = '<note type="query" place="inline" resp="#tr">?</note>'


@pytest.fixture(scope="module")
def reference(seed_reference) -> str:
    return seed_reference.read_text(encoding="utf-8")


@pytest.mark.parametrize("old, new", [
    (SUPPLIED, "them"),                                                  # supplied dropped
    ("they ware thinking", "they were thinking"),                       # a corrected typo
    ("partial image of a stamp:</note><lb/>", "partial image of a stamp:</note>"),
    ("partial image of a stamp:</note>", "partial image of a stamp</note>"),
    ("<label>1 -</label><item>Cde. Gromyko</item>", '<item n="1">Cde. Gromyko</item>'),
    ("A. M. PUZANOV<lb/>for the period", "A. M. PUZANOV for the period"),
    (QUERY + ". As is well known", ". As is well known"),
    ('<idno type="outgoing">353</idno><lb/>', '<idno type="outgoing">353</idno> '),
    ("Five copies printed:", "Four copies printed:"),
])
def test_broken_copies_fail(reference, seed_transcript, old, new):
    assert old in reference
    broken = reference.replace(old, new, 1).encode()
    assert check(broken, seed_transcript.read_bytes(), "puzanov-1957-05-23.txt") != []


@pytest.mark.parametrize("old, new", [
    ("\n          <", "\n<"),                                            # reindented
    ('</seg> <seg type="copy">', '</seg><seg type="copy">'),             # no space between segs
    ('</seg> <seg type="copy">', '</seg>\n          <seg type="copy">'),
])
def test_harmless_changes_pass(reference, seed_transcript, old, new):
    changed = reference.replace(old, new).encode()
    assert check(changed, seed_transcript.read_bytes(), "puzanov-1957-05-23.txt") == []


@pytest.mark.parametrize("line, normal", [
    ("[...]", "[…]"), ("[ …]", "[…]"), ("[….]", "[…]."), ("[.…]", ".[…]"),
    ("——————", "——————————"), ("__________", "__________"), ("*  *  *  *  *", "**********"),
    ("==========================================", "=========="),
    ("–\tin several cooperatives", "- in several cooperatives"),
    ("a \u00a0 b", "a b"), ("[?]", "[?]"),
])
def test_line_normalisations(line, normal):
    assert normalise_line(line) == normal


def test_column_block_detection():
    lines = ["SOVIET EMBASSY [USSR MFA [USSR MFA Far East", "IN THE DPRK Registry stamp: x",
             "Nº 74-dv Incoming Nº 1 Incoming Nº 2", "“3” March 1959 1[[1]] March 1959] 12 M]",
             "Copy Nº ___", "IN THE DPRK Department stamp:", "2 March 1959 11 March 1959]",
             "[USSR MFA Stamp:", "12 June 1957]"]
    blocks = column_blocks(lines)
    assert [(b.start, b.end) for b in blocks] == [(0, 4), (5, 7)]
