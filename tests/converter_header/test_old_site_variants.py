"""§7 P14: old-site wrapper variants (F4, M4, M15), on small inline pages."""

from __future__ import annotations

from support.wrapper import body_lines, split

WIDGET = ("  • Citation\n\n    get citation\n\n    Widerski reports the reaction.\n"
          "    \"Ciphergram from Hanoi, 4 March 1965,\" March 04, 1965, History and Public Policy "
          "Program Digital Archive, AMSZ, Z-1, W-2. Translated by Jan Kowal.\n"
          "  • share document\n\nVIEW DOCUMENT IN\n\nEnglish HTML\n\n")
TEXT = "Ciphergram No. 2814\n\nYesterday I was received by the Prime Minister of the DRV.\n"


def test_P14_upper_title_funder_line_and_citation_share_download_in_any_order():
    orders = [
        ["CIPHERGRAM FROM HANOI", "This document was made possible with support from the Leon "
         "Levy Foundation", "CITATION SHARE DOWNLOAD"],
        ["This document was made possible with support from the Leon Levy Foundation",
         "CITATION SHARE DOWNLOAD-", "CIPHERGRAM FROM HANOI"],
        ["CITATION SHARE DOWNLOAD", "CIPHERGRAM FROM HANOI", "- Download", "Citation"],
    ]
    for block in orders:
        page = ("Search in\n\nDigital Archive International History Declassified\n\n"
                "March 04, 1965\n\n" + "\n\n".join(block) + "\n" + WIDGET + TEXT)
        wrapper, ctx = split(page)
        meta = wrapper.metadata
        assert wrapper.template == "F4"
        assert meta.title == "Ciphergram from Hanoi, 4 March 1965"     # M7 beats M4
        assert meta.summaries == ["Widerski reports the reaction."]
        assert body_lines(wrapper) == TEXT.strip().split("\n\n") and not [
            d for d in ctx.diagnostics if d.code == "TX111"]
        if any(line.startswith("This document") for line in block):
            assert wrapper.metadata.funders == ["Leon Levy Foundation"]


def test_P14_capture_that_starts_at_the_upper_case_title():
    page = "CIPHERGRAM FROM HANOI\n\nCITATION SHARE DOWNLOAD\n" + WIDGET + TEXT
    wrapper, ctx = split(page)
    assert wrapper.template == "F4"
    assert "TX111" not in [d.code for d in ctx.diagnostics]
    assert wrapper.metadata.title == "Ciphergram from Hanoi, 4 March 1965"
    assert body_lines(wrapper) == TEXT.strip().split("\n\n")


def test_P14_upper_case_line_without_citation_share_download_is_not_wrapper():
    page = ("Search in\n\nDigital Archive International History Declassified\n\n"
            "March 04, 1965\n\n" + WIDGET + "CIPHERGRAM\n\n" + TEXT)
    wrapper, _ = split(page)
    assert body_lines(wrapper)[0] == "CIPHERGRAM"
