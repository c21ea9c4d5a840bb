"""A document laid out part by part (parts.py) and joined into one layout.

Each part is laid out with the shared Layouter, numbered on from the part before it: its
pages (``@page :first { counter-reset: page N }``), its footnotes (the footnote counter of its
``section.document``), its running heads (the strings the first part set). Only a part with a
footnote away from its call is laid out again (engine.layout_checked), so a repair costs a
chapter, not the document. The parts' pages then form one WeasyPrint document, written as
one PDF: links between parts, the outline and the named destinations are resolved over all
pages, as they would be for a single layout.
"""

from __future__ import annotations

from weasyprint import Document

from .engine import Layouter, layout_checked, misplaced_footnotes
from .parts import MAX_PART, Part, split


def numbering(first: int, heads: bool = False) -> str:
    """CSS that numbers a layout's pages on from ``first``; with ``heads``, its first page keeps
    the running heads (a part that starts in the middle of a document or of the book)."""
    css = f"@page :first {{ counter-reset: page {first}; }}" if first > 1 else ""
    if heads:
        css += ("@page :first { @top-left { content: string(edition-title); }"
                " @top-right { content: string(doc-title); } }")
    return css


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return '"' + " ".join(escaped.split()) + '"'


def continuation(part: Part) -> str:
    """CSS that carries on, in a part, what the parts before it started."""
    if not part.continued:
        return ""
    css = (f"html {{ string-set: edition-title {_css_string(part.edition_title)},"
           f" doc-title {_css_string(part.doc_title)}; }}")
    if part.footnotes_before:
        css += (f" section.document.part-continued {{ counter-reset: footnote"
                f" {part.footnotes_before}; }}")
    return css


def layout_in_parts(html: str, layouter: Layouter, where: str, *, first: int = 1,
                    heads: bool = False, max_part: int = MAX_PART
                    ) -> tuple[Document, list[tuple[str, int]]]:
    """Lay out a print HTML page in parts, numbering its pages from ``first`` (``heads``: its
    first page has running heads). Returns one layout of all pages and the footnotes that are
    still away from their calls (element id, page of the call)."""
    documents = []
    number = first
    for part in split(html, max_part):
        document, _left = layout_checked(
            part.html, layouter, [], where,
            numbering(number, heads or part.continued) + continuation(part))
        documents.append(document)
        number += len(document.pages)
    joined = documents[0].copy([page for document in documents for page in document.pages])
    return joined, misplaced_footnotes(joined)
