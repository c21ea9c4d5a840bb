"""B20 collapsed multi-column headers (and B19 labels at depth 0 that start one), §3.2.

Runs on the raw lines BEFORE the bracket parser, because a plain nesting parse would pair the
first "]" with the wrong column. A block becomes one unit whose ``column_block`` holds the cells;
the head builder turns column 0 into ``seg[@type='letterhead']`` and each other column into a
``stamp`` (``@rend='unopened'`` for a B19 column), or the whole block into
``seg[@type='collapsed-columns']`` when a row cannot be split (TX325).
"""

from __future__ import annotations

import re

from ..context import Context
from . import stamp_rows, vocab
from .nodes import Cell, ColumnBlock, Pos, SourceLine, Unit

_CAPS_RUN = re.compile(r"^(?:[A-Z][A-Z.'’-]*(?:\s+|$))+")
_EMAIL = re.compile(r"\s?\[email[ \u00a0]protected\]")
# the bracket alternatives of lexer._SPECIAL, in its order (the e-mail artefact first)
_BRACKET_RUN = re.compile(r"\[email[ \u00a0]protected\]|\[+|\]")
_LABEL_SPLIT = re.compile(r".*?\bstamp:", re.I)
_REGISTRY_SPLIT = re.compile(r"(?=\b(?:Incoming|Outgoing|Received)\b)")
_DATE_CELL = re.compile(
    rf"(?:“\d{{1,2}}”|\d{{0,2}}(?:\[\[\d+\]\])?\d{{0,2}}) {vocab.MONTH_RE} \d{{4}}\]?")
MAX_ROWS = stamp_rows.MAX_ROWS


def _counts(text: str) -> tuple[int, int]:
    """(opening, closing) brackets as ``tokenize`` reads them, without making the tokens: this
    runs for every line of the document, most of which hold no bracket."""
    if "[" not in text:
        return 0, text.count("]")
    if "[[" not in text and "[email" not in text:
        return text.count("["), text.count("]")     # only single brackets: count them in C
    opens = closes = 0
    for m in _BRACKET_RUN.finditer(text):
        n = len(m.group())
        if m.group() == "]":
            closes += 1
        elif m.group().startswith("[email"):
            continue                        # L-1: the e-mail artefact is no bracket
        elif n == 1:
            opens += 1
        else:
            opens += n - 2                  # "[[[" is "[" + "[[" (L-2)
            closes -= 2   # "[[x]]" closes itself: its two "]" must not count
    return opens, closes


def _b19_labels(text: str) -> int:
    """Number of stamp labels standing at depth 0 after leading ALL-CAPS text (B19)."""
    if "[" in text or "]" in text:
        return 0
    caps = _CAPS_RUN.match(text)
    if not caps or not caps.group().strip():
        return 0
    rest = text[caps.end():]
    if not rest or not vocab.stamp_label().match(rest):
        return 0
    return len(_LABEL_SPLIT.findall(rest))


def start_columns(text: str) -> tuple[int, bool] | None:
    """(number of bracket columns, implicit) if ``text`` starts a column block."""
    opens, closes = _counts(text)
    if opens and closes <= 0:
        caps = _CAPS_RUN.match(text)
        leading = caps.group().strip() if caps else ""
        # §3.2: the bracket follows the leading ALL-CAPS text ("SOVIET EMBASSY [USSR MFA"),
        # with nothing else before it
        if opens >= 2 or (leading and text[:text.index("[")].strip() == leading):
            return opens, False
    n = _b19_labels(text)
    if n:
        return n, True
    return None


def find_blocks(lines: list[SourceLine]) -> list[tuple[int, int, int, bool]]:
    """(first, last, bracket columns, implicit) for each column block among ``lines``."""
    blocks = []
    i = 0
    while i < len(lines):
        start = start_columns(lines[i].text.strip())
        if start is None:
            i += 1
            continue
        n, implicit = start
        open_count = n
        j = i
        while j + 1 < len(lines) and j - i < MAX_ROWS and open_count > 0:
            j += 1
            opens, closes = _counts(lines[j].text.strip())
            open_count += opens - closes
        if open_count <= 0 and j > i:
            blocks.append((i, j, n, implicit))
            i = j + 1
        elif implicit and _stamp_rows(lines, i) > i:
            # B19 without a closing "]": the stamp ends with its last line of stamp content
            blocks.append((i, _stamp_rows(lines, i), n, implicit))
            i = _stamp_rows(lines, i) + 1
        else:
            i += 1
    return blocks


_DOUBLE = re.compile(r"\[\[[^\[\]]*\]\]")


def _stamp_rows(lines: list[SourceLine], i: int) -> int:
    """The last line of the never-closed B19 stamp whose label is ``lines[i]`` (P10)."""
    return i + stamp_rows.last_row([ln.text for ln in lines[i:i + MAX_ROWS + 1]], 0)


