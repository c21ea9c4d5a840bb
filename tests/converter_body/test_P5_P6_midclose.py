"""§7 P5 (what may follow a closer) and P6 (closing zones in mid-document, attachments):
small inline transcripts; the corpus pages 24 and 27–32 hold the real-page forms."""

from __future__ import annotations

from bodytools import build, codes, wrap, xml
from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools.readers.transcript import read_transcript
from tei_tools.readers.transcript.body.closing.split import SIGNS

TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}

COVER = ("I am sending you the record of the conversation with the Deputy Minister, as the "
         "Minister asked.\n")
OFFICE = "COUNSELOR OF THE USSR EMBASSY IN THE DPRK [signature]\n(V. PELISHENKO)\n"
RECORD = ("The Deputy Minister said that the tour of the theatre had been a great success, and "
          "he thanked the Embassy.\n")
END = "AMBASSADOR [signature] (A. PUZANOV)"


def divs(text: str):
    body, ctx = build(text)
    s = xml(body.div)
    return s, ctx


def test_P6_signs_are_named_and_ordered():
    names = [name for name, _ in SIGNS]
    assert len(names) == len(set(names))
    assert names[0] == "classification line and date line"


def test_P6_classification_and_date_start_an_attachment():
    s, ctx = divs(COVER + OFFICE + "Top Secret\n14 January 1966\n" + RECORD + END)
    assert '<div type="main">' in s and '<div type="attachment">' in s
    main, att = s.split('<div type="attachment">')
    assert "<persName>V. PELISHENKO</persName>" in main and "</closer>" in main
    assert ('<opener><seg type="classification" ana="#cls.ts">Top Secret</seg>'
            '<dateline><date when="1966-01-14">14 January 1966</date></dateline></opener>') in att
    assert "<persName>A. PUZANOV</persName>" in att
    assert '<fw type="classification"' not in s
    assert "TX441" in codes(ctx)


def test_P6_attachment_registry_line_starts_an_attachment():
    s, _ = divs(COVER + OFFICE + "Attachment [...] Nº 2209s\nof 4 August 1949\nSecret\n" + RECORD
                + END)
    att = s.split('<div type="attachment">')[1]
    assert att.startswith("<opener><seg>Attachment <gap") and "2209s" in att


def test_P6_place_date_and_ministry_line_start_an_attachment():
    s, _ = divs(COVER + OFFICE + "Pyongyang 11th May 1962\nMinistry of Foreign Affairs\n" + RECORD
                + END)
    att = s.split('<div type="attachment">')[1]
    assert '<date when="1962-05-11">11th May 1962</date>' in att
    assert '<seg type="letterhead">Ministry of Foreign Affairs</seg>' in att


def test_P6_addressee_line_after_a_name_and_date_sign_off():
    s, _ = divs(COVER + "Zhou Enlai\n11:00 p.m., 19 June [1954]\n"
                "To the Central Committee Bureaus and Sub-Bureaus:\n" + RECORD + END)
    main, att = s.split('<div type="attachment">')
    assert "<signed><persName>Zhou Enlai</persName><lb/>11:00 p.m., <date" in main
    assert "Sub-Bureaus:" in att and "<persName>A. PUZANOV</persName>" in att


def test_P6_name_and_date_at_the_end_sign_but_a_place_and_date_do_not():
    s, _ = divs(COVER + "Central Committee\n20 June [1954]")
    assert "<closer><signed>" in s and "Central Committee</orgName><lb/>" in s
    s, _ = divs(COVER + "Pyongyang\n20 June 1957")
    assert "<closer" not in s

def test_P6_classification_and_copy_lines_before_a_caption_open_the_attachment():
    s, _ = divs(COVER + OFFICE + "Top Secret\nCopy No. 2\nRECORD OF CONVERSATION\n" + RECORD + END)
    att = s.split('<div type="attachment">')[1]
    assert att.startswith('<opener><seg type="classification" ana="#cls.ts">Top Secret</seg>')
    assert "<head>RECORD OF CONVERSATION</head>" in att


def test_P6_a_list_head_is_no_addressee_line():
    s, _ = divs(COVER + OFFICE + "To be seen by:\nCde. Ivanov\n" + RECORD + END)
    assert '<div type="attachment">' not in s

