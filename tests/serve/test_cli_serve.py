"""`tei-tools serve` refuses what cannot work before it listens, in one line each."""

from __future__ import annotations

from click.testing import CliRunner

from tei_tools.cli import main


def test_serve_has_help():
    result = CliRunner().invoke(main, ["serve", "--help"])
    assert result.exit_code == 0, result.output
    assert "Preview an edition while you edit it" in result.output
    assert "--port" in result.output and "127.0.0.1" in result.output


def test_a_folder_without_edition_toml_is_refused(tmp_path):
    result = CliRunner().invoke(main, ["serve", str(tmp_path)])
    assert result.exit_code == 2, result.output
    assert "[ED001]" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "_site").exists()


def test_an_output_inside_the_watched_inputs_is_refused(tmp_path):
    (tmp_path / "transcripts").mkdir()
    (tmp_path / "edition.toml").write_text('title = "T"\n')
    result = CliRunner().invoke(main, ["serve", str(tmp_path), "-o",
                                       str(tmp_path / "transcripts" / "site")])
    assert result.exit_code == 2, result.output
    assert "[SRV001]" in result.output and "transcripts/" in result.output
    assert "hint: build into a folder outside transcripts/" in result.output
