"""tei-tools validate: exit codes, report formats, user schemas, xml-model, hostile input."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from lxml import etree
from support import pending

from tei_tools.cli import main
from tei_tools.validation import validate

FIXTURES = Path(__file__).resolve().parent / "fixtures"
GOOD = FIXTURES / "rng" / "valid-minimal.xml"
BAD = FIXTURES / "sch" / "TT-PTR-RESP.fail.xml"       # one error
WARN = FIXTURES / "sch" / "TT-DIST-COUNT.fail.xml"    # one warning


def test_valid_file_exits_0_with_summary(run_cli):
    result = run_cli("validate", str(GOOD))
    assert result.exit_code == 0
    assert re.search(r"1 file validated, 0 invalid: 0 errors, 0 warnings in [\d.]+ s",
                     result.stdout)


def test_invalid_file_exits_1_with_location_rule_and_hint(run_cli):
    result = run_cli("validate", str(BAD))
    assert result.exit_code == 1
    assert re.search(r"TT-PTR-RESP\.fail\.xml:\d+:\d+: error: .*\[TT-PTR-RESP\]", result.stdout)
    assert "hint: Declare titleStmt/respStmt" in result.stdout


def test_line_numbers_point_at_the_offending_element(run_cli):
    result = run_cli("validate", "--format", "json", str(BAD))
    [diag] = json.loads(result.stdout)["diagnostics"]
    line = BAD.read_text(encoding="utf-8").splitlines()[diag["line"] - 1]
    assert line[diag["col"] - 1:].startswith("<supplied")


def test_missing_path_and_bad_schema_exit_2(run_cli, tmp_path):
    assert run_cli("validate", str(tmp_path / "nope.xml")).exit_code == 2
    assert run_cli("validate", str(GOOD), "--schema", "rules.rnc").exit_code == 2
    broken = tmp_path / "broken.sch"
    broken.write_text("<notschematron/>")
    assert run_cli("validate", str(GOOD), "--schema", str(broken)).exit_code == 2
    assert run_cli("validate").exit_code == 2                 # usage error


def test_max_warnings(run_cli):
    assert run_cli("validate", str(WARN)).exit_code == 0
    assert run_cli("validate", str(WARN), "--max-warnings", "1").exit_code == 0
    assert run_cli("validate", str(WARN), "--max-warnings", "0").exit_code == 1


def test_folder_validates_all_files_in_parallel(run_cli):
    result = run_cli("validate", "-j", "2", "--format", "json", str(FIXTURES / "sch"))
    data = json.loads(result.stdout)
    assert data["files"] == len(list((FIXTURES / "sch").glob("*.xml")))
    assert result.exit_code == 1 and data["errors"] > 0 and data["warnings"] == 1


def test_json_format(run_cli):
    result = run_cli("validate", "--format", "json", str(BAD), str(GOOD))
    data = json.loads(result.stdout)          # the summary goes to stderr, stdout stays JSON
    assert data["valid"] is False and data["files"] == 2 and data["errors"] == 1
    assert data["diagnostics"][0]["code"] == "TT-PTR-RESP"
    assert "file validated" not in result.stdout and "files validated" in result.stderr


def test_junit_format(run_cli):
    root = etree.fromstring(run_cli("validate", "--format", "junit", str(BAD), str(GOOD))
                            .stdout.encode())
    suite = root.find("testsuite")
    assert suite.get("tests") == "2" and suite.get("failures") == "1"
    failure = root.find(".//failure")
    assert failure.get("type") == "TT-PTR-RESP"


def test_sarif_format(run_cli):
    data = json.loads(run_cli("validate", "--format", "sarif", str(BAD), str(WARN)).stdout)
    assert data["version"] == "2.1.0"
    results = data["runs"][0]["results"]
    assert {r["ruleId"] for r in results} == {"TT-PTR-RESP", "TT-DIST-COUNT"}
    assert {r["level"] for r in results} == {"error", "warning"}
    region = results[0]["locations"][0]["physicalLocation"]["region"]
    assert region["startLine"] > 1


def test_github_format(run_cli):
    out = run_cli("validate", "--format", "github", str(BAD), str(WARN)).stdout.splitlines()
    assert re.fullmatch(r"::error file=[^,]+TT-PTR-RESP\.fail\.xml,line=\d+,col=\d+,"
                        r"title=TT-PTR-RESP::.+%0Ahint: .+", out[0])
    assert out[1].startswith("::warning file=")


def test_output_file(run_cli, tmp_path):
    target = tmp_path / "report.sarif"
    result = run_cli("validate", "--format", "sarif", "-o", str(target), str(GOOD))
    assert result.exit_code == 0 and json.loads(target.read_text())["version"] == "2.1.0"


# ---------------------------------------------------------------- user schemas and xml-model

XSD = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" elementFormDefault="qualified"
    targetNamespace="urn:t" xmlns:t="urn:t" xmlns:vc="http://www.w3.org/2007/XMLSchema-versioning"
    vc:minVersion="1.1">
  <xs:element name="doc"><xs:complexType><xs:sequence>
    <xs:element name="n" type="xs:integer" maxOccurs="unbounded"/></xs:sequence>
    <xs:assert test="count(t:n) le 2"/>
  </xs:complexType></xs:element>
</xs:schema>"""
RNG = """<element name="doc" ns="urn:t" xmlns="http://relaxng.org/ns/structure/1.0">
  <oneOrMore><element name="n"><data type="integer"
    datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes"/></element></oneOrMore>
</element>"""
SCH = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <ns prefix="t" uri="urn:t"/>
  <pattern><rule context="t:n"><assert id="U1" test=". castable as xs:integer">not a number:
    <value-of select="."/></assert></rule></pattern></schema>"""


@pytest.fixture
def user_files(tmp_path):
    (tmp_path / "s.xsd").write_text(XSD)
    (tmp_path / "s.rng").write_text(RNG)
    (tmp_path / "s.sch").write_text(SCH)
    (tmp_path / "ok.xml").write_text('<doc xmlns="urn:t"><n>1</n></doc>')
    (tmp_path / "bad.xml").write_text('<doc xmlns="urn:t"><n>1</n><n>x</n><n>3</n></doc>')
    return tmp_path


@pytest.mark.parametrize("ext,code", [("xsd", "XSD"), ("rng", "RNG"), ("sch", "U1")])
def test_user_schema(user_files, ext, code):
    schema = [user_files / f"s.{ext}"]
    ok = validate([user_files / "ok.xml"], schemas=schema, project_rules=False)
    bad = validate([user_files / "bad.xml"], schemas=schema, project_rules=False)
    assert ok.exit_code() == 0
    assert bad.exit_code() == 1 and code in {d.code for d in bad.diagnostics}
    assert all(d.line == 1 for d in bad.diagnostics)


def test_xsd_11_assertion(user_files):
    (user_files / "four.xml").write_text('<doc xmlns="urn:t"><n>1</n><n>2</n><n>3</n></doc>')
    report = validate([user_files / "four.xml"], schemas=[user_files / "s.xsd"],
                      project_rules=False)
    assert report.errors == 1 and "assert" in next(report.diagnostics).message.lower()


def test_xml_model_processing_instructions(user_files):
    doc = user_files / "sub" / "modelled.xml"
    doc.parent.mkdir()
    doc.write_text('<?xml-model href="../s.sch" schematypens="http://purl.oclc.org/dsdl/'
                   'schematron"?>\n<?xml-model href="../s.rng"?>\n'
                   '<doc xmlns="urn:t"><n>x</n></doc>')
    report = validate([doc], project_rules=False)
    assert {d.code for d in report.diagnostics} == {"U1", "RNG"}
    assert validate([doc], project_rules=False, xml_model=False).exit_code() == 0


def test_xml_model_schematron_phase(user_files):
    (user_files / "phased.sch").write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<ns prefix="t" uri="urn:t"/><phase id="only-b"><active pattern="b"/></phase>'
        '<pattern id="a"><rule context="t:doc"><report id="A" test="true()">a</report></rule>'
        '</pattern><pattern id="b"><rule context="t:doc"><report id="B" test="true()">b'
        "</report></rule></pattern></schema>")
    doc = user_files / "phased.xml"
    doc.write_text('<?xml-model href="phased.sch" phase="only-b"?>\n<doc xmlns="urn:t"/>')
    assert {d.code for d in validate([doc], project_rules=False).diagnostics} == {"B"}


def test_phase_option_selects_a_schematron_phase(user_files):
    (user_files / "phased2.sch").write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<ns prefix="t" uri="urn:t"/><phase id="only-b"><active pattern="b"/></phase>'
        '<pattern id="a"><rule context="t:doc"><report id="A" test="true()">a</report></rule>'
        '</pattern><pattern id="b"><rule context="t:doc"><report id="B" test="true()">b'
        "</report></rule></pattern></schema>")
    doc = user_files / "plain.xml"
    doc.write_text('<doc xmlns="urn:t"/>')
    sch = user_files / "phased2.sch"
    every = validate([doc], schemas=[sch], project_rules=False)
    assert {d.code for d in every.diagnostics} == {"A", "B"}
    only_b = validate([doc], schemas=[sch], project_rules=False, phase="only-b")
    assert {d.code for d in only_b.diagnostics} == {"B"}
    result = CliRunner().invoke(main, ["validate", str(doc), "--no-project-rules", "--schema",
                                       str(sch), "--phase", "only-b", "--format", "json"])
    assert '"B"' in result.output and '"A"' not in result.output


def test_xml_model_remote_is_not_fetched(user_files):
    doc = user_files / "remote.xml"
    doc.write_text('<?xml-model href="https://tei-c.org/tei_all.rng"?>\n<doc xmlns="urn:t"/>')
    [diag] = list(validate([doc], project_rules=False).diagnostics)
    assert diag.code == "VAL010" and diag.line == 1


def test_user_tei_all_compiles_once_per_process(tei_all_rng, tmp_path):
    for n in range(3):
        shutil.copy(GOOD, tmp_path / f"d{n}.xml")
    first = validate([tmp_path], schemas=[tei_all_rng], jobs=1)   # pays the compile
    second = validate([tmp_path], schemas=[tei_all_rng], jobs=1)  # cached
    assert first.exit_code() == second.exit_code() == 0
    assert second.seconds < 2


# ---------------------------------------------------------------- hostile documents

XXE = """<?xml version="1.0"?>
<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><p>&xxe;</p></body></text></TEI>"""
LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<lolz>&lol3;</lolz>"""
EXTERNAL_DTD = """<?xml version="1.0"?>
<!DOCTYPE TEI SYSTEM "http://example.invalid/tei.dtd">
<TEI xmlns="http://www.tei-c.org/ns/1.0"/>"""


