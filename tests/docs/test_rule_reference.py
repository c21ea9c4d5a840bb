"""Every rule ID the code cites (``B18``, ``L-4``, ``A.7``, ``§6.5`` …) has an entry in the
conventions reference of the documentation (``docs/conventions/``), with the anchor
``(rule-{ID})=`` (``§`` written ``s``: ``(rule-s6.5)=``)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
CONVENTIONS = REPO / "docs" / "conventions"
CITING = ("tei_tools", "xslt", "schemas")
TEXT_SUFFIXES = {".py", ".xsl", ".xml", ".sch", ".rng", ".toml", ".json", ".md", ".css", ".js"}

# F3, M17, B27a, L30, P12, N9; L-4 (lexical rules); A.7 (appendix); §6.5 (sections)
RULE_ID = re.compile(
    r"(?<![\w.§/-])(?:[FMBLPN]\d{1,2}[a-c]?|L-\d{1,2}|A\.\d{1,2}|§\s?\d+(?:\.\d+)*)(?![\w-])")
ANCHOR = re.compile(r"^\(rule-([^)\s]+)\)=\s*$", re.MULTILINE)


def _not_a_rule(text: str, match: re.Match[str]) -> bool:
    """IDs of other specifications that look like ours: "TEI P5" (also "P5 4.12.0" and "P5
    Version 4.12.0") and sections of other documents ("RELAX NG spec §4.19", "the TEI
    Guidelines §16.2.3")."""
    found, before = match.group(0), text[max(0, match.start() - 40):match.start()]
    if found == "P5" and (before.endswith("TEI ")
                          or re.match(r"\s+(?:\d+\.\d+|Version)", text[match.end():])):
        return True
    return found.startswith("§") and any(other in before
                                         for other in ("RELAX NG", "spec", "Guidelines"))


def cited_ids(roots: list[Path]) -> dict[str, set[str]]:
    """Rule ID → the files (relative to their root's parent) that cite it."""
    cited: dict[str, set[str]] = {}
    for root in roots:
        for path in sorted(root.rglob("*")):
            if not path.is_file() or path.suffix not in TEXT_SUFFIXES:
                continue
            text = path.read_text(encoding="utf-8")
            for match in RULE_ID.finditer(text):
                if not _not_a_rule(text, match):
                    rule = match.group(0).replace(" ", "")
                    cited.setdefault(rule, set()).add(str(path.relative_to(root.parent)))
    return cited


def documented_anchors(folder: Path) -> set[str]:
    return {m.group(1).lower() for page in folder.glob("*.md")
            for m in ANCHOR.finditer(page.read_text(encoding="utf-8"))}


def anchor_of(rule: str) -> str:
    return rule.replace("§", "s").lower()


def missing_entries(roots: list[Path], folder: Path) -> dict[str, set[str]]:
    anchors = documented_anchors(folder)
    return {rule: files for rule, files in cited_ids(roots).items()
            if anchor_of(rule) not in anchors}


def test_every_cited_rule_id_has_a_reference_entry():
    missing = missing_entries([REPO / name for name in CITING], CONVENTIONS)
    listed = "; ".join(f"{rule} (in {', '.join(sorted(files)[:3])})"
                       for rule, files in sorted(missing.items()))
    assert not missing, f"rule IDs cited without an entry in docs/conventions/: {listed}"


def test_the_code_cites_rules_of_every_family():
    """The scan finds what the code cites (a scan that finds nothing would pass the test above)."""
    cited = cited_ids([REPO / name for name in CITING])
    for rule in ("F1", "M17", "B18", "B27a", "L-4", "L30", "N9", "A.7", "§6.5"):
        assert rule in cited, rule
    assert "§4.19" not in cited                                      # RELAX NG specification
    assert "§16.2.3" not in cited                                    # TEI Guidelines
    assert "tei_tools/__init__.py" not in cited.get("P5", set())    # "TEI P5"
    assert "schemas/tei-tools.rng" not in cited.get("P5", set())    # "P5 Version 4.12.0"


def test_a_missing_entry_is_reported(tmp_path: Path):
    docs = tmp_path / "conventions"
    shutil.copytree(CONVENTIONS, docs)
    brackets = docs / "brackets.md"
    brackets.write_text(brackets.read_text(encoding="utf-8").replace("(rule-B18)=\n", ""),
                        encoding="utf-8")
    code = tmp_path / "tei_tools"
    code.mkdir()
    (code / "rule.py").write_text('"""B18 stamps; B99 a rule nobody wrote; TEI P5; §6.5."""\n',
                                  encoding="utf-8")
    missing = missing_entries([code], docs)
    assert set(missing) == {"B18", "B99"}
    assert missing["B18"] == {"tei_tools/rule.py"}


def test_anchors_are_unique():
    seen: dict[str, str] = {}
    for page in sorted(CONVENTIONS.glob("*.md")):
        for match in ANCHOR.finditer(page.read_text(encoding="utf-8")):
            label = match.group(1).lower()
            assert label not in seen, f"(rule-{match.group(1)})= in {page.name} and {seen[label]}"
            seen[label] = page.name
