"""B8 original terms: ``[pochin — initiative]`` → ``note[@type='orig-term']`` with ``foreign``."""

from __future__ import annotations

import re

from .. import vocab
from ..atoms import Item
from ..classify import Where, non_latin
from ..nodes import Bracket
from ..tei import el
from .common import verbatim
from .state import BracketRule, InlineState

_DASH_GLOSS = re.compile(r"\S\s*—\s*\S| - ")


def _script_lang(text: str) -> str | None:
    if re.search(r"[\u0400-\u04ff]", text):
        return "ru"
    if re.search(r"[\uac00-\ud7af]", text):
        return "ko"
    if re.search(r"[\u4e00-\u9fff]", text):
        return "zh"
    return None


def _is_term(br: Bracket, where: Where) -> bool:
    c = where.content
    return bool(_DASH_GLOSS.search(c)) or c.lower() in vocab.terms() or non_latin(c)


def _orig_term(state: InlineState, br: Bracket, where: Where) -> list[Item]:
    c = where.content
    note = el("note", {"type": "orig-term", "place": "inline", "resp": "#tr"})
    # spaces just inside the brackets ("[ pochin]") stay in the note: D gives them back (§6.5)
    raw = verbatim(state, br)
    text = "".join(raw) if all(isinstance(item, str) for item in raw) else c
    lead, trail = text[:len(text) - len(text.lstrip())], text[len(text.rstrip()):]
    note.text = lead or None
    m = re.match(r"^(?P<term>.+?)\s*(?P<dash>—|\s-\s)\s*(?P<gloss>.+)$", c)
    term = m.group("term") if m else c
    # B8: the lexicon (A.11), the script, else the archive family's language (A.7) in Latin
    # script; "und" only when the archive is unknown
    family = state.env.hints.archive_lang
    lang = vocab.terms().get(term.lower()) or _script_lang(term) or (
        f"{family}-Latn" if family else "und")
    if lang != "und":
        state.env.use_language(lang)
    el("foreign", {"xml:lang": lang}, term, parent=note)
    note[-1].tail = (c[m.end("term"):] if m else "") + trail or None
    return state.push(note)


TERM = BracketRule("B8", _is_term, _orig_term)
