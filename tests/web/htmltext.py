"""Turn a rendered document view back into lines of plain text (for the D round-trip test)."""

from __future__ import annotations

import re

from lxml import html

BLOCKS = {"p", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl",
          "dt", "dd", "table", "tr", "blockquote", "hr"}
_WS = re.compile(r"[ \t\r\n\u00a0]+")


def doc_text(page: str, selector: str = "doc-text") -> html.HtmlElement:
    tree = html.fromstring(page)
    found = tree.xpath(f"//div[contains(concat(' ', @class, ' '), ' {selector} ')]")
    assert found, f"no div.{selector} in the page"
    return found[0]


def lines(element: html.HtmlElement) -> list[str]:
    out: list[str] = []
    current: list[str] = []

    def flush():
        text = _WS.sub(" ", "".join(current)).strip()
        if text:
            out.append(text)
        current.clear()

    def walk(el):
        tag = el.tag if isinstance(el.tag, str) else ""
        cls = el.get("class") or ""
        if tag == "a" and "iv-ref" in cls:  # the (i) marker is not text
            current.append(el.tail or "")
            return
        block = tag in BLOCKS
        if block:
            flush()
        if tag == "br":
            flush()
        else:
            current.append(el.text or "")
            for child in el:
                walk(child)
        if block:
            flush()
        current.append(el.tail or "")

    walk(element)
    flush()
    return out
