"""The link check of the web edition: every local link of a document page's text must reach a
page of the site (and the anchor in it), else the build says so (HTML301), per document.

Only the document's own text is checked (the text, its notes and apparatus): the navigation
is the writer's own, and PDF links may be written by a later step. External links (with a
scheme: https:, mailto: …) are not fetched. A link that leaves the site's folder (a
root-relative "/path", or "../" past the top) points outside the edition: reported too, as
such, because it cannot work wherever the site is published.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html as lxml_html

from ...diagnostics import Diagnostic, diagnostic

# the parts of a document page that hold the TEI's own links
_TEXT = ("//div[contains(concat(' ', @class, ' '), ' doc-text ')]//a[@href]"
         " | //section[contains(concat(' ', @class, ' '), ' footnotes ')]//a[@href]")
_UTF8 = lxml_html.HTMLParser(encoding="utf-8")


@dataclass
class LinkReport:
    """What the check found: per document, (target, reason) of each broken link."""

    checked: int = 0
    broken: dict[str, list[tuple[str, str]]] = field(default_factory=dict)

    @property
    def count(self) -> int:
        return sum(len(v) for v in self.broken.values())


class _Pages:
    """The ids of the site's pages, each read once when a link first points into it."""

    def __init__(self, out_dir: Path):
        self.out_dir = out_dir
        self.ids: dict[str, set[str] | None] = {}

    def anchors(self, relpath: str) -> set[str] | None:
        """The ids of a page (None: no such file)."""
        if relpath not in self.ids:
            path = self.out_dir / relpath
            if not path.is_file():
                self.ids[relpath] = None
            elif not relpath.endswith(".html"):
                self.ids[relpath] = set()
            else:
                tree = lxml_html.fromstring(path.read_bytes(), parser=_UTF8)
                self.ids[relpath] = set(tree.xpath("//@id | //a/@name"))
        return self.ids[relpath]


def problem(href: str, page: str, pages: _Pages) -> str | None:
    """Why a link of ``page`` (a site-relative path) does not work, or None when it does."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None  # external: listed nowhere here, never fetched
    if parts.path.startswith("/"):
        return "outside the edition (a path from the web server's root)"
    path = posixpath.normpath(posixpath.join(posixpath.dirname(page), unquote(parts.path))) \
        if parts.path else page
    if path.startswith("../") or path == "..":
        return "outside the edition (leaves the site's folder)"
    ids = pages.anchors(path)
    if ids is None:
        return "no such page in the edition"
    if parts.fragment and unquote(parts.fragment) not in ids:
        return f"no anchor #{unquote(parts.fragment)} in {path}"
    return None


def check_links(out_dir: Path, pages: dict[str, str]) -> LinkReport:
    """Check the text links of these document pages (site-relative path → TEI source)."""
    report = LinkReport()
    known = _Pages(Path(out_dir))
    for page in sorted(pages):
        ids = known.anchors(page)
        if ids is None:
            continue  # not written (its document failed): reported already
        tree = lxml_html.fromstring((Path(out_dir) / page).read_bytes(), parser=_UTF8)
        for link in tree.xpath(_TEXT):
            target = link.get("href", "")
            report.checked += 1
            reason = problem(target, page, known)
            if reason:
                report.broken.setdefault(page, []).append((target, reason))
    return report


def link_diagnostics(report: LinkReport, pages: dict[str, str]) -> list[Diagnostic]:
    """One HTML301 per document with broken links, naming each target (the first ten)."""
    found = []
    for page, links in sorted(report.broken.items()):
        shown = "; ".join(f"{target} ({reason})" for target, reason in links[:10])
        more = f"; and {len(links) - 10} more" if len(links) > 10 else ""
        found.append(diagnostic("HTML301", path=pages[page], page=page, count=len(links),
                                links=shown + more))
    return found
