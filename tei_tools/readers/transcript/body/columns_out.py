"""TEI of a B20 column block: ``seg[@type='letterhead']`` + one ``stamp`` per bracket column,
or ``seg[@type='collapsed-columns']`` verbatim when the split failed (TX325)."""

from __future__ import annotations

import re

from lxml import etree

from . import atoms, lineparts
from .atoms import Item
from .inline import build_stamp, mark_text, render
from .inline.stamp import number_element
from .lines import TextLine
from .nodes import Cell, ColumnBlock
from .parser import parse
from .state import Env
from .tei import el


def _cell_items(cell: Cell, env: Env, faded: bool = False) -> list[Item]:
    """A cell's text parsed like any text (its closing "]" removed), without markup."""
    raw = cell.text[:-1] if cell.text.endswith("]") else cell.text
    units = parse([TextLine(raw, cell.pos.line, cell.pos.col)], env.ctx)
    nodes = [n for u in units for n in u.nodes]
    # the letterhead and stamp rules cut by character offsets: one item per character
    items = render(nodes, env, inside=True, markup=False, faded=faded)
    return atoms.per_character(atoms.strip(items))


def build(block: ColumnBlock, env: Env) -> list[tuple[str, etree._Element]]:
    if block.failed:
        return [("phrase", _collapsed(block))]
    out: list[tuple[str, etree._Element]] = []
    letterhead = el("seg", {"type": "letterhead"})
    for k, cell in enumerate(block.columns[0]):
        if k:
            el("lb", parent=letterhead)
        items = mark_text(_cell_items(cell, env), env)
        atoms.fill(letterhead, _letterhead_row(items, env))
    if block.columns[0]:          # no letterhead cell (the label row was the first, P10): none
        out.append(("phrase", letterhead))
    if block.captions:            # P10: caption rows interleaved with a stamp column
        head = el("head")
        for k, (text, pos) in enumerate(block.captions):
            if k:
                el("lb", parent=head)
            atoms.fill(head, _cell_items(Cell(text, pos), env))
        out.append(("top", head))
    for c in range(1, len(block.columns)):
        cells = block.columns[c]
        if c in block.plain:       # P10: classification and copy lines, not a stamp
            for cell in cells:
                items = _cell_items(cell, env)
                for node in lineparts.registry_line(items, env):
                    out.append(("phrase", node))
            continue
        label_end = next((i for i, cell in enumerate(cells)
                          if re.search(r"\bstamp:", cell.text, re.I)), -1)
        label_cells, content_cells = cells[:label_end + 1], cells[label_end + 1:]
        label_items: list[Item] = []
        for cell in label_cells:
            if label_items:
                label_items.append(" ")
            label_items.extend(_cell_items(cell, env))
        faded = atoms.text(label_items).lower().startswith("faded")
        content: list[Item] = []
        for cell in content_cells:
            content.append(el("lb"))
            content.extend(_cell_items(cell, env, faded))
        rend = "unopened" if c in block.unopened else None
        out.append(("block", build_stamp(label_items, content, atoms.text(label_items),
                                                env, rend)))
    return out


def _letterhead_row(items: list[Item], env: Env) -> list[Item]:
    """Registry numbers and classification words keep their own markup inside the letterhead."""
    text = atoms.text(items)
    if lineparts._REGISTRY.match(text) or lineparts.P.CLASS_TERMS.search(text):
        items = atoms.apply(items, lineparts._REGISTRY, _registry_inline)
        items = atoms.apply(items, lineparts.P.CLASS_TERMS,
                            lambda m, its: lineparts.classification_seg(m.group(), env))
    return items


def _registry_inline(m: re.Match[str], its: list[Item]) -> list[Item]:
    lead = m.start("num") - m.start()
    return its[:lead] + [number_element(its[lead:], "outgoing")]


def _collapsed(block: ColumnBlock) -> etree._Element:
    seg = el("seg", {"type": "collapsed-columns"})
    for k, (row, _pos) in enumerate(block.rows):
        if k:
            el("lb", parent=seg)
        for piece in re.split(r"(\[|\])", row):
            if piece in ("[", "]"):
                seg.append(el("c", {"type": "stray-bracket"}, piece))
            elif piece:
                atoms.fill(seg, list(piece))
    return seg
