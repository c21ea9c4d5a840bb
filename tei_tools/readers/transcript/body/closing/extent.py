"""F8 as revised by §7 P1: where the closing zone of a document (or attachment) starts.

The zone is anchored on strong signals (``kinds.is_anchor``) after the last body paragraph. From
the end, closing-zone lines are taken as before; then the scan goes on over lines that fit no
pattern, as long as they are no prose and another anchor comes before them: such lines stay
inside the zone (the build gives them info TX440).
"""

from __future__ import annotations

from .. import patterns as P
from ..nodes import Orphan, Unit
from ..repairs import looks_like_stamp_content
from . import grammar as G
from .kinds import closing_kinds, is_anchor, text
from .trailing import trailing_editorial

# kinds that make a run of lines a closing zone; dates, names and separators alone do not
_SIGNATURE_LIKE = {"signature", "office", "distribution", "drafting", "salute", "outgoing",
                   "bracket", "spravka", "certification", "attachment", "copies", "signed",
                   "sign-off", "list-more", "recipient", "addressee"}
_LIST_KINDS = ("distribution", "list-more", "recipient")   # a page may stop inside a list (P5)
_MAX_UNKNOWN_RUN = 2       # unknown lines in a row that an anchor before them may take in


def closing_start(units: list[Unit], lo: int, at_end: bool = True) -> int:
    """The index of the first closing-zone line in ``units[lo:]`` (``len(units)`` if none).
    ``at_end``: the units end where the capture ends, so the last line may be cut off (P1).
    Editorial brackets at the end (P5) belong to a zone found before them, else to the body."""
    n = trailing_editorial(units[lo:])
    if n:
        k = closing_start(units[:len(units) - n], lo, at_end)
        return k if k < len(units) - n else len(units)
    kinds = [None] * lo + closing_kinds(units[lo:])
    if at_end and units and len(units) > lo and kinds[-1] not in _LIST_KINDS \
            and G.cut_off(text(units[-1])):
        kinds[-1] = None       # P1: never anchor on a cut-off last line
    _take_trailing(units, kinds, lo)
    k = _strict_start(units, kinds, lo)
    k = _anchored_start(units, kinds, lo, k)
    # a run of only dates or names is not a closing zone unless a signature-like line is in it
    while k < len(units) and kinds[k] in ("date", "name", "place", "separator") and not any(
            x in _SIGNATURE_LIKE for x in kinds[k:]) and not any(
            is_anchor(kinds, x) for x in range(k, len(units))):
        k += 1
    return k


def _take_trailing(units: list[Unit], kinds: list[str | None], lo: int) -> None:
    """P1: lines after the last anchor that fit no pattern do not hide the zone: up to two lines
    that hold only a bracket (a note, an unlabelled stamp). They are marked ``trailing`` so that
    the scan goes over them; the build keeps them after the signer. (Editorial brackets are
    P5's, ``trailing.py``; the summary line of a capture without trailer is the profile's,
    ``probe.py``.)"""
    k = len(units)
    while k > lo and len(units) - k < _MAX_UNKNOWN_RUN and kinds[k - 1] is None \
            and _trailing_line(units[k - 1]):
        k -= 1
    if k == len(units) or k == lo or kinds[k - 1] is None or _quoted_end(text(units[k - 1])):
        return
    if any(is_anchor(kinds, x) for x in range(lo, k)):
        for x in range(k, len(units)):
            kinds[x] = "trailing"


def _trailing_line(unit: Unit) -> bool:
    return unit.only_bracket() is not None


def _quoted_end(t: str) -> bool:
    """P2: a line that closes a quotation ends a quoted message, whose sign-off is body text."""
    return t.endswith(("\"", "”", "»"))


def _strict_start(units: list[Unit], kinds: list[str | None], lo: int) -> int:
    """Backwards from the end over closing-zone lines (and B27a stamp lines)."""
    k = len(units)
    orphan_run = False      # B27a: stamp lines before an orphan "]" belong to the zone too
    while k > lo:
        unit = units[k - 1]
        kind = kinds[k - 1]
        if kind is None and _has_orphan(unit):
            kind, orphan_run = "orphan", True
        elif kind is None and orphan_run and looks_like_stamp_content(unit.text()):
            kind = "stamp-line"
        else:
            orphan_run = False
        if kind is None:
            break
        k -= 1
    return k


def _anchored_start(units: list[Unit], kinds: list[str | None], lo: int, k: int) -> int:
    """P1: take in short runs of unknown lines that stand between two anchors."""
    if not any(is_anchor(kinds, x) for x in range(k, len(units))):
        return k
    j, unknown = k - 1, 0
    while j >= lo:
        t = text(units[j])
        if kinds[j] is None:
            unknown += 1
            if P.is_prose(t) or unknown > _MAX_UNKNOWN_RUN or units[j].only_bracket() is not None:
                break
        elif is_anchor(kinds, j) or unknown == 0:
            k, unknown = j, 0
        j -= 1
    return k


def _has_orphan(unit: Unit) -> bool:
    return any(isinstance(n, Orphan) for n in unit.nodes)
