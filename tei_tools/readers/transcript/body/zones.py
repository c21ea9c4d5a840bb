"""F8 zones: head zone · body · closing zone · footnote zone · attachments.

The head zone ends at the first body line (prose, or a body-structure pattern); the closing zone
is found by the closing package (``closing.extent``); the footnote zone (``footzone``) is a
separator rule followed by footnote texts, or footnote texts wherever P8 finds them; an
attachment starts where a second head zone follows a closing zone.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..context import Context
from . import captions, footzone
from . import patterns as P
from .closing import bracket_label, closing_kind, closing_start, text
from .closing.split import is_attachment_title, mid_document_split, place_date_line, second_head
from .nodes import Unit
from .vocab import caption_subtype


@dataclass
class Segment:
    head: list[Unit] = field(default_factory=list)
    body: list[Unit] = field(default_factory=list)
    closing: list[Unit] = field(default_factory=list)
    no_body_line: bool = False
    attachment: bool = False    # an attached document (L23, P6), not the first segment


@dataclass
class Zones:
    segments: list[Segment]
    footnotes: list[Unit] = field(default_factory=list)
    footnote_rules: list[Unit] = field(default_factory=list)   # rules consumed before them


class HeadScanner:
    """Decides, line by line, whether the head zone goes on (F8, §4 "Head zone")."""

    def __init__(self, speakers: int, journal: bool, sections_ok: bool,
                 attachment: bool = False) -> None:
        self.speakers = speakers
        self.journal = journal
        self.sections_ok = sections_ok
        self.attachment = attachment     # the head zone of an attached document (L23, P6)
        self.caption = False
        self.telegram = False            # a telegram caption was seen: "Date:" is L8
        self.prev: str | None = None     # kind of the previous head line
        self.prev_text = ""              # its text (a caption can go on over lines, P13)

    def body_structure(self, t: str, next_text: str | None = None) -> bool:
        if P.ENTRY_DATE.match(t) and self.caption and self.journal \
                and not (next_text is not None and P.REGISTRY.match(next_text)):
            return True      # P10/L1: a date line with a registry line under it is the head's
        if self.speakers >= 2 and _speaker(t):
            return True
        if P.NUMBERED.match(t) and not P.FOOTNOTE_TEXT.match(t) or P.DASH.match(t) \
                and self.prev not in ("dist-dash", "dist-dash-head"):
            return True
        return bool(self.sections_ok and P.ROMAN_SECTION.match(t))

    def kind(self, unit: Unit, next_unit: Unit | None = None) -> str | None:
        """The head-zone kind of ``unit``, or None when the body starts here. ``next_unit``: the
        line after it, which decides whether a journal date line opens an entry."""
        result = self._kind(unit, None if next_unit is None else text(next_unit))
        self.prev, self.prev_text = result, text(unit)
        return result

    def _kind(self, unit: Unit, next_text: str | None) -> str | None:
        t = text(unit)
        if unit.column_block is not None:
            return "columns"
        if unit.only_bracket() is not None or unit.only_brackets():
            if self.caption and _omission(unit):
                return None          # L6: a "[…]" before the first entry belongs to the body
            return "bracket"
        if self.prev in ("caption",) and (P.LOWER_START.match(t) or (
                t.split(" ")[0] in ("On", "About", "Concerning") and not P.PROSE_END.search(t))
                or captions.continues(self.prev_text, t)):
            return "caption"
        if self.prev in ("to",) and not P.PROSE_END.search(t) and len(t) <= 60 \
                and not P.is_caption(t) and not P.TELEGRAM.match(t) and not P.FIELD.match(t):
            return "to"
        if self.prev in ("letterhead",) and P.LOWER_START.match(t):
            return "letterhead"
        if self.prev in ("participants-open", "group") and P.GROUP_LINE.match(t):
            return "group"
        if self.prev in ("dist-dash-head", "dist-dash") and P.DASH.match(t):
            return "dist-dash"
        if self.body_structure(t, next_text):
            return None
        return self._pattern(t, next_text)

    def _pattern(self, t: str, next_text: str | None = None) -> str | None:
        if P.is_caption(t) or captions.lost_first_line(t):
            self.caption = True
            self.telegram = self.telegram or caption_subtype(t) == "telegram"
            return "caption"
        if self.telegram and t.startswith("Date:"):
            return "telegram"
        if P.FIELD.match(t):
            return "participants-open" if P.FIELD.match(t).group("v") == "" else "field"
        if P.TELEGRAM.match(t) and not P.is_prose(t) or P.TELEGRAM.match(t) and len(t) < 90:
            return "telegram"
        if P.DIST_INLINE.match(t) or P.FYI.match(t):
            return "dist-inline"
        if P.DIST_DASH_HEAD.match(t):
            return "dist-dash-head"
        if P.COPIES_COUNT.match(t):
            return "copies"
        if P.ATTACHMENT_COUNT.match(t):
            return "attachments"
        if P.REGISTRY.match(t) or P.COPY.search(t) and len(t) < 40:
            return "registry"
        if P.classification_term(t):
            return "classification"
        if P.SALUTE_OPEN.match(t):
            return "salute"
        if P.ADDRESSEE.match(t) and not P.PROSE_END.search(t):
            return "to"
        if P.is_date_only(t) or P.place_date(t) or P.is_place(t):
            return "dateline"
        if P.MOTTO.match(t):
            return "motto"
        if P.is_letterhead(t) and not self.caption:
            return "letterhead"
        if self.attachment and place_date_line(t):
            return "dateline"      # P6: "Pyongyang 11/26/64" opens an attached document
        if self.attachment and not self.caption and is_attachment_title(t):
            self.caption = True
            return "caption"       # P6: the attached document's own title
        if P.is_prose(t) and not P.is_spaced_line(t) and not _title_over_fields(t, next_text):
            return None
        return "unknown"


def _title_over_fields(t: str, next_text: str | None) -> bool:
    """L9/P15: a line without final punctuation directly over a memorandum field line
    (``Those Taking Part: …``) is the document's title, so the fields stay in the head zone."""
    return next_text is not None and not P.PROSE_END.search(t) and len(t) <= 160 \
        and bool(P.FIELD.match(next_text))


