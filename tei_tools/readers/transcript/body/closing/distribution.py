"""L20 distribution lists in the closing zone → ``postscript/list[@type='distribution']``."""

from __future__ import annotations

import re

from .. import atoms, lineparts
from .. import patterns as P
from ..tei import el
from . import grammar as G
from .lines import chars
from .state import ClosingState

_COPY_NUMBER = re.compile(r"^(?:Nº|N°|№|No\.?)\s*(\d{1,2})\b")


def distribution(st: ClosingState) -> bool:
    if st.kind != "distribution":
        return False
    st.in_post = True
    lst = el("list", {"type": "distribution"}, parent=st.post)
    first = chars(st.unit, st.env)
    t = atoms.text(first)
    if P.DIST_INLINE.match(t):
        head, rest = lineparts.head_and_rest(first)
        atoms.fill(el("head", parent=lst), atoms.strip(head))
        for part in lineparts.split_items(rest, prefer_semicolon=False):
            atoms.fill(el("item", parent=lst), part)
        st.i += 1
        return True
    count = G.count_line(t)
    if count and count.group("rest"):
        # P3: "Three copies printed. Nº 3 to file.": the head, then the rest as one item; an
        # item that names its copy ("Nº 3") records the number, for it leaves the others out
        a = count.end("head")
        atoms.fill(el("head", parent=lst), first[:a])
        rest = atoms.strip(first[a:])
        copy = _COPY_NUMBER.match(atoms.text(rest))
        atoms.fill(el("item", {"n": copy.group(1) if copy else None}, parent=lst), rest)
        st.i += 1
        return True
    j = st.i
    if P.DIST_HEAD.match(t) or count or G.SEEN_BY.match(t):
        atoms.fill(el("head", parent=lst), first)
        j += 1
    while j < len(st.units) and st.kinds[j] == "distribution" and P.DIST_NUMBERED.match(
            st.text(j)):
        items = chars(st.units[j], st.env)
        nm = P.DIST_NUMBERED.match(atoms.text(items))
        a = nm.end("label")
        atoms.fill(el("label", parent=lst), items[:a])
        atoms.fill(el("item", parent=lst), atoms.strip(items[a:]))
        j += 1
    st.i = max(j, st.i + 1)
    return True