def _cells(text: str, first: bool, implicit: bool) -> list[str]:
    if first and not implicit:
        return [c.strip() for c in text.split("[")]
    if re.search(r"\bstamp:", text, re.I):
        caps = _CAPS_RUN.match(text)
        lead = caps.group().strip() if caps else ""
        # the last ALL-CAPS word may begin a label ("USSR MFA Registry stamp:"): keep words
        # that are followed by another ALL-CAPS word or end the run before a lower-case label
        rest = text[len(lead):].strip() if lead else text
        labels = [m.group().strip() for m in _LABEL_SPLIT.finditer(rest)]
        return ([lead] if lead else []) + labels
    if re.search(r"\b(?:Incoming|Outgoing|Received)\b", text):
        return [c.strip() for c in _REGISTRY_SPLIT.split(text) if c.strip()]
    dates = [m.group().strip() for m in _DATE_CELL.finditer(text) if m.group().strip()]
    if dates and "".join(dates).replace(" ", "") == text.replace(" ", ""):
        return dates
    return [text]


_LAYOUT = re.compile(r"[\s\[]")


def _covers(cells: list[str], text: str) -> bool:
    """The cells hold all of the row's text (but for spaces and the "[" that open columns): a
    row the splitter cannot account for is kept verbatim rather than losing a piece of it."""
    return _LAYOUT.sub("", "".join(cells)) == _LAYOUT.sub("", text)


def _closes(cell: str) -> bool:
    """The cell ends with the "]" of its column (not with the "]]" of a double bracket)."""
    return _DOUBLE.sub("", cell).endswith("]")


def build_block(lines: list[SourceLine], n: int, implicit: bool, ctx: Context) -> Unit:
    rows = []
    for ln in lines:
        raw = ln.text
        lead = len(raw) - len(raw.lstrip())
        pos = Pos(ln.number, ln.col(lead))
        if _EMAIL.search(raw):
            # M12/B28: not a bracket, and dropped with the space before it (as in the parser)
            ctx.emit("TX209", line=pos.line, col=pos.col)
            raw = _EMAIL.sub("", raw)
        rows.append((raw.strip(), pos))
    # P10: caption rows between a depth-0 label and its content go to head, not to a column
    at_caption = _caption_rows([t for t, _ in rows]) if implicit else set()
    cell_rows = [row for k, row in enumerate(rows) if k not in at_caption]
    captions = [row for k, row in enumerate(rows) if k in at_caption]
    block = ColumnBlock(rows, [[] for _ in range(n + 1)], captions=captions)
    if implicit:
        block.unopened = set(range(1, n + 1))
        ctx.emit("TX304", line=rows[0][1].line, col=rows[0][1].col)
    open_cols = list(range(1, n + 1))
    inferred = False
    for r, (text, pos) in enumerate(cell_rows):
        cells = _cells(text, r == 0, implicit)
        if len(cells) > n + 1 or not cells or not _covers(cells, text):
            block.failed = True
            break
        # one cell per column, in order, unless that would give a closing cell ("… 1959]") to a
        # column that is not an open bracket (the letterhead, or one closed already)
        if len(cells) == n + 1 and all(c in open_cols for c, cell in enumerate(cells)
                                       if _closes(cell)):
            targets = list(range(n + 1))
        else:
            inferred = True
            closing = [c for c in cells if _closes(c)]
            targets_closing = open_cols[:len(closing)]
            free = [c for c in range(n + 1) if c not in targets_closing]
            if len(targets_closing) < len(closing) or not free:
                block.failed = True      # more "]" than open columns: no assignment fits
                break
            targets = []
            ci = oi = 0
            for c in cells:
                if _closes(c):
                    targets.append(targets_closing[ci])
                    ci += 1
                else:
                    targets.append(free[oi] if oi < len(free) else free[-1])
                    oi += 1
        for cell, col in zip(cells, targets, strict=True):
            col_at = text.find(cell.split("]")[0][:8]) if cell else 0
            block.columns[col].append(Cell(cell, Pos(pos.line, pos.col + max(col_at, 0))))
            if _closes(cell) and col in open_cols:
                open_cols.remove(col)
    if block.failed:
        extra = plain_column_block(cell_rows, n, implicit)   # P10: a classification/copy column
        if extra is not None:
            extra.rows, extra.captions = rows, captions
            open_cols = [c for c in range(1, n + 1)
                         if not any(_closes(cell.text) for cell in extra.columns[c])]
            block, inferred = extra, True
    if implicit and open_cols and not block.failed:
        ctx.emit("TX302", line=rows[-1][1].line, col=rows[-1][1].col,
                 detail="stamp label without its opening '[' is never closed either; "
                        "closed at the end of its stamp content",
                 hint="add the missing brackets in the transcript")
    if block.failed:
        ctx.emit("TX325", line=rows[0][1].line, col=rows[0][1].col)
    elif inferred:
        ctx.emit("TX324", line=rows[0][1].line, col=rows[0][1].col)
    unit = Unit([], [p.line for _, p in rows], rows[0][1])
    unit.column_block = block
    return unit


