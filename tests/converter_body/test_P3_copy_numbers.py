"""§7 P3: a count line continued by the copies it names ("Three copies printed. Nº 3 to file.")
records the copy numbers, and the count rule (TT-DIST-COUNT) accepts a list that names its
copies by number and leaves some out, never one that names a copy beyond the count."""

from __future__ import annotations

import pytest
from bodytools import build, xml

from tei_tools.readers.transcript import read_transcript
from tei_tools.readers.transcript.context import ReaderSettings
from tei_tools.validation import validate

PROSE = "This sentence is long enough to be a paragraph of the body, and it ends here.\n\n"


def test_P3_inline_count_line_item_records_its_copy_number():
    body, _ = build(PROSE + "Nº 3320\n\n7 December 1950.\n\nThree copies printed. Nº 3 to file.")
    assert ('<list type="distribution"><head>Three copies printed.</head>'
            '<item n="3">Nº 3 to file.</item></list>') in xml(body.div)


@pytest.mark.parametrize("copy, warnings", [("3", 0), ("4", 1)])
def test_P3_count_rule_accepts_named_copies_up_to_the_count(tmp_path, copy, warnings):
    text = PROSE + f"Nº 3320\n\n7 December 1950.\n\nThree copies printed. Nº {copy} to file.\n"
    result = read_transcript(text, "copies.txt", settings=ReaderSettings(profile="bare"))
    assert result.tei is not None
    (tmp_path / "copies.xml").write_bytes(result.tei)
    report = validate([tmp_path / "copies.xml"])
    assert [d.code for d in report.diagnostics].count("TT-DIST-COUNT") == warnings
