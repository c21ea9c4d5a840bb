"""§3.4: the TEI of each bracket class (B1–B25), built into the runs of the enclosing content.

``build`` receives the runs (text strings and finished elements, see ``atoms``) built so far
for the enclosing content, because some classes wrap the text just before the bracket (B4
``expan``, B5/B7 names, B10 ``sic``, B22 ``add``): that text is the strings after the last
element, cut with str methods.
"""

from __future__ import annotations

import re

from lxml import etree

from . import atoms, handwriting, stamps
from .atoms import Item
from .classify import Where, content, romanisation_span
from .nodes import LB, Bracket
from .state import Env
from .tei import el, local
from .vocab import places, terms

_QUANTITY = re.compile(
    r"(?P<n>\d+|one|two|three|four|five|several|a few)(?:-(?P<m>\d+))?\s+(?:illegible\s+)?"
    r"(?P<unit>letters?|characters?|words?|lines?|names?|surnames?)", re.I)
_SINGULAR = re.compile(r"(?i)\billegible (?P<unit>name|word|letter)\b")
_UNITS = {"letter": "chars", "character": "chars", "word": "words", "line": "lines",
          "name": "names", "surname": "names"}
_NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5}


def desc_note(text: str) -> Item:
    return el("note", {"type": "desc", "place": "inline", "resp": "#tr"}, text)


def verbatim(bracket: Bracket, env: Env) -> list[Item]:
    """The bracket's content with inner brackets encoded but no text-level markup. Spaces just
    inside the brackets (``[ the plan]``) are content too: D must give them back (§6.5)."""
    from .inline import render
    return render(bracket.children, env, inside=True, markup=False)


def rendered(bracket: Bracket, env: Env) -> list[Item]:
    from .inline import render
    return render(bracket.children, env, inside=bracket.kind == "single")


def _empty(br: Bracket, env: Env) -> list[Item]:
    """An empty bracket kept literally: only the bracket characters that are in the transcript
    (a repaired ``[`` has no ``]``), with its inner spaces and line breaks, so D gives it back."""
    from .inline import render
    inner = render(br.children, env, inside=True, markup=False)
    open_ = [] if br.rend == "unopened" else [el("c", {"type": "stray-bracket"}, "[")]
    close = [] if br.rend == "unclosed" else [el("c", {"type": "stray-bracket"}, "]")]
    if not inner and open_ and close:
        return [el("c", {"type": "stray-bracket"}, "[]")]
    return open_ + inner + close


def illegible_gap(c: str, rend: str | None = None,
                  desc: list[Item] | None = None) -> Item:
    """B16 (and B13/B17 illegible forms): gap with quantity and unit parsed from the text."""
    attrs: dict[str, str | None] = {"reason": "illegible", "resp": "#tr"}
    m = _QUANTITY.search(c)
    s = _SINGULAR.search(c)
    if m:
        unit = _UNITS[m.group("unit").lower().rstrip("s")]
        n = m.group("n").lower()
        if m.group("m"):
            attrs.update({"atLeast": n, "atMost": m.group("m")})
        elif n in _NUMBERS or n.isdigit():
            attrs["quantity"] = str(_NUMBERS.get(n) or int(n))
        attrs["unit"] = unit
    elif s:
        attrs.update({"quantity": "1", "unit": _UNITS[s.group("unit").lower()]})
    attrs["rend"] = rend
    gap = el("gap", attrs)
    # only the exact default reading may go without desc: D writes "[illegible]" for it
    if (atoms.text(desc) if desc is not None else c) != "illegible":
        if desc is not None:
            atoms.fill(el("desc", parent=gap), desc)
        else:
            el("desc", text=c, parent=gap)
    return gap


