"""§4 "Closing zone": signature blocks (L19), distribution lists (L20), the outgoing registry
line (L21), initials (L22), attachment notices (L23), spravka and certification (L29), floating
stamps and handwritten notes → ``closer`` + ``postscript``."""

from __future__ import annotations

import re

from lxml import etree

from . import atoms, lineparts, vocab
from . import patterns as P
from .atoms import Item
from .flow import GLOBAL, standalone, unit_items
from .inline.stamp import number_element
from .nodes import Unit
from .repairs import repair_orphans
from .state import Env
from .tei import el, local
from .zones import closing_kind

SIGNATURE_KINDS = {"signature", "office", "name", "date"}
_PAREN_NAME = re.compile(r"^(?P<lead>\(signed\)\s*|\(-\)\s*|[(/])?(?P<name>[^()/\[\]]+?)"
                         r"(?P<trail>[)/])?$")


def build_closing(units: list[Unit], env: Env) -> list[etree._Element]:
    """``closer`` and ``postscript`` (either may be missing) for a closing zone."""
    env.zone = "closing"
    units = repair_orphans(units, env.ctx)       # B27a also applies in the closing zone
    kinds = [closing_kind(u, True) for u in units]
    closer = el("closer")
    post = el("postscript")
    signed: etree._Element | None = None
    in_post = False
    pre: list[etree._Element] = []      # attachment notices before the closer stay in the div
    i = 0
    while i < len(units):
        kind, unit = kinds[i], units[i]
        env.pos = unit.pos
        if kind == "attachment" and not len(closer) and not in_post:
            pre.append(atoms.fill(el("ab", {"type": "attachment-notice"}), unit_items(unit, env)))
            i += 1
            continue
        if kind in SIGNATURE_KINDS and not in_post and not (kind == "date" and signed is None):
            if signed is None:
                signed = el("signed", parent=closer)
            else:
                el("lb", parent=signed)
            atoms.fill(signed, _signature_line(unit, kind, env))
            i += 1
            continue
        if kind == "salute" and not in_post:
            atoms.fill(el("salute", parent=closer), unit_items(unit, env))
            i += 1
            continue
        if kind == "drafting" and not in_post and P.DRAFTING.match(unit.text()) \
                and unit.text().startswith("Recorded by"):
            atoms.fill(el("seg", {"type": "drafting"}, parent=closer),
                       unit_items(unit, env))
            i += 1
            continue
        if kind == "bracket" and not in_post:
            node = _floating(unit, env)
            if local(node) == "fw":
                in_post = True
                post.append(node)
            else:
                closer.append(node)
            i += 1
            continue
        in_post = True
        i = _postscript_item(units, kinds, i, env, post)
    for lst in post.iter("{http://www.tei-c.org/ns/1.0}list"):
        if not len(lst.findall("{http://www.tei-c.org/ns/1.0}item")):
            lst.tag = "{http://www.tei-c.org/ns/1.0}ab"      # a head alone is no list
            for head in list(lst):
                atoms.fill(lst, [c for c in "".join(head.itertext())])
                lst.remove(head)
    if len(post) and all(local(c) in GLOBAL for c in post):
        for child in list(post):      # postscript needs a paragraph-like child; closer does not
            closer.append(child)
    return pre + [node for node in (closer, post) if len(node) and (node is closer or
                                                                   not all(local(c) in GLOBAL
                                                                           for c in node))]


def _unit_chars(unit: Unit, env: Env) -> list[Item]:
    """The unit's content with one item per character, for the rules that cut it by
    character offsets (a few lines per document)."""
    return atoms.per_character(unit_items(unit, env))


def _floating(unit: Unit, env: Env) -> etree._Element:
    items = unit_items(unit, env)
    node = standalone(items)
    if node is None:
        return atoms.fill(el("ab"), items)
    return node


def _signature_line(unit: Unit, kind: str, env: Env) -> list[Item]:
    """One line of the signature block: office → roleName, name → persName (L19)."""
    items = _unit_chars(unit, env)
    if kind == "date":
        return items
    if kind == "name":
        return _name(items)
    if kind == "office" and all(isinstance(i, str) for i in items):
        return _office(items)
    # split around the bracket element(s): office text before, name after
    first = next((k for k, i in enumerate(items) if not isinstance(i, str)), None)
    if first is None:
        return _name(items)
    last = max(k for k, i in enumerate(items) if not isinstance(i, str))
    before, middle, after = items[:first], items[first:last + 1], items[last + 1:]
    out: list[Item] = []
    btext = atoms.text(before).strip()
    if btext:
        core = btext.rstrip(":").rstrip()
        lead_len = len(atoms.text(before)) - len(atoms.text(before).lstrip())
        role = before[lead_len:lead_len + len(core)]
        out += [atoms.fill(el("roleName"), role)] + before[lead_len + len(core):]
    out += middle
    if atoms.text(after).strip():
        lead = len(atoms.text(after)) - len(atoms.text(after).lstrip())
        out += after[:lead] + _name(after[lead:])
    else:
        out += after
    return out


