"""XSpec-style tests of the project Schematron: a passing and a failing fixture for every rule."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

from tei_tools import safexml
from tei_tools.resources import schema_path
from tei_tools.validation import schematron, validate
from tei_tools.validation.schema_docs import sch_rules

SCH_FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sch"
sys.path.insert(0, str(SCH_FIXTURES.parent))
from _generate import CASES  # noqa: E402

RULES = sorted(CASES)


def _schematron_codes(path: Path) -> list[str]:
    compiled = schematron.compile_schematron(schema_path("tei-tools.sch"))
    return [d.code for d in schematron.run(compiled, safexml.parse_file(path, collect_ids=False),
                                                    str(path))]


@pytest.mark.parametrize("rule", RULES)
def test_passing_fixture_is_clean(rule):
    """The passing file is valid against the project schema and every project rule."""
    report = validate([SCH_FIXTURES / f"{rule}.pass.xml"], jobs=1)
    assert [d.format() for d in report.diagnostics] == []


@pytest.mark.parametrize("rule", RULES)
def test_failing_fixture_fires_the_rule(rule):
    codes = _schematron_codes(SCH_FIXTURES / f"{rule}.fail.xml")
    assert rule in codes
    # the pair differs only where the rule looks: no other Schematron rule fires
    assert set(codes) == {rule}


def test_fixture_files_are_generated_from_the_cases():
    from _generate import render

    for rule, (passing, failing) in CASES.items():
        assert (SCH_FIXTURES / f"{rule}.pass.xml").read_text(encoding="utf-8") == render(passing)
        assert (SCH_FIXTURES / f"{rule}.fail.xml").read_text(encoding="utf-8") == render(failing)


def test_every_hand_written_rule_has_fixtures():
    ids = {rid for rid, _, _ in sch_rules(schema_path("tei-tools.sch"))}
    # TT-LIST-*: generated from house.toml; TT-REG-*: the register rules read the edition's
    # registers/ folder beside the document, so tests/registers checks them on real editions
    hand_written = {rid for rid in ids if not rid.startswith(("TT-LIST-", "TT-REG-"))}
    assert hand_written == set(CASES)


def test_reference_is_valid(seed_reference):
    report = validate([seed_reference], jobs=1)
    assert [d.format() for d in report.diagnostics] == []
    assert report.exit_code() == 0


# ---------------------------------------------------------------- generated closed-value rules

SPEC = tomllib.loads(Path(schema_path("src/house.toml")).read_text(encoding="utf-8"))
LISTS = sorted(SPEC["values"])

DOC = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>t</title>
</titleStmt><publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc></fileDesc>
</teiHeader><text><body><p><{element} {attr}="{value}"/></p></body></text></TEI>"""


def _list_codes(key: str, value: str) -> list[str]:
    element, attr = key.split("@")
    element = "stamp" if element == "*" else element  # stamp has no list of its own for @rend
    tree = safexml.parse_bytes(DOC.format(element=element, attr=attr, value=value))
    compiled = schematron.compile_schematron(schema_path("tei-tools.sch"))
    return [d.code for d in schematron.run(compiled, tree, "t.xml")]


@pytest.mark.parametrize("key", LISTS)
def test_closed_list_accepts_its_values(key):
    rid = f"TT-LIST-{key.replace('*', 'any').replace('@', '-')}"
    for value in SPEC["values"][key]:
        assert rid not in _list_codes(key, value), value


@pytest.mark.parametrize("key", LISTS)
def test_closed_list_refuses_other_values(key):
    rid = f"TT-LIST-{key.replace('*', 'any').replace('@', '-')}"
    assert rid in _list_codes(key, "not-in-the-list")
