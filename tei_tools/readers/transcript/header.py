"""The teiHeader, in exactly the order of conventions.md §2 "Header order".

A profile fills a :class:`Metadata` from its wrapper; :func:`build_header` adds what the body
found (:class:`~.body.facts.BodyFacts`) and writes ``teiHeader`` (+ ``standOff`` for speakers).
A part whose source is missing is left out, except the parts §2 marks "always".
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from ...safexml import TEI_NS, XML_NS
from . import vocabulary as vocab
from .context import Context

if TYPE_CHECKING:
    from .body.facts import BodyFacts

WCDA = "Wilson Center Digital Archive"
LICENCE_TARGET = "https://digitalarchive.wilsoncenter.org/"
RECORD_URL = "https://digitalarchive.wilsoncenter.org/document/{}"


@dataclass
class Credit:
    """A translator credit (M8): ``resp`` is the wording up to and including 'by'."""

    resp: str
    name: str
    obtainer: str | None = None
    obtainer_is_org: bool = False


@dataclass
class Citation:
    """A parsed archival citation (M17). ``shelfmark`` is a list of (idno type or None, text)."""

    as_cited: str
    settlement: str | None = None
    repository: str | None = None
    shelfmark: list[tuple[str | None, str]] = field(default_factory=list)
    locus: tuple[str, str, str] | None = None     # (text, from, to)
    lang: str | None = None                        # default textLang subtag (A.7)
    parsed: bool = True


@dataclass
class Metadata:
    """Everything the wrapper contributes to the header (M1–M17)."""

    template: str = "F6"
    template_name: str = "header-less variant"
    title: str | None = None
    authors: list[str] = field(default_factory=list)
    funders: list[str] = field(default_factory=list)
    credit: Credit | None = None
    publisher: str = "History and Public Policy Program, Wilson Center Digital Archive"
    rights: str | None = None
    unparsed: list[str] = field(default_factory=list)
    citation: Citation | None = None
    original_archive: str | None = None
    original_archive_settlement: str | None = None
    original_archive_lang: str | None = None
    citation_sentence: str | None = None
    catalogue_date: tuple[str, str | None] | None = None   # (text, ISO date)
    uploaded: str | None = None
    record_id: str | None = None
    url: str | None = None
    doc_type: str | None = None
    language: str | None = None              # trailer Language value
    original_language: str | None = None     # F7 "Original Language:" (A.5 name)
    classification: str | None = None        # trailer Original Classification
    summaries: list[str] = field(default_factory=list)
    unproofread: bool = False
    digital_source: bool = True              # write bibl[@type='digital-source'] (WCDA pages)
    change_text: str | None = None           # revisionDesc/change[@who='#conv']


def tei(name: str) -> str:
    return f"{{{TEI_NS}}}{name}"


def _el(parent: etree._Element | None, name: str, text: str | None = None,
        **attrs: str) -> etree._Element:
    element = etree.Element(tei(name)) if parent is None else etree.SubElement(parent, tei(name))
    for key, value in attrs.items():
        element.set(f"{{{XML_NS}}}id" if key == "xml_id" else key, value)
    if text is not None:
        element.text = text
    return element


def build_header(meta: Metadata, facts: BodyFacts, ctx: Context) -> list[etree._Element]:
    """teiHeader (+ standOff/listPerson for speakers), §2 "Header order"."""
    header = _el(None, "teiHeader")
    file_desc = _el(header, "fileDesc")
    _title_stmt(file_desc, meta, facts, ctx)
    _publication_stmt(file_desc, meta, ctx)
    if meta.unparsed:
        notes = _el(file_desc, "notesStmt")
        for line in meta.unparsed:
            _el(notes, "note", line, type="trailer-unparsed")
    _source_desc(file_desc, meta, ctx)
    _encoding_desc(header, meta, facts)
    _profile_desc(header, meta, facts)
    revision = _el(header, "revisionDesc")
    change = meta.change_text or (
        f"Converted from page template {meta.template} ({meta.template_name}).")
    _el(revision, "change", change, who="#conv")
    if meta.unproofread:
        _el(revision, "change", "Source page marked (Not yet proofread).",
            status="unproofread", who="#wcda")
    parts = [header]
    if facts.speakers:
        stand_off = _el(None, "standOff")
        people = _el(stand_off, "listPerson")
        for ident, name in facts.speakers:
            person = _el(people, "person", xml_id=ident)
            _el(person, "persName", name)
        parts.append(stand_off)
    return parts


def _title_stmt(file_desc: etree._Element, meta: Metadata, facts: BodyFacts,
                ctx: Context) -> None:
    stmt = _el(file_desc, "titleStmt")
    _el(stmt, "title", meta.title or facts.caption or ctx.docid, type="main")
    for author in meta.authors:
        _el(stmt, "author", author)
    for funder in meta.funders:
        _el(_el(stmt, "funder"), "orgName", funder)
    tr = _el(stmt, "respStmt", xml_id="tr")
    if meta.credit is not None:
        _el(tr, "resp", meta.credit.resp)
        _el(tr, "persName", meta.credit.name)
        if meta.credit.obtainer:
            obtained = _el(stmt, "respStmt")
            _el(obtained, "resp", "Obtained by")
            _el(obtained, "orgName" if meta.credit.obtainer_is_org else "persName",
                meta.credit.obtainer)
    else:
        _el(tr, "resp", "Translation")
        _el(tr, "name", "translator not named")
    wcda = _el(stmt, "respStmt", xml_id="wcda")
    _el(wcda, "resp", "Transcript published by")
    _el(wcda, "orgName", WCDA)
    conv = _el(stmt, "respStmt", xml_id="conv")
    _el(conv, "resp", "Converted from the transcript by")
    _el(conv, "name", "tei-tools transcript reader")


def _publication_stmt(file_desc: etree._Element, meta: Metadata, ctx: Context) -> None:
    stmt = _el(file_desc, "publicationStmt")
    _el(stmt, "publisher", ctx.settings.publisher or meta.publisher)
    _el(stmt, "idno", ctx.docid, type="tei-tools")
    if meta.rights:
        availability = _el(stmt, "availability", status="restricted")
        _el(availability, "licence", meta.rights, target=LICENCE_TARGET)


def _source_desc(file_desc: etree._Element, meta: Metadata, ctx: Context) -> None:
    desc = _el(file_desc, "sourceDesc")
    _ms_desc(desc, meta)
    if meta.citation_sentence:
        _el(desc, "bibl", meta.citation_sentence, type="citation")
    if meta.digital_source:
        bibl = _el(desc, "bibl", type="digital-source")
        if meta.title:
            _el(bibl, "title", meta.title)
        _el(bibl, "publisher", WCDA)
        if meta.catalogue_date:
            text, when = meta.catalogue_date
            date = _el(bibl, "date", text, type="catalogue")
            if when:
                date.set("when", when)
        if meta.uploaded:
            _el(bibl, "date", meta.uploaded, type="uploaded", when=meta.uploaded)
        if meta.record_id:
            _el(bibl, "idno", meta.record_id, type="WCDA")
        url = meta.url or (RECORD_URL.format(meta.record_id) if meta.record_id else None)
        if url:  # §2 gives the ref only its @target; no rule gives it text
            _el(bibl, "ref", target=url)
    if len(desc) == 0:  # sourceDesc must not be empty
        _el(desc, "p", "Plain-text transcript without a website wrapper.")


def _ms_desc(parent: etree._Element, meta: Metadata) -> None:
    cit = meta.citation
    if cit is None and not meta.original_archive:
        return
    ms = _el(parent, "msDesc")
    ident = _el(ms, "msIdentifier")
    settlement = (cit.settlement if cit else None) or meta.original_archive_settlement
    if settlement:
        _el(ident, "settlement", settlement)
    repository = meta.original_archive or (cit.repository if cit else None)
    if repository:
        _el(ident, "repository", repository)
    if cit is not None and cit.parsed and cit.shelfmark:
        shelf = _el(ident, "idno", type="shelfmark")
        _mixed(shelf, cit.shelfmark)
    if cit is not None:
        alt = _el(ident, "altIdentifier", type="as-cited")
        _el(alt, "idno", cit.as_cited)
    lang = meta.original_language and vocab.languages().get(meta.original_language)
    lang = lang or (cit.lang if cit else None) or meta.original_archive_lang
    locus = cit.locus if cit is not None and cit.parsed else None
    if not (lang or locus or meta.title):
        return
    contents = _el(ms, "msContents")
    if lang:
        _el(contents, "textLang", vocab.language_name(lang) or lang, mainLang=lang)
    if locus or meta.title:
        item = _el(contents, "msItem")
        if locus:
            _el(item, "locus", locus[0], **{"from": locus[1], "to": locus[2]})
        if meta.title:
            _el(item, "title", meta.title)


def _mixed(parent: etree._Element, parts: list[tuple[str | None, str]]) -> None:
    """Fill ``parent`` with text and ``idno[@type]`` children (shelfmark, M17)."""
    last: etree._Element | None = None
    for kind, text in parts:
        if kind is None:
            if last is None:
                parent.text = (parent.text or "") + text
            else:
                last.tail = (last.tail or "") + text
        else:
            last = _el(parent, "idno", text, type=kind)


def _doc_type(meta: Metadata, facts: BodyFacts) -> str | None:
    """A.4: the trailer's Type value; else the Type value of the caption's document type
    (``Report on the situation …`` → ``Report``), so that the category stays a type."""
    if meta.doc_type:
        return meta.doc_type
    subtype = facts.caption_subtype
    if subtype and subtype != "other":
        return next((value for value, sub in vocab.doc_types().items() if sub == subtype), None)
    return None


def _classifications(meta: Metadata, facts: BodyFacts) -> dict[str, str]:
    """Category id → the term as first found (in the text, then the trailer's Original
    Classification), in order of first appearance."""
    found = list(facts.classifications)
    if meta.classification:
        cat = classification_category(meta.classification)
        if cat:
            found.append((cat, meta.classification))
    terms: dict[str, str] = {}
    for cat, term in found:
        terms.setdefault(cat, term)
    return terms


def classification_category(term: str) -> str | None:
    """A.3: the category of a classification term (case-insensitive, optional '!')."""
    key = term.strip().rstrip("!").strip().lower()
    for name, cat in vocab.classification_terms().items():
        if name.lower() == key:
            return cat
    return None


def _encoding_desc(header: etree._Element, meta: Metadata, facts: BodyFacts) -> None:
    doc_type = _doc_type(meta, facts)
    classes = _classifications(meta, facts)
    if not doc_type and not classes:
        return
    decl = _el(_el(header, "encodingDesc"), "classDecl")
    if doc_type:
        taxonomy = _el(decl, "taxonomy", xml_id="doctype")
        category = _el(taxonomy, "category", xml_id="doctype." + vocab.slug(doc_type))
        _el(category, "catDesc", doc_type)
    if classes:
        taxonomy = _el(decl, "taxonomy", xml_id="classification")
        for cat, term in classes.items():   # catDesc: the term as found, like the Type
            category = _el(taxonomy, "category", xml_id=cat)
            _el(category, "catDesc", term)


def _profile_desc(header: etree._Element, meta: Metadata, facts: BodyFacts) -> None:
    desc = _el(header, "profileDesc")
    summaries = list(dict.fromkeys(meta.summaries))
    if summaries:
        abstract = _el(desc, "abstract", resp="#wcda")
        for summary in summaries:
            _el(abstract, "p", summary)
    if facts.correspondence is not None:
        desc.append(copy.deepcopy(facts.correspondence))
    creation = _el(desc, "creation")
    if facts.creation_date is not None:
        date = copy.deepcopy(facts.creation_date)
        date.tail = None
        creation.append(date)
    elif meta.catalogue_date:
        text, when = meta.catalogue_date
        date = _el(creation, "date", text)
        if when:
            date.set("when", when)
    if facts.hands:
        notes = _el(desc, "handNotes")
        for number, label in enumerate(facts.hands, start=1):
            _el(_el(notes, "handNote", xml_id=f"h.{number}"), "p", label)
    _lang_usage(desc, meta, facts)
    doc_type = _doc_type(meta, facts)
    classes = _classifications(meta, facts)
    if doc_type or classes:
        text_class = _el(desc, "textClass")
        if doc_type:
            _el(text_class, "catRef", scheme="#doctype",
                target="#doctype." + vocab.slug(doc_type))
        if classes:
            strength = vocab.classification_strength()
            strongest = min(classes, key=lambda c: strength.index(c) if c in strength else 99)
            _el(text_class, "catRef", scheme="#classification", target="#" + strongest)


def _lang_usage(desc: etree._Element, meta: Metadata, facts: BodyFacts) -> None:
    usage = _el(desc, "langUsage")
    _el(usage, "language", "English", ident="en")
    seen = {"en"}
    if meta.language and meta.language != "English":
        ident = vocab.languages().get(meta.language)
        if ident and ident not in seen:
            _el(usage, "language", meta.language, ident=ident)
            seen.add(ident)
    for ident in facts.languages:
        if ident in seen:
            continue
        seen.add(ident)
        primary = ident.split("-")[0]
        name = vocab.language_name(primary) or primary
        if ident.endswith("-Latn"):
            name += " (romanised terms)"
        _el(usage, "language", name, ident=ident)
