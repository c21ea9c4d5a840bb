"""Mixed content under construction: a list of *runs*, text strings and finished elements.

A text run is a string of any length (``render`` makes one per text node); neighbouring
strings are allowed and read as one text. Inline markup that spans text and elements (a date
around an ``unclear``: ``1[[7]] March 1958``, L-5) is found by matching regular expressions
over a *reading* of the list, in which a string reads as itself and an element reads as its
own text (``unclear``), ``\\n`` (``lb``) or U+FFFC (anything else, so that patterns do not run
through it). A match may cut a text run anywhere but must not start or end inside an element's
reading; ``apply`` replaces such matches by what the builder makes of the matched runs (the
cut strings and whole elements between them).

A few rules (head zone, closing cuts, stamps, hands, superscripts) count items as characters;
they take ``per_character(items)``, one item per character, and use ``read``/``span``.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator
from itertools import accumulate, groupby

from lxml import etree

from .tei import add_text, local

Item = str | etree._Element
OBJ = "\ufffc"


def reading(item: Item) -> str:
    if isinstance(item, str):
        return item
    name = local(item)
    if name == "unclear":
        return "".join(item.itertext())
    if name == "lb":
        return "\n"
    return OBJ


def _readings(items: list[Item]) -> tuple[list[str], str]:
    """The reading of each item, and their join."""
    try:
        # about half of the lists hold no element: then the items are their own readings
        return items, "".join(items)  # type: ignore[arg-type]
    except TypeError:
        # characters are most of the items: runs of them are copied in C (groupby by type),
        # only the few elements go through ``reading``
        parts: list[str] = []
        for kind, run in groupby(items, type):
            if issubclass(kind, str):
                parts.extend(run)
            else:
                parts.extend(map(reading, run))
        return parts, "".join(parts)


def _owner(items: list[Item], parts: list[str], text: str) -> list[int]:
    """Per character of ``text`` (the join of ``parts``), the index of its item."""
    if len(text) == len(items) and "" not in parts:
        return list(range(len(items)))      # every item reads as exactly one character
    owner: list[int] = []
    for i, r in enumerate(parts):
        owner.extend([i] * len(r))
    return owner


def read(items: list[Item]) -> tuple[str, list[int]]:
    """The reading string and, per reading character, the index of its item (for lists of
    single characters: see ``per_character``)."""
    parts, text = _readings(items)
    return text, _owner(items, parts, text)


def span(owner: list[int], start: int, end: int, n_items: int) -> tuple[int, int] | None:
    """Item range [a, b) covering reading[start:end], if the match ends on item boundaries."""
    if start >= end:
        return None
    a, b = owner[start], owner[end - 1] + 1
    if start > 0 and owner[start - 1] == a:
        return None
    if end < len(owner) and owner[end] == b - 1:
        return None
    return a, min(b, n_items)


Builder = Callable[[re.Match[str], list[Item]], etree._Element | list[Item] | None]


class Prefiltered:
    """A pattern behind a cheap necessary condition (``may_match``), tested before the
    pattern's own search: most runs of text hold no date, no '?', no other script, and a
    ``str`` method or a one-character class finds that out many times faster."""

    __slots__ = ("pattern", "may_match")

    def __init__(self, pattern: re.Pattern[str], may_match: Callable[[str], object]) -> None:
        self.pattern = pattern
        self.may_match = may_match

    def search(self, text: str) -> re.Match[str] | None:
        return self.pattern.search(text) if self.may_match(text) else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        return self.pattern.finditer(text)


Pattern = re.Pattern[str] | Prefiltered


def apply(items: list[Item], pattern: Pattern, build: Builder) -> list[Item]:
    """Replace every aligned match of ``pattern`` by what ``build`` returns (None: leave).

    When nothing is replaced, ``items`` itself is returned (not a copy).
    """
    return apply_all(items, [(pattern, build)])


def apply_all(items: list[Item], rules: list[tuple[Pattern, Builder]]) -> list[Item]:
    """``apply`` each (pattern, build) rule in turn. The reading is built once and again only
    after a rule replaced something: most rules do not occur in most runs of text."""
    parts: list[str] = []
    text: str | None = None
    for pattern, build in rules:
        if text is None:
            parts, text = _readings(items)
        if pattern.search(text) is None:
            continue
        made = _replace(items, parts, text, pattern, build)
        if made is not items:
            items, text = made, None
    return items


def _aligned(items: list[Item], starts: list[int], start: int, end: int) -> tuple[int, int] | None:
    """The items [a, b] holding reading[start:end] (``starts``: the reading offset of each item,
    then the reading's length), if the match neither starts nor ends inside an element's
    reading. A text run may be cut anywhere."""
    a = bisect_right(starts, start) - 1
    b = bisect_right(starts, end - 1) - 1
    if start != starts[a] and not isinstance(items[a], str):
        return None
    if end != starts[b + 1] and not isinstance(items[b], str):
        return None
    return a, b


def _replace(items: list[Item], parts: list[str], text: str, pattern: Pattern,
             build: Builder) -> list[Item]:
    starts = list(accumulate(map(len, parts), initial=0))
    out: list[Item] = []
    replaced = False
    # items[last] from its character last_off on (and all after it) are not copied yet
    last, last_off = 0, 0
    for m in pattern.finditer(text):
        start, end = m.span()
        if start >= end:
            continue
        found = _aligned(items, starts, start, end)
        if found is None:
            continue
        a, b = found
        cut_a, cut_b = start - starts[a], end - starts[b]
        first, final = items[a], items[b]
        if a == b:
            matched = [first[cut_a:cut_b] if isinstance(first, str) else first]
        else:
            matched = [first[cut_a:] if isinstance(first, str) else first]
            matched += items[a + 1:b]
            matched.append(final[:cut_b] if isinstance(final, str) else final)
        made = build(m, matched)
        if made is None:
            continue
        replaced = True
        if a == last:
            if cut_a > last_off:
                out.append(first[last_off:cut_a])   # type: ignore[index]
        else:
            if last_off:
                out.append(items[last][last_off:])  # type: ignore[index]
                out.extend(items[last + 1:a])
            else:
                out.extend(items[last:a])
            if cut_a:
                out.append(first[:cut_a])           # type: ignore[index]
        out.extend(made if isinstance(made, list) else [made])
        if isinstance(final, str) and end < starts[b + 1]:
            last, last_off = b, cut_b
        else:
            last, last_off = b + 1, 0
    if not replaced:
        return items        # every match was left: the caller keeps its reading
    if last_off:
        out.append(items[last][last_off:])          # type: ignore[index]
        last += 1
    out.extend(items[last:])
    return out


def text_start(items: list[Item]) -> int:
    """The index after the last element of ``items``: the strings from there on are the text
    that ends the content (before a bracket, the text the bracket may take back)."""
    k = len(items)
    while k and isinstance(items[k - 1], str):
        k -= 1
    return k


def per_character(items: list[Item]) -> list[Item]:
    """``items`` with every text run cut into single characters, for the few consumers that
    count items as characters (``read``/``span`` offsets, character-wise cuts)."""
    out: list[Item] = []
    for item in items:
        if isinstance(item, str):
            out.extend(item)
        else:
            out.append(item)
    return out


def fill(parent: etree._Element, items: list[Item]) -> etree._Element:
    """Put ``items`` into ``parent`` as mixed content (after what it already holds)."""
    try:
        text = "".join(items)   # type: ignore[arg-type]
    except TypeError:
        pass                    # there are elements
    else:
        add_text(parent, text)
        return parent
    # runs of characters (grouped in C by type) are joined in one go, not appended one by one
    for kind, run in groupby(items, type):
        if issubclass(kind, str):
            add_text(parent, "".join(run))
        else:
            for element in run:
                parent.append(element)
    return parent


def strip(items: list[Item]) -> list[Item]:
    """Trim whitespace at both ends (a new list)."""
    a, b = 0, len(items)
    while a < b and isinstance(items[a], str) and items[a].isspace():
        a += 1
    while b > a and isinstance(items[b - 1], str) and items[b - 1].isspace():
        b -= 1
    out = items[a:b]
    if out:
        if isinstance(out[0], str):
            out[0] = out[0].lstrip()
        if isinstance(out[-1], str):
            out[-1] = out[-1].rstrip()
    return out


def split_at(items: list[Item], pattern: re.Pattern[str]) -> list[list[Item]]:
    """Split at aligned matches of ``pattern`` (separators dropped)."""
    readings, text = _readings(items)
    if pattern.search(text) is None:
        return [items]
    starts = list(accumulate(map(len, readings), initial=0))
    parts: list[list[Item]] = []
    part: list[Item] = []
    last, last_off = 0, 0
    for m in pattern.finditer(text):
        start, end = m.span()
        found = _aligned(items, starts, start, end) if start < end else None
        if found is None:
            continue
        a, b = found
        cut_a, cut_b = start - starts[a], end - starts[b]
        if a == last:
            part = [items[a][last_off:cut_a]] if cut_a > last_off else []  # type: ignore[index]
        else:
            part = [items[last][last_off:]] if last_off else [items[last]]  # type: ignore[index]
            part += items[last + 1:a]
            if cut_a:
                part.append(items[a][:cut_a])       # type: ignore[index]
        parts.append(part)
        final = items[b]
        if isinstance(final, str) and end < starts[b + 1]:
            last, last_off = b, cut_b
        else:
            last, last_off = b + 1, 0
    if last_off:
        parts.append([items[last][last_off:]] + items[last + 1:])  # type: ignore[index]
    else:
        parts.append(items[last:])
    return parts


def text(items: list[Item]) -> str:
    """The plain text of ``items`` (``lb`` reads as a line break)."""
    return "".join([i if isinstance(i, str) else "\n" if local(i) == "lb"
                    else "".join(i.itertext()) for i in items])
