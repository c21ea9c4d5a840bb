"""Template detection (F3–F7) on every corpus file, the wrapper head and tail (M1–M17)."""

from __future__ import annotations

import pytest
from support.wrapper import split

from tei_tools.diagnostics import TeiToolsError
from tei_tools.readers.transcript.profiles import available_profiles, get_profile

TEMPLATES = {  # corpus/README.md, "Files"
    "puzanov-1957-05-23.txt": "F3", "01-journal-ivanov-1956-10.txt": "F3",
    "02-journal-yudin-1958-02.txt": "F4", "03-journal-puzanov-1959-07.txt": "F5",
    "04-telegram-roshchin-1951-02.txt": "F3", "05-telegram-alekseev-1962-11.txt": "F3",
    "06-telegram-romania-pyongyang-1971-09.txt": "F5",
    "07-memcon-puzanov-kimilsung-1961-04.txt": "F3",
    "08-memcon-li-xiannian-le-thanh-nghi-1965-07.txt": "F3",
    "09-memcon-sed-cuba-1964-03.txt": "F3", "10-report-hungary-pyongyang-1962-11.txt": "F3",
    "11-report-poland-hanoi-1966-04.txt": "F7",
    "12-letter-czechoslovakia-pyongyang-1961-11.txt": "F3",
    "13-minutes-chen-yi-ri-ju-yeon-1963-06.txt": "F4",
    "14-note-poland-beijing-1959-03.txt": "F3", "15-cover-letter-two-column-1959-03.txt": "F3",
    "16-mfs-information-flat-1968-05.txt": "F5", "17-cpsu-decree-headerless-1955-03.txt": "F6",
    "18-bulgaria-hanoi-oldsite-1968-05.txt": "F4",
}
# (first, last) non-blank document line of each file: the wrapper is neither kept nor eaten
BOUNDS = {
    "puzanov-1957-05-23.txt": ("Nº 133 Copy Nº 2", "31 May 1957"),
    "01-journal-ivanov-1956-10.txt": ("TOP SECRET", "19 October 1956"),
    "02-journal-yudin-1958-02.txt": ("Top secret", "[handwritten: Cde. Kurdyukov"),
    "03-journal-puzanov-1959-07.txt": ("SECRET", "21 July 1959"),
    "04-telegram-roshchin-1951-02.txt": ("Strictly secret", "Верно: [illegible signature]"),
    "05-telegram-alekseev-1962-11.txt": ("Top Secret", "Copies: Khrushchev - 1"),
    "06-telegram-romania-pyongyang-1971-09.txt": ("TELEGRAM", "[handwriting; illegible]"),
    "08-memcon-li-xiannian-le-thanh-nghi-1965-07.txt": ("Top Secret", "LI XIANNIAN proposed"),
    "09-memcon-sed-cuba-1964-03.txt": ("Socialist Unity Party of Germany", "1x file"),
    "11-report-poland-hanoi-1966-04.txt": ("Embassy of the Polish People's Republic",
                                           "Distribution list - 4 copies"),
    "13-minutes-chen-yi-ri-ju-yeon-1963-06.txt": ("Minutes of Conversation", "[.…]"),
    "16-mfs-information-flat-1968-05.txt": ("Ministry for State Security", "[illegible]"),
    "17-cpsu-decree-headerless-1955-03.txt": ("Workers of the world, unite!", "Extracts sent"),
    "18-bulgaria-hanoi-oldsite-1968-05.txt": ("EMBASSY OF THE PEOPLE'S REPUBLIC", "[Stamp:"),
}


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_template_detection_on_the_corpus(corpus_bytes, name):
    wrapper, ctx = split(corpus_bytes(name), name)
    assert wrapper.template == TEMPLATES[name]
    assert "TX111" not in [d.code for d in ctx.diagnostics]
    assert wrapper.metadata.title
    assert wrapper.metadata.catalogue_date is not None


@pytest.mark.parametrize("name", sorted(BOUNDS))
def test_document_text_bounds(corpus_bytes, name):
    wrapper, _ = split(corpus_bytes(name), name)
    lines = [line.text for line in wrapper.document_lines if not line.blank]
    first, last = BOUNDS[name]
    assert lines[0].startswith(first)
    assert lines[-1].startswith(last)
    wrapper_words = ("Document Information", "Skip to content", "English HTML", "get citation",
                     "This document was made possible", "The History and Public Policy Program")
    assert not any(line.startswith(wrapper_words) for line in lines)


