"""Every script prints (issue 15): Chinese, Japanese, Korean, Russian, Vietnamese and Romanian
come out as text with a real font, and a character that no font has is a warning (PDF040),
not a silent box."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from pdf_helpers import DATA

from tei_tools.writers.pdf import render_pdf
from tei_tools.writers.pdf.glyphs import (
    Coverage,
    file_coverage,
    installed_coverage,
    parse_charsets,
)

SCRIPTS = DATA / "foreign" / "scripts.xml"
LINES = ["中华人民共和国外交部", "中華民國外交部", "日本国外務省とひらがな",
         "조선민주주의인민공화국 외무성", "毛泽东", "Министерство иностранных дел СССР",
         "Bộ Ngoại giao Việt Nam Dân chủ Cộng hòa",
         "Ministerul Afacerilor Externe al României, șțăîâ"]


def needs(*tools: str) -> None:
    for tool in tools:
        if shutil.which(tool) is None:
            pytest.skip(f"{tool} is not installed")


def noto_cjk() -> None:
    needs("fc-list")
    found = subprocess.run(["fc-list", ":lang=ko", "family"], capture_output=True,
                           text=True).stdout
    if "Noto Serif CJK" not in found and "Noto Sans CJK" not in found:
        pytest.skip("fonts-noto-cjk is not installed (apt-get install fonts-noto-cjk)")


def test_fontconfig_charsets_are_read_as_ranges():
    ranges = parse_charsets("20-7e a0-17f 192\n400-45f")
    assert ranges == [(0x20, 0x7E), (0xA0, 0x17F), (0x192, 0x192), (0x400, 0x45F)]
    coverage = Coverage(ranges + [(0x7F, 0x9F)])
    assert 0x41 in coverage and 0x90 in coverage and 0x192 in coverage
    assert 0x191 not in coverage and 0x460 not in coverage and 0x1F not in coverage


def test_cjk_russian_vietnamese_and_romanian_print_with_real_fonts(tmp_path):
    noto_cjk()
    needs("pdffonts", "pdftotext")
    report = render_pdf([SCRIPTS], tmp_path, jobs=1)
    assert not report.diagnostics, [d.format() for d in report.diagnostics]
    pdf = tmp_path / "scripts.pdf"
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    for region in ("SC", "TC", "JP", "KR"):
        assert f"CJK{region}" in fonts.replace(" ", "").replace("-", ""), (region, fonts)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True,
                          text=True).stdout
    flat = " ".join(text.split())
    for line in LINES:
        assert line in flat, line


def test_a_character_no_font_has_is_a_warning_naming_it(tmp_path):
    coverage = installed_coverage()
    if coverage is None:
        pytest.skip("fontconfig (fc-list) is not installed")
    hieroglyph = "\U00013000"
    if ord(hieroglyph) in coverage:
        pytest.skip("an installed font has Egyptian hieroglyphs")
    source = tmp_path / "glyph.xml"
    source.write_text(SCRIPTS.read_text("utf-8").replace("毛泽东", f"毛泽东 {hieroglyph}"), "utf-8")
    report = render_pdf([source], tmp_path / "out", jobs=1)
    assert [(d.code, d.path, d.severity.name) for d in report.diagnostics] == [
        ("PDF040", str(source), "WARNING")]
    assert "U+13000" in report.diagnostics[0].message
    assert (tmp_path / "out" / "scripts.pdf").is_file()  # written all the same


def test_an_embedded_font_file_counts_as_covering_its_characters(tmp_path):
    needs("fc-match")
    dejavu = subprocess.run(["fc-match", "-f", "%{file}", "DejaVu Sans"], capture_output=True,
                            text=True).stdout.strip()
    if not dejavu.endswith(".ttf") or not Path(dejavu).is_file():
        pytest.skip("DejaVu Sans is not installed")
    assert {ord("A"), ord("Ж")} <= file_coverage(Path(dejavu))
    assert 0x13000 not in file_coverage(Path(dejavu))
    assert file_coverage(tmp_path / "missing.ttf") == frozenset()
