"""B4 expansions: ``M[inistry of]`` → ``<expan>M<ex resp="#tr">inistry of</ex></expan>``."""

from __future__ import annotations

from .. import atoms
from ..atoms import Item
from ..classify import Where
from ..nodes import LB, Bracket
from ..tei import el
from .common import verbatim
from .state import BracketRule, InlineState


def _lowercase_words(c: str) -> bool:
    """Every word starts with a lower-case letter (an ``ex`` holds text only: no inner bracket,
    no number)."""
    return bool(c) and all(w[0].islower() for w in c.split())


def _is_expansion(br: Bracket, where: Where) -> bool:
    # <ex> holds plain text: an inner bracket ("the[a[I]") or a line break cannot be part of
    # an expansion
    c = where.content
    return (where.glued_left or where.glued_right) and _lowercase_words(c) \
        and len(c.split()) <= 4 and not any(isinstance(n, Bracket | LB) for n in br.children)


def _expan(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    items = state.items
    start = atoms.text_start(items)
    before = "".join(items[start:])
    cut = len(before)
    while cut and before[cut - 1].isalpha():
        cut -= 1
    expan = el("expan")
    atoms.fill(expan, [before[cut:]])
    ex = el("ex", {"resp": "#tr"})
    atoms.fill(ex, verbatim(state, br))
    expan.append(ex)
    return state.take_back(start, ([before[:cut]] if cut else []) + [expan])


EXPANSION = BracketRule("B4", _is_expansion, _expan)
