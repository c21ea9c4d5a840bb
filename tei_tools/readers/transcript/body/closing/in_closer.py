"""Lines that join the closer while no postscript line has come: a closing salutation (L18),
``Recorded by …`` (L22) and floating stamps or handwritten notes."""

from __future__ import annotations

from .. import atoms
from .. import patterns as P
from ..flow import unit_items
from ..tei import el, local
from .lines import chars, floating
from .state import ClosingState, Rule


def _closer_child(kind: str) -> Rule:
    """The rule that puts a line of ``kind`` into the closer as an element of that name."""
    def rule(st: ClosingState) -> bool:
        if st.kind != kind or st.in_post:
            return False
        atoms.fill(el(kind, parent=st.closer), unit_items(st.unit, st.env))
        st.i += 1
        return True
    return rule


salute = _closer_child("salute")      # L18: a closing salutation → closer/salute


def dateline(st: ClosingState) -> bool:
    """P2: a place and date just before the signer (``Budapest, 1971 May 4.``) →
    ``closer/dateline`` with the place as ``placeName`` (the date is L7's)."""
    if st.kind != "dateline" or st.in_post:
        return False
    items = chars(st.unit, st.env)
    comma = items.index(",") if "," in items else -1
    if comma > 0:
        items = [atoms.fill(el("placeName"), items[:comma])] + items[comma:]
    atoms.fill(el("dateline", parent=st.closer), items)
    st.i += 1
    return True


def addressee(st: ClosingState) -> bool:
    """P2: ``Esteemed Comrade`` ⏎ name ⏎ office … after the signature →
    ``closer/seg[@type='to']``, its lines separated by ``lb``."""
    if st.kind != "addressee" or st.in_post:
        return False
    seg = el("seg", {"type": "to"}, parent=st.closer)
    atoms.fill(seg, unit_items(st.unit, st.env))
    st.i += 1
    while st.kind_at(st.i) == "addressee":
        el("lb", parent=seg)
        atoms.fill(seg, unit_items(st.unit, st.env))
        st.i += 1
    return True


def recorded_by(st: ClosingState) -> bool:
    """L19: ``Recorded by …`` in the closing zone → ``closer/seg[@type='drafting']``."""
    t = st.unit.text()
    if st.kind != "drafting" or st.in_post or not P.DRAFTING.match(t) \
            or not t.startswith("Recorded by"):
        return False
    atoms.fill(el("seg", {"type": "drafting"}, parent=st.closer), unit_items(st.unit, st.env))
    st.i += 1
    return True


def floating_bracket(st: ClosingState) -> bool:
    """A stamp or note on a line of its own; a page-level ``fw`` starts the postscript."""
    if st.kind != "bracket" or st.in_post:
        return False
    node = floating(st.unit, st.env)
    if local(node) == "fw":
        st.in_post = True
        st.post.append(node)
    else:
        st.closer.append(node)
    st.i += 1
    return True
