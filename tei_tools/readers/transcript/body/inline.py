"""Mixed content of one unit: text runs, brackets (§3.4) and the text-level markup of §4
(L7 dates, L16 letter-spacing, L24 superscripts, L25 lost accents, L28 other scripts,
B9 parenthesised and slash footnote markers).

``render`` walks a node list and returns runs (one string per text node, and finished
elements; see ``atoms``). Bracket builders may take back text that precedes the bracket (B4,
B5, B7, B10, B22 wrap it): the strings after the last element, cut with str methods.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from lxml import etree

from . import atoms, brackets, dates
from .atoms import Item
from .classify import Where, classify
from .nodes import LB, Bracket, Node, Orphan, Stray, Text, locate
from .spaced import spaced_phrase
from .state import Env
from .tei import el

_WS = re.compile(r"[ \t\u00a0\r]+")
SPACED = re.compile(r"(?<![^\W\d_])(?:[^\W\d_] ){3,}[^\W\d_](?![^\W\d_\d])")
_LOST_ACCENT = re.compile(r"[^\W\d_]+(?:\?[^\W\d_]+|\?\?)[^\W\d_]*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff][\u0400-\u04ff\s.,;:!?«»-]*[\u0400-\u04ff]|[\u0400-\u04ff]")
_HAN = re.compile(r"[\u4e00-\u9fff\u3400-\u4dbf]+")
_HANGUL = re.compile(r"[\uac00-\ud7af\u1100-\u11ff]+(?:\s+[\uac00-\ud7af\u1100-\u11ff]+)*")
_PAREN_MARK = re.compile(r"(?<=[^\W\d_)])\((\d{1,2})\)")
_SLASH_MARK = re.compile(r"(?<=[\w.,;:!?)])x/(?!\w)")

# Cheap necessary conditions in front of the costly patterns of ``mark_text`` (each pattern
# scans every position of every run of text; the conditions are C-level scans):
# "a b c d" holds " b c "; a lost accent holds "?"; the other scripts are not ASCII.
_SPACED_SEARCH = atoms.Prefiltered(SPACED, re.compile(r" [^\W\d_] [^\W\d_] ").search)
_LOST_ACCENT_SEARCH = atoms.Prefiltered(_LOST_ACCENT, lambda text: "?" in text)
_HANGUL_SEARCH = atoms.Prefiltered(_HANGUL, lambda text: not text.isascii())
_HAN_SEARCH = atoms.Prefiltered(_HAN, lambda text: not text.isascii())


def clean(text: str) -> str:
    """F1: every run of spaces, tabs and NBSP becomes one space."""
    if "  " not in text and "\t" not in text and "\u00a0" not in text and "\r" not in text:
        return text     # the usual case: nothing to collapse (cheaper than a sub)
    return _WS.sub(" ", text)


def _after_text(nodes: list[Node], i: int) -> str:
    nxt = nodes[i + 1] if i + 1 < len(nodes) else None
    return clean(nxt.text) if isinstance(nxt, Text) else ""


def _drop_trailing_spaces(items: list[Item]) -> None:
    """Remove the spaces at the end of the text that ends ``items`` (before an ``lb``)."""
    while items and isinstance(items[-1], str):
        kept = items[-1].rstrip(" ")
        if kept:
            items[-1] = kept
            return
        items.pop()


def render(nodes: list[Node], env: Env, *, alone: bool = False, inside: bool = False,
           markup: bool = True) -> list[Item]:
    """The runs of ``nodes``; ``alone``: the unit holds nothing but this bracket (§3.3 rule 7)."""
    items: list[Item] = []
    glued_expan = None          # B4: letters glued on the right belong to the same word
    bracketed: set[str] | None = None
    # items[text_start:] are text runs: the text before the next bracket. Kept up to date
    # here, so that a bracket does not walk back over the whole line to find it.
    text_start = 0
    for i, node in enumerate(nodes):
        if isinstance(node, Text):
            text = clean(node.text)
            if glued_expan is not None:
                m = re.match(r"[^\W\d_]+", text)
                if m:
                    glued_expan[-1].tail = (glued_expan[-1].tail or "") + m.group()
                    text = text[m.end():]
                glued_expan = None
            if text:
                items.append(text)
        elif isinstance(node, LB):
            _drop_trailing_spaces(items)
            items.append(el("lb"))
            text_start = len(items)
        elif isinstance(node, Orphan):
            env.ctx.emit("TX301", line=node.pos.line, col=node.pos.col,
                         detail=" kept as a stray bracket",
                         hint="remove the ']' or add its '[' in the transcript")
            items.append(el("c", {"type": "stray-bracket"}, "]"))
            text_start = len(items)
        elif isinstance(node, Stray):
            items.append(el("c", {"type": "stray-bracket"}, node.text))
            text_start = len(items)
        elif isinstance(node, Bracket):
            if bracketed is None:       # the footnotes are all known before any rendering
                bracketed = {k for k, f in env.footnotes.items() if f.rend == "bracketed"}
            where = Where(before="".join(items[text_start:]), after=_after_text(nodes, i),
                          alone=alone, inside_single=inside, footnotes=set(bracketed))
            klass = node.force or classify(node, where)
            items = brackets.build(klass, node, where, items, env)
            # the builders end the list with their element, give or take a few characters
            text_start = atoms.text_start(items)
            glued_expan = items[-1] if klass == "B4" and where.glued_right else None
    if markup:
        items = mark_text(items, env)
    return items


def mark_text(items: list[Item], env: Env) -> list[Item]:
    """The text-level patterns of §4 over mixed content."""
    rules: list[tuple[atoms.Pattern, atoms.Builder]] = [dates.rule(env.dates)]
    if env.footnotes:
        rules.append((_PAREN_MARK, _plain(lambda m: _marker(m.group(1), env, "parenthesised"))))
        rules.append((_SLASH_MARK, _plain(lambda m: _marker("x", env, "slash"))))
    rules += [
        (_SPACED_SEARCH, _plain(lambda m: spaced_phrase(m.group(0), env))),
        (_LOST_ACCENT_SEARCH, _plain(lambda m: _lost_accent(m.group(0), env))),
        (_HANGUL_SEARCH, lambda m, its: _foreign(its, "ko", env)),
        (_HAN_SEARCH, lambda m, its: _foreign(its, "zh", env)),
        (_CYRILLIC, lambda m, its: _foreign(its, "ru", env)),
    ]
    return atoms.apply_all(items, rules)


def _plain(build: Callable[[re.Match[str]], etree._Element | None]) -> atoms.Builder:
    """A builder that makes its element from the matched text: only for matches over plain
    text (an ``unclear`` reads as its text, and would be lost)."""
    return lambda m, its: build(m) if all(isinstance(i, str) for i in its) else None


def spaced(text: str) -> etree._Element:
    return el("hi", {"rend": "spaced"}, text.replace(" ", ""))


def _lost_accent(word: str, env: Env) -> etree._Element:
    found = locate(env.nodes, word) if env.nodes else None
    env.ctx.emit("TX403", **env.where(found), word=word)
    return el("unclear", {"reason": "encoding", "resp": "#conv"}, word)


def _foreign(items: list[Item], lang: str, env: Env) -> etree._Element:
    env.use_language(lang)
    return atoms.fill(el("foreign", {"xml:lang": lang}), items)


def _marker(n: str, env: Env, rend: str) -> etree._Element | None:
    note = env.footnotes.get(n)
    if note is None or note.rend != rend:
        return None
    return brackets.footnote(n, env, rend)


def superscripts(items: list[Item], offsets: list[int]) -> list[Item]:
    """L24: the re-joined ordinal suffixes at ``offsets`` (reading offsets) → ``hi``."""
    items = atoms.per_character(items)      # rare (a few lines per document): cut by character
    for off in sorted(offsets, reverse=True):
        text, owner = atoms.read(items)
        m = re.compile(r"(st|nd|rd|th)").match(text, off)
        if not m:
            continue
        rng = atoms.span(owner, m.start(), m.end(), len(items))
        if rng:
            items[rng[0]:rng[1]] = [el("hi", {"rend": "superscript"}, m.group(0))]
    return items
