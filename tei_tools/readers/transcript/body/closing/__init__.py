"""The closing zone (§4 "Closing zone", F8): which lines belong to it (``kinds``, ``extent``)
and the ordered rules that build ``closer`` and ``postscript`` from them (``build``).

One module per kind of line: ``signature`` (L19), ``in_closer`` (L18, recorded-by, floating
stamps), ``distribution`` (L20), ``registry`` (L21), ``typed`` (L22, copy counts, L29),
``attachment`` (L23), ``after`` (separators and the fallback), ``trailing`` (P5: editorial
brackets after the closer). ``split`` finds a closing zone in mid-document and the second head
zone that ends it (P6, an attachment). ``state`` holds the one object the rules share.
"""

from .build import RULES, build_closing
from .extent import closing_start
from .kinds import bracket_label, closing_kind, text

__all__ = ["RULES", "bracket_label", "build_closing", "closing_kind", "closing_start", "text"]
