"""The pruned-schema fast path gives the same verdict as the full RELAX NG schema."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from lxml import etree

from tei_tools.validation import pruned

GRAMMAR = """<grammar xmlns="http://relaxng.org/ns/structure/1.0"
  xmlns:a="http://relaxng.org/ns/compatibility/annotations/1.0">
  <start><ref name="doc"/></start>
  <define name="doc"><element name="doc"><oneOrMore><ref name="block"/></oneOrMore></element>
  </define>
  <define name="block"><choice><ref name="p"/><ref name="list"/><ref name="note"/></choice>
  </define>
  <define name="p"><element name="p"><a:documentation>paragraph</a:documentation>
    <zeroOrMore><choice><text/><ref name="hi"/><ref name="note"/></choice></zeroOrMore>
  </element></define>
  <define name="hi"><element name="hi"><optional><attribute name="rend"/></optional><text/>
  </element></define>
  <define name="note"><element name="note"><ref name="p"/></element></define>
  <define name="list"><element name="list"><oneOrMore><ref name="item"/></oneOrMore></element>
  </define>
  <define name="item"><element name="item"><text/></element></define>
</grammar>"""

NAMES = ["doc", "p", "hi", "note", "list", "item", "bogus"]


def _schema(tmp_path):
    path = tmp_path / "small.rng"
    path.write_text(GRAMMAR, "utf-8")
    return path


def test_prune_drops_unused_elements():
    root = etree.fromstring(GRAMMAR.encode())
    small = pruned.prune(root, {"doc", "p"})
    bodies = {d.get("name"): etree.QName(d[0]).localname
              for d in small.iter(f"{pruned._R}define")}
    assert bodies["hi"] == bodies["list"] == "notAllowed"  # still referenced, never matches
    assert "item" not in bodies  # only reachable through list: dropped
    assert bodies["p"] == "element"
    assert not list(small.iter("{http://relaxng.org/ns/compatibility/annotations/1.0}*"))


def test_valid_document_needs_no_full_schema(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_TOOLS_CACHE", str(tmp_path / "cache"))
    validator = pruned.PrunedValidator(_schema(tmp_path))
    tree = etree.ElementTree(etree.fromstring(b"<doc><p>x <hi rend='b'>y</hi></p></doc>"))
    assert validator.check(tree, "a.xml") == []
    assert validator.full_checks == 0
    assert list((tmp_path / "cache" / "rng").glob("*.rng"))  # cached for the next run


def test_invalid_document_is_reported_by_the_full_schema(tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_TOOLS_CACHE", str(tmp_path / "cache"))
    validator = pruned.PrunedValidator(_schema(tmp_path), code="RNG")
    tree = etree.ElementTree(etree.fromstring(b"<doc>\n<list><p/></list></doc>"))
    problems = validator.check(tree, "b.xml")
    assert problems and problems[0].path == "b.xml" and problems[0].line == 2
    assert validator.full_checks == 1


def _doc_strategy():
    leaf = st.sampled_from(NAMES).map(lambda n: etree.Element(n))

    def extend(children):
        return st.tuples(st.sampled_from(NAMES), st.lists(children, max_size=3)).map(_node)

    return st.recursive(leaf, extend, max_leaves=8)


def _node(parts):
    name, children = parts
    node = etree.Element(name)
    node.extend(children)
    return node


@settings(max_examples=150, deadline=None)
@given(_doc_strategy())
def test_same_verdict_as_full_schema(tmp_path_factory, doc):
    tmp = tmp_path_factory.getbasetemp()
    path = tmp / "small.rng"
    if not path.exists():
        path.write_text(GRAMMAR, "utf-8")
    full = etree.RelaxNG(etree.parse(str(path)))
    tree = etree.ElementTree(doc)
    small = pruned.prune(etree.fromstring(GRAMMAR.encode()), pruned.element_names(tree))
    assert etree.RelaxNG(small).validate(tree) == full.validate(tree)


def test_tei_all_fast_path_on_the_seed(tei_all_rng, seed_reference, tmp_path, monkeypatch):
    monkeypatch.setenv("TEI_TOOLS_CACHE", str(tmp_path / "cache"))
    found = pruned.validate_files([seed_reference], tei_all_rng, jobs=1)
    assert found == []
    assert pruned._validator(str(tei_all_rng.resolve())).full_checks == 0
