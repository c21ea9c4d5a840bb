"""What the last build did, so the next one only redoes what changed.

``out_dir/.tei-tools-build.json`` records, per source document, the SHA-256 of the source and
of the TEI it produced, plus the *fingerprint* of each stage that processed it. A fingerprint
hashes everything a stage's output depends on besides the document: the tei-tools version, the
code and stylesheets/schemas of that stage, edition.toml and the edition's own xslt/ and css/.
A document is redone by a stage when its input hash or the stage fingerprint changed.

Change detection must stay cheap for 16,000 documents: a file whose size and modification time
match the recorded ones is taken as unchanged without reading it; otherwise it is hashed, so a
mere ``touch`` (or a fresh CI checkout) costs one read and no rebuild.
"""

from __future__ import annotations

import hashlib
import json
import os
import posixpath
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from .. import __version__
from ..diagnostics import Diagnostic, diagnostic
from ..edition import Edition
from ..outputs import file_sha256, write_atomic
from ..resources import data_dir
from .depends import stage_data, stage_files

STATE_NAME = ".tei-tools-build.json"
FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent.parent

# Stage → its functions in stages.py (whose imports give the code it runs and the stylesheets and
# schemas that code loads, see .depends) and whether the edition's own settings/stylesheets
# count. The book is printed with the pdf stage's fingerprint.
_DEPENDS = {
    "convert": (["_convert"], False),
    "validate": (["_validate"], False),
    "html": (["_site"], True),
    "pdf": (["_pdf", "_book"], True),
}


def stat_key(path: str | Path) -> list[int] | None:
    try:
        st = os.stat(path)
    except OSError:
        return None
    return [st.st_size, st.st_mtime_ns]


def _tree_files(path: Path) -> list[Path]:
    if path.is_file():
        return [path]
    if path.is_dir():
        return sorted(p for p in path.rglob("*")
                      if p.is_file() and "__pycache__" not in p.parts)
    return []


@cache
def _code_fingerprints(package: Path = _PACKAGE) -> dict[str, str]:
    """Per stage, a hash of its code and shipped data, taken once per process: the process
    runs the code it imported, whatever happens to the files afterwards."""
    result = {}
    for stage, (functions, _) in _DEPENDS.items():
        digest = hashlib.sha256(f"{FORMAT}:{__version__}:{stage}".encode())
        files = sorted({f for function in functions for f in stage_files(package, function)})
        named = [(f.relative_to(package).as_posix(), f) for f in files]
        named += sorted({item for function in functions
                         for item in stage_data(package, function, data_dir)})
        for name, path in named:
            digest.update(name.encode() + b"\0" + path.read_bytes() + b"\0")
        result[stage] = digest.hexdigest()
    return result


def stage_fingerprints(edition: Edition, extra: dict[str, object] | None = None
                       ) -> dict[str, str]:
    """One hash per stage over the tool version, the stage's code and data, the edition."""
    edition_files = [edition.root / "edition.toml", *_tree_files(edition.xslt_dir),
                     *_tree_files(edition.css_dir)]
    result = {}
    for stage, code_hash in _code_fingerprints().items():
        digest = hashlib.sha256(code_hash.encode())
        if _DEPENDS[stage][1]:
            for path in edition_files:
                digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
        digest.update(json.dumps((extra or {}).get(stage), sort_keys=True,
                                 default=str).encode())
        result[stage] = digest.hexdigest()[:20]
    return result


@dataclass
class DocState:
    """One source document: its input, its TEI, and the fingerprint each stage last used."""

    source_stat: list[int] | None = None
    source_sha: str = ""
    tei: str = ""                       # TEI file, relative to the output folder
    tei_stat: list[int] | None = None
    tei_sha: str = ""
    convert: str = ""                   # fingerprints; "" = not done (or failed)
    validate: str = ""
    html: str = ""
    pdf: str = ""


# Where a build writes a document's TEI: tei/NAME.xml, NAME a plain file name
_TEI_PATH = re.compile(r"tei/[^/\\\0]+\.xml")


