"""Pages per second for the edition book of a large synthetic edition, against a baseline.

    python bench/pdf_book.py [-n 200] [--view reading] [--paper A4] [--keep DIR]

N documents are made by varying the reference TEI (tests/data/puzanov-1957-05-23.xml): each
gets its own id, title, date, signer, distribution list, a few footnotes and 1-3 copies of the
journal entry, so documents run from 3 to 8 pages. The book is printed with
``render_book`` (XSLT + WeasyPrint + index pass). The baseline, measured in the same run, is
WeasyPrint alone on a plain HTML of the same text (title + paragraphs per document, one page
break per document, same fonts and paper) without the XSLT step, contents or index. Printed:
documents, pages, seconds (wall clock and this process's CPU, which is steadier on a shared
machine), pages/s for both, the ratios, and the peak memory of this process (the book lays out
25 documents at a time, so it stays flat as N grows; the baseline holds all its pages).
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import html
import resource
import sys
import tempfile
import time
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tei_tools.edition import load_edition  # noqa: E402
from tei_tools.writers.pdf import render_book  # noqa: E402
from tei_tools.writers.pdf.engine import layout  # noqa: E402
from tei_tools.writers.pdf.options import resolve_options  # noqa: E402

T = "http://www.tei-c.org/ns/1.0"
NS = {"t": T}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
REFERENCE = ROOT / "tests" / "data" / "puzanov-1957-05-23.xml"
SIGNERS = ["A. PUZANOV", "V. IVANOV", "P. YUDIN", "V. PELISHENKO", "A. KRAUSE"]
NAMES = ["Gromyko", "Fedorenko", "Kurdyukov", "Solodovnikov", "Zakharov", "Tugarinov",
         "Orlov", "Samoilov", "Pushkin", "Lavrentiev"]


def make_document(base: etree._ElementTree, n: int, out_dir: Path) -> Path:
    tree = copy.deepcopy(base)
    root = tree.getroot()
    docid = f"bench-{n:05d}"
    root.set(XML_ID, docid)
    root.find(".//t:publicationStmt/t:idno", NS).text = docid
    root.find(".//t:titleStmt/t:title", NS).text = f"Journal of the Embassy, entry {n}"
    when = dt.date(1950, 1, 1) + dt.timedelta(days=(n * 7919) % 7000)  # shuffled dates
    creation = root.find(".//t:creation/t:date", NS)
    creation.set("when", when.isoformat())
    creation.text = when.strftime("%-d %B %Y")
    root.find(".//t:div[@type='document']", NS).set(XML_ID, f"{docid}-doc")
    entry = root.find(".//t:div[@type='entry']", NS)
    entry.set(XML_ID, f"{docid}-e1")
    paragraphs = entry.findall("t:p", NS)
    for _ in range(n % 3):
        for p in paragraphs:
            entry.append(copy.deepcopy(p))
    for k, p in enumerate(entry.findall("t:p", NS)[::5]):
        note = etree.SubElement(p, f"{{{T}}}note", type="footnote", n=str(k + 1),
                                place="bottom", resp="#tr", rend="bracketed")
        note.text = f"Footnote {k + 1} of document {n}: the archival copy is damaged here."
    root.find(".//t:closer/t:signed/t:persName", NS).text = SIGNERS[n % len(SIGNERS)]
    for k, item in enumerate(root.findall(".//t:list[@type='distribution']/t:item", NS)[:-1]):
        item.text = f"Cde. {NAMES[(n + 3 * k) % len(NAMES)]}"
    path = out_dir / f"{docid}.xml"
    tree.write(str(path), encoding="utf-8", xml_declaration=True)
    return path


def plain_html(files: list[Path]) -> str:
    """The same words without the XSLT: title and paragraphs of each document."""
    parts = ["<html><head><meta charset='utf-8'><title>baseline</title></head><body>"]
    for path in files:
        root = etree.parse(str(path)).getroot()
        title = root.findtext(".//t:titleStmt/t:title", namespaces=NS) or ""
        parts.append(f"<h1 style='break-before: page'>{html.escape(title)}</h1>")
        for p in root.iterfind(".//t:body//t:p", NS):
            parts.append(f"<p>{html.escape(' '.join(''.join(p.itertext()).split()))}</p>")
    parts.append("</body></html>")
    return "".join(parts)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", "--documents", type=int, default=200)
    parser.add_argument("--view", default="reading", choices=["reading", "diplomatic"])
    parser.add_argument("--paper", default="A4", choices=["A4", "Letter"])
    parser.add_argument("--keep", type=Path, default=None, help="write the book here, kept")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        (work / "tei").mkdir()
        (work / "edition.toml").write_text(
            '[edition]\ntitle = "Benchmark Edition"\neditors = ["tei-tools bench"]\n', "utf-8")
        base = etree.parse(str(REFERENCE))
        files = [make_document(base, n, work / "tei") for n in range(args.documents)]
        edition = load_edition(work)
        out = (args.keep or work) / "book.pdf"

        start, cpu = time.perf_counter(), time.process_time()
        report = render_book(edition, files, out, view=args.view, paper=args.paper, force=True)
        book_s, book_cpu = time.perf_counter() - start, time.process_time() - cpu
        if report.failed:
            sys.exit("\n".join(d.format() for d in report.diagnostics))

        options = resolve_options(view=args.view, paper=args.paper, fonts=None, edition=None)
        start, cpu = time.perf_counter(), time.process_time()
        text = plain_html(files)
        document = layout(text, options, [work], "baseline")
        document.write_pdf()
        base_s, base_cpu = time.perf_counter() - start, time.process_time() - cpu
        base_pages = len(document.pages)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    book_rate = report.pages / book_s
    base_rate = base_pages / base_s
    print(f"documents            {args.documents}")
    print(f"book                 {report.pages} pages in {book_s:.1f} s = {book_rate:.1f} pages/s"
          f" (CPU {book_cpu:.1f} s = {report.pages / book_cpu:.1f} pages/s;"
          f" {report.persons} persons in the index)")
    print(f"baseline (plain)     {base_pages} pages in {base_s:.1f} s = {base_rate:.1f} pages/s"
          f" (CPU {base_cpu:.1f} s = {base_pages / base_cpu:.1f} pages/s)")
    print(f"ratio book/baseline  {book_rate / base_rate:.2f} (pages/s, wall clock); "
          f"{(report.pages / book_cpu) / (base_pages / base_cpu):.2f} (CPU)")
    print(f"peak memory          {peak_mb:.0f} MB")


if __name__ == "__main__":
    main()
