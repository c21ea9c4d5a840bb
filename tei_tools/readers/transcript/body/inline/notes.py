"""Brackets that become inline notes or descriptions: B11 editor's and translator's notes,
B12 ``[?]``, B24 descriptions (and what no rule classifies), B25 summarised passages."""

from __future__ import annotations

import re

from .. import atoms, vocab
from ..atoms import Item
from ..classify import Where
from ..nodes import Bracket
from ..tei import el
from .common import desc_note, rendered, verbatim
from .state import BracketRule, InlineState

_EDITOR = re.compile(r"(?i)^(?:Ed\.|Editor's|Editorial) note\b|[—–-]\s?ed\.$")
_TRANSLATOR = re.compile(r"(?i)^(?:Translator's|Trans\.|Translator) note\b")
# P5: the website's note on the source of a text, ``[Source: V. K. Orlik's …]``
SOURCE_NOTE = re.compile(r"(?i)^Source:\s")


def describe(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    """B24: the bracket's content in a desc note (inner brackets encoded)."""
    return state.push(atoms.fill(desc_note(""), verbatim(state, br)))


def _unclassified(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    state.env.ctx.emit("TX321", line=br.start.line, col=br.start.col)
    return describe(state, br, where)


def _query(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    return state.push(el("note", {"type": "query", "place": "inline", "resp": "#tr"}, "?"))


def _editorial(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    note = el("note", {"type": "editorial", "place": "inline", "resp": "#wcda"})
    return state.push(atoms.fill(note, rendered(state, br)))


def _translator(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    note = el("note", {"type": "translator", "place": "inline", "resp": "#tr"})
    return state.push(atoms.fill(note, rendered(state, br)))


def _is_summary(br: Bracket, where: Where) -> bool:
    c = where.content
    return where.alone and len(c.split()) >= 2 and c[:1].isupper() and (
        c.endswith(".") or ";" in c)


def _summary(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    gap = el("gap", {"reason": "summarised", "resp": "#tr"})
    atoms.fill(el("desc", parent=gap), verbatim(state, br))
    return state.push(gap)


QUERY = BracketRule("B12", lambda br, where: where.content == "?", _query)
EDITORIAL = BracketRule("B11-ed", lambda br, where: bool(_EDITOR.search(where.content)),
                        _editorial)
SOURCE = BracketRule("P5-source", lambda br, where: bool(SOURCE_NOTE.match(where.content)),
                     _editorial)
TRANSLATOR = BracketRule("B11-tr", lambda br, where: bool(_TRANSLATOR.match(where.content)),
                         _translator)
DESCRIPTIVE = BracketRule(
    "B24", lambda br, where: any(p.fullmatch(where.content) for p in vocab.descriptive()),
    describe)
SUMMARY = BracketRule("B25", _is_summary, _summary)
UNCLASSIFIED = BracketRule("unclassified", lambda br, where: True, _unclassified)
