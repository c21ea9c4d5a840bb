"""Schematron and XSLT that arrive with a document or an edition run sandboxed (issue 14, item 4).

A document's own ``<?xml-model?>`` Schematron and an edition's override stylesheets are code
from whoever wrote the document or the edition: they must not read local files or environment
variables into the report or the pages, nor write files. ``--trust-schemas`` and
``[build] trusted_overrides = true`` lift that, for the edition's own folder only.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_tools.cli import main

REPO = Path(__file__).resolve().parents[2]
SEED_TEI = REPO / "tests" / "data" / "puzanov-1957-05-23.xml"
SECRET = "TEI-TOOLS-SECRET-7f3a"
ENV_NAME = "TEI_TOOLS_TEST_SECRET"

# XPath expressions that would leak something from the machine running tei-tools
PAYLOADS = {
    "unparsed-text": "unparsed-text('{secret_uri}')",
    "passwd": "substring(unparsed-text('/etc/passwd'), 1, 40)",
    "doc": "string(doc('{secret_xml_uri}'))",
    "collection": "string-join(collection('{folder_uri}?select=*.txt') ! string(), ',')",
    "environment-variable": f"environment-variable('{ENV_NAME}')",
    "available-environment-variables":
        "string-join(available-environment-variables(), ',')",
    "java-system-property": "system-property('user.home')",
}


@pytest.fixture
def secret(tmp_path, monkeypatch) -> dict[str, str]:
    """A secret file (text and XML) outside every folder tei-tools is given, and a secret
    environment variable."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.txt").write_text(SECRET, "utf-8")
    (outside / "secret.xml").write_text(f"<s>{SECRET}</s>", "utf-8")
    monkeypatch.setenv(ENV_NAME, SECRET)
    return {"secret_uri": (outside / "secret.txt").as_uri(),
            "secret_xml_uri": (outside / "secret.xml").as_uri(),
            "folder_uri": outside.as_uri()}


def _expressions(secret: dict[str, str]) -> dict[str, str]:
    return {name: expr.format(**secret) for name, expr in PAYLOADS.items()}


def _schematron(secret: dict[str, str]) -> str:
    reports = "\n".join(
        f'      <report test="true()" id="LEAK-{name}">{name}: <value-of select="{expr}"/>'
        "</report>" for name, expr in _expressions(secret).items())
    return ('<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">\n'
            '  <pattern>\n    <rule context="/*">\n' + reports + "\n    </rule>\n  </pattern>\n"
            "</schema>\n")


def _with_xml_model(tei: str, href: str) -> str:
    at = tei.index("<TEI")
    return (tei[:at] + f'<?xml-model href="{href}" type="application/xml" '
            'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n' + tei[at:])


@pytest.fixture
def hostile_document(tmp_path, secret) -> Path:
    folder = tmp_path / "edition"
    folder.mkdir()
    (folder / "rules.sch").write_text(_schematron(secret), "utf-8")
    doc = folder / "doc.xml"
    doc.write_text(_with_xml_model(SEED_TEI.read_text("utf-8"), "rules.sch"), "utf-8")
    return doc


@pytest.mark.parametrize("fmt", ["text", "json", "github", "sarif"])
def test_xml_model_schematron_cannot_read_files_or_environment(hostile_document, fmt):
    result = CliRunner().invoke(main, ["validate", str(hostile_document), "--format", fmt,
                                       "--no-project-rules"])
    for leak in (SECRET, ENV_NAME, "root:x:0:0", f"java-system-property: {Path.home()}"):
        assert leak not in result.output
    assert "Traceback" not in result.output
    # the schema was refused at its first read, with a hint
    assert "SCH007" in result.output


def test_each_payload_is_refused_or_empty(hostile_document):
    result = CliRunner().invoke(main, ["validate", str(hostile_document), "--format", "json",
                                       "--no-project-rules"])
    report = json.loads(result.stdout)
    messages = [d["message"] for d in report["diagnostics"]]
    assert messages, result.output
    assert {d["code"] for d in report["diagnostics"]} == {"SCH007"}
    for message in messages:
        assert SECRET not in message
        assert "root:x:0:0" not in message


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_each_payload_alone(tmp_path, secret, payload):
    """One payload per schema: each is refused (SCH007) or sees nothing, none leaks."""
    folder = tmp_path / "edition"
    folder.mkdir()
    expr = _expressions(secret)[payload]
    (folder / "rules.sch").write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2"><pattern>'
        f'<rule context="/*"><report test="true()" id="LEAK">[<value-of select="{expr}"/>]'
        "</report></rule></pattern></schema>", "utf-8")
    doc = folder / "doc.xml"
    doc.write_text(_with_xml_model(SEED_TEI.read_text("utf-8"), "rules.sch"), "utf-8")
    result = CliRunner().invoke(main, ["validate", str(doc), "--no-project-rules"])
    for leak in (SECRET, ENV_NAME, "root:x:0:0", f"[{Path.home()}]"):
        assert leak not in result.output
    assert "SCH007" in result.output or "LEAK" in result.output, result.output


