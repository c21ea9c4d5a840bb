"""Hypothesis properties: the parser and build_body never crash, keep positions inside the
input, and leave no literal bracket outside ``c[@type='stray-bracket']``."""

from __future__ import annotations

import re
from pathlib import Path

from bodytools import build, wrap
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools.readers.transcript.body.lines import TextLine
from tei_tools.readers.transcript.body.nodes import Bracket
from tei_tools.readers.transcript.body.parser import parse
from tei_tools.readers.transcript.context import Context

PIECES = st.sampled_from([
    "[", "]", "[[", "]]", " ", "\n", "\n\n", "word", "Nº 12", "3 May 1957", "stamp:",
    "handwritten:", "[email protected]", "1. ", "- ", "Kim:", "SECRET", "[…]", "I", "x/",
    "(1)", "?", "Ceau?escu", "R O S H C H I N", "\u00a0", "——————", "Верно", "sic",
    # §7 P10, P11, P13, P15 head-zone variants
    "[Stamp]:", "[Handwritten]:", "[Handwritten text:]", "[[Handwriting in pencil]:",
    '"to Cde. X."]', "###", "xxx", "USSR MFA stamp:", "FROM THE JOURNAL", "OF S. N. FILATOV",
    "03377-gs", "4-9 July 1958", "No 058/olas", "     ", "Those Taking Part:",
    "H i g h l y  c l a s s i f i e d", "of Soviet Ambassador for the period",
])
TEXTS = st.lists(PIECES, max_size=40).map("".join)


def _walk(nodes, lines):
    for n in nodes:
        pos = n.start if isinstance(n, Bracket) else n.pos
        assert pos.line in lines and pos.col >= 1
        if isinstance(n, Bracket):
            _walk(n.children, lines)


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_property_parser_positions(text):
    raw = text.split("\n")
    lines = [TextLine(t, i + 1) for i, t in enumerate(raw) if t.strip()]
    units = parse(lines, Context("p"))
    numbers = {ln.number for ln in lines}
    for u in units:
        _walk(u.nodes, numbers)
    # every character that is not a bracket or whitespace survives in the units' text
    kept = "".join(u.text() for u in units)
    assert sorted(re.sub(r"\[email.protected\]|[\s\[\]]", "", kept)) == \
        sorted(re.sub(r"\[email.protected\]|[\s\[\]]", "", "\n".join(raw)))


@settings(max_examples=200, deadline=None)
@given(TEXTS)
def test_property_build_body_no_crash_no_literal_brackets(text):
    body, _ctx = build(text)
    copy = etree.fromstring(etree.tostring(body.div))
    for c in copy.iter("{http://www.tei-c.org/ns/1.0}c"):
        c.text = ""
    assert not re.search(r"[\[\]]", "".join(copy.itertext()))


CORPUS_LINES = [
    line for path in sorted((Path(__file__).resolve().parent.parent / "data" / "corpus")
                            .glob("*.txt"))
    for line in path.read_text(encoding="utf-8").split("\n")]


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(CORPUS_LINES), min_size=1, max_size=30))
def test_property_any_mix_of_corpus_lines_is_valid_TEI(tei_all, chosen):
    """Lines of real-looking transcripts in any order still give valid TEI (§6.1 rule 5)."""
    body, _ctx = build("\n".join(chosen))
    assert tei_all.validate(wrap(body.div)), str(tei_all.error_log)[:500]
