"""Property tests: any transcript text stays text, and only safe URLs become links."""

from __future__ import annotations

import re
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html

from tei_tools import safexml, saxon
from tei_tools.resources import xslt_path

TEMPLATE = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:id="prop">
  <teiHeader><fileDesc><titleStmt><title type="main">Property</title></titleStmt>
    <publicationStmt><p>x</p></publicationStmt><sourceDesc><p>x</p></sourceDesc></fileDesc>
  </teiHeader>
  <text><body><div type="document">
    <p>{text}</p>
    <p><ref target={target}>link</ref> <persName ref={target}>name</persName></p>
  </div></body></text>
</TEI>"""

# characters a transcript can hold (XML text without control characters, which HTML does not
# carry: the HTML parser reads &#x91; as "‘"), markup-like ones included
XML_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"),
                                 blacklist_characters="\ufffe\uffff")
                   | st.sampled_from("<>&\"'\t\n[]"), max_size=80)
URLS = st.one_of(
    XML_TEXT,
    st.sampled_from(["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java\tscript:x",
                     "java\nscript:x", "data:text/html,x", "vbscript:x", "JAVASCRIPT&#58;x",
                     "https://example.org/a?b=1", "mailto:a@b.org", "../x.html#y", "#frag",
                     "//example.org/x", "file:///etc/passwd", "ftp://x"]),
)


def _words(s: str) -> list[str]:
    return re.sub(r"[ \t\n\r]+", " ", s).strip(" ").split(" ")


def render(text: str, target: str) -> html.HtmlElement:
    source = TEMPLATE.format(text=escape(text), target=quoteattr(target))
    tree = safexml.parse_bytes(source.encode("utf-8"))
    out = saxon.transform(xslt_path("html/document.xsl"), tree, {"view": "read"})
    return html.fromstring(out.encode("utf-8"))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=XML_TEXT, target=URLS)
def test_text_stays_text_and_unsafe_urls_are_never_links(text, target):
    page = render(text, target)
    body = page.xpath("//div[contains(@class, 'doc-text')]")[0]
    first = body.xpath(".//p")[0]
    assert first.xpath("count(.//*)") == 0  # no element was made out of the text
    assert _words(first.text_content()) == _words(text)
    assert [s.get("src") for s in page.xpath("//script")] == ["../assets/tei-tools.js"]
    for href in body.xpath(".//a[not(contains(@class, 'iv'))]/@href"):
        squeezed = re.sub(r"[\x00-\x20]", "", href).lower()
        assert not re.match(r"^(javascript|vbscript|data|file):", squeezed), href
        scheme = re.match(r"^([a-z][a-z0-9+.-]*):", squeezed)
        assert scheme is None or scheme.group(1) in ("http", "https", "mailto"), href
