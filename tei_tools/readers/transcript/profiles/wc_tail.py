"""The wrapper tail of a Wilson Center page: summary (M9), facet labels (M13), the
``Document Information`` trailer (M11), rights (M12) and funders (M5, M14)."""

from __future__ import annotations

import re

from .. import vocabulary as vocab
from ..body.probe import ends_in_closer
from ..context import Context
from ..header import Metadata, classification_category
from ..source import Line
from .wc_citation import CREDIT, MONTH

FACETS = {"Author(s):", "Associated People & Organizations", "Associated Places",
          "Associated Topics", "Subjects Discussed", "Related Documents"}
DOC_INFO = "Document Information"
RIGHTS_START = "The History and Public Policy Program welcomes reuse of Digital Archive materials"
ENQUIRE_START = "To enquire about this document's rights status"
LABELS = {"Source": "source", "Original Archive": "archive", "Rights": "rights",
          "Original Uploaded Date": "uploaded", "Type": "type", "Language": "language",
          "Record ID": "record", "Original Classification": "classification"}

# Closing-zone line patterns (L19–L23, F8), used only to tell a summary from the document's end.
_CLOSING = [re.compile(p) for p in (
    r"^\[.*\]$", r"\]$", r"^\d+\s*[-–]\s+\S", r"^\d+x\s", r"(?i)\bcopies printed\b",
    r"^(?:Copies|Distribution list|Extracts sent to|Produced in)\b",
    r"^(?:Nº|N°|№|No\.?|Nr\.?)\s*[A-Z]?\d[\w./-]*$",
    rf"^[“\"]?\d{{1,2}}[”\"]? {MONTH}(?: \d{{4}})?$", r"^\d{1,2}\.[IVX]+\.\d{2,4}$",
    r"^[A-Z]{1,3}/[a-z]{1,3}$", r"^(?:Typed by|Official:|Drafted by|Recorded by|Spravka:|Верно)",
    r"(?i)^(?:Attachments?|Attached|Enclosures?|Appendix):\s", r"^\(.*\)$", r"^/.*/$",
    r"^\((?:signed|-)\)", r"^[^a-z]*$",
)]


def is_tail_start(text: str) -> bool:
    return (text in FACETS or text == DOC_INFO or text.startswith(RIGHTS_START)
            or text.startswith(ENQUIRE_START))


def closing_like(text: str) -> bool:
    """A line that matches a closing-zone pattern (L19–L23): signatures, lists, registry…"""
    if any(p.search(text) for p in _CLOSING):
        return True
    words = text.split()
    # a signer name or office line: at most four capitalised words, no final punctuation
    return (len(words) <= 4 and not re.search(r"[.,;:!?]$", text)
            and all(w[:1].isupper() or w in ("of", "the", "a.i.") for w in words))


def prose(text: str) -> bool:
    return len(text) >= 40 and re.search(r"[.!?\"”)]$", text) is not None


def find_tail(lines: list[Line], start: int) -> int:
    """F8: the first line from ``start`` that is a facet label, Document Information or rights."""
    for index in range(start, len(lines)):
        if is_tail_start(lines[index].text):
            return index
    return len(lines)


def take_summary(doc: list[Line], has_tail: bool, template: str, meta: Metadata,
                 ctx: Context) -> None:
    """M9: the line just before the wrapper tail is the summary, unless it is not (see M9)."""
    nb = [i for i, line in enumerate(doc) if not line.blank]
    if not has_tail or not nb:
        return
    candidate = doc[nb[-1]]
    text = candidate.text
    normalised = " ".join(text.split())
    if any(" ".join(s.split()) == normalised for s in meta.summaries):
        doc[nb[-1]] = _blank(candidate)             # a duplicate copy of the summary
        return
    positional = template in ("F3", "F5") or not meta.summaries
    if not positional or closing_like(text) or not prose(text):
        return
    before = doc[nb[-2]].text if len(nb) > 1 else ""
    if meta.summaries and not closing_like(before):
        return   # the page had a summary at the top: this line is an ordinary paragraph
    # (a second, different summary is believed only after a closing zone: TX207 below)
    doc[nb[-1]] = _blank(candidate)
    if not closing_like(before):
        ctx.emit("TX206", line=candidate.number, col=candidate.col(0), why=_BEFORE_TAIL)
    if meta.summaries:
        ctx.emit("TX207", line=candidate.number, col=candidate.col(0))
    meta.summaries.append(text)


_BEFORE_TAIL = "it is the last line before the wrapper tail, and no closing zone stands before it"
_AFTER_CLOSER = "the capture has no trailer, and the line follows the document's closer (P5)"


