"""Benchmark tei-tools on a synthetic edition: every stage, peak memory, ratios to baselines.

    python bench/run_bench.py -n 16000 [-j 2] [--work /tmp/tei-bench] [--book-docs 200]

Prints one table (documents per second per stage, peak memory of the process tree, ratio to
a baseline measured in the same run) and the incremental rebuild times. Stages whose module is
missing are reported as unavailable, not failed. See bench/README.md for recorded results.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import platform
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import baselines  # noqa: E402
from generate_corpus import generate  # noqa: E402
from measure import measured  # noqa: E402

from tei_tools.parallel import default_jobs  # noqa: E402

ROWS: list[str] = []


def row(stage: str, count: int, m, baseline: str = "", versus: str = "") -> None:
    cpu_ms = m.cpu_seconds / count * 1000 if count else 0.0
    ROWS.append(f"{stage:<34} {count:>6} {m.seconds:>8.2f} {m.rate(count):>9.1f} "
                f"{cpu_ms:>8.1f} {m.peak_mb:>8.0f} {baseline:<28} {versus}")


def ratio(m, base) -> str:
    """Stage time over baseline time: wall clock, and CPU (fairer on a shared machine)."""
    cpu = m.cpu_seconds / base.cpu_seconds if base.cpu_seconds else float("inf")
    return f"{m.seconds / base.seconds:.2f}x wall, {cpu:.2f}x CPU"


def note(stage: str, text: str) -> None:
    ROWS.append(f"{stage:<34} {text}")


def machine() -> str:
    cpu = "unknown CPU"
    with contextlib.suppress(OSError), open("/proc/cpuinfo") as handle:
        cpu = next((line.split(":", 1)[1].strip() for line in handle
                    if line.startswith("model name")), cpu)
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    import lxml.etree
    import saxonche

    return (f"{cpu}; {default_jobs()} cores usable; {mem:.0f} GB RAM; Python "
            f"{platform.python_version()}; lxml {lxml.etree.__version__}; "
            f"saxonche {getattr(saxonche, '__version__', '?')}; jing "
            f"{'yes' if baselines.jing_available() else 'not installed'}")


def bench_convert(edition: Path, tei_dir: Path, jobs: int) -> list[Path]:
    from tei_tools.conversion import convert
    from tei_tools.edition import load_edition
    from tei_tools.pipeline import reader_settings

    ed = load_edition(edition)
    transcripts = ed.transcripts()
    shutil.rmtree(tei_dir, ignore_errors=True)
    with measured() as m:
        report = convert(transcripts, tei_dir, settings=reader_settings(ed), jobs=jobs)
    files = sorted(report.outputs.values())
    with measured() as base:
        baselines.lxml_roundtrip(files, jobs)
    row("convert", len(transcripts), m, f"lxml parse+serialise {base.rate(len(files)):.0f}/s",
        f"{ratio(m, base)} (target <= 10x)")
    if report.failed:
        note("  conversion failures", f"{len(report.failed)} of {len(transcripts)}")
    return files


def bench_validate(files: list[Path], jobs: int) -> None:
    from tei_tools.resources import schema_path
    from tei_tools.validation import validate

    with measured() as m:
        result = validate(files, jobs=jobs)
    errors = sum(1 for d in result.diagnostics if int(d.severity) == 2)
    if baselines.jing_available():
        with measured() as base:
            baselines.jing(schema_path("tei-tools.rng"), files, jobs)
        row("validate (tei-tools.rng + .sch)", len(files), m,
            f"jing rng {base.rate(len(files)):.0f}/s", f"{ratio(m, base)} (target < 1)")
    else:
        row("validate (tei-tools.rng + .sch)", len(files), m, "jing not installed")
    if errors:
        note("  validation errors", f"{errors} (documents are not all valid)")


def bench_tei_all(files: list[Path], jobs: int, schema: Path) -> None:
    """A user's tei_all.rng (validation's pruned-schema fast path, tei_tools.validation.
    rng_prune) in a fresh process, interpreter start included as Jing's JVM start is."""
    listing = Path("/tmp/tei-bench-files.txt")
    for label, subset in (("1 doc", files[:1]), (f"{len(files)} docs", files)):
        listing.write_text("\n".join(map(str, subset)), "utf-8")
        code = ("import sys; from tei_tools.validation import validate; "
                f"r = validate(open({str(listing)!r}).read().split(), schemas=[{str(schema)!r}], "
                f"project_rules=False, jobs={jobs}); sys.exit(0 if r.valid else 1)")
        with measured() as m:
            done = subprocess.run([sys.executable, "-c", code])
        base_text, versus = "jing not installed", ""
        if baselines.jing_available():
            with measured() as base:
                baselines.jing(schema, subset, jobs)
            base_text = f"jing {base.seconds:.2f} s"
            versus = f"{ratio(m, base)} (target < 1)"
        invalid = "" if done.returncode == 0 else " (invalid docs)"
        row(f"tei_all.rng, {label}{invalid}", len(subset), m, base_text, versus)


def bench_html(edition: Path, files: list[Path], out: Path, jobs: int) -> None:
    from tei_tools.edition import load_edition
    from tei_tools.resources import xslt_path
    from tei_tools.writers.site import build_site

    shutil.rmtree(out, ignore_errors=True)
    with measured() as m:
        build_site(files, out, edition=load_edition(edition), jobs=jobs)
    stylesheet = xslt_path("html/document.xsl")
    if stylesheet.is_file():
        with measured() as base:
            baselines.saxon_bare(stylesheet, files, jobs)
        row("html (build_site)", len(files), m, f"bare saxonche {base.rate(len(files)):.0f}/s",
            ratio(m, base))
    else:
        row("html (build_site)", len(files), m, "no xslt/html/document.xsl")