def _office(items: list[Item]) -> list[Item]:
    """An office line; ``Ambassador N. Petrov`` is an office word followed by a name."""
    text = atoms.text(items)
    if not P.is_all_caps(text):
        for word in sorted(vocab.offices(), key=len, reverse=True):
            rest = text[len(word):]
            if text.startswith(word + " ") and P.is_signer_name(rest.strip()):
                cut = len(word)
                return ([atoms.fill(el("roleName"), items[:cut])] + items[cut:cut + 1]
                        + _name(items[cut + 1:]))
    return [atoms.fill(el("roleName"), items)]


def _name(items: list[Item]) -> list[Item]:
    text = atoms.text(items)
    if not all(isinstance(i, str) for i in items):
        if len(items) == 1 and local(items[0]) == "hi":
            return [atoms.fill(el("persName"), items)]
        return items
    m = _PAREN_NAME.match(text)
    if not m:
        return items
    a, b = m.start("name"), m.end("name")
    return items[:a] + [atoms.fill(el("persName"), items[a:b])] + items[b:]


def _postscript_item(units: list[Unit], kinds: list[str | None], i: int, env: Env,
                     post: etree._Element) -> int:
    kind, unit = kinds[i], units[i]
    t = unit.text().strip()
    if kind == "distribution":
        return _distribution(units, kinds, i, env, post)
    if kind == "outgoing" and i + 1 < len(units) and kinds[i + 1] == "date":
        ab = el("ab", {"type": "outgoing-registry"}, parent=post)
        items = _unit_chars(unit, env)
        m = P.OUTGOING.match(atoms.text(items))
        a = m.start("num")
        atoms.fill(ab, items[:a] + [number_element(items[a:], "outgoing")])
        el("lb", parent=ab)
        atoms.fill(ab, unit_items(units[i + 1], env))
        return i + 2
    mapping = {"drafting": ("ab", "drafting"), "attachment": ("ab", "attachment-notice"),
               "certification": ("ab", "certification"), "copies": ("ab", "copies"),
               "spravka": ("note", "reference")}
    if kind in mapping:
        tag, typ = mapping[kind]
        atoms.fill(el(tag, {"type": typ}, parent=post), unit_items(unit, env))
        return i + 1
    if kind == "separator":
        post.append(el("milestone", {"unit": "rule", "type": {"=": "equals", "_": "underscore",
                                                               "*": "asterisks"}.get(t[0],
                                                                                    "dash")}))
        return i + 1
    items = unit_items(unit, env)
    node = standalone(items)
    if node is not None:
        post.append(node)
        return i + 1
    if kind is None:
        env.ctx.emit("TX410", line=unit.pos.line, col=unit.pos.col, unit="closing-zone line",
                     kept="a postscript ab")
    atoms.fill(el("ab", parent=post), items)
    return i + 1


def _distribution(units: list[Unit], kinds: list[str | None], i: int, env: Env,
                  post: etree._Element) -> int:
    """L20 in the closing zone: ``postscript/list[@type='distribution']``."""
    lst = el("list", {"type": "distribution"}, parent=post)
    first = _unit_chars(units[i], env)
    t = atoms.text(first)
    m = P.DIST_INLINE.match(t)
    if m:
        head, rest = lineparts.head_and_rest(first)
        atoms.fill(el("head", parent=lst), atoms.strip(head))
        for part in lineparts.split_items(rest, prefer_semicolon=False):
            atoms.fill(el("item", parent=lst), part)
        return i + 1
    j = i
    if P.DIST_HEAD.match(t):
        atoms.fill(el("head", parent=lst), first)
        j += 1
    while j < len(units) and kinds[j] == "distribution" and P.DIST_NUMBERED.match(
            units[j].text().strip()):
        items = _unit_chars(units[j], env)
        nm = P.DIST_NUMBERED.match(atoms.text(items))
        a = nm.end("label")
        atoms.fill(el("label", parent=lst), items[:a])
        atoms.fill(el("item", parent=lst), atoms.strip(items[a:]))
        j += 1
    return j
