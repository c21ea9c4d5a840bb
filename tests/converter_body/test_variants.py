"""Variants and error paths described in conventions.md but not in the corpus
(corpus/README.md, "Described in conventions.md but not in the corpus")."""

from __future__ import annotations

from bodytools import build, codes, xml

PROSE = "This sentence is long enough to be a paragraph of the body, it says: "


def test_B9_spaced_marker_takes_its_footnote_text():
    body, ctx = build(PROSE + "the communes [1] of Hebei.\n——————\n[1] The Polish term.")
    assert 'communes <note type="footnote" n="1"' in xml(body.div)
    assert "The Polish term.</note>" in xml(body.div)


def test_B24_handwritten_entry_without_content():
    body, _ = build(PROSE + "see [handwritten entry] here.")
    assert '<note type="desc" place="inline" resp="#tr">handwritten entry</note>' in \
        xml(body.div)


def test_L9_place_and_date_fields():
    body, _ = build("Note\nPlace: Pyongyang\nDate: 10.11.62\n" + PROSE + "x.")
    s = xml(body.div)
    assert '<ab type="meeting-place">Place: <placeName>Pyongyang</placeName></ab>' in s
    assert '<ab type="meeting-time">Date: <date when="1962-11-10">10.11.62</date></ab>' in s


def test_L8_arrived_and_L22_drafted_by():
    body, _ = build("TELEGRAM\nArrived at 10:40\n" + PROSE + "x.\nALEKSEEV\n"
                    "Drafted by Petrov on 10.11.62")
    s = xml(body.div)
    assert '<seg type="transmission" subtype="arrived">Arrived at 10:40</seg>' in s
    assert '<ab type="drafting">Drafted by Petrov on <date when="1962-11-10">' in s


def test_L28_hangul_is_korean():
    body, ctx = build(PROSE + "the slogan 천리마 was used.")
    assert '<foreign xml:lang="ko">천리마</foreign>' in xml(body.div)
    assert "ko" in body.facts.languages


def test_TX504_and_TX503_dates_without_when():
    body, ctx = build(PROSE + "on 31 February 1957 and on 5/6/51.")
    s = xml(body.div)
    assert "<date>31 February 1957</date>" in s and "<date>5/6/51</date>" in s
    assert "TX504" in codes(ctx) and "TX503" in codes(ctx)


def test_TX420_entry_outside_the_period():
    text = ("JOURNAL\nfor the period 3 through 16 October 1956\n3 November 1956\n" + PROSE)
    body, ctx = build(text)
    assert "TX420" in codes(ctx)


def test_entry_without_when_gets_position_id():
    text = "JOURNAL\n31 February 1957\n" + PROSE
    body, _ = build(text, docid="j")
    assert 'xml:id="j-e1"' in xml(body.div)


def test_positions_are_original_lines_and_columns():
    body, ctx = build("\n\n" + PROSE + "an empty [] bracket")
    d = [x for x in ctx.diagnostics if x.code == "TX306"][0]
    assert (d.line, d.col) == (3, len(PROSE) + 10)


def test_F8_footnote_text_without_rule():
    body, ctx = build(PROSE + "the communes[1] of Hebei.\nKrause\n[1] The Polish term.")
    s = xml(body.div)
    assert 'communes<note type="footnote" n="1"' in s and "TX331" not in codes(ctx)
    assert s.count("The Polish term.") == 1


def test_date_and_accent_diagnostics_point_at_the_word():
    body, ctx = build("\n" + PROSE + "On 17 February Ceau?escu came.", catalogue_when="1951-02-18")
    by_code = {d.code: (d.line, d.col) for d in ctx.diagnostics}
    assert by_code["TX501"] == (2, len(PROSE) + 4)
    assert by_code["TX403"] == (2, len(PROSE) + 16)


def test_L7_us_order_when_another_date_is_unambiguous():
    body, ctx = build(PROSE + "typed on 2/18/51 and sent on 3/5/51.")
    s = xml(body.div)
    assert '<date when="1951-03-05">3/5/51</date>' in s and "TX503" not in codes(ctx)


def test_TX199_internal_error_is_positioned(monkeypatch):
    import pytest

    from tei_tools.diagnostics import TeiToolsError
    from tei_tools.readers.transcript.body import flow

    def boom(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(flow, "paragraph", boom)
    with pytest.raises(TeiToolsError) as info:
        build("\n" + PROSE + "x.")
    diag = info.value.diagnostic
    assert diag.code == "TX199" and (diag.line, diag.col) == (2, 1)
