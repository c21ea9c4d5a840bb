"""§4 layout: head zone (L1–L5, L8, L9, L18, L27, L30, L31), body (L6, L10–L17, L23, L24, L28)
and closing zone (L19–L22, L29), with the F8 zones."""

from __future__ import annotations

from bodytools import build, codes, xml

PROSE = "I received the Chairman of the State Planning Commission at his request today."


def test_L1_L4_registry_copy_classification():
    body, ctx = build("TOP SECRET\nNº 241 Copy Nº 1\nNº 135 SECRET\nCopy Nº ___\n" + PROSE)
    s = xml(body.div)
    assert '<seg type="classification" ana="#cls.ts">TOP SECRET</seg><lb/>' in s
    assert ('<seg type="registry">Nº <idno type="outgoing">241</idno></seg> <seg type="copy">'
            'Copy Nº <num value="1">1</num></seg>') in s
    assert '<seg type="copy">Copy Nº <space unit="chars" quantity="3"/></seg>' in s
    assert body.facts.classifications[0] == ("cls.ts", "TOP SECRET")


def test_L4_term_line_keeps_the_markup_of_its_brackets():
    """A precedence line with brackets keeps them as markup (its text alone dropped them)."""
    line = "Level: Urgent the the the [and to inform him of the reply] [and to inform him of " \
        "the reply]"
    body, _ = build(line + "\n" + PROSE)
    s = xml(body.div)
    supplied = '<supplied reason="implicit" resp="#tr">and to inform him of the reply</supplied>'
    assert f'<seg type="precedence">Level: Urgent the the the {supplied} {supplied}</seg>' in s


def test_L5_datelines_and_creation_date():
    body, _ = build("Pyongyang, 14 November 1961\n" + PROSE)
    s = xml(body.div)
    assert ('<dateline><placeName>Pyongyang</placeName>, <date when="1961-11-14">14 November '
            '1961</date></dateline>') in s
    assert body.facts.creation_date.get("when") == "1961-11-14"


def test_L30_caption_with_period_and_L6_entries():
    text = ("JOURNAL\nof Ambassador V. I. IVANOV\nfor the period 3 through 16 October 1956\n"
            "Pyongyang\n3 October 1956\n" + PROSE + "\n[…]\n5 October\n" + PROSE + "\n"
            "5 October 1956\n" + PROSE)
    body, ctx = build(text, docid="j")
    s = xml(body.div)
    assert body.div.get("subtype") == "diary"
    assert ('<head>JOURNAL<lb/>of Ambassador V. I. IVANOV<lb/>for the period <date '
            'from="1956-10-03" to="1956-10-16">3 through 16 October 1956</date></head>') in s
    assert ('<div type="entry" xml:id="j-e1956-10-03"><dateline><placeName>Pyongyang'
            '</placeName><lb/><date when="1956-10-03">') in s
    assert '</div><gap reason="editorial" resp="#tr"/><div type="entry"' in s
    assert 'xml:id="j-e1956-10-05"' in s and 'xml:id="j-e1956-10-05-2"' in s
    assert 'cert="high" resp="#conv">5 October</date>' in s
    assert "TX421" in codes(ctx) and "TX502" in codes(ctx)


def test_L8_telegram_header():
    text = ("CIPHERED TELEGRAM Nº 2187/sh\nFrom BEIJING Sent 17.II.51 at 21 hours 40 minutes\n"
            "Received in Moscow 18.II.51 at 03 hours 15 minutes\n"
            "Deciphered by Kovaleva 18.II.51 at 05:10\nSpecial No. 117\nTO FILIPPOV [STALIN]\n"
            + PROSE)
    body, _ = build(text)
    s = xml(body.div)
    assert '<head>CIPHERED TELEGRAM Nº <idno type="cable">2187/sh</idno></head>' in s
    assert '<seg type="from">From <placeName>BEIJING</placeName> Sent <date type="sent"' in s
    assert '<dateline>Received in <placeName>Moscow</placeName> <date type="received"' in s
    assert ('<seg type="transmission" subtype="deciphered">Deciphered by <persName>Kovaleva'
            '</persName> <date type="deciphered"') in s
    assert '<seg type="reference">Special No. <idno type="special">117</idno></seg>' in s
    assert body.facts.correspondence is not None


