"""§7 P11: a handwriting bracket whose opening line was lost.

The capture dropped the line with ``[handwritten:`` (or the whole label), so what is left is the
quoted instruction and the bracket's close: ``"to Cde. … for the survey.`` … ``3 May 1963 …"]``.
Before the first paragraph of the document (the head zone), a ``]`` that directly follows a
closing quote, with a line that opens the quote at most a few lines before it, closes such a
bracket: the quoted lines become one unit holding one bracket (``@rend='unopened'``, class
``B21-unopened``), a handwritten resolution note. The repair runs on the parsed units, before the
zones, like the label-only stamps (``label_only``), so that the zone scanner sees a bracket line.
"""

from __future__ import annotations

import re

from ..context import Context
from . import patterns as P
from .nodes import LB, Bracket, Node, Orphan, Text, Unit

CLASS = "B21-unopened"
_OPENS_QUOTE = re.compile(r"^\s*[\"“]")
_CLOSES_QUOTE = re.compile(r"[\"”]\s*$")
MAX_LINES = 6        # an instruction, its addressee, a signature and a date: a short note


def merge(units: list[Unit], ctx: Context) -> list[Unit]:
    """The units with each unopened quoted handwriting run of the head zone as one unit."""
    out: list[Unit] = []
    for unit in units:
        k = _quote_close(unit)
        back = None if k is None else _run_start(out, unit)
        if back is None or any(_is_prose(u) for u in out[:len(out) - back]):
            out.append(unit)
            continue
        run = out[len(out) - back:] + [unit]
        del out[len(out) - back:]
        assert k is not None
        children: list[Node] = []
        for r in run[:-1]:
            if children:
                children.append(LB(r.pos))
            children.extend(r.nodes)
        if children:
            children.append(LB(unit.pos))
        children.extend(unit.nodes[:k])
        orphan = unit.nodes[k]
        assert isinstance(orphan, Orphan)
        ctx.emit("TX301", line=orphan.pos.line, col=orphan.pos.col,
                 detail=" after a quoted handwritten instruction: an implicit '[' was placed "
                        "at the start of the quote (P11)",
                 hint="add the missing '[handwritten: …' line in the transcript, or accept "
                      "the repair (note marked rend=\"unopened\")")
        bracket = Bracket("single", run[0].pos, children, orphan.pos, rend="unopened",
                          force=CLASS)
        out.append(Unit([bracket], [ln for r in run for ln in r.lines], run[0].pos))
    return out


def _quote_close(unit: Unit) -> int | None:
    """Index of the orphan ``]`` that ends ``unit`` directly after a closing quote."""
    if unit.column_block is not None:
        return None
    nodes = [n for n in unit.nodes if not (isinstance(n, Text) and not n.text.strip())]
    if len(nodes) < 2 or not isinstance(nodes[-1], Orphan) or not isinstance(nodes[-2], Text) \
            or not _CLOSES_QUOTE.search(nodes[-2].text):
        return None
    if any(isinstance(n, Orphan) for n in nodes[:-1]):
        return None
    return unit.nodes.index(nodes[-1])


def _run_start(out: list[Unit], unit: Unit) -> int | None:
    """How many units before ``unit`` the quote opens (0: on its own line), or None."""
    for back in range(0, min(MAX_LINES, len(out) + 1)):
        cand = unit if back == 0 else out[-back]
        if back and (cand.column_block is not None
                     or any(isinstance(n, Orphan) for n in cand.nodes)):
            return None
        first = next((n for n in cand.nodes if not (isinstance(n, Text) and not n.text.strip())),
                     None)
        if isinstance(first, Text) and _OPENS_QUOTE.match(first.text):
            return back
    return None


def _is_prose(unit: Unit) -> bool:
    """A paragraph line: the head zone is over before it."""
    return unit.column_block is None and unit.only_bracket() is None \
        and P.is_prose(unit.text().strip())
