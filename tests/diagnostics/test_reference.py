"""The generated reference of the codes. The documentation renders it when the site is built
(docs/_ext/tei_tools_diagnostics.py; tests/docs/test_diagnostics_page.py checks that every family
has its table there), so no copy of it is kept in the README."""

from __future__ import annotations

import pytest

from tei_tools.diagnostics import reference, registry


def test_markdown_has_one_row_per_code():
    text = reference.markdown()
    codes = registry.all_codes() + registry.schematron_rules()
    assert text.count("\n") == len(codes) + 2
    row = next(line for line in text.splitlines() if line.startswith("| TX301 |"))
    assert row == ("| TX301 | warning | `orphan ']'{detail}` — after stamp-like lines in the head "
                   "or closing zone an implicit '[' opens a stamp (rend=\"unopened\"); in the body "
                   "the ']' is kept as c[@type='stray-bracket'] | `{hint}` | B27a, B27b |")
    bld = reference.markdown("BLD")
    assert "| BLD011 | error | `not a shard build folder (no build state)` | "\
           "`` pass the -o folders of `build --shard K/N` `` |  |" in bld
    assert reference.markdown("TT").count("| TT-") == len(registry.schematron_rules())
    with pytest.raises(ValueError):
        reference.markdown("NOPE")


def test_cells_cannot_break_the_table():
    assert reference._cell("a|b *c* _d_ <e>") == "a\\|b \\*c\\* \\_d\\_ &lt;e>"


def test_write_regenerates_the_marked_blocks(tmp_path, capsys):
    page = tmp_path / "page.md"
    page.write_text("intro\n<!-- diagnostics:XSL:start -->\nold\n<!-- diagnostics:XSL:end -->\n"
                    "outro\n", encoding="utf-8")
    assert reference.main(["--write", str(page)]) == 0
    assert page.read_text(encoding="utf-8") == (
        "intro\n<!-- diagnostics:XSL:start -->\n" + reference.markdown("XSL")
        + "<!-- diagnostics:XSL:end -->\noutro\n")
    assert reference.main(["--write", str(page)]) == 0
    assert "up to date" in capsys.readouterr().out
    (tmp_path / "none.md").write_text("no block\n", encoding="utf-8")
    assert reference.main(["--write", str(tmp_path / "none.md")]) == 1
