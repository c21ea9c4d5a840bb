"""Which file of the site folder a URL names, and a cheap stamp of a file's version.

Only files inside the site folder are served: no ``..``, no hidden files (the build's own
state and manifests), and no symbolic link that leads out of the folder (the resolved path
must still be inside it).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, unquote, urlsplit

MISSING = "missing"


@dataclass(frozen=True)
class Found:
    """The outcome of :func:`resolve`: a file to send, a folder URL that needs its slash
    (``redirect``), or nothing (both None)."""

    file: Path | None = None
    redirect: str | None = None


def resolve(root: Path, url: str) -> Found:
    """The file under ``root`` (already resolved) that ``url`` (a request target) names."""
    parts = urlsplit(url)
    path = unquote(parts.path)
    if not path.startswith("/") or "\x00" in path or "\\" in path:
        return Found()
    segments = [s for s in path.split("/") if s]
    if any(s.startswith(".") for s in segments):  # "..", "." and hidden files alike
        return Found()
    target = root.joinpath(*segments)
    if target.is_dir():
        if not path.endswith("/"):  # relative links in index.html need the slash
            query = f"?{parts.query}" if parts.query else ""
            # rebuilt from the segments: "//host" must not become a redirect to another site
            return Found(redirect="/" + "".join(quote(s) + "/" for s in segments) + query)
        target = target / "index.html"
    try:
        real = target.resolve(strict=True)
    except (OSError, RuntimeError):  # missing, or a symlink loop
        return Found()
    if not real.is_relative_to(root) or not real.is_file():
        return Found()
    return Found(file=real)


def stamp(path: Path | None) -> str:
    """A version of the file: changes whenever the build rewrites it (outputs are written
    only when their content changes, so an unchanged page keeps its stamp)."""
    if path is None:
        return MISSING
    try:
        st = path.stat()
    except OSError:
        return MISSING
    return f"{st.st_mtime_ns:x}-{st.st_size:x}"


def folder_stamp(folder: Path) -> str:
    """One stamp for every file under ``folder`` (the site's CSS and scripts)."""
    digest = hashlib.sha256()
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames.sort()
        for name in sorted(filenames):
            path = Path(dirpath, name)
            digest.update(f"{path.relative_to(folder)}\0{stamp(path)}\n".encode())
    return digest.hexdigest()[:16]
