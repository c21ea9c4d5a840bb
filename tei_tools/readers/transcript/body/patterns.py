"""Line patterns of conventions.md §4, tested against the plain text of one unit.

Each function answers one question about a line; the zone splitter and the layout builders
combine them. Patterns are written from the specification's regular expressions.
"""

from __future__ import annotations

import re
from functools import cache

from . import vocab
from .dates import DATE_RE
from .vocab import MONTH_RE

# L16: letter-spaced text, "P y o n g y a n g" (also a place or a signer)
SPACED = re.compile(r"(?=[^\W\d_] )(?<![^\W\d_])(?:[^\W\d_] ){3,}[^\W\d_](?![^\W\d_\d])")
# L17; P5/P15: ``###`` and ``xxx`` lines are separators too
SEPARATOR = re.compile(r"^(?:={5,}|[—–-]{5,}|_{5,}|(?:\*\s*){3,}|(?:#\s*){3,}|(?:[xX]\s*){3,})$")
_RULE_TYPES = {"=": "equals", "_": "underscore", "*": "asterisks", "#": "hash", "x": "letters",
               "X": "letters"}


def rule_type(separator: str) -> str:
    """``milestone[@unit='rule']/@type`` of a SEPARATOR line (L17): dashes for any other."""
    return _RULE_TYPES.get(separator[:1], "dash")
ENTRY_DATE = re.compile(rf"^\d{{1,2}} {MONTH_RE}(?: \d{{4}})?$")
ROMAN_SECTION = re.compile(r"^(?P<n>[IVXLC]{1,5})\.\s+(?P<t>[A-Z].{0,78})$")
NUMBERED = re.compile(r"^\s*(?:(?P<a>\d{1,2})[.)]|\((?P<b>\d{1,2}|[IVXLC]{1,5})\))\s+\S")
DASH = re.compile(r"^[-–—]\s+\S")
SPEAKER = re.compile(
    r"^(?P<label>(?:(?:Cde\.|Comrade|Vice Premier|Premier|Chairman|Ambassador|The)\s+)?"
    r"[^\W\d_][\w.'’ -]{0,40}?(?:\s+\[[^\]]+\])?(?:\s+\(to be abbreviated as [^)]+\))?):"
    r"(?:\s+(?P<text>\S.*))?$")


def speaker(text: str) -> re.Match[str] | None:
    """``SPEAKER.match``, skipped for lines without the label's ':' (the pattern's lazy label
    costs many steps on every line it fails on, and most lines have no colon)."""
    return SPEAKER.match(text) if ":" in text else None


SPEAKER_CAPS = re.compile(r"^(?P<label>[A-Z][A-Z .'’-]{2,40})\.\s+(?P<text>\S.*)$")
TITLES = re.compile(r"^(?:Cde\.|Comrade|Vice Premier|Premier|Chairman|Ambassador|The)\s+")
ABBREV = re.compile(r"\s*\(to be abbreviated as (?P<short>[^)]+)\)")
# L9 fields; P15: field labels are case-insensitive (``Those Taking Part:``)
FIELD = re.compile(
    r"^(?P<f>Time|Date|Location|Place|Present(?: at the conversation)?|Participants?|"
    r"Those (?:taking part|present)|In attendance|Interpreters?|Translator|Recorder|Subject|Re|"
    r"Concerning)\s*:\s*(?P<v>.*)$", re.IGNORECASE)
GROUP_LINE = re.compile(r"^[A-Z][\w ]+ (?:side|delegation):\s")
# L1; P4: in the head zone also ``Outgoing Nº 241``; F1: ``No``, ``no.``, ``Nr`` and ``Nr.`` are
# equivalents of ``Nº``
REGISTRY = re.compile(r"^(?:Outgoing\s+)?(?:Nº|N°|№|No\.?|no\.|Nr\.?)\s*(?P<num>[A-Z]?\d[\w./-]*)")
COPY = re.compile(r"\bCopy\s+(?:Nº|№|No\.?)?\s*(?P<n>\d+|_{2,})(?!\w)|\bOnly copy\b")
SALUTE_OPEN = re.compile(r"^(?:Dear|Esteemed|Respected) .+[!,]$|^Comrade [\w .'-]+[,!]$")
SALUTE_CLOSE = re.compile(r"^(?:With (?:comradely|communist|socialist|fraternal) greetings|"
                          r"With respect|Respectfully)[,.]?$")