@pytest.mark.parametrize("payload", [XXE, LAUGHS], ids=["xxe", "billion-laughs"])
def test_entity_payloads_are_refused(run_cli, tmp_path, payload):
    doc = tmp_path / "evil.xml"
    doc.write_text(payload)
    result = run_cli("validate", str(doc))
    assert result.exit_code == 1
    assert "[XML002]" in result.stdout and "refused for safety" in result.stdout
    assert "root:" not in result.stdout and "Traceback" not in result.stdout


def test_external_dtd_is_not_loaded(tmp_path):
    doc = tmp_path / "dtd.xml"
    doc.write_text(EXTERNAL_DTD)
    report = validate([doc], jobs=1)    # no network: the DTD is ignored, the schema judges
    assert report.exit_code() == 1 and {d.code for d in report.diagnostics} == {"TT-RNG"}


def test_entity_from_an_unloaded_local_dtd_is_refused(tmp_path):
    (tmp_path / "local.dtd").write_text('<!ENTITY secret "LEAKED">')
    doc = tmp_path / "doc.xml"
    doc.write_text('<?xml version="1.0"?>\n<!DOCTYPE TEI SYSTEM "local.dtd">\n'
                   '<TEI xmlns="http://www.tei-c.org/ns/1.0"><p>&secret;</p></TEI>')
    [diag] = list(validate([doc], jobs=1).diagnostics)
    assert diag.code == "XML003" and diag.line == 3 and "LEAKED" not in diag.message


