"""§7 P2 (with B17, L19): the signature-placeholder grammar, defined once
(``tei_tools/readers/transcript/signatures.py``), and the wider signature-block forms."""

from __future__ import annotations

import pytest
from bodytools import build, xml

from tei_tools.readers.transcript import signatures

BODY = ("This sentence is long enough to be a paragraph of the body, and it ends here.\n"
        "We ask your instructions.\n")


def closer_of(text: str) -> str:
    body, _ = build(BODY + text)
    s = xml(body.div)
    return s[s.find("<closer"):] if "<closer" in s else ""


@pytest.mark.parametrize("content", ["signature", "Signature", "sign", "illegible signature",
                                     "Illegible signature", "unknown signature",
                                     "signature: illegible", "Signature: illegible",
                                     "signature illegible"])
def test_P2_placeholder_bracket_contents(content):
    assert signatures.BRACKET_CONTENT.match(content)


@pytest.mark.parametrize("text", ["signed", "signatures", "sign here", "signature of the pact"])
def test_P2_not_a_placeholder(text):
    assert not signatures.BRACKET_CONTENT.match(text)
    assert not signatures.IN_TEXT.search(f"[{text}]")


@pytest.mark.parametrize("line", ["USSR AMBASSADOR [signature] /V. IVANOV/", "/signature/",
                                  "(illegible signature)", "Ambassador: [sign]"])
def test_P2_placeholder_in_raw_text(line):
    assert signatures.IN_TEXT.search(line)


def test_P2_slash_placeholder_is_a_signature_figure():
    s = closer_of("USSR CHARGÉ D'AFFAIRES IN KOREA\n/signature/\nG. TUNKIN")
    assert '<figure type="signature" rend="slashes"><figDesc>signature</figDesc></figure>' in s
    assert "<persName>G. TUNKIN</persName>" in s


def test_P2_unknown_signature_is_a_figure_not_supplied():
    s = closer_of("Ambassador\n[unknown signature]")
    assert '<figure type="signature"><figDesc>unknown signature</figDesc></figure>' in s


def test_P2_signature_colon_illegible_is_a_gap():
    s = closer_of("Head of Department\n[Signature: illegible]")
    assert '<gap reason="illegible" resp="#tr"><desc>Signature: illegible</desc></gap>' in s
