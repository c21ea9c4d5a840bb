"""Static full-text search: pagefind indexes of the reading views, in parts of bounded size.

Pagefind (the ``pagefind[bin]`` package) reads the written pages; document pages mark what to
index (``data-pagefind-body`` on the reading view only) and carry the filters ``type``,
``year`` and ``archive`` (``data-pagefind-filter``).

Pagefind holds every page it indexes in memory (≈ 200 kB per page: 5 GB for 16,000 documents)
and has no incremental mode. So a large edition is indexed in *parts* of at most
``part_size`` documents, one pagefind run each, and the search page merges them in the browser
(pagefind's ``mergeIndex``): memory stays bounded whatever the size of the edition, and a
changed document re-indexes only its own part. A document's part is a hash of its page path,
so it stays put when other documents come and go (all parts change only when the number of
parts does). Part 1 is the bundle ``SITE/pagefind/`` itself, with the search UI
(pagefind-ui.js/.css) that search.html loads; part *k* > 1 is ``SITE/pagefind/parts/k/``.
Nothing is remote. ``SITE/.tei-tools-search.json`` records what each part was made from.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import json
import math
import os
import shutil
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from ...diagnostics import Diagnostic, TeiToolsError, diagnostic, error
from ...outputs import file_sha256, inside, write_atomic

BUNDLE = "pagefind"
PARTS = "parts"               # SITE/pagefind/parts/{k}/ for parts 2, 3, …
PART_SIZE = 2000              # documents per part: pagefind peaks at ≈ 400 MB for 2,000 pages
STATE_NAME = ".tei-tools-search.json"


def pagefind_available() -> bool:
    try:
        from pagefind.service import get_executable
    except ImportError:
        return False
    return get_executable() is not None


def no_pagefind(site: Path) -> Diagnostic:
    """The warning for a site built without the pagefind binary."""
    return diagnostic("HTML201", path=str(site))


@dataclass(frozen=True)
class SearchPlan:
    """Which page goes into which part of the index."""

    parts: tuple[tuple[str, ...], ...]  # per part: site-relative page paths, sorted

    @property
    def bundles(self) -> list[str]:
        """Site-relative folder of each part's bundle (part 1 first: it carries the UI)."""
        return [f"{BUNDLE}/"] + [f"{BUNDLE}/{PARTS}/{k}/" for k in range(2, len(self.parts) + 1)]


def plan_parts(pages: list[str], part_size: int = PART_SIZE) -> SearchPlan:
    """Split ``pages`` into ⌈n / part_size⌉ parts by a stable hash of each page's path."""
    count = max(1, math.ceil(len(pages) / max(1, part_size)))
    parts: list[list[str]] = [[] for _ in range(count)]
    for page in pages:
        digest = hashlib.sha256(page.encode("utf-8")).digest()
        parts[int.from_bytes(digest[:8], "big") % count].append(page)
    return SearchPlan(tuple(tuple(sorted(part)) for part in parts))


async def _index(site: Path, bundle: Path, language: str) -> int:
    from pagefind.index import IndexConfig, PagefindIndex

    # one language for the whole edition (stemming, stop words)
    config = IndexConfig(output_path=str(bundle), force_language=language.split("-")[0] or "en")
    async with PagefindIndex(config=config) as index:
        # a folder in one call: pagefind reads and parses the pages in parallel (adding them
        # one by one through its service pipe is ~50 times slower)
        result = await index.add_directory(str(site), glob="documents/*.html")
    return int(result.get("page_count", 0))


