"""The round-trip invariant of conventions.md §6.5: D(TEI body) = document text, under N1–N9.

Both sides are normalised the same way. The transcript side is read with the reader's own
decoding and profile (so N1, N3, N4 and the wrapper split are the reader's), then:

* N2  runs of spaces/tabs/NBSP → one space, lines trimmed (the decoder already did it);
* N5  omission variants → ``[…]``; in ``[….]`` / ``[.…]`` the full stop moves outside;
* N6  separator rules → 10 characters of their kind; the rule before footnotes → ``——————————``;
* N7  a collapsed column block (B20) is compared as a multiset of tokens, brackets removed;
* N8  footnote texts move after the body, under the footnote rule, in marker order; which
  lines are footnote texts is the reader's own finding (P8: they can stand anywhere);
* N9  dash bullets are written ``- item``.

Two more equalities follow from the house encoding and are applied to the transcript side
only, because the TEI cannot record the difference: ``[email protected]`` in the document text is
dropped by the reader (M12, TX209), and an illegible note in double brackets
``[[two surnames illegible]]`` is a ``gap`` with ``desc``, which D writes in single brackets.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from lxml import etree

from ...safexml import parse_bytes
from ...text import FOOTNOTE_RULE, diplomatic_lines
from .body import footmarks, footnote_zone
from .body.patterns import SEPARATOR as _SEPARATOR  # L17, as the reader recognises it
from .body.stamp_rows import last_row
from .context import Context, ReaderSettings, docid_from_name
from .profiles import get_profile
from .source import decode

_TEI = "http://www.tei-c.org/ns/1.0"
_OMISSION = re.compile(r"\[([ .…]*)\]")
_DASH_BULLET = re.compile(r"^[-–—]\s+(?=\S)")
_EMAIL = re.compile(r"\s?\[email protected\]")
# "[[illegible]]" and "[illegible]" are one gap in TEI, so D gives the single form back
# (also inside an enclosing bracket: "[[[illegible]]]" is "[" + "[[illegible]]" + "]", L-2)
_DOUBLE_ILLEGIBLE = re.compile(r"\[\[([^\[\]]*\billegible\b[^\[\]]*)\]\]", re.I)
_DOUBLE = re.compile(r"\[\[[^\[\]]*\]\]")
_STAMP_LABEL_B19 = re.compile(r"^[A-Z][A-Z .'’-]+\s.*\b[Ss]tamps?:")


@dataclass
class Block:
    """A collapsed column block (B20, N7): transcript lines ``start`` to ``end`` (exclusive)."""

    start: int
    end: int


def normalise_line(line: str) -> str:
    """N2, N5, N6, N9 on one line (both sides)."""
    line = re.sub(r"[ \t\u00a0]+", " ", line).strip()
    if _SEPARATOR.match(line):
        kind = line[0]
        return {"=": "=", "_": "_", "*": "*"}.get(kind, "—") * 10
    line = _OMISSION.sub(_omission, line)
    return _DASH_BULLET.sub("- ", line)


def _omission(m: re.Match[str]) -> str:
    content = m.group(1).strip()
    if "…" not in content and "..." not in content:
        return m.group(0)
    core = content.replace("...", "…")
    if core.startswith(".") and core[1:].strip() == "…":
        return ".[…]"
    if core.endswith(".") and core[:-1].strip() == "…":
        return "[…]."
    return "[…]"


def transcript_lines(data: bytes | str, name: str, settings: ReaderSettings | None = None,
                     marker_order: list[str] | None = None) -> tuple[list[str], list[Block]]:
    """The document text of a transcript, normalised (N1–N9), and its column blocks (N7);
    ``marker_order``: the numbers of the footnotes in the order of their markers (N8)."""
    settings = settings or ReaderSettings()
    ctx = Context(docid_from_name(name), path=name, settings=settings)
    wrapper = get_profile(settings.profile).split(decode(data, ctx), ctx)
    texts, rules = footnote_zone(wrapper.document_lines, ctx, wrapper.hints)
    numbered = [(line.number, _DOUBLE_ILLEGIBLE.sub(r"[\1]", _EMAIL.sub("", line.text)).strip())
                for line in wrapper.document_lines if not line.blank]
    lines = _footnotes_last([(n, t) for n, t in numbered if t],
                            _in_marker_order(texts, numbered, marker_order or []), rules)
    lines = [normalise_line(t) for t in lines]
    return lines, column_blocks(lines)


def _footnotes_last(lines: list[tuple[int, str]], texts: list[list[int]], rules: set[int]
                    ) -> list[str]:
    """N8: the footnote texts the reader found (``texts``: their line numbers, P8) go after the
    body under the footnote rule, their label written as D writes it (``*[…]`` → ``* […]``);
    the rules consumed before them go."""
    if not texts:
        return [t for _, t in lines]
    by_number = dict(lines)
    moved = {n for unit in texts for n in unit}
    kept = [t for n, t in lines if n not in moved and n not in rules]
    notes: list[str] = []
    for unit in texts:
        unit_lines = [by_number[n] for n in unit if n in by_number]
        if unit_lines:
            notes.append(_labelled(unit_lines[0]))
            notes.extend(unit_lines[1:])
    return kept + [FOOTNOTE_RULE] + notes


def _in_marker_order(texts: list[list[int]], numbered: list[tuple[int, str]],
                     order: list[str]) -> list[list[int]]:
    """N8: the footnote texts (line numbers) in the order of their markers; a number the order
    does not name keeps its place after those it names."""
    by_number = dict(numbered)
    forms = [footmarks.text_form(by_number.get(unit[0], "")) if unit else None for unit in texts]
    left = list(range(len(texts)))
    ordered: list[list[int]] = []
    for n in order:
        k = next((k for k in left if forms[k] is not None and forms[k].n == n), None)
        if k is not None:
            left.remove(k)
            ordered.append(texts[k])
    return ordered + [texts[k] for k in left]


def _labelled(line: str) -> str:
    form = footmarks.text_form(line)
    if form is None:
        return line
    return footmarks.label(form.n, form.style) + " " + line[form.start:].lstrip()


def column_blocks(lines: list[str]) -> list[Block]:
    """B20 detection (§3.2 step 1): a line that opens brackets after ALL-CAPS text, or opens
    two or more, and closes none — or a B19 stamp label at depth 0 — starts a block that ends
    where its last bracket closes."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = _DOUBLE.sub("", lines[index])
        opens, closes = line.count("["), line.count("]")
        before = line.split("[", 1)[0].strip()
        starts = closes == 0 and (opens >= 2 or (opens == 1 and before and before.isupper()))
        b19 = opens == 0 and closes == 0 and _STAMP_LABEL_B19.match(line) is not None
        if not (starts or b19):
            index += 1
            continue
        depth = opens + (1 if b19 else 0)
        end = index + 1
        while end < len(lines) and depth > 0:
            nxt = _DOUBLE.sub("", lines[end])
            depth += nxt.count("[") - nxt.count("]")
            end += 1
        if depth <= 0:
            blocks.append(Block(index, end))
            index = end
        elif b19 and _stamp_rows(lines, index) > index + 1:
            # §3.2 B19: never closed, the stamp ends with its last line of stamp content
            end = _stamp_rows(lines, index)
            blocks.append(Block(index, end))
            index = end
        else:
            index += 1
    return blocks


