"""§4 "Body": a run of body lines → paragraphs, speaker turns (L10–L12), numbered paragraphs
(L13), dash lists (L15), separators (L17), other scripts (L28), bracket-only lines and
attachment notices (L23)."""

from __future__ import annotations

import re
import unicodedata

from lxml import etree

from . import atoms, dates, declass
from . import patterns as P
from .atoms import Item
from .inline import render, superscripts
from .nodes import Node, Pos, Text, Unit
from .state import Env
from .tei import el, local
from .vocab import pronouns

GLOBAL = {"note", "gap", "pb", "milestone", "fw"}
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")


def unit_items(unit: Unit, env: Env, nodes: list[Node] | None = None,
               alone: bool | None = None) -> list[Item]:
    env.pos = unit.pos
    nodes = unit.nodes if nodes is None else nodes
    env.nodes = nodes
    if alone is None:
        alone = unit.only_bracket() is not None
    items = atoms.strip(render(nodes, env, alone=alone))
    if unit.superscripts and nodes is unit.nodes:
        items = superscripts(items, unit.superscripts)
    dates.flush_notes(env.dates, env.ctx, unit.pos, nodes)
    return items


def standalone(items: list[Item]) -> etree._Element | None:
    """The single element of a bracket-only line, placed so that the div stays valid."""
    if items and isinstance(items[0], str) and items[0].strip():
        return None     # most lines start with text: no need to look at every character
    nodes = [i for i in items if not isinstance(i, str)]
    if len(nodes) != 1 or atoms.text([i for i in items if isinstance(i, str)]).strip():
        return None
    node = nodes[0]
    if local(node) in GLOBAL:
        return node
    if local(node) == "stamp":
        fw = el("fw", {"type": "stamp"})
        fw.append(node)
        return fw
    return None


def cyrillic_share(text: str) -> float:
    letters = "".join(filter(str.isalpha, text))      # C-level loops: runs once per paragraph
    if not letters:
        return 0.0
    return len(_CYRILLIC_LETTER.findall(letters)) / len(letters)


def _unwrap(node: etree._Element) -> list[Item]:
    """The content of ``node`` as runs (its text, child elements and their tails)."""
    out: list[Item] = [node.text] if node.text else []
    for child in list(node):
        tail, child.tail = child.tail, None
        out.append(child)
        if tail:
            out.append(tail)
    return out


def paragraph(unit: Unit, env: Env, attrs: dict | None = None) -> etree._Element:
    items = unit_items(unit, env)
    attrs = dict(attrs or {})
    if cyrillic_share(unit.text()) >= 0.5:
        attrs["xml:lang"] = "ru"
        env.use_language("ru")
        # the paragraph is Russian: its foreign wrappers go, their content stays
        items = [part for i in items for part in (
            _unwrap(i) if not isinstance(i, str) and local(i) == "foreign" else [i])]
    single = standalone(items)
    if single is not None and not attrs:
        return single
    return atoms.fill(el("p", attrs), items)


class Speakers:
    """L10–L12: speaker ids, abbreviations and the listPerson facts."""

    def __init__(self, env: Env, units: list[Unit]) -> None:
        self.env = env
        self.short: dict[str, str] = {}
        self.labels: set[str] = set()     # labels and names seen, for narration (L10)
        # the literal test first: the pattern's leading \s* makes its search slow
        self.uses_abbrev = any("(to be abbreviated as " in u.text() and P.ABBREV.search(u.text())
                               for u in units)

    def who(self, label: str, pos) -> str:
        short = P.ABBREV.search(label)
        name = P.speaker_name(label)
        self.labels.update({label.rstrip(":. ").strip(), name})
        if name in self.short:
            return self.short[name]
        ident = "sp." + slug(name)
        known = {i for i, _ in self.env.facts.speakers}
        if ident not in known:
            if self.uses_abbrev and not short and len(name.split()) == 1:
                self.env.ctx.emit("TX404", line=pos.line, col=pos.col, name=name)
            self.env.facts.speakers.append((ident, name))
        if short:
            self.short[short.group("short").strip()] = "#" + ident
        return "#" + ident


def slug(value: str) -> str:
    s = unicodedata.normalize("NFKD", value)
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", s).strip("-")


def split_label(unit: Unit, caps: bool) -> tuple[list[Node], list[Node]] | None:
    """The label nodes (through ":" or "NAME.") and the text nodes of a speaker line."""
    sep = re.compile(r"\.\s+" if caps else r":(?:\s+|$)")
    nodes = unit.nodes
    for i, n in enumerate(nodes):
        if isinstance(n, Text):
            m = sep.search(n.text)
            if m and (caps or "(to be abbreviated" not in n.text[:m.start()]
                      or ")" in n.text[:m.start()]):
                cut = m.start() + 1
                left = nodes[:i] + [Text(n.text[:cut], n.pos)]
                right_text = n.text[cut:].lstrip()
                right = ([Text(right_text, n.pos)] if right_text else []) + nodes[i + 1:]
                return left, right
    return None


def speaker_match(t: str) -> tuple[str, bool] | None:
    """(label, caps style) when ``t`` is a speaker line."""
    m = P.speaker(t)
    if m and P.is_speaker_label(m.group("label")):
        return m.group("label"), False
    m = P.SPEAKER_CAPS.match(t)
    if m and not P.ROMAN_SECTION.match(t) and P.is_caps_label(m.group("label")) \
            and m.group("label").strip().lower() not in pronouns():
        return m.group("label"), True
    return None


