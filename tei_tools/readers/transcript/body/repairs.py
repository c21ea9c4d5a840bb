"""§3.2 repairs that need the zones: B27a (orphan "]" in a head or closing zone).

B20/B19 run before parsing (``columns``), B14 and B27c during parsing (``parser``); an orphan
"]" in the body stays an ``Orphan`` and becomes ``c[@type='stray-bracket']`` (B27b).
"""

from __future__ import annotations

import re

from ..context import Context
from . import patterns as P
from .nodes import LB, Bracket, Node, Orphan, Text, Unit

_STAMP_WORDS = re.compile(r"\b(?:Incoming|Outgoing|Received|Entered|Department|Registry|"
                          r"Nº|No\.|№)\b|Nº|№")


def looks_like_stamp_content(text: str) -> bool:
    """B27a: registry numbers, Incoming/Outgoing, dates, department names, classification."""
    t = text.strip()
    return bool(_STAMP_WORDS.search(t) or P.is_date_only(t) or P.classification_term(t)
                or P.REGISTRY.match(t))


def _orphan_index(unit: Unit) -> int:
    for i, n in enumerate(unit.nodes):
        if isinstance(n, Orphan):
            return i
    return -1


def repair_orphans(units: list[Unit], ctx: Context) -> list[Unit]:
    """B27a: an implicit "[" at the start of the stamp-like run just before each orphan."""
    out: list[Unit] = []
    for unit in units:
        k = _orphan_index(unit)
        if k < 0 or unit.column_block is not None:
            out.append(unit)
            continue
        before, after = unit.nodes[:k], unit.nodes[k + 1:]
        if before and not looks_like_stamp_content("".join(
                n.text for n in before if isinstance(n, Text))):
            out.append(unit)
            continue
        run: list[Unit] = []
        while out and out[-1].column_block is None and out[-1].only_bracket() is None \
                and _orphan_index(out[-1]) < 0 and looks_like_stamp_content(out[-1].text()):
            run.insert(0, out.pop())
        children: list[Node] = []
        for r in run:
            if children:
                children.append(LB(r.pos))
            children.extend(r.nodes)
        if children:
            children.append(LB(unit.pos))      # the "]" is on a later line: keep the break
        children.extend(before)
        if not children:
            out.append(unit)
            continue
        first = run[0] if run else unit
        orphan = unit.nodes[k]
        bracket = Bracket("single", first.pos, children, orphan.pos, rend="unopened",
                          force="B18")
        ctx.emit("TX301", line=orphan.pos.line, col=orphan.pos.col,
                 detail=": an implicit '[' was placed at the start of the stamp lines before it",
                 hint="add the missing '[' in the transcript, or accept the repair "
                      "(element marked rend=\"unopened\")")
        lines = [ln for r in run for ln in r.lines] + unit.lines
        # what follows the "]" on its line stays on that line (one unit, as in the transcript)
        rest = [] if all(isinstance(n, Text) and not n.text.strip() for n in after) else after
        out.append(Unit([bracket] + rest, lines, first.pos))
    return out
