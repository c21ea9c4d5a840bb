"""B17 ``[signature]`` and B23 ``[page 2]``: marks of the physical document."""

from __future__ import annotations

import re

from lxml import etree

from ...signatures import BRACKET_CONTENT, is_illegible
from .. import atoms
from ..atoms import Item
from ..classify import Where
from ..nodes import Bracket
from ..tei import el
from .common import verbatim
from .illegible import illegible_gap
from .state import BracketRule, InlineState

_PAGE = re.compile(r"(?i)^page\s+(\d+)$")


def _signature(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    if is_illegible(where.content):
        return state.push(illegible_gap(where.content, desc=verbatim(state, br)))
    fig = el("figure", {"type": "signature"})
    atoms.fill(el("figDesc", parent=fig), verbatim(state, br))
    return state.push(fig)


def slashed_signature(state: InlineState, m: re.Match[str]) -> etree._Element:
    """P2: ``/signature/``, a placeholder between slashes: the same figure as ``[signature]``,
    ``@rend='slashes'`` so that D writes the slashes back."""
    fig = el("figure", {"type": "signature", "rend": "slashes"})
    el("figDesc", None, m.group(0)[1:-1], parent=fig)
    return fig


def _page(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    return state.push(el("pb", {"n": re.search(r"\d+", where.content).group()}))


SIGNATURE_MARK = BracketRule("B17", lambda br, where: bool(BRACKET_CONTENT.match(where.content)),
                             _signature)
PAGE = BracketRule("B23", lambda br, where: bool(_PAGE.match(where.content)), _page)
