"""§7 P7, P8, P9: footnote markers after punctuation and brackets, bracketed numerals, footnote
texts after the last body paragraph (conventions.md §7; B9)."""

from __future__ import annotations

from bodytools import build, codes, xml

from tei_tools.readers.transcript import read_transcript, roundtrip
from tei_tools.readers.transcript.context import ReaderSettings

BARE = ReaderSettings(profile="bare")

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


def _convert(text: str):
    """(TEI bytes, diagnostic codes, round-trip differences) of a bare document text."""
    result = read_transcript(text, "fn.txt", settings=BARE)
    assert result.tei is not None, [d.code for d in result.diagnostics]
    return (result.tei.decode(), [d.code for d in result.diagnostics],
            roundtrip.check(result.tei, text, "fn.txt", BARE))


def test_P7_bare_digits_glued_to_a_name_take_the_bracketed_text_TX342():
    tei, found, problems = _convert(
        "To: RAPACKI1, Urgent\n\n" + PROSE + "received by Pham Van Dong2 together.\n\n"
        "[1] Polish Foreign Minister.\n\n[2] Prime Minister of the DRV.\n")
    assert ('RAPACKI<note type="footnote" n="1" place="bottom" resp="#tr" xml:id="fn-fn1" '
            'rend="plain bracketed">Polish Foreign Minister.</note>, Urgent') in tei
    assert 'Dong<note type="footnote" n="2"' in tei and "Prime Minister of the DRV.</note>" in tei
    assert found.count("TX342") == 2 and "TX330" not in found and "TX331" not in found
    assert problems == []       # D gives back "RAPACKI1" and "[1] Polish …"


def test_P7_bare_digits_after_a_full_stop_take_a_parenthesised_text():
    tei, _, problems = _convert(PROSE + "at the time.1 He left,(2) later.\n\n"
                                "(1) In March.\n\n(2) By train.\n")
    assert ('time.<note type="footnote" n="1" place="bottom" resp="#tr" xml:id="fn-fn1" '
            'rend="plain parenthesised">In March.</note> He') in tei
    assert 'rend="parenthesised">By train.</note>' in tei
    assert problems == []


def test_P7_bare_digits_without_a_text_stay_text():
    tei, found, _ = _convert(PROSE + "the MiG15 and the Dong3 arrived.\n")
    assert "MiG15" in tei and "Dong3" in tei and "TX342" not in found


def test_P7_a_number_after_No_or_a_bracketed_marker_is_not_a_bare_marker():
    tei, _, problems = _convert(PROSE + "telegram No.1 and Nº2, see the note[1] and Kim2.\n\n"
                                "[1] A note.\n\n[2] Another note.\n")
    assert "No.1 and Nº2" in tei and 'note<note type="footnote" n="1"' in tei
    assert 'Kim<note type="footnote" n="2"' in tei
    assert problems == []


def test_P7_repeated_bare_numbering_without_texts_is_markers_TX330():
    tei, found, problems = _convert("To: RAPACKI1, Urgent\n\nFrom: WIDERSKI2\n\n" + PROSE
                                    + "cut here.\n")
    assert 'RAPACKI<note type="footnote" n="1" place="bottom" resp="#tr" xml:id="fn-fn1" ' \
           'rend="plain"/>' in tei
    assert found.count("TX330") == 2 and problems == []


def test_P7_asterisk_markers_and_texts():
    tei, found, problems = _convert(
        "RECORD OF A CONVERSATION*\n\n" + PROSE + "the plant** was built.\n\n"
        "* A remark in pencil.\n\n** Another remark.\n")
    assert ('CONVERSATION<note type="footnote" n="*" place="bottom" resp="#tr" '
            'xml:id="fn-fnast1" rend="asterisk">A remark in pencil.</note>') in tei
    assert ('plant<note type="footnote" n="**" place="bottom" resp="#tr" xml:id="fn-fnast2" '
            'rend="asterisk">Another remark.</note>') in tei
    assert "TX330" not in found and "TX331" not in found and problems == []


def test_P7_asterisk_separator_is_not_a_footnote_text():
    tei, _, problems = _convert(PROSE + "the plant* was built.\n\n* * *\n\n" + PROSE + "end.\n")
    assert 'type="footnote"' not in tei and "<milestone" in tei and problems == []


def test_P8_asterisk_text_directly_under_the_caption():
    tei, _, problems = _convert("RECORD OF A CONVERSATION*\n\n30 July 1962, Pitsunda\n\n"
                                "*[handwritten: not seen]\n\n" + PROSE + "end.\n")
    assert ('rend="asterisk"><add hand="#h.1"><note type="desc" place="inline" resp="#tr">'
            'handwritten:</note> not seen</add></note>') in tei
    assert "<p>*" not in tei and problems == []


def test_P8_footnote_text_mid_document_after_its_paragraph():
    tei, found, problems = _convert(PROSE + "the communes[1] of Hebei.\n\n"
                                    "[1] The Polish term.\n\n" + PROSE + "the next page.\n")
    assert 'rend="bracketed">The Polish term.</note> of Hebei.' in tei
    assert "<p>[1]" not in tei and "TX331" not in found and problems == []


def test_P8_parenthesised_lines_mid_document_stay_numbered_paragraphs():
    tei, _, problems = _convert(PROSE + "the Hungary question(1).\n\n(1) The units move.\n\n"
                                + PROSE + "the end.\n\n(1) Point I of the protocol.\n")
    assert '<p n="1">(1) The units move.</p>' in tei
    assert 'rend="parenthesised">Point I of the protocol.</note>' in tei and problems == []


def test_P8_text_without_marker_has_no_call_in_D():
    tei, found, problems = _convert(PROSE + "the communes[1] of Hebei.\n\n[1] The term.\n\n"
                                    "[5] The rest was not recorded.\n")
    assert 'n="5" place="bottom" resp="#tr" xml:id="fn-fn5" rend="bracketed" ' \
           'anchored="false">The rest was not recorded.</note>' in tei
    assert "TX331" in found and problems == []
