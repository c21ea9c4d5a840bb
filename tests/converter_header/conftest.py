"""Fixtures for the reader's source, wrapper, header, assembly and text-view tests.

These stages are tested on their own; the body builder is stood in for by the reference
``div`` of the seed or by an empty document div where a test needs a whole TEI file.
"""

from __future__ import annotations

import importlib
import sys
import types
from pathlib import Path

import pytest

TX = "tei_tools.readers.transcript"


def _ensure_body_importable() -> None:
    # While the body package is being written it may not import yet; the stages tested here
    # do not need it, but the package __init__ imports it. Stand in with an empty module then.
    try:
        importlib.import_module(TX)
    except ImportError:
        for name in list(sys.modules):
            if name.startswith(TX):
                del sys.modules[name]
        stub = types.ModuleType(f"{TX}.body")
        package = Path(__file__).resolve().parents[2] / "tei_tools/readers/transcript/body"
        stub.__path__ = [str(package)]
        stub.build_body = None  # type: ignore[attr-defined]
        sys.modules[f"{TX}.body"] = stub


_ensure_body_importable()


@pytest.fixture
def ctx():
    from tei_tools.readers.transcript.context import Context
    return Context("doc", path="doc.txt")


@pytest.fixture
def corpus_bytes(data_dir: Path):
    """``corpus_bytes(name)``: the bytes of the seed or of a synthetic corpus file."""
    def read(name: str) -> bytes:
        path = data_dir / name if (data_dir / name).is_file() else data_dir / "corpus" / name
        return path.read_bytes()
    return read
