"""L21 the outgoing registry line and its date → ``postscript/ab[@type='outgoing-registry']``,
with the P4 forms: either order, a final full stop, a page count, a number alone."""

from __future__ import annotations

from .. import atoms
from ..atoms import Item
from ..flow import unit_items
from ..inline.stamp import number_element
from ..tei import el
from . import grammar as G
from .lines import chars
from .state import ClosingState


def outgoing_registry(st: ClosingState) -> bool:
    """The number and its date, in either order, or the number alone (P4)."""
    pair = (st.kind, st.kind_at(st.i + 1))
    if pair in (("outgoing", "date"), ("date", "outgoing")):
        span = (st.i, st.i + 1)
    elif st.kind == "outgoing":
        span = (st.i,)
    else:
        return False
    st.in_post = True
    ab = el("ab", {"type": "outgoing-registry"}, parent=st.post)
    for k in span:
        if k > st.i:
            el("lb", parent=ab)
        if st.kinds[k] == "outgoing":
            atoms.fill(ab, registry_number(chars(st.units[k], st.env)))
        else:
            atoms.fill(ab, unit_items(st.units[k], st.env))
    st.i += len(span)
    return True


def registry_number(items: list[Item]) -> list[Item]:
    """``Nº 412/sh.`` → ``Nº <idno type="outgoing">412/sh</idno>.``: the final full stop and a
    page count ``(2 pages)`` stay text after the number."""
    m = G.REGISTRY_LINE.match(atoms.text(items))
    a, b = m.span("num")
    return items[:a] + [number_element(items[a:b], "outgoing")] + items[b:]
