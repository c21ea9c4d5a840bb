"""§7 P11: a double bracket used as the label of a handwritten note.

``[[Handwriting in pencil,`` / ``partly cut off]:`` / ``Zor[in?]…`` / ``for the survey ]]``: the
transcriber opened the note with ``[[``, closed the label with a single ``]`` and the note with
``]]`` some lines later. The parser reads the label as a B14 double bracket closed by a single
``]`` (TX303) and the final ``]]`` as two orphans. This repair, on the parsed units before the
zones, joins the label line, the lines after it and the line that ends in ``]]`` into one unit
holding one double bracket (``@rend='single-close'``, class ``P11-double-label``): a handwritten
note whose desc is the label. D writes ``[[`` + label + ``]`` + the note + ``]]`` again.
"""

from __future__ import annotations

import re

from .nodes import LB, Bracket, Node, Orphan, Text, Unit

CLASS = "P11-double-label"
MAX_LINES = 6                  # the note under its label: a few lines
_HANDWRITING = re.compile(r"\bhandwrit(?:ing|ten)\b", re.I)
_COLON = re.compile(r"^\s*[:;]")


def merge(units: list[Unit]) -> list[Unit]:
    out: list[Unit] = []
    i = 0
    while i < len(units):
        label = _label(units[i])
        end = _closing_unit(units, i) if label is not None else None
        if label is None or end is None:
            out.append(units[i])
            i += 1
            continue
        children: list[Node] = list(label.children) + _after(units[i], label)
        for k in range(i + 1, end + 1):
            nodes = units[k].nodes
            if k == end:
                nodes = nodes[:_last_orphans(nodes)]
            children.append(LB(units[k].pos))
            children.extend(nodes)
        # ``end`` stays the label's "]": the children before it are the label (the desc)
        bracket = Bracket("double", label.start, children, label.end, "single-close", CLASS)
        lines = [ln for u in units[i:end + 1] for ln in u.lines]
        out.append(Unit([bracket], lines, units[i].pos))
        i = end + 1
    return out


def _real(nodes: list[Node]) -> list[Node]:
    return [n for n in nodes if not (isinstance(n, Text) and not n.text.strip())]


def _label(unit: Unit) -> Bracket | None:
    """The double-bracket label that opens ``unit``: ``[[… handwriting …]:`` and nothing else."""
    nodes = _real(unit.nodes)
    if len(nodes) != 2 or not isinstance(nodes[0], Bracket) or not isinstance(nodes[1], Text):
        return None
    br = nodes[0]
    if br.kind != "double" or br.rend != "single-close" or not _HANDWRITING.search(br.plain()) \
            or not _COLON.match(nodes[1].text) or nodes[1].text.strip() not in (":", ";"):
        return None
    return br


def _after(unit: Unit, label: Bracket) -> list[Node]:
    return unit.nodes[unit.nodes.index(label) + 1:]


def _last_orphans(nodes: list[Node]) -> int:
    """Index of the first of the two orphan ``]`` that end ``nodes``, or -1."""
    real = _real(nodes)
    if len(real) < 2 or not isinstance(real[-1], Orphan) or not isinstance(real[-2], Orphan) \
            or real[-1].pos.col != real[-2].pos.col + 1:
        return -1
    return nodes.index(real[-2])


def _closing_unit(units: list[Unit], i: int) -> int | None:
    """Index of the unit that ends in the ``]]`` closing the note opened at ``units[i]``."""
    for k in range(i + 1, min(i + 1 + MAX_LINES, len(units))):
        unit = units[k]
        if unit.column_block is not None:
            return None
        if _last_orphans(unit.nodes) >= 0:
            return k
        if any(isinstance(n, Orphan) for n in unit.nodes):
            return None
    return None
