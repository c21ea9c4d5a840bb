"""Safe output: atomic writes, no escaping the output folder, no overwriting hand edits.

Every folder tei-tools writes into keeps a small manifest, ``.tei-tools-manifest.json``, with the
SHA-256 of each file it wrote. A file that still has the recorded hash is ours and may be
replaced; a file whose content changed since (a hand edit) or that tei-tools never wrote is only
overwritten with ``force=True``. Identical content is never rewritten, which keeps timestamps
stable for incremental builds.

Confinement: nothing is written or deleted through a symbolic link inside the output folder
(OUT005), so a link planted there cannot redirect tei-tools to files elsewhere.

Crash safety: before a file is replaced, its new hash is appended to the folder's journal,
``.tei-tools-manifest.journal``. The manifest itself is only rewritten when a
writer finishes; a writer killed before that leaves the journal, and the next
:class:`OutputFolder` on that folder takes every journaled file that has its journaled content
as tei-tools' own. So a kill at any point never makes tei-tools' own files look hand-edited.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .diagnostics import TeiToolsError, error

MANIFEST_NAME = ".tei-tools-manifest.json"
JOURNAL_NAME = ".tei-tools-manifest.journal"
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def file_sha256(path: str | os.PathLike) -> str:
    """The SHA-256 of a file's bytes, read in blocks (hex, like :func:`sha256`)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def safe_name(name: str) -> str:
    """A file name that cannot leave its folder: only ASCII letters, digits, '.', '_' and '-'."""
    cleaned = _UNSAFE.sub("-", name).lstrip(".") or "unnamed"
    return cleaned[:200]


def _file_mode() -> int:
    """The mode a plain ``open(path, "w")`` would give: 0666 less the umask."""
    umask = os.umask(0o022)
    os.umask(umask)
    return 0o666 & ~umask


_FILE_MODE = _file_mode()


def write_atomic(path: str | os.PathLike, data: bytes) -> None:
    """Write data to path through a temporary file in the same folder and an atomic rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            # mkstemp creates 0600 files; a published site must be readable like any other file
            os.fchmod(handle.fileno(), _FILE_MODE)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def inside(root: Path, relpath: str | os.PathLike, what: str = "write") -> Path:
    """Resolve relpath under root; refuse anything that would end up outside it, and any
    symbolic link on the way from root to the target (OUT005: ``what`` tei-tools was about
    to do there). The root itself may be a link: the user chose it."""
    root = Path(root).resolve()
    step = root
    for part in Path(relpath).parts:  # first: a link says more than "outside the folder"
        step = step / part
        if step.is_symlink():
            raise error("OUT005", path=str(step), what=what, root=root)
    target = (root / relpath).resolve()
    if target != root and root not in target.parents:
        raise error("OUT002", relpath=relpath, root=root)
    return target


def remove_file(root: Path, relpath: str | os.PathLike) -> None:
    """Delete one file inside root, never through a symbolic link (OUT005)."""
    target = inside(root, relpath, "delete")
    if target.is_file():
        target.unlink()


def journal(root: Path, relpath: str, digest: str) -> None:
    """Record, before the write, that tei-tools writes ``digest`` to relpath.

    Appends one line in one write call (O_APPEND: parallel workers do not interleave); once
    the call returns, the line survives the death of the process. It is not fsynced: the
    written files are not either (an fsync per file cost 2.5 ms against 0.8 ms, minutes for a
    large edition), so a power loss may lose recent files, and their journal lines, alike."""
    line = (json.dumps([relpath, digest]) + "\n").encode("utf-8")
    Path(root).mkdir(parents=True, exist_ok=True)
    path = inside(root, JOURNAL_NAME)
    fd = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, _FILE_MODE)
    try:
        os.write(fd, line)
    finally:
        os.close(fd)


def _replay_journal(root: Path, hashes: dict[str, str]) -> None:
    """Take the journaled writes that happened (the file has the journaled content) into
    ``hashes``; a write that never took place leaves the manifest's record as it was."""
    try:
        lines = (root / JOURNAL_NAME).read_bytes().splitlines()
    except OSError:
        return
    wanted: dict[str, set[str]] = {}
    for line in lines:
        try:
            relpath, digest = json.loads(line)
        except (ValueError, TypeError):  # the torn last line of a killed writer
            continue
        if isinstance(relpath, str) and isinstance(digest, str):
            wanted.setdefault(relpath, set()).add(digest)
    for relpath, digests in wanted.items():
        try:
            target = inside(root, relpath)
            current = file_sha256(target) if target.is_file() else None
        except (TeiToolsError, OSError):
            continue
        if current in digests:
            hashes[relpath] = current


