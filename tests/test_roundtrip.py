"""Round-trip invariant (conventions.md §6.5) for every corpus file and the seed:
the diplomatic view D of the converted body equals the transcript's document text under the
normalisations N1–N9 (``tei_tools.readers.transcript.roundtrip``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import pending

from tei_tools.readers.transcript import read_transcript
from tei_tools.readers.transcript.roundtrip import check
from tei_tools.safexml import NS, parse_bytes

DATA = Path(__file__).resolve().parent / "data"
FILES = sorted((DATA / "corpus").glob("*.txt")) + [DATA / "puzanov-1957-05-23.txt"]

@pytest.mark.parametrize("path", pending.params(FILES, "roundtrip"))
def test_diplomatic_view_reproduces_the_transcript(path):
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
