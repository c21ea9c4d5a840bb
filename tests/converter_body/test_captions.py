"""§7 P13: caption words, captions over several lines, journal extracts that are one memcon."""

from __future__ import annotations

from bodytools import build, xml

PROSE = "I was received by the Deputy Minister at my request and we spoke for an hour."


def heads(div) -> list[str]:
    s = xml(div)
    return [part.split("</head>")[0] for part in s.split("<head>")[1:]]


def test_P13_record_of_a_conversation_captions():
    for caption in ("RECORD OF A CONVERSATION", "Record of a Conversation",
                    "Record of conversation", "PROTOCOL OF A CONVERSATION"):
        body, _ = build(f"{caption}\nwith Nguyen Van Loc, Deputy Minister\n{PROSE}")
        assert heads(body.div) == [f"{caption}<lb/>with Nguyen Van Loc, Deputy Minister"]
        assert body.facts.caption_subtype == "memcon"


def test_P13_lower_case_journal_caption_goes_on_after_of():
    body, _ = build(f"from the diary of\nL. P. Krylov\n2 March 1964\n{PROSE}")
    assert heads(body.div) == ["from the diary of<lb/>L. P. Krylov"]
    assert body.div.get("subtype") == "diary"


def test_P13_caption_whose_first_line_was_lost():
    body, _ = build("of Soviet Ambassador in the DPRK V. P. Moskovsky for the period\n"
                    "1 through 19 April 1963\n9 April 1963\n" + PROSE)
    s = xml(body.div)
    assert heads(body.div)[0].startswith("of Soviet Ambassador in the DPRK V. P. Moskovsky for "
                                         "the period<lb/>")
    assert '<date from="1963-04-01" to="1963-04-19">' in s


def test_P13_journal_caption_then_record_caption_is_one_memcon():
    body, _ = build("FROM THE JOURNAL\nOF A. V. KORNIENKO\n[stamp: Vietnam] [stamp: CPSU CC]\n"
                    "Secret Copy Nº 1\n30 May 1969\nRECORD OF A CONVERSATION\n"
                    "with Nguyen Van Loc\n26 May 1969\n" + PROSE, doc_type="Diary Entry")
    s = xml(body.div)
    assert 'type="entry"' not in s
    assert heads(body.div) == ["FROM THE JOURNAL<lb/>OF A. V. KORNIENKO",
                               "RECORD OF A CONVERSATION<lb/>with Nguyen Van Loc"]
    assert '<dateline><date when="1969-05-30">30 May 1969</date></dateline>' in s
    assert s.count("<stamp ") == 2 and "<opener><stamp" in s.replace("\n", "")


def test_P13_journal_without_record_caption_keeps_its_entries():
    body, _ = build("FROM THE JOURNAL\nOF A. V. KORNIENKO\n30 May 1969\n" + PROSE)
    assert 'type="entry"' in xml(body.div)


def test_P13_caption_period_across_two_months():
    body, _ = build("JOURNAL\nof Soviet Ambassador A. M. Puzanov for the period\n"
                    "8 May through 26 June 1961\n12 May\n" + PROSE)
    s = xml(body.div)
    assert '<date from="1961-05-08" to="1961-06-26">8 May through 26 June 1961</date>' in s
    assert 'xml:id="t-e1961-05-12"' in s       # the entry year comes from the period


def test_P13_caption_with_a_footnote_marker_and_an_upper_case_continuation():
    for marker in ("*", "[1]"):
        body, _ = build(f"RECORD OF A CONVERSATION{marker}\nBETWEEN N. S. KHRUSHCHEV AND LE DUAN\n"
                        "30 July 1962, Pitsunda\n" + PROSE)
        assert heads(body.div)[0].startswith("RECORD OF A CONVERSATION")
        assert "<lb/>BETWEEN N. S. KHRUSHCHEV AND LE DUAN" in heads(body.div)[0]


def test_P13_lost_first_line_caption_makes_a_journal():
    body, _ = build("of Soviet Ambassador in the DPRK V. P. Moskovsky for the period\n"
                    "1 April through 19 April 1963\n9 April 1963\n" + PROSE)
    assert 'xml:id="t-e1963-04-09"' in xml(body.div)
