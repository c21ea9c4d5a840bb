"""The default profile: Wilson Center Digital Archive pages and their mirrors (F3–F8, M1–M17).

``split`` detects the page template, removes the wrapper head and tail and fills a
:class:`~..header.Metadata`; ``build_header`` writes the teiHeader from it (§2 "Header order").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from ....diagnostics import error
from ..context import Context
from ..header import Metadata, build_header
from ..hints import BodyHints
from ..source import Line, Source
from .base import Profile, Wrapper
from .wc_citation import DATE_LINE, family_of, iso_date, parse_archival, split_rest
from .wc_head import NOISE, TEMPLATES, UNPROOFREAD, Found, detect_template, parse_head
from .wc_pdf import PDF_NOISE, PDF_PREAMBLE
from .wc_tail import find_tail, parse_tail, split_funders, take_summary, take_trailing_summary

if TYPE_CHECKING:
    from ..body.facts import BodyFacts


class WilsonCenterProfile(Profile):
    name = "wilson-center"
    description = "Wilson Center Digital Archive pages: new site, old site, flat and PDF mirrors"

    def split(self, source: Source, ctx: Context) -> Wrapper:
        lines = list(source.lines)
        template, known = detect_template(lines)
        if not known:
            ctx.emit("TX111", line=1)
        meta = Metadata(template=template, template_name=TEMPLATES[template])
        found = Found()
        start, extra = parse_head(lines, template, known, meta, found, ctx)
        tail = find_tail(lines, start)
        doc = extra + [_drop_noise(line, template, meta) for line in lines[start:tail]]
        _first_line_unproofread(doc, meta)
        take_summary(doc, tail < len(lines), template, meta, ctx)
        if tail == len(lines):
            take_trailing_summary(doc, template, meta, ctx)
        values, trailer_funders = parse_tail(lines[tail:], meta, ctx)
        self._fill(meta, found, values, trailer_funders, lines, ctx)
        if all(line.blank for line in doc):
            raise error("TX103", path=ctx.path,
                        detail="no document text: the file holds only the website wrapper",
                        hint="check that the page was saved completely")
        citation = meta.citation if meta.citation and meta.citation.parsed else None
        hints = BodyHints(
            doc_type=meta.doc_type,
            catalogue_when=meta.catalogue_date[1] if meta.catalogue_date else None,
            archive_lang=(citation.lang if citation else None) or meta.original_archive_lang,
            document_heading=found.document_heading)
        return Wrapper(doc, meta, template, hints=hints)

    def build_header(self, wrapper: Wrapper, facts: BodyFacts,
                     ctx: Context) -> list[etree._Element]:
        return build_header(wrapper.metadata, facts, ctx)

    @staticmethod
    def _fill(meta: Metadata, found: Found, values: dict[str, str], trailer_funders: str | None,
              lines: list[Line], ctx: Context) -> None:
        source = values.get("source")
        if source:
            rest = split_rest(source)
            meta.credit = meta.credit or rest.credit
            found.archival = found.archival or rest.archival
            meta.url = meta.url or rest.url
        if found.archival:
            meta.citation = parse_archival(found.archival)
            if not meta.citation.parsed:
                ctx.emit("TX210", **_where(lines, found.archival), citation=found.archival)
        archive = values.get("archive")
        if archive:
            meta.original_archive = archive
            family = family_of(archive)
            if family:
                meta.original_archive_settlement = family["settlement"]
                meta.original_archive_lang = family["lang"]
        meta.rights = values.get("rights")
        meta.uploaded = values.get("uploaded")
        meta.record_id = values.get("record")
        meta.doc_type = values.get("type")
        meta.language = values.get("language")
        meta.classification = values.get("classification")
        if meta.catalogue_date is None:
            ctx.emit("TX201", line=1)
            if found.citation_date and DATE_LINE.match(found.citation_date):
                meta.catalogue_date = (found.citation_date, iso_date(found.citation_date))
        if meta.credit is None:
            ctx.emit("TX205")
        meta.funders = _funders(found.funder_line, trailer_funders, lines, ctx)


def _funders(line_value: str | None, trailer: str | None, lines: list[Line],
             ctx: Context) -> list[str]:
    """M5/M14: the union of both lists, in order of first appearance (TX204 when they differ)."""
    first = split_funders(line_value, ctx, _line_of(lines, line_value)) if line_value else []
    second = split_funders(trailer, ctx, _line_of(lines, trailer)) if trailer else []
    if first and second and first != second:
        ctx.emit("TX204", **_where(lines, trailer))
    return list(dict.fromkeys(first + second))


def _line_of(lines: list[Line], text: str | None) -> Line | None:
    if not text:
        return None
    return next((line for line in lines if text in line.text), None)


def _where(lines: list[Line], text: str | None) -> dict:
    line = _line_of(lines, text)
    return {"line": line.number, "col": line.col(line.text.index(text))} if line else {}


def _drop_noise(line: Line, template: str, meta: Metadata) -> Line:
    """M15 noise (and the F7 preamble) inside the document region is dropped, never kept."""
    if line.text in NOISE or (template == "F7" and (PDF_PREAMBLE.match(line.text)
                                                     or line.text in PDF_NOISE)):
        return line.emptied()
    return line


def _first_line_unproofread(doc: list[Line], meta: Metadata) -> None:
    """M16: ``(Not yet proofread)`` as the first line of the document text is a header fact."""
    for index, line in enumerate(doc):
        if line.blank:
            continue
        if line.text == UNPROOFREAD:
            meta.unproofread = True
            doc[index] = line.emptied()
        return
