"""What the wrapper may ask about the document text before the body is built (§7 P5).

A capture without a trailer has no wrapper tail to tell the summary from the document's end;
P5 takes its last prose line as the summary when a recognised closer stands before it. That
needs the closing-zone rules, so the profile asks here, on the lines without that last line.
"""

from __future__ import annotations

from ..context import Context
from . import zones
from .closing.kinds import closing_kinds, is_anchor
from .lines import prepare
from .nodes import SourceLine
from .parser import parse


def ends_in_closer(lines: list[SourceLine]) -> bool:
    """Do ``lines`` end with an anchored closing zone (P1)? The lines are read with a context
    of their own, so that this question reports no diagnostics of the document."""
    quiet = Context("probe")
    prepared, _ = prepare(lines, quiet)
    units = parse(prepared, quiet)
    if not units:
        return False
    closing = zones.find_zones(units, quiet).segments[-1].closing
    kinds = closing_kinds(closing)
    return any(is_anchor(kinds, k) for k in range(len(closing)))
