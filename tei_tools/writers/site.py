"""The static web edition (Endings principles: no server, no CDN, works without JavaScript).

Site layout (all links relative, so the folder works from any URL or from disk)::

    index.html  chronology.html  search.html  conventions.html  about.html
    index/{part}.html  chronology/{part}.html  a large edition's lists in parts; index/data.js
                                        (see web/collections.py)
    documents/{docid}.html              reading view (indexed for search)
    documents/{docid}.diplomatic.html   diplomatic view
    cite/{docid}.json  cite/{docid}.bib CSL-JSON and BibTeX
    tei/{docid}.xml                     the TEI source (copied unless already there)
    pdf/{docid}.pdf                     print edition (written by the pdf writer; linked)
    assets/                             CSS, JS; assets/edition/ holds the edition's CSS
    pagefind/                           search index and search UI (parts/N/: further parts)

Two passes keep memory flat: first a small summary per document (run_parallel; kept in
``.tei-tools-summaries.json`` between builds, so only changed files are parsed again), then the
pages, rendered in parallel by workers that write their own files.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from .. import __version__, saxon
from ..diagnostics import Diagnostic, Severity, TeiToolsError, diagnostic
from ..edition import Edition
from ..outputs import OutputFolder, sha256
from ..parallel import run_parallel
from ..registers.load import load_register
from ..registers.model import Register
from ..resources import xslt_path
from ..safexml import read_file
from .html import DocJob, DocResult, page_paths, render_document
from .tei import docid_of, load_tei, tei_documents
from .web import citation
from .web.collections import write_collections
from .web.defaults import default_title, uses_house_encoding
from .web.links import LinkReport, check_links, link_diagnostics
from .web.registers import REGISTER_FOLDER, write_registers
from .web.search import PART_SIZE, build_search_index, no_pagefind, pagefind_available, plan_parts
from .web.stylesheets import stylesheet
from .web.summary import DocSummary, FileSummary, corpus_title, summarise
from .web.summary_cache import SummaryCache

PAGES = ("conventions", "about", "search")  # index and chronology: web/collections.py


@dataclass
class SiteReport:
    out_dir: Path
    documents: list[str] = field(default_factory=list)      # docids, in edition order
    written: dict[str, str] = field(default_factory=dict)   # relpath → new/replace/unchanged
    diagnostics: list[Diagnostic] = field(default_factory=list)
    search: bool = False
    build_date: str = ""
    links: LinkReport = field(default_factory=LinkReport)

    @property
    def ok(self) -> bool:
        return not any(d.severity >= Severity.ERROR for d in self.diagnostics)

    @property
    def changed(self) -> list[str]:
        return sorted(p for p, s in self.written.items() if s != "unchanged")


def build_date(files: Sequence[Path]) -> str:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else the newest input's mtime (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        stamp = int(epoch)
    else:
        stamp = max((int(Path(f).stat().st_mtime) for f in files if Path(f).exists()), default=0)
    return datetime.fromtimestamp(stamp, tz=UTC).strftime("%Y-%m-%d")


def _summary_worker(path: str) -> tuple[FileSummary, str, list[int] | None] | Diagnostic:
    """The summaries of a file's documents (one; or one per TEI of a teiCorpus), with the hash
    and (size, mtime) of the bytes they were made from."""
    try:
        try:
            stat = os.stat(path)
            before = [stat.st_size, stat.st_mtime_ns]  # before reading: see SummaryCache.put
        except OSError:
            before = None  # read_file reports it
        data = read_file(path)
        tree = load_tei(path, "HTML003", data, corpus=True)
        documents = [summarise(doc.tree, Path(path), doc.member)
                     for doc in tei_documents(path, "HTML003", tree=tree)]
        return FileSummary(documents, corpus_title(tree)), sha256(data), before
    except TeiToolsError as exc:
        return exc.diagnostic


def _collect(files: Sequence[Path], jobs: int | None, report: SiteReport,
             cache: SummaryCache) -> tuple[list[DocSummary], list[str]]:
    """Every document's summary, and the titles of the teiCorpus files: from the cache where
    the file did not change, else parsed (in parallel). Files are taken in their given order,
    so that of two documents with one docid the first always keeps it; the others get a
    numbered one (HTML002)."""
    known = {str(f): cache.get(str(f)) for f in files}
    todo = [source for source, found in known.items() if found is None]
    results = run_parallel(_summary_worker, todo, jobs=jobs,
                           on_error=lambda path, d: d if d.path else replace(d, path=path))
    for source, item in zip(todo, results, strict=True):
        if isinstance(item, Diagnostic):
            report.diagnostics.append(item)
            continue
        found, digest, stat = item
        if stat is not None:
            cache.put(source, found, digest, stat)
        known[source] = found
    summaries: list[DocSummary] = []
    seen: dict[str, str] = {}
    for item in (s for found in known.values() if found for s in found.documents):
        docid = unique_docid(item.docid, seen)
        if docid != item.docid:
            report.diagnostics.append(diagnostic(
                "HTML002", path=item.source, line=1, docid=item.docid,
                other=seen[item.docid], new=docid))
            item = replace(item, docid=docid)
        seen[docid] = item.source
        summaries.append(item)
    summaries.sort(key=DocSummary.sort_key)
    return summaries, [f.corpus_title for f in known.values() if f and f.corpus_title]


def unique_docid(docid: str, seen: dict[str, str]) -> str:
    """``docid``, or when another document has it already, ``docid-2``, ``docid-3`` …"""
    n = 1
    found = docid
    while found in seen:
        n += 1
        found = f"{docid}-{n}"
    return found


def _base_params(edition: Edition | None, date: str, css: list[str]) -> dict[str, str]:
    params = edition.as_params() if edition else {}
    if edition:
        params["edition-description"] = edition.description
    params.update({"build-date": date, "tool-version": __version__,
                   "edition-css": " ".join(css)})
    return params


def _write(folder: OutputFolder, relpath: str, data: bytes, report: SiteReport) -> str | None:
    """folder.write, with a refused overwrite (hand edit) reported instead of raised (None)."""
    try:
        report.written[relpath] = folder.write(relpath, data)
    except TeiToolsError as exc:
        report.diagnostics.append(exc.diagnostic)
        return None
    return report.written[relpath]


def _copy_assets(folder: OutputFolder, edition: Edition | None,
                 report: SiteReport) -> list[str]:
    """Shipped assets, then the edition's CSS; returns the edition's stylesheet paths."""
    root = xslt_path("html/assets")
    for path in sorted(root.rglob("*")):
        if path.is_file():
            _write(folder, "assets/" + path.relative_to(root).as_posix(), path.read_bytes(),
                   report)
    css: list[str] = []
    if edition and edition.css_dir.is_dir():
        for path in sorted(edition.css_dir.glob("*.css")):
            rel = f"assets/edition/{path.name}"
            _write(folder, rel, path.read_bytes(), report)
            css.append(rel)
    return css


def _doc_jobs(summaries: list[DocSummary], out_dir: Path, folder: OutputFolder,
              edition: Edition | None, params: dict[str, str], sheet: Path, force: bool,
              pdf_links: bool | None, changed: set[str] | None) -> list[DocJob]:
    jobs = []
    keys = [str(Path(s.source).resolve()) for s in summaries]
    if changed is not None:
        # a new or re-dated document changes its neighbours' previous/next links too
        hit = {i for i, key in enumerate(keys) if key in changed}
        changed = {keys[j] for i in hit for j in (i - 1, i, i + 1) if 0 <= j < len(keys)}
    for i, s in enumerate(summaries):
        if changed is not None and keys[i] not in changed:
            continue
        paths = page_paths(s.docid)
        url = citation.permalink(edition, s.docid)
        has_pdf = pdf_links if pdf_links is not None else (out_dir / paths["pdf"]).is_file()
        prev = summaries[i - 1] if i > 0 else None
        nxt = summaries[i + 1] if i + 1 < len(summaries) else None
        doc_params = {
            **params, "docid": s.docid, "position": f"{i + 1} of {len(summaries)}",
            "pdf-href": f"../{paths['pdf']}" if has_pdf else "",
            "permalink": url if "://" in url else f"{s.docid}.html",
            "cite-chicago": citation.chicago(s, edition, url),
            "prev-href": f"{prev.docid}.html" if prev else "",
            "prev-title": prev.title if prev else "",
            "next-href": f"{nxt.docid}.html" if nxt else "",
            "next-title": nxt.title if nxt else "",
        }
        extra = {paths["csl"]: citation.csl_json(s, edition, url),
                 paths["bib"]: citation.bibtex(s, edition, url)}
        targets = [paths["read"], paths["dipl"], paths["tei"], *extra]
        jobs.append(DocJob(
            source=s.source, member=s.member, docid=s.docid, out_dir=str(out_dir),
            stylesheet=str(sheet),
            params=doc_params, extra_files=extra, one_view_if_same=edition is None,
            known={t: folder.recorded(t) for t in targets if folder.recorded(t)},
            force=force))
    return jobs


def build_site(tei_files: list[Path], out_dir: Path, *, edition: Edition | None = None,
               force: bool = False, jobs: int | None = None,
               progress: Callable[[int], None] | None = None,
               changed: list[Path] | None = None, pdf_links: bool | None = True,
               search: bool = True) -> SiteReport:
    """Write the whole static site for ``tei_files`` into ``out_dir``.

    ``changed``: rewrite only these documents' pages and their neighbours' (the collection
    pages always cover all).
    ``pdf_links``: link ``pdf/{docid}.pdf`` (True), never (False), or where it exists (None).
    Problems are returned in ``SiteReport.diagnostics``; a broken document is left out and the
    others are still written.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    report = SiteReport(out_dir)
    part_size = search_part_size(edition)
    folder = OutputFolder(out_dir, force=force)
    files = sorted({Path(f) for f in tei_files}, key=str)
    report.build_date = build_date(files)
    cache = SummaryCache.load(out_dir)
    summaries, corpora = _collect(files, jobs, report, cache)
    report.documents = [s.docid for s in summaries]

    css = _copy_assets(folder, edition, report)
    params = _base_params(edition, report.build_date, css)
    params["docids"] = " ".join(report.documents)  # a ref to a bare docid links its page
    if edition is None:  # TEI made elsewhere: its own title, no page on conventions it lacks
        params["edition-title"] = default_title(summaries, corpora, files)
    params["conventions-page"] = "yes" if edition or uses_house_encoding(summaries) else "no"
    register = _register(edition, report)
    params["registers-page"] = "yes" if register else "no"
    # the entries a name may link to (a dangling pointer stays a plain name)
    params["register-refs"] = " ".join(e.pointer for e in register) if register else ""
    sheet = stylesheet("document.xsl", edition)
    saxon.compile_stylesheet(sheet)  # fail early, with the stylesheet's own error message
    wanted = {str(Path(p).resolve()) for p in changed} if changed is not None else None
    doc_jobs = _doc_jobs(summaries, out_dir, folder, edition, params, sheet, force, pdf_links,
                         wanted)
    for result in run_parallel(render_document, doc_jobs, jobs=jobs, progress=progress,
                               on_error=lambda job, d: DocResult(job.docid, diagnostics=[
                                   d if d.path else replace(d, path=job.source)])):
        report.diagnostics.extend(result.diagnostics)
        for relpath, digest, status in result.written:
            folder.record(relpath, digest)
            report.written[relpath] = status

    # every build checks the text's links (the pages of all documents, not only the changed)
    text_pages = {page_paths(s.docid)["read"]: s.source for s in summaries}
    report.links = check_links(out_dir, text_pages)
    report.diagnostics.extend(link_diagnostics(report.links, text_pages))

    if search and not pagefind_available():
        report.diagnostics.append(no_pagefind(out_dir))
        search = False
    pages = [page_paths(s.docid)["read"] for s in summaries]
    plan = plan_parts(pages, part_size)
    _write_pages(folder, summaries, edition,
                 {**params, "search": "yes" if search else "no",
                  "search-bundles": " ".join(plan.bundles[1:])}, report)
    _write_register_pages(folder, register, summaries, edition, params, report)
    if search and summaries:
        problem = build_search_index(
            out_dir, edition.language if edition else "en", pages,
            part_size=part_size,
            hashes={p: h for p in pages if (h := folder.recorded(p))})
        if problem:
            report.diagnostics.append(problem)
        else:
            report.search = True
    folder.save()
    cache.save()
    return report


