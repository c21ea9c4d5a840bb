"""The Schematron compiler: the ISO features users' .sch files rely on, on saxonche."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_tools import safexml
from tei_tools.diagnostics import Severity, TeiToolsError
from tei_tools.validation import schematron

DOC = """<doc xmlns="urn:t">
  <item n="1" kind="a">one</item>
  <item n="2" kind="b">two</item>
  <item n="2" kind="c">three</item>
  <group><item n="x" kind="a">four</item></group>
</doc>
"""

SCHEMA = """<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform" queryBinding="{binding}"
    defaultPhase="{default}">
  <sch:ns prefix="t" uri="urn:t"/>
  <xsl:key name="by-n" match="t:item" use="@n"/>
  <sch:let name="limit" value="3"/>
  <sch:phase id="numbers"><sch:active pattern="numbers"/></sch:phase>
  <sch:phase id="counts">
    <sch:let name="expected" value="4"/>
    <sch:active pattern="counts"/>
  </sch:phase>
  <sch:pattern id="numbers">
    <sch:let name="all" value="//t:item"/>
    <sch:rule abstract="true" id="numbered">
      <sch:let name="num" value="@n"/>
      <sch:assert id="N1" test="$num castable as xs:integer" diagnostics="fix-n">item
        <sch:value-of select="$num"/> is not a number (<sch:name/>)</sch:assert>
    </sch:rule>
    <sch:rule context="t:group/t:item">
      <sch:extends rule="numbered"/>
      <sch:report id="N2" role="warning" test="true()">nested <sch:emph>item</sch:emph>
        of <sch:name path=".."/></sch:report>
    </sch:rule>
    <sch:rule context="t:item">
      <sch:extends rule="numbered"/>
      <sch:assert id="N3" role="info" test="count(key('by-n', @n)) = 1">n=<sch:value-of
        select="@n"/> is used <sch:value-of select="count(key('by-n', @n))"/> times of
        <sch:value-of select="count($all)"/></sch:assert>
    </sch:rule>
  </sch:pattern>
  <sch:pattern abstract="true" id="max">
    <sch:rule context="$parent">
      <sch:assert id="$rid" test="count($child) le $limit">too many</sch:assert>
    </sch:rule>
  </sch:pattern>
  <sch:pattern id="counts" is-a="max">
    <sch:param name="parent" value="t:doc"/>
    <sch:param name="child" value="descendant::t:item"/>
    <sch:param name="rid" value="C1"/>
  </sch:pattern>
  <sch:pattern id="phase-let">
    <sch:rule context="t:doc">
      <sch:report id="P1" test="true()">limit <sch:value-of select="$limit"/></sch:report>
    </sch:rule>
  </sch:pattern>
  <sch:include href="included.sch"/>
  <sch:diagnostics>
    <sch:diagnostic id="fix-n">write a number in @n, not "<sch:value-of select="@n"/>"
    </sch:diagnostic>
  </sch:diagnostics>
</sch:schema>
"""

INCLUDED = """<sch:pattern xmlns:sch="http://purl.oclc.org/dsdl/schematron" id="kinds">
  <sch:rule context="t:item/@kind">
    <sch:assert id="K1" test=". = ('a', 'b')">kind <sch:value-of select="."/></sch:assert>
  </sch:rule>
