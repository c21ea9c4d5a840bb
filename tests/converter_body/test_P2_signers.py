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


def test_P2_expansion_stays_inside_the_signer_name():
    s = closer_of("Ambassador of the USSR to the DRV\n[Signature] I[lya]. Shcherbakov")
    assert '<persName><expan>I<ex resp="#tr">lya</ex></expan>. Shcherbakov</persName>' in s
    assert "<roleName>Ambassador of the USSR to the DRV</roleName>" in s


def test_P2_addressee_block_after_the_signature():
    s = closer_of("With comradely greetings\n[Signature: illegible]\nEsteemed Comrade\n"
                  "Vladimír Koucký\nSecretary of the Central Committee\nof the CPCz\nPrague")
    assert ('<seg type="to">Esteemed Comrade<lb/>Vladimír Koucký<lb/>Secretary of the Central '
            'Committee<lb/>of the CPCz<lb/>Prague</seg>') in s
    assert s.index("<signed>") < s.index('<seg type="to">')


def test_P2_bare_name_with_time_and_supplied_year_under_it():
    s = closer_of("Zhou Enlai\n11:00 p.m., 19 June [1954]")
    assert "<signed><persName>Zhou Enlai</persName><lb/>11:00 p.m., " in s
    assert '<date when="1954-06-19">19 June <supplied' in s


def test_P2_institution_signs_as_orgName():
    s = closer_of("Central Committee\n20 June [1954]\n[...]")
    assert "<signed><orgName>Central Committee</orgName><lb/>" in s
    assert '<date when="1954-06-20">' in s


def test_P2_bare_name_alone_after_prose_is_no_signer_without_date():
    body, _ = build(BODY + "Central Committee\nThis is the last sentence of the body text.")
    assert "<closer" not in xml(body.div)
