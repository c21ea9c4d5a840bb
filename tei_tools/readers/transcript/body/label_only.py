"""§7 P10: a label-only stamp bracket, ``[Stamp]: content``.

The brackets hold only the label; the stamp is the label, the rest of its line and, before the
first paragraph of the document (the head zone), the stamp-content lines that follow it
(institution, ``Secretariat of …``, ``Cde. X``, Incoming/number, classification, date) up to the
next other line. The repair runs on the parsed units, before the zones: the line and its content
lines become one unit holding one bracket (``@rend='label-only'``, class B18), so that the zone
scanner sees a bracket line and the stamp builder sees label and content as usual. D writes the
brackets around the label alone again (``text.py``): the label's desc note holds what stood
inside them, so ``[Stamp]: …`` gives ``<note type="desc">Stamp</note>: …`` and
``[Handwritten text:] …`` gives ``<note type="desc">Handwritten text:</note> …``.

P11 adds the handwriting labels (A.8): ``[Handwritten]: …`` and ``[Handwritten text:] …`` are
label-only B21 brackets. A handwriting label with nothing after it on its line takes the short
lines under it (the note, its signature), anywhere in the document, up to the next line of
another kind (``_hand_line``).
"""

from __future__ import annotations

import re

from . import patterns as P
from . import vocab
from .nodes import LB, Bracket, Node, Text, Unit, plain_nodes
from .repairs import looks_like_stamp_content

# the bracket: a stamp word, perhaps after an institution (``[USSR MFA Stamp]``)
_LABEL = re.compile(r"^(?:[A-Z][\w .’'-]*\s)?[Ss]tamp$")
_COLON = re.compile(r"^\s*[:;]")
_HAND_LINES = 4          # a handwritten note under its label: a few short lines
_HAND_LINE_MAX = 80
# stamp-content lines beyond B27a's: an institution or office of the stamp, an addressee
_CONTENT = re.compile(r"^(?:Cde\.\s)|\b(?:Ministry|Department|Secretariat|SECRETARIAT|"
                      r"Committee)\b")


def merge(units: list[Unit]) -> list[Unit]:
    """The units with each label-only stamp or handwriting line (and its content lines) as one."""
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
        force = _kind(first)
        children: list[Node] = list(first.children) + rest
        lines = list(unit.lines)
        j = i + 1
        alone = not plain_nodes(rest).strip(" :;")      # nothing after the label on its line
        while j < len(units) and (
                _content_line(units[j]) and not prose_seen if force == "B18"
                else alone and j - i <= _HAND_LINES and _hand_line(units[j])):
            children.append(LB(units[j].pos))
            children.extend(units[j].nodes)
            lines.extend(units[j].lines)
            j += 1
        bracket = Bracket(first.kind, first.start, children, first.end, "label-only", force)
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
    c = br.plain().strip()
    if not isinstance(after[0], Text):
        return None, []
    if _COLON.match(after[0].text) and (_LABEL.match(c) or _whole(vocab.hand_label(), c + ":")):
        return br, after                    # [Stamp]: …, [Handwritten]: …
    if _whole(vocab.hand_label(), c) and plain_nodes(after).strip():
        return br, after                    # [Handwritten text:] … (P11)
    if _LABEL.match(c) and plain_nodes(after).strip():
        return br, after                    # [Stamp] Declassified: no colon (P10)
    return None, []


def _whole(pattern: re.Pattern[str], text: str) -> bool:
    m = pattern.match(text)
    return m is not None and m.end() == len(text)


def _kind(label: Bracket) -> str:
    """The class the label gives: B18 stamp or B21 handwriting."""
    return "B18" if _LABEL.match(label.plain().strip()) else "B21"


def _hand_line(unit: Unit) -> bool:
    """A line of the handwritten note under a label-only handwriting bracket: short, no
    bracket of its own but a query or expansion, and no line of another kind (P11)."""
    if unit.column_block is not None or any(isinstance(n, Bracket) and n.kind == "single"
                                            and not n.plain().endswith("?")
                                            for n in unit.nodes):
        return False
    t = unit.text().strip()
    return 0 < len(t) <= _HAND_LINE_MAX and not (
        P.ATTACHMENT.match(t) or t.lower().startswith("attachment") or P.is_caption(t)
        or P.SEPARATOR.match(t) or P.FOOTNOTE_TEXT.match(t) or P.REGISTRY.match(t)
        or P.DRAFTING.match(t) or P.COPIES_COUNT.match(t) or P.DIST_HEAD.match(t))


def _content_line(unit: Unit) -> bool:
    if unit.column_block is not None or any(isinstance(n, Bracket) for n in unit.nodes):
        return False
    t = unit.text().strip()
    if P.PROSE_END.search(t) and not P.is_date_only(t.rstrip(".")):
        return False
    return looks_like_stamp_content(t) or bool(_CONTENT.search(t)) and len(t) <= 60
