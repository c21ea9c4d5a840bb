"""Test support: cut the document text out of a corpus page without the profile stage.

The body tests must not depend on the wrapper parser (another stage); this small cutter knows
just enough of F3–F7 to find the document text of the development corpus: it skips the wrapper
head (up to the funder line, ``English HTML`` or the title) and stops before the summary that
precedes the wrapper tail. Lines keep their original numbers.
"""

from __future__ import annotations

import re
from pathlib import Path

from tei_tools.readers.transcript.body.lines import TextLine

_TAIL = re.compile(r"^(Author\(s\):|Document Information|Associated |Subjects Discussed|"
                   r"The History and Public Policy Program welcomes)")
_DATE = re.compile(r"^(January|February|March|April|May|June|July|August|September|October|"
                   r"November|December) \d{1,2}, \d{4}$")


def document_lines(path: Path) -> list[TextLine]:
    raw = path.read_text(encoding="utf-8").split("\n")
    lines = [TextLine(t.rstrip("\r"), i + 1) for i, t in enumerate(raw)]
    nonblank = [i for i, ln in enumerate(lines) if ln.text.strip()]
    start = 0
    for i in nonblank[:40]:
        t = lines[i].text.strip()
        if t.startswith(("This document was made possible", "Digital Archive digitalarchive")) \
                or t in ("English HTML", "(Not yet proofread)"):
            start = i + 1
    if start == 0:
        dates = [i for i in nonblank[:5] if _DATE.match(lines[i].text.strip())]
        if dates:
            nxt = [i for i in nonblank if i > dates[0]]
            start = nxt[1] if lines[nxt[0]].text[:1].isupper() else dates[0] + 1
    end = len(lines)
    for i in nonblank:
        if i >= start and _TAIL.match(lines[i].text.strip()):
            end = i
            break
    body = [i for i in nonblank if start <= i < end]
    widget = any(ln.text.strip() == "get citation" or ln.text.startswith("    ")
                 for ln in lines[:start])
    if body and end < len(lines) and not widget:
        end = body[-1]          # the summary line before the tail
    if path.name.startswith("16-"):
        end = max(body) + 1     # summary before the date line (M10)
    return lines[start:end]
