"""State shared by the layout and inline builders of one document text."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..context import Context
from ..hints import BodyHints
from .correspondence import Correspondence
from .dates import DateEnv
from .facts import BodyFacts
from .nodes import Node, Pos


@dataclass
class Footnote:
    """A footnote text found in the footnote zone (B9)."""

    n: str
    rend: str                   # the text's style: bracketed, parenthesised, slash, asterisk
    nodes: list[Node]           # the text after the marker
    pos: Pos
    used: bool = False


@dataclass
class Env:
    ctx: Context
    docid: str
    hints: BodyHints = field(default_factory=BodyHints)   # from the profile's Wrapper
    facts: BodyFacts = field(default_factory=BodyFacts)
    dates: DateEnv = field(default_factory=DateEnv)
    footnotes: dict[str, Footnote] = field(default_factory=dict)
    footnote_ids: set[str] = field(default_factory=set)   # xml:ids given to footnote notes
    plain_numbers: set[str] = field(default_factory=set)  # P7: bare digits that are markers
    zone: str = "body"          # head, body, closing, footnote
    pos: Pos | None = None      # position of the unit being built (for diagnostics)
    nodes: list[Node] | None = None   # nodes of the unit being built (to locate words)
    corresp: Correspondence = field(default_factory=Correspondence)
    # the original text of each line by number (F1 collapses spaces that P15 still reads)
    raw_lines: dict[int, str] = field(default_factory=dict)

    def use_language(self, lang: str) -> None:
        if lang not in self.facts.languages:
            self.facts.languages.append(lang)

    def new_hand(self, label: str) -> str:
        self.facts.hands.append(label)
        return f"#h.{len(self.facts.hands)}"

    def where(self, pos: Pos | None = None) -> dict[str, int | None]:
        p = pos or self.pos
        return {"line": p.line if p else None, "col": p.col if p else None}