def footnote(key: str, env: Env, rend: str = "bracketed") -> Item:
    """B9: the note at a marker written in style ``rend`` (``key`` is the footnote's number, or
    ``n-2`` … for a repeated number). A marker only takes a text of its own style. A second
    marker of the same footnote gets an empty note without id: text and id stay with the first."""
    from .inline import render
    note = env.footnotes.get(key)
    if note is not None and note.rend != rend:
        note = None
    ident = f"{env.docid}-fn{key}"
    attrs = {"type": "footnote", "n": note.n if note else key, "place": "bottom", "resp": "#tr",
             "xml:id": None if ident in env.footnote_ids else ident, "rend": rend}
    env.footnote_ids.add(ident)
    node = el("note", attrs)
    if note is None:
        env.ctx.emit("TX330", **env.where(), marker=key)
        return node
    if note.used:
        return node
    note.used = True
    return atoms.fill(node, atoms.strip(render(note.nodes, env)))


def _sic(items: list[Item], c: str, env: Env) -> list[Item]:
    """B10: wrap the preceding token (or up to 4 capitalised tokens) in ``sic``."""
    plain_start = atoms.text_start(items)
    region = "".join(items[plain_start:])
    body = region.rstrip(" ")
    trailing = region[len(body):]
    words = [(m.start(), m.group()) for m in re.finditer(r"\S+", body)]
    if not words:
        env.ctx.emit("TX332", **env.where())
        before = items[plain_start - 1] if plain_start else None
        if before is not None and not isinstance(before, str) and local(before) == "sic":
            # "X [sic] [sic]": the first [sic] was left for D to restore from <sic>, which D
            # does only when no note follows; this one will, so the first is written out too
            items = items[:plain_start] + [" ", _sic_note("sic")] + items[plain_start:]
        return items + [_sic_note(c)]
    first = len(words) - 1
    if words[first][1][:1].isupper():
        while first > 0 and words[first - 1][1][:1].isupper() and len(words) - first < 4:
            first -= 1
    cut = words[first][0]
    out = items[:plain_start] + ([body[:cut]] if cut else []) + [el("sic", text=body[cut:])]
    if c != "sic" or not trailing:
        # the note keeps the bracket's place; a plain spaced " [sic]" is restored by D from
        # <sic>, a glued one ("the[sic]") is not
        if trailing:
            out.append(trailing)
        out.append(_sic_note(c))
    return out


def _sic_note(text: str) -> etree._Element:
    return el("note", {"type": "sic", "place": "inline", "resp": "#tr"}, text)


def _wrap_left(items: list[Item], n_chars: int, tag: str) -> tuple[list[Item], Item]:
    """Wrap the last ``n_chars`` characters of plain text before the bracket (the spaces
    between them and the bracket are dropped)."""
    start = atoms.text_start(items)
    body = "".join(items[start:]).rstrip(" ")
    if n_chars <= len(body):
        cut = len(body) - n_chars
        head = items[:start] + ([body[:cut]] if cut else [])
        return head, atoms.fill(el(tag), [body[cut:]]) if n_chars else el(tag)
    # longer than the text after the last element: counted over single characters as before
    items = atoms.per_character(items)
    end = len(items)
    while end and items[end - 1] == " ":
        end -= 1
    start = end - n_chars
    inner = items[start:end]
    return items[:start], atoms.fill(el(tag), inner) if inner else el(tag)


def _ends_with_space(items: list[Item]) -> bool:
    return bool(items) and isinstance(items[-1], str) and items[-1].endswith(" ")


def build(klass: str, br: Bracket, where: Where, items: list[Item], env: Env) -> list[Item]:
    """Append the TEI of bracket ``br`` (class ``klass``) to ``items``; return the new list."""
    # only a repair needs to tell the new elements from the old ones
    before = {id(i) for i in items if not isinstance(i, str)} if br.rend else set()
    result = _build(klass, br, where, items, env)
    if br.rend:
        # §3.2: every repair is recorded in @rend of the element the bracket became
        made = [i for i in result if not isinstance(i, str) and id(i) not in before]
        target = _bracket_bearer(made[-1]) if made else None
        if target is not None and target.get("rend") is None:
            target.set("rend", br.rend)
    return result


