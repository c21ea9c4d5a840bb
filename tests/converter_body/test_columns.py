"""B20 collapsed multi-column headers and B19 labels at depth 0 (§3.2)."""

from __future__ import annotations

from bodytools import build, codes, xml

from tei_tools.readers.transcript.body.columns import find_blocks
from tei_tools.readers.transcript.body.lines import TextLine

PROSE = "I am sending you a record of the conversation of the Embassy Counselor today."
HEADER = ("SOVIET EMBASSY [USSR MFA [USSR MFA Far East\n\n"
          "IN THE DPRK Registry stamp: Department stamp:\n\n"
          "Nº 74-dv SECRET Incoming Nº 02217s Incoming Nº 05731-gs\n\n"
          "“3” March 1959 1[[1]] March 1959] 12 March 1959]")


def test_B20_detection():
    lines = [TextLine(t, i + 1) for i, t in enumerate(HEADER.split("\n")) if t]
    assert find_blocks(lines) == [(0, 3, 2, False)]


def test_B20_columns_become_letterhead_and_stamps():
    body, ctx = build(HEADER + "\n" + PROSE)
    s = xml(body.div)
    assert ('<seg type="letterhead">SOVIET EMBASSY<lb/>IN THE DPRK<lb/>Nº <idno type="outgoing">'
            '74-dv</idno> <seg type="classification" ana="#cls.s">SECRET</seg><lb/><date '
            'when="1959-03-03">“3” March 1959</date></seg>') in s
    assert ('<stamp type="incoming"><note type="desc" place="inline" resp="#tr"><orgName>USSR '
            'MFA Registry</orgName> stamp:</note><lb/>Incoming Nº <idno type="incoming">02217s'
            '</idno><lb/><date when="1959-03-11" cert="medium">1<unclear reason="illegible" '
            'resp="#tr">1</unclear> March 1959</date></stamp>') in s
    assert '<orgName>USSR MFA Far East Department</orgName> stamp:' in s
    assert "TX325" not in codes(ctx)


def test_B19_label_without_opening_bracket():
    text = ("IN THE DPRK Department stamp:\nNº 73-dv SECRET Incoming Nº 02218s\n"
            "2 March 1959 11 March 1959]\n" + PROSE)
    body, ctx = build(text)
    s = xml(body.div)
    assert '<seg type="letterhead">IN THE DPRK<lb/>Nº <idno type="outgoing">73-dv</idno>' in s
    assert ('<stamp type="incoming" rend="unopened"><note type="desc" place="inline" '
            'resp="#tr"><orgName>Department</orgName> stamp:</note><lb/>Incoming Nº') in s
    assert "TX304" in codes(ctx)


def test_B20_fallback_collapsed_columns_TX325():
    text = ("ALPHA [one [two\nIncoming a Incoming b Incoming c Incoming d]\nx 1959]\n"
            + PROSE)
    body, ctx = build(text)
    s = xml(body.div)
    assert "TX325" in codes(ctx)
    assert ('<seg type="collapsed-columns">ALPHA <c type="stray-bracket">[</c>one '
            '<c type="stray-bracket">[</c>two<lb/>Incoming a') in s


def test_B20_row_the_splitter_cannot_account_for_is_kept_whole_TX325():
    """A row whose cells would not hold all its text (here the stamp after the last label)
    makes the block verbatim: nothing of the transcript may be lost."""
    text = ("SOVIET EMBASSY [USSR MFA [USSR MFA Far East\n"
            "IN THE DPRK Registry stamp: Department stamp:\n"
            "Nº 74-dv SECRET Incoming Nº 02217s Incoming Nº 05731-gs\n"
            "“3” March 1959 11 March 1959] 12 March 1959] [stamp: Incoming Nº 0521s of "
            "17 March 1958]\n" + PROSE)
    body, ctx = build(text)
    s = xml(body.div)
    assert "TX325" in codes(ctx)
    assert "0521s of 17 March 1958" in s


def test_B20_a_cell_that_closes_a_bracket_goes_to_that_column_TX324():
    """'29 July 1959]' closes the stamp: it is the stamp's, not the letterhead's, although it
    comes first in its row."""
    body, ctx = build("SOVIET EMBASSY [faded USSR MFA Stamp: 02967ss\n"
                      "29 July 1959] 3 October 1956\n" + PROSE)
    s = xml(body.div)
    assert ('<seg type="letterhead">SOVIET EMBASSY<lb/><date when="1956-10-03">3 October 1956'
            '</date></seg>') in s
    assert '02967ss</note><lb/><date when="1959-07-29">29 July 1959</date></stamp>' in s
    assert "TX324" in codes(ctx)


def test_B20_needs_the_bracket_right_after_the_leading_capitals():
    """§3.2 detection: "DPRK the [" is not a letterhead followed by a column."""
    body, ctx = build("DPRK the [faded USSR MFA Stamp: 02967ss\n29 July 1959] 3 October 1956\n"
                      + PROSE)
    assert "letterhead" not in xml(body.div) and "TX324" not in codes(ctx)


def test_B19_never_closed_TX302():
    text = ("IN THE DPRK Department stamp:\nNº 73-dv SECRET Incoming Nº 02218s\n"
            "2 March 1959 11 March 1959\n" + PROSE)
    body, ctx = build(text)
    s = xml(body.div)
    assert 'rend="unopened"><note type="desc" place="inline" resp="#tr"><orgName>Department' in s
    assert "TX304" in codes(ctx) and "TX302" in codes(ctx)
