"""The project schema: generated in step with its sources, and a true subset of TEI All."""

from __future__ import annotations

import copy
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools import safexml
from tei_tools.resources import schema_path
from tei_tools.validation import engines, rng_simplify, schema_build
from tei_tools.validation.schema_docs import render_readme, render_values_sch, sch_rules

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SPEC = tomllib.loads(schema_path("src/house.toml").read_text(encoding="utf-8"))
ALL_FIXTURES = sorted(FIXTURES.glob("*/*.xml"))


def test_readme_is_in_step_with_the_sources():
    expected = render_readme(SPEC, sch_rules(schema_path("tei-tools.sch")))
    assert schema_path("README.md").read_text(encoding="utf-8") == expected, \
        "run: python -m tei_tools.validation.schema_build /path/to/tei_all.rng"


def test_readme_documents_every_element_and_value():
    readme = schema_path("README.md").read_text(encoding="utf-8")
    for element, (meaning, example) in SPEC["elements"].items():
        assert f"| `{element}` | {meaning.replace('|', '&#124;')}" in readme or meaning in readme
        assert example.split(" ")[0].split(">")[0] in readme
    for key, values in SPEC["values"].items():
        for value in values:
            assert f'{key.split("@")[1]}="{value}"' in readme


def test_values_schematron_is_in_step_with_the_sources():
    assert schema_path("tei-tools-values.sch").read_text(encoding="utf-8") == \
        render_values_sch(SPEC)


def test_rng_is_in_step_with_tei_all(tei_all_rng, tmp_path):
    """The committed schema is exactly what the generator makes from tei_all.rng."""
    # the Schematron and every file it includes (the README lists their rules)
    for name in ("src/house.toml", *(p.name for p in schema_path(".").glob("*.sch"))):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_bytes(schema_path(name).read_bytes())
    schema_build.write(tei_all_rng, tmp_path)
    assert (tmp_path / "tei-tools.rng").read_bytes() == schema_path("tei-tools.rng").read_bytes()


def test_rng_allows_exactly_the_house_elements():
    tree = safexml.parse_file(schema_path("tei-tools.rng"))
    names = {e.get("name") for e in tree.iter(f"{{{rng_simplify.RNG}}}element")}
    assert names == set(SPEC["elements"])


def test_builder_refuses_a_value_tei_all_does_not_allow(tei_all_rng):
    """Narrowing must stay inside TEI: availability/@status is a closed TEI list."""
    spec = copy.deepcopy(SPEC)
    spec["values"]["availability@status"] = {"bogus": "not a TEI value"}
    with pytest.raises(schema_build.BuildError, match="bogus"):
        schema_build.build(tei_all_rng, spec)


def test_builder_refuses_unknown_elements(tei_all_rng):
    spec = copy.deepcopy(SPEC)
    spec["elements"]["madeUp"] = ["x", "<madeUp/>"]
    with pytest.raises(schema_build.BuildError, match="madeUp"):
        schema_build.build(tei_all_rng, spec)


def _house_valid(tree: etree._ElementTree) -> bool:
    return engines.relaxng(schema_path("tei-tools.rng")).validate(tree)


# Schematron fixtures the RELAX NG refuses too: its datatypes already catch what the rule checks.
_ALSO_RNG_INVALID = {"TT-DATE-ISO.fail.xml": "@when is typed as a W3C date in tei-tools.rng",
                     "TT-ID-UNIQUE.fail.xml": "xml:id is typed ID, so duplicates are RNG errors"}


def _meant_house_valid(path: Path) -> bool:
    return not path.name.startswith("invalid-") and path.name not in _ALSO_RNG_INVALID


@pytest.mark.parametrize("path", ALL_FIXTURES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_fixture_valid_against_project_is_valid_against_tei_all(path, tei_all_schema):
    """Each fixture gets the project verdict it was made for; the valid ones also pass TEI All."""
    tree = safexml.parse_file(path, collect_ids=False)
    assert _house_valid(tree) == _meant_house_valid(path)
    if _meant_house_valid(path):
        assert tei_all_schema.validate(tree), str(tei_all_schema.error_log)


def test_reference_valid_against_both(seed_reference, tei_all_schema):
    tree = safexml.parse_file(seed_reference)
    assert _house_valid(tree)
    assert tei_all_schema.validate(tree)


# ---------------------------------------------------------------- property: subset in practice

_VALUES = sorted({v for values in SPEC["values"].values() for v in values} | {"x", "1957-05-31"})
_ATTRS = ["type", "subtype", "rend", "place", "reason", "when", "n", "unit", "resp"]


@settings(max_examples=80, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much])
@given(st.data())
def test_mutants_of_the_reference_keep_the_subset_property(seed_reference, tei_all_schema, data):
    """Random attribute edits: whatever tei-tools.rng accepts, TEI All accepts."""
    tree = safexml.parse_file(seed_reference)
    elements = [e for e in tree.iter() if isinstance(e.tag, str)]
    for _ in range(data.draw(st.integers(1, 4))):
        element = data.draw(st.sampled_from(elements))
        element.set(data.draw(st.sampled_from(_ATTRS)), data.draw(st.sampled_from(_VALUES)))
    # Only the mutants the project accepts say anything about the subset property; draw again
    # for the others, so that every example reaches the assertion.
    assume(_house_valid(tree))
    assert tei_all_schema.validate(tree), str(tei_all_schema.error_log)
