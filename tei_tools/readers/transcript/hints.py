"""What a profile learnt from the website wrapper that the body builder needs (a value, not
context state: the profile returns it in its ``Wrapper`` and ``build_body`` takes it)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class BodyHints:
    doc_type: str | None = None          # trailer "Type" value (M11), e.g. "Diary Entry"
    catalogue_when: str | None = None    # ISO date of the WC date line (M1), for year inference
    # default language of the archive family (A.7) that holds the original, from the archival
    # citation (M17), else the trailer's Original Archive: B8 terms outside the lexicon
    archive_lang: str | None = None
    # original line number of a line the wrapper knows to be the document's own heading: the
    # rest of a PDF export's Contents line (P12)
    document_heading: int | None = None


NO_HINTS = BodyHints()   # a bare transcript, or a body built on its own (tests)

__all__ = ["NO_HINTS", "BodyHints"]
