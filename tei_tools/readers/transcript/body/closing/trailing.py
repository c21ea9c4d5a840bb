"""§7 P5: editorial brackets after the closer (``[...]``, ``[Source: …]``, translator's and
editor's notes) do not end the closing zone before them; they stand after the closer and
postscript, where TEI allows global elements (``div``: ``(model.divBottom, model.global*)*``).
"""

from __future__ import annotations

import re

from ..flow import standalone, unit_items
from ..nodes import Unit
from .kinds import bracket_label
from .state import ClosingState

# the contents of the editorial brackets that may follow a closer (B15, P5 source, B11)
_EDITORIAL = re.compile(r"(?i)^(?:[….\s]*(?:…|\.\.\.)[….\s]*|Source:\s.*|"
                        r"(?:Translator's|Trans\.|Translator|Ed\.|Editor's|Editorial) note\b.*)$",
                        re.S)


def is_editorial(unit: Unit) -> bool:
    """A line that holds only an editorial bracket."""
    label = bracket_label(unit)
    return label is not None and bool(_EDITORIAL.match(label.strip()))


def trailing_editorial(units: list[Unit]) -> int:
    """How many editorial bracket lines end ``units``."""
    n = 0
    while n < len(units) and is_editorial(units[len(units) - 1 - n]):
        n += 1
    return n


def after_closer(st: ClosingState) -> bool:
    """An editorial bracket line from which on only such lines follow → after the closer."""
    if st.i == 0 or trailing_editorial(st.units[st.i:]) != len(st.units) - st.i:
        return False
    node = standalone(unit_items(st.unit, st.env))
    if node is None:
        return False
    st.after.append(node)
    st.i += 1
    return True
