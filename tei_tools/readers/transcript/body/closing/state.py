"""The state of one closing-zone build: the lines, their kinds, the position and the output."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from lxml import etree

from ..nodes import Unit
from ..state import Env
from ..tei import el


@dataclass
class ClosingState:
    """Everything the closing-zone rules read and write; nothing else is shared between them."""

    env: Env
    units: list[Unit]
    kinds: list[str | None]           # closing_kind of each unit
    i: int = 0                        # the unit the next rule looks at
    closer: etree._Element = field(default_factory=lambda: el("closer"))
    post: etree._Element = field(default_factory=lambda: el("postscript"))
    signed: etree._Element | None = None
    in_post: bool = False             # once in the postscript, nothing goes into the closer
    before: list[etree._Element] = field(default_factory=list)   # L23 notices before the closer
    after: list[etree._Element] = field(default_factory=list)    # P5 brackets after it

    @property
    def unit(self) -> Unit:
        return self.units[self.i]

    @property
    def kind(self) -> str | None:
        return self.kinds[self.i]

    def text(self, k: int | None = None) -> str:
        return self.units[self.i if k is None else k].text().strip()

    def kind_at(self, k: int) -> str | None:
        return self.kinds[k] if 0 <= k < len(self.kinds) else None


# A rule looks at the unit at ``state.i``; when it applies, it builds its output, moves
# ``state.i`` past the units it used and returns True.
Rule = Callable[[ClosingState], bool]
