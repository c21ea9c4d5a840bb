"""Print options: paper size, fonts, the CSS that carries them, and the fixed PDF date.

Options come from three places, the first that says something wins: the caller's arguments
(CLI options), the edition's ``[pdf]`` table in ``edition.toml``, and the defaults here::

    [pdf]
    paper = "A4"                      # or "Letter"
    font = "Liberation Serif"          # a family installed on the system …
    font_files = ["fonts/MySerif-Regular.ttf", "fonts/MySerif-Bold.ttf"]   # … or files to embed
    view = "reading"                   # or "diplomatic"
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ...diagnostics import error
from ...edition import Edition

PAPERS = {"A4": "A4", "LETTER": "letter"}
VIEWS = ("reading", "diplomatic")
# Fonts found on Debian (fonts-dejavu-core/-extra, fonts-liberation); all cover Latin and
# Cyrillic. The first one installed is used and embedded (subset) by WeasyPrint.
DEFAULT_FAMILIES = ("DejaVu Serif", "Liberation Serif", "Noto Serif")
# After them, for Chinese, Japanese and Korean (Debian fonts-noto-cjk): the Simplified Chinese
# design for text without xml:lang (every Noto CJK font has all of CJK and Hangul; they differ
# in the regional forms of the glyphs), the regional one where xml:lang says which.
CJK_FALLBACK = ("Noto Serif CJK SC", "Noto Sans CJK SC")
CJK_BY_LANG = (  # (CSS selector, families); later rules win over earlier ones
    ('[lang|="zh"]', ("Noto Serif CJK SC", "Noto Sans CJK SC")),
    ('[lang|="zh-Hant"], [lang|="zh-TW"], [lang|="zh-HK"]',
     ("Noto Serif CJK TC", "Noto Sans CJK TC")),
    ('[lang|="ja"]', ("Noto Serif CJK JP", "Noto Sans CJK JP")),
    ('[lang|="ko"]', ("Noto Serif CJK KR", "Noto Sans CJK KR")),
)
FONT_SUFFIXES = {".ttf", ".otf", ".woff", ".woff2", ".ttc"}
_FAMILY_OK = re.compile(r"^[\w .'-]{1,80}$")
_STYLE_WORDS = {"bolditalic": ("bold", "italic"), "boldoblique": ("bold", "italic"),
                "bold": ("bold", "normal"), "italic": ("normal", "italic"),
                "oblique": ("normal", "italic")}


# an edition's templates for the print edition (documents and book), in its xslt/ folder
PRINT_OVERRIDE = "print.xsl"


@dataclass(frozen=True)
class FontSpec:
    """Font families to ask for by name, and font files to embed under the name ``family``."""

    families: tuple[str, ...] = DEFAULT_FAMILIES
    files: tuple[Path, ...] = ()
    family: str = "tei-tools-custom"

    def css(self) -> str:
        """@font-face rules for the files, and the font-family of the text."""
        rules = []
        for path in self.files:
            weight, style = _weight_style(path)
            rules.append(f'@font-face {{ font-family: "{self.family}"; src: url("{path.as_uri()}");'
                         f" font-weight: {weight}; font-style: {style}; }}")
        names = ([self.family] if self.files else []) + list(self.families)
        rules.append(f"html {{ font-family: {_stack(names + list(CJK_FALLBACK))}; }}")
        # :where() weighs nothing: a class's own font (headings, marginalia) still wins
        for selector, cjk in CJK_BY_LANG:
            rules.append(f":where({selector}) {{ font-family: {_stack([*cjk, *names])}; }}")
        return "\n".join(rules)


def _stack(names: Sequence[str]) -> str:
    return ", ".join(f'"{name}"' for name in names) + ", serif"


def _weight_style(path: Path) -> tuple[str, str]:
    """Guess weight and style from a file name such as ``DejaVuSerif-BoldItalic.ttf``."""
    stem = re.sub(r"[^a-z]", "", path.stem.lower().rsplit("-", 1)[-1])
    for word, value in _STYLE_WORDS.items():
        if stem.endswith(word):
            return value
    return ("normal", "normal")


@dataclass(frozen=True)
class PrintOptions:
    """Everything that changes how a PDF looks; picklable for the worker processes."""

    view: str = "reading"
    paper: str = "A4"
    fonts: FontSpec = field(default_factory=FontSpec)
    edition_params: tuple[tuple[str, str], ...] = ()
    extra_css: tuple[Path, ...] = ()
    # the edition's xslt/print.xsl, imported after the shipped print stylesheets; sandboxed
    # unless the edition trusts it ([build] trusted_overrides)
    xslt_overrides: tuple[Path, ...] = ()
    trusted_overrides: bool = False

    def css(self) -> str:
        return f"@page {{ size: {PAPERS[self.paper.upper()]}; }}\n{self.fonts.css()}"


def parse_fonts(values: list[str] | tuple[str, ...] | str | None, base: Path | None = None,
                where: str = "--font") -> FontSpec | None:
    """``--font`` values: a family name, or a path to a font file (repeat for bold/italic)."""
    if not values:
        return None
    if isinstance(values, str):
        values = [values]
    families: list[str] = []
    files: list[Path] = []
    for value in values:
        value = str(value).strip()
        candidate = Path(value) if base is None or Path(value).is_absolute() else base / value
        if Path(value).suffix.lower() in FONT_SUFFIXES:
            if not candidate.is_file():
                raise error("PDF010", path=str(candidate), value=value, where=where)
            files.append(candidate.resolve())
        elif _FAMILY_OK.match(value):
            families.append(value)
        else:
            raise error("PDF011", path=where, value=value)
    return FontSpec(families=tuple(families) + DEFAULT_FAMILIES, files=tuple(files))


def resolve_options(*, view: str | None, paper: str | None,
                    fonts: FontSpec | Sequence[str] | None, edition: Edition | None
                    ) -> PrintOptions:
    """Merge arguments, the edition's ``[pdf]`` table and the defaults; check every value."""
    table = dict(edition.pdf) if edition else {}
    where = str(edition.root / "edition.toml") if edition else "options"
    view = str(view or table.get("view") or "reading")
    paper = str(paper or table.get("paper") or "A4")
    if view not in VIEWS:
        raise error("PDF012", path=where, view=view)
    if paper.upper() not in PAPERS:
        raise error("PDF013", path=where, paper=paper)
    paper = "A4" if paper.upper() == "A4" else "Letter"
    if isinstance(fonts, FontSpec):
        spec = fonts
    elif fonts:
        spec = parse_fonts(fonts)
    else:
        edition_fonts = list(_as_list(table.get("font_files"))) + list(_as_list(table.get("font")))
        spec = parse_fonts(edition_fonts, base=edition.root if edition else None,
                           where=where) if edition_fonts else None
    extra_css: tuple[Path, ...] = ()
    if edition and edition.css_dir.is_dir():
        extra_css = tuple(sorted(edition.css_dir.glob("print*.css")))
    overrides = (edition.xslt_dir / PRINT_OVERRIDE,) if edition else ()
    return PrintOptions(view=view, paper=paper, fonts=spec or FontSpec(),
                        edition_params=tuple(sorted(edition.as_params().items())) if edition
                        else (), extra_css=extra_css,
                        # absolute, not resolved: the sandbox refuses a link out of xslt/
                        xslt_overrides=tuple(p.absolute() for p in overrides if p.is_file()),
                        trusted_overrides=bool(edition and edition.trusted_overrides))


def _as_list(value) -> list[str]:
    if value is None or value == "":
        return []
    return [str(v) for v in value] if isinstance(value, list | tuple) else [str(value)]


def fixed_date() -> str:
    """The PDF creation date from SOURCE_DATE_EPOCH, or "" (no date at all: WeasyPrint then
    writes none, and reruns stay byte-identical)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        return ""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(int(epoch)))
