"""Markup inside one head-zone or closing-zone line: registry and copy numbers (L1, L2),
classification terms (L4), telegram fields (L8), list items (L9, L20).

Each function takes the items of a rendered line, one per character (``atoms.per_character``),
and returns items with the structure added.
"""

from __future__ import annotations

import re

from lxml import etree

from ....text import OWN_LINE_IN_CONTAINER
from . import atoms
from . import patterns as P
from .atoms import Item
from .inline.stamp import NUMERO, number_element
from .state import Env
from .tei import el, local

# L1; P4: in the head zone also ``Outgoing Nº 241``
_REGISTRY = re.compile(rf"^(?:Outgoing\s+)?(?P<sign>{NUMERO})\s*(?P<num>[A-Z]?\d[\w./-]*)")
_COPY = re.compile(r"Copy\s+(?:(?:Nº|№|No\.?)\s*)?(?P<n>\d+|_{2,})(?!\w)|Only copy")


def classification_seg(term: str, env: Env, items: list[Item] | None = None) -> etree._Element:
    """L4: the seg of a classification, handling or precedence term. ``items``: the line's
    rendered content, when it may hold markup (``Level: Urgent [and …]``) that must be kept."""
    kind, cat = P.classification_term(term) or ("classification", "")
    if kind == "classification":
        if (cat, term) not in env.facts.classifications:
            env.facts.classifications.append((cat, term))
        seg = el("seg", {"type": "classification", "ana": f"#{cat}"})
    else:
        seg = el("seg", {"type": kind})
    return atoms.fill(seg, items if items is not None else [term])


def _registry(m: re.Match[str], its: list[Item]) -> etree._Element:
    lead = m.start("num") - m.start()
    seg = el("seg", {"type": "registry"})
    return atoms.fill(seg, its[:lead] + [number_element(its[lead:], "outgoing")])


def _copy(m: re.Match[str], its: list[Item]) -> etree._Element:
    seg = el("seg", {"type": "copy"})
    if m.group("n") is None:
        return atoms.fill(seg, its)
    lead = m.start("n") - m.start()
    n = m.group("n")
    if n.startswith("_"):
        tail = el("space", {"unit": "chars", "quantity": str(len(n))})
    else:
        tail = el("num", {"value": str(int(n))}, n)
    return atoms.fill(seg, its[:lead] + [tail])


def registry_line(items: list[Item], env: Env) -> list[Item]:
    """L1/L4: ``Nº 135 SECRET``, ``Nº 241 Copy Nº 1`` → segs (loose text becomes a seg)."""
    items = atoms.apply(items, _REGISTRY, _registry)
    items = atoms.apply(items, _COPY, _copy)
    items = atoms.apply(items, P.CLASS_TERMS, lambda m, its: classification_seg(m.group(), env))
    return wrap_loose(items)


# text-like elements: part of a loose run of text
_RUN = {"lb", "date", "hi", "unclear", "foreign"}
# D starts a new line at these when they stand directly in an opener (§6.5 "Lines"), so on a line
# with other material they must sit inside a seg
_LINE_STARTING = OWN_LINE_IN_CONTAINER


def wrap_loose(items: list[Item]) -> list[Item]:
    """Phrase-level pieces of one line: loose text runs become an untyped ``seg``.

    D joins phrase siblings with one space, so the line is only split where it has whitespace:
    anything glued to its neighbour (``a[``, ``241x[?]``) stays in the same seg, and elements
    that D would put on a line of their own go into a seg too (into the seg before them when
    that is a typed one: ``Nr 0-58/59 [poufne—confidential]``)."""
    out: list[Item] = []
    run: list[Item] = []

    def flush() -> None:
        if atoms.text(run).strip() or any(not isinstance(i, str) for i in run):
            out.append(atoms.fill(el("seg"), atoms.strip(run)))
        run.clear()

    for group in _groups(items):
        first = group[0]
        if isinstance(first, str) and first.isspace():
            if run:
                run.extend(group)
            continue
        name = None if len(group) > 1 or isinstance(first, str) else etree.QName(first).localname
        if name is not None and name not in _RUN | _LINE_STARTING:
            flush()
            out.append(first)
        elif name == "note" and first.get("type") == "sic" and not run and out and \
                local(out[-1]) == "sic":
            # D writes "[sic]" after a <sic> unless its note follows it: keep the two together
            out[-1] = atoms.fill(el("seg"), [out[-1], " ", first])
        elif name in _LINE_STARTING and not run and out and \
                etree.QName(out[-1]).localname == "seg":
            prev = out[-1][-1] if len(out[-1]) else None
            if prev is not None:
                prev.tail = (prev.tail or "") + " "
            else:
                out[-1].text = (out[-1].text or "") + " "
            out[-1].append(first)
        else:
            run.extend(group)
    flush()
    return out


def _groups(items: list[Item]) -> list[list[Item]]:
    """``items`` cut into alternating runs of whitespace and of everything else."""
    groups: list[list[Item]] = []
    last: bool | None = None
    for item in items:
        space = isinstance(item, str) and item.isspace()
        if space is not last:
            groups.append([])
            last = space
        groups[-1].append(item)
    return groups


def split_items(items: list[Item], prefer_semicolon: bool = True) -> list[list[Item]]:
    """L9/L20 item lists: split at ";" if there is one, else at ", " outside parentheses."""
    text, _ = atoms.read(items)
    if prefer_semicolon and ";" in text:
        parts = atoms.split_at(items, re.compile(r";\s*"))
    else:
        parts = _split_commas(items)
    merged: list[list[Item]] = []
    for part in parts:
        part = atoms.strip(part)
        if not part:
            continue
        if merged and re.fullmatch(r"(?:[A-Z]\.\s*)+", atoms.text(part)):
            merged[-1] = merged[-1] + [",", " "] + part     # initials belong to the neighbour
        else:
            merged.append(part)
    return merged


def _split_commas(items: list[Item]) -> list[list[Item]]:
    parts: list[list[Item]] = [[]]
    depth = 0
    i = 0
    while i < len(items):
        it = items[i]
        if it == "(":
            depth += 1
        elif it == ")":
            depth = max(0, depth - 1)
        if it == "," and depth == 0 and i + 1 < len(items) and items[i + 1] == " ":
            parts.append([])
            i += 2
            continue
        parts[-1].append(it)
        i += 1
    return parts


def head_and_rest(items: list[Item]) -> tuple[list[Item], list[Item]]:
    """Split at the first ":" (the head keeps it)."""
    for i, it in enumerate(items):
        if it == ":":
            return items[:i + 1], items[i + 1:]
    return [], items


def make_list(head: list[Item] | None, entries: list[list[Item]], attrs: dict) -> etree._Element:
    """``list`` with an optional ``head``; a head without entries is no list (TEI) but an ``ab``."""
    entries = [e for e in entries if atoms.text(e).strip() or any(
        not isinstance(i, str) for i in e)]
    if not entries:
        return atoms.fill(el("ab"), atoms.strip(head or []))
    lst = el("list", attrs)
    if head:
        atoms.fill(el("head", parent=lst), atoms.strip(head))
    for entry in entries:
        atoms.fill(el("item", parent=lst), atoms.strip(entry))
    return lst
