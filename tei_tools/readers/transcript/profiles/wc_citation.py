"""Wilson Center citations: the citation sentence (M7), the translator credit (M8) and the
archival citation (M17, archive families of A.7)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .. import vocabulary as vocab
from ..header import Citation, Credit

MONTH = ("(?:January|February|March|April|May|June|July|August|September|October|November|"
         "December)")
# M1/M2, and P15: a month-year catalogue date (``June 1961``, ``June, 1960``) has no day
DATE_LINE = re.compile(
    rf"^(?P<month>{MONTH})(?: (?P<day>\d{{1,2}}),|,)? (?P<year>\d{{4}})$")
DATE = DATE_LINE.pattern[1:-1]
CITATION = re.compile(
    rf"^(?P<q1>[\"“])(?P<title>.+?),(?P<q2>[\"”]) (?P<date>{DATE}), "
    r"(?:History and Public Policy Program Digital Archive|Wilson Center Digital Archive), "
    r"(?P<rest>.+)$")
CREDIT = re.compile(
    r"^(?P<resp>(?:Obtained (?:and |by (?P<obtainer>.+?) and ))?[Tt]ranslat(?:ed|ion)"
    r"(?: for (?P<project>NKIDP|CWIHP|[A-Z][\w ]+?))?(?: from (?P<lang>[A-Z][a-z]+))? by) "
    r"(?P<translator>.+?)\.\s*$")
URL_END = re.compile(r"\s+(?P<url>https?://\S+)\s*$")
ORG_WORDS = re.compile(r"\b(?:Project|Archives?|Foundation|Ministry|Institute|University|Center|"
                       r"Centre|Program|Programme|Museum|Library|Office|Department|Committee|"
                       r"Society|Service|Agency)\b")
_MONTHS = MONTH.strip("(?:)").split("|")


def iso_date(text: str) -> str | None:
    """``May 23, 1957`` / ``May 07, 1968`` (M1, M2) → ``1957-05-23``; ``June, 1960`` (P15) →
    ``1960-06``."""
    m = DATE_LINE.match(text)
    if not m:
        return None
    if m["day"] is None:
        return f"{m['year']}-{_MONTHS.index(m['month']) + 1:02d}"
    return f"{m['year']}-{_MONTHS.index(m['month']) + 1:02d}-{int(m['day']):02d}"


@dataclass
class Rest:
    """The ``rest`` of a citation sentence or a trailer Source value, taken apart."""

    archival: str | None
    credit: Credit | None
    url: str | None


def split_rest(rest: str) -> Rest:
    """``{archival citation}. {credit}.( {URL})?`` — split at the credit, never at the first '.'."""
    url = None
    m = URL_END.search(rest)
    if m:
        url, rest = m["url"], rest[:m.start()]
    rest = rest.strip()
    starts = [0] + [m.end() for m in re.finditer(r"\.\s+", rest)]
    # the credit is the LAST sentence matching M8: try sentence starts from the right
    for start in reversed(starts):
        cm = CREDIT.match(rest[start:])
        if cm:
            archival = rest[:start].rstrip()
            archival = archival[:-1] if archival.endswith(".") else archival
            return Rest(archival.strip() or None, credit_from(cm), url)
    archival = rest[:-1] if rest.endswith(".") else rest
    return Rest(archival.strip() or None, None, url)


def credit_from(m: re.Match[str]) -> Credit:
    resp = m["resp"]
    obtainer = m["obtainer"]
    if obtainer:
        # "Obtained by X and translated by Y": the translator's own wording starts at 'translated'
        resp = resp[m.end("obtainer") + len(" and ") - m.start("resp"):]
    return Credit(resp, m["translator"].strip(), obtainer,
                  bool(obtainer and (ORG_WORDS.search(obtainer) or obtainer.startswith("the "))))


def find_credit(text: str) -> Credit | None:
    return split_rest(text).credit


def family_of(name: str) -> dict | None:
    """The A.7 family whose acronym, name or full name is ``name``."""
    for family in vocab.archive_families():
        if name in family["names"] or name == family.get("full"):
            return family
    return None


_PAREN = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<acr>[^()]+)\)(?P<rest>.*)$")
_LOCUS = re.compile(r"(?:^|,\s*|\s+)(?P<text>(?:Listy|Listi|List|ll\.|l\.|pp\.|p\.)\s*"
                    r"(?P<from>\d+)(?:\s*[-–]\s*(?P<to>\d+))?)\s*$")
_BARE_PAGES = re.compile(r",\s*(?P<text>(?P<from>\d+)(?:-(?P<to>\d+))?)\s*$")
_RUSSIAN = [
    ("fond", re.compile(r"^(?:F\.|f\.|Fond|fond|F)$")),
    ("opis", re.compile(r"^(?:Op\.|op\.|Opis|opis)$")),
    ("papka", re.compile(r"^(?:P\.|p\.|pap\.|Pap\.|Papka|papka)$")),
    ("por", re.compile(r"^(?:por\.|Por\.)$")),
    ("delo", re.compile(r"^(?:Delo|delo|d\.|D\.)$")),
    ("ae", re.compile(r"^(?:a\.e\.|a\. e\.)$")),
]
_PIECE = re.compile(r"^(?P<word>[A-Za-z.][A-Za-z. ]*?)\s*(?P<num>[0-9][\w/-]*)$")


def parse_archival(text: str) -> Citation:
    """M17: settlement, repository, shelfmark (with typed idnos), locus and textLang."""
    family, repository, rest = _identify(text)
    if family is None:
        return Citation(text, repository=repository, parsed=False)
    rest = rest.strip().lstrip(",").strip()
    locus = None
    m = _LOCUS.search(rest)
    if m and not (family["parse"] == "russian" and m["text"].startswith("p.")):
        locus = m
    elif family["parse"] == "file-pages":
        locus = _BARE_PAGES.search(rest)
    if locus:
        loc = (locus["text"], locus["from"], locus["to"] or locus["from"])
        rest = rest[:locus.start()].strip().rstrip(",").strip()
    else:
        loc = None
    shelf: list[tuple[str | None, str]] = [(None, rest)] if rest else []
    if family["parse"] == "russian" and rest:
        shelf = _russian(rest)
    return Citation(text, family["settlement"], repository, shelf, loc, family["lang"], True)


def _identify(text: str) -> tuple[dict | None, str | None, str]:
    m = _PAREN.match(text)
    if m:  # "Full Name (ACR), …" or "Central State Archive, Sofia (TsDA), …"
        family = family_of(m["acr"].strip()) or family_of(m["name"].strip())
        if family is not None:
            return family, m["acr"].strip(), m["rest"]
    names = sorted(((n, f) for f in vocab.archive_families() for n in f["names"]),
                   key=lambda pair: -len(pair[0]))
    for name, family in names:
        if text.startswith(name) and (len(text) == len(name) or not text[len(name)].isalnum()):
            return family, name, text[len(name):]
    first = text.split(",")[0].strip()
    return None, first or None, text


def _russian(rest: str) -> list[tuple[str | None, str]]:
    """``F. 0102, Op. 13, P. 72, Delo 5`` → text and idno(fond/opis/papka/delo) parts."""
    parts: list[tuple[str | None, str]] = []
    pieces = rest.split(", ")
    for index, piece in enumerate(pieces):
        sep = ", " if index < len(pieces) - 1 else ""
        m = _PIECE.match(piece)
        kind = None
        if m:
            kind = next((k for k, rx in _RUSSIAN if rx.match(m["word"].strip())), None)
        if kind:
            parts.append((None, piece[:m.start("num")]))
            parts.append((kind, m["num"]))
            parts.append((None, sep))
        else:
            parts.append((None, piece + sep))
    return [(k, t) for k, t in parts if k or t]
