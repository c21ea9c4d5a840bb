"""link_tree on TEI: tagged names, running text, @cert, the prefix, idempotence, validity."""

from __future__ import annotations

from lxml import etree
from support import pending

from tei_tools import safexml
from tei_tools.registers import link_tree
from tei_tools.registers.files import serialise

DOC = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="doc1">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title type="main">Journal</title>
        <respStmt xml:id="tr"><resp>Translated by</resp>
          <persName>Gary Goldberg</persName></respStmt>
      </titleStmt>
      <publicationStmt><publisher>Test</publisher></publicationStmt>
      <sourceDesc><bibl type="citation">Test</bibl></sourceDesc>
    </fileDesc>
    <profileDesc>
      <correspDesc>
        <correspAction type="sent"><placeName>MOSCOW</placeName></correspAction>
        <correspAction type="received"><persName>Kim Ir Sen</persName></correspAction>
      </correspDesc>
    </profileDesc>
  </teiHeader>
  <text>
    <body>
      <div type="document">
        <p>I visited Kim Il Sung in Pyongyang with Cde. Gromyko. Ivanov and Nam Il came too.</p>
        <p>The <hi rend="spaced">USSR MFA</hi> asked
          <persName ref="#elsewhere">Zhou Enlai</persName> to write.</p>
        <closer><signed>(<persName>A. PUZANOV</persName>)</signed></closer>
        <postscript><list type="distribution">
          <item>1 - <persName>Cde. Ivanov</persName></item>
          <item><persName>Puzanov</persName></item></list></postscript>
      </div>
    </body>
  </text>
</TEI>
"""


def _linked(register, text=DOC):
    tree = safexml.parse_bytes(text.encode())
    report = link_tree(tree, register, path="doc1.xml")
    return tree, report


def _refs(tree):
    return [(etree.QName(e).localname, "".join(e.itertext()), e.get("ref"), e.get("cert"))
            for e in tree.iter() if isinstance(e.tag, str) and e.get("ref")]


def test_tagged_names_get_refs_and_weak_matches_cert(register):
    tree, report = _linked(register)
    refs = _refs(tree)
    assert ("placeName", "MOSCOW", "reg:places.xml#pl.moscow", None) in refs
    assert ("persName", "Kim Ir Sen", "reg:persons.xml#p.kim-il-sung", None) in refs
    assert ("persName", "A. PUZANOV", "reg:persons.xml#p.puzanov", "high") in refs
    assert ("persName", "Puzanov", "reg:persons.xml#p.puzanov", "medium") in refs
    # a pointer set by hand is left alone; the translator (apparatus) is not linked
    assert ("persName", "Zhou Enlai", "#elsewhere", None) in refs
    assert not any(text == "Gary Goldberg" for _, text, _, _ in refs)
    assert report.linked == 4 and report.documents == 1 and report.changed == ["doc1"]


def test_running_text_is_tagged_when_unambiguous(register):
    tree, report = _linked(register)
    refs = _refs(tree)
    assert ("persName", "Kim Il Sung", "reg:persons.xml#p.kim-il-sung", None) in refs
    assert ("placeName", "Pyongyang", "reg:places.xml#pl.pyongyang", None) in refs
    assert ("persName", "Gromyko", "reg:persons.xml#p.gromyko", None) in refs
    assert ("orgName", "USSR MFA", "reg:orgs.xml#o.ussr-mfa", None) in refs
    assert report.tagged == 4
    # "Ivanov" names two entries: never tagged in the text, and not counted as tagged
    assert not any(text == "Ivanov" for _, text, _, _ in refs)
    text = serialise(tree).decode()
    assert "with Cde. <persName ref=\"reg:persons.xml#p.gromyko\">Gromyko</persName>. " in text
    assert ('<hi rend="spaced"><orgName ref="reg:orgs.xml#o.ussr-mfa">USSR MFA</orgName>'
            '</hi>') in text


def test_unknown_and_ambiguous_are_reported(register):
    tree, report = _linked(register)
    codes = sorted(d.code for d in report.diagnostics)
    # the tagged "Cde. Ivanov" names two entries; "Ivanov" alone in the text is no candidate
    # at all (a surname alone is never looked for in running text)
    assert codes == ["REG010"]
    assert [f.name for f in report.ambiguous] == ["Cde. Ivanov"]
    assert report.ambiguous[0].candidates == ("p.ivanov-p", "p.ivanov-v")
    assert report.unknown == []
    assert report.mentions["p.puzanov"] == ["doc1"]


def test_prefix_is_declared_once(register):
    tree, _ = _linked(register)
    defs = list(tree.iter(f"{{{safexml.TEI_NS}}}prefixDef"))
    assert len(defs) == 1 and defs[0].get("ident") == "reg"
    assert defs[0].get("replacementPattern") == "../registers/$1"
    assert defs[0].getparent().getparent().tag == f"{{{safexml.TEI_NS}}}encodingDesc"


def test_linking_twice_changes_nothing(register):
    tree, _ = _linked(register)
    once = serialise(tree)
    again = safexml.parse_bytes(once)
    report = link_tree(again, register)
    assert serialise(again) == once
    assert report.changed == [] and report.linked == 0 and report.tagged == 0
    assert report.kept == 8  # 4 linked + 4 tagged the first time


def test_no_register_pointer_no_prefix(register):
    text = DOC.replace("MOSCOW", "Leningrad").replace("Kim Ir Sen", "Nobody")
    text = text.split("<text>")[0] + "<text><body><p>Nothing here.</p></body></text></TEI>"
    tree, report = _linked(register, text)
    assert not list(tree.iter(f"{{{safexml.TEI_NS}}}prefixDef"))
    assert sorted(f.name for f in report.unknown) == ["Leningrad", "Nobody"]


def test_linked_corpus_stays_valid(register, corpus_files, tei_all_schema, tmp_path):
    """Every converted corpus document, linked, is valid against TEI All and the project
    schema (names are only inserted where TEI allows them)."""
    from regtools import person, place

    from tei_tools.conversion import convert_text
    from tei_tools.registers import Linker
    from tei_tools.validation import validate

    extra = [person("p.chen-yi", "Chen Yi", surname="Chen", forename="Yi",
                    surname_first=True), place("pl.hanoi", "Hanoi"), place("pl.beijing",
                                                                             "Beijing")]
    for entry in extra:
        register.entries[entry.id] = entry
    linker = Linker(register)
    tagged = 0
    for path in pending.settled(corpus_files, "tei-all"):
        result = convert_text(path.read_bytes(), path.name)
        tree = safexml.parse_bytes(result.tei)
        tagged += link_tree(tree, linker).tagged
        assert tei_all_schema.validate(tree), (path.name, tei_all_schema.error_log.last_error)
        (tmp_path / f"{result.docid}.xml").write_bytes(serialise(tree))
    assert tagged > 20
    report = validate([tmp_path], jobs=1)
    bad = [d.format() for d in report.diagnostics if d.code.startswith("TT-")
           and d.code not in ("TT-REG-FILE",) and d.severity >= 2]
    assert bad == []
