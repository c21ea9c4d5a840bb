"""Hypothesis properties over the whole transcript converter (issues 3.6 and 8.5).

The generators build transcripts from random mixtures of the conventions (page templates F3–F7
and a bare file, head-zone, body and closing-zone lines of §4, every bracket class of §3.3) and
noise (broken brackets, other scripts, combining marks, NBSP, tabs, long lines). Properties:

(a) never crashes: no TX199, every diagnostic names the file and, when it has a line, one that
    exists in the file;
(b) the output is well-formed and valid against the project schema (and TEI All);
(c) lossless: the §6.5 round trip finds no difference;
(d) deterministic: the same input twice gives identical bytes;
(e) no literal ``[``/``]`` in the body outside ``c[@type='stray-bracket']``.

The §7 variants are generated too (issue 13): footnote markers of every style (bracketed,
parenthesised, slash, asterisk, bare digits, P7) and footnote texts in every position (under the
caption, after their paragraph, after the closer, at the end, with or without a rule, P8);
closers followed by trailing lines (P5), mid-document closers followed by an attachment (P6), and
PDF exports whose whole page is one line (P12).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools.diagnostics import Severity
from tei_tools.readers.transcript import read_transcript, roundtrip

TEI = "{http://www.tei-c.org/ns/1.0}"
REPO = Path(__file__).resolve().parent.parent.parent
NAME = "fuzz.txt"

# --- building blocks ------------------------------------------------------------------------

WORDS = ["the", "Minister", "said", "that", "Kim", "Il", "Sung", "embassy", "plan", "Nº 12",
         "Pyongyang", "Moscow", "trade", "delegation", "Comrade", "Puzanov", "of", "and", "on",
         "DPRK", "KPA", "agreed", "1957", "3", "Ceau?escu", "Pak", "Seong-cheol", "Ri", "Jong-ok",
         "M", "Dep", "Verno", "x/", "(1)", "communes", "Secret", "“quoted”", "‘single’", "…",
         "—", "–", "5.", "I", "II.", "a.m.", "Dr.", "it", "was"]
NOISE_TEXT = st.lists(
    st.sampled_from(list("abcXYZ 019.,;:!?-—–…“”‘’'\"()/*_=#&%\t\u00a0")
                             + list("Верно сказал Ленин")
                             + list("人民公社大跃进朝鲜")
                             + ["e\u0301", "a\u0308", "\u0300", "ş", "ł", "ő", "ß", "[", "]"]),
    max_size=60).map("".join)

# §3.3: one example (or pattern) of every bracket class, glued and spaced forms
BRACKETS = [
    "[I]", "[we]", "[the latter's]", "[and to inform him of the reply]", "[harvest]",
    "[Comrade Florin]", "[PRC First Deputy Minister]", "M[inistry of]", "F[oreign]",
    "Dep[artment]", "[Pak Song Chol]", "[STALIN]", "[Korean People's Army]", "[referentura]",
    "[spravka]", "[poufne—confidential]", "[kolkhoz]", "[人民公社]", "[Верно]", "[1]", "[2]",
    "[sic]", "[SIC]", "[sic!]", "[sic; translator's note: not verified]", "[Ed. note: erased.]",
    "[Editor's note: The Congress met.]", "[the list is not reproduced here—ed.]",
    "[Translator's note: The rest concerns the schedule.]", "[?]", "[[6]]", "[[N. K. Orlov?]]",
    "[[two surnames illegible]]", "[[illegible name]", "[…]", "[...]", "[ …]", "[….]", "[.…]",
    "[illegible]", "[2 illegible letters]", "V[2 illegible letters]", "[illegible name]",
    "[several words illegible]", "[handwriting; illegible]", "[signature]", "[sign]",
    "[Illegible signature]", "[stamp]", "[stamp and handwriting]",
    "[stamp: Incoming Nº 0521s of 1[[7]] March 1958]",
    "[faded USSR MFA Stamp: 02967ss\n29 July 1959]",
    "[partial image of a stamp:\n\nIncoming Nº 05[[3]]\n\n30 July]",
    "[handwritten: to Cde. Kurdyukov\nfor information. [[I. Tugarinov?]]\n30.X.56]",
    "[handwritten above the form: returned 17.III.55]", "[added by hand]", "[Page 2]",
    "[emphasis in the original]", "[letterhead with the state emblem]", "[no name given]",
    "[expansion unknown]", "[one word faded, possibly \"urgent\"]", "[text missing here]",
    "[Words of welcome; brief remarks on the visit.]", "[]", "[email protected]",
    "[email\u00a0protected]", "[a [b [c [d [e]]]]]", "[[", "]]", "[", "]", "[[[x]]]",
    "[for this]", "[China]",
]

HEAD_LINES = [
    "TOP SECRET", "Top secret", "SECRET", "Strictly secret!", "Special File", "Personal",
    "Making copies is forbidden", "Urgent", "Copy Nº 3", "Nº 241 Copy Nº 1", "Nº 74-dv",
    "No. 12/s", "№ 5", "Nr 0-58/59 [poufne—confidential]", "Incoming Nº 01877s",
    "2 November 1956]", "19 October 1956", "31 May 1957", "Pyongyang, 3 March 1959",
    "“3” March 1959", "USSR EMBASSY IN THE PRC", "SOVIET EMBASSY IN THE DPRK",
    "Workers of the world, unite!", "To Comrade A. A. Gromyko", "To the Minister",
    "Dear Comrade Minister,", "JOURNAL", "FROM THE JOURNAL", "of Ambassador P. F. YUDIN",
    "for the period from 10 to 24 February 1958", "RECORD OF CONVERSATION", "MEMORANDUM",
    "CIPHERED TELEGRAM", "TELEGRAM", "INFORMATION", "N o t e", "Report",
    "From: Pyongyang", "To: Moscow", "Sent: 12.II.51", "Received: 13.II.51",
    "Time: 10:00", "Location: the Ministry", "Present: Kim Il Sung, Pak Seong-cheol",
    "Interpreter: Ri Jong-ok", "Subject: trade", "Level: Urgent",
    "[USSR MFA Far East Department stamp:\n\nIncoming Nº 03318-gs\n\n27 October 1956]",
    "[faded stamp:\nIncoming Nº 0412[[6]]s\n[[2]]9 October 1956]",
    "[CPSU CC stamp: General Department, 2nd sector, Nº 06143, 11 III 58, Subject to return]",
    "SOVIET EMBASSY [USSR MFA [USSR MFA Far East\nIN THE DPRK Registry stamp: Department stamp:\n"
    "Nº 74-dv SECRET Incoming Nº 02217s Incoming Nº 05731-gs\n"
    "“3” March 1959 1[[1]] March 1959] 12 March 1959]",
    "IN THE DPRK Department stamp:\nIncoming Nº 05731-gs\n12 March 1959]",
    "[handwritten: to Cde. Kurdyukov\n\nfor information.\n\n30.X.56]",
]

BODY_LINES = [
    "3 October 1956", "October 5", "5 October.", "Kim Il Sung: We agree.", "PUZANOV. I said so.",
    "Comrade Florin:", "1. The plan was discussed.", "2. Maintain contacts [with the Chamber",
    "1. Again.", "I. General situation", "II. Economy", "- coal", "– steel", "— rice",
    "==========", "——————", "__________", "* * *", "[…]",
    "Chen: [The two sides exchanged toasts.]",
    "I visited the Minister at his request and we discussed the plan for 1957.",
    "The 23\nrd Congress", "R O S H C H I N said", "人民公社 — people's communes",
    "Верно: Иванов", "(to be abbreviated as KPA)",
]

FOOTNOTES = ["[1] In the Polish original the word.", "(1) Raúl Roa García, minister.",
             "x/ Your reply: noted. [Ed. note: erased.]", "[2] 人民公社."]
# §7 P8: texts for every marker style, and one without a marker (TX331)
FOOTNOTES_P8 = FOOTNOTES + ["[3] Kosygin's visit.", "(2) Osvaldo Dorticós.",
                            "* A remark in pencil.", "** Another remark.",
                            "*[handwritten: not seen]", "[5] The rest was not recorded."]
# P7: markers glued to a word or to punctuation, in every style (bare digits and asterisks too)
MARKED_WORDS = ["RAPACKI1", "WIDERSKI2", "Dong3", "the time.1", "CONVERSATION*", "plant**",
                "Roa(1)", "Dorticós,(2)", "visit.[3]", "said,[4]", "trucks.x/",
                "[Chen Yi][2]Deputy", "communes[1]"]
# P5: what may follow a closer; P6: a second head zone after a mid-document closer
TRAILING_LINES = ["The Embassy reports on the visit of the delegation to the plant.", "[...]",
                  "[Source: AVPRF, Fond 0102, Opis 13.]", "###", "* * *", "xxx",
                  "[Translator's note: The rest concerns the schedule.]"]
ATTACHMENT_HEADS = [["Attachment to incoming Nº 0521"], ["ATTACHMENT:", "RECORD OF CONVERSATION"],
                    ["SECRET", "3 October 1956", "RECORD OF CONVERSATION"],
                    ["Attachment 1", "Nº 241", "MEMORANDUM"]]

CLOSING_LINES = [
    "[signature] \u00a0 (A. PUZANOV)", "USSR AMBASSADOR IN THE DPRK", "A. PUZANOV",
    "Ambassador Puzanov [signature]", "Sent to:", "1 - Cde. Gromyko", "2 - Cde. Kurdyukov",
    "3 - to file", "Nº 512", "21 July 1959", "Typed 3 copies", "Attachment: 2 pages",
    "Spravka: the text was checked.", "True copy: [signature]", "ROSHCHIN",
    "[stamp: Declassified 2009]",
]

TRAILER = ("Document Information\n\nSource\n\nAVPRF F. 0102, Op. 12, Delo 5, Listy 201-219. "
           "Translated for NKIDP by Irina Belkova.\n\nOriginal Archive\n\n"
           "Archive of Foreign Policy of the Russian Federation\n\nRights\n\n"
           "The History and Public Policy Program welcomes reuse of Digital Archive materials.\n\n"
           "Original Uploaded Date\n\n2014-03-11\n\nType\n\nDiary Entry\n\nLanguage\n\n"
           "Record ID\n\n119423\n\nROK Ministry of Unification")
CITATION = ('"Journal of Soviet Ambassador P. F. Yudin," February 27, 1958, History and Public '
            'Policy Program Digital Archive, {archive}, f. 0100, op. 51, ll. 58-71. '
            'Translated for CWIHP by Mark Ellison.')
SUMMARY = "Yudin records conversations with Zhang Wentian about the volunteers."
ARCHIVES = ["AVPRF", "MOL", "Polish Foreign Ministry Archive", "PRC FMA", "BStU", "Nowhere Archive"]


@st.composite
def decorated(draw: st.DrawFn, base: list[str]) -> str:
    """A convention line, sometimes with words, brackets or noise around it."""
    line = draw(st.sampled_from(base))
    kind = draw(st.integers(0, 9))
    if kind <= 3:
        return line
    parts = draw(st.lists(st.one_of(st.sampled_from(WORDS), st.sampled_from(BRACKETS),
                                    NOISE_TEXT), min_size=1, max_size=10))
    glue = draw(st.sampled_from([" ", "", " ", "\u00a0", "\t"]))
    if kind <= 6:
        return line + " " + glue.join(parts)
    return glue.join(parts) + (" " if kind == 7 else "") + line


NOISE_LINES = st.one_of(
    NOISE_TEXT,
    st.sampled_from(["", " ", "\u00a0", "\t", "!!!", "...", "[[", "]]", "]", "[", ";;;:::",
                     "Skip to content", "Document Information", "Author(s):"]),
    st.integers(200, 3000).map(lambda n: ("word " * n)[:n]),
    st.lists(st.sampled_from(BRACKETS), min_size=1, max_size=8).map(" ".join),
)


BODY_WORDS = WORDS + MARKED_WORDS


@st.composite
def document_text(draw: st.DrawFn) -> list[str]:
    head = draw(st.lists(decorated(HEAD_LINES), max_size=8))
    body = draw(st.lists(st.one_of(decorated(BODY_LINES), decorated(WORDS)), max_size=10))
    closing = draw(st.lists(decorated(CLOSING_LINES), max_size=6))
    # F8 footnote zone: at the end, after an optional rule (the other positions of P8 are
    # real_page_text's)
    notes = draw(st.lists(st.sampled_from(FOOTNOTES), max_size=2, unique=True))
    if notes:
        notes = draw(st.sampled_from([[], ["——————"], ["__________"]])) + notes
    lines = head + body + closing
    noise = draw(st.lists(st.tuples(st.integers(0, max(len(lines), 0)), NOISE_LINES),
                          max_size=4))
    for index, text in noise:
        lines.insert(index, text)
    lines += notes
    return [piece for line in lines for piece in line.split("\n")] or ["Text."]


# a body sentence of words, glued markers (P7) and well-formed brackets (the broken ones are
# document_text's)
WHOLE_BRACKETS = ["[I]", "[we]", "[1]", "[2]", "[4]", "[Comrade Florin]", "[sic]", "[?]", "[…]",
                  "[Ed. note: erased.]", "[illegible]", "[signature]", "M[inistry of]",
                  "[handwritten: noted]", "[stamp: Incoming Nº 5]", "[referentura]"]
SENTENCES = st.lists(st.one_of(st.sampled_from(BODY_WORDS), st.sampled_from(WHOLE_BRACKETS)),
                     min_size=3, max_size=14).map(lambda words: " ".join(words) + ".")


@st.composite
def real_page_text(draw: st.DrawFn) -> list[str]:
    """The §7 variants (issue 13): markers of every style (P7), footnote texts in every position
    (P8), lines after the closer (P5), a mid-document closer before an attachment (P6). The
    convention lines are not decorated with noise here: that is ``document_text``'s job, this
    one's is the variants."""
    head = draw(st.lists(st.sampled_from(HEAD_LINES), max_size=5))
    body = draw(st.lists(st.one_of(SENTENCES, st.sampled_from(BODY_LINES)), min_size=1,
                         max_size=6))
    closing = draw(st.lists(st.sampled_from(CLOSING_LINES), max_size=5))
    closing += draw(st.lists(st.sampled_from(TRAILING_LINES), max_size=2))
    if draw(st.integers(0, 3)) == 0:
        closing += draw(st.sampled_from(ATTACHMENT_HEADS)) + draw(
            st.lists(SENTENCES, min_size=1, max_size=3)) + draw(
            st.lists(st.sampled_from(CLOSING_LINES), max_size=3))
    # P8: under the caption, after a paragraph, after the closer, at the end; F8: a rule
    notes = draw(st.lists(st.sampled_from(FOOTNOTES_P8), max_size=3, unique=True))
    if notes:
        notes = draw(st.sampled_from([[], ["——————"], ["__________"]])) + notes
    lines = head + body + closing
    where = draw(st.sampled_from(["end", "end", "head", "body", "closing"]))
    at = {"end": len(lines), "head": len(head), "body": len(head) + 1,
          "closing": len(head) + len(body) + len(closing)}[where]
    lines[at:at] = notes
    return [piece for line in lines for piece in line.split("\n")]


