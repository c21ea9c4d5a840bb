"""The parsed document text: units made of text runs and bracket nodes (conventions.md §3.1).

A *unit* is one logical line (F2): one non-blank source line, or several when a bracket spans
lines (L-4). Inside a unit, a line break can only occur inside a bracket; it is kept as ``LB``
and becomes ``<lb/>`` in the TEI.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple, Protocol


class SourceLine(Protocol):
    """What the body needs from a decoded line (``source.Line`` provides it)."""

    text: str

    @property
    def number(self) -> int: ...

    def col(self, index: int) -> int: ...


class Pos(NamedTuple):
    """A position in the ORIGINAL file: 1-based line and column (§6.2).

    Immutable like the frozen dataclass it was, and made about twice as fast (one for every
    text run and bracket of a document)."""

    line: int
    col: int


@dataclass
class Text:
    text: str
    pos: Pos


@dataclass
class LB:
    """A line break inside a multi-line bracket (L-4)."""

    pos: Pos


@dataclass
class Orphan:
    """A ``]`` at depth 0 (B27), before repair."""

    pos: Pos


@dataclass
class Stray:
    """A bracket character kept literally: nesting beyond what the reader builds (TX305)."""

    text: str
    pos: Pos


@dataclass
class Bracket:
    kind: str                      # "single" or "double"
    start: Pos
    children: list[Node] = field(default_factory=list)
    end: Pos | None = None
    rend: str | None = None        # repairs: unopened, unclosed, single-close (§3.2)
    force: str | None = None       # class decided by a repair (B27a: a stamp)

    def plain(self) -> str:
        """The content C as text: inner brackets kept with their brackets, breaks as spaces."""
        return plain_nodes(self.children)


Node = Text | LB | Orphan | Stray | Bracket


def plain(node: Node) -> str:
    if isinstance(node, Text):
        return node.text
    if isinstance(node, LB):
        return " "
    if isinstance(node, Orphan):
        return "]"
    if isinstance(node, Stray):
        return node.text
    inner = node.plain()
    if node.kind == "double":
        return "[[" + inner + "]]"
    return "[" + inner + "]"


def plain_nodes(nodes: list[Node]) -> str:
    # text runs are most nodes and this runs for every look at a unit's text: skip the call
    return "".join([n.text if n.__class__ is Text else plain(n) for n in nodes])


@dataclass
class Cell:
    text: str
    pos: Pos


@dataclass
class ColumnBlock:
    """The cells of a collapsed header: ``columns[c]`` is the list of row cells of column c."""

    rows: list[tuple[str, Pos]]
    columns: list[list[Cell]] = field(default_factory=list)
    unopened: set[int] = field(default_factory=set)   # B19 columns (implicit "[")
    plain: set[int] = field(default_factory=set)      # non-bracket columns (P10)
    captions: list[tuple[str, Pos]] = field(default_factory=list)   # caption rows (P10)
    failed: bool = False


@dataclass
class Unit:
    """One logical line of the document text."""

    nodes: list[Node]
    lines: list[int]               # original line numbers of its physical lines
    pos: Pos                       # start of its first character
    # set by later stages:
    column_block: ColumnBlock | None = None   # B20: a collapsed header instead of nodes
    superscripts: list[int] = field(default_factory=list)  # L24 join offsets in text()
    # text() is asked ~400 times per document, mostly by the zone scanners. A unit is made
    # once its brackets are closed and its nodes are not changed after that (stages that
    # change a unit's content make a new Unit), so the text is kept; it is keyed on the node
    # list so that a unit given another list is read again.
    _text: tuple[list[Node], str] | None = field(default=None, init=False, repr=False,
                                                 compare=False)
    # the closing-zone kind (closing/kinds.py), kept the same way: the zone finder asks for
    # the kinds of every body line up to three times (P6 split, closing start, trailing lines)
    closing_kind_memo: tuple[list[Node], str | None] | None = field(
        default=None, init=False, repr=False, compare=False)

    def text(self) -> str:
        if self._text is None or self._text[0] is not self.nodes:
            self._text = (self.nodes, plain_nodes(self.nodes))
        return self._text[1]

    def only_bracket(self) -> Bracket | None:
        """The unit's single bracket when it is the only thing on its line(s)."""
        real = [n for n in self.nodes if not (isinstance(n, Text) and not n.text.strip())]
        if len(real) == 1 and isinstance(real[0], Bracket):
            return real[0]
        return None


    def only_brackets(self) -> bool:
        """Two or more brackets and nothing but spaces between them (``[stamp: …] [stamp: …]``):
        a bracket line like a single bracket (§4 precedence rule 2, P13)."""
        real = [n for n in self.nodes if not (isinstance(n, Text) and not n.text.strip())]
        return len(real) > 1 and all(isinstance(n, Bracket) for n in real)


def locate(nodes: list[Node], fragment: str) -> Pos | None:
    """The original position of ``fragment`` when it lies inside one text run of ``nodes``
    (for diagnostics that concern a word rather than the whole unit)."""
    for node in nodes:
        if isinstance(node, Text):
            k = node.text.find(fragment)
            if k >= 0:
                return Pos(node.pos.line, node.pos.col + k)
        elif isinstance(node, Bracket):
            found = locate(node.children, fragment)
            if found is not None:
                return found
    return None
