"""Every XML entry point refuses external entities, DTD fetching and entity bombs."""

from __future__ import annotations

import pytest

from tei_tools import saxon
from tei_tools.diagnostics import TeiToolsError
from tei_tools.safexml import parse_bytes, parse_file

XXE = b"""<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>&secret;</p></TEI>"""

EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE TEI SYSTEM "http://tei-tools.invalid/never-fetched.dtd">
<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>ok</p></TEI>"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<lolz>&lol9;</lolz>"""

QUADRATIC = (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "' + b"x" * 50_000 + b'">]><r>'
             + b"&a;" * 5_000 + b"</r>")


@pytest.mark.parametrize("payload", [XXE, BILLION_LAUGHS, QUADRATIC],
                         ids=["xxe-local-file", "billion-laughs", "quadratic-blowup"])
def test_entity_declarations_are_refused(payload):
    with pytest.raises(TeiToolsError) as caught:
        parse_bytes(payload, "evil.xml")
    diag = caught.value.diagnostic
    assert diag.code == "XML002"
    assert diag.path == "evil.xml"
    assert "entit" in diag.message


def test_external_dtd_is_not_fetched(monkeypatch):
    # lxml would need the network to load it; no_network + load_dtd=False means it never tries
    tree = parse_bytes(EXTERNAL_DTD, "dtd.xml")
    assert tree.getroot()[0].text == "ok"


def test_syntax_error_names_line_and_column(tmp_path):
    bad = tmp_path / "bad.xml"
    bad.write_text("<TEI>\n  <p>unclosed\n</TEI>\n", encoding="utf-8")
    with pytest.raises(TeiToolsError) as caught:
        parse_file(bad)
    diag = caught.value.diagnostic
    assert diag.code == "XML001"
    assert diag.path == str(bad)
    assert diag.line == 3 and diag.col is not None
    assert diag.hint


def test_missing_file_is_a_clear_error(tmp_path):
    with pytest.raises(TeiToolsError) as caught:
        parse_file(tmp_path / "nope.xml")
    assert caught.value.diagnostic.code == "IO001"


def test_saxon_does_not_resolve_external_entities(tmp_path):
    """saxonche resolves external entities by default; our processor must not."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET", encoding="utf-8")
    sheet = tmp_path / "copy.xsl"
    sheet.write_text('<xsl:stylesheet version="3.0" '
                     'xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                     '<xsl:template match="/"><out><xsl:value-of select="."/></out>'
                     "</xsl:template></xsl:stylesheet>", encoding="utf-8")
    doc = (f'<!DOCTYPE r [<!ENTITY x SYSTEM "{secret.as_uri()}">]><r>a&x;b</r>')
    node = saxon.processor().parse_xml(xml_text=doc)
    result = saxon.compile_stylesheet(sheet).transform_to_string(xdm_node=node)
    assert "TOP-SECRET" not in result


def test_stylesheet_is_compiled_once_however_its_path_is_spelt(tmp_path, monkeypatch):
    """build_site compiles document.xsl as a Path and its workers ask for it as a str."""
    sheet = tmp_path / "once.xsl"
    sheet.write_text('<xsl:stylesheet version="3.0" '
                     'xmlns:xsl="http://www.w3.org/1999/XSL/Transform"/>', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = saxon.compile_stylesheet(sheet)
    assert saxon.compile_stylesheet(str(sheet)) is first
    assert saxon.compile_stylesheet("once.xsl") is first


def test_options_cannot_switch_the_safe_settings_off(tmp_path):
    (tmp_path / "secret.dtd").write_text('<!ENTITY x "TOP-SECRET">', encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text('<!DOCTYPE r SYSTEM "secret.dtd"><r>&x;</r>', encoding="utf-8")
    with pytest.raises(TeiToolsError) as caught:
        parse_file(doc, resolve_entities=True, load_dtd=True, no_network=False)
    # the DTD was not loaded, so &x; stayed an unresolved reference, which is refused
    assert caught.value.diagnostic.code == "XML003"
    assert "TOP-SECRET" not in caught.value.diagnostic.format()


def test_stylesheet_error_is_not_buried_under_warnings(tmp_path):
    sheet = tmp_path / "broken.xsl"
    sheet.write_text('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                     '<xsl:template match="/"><xsl:value-of select="exists(a | div)"/>'
                     '<xsl:value-of select="(("/></xsl:template></xsl:stylesheet>', "utf-8")
    with pytest.raises(TeiToolsError) as caught:
        saxon.compile_stylesheet(sheet)
    message = caught.value.diagnostic.message
    assert caught.value.diagnostic.code == "XSL001" and "XPST0003" in message
    assert "Warning" not in message and "SXWN9040" not in message
