"""§3.1 L-3/L-4 and the parser-level repairs B14, B27c; TX305."""

from __future__ import annotations

from bodytools import codes, lines_of

from tei_tools.readers.transcript.body.lines import prepare
from tei_tools.readers.transcript.body.nodes import LB, Bracket, Orphan
from tei_tools.readers.transcript.body.parser import parse
from tei_tools.readers.transcript.context import Context


def units_of(text: str, ctx: Context | None = None):
    ctx = ctx or Context("t")
    lines, _ = prepare(lines_of(text), ctx)
    return parse(lines, ctx), ctx


def test_B26_multiline_bracket_is_one_unit_blank_lines_dropped():
    text = "[partial image of a stamp:\n\n\nIncoming Nº 5925-gs\n\n11 June 1957]\nNext"
    units, ctx = units_of(text)
    assert len(units) == 2
    br = units[0].only_bracket()
    assert isinstance(br, Bracket) and sum(isinstance(n, LB) for n in br.children) == 2
    assert units[0].lines == [1, 4, 6]
    assert codes(ctx) == []


def test_L4_new_bracket_line_stops_continuation_B27c():
    units, ctx = units_of("[stamp: Incoming\n[other] line]")
    first = units[0].only_bracket()
    assert first.rend == "unclosed"
    assert "TX302" in codes(ctx)


def test_L4_more_than_12_lines_is_unclosed():
    text = "[open\n" + "\n".join(f"line {i}" for i in range(13)) + "\nend]"
    units, ctx = units_of(text)
    assert units[0].only_bracket().rend == "unclosed"
    assert isinstance(units[-1].nodes[-1], Orphan)


def test_L4_numbered_paragraph_stops_continuation():
    units, ctx = units_of("2. Maintain contacts [with the Chamber;\n3. Prepare a report.]")
    assert units[0].nodes[-1].rend == "unclosed"
    d = [x for x in ctx.diagnostics if x.code == "TX302"][0]
    assert (d.line, d.col) == (1, 22)


def test_B14_single_close():
    units, ctx = units_of("[handwriting: to [[illegible name] and [[two surnames illegible]]\nend]")
    outer = units[0].only_bracket()
    inner = [n for n in outer.children if isinstance(n, Bracket)]
    assert inner[0].rend == "single-close" and inner[1].rend is None
    assert codes(ctx).count("TX303") == 1


def test_B27_orphan_close_is_kept_as_token():
    units, _ = units_of("has become worse.] Rations")
    assert any(isinstance(n, Orphan) for n in units[0].nodes)


def test_L3_nesting_and_TX305():
    units, ctx = units_of("[a [b [c [d]]]]")
    assert "TX305" in codes(ctx)
    units, ctx = units_of("[handwritten: Cde. K. [Illegible signature] 24.III.58]")
    assert "TX305" not in codes(ctx)
    assert isinstance(units[0].only_bracket().children[1], Bracket)


def test_L24_split_ordinal_rejoined():
    ctx = Context("t")
    lines, joins = prepare(lines_of("the work of the 23\nrd Congress of the CPSU"), ctx)
    assert len(lines) == 1 and lines[0].text == "the work of the 23rd Congress of the CPSU"
    assert "TX401" in codes(ctx)
    assert lines[0].col(len("the work of the 23")) == 1      # "rd" is on line 2, column 1


def test_TX305_deep_nesting_is_bounded():
    units, ctx = units_of("Deep " + "[" * 500 + "x" + "]" * 500 + " end.")
    assert codes(ctx).count("TX305") == 1
    assert units[0].text().count("[") == 500      # nothing lost: deep ones are literal
