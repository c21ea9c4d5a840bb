"""Self-check after layout (issue 13, §7 P1): closing-zone material left in the body.

A signature placeholder, a copy-count line or a run of numbered recipient lines belongs to a
closing zone (L19, L20, P2, P3). When the zone rules did not take such a line, it ends up as a
body paragraph; the reader then says so (TX450, a warning with line and column), so that an
editor sees what it could not place instead of finding it later in the published edition.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..context import Context
from .closing.grammar import COUNT_START, recipient_line
from .closing.kinds import has_placeholder
from .nodes import Unit

# L20: "1 - Cde. Gromyko", "2– to file", "1st - Comrade X" (the closing zone's forms, and an
# en dash or no space after the number)
_RECIPIENT = re.compile(r"^\d+(?:st|nd|rd|th)?\s?[-–]\s?\S")


def _recipient(text: str) -> bool:
    return bool(_RECIPIENT.match(text) or recipient_line(text))
_MAX_COUNT_WORDS = 8   # a copy-count sentence in running prose is not a closing line (P1)


def _placeholder(unit: Unit) -> bool:
    text = unit.text()
    if any(q in text for q in "\"“”«»"):
        return False    # P2: a quoted message's own sign-off is body text
    return has_placeholder(unit)


def _prose(unit: Unit) -> bool:
    """A sentence of running text: a copy-count line with one after it is body text (P1)."""
    text = unit.text().strip()
    return len(text.split()) > _MAX_COUNT_WORDS and text[-1:] in ".!?:;)"


def _what(unit: Unit, previous: Unit | None, later: list[Unit]) -> str | None:
    text = unit.text().strip()
    if _placeholder(unit):
        return "a signature placeholder"
    # P3: "Five copies printed:", "3 copies. ak" — a short line, count first
    if (COUNT_START.match(text) and len(text.split()) <= _MAX_COUNT_WORDS
            and not any(_prose(u) for u in later)):
        return "a copy-count line"
    if _recipient(text) and any(
            other is not None and _recipient(other.text().strip())
            for other in (previous, later[0] if later else None)):
        return "a numbered recipient line"
    return None


def check_body_units(units: Iterable[Unit], ctx: Context) -> None:
    """Warn (TX450) for each body-zone unit that looks like a closing-zone line."""
    body = list(units)
    for k, unit in enumerate(body):
        what = _what(unit, body[k - 1] if k else None, body[k + 1:])
        if what:
            ctx.emit("TX450", line=unit.pos.line, col=unit.pos.col, what=what,
                     text=unit.text().strip()[:60])
