"""§7 P10: an unbracketed declassification block (``Reason:`` … ``Date:`` … ``Signature:``) in
the head zone is one ``stamp[@type='declassification'][@rend='unbracketed']``.

The three labels are A.14 field labels (never speakers, P15); together, in this order and within
a few lines, they are the archive's declassification form, not memorandum fields (L9).
"""

from __future__ import annotations

import re

from lxml import etree

from . import atoms
from .atoms import Item
from .tei import el

_REASON = re.compile(r"^Reason\s*:", re.IGNORECASE)
_DATE = re.compile(r"^Date\s*:", re.IGNORECASE)
_SIGNATURE = re.compile(r"^Signature\s*:", re.IGNORECASE)
_MAX_LINES = 6      # Reason, its value or a note, Date, Signature: the form is short


def blocks(texts: list[str]) -> dict[int, int]:
    """Start index → end index (inclusive) of each declassification block among ``texts``."""
    out: dict[int, int] = {}
    i = 0
    while i < len(texts):
        if _REASON.match(texts[i]):
            for j in range(i + 1, min(i + _MAX_LINES, len(texts))):
                if _SIGNATURE.match(texts[j]):
                    if any(_DATE.match(t) for t in texts[i + 1:j]):
                        out[i] = j
                    break
        i = out.get(i, i) + 1
    return out


def stamp(lines: list[list[Item]]) -> etree._Element:
    """The block's stamp: one ``<lb/>`` between its lines, their content as built."""
    node = el("stamp", {"type": "declassification", "rend": "unbracketed"})
    for k, items in enumerate(lines):
        if k:
            el("lb", parent=node)
        atoms.fill(node, atoms.strip(items))
    return node
