"""teiHeader (§2 "Header order") and assembly: the seed's header equals the reference byte for
byte, every part appears in the house order, the output is deterministic and valid."""

from __future__ import annotations

import copy
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from lxml import etree

from tei_tools.readers.transcript.assemble import assemble
from tei_tools.readers.transcript.body.facts import BodyFacts
from tei_tools.readers.transcript.context import Context, ReaderSettings
from tei_tools.readers.transcript.header import Citation, Credit, Metadata, build_header
from tei_tools.readers.transcript.profiles import get_profile
from tei_tools.readers.transcript.source import decode
from tei_tools.safexml import NS, TEI_NS, parse_bytes

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "support"))
import canon  # noqa: E402

T = f"{{{TEI_NS}}}"
HEADER_ORDER = [  # conventions.md §2 "Header order", every optional part present
    "teiHeader", "fileDesc", "titleStmt", "title", "author", "funder", "orgName", "respStmt",
    "resp", "persName", "respStmt", "resp", "orgName", "respStmt", "resp", "orgName", "respStmt",
    "resp", "name", "publicationStmt", "publisher", "idno", "availability", "licence",
    "notesStmt", "note", "sourceDesc", "msDesc", "msIdentifier", "settlement", "repository",
    "idno", "idno", "idno", "altIdentifier", "idno", "msContents", "textLang", "msItem", "locus",
    "title", "bibl", "bibl", "title", "publisher", "date", "date", "idno", "ref",
    "encodingDesc", "classDecl", "taxonomy", "category", "catDesc", "taxonomy", "category",
    "catDesc", "category", "catDesc", "category", "catDesc", "profileDesc", "abstract", "p",
    "correspDesc", "correspAction", "placeName", "creation",
    "date", "handNotes", "handNote", "p", "langUsage", "language", "language", "language",
    "language",
    "textClass", "catRef", "catRef", "revisionDesc", "change", "change",
    "standOff", "listPerson", "person", "persName",
]


def document_div(docid: str = "doc") -> etree._Element:
    div = etree.Element(T + "div", type="document")
    div.set("{http://www.w3.org/XML/1998/namespace}id", f"{docid}-doc")
    etree.SubElement(div, T + "p").text = "Text."
    return div


def convert_with(data: bytes, name: str, facts: BodyFacts, div: etree._Element,
                 settings: ReaderSettings | None = None) -> tuple[bytes, Context]:
    from tei_tools.readers.transcript.context import docid_from_name
    settings = settings or ReaderSettings()
    ctx = Context(docid_from_name(name), path=name, settings=settings)
    profile = get_profile(settings.profile)
    wrapper = profile.split(decode(data, ctx), ctx)
    header = profile.build_header(wrapper, facts, ctx)
    return assemble(header, SimpleNamespace(div=div, facts=facts), ctx), ctx


@pytest.fixture
def seed_with_reference_body(seed_transcript, seed_reference):
    """The seed converted by the real wrapper/header/assembly, with the body taken from the
    reference and the BodyFacts the reference's body implies."""
    ref = etree.parse(str(seed_reference))
    div = copy.deepcopy(ref.find(".//t:body/t:div", NS))
    facts = BodyFacts(creation_date=copy.deepcopy(ref.find(".//t:creation/t:date", NS)),
                      languages=["ru-Latn"], caption_subtype="diary")
    out, _ = convert_with(seed_transcript.read_bytes(), "puzanov-1957-05-23.txt", facts, div)
    return out


def test_seed_header_and_assembly_are_byte_identical_to_the_reference(
        seed_with_reference_body, seed_reference):
    assert seed_with_reference_body == seed_reference.read_bytes()


def test_seed_equal_under_canon(seed_with_reference_body, seed_reference, tmp_path):
    out = tmp_path / "out.xml"
    out.write_bytes(seed_with_reference_body)
    assert canon.normalise(str(out)) == canon.normalise(str(seed_reference))


