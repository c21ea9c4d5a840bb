"""Helpers for the body tests: build a body from a small inline transcript."""

from __future__ import annotations

import re

from lxml import etree

from tei_tools.readers.transcript.body import build_body
from tei_tools.readers.transcript.body.lines import TextLine
from tei_tools.readers.transcript.context import Context
from tei_tools.readers.transcript.hints import BodyHints

TEI = "http://www.tei-c.org/ns/1.0"


def lines_of(text: str) -> list[TextLine]:
    return [TextLine(t, i + 1) for i, t in enumerate(text.split("\n"))]


def build(text: str, docid: str = "t", **hints):
    """(div, ctx) for a document text given as a string (lines numbered from 1)."""
    ctx = Context(docid)
    body = build_body(lines_of(text), ctx, BodyHints(**hints))
    return body, ctx


def xml(node: etree._Element) -> str:
    """Serialisation without namespace noise, for readable assertions."""
    s = etree.tostring(node, encoding="unicode")
    s = re.sub(r'\s?xmlns(:\w+)?="[^"]*"', "", s)
    return re.sub(r"(</?)ns\d+:", r"\1", s)


def codes(ctx: Context) -> list[str]:
    return [d.code for d in ctx.diagnostics]


def wrap(div: etree._Element) -> etree._Element:
    """A minimal TEI document around a body div, for validation."""
    tei = etree.Element(f"{{{TEI}}}TEI", nsmap={None: TEI})
    header = etree.SubElement(tei, f"{{{TEI}}}teiHeader")
    fd = etree.SubElement(header, f"{{{TEI}}}fileDesc")
    etree.SubElement(etree.SubElement(fd, f"{{{TEI}}}titleStmt"), f"{{{TEI}}}title").text = "t"
    etree.SubElement(etree.SubElement(fd, f"{{{TEI}}}publicationStmt"), f"{{{TEI}}}p").text = "p"
    etree.SubElement(etree.SubElement(fd, f"{{{TEI}}}sourceDesc"), f"{{{TEI}}}p").text = "s"
    body = etree.SubElement(etree.SubElement(tei, f"{{{TEI}}}text"), f"{{{TEI}}}body")
    body.append(div)
    return tei
