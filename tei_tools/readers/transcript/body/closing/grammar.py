"""Line patterns of the closing zone added by the real-page rules (§7 P1–P4)."""

from __future__ import annotations

import re

from .. import patterns as P

_NUMBER_WORD = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)"

# P3: "Five copies printed:", "Five copies sent to", "3 copies", "Three copies printed. Nº 3 to
# file." (head up to the first full stop, the rest are items); at most a short fragment after
# the count, so that a sentence about copies in the body is no count line
COUNT_START = re.compile(rf"^{_NUMBER_WORD}\s+cop(?:y|ies)\b", re.I)
COUNT_LINE = re.compile(rf"^(?P<head>{_NUMBER_WORD}\s+cop(?:y|ies)\b(?:\s+[\w-]+){{0,3}}"
                        r"(?:\s*:|\.)?)(?:(?<=\.)\s+(?P<rest>\S.*))?$", re.I)
# P3: the typist's initials after a count line ("3 copies. ak")
TYPIST_INITIALS = re.compile(r"^[a-z]{1,3}$|^[A-Z]{1,3}/[a-z]{1,3}$")
# P3: ordinal recipients "1st to the Ministry", "3rd - file" (gaps in the numbering are the
# transcript's); numbered ones are L20 (patterns.DIST_NUMBERED)
ORDINAL = re.compile(r"^(?P<label>\d+(?:st|nd|rd|th)(?:\s*-)?)\s+(?P<item>\S.*)$")
# P3: headed name-per-line lists
SEEN_BY = re.compile(r"^(?:To be seen by|Seen by)\s*:?$", re.I)
# P2: a mixed-case office line with an A.15 word: "Chargé d'Affaires ad interim",
# "Ambassador of the USSR to the PRC", "Head of Department"
MIXED_OFFICE = re.compile(r"^(?=[A-Z])(?=.*\b(?:Ambassador|Counsel+or|Chargé d'Affaires|Secretary|"
                          r"Deputy|Chief|Head|Minister|Colonel|Major|Captain|Consul)\b)"
                          r"(?:\S+\s+){0,7}\S+$", re.I)
# P2: a place and a year-first date before the signer: "Budapest, 1971 May 4."
PLACE_DATE_LINE = re.compile(r"^[A-Z][\w'.-]+(?: [A-Z][\w'.-]+)?,\s+\d{4}\.?\s+[A-Z][a-z]+\.?"
                             r"\s+\d{1,2}\.?$")
# L21/P4: the outgoing registry number on its own line: "Nº 598", "No. 412/sh." (the final full
# stop is no part of the number), "Nº 71-op (2 pages)" (the page count stays in the line)
REGISTRY_LINE = re.compile(r"^(?:Nº|N°|№|No\.?|Nr\.?)\s*(?P<num>\d[\w./-]*?)(?P<stop>\.)?"
                           r"(?P<pages>\s+\(\d+\s+pages?\))?$")
# P4: "16 March of this year"
RELATIVE_YEAR = re.compile(r"\s+of this year$")
# P2: a time before the date under the signer, a year the translator supplied after it
TIME_FIRST = re.compile(r"^\d{1,2}:\d{2}(?:\s?[ap]\.m\.)?,?\s+")
SUPPLIED_YEAR = re.compile(r"\s*\[\d{4}\]$")
# P2: the addressee block after the signature opens "Esteemed Comrade", "Dear Comrade …"
ADDRESSEE_AFTER = re.compile(r"^(?:Esteemed|Dear|Respected|To)\s+Comrades?\b[^.;:!?]*,?$")
# P1/P2: "Signed: {name}" and the en-dash sign-off "– 191 – Horváth –"
SIGNED_LABEL = re.compile(r"^(?P<label>Signed:)\s*(?P<name>\S.*)$")
SIGN_OFF = re.compile(r"^(?P<a>[–—-]\s*)(?P<num>\d+)(?P<b>\s*[–—-]\s*)(?P<name>[^–—\d][^–—]*?)"
                      r"(?P<c>\s*[–—-])$")


def count_line(text: str) -> re.Match[str] | None:
    """A P3 count line; its rest (after a full stop) must not be a sentence of the body."""
    m = COUNT_LINE.match(text)
    if m is None or (m.group("rest") and len(m.group("rest").split()) > 6):
        return None
    return m


def recipient_line(text: str) -> re.Match[str] | None:
    """A numbered or ordinal recipient line (the label and the item)."""
    return P.DIST_NUMBERED.match(text) or ORDINAL.match(text)


def cut_off(text: str) -> bool:
    """P1: a last line without final punctuation and longer than four words is a cut capture."""
    words = [w for w in text.split() if re.search(r"[^\W\d_]", w)]
    return len(words) > 4 and not re.search(r"[.?!:;)\]/]$", text)