def _bracket_bearer(item: etree._Element) -> etree._Element:
    """The element D writes the brackets for. B4 and B22 wrap the word before the bracket, so
    the bracket itself is their ``ex`` (``M[inistry``) or their closing desc note."""
    name = etree.QName(item).localname
    if name == "expan":
        return item.findall("{*}ex")[-1]
    if name == "add" and (item.text or "").strip():
        notes = item.findall("{*}note")
        return notes[-1] if notes else item
    return item


# classes whose element holds plain text (D writes a gap's desc as text, too)
_TEXT_ONLY = {"stray", "B9", "B10", "B12", "B15", "B16", "B17", "B18-bare", "B22", "B23", "B8"}


def _build(klass: str, br: Bracket, where: Where, items: list[Item], env: Env) -> list[Item]:
    c = content(br)
    if klass in _TEXT_ONLY and any(isinstance(n, Bracket | LB) for n in br.children):
        klass = "B24"      # these classes hold plain text; inner brackets and line breaks
                           # need real markup
    if br.start:
        env.pos = env.pos or br.start
    if klass == "B13":
        if not where.inside_single:
            env.ctx.emit("TX307", line=br.start.line, col=br.start.col)
        inner = verbatim(br, env)
        nested = any(isinstance(n, Bracket) for n in br.children)
        if re.search(r"(?i)illegible", c) and not nested:
            return items + [illegible_gap(c, br.rend, inner)]
        if c.endswith("?") and inner and isinstance(inner[-1], str) \
                and inner[-1].endswith("?"):
            node = el("unclear", {"reason": "illegible", "cert": "low", "resp": "#tr",
                                  "rend": br.rend})
            last = inner[-1][:-1]
            return items + [atoms.fill(node, atoms.strip(inner[:-1] + ([last] if last else [])))]
        reason = "faded" if env.in_faded_stamp else "illegible"
        node = el("unclear", {"reason": reason, "resp": "#tr", "rend": br.rend})
        return items + [atoms.fill(node, inner)]
    if klass == "stray":
        env.ctx.emit("TX306", line=br.start.line, col=br.start.col)
        return items + _empty(br, env)
    if klass == "B15":
        gap = el("gap", {"reason": "editorial", "resp": "#tr"})
        raw = c.replace(" ", "")
        if raw.startswith(".") and raw != "...":
            return items + [".", gap]
        if raw.endswith(".") and raw not in ("...",) and "…" in raw:
            return items + [gap, "."]
        return items + [gap]
    if klass == "B12":
        return items + [el("note", {"type": "query", "place": "inline", "resp": "#tr"}, "?")]
    if klass == "B10":
        return _sic(items, br.plain(), env)      # verbatim: "[ sic]" is not "[sic]"
    if klass == "B17":
        if "illegible" in c.lower():
            return items + [illegible_gap(c, desc=verbatim(br, env))]
        fig = el("figure", {"type": "signature"})
        atoms.fill(el("figDesc", parent=fig), verbatim(br, env))
        return items + [fig]
    if klass == "B23":
        return items + [el("pb", {"n": re.search(r"\d+", c).group()})]
    if klass == "B22":
        return handwriting.added_by_hand(items, c, env)
    if klass == "B18-bare":
        stamp = el("stamp", {"type": "other"})
        stamp.append(desc_note(c))
        return items + [stamp]
    if klass == "B18":
        return items + [stamps.stamp(br, env)]
    if klass == "B21":
        return items + [handwriting.hand(br, env, where.alone)]
    if klass == "B11-ed":
        return items + [atoms.fill(el("note", {"type": "editorial", "place": "inline",
                                               "resp": "#wcda"}), rendered(br, env))]
    if klass == "B11-tr":
        return items + [atoms.fill(el("note", {"type": "translator", "place": "inline",
                                               "resp": "#tr"}), rendered(br, env))]
    if klass == "B16":
        return items + [illegible_gap(c, br.rend, verbatim(br, env))]
    if klass == "B24" or klass == "unclassified":
        if klass == "unclassified":
            env.ctx.emit("TX321", line=br.start.line, col=br.start.col)
        return items + [atoms.fill(desc_note(""), verbatim(br, env))]
    if klass == "B9":
        return items + [footnote(c, env)]
    if klass == "B25":
        gap = el("gap", {"reason": "summarised", "resp": "#tr"})
        atoms.fill(el("desc", parent=gap), verbatim(br, env))
        return items + [gap]
    if klass == "B4":
        return _expan(items, br, where, env)
    if klass == "B5":
        n = romanisation_span(where.before, c)
        head, name = _wrap_left(items, n, "persName")
        note = el("note", {"type": "alt-name", "place": "inline", "resp": "#tr"})
        atoms.fill(el("persName", parent=note), verbatim(br, env))
        return head + [name, " ", note] if _ends_with_space(items) else head + [name, note]
    if klass == "B7":
        head, org = _wrap_left(items, len(where.token), "orgName")
        note = atoms.fill(el("note", {"type": "expansion", "place": "inline", "resp": "#tr"}),
                          verbatim(br, env))
        return head + [org] + ([" "] if _ends_with_space(items) else []) + [note]
    if klass == "B6":
        tag = "placeName" if where.token in places() else "persName"
        note = el("note", {"type": "identification", "place": "inline", "resp": "#tr"})
        atoms.fill(el(tag, parent=note), verbatim(br, env))
        return items + [note]
    if klass == "B8":
        return items + [_orig_term(br, c, env)]
    if klass in ("B1", "B2", "B3"):
        if klass == "B2" and (c[:1].isupper() or c.isdigit()):
            reason = "spaced footnote marker without footnote text" if c.isdigit() \
                else "supplied text starts with a capital"
            env.ctx.emit("TX320", line=br.start.line, col=br.start.col, reason=reason)
        node = el("supplied", {"reason": "implicit", "resp": "#tr"})
        return items + [atoms.fill(node, verbatim(br, env))]
    return items + [atoms.fill(desc_note(""), verbatim(br, env))]


