"""What the site says of itself when there is no edition.toml (issue 15): TEI made elsewhere
gets a title from its own headers and only the pages it needs.

- The title: the title of a teiCorpus among the files; else the seriesStmt title that at
  least half the documents share; else the name of the folder that holds all the files.
- The conventions page (it explains the house encoding's brackets and marks): only when some
  document uses the house encoding (DocSummary.house).
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from .summary import DocSummary

FALLBACK_TITLE = "TEI edition"


def default_title(summaries: Sequence[DocSummary], corpora: Sequence[str],
                  files: Sequence[Path]) -> str:
    """The site's title for files without an edition.toml (see the module's rules)."""
    if corpora:
        return corpora[0]
    series = Counter(s.series for s in summaries if s.series)
    if series:
        title, count = series.most_common(1)[0]
        if 2 * count >= len(summaries):
            return title
    try:
        common = Path(os.path.commonpath([Path(f).resolve().parent for f in files]))
    except ValueError:  # no files, or on different drives
        return FALLBACK_TITLE
    return common.name or FALLBACK_TITLE


def uses_house_encoding(summaries: Sequence[DocSummary]) -> bool:
    """Whether the conventions page has anything to explain."""
    return any(s.house for s in summaries)