</sch:pattern>
"""


def _run(tmp_path: Path, phase: str | None = None, binding: str = "xslt3",
         default: str = "#ALL"):
    sch = tmp_path / f"rules-{binding}-{default.strip('#')}.sch"
    sch.write_text(SCHEMA.format(binding=binding, default=default))
    (tmp_path / "included.sch").write_text(INCLUDED)
    doc = tmp_path / "doc.xml"
    doc.write_text(DOC)
    compiled = schematron.compile_schematron(sch, phase)
    return schematron.run(compiled, safexml.parse_file(doc), str(doc), DOC)


def test_all_patterns(tmp_path):
    found = {(d.code, d.line) for d in _run(tmp_path)}
    assert found == {("N1", 5), ("N2", 5), ("N3", 3), ("N3", 4), ("K1", 4), ("C1", 1),
                     ("P1", 1)}


def test_messages_roles_and_diagnostics(tmp_path):
    by_code = {d.code: d for d in _run(tmp_path)}
    assert by_code["N1"].message == "item x is not a number (item)"
    assert by_code["N1"].hint == 'write a number in @n, not "x"'
    assert by_code["N1"].severity is Severity.ERROR
    assert by_code["N2"].message == "nested item of group"
    assert by_code["N2"].severity is Severity.WARNING
    assert by_code["N3"].severity is Severity.INFO
    assert by_code["N3"].message == "n=2 is used 2 times of 4"   # pattern let, xsl:key
    assert by_code["K1"].message == "kind c"                      # attribute context
    assert by_code["P1"].message == "limit 3"                     # schema let


def test_first_matching_rule_of_a_pattern_wins(tmp_path):
    nested = [d for d in _run(tmp_path) if d.line == 5]
    assert "N3" not in {d.code for d in nested}


def test_columns_point_at_the_element(tmp_path):
    [diag] = [d for d in _run(tmp_path) if d.code == "N1"]
    assert DOC.splitlines()[diag.line - 1][diag.col - 1:].startswith("<item")


def test_phases(tmp_path):
    assert {d.code for d in _run(tmp_path, "numbers")} == {"N1", "N2", "N3"}
    assert {d.code for d in _run(tmp_path, "counts")} == {"C1"}
    assert {d.code for d in _run(tmp_path, default="counts")} == {"C1"}
    with pytest.raises(TeiToolsError, match="no phase"):
        _run(tmp_path, "nope")


def test_xslt2_binding(tmp_path):
    assert {d.code for d in _run(tmp_path, binding="xslt2")} >= {"N1", "K1"}


def test_unsupported_binding_is_refused(tmp_path):
    with pytest.raises(TeiToolsError, match="queryBinding"):
        _run(tmp_path, binding="stx")


def test_bad_xpath_is_a_clear_error(tmp_path):
    sch = tmp_path / "bad.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                   '<pattern><rule context="*"><assert test="((">x</assert></rule></pattern>'
                   "</schema>")
    with pytest.raises(TeiToolsError) as info:
        schematron.compile_schematron(sch)
    assert info.value.diagnostic.code == "SCH004"


def test_compiled_once_per_process(tmp_path):
    sch = tmp_path / "once.sch"
    sch.write_text(SCHEMA.format(binding="xslt3", default="#ALL"))
    (tmp_path / "included.sch").write_text(INCLUDED)
    assert schematron.compile_schematron(sch) is schematron.compile_schematron(sch)


def test_embedded_schematron_of_tei_all(tei_all_rng, tmp_path):
    """TEI's own constraints (embedded in tei_all.rng) run like any .sch file."""
    doc = tmp_path / "tei.xml"
    doc.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>'
                   '<p><ref target="#a" cRef="b">x</ref></p></body></text></TEI>')
    compiled = schematron.compile_schematron(tei_all_rng)
    found = schematron.run(compiled, safexml.parse_file(doc), str(doc))
    assert any("cRef" in d.message for d in found)


def test_pattern_lets_with_the_same_name(tmp_path):
    sch = tmp_path / "lets.sch"
    sch.write_text("""<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt3">
      <ns prefix="t" uri="urn:t"/>
      <pattern id="a"><let name="n" value="count(//t:item)"/>
        <rule context="t:doc"><report id="A" test="true()"><value-of select="$n"/></report>
        </rule></pattern>
      <pattern id="b"><let name="n" value="count(//t:group)"/>
        <rule context="t:group/t:item"><report id="B" test="true()"><value-of select="$n"/>
        </report></rule></pattern></schema>""")
    doc = tmp_path / "doc.xml"
    doc.write_text(DOC)
    found = schematron.run(schematron.compile_schematron(sch), safexml.parse_file(doc), "d")
    assert {(d.code, d.message) for d in found} == {("A", "4"), ("B", "1")}


def test_relative_uris_resolve_next_to_the_schema(tmp_path):
    """The generated XSLT is compiled from memory; doc() still resolves against the .sch."""
    (tmp_path / "allowed.xml").write_text("<list><ok/></list>", "utf-8")
    sch = tmp_path / "rules.sch"
    sch.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                   '<pattern><rule context="/*"><assert id="R1" test="doc(\'allowed.xml\')//ok">'
                   "allowed.xml not read</assert></rule></pattern></schema>", "utf-8")
    compiled = schematron.compile_schematron(sch)
    assert schematron.run(compiled, safexml.parse_bytes(b"<doc/>"), "doc.xml") == []
