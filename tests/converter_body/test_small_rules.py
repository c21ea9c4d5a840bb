"""§7 P15: field labels in any case, more A.14 labels, archive acronyms and initials."""

from __future__ import annotations

from bodytools import build, xml

PROSE = "I was received by the Deputy Minister at my request and we spoke for an hour."


def test_P15_field_labels_are_case_insensitive():
    body, _ = build("RECORD OF CONVERSATION\nThose Taking Part: Khrushchev, Bulganin, Molotov\n"
                    + PROSE)
    s = xml(body.div)
    assert '<list type="participants"><head>Those Taking Part:</head>' in s
    assert s.count("<item>") == 3


def test_P15_more_field_labels_are_never_speakers():
    text = "\n".join(f"{label}: some value of the field." for label in (
        "Reason", "Signature", "Venue", "Guests", "Attendees", "Minutes", "Number", "Primary",
        "Title", "Content", "Date and time", "REASON"))
    body, _ = build("Note\n" + PROSE + "\n" + text)
    assert "<sp " not in xml(body.div) and body.facts.speakers == []


def test_P15_archive_acronyms_and_initials_are_never_caps_labels():
    body, _ = build("Note\n" + PROSE + "\nN. S. Khrushchev received Le Duan at the dacha.\n"
                    "N. S. Khrushchev replied that the agreement was signed.\n"
                    "APRF. Collection 3. Inventory 65. File 611.\n"
                    "RGANI. Fond 3. Opis 12.")
    assert "<sp " not in xml(body.div)


def test_P15_upper_case_names_are_still_caps_labels():
    body, _ = build("Note\n" + PROSE + "\nLE THANH NGHI. Thank you, we have rested well.\n"
                    "LI XIANNIAN. Please go ahead.")
    assert xml(body.div).count("<sp ") == 2


def test_P15_letter_spaced_phrase_is_one_hi_per_word():
    from tei_tools.readers.transcript import read_transcript
    from tei_tools.readers.transcript.context import ReaderSettings
    page = ("Note\n\nH i g h l y   c l a s s i f i e d .\n\nB e r l i n, 14 May 1968\n\n"
            + PROSE + "\n")
    tei = read_transcript(page, "t.txt", settings=ReaderSettings(profile="bare")).tei.decode()
    assert '<hi rend="spaced">Highly</hi> <hi rend="spaced">classified</hi> .' in tei
    assert '<hi rend="spaced">Berlin</hi>' in tei
    assert "Highlyclassified" not in tei


def test_P15_hash_and_letters_separators_are_milestones():

    prose = "I was received by the Deputy Minister at my request and we spoke for an hour."
    for line, kind in (("###", "hash"), ("xxx", "letters"), ("X X X", "letters"),
                       ("# # # #", "hash")):
        body, _ = build(f"{prose}\n{line}\n{prose}")
        s = xml(body.div)
        assert f'<milestone unit="rule" type="{kind}"/>' in s and f"<p>{line}</p>" not in s


def test_P15_two_letters_or_a_roman_heading_are_no_separator():

    prose = "I was received by the Deputy Minister at my request and we spoke for an hour."
    for line in ("xx", "XXX. Agriculture and the plan", "##"):
        body, _ = build(f"{prose}\n{line}\n{prose}")
        assert "milestone" not in xml(body.div)


def test_P15_title_over_a_field_line_keeps_the_fields_in_the_head_zone():
    body, _ = build("Working Notes from the Session of the CPSU CC Presidium on 3 November 1956\n"
                    "Those Taking Part: Khrushchev, Bulganin, Molotov.\n"
                    "Cde. Zhukov reports on the movement of the units toward Budapest and more.")
    s = xml(body.div)
    assert s.count("<item>") == 3 and '<list type="participants"><head>Those Taking Part:' in s


def test_P15_sentence_over_a_field_line_is_still_a_paragraph():
    body, _ = build("Cde. Zhukov reports on the movement of the units toward Budapest.\n"
                    "Present: Khrushchev, Bulganin, Molotov.\n")
    assert "<p>Cde. Zhukov reports" in xml(body.div)
