"""Name forms for matching: folding, tokens, titles, inverted forms.

A name is matched by its *key*: its words, case-folded, without diacritics, joined by one space.
Hyphens, apostrophes and full stops separate words, so ``Kim Il-sung`` and ``KIM IL SUNG`` share
the key ``kim il sung`` and ``P'yŏngyang`` and ``P'yongyang`` share ``p yongyang``.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# a word: letters and digits of any script (underscore is not a letter)
WORD = re.compile(r"[^\W_]+")
# what may stand between two words of one name in running text: spaces, hyphens, full stops
# and apostrophes, never a comma, a bracket or a line of other punctuation
JOINER = re.compile(r"[\s.\-\u2010\u2011'\u2019]{1,3}")

# Honorifics and offices stripped from the front of a tagged name before it is matched
# ("Cde. Gromyko", "Comrade Kim Il Sung", "Ambassador Puzanov"). Keys, i.e. folded words.
_TITLE_WORDS = """
cde cdes comrade comrades tov tovarishch mr mrs ms miss messrs dr prof professor sir madame
monsieur herr frau genosse genossin towarzysz soudruh elvtars drugar tongji
ambassador chargé charge counselor counsellor attaché attache consul
minister premier chairman president marshal general colonel major captain lieutenant
secretary deputy first vice
"""


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A word case-folded, its diacritics removed (``Dąbrowski`` → ``dabrowski``)."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


TITLES = frozenset(fold(w) for w in _TITLE_WORDS.split())


def words(text: str) -> list[str]:
    """The folded words of a text."""
    return [fold(w) for w in WORD.findall(text)]


def uninvert(text: str) -> str:
    """``Puzanov, A. M.`` → ``A. M. Puzanov``: an inverted name (one comma) in reading order."""
    head, comma, rest = text.partition(",")
    if not comma or "," in rest or not rest.strip() or not head.strip():
        return text
    return f"{rest.strip()} {head.strip()}"


def strip_titles(tokens: list[str]) -> list[str]:
    """The words of a name without the titles in front of it (never all of them)."""
    start = 0
    while start < len(tokens) - 1 and tokens[start] in TITLES:
        start += 1
    return tokens[start:]


def key(text: str) -> str:
    """The matching key of a name as written in an entry or in a document."""
    return " ".join(strip_titles(words(uninvert(" ".join(text.split())))))


def initial(word: str) -> str:
    """The initial of a folded word (``aleksandr`` → ``a``)."""
    return word[:1]
