"""Wilson Center page templates (F3–F7) and the wrapper head (M1–M7, M10, M15, M16).

``detect_template`` applies the rules of conventions.md "Template detection" in order;
``parse_head`` consumes the wrapper lines above the document text and fills the Metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..context import Context
from ..header import Metadata
from ..source import Line
from .wc_citation import CITATION, DATE_LINE, iso_date, split_rest
from .wc_pdf import PDF_HEADER, PDF_PREAMBLE, pdf_head, starts_variant

TEMPLATES = {"F3": "new site", "F4": "old site", "F5": "flat mirror",
             "F6": "header-less variant", "F7": "PDF-export mirror"}
NOISE = {"Skip to content", "Search in", "ADD SEARCH FILTER CANCEL SEARCH FILTER",
         "Digital Archive International History Declassified", "CITATION SHARE DOWNLOAD",
         "• Citation", "get citation", "• share document", "VIEW DOCUMENT IN", "English HTML"}
# P14: old-site noise variants, dropped only among the wrapper lines of the old site
OLD_SITE_NOISE = frozenset({"CITATION SHARE DOWNLOAD", "CITATION SHARE DOWNLOAD-", "Citation",
                            "- Download"})
UNPROOFREAD = "(Not yet proofread)"
FUNDER_LINE = re.compile(r"^This document was made possible with support from (?P<funders>.+)$")
URL = re.compile(r"^https?://\S+$")


@dataclass
class Found:
    """Wrapper facts that are combined with the trailer before they reach the Metadata."""

    funder_line: str | None = None      # M5 funders, as written after "support from"
    upper_title: str | None = None      # M4, used only without a citation sentence
    citation_date: str | None = None    # M7 date, used only without a date line
    archival: str | None = None         # M7 archival citation
    document_heading: int | None = None  # P12: the line that is the document's own heading


def _non_blank(lines: list[Line], start: int = 0) -> list[int]:
    return [i for i in range(start, len(lines)) if not lines[i].blank]


def is_date_line(line: Line | None) -> bool:
    return line is not None and DATE_LINE.match(line.text) is not None


def detect_template(lines: list[Line]) -> tuple[str, bool]:
    """(template id, recognised?) — "Template detection", first rule that matches wins."""
    nb = _non_blank(lines)
    first = [lines[i].text for i in nb[:3]]
    if any(PDF_PREAMBLE.match(t) for t in first) or any(
            line.text.startswith(PDF_HEADER) for line in lines) or starts_variant(lines, nb):
        return "F7", True
    if first and first[0] == "Search in" or _starts_at_upper_title(lines, nb):
        return "F4", True
    if first and first[0] == "Skip to content":
        return "F3", True
    head = lines[:40]
    # raw text: a line emptied by the L24 re-join was not blank in the file
    if head and all(line.raw.strip(" \t\u00a0") for line in head) and (
            is_date_line(lines[0]) or (len(lines) > 1 and is_date_line(lines[1]))):
        return "F5", True
    if nb:
        top = lines[nb[0]]
        if is_date_line(top):
            return "F6", True
        if top.indent >= 4 and len(nb) > 1 and CITATION.match(lines[nb[1]].text):
            return "F6", True
    return "F6", False


class _Cursor:
    """Walks the non-blank lines of the head."""

    def __init__(self, lines: list[Line], start: int = 0) -> None:
        self.lines, self.order, self.at = lines, _non_blank(lines, start), 0

    def peek(self, ahead: int = 0) -> Line | None:
        index = self.at + ahead
        return self.lines[self.order[index]] if index < len(self.order) else None

    def take(self) -> Line:
        line = self.peek()
        assert line is not None
        self.at += 1
        return line

    def position(self) -> int:
        """Index (into all lines) where the document text starts."""
        return self.order[self.at] if self.at < len(self.order) else len(self.lines)


def parse_head(lines: list[Line], template: str, known: bool, meta: Metadata, found: Found,
               ctx: Context) -> tuple[int, list[Line]]:
    """Consume the wrapper head; return (index of the first document line, extra doc lines)."""
    if template == "F7":
        return _pdf_head(lines, meta, found, ctx)
    cur = _Cursor(lines)
    if not known:
        return 0, []
    widget = template in ("F4", "F6")
    if template == "F5" and not is_date_line(cur.peek()) and is_date_line(cur.peek(1)):
        meta.summaries.append(cur.take().text)                       # M10
    while cur.peek() is not None and cur.peek().text in NOISE:       # Skip to content, Search in…
        cur.take()
    if is_date_line(cur.peek()):
        _catalogue(meta, cur.take().text)
    nxt = cur.peek()
    if (template in ("F3", "F5", "F6") and nxt is not None and nxt.indent < 4
            and not FUNDER_LINE.match(nxt.text) and nxt.text not in NOISE):
        meta.title = cur.take().text                                 # M3
    elif template == "F4":
        _old_site_title_block(cur, found)                            # M4, P14
    _wrapper_lines(cur, meta, found, widget)
    if meta.title is None:
        meta.title = found.upper_title
    return cur.position(), []


def _starts_at_upper_title(lines: list[Line], nb: list[int]) -> bool:
    """P14: an old-site capture that starts at the upper-case title (M4), recognised by a
    ``CITATION SHARE DOWNLOAD`` line among the next three lines."""
    return bool(nb) and _upper(lines[nb[0]].text) and any(
        lines[i].text in OLD_SITE_NOISE - {"Citation"} for i in nb[1:4])


def _old_site_title_block(cur: _Cursor, found: Found) -> None:
    """M4 + P14: the upper-case title, the funder line and ``CITATION SHARE DOWNLOAD`` (or a
    noise variant) in any order. The upper-case title is wrapper only inside such a block that
    holds a ``CITATION SHARE DOWNLOAD`` line; otherwise it may be the document's caption."""
    block: list[Line] = []
    while (line := cur.peek(len(block))) is not None and (
            line.text in OLD_SITE_NOISE or FUNDER_LINE.match(line.text)
            or (_upper(line.text) and found.upper_title is None
                and not any(_upper(b.text) and b.text not in OLD_SITE_NOISE for b in block))):
        block.append(line)
    if not any(b.text.startswith("CITATION SHARE DOWNLOAD") for b in block):
        return
    for line in block:
        cur.take()
        if FUNDER_LINE.match(line.text) and found.funder_line is None:
            found.funder_line = FUNDER_LINE.match(line.text)["funders"]
        elif line.text not in OLD_SITE_NOISE and found.upper_title is None:
            found.upper_title = line.text