@st.composite
def transcripts(draw: st.DrawFn, variants: bool = False) -> str:
    """A page of one of the templates; ``variants``: the §7 variants (``real_page_text``) and
    PDF exports on one line (P12)."""
    doc = draw(real_page_text() if variants else document_text())
    template = draw(st.sampled_from(["new", "old", "flat", "headerless", "pdf", "bare"]
                                    + (["pdf-oneline"] if variants else [])))
    sep = "\n" if template == "flat" else draw(st.sampled_from(["\n\n", "\n\n\n", "\n"]))
    archive = draw(st.sampled_from(ARCHIVES))
    citation = CITATION.format(archive=archive)
    summary = SUMMARY
    trailer = draw(st.sampled_from([TRAILER, "", TRAILER.replace("\n\n", "\n")]))
    # a summary after the body is one only before a trailer (M9); without one it is body text
    tail = f"{summary}{sep}{trailer}" if trailer else ""
    text = sep.join(doc)
    if template == "new":
        page = (f"Skip to content\n\nMay 23, 1957\n\nA test document\n\nThis document was made "
                f"possible with support from Leon Levy Foundation\n\n\n{text}\n\n{tail}")
    elif template == "old":
        page = (f"Search in\n\nDigital Archive International History Declassified\n\n"
                f"February 07, 1958\n\n  • Citation\n\n    get citation\n\n    {summary}\n"
                f"    {citation}\n  • share document\n\nEnglish HTML\n\n{text}\n\n{trailer}")
    elif template == "flat":
        page = (f"July 21, 1959\nJournal of Soviet Ambassador A. M. Puzanov\n{text}\n"
                f"{tail}")
    elif template == "headerless":
        page = f"March 09, 1955\n\n\n    {summary}\n    {citation}\nEnglish HTML\n\n\n{text}"
    elif template == "pdf":
        page = (f"Total Page:7\n\nFile Type:pdf, Size:188Kb\n\nDigital Archive "
                f"digitalarchive.wilsoncenter.org International History Declassified April 18, "
                f"1966 Report, Polish Embassy Citation: {citation} Summary: {summary} Credits: "
                f"This document was made possible with support from the Leon Levy Foundation. "
                f"Original Language: Polish Contents: English Translation\n\n{text}")
    elif template == "pdf-oneline":
        # P12: the whole export on one line, the document text included
        page = (f"Digital Archive digitalarchive.wilsoncenter.org International History "
                f"Declassified April 18, 1966 Report, Polish Embassy Citation: {citation} "
                f"https://digitalarchive.wilsoncenter.org/document/134877 Summary: {summary} "
                f"Original Language: Polish Contents: English Translation {' '.join(doc)}")
    else:
        page = text
    if draw(st.booleans()):
        page += "\n"
    return page


