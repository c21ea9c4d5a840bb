"""Inputs checked before they are trusted (issue 14, items 9 and 11): URLs from edition.toml pass
the filter of TEI links, file names that differ only in case are reported, and UTF-16 without a
byte-order mark is named as such."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from tei_tools import saxon
from tei_tools.cli import main
from tei_tools.resources import xslt_path
from tei_tools.safexml import parse_bytes
from tei_tools.urls import safe_url

REPO = Path(__file__).resolve().parents[2]

URLS = ["https://example.org/a b", "http://example.org/", "HTTPS://EXAMPLE.ORG", "mailto:a@b.c",
        "javascript:alert(1)", "JavaScript:alert(1)", "java\tscript:alert(1)",
        " javascript:alert(1)", "javascript://%0aalert(1)", "jav&#x09;ascript:x",
        "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox", "file:///etc/passwd",
        "ftp://example.org", "/relative/path", "relative.html", "#anchor", "?q=1", "",
        "   ", "a:b", "./a:b", "//example.org/x", "https://例え.jp/パス", "\x01https://x",
        "https://x\x7f"]

_PROBE = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tt="urn:tei-tools" xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xsl:import href="{functions}"/>
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:for-each select="/urls/u">
      <xsl:value-of select="let $s := tt:safe-url(string(.)) return
          if (empty($s)) then '(refused)' else $s"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>"""


def _xslt_verdicts(urls: list[str]) -> list[str | None]:
    probe = saxon.compile_stylesheet_text(
        _PROBE.format(functions=xslt_path("common/functions.xsl").as_uri()), "probe.xsl")
    from lxml import etree

    root = etree.Element("urls")
    for url in urls:
        etree.SubElement(root, "u").text = "".join(c for c in url if c in "\t\n\r" or c >= " ")
    out = saxon.transform(probe, parse_bytes(etree.tostring(root))).split("\n")[:len(urls)]
    return [None if v == "(refused)" else v for v in out]


def test_python_filter_agrees_with_the_xslt_filter_of_tei_links():
    # XML cannot carry C0 controls other than tab/newline: those cases are compared without them
    printable = ["".join(c for c in u if c in "\t\n\r" or c >= " ") for u in URLS]
    assert [safe_url(u) for u in printable] == _xslt_verdicts(URLS)


@pytest.mark.parametrize("url", ["\x01https://x", "https://x\x7f", "java\x00script:x"])
def test_control_characters_are_refused(url):
    assert safe_url(url) is None


def test_http_only_filter_for_base_url():
    assert safe_url("mailto:a@b.c", schemes=("http", "https")) is None
    assert safe_url("https://x.org", schemes=("http", "https")) == "https://x.org"


def _edition(tmp_path: Path, names: list[str]) -> Path:
    edition = tmp_path / "edition"
    (edition / "transcripts").mkdir(parents=True)
    (edition / "edition.toml").write_text('[edition]\ntitle = "T"\n', "utf-8")
    seed = (REPO / "tests" / "data" / "puzanov-1957-05-23.txt").read_bytes()
    for name in names:
        (edition / "transcripts" / name).write_bytes(seed)
    return edition


def test_case_only_clash_of_file_names_is_reported(tmp_path):
    edition = _edition(tmp_path, ["Report.txt", "report.txt"])
    result = CliRunner().invoke(main, ["build", str(edition), "-o", str(tmp_path / "site"),
                                       "--no-pdf", "-q", "-j", "1"])
    assert result.exit_code == 1, result.output
    assert "OUT004" in result.output and "Report" in result.output
    assert "report.txt" in result.output


def test_cyrillic_names_of_the_same_length_build_as_two_documents(tmp_path):
    edition = _edition(tmp_path, ["Отчёт.txt", "Письмо.txt"])
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(edition), "-o", str(out), "--no-pdf", "-q",
                                       "-j", "1"])
    assert "OUT003" not in result.output
    assert sorted(p.name for p in (out / "tei").glob("*.xml")) == ["Otchet.xml", "Pis-mo.xml"]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_bom_gets_the_utf16_hint(tmp_path, encoding):
    text = (REPO / "tests" / "data" / "puzanov-1957-05-23.txt").read_text("utf-8")
    path = tmp_path / "doc.txt"
    path.write_bytes(text.encode(encoding))  # the codec names with -le/-be write no BOM
    assert not path.read_bytes().startswith((b"\xff\xfe", b"\xfe\xff"))
    result = CliRunner().invoke(main, ["convert", str(path), "-o", str(tmp_path / "tei")])
    assert result.exit_code != 0
    assert "TX101" in result.output and "UTF-16" in result.output, result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_or_32_with_a_bom_is_named_by_its_bom(tmp_path, encoding):
    # ASCII text in UTF-16 has a NUL in every other byte; the BOM must win over that guess
    path = tmp_path / "doc.txt"
    path.write_bytes("Skip to content\n\nMay 23, 1957\n".encode(encoding))
    result = CliRunner().invoke(main, ["convert", str(path), "-o", str(tmp_path / "tei")])
    assert result.exit_code != 0
    assert f"starts with a {encoding.upper()} byte-order mark" in result.output, result.output
    assert "without a byte-order mark" not in result.output
