"""The body of the transcript reader: document text lines → ``div[@type='document']``.

Stages (conventions.md F8 "Processing order"), each in its own module:

1. ``lines``      drop blank lines, re-join split ordinals (F2, L24);
2. ``columns``    find collapsed multi-column headers before parsing (B20, B19);
3. ``lexer``, ``parser``  bracket tokens and units over the whole text (§3.1, B14, B26, B27c);
4. ``zones``      head zone, body, closing zone, footnote zone, attachments (F8);
5. ``repairs``    orphan "]" in a head zone (B27a);
6. ``head``, ``flow``, ``structure``, ``closing``  layout (§4) with ``inline``, ``classify``,
   ``brackets``, ``stamps``, ``handwriting``, ``dates`` for the content (§3.3, §3.4, L7).

``build_body`` never drops text: a line that fits no rule becomes ``p`` (body) or an opener
``seg`` (head) with info TX410.
"""

from __future__ import annotations

import re
import traceback
from dataclasses import dataclass

from lxml import etree

from ....diagnostics import TeiToolsError, error
from ..context import Context
from ..hints import NO_HINTS, BodyHints
from . import captions, dates, double_label, footmarks, label_only, unopened_hand, zones
from . import patterns as P
from .closing import build_closing
from .columns import build_block, find_blocks
from .facts import BodyFacts
from .finish import Draft, finish
from .flow import Speakers, build_flow
from .head import build_head, declared_heading
from .lines import TextLine, prepare
from .nodes import SourceLine, Text, Unit
from .parser import parse, stop_test
from .repairs import repair_orphans
from .state import Env, Footnote
from .structure import build_entries, build_sections, fix_order
from .tei import el
from .vocab import type_subtype

__all__ = ["Body", "build_body", "footnote_zone"]

_NUMERIC_DATE = re.compile(r"(?=\d)(?<![\d/.])(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})(?![\d/])")


@dataclass
class Body:
    div: etree._Element
    facts: BodyFacts


def _is_journal(lines: list[SourceLine], hints: BodyHints) -> bool:
    return captions.is_journal((ln.text.strip() for ln in lines), type_subtype(hints.doc_type))


def to_units(lines: list[SourceLine], ctx: Context,
             hints: BodyHints = NO_HINTS) -> list[Unit]:
    """Column blocks first (B20), then the bracket parser over the rest."""
    _stops = stop_test(_is_journal(lines, hints))
    units: list[Unit] = []
    last = 0
    for first, end, n, implicit in find_blocks(lines):
        units.extend(parse(lines[last:first], ctx, _stops))
        units.append(build_block(lines[first:end + 1], n, implicit, ctx))
        last = end + 1
    units.extend(parse(lines[last:], ctx, _stops))
    # P10: [Stamp]: content; P11: [Handwritten]: content, [[Handwriting …]: content ]], and a
    # quoted handwriting note whose "[handwritten:" line was lost
    return unopened_hand.merge(double_label.merge(label_only.merge(units)), ctx)


def footnote_zone(lines: list[SourceLine], ctx: Context, hints: BodyHints = NO_HINTS
                  ) -> tuple[list[list[int]], set[int]]:
    """N8 for the round-trip check: the line numbers of each footnote text, in reading order,
    and of the separator rules consumed before them, as the reader finds them (P8)."""
    prepared, _ = prepare(lines, ctx)
    _, units = declared_heading(to_units(prepared, ctx, hints), hints)
    plan = zones.find_zones(units, ctx)
    return ([u.lines for u in plan.footnotes],
            {n for u in plan.footnote_rules for n in u.lines})


def _unsplit_columns(units: list[Unit], ctx: Context) -> list[Unit]:
    """B20 is a head-zone layout: a column block that the zones put in the body or closing zone
    (a document without a body line, TX430) is read again as ordinary lines."""
    out: list[Unit] = []
    for unit in units:
        block = unit.column_block
        if block is None:
            out.append(unit)
            continue
        rows = [TextLine(text, pos.line, pos.col) for text, pos in block.rows]
        out.extend(parse(rows, ctx))
    return out


