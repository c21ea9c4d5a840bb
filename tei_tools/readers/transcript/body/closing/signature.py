"""L19 signature blocks: office, placeholder, name and date lines → one ``closer/signed``."""

from __future__ import annotations

import re

from .. import atoms, vocab
from .. import patterns as P
from ..atoms import Item
from ..nodes import Unit
from ..state import Env
from ..tei import el, local
from . import grammar as G
from .lines import chars
from .state import ClosingState

SIGNATURE_KINDS = {"signature", "office", "name", "place", "date", "signed", "sign-off"}
# elements that may stand inside a signer's name: I[lya]., letter-spacing, [[uncertain]] letters
_IN_NAME = {"expan", "hi", "unclear", "supplied", "choice", "sic", "foreign"}
_PAREN_NAME = re.compile(r"^(?P<lead>\(signed\)\s*|\(-\)\s*|[(/])?(?P<name>[^()/\[\]]+?)"
                         r"(?P<trail>[)/])?$")


def signature_line(st: ClosingState) -> bool:
    """A line of the block; a date line only once the block has started."""
    if st.kind not in SIGNATURE_KINDS or st.in_post or (st.kind == "date" and st.signed is None):
        return False
    if st.signed is None:
        st.signed = el("signed", parent=st.closer)
    else:
        el("lb", parent=st.signed)
    atoms.fill(st.signed, line_items(st.unit, st.kind, st.env))
    st.i += 1
    return True


def line_items(unit: Unit, kind: str, env: Env) -> list[Item]:
    """One line of the signature block: office → roleName, name → persName."""
    items = chars(unit, env)
    if kind in ("date", "place"):
        return items
    if kind in ("signed", "sign-off"):
        return _labelled(items, kind)
    if kind == "name":
        return name(items)
    if kind == "office" and all(isinstance(i, str) for i in items):
        return office(items)
    # split around the placeholder or other bracket element(s): office before, name after
    marks = [k for k, i in enumerate(items) if not isinstance(i, str) and local(i) not in _IN_NAME]
    if not marks:
        return name(items)
    first, last = marks[0], marks[-1]
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
        out += after[:lead] + name(after[lead:])
    else:
        out += after
    return out


def office(items: list[Item]) -> list[Item]:
    """An office line; ``Ambassador N. Petrov`` is an office word followed by a name."""
    text = atoms.text(items)
    if not P.is_all_caps(text):
        for word in sorted(vocab.offices(), key=len, reverse=True):
            rest = text[len(word):]
            if text.startswith(word + " ") and P.is_signer_name(rest.strip()):
                cut = len(word)
                return ([atoms.fill(el("roleName"), items[:cut])] + items[cut:cut + 1]
                        + name(items[cut + 1:]))
    return [atoms.fill(el("roleName"), items)]


def name(items: list[Item]) -> list[Item]:
    """A signer name → ``persName`` (an institution → ``orgName``); slashes, parentheses,
    ``(signed)``, ``(-)`` stay text. An expansion or letter-spacing inside the name stays inside
    ``persName`` (P2)."""
    if any(not isinstance(i, str) and local(i) not in _IN_NAME for i in items):
        return items
    text, owner = atoms.read(items)
    m = _PAREN_NAME.match(text)
    found = m and atoms.span(owner, m.start("name"), m.end("name"), len(items))
    if not found:
        return items
    a, b = found
    # P2: an institution signs too (``Central Committee``): orgName
    tag = "orgName" if P.INSTITUTION.search(m.group("name")) else "persName"
    return items[:a] + [atoms.fill(el(tag), items[a:b])] + items[b:]


def _labelled(items: list[Item], kind: str) -> list[Item]:
    """P2: ``Signed: {name}`` (the label stays text) and ``– {nnn} – {name} –`` (the number is
    the cable's ``idno``)."""
    text = atoms.text(items)
    if kind == "signed":
        m = G.SIGNED_LABEL.match(text)
        a = m.start("name")
        return items[:a] + name(items[a:])
    m = G.SIGN_OFF.match(text)
    a, b = m.span("num")
    c, d = m.span("name")
    if not all(isinstance(i, str) for i in items[a:d]):
        return items
    return (items[:a] + [atoms.fill(el("idno", {"type": "cable"}), items[a:b])] + items[b:c]
            + [atoms.fill(el("persName"), items[c:d])] + items[d:])
