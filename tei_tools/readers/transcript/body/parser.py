"""Bracket structure of the whole document text → units (conventions.md §3.1 L-2 to L-4, B14,
B26, B27c).

The parser walks the lines in order with a stack of open brackets. A bracket still open at the
end of its line continues onto the next lines only if the L-4 conditions hold (checked by a dry
run over the following lines); otherwise every open bracket is closed at the end of its own line
(``rend='unclosed'``, TX302). A ``]`` at depth 0 is kept as an ``Orphan`` for the repairs.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from ..context import Context
from . import patterns as P
from .lexer import CLOSE, EMAIL, NEWLINE, OPEN, OPEN2, TEXT, Token, tokenize
from .nodes import LB, Bracket, Node, Orphan, Pos, SourceLine, Stray, Text, Unit

MAX_CONTINUATION = 12          # L-4 (a)
MAX_DEPTH = 3                  # L-3: deeper nesting is reported (TX305)
HARD_DEPTH = 24                # deeper brackets are kept as literal characters, not built
_STARTS_BRACKET = re.compile(r"^\s*\[(?!\[)")

# A line that stops a multi-line bracket (L-4 c)
StopTest = Callable[[str], bool]


def stop_test(journal: bool) -> StopTest:
    """L-4 (c): a numbered paragraph, a speaker label, ``Document Information`` and, in a
    journal, an entry date (elsewhere a stamp's own date line looks like one)."""

    def stops(text: str) -> bool:
        t = text.strip()
        speaker = P.speaker(t)
        return bool(P.NUMBERED.match(t) or (journal and P.ENTRY_DATE.match(t))
                    or t == "Document Information"
                    or (speaker and P.is_speaker_label(speaker.group("label"))))
    return stops


class _Line:
    """One non-blank line, trimmed, with its tokens and the way back to original columns."""

    def __init__(self, src: SourceLine) -> None:
        raw = src.text
        lead = len(raw) - len(raw.lstrip())
        self.src = src
        self.offset = lead
        self.text = raw.strip()
        self.tokens: list[Token] = [t for t in tokenize(self.text) if t.kind != NEWLINE]
        # looked up once, not per token: source.Line knows joined lines (L24)
        exact = getattr(src, "pos", None)
        self._exact = exact if callable(exact) else None

    def pos(self, index: int) -> Pos:
        if self._exact is not None:
            line, col = self._exact(self.offset + index)
            return Pos(line, col)
        return Pos(self.src.number, self.src.col(self.offset + index))


def _dry_run(stack_kinds: list[str], line: _Line) -> list[str]:
    """The open-bracket kinds after ``line``, parsed like ``parse`` does (B14 included)."""
    kinds = list(stack_kinds)
    toks = line.tokens
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.kind == OPEN:
            kinds.append("single")
        elif t.kind == OPEN2:
            kinds.append("double")
        elif t.kind == CLOSE and kinds:
            if kinds[-1] == "double" and i + 1 < len(toks) and toks[i + 1].kind == CLOSE \
                    and toks[i + 1].start == t.end:
                i += 1
            kinds.pop()
            if not kinds:
                return kinds
        i += 1
    return kinds


def _continues(stack_kinds: list[str], lines: list[_Line], start: int, stops: StopTest) -> int:
    """Index of the line that closes every open bracket under the L-4 rules, or -1."""
    kinds = stack_kinds
    for j in range(start, min(start + MAX_CONTINUATION, len(lines))):
        text = lines[j].text
        if _STARTS_BRACKET.match(text) or stops(text):
            return -1
        kinds = _dry_run(kinds, lines[j])
        if not kinds:
            return j
    return -1


class _Builder:
    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.units: list[Unit] = []
        self.stack: list[Bracket] = []
        self.nodes: list[Node] = []
        self.unit_lines: list[int] = []
        self.flat = 0          # open brackets kept as literal characters (beyond HARD_DEPTH)

    def container(self) -> list[Node]:
        return self.stack[-1].children if self.stack else self.nodes

    def add_text(self, text: str, line: _Line, index: int) -> None:
        """Append ``text`` (at ``index`` of ``line``) to the open container."""
        box = self.container()
        if box and isinstance(box[-1], Text):
            box[-1].text += text
        else:
            box.append(Text(text, line.pos(index)))   # positions only for new runs

    def drop_space_before(self) -> None:
        """The artefact replaced an address, so the space before it goes with it (``at
        [email protected].`` reads ``at.``, as §6.5 compares it)."""
        box = self.container()
        if box and isinstance(box[-1], Text) and box[-1].text[-1:].isspace():
            box[-1].text = box[-1].text[:-1]
            if not box[-1].text:
                box.pop()

    def push(self, kind: str, pos: Pos) -> None:
        if len(self.stack) >= HARD_DEPTH:
            self.container().append(Stray("[" if kind == "single" else "[[", pos))
            self.flat += 1
            return
        bracket = Bracket(kind, pos)
        self.container().append(bracket)
        self.stack.append(bracket)
        if len(self.stack) == MAX_DEPTH + 1:
            self.ctx.emit("TX305", line=pos.line, col=pos.col)

    def close_all(self, rend: str | None, end: Pos) -> None:
        self.flat = 0
        while self.stack:
            bracket = self.stack.pop()
            bracket.end = end
            if rend:
                bracket.rend = rend
                self.ctx.emit(
                    "TX302", line=bracket.start.line, col=bracket.start.col,
                    detail="bracket opened here is never closed; closed at the end of the line",
                    hint='add the missing "]" in the transcript, or accept the repair '
                         '(element marked rend="unclosed")')

    def finish_unit(self) -> None:
        if self.nodes:
            first = self.nodes[0]
            self.units.append(Unit(self.nodes, self.unit_lines, _node_pos(first)))
        self.nodes, self.unit_lines = [], []


def _node_pos(node: Node) -> Pos:
    return node.start if isinstance(node, Bracket) else node.pos


def parse(src_lines: list[SourceLine], ctx: Context, stops: StopTest | None = None) -> list[Unit]:
    """Parse non-blank lines into units (blank lines must already be removed)."""
    stops = stops or stop_test(False)
    lines = [_Line(s) for s in src_lines if s.text.strip()]
    b = _Builder(ctx)
    continue_until = -1
    for li, line in enumerate(lines):
        if b.stack:
            b.container().append(LB(line.pos(0)))
        b.unit_lines.append(line.src.number)
        toks = line.tokens
        i = 0
        while i < len(toks):
            t = toks[i]
            if t.kind == TEXT:
                b.add_text(t.text, line, t.start)
            elif t.kind == CLOSE:
                i = _close(b, toks, i, line)
            elif t.kind == EMAIL:
                p = line.pos(t.start)
                # B28/M12: the e-mail artefact is not a bracket and is dropped (TX209)
                ctx.emit("TX209", line=p.line, col=p.col)
                b.drop_space_before()
            elif t.kind == OPEN:
                b.push("single", line.pos(t.start))
            elif t.kind == OPEN2:
                b.push("double", line.pos(t.start))
            i += 1
        if b.stack and li >= continue_until:
            j = _continues([x.kind for x in b.stack], lines, li + 1, stops)
            if j < 0:
                b.close_all("unclosed", line.pos(len(line.text)))
            else:
                continue_until = j
        if not b.stack:
            b.finish_unit()
    b.close_all("unclosed", Pos(0, 0))
    b.finish_unit()
    return b.units


def _close(b: _Builder, toks: list[Token], i: int, line: _Line) -> int:
    t = toks[i]
    p = line.pos(t.start)
    if b.flat:
        b.container().append(Stray("]", p))
        b.flat -= 1
        return i
    if not b.stack:
        b.container().append(Orphan(p))
        return i
    top = b.stack[-1]
    if top.kind == "double":
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        if nxt is not None and nxt.kind == CLOSE and nxt.start == t.end:
            i += 1
        else:
            # B14: "[[x]" — a single "]" closes the double bracket; the enclosing one stays open
            top.rend = "single-close"
            b.ctx.emit("TX303", line=top.start.line, col=top.start.col)
    b.stack.pop()
    top.end = p
    return i
