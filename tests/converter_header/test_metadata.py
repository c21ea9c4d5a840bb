"""Wrapper metadata: trailer fields (M11), funders (M5, M14), summary (M9), citation sentence
and translator credit (M7, M8), archival citations (M17, A.7)."""

from __future__ import annotations

import pytest

from tei_tools.readers.transcript.context import Context
from tei_tools.readers.transcript.profiles import get_profile
from tei_tools.readers.transcript.profiles.wc_citation import (
    CITATION,
    iso_date,
    parse_archival,
    split_rest,
)
from tei_tools.readers.transcript.profiles.wc_tail import split_funders
from tei_tools.readers.transcript.source import decode

RIGHTS = ("The History and Public Policy Program welcomes reuse of Digital Archive materials "
          "for research and educational purposes.")


def meta_of(data: bytes | str):
    ctx = Context("doc", path="doc.txt")
    wrapper = get_profile("wilson-center").split(decode(data, ctx), ctx)
    return wrapper.metadata, ctx, wrapper


def codes(ctx: Context) -> list[str]:
    return [d.code for d in ctx.diagnostics]


def test_seed_metadata(corpus_bytes):
    meta, ctx, _ = meta_of(corpus_bytes("puzanov-1957-05-23.txt"))
    assert meta.catalogue_date == ("May 23, 1957", "1957-05-23")
    assert meta.title == "Journal of Soviet Ambassador to the DPRK A.M. Puzanov for 23 May 1957"
    assert meta.funders == ["ROK Ministry of Unification", "Leon Levy Foundation"]
    assert (meta.credit.resp, meta.credit.name) == ("Translated for NKIDP by", "Gary Goldberg")
    assert meta.citation.as_cited == "AVPRF F. 0102, Op. 13, P. 72, Delo 5, Listy 44-113"
    assert meta.rights.startswith(RIGHTS) and meta.rights.endswith("their materials.")
    assert meta.doc_type == "Diary Entry"
    assert meta.uploaded is None and meta.record_id is None and meta.url is None
    assert meta.citation_sentence is None   # a new-site page has no citation sentence
    assert meta.summaries[0].startswith("Nam Il asks Puzanov")
    assert meta.unparsed == []
    assert "TX204" in codes(ctx) and "TX205" not in codes(ctx) and "TX206" not in codes(ctx)


def test_labelled_trailer_with_empty_values(corpus_bytes):
    meta, ctx, _ = meta_of(corpus_bytes("01-journal-ivanov-1956-10.txt"))
    assert meta.original_archive == "Archive of Foreign Policy of the Russian Federation"
    assert (meta.uploaded, meta.record_id, meta.doc_type) == ("2014-03-11", "119423",
                                                              "Diary Entry")
    assert meta.language is None            # "Language" followed directly by "Record ID"
    assert meta.funders == ["ROK Ministry of Unification"]


def test_trailer_without_values_and_without_source(corpus_bytes):
    meta, ctx, _ = meta_of(corpus_bytes("03-journal-puzanov-1959-07.txt"))
    assert meta.credit is None and meta.citation is None
    assert "TX205" in codes(ctx)
    assert meta.rights.startswith(RIGHTS)
    assert (meta.uploaded, meta.record_id, meta.doc_type) == (None, None, None)


def test_original_classification_and_language(corpus_bytes):
    meta, _, _ = meta_of(corpus_bytes("04-telegram-roshchin-1951-02.txt"))
    assert meta.classification == "Top Secret"
    assert meta.doc_type == "Telegram"
    meta, _, _ = meta_of(corpus_bytes("02-journal-yudin-1958-02.txt"))
    assert meta.language == "English"


