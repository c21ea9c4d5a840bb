"""L7 dates: find the date forms of conventions.md §4 "L7" in mixed content → ``date``.

Every date keeps its text verbatim; the ISO value goes to ``@when`` (or ``@from``/``@to``). A
year that is not written is inferred from the journal period or the document date and marked
``@cert`` + ``@resp='#conv'`` (TX501/TX502). Forms that cannot be normalised keep no ``@when``
(TX503/TX504).
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field

from lxml import etree

from ..context import Context
from . import atoms
from .atoms import Item
from .nodes import Pos, locate
from .tei import el
from .vocab import MONTH_RE, month_number, roman_month

_ROMAN = r"(?:XII|XI|X|IX|VIII|VII|VI|V|IV|III|II|I)"
# a quoted day, curly or straight quotes (L7; the straight form in PDF exports, P12)
# an English ordinal day, ``11th May 1962`` (P6 pages), keeps its suffix in the date's text
_DAY = r"(?:[“\"](?P<qd>\d{1,2})[”\"]|(?P<d>\d{1,2})(?:st|nd|rd|th)?)"
_TIME = (r"(?:,? at (?P<th>\d{1,2}) hours (?P<tm>\d{1,2}) minutes"
         r"|,? at (?P<ch>\d{1,2}):(?P<cm>\d{2})"
         r"|, (?P<r1h>\d{1,2}):(?P<r1m>\d{2})(?:-(?P<r2h>\d{1,2}):(?P<r2m>\d{2}))?"
         r"(?: (?P<ampm>[ap])\.m\.)?)?")
DATE_RE = re.compile(
    r"(?<![\w.:/])(?:"
    rf"(?P<rd1>\d{{1,2}}) (?:through|to) (?P<rd2>\d{{1,2}}) (?P<rm>{MONTH_RE}) (?P<ry>\d{{4}})"
    # L30/P13: a caption period across months, ``8 May through 26 May 1961``
    rf"|(?P<pd1>\d{{1,2}}) (?P<pm1>{MONTH_RE}) (?:through|to) (?P<pd2>\d{{1,2}}) "
    rf"(?P<pm2>{MONTH_RE}) (?P<py>\d{{4}})"
    # P10: a day range in a stamp, ``11/12 May``, ``12-18 May 1958``
    rf"|(?P<gd1>\d{{1,2}})[/-](?P<gd2>\d{{1,2}}) (?P<gm>{MONTH_RE})(?:,? (?P<gy>\d{{4}}))?"
    # P4: a relative year, ``4 May of this year``, is the year of the document (@cert)
    rf"|{_DAY} (?P<m>{MONTH_RE})(?:,? (?P<y>\d{{4}})| (?P<rel>of this year))?"
    # P2: year first, ``1971 May 4`` (a foot dateline of Hungarian reports)
    rf"|(?P<fy>\d{{4}}) (?P<fm>{MONTH_RE}) (?P<fd>\d{{1,2}})"
    rf"|(?P<xd>\d{{1,2}})(?P<sep>[. ])(?P<xm>{_ROMAN})(?P=sep)(?P<xy>\d{{4}}|\d{{2}})"
    r"|(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>\d{4}|\d{2})"
    r"|(?P<ua>\d{1,2})/(?P<ub>\d{1,2})/(?P<uy>\d{2}|\d{4})"
    rf"|(?P<sd>\d{{1,2}})/(?P<sm>{_ROMAN})"
    rf"|(?P<am>{MONTH_RE}) (?P<ad>\d{{1,2}}), (?P<ay>\d{{4}})"
    rf"|(?P<om>{MONTH_RE}) (?P<oy>\d{{4}})"
    rf"){_TIME}(?![\w/])")
# What every form holds: a digit, and next to it a month name or a separator followed by a
# digit or a roman month. Runs of text without it skip the long alternation; the digit test
# alone discards most of them fastest.
_HAS_DIGIT = re.compile(r"\d")
_DATE_CORE = re.compile(rf"\d(?:[./ -][\dIVX]|(?:[”\"]|st|nd|rd|th)? {MONTH_RE})|{MONTH_RE} \d")
DATE_SEARCH = atoms.Prefiltered(
    DATE_RE, lambda text: _HAS_DIGIT.search(text) and _DATE_CORE.search(text))


@dataclass
class DateEnv:
    """What year inference needs: the document date and the journal period (ISO strings)."""

    doc_when: str | None = None
    period: tuple[str, str] | None = None
    us_order: bool = False
    # (code, message, matched text) to report
    notes: list[tuple[str, str]] = field(default_factory=list)  # (code, date as written)


def _year2(y: str) -> int:
    return int(y) if len(y) == 4 else 1900 + int(y)


def _iso(y: int, m: int, d: int) -> str | None:
    try:
        return datetime.date(y, m, d).isoformat()
    except ValueError:
        return None


def _time(g: dict, iso: str | None) -> dict[str, str]:
    if iso is None:
        return {}
    if g.get("th"):
        return {"when": f"{iso}T{int(g['th']):02d}:{int(g['tm']):02d}:00"}
    if g.get("ch"):
        return {"when": f"{iso}T{int(g['ch']):02d}:{g['cm']}:00"}
    if g.get("r1h"):
        shift = 12 if g.get("ampm") == "p" else 0
        h1 = int(g["r1h"]) + (shift if int(g["r1h"]) < 12 else 0)
        t1 = f"{iso}T{h1:02d}:{g['r1m']}:00"
        if g.get("r2h"):
            h2 = int(g["r2h"]) + (shift if int(g["r2h"]) < 12 else 0)
            return {"from": t1, "to": f"{iso}T{h2:02d}:{g['r2m']}:00"}
        return {"when": t1}
    return {"when": iso}


def infer_year(month: int, day: int, env: DateEnv) -> int | None:
    """The year of a date written without one: from the journal period, else the document."""
    if env.period:
        y1, y2 = int(env.period[0][:4]), int(env.period[1][:4])
        for y in range(y1, y2 + 1):
            iso = _iso(y, month, day)
            if iso and env.period[0][:7] <= iso[:7] <= env.period[1][:7]:
                return y
        return y1
    if env.doc_when:
        return int(env.doc_when[:4])
    return None


def attributes(g: dict, env: DateEnv, entry: bool = False) -> tuple[dict[str, str], str | None]:
    """@when/@from/@to (+@cert/@resp) for one match; also a diagnostic code or None."""
    if g.get("rd1"):
        m, y = month_number(g["rm"]), int(g["ry"])
        a, b = _iso(y, m, int(g["rd1"])), _iso(y, m, int(g["rd2"]))
        return ({"from": a, "to": b}, None) if a and b else ({}, "TX504")
    if g.get("pd1"):
        y = int(g["py"])
        a = _iso(y, month_number(g["pm1"]), int(g["pd1"]))
        b = _iso(y, month_number(g["pm2"]), int(g["pd2"]))
        return ({"from": a, "to": b}, None) if a and b and a <= b else ({}, "TX504")
    if g.get("gd1"):
        return _day_range(g, env)
    if g.get("m"):
        m = month_number(g["m"])
        day = int(g["qd"] or g["d"])
        if g.get("y"):
            iso = _iso(int(g["y"]), m, day)
            return (_time(g, iso), None) if iso else ({}, "TX504")
        y = infer_year(m, day, env)
        iso = _iso(y, m, day) if y else None
        if not iso:
            return {}, "TX504"
        attrs = _time(g, iso)
        attrs.update({"cert": "high" if entry else "medium", "resp": "#conv"})
        return attrs, "TX502" if entry else "TX501"
    if g.get("fy"):
        iso = _iso(int(g["fy"]), month_number(g["fm"]), int(g["fd"]))
        return (_time(g, iso), None) if iso else ({}, "TX504")
    if g.get("xd"):
        iso = _iso(_year2(g["xy"]), roman_month(g["xm"]), int(g["xd"]))
        return (_time(g, iso), None) if iso else ({}, "TX504")
    if g.get("nd"):
        iso = _iso(_year2(g["ny"]), int(g["nm"]), int(g["nd"]))
        return (_time(g, iso), None) if iso else ({}, "TX504")
    if g.get("ua"):
        a, b, y = int(g["ua"]), int(g["ub"]), _year2(g["uy"])
        if b > 12 or (env.us_order and a <= 12):
            iso = _iso(y, a, b)
            return (_time(g, iso), None) if iso else ({}, "TX504")
        if a > 12:
            iso = _iso(y, b, a)
            return (_time(g, iso), None) if iso else ({}, "TX504")
        return {}, "TX503"
    if g.get("sd"):
        m, day = roman_month(g["sm"]), int(g["sd"])
        y = infer_year(m, day, env)
        iso = _iso(y, m, day) if y else None
        if not iso:
            return {}, "TX504"
        attrs = _time(g, iso)
        attrs.update({"cert": "medium", "resp": "#conv"})
        return attrs, "TX501"
    if g.get("am"):
        iso = _iso(int(g["ay"]), month_number(g["am"]), int(g["ad"]))
        return ({"when": iso}, None) if iso else ({}, "TX504")
    if g.get("om"):
        return {"when": f"{int(g['oy']):04d}-{month_number(g['om']):02d}"}, None
    return {}, "TX504"


def _day_range(g: dict, env: DateEnv) -> tuple[dict[str, str], str | None]:
    """P10: ``12-18 May 1958`` → @from/@to; without a year, the year is inferred (TX501)."""
    m, d1, d2 = month_number(g["gm"]), int(g["gd1"]), int(g["gd2"])
    y = int(g["gy"]) if g.get("gy") else infer_year(m, d1, env)
    a, b = (_iso(y, m, d1), _iso(y, m, d2)) if y else (None, None)
    if not (a and b) or b < a:
        return {}, "TX504"
    if g.get("gy"):
        return {"from": a, "to": b}, None
    return {"from": a, "to": b, "cert": "medium", "resp": "#conv"}, "TX501"


def make_date(m: re.Match[str], items: list[Item], env: DateEnv, entry: bool = False,
              date_type: str | None = None) -> etree._Element:
    attrs, code = attributes(m.groupdict(), env, entry)
    has_unclear = any(not isinstance(i, str) and etree.QName(i).localname == "unclear"
                      for i in items)
    if has_unclear and "cert" not in attrs and attrs:
        attrs["cert"] = "medium"
    ordered = {"type": date_type}
    for key in ("when", "from", "to", "cert", "resp"):
        if key in attrs:
            ordered[key] = attrs[key]
    node = atoms.fill(el("date", ordered), items)
    if code:
        env.notes.append((code, m.group(0)))
    return node


def supplied_years(items: list[Item], env: DateEnv) -> list[Item]:
    """P2: ``19 June [1954]``, a date whose year the translator supplied in brackets: the
    ``supplied`` year joins the ``date``, and ``@when`` takes that year (it is no longer the
    converter's guess, so ``@cert``/``@resp`` and the TX501 note go)."""
    if all(isinstance(i, str) for i in items):
        return items
    out: list[Item] = []
    i = 0
    while i < len(items):
        it = items[i]
        nxt = items[i + 2] if i + 2 < len(items) else None
        if (nxt is not None and not isinstance(it, str) and etree.QName(it).localname == "date"
                and isinstance(items[i + 1], str) and items[i + 1].isspace()
                and not isinstance(nxt, str)
                and etree.QName(nxt).localname == "supplied"
                and re.fullmatch(r"\d{4}", "".join(nxt.itertext()))):
            written = "".join(it.itertext())
            m = DATE_RE.fullmatch(f"{written} {''.join(nxt.itertext())}")
            attrs, _ = attributes(m.groupdict(), env) if m else ({}, None)
            if attrs.get("when"):
                for key in ("when", "cert", "resp"):
                    it.attrib.pop(key, None)
                it.set("when", attrs["when"])
                atoms.fill(it, [items[i + 1], nxt])
                env.notes[:] = [n for n in env.notes if n[1] != written]
                out.append(it)
                i += 3
                continue
        out.append(it)
        i += 1
    return out


def rule(env: DateEnv, entry: bool = False,
         date_type: str | None = None) -> tuple[atoms.Pattern, atoms.Builder]:
    """The (pattern, builder) pair of ``mark_dates``, for ``atoms.apply_all``."""
    return DATE_SEARCH, lambda m, its: make_date(m, its, env, entry, date_type)


def mark_dates(items: list[Item], env: DateEnv, entry: bool = False,
               date_type: str | None = None) -> list[Item]:
    return atoms.apply(items, *rule(env, entry, date_type))


def flush_notes(env: DateEnv, ctx: Context, pos: Pos | None,
                nodes: list | None = None) -> None:
    """Report the date decisions collected while building one unit, at the date itself when
    it can be found in the unit's text runs, else at the start of the unit."""
    for code, fragment in env.notes:
        where = (locate(nodes, fragment) if nodes else None) or pos
        ctx.emit(code, line=where.line if where else None, col=where.col if where else None,
                 date=fragment)
    env.notes.clear()


def first_when(node: etree._Element) -> str | None:
    for d in node.iter("{http://www.tei-c.org/ns/1.0}date"):
        if d.get("when"):
            return d.get("when")[:10]
    return None
