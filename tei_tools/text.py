"""Plain-text views of a TEI document's body: diplomatic (D) and reading (R).

D follows conventions.md §6.5 "D rendering of the body": it puts back the transcript's own
brackets and line structure, so that it can be compared with the transcript (the round-trip
invariant, §6.5 N1–N9). R is a clean reading text: supplied words as plain text, no editorial
brackets, notes left out of the running text (footnotes and editorial notes can be appended).

Where §6.5 does not say how a structure is written, D follows the transcript conventions of §4,
and the choice is stated next to the code (inline lists, speaker turns).
"""

from __future__ import annotations

import os
import re

from lxml import etree

from .safexml import NS, parse_file

# a TEI document: a file (parsed safely) or a tree parsed already
Tei = etree._ElementTree | etree._Element | str | os.PathLike
_WS = re.compile(r"[ \t\r\n\u00a0]+")
BLOCKS = {"p", "head", "dateline", "ab", "signed", "salute", "trailer", "byline", "docDate"}
CONTAINERS = {"div", "body", "opener", "closer", "postscript", "front", "back", "text", "fw"}
OWN_LINE_IN_CONTAINER = {"stamp", "note", "add", "gap", "fw", "pb", "milestone", "list",
                         "figure", "sp", "unclear"}
# notes written between brackets in D (the others are written as they are)
BRACKETED_NOTES = {"desc", "query", "orig-term", "alt-name", "identification", "expansion", "sic",
                   "editorial", "translator", "resolution", "handwritten"}
RULE_CHARS = {"equals": "=", "dash": "—", "underscore": "_", "asterisks": "*", "hash": "#",
              "letters": "x"}
FOOTNOTE_RULE = "—" * 10
GROUP_LINE = re.compile(r"^[A-Z][\w ]+ (?:side|delegation):\s")


def local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _root(tei: Tei) -> etree._Element:
    if isinstance(tei, str | os.PathLike):
        return parse_file(tei).getroot()
    return tei.getroot() if isinstance(tei, etree._ElementTree) else tei


class _Lines:
    """Collects rendered text; ``end`` finishes the current line."""

    def __init__(self) -> None:
        self.done: list[str] = []
        self.cur: list[str] = []     # pieces of the current line (joined once: long lines)
        self.has_text = False

    def add(self, text: str) -> None:
        if text:
            self.cur.append(text)
            self.has_text = self.has_text or bool(text.strip())

    def end(self) -> None:
        if self.has_text:
            self.done.append("".join(self.cur))
        self.cur, self.has_text = [], False

    def inline(self) -> bool:
        return self.has_text

    def result(self) -> list[str]:
        self.end()
        return [_WS.sub(" ", line).strip() for line in self.done if line.strip()]


def _element_only(el: etree._Element) -> bool:
    texts = [el.text] + [c.tail for c in el]
    return len(el) > 0 and all(t is None or not t.strip(" \t\r\n") for t in texts)


