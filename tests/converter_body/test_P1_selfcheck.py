"""Issue 13 item 3 / §7 P1: closing-zone lines left in the body are reported (TX450)."""

from __future__ import annotations

from bodytools import build, codes

PROSE = "This sentence is long enough to be a paragraph of the body of the document.\n\n"


def _tx450(text: str) -> list[str]:
    _, ctx = build(text)
    return [d.message for d in ctx.diagnostics if d.code == "TX450"]


def test_P1_selfcheck_placeholder_in_a_body_paragraph():
    found = _tx450(PROSE + "He left, and [signature] the next paragraph goes on.\n\n" + PROSE)
    assert found and "signature placeholder" in found[0]


def test_P1_selfcheck_numbered_recipients_in_the_body():
    text = PROSE + "1 - Cde. Gromyko and the others present\n\n2 - to file for the record\n\n" \
        + PROSE
    assert len(_tx450(text)) == 2


def test_P1_selfcheck_copy_count_sentence_before_prose_is_body_text():
    text = PROSE + "Three copies for the comrades.\n\nA heading\n\n" + PROSE
    assert _tx450(text) == []


def test_P1_selfcheck_a_recognised_closing_zone_is_silent():
    text = (PROSE + "[signature] (A. PUZANOV)\n\n"
            "Five copies printed:\n1 - Cde. Gromyko\n2 - to file\n")
    _, ctx = build(text)
    assert "TX450" not in codes(ctx)
    assert "TX450" in {d.code for d in build(PROSE + "[signature] in the middle of a sentence "
                                             "that goes on and on\n\n" + PROSE)[1].diagnostics}


def test_P1_selfcheck_slash_placeholder_and_ordinal_recipients_in_the_body():
    found = _tx450(PROSE + "/signature/\n\n" + PROSE + "1st to the Ministry\n\n3rd to file\n\n"
                   + PROSE)
    assert len(found) == 3 and "signature placeholder" in found[0]
