"""Supplied text: B1 pronouns, B2 short insertions, B3 a capitalised word before a capital
(§3.4) → ``supplied[@reason='implicit']``."""

from __future__ import annotations

from .. import atoms
from ..atoms import Item
from ..classify import Where, is_pronoun
from ..nodes import Bracket
from ..tei import el
from .common import verbatim
from .state import BracketRule, InlineState


def _supplied(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    node = el("supplied", {"reason": "implicit", "resp": "#tr"})
    return state.push(atoms.fill(node, verbatim(state, br)))


def _short(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    c = where.content
    if c[:1].isupper() or c.isdigit():
        reason = "spaced footnote marker without footnote text" if c.isdigit() \
            else "supplied text starts with a capital"
        state.env.ctx.emit("TX320", line=br.start.line, col=br.start.col, reason=reason)
    return _supplied(state, br, where)


def _before_capital(br: Bracket, where: Where) -> bool:
    c = where.content
    nxt = where.after.split()
    return c[:1].isupper() and not is_pronoun(c) and bool(nxt) and nxt[0][:1].isupper()


SUPPLIED_BEFORE_CAPITAL = BracketRule("B3", _before_capital, _supplied)
PRONOUN = BracketRule("B1", lambda br, where: is_pronoun(where.content), _supplied)
SHORT_INSERTION = BracketRule("B2", lambda br, where: len(where.content.split()) <= 12, _short)
