"""Recording stand-ins for the converter, validator and writers, for testing the build logic.

They write real files (so the build state sees real hashes and timestamps) and remember which
documents each call received, so tests assert on *what* was rebuilt, never on time.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from types import SimpleNamespace

from tei_tools.diagnostics import Diagnostic, Severity, TeiToolsError
from tei_tools.outputs import OutputFolder
from tei_tools.pipeline.stages import Stages

EDITION_TOML = 'title = "Test edition"\n'


def make_edition(root: Path, count: int) -> Path:
    (root / "transcripts").mkdir(parents=True)
    (root / "edition.toml").write_text(EDITION_TOML, "utf-8")
    for i in range(count):
        (root / "transcripts" / f"doc-{i:02d}.txt").write_text(f"Document {i}\n", "utf-8")
    return root


class Recorder:
    """Fake stages: ``calls[stage]`` lists, per call, the document stems it was given."""

    def __init__(self) -> None:
        self.calls: dict[str, list[list[str]]] = {s: [] for s in
                                                  ("convert", "validate", "site", "pdf", "book")}

    def stages(self) -> Stages:
        return Stages(convert=self.convert, validate=self.validate, site=self.site, pdf=self.pdf,
                      book=self.book)

    def convert(self, files, tei_out, settings, force, jobs, progress):
        self.calls["convert"].append(sorted(Path(f).stem for f in files))
        folder = OutputFolder(tei_out, force=force)  # the real converter's rules for writing
        outputs, failed, problems = {}, [], []
        for done, path in enumerate(files, 1):
            text = Path(path).read_text("utf-8")
            name = f"{Path(path).stem}.xml"
            try:
                folder.write(name, f"<TEI><p>{text.strip()}</p></TEI>\n".encode())
                outputs[Path(path)] = tei_out / name
            except TeiToolsError as exc:
                failed.append(Path(path))
                problems.append(exc.diagnostic)
            progress(done)
        folder.save()
        return SimpleNamespace(outputs=outputs, failed=failed, diagnostics=problems,
                               ok=not failed)

    def validate(self, files, jobs, progress):
        self.calls["validate"].append(sorted(Path(f).stem for f in files))
        return [Diagnostic(Severity.ERROR, "TT-RNG", "invalid", str(f), 1)
                for f in files if "BAD" in Path(f).read_text("utf-8")]

    def site(self, files, out_dir, edition, changed, force, jobs, progress):
        pages = files if changed is None else changed
        self.calls["site"].append(sorted(Path(f).stem for f in pages))
        for path in pages:
            (out_dir / f"{Path(path).stem}.html").write_text(Path(path).read_text("utf-8"))
        listing = "".join(f"{Path(f).stem} {_sha(f)}\n" for f in sorted(files))
        (out_dir / "index.html").write_text(f"{edition.title}\n{listing}", "utf-8")
        return []

    def pdf(self, files, pdf_dir, edition, force, jobs, progress):
        self.calls["pdf"].append(sorted(Path(f).stem for f in files))
        folder = OutputFolder(pdf_dir, force=force)  # a manifest, as the real writers keep
        problems = []
        for path in files:
            try:  # a hand-edited PDF is reported and kept, as render_pdf does
                folder.write(f"{Path(path).stem}.pdf", Path(path).read_bytes())
            except TeiToolsError as exc:
                problems.append(exc.diagnostic)
        folder.save()
        return problems + [Diagnostic(Severity.ERROR, "PDF001", "cannot print", str(f))
                           for f in files if "NOPDF" in Path(f).read_text("utf-8")]

    def book(self, edition, files, target, force):
        self.calls["book"].append(sorted(Path(f).stem for f in files))
        target.write_bytes(b"".join(Path(f).read_bytes() for f in files))
        return []


def _sha(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]
