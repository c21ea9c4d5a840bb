"""L21 the outgoing registry line and its date → ``postscript/ab[@type='outgoing-registry']``."""

from __future__ import annotations

from .. import atoms
from .. import patterns as P
from ..flow import unit_items
from ..inline.stamp import number_element
from ..tei import el
from .lines import chars
from .state import ClosingState


def outgoing_registry(st: ClosingState) -> bool:
    if st.kind != "outgoing" or st.kind_at(st.i + 1) != "date":
        return False
    st.in_post = True
    ab = el("ab", {"type": "outgoing-registry"}, parent=st.post)
    items = chars(st.unit, st.env)
    m = P.OUTGOING.match(atoms.text(items))
    a = m.start("num")
    atoms.fill(ab, items[:a] + [number_element(items[a:], "outgoing")])
    el("lb", parent=ab)
    atoms.fill(ab, unit_items(st.units[st.i + 1], st.env))
    st.i += 2
    return True