def test_unparsed_trailer_line_is_kept_with_tx208():
    page = ("Skip to content\n\nMay 2, 1960\n\nA title\n\nThe document text.\n\n"
            "Document Information\n\nType\n\nReport\n\nSomething nobody expects here.\n\n"
            "Record ID\n\n12345\n\nKorea Foundation\n")
    meta, ctx, _ = meta_of(page)
    assert meta.unparsed == ["Something nobody expects here."]
    tx208 = [d for d in ctx.diagnostics if d.code == "TX208"]
    assert len(tx208) == 1 and tx208[0].line == 15
    assert (meta.doc_type, meta.record_id, meta.funders) == ("Report", "12345",
                                                             ["Korea Foundation"])


def test_author_facet_value():
    page = ("Skip to content\n\nMay 2, 1960\n\nA title\n\nThe document text.\n\n"
            "Author(s):\n\nJohn Doe\n\nDocument Information\n\nRecord ID\n\n1\n")
    meta, _, _ = meta_of(page)
    assert meta.authors == ["John Doe"]


@pytest.mark.parametrize("text, expected", [
    ("ROK Ministry of Unification", ["ROK Ministry of Unification"]),
    ("Korea Foundation and Henry Luce Foundation", ["Korea Foundation", "Henry Luce Foundation"]),
    ("ROK Ministry of Unification \u00a0and Leon Levy Foundation",
     ["ROK Ministry of Unification", "Leon Levy Foundation"]),
    ("John D. and Catherine T. MacArthur Foundation",
     ["John D. and Catherine T. MacArthur Foundation"]),
    ("Korea Foundation, Leon Levy Foundation, and John D. and Catherine T. MacArthur Foundation",
     ["Korea Foundation", "Leon Levy Foundation",
      "John D. and Catherine T. MacArthur Foundation"]),
    ("the Leon Levy Foundation.", ["Leon Levy Foundation"]),
])
def test_funder_split(text, expected):
    ctx = Context("doc")
    assert split_funders(text, ctx) == expected
    assert codes(ctx) == []


def test_unknown_funders_are_not_split():
    ctx = Context("doc")
    assert split_funders("Ministry of Trade and Industry", ctx) == [
        "Ministry of Trade and Industry"]
    assert codes(ctx) == ["TX203"]


def test_summary_by_position_only_is_tx206(corpus_bytes):
    meta, ctx, _ = meta_of(corpus_bytes("08-memcon-li-xiannian-le-thanh-nghi-1965-07.txt"))
    assert meta.summaries[0].startswith("Li Xiannian and Le Thanh Nghi discuss")
    assert "TX206" in codes(ctx)


def test_old_site_summary_is_the_widget_line_not_the_last_paragraph(corpus_bytes):
    meta, _, wrapper = meta_of(corpus_bytes("02-journal-yudin-1958-02.txt"))
    assert len(meta.summaries) == 1 and meta.summaries[0].startswith("Yudin records")
    last = [ln.text for ln in wrapper.document_lines if not ln.blank][-1]
    assert last.startswith("[handwritten: Cde. Kurdyukov")


def test_duplicate_summaries_become_one_and_different_ones_tx207():
    flat = ("A summary of the document that is long enough to be one.\nMay 2, 1960\nA title\n"
            "A first paragraph of the document.\n[signature]\n"
            "A summary of the document that is long enough to be one.\nDocument Information\n")
    meta, ctx, _ = meta_of(flat)
    assert meta.summaries == ["A summary of the document that is long enough to be one."]
    other = flat.replace("Document Information", "X").replace(
        "X", "Document Information").replace(
        "[signature]\nA summary of the document that is long enough to be one.",
        "[signature]\nA different summary written for the second place in the page.")
    meta, ctx, _ = meta_of(other)
    assert len(meta.summaries) == 2 and "TX207" in codes(ctx)