def test_trust_schemas_lifts_the_sandbox_for_the_documents_own_folder(hostile_document,
                                                                        tmp_path):
    data = hostile_document.parent / "codes.txt"
    data.write_text("CODE-LIST-INSIDE", "utf-8")
    (hostile_document.parent / "rules.sch").write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<pattern><rule context="/*"><report test="true()" id="OWN">'
        "<value-of select=\"unparsed-text(resolve-uri('codes.txt', static-base-uri()))\"/>"
        "</report></rule></pattern></schema>", "utf-8")
    untrusted = CliRunner().invoke(main, ["validate", str(hostile_document),
                                          "--no-project-rules"])
    assert "CODE-LIST-INSIDE" not in untrusted.output
    trusted = CliRunner().invoke(main, ["validate", str(hostile_document), "--trust-schemas",
                                        "--no-project-rules"])
    assert "CODE-LIST-INSIDE" in trusted.output, trusted.output


def test_trust_schemas_does_not_trust_a_schema_outside_the_folder(tmp_path, secret):
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "rules.sch").write_text(_schematron(secret), "utf-8")
    folder = tmp_path / "edition"
    folder.mkdir()
    doc = folder / "doc.xml"
    doc.write_text(_with_xml_model(SEED_TEI.read_text("utf-8"),
                                   (outside / "rules.sch").as_uri()), "utf-8")
    result = CliRunner().invoke(main, ["validate", str(folder), "--trust-schemas",
                                       "--no-project-rules"])
    assert SECRET not in result.output


def test_untrusted_schematron_include_stays_in_its_folder(tmp_path, secret):
    outside = tmp_path / "outside"
    (outside / "pattern.sch").write_text(
        '<pattern xmlns="http://purl.oclc.org/dsdl/schematron"><rule context="/*">'
        f'<report test="true()" id="INCLUDED">{SECRET}</report></rule></pattern>', "utf-8")
    folder = tmp_path / "edition"
    folder.mkdir()
    (folder / "rules.sch").write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        f'<include href="{(outside / "pattern.sch").as_posix()}"/></schema>', "utf-8")
    doc = folder / "doc.xml"
    doc.write_text(_with_xml_model(SEED_TEI.read_text("utf-8"), "rules.sch"), "utf-8")
    result = CliRunner().invoke(main, ["validate", str(doc), "--no-project-rules"])
    assert SECRET not in result.output
    assert "SCH006" in result.output, result.output


def test_explicit_schema_argument_stays_trusted(tmp_path):
    """A --schema the user names is theirs: it keeps file access (code lists next to it)."""
    (tmp_path / "codes.txt").write_text("CODE-LIST", "utf-8")
    (tmp_path / "house.sch").write_text(
        '<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">'
        '<pattern><rule context="/*"><report test="true()" id="OWN">'
        "<value-of select=\"unparsed-text(resolve-uri('codes.txt', static-base-uri()))\"/>"
        "</report></rule></pattern></schema>", "utf-8")
    result = CliRunner().invoke(main, ["validate", str(SEED_TEI), "--schema",
                                       str(tmp_path / "house.sch"), "--no-project-rules"])
    assert "CODE-LIST" in result.output, result.output


# ---------------------------------------------------------------- edition overrides

def _edition(tmp_path: Path, override: str, *, trusted: bool = False,
             name: str = "document.xsl") -> Path:
    edition = tmp_path / "edition"
    (edition / "tei").mkdir(parents=True)
    (edition / "xslt").mkdir()
    (edition / "tei" / "doc.xml").write_bytes(SEED_TEI.read_bytes())
    toml = '[edition]\ntitle = "Sandbox"\n'
    if trusted:
        toml += "\n[build]\ntrusted_overrides = true\n"
    (edition / "edition.toml").write_text(toml, "utf-8")
    (edition / "xslt" / name).write_text(override, "utf-8")
    return edition


def _override(body: str) -> str:
    return ('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"'
            ' xmlns:tt="urn:tei-tools">\n'
            '  <xsl:template match="/">\n    <html><body>' + body +
            "</body></html>\n  </xsl:template>\n</xsl:stylesheet>\n")


