"""tei-tools: archival transcripts → TEI P5 → validated TEI → web and print editions.

The public Python API (the ``tei-tools`` command line is a thin shell over it)::

    from tei_tools import convert, convert_text, validate, render_html, render_pdf, build_edition

Functions are imported lazily, so ``import tei_tools`` stays cheap.
"""

from __future__ import annotations

from importlib import import_module

__version__ = "0.1.0"

_API = {
    "convert": "tei_tools.conversion:convert",
    "convert_text": "tei_tools.conversion:convert_text",
    "validate": "tei_tools.validation:validate",
    "render_html": "tei_tools.writers.site:render_html",
    "build_site": "tei_tools.writers.site:build_site",
    "render_pdf": "tei_tools.writers.pdf:render_pdf",
    "render_book": "tei_tools.writers.pdf:render_book",
    "build_edition": "tei_tools.pipeline:build_edition",
    "load_edition": "tei_tools.edition:load_edition",
    "diplomatic_text": "tei_tools.text:diplomatic_text",
    "reading_text": "tei_tools.text:reading_text",
}

__all__ = ["__version__", *_API]


def __getattr__(name: str):
    target = _API.get(name)
    if target is None:
        raise AttributeError(f"module 'tei_tools' has no attribute {name!r}")
    module, _, attr = target.partition(":")
    value = getattr(import_module(module), attr)
    globals()[name] = value
    return value
