"""§7 P10: where a stamp label at depth 0 that is never closed ends (B19, TX302).

The stamp takes the stamp-content lines after its label (registry numbers, also without ``Nº``,
``Incoming …`` lines, dates) and ends after its date line: a stamp prints its date last, and a
date line after it is the letterhead column's. Caption rows may stand between the label and the
content (the caption was typed beside the stamp, and the capture put the rows one under the
other): they are skipped here and go to ``head`` (``columns.build_block``). Trailing caption rows
are not part of the stamp's rows.

The column reader (``columns``) and the round-trip check (``roundtrip``, N7) both ask this
module, so that the reader and its check agree on the block's extent.
"""

from __future__ import annotations

import re

from . import captions
from . import patterns as P
from .repairs import looks_like_stamp_content

MAX_ROWS = 6
# P10: a registry number without Nº (``03377-gs``, ``0938s``): digits, perhaps a suffix
_BARE_NUMBER = re.compile(r"^\d{3,}(?:[-/]?[a-z]{1,3})?$")


def is_caption_row(text: str, after_caption: bool) -> bool:
    """An A.13 caption line, or the line that goes on with the caption row before it."""
    return P.is_caption(text) or (after_caption and captions.continues("", text))


def is_content_row(text: str) -> bool:
    return looks_like_stamp_content(text) or bool(_BARE_NUMBER.match(text))


def last_row(texts: list[str], i: int) -> int:
    """Index of the last stamp row of the label at ``texts[i]`` (``i`` when none follows)."""
    last = i
    after_caption = False
    k = i + 1
    while k < len(texts) and k - i <= MAX_ROWS and "[" not in texts[k]:
        t = texts[k].strip()
        if is_caption_row(t, after_caption):
            after_caption = True
        elif is_content_row(t):
            after_caption = False
            last = k
            if P.is_date_only(t):
                break            # the stamp's date closes it
        else:
            break
        k += 1
    return last
