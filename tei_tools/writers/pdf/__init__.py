"""The print edition: TEI → print HTML (XSLT 3.0, xslt/print/) → PDF (WeasyPrint).

``render_pdf`` writes one PDF per document; ``render_book`` writes the edition as one book with
title page, contents, conventions, the documents in date order and an index of persons.
"""

from __future__ import annotations

from .book import BookReport, render_book
from .document import PdfReport, render_pdf
from .options import FontSpec, PrintOptions

__all__ = ["BookReport", "FontSpec", "PdfReport", "PrintOptions", "render_book", "render_pdf"]
