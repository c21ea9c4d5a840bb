"""The shipped document.xsl renders both views in one transform with a splice marker, writing
what the two pages share only once (tei_tools.writers.html.render_views); an edition's
overriding stylesheet, and a document whose spliced result lacks an entry, run one transform
per view. Whichever way, the pages must be exactly those of one transform per view."""

from __future__ import annotations

import pytest
from site_data import DATA, REPO, fixture_files

from tei_tools import safexml, saxon
from tei_tools.resources import xslt_path
from tei_tools.writers.html import render_views

SHEET = str(xslt_path("html/document.xsl"))
PARAMS = {"docid": "d", "position": "2 of 3", "prev-href": "a.html", "prev-title": "A",
          "next-href": "c.html", "next-title": "C", "pdf-href": "../pdf/d.pdf",
          "permalink": "d.html", "cite-chicago": "Cited.", "build-date": "2024-01-01",
          "tool-version": "test", "edition-title": "Edition"}


def _sources() -> list:
    files = [*fixture_files(), *sorted((REPO / "editions").glob("*/tei/*.xml"))]
    # two documents the corpus lacks: dates in the summary, an entry only R shows (choice)
    files += sorted((DATA / "web-edge").glob("*.xml"))
    return files


def one_transform_per_view(node) -> dict[str, str]:
    return {view: saxon.transform(SHEET, node, {**PARAMS, "view": view})
            for view in ("read", "dipl")}


@pytest.mark.parametrize("source", _sources(), ids=lambda p: p.stem)
def test_both_views_at_once_equal_one_transform_per_view(source):
    node = saxon.to_xdm(safexml.parse_file(source))
    assert render_views(SHEET, node, PARAMS) == one_transform_per_view(node)


def test_both_views_at_once_on_the_sampler(tmp_path):
    """The sampler's 18 documents cover most phenomena (converted here from its transcripts)."""
    from tei_tools.readers.transcript import read_transcript

    for transcript in sorted((REPO / "editions" / "sampler" / "transcripts").glob("*.txt")):
        tei = read_transcript(transcript.read_bytes(), transcript.name).tei
        node = saxon.to_xdm(safexml.parse_bytes(tei, str(transcript)))
        assert render_views(SHEET, node, PARAMS) == one_transform_per_view(node), transcript


def test_both_views_at_once_on_real_tei_of_another_project(shared_dir):
    files = sorted((shared_dir / "real-tei").rglob("*.xml"))[:40]
    assert files
    for source in files:
        node = saxon.to_xdm(safexml.parse_file(source))
        assert render_views(SHEET, node, PARAMS) == one_transform_per_view(node), source
