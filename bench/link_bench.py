"""Linking at scale: time and peak memory of `link` against conversion of the same documents.

    python bench/link_bench.py /tmp/ed -n 16000 [--jobs 2]

Makes the edition with generate_corpus.py when OUT has none, converts every transcript (timed:
the baseline, measured in the same run), builds a register of every name the converter tagged
(persons, places, organisations; what an editor's register would hold), and links the converted
TEI to it into another folder (timed). Prints both, the ratio, and the peak memory of the
process tree. Issue 16 asks that linking add at most 15 % to a build; conversion is the part of
the build linking runs after, so link/convert is the figure to watch.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from measure import measured  # noqa: E402

from tei_tools import safexml  # noqa: E402
from tei_tools.registers.csv_import import make_id  # noqa: E402
from tei_tools.registers.index import NameIndex  # noqa: E402
from tei_tools.registers.model import KIND_OF_NAME, Entry, Name, Register  # noqa: E402
from tei_tools.registers.names import key  # noqa: E402
from tei_tools.registers.write import register_document  # noqa: E402

T = f"{{{safexml.TEI_NS}}}"


def names_register(tei_dir: Path) -> Register:
    """One entry per distinct tagged name (by kind and key), like an editor's register."""
    seen: dict[tuple[str, str], Entry] = {}
    taken: set[str] = set()
    for path in sorted(tei_dir.glob("*.xml")):
        root = safexml.parse_file(path).getroot()
        for element in root.iter(T + "persName", T + "placeName", T + "orgName"):
            kind = KIND_OF_NAME[etree_local(element)]
            text = " ".join("".join(element.itertext()).split())
            form = key(text)
            if len(form) < 3 or (kind, form) in seen:
                continue
            entry_id = make_id(kind, text, taken)
            seen[(kind, form)] = Entry(kind, entry_id, f"{kind}s.xml", [Name(text, "preferred")])
    return Register.of(seen.values())


def etree_local(element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("-n", type=int, default=16000)
    parser.add_argument("--jobs", type=int, default=None)
    args = parser.parse_args(argv)
    from tei_tools.conversion import convert
    from tei_tools.registers.files import link_files

    out = Path(args.out_dir)
    if not (out / "transcripts").is_dir():
        import generate_corpus

        generate_corpus.main([str(out), "-n", str(args.n)])
    transcripts = sorted((out / "transcripts").glob("*.txt"))
    tei, linked = out / "bench-tei", out / "bench-linked"
    with measured() as conversion:
        report = convert([out / "transcripts"], tei, force=True, jobs=args.jobs)
    print(f"convert: {len(transcripts)} transcripts in {conversion.seconds:.1f} s "
          f"({conversion.rate(len(transcripts)):.0f} docs/s), peak {conversion.peak_mb:.0f} MB"
          f" ({len(report.failed)} failed)")
    with measured() as building:
        register = names_register(tei)
        NameIndex(register)
    kinds = {k: len(register.of_kind(k)) for k in ("person", "place", "org")}
    print(f"register: {len(register)} entries ({kinds}) made in {building.seconds:.1f} s")
    registers = out / "registers"
    registers.mkdir(exist_ok=True)
    for kind in kinds:
        data = register_document(register.of_kind(kind), f"Bench register: {kind}s")
        (registers / f"{kind}s.xml").write_bytes(data)
    with measured() as linking:
        result = link_files([tei], register, output=linked, force=True, jobs=args.jobs)
    print(f"link: {result.documents} documents in {linking.seconds:.1f} s "
          f"({linking.rate(result.documents):.0f} docs/s), peak {linking.peak_mb:.0f} MB "
          f"(parent {linking.peak_parent_mb:.0f} MB); {result.linked} names linked, "
          f"{result.tagged} tagged in the text, {len(result.unknown)} unknown, "
          f"{len(result.ambiguous)} ambiguous")
    ratio = linking.seconds / conversion.seconds if conversion.seconds else float("inf")
    print(f"link / convert: {ratio:.2f} (time), {linking.cpu_seconds:.1f} / "
          f"{conversion.cpu_seconds:.1f} CPU s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
