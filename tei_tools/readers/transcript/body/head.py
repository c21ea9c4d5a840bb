"""§4 "Head zone": head-zone lines → ``opener`` children, ``head``, distribution notes and the
memorandum fields (L30, L31, L1–L5, L27, L18, L8, L9, L26, B20 blocks).

``opener`` is element-only: children from one transcript line are joined by a space, and an
``<lb/>`` separates phrase-level children that come from different lines. Block children
(``dateline``, ``stamp``, ``salute``, notes) stand on their own.
"""

from __future__ import annotations

import copy
import re

from lxml import etree

from ..hints import BodyHints
from . import atoms, columns_out, dates, declass, gap_columns, lineparts, telegram
from . import patterns as P
from .atoms import Item
from .closing.split import PLACE_DATE, place_date_line
from .inline import render
from .memo import field_element
from .nodes import Pos, Text, Unit
from .state import Env
from .tei import el, local
from .vocab import caption_subtype
from .zones import HeadScanner, text

_CABLE_NUMBER = re.compile(r"(?P<sign>Nº|N°|№|No\.?)\s*(?P<num>\d[\w./-]*)")

BLOCKS = {"dateline", "stamp", "salute", "note", "add", "gap", "fw", "pb", "milestone"}
TOP = "top"          # divTop or global: may precede the body
COMMON = "common"    # model.common (list, ab): ends the divTop part
HELD = "held"        # a place line kept for the first journal entry's dateline (L6)


class HeadBuilder:
    def __init__(self, env: Env) -> None:
        self.env = env
        self.out: list[tuple[str, etree._Element]] = []
        self.opener: etree._Element | None = None
        self.last_line: int | None = None
        self.last_phrase = False
        self.held_place: etree._Element | None = None   # place line for the first entry (L6)
        self.head_done = False
        self.gap_letterhead = False    # the row above had letterhead in column 0 (P10)

    # -- placement ---------------------------------------------------------------------------
    def _ensure_opener(self) -> etree._Element:
        if self.opener is None:
            self.opener = el("opener")
            self.out.append((TOP, self.opener))
            self.last_phrase = False
        return self.opener

    def phrase(self, elements: list[etree._Element], line: int) -> None:
        op = self._ensure_opener()
        for i, node in enumerate(elements):
            if self.last_phrase and len(op):
                if i == 0 and self.last_line != line:
                    el("lb", parent=op)
                else:
                    op[-1].tail = (op[-1].tail or "") + " "
            op.append(node)
            self.last_phrase = local(node) not in BLOCKS
        self.last_line = line

    def block(self, node: etree._Element, line: int) -> None:
        if self.opener is None and self.head_done and local(node) == "dateline":
            self.out.append((TOP, node))      # a dateline after the caption stands in the div
            return
        op = self._ensure_opener()
        op.append(node)
        self.last_phrase = False
        self.last_line = line

    def top(self, node: etree._Element) -> None:
        self.opener = None
        self.head_done = self.head_done or local(node) == "head"
        self.out.append((TOP, node))

    def common(self, node: etree._Element) -> None:
        self.opener = None
        self.out.append((COMMON, node))

    def items(self, unit: Unit, alone: bool = False) -> list[Item]:
        self.env.pos = unit.pos
        self.env.nodes = unit.nodes
        # the head zone's rules cut the line by character offsets: one item per character
        result = atoms.per_character(atoms.strip(render(unit.nodes, self.env, alone=alone)))
        dates.flush_notes(self.env.dates, self.env.ctx, unit.pos, unit.nodes)
        return result


def build_head(units: list[Unit], env: Env, next_is_entry: bool,
               attachment: bool = False) -> list[tuple[str, etree._Element]]:
    """The elements of a head zone, in transcript order, each tagged TOP or COMMON; the head
    zone of an attached document may have a title of its own (P6)."""
    b = HeadBuilder(env)
    scanner = HeadScanner(0, False, False, attachment)
    kinds = ["caption" if _is_declared(u, env.hints) else scanner.kind(u) or "unknown"
             for u in units]
    for start, end in declass.blocks([text(u) for u in units]).items():
        kinds[start:end + 1] = ["declassification"] * (end + 1 - start)
    i = 0
    while i < len(units):
        kind = kinds[i]
        j = i + 1
        # multi-line groups: caption, addressee, letterhead, dash distribution, participants
        group_of = {"caption": "caption", "to": "to", "letterhead": "letterhead",
                    "dist-dash-head": "dist-dash", "participants-open": "group",
                    "declassification": "declassification"}
        if kind in group_of:
            while j < len(units) and kinds[j] == group_of[kind]:
                j += 1
        _emit(b, kind, units[i:j], env, last=(j == len(units)) and next_is_entry)
        i = j
    if b.held_place is not None:
        b.out.append((HELD, b.held_place))
    if env.facts.creation_date is None:          # M1: the first head-zone date
        for _placement, node in b.out:
            for d in node.iter("{http://www.tei-c.org/ns/1.0}date"):
                if d.get("when") and not d.get("cert") and not _in_stamp_or_note(d):
                    env.facts.creation_date = _clean_date(d)
                    break
            if env.facts.creation_date is not None:
                break
    return b.out


