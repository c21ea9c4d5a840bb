"""The closing-zone kind of one line (L19–L23, L29): what the rules and the zone finder see."""

from __future__ import annotations

import re

from ...signatures import BRACKET_CONTENT, PARENTHESISED, SLASHED
from .. import patterns as P
from .. import vocab
from ..classify import content
from ..nodes import Bracket, Unit
from . import grammar as G

# lower-case words of office and name lines (L19, A.15)
_PARTICLES = {"of", "the", "in", "to", "and", "for", "at", "on", "ad", "interim", "a.i", "de",
              "van", "von", "der", "du", "d'Affaires", "chargé"}
# the kinds of a signature block's lines, after which an addressee block may follow (P2)
_SIGNER_KINDS = {"signature", "name", "office", "signed", "sign-off", "date"}
# P1: the kinds that anchor a closing zone (an office line anchors only next to a name or a
# placeholder, an outgoing registry number only next to its date)
ANCHORS = {"signature", "distribution", "copies", "signed", "sign-off"}


def text(unit: Unit) -> str:
    return unit.text().strip()


def bracket_label(unit: Unit) -> str | None:
    """The content of a bracket-only unit, else None."""
    br = unit.only_bracket()
    return content(br) if isinstance(br, Bracket) else None


def has_placeholder(unit: Unit) -> bool:
    """A signature placeholder on the line (B17, P2): a bracket, or the slash or parenthesised
    form in its text."""
    return any(isinstance(n, Bracket) and BRACKET_CONTENT.match(content(n)) for n in unit.nodes) \
        or bool(SLASHED.search(unit.text()) or PARENTHESISED.search(unit.text()))


def _running_text(t: str) -> bool:
    """A sentence around a placeholder (``He left, and [signature] the paragraph goes on.``):
    more than one lower-case word that is no particle of an office or a name."""
    words = re.sub(r"\[[^\]]*\]|\([^)]*\)|/[^/]*/", " ", t).split()
    return sum(1 for w in words if w[:1].islower() and w.strip(".,:;") not in _PARTICLES) > 1


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
    if not after_only_closing:
        return _closing_kind(unit, False)
    memo = unit.closing_kind_memo
    if memo is not None and memo[0] is unit.nodes:
        return memo[1]
    kind = _closing_kind(unit, True)
    unit.closing_kind_memo = (unit.nodes, kind)
    return kind


def _closing_kind(unit: Unit, after_only_closing: bool) -> str | None:
    t = text(unit)
    if P.SPRAVKA.match(t):
        return "spravka"
    if P.CERTIFIED.match(t):
        return "certification"
    if has_placeholder(unit) and len(t) < 90 and not _running_text(t) \
            or bracket_label(unit) == "illegible":
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
    if G.REGISTRY_LINE.match(t):
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
    """The kinds of a run of closing-zone candidates, with what depends on the line before
    (P3): the name lines under a ``Seen by`` head are its recipients, and an inline list that
    ends in ``,`` goes on over the next lines; a gazetteer place over a date is a place line."""
    kinds = [closing_kind(u, True) for u in units]
    for k in range(1, len(units)):
        prev = text(units[k - 1])
        if kinds[k] is None and G.ORDINAL.match(text(units[k])) and (
                kinds[k - 1] == "distribution" or k + 1 < len(units)
                and G.recipient_line(text(units[k + 1]))):
            kinds[k] = "distribution"      # P3: an ordinal line in a list, not alone
            continue
        if (G.ADDRESSEE_AFTER.match(text(units[k])) and kinds[k - 1] in _SIGNER_KINDS
                or kinds[k - 1] == "addressee" and _addressee_goes_on(units[k], kinds[k])):
            kinds[k] = "addressee"         # P2: the addressee block after the signature
            continue
        if is_recipient(text(units[k]), kinds[k]) and (
                kinds[k - 1] == "recipient" or G.SEEN_BY.match(prev)):
            kinds[k] = "recipient"
            continue
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


def _addressee_goes_on(unit: Unit, kind: str | None) -> bool:
    """The name, office and place lines of an addressee block (no bracket, no sentence)."""
    t = text(unit)
    return kind in (None, "name", "office") and unit.only_bracket() is None \
        and len(t.split()) <= 8 and not P.PROSE_END.search(t)


def is_recipient(t: str, kind: str | None) -> bool:
    """P3: a name line of a headed list (``Seen by`` ⏎ ``Comrade Puja``): short, no sentence."""
    return kind in (None, "name", "office") and len(t.split()) <= 6 \
        and not P.PROSE_END.search(t) and not P.SEPARATOR.match(t)


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
