"""The inline walker: a unit's nodes (text runs, brackets, line breaks) → runs (strings and
finished elements, see ``atoms``), then the text rules of §4.

For each bracket the walker fills ``Where`` (its content and neighbourhood), asks ``rules`` for
its class, and lets the rule append its TEI to ``state.items``. Rules may take back the text
that precedes the bracket (B4, B5, B7, B10, B22): the strings after the last element, which the
walker keeps track of in ``state.text_start``.
"""

from __future__ import annotations

import re

from lxml import etree

from .. import atoms
from ..atoms import Item
from ..classify import Where, content
from ..nodes import LB, Bracket, Node, Orphan, Stray, Text
from ..tei import el, local
from . import rules
from .state import BracketRule, InlineState
from .text import mark_text

_WS = re.compile(r"[ \t\u00a0\r]+")
_LETTERS = re.compile(r"[^\W\d_]+")
# classes whose element holds plain text (D writes a gap's desc as text, too): a bracket of
# theirs that holds inner brackets or line breaks needs real markup and becomes a description
_TEXT_ONLY = {"stray", "B9", "B10", "B12", "B15", "B16", "B17", "B18-bare", "B22", "B23", "B8"}


def clean(text: str) -> str:
    """F1: every run of spaces, tabs and NBSP becomes one space."""
    if "  " not in text and "\t" not in text and "\u00a0" not in text and "\r" not in text:
        return text     # the usual case: nothing to collapse (cheaper than a sub)
    return _WS.sub(" ", text)


def _after_text(nodes: list[Node], i: int) -> str:
    nxt = nodes[i + 1] if i + 1 < len(nodes) else None
    return clean(nxt.text) if isinstance(nxt, Text) else ""


def _drop_trailing_spaces(items: list[Item]) -> None:
    """Remove the spaces at the end of the text that ends ``items`` (before an ``lb``)."""
    while items and isinstance(items[-1], str):
        kept = items[-1].rstrip(" ")
        if kept:
            items[-1] = kept
            return
        items.pop()


def walk(state: InlineState, nodes: list[Node]) -> list[Item]:
    """The runs of ``nodes`` under ``state`` (a fresh state: ``state.items`` empty)."""
    glued_expan = None          # B4: letters glued on the right belong to the same word
    bracketed: set[str] | None = None
    items = state.items
    for i, node in enumerate(nodes):
        state.index = i
        if isinstance(node, Text):
            text = clean(node.text)
            if glued_expan is not None:
                m = _LETTERS.match(text)
                if m:
                    glued_expan[-1].tail = (glued_expan[-1].tail or "") + m.group()
                    text = text[m.end():]
                glued_expan = None
            if text:
                items.append(text)
        elif isinstance(node, LB):
            _drop_trailing_spaces(items)
            items.append(el("lb"))
            state.text_start = len(items)
        elif isinstance(node, Orphan):
            state.env.ctx.emit("TX301", line=node.pos.line, col=node.pos.col,
                               detail=" kept as a stray bracket",
                               hint="remove the ']' or add its '[' in the transcript")
            items.append(el("c", {"type": "stray-bracket"}, "]"))
            state.text_start = len(items)
        elif isinstance(node, Stray):
            items.append(el("c", {"type": "stray-bracket"}, node.text))
            state.text_start = len(items)
        elif isinstance(node, Bracket):
            if bracketed is None:       # the footnotes are all known before any rendering
                bracketed = {k for k, f in state.env.footnotes.items() if f.rend == "bracketed"}
            where = Where(content=content(node), before="".join(items[state.text_start:]),
                          after=_after_text(nodes, i), alone=state.alone,
                          inside_single=state.inside, footnotes=bracketed)
            rule = rules.BY_NAME[node.force] if node.force else rules.classify(node, where)
            state.items = items
            items = state.items = _build(rule, node, where, state)
            # the rules end the list with their element, give or take a few characters
            state.text_start = atoms.text_start(items)
            glued_expan = items[-1] if rule.name == "B4" and where.glued_right else None
    state.items = items
    if state.markup:
        items = mark_text(state, items)
    return items


def _build(rule: BracketRule, br: Bracket, where: Where, state: InlineState) -> list[Item]:
    """The output with the TEI of bracket ``br`` appended by ``rule``."""
    if rule.name in _TEXT_ONLY and any(isinstance(n, Bracket | LB) for n in br.children):
        rule = rules.BY_NAME["B24"]
    if br.start and state.unit_pos is None:
        state.unit_pos = br.start       # diagnostics of a bracket outside any unit point here
    # only a repair needs to tell the new elements from the old ones
    before = {id(i) for i in state.items if not isinstance(i, str)} if br.rend else set()
    result = rule.build(state, br, where)
    if br.rend:
        # §3.2: every repair is recorded in @rend of the element the bracket became
        made = [i for i in result if not isinstance(i, str) and id(i) not in before]
        target = _bracket_bearer(made[-1]) if made else None
        if target is not None and target.get("rend") is None:
            target.set("rend", br.rend)
    return result


def _bracket_bearer(item: etree._Element) -> etree._Element:
    """The element D writes the brackets for. B4 and B22 wrap the word before the bracket, so
    the bracket itself is their ``ex`` (``M[inistry``) or their closing desc note."""
    name = local(item)
    if name == "expan":
        return item.findall("{*}ex")[-1]
    if name == "add" and (item.text or "").strip():
        notes = item.findall("{*}note")
        return notes[-1] if notes else item
    return item