def _expan(items: list[Item], br: Bracket, where: Where, env: Env) -> list[Item]:
    """B4: ``M[inistry of]`` → ``<expan>M<ex resp="#tr">inistry of</ex></expan>``."""
    start = atoms.text_start(items)
    before = "".join(items[start:])
    cut = len(before)
    while cut and before[cut - 1].isalpha():
        cut -= 1
    expan = el("expan")
    atoms.fill(expan, [before[cut:]])
    ex = el("ex", {"resp": "#tr"})
    atoms.fill(ex, verbatim(br, env))
    expan.append(ex)
    return items[:start] + ([before[:cut]] if cut else []) + [expan]


def _orig_term(br: Bracket, c: str, env: Env) -> Item:
    note = el("note", {"type": "orig-term", "place": "inline", "resp": "#tr"})
    # spaces just inside the brackets ("[ pochin]") stay in the note: D gives them back (§6.5)
    raw = verbatim(br, env)
    text = "".join(raw) if all(isinstance(item, str) for item in raw) else c
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    note.text = lead or None
    m = re.match(r"^(?P<term>.+?)\s*(?P<dash>—|\s-\s)\s*(?P<gloss>.+)$", c)
    term = m.group("term") if m else c
    # B8: the lexicon (A.11), the script, else the archive family's language (A.7) in Latin
    # script; "und" only when the archive is unknown
    family = env.ctx.archive_lang
    lang = terms().get(term.lower()) or _script_lang(term) or (
        f"{family}-Latn" if family else "und")
    if lang != "und":
        env.use_language(lang)
    el("foreign", {"xml:lang": lang}, term, parent=note)
    note[-1].tail = (c[m.end("term"):] if m else "") + trail or None
    return note


def _script_lang(text: str) -> str | None:
    if re.search(r"[\u0400-\u04ff]", text):
        return "ru"
    if re.search(r"[\uac00-\ud7af]", text):
        return "ko"
    if re.search(r"[\u4e00-\u9fff]", text):
        return "zh"
    return None


__all__ = ["build", "desc_note", "footnote", "illegible_gap"]
