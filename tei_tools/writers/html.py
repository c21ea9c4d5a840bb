"""Document pages of the web edition: one TEI file → two HTML views, citations, TEI copy.

``render_document`` is the per-document worker that ``tei_tools.writers.site.build_site`` runs
in parallel; it is module-level (pickled to worker processes) and writes its own files, so that
only small results travel back. This module knows nothing of the site around the pages: site.py
imports it, never the other way round.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from functools import cache
from html import escape
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree
from lxml import html as lxml_html

from .. import safexml, saxon
from ..diagnostics import Diagnostic, TeiToolsError, diagnostic
from ..outputs import edited_by_hand, inside, journal, sha256, write_atomic, write_status
from ..resources import xslt_path
from .tei import member_tree

if TYPE_CHECKING:
    from saxonche import PyXdmNode


@dataclass(frozen=True)
class DocJob:
    """Everything one worker needs to render one document (all picklable)."""

    source: str
    docid: str
    out_dir: str
    stylesheet: str
    params: dict[str, str]
    extra_files: dict[str, str]          # relpath → text (citations)
    known: dict[str, str]                # relpath → hash recorded in the manifest
    force: bool = False
    copy_tei: bool = True
    member: int = 0                      # the n-th TEI of a teiCorpus file (0: the file)
    one_view_if_same: bool = False       # no diplomatic page that repeats the reading one


@dataclass
class DocResult:
    docid: str
    written: list[tuple[str, str, str]] = field(default_factory=list)  # relpath, hash, status
    diagnostics: list[Diagnostic] = field(default_factory=list)


def page_paths(docid: str) -> dict[str, str]:
    """Site-relative paths of a document's files."""
    return {
        "read": f"documents/{docid}.html",
        "dipl": f"documents/{docid}.diplomatic.html",
        "tei": f"tei/{docid}.xml",
        "pdf": f"pdf/{docid}.pdf",
        "csl": f"cite/{docid}.json",
        "bib": f"cite/{docid}.bib",
    }


def _write(job: DocJob, relpath: str, data: bytes, result: DocResult) -> None:
    """Write like OutputFolder.write, but in a worker: the manifest hash comes with the job."""
    target = inside(Path(job.out_dir), relpath)
    digest = sha256(data)
    status = write_status(target, digest, job.known.get(relpath), data)
    if status == "edited":
        if not job.force:
            result.diagnostics.append(edited_by_hand(target).diagnostic)
            return
        status = "replace"
    if status != "unchanged":
        journal(Path(job.out_dir), relpath, digest)  # the manifest is the parent's to save
        write_atomic(target, data)
    result.written.append((relpath, digest, status))


def render_views(stylesheet: str, node: PyXdmNode, params: dict[str, str]) -> dict[str, str]:
    """Both views of one document: {"read": html, "dipl": html}.

    The shipped document.xsl renders both in one transform (view = 'both' with a splice
    marker, a nonce): the two pages with _NEXT_PAGE between them, the DOCTYPE written only
    before the first, what the pages share written only once, and each page's apparatus left
    to be put together here (_spliced). That costs about 0.7 of one transform per view
    (docs/developer/architecture.md, "Rendering the two views"). An edition's overrides may
    read the global $view, which cannot be both: its stylesheet runs once per view, and so does
    a document whose spliced result is incomplete (an apparatus entry that only the reading
    view shows, such as a <choice> of other projects' TEI).
    """
    if _is_default_document_xsl(stylesheet):
        marker = f"tei-tools:{secrets.token_hex(8)}:"
        pages = _spliced(saxon.transform(stylesheet, node, {**params, "view": "both",
                                                            "splice-marker": marker}), marker)
        read, sep, dipl = (pages or "").partition(_NEXT_PAGE)
        # once only, else the text itself holds the comment (in an attribute value, which the
        # HTML serialiser does not escape): then the split is not safe
        if sep and _NEXT_PAGE not in dipl:
            return {"read": read, "dipl": read[:read.find("<html")] + dipl}
    return {view: saxon.transform(stylesheet, node, {**params, "view": view})
            for view in ("read", "dipl")}


_NEXT_PAGE = "<!--tei-tools: next page-->"


