"""Document summaries kept between builds, so that rewriting one page of a large edition does
not parse every TEI file again just for the index, chronology and neighbours' links.

``SITE/.tei-tools-summaries.json`` holds, per TEI path, the file's size, modification time and
SHA-256 and the summaries made from it (one per document: a teiCorpus file holds several). A
file whose size and mtime match is taken as unchanged without reading it (as the build state
does); otherwise it is hashed, and only a changed hash means parsing it again. The cache is
dropped whole when the code that makes summaries changes. Only good summaries are kept: a
broken file is read (and reported) on every build.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from ... import __version__
from ...outputs import sha256, write_atomic
from ...resources import xslt_path
from .summary import DocSummary, FileSummary

CACHE_NAME = ".tei-tools-summaries.json"


@cache
def _fingerprint() -> str:
    """The tool version and the code that makes a summary (a change there empties the cache)."""
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256(__version__.encode())
    for path in (here / "summary.py", here.parent / "tei.py",
                 xslt_path("common/dates.xsl"), xslt_path("common/document-date.xsl")):
        digest.update(path.read_bytes())
    return digest.hexdigest()


@dataclass
class SummaryCache:
    path: Path
    entries: dict[str, dict] = field(default_factory=dict)   # TEI path → stat, sha, summary
    used: dict[str, dict] = field(default_factory=dict)      # this build's entries
    changed: bool = False

    @classmethod
    def load(cls, site: Path) -> SummaryCache:
        path = Path(site) / CACHE_NAME
        try:
            data = json.loads(path.read_bytes())
            if data.get("fingerprint") == _fingerprint():
                return cls(path, dict(data["docs"]))
        except (OSError, ValueError, KeyError, TypeError):
            pass  # missing or unreadable: start afresh
        return cls(path, changed=path.exists())

    def get(self, source: str) -> FileSummary | None:
        """The cached summaries of this file, when the file is still what it was."""
        entry = self.entries.get(source)
        if entry is None:
            return None
        try:
            stat = os.stat(source)
            if [stat.st_size, stat.st_mtime_ns] != entry["stat"]:
                if sha256(Path(source).read_bytes()) != entry["sha"]:
                    return None
                entry = {**entry, "stat": [stat.st_size, stat.st_mtime_ns]}
                self.changed = True
            found = FileSummary([DocSummary(**item) for item in entry["summaries"]],
                                entry.get("corpus_title", ""))
        except (OSError, KeyError, TypeError):
            return None
        self.used[source] = entry
        return found

    def put(self, source: str, found: FileSummary, data_sha: str, stat: list[int]) -> None:
        """Keep the summaries made from bytes with hash ``data_sha``; ``stat`` (size, mtime_ns)
        is taken before reading them, so a file changed meanwhile is hashed again next time."""
        self.used[source] = {"stat": stat, "sha": data_sha, "corpus_title": found.corpus_title,
                             "summaries": [s.to_dict() for s in found.documents]}
        self.changed = True

    def save(self) -> None:
        """Write this build's entries (removed documents drop out) when anything changed."""
        if not self.changed and self.used.keys() == self.entries.keys():
            return
        data = {"fingerprint": _fingerprint(), "docs": self.used}
        write_atomic(self.path, json.dumps(data, ensure_ascii=False, sort_keys=True,
                                           separators=(",", ":")).encode("utf-8"))
