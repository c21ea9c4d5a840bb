"""WeasyPrint, closed to the network: print HTML + CSS → laid-out pages → PDF bytes."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from ...diagnostics import error
from ...resources import xslt_path
from .metadata import PdfFacts, weasyprint_finisher
from .options import PrintOptions

# WeasyPrint logs every CSS property it does not know and every refused URL at WARNING; the
# refusals are deliberate, and the report already names the files, so keep the console quiet.
logging.getLogger("weasyprint").setLevel(logging.ERROR)


class _CrossPartLinks(logging.Filter):
    """The book's contents and index link to anchors in other parts; the writer adds those
    links when it joins the parts, so WeasyPrint's complaint about them is noise."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("No anchor #")


logging.getLogger("weasyprint").addFilter(_CrossPartLinks())


class LocalOnlyFetcher(URLFetcher):
    """Serves file: URLs inside the allowed folders and data: URLs; refuses everything else.

    TEI from elsewhere may point at images on the web (graphic/@url); a print run must never
    fetch them, nor read local files outside the stylesheets, fonts and output folder.
    """

    def __init__(self, roots: list[Path]):
        super().__init__(allowed_protocols=("file", "data"))
        self.roots = [Path(root).resolve() for root in roots]

    def fetch(self, url: str, headers: dict | None = None) -> Any:
        parts = urlsplit(url)
        if parts.scheme == "data":
            return super().fetch(url, headers)
        if parts.scheme == "file":
            target = Path(unquote(parts.path)).resolve()
            if any(target == root or root in target.parents for root in self.roots):
                return super().fetch(url, headers)
        raise ValueError(f"tei-tools print: refusing to fetch {url}")


def stylesheet_text(options: PrintOptions) -> list[str]:
    """The default print CSS, then the options (paper, fonts), then the edition's print CSS."""
    texts = [xslt_path("print/print.css").read_text("utf-8"), options.css()]
    for path in options.extra_css:
        try:
            texts.append(path.read_text("utf-8"))
        except OSError as exc:
            raise error("PDF014", path=str(path), reason=exc.strerror or exc) from None
    return texts


class Layouter:
    """Lays out HTML with one set of stylesheets and one font configuration, so that the parts
    of a document share the parsed CSS and the loaded fonts (and the fonts stay alive until
    the joined pages are written)."""

    def __init__(self, options: PrintOptions, roots: list[Path]):
        self.fetcher = LocalOnlyFetcher([xslt_path("print"), *roots,
                                         *(f.parent for f in options.fonts.files)])
        self.fonts = FontConfiguration()
        self.sheets = [CSS(string=text, font_config=self.fonts, url_fetcher=self.fetcher)
                       for text in stylesheet_text(options) if text]

    def layout(self, html: str, where: str, extra_css: str = "") -> Document:
        """Lay out one HTML string. ``where`` names the source in error messages; ``extra_css``
        comes last (numbering a part on from the previous one, footnote repairs)."""
        sheets = [*self.sheets, *([CSS(string=extra_css, font_config=self.fonts,
                                       url_fetcher=self.fetcher)] if extra_css else [])]
        try:
            return HTML(string=html, base_url=xslt_path("print").as_uri() + "/",
                        url_fetcher=self.fetcher).render(stylesheets=sheets,
                                                         font_config=self.fonts)
        except Exception as exc:  # WeasyPrint raises many kinds; the user needs the file
            raise error("PDF020", path=where, error_type=type(exc).__name__,
                        error=exc) from None


def layout(html: str, options: PrintOptions, roots: list[Path], where: str,
           extra_css: str = "") -> Document:
    """Lay out one HTML string on its own (see Layouter.layout)."""
    return Layouter(options, roots).layout(html, where, extra_css)


# WeasyPrint 70, when a paragraph would keep fewer lines at the foot of a page than `orphans`
# asks, may carry footnotes whose calls are on that page over to the next one to make room for
# the paragraph's lines. After layout the writer looks for such notes; the paragraph that was
# being broken at the foot of that page (the last one starting there) then starts on the next
# page instead, and the layout is done again. Each round mends one page.
_MAX_ROUNDS = 8


def _pages_of(document: Document, prefixes: tuple[str, ...]) -> dict[str, int]:
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages):
        for anchor in page.anchors:
            if anchor.startswith(prefixes):
                pages.setdefault(anchor, number)
    return pages


def misplaced_footnotes(document: Document) -> list[tuple[str, int]]:
    """Footnotes (element id, page of the call) placed on another page than their call."""
    pages = _pages_of(document, ("fn-", "fncall-"))
    return sorted((name, pages["fncall-" + name[3:]]) for name, number in pages.items()
                  if name.startswith("fn-") and pages.get("fncall-" + name[3:], number) != number)


def _last_block_on(document: Document, page: int) -> str | None:
    """The id of the last paragraph that starts on ``page`` (the one broken at its foot)."""
    anchors = document.pages[page].anchors
    blocks = [(y, name) for name, (_x, y, *_rest) in anchors.items() if name.startswith("b-")]
    return max(blocks)[1] if blocks else None


def layout_checked(html: str, options: PrintOptions | Layouter, roots: list[Path], where: str,
                   extra_css: str = "") -> tuple[Document, list[tuple[str, int]]]:
    """Lay out, mending pages where a footnote left its call's page (see above). Returns the
    layout and the footnotes that could not be mended. ``options`` may be a Layouter that
    the caller shares between parts (``roots`` are then its own)."""
    layouter = options if isinstance(options, Layouter) else Layouter(options, roots)
    fixes: list[str] = []
    best: tuple[Document, list[tuple[str, int]]] | None = None
    for _ in range(_MAX_ROUNDS):
        css = extra_css + "".join(f"#{name} {{ break-before: page; }}" for name in fixes)
        document = layouter.layout(html, where, css)
        misplaced = misplaced_footnotes(document)
        if best is None or len(misplaced) <= len(best[1]):
            best = (document, misplaced)
        if not misplaced:
            break
        block = _last_block_on(document, misplaced[0][1])
        if block is None or block in fixes:
            break
        fixes.append(block)
    assert best is not None
    return best


def to_pdf(document: Document, ident: bytes = b"tei-tools", facts: PdfFacts | None = None
           ) -> bytes:
    """Serialise pages; the identifier is given (metadata.identifier), not taken from the
    clock, so reruns give the same bytes. ``facts``: also write them as XMP metadata."""
    return document.write_pdf(pdf_identifier=ident,
                              finisher=weasyprint_finisher(facts))


def facts_of(document: Document) -> PdfFacts:
    """Title, authors, language and date that the print HTML's head gave the layout."""
    meta = document.metadata
    return PdfFacts(meta.title or "", tuple(meta.authors or ()), meta.lang or "",
                    meta.created or "", meta.description or "")
