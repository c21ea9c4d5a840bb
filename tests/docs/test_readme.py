"""The README is what a newcomer needs first: at most 150 lines, beginning with the two commands
that install and build the demo edition and install and run the tests (CI runs the second,
.ci/run), and its links into the repository resolve."""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
README = REPO / "README.md"

BUILD = ("python3 -m venv .venv && . .venv/bin/activate && pip install . && "
         "tei-tools build editions/puzanov-1957 -o site")
TEST = ("python3 -m venv .venv && . .venv/bin/activate && pip install '.[test]' && pytest")


def commands(text: str) -> list[str]:
    """Shell lines in the order they appear: indented code lines and lines of fenced blocks."""
    found, fenced = [], False
    for line in text.splitlines():
        if line.startswith("```"):
            fenced = not fenced
        elif (fenced or line.startswith("    ")) and line.strip():
            found.append(line.strip())
    return found


def test_readme_is_short():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert len(lines) <= 150, f"README.md has {len(lines)} lines; move detail into docs/"


def test_readme_begins_with_the_install_and_test_commands():
    assert commands(README.read_text(encoding="utf-8"))[:2] == [BUILD, TEST]


def test_ci_runs_the_readme_test_command():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q '.[test]'" in ci and "pytest -q" in ci


def test_readme_links_resolve():
    text = README.read_text(encoding="utf-8")
    links = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text)
    local = [link for link in links if not re.match(r"[a-z]+:", link)]
    assert local, "the README links into docs/"
    missing = [link for link in local if not (REPO / link).exists()]
    assert not missing, f"README links to files that do not exist: {missing}"
    assert any(link.startswith("docs/") for link in local)


def test_commands_finds_code_lines():
    sample = "text\n\n    first cmd\n\n```sh\nsecond cmd\n```\n    third\n"
    assert commands(sample) == ["first cmd", "second cmd", "third"]
