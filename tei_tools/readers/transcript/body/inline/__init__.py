"""Inline content of one unit: brackets (§3.3, §3.4) and the text-level markup of §4.

One module per bracket rule or small family (``sic``, ``stamp``, ``handwriting``, ``footnote``,
``illegible``, ``omission``, ``expansion``, ``names``, ``terms``, ``supplied``, ``notes``,
``page``), each a small function over an explicit ``InlineState``; ``rules.RULES`` says which
bracket rule is tried when, ``text.TEXT_RULES`` which text rule; ``core.walk`` applies them.
The layout builders call the functions below with the document's ``Env``; each starts a walk
at the unit the builder is working on (``env.pos``, ``env.nodes``).
"""

from __future__ import annotations

from lxml import etree

from ..atoms import Item
from ..nodes import Node
from ..state import Env
from . import core, footnote, stamp, text
from .state import InlineState
from .text import superscripts

__all__ = ["build_stamp", "mark_text", "render", "superscripts", "unused_footnote"]


def _state(env: Env, **flags: bool) -> InlineState:
    return InlineState(env, core.walk, unit_pos=env.pos, unit_nodes=env.nodes, **flags)


def render(nodes: list[Node], env: Env, *, alone: bool = False, inside: bool = False,
           markup: bool = True, faded: bool = False) -> list[Item]:
    """The runs of ``nodes``; ``alone``: the unit holds nothing but this bracket (§3.3 rule 7);
    ``inside``: the nodes are inside a single bracket; ``faded``: inside a faded stamp."""
    return core.walk(_state(env, alone=alone, inside=inside, markup=markup, faded=faded), nodes)


def mark_text(items: list[Item], env: Env) -> list[Item]:
    """The text-level patterns of §4 over mixed content."""
    return text.mark_text(_state(env), items)


def build_stamp(label_items: list[Item], content_items: list[Item], label_text: str,
                env: Env, rend: str | None = None) -> etree._Element:
    """B18: a stamp from its label and content items (the column split, B20, uses it)."""
    return stamp.build_stamp(_state(env), label_items, content_items, label_text, rend)


def unused_footnote(n: str, env: Env, rend: str) -> Item:
    """B9: the note of a footnote text that no marker took (placed by the caller; it has no
    marker in the text, ``@anchored='false'``)."""
    return footnote.footnote(_state(env), n, rend, anchored=False)