def declared_heading(units: list[Unit], hints: BodyHints) -> tuple[list[Unit], list[Unit]]:
    """P12: the line the wrapper declared to be the document's heading (the rest of a PDF
    export's Contents line) opens the head zone whatever it looks like: (heading, the rest)."""
    k = 0
    while k < len(units) and _is_declared(units[k], hints):
        k += 1
    return units[:k], units[k:]


def _is_declared(unit: Unit, hints: BodyHints) -> bool:
    return hints.document_heading is not None and unit.pos.line == hints.document_heading \
        and unit.column_block is None


# the kinds of line whose columns P10 reads apart when wide gaps separate them
_GAP_KINDS = {"letterhead", "registry", "classification", "copies", "unknown"}


def _emit(b: HeadBuilder, kind: str, group: list[Unit], env: Env, last: bool) -> None:
    unit = group[0]
    env.pos = unit.pos
    line = unit.lines[0]
    t = text(unit)
    if kind in _GAP_KINDS and len(group) == 1 and _gap_row(b, unit, env):
        return
    b.gap_letterhead = False
    if kind == "columns":
        for placement, node in columns_out.build(unit.column_block, env):
            if placement == "top":       # P10: the caption rows of the block
                _caption_facts(" ".join(t for t, _ in unit.column_block.captions), env)
                b.top(node)
            elif placement == "block":
                b.block(node, line)
            else:
                b.phrase([node], line)
        dates.flush_notes(env.dates, env.ctx, unit.pos)
        return
    if kind == "bracket":
        items = b.items(unit, alone=True)
        nodes = [i for i in items if not isinstance(i, str)]
        if len(nodes) == 1 and not atoms.text([i for i in items if isinstance(i, str)]).strip():
            node = nodes[0]
            if local(node) in BLOCKS:
                b.block(node, line)
            else:
                b.phrase([node], line)
        elif len(nodes) > 1 and all(local(n) == "stamp" for n in nodes) and not atoms.text(
                [i for i in items if isinstance(i, str)]).strip():
            # several stamps on one line (P13): each a stamp of the opener; the space between
            # them stays, so that D writes them back on their one line (§6.5)
            for k, node in enumerate(nodes):
                node.tail = " " if k + 1 < len(nodes) else None
                b.block(node, line)
        else:
            b.phrase(lineparts.wrap_loose(items), line)
        return
    if kind == "declassification":          # P10: one stamp, without brackets
        b.block(declass.stamp([b.items(u) for u in group]), line)
        return
    if kind == "caption":
        head = el("head")
        for k, u in enumerate(group):
            if k:
                el("lb", parent=head)
            items = b.items(u)
            if _subtype(text(u)) == "telegram":
                items = _cable_number(items)
            atoms.fill(head, items)
        _caption_facts(" ".join(text(u) for u in group), env)
        b.top(head)
        return
    if kind == "registry" or kind == "classification":
        items = b.items(unit)
        b.phrase(lineparts.registry_line(items, env) if kind == "registry"
                 else [lineparts.classification_seg(atoms.text(items), env, items)], line)
        return
    if kind == "salute":
        b.block(atoms.fill(el("salute"), b.items(unit)), line)
        return
    if kind in ("to", "letterhead"):
        seg = el("seg", {"type": kind})
        for k, u in enumerate(group):
            if k:
                el("lb", parent=seg)
            atoms.fill(seg, b.items(u))
        if kind == "to":
            telegram.addressee(t, env)
        b.phrase([seg], line)
        return
    if kind == "motto" or kind == "copies":
        b.phrase([atoms.fill(el("seg", {"type": kind}), b.items(unit))], line)
        return
    if kind == "attachments":      # P6: "3 attachments", a head-zone line with no seg type
        b.phrase([atoms.fill(el("seg"), b.items(unit))], line)
        return
    if kind == "dateline":
        _dateline(b, unit, env, last)
        return
    if kind == "telegram":
        placement, node = telegram.field(t, b.items(unit), env)
        (b.block(node, line) if placement == "block" else b.phrase([node], line))
        return
    if kind in ("field", "participants-open"):
        b.common(field_element(group, [b.items(u) for u in group], env))
        return
    if kind in ("dist-inline", "dist-dash-head"):
        b.top(_distribution(b, group, kind))
        return
    env.ctx.emit("TX410", line=unit.pos.line, col=unit.pos.col, unit="head-zone line",
                 kept="an opener seg")
    b.phrase(lineparts.wrap_loose(b.items(unit)) or [el("seg")], line)