def _wrapper_lines(cur: _Cursor, meta: Metadata, found: Found, widget: bool) -> None:
    """Noise, funder line, (Not yet proofread) and — on widget templates — the citation widget."""
    after_share = False
    while (line := cur.peek()) is not None:
        text = line.text
        if text in NOISE:
            after_share = text == "• share document"
        elif text == UNPROOFREAD:
            meta.unproofread = True
        elif FUNDER_LINE.match(text) and found.funder_line is None:
            found.funder_line = FUNDER_LINE.match(text)["funders"]
        elif widget and line.indent >= 2 and after_share and URL.match(text):
            meta.url = text                                           # M6
        elif widget and line.indent >= 2 and CITATION.match(text):
            set_citation_sentence(meta, found, text)                  # M7
        elif widget and line.indent >= 2 and not meta.summaries:
            meta.summaries.append(text)                               # M6/M9
        else:
            return
        cur.take()


def set_citation_sentence(meta: Metadata, found: Found, text: str) -> None:
    """M7: keep the sentence; its title, date, credit and URL fill what is still missing."""
    m = CITATION.match(text)
    meta.citation_sentence = text
    if m is None:
        return
    if meta.title is None:
        meta.title = m["title"]
    found.citation_date = m["date"]
    rest = split_rest(m["rest"])
    meta.url = meta.url or rest.url
    meta.credit = meta.credit or rest.credit
    found.archival = found.archival or rest.archival


def _catalogue(meta: Metadata, text: str) -> None:
    meta.catalogue_date = (text, iso_date(text))


def _upper(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 3 and all(ch.isupper() for ch in letters)


def _pdf_head(lines: list[Line], meta: Metadata, found: Found,
              ctx: Context) -> tuple[int, list[Line]]:
    """F7 (P12): the export preamble and the PDF header, split by :mod:`.wc_pdf`."""
    head = pdf_head(lines, _non_blank(lines), meta, ctx)
    citation = head.fields.get("Citation:") or head.citation
    if citation:
        set_citation_sentence(meta, found, citation)
    summary = head.fields.get("Summary:") or head.summary
    if summary:
        meta.summaries.append(summary)
    credits = head.fields.get("Credits:")
    if credits:
        fm = FUNDER_LINE.match(credits)
        if fm:
            found.funder_line = fm["funders"].rstrip(".")
    if head.fields.get("Original Language:"):
        meta.original_language = head.fields["Original Language:"]
    if head.heading is not None:
        found.document_heading = head.heading
    return head.start, head.extra