def _footnotes(texts: list[Unit], rest: list[Unit], env: Env) -> None:
    """B9: the footnote texts by number, and (P7) the numbers whose bare-digit markers in the
    rest of the document are markers."""
    forms = []
    for unit in texts:
        form = footmarks.text_form(unit.text().strip())
        if form is None:
            continue
        forms.append(form)
        nodes = list(unit.nodes)
        if form.style == "bracketed":
            nodes = nodes[1:]        # the "[n]" bracket
        else:
            first = nodes[0]
            assert isinstance(first, Text)
            lead = len(first.text) - len(first.text.lstrip())
            cut = lead + len(footmarks.label(form.n, form.style))
            nodes = [Text(first.text[cut:].lstrip(), first.pos)] + nodes[1:]
        if nodes and isinstance(nodes[0], Text):
            nodes[0] = Text(nodes[0].text.lstrip(), nodes[0].pos)
        # a repeated number keeps both texts (the second one has no marker of its own: TX331)
        key, k = form.n, 1
        while key in env.footnotes:
            k += 1
            key = f"{form.n}-{k}"
        env.footnotes[key] = Footnote(form.n, form.style, nodes, unit.pos)
    env.plain_numbers = footmarks.plain_numbers("\n".join(u.text() for u in rest), forms)


def _prescan(units: list[Unit], env: Env, ctx: Context) -> None:
    """Document date and journal period, needed before any date is built (year inference)."""
    for u in units:
        for m in dates.DATE_RE.finditer(u.text()):
            g = m.groupdict()
            if (g.get("rd1") or g.get("pd1")) and env.dates.period is None:   # L30 period
                attrs, _ = dates.attributes(g, dates.DateEnv())
                if attrs.get("from"):
                    env.dates.period = (attrs["from"], attrs["to"])
            if env.dates.doc_when is None and (g.get("y") or g.get("xy") or g.get("ny")
                                               or g.get("ay")):
                attrs, _ = dates.attributes(g, dates.DateEnv())
                if attrs.get("when"):
                    env.dates.doc_when = attrs["when"][:10]
    if env.dates.doc_when is None:
        env.dates.doc_when = env.hints.catalogue_when


def build_body(lines: list[SourceLine], ctx: Context,
               hints: BodyHints = NO_HINTS) -> Body:
    """The ``div[@type='document']`` and the facts the header needs.

    An unexpected exception becomes error TX199 at the unit being processed (§6.1 rule 1).
    """
    env = Env(ctx, ctx.docid, hints)
    env.raw_lines = {ln.number: ln.raw for ln in lines if getattr(ln, "raw", "")}
    try:
        return _build(lines, ctx, env)
    except TeiToolsError:
        raise
    except Exception as exc:  # §6.1: never crash; the position says which unit failed
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        pos = env.pos
        raise error("TX199", path=ctx.path, line=pos.line if pos else None,
                    col=pos.col if pos else None, error=f"{type(exc).__name__}: {exc}",
                    details=f" (raised in {frame.name}, "
                            f"{frame.filename.rsplit('/', 1)[-1]}:{frame.lineno})") from exc


