"""§7 P3 (with L20): copy-count and distribution grammar — wrapped inline lists, headed
name-per-line lists, ordinal labels, count lines with the typist's initials."""

from __future__ import annotations

from bodytools import build, wrap, xml

from tei_tools.readers.transcript.body.closing import grammar as G
from tei_tools.text import diplomatic_lines

BODY = ("This sentence is long enough to be a paragraph of the body, and it ends here.\n"
        "We ask your instructions.\n")


def zone(text: str) -> tuple[str, list[str]]:
    """The closing zone's TEI and the D lines after the body."""
    body, _ = build(BODY + text)
    s = xml(body.div)
    s_zone = s[s.find("</p>", s.find("We ask")) + 4:]
    d = [line.strip() for line in diplomatic_lines(wrap(body.div)) if line.strip()]
    return s_zone, d[2:]


def test_P3_inline_list_wrapped_after_a_comma_is_one_list():
    text = ("RAZUVAEV\nCopies: Stalin (2), Beria,\nMalenkov, Mikoyan,\n"
            "Gromyko, 8th Directorate - file")
    s, d = zone(text)
    assert s.count("<list") == 1 and "<ab>" not in s
    assert ("<item>Beria</item><lb/><item>Malenkov</item><item>Mikoyan</item><lb/>"
            "<item>Gromyko</item>") in s
    assert d == text.split("\n")


def test_P3_inline_list_line_starting_lower_case_continues_the_item():
    text = "RAZUVAEV\nCopies: Cde. Ivanov, head of the\ndepartment, file"
    s, d = zone(text)
    assert "<item>head of the<lb/>department</item><item>file</item>" in s
    assert d == text.split("\n")


def test_P3_seen_by_lists_one_name_per_line():
    text = ("– 191 – Horváth –\nTo be seen by\nComrade Puja\nComrade Department head\n"
            "Seen by\nComrade Bognár")
    s, d = zone(text)
    assert s.count('<list type="distribution">') == 2
    assert "<head>To be seen by</head><lb/><item>Comrade Puja</item>" in s
    assert "<item>Comrade Department head</item></list>" in s
    assert d == text.split("\n")


def test_P3_ordinal_labels_and_count_line_with_initials():
    text = "[signature] (G. TUNKIN)\n3 copies. ak\n1st to the Ministry\n3rd to the file"
    s, d = zone(text)
    assert '<head>3 copies. <seg type="drafting">ak</seg></head>' in s
    assert "<label>1st</label><item>to the Ministry</item><label>3rd</label>" in s
    assert d == text.split("\n")


def test_P3_a_lone_ordinal_line_is_no_recipient():
    assert G.ORDINAL.match("1st of all, the delegation")
    s, _ = zone("[signature] (G. TUNKIN)\n1st of all")
    assert "<label>" not in s


def test_P3_fyi_line_in_the_head_zone_is_a_distribution_note():
    text = ("CIPHERED TELEGRAM No. 2814\nFrom: Hanoi\n(FYI: Michałowski, Wiśniewski)\n"
            "Yesterday I was received by the Prime Minister together with the other ambassadors.")
    body, _ = build(text)
    s = xml(body.div)
    assert ('<note type="distribution" place="top"><list type="distribution" rend="commas">'
            "<head>(FYI:</head><item>Michałowski</item><item>Wiśniewski</item></list>)</note>") in s
    assert [x for x in diplomatic_lines(wrap(body.div)) if x.strip()] == text.split("\n")


def test_P3_head_zone_list_split_at_semicolons_or_commas_round_trips():
    for line in ("Copies: Stalin, Beria", "Copies: Comrade A; Comrade B"):
        text = ("CIPHERED TELEGRAM No. 2814\n" + line + "\n"
                "Yesterday I was received by the Prime Minister together with the ambassadors.")
        body, _ = build(text)
        assert [x for x in diplomatic_lines(wrap(body.div)) if x.strip()] == text.split("\n")


def test_P3_fyi_after_polish_ciphergram_fields_stays_in_the_head_zone():
    # L8: "Dispatched from …" is the Sent field, "Came into the Deciphering Department …" the
    # arrival, so the head zone (and the FYI line in it) goes on over them
    body, _ = build("Ciphergram No. 2814\nDispatched from Hanoi on 03.04.1965 at 14:20\n"
                    "Came into the Deciphering Department on 03.05.1965 at 10:35\n"
                    "(FYI: Michałowski, Wiśniewski)\n"
                    "Yesterday I was received by the Prime Minister together with the others.")
    s = xml(body.div)
    assert "<dateline>Dispatched from Hanoi on" in s and 'subtype="arrived">Came into' in s
    assert '<note type="distribution" place="top">' in s
