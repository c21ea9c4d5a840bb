"""§7 P10: a label-only stamp bracket, ``[Stamp]: content``.

The brackets hold only the label; the stamp is the label, the rest of its line and, before the
first paragraph of the document (the head zone), the stamp-content lines that follow it
(institution, ``Secretariat of …``, ``Cde. X``, Incoming/number, classification, date) up to the
next other line. The repair runs on the parsed units, before the zones: the line and its content
lines become one unit holding one bracket (``@rend='label-only'``, class B18), so that the zone
scanner sees a bracket line and the stamp builder sees label and content as usual. D writes the
brackets around the label alone again (``text.py``).
"""

from __future__ import annotations

import re

from . import patterns as P
from .nodes import LB, Bracket, Node, Text, Unit
from .repairs import looks_like_stamp_content

# the bracket: a stamp word, perhaps after an institution (``[USSR MFA Stamp]``)
_LABEL = re.compile(r"^(?:[A-Z][\w .’'-]*\s)?[Ss]tamp$")
_COLON = re.compile(r"^\s*[:;]")
# stamp-content lines beyond B27a's: an institution or office of the stamp, an addressee
_CONTENT = re.compile(r"^(?:Cde\.\s)|\b(?:Ministry|Department|Secretariat|SECRETARIAT|"
                      r"Committee)\b")


def merge(units: list[Unit]) -> list[Unit]:
    """The units with each label-only stamp line (and its head-zone content lines) as one."""
    out: list[Unit] = []
    i = 0
    prose_seen = False
    while i < len(units):
        unit = units[i]
        first, rest = _label_only(unit)
        if first is None:
            out.append(unit)
            prose_seen = prose_seen or (P.is_prose(unit.text().strip())
                                        and unit.only_bracket() is None)
            i += 1
            continue
        children: list[Node] = list(first.children) + rest
        lines = list(unit.lines)
        j = i + 1
        while not prose_seen and j < len(units) and _content_line(units[j]):
            children.append(LB(units[j].pos))
            children.extend(units[j].nodes)
            lines.extend(units[j].lines)
            j += 1
        bracket = Bracket(first.kind, first.start, children, first.end, "label-only", "B18")
        out.append(Unit([bracket], lines, unit.pos))
        i = j
    return out


def _label_only(unit: Unit) -> tuple[Bracket | None, list[Node]]:
    """The label bracket that opens ``unit`` and the nodes after it, when it is label-only."""
    nodes = [n for n in unit.nodes if not (isinstance(n, Text) and not n.text.strip())]
    if len(nodes) < 2 or not isinstance(nodes[0], Bracket) or nodes[0].kind != "single":
        return None, []
    br = nodes[0]
    after = unit.nodes[unit.nodes.index(br) + 1:]
    if not _LABEL.match(br.plain().strip()) or not isinstance(after[0], Text) \
            or not _COLON.match(after[0].text):
        return None, []
    return br, after


def _content_line(unit: Unit) -> bool:
    if unit.column_block is not None or any(isinstance(n, Bracket) for n in unit.nodes):
        return False
    t = unit.text().strip()
    if P.PROSE_END.search(t) and not P.is_date_only(t.rstrip(".")):
        return False
    return looks_like_stamp_content(t) or bool(_CONTENT.search(t)) and len(t) <= 60
