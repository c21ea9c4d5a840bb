"""B9 footnote markers: ``[n]`` in brackets (a bracket rule), ``(n)`` and ``x/`` in the text
(text rules, only where a footnote text of that style exists). The footnote texts themselves are
read from the footnote zone before any rendering (``env.footnotes``)."""

from __future__ import annotations

import re

from lxml import etree

from .. import atoms
from ..atoms import Item
from ..classify import Where
from ..nodes import Bracket
from ..tei import el
from .state import BracketRule, InlineState

_MARKER_NUMBER = re.compile(r"\d{1,2}")
# P7: "(n)" glued to a letter, or after ".", "," or ")"
PAREN_MARK = re.compile(r"(?:(?<=[^\W\d_])|(?<=[).,]))\((\d{1,2})\)")
SLASH_MARK = re.compile(r"(?<=[\w.,;:!?)])x/(?!\w)")


def footnote(state: InlineState, key: str, rend: str = "bracketed") -> Item:
    """B9: the note at a marker written in style ``rend`` (``key`` is the footnote's number, or
    ``n-2`` … for a repeated number). A marker only takes a text of its own style. A second
    marker of the same footnote gets an empty note without id: text and id stay with the first."""
    env = state.env
    note = env.footnotes.get(key)
    if note is not None and note.rend != rend:
        note = None
    ident = f"{env.docid}-fn{key}"
    attrs = {"type": "footnote", "n": note.n if note else key, "place": "bottom", "resp": "#tr",
             "xml:id": None if ident in env.footnote_ids else ident, "rend": rend}
    env.footnote_ids.add(ident)
    node = el("note", attrs)
    if note is None:
        state.emit("TX330", marker=key)
        return node
    if note.used:
        return node
    note.used = True
    return atoms.fill(node, atoms.strip(state.render(note.nodes, inside=False)))


def text_marker(state: InlineState, n: str, rend: str) -> etree._Element | None:
    """A ``(n)`` or ``x/`` marker in the text: a note only when a text of its style exists."""
    note = state.env.footnotes.get(n)
    if note is None or note.rend != rend:
        return None
    return footnote(state, n, rend)


def _is_marker(br: Bracket, where: Where) -> bool:
    """P9: ``[n]`` with one or two digits is always a footnote marker, glued or spaced, after a
    word, punctuation (``visit.[3]``) or another bracket (``[Nguyen Chi Thanh][2]General``, P7);
    with no text of its own it is an empty note (TX330), never supplied text. A repaired bracket
    is not a marker: markers are whole "[n]" (and their @rend already says bracketed, so a
    repair could not be recorded)."""
    return bool(_MARKER_NUMBER.fullmatch(where.content)) and not br.rend


def _marker(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    return state.push(footnote(state, where.content))


MARKER = BracketRule("B9", _is_marker, _marker)
