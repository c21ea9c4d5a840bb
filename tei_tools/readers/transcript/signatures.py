"""Signature placeholders (B17 as widened by §7 P2), defined once for every stage that looks
for them: the bracket rule (``body/inline/page.py``), the closing-zone kinds
(``body/closing/kinds.py``), the body self-check (``body/selfcheck.py``) and the re-split of
one-line PDF pages (``profiles/wc_resplit.py``, which sees raw text before any parsing).

The grammar (P2): ``signature`` or ``sign``, optionally preceded by ``illegible`` or ``unknown``
or followed by ``illegible`` with an optional ``:`` between the words, in any case. The forms:
``[signature]``, ``[Signature]``, ``[sign]``, ``[illegible signature]``, ``[unknown signature]``,
``[signature: illegible]``, ``[Signature: illegible]``; ``/signature/`` (slashes instead of
brackets) and ``(illegible signature)`` (parentheses).
"""

from __future__ import annotations

import re

_WORDS = r"(?:(?:illegible|unknown)\s+)?(?:signature|sign)(?:\s*:?\s*illegible)?"
_SLASHED = r"(?<![\w/])/signature/(?![\w/])"

# the content of a bracket that is a placeholder ("[signature: illegible]" → C)
BRACKET_CONTENT = re.compile(rf"(?i)^{_WORDS}$")
# the slash form, a placeholder without brackets: figure[@rend='slashes'] (P2)
SLASHED = re.compile(rf"(?i){_SLASHED}")
# the parenthesised form; parentheses stay text (L19), the line is still a signature line
PARENTHESISED = re.compile(rf"(?i)\({_WORDS}\)")
# any form in raw text (a line before it is parsed into brackets)
IN_TEXT = re.compile(rf"(?i)\[{_WORDS}\]|{_SLASHED}|\({_WORDS}\)")


def is_illegible(content: str) -> bool:
    """An illegible signature is a ``gap`` (B17), any other placeholder a ``figure``."""
    return "illegible" in content.lower()