# --- the properties -------------------------------------------------------------------------

@pytest.fixture(scope="module")
def project_schema() -> etree.RelaxNG:
    return etree.RelaxNG(etree.parse(str(REPO / "schemas" / "tei-tools.rng")))


def _no_error_but_empty(result) -> bool:
    """An error is acceptable only for a file without document text (TX103)."""
    errors = [d for d in result.diagnostics if d.severity == Severity.ERROR]
    return all(d.code == "TX103" for d in errors)


def check_transcript(page: str, schemas: list[etree.RelaxNG]) -> None:
    data = page.encode("utf-8")
    result = read_transcript(data, NAME)
    line_count = len(page.split("\n"))
    # (a) never crashes; diagnostics name the file and a line that exists
    crashes = [d.format() for d in result.diagnostics if d.code == "TX199"]
    assert not crashes, crashes
    for diag in result.diagnostics:
        assert diag.path == NAME, diag.format()
        if diag.line is not None:
            assert 1 <= diag.line <= line_count, diag.format()
    assert _no_error_but_empty(result), [d.format() for d in result.diagnostics]
    if result.tei is None:
        return
    # (b) well-formed and valid
    tree = etree.fromstring(result.tei)
    for schema in schemas:
        assert schema.validate(tree), str(schema.error_log)[:800]
    # (c) lossless (§6.5)
    problems = roundtrip.check(result.tei, data, NAME)
    assert not problems, "\n".join(problems)
    # (d) deterministic
    assert read_transcript(data, NAME).tei == result.tei
    # (e) no literal bracket in the body outside c[@type='stray-bracket']
    body = tree.find(f".//{TEI}body")
    for c in body.iter(f"{TEI}c"):
        if c.get("type") == "stray-bracket":
            c.text = ""
    stray = re.search(r".{0,30}[\[\]].{0,30}", "".join(body.itertext()))
    assert stray is None, stray.group(0)


