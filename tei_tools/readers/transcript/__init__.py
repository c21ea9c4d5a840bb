"""The transcript reader: plain-text archival transcripts → TEI P5 (conventions.md).

Stages, in the order data flows through them:

1. ``source``     decode and normalise the text, keeping original line/column positions (F1);
2. ``profiles``   the page template and wrapper of one archive's website → metadata + the
                  document text lines (F3–F7, M1–M17). A profile is the extension point for
                  another archive's conventions;
3. ``body``       brackets (§3) and layout (§4) of the document text → ``div[@type='document']``
                  plus facts the header needs;
4. ``header``     metadata + body facts → ``teiHeader`` (§2 "Header order");
5. ``assemble``   the ``TEI`` root, serialised deterministically.
"""

from __future__ import annotations

from .convert import ConversionResult, read_transcript

__all__ = ["ConversionResult", "read_transcript"]
