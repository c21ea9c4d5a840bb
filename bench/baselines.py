"""The yardsticks the stages are compared with, run on the same files and the same cores.

* conversion vs lxml parsing + serialising the TEI the conversion produced;
* validation vs Jing (one JVM per core, each given a share of the files);
* HTML vs the bare saxonche transform of each TEI file with the web edition's stylesheet.
"""

from __future__ import annotations

import shutil
import subprocess
from functools import cache
from pathlib import Path

from lxml import etree

from tei_tools.parallel import run_parallel


def _parse_serialise(path: str) -> int:
    tree = etree.parse(path, etree.XMLParser(resolve_entities=False, no_network=True))
    return len(etree.tostring(tree, encoding="utf-8"))


def lxml_roundtrip(files: list[Path], jobs: int) -> None:
    for _ in run_parallel(_parse_serialise, [str(f) for f in files], jobs=jobs):
        pass


def jing_available() -> bool:
    return shutil.which("jing") is not None


def jing(schema: Path, files: list[Path], jobs: int) -> bool:
    """Validate ``files`` with Jing, ``jobs`` JVMs in parallel; returns whether all were valid."""
    chunks = [files[i::jobs] for i in range(jobs) if files[i::jobs]]
    # stdout to DEVNULL, not a pipe nobody reads: a full pipe (many errors) blocks Jing for ever
    procs = [subprocess.Popen(["jing", str(schema), *map(str, chunk)], stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for chunk in chunks]
    return all(p.wait() == 0 for p in procs)


@cache
def _executable(stylesheet: str):
    from tei_tools import saxon

    return saxon.compile_stylesheet(stylesheet)


def _transform(job: tuple[str, str]) -> int:
    path, stylesheet = job
    from tei_tools import saxon

    executable = _executable(stylesheet)
    node = saxon.processor().parse_xml(xml_file_name=path)
    return len(executable.transform_to_string(xdm_node=node) or "")


def saxon_bare(stylesheet: Path, files: list[Path], jobs: int) -> None:
    for _ in run_parallel(_transform, [(str(f), str(stylesheet)) for f in files], jobs=jobs):
        pass
