"""The text-level rules of §4 over mixed content, tried in the order of ``TEXT_RULES``: L7
dates, B9 ``(n)``/``x/``/``*``/bare-digit footnote markers (P7), P2 ``/signature/``, L16
letter-spacing, L25 lost accents, L28 other scripts; and L24 superscripts (for the units whose
ordinal suffixes were re-joined)."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial

from lxml import etree

from ...signatures import SLASHED
from .. import atoms, dates
from ..atoms import Item
from ..footmarks import ASTERISK_MARK, PAREN_MARK, PLAIN_MARK, SLASH_MARK
from ..nodes import locate
from ..patterns import SPACED
from ..tei import el
from .footnote import plain_marker, text_marker
from .page import slashed_signature
from .spaced import spaced_phrase
from .state import InlineState

TextBuild = Callable[[InlineState, re.Match[str], list[Item]], etree._Element | list[Item] | None]

_LOST_ACCENT = re.compile(r"[^\W\d_]+(?:\?[^\W\d_]+|\?\?)[^\W\d_]*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff\s.,;:!?«»-]*[\u0400-\u04ff]|[\u0400-\u04ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]+(?:\s+[\uac00-\ud7af\u1100-\u11ff]+)*")

# Cheap necessary conditions in front of the costly patterns (each pattern scans every position
# of every run of text; the conditions are C-level scans): "a b c d" holds " b c "; a lost
# accent holds "?"; the other scripts are not ASCII.
_SPACED_SEARCH = atoms.Prefiltered(SPACED, re.compile(r" [^\W\d_] [^\W\d_] ").search)
_LOST_ACCENT_SEARCH = atoms.Prefiltered(_LOST_ACCENT, lambda text: "?" in text)
_HANGUL_SEARCH = atoms.Prefiltered(_HANGUL, lambda text: not text.isascii())
_HAN_SEARCH = atoms.Prefiltered(_HAN, lambda text: not text.isascii())


def _plain(build: Callable[[InlineState, re.Match[str]], etree._Element | list[Item] | None]
           ) -> TextBuild:
    """A builder that makes its element from the matched text: only for matches over plain
    text (an ``unclear`` reads as its text, and would be lost)."""
    return lambda state, m, its: build(state, m) if all(isinstance(i, str) for i in its) \
        else None


def _lost_accent(state: InlineState, m: re.Match[str]) -> etree._Element:
    """L25: a word whose accented letters were lost to ``?``."""
    word = m.group(0)
    found = locate(state.unit_nodes, word) if state.unit_nodes else None
    state.emit("TX403", found, word=word)
    return el("unclear", {"reason": "encoding", "resp": "#conv"}, word)


def _foreign(lang: str) -> TextBuild:
    """L28: a run of another script."""
    def build(state: InlineState, m: re.Match[str], items: list[Item]) -> etree._Element:
        state.env.use_language(lang)
        return atoms.fill(el("foreign", {"xml:lang": lang}), items)
    return build


@dataclass(frozen=True)
class TextRule:
    name: str
    pattern: atoms.Pattern
    build: TextBuild
    needs_footnotes: bool = False   # tried only when the document has footnote texts (or P7
    #                                 bare-digit markers)


# the text rules, in the order they are tried (dates first: a date may hold other markup)
TEXT_RULES: list[TextRule] = [
    TextRule("L7", dates.DATE_SEARCH,
             lambda state, m, its: dates.make_date(m, its, state.env.dates, False, None)),
    TextRule("B9-parenthesised", PAREN_MARK,
             _plain(lambda state, m: text_marker(state, m.group(1), "parenthesised")), True),
    TextRule("B9-slash", SLASH_MARK, _plain(lambda state, m: text_marker(state, "x", "slash")),
             True),
    TextRule("B9-asterisk", ASTERISK_MARK,
             _plain(lambda state, m: text_marker(state, m.group(1), "asterisk")), True),
    TextRule("B9-plain", PLAIN_MARK, _plain(plain_marker), True),
    TextRule("P2-slashes", SLASHED, _plain(slashed_signature)),
    TextRule("L16", _SPACED_SEARCH, _plain(lambda state, m: spaced_phrase(state, m.group(0)))),
    TextRule("L25", _LOST_ACCENT_SEARCH, _plain(_lost_accent)),
    TextRule("L28-ko", _HANGUL_SEARCH, _foreign("ko")),
    TextRule("L28-zh", _HAN_SEARCH, _foreign("zh")),
    TextRule("L28-ru", _CYRILLIC, _foreign("ru")),
]


def mark_text(state: InlineState, items: list[Item]) -> list[Item]:
    """The text-level patterns of §4 over mixed content."""
    footnotes = bool(state.env.footnotes or state.env.plain_numbers)
    items = atoms.apply_all(items, [
        (rule.pattern, partial(rule.build, state)) for rule in TEXT_RULES
        if footnotes or not rule.needs_footnotes])
    return dates.supplied_years(items, state.env.dates)


def superscripts(items: list[Item], offsets: list[int]) -> list[Item]:
    """L24: the re-joined ordinal suffixes at ``offsets`` (reading offsets) → ``hi``."""
    items = atoms.per_character(items)      # rare (a few lines per document): cut by character
    for off in sorted(offsets, reverse=True):
        text, owner = atoms.read(items)
        m = re.compile(r"(st|nd|rd|th)").match(text, off)
        if not m:
            continue
        rng = atoms.span(owner, m.start(), m.end(), len(items))
        if rng:
            items[rng[0]:rng[1]] = [el("hi", {"rend": "superscript"}, m.group(0))]
    return items