def _run(coroutine_function, *args) -> object:
    """asyncio.run, also from inside a running event loop (Jupyter, playwright's sync API),
    where asyncio.run refuses: then in a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:  # no loop here: the usual case
        return asyncio.run(coroutine_function(*args))
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(lambda: asyncio.run(coroutine_function(*args))).result()


def _mirror(site: Path, pages: tuple[str, ...], into: Path) -> Path:
    """A folder that mirrors ``site`` with just ``pages`` (hard links, else copies), so that
    each part is one ``add_directory`` call; pagefind's glob could not pick a part's pages, nor
    leave out the diplomatic views (which carry no data-pagefind-body and add nothing)."""
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


def _clear_bundle(bundle: Path) -> None:
    """Remove a part's old bundle files (their names are content hashes: none may go stale);
    part 1's folder keeps the other parts' folders."""
    if not bundle.is_dir():
        return
    for entry in bundle.iterdir():
        if entry.name == PARTS and bundle.name == BUNDLE:
            continue
        if entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry)
        else:
            entry.unlink()


def _part_key(pages: tuple[str, ...], site: Path, hashes: Mapping[str, str],
              language: str) -> str:
    """What a part is made from: its pages' paths and contents, and the language."""
    h = hashlib.sha256(language.encode("utf-8"))
    for rel in pages:
        digest = hashes.get(rel)
        if digest is None:
            path = site / rel
            digest = file_sha256(path) if path.is_file() else "-"
        h.update(f"\0{rel}\0{digest}".encode())
    return h.hexdigest()


def _load_state(site: Path) -> list[str]:
    try:
        data = json.loads((site / STATE_NAME).read_text("utf-8"))
        keys = data.get("parts", [])
        return [str(k) for k in keys] if isinstance(keys, list) else []
    except (OSError, ValueError, AttributeError):  # missing or damaged: index every part
        return []


def build_search_index(site: Path, language: str = "en", pages: list[str] | None = None, *,
                       part_size: int = PART_SIZE, hashes: Mapping[str, str] | None = None
                       ) -> Diagnostic | None:
    """(Re)write the search index of ``pages`` (site-relative paths of the pages to index;
    default: every ``documents/*.html`` but the diplomatic views) under ``SITE/pagefind/``.

    Only parts whose pages changed are indexed again. ``hashes`` (page path → SHA-256, e.g.
    from the output manifest) spares reading the pages to find out. Returns a warning instead
    of raising when the index cannot be built."""
    if not pagefind_available():
        return no_pagefind(site)
    site = site.resolve()
    if pages is None:
        pages = sorted(p.relative_to(site).as_posix() for p in (site / "documents").glob("*.html")
                       if not p.name.endswith(".diplomatic.html"))
    plan = plan_parts(pages, part_size)
    old = _load_state(site)
    keys = [_part_key(part, site, hashes or {}, language) for part in plan.parts]
    try:  # before anything is deleted: no bundle folder may be a link to elsewhere (OUT005)
        root = inside(site, BUNDLE, "delete and rewrite the search index")
        bundles = [inside(site, rel, "delete and rewrite the search index")
                   for rel in plan.bundles]
        if (root / PARTS).is_symlink():
            raise error("OUT005", path=str(root / PARTS), root=site,
                        what="delete and rewrite the search index")
    except TeiToolsError as exc:
        return exc.diagnostic
    try:
        for index, (part, bundle) in enumerate(zip(plan.parts, bundles, strict=True)):
            fresh = (index < len(old) and old[index] == keys[index]
                     and (bundle / "pagefind-entry.json").is_file())
            if fresh:
                continue
            _clear_bundle(bundle)
            # the mirror sits in the site folder, so that hard links work
            with tempfile.TemporaryDirectory(prefix=".pagefind-", dir=site) as tmp:
                _run(_index, _mirror(site, part, Path(tmp)), bundle, language)
        if (root / PARTS).is_dir():
            for extra in sorted((root / PARTS).iterdir()):
                if f"{BUNDLE}/{PARTS}/{extra.name}/" not in plan.bundles:  # fewer parts now
                    if extra.is_symlink() or not extra.is_dir():
                        extra.unlink()  # the link itself, never what it points to
                    else:
                        shutil.rmtree(extra)
            if not any((root / PARTS).iterdir()):
                (root / PARTS).rmdir()
    except Exception as exc:  # the binary's own errors: report, keep the rest of the site
        (site / STATE_NAME).unlink(missing_ok=True)  # unknown state: index everything next time
        return diagnostic("HTML202", path=str(site), reason=exc)
    write_atomic(inside(site, STATE_NAME),
                 json.dumps({"parts": keys}, indent=1).encode("utf-8"))
    return None
