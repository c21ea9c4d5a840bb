"""Round-trip invariant (conventions.md §6.5) for every corpus file and the seed:
the diplomatic view D of the converted body equals the transcript's document text under the
normalisations N1–N9 (``tei_tools.readers.transcript.roundtrip``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_tools.readers.transcript import read_transcript
from tei_tools.readers.transcript.roundtrip import check
from tei_tools.safexml import NS, parse_bytes

DATA = Path(__file__).resolve().parent / "data"
FILES = sorted((DATA / "corpus").glob("*.txt")) + [DATA / "puzanov-1957-05-23.txt"]

# Files whose body encoding does not yet let D reproduce the transcript. Each reason names the
# body behaviour; remove the entry when the body is fixed (the test then passes).
BODY_NOT_FINISHED = {
    "02-journal-yudin-1958-02.txt": "L6: the place line 'Beijing' is moved into the first "
    "entry's dateline past the '[...]' that stands between them, so D cannot restore the order",
    "03-journal-puzanov-1959-07.txt": "L6: the place line 'Pyongyang' is moved into the first "
    "entry's dateline past the '[…]' that stands between them",
    "07-memcon-puzanov-kimilsung-1961-04.txt": "L10: a label alone on its line ('Cde. Kim Il "
    "Sung:') is encoded like 'Name: text'; D needs <lb/> at the end of <speaker> to tell them "
    "apart",
    "09-memcon-sed-cuba-1964-03.txt": "L10: label-alone speaker turns ('Comrade Florin:') are "
    "encoded like 'Name: text'; D needs <lb/> at the end of <speaker>",
    "14-note-poland-beijing-1959-03.txt": "B8: the '[poufne—confidential]' note stands directly "
    "in the opener, where §6.5 gives it a line of its own; it belongs in the registry seg",
}


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_diplomatic_view_reproduces_the_transcript(path, request):
    if path.name in BODY_NOT_FINISHED:
        request.applymarker(pytest.mark.xfail(reason=BODY_NOT_FINISHED[path.name], strict=False))
    data = path.read_bytes()
    result = read_transcript(data, path.name)
    assert result.tei is not None, [d.format() for d in result.diagnostics]
    problems = check(result.tei, data, path.name)
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_no_nbsp_and_no_literal_brackets_in_the_body(path):
    result = read_transcript(path.read_bytes(), path.name)
    assert result.tei is not None
    assert "\u00a0".encode() not in result.tei
    tree = parse_bytes(result.tei)
    texts = tree.xpath("//t:body//text()[not(ancestor::t:c[@type='stray-bracket'])]",
                       namespaces=NS)
    assert not [t for t in texts if "[" in t or "]" in t]
