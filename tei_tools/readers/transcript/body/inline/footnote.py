"""B9 footnote markers: ``[n]`` in brackets (a bracket rule); ``(n)``, ``x/``, ``*`` and bare
digits in the text (text rules, P7: only where a footnote text they can carry exists, or, for
bare digits, where the numbering repeats). The footnote texts themselves are read from the
footnote zone before any rendering (``env.footnotes``); the forms are ``footmarks``."""

from __future__ import annotations

import re

from lxml import etree

from .. import atoms, footmarks
from ..atoms import Item
from ..classify import Where
from ..nodes import Bracket
from ..tei import el
from .state import BracketRule, InlineState

_MARKER_NUMBER = re.compile(r"\d{1,2}")


def footnote_id(docid: str, key: str) -> str:
    """§0: ``{docid}-fn{n}``; an asterisk footnote is ``{docid}-fnast{k}``, k = its asterisks
    (P7); a repeated number keeps its ``-2`` suffix."""
    number, dash, repeat = key.partition("-")
    if number.startswith("*"):
        return f"{docid}-fnast{len(number)}{dash}{repeat}"
    return f"{docid}-fn{key}"


def footnote(state: InlineState, key: str, rend: str = "bracketed", *,
             anchored: bool = True) -> Item:
    """B9: the note at a marker written in style ``rend`` (``key`` is the footnote's number, or
    ``n-2`` … for a repeated number). A marker only takes a text it can carry
    (``footmarks.takes``). A second marker of the same footnote gets an empty note without id:
    text and id stay with the first. ``anchored=False``: a text without a marker (TX331), whose
    note D must not give a marker."""
    env = state.env
    note = env.footnotes.get(key)
    if note is not None and not footmarks.takes(rend, note.rend):
        note = None
    ident = footnote_id(env.docid, key)
    attrs = {"type": "footnote", "n": note.n if note else key, "place": "bottom", "resp": "#tr",
             "xml:id": None if ident in env.footnote_ids else ident,
             "rend": f"{rend} {note.rend}" if note and rend != note.rend else rend,
             "anchored": None if anchored else "false"}
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
    """A ``(n)``, ``x/`` or ``*`` marker in the text: a note only when a text of its style
    exists."""
    note = state.env.footnotes.get(n)
    if note is None or note.rend != rend:
        return None
    return footnote(state, n, rend)


def plain_marker(state: InlineState, m: re.Match[str]) -> etree._Element | None:
    """P7: bare digits glued to a word or a full stop, for the numbers the document confirms
    (``env.plain_numbers``: a footnote text with that number, or a repeated numbering)."""
    n = m.group(1)
    if n not in state.env.plain_numbers or not footmarks.is_plain_candidate(m):
        return None
    state.emit("TX342", marker=n)
    return footnote(state, n, "plain")


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
