"""§3.3 classification and §3.4 TEI of the bracket types B1–B25, in running text."""

from __future__ import annotations

import pytest
from bodytools import build, codes, xml

PROSE = "This sentence is long enough to be a paragraph of the body, it says: "


def para(fragment: str, **hints) -> tuple[str, list[str]]:
    """The first body paragraph built from ``fragment`` (after a prose lead-in)."""
    body, ctx = build(PROSE + fragment, **hints)
    p = body.div.find(".//{http://www.tei-c.org/ns/1.0}p")
    return xml(p), codes(ctx)


@pytest.mark.parametrize("fragment, expected", [
    ("He informed [me] that", '<supplied reason="implicit" resp="#tr">me</supplied>'),
    ("and [the latter's] quality", "<supplied reason=\"implicit\" resp=\"#tr\">the latter's"),
])
def test_B1_supplied_pronoun(fragment, expected):
    assert expected in para(fragment)[0]


def test_B1_I_at_line_start_is_a_pronoun():
    body, _ = build("[I] visited the Deputy Minister of National Defense and introduced him.")
    assert '<supplied reason="implicit" resp="#tr">I</supplied> visited' in xml(body.div)


def test_B2_supplied_phrase_and_TX320_for_capital():
    text, diags = para("the reason [for this].")
    assert '<supplied reason="implicit" resp="#tr">for this</supplied>.' in text
    text, diags = para("He thanked [Comrade Florin] for the reception.")
    assert "TX320" in diags and "<supplied" in text


def test_B3_supplied_qualifier_and_B4_expansion():
    text, _ = para("According to the [Korean] M[inistry of] F[oreign] T[rade], exports")
    assert '<supplied reason="implicit" resp="#tr">Korean</supplied> <expan>M<ex' in text
    assert '<expan>T<ex resp="#tr">rade</ex></expan>,' in text


def test_B4_right_glued_letters_stay_in_the_word():
    text, _ = para("through the [dep]artment of Science.")
    assert '<expan><ex resp="#tr">dep</ex>artment</expan> of' in text


def test_B5_alternate_romanisation():
    text, _ = para("Comrade Ri Man-seok [Ri Man Sok], Deputy Minister")
    assert ('Comrade <persName>Ri Man-seok</persName> <note type="alt-name" place="inline" '
            'resp="#tr"><persName>Ri Man Sok</persName></note>,') in text


def test_B5_fails_for_other_names_then_B6():
    text, _ = para("TO FILIPPOV [STALIN] and the airfield at Tourane [Da Nang]")
    assert ('<note type="identification" place="inline" resp="#tr"><persName>STALIN'
            in text)
    assert '<placeName>Da Nang</placeName>' in text


def test_B7_acronym_expansion():
    text, _ = para("the KPA [Korean People's Army] units")
    assert ('<orgName>KPA</orgName> <note type="expansion" place="inline" resp="#tr">'
            "Korean People's Army</note> units") in text


def test_B10_two_sic_in_a_row_both_stay():
    """The first of "X [sic] [sic]" is written out as a note: D restores a plain [sic] from
    <sic> only when no note follows, and the second one is a note."""
    text, ctx = para("the river Yalu [sic] [sic] flows.")
    assert ('<sic>Yalu</sic> <note type="sic" place="inline" resp="#tr">sic</note> '
            '<note type="sic" place="inline" resp="#tr">sic</note> flows.') in text
    assert "TX332" in ctx


def test_B8_original_language_terms():
    text, _ = para("the secure area [referentura]).")
    assert '<foreign xml:lang="ru-Latn">referentura</foreign></note>).' in text
    text, _ = para("Nr 0-58/59 [poufne—confidential] was sent")
    assert '<foreign xml:lang="pl">poufne</foreign>—confidential</note>' in text


def test_B8_spaces_inside_the_brackets_stay_in_the_note():
    """D gives back "[ referentura ]" as written (§6.5), so the spaces are the note's."""
    text, _ = para("the secure area [ referentura ]).")
    assert ('<note type="orig-term" place="inline" resp="#tr"> '
            '<foreign xml:lang="ru-Latn">referentura</foreign> </note>).') in text


def test_B9_glued_footnote_marker_takes_the_footnote_text():
    body, ctx = build(PROSE + "in the communes[1] of Hebei.\n——————\n[1] The Polish term.",
                      docid="n")
    s = xml(body.div)
    assert ('communes<note type="footnote" n="1" place="bottom" resp="#tr" xml:id="n-fn1" '
            'rend="bracketed">The Polish term.</note> of Hebei.') in s
    assert "milestone" not in s


def test_B9_marker_without_text_TX330_and_text_without_marker_TX331():
    body, ctx = build(PROSE + "in the communes[3] of Hebei.")
    assert "TX330" in codes(ctx)
    body, ctx = build(PROSE + "in the communes.\n——————\n[2] Orphan text.")
    assert "TX331" in codes(ctx) and "Orphan text." in xml(body.div)


def test_B10_sic_plain_and_with_note():
    text, _ = para("the construction of 12 [sic] new plants")
    assert "<sic>12</sic> new plants" in text
    text, _ = para("a delegation of 7 [SIC] members")
    assert '<sic>7</sic> <note type="sic" place="inline" resp="#tr">SIC</note> members' in text
    text, _ = para("the mill at Nam Phu Thanh [sic; translator's note: unverified].")
    assert "<sic>Nam Phu Thanh</sic> <note type=\"sic\"" in text


