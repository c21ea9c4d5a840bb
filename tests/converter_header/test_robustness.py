"""Arbitrary input never crashes the source, wrapper, header or assembly stages (§6.1 rule 1):
it either converts or raises a user-facing TeiToolsError."""

from __future__ import annotations

from types import SimpleNamespace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools.diagnostics import TeiToolsError
from tei_tools.readers.transcript.assemble import assemble
from tei_tools.readers.transcript.body.facts import BodyFacts
from tei_tools.readers.transcript.context import Context
from tei_tools.readers.transcript.profiles import get_profile
from tei_tools.readers.transcript.source import decode
from tei_tools.safexml import TEI_NS, parse_bytes

WRAPPER_LINES = [
    "Skip to content", "Search in", "May 23, 1957", "December 01, 1949", "Document Information",
    "Source", "Rights", "Type", "Language", "Record ID", "Original Uploaded Date",
    "Original Archive", "Original Classification", "Top Secret", "Diary Entry", "English",
    "2014-03-11", "119423", "Author(s):", "Related Documents", "  • Citation", "    get citation",
    "English HTML", "(Not yet proofread)", "CITATION SHARE DOWNLOAD", "Total Page:3",
    "This document was made possible with support from Korea Foundation and X",
    "AVPRF F. 0102, Op. 13, Listy 44-113. Translated for NKIDP by Gary Goldberg.",
    '    "A title," May 07, 1968, History and Public Policy Program Digital Archive, TsDA, '
    "Fond 1. Translated by A.",
    "Digital Archive digitalarchive.wilsoncenter.org May 2, 1960 T Citation: x Summary: y "
    "Credits: z Contents: English Translation rest",
    "The History and Public Policy Program welcomes reuse of Digital Archive materials",
    "To enquire about this document's rights status [email protected]", "the 23", "rd x",
    "", " ", "\u00a0", "\t",
]
line = st.one_of(st.sampled_from(WRAPPER_LINES), st.text(max_size=40))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(line, max_size=25), st.sampled_from(["\n", "\r\n", "\r"]),
       st.sampled_from(["wilson-center", "bare"]))
def test_wrapper_and_header_never_crash(lines, newline, profile_name):
    ctx = Context("doc", path="doc.txt")
    data = newline.join(lines).encode("utf-8", "surrogatepass")
    profile = get_profile(profile_name)
    try:
        wrapper = profile.split(decode(data, ctx), ctx)
    except TeiToolsError as exc:
        assert exc.diagnostic.code in {"TX101", "TX103"}
        return
    for doc_line in wrapper.document_lines:
        assert "\u00a0" not in doc_line.text
        assert doc_line.text == doc_line.text.strip(" \t")
        for index in range(len(doc_line.text)):
            number, col = doc_line.pos(index)
            assert number >= 1 and col >= 1
    div = etree.Element(f"{{{TEI_NS}}}div", type="document")
    etree.SubElement(div, f"{{{TEI_NS}}}p").text = "x"
    out = assemble(profile.build_header(wrapper, BodyFacts(), ctx), SimpleNamespace(div=div), ctx)
    parse_bytes(out)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_decode_or_fail_cleanly(data):
    ctx = Context("doc", path="doc.txt")
    try:
        source = decode(data, ctx)
    except TeiToolsError as exc:
        assert exc.diagnostic.code in {"TX101", "TX103"}
        if exc.diagnostic.code == "TX101":
            assert exc.diagnostic.line >= 1 and exc.diagnostic.col >= 1
        return
    text = "".join(line.text for line in source.lines)
    etree.Element("x").text = text  # XML can hold every character that survives decoding