class _Renderer:
    """Shared walk of the body; D and R differ in how single elements are written."""

    def __init__(self) -> None:
        self.out = _Lines()
        self.footnotes: list[etree._Element] = []

    # --- structure ------------------------------------------------------------------------
    def own_line(self, el: etree._Element) -> bool:
        name, parent = local(el), el.getparent()
        if name in BLOCKS:
            return True
        return (name in OWN_LINE_IN_CONTAINER and parent is not None
                and local(parent) in CONTAINERS | {"sp"})

    def children(self, el: etree._Element) -> None:
        if local(el) in CONTAINERS and _element_only(el):
            for child in el:
                if not isinstance(child.tag, str):
                    continue
                # phrase-level neighbours in element-only content share a line (§4 head zone)
                if not self.own_line(child) and local(child) != "lb" and self.out.inline():
                    self.out.add(" ")
                self.render(child)
            return
        self.out.add(el.text or "")
        for child in el:
            if isinstance(child.tag, str):
                self.render(child)
            self.out.add(child.tail or "")

    def render(self, el: etree._Element) -> None:
        name = local(el)
        if name == "lb":
            self.out.end()
            return
        if name == "list":
            self.list(el)
            return
        if name == "sp":
            self.sp(el)
            return
        block = self.own_line(el)
        joined = block and self.shares_line(el)
        if joined:
            self.out.add(" ")
        elif block:
            self.out.end()
        self.element(el, name)
        following = el.getnext()
        if block and not (following is not None and self.shares_line(following)):
            self.out.end()

    @staticmethod
    def shares_line(el: etree._Element) -> bool:
        """P13: stamps written side by side on one line keep the space between them in the TEI
        (the tail of the first), where stamps on lines of their own have a line break."""
        before = el.getprevious()
        return local(el) == "stamp" and before is not None and local(before) == "stamp" \
            and before.tail == " "

    def sp(self, el: etree._Element) -> None:
        """A speaker turn: the label and the first paragraph share a line (``Name: text``), as
        in the transcript; a ``<lb/>`` ending the speaker marks a label alone on its line."""
        self.out.end()
        first = True
        for child in el:
            if not isinstance(child.tag, str):
                continue
            if local(child) == "speaker":
                self.children(child)
                if self.out.inline():
                    self.out.add(" ")
                continue
            if first and local(child) == "p":
                self.children(child)
                self.out.end()
            else:
                self.render(child)
            first = False
        self.out.end()

    def list(self, el: etree._Element) -> None:
        self.out.end()
        items = [c for c in el if local(c) == "item"]
        labels = [c for c in el if local(c) == "label"]
        head = el.find("t:head", NS)
        if self.inline_list(el, items, labels):
            if head is not None:
                self.children(head)
                self.out.add(" ")
            for index, item in enumerate(items):
                if index:
                    self.out.add(self.separator(el, items))
                    if _after_line_break(item):
                        self.out.end()      # P3: an inline list wrapped over lines
                self.children(item)
            if not (el.tail or "").strip():
                self.out.end()      # text after the list ("(FYI: A, B)") stays on its line
            return
        after_label = False
        for child in el:
            name = local(child)
            if name == "head":
                self.out.end()
                self.children(child)
                self.out.end()
            elif name == "label":
                self.out.end()
                self.children(child)
                after_label = True
            elif name == "item":
                if after_label:
                    self.out.add(" ")
                else:
                    self.out.end()
                    if el.get("rend") == "dash":
                        self.out.add("- ")
                self.children(child)
                self.out.end()
                after_label = False
            elif name:
                self.render(child)
        self.out.end()

    @staticmethod
    def inline_list(el: etree._Element, items: list, labels: list) -> bool:
        """A list written on one transcript line (L9 fields, inline L20 lists): no labels, no
        dash rendering, and items that are not one-per-line group lines (``Chinese side: …``)."""
        if labels or el.get("rend") == "dash" or not items or _after_line_break(items[0]):
            return False        # P3: an item after an lb opens a list of one item per line
        if el.get("type") not in ("distribution", "participants", "subject"):
            return False
        return not any(GROUP_LINE.match("".join(i.itertext())) for i in items)

    @staticmethod
    def separator(el: etree._Element, items: list) -> str:
        """The transcript separated the items with '; ' when any item holds ', ' or when the
        list stood in the head zone (L8, L20 "items split at ;") and is not marked as separated
        by commas (``@rend='commas'``, P3), else with ', '."""
        parent = el.getparent()
        if parent is not None and local(parent) == "note":
            return ", " if el.get("rend") == "commas" else "; "
        texts = ["".join(i.itertext()) for i in items]
        return "; " if any(", " in _outside_brackets(t) for t in texts) else ", "

    # --- single elements: overridden by the views -----------------------------------------
    def element(self, el: etree._Element, name: str) -> None:
        self.children(el)


def _after_line_break(item: etree._Element) -> bool:
    """An ``lb`` between the previous item and this one."""
    prev = item.getprevious()
    return prev is not None and local(prev) == "lb"


def _outside_brackets(text: str) -> str:
    return re.sub(r"\([^()]*\)|\[[^\]]*\]", "", text)


def _open(el: etree._Element, mark: str = "[") -> str:
    # P10: an unbracketed declassification block has neither bracket
    return "" if el.get("rend") in ("unopened", "unbracketed") else mark