def test_P6_lines_between_the_signature_and_the_second_head_stay_in_the_closing_zone():
    s, _ = divs(COVER + OFFICE + "Four copies printed:\n1 - Cde. Gromyko\n2 - to file\nVP/ak\n"
                "an odd remark\nTop Secret\n14 January 1966\n" + RECORD + END)
    main = s.split('<div type="attachment">')[0]
    assert '<list type="distribution">' in main and '<ab type="drafting">VP/ak</ab>' in main
    assert "<p>an odd remark</p>" not in main


def test_P6_a_paragraph_after_the_signature_is_no_mid_document_closer():
    s, ctx = divs(COVER + OFFICE + RECORD + "Top Secret\n14 January 1966\n" + RECORD + END)
    assert '<div type="attachment">' not in s and "TX441" not in codes(ctx)


def test_P6_no_split_without_a_text_after_the_second_head():
    s, _ = divs(COVER + OFFICE + "Top Secret\n14 January 1966")
    assert '<div type="attachment">' not in s


def test_P6_attachment_title_and_place_date_without_comma():
    s, _ = divs(COVER + OFFICE + "Pyongyang 11/26/64\nEmbassy of the Czechoslovak Republic\n"
                "The Situation on the 38th Parallel in the Summer of 1949\n" + RECORD + END)
    att = s.split('<div type="attachment">')[1]
    assert ('<dateline><placeName>Pyongyang</placeName> <date when="1964-11-26">11/26/64</date>'
            '</dateline>') in att
    assert "<head>The Situation on the 38th Parallel in the Summer of 1949</head>" in att


def test_P6_title_case_line_in_the_first_head_zone_is_no_caption():
    s, _ = divs("No. 004417/62-7\nThe Situation on the 38th Parallel in the Summer of 1949\n"
                + RECORD + END)
    assert "<head>" not in s

def test_P6_attached_journal_gets_its_entries_inside_the_attachment():
    s, _ = divs(COVER + "Attachment: the above, 11 pages, top secret.\n" + OFFICE
                + "Top Secret\n14 January 1966\nFROM THE JOURNAL\nof Counsellor V. S. LAZAREV\n"
                "for the period 3 through 12 January 1966\n5 January 1966\n" + RECORD
                + "11 January 1966\n" + RECORD + END)
    main, att = s.split('<div type="attachment">')
    assert 'type="entry"' not in main
    assert '<ab type="attachment-notice">Attachment: the above' in main
    assert main.index("attachment-notice") < main.index("<closer>")
    assert att.count('<div type="entry"') == 2 and "<head>FROM THE JOURNAL" in att


def test_P6_upper_case_attachment_notice():
    s, _ = divs(COVER + "ATTACHMENT: as stated, 31 pages.\n" + END)
    assert '<ab type="attachment-notice">ATTACHMENT: as stated, 31 pages.</ab>' in s


def test_P6_number_of_attachments_in_the_head_zone():
    s, ctx = divs("No. 004417/62-7\n3 attachments\n" + COVER + END)
    assert "<seg>3 attachments</seg>" in s.split("</opener>")[0]
    assert "TX410" not in codes(ctx)


# ---------------------------------------------------------------- P5: what may follow a closer

PAGE = ("Skip to content\n\nMarch 11, 1968\n\nA Telegram from the Embassy\n\n"
        "This document was made possible with support from Leon Levy Foundation\n\n\n")
SUMMARY = ("The Embassy of Romania in the DPRK reports on a Korean request for a visit of "
           "journalists.")


def convert(text: str):
    result = read_transcript(text, "p5.txt")
    assert result.tei is not None
    tree = etree.fromstring(result.tei)
    return tree, [d.code for d in result.diagnostics]


def test_P5_last_prose_line_after_the_closer_of_a_capture_without_trailer_is_the_summary():
    tree, found = convert(PAGE + COVER + "\nSigned: I. Dumitrescu\n\n" + SUMMARY + "\n")
    assert tree.xpath("string(//t:abstract/t:p)", namespaces=NS) == SUMMARY
    assert not tree.xpath("//t:body//t:p[contains(., 'reports on a Korean')]", namespaces=NS)
    assert tree.xpath("//t:closer/t:signed", namespaces=NS)
    assert "TX206" in found


