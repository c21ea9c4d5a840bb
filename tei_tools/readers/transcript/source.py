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
from bisect import bisect_right
from dataclasses import dataclass
from typing import NamedTuple

from ...diagnostics import error
from .context import Context

BOM = "\ufeff"
# F1: "spaces, tabs and NBSPs" are the whitespace of a line; nothing else is collapsed.
_WS = " \t\u00a0"
# runs of F1 whitespace and/or characters XML cannot hold: collapsed or removed together
_SKIP = re.compile(r"[ \t\u00a0\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]+")
_BIG = 1 << 60
_WS_RUN = re.compile(r"[ \t\u00a0]+")
_LONG_RUN = re.compile(r"[ \t\u00a0]{2,}")
# Characters XML 1.0 cannot hold.
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_ENDS_NUMBER = re.compile(r"(?<![\w.])(\d+)$")
_SUFFIX = re.compile(r"(st|nd|rd|th)\b")


class Line(NamedTuple):
    """One normalised line and the way back to the original file (immutable; a NamedTuple
    because one is made for every line of every file, about twice as fast as a frozen
    dataclass).

    ``segments`` maps the text to original positions compactly: each entry
    ``(index, line, col)`` says that ``text[index:]`` was copied one to one from ``line``,
    starting at column ``col``, up to the next entry. Only a collapsed whitespace run, a removed
    character or an L24 join starts a new entry, so a line costs a few tuples, not one per
    character (transcripts can be tens of megabytes).
    """

    text: str
    number: int                                       # original 1-based line number
    segments: tuple[tuple[int, int, int], ...] = ()   # (text index, line, col), sorted
    indent: int = 0                                   # leading whitespace in the original
    raw: str = ""                                     # the original line, without line end
    ordinal_joins: tuple[int, ...] = ()               # L24: offsets of re-joined suffixes

    @property
    def blank(self) -> bool:
        return not self.text

    def emptied(self) -> Line:
        """The same original line, as a blank line (a wrapper line removed from the text)."""
        return Line("", self.number, (), 0, self.raw)

    def pos(self, index: int) -> tuple[int, int]:
        """Original (line, column) of character ``index``; past the end: after the last one."""
        if not self.segments:
            return self.number, 1 + self.indent
        index = max(index, 0)
        if len(self.segments) == 1:         # most lines: copied in one piece, no search
            start, line, col = self.segments[0]
            return line, col + (index - start)
        at = bisect_right(self.segments, (index, _BIG, _BIG)) - 1
        start, line, col = self.segments[max(at, 0)]
        return line, col + (index - start)

    def col(self, index: int) -> int:
        """Original 1-based column of character ``index`` (on the line ``pos`` names)."""
        return self.pos(index)[1]

    def slice(self, start: int, end: int | None = None) -> Line:
        """A Line for ``text[start:end]``, trimmed, keeping the original positions."""
        end = len(self.text) if end is None else end
        piece = self.text[start:end]
        start += len(piece) - len(piece.lstrip(" "))
        piece = piece.strip(" ")
        stop = start + len(piece)
        line, col = self.pos(start)
        segments = ((0, line, col),) + tuple((i - start, ln, c) for i, ln, c in self.segments
                                              if start < i < stop)
        joins = tuple(j - start for j in self.ordinal_joins if start <= j < stop)
        return Line(piece, line, segments, col - 1, piece, joins)


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
        ctx.emit("TX102", changes="; ".join(notes))
    raw_lines = text.split("\n")
    if text.endswith("\n"):
        raw_lines.pop()  # a final newline does not start another line
    lines = [_normalise(raw, number, ctx) for number, raw in enumerate(raw_lines, start=1)]
    if not any(not line.blank for line in lines):
        raise error("TX103", path=ctx.path,
                    detail="the file has no text (it is empty or holds only whitespace)",
                    hint="check that the right file was given")
    return Source(_join_ordinals(lines, ctx))


