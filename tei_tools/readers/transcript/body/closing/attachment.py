"""L23 attachment notices: before the closer they stay in the div, after it in the postscript."""

from __future__ import annotations

from .. import atoms
from ..flow import unit_items
from ..tei import el
from .state import ClosingState


def before_closer(st: ClosingState) -> bool:
    if st.kind != "attachment" or len(st.closer) or st.in_post:
        return False
    st.before.append(atoms.fill(el("ab", {"type": "attachment-notice"}),
                                unit_items(st.unit, st.env)))
    st.i += 1
    return True


def in_postscript(st: ClosingState) -> bool:
    if st.kind != "attachment":
        return False
    st.in_post = True
    atoms.fill(el("ab", {"type": "attachment-notice"}, parent=st.post),
               unit_items(st.unit, st.env))
    st.i += 1
    return True
