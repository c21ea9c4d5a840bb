"""One TEI document to PDF: tei-tools before and after laying out in parts, and the TEI
Stylesheets → XSL-FO → Apache FOP chain, in one run on the same files.

    python bench/print_speed.py [--only small|monograph] [--no-before] [--stylesheets DIR]

Inputs (third-party, read from ../shared, skipped with a reason when absent): the FRUS
monograph (real-tei/frus-history/monograph/frus-history.xml, 2.2 MB, ~400 pages) and a FRUS
document of two pages (real-tei/frus-history/documents/
1988-01-11-slany-notes-on-informal-hac-meeting.xml).

* before: TEI → print HTML (XSLT), one layout of the whole document with the footnote repair
  of engine.layout_checked (a whole new layout for every page it mends), PDF.
* after: the same HTML laid out in parts (assemble.layout_in_parts), PDF.
* fop: the TEI Stylesheets' fo/tei-to-fo (Saxon HE, Java) then ``fop -fo``. The stylesheets
  are looked for in --stylesheets, $TEI_STYLESHEETS or ~/.cache/tei-tools-bench/Stylesheets
  (a release of TEIC/Stylesheets, unpacked); fetched there once when missing, skipped with
  the reason when neither works. Saxon HE is looked for in /usr/share/java.

* fop-floor: the same two JVMs with a stylesheet that only makes a block of each paragraph,
  head and note: what the chain costs at least (for when the TEI Stylesheets are absent).

Printed per input and path: pages, wall seconds, CPU seconds (this process or the child
processes), footnotes away from their call's page (tei-tools paths), and the ratios. CPU time
is the figure that depends least on other work on a shared machine.
"""

from __future__ import annotations

import argparse
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
import zipfile
from dataclasses import dataclass
from pathlib import Path

from pypdf import PdfReader

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tei_tools.writers.pdf import engine  # noqa: E402
from tei_tools.writers.pdf.assemble import layout_in_parts  # noqa: E402
from tei_tools.writers.pdf.html import document_html  # noqa: E402
from tei_tools.writers.pdf.options import fixed_date, resolve_options  # noqa: E402

SHARED = ROOT.parent / "shared" / "real-tei" / "frus-history"
INPUTS = {"small": SHARED / "documents" / "1988-01-11-slany-notes-on-informal-hac-meeting.xml",
          "monograph": SHARED / "monograph" / "frus-history.xml"}
CACHE = Path.home() / ".cache" / "tei-tools-bench"
RELEASE = ("https://github.com/TEIC/Stylesheets/releases/download/v7.58.0/"
           "tei-xsl-7.58.0.zip")
# The chain's floor when the TEI Stylesheets are absent: the same two JVMs (Saxon HE, FOP) with
# a stylesheet that only makes a block of every paragraph, head and note (no footnotes, no
# styles). The real chain does more; tei-tools under this floor is under the chain.
FLOOR_XSL = """<xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="http://www.tei-c.org/ns/1.0" xmlns:fo="http://www.w3.org/1999/XSL/Format">
  <xsl:template match="/">
    <fo:root><fo:layout-master-set><fo:simple-page-master master-name="A4"
      page-width="210mm" page-height="297mm" margin="22mm"><fo:region-body/>
      </fo:simple-page-master></fo:layout-master-set>
      <fo:page-sequence master-reference="A4"><fo:flow flow-name="xsl-region-body">
        <xsl:for-each select="//tei:text//(tei:p | tei:head | tei:note)">
          <fo:block space-after="2mm"><xsl:value-of select="normalize-space()"/></fo:block>
        </xsl:for-each><fo:block/>
      </fo:flow></fo:page-sequence></fo:root>
  </xsl:template>
</xsl:stylesheet>
"""
SAXON = [Path("/usr/share/java/Saxon-HE.jar"), Path("/usr/share/java/saxon9he.jar")]


@dataclass
class Run:
    pages: int
    wall: float
    cpu: float
    misplaced: int | None = None


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def tei_tools_run(tei: Path, parts: bool) -> Run:
    options = resolve_options(view=None, paper=None, fonts=None, edition=None)
    wall, cpu = time.perf_counter(), time.process_time()
    html = document_html(tei, options, created=fixed_date())
    if parts:
        document, misplaced = layout_in_parts(html, engine.Layouter(options, []), str(tei))
    else:
        document, misplaced = engine.layout_checked(html, options, [], str(tei))
    data = engine.to_pdf(document)
    run = Run(len(PdfReader(io.BytesIO(data)).pages), time.perf_counter() - wall,
              time.process_time() - cpu, len(misplaced))
    return run