def _close(el: etree._Element, mark: str = "]") -> str:
    if el.get("rend") in ("unclosed", "unbracketed"):
        return ""
    if el.get("rend") == "single-close":
        return "]"
    return mark


class _Diplomatic(_Renderer):
    def element(self, el: etree._Element, name: str) -> None:
        add, rend = self.out.add, el.get("rend")
        if name in ("supplied", "ex"):
            add(_open(el))
            self.children(el)
            add(_close(el))
        elif name == "figure" and el.get("type") == "signature":
            desc = el.find("t:figDesc", NS)
            text = "".join(desc.itertext()) if desc is not None else ""
            add(f"/{text}/" if rend == "slashes" else _open(el) + text + _close(el))
        elif name == "gap":
            desc = el.find("t:desc", NS)
            double = rend == "single-close"
            if desc is not None:
                add(_open(el, "[[" if double else "[") + "".join(desc.itertext()) + _close(el))
            else:
                add(_open(el, "[[" if double else "[")
                    + ("…" if el.get("reason") == "editorial" else "illegible") + _close(el))
        elif name == "unclear":
            if el.get("reason") == "encoding":
                self.children(el)
            else:
                add(_open(el, "[["))
                self.children(el)
                add(_close(el, "?]]" if el.get("cert") == "low" else "]]")
                    if rend != "single-close" else "]")
        elif name == "note":
            self.note(el)
        elif name in ("stamp", "add") and rend == "label-only":
            self.label_only(el)
        elif name in ("stamp", "add") and self.bracketed(el):
            add(_open(el))
            self.children(el)
            add(_close(el))
        elif name == "sic":
            self.children(el)
            nxt = el.getnext()
            if not (nxt is not None and local(nxt) == "note" and nxt.get("type") == "sic"):
                add(" " + _open(el) + "sic" + _close(el))
        elif name == "hi" and rend == "spaced":
            add(" ".join("".join(el.itertext()).replace(" ", "")))
        elif name == "space":
            add("_" * int(el.get("quantity") or "1"))
        elif name == "milestone" and el.get("unit") == "rule":
            add(RULE_CHARS.get(el.get("type") or "", "-") * 10)
        elif name == "pb":
            add(_open(el) + f"Page {el.get('n')}" + _close(el) if el.get("n") else "")
        else:
            self.children(el)

    def label_only(self, el: etree._Element) -> None:
        """P10/P11: ``[Stamp]: content``, ``[Handwritten text:] content`` — the brackets hold
        only the label (the desc note that opens the element), the content follows them."""
        self.out.add(el.text or "")
        for child in el:
            if isinstance(child.tag, str) and _opening_desc(child):
                self.out.add("[")
                self.children(child)       # a label over two lines keeps its <lb/>
                self.out.add("]")
            elif isinstance(child.tag, str):
                self.render(child)
            self.out.add(child.tail or "")

    @staticmethod
    def bracketed(el: etree._Element) -> bool:
        """stamp always; add only when a label opens it (B21), not for [added by hand] (B22)."""
        if local(el) == "stamp":
            return True
        first = next((c for c in el if isinstance(c.tag, str)), None)
        return (first is not None and local(first) == "note" and first.get("type") == "desc"
                and not (el.text or "").strip())

    def note(self, el: etree._Element) -> None:
        kind = el.get("type")
        if kind == "footnote":
            self.footnotes.append(el)
            if el.get("anchored") != "false":     # a text without a marker has no call
                self.out.add(footnote_marker(el))
            return
        if el.get("rend") == "label-only":       # P11: [Handwritten]: …
            self.label_only(el)
        elif el.get("rend") == "single-close" and _labelled(el):
            self.out.add("[")                    # P11: [[Handwriting …]: … ]]
            self.label_only(el)
            self.out.add("]]")
        elif kind in BRACKETED_NOTES and not _opening_desc(el):
            self.out.add(_open(el))
            self.children(el)
            self.out.add(_close(el))
        else:
            self.children(el)


def _labelled(el: etree._Element) -> bool:
    """The element opens with its label's desc note."""
    first = next((c for c in el if isinstance(c.tag, str)), None)
    return first is not None and _opening_desc(first)


