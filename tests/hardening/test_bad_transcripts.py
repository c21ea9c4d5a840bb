"""Bad transcript input: a faithful conversion with a warning, or a clear one-line error.

Never a traceback, never a hang, never silently dropped text (issue 8, conventions.md §6.1).
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from lxml import etree

from tei_tools.diagnostics import Severity
from tei_tools.readers.transcript import read_transcript

BODY = ("Skip to content\n\nMay 23, 1957\n\nA test document\n\n"
        "I visited the Minister at his request and we discussed the plan.\n\n"
        "He said that [they] would come.\n")


def convert(data: bytes, name: str = "bad.txt"):
    started = time.perf_counter()
    result = read_transcript(data, name)
    elapsed = time.perf_counter() - started
    assert all(d.code != "TX199" for d in result.diagnostics), \
        [d.format() for d in result.diagnostics if d.code == "TX199"]
    for diag in result.diagnostics:
        text = diag.format()
        assert "Traceback" not in text
        assert diag.path == name
    return result, elapsed


def body_text(tei: bytes) -> str:
    root = etree.fromstring(tei)
    body = root.find(".//{http://www.tei-c.org/ns/1.0}body")
    return " ".join("".join(body.itertext()).split())


def assert_converted_with(result, code_prefix: str = "TX"):
    assert result.tei is not None, [d.format() for d in result.diagnostics]
    etree.fromstring(result.tei)  # well-formed


def test_utf8_with_bom_is_accepted_and_reported():
    result, _ = convert(b"\xef\xbb\xbf" + BODY.encode())
    assert_converted_with(result)
    assert any(d.code == "TX102" for d in result.diagnostics)
    assert "\ufeff" not in result.tei.decode("utf-8")


@pytest.mark.parametrize("newline", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_crlf_and_cr_line_ends(newline):
    lf, _ = convert(BODY.encode())
    other, _ = convert(BODY.replace("\n", newline).encode())
    assert other.tei == lf.tei
    assert any(d.code == "TX102" for d in other.diagnostics)


def test_latin1_bytes_are_an_error_with_position():
    data = BODY.replace("request", "requ\u00e9st").encode("latin-1")
    result, _ = convert(data)
    assert result.tei is None
    errors = [d for d in result.diagnostics if d.severity == Severity.ERROR]
    assert errors and errors[0].code == "TX101"
    line_no = BODY.split("\n").index(next(x for x in BODY.split("\n") if "request" in x)) + 1
    assert errors[0].line == line_no and errors[0].col is not None
    assert errors[0].hint


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_are_named_in_the_error(codec):
    data = BODY.encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    result, _ = convert(data)
    assert result.tei is None
    [diag] = [d for d in result.diagnostics if d.severity == Severity.ERROR]
    assert diag.code == "TX101"
    assert codec[:6].upper() in diag.message and "UTF-8" in diag.hint


def test_binary_file_is_refused():
    data = bytes(range(256)) * 40
    result, elapsed = convert(data)
    assert result.tei is None
    assert any(d.severity == Severity.ERROR for d in result.diagnostics)
    assert elapsed < 10


@pytest.mark.parametrize("data", [b"", "   \n\t\n\u00a0\n".encode()],
                         ids=["empty", "whitespace-only"])
def test_empty_input_is_an_error(data):
    result, _ = convert(data)
    assert result.tei is None
    assert [d.code for d in result.diagnostics if d.severity == Severity.ERROR] == ["TX103"]


def test_nbsp_only_lines_are_blank():
    result, _ = convert(BODY.replace("\n\n", "\n\u00a0\n").encode())
    assert_converted_with(result)
    assert "\u00a0" not in result.tei.decode("utf-8")


def test_control_characters_and_nul_bytes_do_not_crash():
    data = BODY.replace("discussed", "dis\x00cus\x07sed\x1b").encode()
    result, _ = convert(data)
    assert_converted_with(result)
    assert any(d.severity >= Severity.WARNING for d in result.diagnostics)
    assert "discussed" in body_text(result.tei).replace("\ufffd", "")


def test_ten_thousand_nested_brackets():
    data = (BODY + "Deep " + "[" * 10_000 + "x" + "]" * 10_000 + " end.\n").encode()
    result, elapsed = convert(data)
    assert_converted_with(result)
    assert any(d.code == "TX305" for d in result.diagnostics)
    assert elapsed < 60


def test_very_long_line():
    paragraph = "The delegation discussed the plan at length. " * 2_000  # ~90 kB, one line
    result, elapsed = convert((BODY + paragraph + "\n").encode())
    assert_converted_with(result)
    assert elapsed < 60


def test_fifty_megabyte_transcript_is_refused_in_bounded_memory(tmp_path):
    """Over the size limit: a clear error at once, measured in a child process."""
    line = ("In return I said that a visit was very desirable [?] and that [they] "
            "would come at the end of May. " * 8) + "\n\n"
    path = tmp_path / "huge.txt"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(BODY)
        for _ in range(50_000_000 // len(line) + 1):
            handle.write(line)
    script = (
        "from tei_tools.readers.transcript import read_transcript\n"
        f"r = read_transcript(open({str(path)!r}, 'rb').read(), 'huge.txt')\n"
        # VmHWM belongs to this program image (ru_maxrss would include the forking pytest)
        "hwm = next(l for l in open('/proc/self/status') if l.startswith('VmHWM'))\n"
        "peak = int(hwm.split()[1]) // 1024\n"
        "print(r.tei is None, ','.join(d.code for d in r.diagnostics), peak)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    refused, codes, peak_mb = done.stdout.split()
    assert refused == "True" and codes == "TX105"
    assert int(peak_mb) < 400, f"peak memory {peak_mb} MB"


def test_size_limit_is_configurable():
    from tei_tools.readers.transcript.context import ReaderSettings

    data = (BODY + "More text. " * 20_000 + "\n").encode()
    small = read_transcript(data, "big.txt", settings=ReaderSettings(max_bytes=100_000))
    assert small.tei is None
    [diag] = small.diagnostics
    assert diag.code == "TX105" and "--max-size" in diag.hint
    assert read_transcript(data, "big.txt").tei is not None
