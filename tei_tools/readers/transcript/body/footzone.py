"""F8 footnote zone and §7 P8: which lines are footnote texts, wherever they stand.

A footnote text (``[n] …``, ``(n) …``, ``x/ …``, ``* …``, see ``footmarks``) is taken out of the
document's flow, to be put into its marker's note (B9), when

1. it follows a separator rule (F8; the rule is consumed), or
2. its marker stands earlier in the document (P8 "anywhere": after the paragraph, mid-document,
   under the caption, at the end; ``[n]``, ``x/`` and ``*`` texts), or
3. it is a ``(n)`` text after the last body paragraph, where glued ``(n)`` markers exist (P8:
   elsewhere ``(n)`` is an L13 paragraph number), or
4. it directly follows a text taken already, after the last body paragraph, with no marker (the
   note goes to the last paragraph, TX331).

"After the last body paragraph": only footnote texts and closing-zone lines follow (the summary,
an archival-source line and the end of a cut excerpt are all of that kind).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from . import footmarks
from . import patterns as P
from .closing import closing_kind, text
from .footmarks import TextForm
from .nodes import Unit


@dataclass
class FootnoteZone:
    kept: list[Unit] = field(default_factory=list)      # the document without the zone
    texts: list[Unit] = field(default_factory=list)     # the footnote texts, in reading order
    rules: list[Unit] = field(default_factory=list)     # the separator rules consumed (F8)


class _Scan:
    """What the tests ask about the units: forms, earlier markers, what follows (each worked
    out once, so a document of many footnote-like lines stays linear)."""

    def __init__(self, units: list[Unit]) -> None:
        self.units = units
        self.forms: list[TextForm | None] = [footmarks.text_form(text(u)) for u in units]
        self._first_marker: dict[tuple[str, str], int] = {}
        self._first_paren = len(units)
        self._final: list[bool] | None = None
        wanted = {(f.style, f.n) for f in self.forms if f is not None}
        for k, unit in enumerate(units):
            if not wanted and self._first_paren < len(units):
                break
            t = unit.text()
            form = self.forms[k]
            body = t.strip()[form.start:] if form else t      # a text's own label is no marker
            if self._first_paren == len(units) and footmarks.glued_paren_markers(body):
                self._first_paren = k
            for key in footmarks.markers_in(body) & wanted:
                self._first_marker[key] = k
                wanted.discard(key)

    def marked_before(self, i: int) -> bool:
        form = self.forms[i]
        return form is not None and self._first_marker.get((form.style, form.n), i) < i

    def paren_markers_before(self, i: int) -> bool:
        return self._first_paren < i

    def final(self, k: int) -> bool:
        """Only footnote texts and closing-zone lines from unit ``k`` on."""
        if self._final is None:
            out = [True] * (len(self.units) + 1)
            for j in range(len(self.units) - 1, -1, -1):
                out[j] = out[j + 1] and (self.forms[j] is not None
                                         or closing_kind(self.units[j], True) is not None)
            self._final = out
        return self._final[k]


def split(units: list[Unit], body_start: int) -> FootnoteZone:
    """The footnote texts of ``units`` and the rules before them, and the rest (``body_start``:
    the first body line, as the head scan found it)."""
    zone = FootnoteZone()
    if not any(footmarks.TEXT_LINE.match(text(u)) for u in units):
        zone.kept = list(units)
        return zone
    scan = _Scan(units)
    i = 0
    while i < len(units):
        unit = units[i]
        run = _after_rule(scan, i, body_start)
        if run > i + 1:
            zone.rules.append(unit)
            zone.texts.extend(units[i + 1:run])
            i = run
            continue
        if _is_text(scan, i, body_start, zone):
            if not zone.texts and zone.kept and P.SEPARATOR.match(text(zone.kept[-1])):
                zone.rules.append(zone.kept.pop())   # the rule before the first footnote text
            zone.texts.append(unit)
        else:
            zone.kept.append(unit)
        i += 1
    return zone


def _after_rule(scan: _Scan, i: int, body_start: int) -> int:
    """F8: the end of the footnote texts after a separator rule at ``i`` (``i + 1``: none). The
    rule may close the head zone when the footnote texts start the body."""
    units = scan.units
    if i + 1 < body_start or i + 1 >= len(units) or not P.SEPARATOR.match(text(units[i])):
        return i + 1
    end = i + 1
    while end < len(units) and scan.forms[end] is not None:
        form = scan.forms[end]
        if form.style == "parenthesised" and not scan.paren_markers_before(i):
            break                                   # P8: "(1) …" numbers paragraphs here
        end += 1
    if any(scan.forms[k].style == "parenthesised" for k in range(i + 1, end)) \
            and not scan.final(end):
        # P8: "(n)" texts only after the last body paragraph; before it, numbered paragraphs
        end = next(k for k in range(i + 1, end) if scan.forms[k].style == "parenthesised")
    return end


def _is_text(scan: _Scan, i: int, body_start: int, zone: FootnoteZone) -> bool:
    form = scan.forms[i]
    if form is None:
        return False
    after_body = i >= body_start and scan.final(i + 1)
    if form.style == "parenthesised":
        # rule 3 (and rule 4 for a "(n)" text after one taken)
        return after_body and scan.paren_markers_before(i) and (
            scan.marked_before(i) or _follows_text(scan, i, zone))
    if scan.marked_before(i):
        return True                                  # rule 2
    return after_body and _follows_text(scan, i, zone)   # rule 4


def _follows_text(scan: _Scan, i: int, zone: FootnoteZone) -> bool:
    return bool(zone.texts) and zone.texts[-1] is scan.units[i - 1]
