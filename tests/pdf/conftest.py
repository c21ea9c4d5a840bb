"""PDFs made once per test session (WeasyPrint layout takes a second or two each)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pdf_helpers import FEATURES, REFERENCE, long_variant, variant

from tei_tools.edition import load_edition
from tei_tools.writers.pdf import render_book, render_pdf


@pytest.fixture(scope="session")
def edition_dir(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("edition")
    (root / "edition.toml").write_text(
        '[edition]\ntitle = "Test Edition of Journals"\nsubtitle = "For the tests"\n'
        'editors = ["Ann Editor", "Bob Editor"]\npublisher = "Test Press"\n'
        'description = "Synthetic documents."\n\n[pdf]\npaper = "A4"\n', "utf-8")
    return root


@pytest.fixture(scope="session")
def book_sources(tmp_path_factory) -> list[Path]:
    """Five documents, given in an order that is not the chronological one."""
    folder = tmp_path_factory.mktemp("book-tei")
    days = {0: 40, 1: 10, 2: 30, 3: 20, 4: 0}
    return [variant(REFERENCE, n, folder, day=days[n]) for n in range(5)]


@pytest.fixture(scope="session")
def book_pdf(tmp_path_factory, edition_dir, book_sources) -> Path:
    out = tmp_path_factory.mktemp("book") / "book.pdf"
    report = render_book(load_edition(edition_dir), book_sources, out)
    assert report.failed == 0, report.diagnostics
    return out


def _long(tmp_path_factory, every: int) -> Path:
    folder = tmp_path_factory.mktemp("long")
    source = long_variant(REFERENCE, 7, folder, copies=4, every=every)
    report = render_pdf([source], folder / "out", jobs=1)
    assert report.failed == 0, report.diagnostics
    return report.written[0]


@pytest.fixture(scope="session")
def long_pdf(tmp_path_factory) -> Path:
    """About a dozen pages, a footnote on every third paragraph."""
    return _long(tmp_path_factory, every=3)


@pytest.fixture(scope="session")
def dense_pdf(tmp_path_factory) -> Path:
    """A footnote on every paragraph: the footnote area fills up on every page."""
    return _long(tmp_path_factory, every=1)


@pytest.fixture(scope="session")
def feature_pdfs(tmp_path_factory) -> dict[str, Path]:
    """The hand-made fixture in both views."""
    out = {}
    for view in ("reading", "diplomatic"):
        folder = tmp_path_factory.mktemp(view)
        report = render_pdf([FEATURES], folder, view=view, jobs=1)
        assert report.failed == 0, report.diagnostics
        out[view] = report.written[0]
    return out
