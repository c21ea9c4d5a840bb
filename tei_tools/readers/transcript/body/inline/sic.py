"""B10 ``[sic]``: the preceding token (or up to four capitalised tokens) in ``sic``."""

from __future__ import annotations

import re

from lxml import etree

from .. import atoms
from ..atoms import Item
from ..classify import Where
from ..nodes import Bracket
from ..tei import el, local
from .state import BracketRule, InlineState

_SIC = re.compile(r"(?i)^sic\b")


def _sic_note(text: str) -> etree._Element:
    return el("note", {"type": "sic", "place": "inline", "resp": "#tr"}, text)


def _sic(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    """B10: wrap the preceding token (or up to 4 capitalised tokens) in ``sic``."""
    items = state.items
    c = br.plain()      # verbatim: "[ sic]" is not "[sic]"
    plain_start = atoms.text_start(items)
    region = "".join(items[plain_start:])
    body = region.rstrip(" ")
    trailing = region[len(body):]
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", body)]
    if not words:
        state.emit("TX332")
        before = items[plain_start - 1] if plain_start else None
        if before is not None and not isinstance(before, str) and local(before) == "sic":
            # "X [sic] [sic]": the first [sic] was left for D to restore from <sic>, which D
            # does only when no note follows; this one will, so the first is written out too
            items[plain_start:plain_start] = [" ", _sic_note("sic")]
        return state.push(_sic_note(c))
    first = len(words) - 1
    if words[first][1][:1].isupper():
        while first > 0 and words[first - 1][1][:1].isupper() and len(words) - first < 4:
            first -= 1
    cut = words[first][0]
    out = ([body[:cut]] if cut else []) + [el("sic", text=body[cut:])]
    if c != "sic" or not trailing:
        # the note keeps the bracket's place; a plain spaced " [sic]" is restored by D from
        # <sic>, a glued one ("the[sic]") is not
        if trailing:
            out.append(trailing)
        out.append(_sic_note(c))
    return state.take_back(plain_start, out)


SIC = BracketRule("B10", lambda br, where: bool(_SIC.match(where.content)), _sic)
