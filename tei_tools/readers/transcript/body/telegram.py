"""L8 telegram header fields and the correspondence facts they give (``correspDesc``)."""

from __future__ import annotations

import re

from lxml import etree

from . import atoms
from .atoms import Item
from .state import Env
from .tei import el, local

_PLACE = r"(?P<place>[A-Z][\w'-]*(?:\s[A-Z][\w'-]*)*?)"
_FROM_PLACE = re.compile(rf"^From:?\s+{_PLACE}(?=\s+Sent\b|\s+\ufffc|\s*$|,)")
_RECEIVED_PLACE = re.compile(rf"^Received in\s+{_PLACE}(?=\s+\d|\s+\ufffc|\s*$|,)")
_DECIPHERED = re.compile(r"^Deciphered by:?\s+(?P<name>[^,\d\ufffc]+?)(?=,|\s+\d|\s*\ufffc|\s*$)")
_SPECIAL = re.compile(r"(?P<lab>Special No\.\s*)(?P<num>[\w./-]+)")


def _wrap_group(items: list[Item], pattern: re.Pattern[str], group: str, tag: str) -> list[Item]:
    def build(m: re.Match[str], its: list[Item]) -> list[Item]:
        a = m.start(group) - m.start()
        b = m.end(group) - m.start()
        return its[:a] + [atoms.fill(el(tag), its[a:b])] + its[b:]
    return atoms.apply(items, pattern, build)


def _dated(items: list[Item], env: Env, date_type: str) -> list[Item]:
    """Re-type the dates of a field line (they were marked without a type)."""
    for it in items:
        if not isinstance(it, str) and local(it) == "date":
            attrs = dict(it.attrib)
            it.attrib.clear()
            it.set("type", date_type)
            for k, v in attrs.items():
                it.set(k, v)
    return items


def field(text: str, items: list[Item], env: Env) -> tuple[str, etree._Element]:
    """(placement, element) for one telegram field line; placement is 'phrase' or 'block'."""
    corr = env.corresp
    if text.startswith("From"):
        items = _dated(_wrap_group(items, _FROM_PLACE, "place", "placeName"), env, "sent")
        corr.add("sent", items)
        return "phrase", atoms.fill(el("seg", {"type": "from"}), items)
    if text.startswith("To:"):
        corr.add("received", items, name_from=text[3:].strip())
        return "phrase", atoms.fill(el("seg", {"type": "to"}), items)
    if text.startswith(("Sent", "Date:", "Dispatched")):
        items = _dated(items, env, "sent")
        corr.add("sent", items)
        return "block", atoms.fill(el("dateline"), items)
    if text.startswith("Received"):
        items = _dated(_wrap_group(items, _RECEIVED_PLACE, "place", "placeName"), env,
                       "received")
        corr.add("received", items)
        return "block", atoms.fill(el("dateline"), items)
    if text.startswith("Deciphered"):
        items = _dated(_wrap_group(items, _DECIPHERED, "name", "persName"), env, "deciphered")
        return "phrase", atoms.fill(el("seg", {"type": "transmission",
                                               "subtype": "deciphered"}), items)
    if text.startswith("Typed"):
        items = _dated(items, env, "typed")
        return "phrase", atoms.fill(el("seg", {"type": "transmission", "subtype": "typed"}),
                                    items)
    if text.startswith(("Arrived", "Came into")):
        return "phrase", atoms.fill(el("seg", {"type": "transmission", "subtype": "arrived"}),
                                    items)
    if text.startswith("Special"):
        def special(m: re.Match[str], its: list[Item]) -> list[Item]:
            a = m.start("num") - m.start()
            return its[:a] + [el("idno", {"type": "special"}, atoms.text(its[a:]))]
        items = atoms.apply(items, _SPECIAL, special)
        return "phrase", atoms.fill(el("seg", {"type": "reference"}), items)
    return "phrase", atoms.fill(el("seg", {"type": "precedence"}), items)


def addressee(text: str, env: Env) -> None:
    """L27: the first line of an addressee block names the recipient."""
    name = re.sub(r"^(?:To|TO|to|For)\s+", "", text)
    env.corresp.add("received", [], name_from=name)


__all__ = ["addressee", "field"]