def _stamp_rows(lines: list[str], index: int) -> int:
    """End (exclusive) of the run of stamp-content lines after line ``index`` (B19)."""
    return last_row(lines, index) + 1      # the reader's own rule (P10)


def _tokens(lines: list[str]) -> Counter[str]:
    return Counter(t for line in lines for t in line.replace("[", "").replace("]", "").split())


def compare(want: list[str], blocks: list[Block], got: list[str]) -> list[str]:
    """Differences between transcript lines ``want`` and D lines ``got`` (empty: equal)."""
    problems: list[str] = []
    starts = {b.start: b for b in blocks}
    i = j = 0
    while i < len(want) or j < len(got):
        block = starts.get(i)
        if block is not None:
            target, have = _tokens(want[block.start:block.end]), Counter()
            begin = j
            while j < len(got) and have != target:
                have += _tokens([got[j]])
                j += 1
                if any(have[t] > target[t] for t in have):
                    break
            if have != target:
                problems.append(f"column block at transcript line {i + 1}: tokens differ: "
                                f"missing {dict(target - have)}, extra {dict(have - target)} "
                                f"(D lines {begin + 1}–{j})")
                return problems
            i = block.end
            continue
        w = want[i] if i < len(want) else None
        g = got[j] if j < len(got) else None
        if w != g:
            problems.append(f"line {i + 1}: transcript {w!r}\n{'':>10}D view     {g!r}")
            return problems
        i += 1
        j += 1
    return problems


def _in_body(el: etree._Element) -> bool:
    return any(etree.QName(a).localname == "body" for a in el.iterancestors())


def check(tei: etree._ElementTree | etree._Element | bytes, data: bytes | str, name: str,
          settings: ReaderSettings | None = None) -> list[str]:
    """Compare the D view of ``tei`` with the transcript ``data`` (§6.5); [] when they agree."""
    if isinstance(tei, bytes):
        tei = parse_bytes(tei, name)
    order = [note.get("n") or "" for note in tei.iter(f"{{{_TEI}}}note")
             if note.get("type") == "footnote" and "".join(note.itertext()).strip()
             and _in_body(note)]
    want, blocks = transcript_lines(data, name, settings, order)
    got = [normalise_line(line) for line in diplomatic_lines(tei)]
    return compare(want, blocks, [g for g in got if g])
