"""Citations of one document: Chicago-style text, CSL-JSON and BibTeX.

All three are built from the same DocSummary and edition metadata, so they agree. The
permalink is ``{base_url}/documents/{docid}.html`` when the edition has a base_url, else the
page's path inside the site (used by the page itself, left out of the citations). A base_url
with another scheme than http(s) (``javascript:`` …) is never used: edition.toml's loader
drops it with a warning, and :func:`permalink` checks again for editions made in code.
"""

from __future__ import annotations

import json

from ...edition import Edition
from ...urls import WEB_SCHEMES, safe_url
from .summary import DocSummary

_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


def permalink(edition: Edition | None, docid: str) -> str:
    base = ((safe_url(edition.base_url, WEB_SCHEMES) or "") if edition else "").rstrip("/")
    path = f"documents/{docid}.html"
    return f"{base}/{path}" if base else path


def _absolute(url: str) -> bool:
    """A URL that works wherever the citation is pasted: only with the edition's base_url."""
    return "://" in url


def _date_label(iso: str) -> str:
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])} {_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    if len(parts) == 2:
        return f"{_MONTHS[int(parts[1]) - 1]} {parts[0]}"
    return iso


def _join(parts: list[str]) -> str:
    """Sentences joined with '. ', without doubling a full stop the part already has."""
    return " ".join(p if p.endswith((".", "?", "!", ".”", "?”", "!”")) else p + "."
                    for p in parts if p)


def chicago(s: DocSummary, edition: Edition | None, url: str) -> str:
    """Chicago notes-bibliography style, bibliography form, as plain text."""
    parts = [f"“{s.title.rstrip('.')}.”"]
    if s.date:
        parts.append(_date_label(s.date))
    elif s.date_label:
        parts.append(s.date_label)
    parts.append(", ".join(v for v in (s.shelfmark or s.repository,
                                       s.settlement if s.shelfmark else "") if v))
    if s.translator:
        parts.append(f"Translated by {s.translator}")
    if edition:
        container = f"In {edition.title}"
        if edition.editors:
            container += ", edited by " + _names(list(edition.editors))
        parts.append(container)
        tail = ", ".join(v for v in (edition.publisher, f"version {edition.version}") if v)
        parts.append(tail)
    if _absolute(url):  # a path inside the site is no use in a citation copied elsewhere
        parts.append(url)
    return _join(parts)


def _names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def csl_json(s: DocSummary, edition: Edition | None, url: str) -> str:
    item: dict = {"id": s.docid, "type": "manuscript", "title": s.title}
    if _absolute(url):
        item["URL"] = url
    if s.date:
        item["issued"] = {"date-parts": [[int(p) for p in s.date.split("-")]]}
    elif s.date_label:
        item["issued"] = {"literal": s.date_label}
    if s.doctype:
        item["genre"] = s.doctype
    if s.repository:
        item["archive"] = s.repository
    if s.settlement:
        item["archive-place"] = s.settlement
    if s.shelfmark:
        item["archive_location"] = s.shelfmark
    if s.translator:
        item["translator"] = [{"literal": s.translator}]
    if s.summary:
        item["abstract"] = s.summary
    if edition:
        item["container-title"] = edition.title
        if edition.editors:
            item["editor"] = [{"literal": name} for name in edition.editors]
        if edition.publisher:
            item["publisher"] = edition.publisher
        item["version"] = edition.version
    return json.dumps([item], ensure_ascii=False, indent=2, sort_keys=True) + "\n"


_BIB_ESCAPES = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&",
                "#": r"\#", "$": r"\$", "_": r"\_", "~": r"\textasciitilde{}",
                "^": r"\textasciicircum{}"}


def _bib(value: str) -> str:
    return "".join(_BIB_ESCAPES.get(ch, ch) for ch in " ".join(value.split()))


def bibtex(s: DocSummary, edition: Edition | None, url: str) -> str:
    key = "".join(ch if ch.isalnum() or ch in "-_:." else "-" for ch in s.docid)
    fields: list[tuple[str, str]] = [("title", "{" + _bib(s.title) + "}")]
    if s.date:
        fields.append(("date", _bib(s.date)))
        fields.append(("year", _bib(s.year)))
    if s.translator:
        fields.append(("translator", "{" + _bib(s.translator) + "}"))
    if s.doctype:
        fields.append(("type", _bib(s.doctype)))
    note = ", ".join(v for v in (s.shelfmark or s.repository, s.settlement) if v)
    if note:
        fields.append(("howpublished", _bib(note)))
    if edition:
        fields.append(("booktitle", "{" + _bib(edition.title) + "}"))
        if edition.editors:
            fields.append(("editor", " and ".join("{" + _bib(e) + "}" for e in edition.editors)))
        if edition.publisher:
            fields.append(("publisher", "{" + _bib(edition.publisher) + "}"))
        fields.append(("version", _bib(edition.version)))
    if _absolute(url):
        fields.append(("url", url.replace("{", "%7B").replace("}", "%7D")))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@misc{{{key},\n{body}\n}}\n"