def _caption_facts(caption: str, env: Env) -> None:
    """The document's caption and its A.4 subtype: the first caption's."""
    if env.facts.caption is None:
        env.facts.caption = caption
        env.facts.caption_subtype = _subtype(caption)


def _gap_row(b: HeadBuilder, unit: Unit, env: Env) -> bool:
    """P10: a plain-text line whose cells wide gaps keep apart, each cell read on its own."""
    if len(unit.lines) != 1 or not all(isinstance(n, Text) for n in unit.nodes):
        return False
    texts = gap_columns.cells(env.raw_lines.get(unit.pos.line, ""))
    # a letter-spaced phrase's wide gaps are between its words (P15), not columns
    if len(texts) < 2 or " ".join(texts) != text(unit) or P.is_spaced_line(text(unit)):
        return False
    raw = env.raw_lines[unit.pos.line]
    parts = []
    for cell in texts:
        col = raw.find(cell.split(" ")[0]) + 1
        parts.append(b.items(Unit([Text(cell, Pos(unit.pos.line, col))], unit.lines,
                                  Pos(unit.pos.line, col))))
    nodes, b.gap_letterhead = gap_columns.build(parts, texts, env, b.gap_letterhead)
    b.phrase(nodes, unit.lines[0])
    return True


def _subtype(caption: str) -> str | None:
    return caption_subtype(caption)


def _cable_number(items: list[Item]) -> list[Item]:

    def build(m, its):
        a = m.start("num") - m.start()
        return its[:a] + [el("idno", {"type": "cable"}, m.group("num"))]
    return atoms.apply(items, _CABLE_NUMBER, build)


def _dateline(b: HeadBuilder, unit: Unit, env: Env, last: bool) -> None:
    t = text(unit)
    items = b.items(unit)
    pd = P.place_date(t)
    if pd:
        n = items.index(",") if "," in items else 0
        place = atoms.fill(el("placeName"), items[:n])
        items = [place] + items[n:]
    elif place_date_line(t):       # P6: "Pyongyang 11/26/64", the place without a comma
        items = atoms.per_character(items)
        n = len(PLACE_DATE.match(t).group("place"))
        items = [atoms.fill(el("placeName"), items[:n])] + items[n:]
    elif not P.is_date_only(t):
        place = atoms.fill(el("placeName"), items)
        if last:
            b.held_place = place       # L6: goes into the first entry's dateline
            return
        items = [place]
    box = b.opener if b.opener is not None else (b.out[-1][1] if b.out else None)
    prev = box[-1] if box is not None and len(box) and local(box) != "head" else None
    if box is not None and local(box) == "dateline":
        prev = box
    if prev is not None and local(prev) == "dateline" and len(prev) == 1 \
            and local(prev[0]) == "placeName" and not (prev[0].tail or "").strip() \
            and P.is_date_only(t):
        el("lb", parent=prev)
        atoms.fill(prev, items)     # a place line directly followed by a date line (L5)
    else:
        prev = atoms.fill(el("dateline"), items)
        b.block(prev, unit.lines[0])
    if env.facts.creation_date is None:
        # M1: the document's own date is the dateline's, never a stamp's before it
        for d in prev.iter("{http://www.tei-c.org/ns/1.0}date"):
            if d.get("when") or d.get("from"):
                env.facts.creation_date = _clean_date(d)
                break


def _in_stamp_or_note(d: etree._Element) -> bool:
    """M1: dates in stamps and handwritten notes are not the document's date."""
    return any(local(a) in ("stamp", "note", "add") for a in d.iterancestors())


def _clean_date(d: etree._Element) -> etree._Element:
    dup = copy.deepcopy(d)
    dup.tail = None
    if "type" in dup.attrib:
        del dup.attrib["type"]
    return dup


def _distribution(b: HeadBuilder, group: list[Unit], kind: str) -> etree._Element:
    """L8/L20 in the head zone: ``note[@type='distribution'][@place='top']/list``."""
    note = el("note", {"type": "distribution", "place": "top"})
    if kind == "dist-inline":
        items = b.items(group[0])
        # P3: "(FYI: A, B)": the "(" opens the head, the ")" follows the list in the note
        close = items[-1:] == [")"] and items[:1] == ["("]
        head, rest = lineparts.head_and_rest(items[:-1] if close else items)
        entries = lineparts.split_items(rest)
        # L8 splits a head-zone list at ";"; D must know when the transcript had commas
        commas = ";" not in atoms.text(rest) and len(entries) > 1
        lst = lineparts.make_list(head, entries, {"type": "distribution",
                                                  "rend": "commas" if commas else None})
        if close:
            lst.tail = ")"
    else:
        entries = [b.items(u) for u in group[1:]]
        entries = [e[1:] if e[:1] in (["-"], ["–"], ["—"]) else e for e in entries]
        lst = lineparts.make_list(b.items(group[0]), entries,
                                  {"type": "distribution", "rend": "dash"})
    note.append(lst)
    return note
