"""What is left after the closer: separators (L17), lone elements, and the fallback ab."""

from __future__ import annotations

from .. import atoms
from .. import patterns as P
from ..flow import standalone, unit_items
from ..tei import el
from .state import ClosingState


def separator(st: ClosingState) -> bool:
    if st.kind != "separator":
        return False
    st.in_post = True
    st.post.append(el("milestone", {"unit": "rule", "type": P.rule_type(st.text())}))
    st.i += 1
    return True


def leftover(st: ClosingState) -> bool:
    """Any other line: a lone note, gap, milestone or stamp as it is; else (§6.4) an untyped
    ``postscript/ab``. A line that fits no closing-zone kind is there because anchors stand
    around it (P1): info TX440."""
    st.in_post = True
    unit = st.unit
    items = unit_items(unit, st.env)
    node = standalone(items)
    if node is not None:
        st.post.append(node)
    else:
        if st.kind is None:
            st.env.ctx.emit("TX440", line=unit.pos.line, col=unit.pos.col)
        atoms.fill(el("ab", parent=st.post), items)
    st.i += 1
    return True
