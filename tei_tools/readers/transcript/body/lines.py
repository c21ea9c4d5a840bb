"""Line preparation for the body (conventions.md F1, F2, L24).

``prepare`` drops blank lines (F2 rule 1–3: they carry no structure) and re-joins split ordinals
(L24) unless the source stage already did. Joined lines keep the way back to both original lines,
so diagnostics still point into the original file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..context import Context
from .nodes import SourceLine

_ENDS_DIGITS = re.compile(r"(\d+)\s*$")
_SUFFIX = re.compile(r"^(st|nd|rd|th)\b")
_BLANK = re.compile(r"^[\s\u00a0]*$")


@dataclass
class TextLine:
    """A minimal line: text, original line number, columns 1-based from ``first_col``."""

    text: str
    number: int
    first_col: int = 1

    def col(self, index: int) -> int:
        return self.first_col + index


@dataclass
class JoinedLine:
    """Two or more source lines re-joined (L24); ``joins`` are the text offsets of the joins."""

    parts: list[SourceLine]
    joins: list[int] = field(default_factory=list)

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.parts)

    @property
    def number(self) -> int:
        return self.parts[0].number

    def col(self, index: int) -> int:
        return self.locate(index)[1]

    def locate(self, index: int) -> tuple[int, int]:
        offset = 0
        for p in self.parts:
            if index < offset + len(p.text) or p is self.parts[-1]:
                return p.number, p.col(index - offset)
            offset += len(p.text)
        return self.parts[-1].number, 1


def ordinal_suffix(number: str) -> str:
    n = int(number[-2:]) if len(number) >= 2 else int(number)
    if 11 <= n % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def prepare(lines: list[SourceLine], ctx: Context) -> tuple[list[SourceLine], dict[int, list[int]]]:
    """Non-blank lines, split ordinals re-joined; also ``{line number: [join offsets]}``."""
    out: list[SourceLine] = []
    joins: dict[int, list[int]] = {}
    for line in lines:
        if _BLANK.match(line.text):
            continue
        known = getattr(line, "ordinal_joins", None) or getattr(line, "joins", None)
        if known:
            joins[line.number] = list(known)
        prev = out[-1] if out else None
        if prev is not None and _joinable(prev.text, line.text):
            merged = prev if isinstance(prev, JoinedLine) else JoinedLine([prev])
            offset = len(merged.text.rstrip())
            if merged.parts[-1].text != merged.parts[-1].text.rstrip():
                merged.parts[-1] = _Trimmed(merged.parts[-1])
            merged.parts.append(_Trimmed(line, left=True))
            merged.joins.append(offset)
            joins.setdefault(merged.number, []).append(offset)
            out[-1] = merged
            ctx.emit("TX401", line=line.number, col=line.col(0), parts="")
            continue
        out.append(line)
    return out, joins


def _joinable(prev: str, cur: str) -> bool:
    if not prev.rstrip()[-1:].isdecimal():
        return False    # no digit at the end: spares the regex's scan of the whole line
    m = _ENDS_DIGITS.search(prev)
    if not m:
        return False
    s = _SUFFIX.match(cur.lstrip())
    return bool(s) and s.group(1) == ordinal_suffix(m.group(1))


class _Trimmed:
    """A source line with surrounding whitespace removed, columns still original."""

    def __init__(self, src: SourceLine, left: bool = False) -> None:
        self.src = src
        raw = src.text
        self.lead = len(raw) - len(raw.lstrip()) if left else 0
        self.text = raw.strip() if left else raw.rstrip()
        self.number = src.number

    def col(self, index: int) -> int:
        return self.src.col(self.lead + index)
