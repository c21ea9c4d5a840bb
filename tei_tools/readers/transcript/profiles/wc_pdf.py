"""F7 PDF-export mirrors: the export preamble and the PDF header (conventions.md F7, §7 P12).

The header is split on its field labels (``Citation:``, ``Summary:``, ``Credits:``, ``Original
Language:``, ``Contents:``). It comes in three shapes:

* one long line, sometimes with the whole page on it (TX112; the rest of the page is re-split at
  strong anchors by :mod:`.wc_resplit`);
* labels on lines of their own, each value on the next line (P12);
* the variant without the site URL: ``Digital Archive International History Declassified``, a
  ``{Month, YYYY} {title}`` line, then the citation sentence and the summary without labels (P12).

The ``Contents:`` value is ``English Translation`` / ``Scan of Original Document``; the rest of
that line is the document's own heading when the header has lines of its own (P12).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..context import Context
from ..header import Metadata
from ..source import Line
from .wc_citation import CITATION, DATE, iso_date
from .wc_resplit import resplit

PDF_PREAMBLE = re.compile(r"^(?:Total Page:\d+|File Type:pdf|You are on page \d+\s*of\s*\d+)")
PDF_HEADER = "Digital Archive digitalarchive.wilsoncenter.org"
PDF_VARIANT = "Digital Archive International History Declassified"
PDF_NOISE = frozenset({"[Show full text]"})
LABELS = ("Citation:", "Summary:", "Credits:", "Original Language:", "Contents:")
CONTENTS = re.compile(r"^(?:English Translation|Scan of Original Document)"
                      r"(?:\s*(?:\(Scan of Original Document\)|Scan of Original Document))?")
# P12: "{date} {title}" — the catalogue date (M1, M2 or P15 month-year) followed by the title
DATE_TITLE = re.compile(rf"^(?P<date>{DATE})\s+(?P<title>\S.*)$")
_LABEL = re.compile("|".join(re.escape(label) for label in LABELS))


@dataclass
class PdfHead:
    """What the PDF header gave: its fields, and the lines the document text starts with."""

    fields: dict[str, str] = field(default_factory=dict)
    citation: str | None = None          # the citation sentence, labelled or not
    summary: str | None = None
    start: int = 0                       # index of the first document line
    extra: list[Line] = field(default_factory=list)   # document lines cut from header lines
    heading: int | None = None           # original line number of the document heading


def starts_variant(lines: list[Line], nb: list[int]) -> bool:
    """P12: the header without the site URL, recognised by its ``{date} {title}`` line."""
    return (len(nb) > 1 and lines[nb[0]].text == PDF_VARIANT
            and DATE_TITLE.match(lines[nb[1]].text) is not None)


def is_wrapper_before(text: str) -> bool:
    """P12: before the preamble or the header, a ``{date} {title}`` line and the export's
    ``[Show full text]`` are wrapper, like the preamble itself."""
    return bool(PDF_PREAMBLE.match(text) or text in PDF_NOISE or DATE_TITLE.match(text))


def pdf_head(lines: list[Line], nb: list[int], meta: Metadata, ctx: Context) -> PdfHead:
    """Split the export preamble and the PDF header; fill the catalogue date and the title."""
    out = PdfHead()
    start = next((k for k, i in enumerate(nb[:8]) if lines[i].text.startswith(PDF_HEADER)
                  or lines[i].text == PDF_VARIANT), None)
    before = nb[:start] if start is not None else nb[:4]
    for i in before:
        text = lines[i].text
        if not is_wrapper_before(text):
            break
        m = DATE_TITLE.match(text)
        if m and meta.catalogue_date is None:
            meta.catalogue_date = (m["date"], iso_date(m["date"]))
            meta.title = m["title"]
        out.start = i + 1
    if start is None:
        return out
    _header(lines, nb[start:], meta, out, ctx)
    return out


def _header(lines: list[Line], order: list[int], meta: Metadata, out: PdfHead,
            ctx: Context) -> None:
    # the header's own lines: up to the line that holds the Contents value
    last = _contents_line(lines, order)
    used = [i for i in order if i <= last]
    parts = [lines[i].text for i in used]
    parts[0] = parts[0].removeprefix(PDF_HEADER).strip()
    parts[0] = parts[0].removeprefix("Digital Archive").strip()
    parts[0] = parts[0].removeprefix("International History Declassified").strip()
    text = "\n".join(p for p in parts)
    text = text.lstrip("\n")
    m = re.match(rf"^(?P<date>{DATE})\s*", text)
    if m and iso_date(m["date"]):
        meta.catalogue_date = (m["date"], iso_date(m["date"]))
        text = text[m.end():]
    labels = list(_LABEL.finditer(text))
    lead_end = labels[0].start() if labels else len(text)
    _lead(text[:lead_end], meta, out)
    for label, nxt in zip(labels, labels[1:] + [None], strict=False):
        value = text[label.end():nxt.start() if nxt else len(text)].strip()
        name = label.group()
        if name != "Contents:" and CONTENTS.match(value):
            # the label's own value was lost: this is the Contents value (P12)
            out.fields[name] = ""
            name = "Contents:"
        out.fields[name] = " ".join(value.split())
    out.start = last + 1
    contents = out.fields.get("Contents:")
    if contents is None:
        return
    holder = lines[last]
    cm = CONTENTS.match(contents)
    rest = contents[cm.end():].strip() if cm else ""
    offset = holder.text.rfind(rest) if rest else -1
    if offset < 0:
        return
    if len(used) == 1:      # the whole page on one line: the rest is the document (TX112)
        ctx.emit("TX112", line=holder.number, col=holder.col(offset))
        out.extra = resplit(holder.slice(offset))
    else:                   # P12: the rest of the Contents line is the document's heading
        out.extra = [holder.slice(offset)]
        out.heading = holder.number


def _contents_line(lines: list[Line], order: list[int]) -> int:
    """Index of the line that holds the Contents value: the Contents: line, the line after a
    label standing alone, or the first line of the header that starts with the value."""
    for k, i in enumerate(order[:14]):
        text = lines[i].text
        at = text.rfind("Contents:")
        if at >= 0:
            if text[at + len("Contents:"):].strip() or k + 1 >= len(order):
                return i
            return order[k + 1]
        if k and CONTENTS.match(text):
            return i
    return order[0]


def _lead(lead: str, meta: Metadata, out: PdfHead) -> None:
    """The text before the first label: the title, and in the variant the unlabelled citation
    sentence (M7 grammar) and the summary line after it (P12)."""
    pieces = [p.strip() for p in lead.split("\n") if p.strip()]
    if not pieces:
        return
    title, rest = pieces[0], pieces[1:]
    if len(pieces) == 1:
        # one line: the citation and summary are labelled, the title runs to the first label
        meta.title = title
        return
    meta.title = title
    for k, piece in enumerate(rest):
        if out.citation is None and CITATION.match(piece):
            out.citation = piece
            if k + 1 < len(rest) and out.summary is None:
                out.summary = rest[k + 1]
            break
