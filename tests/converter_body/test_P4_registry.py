"""§7 P4 (with L21, L1, L3): registry lines — either order, a final full stop, relative and
year-first dates, a page count, a number alone, ``Outgoing Nº`` in the head zone."""

from __future__ import annotations

from bodytools import build, xml

from tei_tools.readers.transcript.body.closing import grammar as G

BODY = ("This sentence is long enough to be a paragraph of the body, and it ends here.\n"
        "We ask your instructions.\n")


def zone(text: str, **hints) -> str:
    body, _ = build(BODY + text, **hints)
    s = xml(body.div)
    return s[s.find("</p>", s.find("We ask")) + 4:]


def test_P4_final_full_stop_is_no_part_of_the_number():
    s = zone("RAZUVAEV\nNo. 412/sh.\n16 March 1951")
    assert ('<ab type="outgoing-registry">No. <idno type="outgoing">412/sh</idno>.<lb/>'
            '<date when="1951-03-16">16 March 1951</date></ab>') in s


def test_P4_relative_year_is_part_of_the_date():
    s = zone("RAZUVAEV\nNo. 412/sh.\n16 March of this year")
    assert "<lb/><date>16 March of this year</date></ab>" in s


def test_P4_number_alone_with_page_count():
    s = zone("[signature] M. Suslov\nNº 71-op (2 pages)")
    assert '<ab type="outgoing-registry">Nº <idno type="outgoing">71-op</idno> (2 pages)</ab>' in s


def test_P4_registry_line_grammar():
    assert G.REGISTRY_LINE.match("Nº 598").group("num") == "598"
    assert G.REGISTRY_LINE.match("No. 412/sh.").group("num") == "412/sh"
    assert G.REGISTRY_LINE.match("Nr 0-112/66").group("num") == "0-112/66"
    assert not G.REGISTRY_LINE.match("November 1956")


def test_P4_outgoing_number_in_the_head_zone():
    body, _ = build("TOP SECRET\n30 May 1969\nOutgoing Nº 241\n"
                    "I was received by the Deputy Minister at my request, and we spoke at length.")
    seg = '<seg type="registry">Outgoing Nº <idno type="outgoing">241</idno></seg>'
    assert seg in xml(body.div)


def test_P2_place_and_year_first_date_before_the_signer():
    s = zone("Pyongyang, 1956 March 14.\nKároly Pongrácz\nChargé d'Affaires ad interim")
    assert ('<closer><dateline><placeName>Pyongyang</placeName>, '
            '<date when="1956-03-14">1956 March 14</date>.</dateline><signed>') in s
