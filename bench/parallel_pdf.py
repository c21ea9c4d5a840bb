"""A whole build with PDFs of a large generated edition at the default -j, and what the
fork-safe worker pool costs to start.

    python bench/parallel_pdf.py [-n 500] [--jobs N] [--book] [--baseline] [--keep DIR]

Issue 14 item 10: 200 generated documents with PDFs crashed after ~36 PDFs at the default -j,
because the worker pool forked a process in which Saxon had already started. The pool now
starts its workers from a fork server (``tei_tools.parallel``); this script builds N documents
(``bench/generate_corpus.py``) with ``tei-tools build`` as a user runs it (``--no-book`` unless
``--book``: the book is bench/pdf_book.py's), and prints the wall time, CPU time, peak memory
of the process tree and the PDFs written. ``--baseline`` also builds
the same edition with ``-j 1`` (the only setting that worked before) and prints the ratio.

It also prints the start-up cost of a worker pool, measured in the same run: the first
``run_parallel`` of a trivial function on a fresh pool with the start method tei-tools uses,
against the same with ``fork`` (which is not safe once Saxon runs in the parent).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from measure import measured  # noqa: E402

from tei_tools import parallel  # noqa: E402


def _pid(_: int) -> int:
    return os.getpid()


def pool_start_seconds(method: str, jobs: int) -> float:
    """Seconds from nothing to every worker of a new pool having answered once."""
    started = time.perf_counter()
    with ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method)) as pool:
        list(pool.map(_pid, range(jobs * 4)))
    return time.perf_counter() - started


def build(edition: Path, out: Path, jobs: int | None, book: bool
          ) -> tuple[float, float, int, int]:
    """(wall s, peak MB, PDFs written, exit status) of one fresh ``tei-tools build``."""
    shutil.rmtree(out, ignore_errors=True)
    command = [sys.executable, "-m", "tei_tools", "build", str(edition), "-o", str(out), "-q"]
    if not book:
        command.append("--no-book")
    if jobs:
        command += ["-j", str(jobs)]
    with measured() as m:
        done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode not in (0, 1):
        sys.stderr.write(done.stderr[-2000:])
    pdfs = len([p for p in (out / "pdf").glob("*.pdf") if p.name != "book.pdf"]) \
        if (out / "pdf").is_dir() else 0
    return m.seconds, m.peak_mb, pdfs, done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("-n", type=int, default=500, help="documents (default 500)")
    parser.add_argument("--jobs", type=int, default=None, help="-j of the build (default: all "
                        "cores, as tei-tools' own default)")
    parser.add_argument("--book", action="store_true", help="also print the edition's book")
    parser.add_argument("--baseline", action="store_true", help="also build with -j 1")
    parser.add_argument("--keep", type=Path, help="keep the edition and the site here")
    args = parser.parse_args()

    work = args.keep or Path(tempfile.mkdtemp(prefix="tei-tools-bench-"))
    edition, out = work / "edition", work / "site"
    if not (edition / "edition.toml").is_file():
        subprocess.run([sys.executable, str(ROOT / "bench" / "generate_corpus.py"), str(edition),
                        "-n", str(args.n)], check=True, capture_output=True)
    jobs = args.jobs or parallel.default_jobs()
    print(f"machine: {os.cpu_count()} cores; build -j {args.jobs or 'default'} ({jobs}); "
          f"pool start method: {parallel.start_method()}")
    safe = min(pool_start_seconds(parallel.start_method(), jobs) for _ in range(3))
    forked = min(pool_start_seconds("fork", jobs) for _ in range(3))
    print(f"pool start-up ({jobs} workers, best of 3): {parallel.start_method()} {safe:.2f} s, "
          f"fork {forked:.2f} s (+{safe - forked:.2f} s once per command)")

    wall, peak, pdfs, status = build(edition, out, args.jobs, args.book)
    print(f"build of {args.n} documents with PDFs{' and the book' if args.book else ''}: "
          f"{wall:.1f} s wall, peak {peak:.0f} MB, {pdfs} PDFs, exit {status}, "
          f"{pdfs / wall:.2f} PDF/s")
    ok = status == 0 and pdfs == args.n
    if args.baseline:
        b_wall, b_peak, b_pdfs, b_status = build(edition, work / "site-j1", 1, args.book)
        print(f"baseline -j 1: {b_wall:.1f} s wall, peak {b_peak:.0f} MB, {b_pdfs} PDFs, "
              f"exit {b_status}; speed-up {b_wall / wall:.2f}x wall")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    print("result:", "every PDF written" if ok else "FAILED")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
