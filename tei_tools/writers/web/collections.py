"""The collection pages in parts: the index and the chronology of a large edition, paged.

One page of 16,000 rows is 9 MB and takes seconds to load, sort or filter, so an edition of
more than :data:`PAGE_SIZE` documents gets its lists in parts::

    index.html              the first part of the index (with the edition's introduction)
    index/{part}.html       the other parts of the index
    index/data.js           every document's row, as JSON: sorting and filtering on any part
                            work across the whole edition (loaded by a script tag, so that it
                            works from disk too, where a page may not fetch files)
    chronology.html         the years, with counts, each linking to its part
    chronology/{part}.html  the parts of the chronology

A part is a decade ("1950s"), or a year ("1953") when its decade holds more than one page; a
part of more than :data:`PAGE_SIZE` documents is cut into pages of that size ("1953",
"1953-2" …); undated documents make the part "undated". So part boundaries are stable: a new
or re-dated document changes only its own decade's parts (or its year's), never the rows of
the others; the list of parts, on every page, changes only when a part comes or goes. An
edition of at most PAGE_SIZE documents keeps one index page and one chronology page.

Without JavaScript each page is a complete list with previous/next links and the list of
parts; the script (assets/tei-tools.js) adds sorting and filtering over data.js.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import operator
import posixpath
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path

from lxml import etree

from ... import saxon
from ...outputs import OutputFolder, file_sha256, inside, sha256, write_atomic
from ...resources import xslt_path
from .summary import DocSummary, summaries_xml

PAGE_SIZE = 250               # rows per page: ≈ 150 kB of index, ≈ 100 kB of chronology
FOLDERS = ("index/", "chronology/")
DATA = "index/data.js"
UNDATED = "undated"
STATE_NAME = ".tei-tools-collections.json"   # what each page was rendered from


@dataclass(frozen=True)
class Part:
    """One page of a collection list."""

    key: str                         # file stem: "1950s", "1953", "1953-2", "undated", "all"
    group: str                       # the decade or year: "1953", "Undated"
    number: int                      # of the group's pages: 2
    label: str                       # for previous/next: "1953 (2)"
    title: str                       # the page's heading: "1953, page 2 of 3"
    href: str                        # site-relative path of the page
    docs: tuple[DocSummary, ...]


def _decade(s: DocSummary) -> str:
    return s.year[:3] + "0s" if s.year else UNDATED


def _buckets(summaries: Sequence[DocSummary], size: int) -> list[tuple[str, list[DocSummary]]]:
    """(key, documents) per decade, or per year inside a decade of more than ``size``;
    ``summaries`` are in edition order (by date, undated last), and so are the buckets."""
    found: list[tuple[str, list[DocSummary]]] = []
    for decade, group in groupby(summaries, key=_decade):
        docs = list(group)
        if decade == UNDATED or len(docs) <= size:
            found.append((decade, docs))
        else:
            found.extend((year, list(g)) for year, g in groupby(docs, key=lambda s: s.year))
    return found


def plan(summaries: Sequence[DocSummary], folder: str, first_href: str | None,
         size: int = PAGE_SIZE) -> list[Part]:
    """The parts of a list of ``summaries`` (in edition order) whose pages live in ``folder``
    ("index", "chronology"); ``first_href``: the page that holds the first part instead
    (index.html), if any. At most ``size`` documents: one part, the whole list."""
    if len(summaries) <= size:
        return [Part("all", "All", 1, "All", "", first_href or f"{folder}.html", tuple(summaries))]
    parts: list[Part] = []
    for key, docs in _buckets(summaries, size):
        label = "Undated" if key == UNDATED else key
        pages = -(-len(docs) // size)
        for k in range(pages):
            stem = key if k == 0 else f"{key}-{k + 1}"
            href = f"{folder}/{stem}.html"
            if first_href and not parts:
                href = first_href
            parts.append(Part(
                stem, label, k + 1, label if pages == 1 else f"{label} ({k + 1})",
                label if pages == 1 else f"{label}, page {k + 1} of {pages}",
                href, tuple(docs[k * size:(k + 1) * size])))
    return parts


@dataclass(frozen=True)
class Facets:
    """What the index's filters offer and which columns it has, over the whole edition."""

    types: tuple[str, ...]
    archives: tuple[str, ...]
    years: tuple[str, ...]
    with_archive: bool

    @classmethod
    def of(cls, summaries: Sequence[DocSummary]) -> Facets:
        def values(name: str) -> tuple[str, ...]:
            return tuple(sorted({v for s in summaries if (v := " ".join(getattr(s, name)
                                                                            .split()))}))
        return cls(values("doctype"), values("repository"), values("year"),
                   any(s.repository or s.shelfmark for s in summaries))


