"""Build a whole edition: transcripts → TEI → validation → web edition → print edition.

Data flows one way. A document that fails validation stops the build before anything is
published (the validation report says why). Builds are incremental (see :mod:`.state`): each
stage only processes the documents whose input or whose stage fingerprint changed, and the
collection-level outputs (site index/search, the book) are redone only when some document or
the set of documents changed. ``shard=(k, n)`` builds one part of the edition (:mod:`.shard`).

The package: :mod:`.run` (``build_edition``, ``merge``: the order of the steps), :mod:`.steps`
(what each step redoes, over one :class:`~.steps.Run`), :mod:`.stages` (the converter and
writers a step calls), :mod:`.state` and :mod:`.depends` (the build record and the stage
fingerprints), :mod:`.sources`, :mod:`.report`, :mod:`.shard`.
"""

from __future__ import annotations

from .report import STAGES, BuildReport, StageProgress
from .run import build_edition, merge
from .sources import reader_settings
from .stages import Stages

__all__ = ["STAGES", "BuildReport", "StageProgress", "Stages", "build_edition", "merge",
           "reader_settings"]
