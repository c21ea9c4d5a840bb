"""§7 P6: a closing zone in mid-document, ended by a second head zone (an attachment, L23).

P1 finds anchors (``kinds.is_anchor``); when one stands *before* the last body paragraph, its
closing zone runs on until a line that starts a second head zone. The signs of a second head
zone are ordered rules (``SIGNS``), each a test of the line at ``k`` with its neighbours; the
first that holds names the split. Between the anchor and that line only closing-zone material
may stand (no body paragraph): a signature quoted in running text, with prose after it, does
not end a document.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .. import patterns as P
from ..dates import DATE_RE
from ..nodes import Bracket, Unit
from .kinds import closing_kinds, is_anchor, is_date_line, text

# P6: "Attachment […] Nº 2209s", "Attachment to incoming Nº 7702", "Appendix 2 to Nº 14/s"
# (not the "Attachment: …" notice of L23, which has a colon after the word)
ATTACHMENT_REGISTRY = re.compile(
    r"^(?:Attachment|Enclosure|Appendix)\b(?!s?\s*:)(?=.*(?:Nº|N°|№|No\.?)\s*\S)", re.I)
# P6: "Pyongyang 11/26/64", "Pyongyang 11th May 1962", "Budapest, 4 May 1971": a place of one
# or two capitalised words, then a date that fills the rest of the line
PLACE_DATE = re.compile(r"^(?P<place>[A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?),?\s+(?P<date>\d.*)$")

# P6: the small words a title leaves in lower case
_TITLE_SMALL = frozenset({"a", "an", "and", "at", "between", "by", "during", "for", "from", "in",
                          "into", "of", "on", "the", "to", "with"})

Sign = Callable[[list[Unit], int], bool]


def is_attachment_title(t: str) -> bool:
    """P6: the attached document's own title in its head zone, ``The Situation on the 38th
    Parallel in the Summer of 1949``: three or more words in title case, no final punctuation
    (a caption of A.13 needs no such test), and no date in it (``Pyongyang 11th May 1962``)."""
    words = t.split()
    if not 4 <= len(words) <= 16 or P.PROSE_END.search(t) or not words[0][:1].isupper() \
            or DATE_RE.search(t):
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w in _TITLE_SMALL for w in words) and \
        sum(w[:1].isupper() for w in words) >= 2


def _classification_and_date(units: list[Unit], k: int) -> bool:
    """A classification line with a date line directly before or after it."""
    if not P.classification_term(text(units[k])):
        return False
    return any(0 <= x < len(units) and is_date_line(text(units[x])) for x in (k - 1, k + 1))


def _attachment_registry(units: list[Unit], k: int) -> bool:
    return bool(ATTACHMENT_REGISTRY.match(text(units[k])))


def place_date_line(t: str) -> bool:
    """``{place}[,] {date}`` with nothing after the date."""
    m = PLACE_DATE.match(t)
    return bool(m) and DATE_RE.fullmatch(m.group("date")) is not None


def _place_date_and_letterhead(units: list[Unit], k: int) -> bool:
    """A place-date line with a ministry or letterhead line directly before or after it."""
    if not place_date_line(text(units[k])):
        return False
    return any(0 <= x < len(units) and P.is_letterhead(text(units[x])) for x in (k - 1, k + 1))


def _addressee(units: list[Unit], k: int) -> bool:
    """``To All …:``, ``To the Central Committee Bureaus:``: an addressee that opens a text."""
    t = text(units[k])
    return bool(P.ADDRESSEE.match(t)) and t.endswith(":") and len(t) <= 90


def _caption(units: list[Unit], k: int) -> bool:
    t = text(units[k])
    return P.is_caption(t) and not P.is_office(t)


def _column_block(units: list[Unit], k: int) -> bool:
    """B20: a collapsed multi-column header only stands in a head zone."""
    return units[k].column_block is not None


# the signs of a second head zone, in the order they are tried
SIGNS: tuple[tuple[str, Sign], ...] = (
    ("classification line and date line", _classification_and_date),
    ("attachment registry line", _attachment_registry),
    ("place-date line and letterhead", _place_date_and_letterhead),
    ("addressee line", _addressee),
    ("caption", _caption),
    ("column block", _column_block),
)


def second_head(units: list[Unit], k: int) -> str | None:
    """The name of the sign by which ``units[k]`` starts a second head zone, or None."""
    return next((name for name, sign in SIGNS if sign(units, k)), None)


def _paragraph(unit: Unit, kind: str | None) -> bool:
    """A body paragraph: prose that is no closing-zone line and no bracket label."""
    if kind is not None or isinstance(unit.nodes[0] if unit.nodes else None, Bracket):
        return False
    t = text(unit)
    return len(t) >= 40 and bool(P.PROSE_END.search(t))


def mid_document_split(units: list[Unit], lo: int,
                       has_body: Callable[[int], bool]) -> tuple[int, int] | None:
    """(anchor, start): the first anchor of a closing zone in ``units[lo:]`` that a second head
    zone ends, and the index of that head zone's first line (P6); None when there is none.
    ``has_body(k)``: a body line follows the head zone at ``k`` (an attachment has a text of
    its own)."""
    # most texts have no line with a sign at all: then there is nothing to split, and the
    # closing kinds of every body line (the costly part) need not be asked for here
    if not any(second_head(units, j) is not None for j in range(lo + 2, len(units))):
        return None
    kinds = [None] * lo + closing_kinds(units[lo:])
    k = lo + 1
    while k < len(units):
        if not is_anchor(kinds, k):
            k += 1
            continue
        j = k + 1
        while j < len(units) and not _starts_head(units, kinds, j):
            if _paragraph(units[j], kinds[j]):
                break
            j += 1
        if j < len(units) and _starts_head(units, kinds, j):
            j = _head_lines_before(units, kinds, j, k)
            if has_body(j):
                return k, j
        k = j + 1 if j > k else k + 1
    return None


def _starts_head(units: list[Unit], kinds: list[str | None], j: int) -> bool:
    """A sign of a second head zone on a line that is no closing-zone line (``To be seen by:``
    is a list head, not an addressee); ``Top Secret`` has the form of a name line."""
    return kinds[j] in (None, "name") and second_head(units, j) is not None


def _head_lines_before(units: list[Unit], kinds: list[str | None], j: int, anchor: int) -> int:
    """Letterhead, classification and copy-number lines and column blocks just before the sign
    belong to the second head zone."""
    while j - 1 > anchor and _head_line(units[j - 1], kinds[j - 1]):
        j -= 1
    return j


def _head_line(unit: Unit, kind: str | None) -> bool:
    """(A classification has the form of a name line, an all-caps signer that of a letterhead.)"""
    t = text(unit)
    if kind == "name":
        return bool(P.classification_term(t))
    return kind is None and (unit.column_block is not None or P.is_letterhead(t) or bool(
        P.classification_term(t)) or bool(P.COPY.search(t)) and len(t) < 40)
