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
import os
import re
from pathlib import Path

from ..diagnostics import Diagnostic, TeiToolsError, error
from ..outputs import JOURNAL_NAME, MANIFEST_NAME, OutputFolder, inside
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


def merge_shards(shard_dirs: list[str | os.PathLike], out_dir: str | os.PathLike, *,
                 force: bool = False) -> tuple[list[str], list[Diagnostic]]:
    """Copy the outputs of several shard builds into ``out_dir``; returns the merged doc keys
    and the problems met (files refused, state entries ignored).

    Every file goes through :meth:`OutputFolder.copy`, the way a build writes: nothing through
    a link in ``out_dir``, no hand-edited file replaced without ``force``, each recorded in its
    folder's manifest. A link inside a shard is refused (OUT005), never followed: its target is
    not the shard's output. A document claimed by two shards is an error: the shards disagree
    on N.
    """
    out = Path(out_dir)
    merged = BuildState.load(out)
    problems = list(merged.problems)
    owner: dict[str, Path] = {}
    folders: dict[Path, OutputFolder | None] = {}
    for shard_dir in map(Path, shard_dirs):
        if not (shard_dir / STATE_NAME).is_file():
            raise error("BLD011", path=str(shard_dir))
        state = BuildState.load(shard_dir)
        problems += state.problems
        for key, doc in state.docs.items():
            if key in owner:
                raise error("BLD012", path=str(shard_dir), document=key, first=owner[key],
                            second=shard_dir)
            owner[key] = shard_dir
            merged.docs[key] = doc
        for rel, problem in _shard_files(shard_dir):
            if problem:
                problems.append(problem)
                continue
            home = _manifest_folder(shard_dir, rel)
            try:
                if home not in folders:
                    folders[home] = None  # refused, unless the next line passes
                    inside(out, home)  # out/tei a link: no folder of the merge may be one
                    folders[home] = OutputFolder(out / home, force=force)
                if folder := folders[home]:
                    folder.copy(rel.relative_to(home).as_posix(), shard_dir / rel)
            except TeiToolsError as exc:  # a hand edit, or a link in out_dir (said once)
                problems.append(exc.diagnostic)
    for folder in folders.values():
        if folder:
            folder.save()
    merged.touched = True
    merged.save(out)
    return sorted(owner), problems


_OWN_FILES = {STATE_NAME, MANIFEST_NAME, JOURNAL_NAME}


def _shard_files(shard_dir: Path) -> list[tuple[Path, Diagnostic | None]]:
    """The files a shard published, relative to it, sorted; a link is reported, not listed."""
    found = []
    for folder, dirs, files in os.walk(shard_dir):  # os.walk does not follow links to folders
        base = Path(folder)
        for name in sorted(dirs + files):
            path = base / name
            if path.is_symlink():
                found.append((path.relative_to(shard_dir), error(
                    "OUT005", path=str(path), root=shard_dir, what="publish files").diagnostic))
            elif name in files and name not in _OWN_FILES:
                found.append((path.relative_to(shard_dir), None))
        dirs[:] = [d for d in dirs if not (base / d).is_symlink()]
    return sorted(found, key=lambda item: item[0].as_posix())


def _manifest_folder(shard_dir: Path, rel: Path) -> Path:
    """The folder (relative to the shard) whose manifest records ``rel``: its nearest
    ancestor with one, else the shard's root."""
    for folder in rel.parents:
        if (shard_dir / folder / MANIFEST_NAME).is_file():
            return folder
    return Path(".")