def test_L9_memo_fields():
    text = ("RECORD OF CONVERSATION\nTime: 14 April 1961, 16:00-17:45\n"
            "Location: Kim Il Sung's office, Pyongyang\n"
            "Present: Cde. Pak Seong-cheol [Pak Song Chol], Minister; Cde. V. P. Pelishenko\n"
            "Interpreter: Cde. Kang\nSubject: the program of the visit\n" + PROSE)
    s = xml(build(text)[0].div)
    assert '<ab type="meeting-time">Time: <date from="1961-04-14T16:00:00"' in s
    assert '<ab type="meeting-place">Location: <placeName>Kim Il Sung' in s
    assert '<list type="participants"><head>Present:</head><item>Cde. <persName>' in s
    assert '<list type="participants" subtype="interpreter"><head>Interpreter:</head>' in s
    assert '<list type="subject"><head>Subject:</head><item>the program' in s


def test_L10_L12_speakers():
    text = ("Vice Premier Chen Yi (to be abbreviated as Chen): Welcome, comrade.\n"
            "Ri Ju-yeon [Ri Ju Yon] (to be abbreviated as Ri): Thank you.\n"
            "Chen: We have read your letter.\nRi: [The two sides exchanged toasts.]\n"
            "Kim:\nA label alone takes the next line.\nKim promised to answer.")
    body, ctx = build(text)
    s = xml(body.div)
    assert '<sp who="#sp.chen-yi"><speaker>Vice Premier Chen Yi (to be abbreviated' in s
    assert s.count('<sp who="#sp.chen-yi">') == 2 and s.count('who="#sp.ri-ju-yeon"') == 2
    assert '<p><gap reason="summarised" resp="#tr"><desc>The two sides' in s
    assert '<speaker>Kim:<lb/></speaker><p>A label alone takes the next line.</p></sp>' in s
    assert "<p>Kim promised to answer.</p>" in s
    assert ("sp.kim", "Kim") in body.facts.speakers and "TX404" in codes(ctx)


def test_L11_capital_speakers_and_narration():
    text = ("LI XIANNIAN, opening the conversation, welcomed the delegation.\n"
            "LE THANH NGHI. Thank you.\nLI XIANNIAN. Please go ahead.")
    s = xml(build(text)[0].div)
    assert "<p>LI XIANNIAN, opening" in s
    assert '<sp who="#sp.le-thanh-nghi"><speaker>LE THANH NGHI.</speaker><p>Thank you.' in s


def test_L13_numbered_and_lost_numbering_TX402():
    text = PROSE + "\n  1. First point here.\n  1. Second point here.\n  1. Third point."
    body, ctx = build(text)
    s = xml(body.div)
    assert '<p n="1">1. First' in s and '<p n="3">1. Third' in s and "TX402" in codes(ctx)


def test_L14_sections_and_L15_dashes_and_L17_rule():
    text = ("I. General observations\n" + PROSE + "\nII. Industry\n- in several places;\n"
            "- in others.\n*  *  *  *  *\n" + PROSE + "\nConclusions\n" + PROSE)
    s = xml(build(text)[0].div)
    assert '<div type="section" n="I"><head>I. General observations</head><p>' in s
    assert '<list rend="dash"><item>in several places;</item><item>in others.</item></list>' in s
    assert '<milestone unit="rule" type="asterisks"/>' in s
    assert '<div type="section"><head>Conclusions</head>' in s


def test_L16_letter_spacing_L24_superscript_L28_cyrillic_line():
    text = PROSE + "\nSince the 7\nth Party Congress the number rose considerably.\n" \
        "Это предложение написано по-русски полностью."
    body, ctx = build(text)
    s = xml(body.div)
    assert '7<hi rend="superscript">th</hi> Party' in s
    assert '<p xml:lang="ru">Это' in s and "ru" in body.facts.languages


