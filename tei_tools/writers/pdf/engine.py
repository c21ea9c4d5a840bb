"""WeasyPrint, closed to the network: print HTML + CSS → laid-out pages → PDF bytes."""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import unquote, urlsplit

from weasyprint import CSS, HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher

from ...diagnostics import error
from ...resources import xslt_path
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

    def fetch(self, url, headers=None):
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
            raise error("PDF014", f"cannot read CSS: {exc.strerror or exc}",
                        path=str(path)) from None
    return texts


def layout(html: str, options: PrintOptions, roots: list[Path], where: str,
           extra_css: str = "") -> Document:
    """Lay out one HTML string. ``where`` names the source in error messages; ``extra_css``
    comes last (the book uses it to number a part's pages on from the previous part)."""
    fetcher = LocalOnlyFetcher([xslt_path("print"), *roots, *(f.parent for f in
                                                               options.fonts.files)])
    fonts = FontConfiguration()
    sheets = [CSS(string=text, font_config=fonts, url_fetcher=fetcher)
              for text in [*stylesheet_text(options), extra_css] if text]
    try:
        return HTML(string=html, base_url=xslt_path("print").as_uri() + "/",
                    url_fetcher=fetcher).render(stylesheets=sheets, font_config=fonts)
    except Exception as exc:  # WeasyPrint raises many kinds; the user needs the file, not a trace
        raise error("PDF020", f"PDF layout failed: {type(exc).__name__}: {exc}", path=where,
                    hint="report this with the TEI file; try --view diplomatic") from None


def to_pdf(document: Document) -> bytes:
    """Serialise pages; no PDF identifier from the clock, so reruns give the same bytes."""
    return document.write_pdf(pdf_identifier=b"tei-tools")
