"""The source documents of an edition, as a build sees them."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, diagnostic
from ..edition import Edition

if TYPE_CHECKING:  # the converter is imported only when a build needs it
    from ..readers.transcript.context import ReaderSettings


def reader_settings(edition: Edition) -> ReaderSettings:
    """The converter's settings from the edition's ``[reader]`` table."""
    from ..readers.transcript.context import ReaderSettings

    options = edition.reader
    return ReaderSettings(profile=str(options.get("profile", "wilson-center")),
                          publisher=options.get("publisher") or None)


@dataclass(frozen=True)
class Source:
    """One source document: a transcript, or TEI kept by hand in the edition's ``tei/``."""

    key: str      # path relative to the edition: transcripts/x.txt or tei/x.xml
    path: Path
    docid: str

    @property
    def hand_made(self) -> bool:
        return self.path.suffix == ".xml"


def edition_sources(edition: Edition) -> tuple[list[Source], list[Diagnostic]]:
    """Every source document of the edition; two that would write the same TEI file clash."""
    from ..readers.transcript.context import docid_from_name

    # The same files as edition.transcripts() / tei_sources() (flat *.txt, *.xml), listed with
    # scandir and sorted as strings: pathlib's glob and sort cost ~1 s at 16,000 files.
    texts, teis = edition.transcripts_dir, edition.tei_dir
    found = [Source(f"transcripts/{name}", texts / name, docid_from_name(name))
             for name in _listing(texts, ".txt")]
    found += [Source(f"tei/{name}", teis / name, name[:-4]) for name in _listing(teis, ".xml")]
    seen: dict[str, Source] = {}
    folded: dict[str, Source] = {}  # Report / report: one file on Windows and macOS
    problems = []
    for source in found:
        if source.docid in seen:
            problems.append(diagnostic(
                "OUT003", path=str(source.path), docid=source.docid,
                other=seen[source.docid].path, target=f"tei/{source.docid}.xml", which="them"))
        elif source.docid.casefold() in folded:
            problems.append(diagnostic("OUT004", path=str(source.path), docid=source.docid,
                                       other=folded[source.docid.casefold()].path))
        seen[source.docid] = source
        folded.setdefault(source.docid.casefold(), source)
    return found, problems


def _listing(folder: Path, suffix: str) -> list[str]:
    try:
        with os.scandir(folder) as entries:
            return sorted(e.name for e in entries if e.name.endswith(suffix) and e.is_file())
    except OSError:  # no such folder: no documents of that kind
        return []


__all__ = ["Source", "edition_sources", "reader_settings"]