def _root_of(href: str) -> str:
    """The relative path from a site-relative page to the site root: '' or '../'."""
    return "../" * href.count("/")


def _relative(href: str, page: str) -> str:
    """``href`` (site-relative) as a link from the page ``page`` (site-relative); pages are
    at the root or one folder down (posixpath.relpath costs 20 times more, once per link)."""
    folder, _, name = href.rpartition("/")
    return name if folder == posixpath.dirname(page) else _root_of(page) + href


def part_xml(part: Part, parts: Sequence[Part], facets: Facets, total: int) -> etree._Element:
    """The input of pages.xsl for one part: its documents (as summaries_xml writes them) and
    the edition-wide things every part shows (filters, the list of parts). The edition's
    total only on a page at the root (index.html): on a part it would make every part change
    with every new document."""
    root = summaries_xml(list(part.docs))
    if "/" not in part.href:
        root.set("total", str(total))
    root.set("root", _root_of(part.href))
    if len(parts) > 1:
        root.set("part-title", part.title)
    facet = etree.Element("facets", {"with-type": "yes" if facets.types else "no",
                                     "with-archive": "yes" if facets.with_archive else "no"})
    for name, values in (("type", facets.types), ("archive", facets.archives),
                         ("year", facets.years)):
        for value in values:
            etree.SubElement(facet, name).text = value
    root.insert(0, facet)
    if len(parts) > 1:
        listing = etree.Element("parts")
        for i, other in enumerate(parts):
            item = etree.SubElement(listing, "part", href=_relative(other.href, part.href),
                                    label=other.label, group=other.group,
                                    number=str(other.number))
            if other is part:
                item.set("current", "yes")
                if i > 0:
                    listing.set("prev", str(i))      # positions (1-based) of the neighbours
                if i + 1 < len(parts):
                    listing.set("next", str(i + 2))
        root.insert(1, listing)
    return root


def overview_rows(parts: Sequence[Part]) -> list[tuple[str, int, list[tuple[str, str]]]]:
    """Per year (or "undated"): its number of documents and the (href, label) of its parts."""
    rows: dict[str, tuple[list[int], list[tuple[str, str]]]] = {}
    for part in parts:
        for year, group in groupby(part.docs, key=lambda s: s.year or UNDATED):
            count, where = rows.setdefault(year, ([0], []))
            count[0] += len(list(group))
            where.append((part.href, part.label))
    return [(year, count[0], where) for year, (count, where) in rows.items()]


def overview_xml(rows: Sequence[tuple[str, int, list[tuple[str, str]]]], total: int
                 ) -> etree._Element:
    """The input of the chronology's first page when it is in parts (see overview_rows)."""
    root = etree.Element("edition", total=str(total), root="")
    years = etree.SubElement(root, "years")
    for year, count, where in rows:
        row = etree.SubElement(years, "year", value=year, count=str(count))
        for href, label in where:
            etree.SubElement(row, "part", href=href, label=label)
    return root


def index_data(summaries: Sequence[DocSummary], facets: Facets) -> bytes:
    """index/data.js: one row per document [docid, ISO date, title, type, archive, shelfmark]
    in edition order, type and archive as positions in the lists ``types`` and ``archives``
    (-1: none), which keeps the file small (≈ 120 bytes a document)."""
    types = {v: i for i, v in enumerate(facets.types)}
    archives = {v: i for i, v in enumerate(facets.archives)}
    data = {
        "format": 1,
        "columns": ["id", "date", "title", "type", "archive", "shelfmark"],
        "types": list(facets.types), "archives": list(facets.archives),
        "rows": [[s.docid, s.date, s.title, types.get(" ".join(s.doctype.split()), -1),
                  archives.get(" ".join(s.repository.split()), -1), s.shelfmark]
                 for s in summaries],
    }
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return f"window.teiToolsIndex = {text};\n".encode()


# writes one file; returns its status ("new", "replace", "unchanged"), None when refused
Write = Callable[[str, bytes], str | None]