def _without_bullet(nodes: list[Node]) -> list[Node]:
    """L15: the nodes of a dash-bullet line without the dash, which D restores (N9). Taken off
    before the content is built, so that nothing that wraps the line's start (B22) takes it."""
    first = next((k for k, n in enumerate(nodes) if not (isinstance(n, Text)
                                                         and not n.text.strip())), None)
    if first is None or not isinstance(nodes[first], Text):
        return nodes
    node = nodes[first]
    rest = re.sub(r"^\s*[-–—]\s*", "", node.text, count=1)
    cut = len(node.text) - len(rest)
    return [Text(rest, Pos(node.pos.line, node.pos.col + cut))] + nodes[first + 1:]


def build_flow(units: list[Unit], env: Env, speakers_on: bool,
               speakers: Speakers | None) -> list[etree._Element]:
    """Elements for a run of body lines (inside a div, an entry or a section)."""
    out: list[etree._Element] = []
    i = 0
    numbered = _renumber(units, env)
    declass_blocks = declass.blocks([u.text().strip() for u in units])
    while i < len(units):
        unit = units[i]
        env.pos = unit.pos          # where an internal error would be reported (TX199)
        t = unit.text().strip()
        if i in declass_blocks:     # P10: on its own lines between paragraphs, a fw stamp
            end = declass_blocks[i] + 1
            fw = el("fw", {"type": "stamp"})
            fw.append(declass.stamp([unit_items(u, env) for u in units[i:end]]))
            out.append(fw)
            i = end
            continue
        if P.SEPARATOR.match(t):
            out.append(el("milestone", {"unit": "rule", "type": P.rule_type(t)}))
            i += 1
            continue
        sm = speaker_match(t) if speakers_on and unit.only_bracket() is None else None
        if sm and speakers is not None:
            i = _turn(units, i, sm, env, speakers, out)
            continue
        if P.DASH.match(t):
            lst = el("list", {"rend": "dash"})
            while i < len(units) and P.DASH.match(units[i].text().strip()):
                items = unit_items(units[i], env, _without_bullet(units[i].nodes))
                atoms.fill(el("item", parent=lst), atoms.strip(items))
                i += 1
            out.append(lst)
            continue
        if P.classification_term(t) and P.classification_term(t)[0] == "classification":
            # L4: a marking repeated at the top of every page, here inside the body
            out.append(atoms.fill(el("fw", {"type": "classification", "place": "top"}),
                                  unit_items(unit, env)))
            i += 1
            continue
        if P.ATTACHMENT.match(t):
            out.append(atoms.fill(el("ab", {"type": "attachment-notice"}), unit_items(unit, env)))
        elif i in numbered:
            out.append(paragraph(unit, env, {"n": numbered[i]}))
        else:
            if not P.is_prose(t) and unit.only_bracket() is None:
                env.ctx.emit("TX410", line=unit.pos.line, col=unit.pos.col, unit="body line",
                             kept="a paragraph")
            out.append(paragraph(unit, env))
        i += 1
    return out


def _renumber(units: list[Unit], env: Env) -> dict[int, str]:
    """L13 ``@n`` per numbered line; a run of 2+ lines that all read ``1.`` is renumbered."""
    found: dict[int, str] = {}
    for i, u in enumerate(units):
        m = P.NUMBERED.match(u.text())
        if m:
            found[i] = m.group("a") or m.group("b")
    keys = sorted(found)
    k = 0
    while k < len(keys):
        run = [keys[k]]
        while k + len(run) < len(keys) and keys[k + len(run)] == run[-1] + 1:
            run.append(keys[k + len(run)])
        if len(run) >= 2 and all(found[j] == "1" and re.match(r"\s*1\.", units[j].text())
                                 for j in run):
            for n, j in enumerate(run, 1):
                found[j] = str(n)
            env.ctx.emit("TX402", line=units[run[0]].pos.line, col=units[run[0]].pos.col)
        k += len(run)
    return found


def _turn(units: list[Unit], i: int, sm: tuple[str, bool], env: Env, speakers: Speakers,
          out: list[etree._Element]) -> int:
    label, caps = sm
    unit = units[i]
    parts = split_label(unit, caps)
    if parts is None:
        out.append(paragraph(unit, env))
        return i + 1
    left, right = parts
    sp = el("sp", {"who": speakers.who(label, unit.pos)})
    atoms.fill(el("speaker", parent=sp), unit_items(unit, env, left, alone=False))
    if right:
        alone = len([n for n in right if not (isinstance(n, Text) and not n.text.strip())]) == 1
        atoms.fill(el("p", parent=sp), unit_items(unit, env, right, alone=alone))
        out.append(sp)
        return i + 1
    # a label alone on its line: the line break after it is kept, so that D shows it (§6.5)
    el("lb", parent=sp[0])
    name = P.speaker_name(label)
    full = label.rstrip(":").strip()
    j = i + 1
    while j < len(units):
        t = units[j].text().strip()
        starts = tuple(x + " " for x in speakers.labels | {full, name} if x)
        if speaker_match(t) or t.startswith(starts):
            break
        para = paragraph(units[j], env)
        if local(para) != "p":
            para = atoms.fill(el("p"), [para])
        sp.append(para)
        j += 1
    if len(sp) == 1:
        el("p", parent=sp)
    out.append(sp)
    return j