_OTHER_BOMS = ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
               (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16"))


def _to_text(data: bytes | str, ctx: Context) -> str:
    if isinstance(data, str):
        return data
    # a UTF-16/32 byte-order mark says exactly what the file is (no UTF-8 text starts so)
    if marked := next((name for mark, name in _OTHER_BOMS if data.startswith(mark)), None):
        raise error("TX101", path=ctx.path, line=1, col=1,
                    problem=f"{marked} (it starts with a {marked} byte-order mark), not UTF-8")
    if b"\x00" in data[:4096] and (found := _utf16_without_bom(data[:4096])):
        # ASCII text in UTF-16 is valid UTF-8 with a NUL in every other byte: name it
        raise error("TX101", path=ctx.path, line=1, col=1,
                    problem=f"{found} without a byte-order mark, not UTF-8")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        good = data[:exc.start].decode("utf-8")
        good = good[1:] if good.startswith(BOM) else good
        # count lines as the normaliser will: CRLF, CR and LF each end one line
        before = good.replace("\r\n", "\n").replace("\r", "\n")
        line = before.count("\n") + 1
        col = len(before) - (before.rfind("\n") + 1) + 1
        problem = (f"not valid UTF-8: byte 0x{data[exc.start]:02x} at offset {exc.start} "
                   f"cannot be decoded ({exc.reason})")
        raise error("TX101", path=ctx.path, line=line, col=col, problem=problem) from None


def _utf16_without_bom(sample: bytes) -> str | None:
    """'UTF-16 little-endian' when most odd bytes are NUL and almost no even one (big-endian the
    other way round): the mark of mostly ASCII text in UTF-16."""
    half = len(sample) // 2
    even, odd = sample[0::2].count(0), sample[1::2].count(0)
    if half >= 2 and odd > half * 0.3 and even < half * 0.05:
        return "UTF-16 little-endian"
    if half >= 2 and even > half * 0.3 and odd < half * 0.05:
        return "UTF-16 big-endian"
    return None


def _normalise(raw: str, number: int, ctx: Context) -> Line:
    # printable text holds no control character (the common case, tested in C)
    bad = None if raw.isprintable() else _NOT_XML.search(raw)
    if bad is None:
        return _normalise_fast(raw, number)
    ctx.emit("TX104", line=number, col=bad.start() + 1, codepoint=ord(bad.group()))
    parts: list[str] = []
    segments: list[tuple[int, int, int]] = []
    length = 0

    def copy(origin: int, chunk: str) -> None:
        nonlocal length
        # a new segment only where the text stops running in step with the original
        if not segments or origin - length != segments[-1][2] - 1 - segments[-1][0]:
            segments.append((length, number, origin + 1))
        parts.append(chunk)
        length += len(chunk)

    done = 0
    for m in _SKIP.finditer(raw):
        if m.start() > done:
            copy(done, raw[done:m.start()])
        run = m.group()
        interior = length > 0 and m.end() < len(raw)
        space = next((i for i, ch in enumerate(run) if ch in _WS), None)
        if interior and space is not None:        # F1: a whitespace run becomes one space
            copy(m.start() + space, " ")
        done = m.end()
    if done < len(raw):
        copy(done, raw[done:])
    stripped = raw.lstrip(_WS)
    return Line("".join(parts), number, tuple(segments), len(raw) - len(stripped), raw)


def _normalise_fast(raw: str, number: int) -> Line:
    """The common case, no control characters: only runs of 2+ whitespace shift positions."""
    stripped = raw.strip(_WS)
    if not stripped:
        return Line("", number, (), 0, raw)
    lead = len(raw) - len(raw.lstrip(_WS))
    segments = [(0, number, lead + 1)]
    if "  " not in stripped and "\t" not in stripped and "\u00a0" not in stripped:
        return Line(stripped, number, tuple(segments), lead, raw)   # already normal
    removed = 0
    for m in _LONG_RUN.finditer(stripped):
        removed += m.end() - m.start() - 1
        segments.append((m.end() - removed, number, lead + m.end() + 1))
    return Line(_WS_RUN.sub(" ", stripped), number, tuple(segments), lead, raw)


def _join_ordinals(lines: list[Line], ctx: Context) -> list[Line]:
    """L24: ``the 23`` ⏎ ``rd Congress`` → ``the 23rd Congress`` (suffix offset recorded)."""
    out = list(lines)
    index = 0
    while index < len(out):
        line = out[index]
        match = _ENDS_NUMBER.search(line.text) if line.text[-1:].isdigit() else None
        nxt = index + 1
        while match and nxt < len(out) and out[nxt].blank and nxt - index <= 3:
            nxt += 1
        if match and nxt < len(out):
            follower = out[nxt]
            suffix = _SUFFIX.match(follower.text)
            if suffix and suffix.group(1) == ordinal_suffix(match.group(1)):
                shift = len(line.text)
                joined = Line(line.text + follower.text, line.number,
                              line.segments + tuple((i + shift, ln, c)
                                                    for i, ln, c in follower.segments),
                              line.indent, line.raw,
                              line.ordinal_joins + (shift,)
                              + tuple(j + shift for j in follower.ordinal_joins))
                ctx.emit("TX401", line=follower.number, col=follower.col(0),
                         parts=f": '{match.group(1)}' + '{suffix.group(1)}'")
                out[index] = joined
                for blank in range(index + 1, nxt + 1):
                    out[blank] = out[blank].emptied()
                continue  # the joined line may itself end in a number
        index += 1
    return out


def ordinal_suffix(number: str) -> str:
    """The English ordinal suffix of ``number`` (L24): 1st, 2nd, 3rd, 11th–13th, 4th…"""
    value = int(number)
    if 11 <= value % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(value % 10, "th")
