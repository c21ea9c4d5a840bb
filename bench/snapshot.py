"""Record what tei-tools produces, and compare two recordings byte for byte.

    python bench/snapshot.py record /tmp/before            # before a restructuring
    python bench/snapshot.py record /tmp/after             # after it
    python bench/snapshot.py compare /tmp/before /tmp/after

A recording runs the command line as a user would, on: the seed, every synthetic transcript of
../shared/corpus, both demo editions, the real TEI of ../shared/real-tei and N generated
documents (bench/generate_corpus.py, seed 7). It keeps the TEI, the diagnostics of
``convert``/``validate``/``html``/``pdf``/``build``, the diplomatic and reading text, every file
of the web sites, and the text of every PDF (pdftotext). ``compare`` lists each file that
differs, is missing or is new, and exits 1 when there is any. Parts whose inputs are absent
(../shared, pdftotext) are left out of both recordings the same way. ``--parts`` and
``--no-pdf`` record less (quicker); ``compare --common`` compares such a partial recording
against a full one.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
HERE = Path(__file__).resolve().parent


def _run(args: list[str], log: Path, cwd: Path | None = None) -> None:
    """Run a tei-tools command; keep its output (paths made relative) and exit status."""
    proc = subprocess.run([sys.executable, "-m", "tei_tools", *args], capture_output=True,
                          text=True, cwd=cwd, env={**os.environ, "NO_COLOR": "1"})
    text = f"exit {proc.returncode}\n--- stdout\n{proc.stdout}--- stderr\n{proc.stderr}"
    for root in (str(log.parent.parent), str(SHARED), str(REPO)):
        text = text.replace(root, "<root>")
    log.parent.mkdir(parents=True, exist_ok=True)
    log.write_text(_without_timings(text), encoding="utf-8")


def _without_timings(text: str) -> str:
    """Summaries print seconds; those vary from run to run."""
    text = re.sub(r'"seconds": [0-9.e-]+', '"seconds": <t>', text)
    return re.sub(r"\b\d+(\.\d+)? ?s\b", "<t>s", text)


def _pdf_text(folder: Path) -> None:
    if not shutil.which("pdftotext"):
        return
    for pdf in sorted(folder.rglob("*.pdf")):
        out = pdf.with_suffix(".pdf.txt")
        subprocess.run(["pdftotext", "-layout", str(pdf), str(out)], check=False)
        pdf.unlink()


def _transcripts(out: Path, n: int) -> list[tuple[str, Path]]:
    sets: list[tuple[str, Path]] = []
    seed = REPO / "tests" / "data" / "puzanov-1957-05-23.txt"
    folder = out / "_in" / "seed"
    folder.mkdir(parents=True)
    shutil.copy(seed, folder)
    sets.append(("seed", folder))
    synthetic = SHARED / "corpus" / "synthetic"
    if synthetic.is_dir():
        sets.append(("synthetic", synthetic))
    if n:
        gen = out / "_in" / "generated"
        subprocess.run([sys.executable, str(HERE / "generate_corpus.py"), str(gen), "-n", str(n),
                        "--seed", "7"], check=True, capture_output=True)
        sets.append(("generated", gen / "transcripts"))
    return sets


PARTS = ("transcripts", "editions", "real-tei")


def record(out: Path, n: int, pdf: bool, parts: tuple[str, ...] = PARTS) -> None:
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    for name, folder in _transcripts(out, n) if "transcripts" in parts else []:
        tei = out / name / "tei"
        _run(["convert", str(folder), "-o", str(tei), "-v", "--format", "json", "-q"],
             out / name / "convert.log")
        for xml in sorted(tei.glob("*.xml")) if name != "generated" else []:
            for view in ("diplomatic", "reading"):
                _run(["text", "--view", view, str(xml)], out / name / "text" / f"{xml.stem}.{view}")
        _run(["validate", str(tei), "--format", "json", "-q"], out / name / "validate.log")
        _run(["html", str(tei), "-o", str(out / name / "html"), "--no-search", "-q"],
             out / name / "html.log")
        if pdf and name != "generated":
            _run(["pdf", str(tei), "-o", str(out / name / "pdf"), "-q"], out / name / "pdf.log")
            _pdf_text(out / name / "pdf")
    for edition in sorted((REPO / "editions").iterdir()) if "editions" in parts else []:
        site = out / "editions" / edition.name
        args = ["build", str(edition), "-o", str(site), "-q", "-v"]
        _run(args if pdf else [*args, "--no-pdf"], out / "editions" / f"{edition.name}.log")
        _pdf_text(site)
    real = SHARED / "real-tei"
    if real.is_dir() and "real-tei" in parts:
        for corpus in sorted(p for p in real.iterdir() if p.is_dir()):
            dest = out / "real-tei" / corpus.name
            # every file, whatever its folder: `html` of a folder does not look into subfolders
            files = [str(f) for f in sorted(corpus.rglob("*.xml"))]
            _run(["validate", str(corpus), "--format", "json", "-q"], dest / "validate.log")
            _run(["html", *files, "-o", str(dest / "html"), "--no-search", "-q"],
                 dest / "html.log")
        articles = real / "frus-history" / "articles"
        if pdf and articles.is_dir():
            dest = out / "real-tei" / "frus-articles-pdf"
            _run(["pdf", str(articles), "-o", str(dest / "pdf"), "-q"], dest / "pdf.log")
            _pdf_text(dest / "pdf")
    shutil.rmtree(out / "_in", ignore_errors=True)
    _manifest(out)


def _recorded(path: Path, out: Path) -> bool:
    """Left out: the build's own state files (they hold paths and file times) and pagefind's
    index (pagefind orders its filter files differently from run to run)."""
    rel = path.relative_to(out).parts
    return path.is_file() and path.name != "MANIFEST" and "pagefind" not in rel[:-1] \
        and not path.name.startswith(".tei-tools-")


def _manifest(out: Path) -> None:
    lines = []
    for path in sorted(p for p in out.rglob("*") if _recorded(p, out)):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        lines.append(f"{digest}  {path.relative_to(out).as_posix()}")
    (out / "MANIFEST").write_text("\n".join(lines) + "\n", encoding="utf-8")


def _read(out: Path) -> dict[str, str]:
    rows = (line.split("  ", 1) for line in (out / "MANIFEST").read_text().splitlines() if line)
    return {path: digest for digest, path in rows}


def compare(a: Path, b: Path, common: bool = False) -> int:
    left, right = _read(a), _read(b)
    if common:      # only the parts both recordings hold (a quick recording against a full one)
        tops = {p.split("/", 1)[0] for p in right} & {p.split("/", 1)[0] for p in left}
        left = {p: d for p, d in left.items() if p.split("/", 1)[0] in tops}
        if not any(p.endswith(".pdf.txt") for p in right):
            left = {p: d for p, d in left.items() if ".pdf" not in p and "/pdf" not in p}
    differ = sorted(p for p in left.keys() & right.keys() if left[p] != right[p])
    missing = sorted(left.keys() - right.keys())
    new = sorted(right.keys() - left.keys())
    for label, paths in (("differs", differ), ("missing", missing), ("new", new)):
        for path in paths:
            print(f"{label}: {path}")
    same = len(left.keys() & right.keys()) - len(differ)
    print(f"{same} files identical, {len(differ)} differ, {len(missing)} missing, {len(new)} new")
    return 1 if differ or missing or new else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    rec = sub.add_parser("record")
    rec.add_argument("out", type=Path)
    rec.add_argument("-n", type=int, default=1000, help="generated documents (default 1000)")
    rec.add_argument("--no-pdf", action="store_true", help="leave out PDFs (the slow part)")
    rec.add_argument("--parts", default=",".join(PARTS),
                     help=f"comma-separated subset of {', '.join(PARTS)} (default: all)")
    cmp_ = sub.add_parser("compare")
    cmp_.add_argument("a", type=Path)
    cmp_.add_argument("b", type=Path)
    cmp_.add_argument("--common", action="store_true",
                      help="compare only the parts that B recorded (B may be partial)")
    args = parser.parse_args()
    if args.command == "record":
        parts = tuple(p for p in args.parts.split(",") if p)
        unknown = set(parts) - set(PARTS)
        if unknown:
            parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")
        record(args.out, args.n, not args.no_pdf, parts)
        return 0
    return compare(args.a, args.b, args.common)


if __name__ == "__main__":
    sys.exit(main())