def _write_register_pages(folder: OutputFolder, register: Register | None,
                          summaries: list[DocSummary], edition: Edition | None,
                          params: dict[str, str], report: SiteReport) -> None:
    """The register pages (none without a register); the pages an earlier build wrote for
    entries, letters or a register that are gone are removed (unless edited by hand)."""
    wanted = set()
    if register:
        wanted = set(write_registers(register, summaries, stylesheet("register.xsl", edition),
                                     params, lambda rel, data: _write(folder, rel, data,
                                                                      report)))
    for relpath in folder.recorded_under((REGISTER_FOLDER,)):
        if relpath.endswith(".html") and relpath not in wanted and folder.remove(relpath):
            report.written[relpath] = "removed"


def _register(edition: Edition | None, report: SiteReport) -> Register | None:
    """The edition's register (registers/), None when it has none; the register's own
    problems are for ``tei-tools validate`` and ``link``, not reported again here."""
    if edition is None:
        return None
    register, _problems = load_register(edition.root / "registers")
    return register if len(register) else None


def search_part_size(edition: Edition | None) -> int:
    """Documents per part of the search index: ``[html] search_part_size`` of edition.toml
    (checked when the edition is loaded), else the default."""
    return (edition.html if edition else {}).get("search_part_size", PART_SIZE)


