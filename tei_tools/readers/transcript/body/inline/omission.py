"""B15 ``[…]`` omissions by the editor, and empty brackets kept literally (``stray``)."""

from __future__ import annotations

import re

from ..atoms import Item
from ..classify import Where
from ..nodes import Bracket
from ..tei import el
from .notes import describe
from .state import BracketRule, InlineState

_OMISSION = re.compile(r"^[….\s]*$")


def _is_omission(br: Bracket, where: Where) -> bool:
    c = where.content
    return bool(_OMISSION.match(c)) and ("…" in c or "..." in c)


def _omission(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    if br.rend:
        # a gap cannot keep the spelling of the dots, and N5 only equates whole brackets: a
        # repaired one keeps its text in a desc note
        return describe(state, br, where)
    gap = el("gap", {"reason": "editorial", "resp": "#tr"})
    # read as the round-trip normaliser (N5) does: "..." is "…", so "[....]" is "[….]"
    core = where.content.replace(" ", "").replace("...", "…")
    if core.startswith(".") and core[1:] == "…":
        return state.push(".", gap)
    if core.endswith(".") and core[:-1] == "…":
        return state.push(gap, ".")
    return state.push(gap)


def _empty(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    """An empty bracket kept literally: only the bracket characters that are in the transcript
    (a repaired ``[`` has no ``]``), with its inner spaces and line breaks, so D gives it back."""
    state.env.ctx.emit("TX306", line=br.start.line, col=br.start.col)
    inner = state.render(br.children, inside=True, markup=False)
    open_ = [] if br.rend == "unopened" else [el("c", {"type": "stray-bracket"}, "[")]
    close = [] if br.rend == "unclosed" else [el("c", {"type": "stray-bracket"}, "]")]
    if not inner and open_ and close:
        return state.push(el("c", {"type": "stray-bracket"}, "[]"))
    return state.push(*open_, *inner, *close)


EMPTY = BracketRule("stray", lambda br, where: not where.content, _empty)
OMISSION = BracketRule("B15", _is_omission, _omission)
