"""Helpers shared by the closing-zone rules: a unit's content as items."""

from __future__ import annotations

from lxml import etree

from .. import atoms
from ..atoms import Item
from ..flow import standalone, unit_items
from ..nodes import Unit
from ..state import Env
from ..tei import el


def chars(unit: Unit, env: Env) -> list[Item]:
    """The unit's content with one item per character, for the rules that cut it by
    character offsets (a few lines per document)."""
    return atoms.per_character(unit_items(unit, env))


def floating(unit: Unit, env: Env) -> etree._Element:
    """A bracket-only line (stamp, handwriting): its element, or an ``ab`` holding it."""
    items = unit_items(unit, env)
    node = standalone(items)
    if node is None:
        return atoms.fill(el("ab"), items)
    return node
