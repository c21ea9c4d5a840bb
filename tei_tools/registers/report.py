"""What linking found: links per entry, unknown and ambiguous names, diagnostics.

A :class:`LinkReport` is small whatever the size of the edition: names are counted by form,
with the first few documents they occur in, not kept occurrence by occurrence.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from dataclasses import dataclass, field

from ..diagnostics import Diagnostic

MAX_DOCUMENTS = 10  # documents listed per unknown or ambiguous name in the report


@dataclass
class NameFinding:
    """One name form (by kind and key) that could not be linked."""

    kind: str            # person, place, org, or "" (a <name> of no known kind)
    name: str            # the first spelling seen
    status: str          # "unknown" or "ambiguous"
    candidates: tuple[str, ...] = ()
    count: int = 0
    spellings: Counter = field(default_factory=Counter)
    documents: list[str] = field(default_factory=list)

    def add(self, spelling: str, document: str) -> None:
        self.count += 1
        self.spellings[spelling] += 1
        if document not in self.documents and len(self.documents) < MAX_DOCUMENTS:
            self.documents.append(document)

    def merge(self, other: NameFinding) -> None:
        self.count += other.count
        self.spellings.update(other.spellings)
        for document in other.documents:
            if document not in self.documents and len(self.documents) < MAX_DOCUMENTS:
                self.documents.append(document)


@dataclass
class LinkReport:
    """The outcome of linking one document or many (:meth:`merge`)."""

    documents: int = 0
    changed: list[str] = field(default_factory=list)       # documents whose TEI changed
    linked: int = 0          # names given a @ref (already tagged)
    tagged: int = 0          # names found in running text and tagged
    kept: int = 0            # names that already had a register @ref
    # entry id → the documents that mention it (in the order linked)
    mentions: dict[str, list[str]] = field(default_factory=dict)
    findings: dict[tuple[str, str, str], NameFinding] = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)        # documents not written

    def mention(self, entry_id: str, document: str) -> None:
        documents = self.mentions.setdefault(entry_id, [])
        if not documents or documents[-1] != document:  # one document is linked at a time
            documents.append(document)

    def finding(self, kind: str, key: str, name: str, status: str, document: str,
                candidates: tuple[str, ...] = ()) -> None:
        found = self.findings.get((status, kind, key))
        if found is None:
            found = self.findings[(status, kind, key)] = NameFinding(kind, name, status,
                                                                     candidates)
        found.add(name, document)

    @property
    def unknown(self) -> list[NameFinding]:
        return [f for f in self._sorted() if f.status == "unknown"]

    @property
    def ambiguous(self) -> list[NameFinding]:
        return [f for f in self._sorted() if f.status == "ambiguous"]

    def _sorted(self) -> list[NameFinding]:
        return [self.findings[k] for k in sorted(self.findings)]

    def merge(self, other: LinkReport) -> None:
        self.documents += other.documents
        self.changed += other.changed
        self.linked += other.linked
        self.tagged += other.tagged
        self.kept += other.kept
        for entry_id, documents in other.mentions.items():
            mine = self.mentions.setdefault(entry_id, [])
            mine += [d for d in documents if not mine or mine[-1] != d]
        for k, found in other.findings.items():
            if k in self.findings:
                self.findings[k].merge(found)
            else:
                self.findings[k] = found
        self.diagnostics += other.diagnostics
        self.failed += other.failed

    def summary(self) -> str:
        parts = [f"{self.documents} document{'' if self.documents == 1 else 's'}",
                 f"{self.linked} names linked", f"{self.tagged} tagged in the text",
                 f"{self.kept} already linked",
                 f"{len(self.unknown)} unknown", f"{len(self.ambiguous)} ambiguous",
                 f"{len(self.changed)} changed"]
        if self.failed:
            parts.append(f"{len(self.failed)} not written")
        return "linked " + ", ".join(parts)

    # ------------------------------------------------------------ the editor's report

    def rows(self) -> list[dict[str, str]]:
        """One row per unknown or ambiguous name: the columns ``tei-tools register import``
        reads (kind, id, name, variants) and what the editor needs to decide."""
        rows = []
        for found in self._sorted():
            spellings = [s for s, _ in sorted(found.spellings.items(),
                                              key=lambda item: (-item[1], item[0]))]
            rows.append({"status": found.status, "kind": found.kind, "id": "",
                         "name": spellings[0], "variants": " | ".join(spellings[1:]),
                         "count": str(found.count),
                         "candidates": " ".join(found.candidates),
                         "documents": " ".join(found.documents)})
        return rows

    def to_csv(self) -> str:
        out = io.StringIO()
        columns = ["status", "kind", "id", "name", "variants", "count", "candidates",
                   "documents"]
        writer = csv.DictWriter(out, columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows())
        return out.getvalue()

    def to_json(self) -> str:
        data = {"summary": {"documents": self.documents, "linked": self.linked,
                            "tagged": self.tagged, "kept": self.kept,
                            "changed": len(self.changed)},
                "names": self.rows(),
                "mentions": {k: self.mentions[k] for k in sorted(self.mentions)}}
        return json.dumps(data, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
