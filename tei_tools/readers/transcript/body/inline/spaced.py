"""L16 + §7 P15: letter-spaced words. In a letter-spaced phrase a run of two or more spaces
separates the words (``H i g h l y  c l a s s i f i e d``): one ``hi[@rend='spaced']`` per word,
with one space between them.

The decoder collapses every run of spaces (F1), so the word gaps are read from the original
line, which ``Env.raw_lines`` keeps by line number. The rule is L16 of ``text.TEXT_RULES``.
"""

from __future__ import annotations

import re

from lxml import etree

from ..atoms import Item
from ..nodes import locate
from ..tei import el
from .state import InlineState

_GAP = re.compile(r"[ \t\u00a0]{2,}")


def spaced_phrase(state: InlineState, match: str) -> list[Item]:
    """The letter-spaced run ``match`` (single spaces, as normalised) as one hi per word."""
    words = _words(match, state)
    out: list[Item] = []
    for k, word in enumerate(words):
        if k:
            out.append(" ")
        out.append(_hi(word))
    return out


def _hi(word: str) -> etree._Element:
    return el("hi", {"rend": "spaced"}, word.replace(" ", ""))


def _words(match: str, state: InlineState) -> list[str]:
    found = locate(state.unit_nodes, match) if state.unit_nodes else None
    raw = state.env.raw_lines.get(found.line) if found else None
    if raw is None:
        return [match]
    letters = match.replace(" ", "")
    # the run in the original line: its letters with any whitespace between them
    pattern = r"[ \t\u00a0]*".join(re.escape(ch) for ch in letters)
    m = re.compile(pattern).search(raw, max(0, found.col - 1))
    if m is None or m.start() != found.col - 1:
        m = re.compile(pattern).search(raw)
    if m is None:
        return [match]
    return [" ".join(part.split()) for part in _GAP.split(m.group(0))]
