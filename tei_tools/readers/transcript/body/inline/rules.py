"""The bracket rules of §3.3, in the order they are tried: the first whose ``applies`` holds
decides the class of a bracket, and its ``build`` writes the TEI (§3.4).

The order *is* the rule of §3.3: a bracket that two rules would take goes to the earlier one
(``[illegible signature]`` is a signature, not an illegible gap; a ``[2]`` glued to a word is a
footnote marker, not supplied text). To add a rule, write its module (an ``applies`` test and
a ``build`` function over ``InlineState``, see ``state.BracketRule``) and put it here where it
must be tried. The text-level rules of §4 are the other ordered list, ``text.TEXT_RULES``.
"""

from __future__ import annotations

from ..classify import Where
from ..nodes import Bracket
from .expansion import EXPANSION
from .footnote import MARKER
from .handwriting import ADDED_BY_HAND, DOUBLE_LABEL_HAND, HAND, UNOPENED_HAND
from .illegible import DOUBLE, ILLEGIBLE_GAP
from .names import ACRONYM, IDENTIFICATION, ROMANISATION
from .notes import DESCRIPTIVE, EDITORIAL, QUERY, SOURCE, SUMMARY, TRANSLATOR, UNCLASSIFIED
from .omission import EMPTY, OMISSION
from .page import PAGE, SIGNATURE_MARK
from .sic import SIC
from .stamp import BARE_STAMP, STAMP
from .state import BracketRule
from .supplied import PRONOUN, SHORT_INSERTION, SUPPLIED_BEFORE_CAPITAL
from .terms import TERM

RULES: list[BracketRule] = [
    DOUBLE_LABEL_HAND,          # P11  [[Handwriting …]: note ]] (a repair; before B13)
    DOUBLE,                     # B13  [[…]]: unclear, or an illegible gap
    EMPTY,                      # stray  []: kept literally (TX306)
    OMISSION,                   # B15  […]
    QUERY,                      # B12  [?]
    SIC,                        # B10  [sic]
    SIGNATURE_MARK,             # B17  [signature]
    PAGE,                       # B23  [page 2]
    ADDED_BY_HAND,              # B22  [added by hand]
    BARE_STAMP,                 # B18  [stamp]
    STAMP,                      # B18  [stamp: …] (A.8 labels)
    UNOPENED_HAND,              # P11  "…"] whose "[handwritten:" line was lost (a repair)
    HAND,                       # B21  [handwritten: …] (A.8 labels)
    EDITORIAL,                  # B11  [Ed. note: …]
    SOURCE,                     # P5   [Source: …], never B25
    TRANSLATOR,                 # B11  [Translator's note: …]
    ILLEGIBLE_GAP,              # B16  [illegible …]
    DESCRIPTIVE,                # B24  descriptions of A.9
    MARKER,                     # B9   [1] footnote marker
    SUMMARY,                    # B25  [A summary of a passage.] alone on its line
    EXPANSION,                  # B4   M[inistry]
    ROMANISATION,               # B5   Kim Il Sung [Kim Ir Sen]
    ACRONYM,                    # B7   CC [Central Committee]
    IDENTIFICATION,             # B6   Comrade Kim [Il Sung]
    TERM,                       # B8   [pochin — initiative]
    SUPPLIED_BEFORE_CAPITAL,    # B3
    PRONOUN,                    # B1
    SHORT_INSERTION,            # B2   up to 12 words
    UNCLASSIFIED,               # TX321: a description
]

BY_NAME: dict[str, BracketRule] = {rule.name: rule for rule in RULES}


def classify(bracket: Bracket, where: Where) -> BracketRule:
    """The first rule of ``RULES`` that takes the bracket (``UNCLASSIFIED`` takes any)."""
    for applies, rule in _TESTS:
        if applies(bracket, where):
            return rule
    return UNCLASSIFIED


_TESTS = [(rule.applies, rule) for rule in RULES]     # the tests without an attribute lookup
