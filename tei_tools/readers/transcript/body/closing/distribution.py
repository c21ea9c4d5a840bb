"""L20 distribution lists in the closing zone → ``postscript/list[@type='distribution']``, with
the P3 forms: count lines, inline lists wrapped over lines, ordinal labels, headed name lists."""

from __future__ import annotations

import re

from lxml import etree

from .. import atoms, lineparts
from .. import patterns as P
from ..atoms import Item
from ..flow import unit_items
from ..tei import TEI_NS, el
from . import grammar as G
from .lines import chars
from .state import ClosingState

_COPY_NUMBER = re.compile(r"^(?:Nº|N°|№|No\.?)\s*(\d{1,2})\b")


def _items(lst: etree._Element, items: list[Item]) -> None:
    for part in lineparts.split_items(items, prefer_semicolon=False):
        atoms.fill(el("item", parent=lst), part)


def _continued(lst: etree._Element, items: list[Item], after_comma: bool) -> None:
    """P3: the next line of an inline list. After a ``,`` the line break falls between two
    items (an ``lb`` in the list, and the ``,`` is the separator D writes back); otherwise the
    last item goes on over the line break (``… head of`` ⏎ ``department``)."""
    last = lst.findall(f"{{{TEI_NS}}}item")[-1]
    if after_comma:
        if last.text and not len(last):
            last.text = last.text.rstrip().removesuffix(",")
        elif len(last) and last[-1].tail:
            last[-1].tail = last[-1].tail.rstrip().removesuffix(",")
        el("lb", parent=lst)
        _items(lst, items)
        return
    parts = lineparts.split_items(items, prefer_semicolon=False)
    el("lb", parent=last)
    atoms.fill(last, parts[0] if parts else [])
    for part in parts[1:]:
        atoms.fill(el("item", parent=lst), part)


def _headed_names(st: ClosingState, lst: etree._Element, head: list[Item]) -> None:
    """P3: ``To be seen by`` / ``Seen by`` and one name per line. Each item follows an ``lb``:
    the names stood on lines of their own, unnumbered."""
    atoms.fill(el("head", parent=lst), head)
    st.i += 1
    while st.kind_at(st.i) == "recipient":
        el("lb", parent=lst)
        atoms.fill(el("item", parent=lst), unit_items(st.unit, st.env))
        st.i += 1


def _count_head(lst: etree._Element, items: list[Item], count: re.Match[str]) -> None:
    """P3: a count line as the head. What follows its full stop on the same line: trailing
    initials (``3 copies. ak``) are the typist's, ``seg[@type='drafting']`` inside the head
    (an ``ab`` there would break the line order); anything else is the first item
    (``Three copies printed. Nº 3 to file.``), which records the copy it names in ``@n`` (for
    it leaves the others out, TT-DIST-COUNT)."""
    a = count.end("head")
    head = atoms.fill(el("head", parent=lst), items[:a])
    rest = count.group("rest")
    if not rest:
        return
    if G.TYPIST_INITIALS.match(rest):
        b = a + len(atoms.text(items[a:])) - len(atoms.text(items[a:]).lstrip())
        atoms.fill(head, items[a:b] + [atoms.fill(el("seg", {"type": "drafting"}), items[b:])])
        return
    # an item that names its copy ("Nº 3 to file") records the number: it leaves the others out
    rest_items = atoms.strip(items[a:])
    copy = _COPY_NUMBER.match(atoms.text(rest_items))
    atoms.fill(el("item", {"n": copy.group(1) if copy else None}, parent=lst), rest_items)


def distribution(st: ClosingState) -> bool:
    """A distribution list: an inline list, a headed name list, or an optional head (a count
    line or ``Copies:``) and numbered or ordinal recipient lines."""
    if st.kind != "distribution":
        return False
    st.in_post = True
    lst = el("list", {"type": "distribution"}, parent=st.post)
    first = chars(st.unit, st.env)
    t = atoms.text(first)
    if P.DIST_INLINE.match(t):
        head, rest = lineparts.head_and_rest(first)
        atoms.fill(el("head", parent=lst), atoms.strip(head))
        _items(lst, rest)
        st.i += 1
        while st.kind_at(st.i) == "list-more":
            _continued(lst, chars(st.unit, st.env), st.text(st.i - 1).endswith(","))
            st.i += 1
        return True
    if G.SEEN_BY.match(t):
        _headed_names(st, lst, first)
        return True
    count = G.count_line(t)
    if count:
        _count_head(lst, first, count)
        st.i += 1
    elif P.DIST_HEAD.match(t):
        atoms.fill(el("head", parent=lst), first)
        st.i += 1
    while st.kind_at(st.i) == "distribution" and G.recipient_line(st.text()):
        items = chars(st.unit, st.env)
        a = G.recipient_line(atoms.text(items)).end("label")
        atoms.fill(el("label", parent=lst), items[:a])
        atoms.fill(el("item", parent=lst), atoms.strip(items[a:]))
        st.i += 1
    if not len(lst):          # a line of the kind that fits no form: the list is its head
        atoms.fill(el("head", parent=lst), first)
        st.i += 1
    return True
