"""Helpers for the print tests: synthetic house-encoded documents and reading PDFs back."""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

import pypdf
from lxml import etree

from tei_tools.safexml import parse_file

DATA = Path(__file__).resolve().parent.parent / "data"
REFERENCE = DATA / "puzanov-1957-05-23.xml"
FEATURES = DATA / "pdf" / "house-features.xml"
T = "http://www.tei-c.org/ns/1.0"
NS = {"t": T}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SIGNERS = ["A. PUZANOV", "V. IVANOV", "P. YUDIN", "V. PELISHENKO"]
RECIPIENTS = ["Cde. Gromyko", "Cde. Fedorenko", "Cde. Kurdyukov", "Cde. Solodovnikov",
              "Cde. Zakharov", "Cde. Tugarinov"]


def variant(reference: Path, n: int, out_dir: Path, *, footnotes: int = 3,
            day: int | None = None) -> Path:
    """Document n: the reference with its own id, title, date, signer, recipients, and
    ``footnotes`` B9 footnotes whose calls follow the tokens R{n}x{k} (texts F{n}x{k})."""
    tree = parse_file(reference)
    root = tree.getroot()
    docid = f"synth-{n:04d}"
    root.set(XML_ID, docid)
    root.find(".//t:publicationStmt/t:idno[@type='tei-tools']", NS).text = docid
    title = root.find(".//t:titleStmt/t:title", NS)
    title.text = f"Synthetic journal number {n}"
    when = dt.date(1957, 1, 1) + dt.timedelta(days=day if day is not None else n)
    creation = root.find(".//t:creation/t:date", NS)
    creation.set("when", when.isoformat())
    creation.text = when.strftime("%-d %B %Y")
    div = root.find(".//t:div[@type='document']", NS)
    div.set(XML_ID, f"{docid}-doc")
    for entry in root.iterfind(".//t:div[@type='entry']", NS):
        entry.set(XML_ID, f"{docid}-{entry.get(XML_ID).rsplit('-', 1)[-1]}")
    root.find(".//t:closer/t:signed/t:persName", NS).text = SIGNERS[n % len(SIGNERS)]
    items = root.findall(".//t:list[@type='distribution']/t:item", NS)
    for k, item in enumerate(items[:-1]):
        item.text = RECIPIENTS[(n + k) % len(RECIPIENTS)]
    paragraphs = root.findall(".//t:div[@type='entry']/t:p", NS)
    step = max(1, len(paragraphs) // max(1, footnotes))
    for k in range(footnotes):
        p = paragraphs[min(len(paragraphs) - 1, k * step)]
        last = p[-1] if len(p) else None
        marker = f" R{n}x{k}."
        if last is None:
            p.text = (p.text or "") + marker
        else:
            last.tail = (last.tail or "") + marker
        note = etree.SubElement(p, f"{{{T}}}note", type="footnote", n=str(k + 1), place="bottom",
                                resp="#tr", rend="bracketed")
        note.set(XML_ID, f"{docid}-fn{k + 1}")
        note.text = f"F{n}x{k} is the footnote of document {n}."
    path = Path(out_dir) / f"{docid}.xml"
    tree.write(str(path), encoding="utf-8", xml_declaration=True)
    return path


def long_variant(reference: Path, n: int, out_dir: Path, copies: int = 3, every: int = 1) -> Path:
    """A longer document (its entry paragraphs repeated) so that footnotes fall on many pages;
    every ``every``-th added paragraph ends with the token R{n}x{k} and footnote k."""
    path = variant(reference, n, out_dir, footnotes=0)
    tree = parse_file(path)
    entry = tree.getroot().find(".//t:div[@type='entry']", NS)
    paragraphs = entry.findall("t:p", NS)
    k = 0
    for i in range(copies * len(paragraphs)):
        clone = copy.deepcopy(paragraphs[i % len(paragraphs)])
        entry.append(clone)
        if i % every == 0:
            # the token stands right before the call, so both are on one page
            if len(clone):
                clone[-1].tail = (clone[-1].tail or "") + f" R{n}x{k}."
            else:
                clone.text = (clone.text or "") + f" R{n}x{k}."
            note = etree.SubElement(clone, f"{{{T}}}note", type="footnote", n=str(k + 1),
                                    place="bottom", resp="#tr", rend="bracketed")
            note.text = f"F{n}x{k} explains paragraph {k}."
            k += 1
    tree.write(str(path), encoding="utf-8", xml_declaration=True)
    return path


def page_texts(pdf: Path) -> list[str]:
    return [page.extract_text() or "" for page in pypdf.PdfReader(str(pdf)).pages]


def positioned(pdf: Path, index: int) -> list[tuple[float, str]]:
    """(y from the bottom in points, text) of every text run on one page."""
    items: list[tuple[float, str]] = []

    def visit(text, cm, tm, font, size):
        if text.strip():
            items.append((tm[4] * cm[1] + tm[5] * cm[3] + cm[5], text))

    pypdf.PdfReader(str(pdf)).pages[index].extract_text(visitor_text=visit)
    return items


def y_of(items: list[tuple[float, str]], token: str) -> float | None:
    found = [y for y, text in items if token in text]
    return min(found) if found else None
