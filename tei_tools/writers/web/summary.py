"""A small summary of one TEI document: what the index, chronology, search and citations need.

Summaries are collected one document at a time, so the site's memory use does not grow with
the number of documents beyond these few strings each. The XPaths mirror the functions of
``xslt/common/functions.xsl`` (tt:title, tt:doctype …), so the index and the document pages
agree; the date is tt:date-element itself (xslt/common/dates.xsl), run through Saxon.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from pathlib import Path

from lxml import etree

from ... import saxon
from ...resources import xslt_path
from ...safexml import NS
from ..tei import docid_of

_DOCTYPES = {
    "diary": "Diary entry", "telegram": "Telegram", "memcon": "Memorandum of conversation",
    "report": "Report", "letter": "Letter", "minutes": "Minutes", "note": "Note",
    "decree": "Decree", "information": "Information", "other": "Other",
}
_CLASSIFICATION = {"cls.ts": "Top secret", "cls.s": "Secret", "cls.c": "Confidential",
                   "cls.sf": "Special file"}
# Marks of the house encoding (what the conventions page explains): the reader's idno, or the
# elements and types that only transcripts converted by tei-tools have.
_HOUSE = ("boolean(tei:teiHeader/tei:fileDesc/tei:publicationStmt/tei:idno[@type='tei-tools']"
          " | tei:text//tei:stamp | tei:text//tei:c[@type='stray-bracket']"
          " | tei:text//tei:note[@type='desc'] | tei:text//tei:unclear[@reason='encoding'])")
_ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?")


@dataclass
class DocSummary:
    """What the edition pages know about one document (all plain strings: cheap to pickle)."""

    docid: str
    source: str                      # path of the TEI file
    title: str
    date: str = ""                   # ISO (YYYY, YYYY-MM or YYYY-MM-DD), "" when unknown
    date_label: str = ""             # as written in the TEI
    doctype: str = ""
    subtype: str = ""
    archive: str = ""                # repository, settlement
    repository: str = ""
    settlement: str = ""
    shelfmark: str = ""
    translator: str = ""
    summary: str = ""
    classification: list[str] = field(default_factory=list)
    language: str = ""
    funders: list[str] = field(default_factory=list)
    member: int = 0                  # n: the n-th TEI of a teiCorpus file (0: the whole file)
    date_source: str = ""            # where the date was found (an XPath below TEI)
    series: str = ""                 # fileDesc/seriesStmt/title (the edition it belongs to)
    house: bool = False              # uses the house encoding (conventions.md §5)
    # the register entries it names (@ref="reg:persons.xml#id"), sorted: "mentioned in"
    refs: list[str] = field(default_factory=list)

    @property
    def year(self) -> str:
        return self.date[:4] if self.date else ""

    def sort_key(self) -> tuple[str, str]:
        # undated documents go last; the docid breaks ties so the order is total
        return (self.date or "9999", self.docid)

    def to_dict(self) -> dict:
        return asdict(self)


def document_date(tree: etree._ElementTree) -> tuple[str, str, str]:
    """The document's date: (ISO value cut to YYYY[-MM[-DD]] or "", the date as written, where
    it was found). Decided by tt:date-element (xslt/common/dates.xsl), the one rule that the
    document pages and the print writer use too."""
    iso, label, source = (saxon.transform(xslt_path("common/document-date.xsl"), tree)
                          .split("\n") + ["", "", ""])[:3]
    match = _ISO.match(iso)
    return (match.group(0) if match else ""), label, source


def _text(nodes) -> str:
    for node in nodes:
        value = " ".join("".join(node.itertext()).split()) if hasattr(node, "itertext") else \
            " ".join(str(node).split())
        if value:
            return value
    return ""


def summarise(tree: etree._ElementTree, path: Path, member: int = 0) -> DocSummary:
    """Extract the summary of a safely parsed TEI document (``member``: its position in a
    teiCorpus file, see tei.member_tree)."""
    root = tree.getroot()
    docid = docid_of(tree, path, member)

    def xp(expr: str):
        return root.xpath(expr, namespaces=NS)

    title = _text(xp("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title[@type='main']")
                  + xp("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title"))
    date, date_label, date_source = document_date(tree)
    subtype = _text(xp("tei:text/tei:body/tei:div[@type='document']/@subtype"))
    doctype = ""
    for target in xp("tei:teiHeader/tei:profileDesc/tei:textClass/tei:catRef"
                     "[@scheme='#doctype']/@target")[:1]:
        doctype = _text(xp(f"tei:teiHeader//tei:category[@xml:id='{target[1:]}']/tei:catDesc")
                        if re.fullmatch(r"#[\w.-]+", target) else [])
    # group by the closed subtype list (§5.2) when there is one, as tt:doctype-group does
    doctype = _DOCTYPES.get(subtype, subtype) if subtype else doctype
    ident = xp("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msIdentifier")
    repository = _text(ident[0].xpath("tei:repository", namespaces=NS)) if ident else ""
    settlement = _text(ident[0].xpath("tei:settlement", namespaces=NS)) if ident else ""
    shelfmark = _text(ident[0].xpath("tei:altIdentifier[@type='as-cited']/tei:idno", namespaces=NS)
                      + ident[0].xpath("tei:idno", namespaces=NS)) if ident else ""
    classes = []
    for targets in xp("tei:teiHeader/tei:profileDesc/tei:textClass/tei:catRef"
                      "[@scheme='#classification']/@target"):
        for target in targets.split():
            label = _CLASSIFICATION.get(target.lstrip("#"))
            if label and label not in classes:
                classes.append(label)
    return DocSummary(
        docid=docid,
        source=str(path),
        member=member,
        title=title or docid,
        date=date,
        date_label=date_label,
        date_source=date_source,
        doctype=doctype,
        subtype=subtype,
        archive=", ".join(v for v in (repository, settlement) if v),
        repository=repository,
        settlement=settlement,
        shelfmark=shelfmark,
        translator=_text(xp("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt[@xml:id='tr']"
                            "/*[self::tei:persName or self::tei:orgName or self::tei:name]")),
        summary=_text(xp("tei:teiHeader/tei:profileDesc/tei:abstract")),
        classification=classes,
        language=_text(xp("tei:teiHeader/tei:fileDesc/tei:sourceDesc/tei:msDesc/tei:msContents"
                          "/tei:textLang")),
        funders=[_text([f]) for f in xp("tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:funder")],
        series=_text(xp("tei:teiHeader/tei:fileDesc/tei:seriesStmt/tei:title")),
        house=bool(xp(_HOUSE)),
        refs=sorted({token for ref in xp(".//@ref") for token in ref.split()
                     if token.startswith("reg:")}),
    )


@dataclass
class FileSummary:
    """What one TEI file gives the site: its documents' summaries, and the title of the
    corpus when the file is a teiCorpus (even one that holds only its header)."""

    documents: list[DocSummary]
    corpus_title: str = ""


def corpus_title(tree: etree._ElementTree) -> str:
    """teiCorpus/teiHeader's title, or "" for a TEI file."""
    return _text(tree.getroot().xpath(
        "self::tei:teiCorpus/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:title", namespaces=NS))


def summaries_xml(summaries: list[DocSummary]) -> etree._Element:
    """The edition's document list as XML, the input of xslt/html/pages.xsl."""
    root = etree.Element("edition")
    for s in summaries:
        doc = etree.SubElement(root, "doc", id=s.docid, date=s.date, year=s.year,
                               subtype=s.subtype)
        for name in ("title", "date_label", "doctype", "archive", "repository", "settlement",
                     "shelfmark", "translator", "summary", "language"):
            value = getattr(s, name)
            if value:
                etree.SubElement(doc, name.replace("_", "-")).text = value
        for label in s.classification:
            etree.SubElement(doc, "classification").text = label
    return root
