"""§4 "Closing zone": the ordered rules that turn closing-zone lines into ``closer`` and
``postscript`` (either may be missing), and the passes that tidy the result."""

from __future__ import annotations

from lxml import etree

from ..flow import GLOBAL
from ..nodes import Unit
from ..repairs import repair_orphans
from ..state import Env
from ..tei import TEI_NS, el, local
from . import after, attachment, distribution, in_closer, registry, signature, trailing, typed
from .grammar import count_line
from .kinds import closing_kinds
from .state import ClosingState, Rule

# The first rule that applies to a line wins. The closer rules come first and only apply
# before the first postscript line (the registry pair comes before the signature rule, which
# would otherwise take its date as the signer's, P4); the last rule applies to every line.
RULES: tuple[tuple[str, Rule], ...] = (
    ("L23 attachment notice before the closer", attachment.before_closer),
    ("P5 editorial brackets after the closer", trailing.after_closer),
    ("L21/P4 outgoing registry and its date", registry.outgoing_registry),
    ("L19 signature block line", signature.signature_line),
    ("L18 closing salutation", in_closer.salute),
    ("P2 addressee block after the signature", in_closer.addressee),
    ("P2 place and date before the signer", in_closer.dateline),
    ("L19 recorded by", in_closer.recorded_by),
    ("floating stamp or note", in_closer.floating_bracket),
    ("L20 distribution list", distribution.distribution),
    ("L22/L20/L29 typed postscript line", typed.typed_line),
    ("L23 attachment notice after the closer", attachment.in_postscript),
    ("L17 separator", after.separator),
    ("§6.4 any other line", after.leftover),
)


def build_closing(units: list[Unit], env: Env) -> list[etree._Element]:
    """``closer`` and ``postscript`` for a closing zone, after any attachment notices and
    before any editorial brackets that end it (P5)."""
    env.zone = "closing"
    units = repair_orphans(units, env.ctx)       # B27a also applies in the closing zone
    st = ClosingState(env, units, closing_kinds(units))
    while st.i < len(st.units):
        env.pos = st.unit.pos
        next(True for _, rule in RULES if rule(st))
    _heads_alone(st.post)
    return st.before + _placed(st.closer, st.post) + st.after


def _heads_alone(post: etree._Element) -> None:
    """A distribution head without items is no list (TEI) but an ``ab``: a copy count
    (``Five copies printed``) is ``ab[@type='copies']``, any other head an untyped ``ab``."""
    for lst in list(post.iter(f"{{{TEI_NS}}}list")):
        if not len(lst.findall(f"{{{TEI_NS}}}item")):
            head = "".join(lst.itertext())
            ab = el("ab", {"type": "copies"} if count_line(head.strip()) else {})
            ab.text = head
            ab.tail = lst.tail
            lst.getparent().replace(lst, ab)


def _placed(closer: etree._Element, post: etree._Element) -> list[etree._Element]:
    """A postscript needs a paragraph-like child; one of global elements only goes into the
    closer (which takes them)."""
    if len(post) and all(local(c) in GLOBAL for c in post):
        for child in list(post):
            closer.append(child)
    out = [closer] if len(closer) else []
    if len(post) and not all(local(c) in GLOBAL for c in post):
        out.append(post)
    return out