def _build(lines: list[SourceLine], ctx: Context, env: Env) -> Body:
    prepared, joins = prepare(lines, ctx)
    units = to_units(prepared, ctx, env.hints)
    for u in units:
        if u.lines and u.lines[0] in joins:
            u.superscripts = joins[u.lines[0]]
    heading, units = declared_heading(units, env.hints)
    plan = zones.find_zones(units, ctx)
    plan.segments[0].head[:0] = heading
    for seg in plan.segments:
        seg.body = _unsplit_columns(seg.body, ctx)
        seg.closing = _unsplit_columns(seg.closing, ctx)
    _footnotes(plan.footnotes, [u for seg in plan.segments
                                for part in (seg.head, seg.body, seg.closing) for u in part], env)
    _prescan([u for s in plan.segments[:1] for u in s.head], env, ctx)
    # L7: m/d/yy is read month first when the document has an unambiguous US-order date
    env.dates.us_order = any(int(m.group(2)) > 12 for u in units if "/" in u.text()
                             for m in _NUMERIC_DATE.finditer(u.text()))
    subtype = type_subtype(env.hints.doc_type)
    head_texts = [u.text().strip() for u in plan.segments[0].head]
    caption_kind = captions.document_kind(head_texts)
    # P13: the captions after the head zone can still make a journal caption a memcon
    journal = captions.is_journal([u.text().strip() for u in units], subtype)
    div = el("div", {"type": "document", "subtype": subtype or caption_kind or "other",
                     "xml:id": f"{env.docid}-doc"})
    containers = [div]
    if len(plan.segments) > 1:
        containers = [el("div", {"type": "main" if k == 0 else "attachment"}, parent=div)
                      for k in range(len(plan.segments))]
    speakers = Speakers(env, units)
    speakers_on = zones.count_speakers([u for s in plan.segments for u in s.body]) >= 2
    for seg, box in zip(plan.segments, containers, strict=True):
        if len(plan.segments) > 1:     # P6: a cover letter before an attached journal
            journal = captions.is_journal([u.text().strip() for u in _units_of(seg)], None)
        for node in _segment(seg, env, journal, speakers_on, speakers):
            box.append(node)
        if not len(box):
            el("p", parent=box)
    finish(Draft(div, env, plan, subtype, caption_kind))
    return Body(div, env.facts)


def _segment(seg: zones.Segment, env: Env, journal: bool, speakers_on: bool,
             speakers: Speakers) -> list[etree._Element]:
    env.zone = "head"
    head_units = repair_orphans(seg.head, env.ctx)
    # L6: a place line directly before the first entry goes into its dateline
    first = seg.body[0] if seg.body else None
    next_entry = journal and first is not None and bool(P.ENTRY_DATE.match(first.text()))
    head_out = build_head(head_units, env, next_entry, seg.attachment)
    held = _held_place(head_out)
    env.zone = "body"
    sections = zones.sections_valid(seg.body)
    if journal:
        body = build_entries(seg.body, env, speakers_on, speakers, held)
    elif sections:
        body = build_sections(seg.body, env, speakers_on, speakers)
    else:
        body = build_flow(seg.body, env, speakers_on, speakers)
    closing = build_closing(seg.closing, env)
    if any(etree.QName(n).localname == "div" for n in body):
        closing = _after_divs(closing)
    top = fix_order(head_out)
    if closing and not any(etree.QName(n).localname not in _GLOBAL for n in top + body
                           if etree.QName(n).localname not in _DIV_TOP):
        # TEI: closer/postscript need a paragraph-like element before them; a degenerate
        # document of notes only gets an empty paragraph (it holds no text)
        body.append(el("p"))
    return top + body + closing


def _units_of(seg: zones.Segment) -> list[Unit]:
    return seg.head + seg.body + seg.closing


_GLOBAL = {"note", "gap", "pb", "milestone", "fw", "lb"}
_DIV_BOTTOM = {"closer", "postscript", "signed", "trailer"}


def _after_divs(closing: list[etree._Element]) -> list[etree._Element]:
    """After journal entries or sections (div) TEI allows only divBottom and global elements,
    so closing lines such as an attachment notice (ab) go into a postscript there; a gap or
    note after the closer (P5) stays as it is."""
    out: list[etree._Element] = []
    wrapper: etree._Element | None = None
    for node in closing:
        if etree.QName(node).localname in _DIV_BOTTOM or (
                etree.QName(node).localname in _GLOBAL and wrapper is None):
            out.append(node)
            wrapper = None
            continue
        if wrapper is None:
            wrapper = el("postscript")
            out.append(wrapper)
        wrapper.append(node)
    return out
_DIV_TOP = {"opener", "head", "dateline", "salute", "signed", "byline", "argument", "epigraph"}


def _held_place(head_out: list) -> etree._Element | None:
    return next((node for placement, node in head_out if placement == "held"), None)