@pytest.mark.parametrize("rest, resp, name, archival", [
    ("AVPRF F. 0102, Op. 13, P. 72, Delo 5, Listy 44-113. Translated for NKIDP by Gary Goldberg.",
     "Translated for NKIDP by", "Gary Goldberg",
     "AVPRF F. 0102, Op. 13, P. 72, Delo 5, Listy 44-113"),
    ("AVPRF, f. 0100, op. 51, ll. 58-71. Translated for CWIHP by Mark Ellison.",
     "Translated for CWIHP by", "Mark Ellison", "AVPRF, f. 0100, op. 51, ll. 58-71"),
    ("AMAE, Telegrams. Translated from Romanian by Ioana Dragomir.",
     "Translated from Romanian by", "Ioana Dragomir", "AMAE, Telegrams"),
    ("PRC FMA 106-01244-03, 21-33. Translation by Wei Lan.", "Translation by", "Wei Lan",
     "PRC FMA 106-01244-03, 21-33"),
    ("X, 1. translation by Wei Lan.", "translation by", "Wei Lan", "X, 1"),
    ("RGANI, Fond 3. Obtained and translated by Nikolai Streltsov.",
     "Obtained and translated by", "Nikolai Streltsov", "RGANI, Fond 3"),
    ("SAPMO-BArch, DY 30. Translated by G. K. Smith.", "Translated by", "G. K. Smith",
     "SAPMO-BArch, DY 30"),
])
def test_translator_credit_forms(rest, resp, name, archival):
    split = split_rest(rest)
    assert (split.credit.resp, split.credit.name, split.archival) == (resp, name, archival)


def test_obtainer_and_url():
    split = split_rest("TsDA, Fond 1-B. Obtained by the Bulgarian Diplomatic Archive Project and "
                       "translated by Elena Marchetti. https://example.org/document/1")
    assert split.url == "https://example.org/document/1"
    assert (split.credit.resp, split.credit.name) == ("translated by", "Elena Marchetti")
    assert split.credit.obtainer == "the Bulgarian Diplomatic Archive Project"
    assert split.credit.obtainer_is_org
    assert split_rest("AVPRF, f. 1. No credit here.").credit is None


def test_citation_sentence_both_quote_styles():
    for q1, q2 in (('"', '"'), ("“", "”")):
        m = CITATION.match(f"{q1}A Title, with a comma,{q2} May 07, 1968, History and Public "
                           "Policy Program Digital Archive, TsDA. Translated by A. B.")
        assert m and m["title"] == "A Title, with a comma" and m["date"] == "May 07, 1968"
    assert iso_date("May 07, 1968") == "1968-05-07" and iso_date("May 7 1968") is None


def _shelf(cit) -> str:
    return "".join(f"<{k}>{t}</{k}>" if k else t for k, t in cit.shelfmark)


