"""P12: a PDF export whose whole page is one line (TX112) is cut back into lines at strong
anchors, so that the body's line rules can see the document's structure again.

The anchors are the ones §7 P12 names that can be recognised inside running text without the
line breaks: ``Name:`` speaker labels that occur at least twice, a signature placeholder and the
upper-case office line just before it, an inline distribution head (``Copies to:``), and an
attachment marker (``Attachment to incoming Nº …``, ``ATTACHMENT:``). A speaker label is cut only
after the end of a sentence, a bracket, a number or an upper-case word, so running text that
merely mentions a name is not cut. The text before the first anchor (caption, datelines,
head-zone stamps) stays one line: without its line breaks the head zone cannot be told apart
reliably, and one paragraph loses nothing.
"""

from __future__ import annotations

import re
from collections import Counter

from ..signatures import IN_TEXT as _PLACEHOLDER
from ..source import Line

# a word of a speaker label: capitalised (initials allowed), or a name particle
_LABEL_WORD = re.compile(r"^(?:[A-Z][\w'’-]*\.?|Cde\.|of|the|de|van|von)$")
_COLON = re.compile(r"(?<=\w):(?= \S)")
_OFFICE_BEFORE = re.compile(r"(?:\b[A-Z][A-Z'’.-]+ ){2,}(?:[A-Z][A-Z'’.-]+)$")
_FIXED = re.compile(r"(?:Copies to|Copies|Distribution):(?= )|Attachment to incoming\b|"
                    r"ATTACHMENT:(?= )")
_BOUNDARY = re.compile(r"(?:[.?!:;\]”\"]|\d)\s$")
# P1 anchor: numbered recipients (``1 - Cde. Molotov 2- Cde. Fedorenko``) after a list head
_RECIPIENT = re.compile(r"(?<!\S)\d{1,2}\s?-\s(?=\S)")
# B18/B21: a stamp or handwriting bracket that opens a note of its own (``[Handwritten note]:``)
_NOTE_BRACKET = re.compile(r"(?<!\S)\[(?:[^\[\]]*\b(?:[Ss]tamp|[Hh]andwrit\w*)\b[^\[\]]*)\]?:")


def resplit(line: Line) -> list[Line]:
    """``line`` cut before every strong anchor (P12); each piece keeps its original position."""
    text = line.text
    cuts = sorted(set(_anchors(text)))
    cuts = [c for c in cuts if 0 < c < len(text)]
    pieces: list[Line] = []
    for start, end in zip([0] + cuts, cuts + [len(text)], strict=True):
        piece = line.slice(start, end)
        if piece.text:
            pieces.append(piece)
    return pieces or [line]


def _anchors(text: str) -> list[int]:
    out = _speaker_labels(text)
    for m in _PLACEHOLDER.finditer(text):
        office = _OFFICE_BEFORE.search(text[:m.start()].rstrip())
        out.append(office.start() if office else m.start())
    out += [m.start() for m in _FIXED.finditer(text)]
    out += _recipients(text)
    # a stamp or handwritten note after the first anchor stands on a line of its own
    first = min(out, default=len(text))
    out += [m.start() for m in _NOTE_BRACKET.finditer(text) if m.start() > first]
    return out


def _recipients(text: str) -> list[int]:
    """Two or more numbered recipients (1, 2, 3 … in order) after a distribution head, up to
    the next anchor of another kind: each starts a line, as the head does (P1, P3)."""
    out: list[int] = []
    for head in _FIXED.finditer(text):
        if head.group().startswith(("Attachment", "ATTACHMENT")):
            continue
        # the list ends at the next anchor of another kind: a note, a signature, a head
        ends = [m.start() for rx in (_NOTE_BRACKET, _PLACEHOLDER, _FIXED)
                for m in rx.finditer(text, head.end())]
        stop = min(ends, default=len(text))
        run = []
        for m in _RECIPIENT.finditer(text, head.end(), stop):
            if int(m.group().split("-")[0]) != len(run) + 1:
                break                                    # 1, 2, 3 … in order, no gap
            run.append(m.start())
        if len(run) >= 2:
            out += run
    return out


def _speaker_labels(text: str) -> list[int]:
    """Starts of the ``Name:`` labels that occur at least twice. The words before a colon are
    ambiguous without line breaks (``TRINH Zhou Enlai:``), so every run of one to four
    label words before it is a candidate, and the longest one that repeats wins."""
    candidates: list[list[tuple[int, str]]] = []
    for colon in _COLON.finditer(text):
        words = list(re.finditer(r"\S+", text[:colon.start()]))[-4:]
        run: list[tuple[int, str]] = []
        for k in range(len(words) - 1, -1, -1):
            if not _LABEL_WORD.match(words[k].group()):
                break
            start = words[k].start()
            run.append((start, text[start:colon.start()]))
        candidates.append(run)
    counts = Counter(label for run in candidates for _, label in run)
    out = []
    for run in candidates:
        best = [(start, label) for start, label in run
                if counts[label] >= 2 and _after_boundary(text, start)]
        if best:
            out.append(best[-1][0])
    return out


def _after_boundary(text: str, at: int) -> bool:
    """The end of a sentence, a bracket, a number, or an upper-case word (a caption) before
    ``at``."""
    if at == 0 or _BOUNDARY.search(text[max(0, at - 2):at]):
        return True
    before = text[:at].split()
    return bool(before) and before[-1].isupper() and len(before[-1]) > 1
