"""§7 P10 and L1 in the head zone: what keeps a line in the head zone of a journal or letter."""

from __future__ import annotations

from bodytools import build, xml

PROSE = "I was received by the Deputy Minister at my request and we spoke for an hour."


def test_L1_no_without_full_stop_is_a_registry_sign():
    # F1: "No", "no." and "Nr" are equivalents of "Nº"
    for sign in ("No", "no.", "Nr", "No."):
        body, _ = build(f"SECRET\n{sign} 058/olas\n{PROSE}")
        s = xml(body.div)
        assert f'<seg type="registry">{sign} <idno type="outgoing">058/olas</idno></seg>' in s


def test_L1_no_before_a_word_is_no_registry():
    body, _ = build(f"SECRET\nNo one came to the meeting that day.\n{PROSE}")
    assert 'type="registry"' not in xml(body.div)


def test_P10_journal_date_line_over_a_registry_line_stays_in_the_head():
    # the letterhead column's date + number: not the first entry's date
    body, _ = build("from the diary of\nL. P. Krylov\nSecret Copy No 2\n2 March 1964\n"
                    "No 058/olas\n21 February 1964\n" + PROSE)
    s = xml(body.div)
    assert 'xml:id="t-e1964-03-02"' not in s
    assert 'xml:id="t-e1964-02-21"' in s
    assert '<dateline><date when="1964-03-02">2 March 1964</date></dateline>' \
           '<seg type="registry">No <idno type="outgoing">058/olas</idno></seg></opener>' \
           in s.replace("\n", "")
    assert body.facts.creation_date.get("when") == "1964-03-02"


def test_P10_journal_date_line_before_prose_still_opens_an_entry():
    body, _ = build("FROM THE JOURNAL\nOF S. N. FILATOV\n18 June 1958\n" + PROSE)
    assert 'xml:id="t-e1958-06-18"' in xml(body.div)


def test_P15_letter_spaced_line_does_not_end_the_head_zone():
    # "H i g h l y  c l a s s i f i e d ." ends like a sentence but is no paragraph (L16)
    body, _ = build("No. 004417/62-7\nH i g h l y  c l a s s i f i e d .\n"
                    "Reason: file no. 311 074/02- OAS\nDate: 14/03/2003\n"
                    "Signature: (illegible)\nDear Comrade,\n" + PROSE)
    s = xml(body.div).replace("\n", "")
    opener = s.split("</opener>")[0]
    assert '<seg><hi rend="spaced">' in opener     # (the word gaps come from the raw lines)
    assert '<stamp type="declassification" rend="unbracketed">' in s
    assert '<salute>Dear Comrade,</salute></opener>' in s


def test_P10_depth0_label_skips_interleaved_caption_rows_and_ends_after_its_date():
    body, ctx = build("SECRET\nUSSR MFA stamp: Copy Nº 2\nFROM THE JOURNAL\nOF S. N. FILATOV\n"
                      "03377-gs\n4-9 July 1958\n28 June 1958\nNº 141\n18 June 1958\n" + PROSE)
    s = xml(body.div).replace("\n", "")
    assert "<head>FROM THE JOURNAL<lb/>OF S. N. FILATOV</head>" in s
    stamp = s.split("<stamp ")[1].split("</stamp>")[0]
    assert '<idno type="registry">03377-gs</idno>' in stamp
    assert '<date from="1958-07-04" to="1958-07-09">' in stamp
    assert "JOURNAL" not in stamp and "Copy" not in stamp and "28 June" not in stamp
    assert '<seg type="copy">Copy Nº <num value="2">2</num></seg>' in s
    assert body.facts.creation_date.get("when") == "1958-06-28"
    assert {"TX304", "TX302"} <= {d.code for d in ctx.diagnostics}
    assert 'type="collapsed-columns"' not in s


def test_P10_depth0_label_without_content_is_no_stamp_block():
    body, _ = build("SECRET\nUSSR MFA stamp: Copy Nº 2\nFROM THE JOURNAL\nOF S. N. FILATOV\n"
                    "18 June 1958\n" + PROSE)
    assert "<head>FROM THE JOURNAL<lb/>OF S. N. FILATOV</head>" in xml(body.div)


def test_P10_wide_gaps_separate_the_columns_of_a_head_zone_line():
    from tei_tools.readers.transcript.body import build_body
    from tei_tools.readers.transcript.body.lines import TextLine
    from tei_tools.readers.transcript.context import Context

    rows = ["Soviet Embassy in        TOP SECRET", "Pyongyang        Copy 2", "4 August 1949",
            PROSE]
    lines = [TextLine(" ".join(r.split()), i + 1) for i, r in enumerate(rows)]
    for ln, r in zip(lines, rows, strict=True):
        ln.raw = r                   # the original line, as the source stage keeps it
    body = build_body(lines, Context("t"))
    s = xml(body.div).replace("\n", "")
    assert ('<seg type="letterhead">Soviet Embassy in</seg> <seg type="classification" '
            'ana="#cls.ts">TOP SECRET</seg><lb/><seg type="letterhead">Pyongyang</seg> '
            '<seg type="copy">Copy <num value="2">2</num></seg>') in s


def test_P10_single_spaces_keep_a_head_zone_line_whole():
    body, _ = build("Soviet Embassy in TOP SECRET\n4 August 1949\n" + PROSE)
    assert 'type="classification"' not in xml(body.div)
