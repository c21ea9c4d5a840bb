"""Characters that no font can print: found before layout, so that a PDF with empty boxes in
place of Chinese or Korean text does not pass in silence (PDF040).

WeasyPrint lays text out with Pango, which takes each character from the first font of the
stack that has it and otherwise from any font fontconfig knows. So a character prints when
some installed font covers it (fontconfig's own charsets: ``fc-list --format '%{charset}'``,
read once per process) or one of the edition's embedded font files does (fontTools reads
their cmap tables).
"""

from __future__ import annotations

import bisect
import shutil
import subprocess
import unicodedata
from collections.abc import Iterable
from functools import cache
from pathlib import Path

from fontTools.ttLib import TTCollection, TTFont, TTLibError
from lxml import html as lxml_html

from ...diagnostics import Diagnostic, diagnostic

_UTF8 = lxml_html.HTMLParser(encoding="utf-8")
# Characters that are never drawn: no font needs them.
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp", "Cs", "Co", "Cn"}


class Coverage:
    """Code points as sorted, merged ranges (fontconfig charsets hold a few thousand)."""

    def __init__(self, ranges: Iterable[tuple[int, int]]):
        merged: list[list[int]] = []
        for start, end in sorted(ranges):
            if merged and start <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], end)
            else:
                merged.append([start, end])
        self.starts = [r[0] for r in merged]
        self.ends = [r[1] for r in merged]

    def __contains__(self, code: int) -> bool:
        i = bisect.bisect_right(self.starts, code) - 1
        return i >= 0 and code <= self.ends[i]


def parse_charsets(text: str) -> list[tuple[int, int]]:
    """fontconfig's charset notation ('20-7e a0-17f 192 …', one font a line) as ranges."""
    ranges = []
    for word in text.split():
        start, _, end = word.partition("-")
        try:
            ranges.append((int(start, 16), int(end or start, 16)))
        except ValueError:
            continue  # not a range: fontconfig printed something else
    return ranges


@cache
def installed_coverage() -> Coverage | None:
    """What the fonts that fontconfig knows cover together; None without fontconfig (then
    nothing can be said, and nothing is reported)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return None
    try:
        out = subprocess.run([fc_list, "--format", "%{charset}\n"], capture_output=True,
                             text=True, timeout=60, check=True).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    return Coverage(parse_charsets(out))


@cache
def file_coverage(path: Path) -> frozenset[int]:
    """The code points of a font file (every font of a collection), read by fontTools."""
    try:
        if path.suffix.lower() == ".ttc":
            fonts = list(TTCollection(str(path), lazy=True).fonts)
        else:
            fonts = [TTFont(str(path), lazy=True)]
        return frozenset(code for font in fonts for code in (font.getBestCmap() or {}))
    except (OSError, TTLibError, AssertionError, KeyError):
        return frozenset()  # WeasyPrint will say what is wrong with the file


def printed_characters(page: str) -> set[str]:
    """The distinct characters of the text of a print HTML page (not of its markup)."""
    root = lxml_html.document_fromstring(page.encode("utf-8"), parser=_UTF8)
    for junk in root.xpath("//style | //script | //head"):
        junk.drop_tree()
    return {c for c in "".join(root.itertext())
            if unicodedata.category(c) not in _INVISIBLE}


def missing_characters(page: str, font_files: Iterable[Path] = ()) -> str:
    """The characters of ``page`` that no installed font and no given font file has, in code
    point order ("" when all print, or when fontconfig is not there to ask)."""
    coverage = installed_coverage()
    if coverage is None:
        return ""
    extra = frozenset().union(*(file_coverage(Path(p)) for p in font_files))
    return "".join(sorted(c for c in printed_characters(page)
                          if ord(c) not in coverage and ord(c) not in extra))


def glyph_warnings(path: Path | str, page: str, font_files: Iterable[Path] = ()
                   ) -> list[Diagnostic]:
    """PDF040 for a document whose print HTML holds characters that no font has."""
    missing = missing_characters(page, font_files)
    if not missing:
        return []
    shown = " ".join(f"{c} (U+{ord(c):04X})" for c in missing[:12])
    return [diagnostic("PDF040", path=str(path), count=len(missing),
                       characters=shown + (" …" if len(missing) > 12 else ""))]