def test_L18_L27_letter_head():
    text = ("To Comrade Vladimír Kubeš\nDeputy Minister of Foreign Affairs\nPrague\n"
            "Dear Comrade Deputy Minister!\n" + PROSE)
    body, _ = build(text)
    s = xml(body.div)
    assert ('<seg type="to">To Comrade Vladimír Kubeš<lb/>Deputy Minister of Foreign Affairs'
            '<lb/>Prague</seg>') in s
    assert "<salute>Dear Comrade Deputy Minister!</salute>" in s
    assert body.div.get("subtype") == "letter"


def test_L19_L20_L21_L22_closing_zone():
    text = (PROSE + "\nUSSR AMBASSADOR IN THE DPRK [signature] /V. IVANOV/\n"
            "Four copies printed:\n1 - Cde. Fedorenko\n2 - to file\nVI/ts\nNº 598\n"
            "19 October 1956")
    s = xml(build(text)[0].div)
    assert ('<closer><signed><roleName>USSR AMBASSADOR IN THE DPRK</roleName> <figure '
            'type="signature"><figDesc>signature</figDesc></figure> /<persName>V. IVANOV'
            '</persName>/</signed></closer>') in s
    assert ('<list type="distribution"><head>Four copies printed:</head><label>1 -</label>'
            '<item>Cde. Fedorenko</item>') in s
    assert '<ab type="drafting">VI/ts</ab>' in s
    assert ('<ab type="outgoing-registry">Nº <idno type="outgoing">598</idno><lb/><date '
            'when="1956-10-19">19 October 1956</date></ab>') in s


def test_L23_L29_notices_spravka_certification():
    text = (PROSE + "\nAttachment: the aforementioned, on 3 pages.\nAntonín Kroupa\nAmbassador\n"
            "Spravka: no. 84/sh was sent on 16.II.51 at 23:50.\nВерно: [illegible signature]")
    s = xml(build(text)[0].div)
    assert '<ab type="attachment-notice">Attachment:' in s
    assert s.index("attachment-notice") < s.index("<closer>")
    assert '<note type="reference">Spravka:' in s
    assert '<ab type="certification"><foreign xml:lang="ru">Верно</foreign>:' in s


def test_B27a_orphan_in_head_zone_repaired_as_stamp():
    text = "Incoming Nº 01877s\n2 November 1956]\nJOURNAL\n" + PROSE
    body, ctx = build(text)
    s = xml(body.div)
    assert ('<stamp type="incoming" rend="unopened">Incoming Nº <idno type="incoming">01877s'
            '</idno><lb/><date when="1956-11-02">') in s
    assert "TX301" in codes(ctx)


def test_TX410_unmatched_head_line_kept():
    body, ctx = build("some odd line\n" + PROSE)
    assert "<seg>some odd line</seg>" in xml(body.div) and "TX410" in codes(ctx)


def test_TX430_no_body_line():
    body, ctx = build("TOP SECRET\nNote\nPyongyang")
    assert "TX430" in codes(ctx)
    assert "Pyongyang" in xml(body.div)


def test_L4_classification_repeated_on_a_page_is_fw():
    s = xml(build("SECRET\n" + PROSE + "\nSECRET\n" + PROSE)[0].div)
    assert '<fw type="classification" place="top">SECRET</fw>' in s


def test_B27a_orphan_in_closing_zone_repaired_as_stamp():
    text = PROSE + "\nAMBASSADOR [signature]\nIncoming Nº 01877s\n2 November 1956]"
    body, ctx = build(text)
    s = xml(body.div)
    assert '<stamp type="incoming" rend="unopened">Incoming Nº' in s
    assert "stray-bracket" not in s and "TX301" in codes(ctx)


def test_L19_office_and_name_on_one_line():
    s = xml(build(PROSE + "\nAmbassador N. Petrov")[0].div)
    assert "<signed><roleName>Ambassador</roleName> <persName>N. Petrov</persName></signed>" in s