def test_columns_of_same_named_elements_on_one_line(tmp_path):
    """Two bad notes on one line: each diagnostic points at its own start tag."""
    doc = tmp_path / "two.xml"
    text = GOOD.read_text(encoding="utf-8").replace(
        "<p>Text.</p>", '<p>A<note type="query" place="inline" resp="#x">?</note> B'
        '<note type="query" place="inline" resp="#y">?</note></p>')
    doc.write_text(text, encoding="utf-8")
    diags = [d for d in validate([doc], jobs=1).diagnostics if d.code == "TT-PTR-RESP"]
    line = text.splitlines()[diags[0].line - 1]
    assert [line[d.col - 1:].split(">")[0][-4:] for d in diags] == ['"#x"', '"#y"']


def test_relaxng_errors_have_columns():
    doc = FIXTURES / "rng" / "invalid-hi-rend.xml"
    [diag] = [d for d in validate([doc], jobs=1).diagnostics if d.code == "TT-RNG"]
    line = doc.read_text(encoding="utf-8").splitlines()[diag.line - 1]
    assert line[diag.col - 1:].startswith('<hi rend="bold"')


@pytest.mark.slow
def test_real_tei_against_tei_all_matches_jings_published_verdict(shared_dir):
    """shared/real-tei/README.md: Jing finds 98 errors in 95 of the 96 files."""
    report = validate([shared_dir / "real-tei" / "frus-history"], project_rules=False,
                      schemas=[shared_dir / "tei" / "tei_all.rng"])
    invalid = {Path(f.path).name for f in report.files if not f.valid}
    assert len(report.files) == 96 and len(invalid) == 95
    assert "frus-history.xml" not in invalid
    assert report.errors == 98 and report.exit_code() == 1


