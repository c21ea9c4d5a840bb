"""Every corpus file: the whole reader runs, the TEI is valid against TEI All, the body keeps
no literal bracket outside ``c[@type='stray-bracket']``; the seed's body equals the reference."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from lxml import etree
from support import pending

from tei_tools.readers.transcript import read_transcript
from tei_tools.readers.transcript.body import build_body
from tei_tools.readers.transcript.context import Context

DATA = Path(__file__).resolve().parent.parent / "data"
FILES = sorted((DATA / "corpus").glob("*.txt")) + [DATA / "puzanov-1957-05-23.txt"]
TEI = "{http://www.tei-c.org/ns/1.0}"


def body_text_without_strays(tei: etree._Element) -> str:
    body = tei.find(f".//{TEI}body")
    copy = etree.fromstring(etree.tostring(body))
    for c in copy.iter(f"{TEI}c"):
        if c.get("type") == "stray-bracket":
            c.text = ""
    return "".join(copy.itertext())


@pytest.mark.parametrize("path", pending.params(FILES, "tei-all"))
def test_corpus_file_is_valid_TEI_All(path, tei_all):
    result = read_transcript(path.read_bytes(), path.name)
    assert result.tei is not None, [d.format() for d in result.diagnostics]
    doc = etree.fromstring(result.tei)
    assert tei_all.validate(doc), str(tei_all.error_log)[:2000]
    assert not re.search(r"[\[\]]", body_text_without_strays(doc))
    assert not any(d.code == "TX199" for d in result.diagnostics)


def test_seed_body_equals_reference():
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "support"))
    import canon  # noqa: E402  (test support, not a package)

    result = read_transcript((DATA / "puzanov-1957-05-23.txt").read_bytes(),
                             "puzanov-1957-05-23.txt")
    ours = etree.fromstring(result.tei).find(f".//{TEI}div")
    ref = etree.parse(str(DATA / "puzanov-1957-05-23.xml")).find(f".//{TEI}div")
    out = Path(__file__).resolve().parent / ".tmp"
    out.mkdir(exist_ok=True)
    (out / "a.xml").write_bytes(etree.tostring(ref))
    (out / "b.xml").write_bytes(etree.tostring(ours))
    assert canon.normalise(out / "a.xml") == canon.normalise(out / "b.xml")


def test_build_body_is_deterministic():
    from bodytools import lines_of
    text = (DATA / "corpus").glob("15-*.txt").__next__().read_text(encoding="utf-8")
    a = build_body(lines_of(text), Context("d"))
    b = build_body(lines_of(text), Context("d"))
    assert etree.tostring(a.div) == etree.tostring(b.div)
