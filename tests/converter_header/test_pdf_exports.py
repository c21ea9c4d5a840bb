"""§7 P12 (PDF exports, F7) and the P15 month-year catalogue date, on small inline pages."""

from __future__ import annotations

from support.wrapper import body_lines, split

from tei_tools.readers.transcript import read_transcript
from tei_tools.safexml import NS, parse_bytes

CITATION = ("“A Letter,” October 02, 1961, History and Public Policy Program Digital Archive, "
            "SAPMO-BArch, DY 30/3509, pp. 44-49. Translated by Hanna Weiss.")


def test_P12_date_title_line_before_the_preamble_is_wrapper():
    page = ("April 18, 1953 Cable to Molotov\nTotal Page:11\n\nFile Type:pdf, Size:706Kb\n\n"
            "[Show full text]\n\nThe embassy reports.\n")
    wrapper, _ = split(page)
    assert wrapper.template == "F7"
    assert wrapper.metadata.title == "Cable to Molotov"
    assert wrapper.metadata.catalogue_date == ("April 18, 1953", "1953-04-18")
    assert body_lines(wrapper) == ["The embassy reports."]


def test_P12_show_full_text_is_noise_inside_the_document_region():
    page = ("Digital Archive digitalarchive.wilsoncenter.org International History Declassified "
            "May 2, 1960 A Title Citation: x Contents: English Translation\n\n[Show full text]"
            "\n\nThe text.\n")
    wrapper, _ = split(page)
    assert body_lines(wrapper) == ["The text."]


def test_P12_labels_on_their_own_lines_and_the_contents_rest_is_the_heading():
    page = ("Digital Archive digitalarchive.wilsoncenter.org International History Declassified"
            "\n\nOctober 02, 1961 A Letter\n\nCitation:\n\n" + CITATION + "\n\nSummary:\n\n"
            "Ulbricht writes.\n\nOriginal Language:\n\nGerman\n\nContents:\n\n"
            "English Translation Letter from Ulbricht, 2 October 1961.\n\nDear Comrade!\n\n"
            "We thank you for the information on your talks.\n")
    wrapper, ctx = split(page)
    meta = wrapper.metadata
    assert meta.title == "A Letter"
    assert meta.summaries == ["Ulbricht writes."]
    assert meta.original_language == "German"
    assert body_lines(wrapper)[:2] == ["Letter from Ulbricht, 2 October 1961.", "Dear Comrade!"]
    assert wrapper.hints.document_heading == 19
    tei = parse_bytes(read_transcript(page, "doc.txt").tei)
    heads = tei.xpath("//t:div[@type='document']/t:head", namespaces=NS)
    assert ["".join(h.itertext()) for h in heads] == ["Letter from Ulbricht, 2 October 1961."]
    assert tei.xpath("//t:opener/t:salute/text()", namespaces=NS) == ["Dear Comrade!"]
    assert not tei.xpath("//t:body//*[contains(., 'English Translation')]", namespaces=NS)


def test_P12_variant_without_the_url_unlabelled_citation_and_summary():
    page = ("Digital Archive International History Declassified\n\n"
            "June, 1961 From the Diary of Kornev\n\n"
            "“From the Diary of Kornev,” June, 1961, History and Public Policy Program Digital "
            "Archive, AVPRF, f. 0100, op. 54, d. 23, p. 471. Translated by Tomasz Wierzba.\n\n"
            "Chen Yun discusses grain.\n\nOriginal Language:\n\n"
            "English Translation From the Diary of KORNEV N.G.\n\n"
            "I was received on 22 May by Chen Yun and we spoke for a long time.\n")
    wrapper, _ = split(page)
    meta = wrapper.metadata
    assert wrapper.template == "F7"
    assert meta.catalogue_date == ("June, 1961", "1961-06")
    assert meta.title == "From the Diary of Kornev"
    assert meta.citation_sentence.startswith("“From the Diary of Kornev,”")
    assert meta.summaries == ["Chen Yun discusses grain."]
    assert meta.original_language is None     # its value was lost; the line is the Contents
    assert body_lines(wrapper)[0] == "From the Diary of KORNEV N.G."


