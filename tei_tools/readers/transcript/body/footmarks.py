"""B9, P7, P8: how footnote markers and footnote texts are written.

One place for the forms that three readers of a transcript must agree on: the zones (which lines
are footnote texts, P8), the inline rules (which characters are markers, P7) and the round-trip
check (N8: which transcript lines move after the body). No state: the functions look at text.

Marker styles (``@rend`` of the note): ``bracketed`` ``word[1]``, ``parenthesised`` ``word(1)``,
``slash`` ``word.x/``, ``asterisk`` ``WORD*`` / ``WORD**``, ``plain`` ``WORD1`` / ``word.1``.
Footnote texts are written ``[n] …``, ``(n) …``, ``x/ …`` or ``* …`` (``*[…]``: an asterisk text
may be glued to what follows). A plain marker has no text style of its own: it takes a ``[n]`` or
``(n)`` text, and its ``@rend`` says which (``plain bracketed``), so that D gives both back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# P8: a footnote text line; an asterisk text is not a "* * *" separator (L17)
TEXT_LINE = re.compile(r"^(?:\[(?P<b>\d{1,2})\]\s+|\((?P<p>\d{1,2})\)\s+|(?P<x>x)/\s+"
                       r"|(?P<a>\*{1,2})\s*(?=[^\s*]))(?=\S)")
_STYLES = {"b": "bracketed", "p": "parenthesised", "x": "slash", "a": "asterisk"}
# the label a footnote text of each style is written with (D, and N8 on the transcript side)
_LABELS = {"bracketed": "[{n}]", "parenthesised": "({n})", "slash": "{n}/", "asterisk": "{n}"}

# Each pattern opens with a lookahead for its first character: a lookbehind first is tried
# at every position of the text, and these run over whole documents (9x faster).
# B9, P9: any "[n]" that does not start the text, but not the "[[n]]" of an uncertain digit
BRACKET_MARK = re.compile(r"(?=\[)(?<=.)(?<!\[)\[(\d{1,2})\](?!\])", re.S)
# P7: "(n)" glued to a letter, or after ".", "," or ")"
PAREN_MARK = re.compile(r"(?=\()(?:(?<=[^\W\d_])|(?<=[).,]))\((\d{1,2})\)")
SLASH_MARK = re.compile(r"(?=x/)(?<=[\w.,;:!?)])x/(?!\w)")
# P7: "*" or "**" glued to the word or punctuation before it, never part of a longer run
ASTERISK_MARK = re.compile(r"(?=\*)(?<=[\w.,;:!?)\]\"”’])(?<!\*)(\*{1,2})(?!\*)")
# P7: bare digits glued to a word ("RAPACKI1", "Dong3") or to the full stop after a word
# ("time.1"); not a decimal or a number with a unit (those have a digit or a letter next to them)
PLAIN_MARK = re.compile(r"(?=\d)(?:(?<=[^\W\d_]{2})|(?<=[^\W\d_]{3}\.))(\d{1,2})(?![\w%]|[.,]\d)")
# words after which a glued number is a number, not a marker: "Nº2", "No.3", "Art.4"
_NUMBER_WORDS = frozenset({"nº", "no", "nr", "n°", "art", "vol", "fig", "sec", "ref", "doc",
                           "tel", "page", "pages", "copy", "item", "point", "para", "line"})
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?$")


@dataclass(frozen=True)
class TextForm:
    """A footnote text line: its number (``x``, ``*``, ``**`` for those styles), its style and
    where the text after the label starts."""

    n: str
    style: str
    start: int


def text_form(line: str) -> TextForm | None:
    """The footnote-text form of ``line`` (trimmed), or None when it has none."""
    m = TEXT_LINE.match(line)
    if not m:
        return None
    group = next(g for g in "bpxa" if m.group(g))
    return TextForm(m.group(group), _STYLES[group], m.end())


def label(n: str, style: str) -> str:
    """How a footnote text of ``style`` numbered ``n`` is labelled: ``[1]``, ``(1)``, ``x/``."""
    return _LABELS[style].format(n=n)


def takes(marker: str, text: str) -> bool:
    """Can a marker of style ``marker`` carry a footnote text of style ``text``?"""
    return marker == text or (marker == "plain" and text in ("bracketed", "parenthesised"))


def plain_candidates(text: str) -> list[re.Match[str]]:
    """The bare-digit markers of ``text`` that P7 could mean (not "Nº2", "No.3", "Art.4")."""
    return [m for m in PLAIN_MARK.finditer(text) if is_plain_candidate(m)]


def is_plain_candidate(m: re.Match[str]) -> bool:
    word = _word_before(m.string, m.start())
    return word is not None and word.lower() not in _NUMBER_WORDS


def _word_before(text: str, end: int) -> str | None:
    """The word that ends at ``end`` (a final full stop allowed). Searched in a short window:
    a search from the start of the text at every marker made a long text quadratic."""
    lo = max(0, end - 64)
    m = _WORD_BEFORE.search(text, lo, end)
    if m is not None and m.start() == lo and lo > 0:    # the word may begin before the window
        m = _WORD_BEFORE.search(text, 0, end)
    return m.group(1) if m else None


def repeated_plain(text: str) -> set[str]:
    """P7 "the same pattern repeats": bare-digit markers numbered 1, 2, … in reading order
    (at least two), also where no footnote text survived."""
    expected, found = 1, set()
    for m in plain_candidates(text):
        if int(m.group(1)) == expected:
            found.add(m.group(1))
            expected += 1
    return found if len(found) >= 2 else set()


def markers_in(text: str) -> set[tuple[str, str]]:
    """The (text style, number) of every footnote text that a marker in ``text`` could carry
    (P7), found in one pass: a bare-digit marker counts for ``[n]`` and ``(n)`` texts."""
    found = _own_markers(text)
    for m in plain_candidates(text):
        found.update({("bracketed", m.group(1)), ("parenthesised", m.group(1))})
    return found


def _own_markers(text: str) -> set[tuple[str, str]]:
    """``markers_in`` without the bare digits."""
    found: set[tuple[str, str]] = set()
    if "[" in text:
        found.update(("bracketed", m.group(1)) for m in BRACKET_MARK.finditer(text))
    if "(" in text:
        found.update(("parenthesised", m.group(1)) for m in PAREN_MARK.finditer(text))
    if "x/" in text and SLASH_MARK.search(text):
        found.add(("slash", "x"))
    if "*" in text:
        found.update(("asterisk", m.group(1)) for m in ASTERISK_MARK.finditer(text))
    return found


def glued_paren_markers(text: str) -> bool:
    """P8: are there glued ``(n)`` markers at all (only then is a final ``(n) …`` a text)?"""
    return PAREN_MARK.search(text) is not None


def plain_numbers(text: str, texts: list[TextForm]) -> set[str]:
    """P7: the numbers whose bare digits in ``text`` (the document without its footnote texts)
    are markers: a ``[n]`` or ``(n)`` text exists and no marker of its own style does, or the
    bare digits repeat as a numbering."""
    own = _own_markers(text)
    confirmed = {f.n for f in texts if f.style in ("bracketed", "parenthesised")
                 and (f.style, f.n) not in own}
    return {m.group(1) for m in plain_candidates(text) if m.group(1) in confirmed} \
        | repeated_plain(text)
