"""Authority files: the ``idno/@type`` values a register uses and the URIs they stand for.

Entries keep the bare identifier (``Q9659``, ``2950159``) in ``<idno type="wikidata">`` and
so on; interchange formats (CMIF) and the web edition need the URI.
"""

from __future__ import annotations

import re

# idno/@type → (URI template, pattern of a valid identifier)
AUTHORITIES: dict[str, tuple[str, str]] = {
    "wikidata": ("http://www.wikidata.org/entity/{}", r"Q[1-9][0-9]*"),
    "viaf": ("http://viaf.org/viaf/{}", r"[1-9][0-9]*"),
    "gnd": ("https://d-nb.info/gnd/{}", r"[0-9X-]{4,}[0-9X]"),
    "geonames": ("http://www.geonames.org/{}", r"[1-9][0-9]*"),
    "lc": ("http://id.loc.gov/authorities/names/{}", r"n[a-z]?[0-9]+"),
}
# the order in which CMIF prefers an authority for @ref (correspSearch reads these)
CMIF_PREFERENCE = {"person": ("viaf", "gnd", "lc", "wikidata"),
                   "org": ("viaf", "gnd", "lc", "wikidata"),
                   "place": ("geonames", "wikidata")}


def is_valid(kind: str, value: str) -> bool:
    """Whether ``value`` has the shape of an identifier of authority ``kind``."""
    spec = AUTHORITIES.get(kind)
    return spec is not None and re.fullmatch(spec[1], value) is not None


def authority_uri(kind: str, value: str) -> str | None:
    """The URI of identifier ``value`` in authority ``kind`` (None for an unknown kind)."""
    if kind == "uri":
        return value
    spec = AUTHORITIES.get(kind)
    return spec[0].format(value) if spec else None