def new_site(text: str) -> str:
    """``text`` as the document text of a new-site page with a trailer (Type: Diary Entry)."""
    return (f"Skip to content\n\nMay 23, 1957\n\nA test document\n\nThis document was made "
            f"possible with support from Leon Levy Foundation\n\n\n{text}\n\n{SUMMARY}\n\n"
            f"{TRAILER}")


# Every failure the properties found, pinned (one line each: what broke).
REGRESSIONS = [
    "Some text.\n\n[",                                  # empty unclosed "[" came back as "[]"
    "Some text.\n\na[a\n\nx 12 [sic\n\nc [Page 2",       # @rend of a repair on expan/sic/pb
    "d [...\n\ne communes[1",                           # repaired omission, repaired marker
    "x a[ [I] y",                                        # B4 expansion holding a bracket
    "a [ the plan] b [it ] [ illegible] [Illegible] [ signature]",   # spaces inside brackets
    "TOP SECRET\n\na[\n\n5 October.",                      # glued stray bracket in the opener
    "TOP SECRET\n\nabc [stamp: Incoming Nº 5] def\n\nNº 241x[?]",  # opener line split in D
    "x [[ [[two surnames illegible]] y [illegible [x] y]",  # gap desc holding a gap
    "the [email protected]3 October 1956",                 # space before the e-mail artefact
    "TOP SECRET\n\n[1] In the original.\n\n[1] In the original.",  # line-start [n] as marker
    "USSR AMBASSADOR IN THE DPRK [partial image of a stamp:\n\nIncoming Nº 05[[3]]\n\n"
    "30 July]",                                          # "]]" closed a column: TX199
    "USSR AMBASSADOR IN THE DPRK [faded USSR MFA Stamp: 02967ss\n\n29 July 1959]",  # dropped
    "3 October 1956\n\nROSHCHIN the\n\nAttachment: 2 pages",  # ab after entry divs
    "- coal [added by hand]\n\n- steel",                   # bullet item text dropped
    "3 October 1956 [I] [added by hand]",                 # B22 with no word before it
    "SOVIET EMBASSY [USSR MFA [USSR MFA Far East\n\nIN THE DPRK Registry stamp: Department "
    "stamp:\n\nNº 74-dv SECRET Incoming Nº 02217s Incoming Nº 05731-gs\n\n“3” March 1959 "
    "1[[1]] March 1959] 12 March 1959]\n\n[1] In the Polish original the word.",  # [[1]] marker
    "x [[人民公社] y [[Кто] z",                             # foreign swallowed an unclear
    "- coal\n\n[signature] (A. PUZANOV)\n\n——————\n\n[1] In the original.",  # p after closer
    "TOP SECRET [1]\n\n==========\n\n[1] In the original.",  # rule before footnotes kept
    "TOP SECRET [1]\n\n[signature] (A. PUZANOV) [1]\n\n[1] In the original.",  # duplicate id
    "RECORD OF CONVERSATION\n\nTime: 10:00\n\n3 October 1956\n\n[1] In the original.",
    "Time: 10:00\n\n3 October 1956 [I]",                   # opener line split into two ab
    "[[Верно",                                            # Russian paragraph, foreign+unclear
    "TOP SECRET\n\n3 October 1956 ]]",                       # B27a rest moved to a new line
    "TOP SECRET\n\n]] 3 October 1956",                       # B27a lost the line break
    "TOP SECRET [1]\n\n==========\n\n[1] In the original.\n\n" + SUMMARY,  # rule in the head
    "[signature] (A. PUZANOV) [1]\n\n——————\n\n(1) Raúl Roa García.",  # "[1]" printed "(1)"
    "3 October 1956 the[sic] x 7 [ sic] y",              # glued / spaced-inside [sic]
    "SOVIET EMBASSY [USSR MFA [USSR MFA Far East\n\nIN THE DPRK Registry stamp: Department "
    "stamp:\n\nNº 74-dv SECRET Incoming Nº 02217s Incoming Nº 05731-gs\n\n“3” March 1959 "
    "1[[1]] March 1959] 12 March 1959] [email protected]",  # e-mail artefact in a column row
    "IN THE DPRK Department stamp:\n\nIncoming Nº 05731-gs\n\n12 March 1959] [[",  # B19 unclosed
    "[ 1 - Cde. Gromyko",                                 # B8 note with a space inside '['
    "3 October 1956 the[a[I]",                            # no bracket inside <ex> (B4)
    "[signature] \xa0 (A. PUZANOV) [SIC]\n\n[1] In the Polish original the word.",  # sic + note
    "SOVIET EMBASSY [USSR MFA [USSR MFA Far East\n\nIN THE DPRK Registry stamp: Department "
    "stamp:\n\nNº 74-dv SECRET Incoming Nº 02217s Incoming Nº 05731-gs\n\n“3” March 1959 "
    "1[[1]] March 1959] 12 March 1959] [stamp: Incoming Nº 0521s of 1[[7]] March 1958]",  # B20
    "Level: Urgent the the the [and to inform him of the reply] [and to inform him of the "
    "reply]",                                             # brackets in a precedence line
    "3 October 1956\n\n3 October 1956 a[\n\na\n\n]] 3 October 1956",  # no <lb/> inside <ex>
    "[\n\nTOP SECRET —a]",                                # a B8 note keeps its line break
    "DPRK the [faded USSR MFA Stamp: 02967ss\n\n29 July 1959] 3 October 1956\n\n[1] In the "
    "Polish original the word.",                          # B20 detection (§3.2 step 1)
    "[signature] \xa0 (A. PUZANOV) [sic] [sic]",           # two [sic]: neither may vanish
    "3 October 1956 [[[illegible]",                       # L-2 "[[[" with a single-close gap
    "the [[[illegible]]] x",                              # L-2 around an illegible gap
    "x [[[email protected] 3 - to file",                  # "[[" took the e-mail artefact's "["
    "3 October 1956\n\nWIDERSKI2\n\n——————\n\n[1] In the Polish original the word.\n\n"
    "[2] 人民公社.",                                        # N8: texts in marker order (P7, TX331)
    "RECORD OF CONVERSATION*\n\n*[handwritten: not seen]\n\nI visited the Minister.",  # P8
    "I visited the Minister at his request.[3]\n\n[3] Kosygin's visit.\n\nThe plan.",  # P8
]


def _pinned(test):
    for text in REGRESSIONS:
        test = example(page=new_site(text))(test)
        test = example(page=text)(test)
    return test


# Derandomized so that CI runs the same examples every time (and stays green until the reader
# changes); run with --hypothesis-seed=random / more examples locally to hunt for new failures.
FUZZ = settings(max_examples=150, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@_pinned
@given(transcripts())
def test_fuzz_whole_converter(project_schema, page):
    check_transcript(page, [project_schema])


@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(transcripts(variants=True))
def test_fuzz_real_page_variants(project_schema, page):
    """The properties on the §7 variants: footnotes anywhere, closers with trailing lines,
    mid-document closers, one-line PDF pages."""
    check_transcript(page, [project_schema])


@pytest.mark.slow
@settings(max_examples=60, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(transcripts())
def test_fuzz_whole_converter_tei_all(project_schema, tei_all_schema, page):
    check_transcript(page, [project_schema, tei_all_schema])
