"""The command line: every command has --help, --version works, usage errors exit 2."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from tei_tools import __version__
from tei_tools.cli import main

EXPECTED = {"build", "convert", "validate", "html", "pdf", "text"}


def test_version():
    result = CliRunner().invoke(main, ["--version"])
    assert result.exit_code == 0
    assert __version__ in result.output


def test_all_commands_are_registered():
    assert set(main.list_commands(None)) >= EXPECTED


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_command_has_help(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_unknown_input_is_a_usage_error(tmp_path):
    result = CliRunner().invoke(main, ["convert", str(tmp_path / "missing.txt"), "-o",
                                       str(tmp_path / "out")])
    assert result.exit_code == 2
    assert "missing.txt" in result.output


def _explode(*args, **kwargs):
    raise RuntimeError("boom")


def test_internal_error_is_one_line_without_traceback(tmp_path, monkeypatch):
    transcript = tmp_path / "a.txt"
    transcript.write_text("Some text of a document that is long enough to be prose.\n")
    monkeypatch.setattr("tei_tools.conversion.convert", _explode)
    result = CliRunner().invoke(main, ["convert", str(transcript), "-o", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert "internal error: RuntimeError: boom" in result.output
    assert "Traceback" not in result.output
    assert "--debug" in result.output


def test_debug_shows_the_exception(tmp_path, monkeypatch):
    transcript = tmp_path / "a.txt"
    transcript.write_text("Some text of a document that is long enough to be prose.\n")
    monkeypatch.setattr("tei_tools.conversion.convert", _explode)
    result = CliRunner().invoke(main, ["--debug", "convert", str(transcript), "-o",
                                       str(tmp_path / "o")])
    assert isinstance(result.exception, RuntimeError)


@pytest.mark.parametrize("command", ["convert", "html", "pdf"])
def test_unwritable_output_is_one_line_naming_it(tmp_path, command):
    """An output folder that cannot be made (here: below a file) is IO003, not an internal
    error."""
    from pathlib import Path

    if command == "convert":
        source = tmp_path / "a.txt"
        source.write_text("Some text of a document that is long enough to be prose.\n")
    else:
        source = Path(__file__).resolve().parents[1] / "data" / "puzanov-1957-05-23.xml"
    blocker = tmp_path / "file"
    blocker.write_text("")
    result = CliRunner().invoke(main, [command, str(source), "-o", str(blocker / "out"), "-q"])
    assert result.exit_code == 2, result.output
    assert f"{blocker / 'out'}: error: " in result.output and "[IO003]" in result.output
    assert "internal error" not in result.output and "Traceback" not in result.output


@pytest.mark.parametrize("command", ["convert", "validate", "html", "pdf"])
def test_folder_without_inputs_is_a_usage_error(tmp_path, command):
    empty = tmp_path / "empty"
    empty.mkdir()
    args = [command, str(empty)] + ([] if command == "validate" else ["-o", str(tmp_path / "o")])
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 2, result.output
    assert "Error: " in result.output and "Traceback" not in result.output


def test_public_api_names_stay_functions_after_every_module_is_imported():
    """A submodule named like an API function would replace it once imported."""
    import importlib
    import pkgutil

    import tei_tools

    for info in pkgutil.walk_packages(tei_tools.__path__, "tei_tools."):
        if not info.name.endswith("__main__"):  # that one runs the CLI
            importlib.import_module(info.name)
    for name in tei_tools.__all__:
        if name != "__version__":
            assert callable(getattr(tei_tools, name)), name
            assert not isinstance(getattr(tei_tools, name), type(tei_tools)), name
