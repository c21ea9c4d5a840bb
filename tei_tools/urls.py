"""Which URLs may become links: the rule of ``tt:safe-url`` (xslt/common/functions.xsl), for
the URLs that reach the pages from Python (edition.toml's base_url and licence_url, permalinks).

Allowed: http, https (and mailto, for TEI links) and relative references; every other scheme
(javascript:, data:, vbscript:, file: …) is refused. Browsers ignore ASCII whitespace and control
characters inside a scheme ("java\\tscript:"), so the scheme is read after removing them, and a
URL holding a control character is refused outright. A kept URL is escaped as XPath's
``iri-to-uri`` escapes it. tests/hardening/test_input_checks.py runs one table of URLs through
both implementations.
"""

from __future__ import annotations

import re

LINK_SCHEMES = ("http", "https", "mailto")  # what TEI links may use
WEB_SCHEMES = ("http", "https")             # what the edition's own addresses may use

_XML_SPACE = re.compile(r"[ \t\r\n]+")            # XPath normalize-space
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")    # \p{Cc}
_IGNORED_IN_SCHEME = re.compile(r"[\x00-\x1f\x7f-\x9f \t\r\n]")
_ANY_SCHEME = re.compile(r"[^/?#]*:")
# iri-to-uri leaves printable ASCII alone except these
_ESCAPED = frozenset(' <>"{}|\\^`')


def safe_url(url: str | None, schemes: tuple[str, ...] = LINK_SCHEMES) -> str | None:
    """``url`` escaped for an href, or None when it must not become a link."""
    trimmed = _XML_SPACE.sub(" ", url or "").strip(" ")
    if not trimmed or _CONTROL.search(trimmed):
        return None
    squeezed = _IGNORED_IN_SCHEME.sub("", trimmed).lower()
    if _ANY_SCHEME.match(squeezed) and not any(squeezed.startswith(s + ":") for s in schemes):
        return None
    return iri_to_uri(trimmed)


def iri_to_uri(iri: str) -> str:
    """XPath's fn:iri-to-uri: non-ASCII, controls, space and ``<>"{}|\\^``` percent-encoded."""
    out = []
    for ch in iri:
        if " " < ch <= "~" and ch not in _ESCAPED:
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8")))
    return "".join(out)
