"""D (§6.5 "D rendering of the body") and R views on small fragments, and ``tei-tools text``."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tei_tools.cli import main
from tei_tools.safexml import parse_bytes
from tei_tools.text import diplomatic_lines, diplomatic_text, reading_text

WRAP = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>'
        '<div type="document">{}</div></body></text></TEI>')


def d(fragment: str) -> list[str]:
    return diplomatic_lines(parse_bytes(WRAP.format(fragment)))


def r(fragment: str, **kw) -> str:
    return reading_text(parse_bytes(WRAP.format(fragment)), **kw)


@pytest.mark.parametrize("fragment, lines", [
    ('<p>send <supplied reason="implicit">them</supplied> to</p>', ["send [them] to"]),
    ("<p>M<expan>F<ex>oreign</ex></expan> x</p>", ["MF[oreign] x"]),
    ('<p>examined<note type="query" place="inline">?</note>.</p>', ["examined[?]."]),
    ('<p>a <gap reason="editorial"/> b <gap reason="illegible"/> c '
     '<gap reason="illegible"><desc>2 illegible letters</desc></gap></p>',
     ["a […] b [illegible] c [2 illegible letters]"]),
    ('<p>to <gap reason="illegible" rend="single-close"><desc>illegible name</desc></gap></p>',
     ["to [[illegible name]"]),
    ('<p>to <gap reason="illegible" rend="single-close"/></p>', ["to [[illegible]"]),
    ('<p>Nº 0412<unclear reason="faded">6</unclear>s <unclear cert="low">N. K. Orlov</unclear> '
     'Ceau<unclear reason="encoding">Ceau?escu</unclear></p>',
     ["Nº 0412[[6]]s [[N. K. Orlov?]] CeauCeau?escu"]),
    ("<p><sic>12</sic> new</p>", ["12 [sic] new"]),
    ('<p><sic>7</sic> <note type="sic" place="inline">SIC</note> members</p>',
     ["7 [SIC] members"]),
    ('<p><hi rend="spaced">ROSHCHIN</hi>, <hi rend="spaced">Berlin</hi></p>',
     ["R O S H C H I N, B e r l i n"]),
    ('<opener><seg type="copy">Copy Nº <space unit="chars" quantity="3"/></seg></opener>',
     ["Copy Nº ___"]),
    ('<p>the 23<hi rend="superscript">rd</hi> Congress</p>', ["the 23rd Congress"]),
    ('<list rend="dash"><item>one;</item><item>two.</item></list>', ["- one;", "- two."]),
    ('<postscript><list type="distribution"><head>Five copies printed:</head>'
     '<label>1 -</label><item>Cde. Gromyko</item><label>2 -</label><item>to file</item></list>'
     '</postscript>', ["Five copies printed:", "1 - Cde. Gromyko", "2 - to file"]),
    ('<postscript><list type="distribution"><head>Copies:</head><item>Khrushchev - 1</item>'
     '<item>file - 1</item></list></postscript>', ["Copies: Khrushchev - 1, file - 1"]),
    ('<note type="distribution" place="top"><list type="distribution"><head>Copies:</head>'
     '<item>Comrade A</item><item>file</item></list></note>', ["Copies: Comrade A; file"]),
    ('<list type="participants"><head>Present:</head><item>A, Minister</item><item>B</item>'
     '</list>', ["Present: A, Minister; B"]),
    ('<list type="participants"><head>Participants:</head><item>Chinese side: A, B</item>'
     '<item>Vietnamese side: C</item></list>',
     ["Participants:", "Chinese side: A, B", "Vietnamese side: C"]),
    ('<opener><stamp type="incoming" rend="unopened"><note type="desc" place="inline">'
     '<orgName>Department</orgName> stamp:</note><lb/>Incoming Nº <idno>1</idno></stamp>'
     '<stamp type="other" rend="unclosed">x</stamp></opener>',
     ["Department stamp:", "Incoming Nº 1]", "[x"]),
    ('<p>cut <c type="stray-bracket">]</c> here</p>', ["cut ] here"]),
    ('<opener><seg type="registry">Nº <idno>133</idno></seg> <seg type="copy">Copy</seg>'
     '<dateline><date>31 May 1957</date></dateline></opener>',
     ["Nº 133 Copy", "31 May 1957"]),
    ('<closer><signed><figure type="signature"><figDesc>signature</figDesc></figure> '
     "(<persName>A. P</persName>)</signed></closer>", ["[signature] (A. P)"]),
    ('<p>Personal <add hand="#h.1">x <note type="desc" place="inline">added by hand</note></add>'
     '</p>', ["Personal x [added by hand]"]),
    ('<closer><note type="resolution" place="bottom" hand="#h.1"><note type="desc" '
     'place="inline">handwritten at the bottom:</note> to file.</note></closer>',
     ["[handwritten at the bottom: to file.]"]),
    ('<milestone unit="rule" type="equals"/><milestone unit="rule" type="asterisks"/>',
     ["==========", "**********"]),
    ('<p>a</p><pb n="2"/><p>b</p>', ["a", "[Page 2]", "b"]),
    ('<sp who="#sp.x"><speaker>Chen:</speaker><p>Welcome.</p><p>More.</p></sp>',
     ["Chen: Welcome.", "More."]),
    ('<sp who="#sp.x"><speaker>Cde. Kim:<lb/></speaker><p>We will.</p></sp>',
     ["Cde. Kim:", "We will."]),
])
def test_diplomatic_rules(fragment, lines):
    assert d(fragment) == lines


def test_footnotes_come_after_the_body_under_the_rule():
    lines = d('<p>communes<note type="footnote" n="1" place="bottom" rend="bracketed">In the '
              'original.</note> and Roa<note type="footnote" n="2" rend="parenthesised">Raúl Roa'
              '</note> trucks.<note type="footnote" n="x" rend="slash">Your reply <note '
              'type="editorial" place="inline">Ed. note: x.</note></note></p><p>End.</p>')
    assert lines == ["communes[1] and Roa(2) trucks.x/", "End.", "——————————",
                     "[1] In the original.", "(2) Raúl Roa", "x/ Your reply [Ed. note: x.]"]


def test_empty_footnote_keeps_its_marker_only():
    assert d('<p>a<note type="footnote" n="3" rend="bracketed"/></p>') == ["a[3]"]


def test_reading_view():
    text = r('<p><supplied reason="implicit">I</supplied> visited M<expan>F<ex>oreign</ex>'
             '</expan> the secure area <note type="orig-term" place="inline"><foreign>referentura'
             '</foreign></note> [sic]<note type="footnote" n="1">A note.</note></p>'
             '<closer><signed><figure type="signature"><figDesc>signature</figDesc></figure>'
             '</signed></closer>')
    assert text.splitlines() == ["I visited MForeign the secure area [sic][1]", "(signed)",
                                 "Notes", "[1] A note."]
    assert "[1]" not in r('<p>x<note type="footnote" n="1">A.</note></p>', append_notes=False)


def test_text_command(seed_reference, tmp_path):
    runner = CliRunner()
    result = runner.invoke(main, ["text", str(seed_reference)])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0] == "Nº 133 Copy Nº 2"
    assert "[partial image of a stamp:" in lines
    result = runner.invoke(main, ["text", str(seed_reference), "--view", "reading"])
    assert result.exit_code == 0 and "send them to the ministries" in result.output
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI><unclosed></TEI>")
    result = runner.invoke(main, ["text", str(bad)])
    assert result.exit_code == 2 and "bad.xml:1:" in result.output
    assert "Traceback" not in result.output


def test_diplomatic_text_of_the_reference_matches_the_seed(seed_reference, seed_transcript):
    from tei_tools.readers.transcript.roundtrip import check
    from tei_tools.safexml import parse_file
    assert check(parse_file(seed_reference), seed_transcript.read_bytes(),
                 "puzanov-1957-05-23.txt") == []
    assert diplomatic_text(parse_file(seed_reference)).endswith("31 May 1957\n")


def test_very_deep_trees_give_a_clear_error():
    from lxml import etree
    root = parse_bytes(WRAP.format("<p>x</p>"))
    p = root.find(".//{http://www.tei-c.org/ns/1.0}p")
    for _ in range(5000):
        p = etree.SubElement(p, "{http://www.tei-c.org/ns/1.0}hi")
    with pytest.raises(ValueError, match="nested too deeply"):
        diplomatic_lines(root)


def test_long_lines_render_in_linear_time():
    import time
    fragment = "<p>" + '<supplied reason="implicit">x</supplied> word ' * 50_000 + "</p>"
    started = time.perf_counter()
    lines = d(fragment)
    assert len(lines) == 1 and lines[0].count("[x]") == 50_000
    assert time.perf_counter() - started < 10


def test_views_take_a_file_as_the_api_documents(tmp_path, seed_reference):
    """README: ``tei_tools.diplomatic_text(Path("tei/….xml"))``; the file is parsed safely."""
    import tei_tools
    from tei_tools.diagnostics import TeiToolsError
    from tei_tools.safexml import parse_file

    tree = parse_file(seed_reference)
    assert tei_tools.diplomatic_text(seed_reference) == diplomatic_text(tree)
    assert tei_tools.reading_text(str(seed_reference)) == reading_text(tree)
    bomb = tmp_path / "bomb.xml"
    bomb.write_text('<!DOCTYPE TEI [<!ENTITY a "aaaa">]><TEI/>', "utf-8")
    with pytest.raises(TeiToolsError) as caught:
        diplomatic_text(bomb)
    assert caught.value.diagnostic.code == "XML002"


def test_P10_diplomatic_view_of_unbracketed_and_label_only_stamps():
    from tei_tools.text import diplomatic_lines
    tei = ('<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div><opener>'
           '<stamp type="declassification" rend="unbracketed">Reason: x<lb/>Date: y</stamp>'
           '<stamp type="declassification" rend="label-only"><note type="desc" place="inline">'
           'Stamp</note>: Declassified</stamp><note type="handwritten" rend="label-only">'
           '<note type="desc" place="inline">Handwritten text:</note> Seen</note></opener>'
           '<p>z</p></div></body></text></TEI>')
    from tei_tools.safexml import parse_bytes
    lines = diplomatic_lines(parse_bytes(tei.encode()))
    assert lines[:4] == ["Reason: x", "Date: y", "[Stamp]: Declassified",
                         "[Handwritten text:] Seen"]
