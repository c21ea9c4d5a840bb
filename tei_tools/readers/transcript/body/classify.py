"""§3.3: the class of one bracket unit, by the first matching rule of the table.

``classify`` only decides; ``inline`` builds the TEI. The context a rule needs (preceding token,
gluing, whether the bracket is alone on its line, which footnote texts exist) comes in a
``Where`` record filled by the caller.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

from . import vocab
from .nodes import LB, Bracket

_OMISSION = re.compile(r"^[….\s]*$")
SIGNATURE_CONTENT = re.compile(r"(?i)^(?:illegible\s+)?(?:signature|sign)(?:\s+illegible)?$")
_PAGE = re.compile(r"(?i)^page\s+(\d+)$")
_ADDED = re.compile(r"(?i)^added by hand$")
_BARE_STAMP = re.compile(r"(?i)^stamps?(?: and handwriting)?$")
_EDITOR = re.compile(r"(?i)^(?:Ed\.|Editor's|Editorial) note\b|[—–-]\s?ed\.$")
_TRANSLATOR = re.compile(r"(?i)^(?:Translator's|Trans\.|Translator) note\b")
_ILLEGIBLE = re.compile(r"(?i)\billegible\b")
_ACRONYM = re.compile(r"^[A-Z][A-Z0-9&-]{1,7}$")
_DASH_GLOSS = re.compile(r"\S\s*—\s*\S| - ")
_SIC = re.compile(r"(?i)^sic\b")
_MARKER_NUMBER = re.compile(r"\d{1,2}")
_SYLLABLE_BREAK = re.compile(r"[\s-]+")
_SYLLABLE = re.compile(r"[^\s-]+")
_LETTER_START = re.compile(r"^[^\W\d_]")
# B5: initials that count as equivalent between two romanisations
_EQUIV = [set("gk"), set("dt"), set("bp"), {"j", "c", "ch"}, set("rln"), {"s", "sh"}]


@dataclass
class Where:
    """The neighbourhood of a bracket on its line."""

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


def _words(c: str) -> list[str]:
    return c.split()


def _capital(c: str) -> bool:
    return bool(c) and c[0].isupper()


def _lowercase_words(c: str) -> bool:
    """Every word starts with a lower-case letter (an ``ex`` holds text only: no inner bracket,
    no number)."""
    return bool(c) and all(w[0].islower() for w in c.split())


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


def _non_latin(c: str) -> bool:
    if c.isascii():
        return False    # ASCII letters are Latin (and no letter is no letter)
    letters = [ch for ch in c if ch.isalpha()]
    return bool(letters) and all("LATIN" not in unicodedata.name(ch, "") for ch in letters)


def classify(bracket: Bracket, where: Where) -> str:
    """The class (``B1`` … ``B25``, ``stray``, ``unclassified``) of one bracket."""
    c = content(bracket)
    if bracket.kind == "double":
        return "B13"
    if not c:
        return "stray"
    if _OMISSION.match(c) and ("…" in c or "..." in c):
        # a gap cannot keep the spelling of the dots, and N5 only equates whole brackets: a
        # repaired one keeps its text in a desc note
        return "B24" if bracket.rend else "B15"
    if c == "?":
        return "B12"
    if _SIC.match(c):
        return "B10"
    if SIGNATURE_CONTENT.match(c):
        return "B17"
    if _PAGE.match(c):
        return "B23"
    if _ADDED.match(c):
        return "B22"
    if _BARE_STAMP.match(c):
        return "B18-bare"
    if vocab.stamp_label().match(c):
        return "B18"
    if vocab.hand_label().match(c):
        return "B21"
    if _EDITOR.search(c):
        return "B11-ed"
    if _TRANSLATOR.match(c):
        return "B11-tr"
    if _ILLEGIBLE.search(c):
        return "B16"
    if any(p.fullmatch(c) for p in vocab.descriptive()):
        return "B24"
    # a repaired bracket is not a footnote marker: markers are whole "[n]" (and their @rend
    # already says bracketed/parenthesised, so a repair could not be recorded); a "[n]" that
    # starts its line is the form of a footnote text, not of a marker
    if _MARKER_NUMBER.fullmatch(c) and not bracket.rend and where.before.strip() and (
            where.glued_left or c in where.footnotes):
        return "B9"
    n_words = len(_words(c))
    if where.alone and n_words >= 2 and _capital(c) and (c.endswith(".") or ";" in c):
        return "B25"
    # <ex> holds plain text: an inner bracket ("the[a[I]") or a line break cannot be part of
    # an expansion
    if (where.glued_left or where.glued_right) and _lowercase_words(c) and n_words <= 4 \
            and not any(isinstance(n, Bracket | LB) for n in bracket.children):
        return "B4"
    if where.before[-1:].isspace() and _capital(where.token) and romanisation_span(where.before, c):
        return "B5"
    if _ACRONYM.match(where.token) and n_words >= 2 and _capital(c):
        return "B7"
    if _capital(where.token) and _capital(c) and not is_pronoun(c):
        return "B6"
    if _DASH_GLOSS.search(c) or c.lower() in vocab.terms() or _non_latin(c):
        return "B8"
    nxt = where.after.split()
    if _capital(c) and not is_pronoun(c) and nxt and _capital(nxt[0]):
        return "B3"
    if is_pronoun(c):
        return "B1"
    if n_words <= 12:
        return "B2"
    return "unclassified"