def take_trailing_summary(doc: list[Line], template: str, meta: Metadata,
                          ctx: Context) -> None:
    """P5: in a capture without a trailer, a last prose line after a recognised closer is the
    summary (TX206). It is not a body paragraph, and the closing zone before it stays one."""
    nb = [i for i, line in enumerate(doc) if not line.blank]
    if len(nb) < 2 or not (template in ("F3", "F5") or not meta.summaries):
        return
    candidate = doc[nb[-1]]
    text = candidate.text
    if closing_like(text) or not prose(text) or not closing_like(doc[nb[-2]].text):
        return      # (the cheap tests first: the closing-zone rules run only after them)
    if not ends_in_closer(doc[:nb[-1]]):
        return
    doc[nb[-1]] = _blank(candidate)
    ctx.emit("TX206", line=candidate.number, col=candidate.col(0), why=_AFTER_CLOSER)
    if meta.summaries:
        ctx.emit("TX207", line=candidate.number, col=candidate.col(0))
    meta.summaries.append(text)


def _blank(line: Line) -> Line:
    return line.emptied()


def split_funders(text: str, ctx: Context, line: Line | None = None) -> list[str]:
    """M5: split at ', ', ' and ', ', and ' only where every piece is a known funder (A.6)."""
    text = " ".join(text.split()).rstrip(".")
    atoms = re.split(r"(, and |, | and )", text)
    pieces, seps = atoms[0::2], atoms[1::2]
    known = set(vocab.funders())

    def name(candidate: str) -> str | None:
        if candidate in known:
            return candidate
        if candidate.startswith("the ") and candidate[4:] in known:
            return candidate[4:]
        return None

    best: dict[int, list[str]] = {0: []}
    for i in range(len(pieces)):
        if i not in best:
            continue
        joined = pieces[i]
        for j in range(i + 1, len(pieces) + 1):
            if j > i + 1:
                joined += seps[j - 2] + pieces[j - 1]
            found = name(joined)
            if found and j not in best:
                best[j] = best[i] + [found]
    if len(pieces) in best:
        return best[len(pieces)]
    if len(pieces) > 1:
        ctx.emit("TX203", **_where(line), funders=text)
    single = name(text)
    return [single or text]


def split_funders_quiet(text: str) -> list[str] | None:
    """The split of ``text`` when every piece is a known funder, else None (no diagnostics)."""
    ctx = Context("quiet")
    result = split_funders(text, ctx)
    known = set(vocab.funders())
    return result if all(r in known for r in result) else None


def _where(line: Line | None) -> dict:
    return {"line": line.number, "col": line.col(0)} if line is not None else {}


def form_of(text: str) -> str | None:
    """M11 step 2: the field a trailer line belongs to by its form alone."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return "uploaded"
    if re.fullmatch(r"\d+", text):
        return "record"
    if text.startswith(RIGHTS_START):
        return "rights"
    if text in vocab.doc_types():
        return "type"
    if text in vocab.languages():
        return "language"
    if classification_category(text):
        return "classification"
    if _archival_or_credit(text):
        return "source"
    return None


def _archival_or_credit(text: str) -> bool:
    starts = [0] + [m.end() for m in re.finditer(r"\.\s+", text)]
    if any(CREDIT.match(text[s:]) for s in starts):
        return True
    names = [n for f in vocab.archive_families() for n in f["names"]]
    return any(text.startswith(n) for n in names) and re.search(r"\d", text) is not None


def _fits(field: str, text: str, form: str | None) -> bool:
    if field in ("uploaded", "record", "language", "classification"):
        return form == field
    if field == "rights":
        return form == "rights" or (form is None and len(text) > 60)
    if field == "type":
        return form == "type" or (form is None and len(text.split()) <= 5
                                  and not text.endswith("."))
    if field == "source":
        return form in (None, "source")
    return form is None            # Original Archive: a name of no other form


def parse_tail(lines: list[Line], meta: Metadata,
               ctx: Context) -> tuple[dict[str, str], str | None]:
    """Facet labels and the trailer. Returns (field → value, trailer funder line or None)."""
    values: dict[str, str] = {}
    funders: str | None = None
    nb = [line for line in lines if not line.blank]
    last = nb[-1] if nb else None
    current: str | None = None
    previous: str | None = None        # the field the previous value line went to
    previous_author = False
    for line in nb:
        text = line.text
        if text in FACETS:
            previous_author = text == "Author(s):"
            current = None
            continue
        if previous_author and text not in LABELS and text != DOC_INFO and not \
                text.startswith((RIGHTS_START, ENQUIRE_START)):
            meta.authors.append(text)                                   # M13
            previous_author = False
            continue
        previous_author = False
        if text == DOC_INFO or text.startswith(ENQUIRE_START):
            continue                                                    # label / noise (M12)
        if text in LABELS:
            current, previous = LABELS[text], None
            continue
        form = form_of(text)
        field: str | None = None
        if line is last and form is None or line is last and split_funders_quiet(text):
            field = "funders"
        elif current and current not in values and _fits(current, text, form):
            field = current
        elif form and form not in values:
            field = form
        elif form == "source" and previous == "source":
            values["source"] += " " + text      # a credit on the line after the citation
            continue
        elif line is last:
            field = "funders"
        current = None
        previous = field
        if field == "funders":
            funders = text
        elif field:
            values[field] = text
        else:
            meta.unparsed.append(text)
            ctx.emit("TX208", line=line.number, col=line.col(0))
    return values, funders