ADDRESSEE = re.compile(r"^(?:To\s|TO\s|to Cde\.|For Comrade)")
MOTTO = re.compile(r"^(?:Workers|Proletarians) of (?:the world|all countries),? unite!?$", re.I)
INSTITUTION = re.compile(r"\b(?:Embassy|Ministry|Committee|Department|Party|Republic|"
                         r"Directorate|Office)\b")
# L23, case-insensitive since P6 (``ATTACHMENT: as stated, 31 pages.``)
ATTACHMENT = re.compile(r"^(?:Attachments?|Attached|Enclosures?|Appendix):\s", re.I)
# P6: the number of attachments in the head zone, ``3 attachments``, ``1 attachment``
ATTACHMENT_COUNT = re.compile(r"^(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten)\s+"
                              r"(?:attachments?|enclosures?)\.?$", re.I)
INITIALS = re.compile(r"^[A-Z]{1,3}/[a-z]{1,3}$")
DRAFTING = re.compile(r"^(?:Typed by|Drafted by|Official:|Recorded by|Prepared by)")
SPRAVKA = re.compile(r"^Spravka:")
CERTIFIED = re.compile(r"^Верно:")
COPIES_COUNT = re.compile(r"^(?:Written|Produced|Printed):?\s+in\s+\d+\s+copies\.?$", re.I)
DIST_HEAD = re.compile(r"^(?:\w+|\d+) copies printed:?$|^Copies(?: to)?:$|^Distribution:?$", re.I)
DIST_NUMBERED = re.compile(r"^(?P<label>\d+\s*-|\d+x)\s+(?P<item>\S.*)$")
DIST_INLINE = re.compile(r"^(?P<head>(?:Copies|Distribution list[^:]*|Extracts sent to|"
                         r"Copies to|Sent to)\s*:)\s*(?P<rest>\S.*)$")
# P3: the head-zone "for your information" line, ``(FYI: A, B)`` or ``FYI: A, B``
FYI = re.compile(r"^(?:\(FYI:\s*\S.*\)|FYI:\s*\S.*)$")
DIST_DASH_HEAD = re.compile(r"^Produced in \d+ copies for:$|^.*copies for:$")
FOOTNOTE_TEXT = re.compile(r"^(?:\[(?P<b>\d{1,2})\]|\((?P<p>\d{1,2})\)|(?P<x>x)/)\s+\S")
# L8 field lines; Polish ciphergrams write "Dispatched from …" for Sent and "Came into the
# Deciphering Department …" for the arrival
TELEGRAM = re.compile(r"^(?:From\b|To:|Sent\b|Dispatched\b|Received\b|Deciphered by\b|"
                      r"Typed by\b|Special No\.|Level:|Arrived\b|Came into\b|Date:)")
PROSE_END = re.compile(r"[.?!:;]$")
SIGNED_NAME = re.compile(r"^(?:\(signed\)\s*|\(-\)\s*)?[(/]?(?P<name>[^()\[\]/]+?)[)/]?$")
LOWER_START = re.compile(r"^[a-z]")


def is_prose(text: str) -> bool:
    return len(text) >= 40 or bool(PROSE_END.search(text))


def is_all_caps(text: str) -> bool:
    if text.isascii() and not text.isupper():
        return False    # ASCII: a lower-case letter, or no letter at all
    # filter/map keep the per-character loop in C (a hot spot of the zone scan)
    letters = "".join(filter(str.isalpha, text))
    return len(letters) >= 2 and all(map(str.isupper, letters))


def classification_term(text: str) -> tuple[str, str] | None:
    """A.3: (kind, category) for a classification/handling/precedence term, else None."""
    t = text.strip().rstrip("!").strip()
    low = t.lower()
    data = vocab.classification()
    for term, cat in data["classification"].items():
        if low == term.lower():
            return "classification", cat
    for term in data["handling"]:
        if low == term.lower():
            return "handling", ""
    for term in data["precedence"]:
        if low == term.lower():
            return "precedence", ""
    if t.startswith("Level:"):
        return "precedence", ""
    return None


CLASS_TERMS = re.compile(
    r"\b(?:TOP SECRET|Top [Ss]ecret|STRICTLY SECRET|Strictly [Ss]ecret|SECRET|Secret|"
    r"CONFIDENTIAL|Confidential|SPECIAL FILE|Special File)\b!?")


@cache
def _caption_forms() -> tuple[frozenset[str], tuple[str, ...]]:
    """The captions as whole lines, and as line starts (followed by a space)."""
    captions = vocab.captions()
    return frozenset(captions), tuple(word + " " for word in captions)