def _write_pages(folder: OutputFolder, summaries: list[DocSummary], edition: Edition | None,
                 params: dict[str, str], report: SiteReport) -> None:
    sheet = stylesheet("pages.xsl", edition)
    overrides = sorted(edition.xslt_dir.glob("*.xsl")) if edition else []
    report.written.update(write_collections(
        folder, summaries, sheet, params, lambda rel, data: _write(folder, rel, data, report),
        overrides))
    # the other pages need only the number of documents
    tree = etree.ElementTree(etree.Element("edition", total=str(len(summaries))))
    for page in PAGES:
        if page == "conventions" and params.get("conventions-page") == "no":
            continue
        html = saxon.transform(sheet, tree, {**params, "page": page})
        _write(folder, f"{page}.html", html.encode("utf-8"), report)


def render_html(tei_files: list[Path], out_dir: Path, *, edition: Edition | None = None,
                force: bool = False, jobs: int | None = None,
                progress: Callable[[int], None] | None = None) -> SiteReport:
    """``tei-tools html``: the web edition of these TEI files in ``out_dir`` (see build_site).

    PDFs are linked only where ``out_dir/pdf/{docid}.pdf`` already exists, since this command
    does not make them.
    """
    return build_site(tei_files, out_dir, edition=edition, force=force, jobs=jobs,
                      progress=progress, pdf_links=None)


__all__ = ["SiteReport", "build_site", "build_date", "docid_of", "render_html"]