def _omission(unit: Unit) -> bool:
    c = bracket_label(unit) or ""
    return bool(c) and set(c.replace(" ", "")) <= set("….") and ("…" in c or "..." in c)


def _speaker(t: str) -> bool:
    m = P.speaker(t)
    if m and P.is_speaker_label(m.group("label")):
        return True
    m = P.SPEAKER_CAPS.match(t)
    return bool(m) and not P.ROMAN_SECTION.match(t) and P.is_caps_label(m.group("label"))


def count_speakers(units: list[Unit]) -> int:
    return sum(1 for u in units if _speaker(text(u)))


def sections_valid(units: list[Unit]) -> bool:
    """L14: at least two roman headings in sequence (I, II, …)."""
    nums = [P.ROMAN_SECTION.match(text(u)).group("n") for u in units
            if P.ROMAN_SECTION.match(text(u)) and not P.PROSE_END.search(text(u))]
    order = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"]
    return len(nums) >= 2 and nums[:2] == order[:2]


def head_end(units: list[Unit], start: int, journal: bool, speakers: int,
             sections_ok: bool, ctx: Context | None = None, attachment: bool = False) -> int:
    """Index of the first body line after ``start`` (TX430 when there is none)."""
    scanner = HeadScanner(speakers, journal, sections_ok, attachment)
    caption_at = -1
    for i in range(start, len(units)):
        kind = scanner.kind(units[i], units[i + 1] if i + 1 < len(units) else None)
        if kind is None:
            return i
        if kind == "caption":
            caption_at = i
    if ctx is not None:
        u = units[start] if start < len(units) else None
        ctx.emit("TX430", line=u.pos.line if u else None, col=u.pos.col if u else None)
    if caption_at >= 0:
        return caption_at + 1
    return start


