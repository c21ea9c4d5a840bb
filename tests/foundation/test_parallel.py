"""Parallel work (issue 14, items 8 and 10, and the workers of 11): fork-safe, errors as data,
no worker outliving its parent."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tei_tools import parallel, safexml, saxon
from tei_tools.diagnostics import Diagnostic, Severity, TeiToolsError, error

REPO = Path(__file__).resolve().parents[2]

_XSL = ('<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">'
        '<xsl:template match="/"><n><xsl:value-of select="count(//*)"/></n></xsl:template>'
        "</xsl:stylesheet>")


class Unpicklable(Exception):
    """Like saxonche's PySaxonApiError: an exception the parent cannot unpickle."""

    def __reduce__(self):
        raise TypeError("cannot pickle this exception")


def square(n: int) -> int:
    return n * n


def fail_on_three(n: int) -> int:
    if n == 3:
        raise Unpicklable("worker exploded")
    if n == 5:
        raise error("XML001", path=f"item{n}.xml", reason="bad input five", hint=None)
    return n


def crash_on_two(n: int) -> int:
    if n == 2:
        os._exit(70)  # a native crash: the worker process dies
    return n


def saxon_count(n: int) -> str:
    executable = saxon.compile_stylesheet_text(_XSL, "count.xsl")
    return saxon.transform(executable, safexml.parse_bytes(b"<a>" + b"<b/>" * n + b"</a>"))


def _as_diagnostic(item: int, diag: Diagnostic) -> Diagnostic:
    return diag


def test_results_come_in_input_order():
    assert list(parallel.run_parallel(square, range(50), jobs=2)) == [n * n for n in range(50)]


def test_the_pool_never_forks_a_process_that_may_have_started_saxon():
    assert parallel.start_method() in ("forkserver", "spawn")


def test_saxon_in_the_parent_and_in_workers(tmp_path):
    """The crash of issue 14 item 10: Saxon used in the parent, then workers forked from it."""
    assert saxon_count(3).endswith("<n>4</n>")
    results = list(parallel.run_parallel(saxon_count, range(40), jobs=2))
    assert [r.rsplit("<n>", 1)[1] for r in results] == [f"{n + 1}</n>" for n in range(40)]


@pytest.mark.parametrize("jobs", [1, 2])
def test_worker_errors_come_back_as_data(jobs):
    results = list(parallel.run_parallel(fail_on_three, range(8), jobs=jobs,
                                         on_error=_as_diagnostic))
    assert results[:3] == [0, 1, 2] and results[4] == 4 and results[6:] == [6, 7]
    assert isinstance(results[3], Diagnostic) and results[3].severity == Severity.ERROR
    assert "worker exploded" in results[3].message and results[3].code == "INT001"
    assert results[5].code == "XML001" and results[5].path == "item5.xml"


def test_without_on_error_a_worker_error_is_a_clean_user_error():
    with pytest.raises(TeiToolsError) as caught:
        list(parallel.run_parallel(fail_on_three, range(8), jobs=2))
    assert "worker exploded" in caught.value.diagnostic.message


def test_a_worker_that_dies_fails_only_its_item():
    results = list(parallel.run_parallel(crash_on_two, range(12), jobs=2,
                                         on_error=_as_diagnostic))
    assert [r for i, r in enumerate(results) if i != 2] == [i for i in range(12) if i != 2]
    assert isinstance(results[2], Diagnostic) and results[2].code == "INT002"
    # the pool is usable afterwards
    assert list(parallel.run_parallel(square, range(4), jobs=2)) == [0, 1, 4, 9]


_ORPHANS = textwrap.dedent("""
    import os, sys, time
    from tei_tools.parallel import run_parallel

    def sleepy(n):
        with open(sys.argv[1], "a") as f:
            f.write(f"{os.getpid()}\\n")
        time.sleep(600)
        return n

    if __name__ == "__main__":
        list(run_parallel(sleepy, range(4), jobs=2))
""")


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a zombie is dead, only not yet reaped
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except OSError:
        return True


def test_workers_exit_when_their_parent_is_killed(tmp_path):
    script = tmp_path / "orphans.py"
    script.write_text(_ORPHANS, "utf-8")
    pids = tmp_path / "pids.txt"
    parent = subprocess.Popen([sys.executable, str(script), str(pids)], cwd=REPO)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and (
                not pids.exists() or len(pids.read_text().split()) < 2):
            time.sleep(0.1)
        workers = [int(p) for p in pids.read_text().split()]
        assert len(workers) >= 2
    finally:
        parent.send_signal(signal.SIGKILL)
        parent.wait()
    time.sleep(5)
    assert [pid for pid in workers if _alive(pid)] == []


def _generated_edition(tmp_path: Path, n: int) -> Path:
    edition = tmp_path / "edition"
    subprocess.run([sys.executable, str(REPO / "bench" / "generate_corpus.py"), str(edition),
                    "-n", str(n)], check=True, capture_output=True)
    return edition


@pytest.mark.slow
@pytest.mark.parametrize("jobs", [None, 2])
def test_build_of_60_documents_with_pdfs_in_parallel(tmp_path, jobs):
    """Issue 14 item 10: 200 documents with PDFs crashed after 36 PDFs at the default -j."""
    edition = _generated_edition(tmp_path, 60)
    out = tmp_path / "site"
    command = [sys.executable, "-m", "tei_tools", "build", str(edition), "-o", str(out),
               "-q", "--no-book"] + (["-j", str(jobs)] if jobs else [])
    done = subprocess.run(command, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    assert len(list((out / "pdf").glob("*.pdf"))) == 60
    assert len(list((out / "documents").glob("*.diplomatic.html"))) == 60