def _opening_desc(el: etree._Element) -> bool:
    """A desc note that opens a stamp, add or note: the label, which keeps its own colon."""
    parent = el.getparent()
    return (el.get("type") == "desc" and parent is not None
            and local(parent) in ("stamp", "add", "note")
            and next((c for c in parent if isinstance(c.tag, str)), None) is el
            and not (parent.text or "").strip())


def footnote_marker(note: etree._Element, *, text: bool = False) -> str:
    """The marker as written in the transcript (``text``: the label of the footnote text).
    ``@rend`` names the marker's style, then the text's where it differs (``plain bracketed``:
    ``RAPACKI1`` … ``[1] …``); plain and asterisk markers are the bare ``@n``."""
    n = note.get("n") or ""
    styles = (note.get("rend") or "").split() or ["bracketed"]
    style = styles[-1] if text else styles[0]
    return {"bracketed": f"[{n}]", "parenthesised": f"({n})", "slash": f"{n}/"}.get(style, n)


class _Reading(_Renderer):
    """R: supplied and expanded text as plain text; editorial apparatus out of the text."""

    def __init__(self, append_notes: bool) -> None:
        super().__init__()
        self.append_notes = append_notes
        self.notes: list[etree._Element] = []

    def element(self, el: etree._Element, name: str) -> None:
        add = self.out.add
        if name == "note":
            if _opening_desc(el):
                self.children(el)   # a stamp's or hand's label: "USSR MFA Stamp:"
            elif el.get("type") in ("footnote", "editorial", "translator"):
                self.notes.append(el)
                add(f"[{len(self.notes)}]" if self.append_notes else "")
            elif el.get("type") in ("distribution", "reference"):
                self.children(el)
            return  # glosses, queries, descriptions: tooltips in the web view, not text
        if name == "figure" and el.get("type") == "signature":
            add("(signed)")
        elif name == "gap":
            desc = el.find("t:desc", NS)
            add("[…]" if el.get("reason") == "editorial" or desc is None
                else "[" + "".join(desc.itertext()) + "]")
        elif name in ("c", "pb"):
            return
        elif name == "hi" and el.get("rend") == "spaced":
            add("".join(el.itertext()).replace(" ", ""))
        elif name == "space":
            add("_" * int(el.get("quantity") or "1"))
        elif name == "milestone":
            add("* * *")
        else:
            self.children(el)


def _body(tree: Tei) -> etree._Element:
    root = _root(tree)
    body = root if local(root) == "body" else root.find(".//t:text/t:body", NS)
    if body is None:
        raise ValueError("the document has no text/body")
    return body


def _walk(renderer: _Renderer, body: etree._Element) -> None:
    try:
        renderer.render(body)
    except RecursionError:  # only trees built in memory get this deep (parsers stop at 256)
        raise ValueError("the body is nested too deeply to be rendered") from None


def diplomatic_lines(tree: Tei) -> list[str]:
    """D view of the body (§6.5) as lines, footnotes after the body under a rule (N8)."""
    renderer = _Diplomatic()
    _walk(renderer, _body(tree))
    footnotes = [n for n in renderer.footnotes if "".join(n.itertext()).strip()]
    if footnotes:
        renderer.out.end()
        renderer.out.add(FOOTNOTE_RULE)
        renderer.out.end()
        for note in footnotes:
            renderer.out.add(footnote_marker(note, text=True) + " ")
            renderer.children(note)
            renderer.out.end()
    return renderer.out.result()


def diplomatic_text(tree: Tei) -> str:
    """D view of the body as text, one line per transcript line (§6.5)."""
    return "\n".join(diplomatic_lines(tree)) + "\n"


def reading_text(tree: Tei, *, append_notes: bool = True) -> str:
    """R view: clean reading text; footnotes and editorial notes appended when asked."""
    renderer = _Reading(append_notes)
    _walk(renderer, _body(tree))
    if append_notes and renderer.notes:
        renderer.out.end()
        renderer.out.add("Notes")
        renderer.out.end()
        for number, note in enumerate(renderer.notes, start=1):
            renderer.out.add(f"[{number}] ")
            renderer.children(note)
            renderer.out.end()
    return "\n".join(renderer.out.result()) + "\n"