def test_B11_editor_and_translator_notes():
    text, _ = para("the free aid [the list is not reproduced here—ed.].")
    assert '<note type="editorial" place="inline" resp="#wcda">the list' in text
    body, _ = build(PROSE + "x.\n[Translator's note: The rest is not translated.]")
    assert '<note type="translator" place="inline" resp="#tr">Translator' in xml(body.div)


def test_B12_query_keeps_spacing():
    text, _ = para("for the time being[?]. Why look for other reasons [?]")
    assert 'being<note type="query" place="inline" resp="#tr">?</note>.' in text
    assert 'reasons <note type="query"' in text


def test_B13_double_brackets_TX307_outside_any_bracket():
    text, diags = para("signed by [[N. K. Orlov?]] and [[6]]")
    assert '<unclear reason="illegible" cert="low" resp="#tr">N. K. Orlov</unclear>' in text
    assert '<unclear reason="illegible" resp="#tr">6</unclear>' in text
    assert diags.count("TX307") == 2


def test_B15_omissions():
    text, _ = para("so far […], which [….] and [.…] end")
    assert 'far <gap reason="editorial" resp="#tr"/>, which' in text
    assert 'which <gap reason="editorial" resp="#tr"/>. and' in text
    assert 'and .<gap reason="editorial" resp="#tr"/> end' in text


def test_B15_four_ascii_dots_are_omission_then_full_stop():
    text, _ = para("so far [....] and on")
    assert 'far <gap reason="editorial" resp="#tr"/>. and' in text


def test_B16_illegible_quantities():
    text, _ = para("V[2 illegible letters] and Kuz[2-3 illegible letters] and [illegible]")
    assert ('V<gap reason="illegible" resp="#tr" quantity="2" unit="chars"><desc>2 illegible '
            'letters</desc></gap>') in text
    assert 'atLeast="2" atMost="3" unit="chars"' in text
    assert '<gap reason="illegible" resp="#tr"/>' in text


def test_B17_signature_placeholder_inline():
    text, _ = para("certified [signature] and [illegible signature].")
    assert '<figure type="signature"><figDesc>signature</figDesc></figure>' in text
    assert '<gap reason="illegible" resp="#tr"><desc>illegible signature</desc></gap>' in text


def test_B18_inline_stamp_and_B21_inline_handwriting():
    text, _ = para("the copy [stamp: Incoming Nº 0521s of 1[[7]] March 1958] and more")
    assert ('<stamp type="incoming"><note type="desc" place="inline" resp="#tr">stamp:</note>'
            ' Incoming Nº <idno type="incoming">0521s</idno> of <date when="1958-03-17" '
            'cert="medium">1<unclear') in text
    text, _ = para("the word [handwritten: approved] was added")
    assert '<add hand="#h.1"><note type="desc" place="inline" resp="#tr">handwritten:</note>' \
        in text


def test_B22_added_by_hand_span():
    body, ctx = build("Personal [added by hand]\nThis sentence is long enough to be a paragraph.")
    assert ('<add hand="#h.1">Personal <note type="desc" place="inline" resp="#tr">added by '
            'hand</note></add>') in xml(body.div)


def test_B23_page_break_and_B24_descriptive_note():
    body, _ = build(PROSE + "one.\n[Page 2]\n" + PROSE + "a weekly [no name given];")
    s = xml(body.div)
    assert '<pb n="2"/>' in s
    assert '<note type="desc" place="inline" resp="#tr">no name given</note>;' in s


def test_B25_summary_alone_on_its_line():
    body, _ = build(PROSE + "one.\n[The remaining pages describe contacts; not translated.]")
    assert ('<gap reason="summarised" resp="#tr"><desc>The remaining pages describe contacts; '
            'not translated.</desc></gap>') in xml(body.div)


def test_stray_empty_bracket_TX306_and_unclassified_TX321():
    text, diags = para("an empty [] bracket")
    assert '<c type="stray-bracket">[]</c>' in text and "TX306" in diags
    long = " ".join(["word"] * 14)
    text, diags = para(f"x [{long}] y")
    assert '<note type="desc" place="inline" resp="#tr">' in text and "TX321" in diags


def test_B27b_orphan_in_body_is_a_stray_bracket():
    text, diags = para("the towns has become worse.] Rations")
    assert 'worse.<c type="stray-bracket">]</c> Rations' in text and "TX301" in diags


def test_B27c_unclosed_bracket_keeps_rend():
    body, ctx = build(PROSE + "x.\n2. Maintain contacts [with the Chamber;\n3. Prepare.")
    assert 'rend="unclosed">with the Chamber;</supplied>' in xml(body.div)


def test_L25_lost_accent_and_L28_foreign_script():
    text, diags = para("Comrade Ceau?escu wrote Верно and 土高炉 here")
    assert '<unclear reason="encoding" resp="#conv">Ceau?escu</unclear>' in text
    assert '<foreign xml:lang="ru">Верно</foreign>' in text
    assert '<foreign xml:lang="zh">土高炉</foreign>' in text
    assert "TX403" in diags