def test_document_lines_keep_blank_lines_and_original_numbers(corpus_bytes):
    wrapper, _ = split(corpus_bytes("puzanov-1957-05-23.txt"))
    lines = wrapper.document_lines
    assert any(line.blank for line in lines)
    assert (lines[0].number, lines[0].text) == (10, "Nº 133 Copy Nº 2")
    assert [line.number for line in lines] == list(range(10, 10 + len(lines)))


def test_wrapper_hints_for_the_body(corpus_bytes):
    wrapper, _ = split(corpus_bytes("puzanov-1957-05-23.txt"))
    assert wrapper.hints.doc_type == "Diary Entry"
    assert wrapper.hints.catalogue_when == "1957-05-23"


def test_unknown_template_warns_tx111_and_keeps_everything_before_the_trailer():
    wrapper, ctx = split("Some heading\n\nA first paragraph of the document.\n\n"
                         "Document Information\n\nSource\n\nAVPRF F. 1, Op. 2, Delo 3. "
                         "Translated by A. B. Smith.\n")
    assert wrapper.template == "F6"
    assert [d.code for d in ctx.diagnostics if d.code == "TX111"] == ["TX111"]
    assert [line.text for line in wrapper.document_lines if not line.blank] == [
        "Some heading", "A first paragraph of the document."]
    assert wrapper.metadata.credit.name == "A. B. Smith"
    assert "TX201" in [d.code for d in ctx.diagnostics]


def test_wrapper_only_is_tx103():
    with pytest.raises(TeiToolsError) as info:
        split("Skip to content\n\nMay 23, 1957\n\nA title\n\nDocument Information\n\nSource\n")
    assert info.value.diagnostic.code == "TX103"


def test_f5_summary_before_the_date_line_is_not_the_title(corpus_bytes):
    wrapper, _ = split(corpus_bytes("16-mfs-information-flat-1968-05.txt"))
    meta = wrapper.metadata
    assert meta.summaries == ["The Ministry for State Security reports on contacts between West "
                              "German journalists and members of the DPRK trade mission in "
                              "Berlin, and proposes measures to limit them."]
    assert meta.title.startswith("Information from the Ministry for State Security")


def test_f7_one_line_page_is_split_with_tx112():
    page = ("Total Page:3\n\nDigital Archive digitalarchive.wilsoncenter.org International "
            "History Declassified April 18, 1966 Report on Things Citation: \"Report on "
            "Things,\" April 18, 1966, Wilson Center Digital Archive, AMSZ, Z-1, W-2. "
            "Translated by Jan Kowal. Summary: A short summary. Credits: This document was "
            "made possible with support from the Leon Levy Foundation. Original Language: "
            "Polish Contents: English Translation The embassy reports that all is well.")
    wrapper, ctx = split(page)
    meta = wrapper.metadata
    assert wrapper.template == "F7"
    assert meta.title == "Report on Things"
    assert meta.catalogue_date == ("April 18, 1966", "1966-04-18")
    assert meta.summaries == ["A short summary."]
    assert meta.funders == ["Leon Levy Foundation"]
    assert meta.original_language == "Polish"
    assert meta.credit.name == "Jan Kowal"
    tx112 = [d for d in ctx.diagnostics if d.code == "TX112"]
    assert len(tx112) == 1 and tx112[0].line == 3
    body = [line for line in wrapper.document_lines if not line.blank]
    assert [line.text for line in body] == ["The embassy reports that all is well."]
    assert body[0].pos(0) == (3, page.split("\n")[2].index("The embassy") + 1)


def test_f7_you_are_on_page_preamble():
    wrapper, _ = split("You are on page 1of 4\n\nDigital Archive digitalarchive.wilsoncenter.org "
                       "May 2, 1960 A Title Citation: x\n\nThe text.\n")
    assert wrapper.template == "F7"
    assert [ln.text for ln in wrapper.document_lines if not ln.blank] == ["The text."]


