"""§7 P7, P8, P9: footnote markers after punctuation and brackets, bracketed numerals, footnote
texts after the last body paragraph (conventions.md §7; B9)."""

from __future__ import annotations

from bodytools import build, codes, xml

PROSE = "This sentence is long enough to be a paragraph of the body, it says: "
RULE = "\n——————\n"


def test_P9_spaced_bracketed_numeral_without_text_is_an_empty_footnote():
    body, ctx = build(PROSE + "the communes [1] of Hebei.", docid="n")
    s = xml(body.div)
    assert ('communes <note type="footnote" n="1" place="bottom" resp="#tr" xml:id="n-fn1" '
            'rend="bracketed"/> of Hebei.') in s
    assert "<supplied" not in s
    assert "TX330" in codes(ctx) and "TX320" not in codes(ctx)


def test_P9_three_digits_stay_supplied():
    body, _ = build(PROSE + "the communes [123] of Hebei.")
    assert '<supplied reason="implicit" resp="#tr">123</supplied>' in xml(body.div)


def test_P9_repaired_numeral_is_not_a_marker():
    body, _ = build(PROSE + "the communes [1 of Hebei.")
    assert 'type="footnote"' not in xml(body.div)


def test_P7_bracketed_marker_after_full_stop_and_comma():
    body, ctx = build(PROSE + "at the time of the visit.[3] He said,[4] \"no\"." + RULE
                      + "[3] Kosygin's visit.\n[4] In Russian.")
    s = xml(body.div)
    assert 'visit.<note type="footnote" n="3"' in s and "Kosygin's visit.</note>" in s
    assert 'said,<note type="footnote" n="4"' in s and "In Russian.</note>" in s
    assert "TX330" not in codes(ctx)


def test_P7_marker_glued_after_a_bracket_and_before_a_word():
    body, _ = build(PROSE + "about the South, [Nguyen Chi Thanh][2]General reported." + RULE
                    + "[2] Commander of the forces.", docid="d")
    s = xml(body.div)
    assert ('Nguyen Chi Thanh</persName></note><note type="footnote" n="2" place="bottom" '
            'resp="#tr" xml:id="d-fn2" rend="bracketed">Commander of the forces.</note>'
            'General reported.') in s


def test_P7_parenthesised_marker_after_full_stop_comma_and_parenthesis():
    body, _ = build(PROSE + "Roa.(1) and Dorticós,(2) and (Castro)(3) met." + RULE
                    + "(1) Raúl Roa.\n(2) Osvaldo Dorticós.\n(3) Fidel Castro.")
    s = xml(body.div)
    for mark, text in [(".", "Raúl Roa."), (",", "Osvaldo Dorticós."), (")", "Fidel Castro.")]:
        assert f'{mark}<note type="footnote"' in s and f'rend="parenthesised">{text}</note>' in s


def test_P7_parenthesised_number_after_a_space_is_not_a_marker():
    body, _ = build(PROSE + "the points (1) and (2) of the plan." + RULE + "(1) A text.")
    assert 'points (1) and' in xml(body.div)


def test_P8_footnote_text_without_marker_after_other_texts_is_a_footnote_TX331():
    body, ctx = build(PROSE + "the communes[1] of Hebei.\n\n[1] The Polish term.\n\n"
                      "[5] The rest was not recorded.")
    s = xml(body.div)
    assert "The rest was not recorded.</note>" in s
    assert "<p>[5]" not in s and 'n="5"' in s
    assert "TX331" in codes(ctx)