def test_broken_schema_is_reported_once_with_exit_2(tmp_path):
    for n in range(3):
        shutil.copy(GOOD, tmp_path / f"d{n}.xml")
    broken = tmp_path / "rules.sch"
    broken.write_text('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
                      '<pattern><rule context="*"><assert test="((">x</assert></rule></pattern>'
                      "</schema>")
    report = validate([tmp_path], schemas=[broken], jobs=2)
    problems = [d for d in report.diagnostics if d.code == "VAL002"]
    assert len(problems) == 1 and problems[0].path == str(broken.resolve())
    assert report.exit_code() == 2


def test_api_is_exposed_at_the_top_level():
    import tei_tools

    assert tei_tools.validate is validate


def test_converted_corpus_is_valid(run_cli, corpus_files, tmp_path):
    """Integration: the converter's output passes the project schema and rules."""
    out = tmp_path / "tei"
    files = pending.settled(corpus_files, "project-rules")
    assert run_cli("convert", "-q", "-o", str(out), *map(str, files)).exit_code == 0
    report = validate([out])
    assert len(report.files) == len(files)
    assert [d.format() for d in report.diagnostics] == []


def test_user_rng_with_include_relative_to_the_schema(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "main.rng").write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="sub/part.rng"/>'
        '<start><ref name="doc"/></start></grammar>')
    (tmp_path / "sub" / "part.rng").write_text(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><define name="doc">'
        '<element name="doc"><text/></element></define></grammar>')
    (tmp_path / "ok.xml").write_text("<doc>x</doc>")
    (tmp_path / "bad.xml").write_text("<doc><x/></doc>")
    schema = [tmp_path / "main.rng"]
    assert validate([tmp_path / "ok.xml"], schemas=schema, project_rules=False).valid
    [diag] = validate([tmp_path / "bad.xml"], schemas=schema, project_rules=False).diagnostics
    assert (diag.code, diag.line, diag.col) == ("RNG", 1, 6)