@dataclass
class _Renderer:
    """Renders pages, except those whose input is what the last build rendered them from
    (same signature: everything the page's XML is made of; same parameters and stylesheets;
    the file as written then): a changed document costs the transform of its own parts
    only, and an unchanged part not even its XML. The build date is no part of that input:
    like the document pages, an unchanged part keeps the date it was built on."""

    folder: OutputFolder
    sheet: Path
    params: dict[str, str]
    write: Write
    fingerprint: str
    old: dict[str, str]
    keys: dict[str, str]
    skipped: dict[str, str]

    def render(self, signature: str, build: Callable[[], etree._Element], page: str,
               href: str) -> None:
        key = sha256("\0".join([self.fingerprint, page, href, signature]).encode())
        target = inside(self.folder.root, href)
        recorded = self.folder.recorded(href)
        if (self.old.get(href) == key and recorded and target.is_file()
                and file_sha256(target) == recorded):
            self.keys[href] = key
            self.skipped[href] = "unchanged"
            return
        html = saxon.transform(self.sheet, build().getroottree(), {**self.params, "page": page})
        if self.write(href, html.encode("utf-8")) is not None:
            self.keys[href] = key


def fingerprint(sheet: Path, params: dict[str, str], overrides: Sequence[Path] = ()) -> str:
    """What every collection page is made from besides its own XML: the stylesheet (its path,
    the shipped stylesheets' and the edition's overrides' contents) and the parameters."""
    h = hashlib.sha256(str(sheet).encode())
    for shipped in (xslt_path("html"), xslt_path("common")):  # what pages.xsl may import
        for path in sorted(p for p in shipped.rglob("*") if p.is_file()):
            h.update(f"\0{path.relative_to(shipped.parent)}\0".encode() + path.read_bytes())
    for path in sorted(overrides):
        h.update(f"\0{path}\0".encode() + (path.read_bytes() if path.is_file() else b""))
    kept = {k: v for k, v in params.items() if k != "build-date"}
    h.update(json.dumps(kept, sort_keys=True).encode())
    return h.hexdigest()


def _load_state(folder: OutputFolder) -> dict[str, str]:
    try:
        data = json.loads((folder.root / STATE_NAME).read_text("utf-8"))
        pages = data.get("pages", {})
        return {str(k): str(v) for k, v in pages.items()} if isinstance(pages, dict) else {}
    except (OSError, ValueError, AttributeError):  # missing or damaged: render every page
        return {}


def write_collections(folder: OutputFolder, summaries: Sequence[DocSummary], sheet: Path,
                      params: dict[str, str], write: Write,
                      overrides: Sequence[Path] = ()) -> dict[str, str]:
    """Write the index and chronology pages (in parts when the edition is large) and
    index/data.js; remove the parts an earlier build wrote that are no longer parts.
    ``overrides``: the edition's stylesheets that ``sheet`` imports. Returns the status of
    the pages not written: "unchanged" (made from the same input as last time), "removed"."""
    total = len(summaries)
    facets = Facets.of(summaries)
    renderer = _Renderer(folder, sheet, params, write, fingerprint(sheet, params, overrides),
                         _load_state(folder), {}, {})
    index = plan(summaries, "index", "index.html")
    chronology = plan(summaries, "chronology", None)
    # every field of every summary (whatever summaries_xml takes of them): once per document
    fields = operator.attrgetter(*(f.name for f in dataclasses.fields(DocSummary)))
    signed = {id(s): repr(fields(s)) for s in summaries}
    for page, parts in (("index", index), ("chronology", chronology)):
        listing = repr([(p.href, p.label, p.group, p.number) for p in parts])
        for i, part in enumerate(parts):
            # what part_xml makes the page of: the same signature, the same XML
            signature = "\0".join([listing, str(i), part.title, repr(facets),
                                   str(total) if "/" not in part.href else "",
                                   *(signed[id(s)] for s in part.docs)])
            renderer.render(signature, functools.partial(part_xml, part, parts, facets, total),
                            page, part.href)
    if len(chronology) > 1:
        rows = overview_rows(chronology)
        renderer.render(f"{total}\0{rows!r}", functools.partial(overview_xml, rows, total),
                        "chronology", "chronology.html")
    write(DATA, index_data(summaries, facets))
    wanted = {DATA, *(p.href for p in index), *(p.href for p in chronology)}
    for relpath in _remove_stale(folder, wanted):
        renderer.skipped[relpath] = "removed"
    write_atomic(inside(folder.root, STATE_NAME),
                 json.dumps({"pages": renderer.keys}, indent=0, sort_keys=True).encode())
    return renderer.skipped


def _remove_stale(folder: OutputFolder, wanted: set[str]) -> list[str]:
    """Parts that an earlier build wrote and this one did not (fewer documents, another
    decade split): gone, unless edited by hand since (then left, and no longer ours)."""
    removed = []
    for relpath in folder.recorded_under(FOLDERS):
        if relpath not in wanted and folder.remove(relpath):
            removed.append(relpath)
    return removed
