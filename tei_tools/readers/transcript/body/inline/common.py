"""Helpers shared by several bracket rules: a bracket's content as runs, the desc note."""

from __future__ import annotations

from ..atoms import Item
from ..nodes import Bracket, Node, Pos, plain_nodes
from ..tei import el
from .state import InlineState


def desc_note(text: str) -> Item:
    return el("note", {"type": "desc", "place": "inline", "resp": "#tr"}, text)


def verbatim(state: InlineState, bracket: Bracket) -> list[Item]:
    """The bracket's content with inner brackets encoded but no text-level markup. Spaces just
    inside the brackets (``[ the plan]``) are content too: D must give them back (§6.5)."""
    return state.render(bracket.children, inside=True, markup=False)


def rendered(state: InlineState, bracket: Bracket) -> list[Item]:
    """The bracket's content with the text-level markup of §4."""
    return state.render(bracket.children, inside=bracket.kind == "single")


def ends_with_space(items: list[Item]) -> bool:
    return bool(items) and isinstance(items[-1], str) and items[-1].endswith(" ")


def label_only_length(bracket: Bracket) -> int:
    """P10/P11: length of the label of a label-only bracket (``[Stamp]: …``,
    ``[Handwritten text:] …``): the text of the children that stood inside the brackets, before
    the label's "]" (``bracket.end``); the rest of the children followed it."""
    return len(plain_nodes([n for n in bracket.children if _start(n) < bracket.end]))


def _start(node: Node) -> Pos:
    return node.start if isinstance(node, Bracket) else node.pos
