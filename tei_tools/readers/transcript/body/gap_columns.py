"""§7 P10: in the head zone, a run of three or more spaces separates the columns of a line.

A typed header with the sender on the left and the classification and copy number on the right
(``Soviet Embassy in        TOP SECRET`` / ``Pyongyang        Copy 2``) reaches the transcript as
rows whose cells are kept apart by wide gaps, without brackets (for bracketed columns see
``columns``, B20). Each cell of such a row is read on its own: a classification term, a registry
or copy number, the letterhead (column 0 of an institution line, or of the rows under one), or
loose text. The cells stay on their row, phrase-level children of ``opener`` joined by one space,
so D gives the row back as the transcript wrote it (§6.5, spaces normalised).

The decoder collapses runs of spaces (F1); the gaps are read from the original line, which
``Env.raw_lines`` keeps by line number.
"""

from __future__ import annotations

import re

from lxml import etree

from . import atoms, lineparts
from . import patterns as P
from .atoms import Item
from .state import Env
from .tei import el

_GAP = re.compile(r"[ \t\u00a0]{3,}")
_SPACE = re.compile(r"[ \t\u00a0]+")


def cells(raw: str) -> list[str]:
    """The cells of a head-zone line (spaces inside a cell normalised); one cell: no columns."""
    return [_SPACE.sub(" ", c) for c in _GAP.split(raw.strip()) if c.strip()]


def build(cell_items: list[list[Item]], texts: list[str], env: Env,
          letterhead_above: bool) -> tuple[list[etree._Element], bool]:
    """The phrase elements of one row (``cell_items``: each cell rendered on its own, ``texts``:
    the cells) and whether its column 0 is letterhead (the next row's column 0 goes on with
    it)."""
    out: list[etree._Element] = []
    letterhead = False
    for k, (cell, part) in enumerate(zip(texts, cell_items, strict=True)):
        if P.classification_term(cell) and len(cell) <= 40:
            out.append(lineparts.classification_seg(cell, env, part))
        elif P.REGISTRY.match(cell) or P.COPY.search(cell) and len(cell) < 40:
            out.extend(n for n in lineparts.registry_line(part, env) if not isinstance(n, str))
        elif k == 0 and (P.is_letterhead(cell) or letterhead_above):
            out.append(atoms.fill(el("seg", {"type": "letterhead"}), part))
            letterhead = True
        else:
            out.extend(n for n in lineparts.wrap_loose(part) if not isinstance(n, str))
    return out, letterhead