def rich() -> tuple[Metadata, BodyFacts]:
    meta = Metadata(template="F4", template_name="old site", title="A Title [with brackets]",
                    authors=["An Author"], funders=["Korea Foundation"],
                    credit=Credit("translated by", "A. Translator", "the X Project", True),
                    rights="The licence text.", unparsed=["odd line"],
                    citation=Citation("AVPRF F. 1, Op. 2, Listy 3-4", "Moscow", "AVPRF",
                                      [(None, "F. "), ("fond", "1"), (None, ", Op. "),
                                       ("opis", "2")], ("Listy 3-4", "3", "4"), "ru"),
                    citation_sentence="\"A Title,\" May 2, 1960, …",
                    catalogue_date=("May 2, 1960", "1960-05-02"), uploaded="2012-01-02",
                    record_id="123", doc_type="Diary Entry", language="Korean",
                    classification="Top Secret", summaries=["A summary."], unproofread=True)
    corresp = etree.Element(T + "correspDesc")
    action = etree.SubElement(corresp, T + "correspAction", type="sent")
    etree.SubElement(action, T + "placeName").text = "Beijing"
    created = etree.Element(T + "date", when="1960-05-01")
    created.text = "1 May 1960"
    facts = BodyFacts(creation_date=created, languages=["ru-Latn", "zh"], hands=["handwritten:"],
                      classifications=[("cls.s", "SECRET"), ("cls.sf", "Special File")],
                      correspondence=corresp, speakers=[("sp.kim", "Kim")])
    return meta, facts


def test_header_order_with_every_part(ctx):
    meta, facts = rich()
    parts = build_header(meta, facts, ctx)
    names = [etree.QName(el).localname for part in parts for el in part.iter()]
    assert names == HEADER_ORDER


def test_rich_header_values(ctx):
    meta, facts = rich()
    header, stand_off = build_header(meta, facts, ctx)
    def x(path):
        return header.xpath(path, namespaces=NS)
    assert x("string(//t:title[@type='main'])") == "A Title [with brackets]"
    assert x("//t:respStmt[@xml:id='tr']/t:resp/text()") == ["translated by"]
    assert x("//t:respStmt[not(@xml:id)]/t:orgName/text()") == ["the X Project"]
    assert x("//t:bibl[@type='digital-source']/t:ref/@target") == [
        "https://digitalarchive.wilsoncenter.org/document/123"]
    assert x("//t:taxonomy[@xml:id='classification']/t:category/@xml:id") == [
        "cls.s", "cls.sf", "cls.ts"]
    assert x("//t:taxonomy[@xml:id='classification']//t:catDesc/text()") == [
        "SECRET", "Special File", "Top Secret"]   # the terms as found
    # the strongest classification goes into catRef
    assert x("//t:catRef[@scheme='#classification']/@target") == ["#cls.ts"]
    assert x("//t:langUsage/t:language/@ident") == ["en", "ko", "ru-Latn", "zh"]
    assert x("//t:langUsage/t:language/text()") == ["English", "Korean",
                                                    "Russian (romanised terms)", "Chinese"]
    assert x("//t:handNote/@xml:id") == ["h.1"]
    assert x("//t:change[@status='unproofread']/@who") == ["#wcda"]
    assert x("string(//t:creation/t:date/@when)") == "1960-05-01"
    assert stand_off.xpath("//t:person/@xml:id", namespaces=NS) == ["sp.kim"]


def test_placeholder_translator_and_catalogue_creation_date(ctx):
    header, = build_header(Metadata(catalogue_date=("May 2, 1960", "1960-05-02")),
                           BodyFacts(), ctx)
    assert header.xpath("//t:respStmt[@xml:id='tr']/*/text()", namespaces=NS) == [
        "Translation", "translator not named"]
    assert header.xpath("//t:creation/t:date/@when", namespaces=NS) == ["1960-05-02"]
    assert header.xpath("//t:change/text()", namespaces=NS) == [
        "Converted from page template F6 (header-less variant)."]


