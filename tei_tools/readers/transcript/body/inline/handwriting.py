"""B21 handwritten annotations and B22 ``[added by hand]`` (conventions.md §3.4), and the P11
handwriting bracket whose opening line (with its label) was lost."""

from __future__ import annotations

import re

from lxml import etree

from .. import atoms, vocab
from ..atoms import Item
from ..classify import Where
from ..nodes import Bracket
from ..tei import el, local
from .common import label_only_length
from .illegible import illegible_gap
from .state import BracketRule, InlineState

_ADDED = re.compile(r"(?i)^added by hand$")
_RESOLUTION = re.compile(r"^[\"“']?(?:(?:to|To|for|For|Comrade|Seen|Discuss|Prepare|File|Archive)"
                         r"\b|Cdes?\.)")
_ONLY_NUMBER_DATE = {"idno", "seg", "date"}


def _desc(text: str) -> etree._Element:
    return el("note", {"type": "desc", "place": "inline", "resp": "#tr"}, text)


def _ends_with_date(items: list[Item]) -> bool:
    body = atoms.strip(items)
    while body and isinstance(body[-1], str) and body[-1] in "\"”'.":
        body = body[:-1]
    if not body or isinstance(body[-1], str) or local(body[-1]) != "date":
        return False
    before = atoms.text(body[:-1]).strip()
    return bool(before) and (before.split()[-1][:1].isupper()
                             or not isinstance(body[-2], str))


def _hand(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    """B21: ``add`` / ``note[@type='resolution'|'handwritten']`` / illegible ``gap``."""
    c = where.content
    m = vocab.hand_label().match(c)
    assert m is not None
    after = c[m.end():].strip()
    if m.group("sep") == ";" and "illegible" in after.lower():
        return state.push(illegible_gap(c, br.rend))
    # cut by reading offsets below: one item per character
    items = atoms.per_character(atoms.strip(state.render(br.children, inside=True)))
    text, owner = atoms.read(items)
    lm = vocab.hand_label().match(text)
    # P11: a label-only bracket's desc holds what stood in the brackets (``Handwritten``)
    cut = label_only_length(br) if br.rend == "label-only" else lm.end() if lm else 0
    end = owner[cut - 1] + 1 if cut else 0
    label, rest = atoms.text(items[:end]), items[end:]
    place = vocab.place_for(m.group("pos"))
    body = atoms.strip(rest)
    hand_ref = state.env.new_hand(label)
    if body and all(not isinstance(i, str) and local(i) in _ONLY_NUMBER_DATE or
                    isinstance(i, str) and not i.strip(" ,") for i in body):
        node = el("add", {"hand": hand_ref, "place": place, "rend": br.rend})
    elif _RESOLUTION.match(after) or _ends_with_date(body):
        node = el("note", {"type": "resolution", "place": place or "margin",
                           "hand": hand_ref, "rend": br.rend})
    elif where.alone:
        node = el("note", {"type": "handwritten", "place": place, "hand": hand_ref,
                           "rend": br.rend})
    else:
        node = el("add", {"hand": hand_ref, "place": place, "rend": br.rend})
    node.append(_desc(label))
    return state.push(atoms.fill(node, rest))


def _unopened_hand(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    """P11: the quoted instruction of a handwriting bracket whose opening line was lost: a
    resolution note without a label (``unopened_hand`` made the bracket)."""
    node = el("note", {"type": "resolution", "place": "margin",
                       "hand": state.env.new_hand("handwriting"), "rend": br.rend})
    return state.push(atoms.fill(node, atoms.strip(state.render(br.children, inside=True))))


def _double_label_hand(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    """P11: ``[[Handwriting in pencil …]: the note ]]`` — the double bracket's label (the
    children before its single "]") is the desc, the rest the handwritten note
    (``double_label`` made the bracket). Not stripped: a space before the "]]" is content."""
    items = atoms.per_character(state.render(br.children, inside=True))
    text, owner = atoms.read(items)
    cut = label_only_length(br)
    end = owner[cut - 1] + 1 if cut else 0
    label = atoms.fill(el("note", {"type": "desc", "place": "inline", "resp": "#tr"}),
                       items[:end])
    node = el("note", {"type": "handwritten", "hand": state.env.new_hand(atoms.text(items[:end])),
                       "rend": br.rend})
    node.append(label)
    return state.push(atoms.fill(node, items[end:]))


def _added_by_hand(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    """B22: ``Personal [added by hand]`` → ``add`` around the text before the marker."""
    items, c = state.items, where.content
    start = atoms.text_start(items)
    region_text = "".join(items[start:])
    region: list[Item] = [region_text]
    text = region_text.rstrip(" ")
    words = text.split()
    if not words:
        # nothing written before the marker on its line: the add holds the marker only, and
        # the space before it stays outside, where D writes it
        start, kept, region = len(items), [], []
    elif len(words) > 5 or start > 0:
        state.emit("TX333")
        cut = len(text) - len(text.split(" ")[-1])
        kept = [region_text[:cut]] if cut else []
        region = [region_text[cut:]]
    else:
        kept = []
    node = el("add", {"hand": state.env.new_hand(c)})
    atoms.fill(node, region)
    node.append(_desc(c))
    return state.take_back(start, kept + [node])


ADDED_BY_HAND = BracketRule("B22", lambda br, where: bool(_ADDED.match(where.content)),
                            _added_by_hand)
# only by repair: the bracket has neither its "[" nor its label (``unopened_hand``)
UNOPENED_HAND = BracketRule("B21-unopened", lambda br, where: br.force == "B21-unopened",
                            _unopened_hand)
# only by repair: a double bracket used as a handwriting label (``double_label``)
DOUBLE_LABEL_HAND = BracketRule("P11-double-label",
                                lambda br, where: br.force == "P11-double-label",
                                _double_label_hand)
HAND = BracketRule("B21", lambda br, where: bool(vocab.hand_label().match(where.content)), _hand)
