"""Conversion speed of two versions of tei-tools, measured in the same run.

    python bench/conversion_versions.py --before 66bac2e -n 1000 [--rounds 3]

``--before`` is a git revision of this repository (default: the commit before the real-pages
work of issue 13). It is checked out into a temporary worktree; the current checkout is
"after". Both convert the same generated transcripts (bench/generate_corpus.py) in a fresh
process each, one document after another in one process (no pool, so the figure is the
converter's own cost), and report CPU milliseconds per document. Rounds alternate the order of
the two versions, so that a machine that gets busier during the run does not favour one; the
median of the rounds is reported with the ratio after/before.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_corpus import generate  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
BEFORE_ISSUE_13 = "66bac2e"

# run inside the measured version's checkout: convert every transcript in memory, CPU time only
_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
from tei_tools.readers.transcript import read_transcript
files = sorted(Path(sys.argv[1]).glob("*.txt"))
data = [(f.name, f.read_bytes()) for f in files]
read_transcript(data[0][1], data[0][0])            # warm up: vocabularies, compiled patterns
start = time.process_time()
converted = sum(1 for name, raw in data if read_transcript(raw, name).tei is not None)
cpu = time.process_time() - start
peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"docs": len(data), "converted": converted, "cpu_s": cpu, "peak_kb": peak_kb}))
"""


def _measure(checkout: Path, transcripts: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, str(transcripts)], cwd=checkout,
                         env={"PYTHONPATH": str(checkout), "PATH": "/usr/bin:/bin"},
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default=BEFORE_ISSUE_13, help="git revision to compare")
    parser.add_argument("-n", type=int, default=1000, help="generated documents")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="tei-bench-versions-") as tmp:
        tmp_path = Path(tmp)
        corpus = generate(tmp_path / "corpus", args.n, seed=args.seed) / "transcripts"
        before = tmp_path / "before"
        subprocess.run(["git", "-C", str(REPO), "worktree", "add", "--detach", "-q",
                        str(before), args.before], check=True)
        try:
            versions = {"before": before, "after": REPO}
            runs: dict[str, list[dict]] = {"before": [], "after": []}
            for k in range(args.rounds):
                order = ["before", "after"] if k % 2 == 0 else ["after", "before"]
                for name in order:
                    runs[name].append(_measure(versions[name], corpus))
        finally:
            subprocess.run(["git", "-C", str(REPO), "worktree", "remove", "--force",
                            str(before)], check=False)
    ms = {name: statistics.median(r["cpu_s"] for r in rs) * 1000 / args.n
          for name, rs in runs.items()}
    print(f"conversion of {args.n} generated transcripts, one process, {args.rounds} rounds "
          f"(median CPU ms per document)")
    for name in ("before", "after"):
        last = runs[name][-1]
        label = args.before if name == "before" else "working tree"
        print(f"  {name:6} ({label}): {ms[name]:7.2f} ms/doc, {last['converted']}/{last['docs']}"
              f" converted, peak {last['peak_kb'] / 1024:.0f} MB")
    print(f"  ratio after/before: {ms['after'] / ms['before']:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
