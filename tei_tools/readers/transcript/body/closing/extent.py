"""F8: where the closing zone of a document (or attachment) starts."""

from __future__ import annotations

from ..nodes import Orphan, Unit
from ..repairs import looks_like_stamp_content
from .kinds import closing_kind

# kinds that make a run of lines a closing zone; dates, names and separators alone do not
_SIGNATURE_LIKE = {"signature", "office", "distribution", "drafting", "salute", "outgoing",
                   "bracket", "spravka", "certification", "attachment", "copies"}


def closing_start(units: list[Unit], lo: int) -> int:
    """Scan backwards from the end over closing-zone lines; the first closing index."""
    k = len(units)
    orphan_run = False      # B27a: stamp lines before an orphan "]" belong to the zone too
    while k > lo:
        unit = units[k - 1]
        kind = closing_kind(unit, True)
        if kind is None and _has_orphan(unit):
            kind, orphan_run = "orphan", True
        elif kind is None and orphan_run and looks_like_stamp_content(unit.text()):
            kind = "stamp-line"
        else:
            orphan_run = False
        if kind is None:
            break
        k -= 1
    # a run of only dates or names is not a closing zone unless a signature-like line is in it
    kinds = [closing_kind(u, True) for u in units[k:]]
    while kinds and kinds[0] in ("date", "name", "separator") and not any(
            x in _SIGNATURE_LIKE for x in kinds):
        kinds.pop(0)
        k += 1
    return k


def _has_orphan(unit: Unit) -> bool:
    return any(isinstance(n, Orphan) for n in unit.nodes)
