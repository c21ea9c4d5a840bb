"""Captions that span lines, and what the captions say about the document (L30, L6, §7 P13).

* A caption goes on over a line that starts with ``of``/``OF`` after a caption line
  (``FROM THE JOURNAL`` / ``OF A. V. KORNIENKO``), over an upper-case line that starts with an
  upper-case preposition after an upper-case caption line (``BETWEEN N. S. KHRUSHCHEV …``),
  over the line after a caption line that ends in ``of`` (``from the diary of`` /
  ``L. P. Krylov``), and over a date-range line after ``for the period`` (P13). A footnote
  marker after the caption word (``CONVERSATION*``) does not hide it.
* A caption whose first line was lost still counts when it starts with ``of {office} …`` and
  names the period (``of Soviet Ambassador … for the period``) (P13); the lost line was a
  journal's (``JOURNAL``), so the document is a journal.
* ``FROM THE JOURNAL`` / ``OF X`` followed, before any body paragraph, by a
  record-of-conversation caption is one memorandum of conversation: the document is no journal
  and has no entries (P13).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from . import patterns as P
from .dates import DATE_RE
from .vocab import caption_subtype

_OF_LINE = re.compile(r"^(?:of|OF)\s+\S")
# an upper-case caption goes on over a line that starts with an upper-case preposition
_CAPS_GOES_ON = re.compile(r"^(?:BETWEEN|WITH|FOR|ON|ABOUT|CONCERNING|TO)\s+\S")
_ENDS_OF = re.compile(r"\b(?:of|OF)$")
_ENDS_PERIOD = re.compile(r"\bfor the period$", re.I)
_PARAGRAPH = re.compile(r"[.?!]$")
_LOST_FIRST = re.compile(r"^of\s+\S.*\bfor the period\b", re.I)


def continues(previous: str, line: str) -> bool:
    """P13: ``line`` goes on with the caption whose last line so far is ``previous``."""
    if _OF_LINE.match(line) and not P.PROSE_END.search(line):
        return True
    if _CAPS_GOES_ON.match(line) and P.is_all_caps(previous) and not P.PROSE_END.search(line):
        return True
    if _ENDS_OF.search(previous) and not P.is_prose(line):
        return True
    if _ENDS_PERIOD.search(previous):
        m = DATE_RE.search(line)
        return m is not None and not P.PROSE_END.search(line) and len(line) < 60
    return False


def lost_first_line(line: str) -> bool:
    """P13: a caption whose first line (``JOURNAL``) was lost: ``of {office} … for the
    period``."""
    return bool(_LOST_FIRST.match(line)) and not line.endswith(".")


def document_kind(lines: Iterable[str]) -> str | None:
    """The subtype the captions give the document: the first caption's, except that a journal
    caption followed, before any body paragraph, by a record-of-conversation caption makes one
    memcon (P13)."""
    lines = list(lines)
    return "memcon" if journal_extract(lines) else _first_caption_kind(lines)


def journal_extract(lines: Iterable[str]) -> bool:
    """P13: ``FROM THE JOURNAL`` / ``OF X``, then a record-of-conversation caption before any
    body paragraph: a memcon taken from a journal, without journal entries."""
    kind: str | None = None
    for text in lines:
        if kind is None:
            if P.is_caption(text):
                kind = caption_subtype(text)
                if kind != "diary":
                    return False
            continue
        if P.is_caption(text) and caption_subtype(text) == "memcon":
            return True
        if _PARAGRAPH.search(text) and len(text) >= 40:
            break
    return False


def is_journal(lines: Iterable[str], trailer_subtype: str | None) -> bool:
    """L6: journal entries, when the trailer's Type or the first caption says diary, unless the
    document is a memcon taken from a journal (P13)."""
    lines = list(lines)
    if journal_extract(lines):
        return False
    return trailer_subtype == "diary" or _first_caption_kind(lines) == "diary"


def _first_caption_kind(lines: Iterable[str]) -> str | None:
    """A.4 of the first caption; a caption that lost its first line and names a period is a
    journal's (``JOURNAL`` / ``of … for the period``, P13)."""
    for t in lines:
        if P.is_caption(t):
            return caption_subtype(t)
        if lost_first_line(t):
            return "diary"
    return None
