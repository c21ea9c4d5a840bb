"""TEI All validation at growing corpus sizes: tei-tools against Jing in the same run (issue 17.4).

    python bench/validate_scale.py                       # 1, 96, 960 documents
    python bench/validate_scale.py --sizes 1,96,960,9600 # and 9,600 (a few minutes)

The documents are the real FRUS history files of ../shared/real-tei/frus-history (96), repeated
under numbered folders to reach each size. Both tools run as a user runs them, in a fresh
process: `tei-tools validate --no-project-rules --schema tei_all.rng` (its pruned-schema fast
path, tei_tools.validation.rng_prune) and Jing, one JVM per core. Prints wall seconds, peak memory
of the process tree and the ratio; exits 2 when ../shared or Jing is missing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from baselines import jing, jing_available  # noqa: E402
from measure import measured  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"


def corpus(size: int, sources: list[Path], work: Path) -> Path:
    """A folder of ``size`` documents: the sources repeated, copy k in folder k."""
    folder = work / f"n{size}"
    if folder.is_dir() and sum(1 for _ in folder.rglob("*.xml")) == size:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    for i in range(size):
        target = folder / f"{i // len(sources):03d}" / sources[i % len(sources)].name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(sources[i % len(sources)], target)
    return folder


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,96,960")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--work", type=Path, default=Path("/tmp/tei-tools-validate-scale"))
    args = parser.parse_args()
    schema = SHARED / "tei" / "tei_all.rng"
    sources = sorted((SHARED / "real-tei" / "frus-history").rglob("*.xml"))
    if not schema.is_file() or not sources:
        print("skipped: ../shared (tei_all.rng, real-tei/frus-history) is not there")
        return 2
    if not jing_available():
        print("skipped: jing is not installed (apt-get install jing)")
        return 2
    print(f"TEI All validation, {args.jobs} jobs, {os.cpu_count()} cores; sources: "
          f"{len(sources)} FRUS files\n")
    print(f"{'docs':>6} {'MB':>7} {'tei-tools s':>12} {'peak MB':>8} {'jing s':>8} "
          f"{'peak MB':>8} {'ratio':>6}")
    for size in (int(s) for s in args.sizes.split(",")):
        folder = corpus(size, sources, args.work)
        files = sorted(folder.rglob("*.xml"))
        megabytes = sum(f.stat().st_size for f in files) / 2**20
        with measured() as ours:
            done = subprocess.run([sys.executable, "-m", "tei_tools", "validate", "-q",
                                   "--no-project-rules", "--schema", str(schema),
                                   "-j", str(args.jobs), str(folder)],
                                  capture_output=True, text=True)
        with measured() as theirs:
            jing_ok = jing(schema, files, args.jobs)
        agree = "" if (done.returncode == 0) == jing_ok else "  VERDICTS DIFFER"
        print(f"{size:>6} {megabytes:>7.1f} {ours.seconds:>12.2f} {ours.peak_mb:>8.0f} "
              f"{theirs.seconds:>8.2f} {theirs.peak_mb:>8.0f} "
              f"{ours.seconds / theirs.seconds:>6.2f}{agree}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
