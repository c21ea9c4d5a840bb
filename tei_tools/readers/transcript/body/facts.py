"""What the body tells the header (the body is built first; the header reads these facts).

Owned by the body builder; the header builder only reads it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree


@dataclass
class BodyFacts:
    # profileDesc/creation/date: a <date> element (copied) for the document's own date, if found
    creation_date: etree._Element | None = None
    # every @xml:lang value used in the body, in order of first use (langUsage)
    languages: list[str] = field(default_factory=list)
    # one label text per distinct handwritten bracket, in order: handNote h.1, h.2, …
    hands: list[str] = field(default_factory=list)
    # in-text classification: (category id such as "cls.s", the term as found), in order
    classifications: list[tuple[str, str]] = field(default_factory=list)
    # profileDesc/correspDesc built from telegram headers and addressee lines (L8, L27)
    correspondence: etree._Element | None = None
    # speakers for standOff/listPerson: (xml:id "sp.slug", name as written)
    speakers: list[tuple[str, str]] = field(default_factory=list)
    # document type derived from the caption (A.4 div/@subtype) when the trailer has no Type
    caption_subtype: str | None = None
    # caption text of the document (for A.4 catDesc when the trailer has no Type)
    caption: str | None = None
