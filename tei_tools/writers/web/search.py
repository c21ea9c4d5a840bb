"""Static full-text search: a pagefind index of the reading views.

Pagefind (the ``pagefind[bin]`` package) reads the written pages; document pages mark what to
index (``data-pagefind-body`` on the reading view only) and carry the filters ``type``,
``year`` and ``archive`` (``data-pagefind-filter``). The bundle goes to ``SITE/pagefind/``,
which also holds the search UI (pagefind-ui.js/.css) that search.html loads: nothing remote.
"""

from __future__ import annotations

import asyncio
import os
import shutil
import tempfile
from pathlib import Path

from ...diagnostics import Diagnostic, Severity

BUNDLE = "pagefind"


def pagefind_available() -> bool:
    try:
        from pagefind.service import get_executable
    except ImportError:
        return False
    return get_executable() is not None


async def _index(site: Path, bundle: Path, language: str) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    # one index for the whole edition, in the edition's language (stemming, stop words)
    config = IndexConfig(output_path=str(bundle), force_language=language.split("-")[0] or "en")
    async with PagefindIndex(config=config) as index:
        # the folder in one call: pagefind reads and parses the pages in parallel (adding them
        # one by one through its service pipe is ~50 times slower)
        result = await index.add_directory(str(site), glob="documents/*.html")
    return int(result.get("page_count", 0))


def _only(site: Path, pages: list[str], into: Path) -> Path:
    """A folder that mirrors ``site`` with just ``pages`` (hard links, else copies): pagefind's
    glob cannot leave out the diplomatic views, and reading them costs ~40 % of its time
    although they carry no data-pagefind-body and add nothing to the index."""
    for rel in pages:
        source, target = site / rel, into / rel
        if not source.is_file():  # not written (an error, or a hand edit kept it away)
            continue
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(source, target)
        except OSError:  # another file system, or no hard links here
            shutil.copyfile(source, target)
    return into


def no_pagefind(site: Path) -> Diagnostic:
    """The warning for a site built without the pagefind binary."""
    return Diagnostic(Severity.WARNING, "HTML201", "search index not built: the pagefind "
                      "binary is not installed", path=str(site),
                      hint='pip install "pagefind[bin]"')


def build_search_index(site: Path, language: str = "en",
                       pages: list[str] | None = None) -> Diagnostic | None:
    """(Re)write SITE/pagefind from ``pages`` (site-relative paths of the pages to index;
    default: every documents/*.html). Returns a warning instead of raising when it cannot."""
    if not pagefind_available():
        return no_pagefind(site)
    bundle = (site / BUNDLE).resolve()
    # the bundle's file names are content hashes: drop the old ones so none go stale
    if (bundle / "pagefind-entry.json").is_file():
        shutil.rmtree(bundle)
    try:
        if pages is None:
            asyncio.run(_index(site.resolve(), bundle, language))
        else:  # the mirror sits in the site folder, so that hard links work
            with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site) as tmp:
                asyncio.run(_index(_only(site, pages, Path(tmp)), bundle, language))
    except Exception as exc:  # the binary's own errors: report, keep the rest of the site
        return Diagnostic(Severity.WARNING, "HTML202", f"search index not built: {exc}",
                          path=str(site), hint="run again with a working pagefind binary")
    return None
