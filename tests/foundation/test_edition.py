"""edition.toml loading and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_tools.diagnostics import Severity, TeiToolsError
from tei_tools.edition import load_edition
from tei_tools.readers.transcript.context import docid_from_name

REPO = Path(__file__).resolve().parents[2]


def test_demo_edition_loads():
    edition = load_edition(REPO / "editions" / "puzanov-1957")
    assert edition.title
    assert edition.editors
    assert edition.licence and edition.source_archive and edition.language == "en"
    assert [p.name for p in edition.transcripts()] == ["puzanov-1957-05-23.txt"]
    assert edition.reader["profile"] == "wilson-center"


def test_missing_edition_toml(tmp_path):
    with pytest.raises(TeiToolsError) as caught:
        load_edition(tmp_path)
    assert caught.value.diagnostic.code == "ED001"


def test_bad_toml_names_the_file(tmp_path):
    (tmp_path / "edition.toml").write_text("title = \n", encoding="utf-8")
    with pytest.raises(TeiToolsError) as caught:
        load_edition(tmp_path)
    assert caught.value.diagnostic.code == "ED002"
    assert caught.value.diagnostic.path.endswith("edition.toml")


@pytest.mark.parametrize("name, docid", [
    ("puzanov-1957-05-23.txt", "puzanov-1957-05-23"),
    ("04-telegram-roshchin-1951-02.txt", "d04-telegram-roshchin-1951-02"),
    ("dir/My Doc (1).txt", "My-Doc--1-"),
    ("_x.txt", "d_x"),
])
def test_docid_rule(name, docid):
    assert docid_from_name(name) == docid


@pytest.mark.parametrize("toml", ['[edition]\ntitle = "T"\neditors = 3\n',
                                  'pdf = "A4"\n[edition]\ntitle = "T"\n',
                                  'edition = "T"\n'])
def test_wrong_value_types_are_reported_not_crashed_on(tmp_path, toml):
    from click.testing import CliRunner

    from tei_tools.cli import main

    (tmp_path / "edition.toml").write_text(toml, "utf-8")
    with pytest.raises(TeiToolsError) as caught:
        load_edition(tmp_path)
    assert caught.value.diagnostic.code == "ED005"
    assert caught.value.diagnostic.path == str(tmp_path / "edition.toml")
    result = CliRunner().invoke(main, ["pdf", "--book", str(tmp_path), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "[ED005]" in result.output and "internal error" not in result.output


# ---------------------------------------------------------------- issue 14 item 8 / 11

def _edition_toml(tmp_path: Path, text: str) -> Path:
    (tmp_path / "edition.toml").write_text(text, "utf-8")
    return tmp_path


@pytest.mark.parametrize("toml, key, line", [
    ('[edition]\ntitle = "T"\ntitel = "typo"\n', "titel", 3),
    ('[edition]\ntitle = "T"\n\n[pdff]\npaper = "A4"\n', "pdff", 4),
    ('[edition]\ntitle = "T"\n[pdf]\npapr = "A4"\n', "pdf.papr", 4),
    ('title = "T"\nsubtitel = "x"\n', "subtitel", 2),
    ('[edition]\ntitle = "T"\nsubtitle = {a = 1}\n', "subtitle", 3),
    ('[edition]\ntitle = "T"\neditors = ["A", {b = 1}]\n', "editors", 3),
    ('[edition]\ntitle = "T"\n[build]\ntrusted_overrides = "yes"\n', "build.trusted_overrides",
     4),
])
def test_unknown_keys_and_wrong_types_are_warnings_naming_key_and_line(tmp_path, toml, key,
                                                                       line):
    edition = load_edition(_edition_toml(tmp_path, toml))
    assert [(d.severity, d.line) for d in edition.warnings] == [(Severity.WARNING, line)]
    warning = edition.warnings[0]
    assert key in warning.message and warning.path == str(tmp_path / "edition.toml")
    with pytest.raises(TeiToolsError) as caught:
        load_edition(tmp_path, strict=True)
    assert caught.value.diagnostic.code == warning.code
    assert caught.value.diagnostic.line == line


def test_a_title_of_the_wrong_type_is_not_published_as_text(tmp_path):
    _edition_toml(tmp_path, "[edition]\ntitle = {a = 1}\n")
    with pytest.raises(TeiToolsError) as caught:
        load_edition(tmp_path)
    assert caught.value.diagnostic.code == "ED004"  # no usable title


def test_known_editions_load_without_warnings():
    for name in ("puzanov-1957", "sampler"):
        assert load_edition(REPO / "editions" / name).warnings == ()


@pytest.mark.parametrize("url", ["javascript://%0aalert(1)", "JavaScript:alert(1)",
                                 "java\tscript:alert(1)", "data:text/html,x", "file:///etc",
                                 "vbscript:x", " javascript:alert(1)", "mailto:a@b.c"])
def test_base_url_with_a_refused_scheme_is_dropped_with_a_warning(tmp_path, url):
    _edition_toml(tmp_path, f'[edition]\ntitle = "T"\nbase_url = {url!r}\n'
                  .replace("'", '"').replace("\t", "\\t"))
    edition = load_edition(tmp_path)
    assert edition.base_url == ""
    assert [(d.code, d.line) for d in edition.warnings] == [("ED010", 3)]
    assert "base_url" in edition.warnings[0].message


@pytest.mark.parametrize("url", ["https://example.org/ed", "http://example.org", "/ed",
                                 "ed/", ""])
def test_base_url_http_https_and_relative_are_kept(tmp_path, url):
    _edition_toml(tmp_path, f'[edition]\ntitle = "T"\nbase_url = "{url}"\n')
    edition = load_edition(tmp_path)
    assert edition.base_url == url and edition.warnings == ()


def test_licence_url_passes_the_same_filter(tmp_path):
    _edition_toml(tmp_path, '[edition]\ntitle = "T"\nlicence_url = "javascript:alert(1)"\n')
    edition = load_edition(tmp_path)
    assert edition.licence_url == "" and edition.warnings[0].code == "ED010"


def test_javascript_base_url_reaches_no_page_or_citation(tmp_path):
    """Issue 14 item 9: base_url became every permalink href and the url of CSL-JSON/BibTeX."""
    from click.testing import CliRunner

    from tei_tools.cli import main

    edition = tmp_path / "edition"
    (edition / "tei").mkdir(parents=True)
    (edition / "tei" / "doc.xml").write_bytes(
        (REPO / "tests" / "data" / "puzanov-1957-05-23.xml").read_bytes())
    (edition / "edition.toml").write_text(
        '[edition]\ntitle = "T"\nbase_url = "javascript://%0aalert(1)"\n', "utf-8")
    out = tmp_path / "site"
    result = CliRunner().invoke(main, ["build", str(edition), "-o", str(out), "--no-pdf",
                                       "-j", "1", "-q"])
    assert "ED010" in result.output and "base_url" in result.output
    for path in out.rglob("*"):
        if path.suffix in (".html", ".json", ".bib"):
            assert "javascript:" not in path.read_text("utf-8").lower(), path
            assert "alert(1)" not in path.read_text("utf-8"), path


@pytest.mark.parametrize("name, docid", [
    ("Отчёт.txt", "Otchet"),
    ("Доклад.txt", "Doklad"),
    ("Записка 1957.txt", "Zapiska-1957"),
    ("毛泽东.txt", "MaoZeDong"),
    ("Ümlaut-Brief.txt", "Umlaut-Brief"),
    ("1957 Письмо.txt", "d1957-Pis-mo"),
])
def test_non_latin_file_names_keep_their_letters(name, docid):
    assert docid_from_name(name) == docid


def test_two_cyrillic_names_of_the_same_length_get_different_ids():
    assert docid_from_name("Отчёт.txt") != docid_from_name("Письмо.txt")


def test_docid_of_a_tei_document_keeps_its_letters(tmp_path):
    from lxml import etree

    from tei_tools.writers.tei import docid_of

    tei = etree.fromstring('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="Отчёт-1"/>')
    assert docid_of(tei, tmp_path / "x.xml") == "Otchet-1"
    assert docid_of(etree.fromstring('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>'),
                    tmp_path / "Письмо.xml") == "Pis-mo"


def test_a_mistyped_edition_path_says_there_is_no_such_folder(tmp_path):
    with pytest.raises(TeiToolsError) as caught:
        load_edition(tmp_path / "puzanov-195")
    assert caught.value.diagnostic.code == "ED013"
    assert "no such edition folder" in caught.value.diagnostic.format()
