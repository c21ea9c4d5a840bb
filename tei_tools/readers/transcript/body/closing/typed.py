"""Postscript lines of one kind each: initials and drafters (L22), a copy count (L20),
certification and spravka (L29)."""

from __future__ import annotations

from .. import atoms
from ..flow import unit_items
from ..tei import el
from .state import ClosingState

# kind → (element, @type)
_TYPED = {"drafting": ("ab", "drafting"), "copies": ("ab", "copies"),
          "certification": ("ab", "certification"), "spravka": ("note", "reference")}


def typed_line(st: ClosingState) -> bool:
    if st.kind not in _TYPED:
        return False
    st.in_post = True
    tag, typ = _TYPED[st.kind]
    atoms.fill(el(tag, {"type": typ}, parent=st.post), unit_items(st.unit, st.env))
    st.i += 1
    return True