@pytest.mark.parametrize("text, settlement, repo, shelf, locus, lang", [
    ("AVPRF F. 0102, Op. 12, P. 68, Delo 5, Listy 201-219", "Moscow", "AVPRF",
     "F. <fond>0102</fond>, Op. <opis>12</opis>, P. <papka>68</papka>, Delo <delo>5</delo>",
     ("Listy 201-219", "201", "219"), "ru"),
    ("AVPRF, f. 0100, op. 51, por. 14, pap. 432, ll. 58-71", "Moscow", "AVPRF",
     "f. <fond>0100</fond>, op. <opis>51</opis>, por. <por>14</por>, pap. <papka>432</papka>",
     ("ll. 58-71", "58", "71"), "ru"),
    ("AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 77-80", "Moscow", "AVP RF",
     "f. <fond>0104</fond>, op. <opis>18</opis>, p. <papka>121</papka>, d. <delo>3</delo>",
     ("ll. 77-80", "77", "80"), "ru"),
    ("APRF, Fond 45, Opis 1, Delo 338, Listy 41-43", "Moscow", "APRF",
     "Fond <fond>45</fond>, Opis <opis>1</opis>, Delo <delo>338</delo>",
     ("Listy 41-43", "41", "43"), "ru"),
    ("MNL OL XIX-J-1-j Korea, 1962, 12. doboz, 5/bc, 004877/1962", "Budapest", "MNL OL",
     "XIX-J-1-j Korea, 1962, 12. doboz, 5/bc, 004877/1962", None, "hu"),
    ("Archive of the Romanian Ministry of Foreign Affairs (AMAE), Telegrams, Pyongyang, 1971, "
     "Vol. 3, pp. 112-114", "Bucharest", "AMAE", "Telegrams, Pyongyang, 1971, Vol. 3",
     ("pp. 112-114", "112", "114"), "ro"),
    ("SAPMO-BArch, DY 30/IV A 2/20/258, pp. 34-37", "Berlin", "SAPMO-BArch",
     "DY 30/IV A 2/20/258", ("pp. 34-37", "34", "37"), "de"),
    ("BStU, MfS, HA II, Nr. 28417, pp. 12-15", "Berlin", "BStU", "MfS, HA II, Nr. 28417",
     ("pp. 12-15", "12", "15"), "de"),
    ("PRC FMA 106-01244-03, 21-33", "Beijing", "PRC FMA", "106-01244-03", ("21-33", "21", "33"),
     "zh"),
    ("Polish Foreign Ministry Archive, Department II, Z-9, W-33, T-611", "Warsaw",
     "Polish Foreign Ministry Archive", "Department II, Z-9, W-33, T-611", None, "pl"),
    ("Archive of the Ministry of Foreign Affairs of the Czech Republic (AMZV), TO-T 1960-1964, "
     "KLDR, box 3, file 2", "Prague", "AMZV", "TO-T 1960-1964, KLDR, box 3, file 2", None, "cs"),
    ("Central State Archive, Sofia (TsDA), Fond 1-B, Opis 58, a.e. 115, l. 21-27", "Sofia",
     "TsDA", "Fond <fond>1-B</fond>, Opis <opis>58</opis>, a.e. <ae>115</ae>",
     ("l. 21-27", "21", "27"), "bg"),
    ("RGANI, Fond 3, Opis 10, Delo 121, Listy 77", "Moscow", "RGANI",
     "Fond <fond>3</fond>, Opis <opis>10</opis>, Delo <delo>121</delo>", ("Listy 77", "77", "77"),
     "ru"),
])
def test_archival_citation_families(text, settlement, repo, shelf, locus, lang):
    cit = parse_archival(text)
    assert cit.parsed and cit.as_cited == text
    assert (cit.settlement, cit.repository, _shelf(cit), cit.locus, cit.lang) == (
        settlement, repo, shelf, locus, lang)


def test_unknown_archive_is_tx210():
    page = ("Skip to content\n\nMay 2, 1960\n\nA title\n\nThe document text.\n\n"
            "Document Information\n\nSource\n\nState Archive of Ruritania, box 4. "
            "Translated by A. B.\n")
    meta, ctx, _ = meta_of(page)
    assert not meta.citation.parsed
    assert meta.citation.repository == "State Archive of Ruritania"
    tx210 = [d for d in ctx.diagnostics if d.code == "TX210"]
    assert len(tx210) == 1 and tx210[0].line == 13


def test_with_a_summary_at_the_top_the_last_paragraph_stays_in_the_document():
    flat = ("A summary of the document that is long enough to be one.\nMay 2, 1960\nA title\n"
            "A first paragraph of the document, written as prose.\n"
            "The last paragraph of the document, also written as prose.\nDocument Information\n")
    meta, ctx, wrapper = meta_of(flat)
    assert meta.summaries == ["A summary of the document that is long enough to be one."]
    assert [ln.text for ln in wrapper.document_lines if not ln.blank][-1].startswith("The last")
    assert "TX206" not in codes(ctx) and "TX207" not in codes(ctx)


def test_source_value_over_two_lines():
    page = ("Skip to content\n\nMay 2, 1960\n\nA title\n\nThe document text.\n\n"
            "Document Information\n\nSource\n\nRGANI, Fond 3, Opis 10, Delo 121.\n\n"
            "Translated by Nikolai Streltsov.\n\nRecord ID\n\n7\n")
    meta, ctx, _ = meta_of(page)
    assert meta.credit.name == "Nikolai Streltsov"
    assert meta.citation.as_cited == "RGANI, Fond 3, Opis 10, Delo 121"
    assert meta.unparsed == [] and meta.record_id == "7"
