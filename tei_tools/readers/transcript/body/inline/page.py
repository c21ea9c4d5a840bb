"""B17 ``[signature]`` and B23 ``[page 2]``: marks of the physical document."""

from __future__ import annotations

import re

from .. import atoms
from ..atoms import Item
from ..classify import SIGNATURE_CONTENT, Where
from ..nodes import Bracket
from ..tei import el
from .common import verbatim
from .illegible import illegible_gap
from .state import BracketRule, InlineState

_PAGE = re.compile(r"(?i)^page\s+(\d+)$")


def _signature(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    if "illegible" in where.content.lower():
        return state.push(illegible_gap(where.content, desc=verbatim(state, br)))
    fig = el("figure", {"type": "signature"})
    atoms.fill(el("figDesc", parent=fig), verbatim(state, br))
    return state.push(fig)


def _page(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    return state.push(el("pb", {"n": re.search(r"\d+", where.content).group()}))


SIGNATURE_MARK = BracketRule("B17", lambda br, where: bool(SIGNATURE_CONTENT.match(where.content)),
                             _signature)
PAGE = BracketRule("B23", lambda br, where: bool(_PAGE.match(where.content)), _page)
