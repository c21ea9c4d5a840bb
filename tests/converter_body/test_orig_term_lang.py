"""B8: an original-language term outside the lexicon takes the archive family's language (A.7)."""

from __future__ import annotations

import re

from tei_tools.readers.transcript import read_transcript

OLD_SITE = """Search in

Digital Archive International History Declassified

February 07, 1958

  • Citation

    get citation

    Yudin records conversations.
    "Journal of Ambassador P. F. Yudin," February 27, 1958, History and Public Policy Program \
Digital Archive, {archive}, f. 0100, op. 51, ll. 58-71. Translated for CWIHP by Mark Ellison.
  • share document

English HTML

I visited the kolkhoz [kolkhoz—collective farm] and we discussed the plan [poufne—confidential].
"""


def _langs(data: str, name: str = "b8.txt") -> tuple[list[tuple[str, str]], str]:
    tei = read_transcript(data.encode(), name).tei.decode()
    usage = re.search(r"<langUsage>.*?</langUsage>", tei, re.S).group(0)
    return re.findall(r'<foreign xml:lang="([^"]+)">([^<]+)', tei), usage


def test_term_outside_the_lexicon_takes_the_archive_language():
    foreign, usage = _langs(OLD_SITE.format(archive="AVPRF"))
    assert ("ru-Latn", "kolkhoz") in foreign
    assert ("pl", "poufne") in foreign            # the lexicon (A.11) still wins
    assert 'ident="ru-Latn"' in usage


def test_other_archive_family_other_language():
    foreign, _ = _langs(OLD_SITE.format(archive="MOL"))
    assert ("hu-Latn", "kolkhoz") in foreign


def test_unknown_archive_or_bare_text_stays_und():
    foreign, usage = _langs(OLD_SITE.format(archive="Nowhere Archive"))
    assert ("und", "kolkhoz") in foreign
    foreign, usage = _langs("Some text.\nI saw the kolkhoz [kolkhoz - collective farm] today.\n")
    assert foreign == [("und", "kolkhoz")]
    assert "und" not in usage
