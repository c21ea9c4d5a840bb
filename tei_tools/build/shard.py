"""Split an edition across machines (``--shard K/N``) and put the parts back together.

A shard converts, validates and prints (one PDF per document) only its own documents. The
web edition and the book need the whole collection (index, chronology, search, prev/next
links), so they are made by the merge step, which copies the shards' outputs into one folder
and runs an ordinary incremental build there: the documents the shards already did are
recognised from their build states and not redone.

Documents are assigned by a hash of their path in the edition, so a document stays in the same
shard when others are added or removed, and shards are balanced without knowing sizes.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
from pathlib import Path

from ..diagnostics import error
from ..outputs import MANIFEST_NAME, write_atomic
from .state import STATE_NAME, BuildState

_SHARD = re.compile(r"^\s*(\d+)\s*/\s*(\d+)\s*$")


def parse_shard(text: str) -> tuple[int, int]:
    """``"2/4"`` → (2, 4): the second of four shards (numbered from 1, as CI matrices are)."""
    match = _SHARD.match(text)
    if not match or not 1 <= int(match[1]) <= int(match[2]):
        raise error("BLD010", shard=text)
    return int(match[1]), int(match[2])


def shard_of(key: str, count: int) -> int:
    """The shard (1…count) that builds the document with state key ``key``."""
    digest = hashlib.sha1(key.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big") % count + 1


def in_shard(key: str, shard: tuple[int, int] | None) -> bool:
    return shard is None or shard_of(key, shard[1]) == shard[0]


def merge_shards(shard_dirs: list[str | os.PathLike], out_dir: str | os.PathLike) -> list[str]:
    """Copy the outputs of several shard builds into ``out_dir``; returns the merged doc keys.

    Files are copied with their timestamps (so the build state still recognises them);
    the output manifests of each folder and the build states are united rather than
    overwritten. A document claimed by two shards is an error: the shards disagree on N.
    """
    out = Path(out_dir)
    merged = BuildState.load(out)
    owner: dict[str, Path] = {}
    manifests: dict[Path, dict] = {}
    for shard_dir in map(Path, shard_dirs):
        if not (shard_dir / STATE_NAME).is_file():
            raise error("BLD011", path=str(shard_dir))
        state = BuildState.load(shard_dir)
        for key, doc in state.docs.items():
            if key in owner:
                raise error("BLD012", path=str(shard_dir), document=key, first=owner[key],
                            second=shard_dir)
            owner[key] = shard_dir
            merged.docs[key] = doc
        for source in sorted(shard_dir.rglob("*")):
            rel = source.relative_to(shard_dir)
            if not source.is_file() or rel.name == STATE_NAME:
                continue
            if rel.name == MANIFEST_NAME:
                manifests.setdefault(rel, {}).update(_read_manifest(source))
                continue
            target = out / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target)
    for rel, hashes in manifests.items():
        target = out / rel
        hashes = {**_read_manifest(target), **hashes}
        write_atomic(target, json.dumps(hashes, indent=0, sort_keys=True).encode("utf-8"))
    merged.save(out)
    return sorted(owner)


def _read_manifest(path: Path) -> dict:
    try:
        return dict(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError):
        return {}