def bench_build(edition: Path, out: Path, jobs: int, count: int) -> None:
    from tei_tools.pipeline import build_edition

    shutil.rmtree(out, ignore_errors=True)
    with measured() as m:
        report = build_edition(edition, out, jobs=jobs, pdf=False)
    if not report.ok:
        note("build", f"stopped at {report.stopped_at}: "
             f"{next(iter(report.diagnostics), None)}")
        return
    redone = {k: len(v) for k, v in report.rebuilt.items() if v}
    row("build: convert+validate+html", count, m, "", f"target >= 250 docs/s; redone {redone}")
    with measured() as m:
        report = build_edition(edition, out, jobs=jobs, pdf=False)
    row("rebuild, nothing changed", count, m, "", f"did nothing: {report.did_nothing}; "
        "target < 2 s")
    victim = sorted((edition / "transcripts").glob("*.txt"))[count // 2]
    original = victim.read_bytes()
    victim.write_bytes(original.replace(b" about ", b" concerning ", 1))
    try:
        with measured() as m:
            report = build_edition(edition, out, jobs=jobs, pdf=False)
        redone = {k: len(v) for k, v in report.rebuilt.items() if v}
        row("rebuild, one transcript changed", count, m, "", f"redone {redone}")
    finally:
        victim.write_bytes(original)


def bench_check(work: Path, count: int, seed: int, jobs: int) -> None:
    """The incremental bookkeeping at a large N: outputs made by copying stand-ins, then the
    real build_edition's no-change check (it calls no stage, so stand-ins do not matter)."""
    from standins import copying_stages

    from tei_tools.pipeline import build_edition

    edition, out = work / f"edition-{count}", work / f"site-check-{count}"
    generate(edition, count, seed)
    shutil.rmtree(out, ignore_errors=True)
    build_edition(edition, out, jobs=jobs, stages=copying_stages())
    with measured() as m:
        report = build_edition(edition, out, jobs=jobs)
    row("rebuild check, nothing changed", count, m, "", f"did nothing: {report.did_nothing}; "
        "target < 2 s")
    victim = sorted((edition / "transcripts").glob("*.txt"))[count // 3]
    os.utime(victim)
    with measured() as m:
        report = build_edition(edition, out, jobs=jobs)
    row("rebuild check, one file touched", count, m, "", f"did nothing: {report.did_nothing}")
    original = victim.read_bytes()
    victim.write_bytes(original + b"\n")
    try:
        with measured() as m:
            report = build_edition(edition, out, jobs=jobs, stages=copying_stages())
        redone = {k: len(v) for k, v in report.rebuilt.items() if v}
        row("rebuild, one changed (stand-ins)", count, m, "", f"redone {redone}")
    finally:
        victim.write_bytes(original)


def bench_book(edition: Path, files: list[Path], out: Path, count: int) -> None:
    from tei_tools.edition import load_edition
    from tei_tools.writers.pdf import render_book

    out.mkdir(parents=True, exist_ok=True)
    with measured() as m:
        render_book(load_edition(edition), files[:count], out / "book.pdf")
    row(f"pdf book ({count} docs, separate)", count, m)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", type=int, default=2000)
    parser.add_argument("-j", "--jobs", type=int, default=default_jobs())
    parser.add_argument("--work", default="/tmp/tei-bench")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--book-docs", type=int, default=100)
    parser.add_argument("--check-n", type=int, default=16000,
                        help="edition size for the incremental bookkeeping check")
    parser.add_argument("--tei-all", default="/work/shared/tei/tei_all.rng")
    parser.add_argument("--only", default="convert,validate,tei_all,html,build,check,book",
                        help="comma-separated stages to run")
    args = parser.parse_args(argv)
    work, only = Path(args.work), set(args.only.split(","))
    edition = work / f"edition-{args.n}"
    print(f"machine: {machine()}")
    print(f"load average at the start: {' '.join(f'{x:.1f}' for x in os.getloadavg())}\n")
    started = time.perf_counter()
    generate(edition, args.n, args.seed)
    size = sum(p.stat().st_size for p in (edition / "transcripts").glob("*.txt")) / 2**20
    print(f"corpus: {args.n} transcripts, {size:.0f} MB, ready in "
          f"{time.perf_counter() - started:.1f} s; jobs={args.jobs}\n")
    files: list[Path] = sorted((work / "tei").glob("*.xml"))
    steps = [("convert", lambda: bench_convert(edition, work / "tei", args.jobs)),
             ("validate", lambda: bench_validate(files, args.jobs)),
             ("tei_all", lambda: bench_tei_all(files, args.jobs, Path(args.tei_all))),
             ("html", lambda: bench_html(edition, files, work / "html", args.jobs)),
             ("build", lambda: bench_build(edition, work / "site", args.jobs, args.n)),
             ("check", lambda: bench_check(work, args.check_n, args.seed, args.jobs)),
             ("book", lambda: bench_book(edition, files, work / "book", args.book_docs))]
    for name, step in steps:
        if name not in only:
            continue
        try:
            result = step()
            if name == "convert":
                files = result
        except Exception as exc:  # a missing or broken stage is reported, the rest still runs
            note(name, f"unavailable: {type(exc).__name__}: {str(exc).splitlines()[0][:120]}")
    print(f"{'stage':<34} {'docs':>6} {'seconds':>8} {'docs/s':>9} {'CPU ms/d':>8} "
          f"{'peak MB':>8} {'baseline (same run)':<28} ratio")
    print("\n".join(ROWS))
    print(f"\nload average at the end (other work on the machine): "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
