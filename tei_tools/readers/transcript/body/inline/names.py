"""Brackets after a name: B5 another romanisation, B6 an identification, B7 an acronym's
expansion (§3.4)."""

from __future__ import annotations

import re

from .. import atoms
from ..atoms import Item
from ..classify import Where, is_pronoun, romanisation_span
from ..nodes import Bracket
from ..tei import el
from ..vocab import places
from .common import ends_with_space, verbatim
from .state import BracketRule, InlineState

_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")


def _capital(c: str) -> bool:
    return bool(c) and c[0].isupper()


def _wrap_left(items: list[Item], n_chars: int, tag: str) -> Item:
    """Take the last ``n_chars`` characters of plain text before the bracket out of ``items``
    (in place; the spaces between them and the bracket are dropped) and wrap them in ``tag``."""
    start = atoms.text_start(items)
    body = "".join(items[start:]).rstrip(" ")
    if n_chars <= len(body):
        cut = len(body) - n_chars
        items[start:] = [body[:cut]] if cut else []
        return atoms.fill(el(tag), [body[cut:]]) if n_chars else el(tag)
    # longer than the text after the last element: counted over single characters as before
    chars = atoms.per_character(items)
    end = len(chars)
    while end and chars[end - 1] == " ":
        end -= 1
    start = end - n_chars
    inner = chars[start:end]
    items[:] = chars[:start]
    return atoms.fill(el(tag), inner) if inner else el(tag)


def _is_romanisation(br: Bracket, where: Where) -> bool:
    return where.before[-1:].isspace() and _capital(where.token) \
        and bool(romanisation_span(where.before, where.content))


def _romanisation(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    spaced = ends_with_space(state.items)
    n = romanisation_span(where.before, where.content)
    name = _wrap_left(state.items, n, "persName")
    note = el("note", {"type": "alt-name", "place": "inline", "resp": "#tr"})
    atoms.fill(el("persName", parent=note), verbatim(state, br))
    return state.push(name, " ", note) if spaced else state.push(name, note)


def _is_acronym(br: Bracket, where: Where) -> bool:
    c = where.content
    return bool(_ACRONYM.match(where.token)) and len(c.split()) >= 2 and _capital(c)


def _acronym(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    spaced = ends_with_space(state.items)
    org = _wrap_left(state.items, len(where.token), "orgName")
    note = atoms.fill(el("note", {"type": "expansion", "place": "inline", "resp": "#tr"}),
                      verbatim(state, br))
    return state.push(org, " ", note) if spaced else state.push(org, note)


def _is_identification(br: Bracket, where: Where) -> bool:
    c = where.content
    return _capital(where.token) and _capital(c) and not is_pronoun(c)


def _identification(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    tag = "placeName" if where.token in places() else "persName"
    note = el("note", {"type": "identification", "place": "inline", "resp": "#tr"})
    atoms.fill(el(tag, parent=note), verbatim(state, br))
    return state.push(note)


ROMANISATION = BracketRule("B5", _is_romanisation, _romanisation)
ACRONYM = BracketRule("B7", _is_acronym, _acronym)
IDENTIFICATION = BracketRule("B6", _is_identification, _identification)
