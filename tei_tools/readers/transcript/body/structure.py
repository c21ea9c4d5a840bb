"""The body part of one document (or attachment): journal entries (L6), roman sections (L14),
and the flow of paragraphs between them."""

from __future__ import annotations

from lxml import etree

from . import atoms, dates
from . import patterns as P
from .classify import content
from .flow import Speakers, build_flow, unit_items
from .inline import render
from .nodes import Unit
from .state import Env
from .tei import el, local


def _is_gap_only(unit: Unit, env: Env) -> bool:
    br = unit.only_bracket()
    if br is None:
        return False
    c = content(br)
    return bool(c) and set(c.replace(" ", "")) <= set("….") and ("…" in c or "..." in c)


def build_entries(units: list[Unit], env: Env, speakers_on: bool, speakers: Speakers,
                  held_place: etree._Element | None) -> list[etree._Element]:
    """L6: ``div[@type='entry']`` per bare date line; ``[…]`` lines between entries stay
    between the divs."""
    starts = [i for i, u in enumerate(units) if P.ENTRY_DATE.match(u.text().strip())]
    if not starts:
        return build_flow(units, env, speakers_on, speakers)
    out = build_flow(units[:starts[0]], env, speakers_on, speakers)
    seen: dict[str, int] = {}
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(units)
        between: list[Unit] = []
        while end - 1 > s and _is_gap_only(units[end - 1], env) and k + 1 < len(starts):
            end -= 1
            between.insert(0, units[end])
        div = el("div", {"type": "entry"})
        dateline = el("dateline", parent=div)
        if k == 0 and held_place is not None:
            dateline.append(held_place)
            el("lb", parent=dateline)
        unit = units[s]
        env.pos = unit.pos
        items = dates.mark_dates(atoms.strip(render(unit.nodes, env, markup=False)),
                                 env.dates, entry=True)
        dates.flush_notes(env.dates, env.ctx, unit.pos, unit.nodes)
        atoms.fill(dateline, items)
        when = dates.first_when(dateline)
        _check_period(when, env, unit)
        if when:
            base = f"{env.docid}-e{when}"
            seen[base] = seen.get(base, 0) + 1
            ident = base if seen[base] == 1 else f"{base}-{seen[base]}"
            if seen[base] > 1:
                env.ctx.emit("TX421", **env.where(unit.pos), when=when)
        else:
            ident = f"{env.docid}-e{k + 1}"
        div.set("{http://www.w3.org/XML/1998/namespace}id", ident)
        for node in build_flow(units[s + 1:end], env, speakers_on, speakers):
            div.append(node)
        out.append(div)
        for u in between:
            out.extend(build_flow([u], env, False, None))
    return out


def _check_period(when: str | None, env: Env, unit: Unit) -> None:
    period = env.dates.period
    if when and period and not (period[0] <= when <= period[1]):
        env.ctx.emit("TX420", **env.where(unit.pos), when=when)


def _heading(t: str) -> bool:
    return (len(t) < 40 and not P.PROSE_END.search(t) and t[:1].isupper()
            and not P.NUMBERED.match(t) and not P.DASH.match(t) and not P.SEPARATOR.match(t)
            and "[" not in t)


def build_sections(units: list[Unit], env: Env, speakers_on: bool,
                   speakers: Speakers) -> list[etree._Element]:
    """L14: ``div[@type='section'][@n]`` per roman heading; a short heading after the last
    section starts an unnumbered section."""
    starts = [i for i, u in enumerate(units)
              if P.ROMAN_SECTION.match(u.text().strip())
              and not P.PROSE_END.search(u.text().strip())]
    if starts:
        last = starts[-1]
        for i in range(last + 2, len(units) - 1):
            if _heading(units[i].text().strip()):
                starts.append(i)
                break
    out = build_flow(units[:starts[0]], env, speakers_on, speakers) if starts else []
    for k, s in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(units)
        t = units[s].text().strip()
        m = P.ROMAN_SECTION.match(t)
        div = el("div", {"type": "section", "n": m.group("n") if m else None})
        atoms.fill(el("head", parent=div), unit_items(units[s], env))
        for node in build_flow(units[s + 1:end], env, speakers_on, speakers):
            div.append(node)
        if len(div) == 1:
            el("p", parent=div)
        out.append(div)
    return out


_DIV_TOP = ("head", "dateline", "salute", "signed", "byline", "docAuthor", "docDate")
_OWN_LINE = ("note", "gap", "fw", "milestone", "pb")


def fix_order(nodes: list[tuple[str, etree._Element]]) -> list[etree._Element]:
    """divTop parts after a model.common element would fail TEI: an opener that follows a
    list or ab is dissolved (each of its lines becomes an ``ab``, stamps become ``fw``, notes
    stay), and a head or dateline standing there becomes ``ab``."""
    out: list[etree._Element] = []
    common = False
    for placement, node in nodes:
        if placement == "held":
            continue
        if placement == "common":
            common = True
        if not common or local(node) not in ("opener",) + _DIV_TOP:
            out.append(node)
        elif local(node) != "opener":
            node.tag = TEI + "ab"            # the same line, in a paragraph-like element
            out.append(node)
        else:
            out.extend(_opener_lines(node))
    return out


def _opener_lines(opener: etree._Element) -> list[etree._Element]:
    """The opener's lines as D reads them (§6.5): phrase children up to an ``lb`` share one
    ``ab``; stamps, notes and block children stand on lines of their own."""
    out: list[etree._Element] = []
    line: list[etree._Element] = []

    def flush() -> None:
        if line:
            ab = el("ab")
            for child in line:
                if len(ab):
                    ab[-1].tail = " "
                ab.append(child)
            out.append(ab)
            line.clear()

    for child in list(opener):
        child.tail = None
        name = local(child)
        if name == "lb":
            flush()
        elif name == "stamp":
            flush()
            fw = el("fw", {"type": "stamp"})
            fw.append(child)
            out.append(fw)
        elif name in _OWN_LINE:
            flush()
            out.append(child)
        elif name in _DIV_TOP:
            flush()
            child.tag = TEI + "seg"            # not allowed in ab; the text stays
            out.append(_ab_of(child))
        else:
            line.append(child)
    flush()
    return out


def _ab_of(child: etree._Element) -> etree._Element:
    ab = el("ab")
    ab.append(child)
    return ab


TEI = "{http://www.tei-c.org/ns/1.0}"
