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
    """The number and its date, in either order (P4)."""
    pair = (st.kind, st.kind_at(st.i + 1))
    if pair not in (("outgoing", "date"), ("date", "outgoing")):
        return False
    st.in_post = True
    ab = el("ab", {"type": "outgoing-registry"}, parent=st.post)
    for k in (st.i, st.i + 1):
        if k > st.i:
            el("lb", parent=ab)
        if st.kinds[k] == "outgoing":
            items = chars(st.units[k], st.env)
            m = P.OUTGOING.match(atoms.text(items))
            a = m.start("num")
            atoms.fill(ab, items[:a] + [number_element(items[a:], "outgoing")])
        else:
            atoms.fill(ab, unit_items(st.units[k], st.env))
    st.i += 2
    return True
