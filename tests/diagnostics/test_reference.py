"""The generated reference of the codes, and the README's copy of it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tei_tools.diagnostics import reference, registry

README = Path(__file__).resolve().parents[2] / "README.md"


def test_readme_tables_are_generated_from_the_registry():
    blocks = reference.blocks(README.read_text(encoding="utf-8"))
    assert set(blocks) == set(registry.families()), "one marked block per family"
    stale = [family for family, body in blocks.items() if body != reference.markdown(family)]
    assert stale == [], "run: python -m tei_tools.diagnostics.reference --write README.md"


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