def find_stylesheets(given: str | None) -> tuple[Path | None, str]:
    """The folder holding fo/fo.xsl, or None and why not."""
    for candidate in [given, os.environ.get("TEI_STYLESHEETS"), str(CACHE / "Stylesheets")]:
        if candidate:
            for folder in (Path(candidate), Path(candidate) / "xml" / "tei" / "stylesheet"):
                if (folder / "fo" / "fo.xsl").is_file():
                    return folder, ""
    try:  # once, into the cache folder (outside the repository)
        with urllib.request.urlopen(RELEASE, timeout=30) as response:
            archive = zipfile.ZipFile(io.BytesIO(response.read()))
        target = CACHE / "Stylesheets"
        target.mkdir(parents=True, exist_ok=True)
        archive.extractall(target)
        return find_stylesheets(str(target))[0], "fetched " + RELEASE
    except (OSError, zipfile.BadZipFile) as exc:
        return None, (f"TEI Stylesheets not found (--stylesheets, $TEI_STYLESHEETS, "
                      f"{CACHE / 'Stylesheets'}) and not fetched from {RELEASE}: {exc}")


def fop_chain(tei: Path, xsl: Path, saxon: Path, work: Path) -> Run:
    """TEI → FO with ``xsl`` (Saxon HE), FO → PDF (FOP): wall and CPU of both JVMs."""
    fo, pdf = work / f"{tei.stem}.fo", work / f"{tei.stem}.pdf"
    wall, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(["java", "-jar", str(saxon), f"-s:{tei}", f"-xsl:{xsl}", f"-o:{fo}"],
                   check=True, capture_output=True)
    subprocess.run(["fop", "-q", "-fo", str(fo), "-pdf", str(pdf)], check=True,
                   capture_output=True)
    return Run(len(PdfReader(pdf).pages), time.perf_counter() - wall, _children_cpu() - cpu)


def _show(name: str, label: str, run: Run | str) -> None:
    if isinstance(run, str):
        print(f"{name:10} {label:8} skipped: {run}")
        return
    extra = "" if run.misplaced is None else f"  footnotes off their page: {run.misplaced}"
    print(f"{name:10} {label:8} {run.pages:5} pages  {run.wall:7.1f} s wall  "
          f"{run.cpu:7.1f} s CPU{extra}", flush=True)


def _ratio(a: Run | str | None, b: Run | str | None, what: str) -> None:
    if isinstance(a, Run) and isinstance(b, Run):
        print(f"{'':10} {what}: wall {a.wall / b.wall:.2f}x, CPU {a.cpu / b.cpu:.2f}x")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=sorted(INPUTS), action="append")
    parser.add_argument("--no-before", action="store_true",
                        help="skip the single layout (minutes for the monograph)")
    parser.add_argument("--stylesheets", help="folder of the TEI Stylesheets (with fo/)")
    args = parser.parse_args()
    stylesheets, why = find_stylesheets(args.stylesheets)
    saxon = next((jar for jar in SAXON if jar.is_file()), None)
    missing = [tool for tool in ("java", "fop") if shutil.which(tool) is None]
    if stylesheets is None:
        fop_skip = why
    elif saxon is None or missing:
        fop_skip = f"missing: {', '.join(missing + ([] if saxon else ['Saxon HE jar']))}"
    else:
        fop_skip = ""
        if why:
            print(why)
    if INPUTS["small"].is_file():  # warm-up: fontconfig, the compiled XSLT, the fonts
        tei_tools_run(INPUTS["small"], parts=True)
    for name in args.only or ["small", "monograph"]:
        tei = INPUTS[name]
        if not tei.is_file():
            print(f"{name:10} skipped: {tei} not found (third-party data in ../shared)")
            continue
        runs: dict[str, Run | str] = {}
        for label, parts in ([] if args.no_before else [("before", False)]) + [("after", True)]:
            runs[label] = tei_tools_run(tei, parts=parts)
            _show(name, label, runs[label])
        with tempfile.TemporaryDirectory(prefix="tei-tools-fop-") as tmp:
            if fop_skip:
                runs["fop"] = fop_skip
            else:
                assert stylesheets is not None and saxon is not None
                runs["fop"] = fop_chain(tei, stylesheets / "fo" / "fo.xsl", saxon, Path(tmp))
            _show(name, "fop", runs["fop"])
            if saxon is not None and not missing:
                floor = Path(tmp) / "floor.xsl"
                floor.write_text(FLOOR_XSL, "utf-8")
                runs["floor"] = fop_chain(tei, floor, saxon, Path(tmp))
                _show(name, "fop-floor", runs["floor"])
        _ratio(runs.get("before"), runs.get("after"), "before / after")
        _ratio(runs.get("after"), runs.get("fop"), "after / fop")
        _ratio(runs.get("after"), runs.get("floor"), "after / fop-floor")
    return 0


if __name__ == "__main__":
    sys.exit(main())
