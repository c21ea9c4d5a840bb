"""The correspondence facts of a document text (``correspDesc``), gathered from telegram
header fields and addressee lines (L8, L27)."""

from __future__ import annotations

import copy
import re

from lxml import etree

from .atoms import Item
from .tei import el, local


class Correspondence:
    """Collects ``correspAction`` parts for ``BodyFacts.correspondence`` (L8, L27)."""

    def __init__(self) -> None:
        self.actions: dict[str, list[etree._Element]] = {"sent": [], "received": []}

    def add(self, kind: str, items: list[Item], name_from: str | None = None) -> None:
        parts = self.actions[kind]
        if name_from:
            name = re.sub(r"\s*\[[^\]]*\]", "", name_from).strip()
            if name:
                parts.append(el("name", text=name))
        for it in items:
            if isinstance(it, str):
                continue
            if local(it) in ("placeName", "date"):
                dup = copy.deepcopy(it)
                dup.tail = None
                parts.append(dup)

    def element(self) -> etree._Element | None:
        if not any(self.actions.values()):
            return None
        desc = el("correspDesc")
        for kind in ("sent", "received"):
            parts = self.actions[kind]
            if not parts:
                continue
            action = el("correspAction", {"type": kind}, parent=desc)
            order = {"name": 0, "placeName": 1, "date": 2}
            for part in sorted(parts, key=lambda p: order.get(local(p), 3)):
                action.append(part)
        return desc
