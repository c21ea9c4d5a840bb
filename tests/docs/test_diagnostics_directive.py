"""The ``diagnostics-table`` directive of docs/_ext renders a registry's Markdown tables at build
time, and a registry that cannot be rendered fails a ``-W`` build instead of leaving a hole."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

EXT = Path(__file__).resolve().parents[2] / "docs" / "_ext"

FAKE_REGISTRY = '''
def markdown(family=None):
    if family == "RULES":
        return ("| code | severity | rule |\\n| --- | --- | --- |\\n"
                "| TX301 | warning | B27a, §6.5 |\\n")
    rows = {"TX": [("TX101", "error", "not UTF-8")], "XML": [("XML002", "error", "entities")]}
    if family is not None and family not in rows:
        raise KeyError(family)
    out = []
    for name, items in rows.items():
        if family in (None, name):
            out += [f"## {name} codes", "", "| code | severity | message |", "| --- | --- | --- |"]
            out += [f"| `{c}` | {s} | {m} |" for c, s, m in items] + [""]
    return "\\n".join(out)
'''


def _build(tmp_path: Path, page: str) -> tuple[subprocess.CompletedProcess[str], Path]:
    src, out = tmp_path / "src", tmp_path / "out"
    src.mkdir()
    (tmp_path / "fake_registry.py").write_text(FAKE_REGISTRY, encoding="utf-8")
    (src / "conf.py").write_text(
        f"import sys\nsys.path[:0] = [{str(tmp_path)!r}, {str(EXT)!r}]\n"
        "extensions = ['myst_parser', 'tei_tools_diagnostics']\n"
        "tei_tools_diagnostics_markdown = 'fake_registry:markdown'\n", encoding="utf-8")
    (src / "index.md").write_text(page, encoding="utf-8")
    run = subprocess.run([sys.executable, "-m", "sphinx", "-W", "-q", "-b", "html", str(src),
                          str(out)], capture_output=True, text=True)
    return run, out / "index.html"


def test_tables_are_rendered_from_the_registry(tmp_path: Path):
    run, html = _build(tmp_path, "# Codes\n\n```{diagnostics-table}\n```\n\n"
                                 "# Only XML\n\n```{diagnostics-table} XML\n```\n")
    assert run.returncode == 0, run.stderr
    page = html.read_text(encoding="utf-8")
    assert re.search(r"<td>(?:<p>)?error(?:</p>)?</td>", page)
    text = re.sub(r"<[^>]+>", "", page)
    assert "not UTF-8" in text
    assert text.count("XML002") == 2 and text.count("TX101") == 1
    assert "TX codes" in text and "XML codes" in text


def test_a_registry_that_cannot_be_rendered_fails_the_build(tmp_path: Path):
    run, _ = _build(tmp_path, "# Codes\n\n```{diagnostics-table} NOPE\n```\n")
    assert run.returncode != 0
    assert "diagnostics-table: cannot render the registry" in run.stderr
    assert "KeyError" in run.stderr


def test_rule_ids_link_to_their_reference_entries(tmp_path: Path):
    anchors = "(rule-B27a)=\n## B27a\n\ntext\n\n(rule-s6.5)=\n## §6.5\n\ntext\n"
    run, html = _build(tmp_path, f"# Codes\n\n```{{diagnostics-table}} RULES\n```\n\n{anchors}")
    assert run.returncode == 0, run.stderr
    page = html.read_text(encoding="utf-8")
    assert 'href="#rule-b27a"' in page and 'href="#rule-s6-5"' in page


def test_a_rule_without_a_reference_entry_fails_the_build(tmp_path: Path):
    page = "# Codes\n\n```{diagnostics-table} RULES\n```\n\n(rule-B27a)=\n## B27a\n"
    run, _ = _build(tmp_path, page)
    assert run.returncode != 0
    assert "rule-s6.5" in run.stderr
