"""Decode and normalise a transcript (conventions.md F1, F2 rule "blank lines", L24).

The result is a list of :class:`Line` objects, one per line of the original file. Each line's
``text`` is normalised: trimmed, with every run of spaces, tabs and NBSPs written as one U+0020
(F1). A line that held only such characters has the empty text (a blank line, F2). Positions
always go back to the ORIGINAL file (§6.2): ``line.pos(i)`` gives the 1-based line and column
(in code points) of character ``i`` of the normalised text.

Decisions that the specification leaves open, recorded here so they stay deliberate:

* Characters that XML 1.0 cannot hold (C0 controls other than TAB/LF/CR, U+FFFE, U+FFFF) are
  **dropped**, with one warning ``TX104`` per line naming the first one. Form feed and vertical
  tab are dropped too (they are controls, not the F1 whitespace).
* A split ordinal (L24) is re-joined even when blank lines stand between its two halves, because
  the new-site template puts a blank line after almost every line. The joined Line keeps the
  number of its first half; ``ordinal_joins`` holds the offset of each re-attached suffix, so the
  body can emit ``23<hi rend="superscript">rd</hi>``. The second half becomes a blank line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ...diagnostics import error
from .context import Context

BOM = "\ufeff"
# F1: "spaces, tabs and NBSPs" are the whitespace of a line; nothing else is collapsed.
_WS = " \t\u00a0"
_WS_RUN = re.compile(r"[ \t\u00a0]+")
# Characters XML 1.0 cannot hold.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ENDS_NUMBER = re.compile(r"(?<![\w.])(\d+)$")
_SUFFIX = re.compile(r"(st|nd|rd|th)\b")


@dataclass(frozen=True)
class Line:
    """One normalised line. ``cols`` maps each character of ``text`` to its original position."""

    text: str
    number: int                                   # original 1-based line number
    positions: tuple[tuple[int, int], ...] = ()   # (line, col) per character of text
    indent: int = 0                               # leading whitespace characters in the original
    raw: str = ""                                 # the original line (without its line ending)
    ordinal_joins: tuple[int, ...] = field(default=())  # L24: offsets of re-joined suffixes

    @property
    def blank(self) -> bool:
        return not self.text

    def pos(self, index: int) -> tuple[int, int]:
        """Original (line, column) of character ``index``; the end of the line past the text."""
        if not self.positions:
            return self.number, 1 + self.indent
        if index < len(self.positions):
            return self.positions[max(index, 0)]
        line, col = self.positions[-1]
        return line, col + 1 + (index - len(self.positions))

    def col(self, index: int) -> int:
        """Original 1-based column of character ``index`` (on the line ``pos`` names)."""
        return self.pos(index)[1]

    def slice(self, start: int, end: int | None = None) -> Line:
        """A Line for ``text[start:end]``, trimmed, keeping the original positions."""
        end = len(self.text) if end is None else end
        piece = self.text[start:end]
        lead = len(piece) - len(piece.lstrip(" "))
        piece = piece.strip(" ")
        start += lead
        joins = tuple(j - start for j in self.ordinal_joins if start <= j < start + len(piece))
        return Line(piece, self.pos(start)[0], self.positions[start:start + len(piece)],
                    self.pos(start)[1] - 1, piece, joins)


@dataclass
class Source:
    """The decoded file: every original line, blank ones included, in order."""

    lines: list[Line]

    def non_blank(self) -> list[Line]:
        return [line for line in self.lines if not line.blank]


def decode(data: bytes | str, ctx: Context) -> Source:
    """F1: decode UTF-8 strictly, normalise BOM, line endings and whitespace; re-join L24."""
    text = _to_text(data, ctx)
    notes = []
    if text.startswith(BOM):
        text = text[1:]
        notes.append("byte-order mark removed")
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        notes.append("CRLF/CR line endings normalised to LF")
    if notes:
        ctx.info("TX102", "; ".join(notes))
    raw_lines = text.split("\n")
    if text.endswith("\n"):
        raw_lines.pop()  # a final newline does not start another line
    lines = [_normalise(raw, number, ctx) for number, raw in enumerate(raw_lines, start=1)]
    if not any(not line.blank for line in lines):
        raise error("TX103", "the file has no text (it is empty or holds only whitespace)",
                    path=ctx.path, hint="check that the right file was given")
    return Source(_join_ordinals(lines, ctx))


def _to_text(data: bytes | str, ctx: Context) -> str:
    if isinstance(data, str):
        return data
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[:exc.start].decode("utf-8")
        good = good[1:] if good.startswith(BOM) else good
        # count lines as the normaliser will: CRLF, CR and LF each end one line
        before = good.replace("\r\n", "\n").replace("\r", "\n")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        raise error("TX101", f"the file is not valid UTF-8: byte 0x{data[exc.start]:02x} at "
                    f"offset {exc.start} cannot be decoded ({exc.reason})", path=ctx.path,
                    line=line, col=col,
                    hint="save the transcript as UTF-8 (most editors offer 'Save with encoding')"
                    ) from None


def _normalise(raw: str, number: int, ctx: Context) -> Line:
    bad = _NOT_XML.search(raw)
    if bad:
        ctx.warning("TX104", f"character U+{ord(bad.group()):04X} cannot be stored in XML and "
                    "was removed (with any others on this line)", line=number,
                    col=bad.start() + 1, hint="remove the control character from the transcript")
    chars: list[str] = []
    positions: list[tuple[int, int]] = []
    run_start: int | None = None  # start of the current whitespace run
    for index, ch in enumerate(raw):
        if _NOT_XML.match(ch):
            continue
        if ch in _WS:
            run_start = index if run_start is None else run_start
            continue
        if run_start is not None and chars:  # an inner run becomes one space
            chars.append(" ")
            positions.append((number, run_start + 1))
        run_start = None
        chars.append(ch)
        positions.append((number, index + 1))
    stripped = raw.lstrip(_WS)
    return Line("".join(chars), number, tuple(positions), len(raw) - len(stripped), raw)


def _join_ordinals(lines: list[Line], ctx: Context) -> list[Line]:
    """L24: ``the 23`` ⏎ ``rd Congress`` → ``the 23rd Congress`` (suffix offset recorded)."""
    out = list(lines)
    index = 0
    while index < len(out):
        line = out[index]
        match = _ENDS_NUMBER.search(line.text) if not line.blank else None
        nxt = index + 1
        while match and nxt < len(out) and out[nxt].blank and nxt - index <= 3:
            nxt += 1
        if match and nxt < len(out):
            follower = out[nxt]
            suffix = _SUFFIX.match(follower.text)
            if suffix and suffix.group(1) == ordinal_suffix(match.group(1)):
                joined = Line(line.text + follower.text, line.number,
                              line.positions + follower.positions, line.indent, line.raw,
                              line.ordinal_joins + (len(line.text),)
                              + tuple(j + len(line.text) for j in follower.ordinal_joins))
                ctx.info("TX401", f"split ordinal re-joined: '{match.group(1)}' + "
                         f"'{suffix.group(1)}'", line=follower.number, col=follower.col(0))
                out[index] = joined
                for blank in range(index + 1, nxt + 1):
                    out[blank] = Line("", out[blank].number, (), 0, out[blank].raw)
                continue  # the joined line may itself end in a number
        index += 1
    return out


def ordinal_suffix(number: str) -> str:
    """The English ordinal suffix of ``number`` (L24): 1st, 2nd, 3rd, 11th–13th, 4th…"""
    value = int(number)
    if 11 <= value % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
