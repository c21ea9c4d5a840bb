"""edition.toml loading and its errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_tools.diagnostics import TeiToolsError
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