def test_P12_one_line_page_keeps_TX112_and_is_resplit_at_speaker_labels():
    page = ("Digital Archive digitalarchive.wilsoncenter.org International History Declassified "
            "May 2, 1960 A Talk Citation: x Contents: English Translation ZHOU AND TRINH "
            "Zhou Enlai: You arrived. Did you rest? Nguyen Duy Trinh: Thank you. "
            "Zhou Enlai: Good. Nguyen Duy Trinh: Yes, as Comrade Tran said: all is well.")
    wrapper, ctx = split(page)
    assert "TX112" in [d.code for d in ctx.diagnostics]
    assert body_lines(wrapper) == [
        "ZHOU AND TRINH", "Zhou Enlai: You arrived. Did you rest?", "Nguyen Duy Trinh: Thank you.",
        "Zhou Enlai: Good.", "Nguyen Duy Trinh: Yes, as Comrade Tran said: all is well."]
    lines = [ln for ln in wrapper.document_lines if not ln.blank]
    assert lines[1].pos(0) == (1, page.index("Zhou Enlai:") + 1)


def test_P12_one_line_page_is_resplit_at_closing_anchors():
    page = ("Digital Archive digitalarchive.wilsoncenter.org International History Declassified "
            "May 2, 1960 A Cable Citation: x Contents: English Translation I am sending you the "
            "memorandum. USSR AMBASSADOR IN THE PRC /signature/ A. PANYUSHKIN Copies to: "
            "1 - Cde. Molotov 2 - to file")
    wrapper, _ = split(page)
    assert body_lines(wrapper) == ["I am sending you the memorandum.",
                                   "USSR AMBASSADOR IN THE PRC /signature/ A. PANYUSHKIN",
                                   "Copies to:", "1 - Cde. Molotov", "2 - to file"]


def test_P12_one_line_page_is_resplit_at_numbered_recipients_and_note_brackets():
    # a run of numbered recipients is a P1 anchor; a handwritten note after the first anchor
    # stands on a line of its own
    page = ("Digital Archive digitalarchive.wilsoncenter.org International History Declassified "
            "May 2, 1960 A Cable Citation: x Contents: English Translation [handwritten]: 21/IV "
            "I am sending you the memorandum. Copies to: 1 - Cde. Molotov 2- Cde. Fedorenko "
            "3 - to file [date illegible] [Handwritten note]: Cde. Lavrov, compare. "
            "In 1953 - the year of the move - 4 - 5 families left. Attachment to incoming "
            "Nº 1411s The memorandum says that many families were moved to the new districts.")
    wrapper, _ = split(page)
    assert body_lines(wrapper)[:6] == [
        "[handwritten]: 21/IV I am sending you the memorandum.", "Copies to:",
        "1 - Cde. Molotov", "2- Cde. Fedorenko", "3 - to file [date illegible]",
        "[Handwritten note]: Cde. Lavrov, compare. In 1953 - the year of the move - 4 - 5 "
        "families left."]


def test_P15_month_year_date_line_keeps_the_template_rules():
    for date, when in (("June 1961", "1961-06"), ("June, 1960", "1960-06")):
        page = (f"Skip to content\n\n{date}\n\nCable, Zhou Enlai to Mao Zedong\n\n"
                "This document was made possible with support from Henry Luce Foundation\n\n"
                "The delegations discussed the regrouping zones today.\n")
        wrapper, _ = split(page)
        meta = wrapper.metadata
        assert meta.catalogue_date == (date, when)
        assert meta.title == "Cable, Zhou Enlai to Mao Zedong"
        assert meta.funders == ["Henry Luce Foundation"]
        assert body_lines(wrapper) == ["The delegations discussed the regrouping zones today."]
