"""The key acceptance test: the seed converts to exactly the reference TEI
(reference/README.md "How to compare": canon.py normal form, no allowed differences)."""

from __future__ import annotations

import sys
from pathlib import Path

from tei_tools.readers.transcript import read_transcript

sys.path.insert(0, str(Path(__file__).resolve().parent / "support"))
import canon  # noqa: E402


def test_seed_equals_the_reference(seed_transcript, seed_reference, tmp_path):
    result = read_transcript(seed_transcript.read_bytes(), "puzanov-1957-05-23.txt")
    assert result.tei is not None, [d.format() for d in result.diagnostics]
    out = tmp_path / "puzanov-1957-05-23.xml"
    out.write_bytes(result.tei)
    assert canon.normalise(str(out)) == canon.normalise(str(seed_reference))


def test_seed_output_is_byte_identical_to_the_reference(seed_transcript, seed_reference):
    result = read_transcript(seed_transcript.read_bytes(), "puzanov-1957-05-23.txt")
    assert result.tei == seed_reference.read_bytes()


def test_seed_conversion_is_deterministic(seed_transcript):
    data = seed_transcript.read_bytes()
    assert len({read_transcript(data, "puzanov-1957-05-23.txt").tei for _ in range(3)}) == 1


def test_seed_is_valid_tei_all(seed_transcript, tei_all_schema):
    from tei_tools.safexml import parse_bytes
    result = read_transcript(seed_transcript.read_bytes(), "puzanov-1957-05-23.txt")
    assert tei_all_schema.validate(parse_bytes(result.tei)), tei_all_schema.error_log


def test_reference_round_trip_script_passes(seed_transcript, tmp_path):
    """reference/check_roundtrip.py (copied to tests/support) on the converter's own output."""
    import subprocess
    result = read_transcript(seed_transcript.read_bytes(), "puzanov-1957-05-23.txt")
    out = tmp_path / "out.xml"
    out.write_bytes(result.tei)
    script = Path(__file__).resolve().parent / "support" / "check_roundtrip.py"
    done = subprocess.run([sys.executable, str(script), str(out), str(seed_transcript)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and "RESULT: PASS" in done.stdout, done.stdout[-3000:]
