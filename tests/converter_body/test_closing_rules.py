"""§7 P1–P4: the closing zone anchored on strong signals, and its wider line grammar
(small inline transcripts; the corpus pages 19–43 hold the real-page forms)."""

from __future__ import annotations

from bodytools import build, codes, xml

from tei_tools.readers.transcript.body.closing import RULES

BODY = ("This sentence is long enough to be a paragraph of the body, and it ends here.\n"
        "We ask your instructions.\n")


def closing_of(text: str):
    body, ctx = build(BODY + text)
    s = xml(body.div)
    return s[s.find("<closer") if "<closer" in s else s.find("<postscript"):], ctx


def test_rules_are_named_and_ordered():
    names = [name for name, _ in RULES]
    assert len(names) == len(set(names))
    assert names[0].startswith("L23") and names[-1].startswith("§6.4")


def test_P1_unknown_line_between_anchors_stays_in_the_zone():
    s, ctx = closing_of("[signature] (V. RAZUVAEV)\nsome odd remark\nFive copies printed\n"
                        "1 - to the addressee\n2 - to file")
    assert "<persName>V. RAZUVAEV</persName>" in s
    assert "<ab>some odd remark</ab>" in s
    assert "<head>Five copies printed</head>" in s
    assert "TX440" in codes(ctx)
    assert "<p>some odd remark</p>" not in s


def test_P1_prose_line_ends_the_zone():
    body, _ = build(BODY + "RAZUVAEV\nThis is a full sentence of the body, long enough.\n"
                    "Five copies printed\n1 - to file")
    s = xml(body.div)
    assert "<p>RAZUVAEV</p>" in s and "<signed>" not in s


def test_P1_never_anchor_on_a_cut_off_last_line():
    body, _ = build(BODY + "[signature] and then the capture stops in the middle of")
    assert "<closer" not in xml(body.div)


def test_P1_partial_list_at_end_of_file_is_kept():
    s, _ = closing_of("[signature] (A. PUZANOV)\nFive copies printed\n1 - Cde. A. A. Gromyko\n"
                      "2 - Cde. G. M. Pushkin and the others of the department")
    assert s.count("<item>") == 2


def test_P2_mixed_case_office_after_the_name_and_dateline():
    s, _ = closing_of("Pyongyang, 1956 March 14.\nKároly Pongrácz\nChargé d'Affaires ad interim")
    assert ('<dateline><placeName>Pyongyang</placeName>, <date when="1956-03-14">1956 March 14'
            '</date>.</dateline>') in s
    assert ("<signed><persName>Károly Pongrácz</persName><lb/>"
            "<roleName>Chargé d'Affaires ad interim</roleName></signed>") in s


def test_P2_en_dash_sign_off():
    s, _ = closing_of("– 191 – Horváth –")
    assert ('<signed>– <idno type="cable">191</idno> – <persName>Horváth</persName> –</signed>'
            in s)


def test_P2_signed_label():
    s, _ = closing_of("Signed: Lehmann")
    assert "<signed>Signed: <persName>Lehmann</persName></signed>" in s


def test_P3_count_line_with_verb_fragment():
    s, _ = closing_of("[signature] (V. Moskovsky)\nFive copies sent to\n1 - Cde. Gromyko\n"
                      "2 - to file")
    assert "<head>Five copies sent to</head>" in s and s.count("<item>") == 2


def test_P3_count_line_continued_on_the_same_line():
    s, _ = closing_of("Three copies printed. Nº 3 to file.")
    assert '<head>Three copies printed.</head><item n="3">Nº 3 to file.</item>' in s


def test_P3_count_sentence_in_the_body_is_no_anchor():
    body, _ = build(BODY + "Three copies of the agreement were signed by both sides at the end "
                    "of the meeting.\nWe agreed to meet again.")
    assert "<postscript" not in xml(body.div)


def test_P3_inline_list_continued_over_lines():
    s, _ = closing_of("RAZUVAEV\nCopies: Stalin (2), Beria,\nMalenkov, Mikoyan,\nGromyko - file")
    assert "<head>Copies:</head>" in s
    # the continuation lines are items of the one list (P3), not blocks of their own
    assert "<ab>" not in s and s.count("<list") == 1
    assert "<item>Mikoyan</item><lb/><item>Gromyko - file</item>" in s


def test_P3_count_head_alone_is_a_copies_ab():
    s, _ = closing_of("[signature] (A. PUZANOV)\nFive copies printed")
    assert '<ab type="copies">Five copies printed</ab>' in s


def test_P4_registry_with_final_stop_and_date_after():
    s, _ = closing_of("KRASOVSKY\nNº 3320\n7 December 1950.")
    assert '<ab type="outgoing-registry">Nº <idno type="outgoing">3320</idno><lb/>' in s


def test_P4_registry_date_before_number_and_relative_year():
    s, _ = closing_of("RAZUVAEV\n16 March of this year\nNo. 412/sh.")
    assert '<ab type="outgoing-registry">' in s
    assert '<idno type="outgoing">412/sh</idno>.</ab>' in s     # the full stop is no part of it



def test_P1_trailing_editorial_bracket_does_not_hide_the_zone():
    s, _ = closing_of("[signature] M. Suslov\nNº 71-op (2 pages)\n[Source: a book, Moscow, 2001]")
    assert "<persName>M. Suslov</persName>" in s and "outgoing-registry" in s


def test_P1_trailing_odd_separator_does_not_hide_the_zone():
    s, _ = closing_of("KRASOVSKY\nNo. 2752\n2.11.50\n###")
    assert "<persName>KRASOVSKY</persName>" in s and "outgoing-registry" in s


def test_P1_a_list_without_signer_takes_no_trailing_prose():
    body, _ = build(BODY + "1 - to the addressee\n2 - to file\nThis is a sentence of the body.")
    assert "<p>This is a sentence of the body.</p>" in xml(body.div)


def test_P2_quoted_sign_off_is_body_text():
    body, _ = build(BODY + '"To Comrade FILIPPOV.\nWe agree with your proposal, as stated.\n'
                    'MAO ZEDONG\n2.11.50"\nKRASOVSKY\nNo. 2752\n2.11.50\n###')
    s = xml(body.div)
    assert "<p>MAO ZEDONG</p>" in s and "<persName>KRASOVSKY</persName>" in s


def test_P2_placeholder_inside_a_sentence_is_no_signature_line():
    body, _ = build(BODY + "He left, and [signature] the next paragraph goes on.\n" + BODY)
    assert "<closer" not in xml(body.div)