def test_P5_last_prose_line_without_a_closer_before_it_stays_in_the_body():
    tree, found = convert(PAGE + COVER + "\nSome heading\n\n" + SUMMARY + "\n")
    assert tree.xpath("//t:body//t:p[contains(., 'reports on a Korean')]", namespaces=NS)
    assert "TX206" not in found


def test_P5_editorial_brackets_after_the_closer_stand_after_it():
    s, _ = divs(COVER + END + "\n[...]\n[Source: V. K. Orlik, Znanie, Moscow, 2001]")
    closer = s.index("</closer>")
    assert s.index('<gap reason="editorial"') > closer
    assert s.index('<note type="editorial" place="inline" resp="#wcda">Source: V. K.') > closer


def test_P5_source_bracket_is_an_editorial_note_never_a_summarised_gap():
    s, _ = divs(COVER + "[Source: V. K. Orlik's book, Znanie, Moscow, 2001; translated by A.]")
    assert 'resp="#wcda">Source: V. K.' in s and 'reason="summarised"' not in s


def test_P5_editorial_bracket_alone_after_the_body_is_no_closing_zone():
    s, _ = divs(COVER + "[...]")
    assert "<closer" not in s and "<postscript" not in s


def test_P5_editorial_brackets_after_a_closer_after_journal_entries_are_valid(tei_all):
    body, _ = build("FROM THE JOURNAL\nof Ambassador A. M. PUZANOV\n5 January 1966\n" + RECORD
                    + END + "\n[...]")
    assert tei_all.validate(wrap(body.div)), str(tei_all.error_log)[:500]
    assert xml(body.div).endswith('</closer><gap reason="editorial" resp="#tr"/></div>')



# ---------------------------------------------------------------- properties (issue 13, item 4)

PARAGRAPHS = st.lists(st.sampled_from([COVER.strip(), RECORD.strip(), (
    "On 8th May I visited the Soviet embassy to hear the opinion of the ambassador about the "
    "draft of the plan.")]), min_size=1, max_size=3)
CLOSERS = st.sampled_from([
    OFFICE.strip(), "Ambassador of the USSR to the DRV\n[signature] I. Ivanov",
    "Zhou Enlai\n11:00 p.m., 19 June [1954]", "[signature] M. Suslov", "Signed: I. Dumitrescu",
    "Five copies printed:\n1 - Cde. Gromyko\n2 - to file"])
BETWEEN = st.lists(st.sampled_from(["VP/ak", "Drafted by Sokolov", "an odd remark", "[...]",
                                    "[handwritten: to file]", "Nº 12\n14 January 1966"]),
                   max_size=2)
SECOND_HEADS = st.sampled_from([
    "Top Secret\n14 January 1966", "Attachment [...] Nº 2209s\nof 4 August 1949",
    "Pyongyang 11/26/64\nEmbassy of the Czechoslovak Republic",
    "To the Central Committee Bureaus and Sub-Bureaus:", "RECORD OF CONVERSATION"])
TRAILING = st.lists(st.sampled_from(["[...]", "[Source: V. K. Orlik, Moscow, 2001]",
                                     "[Translator's note: the rest is missing]"]), max_size=2)


@settings(max_examples=60, deadline=None)
@given(PARAGRAPHS, CLOSERS, BETWEEN, SECOND_HEADS, PARAGRAPHS, CLOSERS, TRAILING)
def test_P6_property_mid_document_closer_then_attachment(tei_all, first, closer, between, head,
                                                         second, last, trailing):
    """A closer in mid-document, what may follow it, a second head zone with a text of its own,
    a last closer and editorial brackets after it: main + attachment, valid TEI All, nothing
    lost, the editorial brackets after the last closer."""
    text = "\n".join(first + [closer] + between + [head] + second + [last] + trailing)
    body, ctx = build(text)
    s = xml(body.div)
    assert tei_all.validate(wrap(body.div)), str(tei_all.error_log)[:500]
    assert s.count('<div type="main">') == 1 and s.count('<div type="attachment">') == 1
    main, att = s.split('<div type="attachment">')
    assert "<closer>" in main or "<postscript>" in main
    assert "TX441" in codes(ctx)
    if trailing:          # the editorial brackets are the last children of the attachment
        tail = body.div.findall(f"{{{TEI}}}div")[-1][-len(trailing):]
        assert [etree.QName(e).localname for e in tail] == [
            "gap" if b == "[...]" else "note" for b in trailing]
