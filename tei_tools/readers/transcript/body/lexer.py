"""Bracket tokens of the document text (conventions.md §3.1, rules L-1 to L-3).

``tokenize`` is lossless: the tokens' texts concatenated give the input back, and every token
knows its offset. It does not decide what a ``]`` closes; the parser does (L-2/L-3, B14).
"""

from __future__ import annotations

import re
from typing import NamedTuple

TEXT = "text"
NEWLINE = "newline"
EMAIL = "email"        # L-1: "[email protected]" is not a bracket (B28)
OPEN = "open"          # "["
OPEN2 = "open2"        # "[[" followed by a character other than "[" (L-2)
CLOSE = "close"        # "]"; the parser pairs two of them into "]]" when a double is open

# a run of "[" stops before the "[" of an e-mail artefact ("[[[email protected]": "[[" + artefact)
_SPECIAL = re.compile(r"\[email[ \u00a0]protected\]|\[+(?!email[ \u00a0]protected\])|\]|\n")


class Token(NamedTuple):
    """One token; immutable (a NamedTuple: made about twice as fast as a frozen dataclass)."""

    kind: str
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)


def tokenize(text: str) -> list[Token]:
    """Split ``text`` into text, newline, e-mail artefact and bracket tokens."""
    if "[" not in text and "]" not in text and "\n" not in text:
        return [Token(TEXT, text, 0)] if text else []     # most lines: one text token
    tokens: list[Token] = []
    pos = 0
    for m in _SPECIAL.finditer(text):
        if m.start() > pos:
            tokens.append(Token(TEXT, text[pos:m.start()], pos))
        s = m.group()
        if s == "\n":
            tokens.append(Token(NEWLINE, s, m.start()))
        elif s == "]":
            tokens.append(Token(CLOSE, s, m.start()))
        elif s.startswith("[e"):       # only the e-mail alternative starts so (not "[+")
            tokens.append(Token(EMAIL, s, m.start()))
        else:
            # a run of "[": "[[[" is "[" + "[[" (L-2); a single "[" opens a single bracket
            n = len(s)
            singles = n - 2 if n >= 2 else 1
            for i in range(singles):
                tokens.append(Token(OPEN, "[", m.start() + i))
            if n >= 2:
                tokens.append(Token(OPEN2, "[[", m.start() + n - 2))
        pos = m.end()
    if pos < len(text):
        tokens.append(Token(TEXT, text[pos:], pos))
    return tokens
