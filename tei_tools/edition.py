"""An edition folder: ``edition.toml`` (title, editors, publisher, licence …) and its sources.

Layout::

    editions/NAME/
      edition.toml        metadata (below)
      transcripts/*.txt   plain-text transcripts (converted by the transcript reader)
      tei/*.xml           optional: TEI documents edited by hand, used as they are
      xslt/               optional: stylesheets that import and override the defaults
      css/                optional: extra CSS added after the default styles

The edition's stylesheets run sandboxed (no file, environment or network access, see
:mod:`tei_tools.sandbox`) unless edition.toml says ``[build] trusted_overrides = true``.
Unknown settings and values of the wrong type are warnings (:mod:`.edition_settings`), errors
with ``strict``.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, replace
from pathlib import Path

from . import edition_settings
from .diagnostics import Diagnostic, Severity, TeiToolsError, error

_REQUIRED = ("title",)


@dataclass(frozen=True)
class Edition:
    """The metadata of one edition (``edition.toml``) and where its files are."""

    root: Path
    title: str
    subtitle: str = ""
    editors: tuple[str, ...] = ()
    publisher: str = ""
    licence: str = ""
    licence_url: str = ""
    language: str = "en"
    source_archive: str = ""
    source_credit: str = ""
    base_url: str = ""
    version: str = "1.0"
    description: str = ""
    # [reader] table: ReaderSettings for the transcript reader (profile, publisher)
    reader: dict = field(default_factory=dict)
    # [pdf] and [html] tables: options of the writers (paper size, fonts, …)
    pdf: dict = field(default_factory=dict)
    html: dict = field(default_factory=dict)
    # [build] table: trusted_overrides = true runs the edition's xslt/ without the sandbox
    build: dict = field(default_factory=dict)
    # what edition.toml got wrong but could be left out (unknown keys, wrong types, bad URLs)
    warnings: tuple[Diagnostic, ...] = ()

    @property
    def trusted_overrides(self) -> bool:
        return self.build.get("trusted_overrides") is True

    @property
    def transcripts_dir(self) -> Path:
        return self.root / "transcripts"

    @property
    def tei_dir(self) -> Path:
        return self.root / "tei"

    @property
    def xslt_dir(self) -> Path:
        return self.root / "xslt"

    @property
    def css_dir(self) -> Path:
        return self.root / "css"

    def transcripts(self) -> list[Path]:
        return sorted(self.transcripts_dir.glob("*.txt")) if self.transcripts_dir.is_dir() else []

    def tei_sources(self) -> list[Path]:
        return sorted(self.tei_dir.glob("*.xml")) if self.tei_dir.is_dir() else []

    def as_params(self) -> dict[str, str]:
        """Edition metadata as flat string parameters for the XSLT writers."""
        return {
            "edition-title": self.title,
            "edition-subtitle": self.subtitle,
            "edition-editors": "; ".join(self.editors),
            "edition-publisher": self.publisher,
            "edition-licence": self.licence,
            "edition-licence-url": self.licence_url,
            "edition-language": self.language,
            "edition-source-archive": self.source_archive,
            "edition-source-credit": self.source_credit,
            "edition-base-url": self.base_url,
            "edition-version": self.version,
        }


def load_edition(root: str | Path, *, strict: bool = False) -> Edition:
    """Read ``root/edition.toml``; errors name the file and what to fix. Settings it cannot
    use are left out and listed in ``Edition.warnings``; ``strict`` makes the first an error."""
    root = Path(root)
    path = root / "edition.toml"
    if not root.is_dir():
        raise error("ED013", path=str(root))      # a mistyped path: no edition.toml to create
    if not path.is_file():
        raise error("ED001", path=str(root))
    try:
        text = path.read_text("utf-8")
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise error("ED002", path=str(path), reason=exc) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise error("ED003", path=str(path), reason=exc) from None
    data, warnings = edition_settings.check(data, text, path)
    if strict and warnings:
        raise TeiToolsError(replace(warnings[0], severity=Severity.ERROR))
    section = _table(data, "edition", path) if "edition" in data else data
    missing = [key for key in _REQUIRED if not section.get(key)]
    if missing:
        raise error("ED004", path=str(path), missing=", ".join(missing))
    editors = section.get("editors", [])
    if isinstance(editors, str):
        editors = [editors]
    if not isinstance(editors, list):
        raise error("ED005", path=str(path), setting="editors",
                    expected="a name or a list of names", value=editors,
                    hint='write editors = ["First Editor", "Second Editor"]')
    html = _table(data, "html", path)
    part_size = html.get("search_part_size", 1)
    if isinstance(part_size, bool) or not isinstance(part_size, int) or part_size < 1:
        raise error("ED007", path=str(path), value=part_size)
    return Edition(
        root=root,
        title=str(section["title"]),
        subtitle=str(section.get("subtitle", "")),
        editors=tuple(str(e) for e in editors),
        publisher=str(section.get("publisher", "")),
        licence=str(section.get("licence", section.get("license", ""))),
        licence_url=str(section.get("licence_url", "")),
        language=str(section.get("language", "en")),
        source_archive=str(section.get("source_archive", "")),
        source_credit=str(section.get("source_credit", "")),
        base_url=str(section.get("base_url", "")),
        version=str(section.get("version", "1.0")),
        description=str(section.get("description", "")),
        reader=_table(data, "reader", path),
        pdf=_table(data, "pdf", path),
        html=html,
        build=_table(data, "build", path),
        warnings=tuple(warnings),
    )


def _table(data: dict, name: str, path: Path) -> dict:
    """The table ``[name]`` (empty when absent); any other value is a mistake to report."""
    value = data.get(name, {})
    if not isinstance(value, dict):
        raise error("ED005", path=str(path), setting=name, expected="a table", value=value,
                    hint=f"write the options under a [{name}] line")
    return dict(value)
