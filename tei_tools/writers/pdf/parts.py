"""Print HTML cut into parts at its divisions, so that each part is laid out on its own.

WeasyPrint lays a document out as a whole, and the footnote repair (engine.layout_checked)
lays it out again for every page it mends; for a book-length document that is minutes. Cut
into parts, each part is laid out once, only a part with a misplaced footnote is laid out
again, and the parts' pages are joined into one PDF (links, outline and anchors work across
them, see assemble.py).

Where the cuts go (in a page larger than ``MAX_PART`` characters; a smaller one is one
part): before every top-level division (a ``div`` of class ``div`` inside no other
one) and, inside a division larger than ``MAX_PART`` characters of HTML, before each of its
sub-divisions but the first (the division's head stays with its first sub-division). A part
therefore starts on a new page, as a chapter does. Text that has no divisions is one part.

Each part is a whole HTML page: the ancestors of its content are copied around it, without
their ids after the part where they begin, and marked ``part-continued`` so that the print
CSS leaves out their top margins there.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass

from lxml import etree
from lxml import html as lxml_html

MAX_PART = 60_000  # characters of print HTML: a division larger than this is cut further
_UTF8 = lxml_html.HTMLParser(encoding="utf-8")


@dataclass(frozen=True)
class Part:
    """One part: a whole HTML page, and what it continues from the parts before it."""

    html: str
    footnotes_before: int  # footnotes in the parts before it (the footnote counter goes on)
    continued: bool  # not the first part: the running heads come from the strings below
    edition_title: str
    doc_title: str


def _classes(element: etree._Element) -> list[str]:
    return (element.get("class") or "").split()


def _is_division(element: etree._Element) -> bool:
    return element.tag == "div" and "div" in _classes(element)


def _is_footnote(element: etree._Element) -> bool:
    return "fn" in _classes(element)


def _size(element: etree._Element) -> int:
    return len(etree.tostring(element, method="html", encoding="unicode"))


def cut_points(root: etree._Element, max_part: int = MAX_PART) -> list[etree._Element]:
    """The elements before which a new part starts, in document order (see the module)."""
    cuts: list[etree._Element] = []
    if _size(root) <= max_part:
        return cuts  # short enough to lay out at once, without new pages at its divisions

    def visit(division: etree._Element) -> None:
        if _size(division) <= max_part:
            return
        subs = [child for child in division if _is_division(child)]
        cuts.extend(subs[1:])
        for sub in subs:
            visit(sub)

    top = [e for e in root.iter("div") if _is_division(e)
           and not any(_is_division(a) for a in e.iterancestors())]
    for division in top:
        cuts.append(division)
        visit(division)
    cuts = [_with_anchors(cut) for cut in cuts]
    order = {id(e): i for i, e in enumerate(root.iter())}
    cuts = sorted({id(e): e for e in cuts}.values(), key=lambda e: order[id(e)])
    # the first division is not a cut: what comes before it (title block) goes with it
    return cuts[1:]


def _with_anchors(division: etree._Element) -> etree._Element:
    """The cut before a division moves back over the empty anchors just before it (the
    division's own xml:id is printed so), so that they land on its first page."""
    cut = division
    previous = cut.getprevious()
    while (previous is not None and previous.tag == "a" and len(previous) == 0
           and not (previous.text or "").strip() and not (cut.getprevious().tail or "").strip()):
        cut = previous
        previous = cut.getprevious()
    return cut


def split(page: str, max_part: int = MAX_PART) -> list[Part]:
    """Cut a print HTML page into parts; a page without divisions is one part."""
    root = lxml_html.document_fromstring(page.encode("utf-8"), parser=_UTF8)
    cuts = cut_points(root, max_part)
    if not cuts:
        return [Part(page, 0, False, "", "")]
    elements = list(root.iter())
    index = {id(e): i for i, e in enumerate(elements)}
    last = _subtree_ends(root, index)
    starts = [0, *(index[id(c)] for c in cuts)]
    ends = [*starts[1:], len(elements)]
    edition_title = "".join(root.xpath("string((//*[contains(concat(' ', @class, ' '),"
                                       " ' edition-line ')])[1])"))
    doc_title = "".join(root.xpath("string((//*[contains(concat(' ', @class, ' '),"
                                   " ' doc-title ')])[1]/@data-short)"))
    parts = []
    footnotes = 0
    for number, (start, end) in enumerate(zip(starts, ends, strict=True)):
        piece = _extract(root, start, end, index, last)
        if number > 0 and root.find("head") is not None:
            piece.insert(0, copy.deepcopy(root.find("head")))  # title, charset: every part
        parts.append(Part(etree.tostring(piece, method="html", encoding="unicode",
                                         doctype="<!DOCTYPE html>"),
                          footnotes, number > 0, edition_title, doc_title))
        footnotes += sum(1 for e in elements[start:end] if _is_footnote(e))
    return parts


def _subtree_ends(root: etree._Element, index: dict[int, int]) -> dict[int, int]:
    """Element → document-order index of the last element of its subtree."""
    ends: dict[int, int] = {}

    def walk(element: etree._Element) -> int:
        end = index[id(element)]
        for child in element:
            end = walk(child)
        ends[id(element)] = end
        return end

    walk(root)
    return ends


def _extract(element: etree._Element, start: int, end: int, index: dict[int, int],
             last: dict[int, int]) -> etree._Element:
    """A copy of ``element`` holding only the elements numbered start…end-1 (document order),
    with the text between them; ``element`` must hold some of them."""
    first = index[id(element)]
    clone = etree.Element(element.tag, attrib=dict(element.attrib))
    if first >= start:
        clone.text = element.text
    else:
        clone.attrib.pop("id", None)  # the id belongs to the part where the element begins
        clone.set("class", " ".join([*_classes(element), "part-continued"]))
    for child in element:
        child_first, child_last = index[id(child)], last[id(child)]
        if child_last < start or child_first >= end:
            continue
        if child_first >= start and child_last < end:
            part = copy.deepcopy(child)
        else:
            part = _extract(child, start, end, index, last)
        part.tail = child.tail if child_last < end else None
        clone.append(part)
    return clone
