"""§7 P10: stamp label and content variants, the unbracketed declassification block."""

from __future__ import annotations

from bodytools import build, xml

PROSE = "I was received by the Deputy Minister at my request and we spoke for an hour."


def test_P10_semicolon_label_and_upper_case_month():
    body, _ = build("Note\n[CPSU CC stamp;\n4 JULY 1969]\n" + PROSE)
    s = xml(body.div)
    assert ('<note type="desc" place="inline" resp="#tr"><orgName>CPSU CC</orgName> stamp;</note>'
            in s)
    assert '<date when="1969-07-04">4 JULY 1969</date>' in s


def test_P10_day_ranges_are_from_to_dates():
    body, _ = build("Note\n[stamp:\nIncoming 03107-s;\n8/9 June 1961]\n[Stamp: 12-18 May]\n"
                    + PROSE, catalogue_when="1961-05-27")
    s = xml(body.div)
    assert '<date from="1961-06-08" to="1961-06-09">8/9 June 1961</date>' in s
    assert ('<date from="1961-05-12" to="1961-05-18" cert="medium" resp="#conv">12-18 May</date>'
            in s)


def test_P10_numbers_without_numero_sign_and_after_the_date():
    body, _ = build("Note\n[stamp:\nIncoming 03107-s;\n8/9 June 1961]\n"
                    "[CPSU CC stamp:\n19 March 1964 10433]\n" + PROSE)
    s = xml(body.div)
    assert 'Incoming <idno type="incoming">03107-s</idno>;' in s
    assert '</date> <idno type="registry">10433</idno>' in s


def test_P10_years_are_not_registry_numbers():
    body, _ = build('Note\n[Stamp: "Declassified, Commission under Art. 9, 2009"]\n' + PROSE)
    assert "<idno" not in xml(body.div)


def test_P10_unbracketed_declassification_block_in_the_head_zone():
    body, _ = build("Note\nReason: file no. 311 074/02- OAS\n[OAS = Office of Archival Services]\n"
                    "Date: 14/03/03 Petra Horakova\nSignature: (illegible)\n" + PROSE)
    s = xml(body.div)
    assert ('<opener><stamp type="declassification" rend="unbracketed">Reason: file no. 311 '
            '074/02- OAS<lb/>') in s.replace("\n", "").replace("  ", "")
    assert "Signature: (illegible)</stamp>" in s
    assert "<sp " not in s


def test_P10_unbracketed_declassification_block_between_paragraphs():
    body, _ = build("Note\n" + PROSE + "\nReason: file no. 311 074/02- OAS\nDate: 14/03/03\n"
                    "Signature: (illegible)\n" + PROSE)
    s = xml(body.div)
    assert ('<fw type="stamp"><stamp type="declassification" rend="unbracketed">Reason: file no. '
            '311 074/02- OAS<lb/>Date: ') in s


def test_P10_reason_without_date_and_signature_is_no_block():
    body, _ = build("Note\n" + PROSE + "\nReason: the weather.\n" + PROSE)
    assert "declassification" not in xml(body.div)


def test_P10_label_only_stamp_takes_the_rest_of_the_line_and_its_content_lines():
    body, _ = build("[Stamp]: USSR Ministry of Foreign Affairs\nSecretariat of the Minister\n"
                    "Incoming Nº 6118-v\n22 August 1949\nSoviet Embassy in Pyongyang\n"
                    "4 August 1949\n[Stamp]:\nSecretariat of Zorin\nSECRET\n"
                    "Incoming Nº 7702-z\n23 August 1949\nto Cde. A. Ya. VYSHINSKY\n" + PROSE)
    s = xml(body.div)
    assert s.count('<stamp type="incoming" rend="label-only">') == 2
    assert ('<note type="desc" place="inline" resp="#tr">Stamp</note>: USSR Ministry of Foreign '
            'Affairs<lb/>Secretariat of the Minister<lb/>Incoming Nº <idno type="incoming">'
            '6118-v</idno><lb/><date when="1949-08-22">22 August 1949</date></stamp>') in s
    assert ('Stamp</note>:<lb/>Secretariat of Zorin<lb/>SECRET<lb/>Incoming Nº '
            '<idno type="incoming">7702-z</idno>') in s
    # M1: the document's date is the embassy's dateline, not the stamp date before it
    assert body.facts.creation_date.get("when") == "1949-08-04"


def test_P10_label_only_stamp_in_the_body_keeps_its_line_only():
    body, _ = build("Note\n" + PROSE + "\n[Stamp]: Declassified\nIncoming Nº 6118-v\n" + PROSE)
    s = xml(body.div)
    assert ('<stamp type="declassification" rend="label-only"><note type="desc" place="inline" '
            'resp="#tr">Stamp</note>: Declassified</stamp>') in s
    assert "<p>Incoming Nº" in s


def test_P10_label_split_over_two_lines_is_one_label():
    body, _ = build("Note\n[MFA Far East\nDepartment stamp:\nIncoming Nº 02116\n7 July 1958]\n"
                    + PROSE)
    s = xml(body.div)
    assert ('<note type="desc" place="inline" resp="#tr">MFA Far East<lb/> Department stamp:'
            '</note><lb/>Incoming Nº <idno type="incoming">02116</idno>') in s


def test_P10_collapsed_header_with_a_classification_and_copy_column():
    body, ctx = build("USSR EMBASSY IN THE PRC [faded USSR SECRET\nMFA stamp: Copy Nº 3\n"
                      "Nº 15 01234s\n2 March 1960 9 March 1960]\n" + PROSE)
    s = xml(body.div)
    assert ('<seg type="letterhead">USSR EMBASSY IN THE PRC<lb/>Nº <idno type="outgoing">15</idno>'
            '<lb/><date when="1960-03-02">2 March 1960</date></seg>') in s
    assert ('<stamp type="registry" subtype="faded"><note type="desc" place="inline" resp="#tr">'
            'faded <orgName>USSR MFA</orgName> stamp:</note><lb/><idno type="registry">01234s'
            '</idno><lb/><date when="1960-03-09">9 March 1960</date></stamp>') in s
    assert '<seg type="classification" ana="#cls.s">SECRET</seg>' in s
    assert '<seg type="copy">Copy Nº <num value="3">3</num></seg>' in s
    assert "collapsed-columns" not in s and "TX324" in [d.code for d in ctx.diagnostics]
    assert body.facts.creation_date.get("when") == "1960-03-02"


def test_P10_collapsed_header_whose_first_row_was_lost():
    body, _ = build("MFA stamp:      Copy Nº 2\nNº 47 0938s\n22 April 1963 3 May 1963]\n" + PROSE)
    s = xml(body.div)
    assert ('<seg type="letterhead">Nº <idno type="outgoing">47</idno><lb/>'
            '<date when="1963-04-22">22 April 1963</date></seg>') in s
    assert ('<stamp type="registry" rend="unopened"><note type="desc" place="inline" resp="#tr">'
            '<orgName>MFA</orgName> stamp:</note><lb/><idno type="registry">0938s</idno><lb/>'
            '<date when="1963-05-03">3 May 1963</date></stamp>') in s
    assert '<seg type="copy">Copy Nº <num value="2">2</num></seg>' in s
    assert body.facts.creation_date.get("when") == "1963-04-22"


def test_P10_label_only_stamp_without_a_colon():
    body, _ = build("[Stamp] Declassified\n" + PROSE)
    s = xml(body.div)
    assert ('<stamp type="declassification" rend="label-only"><note type="desc" place="inline" '
            'resp="#tr">Stamp</note> Declassified</stamp>') in s
