"""Conversion time of hostile transcripts as they grow (issue 14 item 5).

    python bench/hostile_transcripts.py                 # sizes 5k 10k 20k 40k
    python bench/hostile_transcripts.py --sizes 1000 2000

Each shape is converted at each size (the number of repetitions of its unit) and the script
prints the CPU seconds of the conversion (the machine may be shared: CPU time varies less than
wall time) and, per doubling, the growth ratio: about 2 for linear cost, about 4 for
quadratic. Shapes: brackets nested n deep (``[a [a … ]]]``), ``[x [y ] `` repeated on one line,
``[a] `` repeated on one line, and n lines each holding one unclosed ``[`` or one stray ``]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tei_tools.readers.transcript.convert import read_transcript  # noqa: E402

HEAD = "MEMORANDUM\n\n"
SHAPES: dict[str, Callable[[int], str]] = {
    "nested [a [a …]]]": lambda n: "Text " + "[a " * n + "]" * n + " end.\n",
    "[x [y ] repeated": lambda n: "Text " + "[x [y ] " * n + "end.\n",
    "[a] repeated": lambda n: "Text " + "[a] " * n + "end.\n",
    "one unclosed [ per line": lambda n: "".join(f"Line {k} [open\n\n" for k in range(n)),
    "one stray ] per line": lambda n: "".join(f"Line {k} close]\n\n" for k in range(n)),
}


def seconds(text: str) -> float:
    start = time.process_time()
    result = read_transcript(HEAD + text, "hostile.txt")
    elapsed = time.process_time() - start
    if not result.ok:
        raise SystemExit(f"conversion failed: {[d.code for d in result.diagnostics][:5]}")
    return elapsed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 10000, 20000, 40000])
    args = parser.parse_args(argv)
    sizes = sorted(args.sizes)
    print(f"{'shape':28}" + "".join(f"{n:>10}" for n in sizes) + "   growth per doubling")
    for name, make in SHAPES.items():
        times = [seconds(make(n)) for n in sizes]
        ratios = [b / a if a else float("inf") for a, b in zip(times, times[1:], strict=False)]
        print(f"{name:28}" + "".join(f"{t:9.2f}s" for t in times) + "   "
              + " ".join(f"{r:.1f}" for r in ratios))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
