"""The state of one inline walk: what the bracket and text rules read and write.

Modelled on markdown-it-py's ``StateInline``: a rule receives the state, reads the bracket and
the text before it, and returns the new output; it reaches the walker (to render a bracket's
children) through ``state.render``, never by importing it, so no rule module imports the walker
and the package has no import circle. The document-wide part (diagnostics sink ``env.ctx``,
footnotes, dates, hands, languages) is ``env``; everything about the current walk is here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..atoms import Item
from ..classify import Where
from ..nodes import Bracket, Node, Pos
from ..state import Env

# the walker: renders ``nodes`` under a state (see ``core.walk``)
Walker = Callable[["InlineState", list[Node]], list[Item]]


@dataclass
class InlineState:
    env: Env                        # the document: diagnostics (env.ctx), footnotes, facts
    walker: Walker                  # core.walk, for the children of a bracket
    unit_pos: Pos | None = None     # the unit being built: where diagnostics point
    unit_nodes: list[Node] | None = None   # its nodes (to locate a word for a diagnostic)
    alone: bool = False             # the unit holds nothing but this bracket (§3.3 rule 7)
    inside: bool = False            # the walk is inside a single bracket (TX307)
    markup: bool = True             # apply the text-level rules of §4 after the walk
    faded: bool = False             # inside a faded stamp: B13 reads reason="faded"
    items: list[Item] = field(default_factory=list)   # the output runs so far
    index: int = 0                  # position: the node being read
    text_start: int = 0             # items[text_start:] are the text before the next bracket

    def render(self, nodes: list[Node], *, inside: bool, markup: bool = True,
               faded: bool | None = None) -> list[Item]:
        """The runs of ``nodes`` (a bracket's children, a footnote's text) in a nested walk."""
        # built field by field: dataclasses.replace costs several times more, and a document
        # walks thousands of brackets' children
        nested = InlineState(self.env, self.walker, self.unit_pos, self.unit_nodes, False,
                             inside, markup, self.faded if faded is None else faded)
        return self.walker(nested, nodes)

    def push(self, *made: Item) -> list[Item]:
        """Append ``made`` to the output (in place: a line of 40,000 brackets must not copy its
        output once per bracket) and return it."""
        self.items.extend(made)
        return self.items

    def take_back(self, start: int, tail: list[Item]) -> list[Item]:
        """Replace the output from ``start`` on by ``tail`` (rules that wrap the text before
        their bracket) and return it."""
        self.items[start:] = tail
        return self.items

    def where(self, pos: Pos | None = None) -> dict[str, int | None]:
        """``line``/``col`` keywords for ``env.ctx.emit``: ``pos``, else the unit's start."""
        p = pos or self.unit_pos
        return {"line": p.line if p else None, "col": p.col if p else None}

    def emit(self, code: str, pos: Pos | None = None, **params: object) -> None:
        self.env.ctx.emit(code, **self.where(pos), **params)


@dataclass(frozen=True)
class BracketRule:
    """One row of the §3.3 table: ``applies`` decides from the bracket and its neighbourhood
    (``where.content`` is its content C), ``build`` returns the output with the bracket's TEI
    appended (a few rules also take back the text before the bracket: B4, B5, B7, B10, B22)."""

    name: str                       # the class: B1 … B25, stray, unclassified
    applies: Callable[[Bracket, Where], bool]
    build: Callable[[InlineState, Bracket, Where], list[Item]]
