"""B18 stamps: label → ``note[@type='desc']`` (institution as ``orgName``), content with
registry numbers (``idno`` / ``seg[@type='idno']``) and dates; ``@type`` and ``@subtype`` from
the label and the content (conventions.md §3.4 B18, L2, L3)."""

from __future__ import annotations

import re

from lxml import etree

from .. import atoms, vocab
from ..atoms import Item
from ..classify import Where
from ..nodes import Bracket
from ..tei import el, local
from .common import desc_note, label_only_length
from .state import BracketRule, InlineState
from .text import mark_text

NUMERO = r"(?:Nº|N°|№|No\.|No|no\.|Nr\.?)"   # F1 equivalents
_REGISTRY = re.compile(
    rf"(?P<kind>(?:Incoming|Outgoing|Received|Entered)\s+)?(?P<sign>{NUMERO})\s*"
    r"(?P<num>[A-Z]?\d[\w./-]*[\w])")
# a number of three or more digits (or digits with a suffix) that is not a year and not part of
# an element already built (a date reads as U+FFFC)
_BARE_NUMBER = re.compile(
    r"(?:(?P<kind>Incoming|Outgoing|Received|Entered)\s+)?(?<![\w./\ufffc-])"
    r"(?!(?:18|19|20)\d\d(?![\w./-]))(?P<num>\d{3,}[\w./-]*\w|\d+-[a-z]+)(?![\w./-])")
_INCOMING = re.compile(r"\b(?:Incoming|Received|Entered)\b")
_BARE_STAMP = re.compile(r"(?i)^stamps?(?: and handwriting)?$")


def number_element(items: list[Item], kind: str) -> etree._Element:
    """``idno`` for a clean number; ``seg[@type='idno']`` when it holds markup (B13)."""
    if all(isinstance(i, str) for i in items):
        return el("idno", {"type": kind}, "".join(items))
    return atoms.fill(el("seg", {"type": "idno", "subtype": kind}), items)


def mark_numbers(items: list[Item], default: str = "registry") -> list[Item]:
    """L1/L3: registry numbers after a numero sign, typed by the word before them."""
    def build(m: re.Match[str], its: list[Item]) -> list[Item]:
        word = (m.group("kind") or "").strip()
        kind = {"Incoming": "incoming", "Received": "incoming", "Entered": "incoming",
                "Outgoing": "outgoing"}.get(word, default)
        lead = m.start("num") - m.start()
        return its[:lead] + [number_element(its[lead:], kind)]
    return atoms.apply(items, _REGISTRY, build)


def _label(label_items: list[Item], org: str | None) -> etree._Element:
    note = el("note", {"type": "desc", "place": "inline", "resp": "#tr"})
    # P10: the rows of a label split over two lines are one label, read with a space between
    label_items = [x for i in label_items for x in ([i, " "] if not isinstance(i, str)
                                                     and local(i) == "lb" else [i])]
    if org:
        org_re = re.compile(re.escape(org))
        label_items = atoms.apply(label_items, org_re, lambda m, its: atoms.fill(el("orgName"),
                                                                                  its))
    return atoms.fill(note, label_items)


def stamp_type(text: str, content_items: list[Item]) -> str:
    if _INCOMING.search(text):
        return "incoming"
    if "Outgoing" in text:
        return "outgoing"
    if "Declassified" in text:
        return "declassification"
    words = re.sub(r"[^\w ]", " ", text).split()
    cls = {k.lower() for k in vocab.classification()["classification"]}
    if words and " ".join(words).lower() in cls:
        return "classification"
    if any(not isinstance(i, str) and (local(i) == "idno" or local(i) == "seg")
           for i in content_items):
        return "registry"
    return "other"


def _bare_number(items: list[Item]) -> list[Item]:
    """Numbers without a numero sign (``Stamp: 02967ss``, ``Incoming 03107-s``, and after the
    date: ``19 March 1964 10433``) are registry numbers too (B18, P10)."""
    def build(m: re.Match[str], its: list[Item]) -> list[Item] | None:
        lead = m.start("num") - m.start()
        if not all(isinstance(i, str) for i in its[lead:]):
            return None
        kind = {"Incoming": "incoming", "Received": "incoming", "Entered": "incoming",
                "Outgoing": "outgoing"}.get(m.group("kind") or "", "registry")
        return its[:lead] + [el("idno", {"type": kind}, m.group("num"))]
    return atoms.apply(items, _BARE_NUMBER, build)


def build_stamp(state: InlineState, label_items: list[Item], content_items: list[Item],
                label_text: str, rend: str | None = None) -> etree._Element:
    """A stamp from its label items and its content items, one per character (also used by the
    column split)."""
    m = vocab.stamp_label().match(label_text)
    cond = (m.group("cond") or "") if m else ""
    org = (m.group("org") or "").strip() if m else ""
    content_items = mark_text(state, content_items)
    content_items = mark_numbers(content_items)
    text = atoms.text(content_items)
    content_items = _bare_number(content_items)
    subtype = "faded" if cond.startswith("faded") else "partial" if cond.startswith(
        "partial") else None
    node = el("stamp", {"type": stamp_type(text, content_items), "subtype": subtype,
                        "rend": rend})
    if label_items:
        node.append(_label(label_items, org or None))
    return atoms.fill(node, content_items)


def _stamp(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    m = vocab.stamp_label().match(where.content)
    faded = bool(m and m.group("cond") and "faded" in m.group("cond"))
    # not stripped: spaces inside the brackets are part of the transcript (§6.5)
    items = state.render(br.children, inside=True, markup=False, faded=faded)
    items = atoms.per_character(items)      # cut by reading offsets below
    text, owner = atoms.read(items)
    lead = len(text) - len(text.lstrip())
    # P10: a label split over two lines (``[MFA Far East⏎Department stamp:``); same offsets
    lm = vocab.stamp_label().match(text[lead:].replace("\n", " "))
    if br.rend == "label-only":
        # P10: a label-only bracket's desc holds what stood in the brackets (``Stamp``); a
        # colon after them is content, where D writes it again (``[Stamp] …`` has none)
        end = owner[label_only_length(br) - 1] + 1
        label = lm.group(0) if lm else atoms.text(items[:end]) + ":"
        return state.push(build_stamp(state, items[:end], items[end:], label, br.rend))
    if lm is None:
        # B27a: a stamp whose opening line (and label) was lost
        return state.push(build_stamp(state, [], items, "", br.rend))
    end = owner[lead + lm.end() - 1] + 1
    return state.push(build_stamp(state, items[:end], items[end:], lm.group(0), br.rend))


def _bare(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    """``[stamp]``: a stamp whose content the transcriber did not give."""
    stamp = el("stamp", {"type": "other"})
    stamp.append(desc_note(where.content))
    return state.push(stamp)


BARE_STAMP = BracketRule("B18-bare", lambda br, where: bool(_BARE_STAMP.match(where.content)),
                         _bare)
STAMP = BracketRule("B18", lambda br, where: bool(vocab.stamp_label().match(where.content)),
                    _stamp)