_CAPTION_MARKER = re.compile(r"(?:\*{1,2}|\[\d{1,2}\]|\(\d{1,2}\))$")


def is_caption(text: str) -> bool:
    # which caption matches does not matter here, only whether one does (str.startswith
    # tests the whole tuple in C: this runs for most lines of every document)
    whole, starts = _caption_forms()
    if text.endswith(("*", "]", ")")):
        text = _CAPTION_MARKER.sub("", text)    # P13: a footnote marker after the caption
    if text in whole or text.startswith(starts):
        return not PROSE_END.search(text) or text.endswith(".") and len(text) < 12
    return False


def is_place(text: str) -> bool:
    if text in vocab.places():
        return True
    return bool(SPACED.fullmatch(text))


def is_spaced_line(text: str) -> bool:
    """L16: a line of letter-spaced words only (``H i g h l y  c l a s s i f i e d .``, spaces
    collapsed): emphasis set apart on its own line, never a paragraph, whatever its end."""
    tokens = text.split()
    return all(len(t) == 1 for t in tokens) and sum(t.isalpha() for t in tokens) >= 4


def is_date_only(text: str) -> bool:
    m = DATE_RE.fullmatch(text)
    return bool(m)


def place_date(text: str) -> re.Match[str] | None:
    """``{place}, {date}``: the place part and the date part."""
    m = re.match(r"^(?P<place>[^\W\d_][^,]{0,40}),\s+(?P<date>.+)$", text)
    if m and DATE_RE.fullmatch(m.group("date")):
        return m
    return None


def is_letterhead(text: str) -> bool:
    if is_all_caps(text) and not classification_term(text) and not is_caption(text) \
            and not REGISTRY.match(text) and len(text) > 3 and not SEPARATOR.match(text):
        return True
    # the cheap tests first: most lines are long or end like prose
    return len(text) <= 80 and text[:1].isupper() and not PROSE_END.search(text) \
        and bool(INSTITUTION.search(text))


@cache
def _office_word() -> re.Pattern[str]:
    """Any office of the vocabulary as a whole word: one regex compiled once, instead of one
    pattern per office formatted (and looked up in re's cache) on every call."""
    words = "|".join(re.escape(w) for w in vocab.offices()) or "(?!)"
    return re.compile(rf"(?<![\w'])(?:{words})(?![\w'])")


def is_office(text: str) -> bool:
    if _office_word().search(text):
        return is_all_caps(text) or len(text.split()) <= 6
    return is_all_caps(text) and bool(re.search(r"\bOF THE .+ IN THE\b", text))


def is_signer_name(text: str) -> bool:
    if PROSE_END.search(text.rstrip(")/")) and not re.search(r"\b[A-Z]\.\)?$", text):
        return False
    if SPACED.fullmatch(text):
        return True
    m = SIGNED_NAME.match(text)
    if not m:
        return False
    words = m.group("name").split()
    if len(words) == 1 and is_all_caps(words[0]):
        return True
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words)


_INITIALS_ONLY = re.compile(r"^(?:[A-Z]\.\s?)*[A-Z]$")


def is_caps_label(label: str) -> bool:
    """L11 (and P15): an upper-case ``NAME.`` label, unless it is a roman numeral (L14), an
    archive acronym (A.7: ``APRF. Collection 3.``) or initials (``N. S. Khrushchev``)."""
    core = label.strip()
    return (len(core.split()) <= 6 and not re.fullmatch(r"[IVXLC]{1,5}", core)
            and core not in vocab.archive_names() and not _INITIALS_ONLY.match(core))


def speaker_name(label: str) -> str:
    """L10: the label without title, bracket, abbreviation clause and colon."""
    name = ABBREV.sub("", label.rstrip(":").strip())
    name = re.sub(r"\s*\[[^\]]*\]", "", name)
    name = TITLES.sub("", name)
    return name.strip()


def is_speaker_label(label: str) -> bool:
    core = re.sub(r"\s*\[[^\]]*\]", "", ABBREV.sub("", label)).strip()
    # A.14 and P15: a field label is never a speaker, in any case (``Those Taking Part``)
    if core.lower() in vocab.field_labels_lower() or re.search(r"\b(?:side|delegation)$", core):
        return False
    words = core.split()
    if not words or len(words) > 6:
        return False
    particles = {"of", "the", "and", "de", "van", "von"}
    return all(w[:1].isupper() or w in particles for w in words)
