"""B13 ``[[…]]`` unclear or illegible passages and B16 ``[illegible …]`` gaps (§3.4)."""

from __future__ import annotations

import re

from .. import atoms
from ..atoms import Item
from ..classify import Where
from ..nodes import Bracket
from ..tei import el
from .common import verbatim
from .state import BracketRule, InlineState

ILLEGIBLE = re.compile(r"(?i)\billegible\b")
_QUANTITY = re.compile(
    r"(?P<n>\d+|one|two|three|four|five|several|a few)(?:-(?P<m>\d+))?\s+(?:illegible\s+)?"
    r"(?P<unit>letters?|characters?|words?|lines?|names?|surnames?)", re.I)
_SINGULAR = re.compile(r"(?i)\billegible (?P<unit>name|word|letter)\b")
_UNITS = {"letter": "chars", "character": "chars", "word": "words", "line": "lines",
          "name": "names", "surname": "names"}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def illegible_gap(c: str, rend: str | None = None,
                  desc: list[Item] | None = None) -> Item:
    """B16 (and B13/B17 illegible forms): gap with quantity and unit parsed from the text."""
    attrs: dict[str, str | None] = {"reason": "illegible", "resp": "#tr"}
    m = _QUANTITY.search(c)
    s = _SINGULAR.search(c)
    if m:
        unit = _UNITS[m.group("unit").lower().rstrip("s")]
        n = m.group("n").lower()
        if m.group("m"):
            attrs.update({"atLeast": n, "atMost": m.group("m")})
        elif n in _NUMBERS or n.isdigit():
            attrs["quantity"] = str(_NUMBERS.get(n) or int(n))
        attrs["unit"] = unit
    elif s:
        attrs.update({"quantity": "1", "unit": _UNITS[s.group("unit").lower()]})
    attrs["rend"] = rend
    gap = el("gap", attrs)
    # only the exact default reading may go without desc: D writes "[illegible]" for it
    if (atoms.text(desc) if desc is not None else c) != "illegible":
        if desc is not None:
            atoms.fill(el("desc", parent=gap), desc)
        else:
            el("desc", text=c, parent=gap)
    return gap


def _double(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    """B13: ``[[word]]`` unclear (low certainty with "?"), ``[[illegible]]`` a gap."""
    if not where.inside_single:
        state.env.ctx.emit("TX307", line=br.start.line, col=br.start.col)
    c = where.content
    inner = verbatim(state, br)
    nested = any(isinstance(n, Bracket) for n in br.children)
    if ILLEGIBLE.search(c) and not nested:
        return state.push(illegible_gap(c, br.rend, inner))
    if c.endswith("?") and inner and isinstance(inner[-1], str) and inner[-1].endswith("?"):
        node = el("unclear", {"reason": "illegible", "cert": "low", "resp": "#tr",
                              "rend": br.rend})
        last = inner[-1][:-1]
        return state.push(atoms.fill(node, atoms.strip(inner[:-1] + ([last] if last else []))))
    reason = "faded" if state.faded else "illegible"
    node = el("unclear", {"reason": reason, "resp": "#tr", "rend": br.rend})
    return state.push(atoms.fill(node, inner))


def _gap(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    return state.push(illegible_gap(where.content, br.rend, verbatim(state, br)))


DOUBLE = BracketRule("B13", lambda br, where: br.kind == "double", _double)
ILLEGIBLE_GAP = BracketRule("B16", lambda br, where: bool(ILLEGIBLE.search(where.content)), _gap)
