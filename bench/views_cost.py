"""What the two views cost, measured in one run on the same documents (CPU ms per document).

    python bench/views_cost.py -n 300

Web pages (tei_tools.writers.html.render_views, the way build_site renders a document) against
one transform of xslt/html/document.xsl per view (the way an edition's overrides run): the
figures behind keeping the one-transform path for the shipped stylesheet.

Round-trip check: a conversion (read_transcript, which runs the check) against the D view of
tei_tools.text, against handing the TEI to Saxon alone, and against handing it over and running
the D mode of xslt/common/text.xsl: what defining the D view in XSLT only would add to every
conversion.

Generated documents (bench/generate_corpus.py, seed 7), each measurement the best of 3 rounds.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path

from tei_tools import safexml, saxon
from tei_tools.readers.transcript import read_transcript
from tei_tools.resources import xslt_path
from tei_tools.text import diplomatic_lines
from tei_tools.writers.html import render_views

HERE = Path(__file__).resolve().parent
PARAMS = {"docid": "d", "position": "2 of 3", "prev-href": "a.html", "prev-title": "A",
          "next-href": "c.html", "next-title": "C", "pdf-href": "../pdf/d.pdf",
          "permalink": "d.html", "cite-chicago": "Cited.", "build-date": "2024-01-01",
          "tool-version": "bench", "edition-title": "Edition"}
# the D mode of common/text.xsl as plain text: the least an XSLT D view per conversion costs
D_TEXT = """<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:tt="urn:tei-tools" xpath-default-namespace="http://www.tei-c.org/ns/1.0">
  <xsl:import href="{href}"/>
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:variable name="d"><xsl:apply-templates select="//text" mode="tt:dipl"/></xsl:variable>
    <xsl:value-of select="string($d)"/>
  </xsl:template>
</xsl:stylesheet>
"""


def cpu_ms(fn: Callable, items: Sequence, rounds: int = 3) -> float:
    best = float("inf")
    for _ in range(rounds):
        start = time.process_time()
        for item in items:
            fn(item)
        best = min(best, time.process_time() - start)
    return 1000 * best / len(items)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=300, help="generated documents (default 300)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="views-cost-") as tmp:
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), tmp, "-n",
                        str(args.n), "--seed", "7"], check=True, capture_output=True)
        sources = [(p.read_bytes(), p.name) for p in sorted(Path(tmp, "transcripts").glob("*.txt"))]
        trees = [safexml.parse_bytes(read_transcript(data, name).tei, name)
                 for data, name in sources]
        d_text = Path(tmp, "d-text.xsl")
        d_text.write_text(D_TEXT.format(href=xslt_path("common/text.xsl").as_uri()), "utf-8")
        sheet = str(xslt_path("html/document.xsl"))
        nodes = [saxon.to_xdm(tree) for tree in trees]
        for node in nodes:
            node.node()  # parsed once, as in the worker: the transforms are what is measured
        one = cpu_ms(lambda node: render_views(sheet, node, PARAMS), nodes)
        per_view = cpu_ms(lambda node: [saxon.transform(sheet, node, {**PARAMS, "view": view})
                                        for view in ("read", "dipl")], nodes)
        convert = cpu_ms(lambda source: read_transcript(*source), sources)
        text_d = cpu_ms(diplomatic_lines, trees)
        handoff = cpu_ms(lambda tree: saxon.to_xdm(tree).node(), trees)
        xslt_d = cpu_ms(lambda tree: saxon.transform(d_text, saxon.to_xdm(tree)), trees)
    print(f"{len(trees)} documents, CPU ms per document")
    print(f"web pages, both views: render_views {one:.2f}, one transform per view {per_view:.2f}"
          f" ({per_view / one:.2f}x)")
    print(f"conversion {convert:.2f} (round-trip check included): tei_tools.text D view"
          f" {text_d:.2f}; TEI handed to Saxon {handoff:.2f} ({100 * handoff / convert:.0f} %"
          f" of a conversion); handed over + text.xsl D mode {xslt_d:.2f}"
          f" ({100 * (xslt_d - text_d) / convert:+.0f} % of a conversion in place of text.py)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