def write_status(target: Path, digest: str, recorded: str | None,
                 data: bytes | None = None) -> str:
    """Writing content with hash ``digest`` to target: 'new', 'unchanged', 'replace' (the
    manifest's ``recorded`` hash says tei-tools wrote what is there) or 'edited'.
    ``data``, the content itself, lets the common cases go without hashing what is there."""
    if not target.exists():
        return "new"
    on_disk = target.read_bytes()
    if data is not None and (on_disk == data or recorded == digest):
        # equal bytes are unchanged; else, when the manifest records this very content, the
        # file differs from what tei-tools wrote (a hand edit): neither needs the file's hash
        return "unchanged" if on_disk == data else "edited"
    current = sha256(on_disk)
    if current == digest:
        return "unchanged"
    return "replace" if recorded == current else "edited"


def edited_by_hand(target: Path) -> TeiToolsError:
    """The error for a file left untouched because it is not what tei-tools last wrote."""
    return error("OUT001", path=str(target))


@dataclass
class OutputFolder:
    """A folder of generated files with its manifest of what tei-tools wrote there."""

    root: Path
    force: bool = False
    _hashes: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.root = Path(self.root)
        manifest = self.root / MANIFEST_NAME
        if manifest.is_file():
            try:
                self._hashes = dict(json.loads(manifest.read_text("utf-8")))
            except (ValueError, OSError):
                self._hashes = {}
        _replay_journal(self.root, self._hashes)

    def recorded(self, relpath: str) -> str | None:
        """The hash the manifest holds for relpath (None: tei-tools did not write it)."""
        return self._hashes.get(relpath)

    def status(self, relpath: str, data: bytes) -> str:
        """'new', 'unchanged', 'replace' (our own older output) or 'edited' (needs force)."""
        return write_status(inside(self.root, relpath), sha256(data), self.recorded(relpath),
                            data)

    def write(self, relpath: str, data: bytes) -> str:
        """Write one file; returns its status. Raises TeiToolsError for hand-edited files."""
        target = inside(self.root, relpath)
        digest = sha256(data)  # once: for the status and for the manifest
        state = write_status(target, digest, self.recorded(relpath), data)
        if state == "edited" and not self.force:
            raise edited_by_hand(target)
        if state != "unchanged":
            journal(self.root, relpath, digest)
            write_atomic(target, data)
        self._hashes[relpath] = digest
        return state

    def copy(self, relpath: str, source: Path) -> str:
        """Write a copy of the file ``source`` (with its timestamps) as :meth:`write` would
        write its content; ``source`` must not be a link (its target is not ours to publish)."""
        if Path(source).is_symlink():
            raise error("OUT005", path=str(source), root=Path(source).parent,
                        what="publish files")
        state = self.write(relpath, Path(source).read_bytes())
        shutil.copystat(source, inside(self.root, relpath))
        return state

    def recorded_under(self, folders: tuple[str, ...]) -> list[str]:
        """The recorded paths inside these folders ("index/" …), sorted."""
        return sorted(p for p in self._hashes if p.startswith(folders))

    def remove(self, relpath: str) -> bool:
        """Delete a file tei-tools wrote and drop its record; a file edited by hand since
        is kept (False), and no longer recorded: it is the user's now."""
        recorded = self._hashes.pop(relpath, None)
        target = inside(self.root, relpath, "delete")
        if target.is_file() and file_sha256(target) != recorded:
            return False
        remove_file(self.root, relpath)
        return True

    def record(self, relpath: str, digest: str) -> None:
        """Record a file written by another process (parallel workers)."""
        self._hashes[relpath] = digest

    def save(self) -> None:
        data = json.dumps(self._hashes, indent=0, sort_keys=True).encode("utf-8")
        write_atomic(inside(self.root, MANIFEST_NAME), data)
        # the manifest now holds every journaled write: the journal has done its work
        (self.root / JOURNAL_NAME).unlink(missing_ok=True)
