"""The pruned-schema fast path for big RELAX NG schemas gives the full schema's verdicts."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools import safexml
from tei_tools.validation import rng_prune, validate

FIXTURES = Path(__file__).resolve().parent / "fixtures"
TEI = "http://www.tei-c.org/ns/1.0"


def _verdicts(schema: etree.RelaxNG, trees: list[etree._ElementTree]) -> list[tuple[bool, int]]:
    out = []
    for tree in trees:
        ok = schema.validate(tree)
        out.append((ok, len(schema.error_log)))
    return out


def test_fixtures_and_real_tei_same_verdicts(tei_all_rng, tei_all_schema, shared_dir):
    files = sorted(FIXTURES.glob("*/*.xml"))
    files += sorted((shared_dir / "real-tei" / "frus-history").rglob("*.xml"))
    trees = [safexml.parse_file(f, collect_ids=False) for f in files]
    pruned = rng_prune.pruned_relaxng(tei_all_rng, rng_prune.element_names(files))
    assert pruned is not None
    assert _verdicts(pruned, trees) == _verdicts(tei_all_schema, trees)


@pytest.mark.parametrize("name", ["invalid-no-title-stmt.xml", "invalid-text-in-body.xml",
                                  "invalid-date-when.xml", "invalid-list-in-opener.xml"])
def test_validate_uses_the_fast_path_and_keeps_messages(tei_all_rng, tei_all_schema, name):
    doc = FIXTURES / "rng" / name
    report = validate([doc], schemas=[tei_all_rng], project_rules=False, jobs=1)
    assert not tei_all_schema.validate(safexml.parse_file(doc))
    full = {(e.line, e.message) for e in tei_all_schema.error_log}
    assert {(d.line, d.message) for d in report.diagnostics} == full


def _parsed_names(path: Path) -> set[str]:
    tree = safexml.parse_file(path, collect_ids=False)
    return {etree.QName(e).localname for e in tree.iter() if isinstance(e.tag, str)}


def test_scanned_names_include_every_element_used(shared_dir):
    """element_names reads bytes, not a parse: it must still find every element name."""
    files = sorted(FIXTURES.glob("*/*.xml"))
    files += sorted((shared_dir / "real-tei").rglob("*.xml"))[:400]
    for path in files:
        try:
            used = _parsed_names(path)
        except Exception:  # noqa: BLE001 - not well-formed: nothing to compare
            continue
        assert used <= rng_prune.element_names([path]), path


def test_scanned_names_across_read_boundaries_and_encodings(tmp_path, monkeypatch):
    monkeypatch.setattr(rng_prune, "_READ", 7)  # tags straddle every chunk boundary
    doc = tmp_path / "d.xml"
    doc.write_text('<?xml version="1.0"?><!-- <fake --><TEI xmlns="http://www.tei-c.org/ns/1.0">'
                   '<teiHeader/><text><body><p>a<hi rend="x">b</hi><tei:seg xmlns:tei="'
                   'http://www.tei-c.org/ns/1.0">c</tei:seg><ändern/></p></body></text></TEI>',
                   encoding="utf-8")
    found = rng_prune.element_names([doc])
    assert _parsed_names(doc) <= found
    wide = tmp_path / "w.xml"
    wide.write_bytes('<?xml version="1.0" encoding="UTF-16"?><TEI><text/></TEI>'.encode("utf-16"))
    assert {"TEI", "text"} <= rng_prune.element_names([wide])


def _mutant(seed_reference: Path, data) -> tuple[etree._ElementTree, frozenset]:
    """The reference with renamed elements and added attributes."""
    tree = safexml.parse_file(seed_reference)
    elements = [e for e in tree.iter() if isinstance(e.tag, str)]
    for _ in range(data.draw(st.integers(1, 3))):
        element = data.draw(st.sampled_from(elements))
        if data.draw(st.booleans()):
            name = data.draw(st.sampled_from(["emph", "date", "p", "div", "note", "ab", "seg",
                                               "list", "item", "front", "lg", "l", "made-up",
                                               "titleStmt", "body"]))
            element.tag = f"{{{TEI}}}{name}"
        else:
            element.set(data.draw(st.sampled_from(["type", "rend", "when", "n", "style"])),
                        data.draw(st.sampled_from(["x", "1957-05-31", "main", "a b"])))
    names = frozenset(etree.QName(e).localname for e in tree.iter() if isinstance(e.tag, str))
    return tree, names


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutants_same_verdicts(seed_reference, tei_all_rng, tei_all_schema, data):
    tree, names = _mutant(seed_reference, data)
    pruned = rng_prune.pruned_relaxng(tei_all_rng, names)
    assert pruned.validate(tree) == tei_all_schema.validate(tree)


@pytest.mark.slow
@settings(max_examples=6, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_mutants_same_verdicts_with_stubs(seed_reference, tei_all_rng, tei_all_schema, data):
    tree, names = _mutant(seed_reference, data)
    stubbed = etree.RelaxNG(rng_prune.prune(safexml.parse_file(tei_all_rng), names, stubs=True))
    assert stubbed.validate(tree) == tei_all_schema.validate(tree)


def test_only_plain_grammars_are_pruned(tmp_path):
    grammar = ('<grammar xmlns="http://relaxng.org/ns/structure/1.0"><include href="x.rng"/>'
               '<start><element name="a"><empty/></element></start></grammar>')
    assert rng_prune.prune(etree.ElementTree(etree.fromstring(grammar)),
                           frozenset({("", "a")})) is None
    small = tmp_path / "small.rng"
    small.write_text(grammar.replace('<include href="x.rng"/>', ""))
    assert rng_prune.pruned_relaxng(small, frozenset({("", "a")})) is None  # not worth it


@pytest.mark.parametrize("name", ["valid-reference.xml", "invalid-no-title-stmt.xml"])
def test_folder_run_with_tei_all_is_fast(tei_all_rng, name):
    report = validate([FIXTURES / "rng" / name], schemas=[tei_all_rng], project_rules=False)
    assert report.seconds < 5  # the full compile takes 10-14 s (more on a busy machine)
    assert report.valid == name.startswith("valid")