def valid_tei_path(value: object, out_dir: Path) -> bool:
    """Whether ``value``, read from a build state, may name a TEI file of ``out_dir``: "" (none)
    or tei/NAME.xml, normalised, with no link on the way. A state file is data anybody could
    have written: a path from it is never used to read, write or delete before this check."""
    if value == "":
        return True
    if not isinstance(value, str) or not _TEI_PATH.fullmatch(value):
        return False
    if posixpath.normpath(value) != value or value.split("/")[1] in (".", ".."):
        return False
    return not any(p.is_symlink() for p in (out_dir / "tei", out_dir / value))


@dataclass
class BuildState:
    """The whole state file: documents by source key, plus collection-level records."""

    docs: dict[str, DocState] = field(default_factory=dict)
    collection: dict[str, str] = field(default_factory=dict)  # e.g. {"html": ..., "book": ...}
    _saved: bytes = b""  # what the file holds, so an unchanged state is not rewritten
    touched: bool = False  # set by every change; an untouched state is not even serialised
    problems: list[Diagnostic] = field(default_factory=list)  # entries ignored on load (OUT006)

    @classmethod
    def load(cls, out_dir: Path) -> BuildState:
        """The recorded state; an unreadable or foreign-format file means 'nothing built'.
        An entry whose TEI path is not a plain tei/NAME.xml of ``out_dir`` is dropped (the
        document is built again) and reported in ``problems``."""
        out_dir = Path(out_dir)
        path = out_dir / STATE_NAME
        try:
            raw = path.read_bytes()
            data = json.loads(raw)
            if data.get("format") != FORMAT:
                return cls()
            docs, problems = {}, []
            for key, value in data["docs"].items():
                doc = DocState(**value)
                if valid_tei_path(doc.tei, out_dir):
                    docs[key] = doc
                else:
                    problems.append(diagnostic("OUT006", path=str(path), document=key,
                                               value=doc.tei))
            state = cls(docs, dict(data.get("collection", {})), raw, problems=problems)
            state.touched = bool(problems)  # the state file is rewritten without them
            return state
        except (OSError, ValueError, TypeError, KeyError):
            return cls()

    def save(self, out_dir: Path) -> None:
        if not self.touched and self._saved:
            return
        # vars(), not dataclasses.asdict: asdict deep-copies and is 50x slower at 16,000 docs
        data = {"format": FORMAT, "collection": self.collection,
                "docs": {key: vars(doc) for key, doc in sorted(self.docs.items())}}
        raw = json.dumps(data, separators=(",", ":")).encode("utf-8")
        if raw != self._saved:
            write_atomic(Path(out_dir) / STATE_NAME, raw)
            self._saved = raw
        self.touched = False

    def source_changed(self, key: str, path: Path) -> bool:
        """True when ``path`` differs from what was recorded under ``key`` (updates the stat)."""
        doc = self.docs.setdefault(key, DocState())
        now = stat_key(path)
        if doc.source_sha and now == doc.source_stat:
            return False
        sha = file_sha256(path)
        changed = sha != doc.source_sha
        doc.source_stat, doc.source_sha = now, sha
        self.touched = True
        if changed:  # every later stage has to redo this document
            doc.convert = doc.validate = doc.html = doc.pdf = ""
        return changed

    def tei_changed(self, key: str, out_dir: Path) -> bool:
        """True when the TEI file is missing or not the one the last build wrote."""
        doc = self.docs[key]
        if not doc.tei:
            return True
        path = os.path.join(out_dir, doc.tei)  # str: Path objects are slow at 16,000 files
        now = stat_key(path)
        if now is None:
            return True
        if now == doc.tei_stat:
            return False
        if file_sha256(path) != doc.tei_sha:
            return True
        doc.tei_stat, self.touched = now, True
        return False

    def record_tei(self, key: str, out_dir: Path, tei_rel: str) -> bool:
        """Record a freshly written TEI file; returns whether its content changed."""
        doc = self.docs[key]
        path = out_dir / tei_rel
        sha = file_sha256(path)
        changed = sha != doc.tei_sha or tei_rel != doc.tei
        doc.tei, doc.tei_stat, doc.tei_sha = tei_rel, stat_key(path), sha
        self.touched = True
        if changed:
            doc.validate = doc.html = doc.pdf = ""
        return changed


def relative_key(path: Path, root: Path) -> str:
    """The state key of a source file: its path relative to the edition, with '/'."""
    return os.path.relpath(path, root).replace(os.sep, "/")
