"""The closing-zone kind of one line (L19–L23, L29): what the rules and the zone finder see."""

from __future__ import annotations

from .. import patterns as P
from .. import vocab
from ..classify import SIGNATURE_CONTENT, content
from ..nodes import Bracket, Unit
from . import grammar as G

# P1: the kinds that anchor a closing zone (an office line anchors only next to a name or a
# placeholder, an outgoing registry number only next to its date)
ANCHORS = {"signature", "distribution", "copies", "signed", "sign-off"}


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
    if G.SIGNED_LABEL.match(t):
        return "signed"
    if G.SIGN_OFF.match(t):
        return "sign-off"
    if G.SEEN_BY.match(t) or G.count_line(t) and not P.COPIES_COUNT.match(t):
        return "distribution"
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
    if is_date_line(t):
        return "date"
    if P.is_office(t) and (not P.PROSE_END.search(t) or t in vocab.offices()):
        return "office"
    if G.MIXED_OFFICE.match(t) and not P.PROSE_END.search(t.removesuffix("a.i.")):
        return "office"
    if G.PLACE_DATE_LINE.match(t):
        return "dateline"
    if P.is_signer_name(t) and (after_only_closing or len(t.split()) <= 4):
        return "name"
    return None


def is_date_line(t: str) -> bool:
    """A date alone on its line, with a final full stop or the relative ``of this year`` (P4),
    a time before it or a year supplied after it (P2: ``11:00 p.m., 19 June [1954]``)."""
    if P.is_date_only(t) or P.is_date_only(G.RELATIVE_YEAR.sub("", t.rstrip("."))):
        return True
    bare = G.SUPPLIED_YEAR.sub("", G.TIME_FIRST.sub("", t))
    return bare != t and P.is_date_only(bare)


def closing_kinds(units: list[Unit]) -> list[str | None]:
    """The kinds of a run of closing-zone candidates, with what depends on the line before:
    an inline list that ends in ``,`` goes on over the next lines (P3), and a known place over a
    date is a place line."""
    kinds = [closing_kind(u, True) for u in units]
    for k in range(1, len(units)):
        prev = text(units[k - 1])
        if kinds[k] in (None, "name") and kinds[k - 1] in ("distribution", "list-more") and (
                P.DIST_INLINE.match(prev) or kinds[k - 1] == "list-more") and (
                prev.endswith(",") or P.LOWER_START.match(text(units[k]))):
            kinds[k] = "list-more"
    for k in range(len(units) - 1):
        # L5/L6: a place of the gazetteer (A.12; a letter-spaced word may be a signer) over a
        # date line is a place line (a journal entry's, or one under the signer), never a
        # signer's name, so the pair anchors nothing (P2)
        if kinds[k] == "name" and kinds[k + 1] == "date" and text(units[k]) in vocab.places():
            kinds[k] = "place"
    return kinds


def is_anchor(kinds: list[str | None], k: int) -> bool:
    """P1: does the line at ``k`` anchor a closing zone?"""
    kind = kinds[k]
    if kind in ANCHORS:
        return True
    near = {kinds[x] for x in (k - 1, k + 1) if 0 <= x < len(kinds)}
    if kind == "office":
        return bool(near & {"name", "signature"})
    if kind == "name":      # P2: a bare name signs when a date or time line follows it
        return k + 1 < len(kinds) and kinds[k + 1] == "date"
    return kind == "outgoing" and "date" in near