def test_old_site_uppercase_title_only_without_citation_sentence(corpus_bytes):
    wrapper, _ = split(corpus_bytes("18-bulgaria-hanoi-oldsite-1968-05.txt"))
    meta = wrapper.metadata
    assert meta.title == ("Information from the Bulgarian Embassy in Hanoi on the Preparations "
                          "for the Paris Talks")
    assert meta.url == "https://digitalarchive.wilsoncenter.org/document/122640"
    assert meta.citation_sentence.startswith("“Information from the Bulgarian Embassy")
    page = ("Search in\n\nMay 07, 1968\n\nAN UPPERCASE TITLE\n\nCITATION SHARE DOWNLOAD\n\n"
            "English HTML\n\nThe document text, a paragraph.\n")
    wrapper, _ = split(page)
    assert wrapper.metadata.title == "AN UPPERCASE TITLE"


def test_not_yet_proofread(corpus_bytes):
    wrapper, _ = split(corpus_bytes("13-minutes-chen-yi-ri-ju-yeon-1963-06.txt"))
    assert wrapper.metadata.unproofread
    wrapper, _ = split("Skip to content\n\nMay 2, 1960\n\nA title\n\n(Not yet proofread)\n\n"
                       "Text of the document.\n")
    assert wrapper.metadata.unproofread
    assert [ln.text for ln in wrapper.document_lines if not ln.blank] == ["Text of the document."]


def test_profiles_registry():
    assert {"wilson-center", "bare"} <= set(available_profiles())
    with pytest.raises(TeiToolsError) as info:
        get_profile("no-such-archive")
    assert info.value.diagnostic.code == "TX100"
    assert "wilson-center" in info.value.diagnostic.hint


def test_bare_profile_keeps_the_whole_file():
    wrapper, ctx = split("Skip to content\n\nRECORD OF CONVERSATION\n\nText.\n", profile="bare")
    assert [ln.text for ln in wrapper.document_lines if not ln.blank] == [
        "Skip to content", "RECORD OF CONVERSATION", "Text."]
    assert wrapper.metadata.title == "RECORD OF CONVERSATION"
    assert wrapper.hints.doc_type is None and wrapper.hints.catalogue_when is None


def test_a_new_profile_plugs_in_without_touching_the_core():
    from tei_tools.readers.transcript import read_transcript
    from tei_tools.readers.transcript.context import ReaderSettings
    from tei_tools.readers.transcript.header import Metadata, build_header
    from tei_tools.readers.transcript.hints import BodyHints
    from tei_tools.readers.transcript.profiles import _REGISTRY, Profile, Wrapper, register

    class FirstLineTitle(Profile):
        name = "test-first-line-title"

        def split(self, source, ctx):
            lines = source.non_blank()
            meta = Metadata(template="T1", template_name="test page", title=lines[0].text,
                            digital_source=False)
            return Wrapper(lines[1:], meta, "T1", hints=BodyHints(doc_type="Report"))

        def build_header(self, wrapper, facts, ctx):
            return build_header(wrapper.metadata, facts, ctx)

    register(FirstLineTitle)
    try:
        assert "test-first-line-title" in available_profiles()
        result = read_transcript(b"My Title\n\nThe only paragraph of the document.\n",
                                 "t.txt", settings=ReaderSettings(profile=FirstLineTitle.name))
        assert result.tei is not None, [d.format() for d in result.diagnostics]
        text = result.tei.decode()
        assert '<title type="main">My Title</title>' in text
        assert "Converted from page template T1 (test page)." in text
        assert "The only paragraph of the document." in text
    finally:
        del _REGISTRY[FirstLineTitle.name]


def test_f7_header_broken_over_several_lines():
    page = ("File Type:pdf, Size:88Kb\n\nDigital Archive digitalarchive.wilsoncenter.org "
            "International History Declassified May 2, 1960 A Report\nCitation: \"A Report,\" "
            "May 2, 1960, Wilson Center Digital Archive, PRC FMA 109-1, 1-3. Translated by Li.\n"
            "Summary: What it says.\nCredits: This document was made possible with support "
            "from the Henry Luce Foundation.\nOriginal Language: Chinese\nContents: English "
            "Translation\n\nThe document begins here.\n")
    wrapper, ctx = split(page)
    meta = wrapper.metadata
    assert (meta.title, meta.summaries, meta.funders) == ("A Report", ["What it says."],
                                                          ["Henry Luce Foundation"])
    assert meta.citation.repository == "PRC FMA" and meta.original_language == "Chinese"
    assert [ln.text for ln in wrapper.document_lines if not ln.blank] == [
        "The document begins here."]
    assert "TX112" not in [d.code for d in ctx.diagnostics]
