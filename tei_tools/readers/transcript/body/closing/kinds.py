"""The closing-zone kind of one line (L19–L23, L29): what the rules and the zone finder see."""

from __future__ import annotations

from .. import patterns as P
from .. import vocab
from ..classify import SIGNATURE_CONTENT, content
from ..nodes import Bracket, Unit


def text(unit: Unit) -> str:
    return unit.text().strip()


def bracket_label(unit: Unit) -> str | None:
    """The content of a bracket-only unit, else None."""
    br = unit.only_bracket()
    return content(br) if isinstance(br, Bracket) else None


def is_stampish_bracket(unit: Unit) -> bool:
    """A bracket-only line that may float in a closing zone: stamp, handwriting, signature."""
    c = bracket_label(unit)
    if c is None:
        return False
    low = c.lower()
    return bool(vocab.stamp_label().match(c) or vocab.hand_label().match(c)
                or low.startswith("stamp") or "signature" in low or low in ("sign",
                                                                              "illegible"))


def closing_kind(unit: Unit, after_only_closing: bool) -> str | None:
    """The closing-zone kind of a line, or None (the first matching test wins)."""
    t = text(unit)
    if P.SPRAVKA.match(t):
        return "spravka"
    if P.CERTIFIED.match(t):
        return "certification"
    if any(isinstance(n, Bracket) and SIGNATURE_CONTENT.match(content(n)) for n in unit.nodes) \
            and len(t) < 90 or bracket_label(unit) == "illegible":
        return "signature"
    if unit.only_bracket() is not None:
        return "bracket" if is_stampish_bracket(unit) else None
    if P.SALUTE_CLOSE.match(t):
        return "salute"
    if P.DIST_HEAD.match(t) or P.DIST_NUMBERED.match(t) or P.DIST_INLINE.match(t):
        return "distribution"
    if P.INITIALS.match(t) or P.DRAFTING.match(t):
        return "drafting"
    if P.ATTACHMENT.match(t):
        return "attachment"
    if P.COPIES_COUNT.match(t):
        return "copies"
    if P.OUTGOING.match(t):
        return "outgoing"
    if P.SEPARATOR.match(t):
        return "separator"
    if P.is_date_only(t):
        return "date"
    if P.is_office(t) and (not P.PROSE_END.search(t) or t in vocab.offices()):
        return "office"
    if P.is_signer_name(t) and (after_only_closing or len(t.split()) <= 4):
        return "name"
    return None
