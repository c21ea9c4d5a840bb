"""Gold checks of the real-page corpus (tests/data/gold/*.toml, copied from ../shared/corpus/gold).

Each gold file names a transcript of tests/data/corpus and lists ``[[assert]]`` tables: an XPath 1.0
expression (prefixes ``tei``, ``re`` = EXSLT regular expressions) and one check (``count``, ``min``,
``max``, ``texts``, ``starts``, ``contains``, ``equals``), with the conventions rule it rests on
(``basis``). This module runs them on the reader's output; ``python -m tests.support.gold`` prints
the tally and, with ``--write-known``, rewrites ``known-failing.txt`` (the ratchet the test holds).
"""

from __future__ import annotations

import re
import sys
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

DATA = Path(__file__).resolve().parent.parent / "data"
GOLD = DATA / "gold"
KNOWN_FAILING = GOLD / "known-failing.txt"
NS = {"tei": "http://www.tei-c.org/ns/1.0", "re": "http://exslt.org/regular-expressions",
      "xml": "http://www.w3.org/XML/1998/namespace"}


@dataclass(frozen=True)
class GoldCheck:
    gold: str  # the toml file's name
    index: int  # position of the [[assert]] table in that file, from 1
    basis: str
    what: str
    table: dict = field(hash=False, compare=False)

    @property
    def key(self) -> str:
        """Stable name of the check: file, position and basis (what known-failing.txt lists)."""
        return f"{self.gold}#{self.index} [{self.basis}]"


def gold_files() -> list[Path]:
    return sorted(GOLD.glob("*.toml"))


def load(gold: Path) -> tuple[str, list[GoldCheck]]:
    """The transcript a gold file is about, and its checks."""
    data = tomllib.loads(gold.read_text(encoding="utf-8"))
    checks = [GoldCheck(gold.name, i, str(a.get("basis", "")), a.get("what", ""), a)
              for i, a in enumerate(data.get("assert", []), start=1)]
    return data["file"], checks


def _text(value: object) -> str:
    if isinstance(value, etree._Element):
        value = "".join(value.itertext())
    return re.sub(r"\s+", " ", str(value)).strip()


def failure(doc: etree._ElementTree, check: GoldCheck) -> str | None:
    """Why ``check`` fails on ``doc``, or None when it holds."""
    a = check.table
    try:
        result = doc.xpath(a["xpath"], namespaces=NS)
    except etree.XPathError as exc:
        return f"XPath error: {exc}"
    if isinstance(result, list):
        values = [_text(v) for v in result]
        n = len(values)
        if "count" in a and n != a["count"]:
            return f"count {n} != {a['count']}"
        if "min" in a and n < a["min"]:
            return f"count {n} < {a['min']}"
        if "max" in a and n > a["max"]:
            return f"count {n} > {a['max']}"
        if "texts" in a and values != a["texts"]:
            return f"texts {values[:6]} != {a['texts']}"
        if "starts" in a:
            starts = a["starts"] if isinstance(a["starts"], list) else [a["starts"]]
            if len(values) < len(starts) or any(not v.startswith(s) for v, s in zip(values, starts)):
                return f"starts {[v[:40] for v in values[:6]]} do not begin with {starts}"
        if "contains" in a and not any(a["contains"] in v for v in values):
            return f"no node contains {a['contains']!r}"
        return None
    value = result if isinstance(result, (bool, float)) else _text(result)
    if "equals" in a:
        expected = a["equals"]
        if isinstance(value, float) and isinstance(expected, (int, float)):
            if value != float(expected):
                return f"{value} != {expected}"
        elif str(value) != str(expected):
            return f"{value!r} != {expected!r}"
    if "starts" in a and not str(value).startswith(a["starts"]):
        return f"{str(value)[:60]!r} does not start with {a['starts']!r}"
    if "contains" in a and a["contains"] not in str(value):
        return f"{str(value)[:60]!r} lacks {a['contains']!r}"
    if a.get("true") is True and not value:
        return "false"
    return None


def run_all() -> dict[GoldCheck, str | None]:
    """Convert every gold transcript and run its checks: check → failure (None = passes)."""
    from tei_tools.readers.transcript import read_transcript

    results: dict[GoldCheck, str | None] = {}
    for gold in gold_files():
        transcript, checks = load(gold)
        source = DATA / "corpus" / transcript
        converted = read_transcript(source.read_bytes(), source.name, path=str(source))
        if converted.tei is None:
            for check in checks:
                results[check] = "no TEI: " + "; ".join(d.code for d in converted.diagnostics)
            continue
        doc = etree.ElementTree(etree.fromstring(converted.tei))
        for check in checks:
            results[check] = failure(doc, check)
    return results


def known_failing() -> set[str]:
    if not KNOWN_FAILING.exists():
        return set()
    return {line.strip() for line in KNOWN_FAILING.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#")}


def main(argv: list[str]) -> int:
    results = run_all()
    failing = sorted((c for c, why in results.items() if why), key=lambda c: (c.gold, c.index))
    by_basis: dict[str, list[int]] = {}
    for check, why in results.items():
        tally = by_basis.setdefault(check.basis if check.basis.startswith("P") else "§1-6", [0, 0])
        tally[0] += why is None
        tally[1] += 1
    if "-v" in argv:
        for check in failing:
            print(f"FAIL {check.key} {check.what}: {results[check]}")
    for basis in sorted(by_basis, key=lambda b: (len(b), b)):
        print(f"{basis:6} {by_basis[basis][0]:3}/{by_basis[basis][1]}")
    print(f"TOTAL {len(results) - len(failing)}/{len(results)} gold checks pass")
    if "--write-known" in argv:
        KNOWN_FAILING.write_text(
            "# Gold checks the reader does not meet yet (tests/support/gold.py --write-known).\n"
            "# The test fails when one of these starts to pass (remove it) or another one fails.\n"
            + "".join(f"{c.key}\n" for c in failing), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