def _spliced(html: str, marker: str) -> str | None:
    """The pages of a 'both' transform put together (see layout.xsl, $splice-marker): the parts
    written once put in place of their references, and each page's apparatus made of the
    entries that its marks refer to. None if an entry or part is missing."""
    pages, sep, shared = html.partition(f"<!--{marker}shared-->")
    if not sep:
        return None
    mark = "<!--" + marker
    parts = {}
    for part in shared.split(mark)[1:]:
        ref, _, text = part.partition("-->")
        parts[ref] = text
    # str.find and slices throughout: a regex over the pages costs more than all the rest
    entries, kept, start = {}, [], 0
    while (at := pages.find(mark + "=", start)) >= 0:  # the entries, cut out of the text
        end = pages.find("-->", at)
        close_mark = f"{mark}/={pages[at + len(mark) + 1:end]}-->"
        close = pages.find(close_mark, end)
        if close < 0:
            return None
        kept.append(pages[start:at])
        entries.setdefault(pages[at + len(mark) + 1:end], pages[end + 3:close])
        start = close + len(close_mark)
    kept.append(pages[start:])
    pages = "".join(kept)
    out, listed, start = [], [], 0
    while (at := pages.find(mark, start)) >= 0:
        out.append(pages[start:at])
        end = pages.find("-->", at)
        ref = pages[at + len(mark):end]
        start = end + 3
        if ref[0] == "@":  # a mark: its entry goes into this page's apparatus
            if ref[1:] not in entries:  # only the reading view shows it: not built
                return None
            listed.append(entries[ref[1:]])
        elif ref == "apparatus":
            if listed:
                out += [parts["apparatus-start"], *listed, parts["apparatus-end"]]
            listed = []
        else:
            if ref not in parts:  # a part that this (the first) page writes, up to its end
                close_mark = f"{mark}/{ref}-->"
                close = pages.find(close_mark, start)
                if close < 0:
                    return None
                parts[ref] = pages[start:close]
                start = close + len(close_mark)
            out.append(parts[ref])
    out.append(pages[start:])
    return "".join(out)


def pointer_page(href: str) -> str:
    """A page that sends the reader on to ``href`` (a relative URL of the site)."""
    target = escape(href, quote=True)
    return (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8"/>'
            f'<meta http-equiv="refresh" content="0; url={target}"/>'
            f'<link rel="canonical" href="{target}"/><title>Reading view</title></head>'
            f'<body><p>This document has one view: <a href="{target}">the reading view</a>.'
            f'</p></body></html>\n')


def same_text(read: str, dipl: str) -> bool:
    """Whether both views show the same text: the words of the div.doc-text and the notes,
    but for what only says which view it is (the page-break labels "p. 2" / "[Page 2]", D's
    rule above the notes)."""
    return _text_of(read) == _text_of(dipl) is not None


def _text_of(page: str) -> list[str] | None:
    root = lxml_html.fromstring(page.encode("utf-8"), parser=_UTF8)
    parts = root.xpath("//div[contains(concat(' ', @class, ' '), ' doc-text ')]"
                       " | //section[contains(concat(' ', @class, ' '), ' footnotes ')]")
    if not parts:
        return None
    words = []
    for part in parts:
        for label in part.xpath(".//*[contains(concat(' ', @class, ' '), ' pb ')"
                                " or contains(concat(' ', @class, ' '), ' fn-rule ')]"):
            label.drop_tree()
        words += " ".join(part.itertext()).split()
    return words


_UTF8 = lxml_html.HTMLParser(encoding="utf-8")


@cache
def _is_default_document_xsl(stylesheet: str) -> bool:
    return Path(stylesheet).resolve() == xslt_path("html/document.xsl").resolve()


def render_document(job: DocJob) -> DocResult:
    """Render both views of one document and write its side files. Never raises."""
    result = DocResult(job.docid)
    try:
        data = safexml.read_file(job.source)
        # one safe parse, one hand-over to Saxon, and both views rendered from that one node
        tree = safexml.parse_bytes(data, job.source)
        if job.member:  # a document of a teiCorpus: its own TEI, and its own TEI copy
            tree = member_tree(tree, job.member)
            data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
        node = saxon.to_xdm(tree)
        paths = page_paths(job.docid)
        views = render_views(job.stylesheet, node, job.params)
        if job.one_view_if_same and same_text(views["read"], views["dipl"]):
            # TEI without transcript-level markup: the diplomatic page would repeat the
            # reading page; the reading view without the switch, and in the diplomatic
            # page's place a pointer to it (neighbours' links to it keep working)
            views = {"read": saxon.transform(job.stylesheet, node, {
                **job.params, "view": "read", "dipl-href": ""}),
                "dipl": pointer_page(f"{job.docid}.html")}
        for view, html in views.items():
            _write(job, paths[view], html.encode("utf-8"), result)
        for relpath, text in sorted(job.extra_files.items()):
            _write(job, relpath, text.encode("utf-8"), result)
        if job.copy_tei:
            target = inside(Path(job.out_dir), paths["tei"])
            if job.member or Path(job.source).resolve() != target:
                _write(job, paths["tei"], data, result)
    except TeiToolsError as exc:
        diag = exc.diagnostic
        if diag.code == "XSL002":  # name the document, not only the stylesheet
            diag = Diagnostic(diag.severity, diag.code, f"{diag.message} (stylesheet {diag.path})",
                              path=job.source, hint="check this document's TEI, or the stylesheet")
        result.diagnostics.append(diag)
    except OSError as exc:  # the output folder refused a file: say which, not "internal error"
        result.diagnostics.append(diagnostic(
            "IO003", path=str(exc.filename or job.out_dir),
            detail=f"cannot write: {exc.strerror or exc}",
            hint="check that you may write to the output folder and that the disk has space"))
    except Exception as exc:  # a bug must not stop the other documents (shown without traceback)
        result.diagnostics.append(diagnostic("HTML099", path=job.source, error=exc))
    return result