def _published(out: Path) -> str:
    return "\n".join(p.read_text("utf-8", errors="replace") for p in sorted(out.rglob("*"))
                     if p.is_file() and p.suffix in (".html", ".json", ".bib"))


def _build(edition: Path, out: Path, *extra: str):
    return CliRunner().invoke(main, ["build", str(edition), "-o", str(out), "--no-pdf", "-j",
                                     "1", "-q", *extra])


@pytest.mark.parametrize("payload", sorted(PAYLOADS))
def test_edition_override_cannot_read_files_or_environment(tmp_path, secret, payload):
    expr = _expressions(secret)[payload]
    edition = _edition(tmp_path, _override(f'<p><xsl:value-of select="{expr}"/></p>'))
    out = tmp_path / "site"
    result = _build(edition, out)
    assert "Traceback" not in result.output
    published = (_published(out) if out.exists() else "") + result.output
    for leak in (SECRET, ENV_NAME, "root:x:0:0", f">{Path.home()}<"):
        assert leak not in published, payload


def test_edition_override_cannot_write_result_documents(tmp_path):
    target = tmp_path / "planted.txt"
    edition = _edition(tmp_path, _override(
        f'<xsl:result-document href="{target.as_uri()}" method="text">PLANTED'
        '</xsl:result-document><xsl:result-document href="../../planted-relative.txt" '
        'method="text">PLANTED</xsl:result-document>'))
    out = tmp_path / "site"
    result = _build(edition, out)
    assert not target.exists()
    assert not any(p.name.startswith("planted") for p in tmp_path.rglob("*"))
    assert result.exit_code != 0
    assert "document.xsl" in result.output and "result-document" in result.output


@pytest.mark.parametrize("construct", [
    '<xsl:variable name="s" static="yes" select="unparsed-text(\'{secret_uri}\')"/>',
    '<xsl:template name="z" use-when="unparsed-text-available(\'{secret_uri}\')"/>',
    '<xsl:template name="z" _match="{{unparsed-text(\'{secret_uri}\')}}"/>',
    '<xsl:include href="{secret_xml_uri}"/>',
])
def test_compile_time_code_of_an_override_is_refused(tmp_path, secret, construct):
    override = _override("<p>x</p>").replace(
        "  <xsl:template", construct.format(**secret) + "\n  <xsl:template", 1)
    edition = _edition(tmp_path, override)
    out = tmp_path / "site"
    result = _build(edition, out)
    assert result.exit_code != 0
    assert "XSL003" in result.output, result.output
    assert "trusted_overrides" in result.output
    assert SECRET not in result.output + (_published(out) if out.exists() else "")


def test_trusted_overrides_may_read_the_editions_own_files(tmp_path, secret):
    expr = "unparsed-text(resolve-uri('../notes.txt', static-base-uri()))"
    edition = _edition(tmp_path, _override(f'<p id="own"><xsl:value-of select="{expr}"/></p>'),
                       trusted=True)
    (edition / "notes.txt").write_text("EDITION-NOTES", "utf-8")
    out = tmp_path / "site"
    result = _build(edition, out)
    assert result.exit_code == 0, result.output
    assert "EDITION-NOTES" in _published(out)
    # untrusted, the same override is refused the file
    untrusted = _edition(tmp_path / "u", _override(f'<p id="own"><xsl:value-of select="{expr}"/>'
                                                   "</p>"))
    (untrusted / "notes.txt").write_text("EDITION-NOTES", "utf-8")
    _build(untrusted, tmp_path / "u" / "site")
    assert "EDITION-NOTES" not in _published(tmp_path / "u" / "site") \
        if (tmp_path / "u" / "site").exists() else True


def test_a_harmless_override_still_works_sandboxed(tmp_path):
    """The usual override (a template of the shipped stylesheet, importing nothing) works, and
    the shipped pages that read their own files (conventions.xml) still do."""
    override = ('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
                '<xsl:template match="/" priority="10"><xsl:next-match/>'
                "<xsl:comment>edition override ran</xsl:comment></xsl:template>"
                "</xsl:stylesheet>")
    edition = _edition(tmp_path, override, name="layout.xsl")
    out = tmp_path / "site"
    result = _build(edition, out)
    assert result.exit_code == 0, result.output
    assert "edition override ran" in (out / "index.html").read_text("utf-8")
    assert "Editorial conventions" in (out / "conventions.html").read_text("utf-8")