def _attachment_at(units: list[Unit], body_start: int, journal: bool, speakers: int,
                   sections_ok: bool) -> int | None:
    """L23: a second head zone after a closing zone starts an attached document."""
    for k in range(body_start + 1, len(units)):
        u = units[k]
        t = text(u)
        starts_head = (u.column_block is not None
                       or (P.is_caption(t) and P.is_all_caps(t))
                       or (P.is_letterhead(t) and P.is_all_caps(t)))
        if not starts_head or P.is_office(t) or (u.column_block is None
                                                 and closing_kind(u, True) is not None):
            continue
        prev = closing_kind(units[k - 1], True)
        if prev not in ("drafting", "distribution", "signature", "outgoing", "name", "office"):
            continue
        after = head_end(units, k, journal, speakers, sections_ok)
        has_caption = any(units[x].column_block is not None or P.is_caption(text(units[x]))
                          for x in range(k, after))
        if has_caption and after < len(units) and P.is_prose(text(units[after])):
            return k
    return None


def find_zones(units: list[Unit], ctx: Context, journal_hint: bool = False) -> Zones:
    """Split the units into segments (document + attachments) and the footnote zone."""
    speakers = count_speakers(units)
    sections_ok = sections_valid(units)
    first_body = head_end(units, 0, journal_hint or _journal(units), speakers, sections_ok)
    zone = footzone.split(units, first_body)
    units = zone.kept
    segments: list[Segment] = []
    start = 0
    while True:
        journal = journal_hint or _journal(units[start:])
        h, split, sign = _segment_end(units, start, journal, speakers, sections_ok, ctx)
        if split is not None and journal != (journal_hint or _journal(units[start:split])):
            # the journal caption was the attachment's: read this segment again without it
            journal = not journal
            h, split, sign = _segment_end(units, start, journal, speakers, sections_ok, ctx)
        end = split if split is not None else len(units)
        c = max(closing_start(units[:end], h, at_end=split is None), h)
        if sign is not None:
            name, anchor = sign
            ctx.emit("TX441", line=units[split].pos.line, col=units[split].pos.col, sign=name)
            # P6: the zone runs from its first anchor's start to the second head zone
            c = max(min(c, closing_start(units[:anchor + 1], h, at_end=False)), h)
        if c == h:
            c = end        # a closer needs a body before it (TEI): no body, no closing zone
        segments.append(Segment(units[start:h], units[h:c], units[c:end],
                                attachment=start > 0))
        if split is None:
            break
        start = split
    return Zones(segments, zone.texts, zone.rules)


def _segment_end(units: list[Unit], start: int, journal: bool, speakers: int,
                 sections_ok: bool,
                 ctx: Context) -> tuple[int, int | None, tuple[str, int] | None]:
    """The first body line of the segment at ``start``, where the next one starts (None: it
    runs to the end) and, for a P6 split, the sign of the second head zone. The earliest of the
    attachment rules wins: L23 (a second head zone after the closing zone at the end of a
    text) and P6 (a closing zone in mid-document)."""
    h = head_end(units, start, journal, speakers, sections_ok, ctx, attachment=start > 0)
    l23 = _attachment_at(units, h, journal, speakers, sections_ok)

    def has_body(k: int) -> bool:
        scanner = HeadScanner(speakers, _journal(units[k:]), sections_ok, attachment=True)
        return any(scanner.kind(units[x]) is None for x in range(k, len(units)))

    p6 = mid_document_split(units[:l23] if l23 is not None else units, h, has_body)
    if p6 is not None:
        anchor, split = p6
        return h, split, (second_head(units, split) or "", anchor)
    return h, l23, None


def _journal(units: list[Unit]) -> bool:
    return captions.is_journal((text(u) for u in units), None)     # L6, P13
