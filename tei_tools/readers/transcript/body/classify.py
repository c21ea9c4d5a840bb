"""What the bracket rules of §3.3 look at: a bracket's content C and its neighbourhood on
its line (``Where``), and the tests several rules share (pronouns, romanisations, scripts).

The rules themselves, in their order, are ``inline/rules.py``; the walker fills ``Where``.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from . import vocab
from .nodes import Bracket

_SYLLABLE_BREAK = re.compile(r"[\s-]+")
_SYLLABLE = re.compile(r"[^\s-]+")
_LETTER_START = re.compile(r"^[^\W\d_]")
# B5: initials that count as equivalent between two romanisations
_EQUIV = [set("gk"), set("dt"), set("bp"), {"j", "c", "ch"}, set("rln"), {"s", "sh"}]


@dataclass
class Where:
    """The neighbourhood of a bracket on its line."""

    content: str = ""           # C: the bracket's content, trimmed (``content``)
    before: str = ""            # text before the "[" on the same line (same container)
    after: str = ""             # text after the "]" on the same line
    alone: bool = False         # the bracket is the only thing on its line(s) (rule 7)
    inside_single: bool = False  # the bracket sits in a single bracket (TX307 otherwise)
    footnotes: set[str] = field(default_factory=set)

    @cached_property
    def token(self) -> str:
        """Preceding token: the whitespace-delimited word before "[", trailing ",;:" removed."""
        # rsplit(None, 1): only the last word is split off, not the whole line before "["
        words = self.before.rsplit(None, 1)
        return words[-1].rstrip(",;:") if words else ""

    @property
    def glued_left(self) -> bool:
        return bool(self.before) and self.before[-1].isalnum()

    @property
    def glued_right(self) -> bool:
        return bool(self.after) and self.after[0].isalnum()


def content(bracket: Bracket) -> str:
    """C: the content, trimmed, inner line breaks read as spaces."""
    # split/join: the same whitespace as the pattern \s+ (str.isspace), without the regex
    return " ".join(bracket.plain().split())


def is_pronoun(c: str) -> bool:
    return c.lower() in vocab.pronouns()


def _syllables(text: str) -> list[str]:
    return [s for s in _SYLLABLE_BREAK.split(text) if s]


def _initial(s: str) -> str:
    s = unicodedata.normalize("NFKD", s).lower()
    return s[:2] if s[:2] in ("ch", "sh") else s[:1]


def _equivalent(a: str, b: str) -> bool:
    ia, ib = _initial(a), _initial(b)
    if ia == ib:
        return True
    if ia[:1] in "aeiouy" and ib[:1] in "aeiouy":
        return True
    return any(ia in group and ib in group or ia[:1] in group and ib[:1] in group
               for group in _EQUIV)


def romanisation_span(before: str, c: str) -> int:
    """B5 test: the number of characters at the end of ``before`` that hold the name, or 0."""
    inner = _syllables(c)
    k = len(inner)
    text = before.rstrip()
    if not k or not text:
        return 0
    # last k syllables before the bracket, with their start offsets
    pieces = [(m.start(), m.group()) for m in _SYLLABLE.finditer(text)]
    if len(pieces) < k:
        return 0
    chosen = pieces[-k:]
    if not chosen[0][1][:1].isupper():
        return 0
    if any(not _LETTER_START.match(s) for _, s in chosen):
        return 0
    if not all(_equivalent(a, b) for (_, a), b in zip(chosen, inner, strict=True)):
        return 0
    # the name spans whole words: extend left to the start of the word holding the first one
    start = chosen[0][0]
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    return len(before) - start - (len(before) - len(text))


def non_latin(c: str) -> bool:
    if c.isascii():
        return False    # ASCII letters are Latin (and no letter is no letter)
    letters = [ch for ch in c if ch.isalpha()]
    return bool(letters) and all("LATIN" not in unicodedata.name(ch, "") for ch in letters)
