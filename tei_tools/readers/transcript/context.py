"""State shared by the stages of one transcript conversion."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import PurePath

from anyascii import anyascii

from ...diagnostics import Diagnostic, diagnostic

_NON_ID = re.compile(r"[^A-Za-z0-9_.-]")


def docid_from_name(name: str) -> str:
    """conventions.md §0: file name without folder and ``.txt``; other characters become '-';
    'd' is prefixed when the first character is not an ASCII letter. Letters of other scripts
    are transliterated first (anyascii: Отчёт → Otchet), so that two Cyrillic names of the
    same length do not both become dashes (issue 14)."""
    stem = PurePath(name).name
    if stem.lower().endswith(".txt"):
        stem = stem[:-4]
    if not stem.isascii():
        stem = anyascii(unicodedata.normalize("NFC", stem))
    docid = _NON_ID.sub("-", stem) or "document"
    if not ("a" <= docid[0].lower() <= "z"):
        docid = "d" + docid
    return docid


@dataclass
class ReaderSettings:
    """User-settable options of the transcript reader (an edition's edition.toml sets them)."""

    profile: str = "wilson-center"
    # publicationStmt/publisher; None means the profile's default
    publisher: str | None = None
    # Larger inputs are refused (TX105) instead of converted: real transcripts are a few kB, and
    # a bound on the input is what keeps memory bounded on any file a batch meets.
    max_bytes: int = 16 * 1024 * 1024


@dataclass
class Context:
    """One conversion: the document id, where diagnostics go, ."""

    docid: str
    path: str | None = None
    settings: ReaderSettings = field(default_factory=ReaderSettings)
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def emit(self, code: str, *, line: int | None = None, col: int | None = None,
             **params: object) -> None:
        """Report a declared code (see tei_tools/diagnostics/codes/) at a position of this file."""
        self.diagnostics.append(diagnostic(code, path=self.path, line=line, col=col, **params))