@pytest.mark.parametrize("caption, subtype, ident, desc", [
    ("Report on the situation in the DRV", "report", "doctype.report", "Report"),
    ("FROM THE JOURNAL", "diary", "doctype.diary-entry", "Diary Entry"),
    ("RECORD OF CONVERSATION", "memcon", "doctype.memorandum-of-conversation",
     "Memorandum of Conversation"),
])
def test_doctype_from_the_caption_without_trailer_type(ctx, caption, subtype, ident, desc):
    header, = build_header(Metadata(), BodyFacts(caption=caption, caption_subtype=subtype), ctx)
    assert header.xpath("//t:category/@xml:id", namespaces=NS) == [ident]
    assert header.xpath("//t:category/t:catDesc/text()", namespaces=NS) == [desc]
    assert header.xpath("//t:catRef/@target", namespaces=NS) == ["#" + ident]


def test_no_doctype_when_the_type_is_unknown(ctx):
    header, = build_header(Metadata(), BodyFacts(caption="Whatever", caption_subtype="other"),
                           ctx)
    assert header.xpath("//t:taxonomy", namespaces=NS) == []


def test_publisher_setting(seed_transcript):
    out, _ = convert_with(seed_transcript.read_bytes(), "p.txt", BodyFacts(), document_div(),
                          ReaderSettings(publisher="My Edition"))
    tree = parse_bytes(out)
    assert tree.xpath("//t:publicationStmt/t:publisher/text()", namespaces=NS) == ["My Edition"]
    assert tree.xpath("//t:bibl[@type='digital-source']/t:publisher/text()",
                      namespaces=NS) == ["Wilson Center Digital Archive"]


def test_output_is_deterministic(corpus_bytes):
    data = corpus_bytes("04-telegram-roshchin-1951-02.txt")
    runs = {convert_with(data, "04.txt", BodyFacts(), document_div())[0] for _ in range(3)}
    assert len(runs) == 1


def test_layout_mixed_content_on_one_line(seed_with_reference_body):
    text = seed_with_reference_body.decode()
    assert text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns=')
    assert '\n            <label>1 -</label><item>Cde. Gromyko</item>\n' in text
    assert "</seg> <seg type=\"copy\">" in text
    assert "\u00a0" not in text


CORPUS = sorted(p.name for p in (Path(__file__).resolve().parents[1] / "data/corpus").glob("*.txt"))


@pytest.mark.parametrize("name", CORPUS + ["puzanov-1957-05-23.txt"])
def test_header_of_every_corpus_file_is_valid_tei(name, corpus_bytes, tei_all_schema):
    out, ctx = convert_with(corpus_bytes(name), name, BodyFacts(), document_div())
    tree = parse_bytes(out)
    assert tei_all_schema.validate(tree), tei_all_schema.error_log.last_error
    assert not [d for d in ctx.diagnostics if d.severity >= 2]


def test_rich_header_is_valid_tei(ctx, tei_all_schema):
    meta, facts = rich()
    out = assemble(build_header(meta, facts, ctx), SimpleNamespace(div=document_div()), ctx)
    assert tei_all_schema.validate(parse_bytes(out)), tei_all_schema.error_log.last_error


def test_bare_profile_header_is_valid(tei_all_schema):
    out, _ = convert_with(b"NOTE\n\nSome text.\n", "bare-doc.txt", BodyFacts(),
                          document_div("bare-doc"), ReaderSettings(profile="bare"))
    tree = parse_bytes(out)
    assert tei_all_schema.validate(tree), tei_all_schema.error_log.last_error
    assert tree.xpath("//t:title[@type='main']/text()", namespaces=NS) == ["bare-doc"]
    assert tree.xpath("//t:publisher/text()", namespaces=NS) == ["Unpublished transcript"]