# -- P10: a non-bracket column (classification, copy) after the stamp columns ----------------
_TRAILING_CLASS = re.compile(r"\s(?P<t>(?:TOP |STRICTLY )?SECRET|CONFIDENTIAL)$")
_REGISTRY_CELL = re.compile(r"^(?P<c0>(?:Nº|N°|№|No\.?)\s*\S+)\s+(?P<rest>\S.*)$")


def plain_column_block(rows: list[tuple[str, Pos]], n: int,
                       implicit: bool = False) -> ColumnBlock | None:
    """The block read with one more column, after the ``n`` bracket columns, that holds no
    bracket: a classification word after the last opening bracket (``[faded USSR SECRET``) and
    the text after the last label (``MFA stamp: Copy Nº 1``). None when a row still does not
    split (the caller keeps the TX325 fallback). ``implicit``: the row that opened the
    brackets was lost (B19), the first row is a label row."""
    extra = n + 1
    block = ColumnBlock(rows, [[] for _ in range(n + 2)], plain={extra})
    if implicit:
        block.unopened = set(range(1, n + 1))
    open_cols = list(range(1, n + 1))
    for r, (text, pos) in enumerate(rows):
        placed = _plain_row(text, r == 0 and not implicit, n, open_cols)
        if placed is None or not _covers([c for c, _ in placed], text):
            return None
        for cell, col in placed:
            col_at = text.find(cell.split("]")[0][:8]) if cell else 0
            block.columns[col].append(Cell(cell, Pos(pos.line, pos.col + max(col_at, 0))))
            if _closes(cell) and col in open_cols:
                open_cols.remove(col)
    if open_cols and not implicit or not block.columns[extra]:
        return None      # a B19 label's column may stay open: it ends with its content (P10)
    return block


def _plain_row(text: str, first: bool, n: int,
               open_cols: list[int]) -> list[tuple[str, int]] | None:
    """(cell, column) pairs of one row of a block with a plain last column."""
    extra = n + 1
    if first:
        cells = [c.strip() for c in text.split("[")]
        if len(cells) != n + 1:
            return None
        out = [(cells[0], 0)] + [(c, k) for k, c in enumerate(cells[1:], 1)]
        m = _TRAILING_CLASS.search(cells[-1])
        if m:
            out[-1] = (cells[-1][:m.start()].strip(), n)
            out.append((m.group("t"), extra))
        return [(c, k) for c, k in out if c]
    if re.search(r"\bstamp[:;]", text, re.I):
        out = []
        caps = _CAPS_RUN.match(text)
        lead = caps.group().strip() if caps else ""
        if lead and not re.match(r"stamps?[:;]", text[len(lead):].strip(), re.I):
            # the letterhead row before a label of its own (``IN THE DPRK Registry stamp:``);
            # a lead directly before ``stamp:`` is the label's institution (``MFA stamp:``)
            out.append((lead, 0))
            text = text[len(lead):].strip()
        found = list(re.finditer(r".*?\bstamp[:;]", text, re.I))
        labels = [m.group().strip() for m in found]
        rest = text[found[-1].end():]
        for k, label in enumerate(labels):
            if k >= len(open_cols):
                return None
            out.append((label, open_cols[k]))
        if rest.strip():
            out.append((rest.strip(), extra))
        return out
    m = _REGISTRY_CELL.match(text)
    if m and len(open_cols) == 1:
        return [(m["c0"], 0), (m["rest"], open_cols[0])]
    dates = [d.group().strip() for d in _DATE_CELL.finditer(text) if d.group().strip()]
    if dates and "".join(dates).replace(" ", "") == text.replace(" ", "") \
            and len(dates) == len(open_cols) + 1:
        return [(dates[0], 0)] + list(zip(dates[1:], open_cols, strict=True))
    if len(open_cols) == 1 and stamp_rows.is_content_row(text):
        return [(text, open_cols[0])]     # one stamp open: its number or date row (P10)
    return None


def _caption_rows(texts: list[str]) -> set[int]:
    """Indexes of the caption rows among a block's rows after the label row (P10)."""
    found: set[int] = set()
    for k in range(1, len(texts)):
        if stamp_rows.is_caption_row(texts[k], k - 1 in found):
            found.add(k)
    return found
