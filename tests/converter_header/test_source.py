"""F1 decoding matrix: BOM, line endings, invalid UTF-8, empty input, control characters,
whitespace normalisation with original positions, and split ordinals (L24)."""

from __future__ import annotations

import pytest

from tei_tools.diagnostics import Severity, TeiToolsError
from tei_tools.readers.transcript.context import Context
from tei_tools.readers.transcript.source import decode, ordinal_suffix


def codes(ctx: Context) -> list[str]:
    return [d.code for d in ctx.diagnostics]


def test_plain_utf8_without_final_newline(ctx):
    src = decode(b"first\nsecond", ctx)
    assert [line.text for line in src.lines] == ["first", "second"]
    assert [line.number for line in src.lines] == [1, 2]
    assert ctx.diagnostics == []


def test_final_newline_does_not_add_a_line(ctx):
    assert len(decode(b"a\nb\n", ctx).lines) == 2


@pytest.mark.parametrize("data, note", [
    (b"\xef\xbb\xbfa\nb", "byte-order mark"),
    (b"a\r\nb\r\n", "CRLF"),
    (b"a\rb\r", "CRLF/CR"),
])
def test_bom_and_line_endings_are_normalised_with_tx102(ctx, data, note):
    src = decode(data, ctx)
    assert [line.text for line in src.lines] == ["a", "b"]
    assert codes(ctx) == ["TX102"]
    assert ctx.diagnostics[0].severity == Severity.INFO
    assert note in ctx.diagnostics[0].message


def test_bom_does_not_shift_columns(ctx):
    line = decode(b"\xef\xbb\xbfab c", ctx).lines[0]
    assert line.pos(0) == (1, 1) and line.pos(3) == (1, 4)


@pytest.mark.parametrize("data, line, col", [
    (b"abc\xff", 1, 4),
    (b"ok\nline two \xc3(", 2, 10),
    (b"a\r\nb\r\n\xe2\x82", 3, 1),
    ("\u00e9\u00e9\n".encode() + b"x\x80", 2, 2),
])
def test_invalid_utf8_is_an_error_with_the_position_of_the_first_bad_byte(ctx, data, line, col):
    with pytest.raises(TeiToolsError) as info:
        decode(data, ctx)
    diag = info.value.diagnostic
    assert (diag.code, diag.line, diag.col, diag.path) == ("TX101", line, col, "doc.txt")
    assert diag.hint and "UTF-8" in diag.hint
    assert "\ufffd" not in diag.message


@pytest.mark.parametrize("data", [b"", b"   ", b"\n\n", b" \t\n\xc2\xa0\n", "\ufeff".encode()])
def test_empty_or_whitespace_only_input_is_tx103(ctx, data):
    with pytest.raises(TeiToolsError) as info:
        decode(data, ctx)
    assert info.value.diagnostic.code == "TX103"


def test_nbsp_and_whitespace_runs_become_one_space_and_lines_are_trimmed(ctx):
    line = decode("  [signature] \u00a0 (A.\tPUZANOV)\u00a0".encode(), ctx).lines[0]
    assert line.text == "[signature] (A. PUZANOV)"
    assert "\u00a0" not in line.text
    assert line.indent == 2
    # every character maps back to its original column (1-based, code points)
    assert line.pos(0) == (1, 3)
    assert line.pos(line.text.index("(")) == (1, 17)
    assert line.pos(line.text.index("P")) == (1, 21)


def test_whitespace_only_lines_are_blank(ctx):
    src = decode("a\n \u00a0\t\nb".encode(), ctx)
    assert [line.blank for line in src.lines] == [False, True, False]
    assert [line.number for line in src.non_blank()] == [1, 3]


def test_nul_and_control_characters_are_dropped_with_a_warning(ctx):
    src = decode(b"a\x00b\x07c\nd\x0be\tf", ctx)
    assert [line.text for line in src.lines] == ["abc", "de f"]
    warnings = [d for d in ctx.diagnostics if d.code == "TX104"]
    assert [(d.line, d.col) for d in warnings] == [(1, 2), (2, 2)]
    assert all(d.severity == Severity.WARNING for d in warnings)


def test_other_unicode_is_kept_verbatim(ctx):
    text = "Nº 133 № 7 – — … “x” Верно 土高炉 Ceau?escu"
    assert decode(text.encode(), ctx).lines[0].text == text


def test_split_ordinal_is_rejoined_with_its_offset(ctx):
    src = decode(b"the work of the 23\nrd Congress of the CPSU", ctx)
    joined = src.lines[0]
    assert joined.text == "the work of the 23rd Congress of the CPSU"
    assert joined.ordinal_joins == (len("the work of the 23"),)
    assert src.lines[1].blank
    assert codes(ctx) == ["TX401"]
    assert (ctx.diagnostics[0].line, ctx.diagnostics[0].col) == (2, 1)
    # positions of the re-attached suffix point into the second original line
    assert joined.pos(joined.ordinal_joins[0]) == (2, 1)


def test_split_ordinal_across_blank_lines_of_the_new_site(ctx):
    src = decode(b"Since the 7\n\nth Party Congress", ctx)
    assert src.lines[0].text == "Since the 7th Party Congress"
    assert src.lines[1].blank and src.lines[2].blank


@pytest.mark.parametrize("text", [
    b"the 23\nth Congress",      # wrong suffix for 23
    b"Copy 1\nthe next line",    # 'the' is not the suffix 'th'
    b"page 11\nst Mary",         # 11 takes 'th'
])
def test_not_a_split_ordinal(ctx, text):
    src = decode(text, ctx)
    assert len(src.non_blank()) == 2
    assert "TX401" not in codes(ctx)


@pytest.mark.parametrize("number, suffix", [("1", "st"), ("2", "nd"), ("3", "rd"), ("4", "th"),
                                            ("11", "th"), ("12", "th"), ("13", "th"),
                                            ("21", "st"), ("23", "rd"), ("111", "th")])
def test_ordinal_suffix(number, suffix):
    assert ordinal_suffix(number) == suffix


def test_already_decoded_text_is_accepted(ctx):
    assert decode("x\r\ny", ctx).lines[1].text == "y"


def test_line_slice_keeps_positions(ctx):
    line = decode(b"Header  Summary: rest of it", ctx).lines[0]
    piece = line.slice(line.text.index("rest"))
    assert piece.text == "rest of it"
    assert piece.pos(0) == (1, 18)


def test_large_input_decodes_quickly_with_exact_positions(ctx):
    import time
    line = "In return I said  that a visit was desirable [?] and\tthat [they] would come. " * 8
    data = ("\n\n".join(f"{n}. {line}" for n in range(8000)) + "\n").encode()  # ~5 MB
    started = time.perf_counter()
    src = decode(data, ctx)
    assert time.perf_counter() - started < 5
    last = src.lines[-1]
    assert last.number == 15999 and last.text.startswith("7999. In return I said that")
    index = last.text.index("that a visit")
    assert last.pos(index) == (15999, last.raw.index("that a visit") + 1)
