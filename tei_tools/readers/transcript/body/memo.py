"""L9 memorandum fields and L26 subject lines → ``list``/``ab`` (house encoding)."""

from __future__ import annotations

from lxml import etree

from . import atoms, lineparts
from . import patterns as P
from .atoms import Item
from .nodes import Unit
from .state import Env
from .tei import el

_SUBTYPES = {"interpreter": "interpreter", "interpreters": "interpreter",
             "translator": "translator", "recorder": "recorder"}


def field_element(group: list[Unit], rendered: list[list[Item]], env: Env) -> etree._Element:
    """One field line (or a ``Participants:`` line with its group lines)."""
    t = group[0].text().strip()
    m = P.FIELD.match(t)
    name = m.group("f").lower() if m else ""
    head, rest = lineparts.head_and_rest(rendered[0])
    if name in ("time", "date"):
        return atoms.fill(el("ab", {"type": "meeting-time"}), rendered[0])
    if name in ("location", "place"):
        value = atoms.strip(rest)
        place = atoms.fill(el("placeName"), value)
        return atoms.fill(el("ab", {"type": "meeting-place"}), head + [" ", place])
    if name in ("subject", "re", "concerning"):
        return lineparts.make_list(head, [rest], {"type": "subject"})
    attrs = {"type": "participants", "subtype": _SUBTYPES.get(name)}
    if len(group) > 1 and not atoms.text(rest).strip():
        return lineparts.make_list(head, rendered[1:], attrs)
    return lineparts.make_list(head, lineparts.split_items(rest), attrs)
