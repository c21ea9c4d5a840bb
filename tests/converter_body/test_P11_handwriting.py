"""§7 P11: variants of the handwriting label (B21, A.8)."""

from __future__ import annotations

from bodytools import build, xml

PROSE = "This sentence is long enough to be a paragraph of the body, it says: "


def test_P11_handwriting_partly_off_the_page_label():
    body, _ = build(PROSE + "x.\n[handwriting partly off the page: to Cde. Samsonov for the "
                    "information on trade]")
    s = xml(body.div)
    assert '<note type="resolution" place="margin" hand="#h.1">' in s
    assert ('<note type="desc" place="inline" resp="#tr">handwriting partly off the page:'
            '</note>') in s


def test_P11_handwritten_text_label():
    body, _ = build(PROSE + "the plan [Handwritten text: agreed] was sent.")
    s = xml(body.div)
    assert '<add hand="#h.1">' in s and 'resp="#tr">Handwritten text:</note>' in s
    assert "<supplied" not in s


def test_P11_handwriting_in_pencil_label():
    body, _ = build(PROSE + "x.\n[Handwriting in pencil: Seen]")
    assert 'resp="#tr">Handwriting in pencil:</note>' in xml(body.div)
